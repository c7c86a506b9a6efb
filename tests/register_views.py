"""A register's table on its own, as the tests drive it: shown, active, the keyboard's."""

from __future__ import annotations

from pmo_desktop.views.register_table import RegisterView


def shown_view(qtbot, document, register) -> RegisterView:
    """``register``'s view of ``document``, 1200×500, shown and its window active (so key presses reach it)."""
    view = RegisterView(document, register)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view
