"""Excel in and out from the GUI: the import preview and mapping dialog, export and board pack actions.

The work itself is done by the Qt-free ``pmo_desktop.excel`` package; this package only asks the user,
shows progress, and makes an import one undoable step.
"""
