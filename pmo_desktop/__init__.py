"""PMO Desktop: the registers of one program office, kept in one file."""

__version__ = "0.1.0"
APP_NAME = "PMO Desktop"
ORG_NAME = "PMO Desktop"
FILE_SUFFIX = ".pmo"
