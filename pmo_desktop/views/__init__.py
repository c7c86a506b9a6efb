"""Qt widgets, table models, delegates, dialogs and charts (pyqtgraph). The only layer that imports Qt."""
