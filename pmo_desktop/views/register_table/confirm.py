"""Changes a register accepts but that are probably slips, confirmed by the user before they are made
(a benefit measurement dated in the future)."""

from __future__ import annotations

from datetime import date
from typing import Callable, Iterable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...models.benefit_rules import future_measurement_warning


def warning_for(register, rows: Iterable[dict], today: Callable[[], date] = date.today,
                document=None, parent_id: int | None = None) -> str | None:
    """The question to ask before writing these values (field name → new value) to a register.
    Values the register refuses anyway are not asked about: the refusal comes first, when written."""
    if register.name != "benefit_measurements":
        return None
    rows = list(rows)
    for values in rows:
        on = values.get("on")
        message = future_measurement_warning(on, today()) if isinstance(on, date) else None
        if message and _accepted(register, rows, document, parent_id):
            return message
    return None


def _accepted(register, rows: list[dict], document, parent_id) -> bool:
    """Whether the register's own rule (e.g. the benefit's realization window) lets these rows in."""
    if document is None or register.check is None or parent_id is None:
        return True
    from ...models.records import rows_pass_check

    return document.office.read(rows_pass_check, register, rows, parent_id, document.context)


def edited_rows(edits) -> Iterator[dict]:
    """CellEdits as one dict of new values per record — made only when ``warning_for`` reads them, which it does for
    a register that may ask (a fill of a million risks' cells made a million dicts on the GUI thread for nothing)."""
    rows: dict[int, dict] = {}
    for e in edits:
        rows.setdefault(e.record_id, {})[e.field] = e.new
    yield from rows.values()


def ask_then(parent: QWidget | None, message: str, run: Callable[[], object]) -> QMessageBox:
    """A non-blocking question; ``run`` is called only when the user answers Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, "Please confirm", message,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      parent or QApplication.activeWindow())
    box.setObjectName("confirm-change")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
                        and run())
    box.open()
    return box
