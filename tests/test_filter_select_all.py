"""A column's value filter has Excel's "(Select All)" (walkthrough 28): to show one owner's risks a PMO lead
unticked every other owner one by one. Unticking "(Select All)" unticks every value, one tick shows that value's
rows, and ticking "(Select All)" again shows every row — all from the keyboard, the menu staying open."""

from PySide6.QtCore import Qt

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_select_all_unticks_every_value_so_one_tick_shows_one_owner(main_window, qtbot):
    main_window.open_demo()
    main_window.show_page(3)
    view = main_window.pages[3].register_view
    owner = view.model.column_of("owner")
    owners = [view.proxy.index(r, owner).data() for r in range(view.proxy.rowCount())]
    everyone, marcus = len(owners), owners.count("Marcus Lee")
    assert 0 < marcus < everyone
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, owner))
    qtbot.keyClick(view.table, Qt.Key.Key_L, CTRL_SHIFT)
    menu = view.header_menu
    qtbot.waitUntil(menu.isVisible)
    actions = {a.text(): a for a in menu.actions()}
    every = actions["(Select All)"]
    assert every.isChecked()

    menu.setActiveAction(every)
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert menu.isVisible() and not every.isChecked()
    assert view.proxy.rowCount() == 0
    assert not any(a.isChecked() for a in menu.actions() if a.isCheckable())

    menu.setActiveAction(actions["Marcus Lee"])
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert view.proxy.rowCount() == marcus
    assert {view.proxy.index(r, owner).data() for r in range(marcus)} == {"Marcus Lee"}
    assert not every.isChecked() and actions["Show all"].isEnabled()

    menu.setActiveAction(every)
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert view.proxy.rowCount() == everyone
    assert all(a.isChecked() for a in menu.actions() if a.isCheckable())
    assert not actions["Show all"].isEnabled()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
