"""F6: from a register's table to the selected record's own sub-table (a risk's response actions, an issue's actions,
a benefit's plan and measurements) and back, as F6 moves between a window's panes. Which tables are a record's is the
registers' one declaration (``Register.parent_register``): a sub-table's view that follows a record of the register
above it (``model.parent_id``) is found on the window, whatever page or panel holds it. Reaching a risk's actions by
keys took seven Ctrl+Tab (the ✱ line, five text boxes, the actions table), and the caption over it, "Ctrl+Shift+N in
this table adds one", named no way there (walk 59).

F6 in the register's table: the first of the record's sub-tables, its first row (its ✱ line when it has none); F6 in
a sub-table: the record's next sub-table, after the last back to the record's row above; Shift+F6 in a sub-table: back
at once. Each move is said in the status line.

A form over a table whose records have no table of their own (the Status page's report over its project's milestones)
is paired with it the same way (``pair_with_pane_above``): F6 or Shift+F6 in the form to the table, in the table back
to the form's control last used — F6 there had said "the milestones has no table under its records" (walk 61)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ..models.fields import a_noun
from ..models.registers import REGISTERS

KEY, BACK_KEY = "F6", "Shift+F6"
SAID_IN_CAPTIONS = "F6 from the table above comes here and goes back; Ctrl+Shift+N adds one"


def _views(view: Any) -> list[Any]:
    from .register_table.register_view import RegisterView

    return view.window().findChildren(RegisterView)


def record_named(view: Any, record_id: int) -> str:
    """"R-001 “Crane failure”": the record as its table names it."""
    row = view.model.row_of(record_id)
    record = view.model.record(row) if row is not None else {}
    key, name = view.register.key_field, view.register.name_field
    return " ".join(filter(None, (str(record.get(key.name) or "") if key else "",
                                  f"“{record.get(name.name)}”" if name and record.get(name.name) else "")))


def title_of_sub(register: Any) -> str:
    """A sub-table's name as its record's panel declares it ("Response actions"), else its register's title."""
    owner = REGISTERS.get(register.parent_register or "")
    declared = {name: title for title, name in owner.detail.tables} if owner is not None else {}
    return declared.get(register.name, register.title)


def title_of(sub: Any) -> str:
    return title_of_sub(sub.register)


def sub_tables_of(view: Any) -> list[Any]:
    """The sub-tables showing ``view``'s current record's rows, in the registers' declared order."""
    record_id = view.current_record_id()
    if record_id is None:
        return []
    order = list(REGISTERS)
    found = [v for v in _views(view) if v.register.parent_register == view.register.name
             and v.model.parent_id == record_id]
    return sorted(found, key=lambda v: order.index(v.register.name) if v.register.name in order else len(order))


def owner_of(view: Any) -> Any | None:
    """The register's table above a sub-table: the one whose current record the sub-table shows, the table on
    show first."""
    parent_id = view.model.parent_id
    if view.register.parent_register is None or parent_id is None:
        return None
    owners = [v for v in _views(view) if v.register.name == view.register.parent_register and v.model.parent_id is None
              and v.current_record_id() == parent_id]
    owners.sort(key=lambda v: not v.isVisible())
    return owners[0] if owners else None


def _keyboard_into(view: Any) -> None:
    from .own_record_place import bring_into_view

    page = view.window()
    bring_into_view(page, view)
    table = view.table
    index = table.currentIndex()
    if not index.isValid() and view.proxy.rowCount():
        index = view.proxy.index(0, max(view.new_row_model.first_column, 0))
        table.setCurrentIndex(index)
    if index.isValid():
        table.scrollTo(index)
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
    else:
        view.focus_new_line()  # no row yet: the ✱ line, where one is typed


def pair_with_pane_above(pane: QWidget, view: Any, name: str) -> None:
    """F6 and Shift+F6 between ``pane``, a form over ``view``'s table, and the table — as between a record and its own
    table. ``name`` is the form's as the status line says it ("the report")."""
    view.pane_above = (pane, name)
    for key in (KEY, BACK_KEY):
        action = QAction(f"Go to the {view.register.title}", pane)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # any control of the form
        action.triggered.connect(lambda _checked=False: _from_pane_to(view))
        pane.addAction(action)


def _from_pane_to(view: Any) -> None:
    if view.pane_above is None or not view.isVisible():
        return
    _keyboard_into(view)
    name = view.pane_above[1]
    view.document.note.emit(f"{view.register.title} under {name}: Ctrl+Shift+N adds one, {KEY} back to {name}.")


def _keyboard_into_pane(pane: QWidget) -> None:
    """The form's control the keyboard was on last, else its first control in the Tab order."""
    def takes(widget: QWidget | None) -> bool:
        return (widget is not None and widget is not pane and pane.isAncestorOf(widget) and widget.isVisible()
                and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))

    last: QWidget | None = pane.focusWidget()
    if not takes(last):
        # the pane's own widgets in the order they were made, which is its Tab order: never a walk of the focus
        # chain, whose widgets PySide hands out as owned by the one reached from (tests/test_walkthrough22.py)
        last = next((widget for widget in pane.findChildren(QWidget) if takes(widget)), None)
    if last is not None:
        last.setFocus(Qt.FocusReason.ShortcutFocusReason)


def to_sub_table_or_back(view: Any, back: bool = False) -> bool:
    """F6 (``back``: Shift+F6) pressed in ``view``'s table; True when the keyboard moved."""
    note = view.document.note.emit
    if view.register.parent_register is not None:  # in a sub-table: the next one of the record, else back
        owner = owner_of(view)
        if owner is None:
            return False
        tables = sub_tables_of(owner)
        later = tables[tables.index(view) + 1:] if view in tables and not back else []
        if later:
            _keyboard_into(later[0])
            note(f"{title_of(later[0])} of {record_named(owner, owner.current_record_id())}: {KEY} goes on, "
                 f"{BACK_KEY} back to the {owner.register.noun}.")
            return True
        _keyboard_into(owner)
        note(f"Back on {record_named(owner, owner.current_record_id())} in the {owner.register.title.lower()}: {KEY} goes to "
             f"its {title_of(view).lower() if len(tables) < 2 else 'tables'} again.")
        return True
    declared = [r for r in REGISTERS.values() if r.parent_register == view.register.name]
    if view.pane_above is not None and view.pane_above[0].isVisible():  # a form over the table: back to it
        pane, name = view.pane_above
        _keyboard_into_pane(pane)
        note(f"In {name} above: {KEY} goes to its {view.register.title.lower()} below.")
        return True
    if not declared:
        note(f"{KEY}: the {view.register.title.lower()} has no table under its records (a risk has its actions, an "
             "issue its actions, a benefit its plan and measurements).")
        return False
    tables = sub_tables_of(view)
    if not tables:
        what = " and ".join(r.title.lower() for r in declared)
        note(f"{KEY}: choose {a_noun(view.register.noun)} first — its {what} are under it.")
        return False
    _keyboard_into(tables[0])
    more = f", {KEY} on to its {title_of(tables[1]).lower()}" if len(tables) > 1 else ""
    note(f"{title_of(tables[0])} of {record_named(view, view.current_record_id())}: Ctrl+Shift+N adds one{more}, "
         f"{KEY if len(tables) < 2 else BACK_KEY} back to the {view.register.noun}.")
    return True
