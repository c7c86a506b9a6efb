"""Where a sub-table's record is shown — a risk's action, an issue's action, a benefit's plan or measurement: in its
parent record's own table, under the parent on its page. Ctrl+Z of a measurement's note typed on the Benefits page went
looking for a page that lists measurements, found none, and left the window on the last page it had looked at (the
Status page, the keyboard in its Project box) — the change out of sight and the user's place lost (walk 51)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from ..models.registers import REGISTERS
from .kept_offer import parent_register
from .register_table.register_view import RegisterView


def parent_of(document, register_name: str, record_id: int) -> tuple[str, int] | None:
    """(the parent's register, its id) of a sub-table's record; None for a register of its own or a record gone."""
    register = REGISTERS.get(register_name)
    parent = parent_register(register) if register is not None else None
    if register is None or parent is None or not register.parent:
        return None
    column = register.parent
    entity: Any = register.entity

    def read(session) -> Any:
        row = session.get(entity, record_id)
        return getattr(row, column, None) if row is not None else None

    parent_id = document.office.read(read)
    return (parent.name, parent_id) if isinstance(parent_id, int) else None


def own_table_of(page: QWidget, register_name: str, parent_id: int) -> RegisterView | None:
    """The parent record's own table of ``register_name`` on ``page`` (its actions, its measurements)."""
    return next((v for v in page.findChildren(RegisterView)
                 if v.register.name == register_name and v.model.parent_id == parent_id), None)


def bring_into_view(page: QWidget, widget: QWidget) -> None:
    """Each tab holding ``widget`` on ``page`` made current (a benefit's profile in tabs at 1280×720)."""
    inner: QWidget | None = widget
    while inner is not None and inner is not page:
        outer = inner.parentWidget()
        stack = outer.parentWidget() if outer is not None else None
        if isinstance(stack, QTabWidget) and stack.indexOf(inner) >= 0:
            stack.setCurrentWidget(inner)
        inner = outer


def show_in_own_table(page: QWidget, register_name: str, parent_id: int, record_id: int, field: str | None) -> bool:
    """The record current in its parent's own table on ``page``, its cell ``field``, the keyboard in the table."""
    view = own_table_of(page, register_name, parent_id)
    if view is None:
        return False
    bring_into_view(page, view)
    columns = [f.name for f in view.model.fields]
    if not view.select_record(record_id, columns.index(field) if field in columns else 0):
        return False
    view.table.setFocus(Qt.FocusReason.OtherFocusReason)
    return True
