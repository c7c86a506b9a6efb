from . import pyside_refcount_fix

pyside_refcount_fix.apply()  # before any widget is built: see the module for the PySide6 6.12 bug
