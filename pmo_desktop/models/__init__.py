"""Domain and persistence: SQLAlchemy tables, the program office file, register definitions and
domain rules. Imports neither Qt nor openpyxl, so it runs headless and is tested without a GUI."""

from .errors import EditConflict, StoreError, ValidationError  # noqa: F401
from .store import Store  # noqa: F401
