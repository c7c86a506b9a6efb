"""A column found by a newcomer's word for it (Ctrl+K): "likelihood" is the risks' Probability, "influence" a
stakeholder's Power, "deadline" an action's Due — the words the import reads a colleague's headers by
(``excel.vocabulary.columns_named``, one source for both). The search found records only, and a newcomer's words were
not the columns' (walk 59): the column is shown, the keyboard on it in the row it was on, and the status line says
what the word is ("“likelihood” is the Probability column of the risk register")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..excel.vocabulary import ColumnNamed, columns_named
from ..models.fields import a_noun
from ..models.registers import REGISTERS
from .pages import PAGES

SHOWN_AT_MOST = 6  # a word naming a column in every register ("owner") lists a few, the records found after them


def where(register_name: str) -> str:
    """"the risk register", "a risk's response actions": the table a register's rows are shown in."""
    from .sub_table_keys import title_of_sub

    register = REGISTERS[register_name]
    owner = REGISTERS.get(register.parent_register or "")
    if owner is None:
        return f"the {register.title[:1].lower()}{register.title[1:]}"
    return f"{a_noun(owner.noun)}'s {title_of_sub(register).lower()}"


def column_hits(text: str) -> list[tuple[str, ColumnNamed]]:
    """(what a line of the search's list says, the column) for the columns ``text`` names, on tables the window has."""
    hits = [hit for hit in columns_named(text) if not REGISTERS[hit.register].singleton][:SHOWN_AT_MOST]
    out = []
    for hit in hits:
        label = next(f.label for f in REGISTERS[hit.register].fields if f.name == hit.field)
        out.append((f"{label} column — {where(hit.register)}", hit))
    return out


def _own_table(window: Any, register_name: str) -> tuple[int, Any] | None:
    """(page row, view) of the register's own table (not a record's sub-table), the page built if need be."""
    from .register_table.register_view import RegisterView

    for row in range(len(PAGES)):
        page = window._ensure_page(row)
        views = [v for v in page.findChildren(RegisterView) if v.register.name == register_name
                 and v.model.parent_id is None and not v.hidden_fields]
        views.sort(key=lambda v: v is not getattr(page, "register_view", None))
        if views:
            return row, views[0]
    return None


def go_to_column(window: Any, hit: ColumnNamed) -> bool:
    """The column ``hit`` names shown, the keyboard on it; said in the status line. False: no table shows it."""
    from .own_record_place import bring_into_view
    from .sub_table_keys import sub_tables_of

    register = REGISTERS[hit.register]
    owner_name = register.parent_register
    found = _own_table(window, owner_name or hit.register)
    if found is None:
        return False
    row, view = found
    window.show_page(row)
    page = window.pages[row]
    bring_into_view(page, view)
    of = ""
    if owner_name is not None:  # a record's own table: the record the table above is on, else its first
        owner = view
        if owner.current_record_id() is None and owner.proxy.rowCount():
            owner.table.setCurrentIndex(owner.proxy.index(0, 0))
        QApplication.processEvents()
        view = next((v for v in sub_tables_of(owner) if v.register.name == hit.register), None)
        if view is None:
            window.statusBar().showMessage(f"“{hit.word}” is the {_label(hit)} column of {where(hit.register)}: "
                                           f"choose {a_noun(owner.register.noun)} to see it.", 10_000)
            owner.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        bring_into_view(page, view)
        from .sub_table_keys import record_named

        of = f" (those of {record_named(owner, owner.current_record_id())} shown)"
    column = view.model.column_of(hit.field)
    table = view.table
    hidden = table.isColumnHidden(column)
    if view.proxy.rowCount():
        current = table.currentIndex()
        index = view.proxy.index(max(current.row(), 0), column)
        if not hidden:
            table.setCurrentIndex(index)
            table.scrollTo(index)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        view.focus_new_line(column)
    said = f"“{hit.word}” is the {_label(hit)} column of {where(hit.register)}{of}."
    if hidden:
        said += " It is hidden in this table: Ctrl+Shift+L, Columns, shows it."
    window.statusBar().showMessage(said, 15_000)
    return True


def _label(hit: ColumnNamed) -> str:
    return next(f.label for f in REGISTERS[hit.register].fields if f.name == hit.field)
