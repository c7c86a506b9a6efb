"""Fault round 68 (stop-54 leftover): an edit of a benefit's measurement — its note typed in the Measurements table
under the Benefits register — was undone as "Undone: Edit Note": a measurement has no code or name of its own, and
undone from another page nothing on screen said whose note. The step now names the measurement by its day and the
benefit it belongs to, as other steps name their record ("Edit Owner of R-001 “Crane delivery slips”")."""

from __future__ import annotations

from pathlib import Path

from benefits_office import LOWER_RUNNING_COST, benefits_office
from sqlalchemy import text

from pmo_desktop.models.registers.benefits import MEASUREMENTS
from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    """A benefit with one measurement (no note yet)."""
    return benefits_office(tmp_path, [LOWER_RUNNING_COST], measurements=[["B-002", "2026-03-31", 90, "Stock report"]])


def test_the_undo_step_names_the_measurement_and_its_benefit(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QUndoStack

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.table_model import RegisterTableModel

    document = Document(Store.open(_office(tmp_path)))
    try:
        benefit = document.office.read(lambda s: s.execute(text("SELECT id FROM benefit")).scalar_one())
        model = RegisterTableModel(document, MEASUREMENTS, parent_id=benefit)
        assert model.rowCount() == 1
        command = model.build_edit_command([(0, model.column_of("note"), "March count")])
        assert command is not None
        assert command.text() == "Edit Note of the measurement of 31 Mar 2026 in B-002 “Lower running cost”"
        assert isinstance(document.undo_stack, QUndoStack)
        assert document.execute(command)
        document.undo_stack.undo()
        assert document.undo_stack.undoText() == ""
        assert document.undo_stack.redoText() == command.text()
    finally:
        document.close()


def test_a_benefit_deleted_by_someone_else_leaves_the_step_named_by_its_day(qtbot, tmp_path: Path) -> None:
    """The benefit deleted by another window (or client) after its measurements were shown: the step is still
    named, by the measurement's day, and is built — it is the save that meets the deletion, as before."""
    import sqlite3

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.table_model import RegisterTableModel

    office = _office(tmp_path)
    document = Document(Store.open(office))
    try:
        benefit = document.office.read(lambda s: s.execute(text("SELECT id FROM benefit")).scalar_one())
        model = RegisterTableModel(document, MEASUREMENTS, parent_id=benefit)
        con = sqlite3.connect(office)
        with con:
            con.execute("DELETE FROM benefit")
        con.close()
        command = model.build_edit_command([(0, model.column_of("note"), "March count")])
        assert command is not None and command.text() == "Edit Note of the measurement of 31 Mar 2026"
    finally:
        document.close()
