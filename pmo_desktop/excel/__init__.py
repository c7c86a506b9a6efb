"""Excel import and export (openpyxl). Imports no Qt: runs headless, in the CLI and in tests."""
