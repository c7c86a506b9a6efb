"""“R-004 was deleted by someone else since you opened it”: what was typed into a record a colleague deleted
meanwhile (another user on the shared server, another window on the same file), and the three ways out.

The edit could only be refused: there is no record left to write it into. Kept beside the cell, the note said
"Correct it and press Enter", which cannot help, and the deleted row stayed on screen until the next check for
others' changes. Here the row leaves the table at once and the user chooses: add the record back with the change
(one undo step), copy what was typed to the clipboard, or discard it. Non-blocking (``open()``), as the other
messages: the window stays usable, and tests press the buttons.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..models import records
from ..models.errors import RecordNotFound
from ..models.records import snapshot_fields
from .document import Document
from .register_table.commands import CreateRecordsCommand, EditCellsCommand

ADD_BACK, COPY, DISCARD = "Add It Back with My Change", "Copy What I Typed", "Discard"


def record_label(row: dict[str, Any], command: EditCellsCommand) -> str:
    """``R-004 “Crane delivery slips”``: the record as its table showed it."""
    key, name = command.register.key_field, command.register.name_field
    code = str(row.get(key.name) or "") if key is not None else ""
    title = str(row.get(name.name) or "") if name is not None else ""
    shown = " ".join(filter(None, (code, f"“{title}”" if title else "")))
    return shown or f"That {command.register.noun}"


def offer_deleted(parent: QWidget | None, document: Document, command: EditCellsCommand,
                  gone: RecordNotFound) -> QMessageBox:
    """Say whose record went and what was typed into it; the user's choice is carried out here."""
    register = command.register
    rid = gone.record_id
    assert rid is not None  # ``Document.execute`` offers only a record the edit kept (``shown_rows``)
    row = command.shown_rows[rid]
    typed = {e.field: e.new for e in command.edits if e.record_id == rid}
    label = record_label(row, command)
    shown = {register.field(name).label: register.field(name).kind.edit_text(value) for name, value in typed.items()}
    what = "; ".join(f"{field}: “{text}”" for field, text in shown.items())
    # The row leaves the table now, not at the next check for others' changes: it is not there to edit.
    document.records_changed.emit(register.name, [rid])

    box = QMessageBox(QMessageBox.Icon.Warning, "Deleted by someone else",
                      f"{label} was deleted by someone else since you opened it, so what you typed was not saved.",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("deleted_offer")
    box.setInformativeText(f"You typed {what}.\n\nAdd the {register.noun} back with your change (Edit ▸ Undo takes "
                           "it out again), copy what you typed to paste elsewhere, or discard it.")
    add_back = box.addButton(ADD_BACK, QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(COPY, QMessageBox.ButtonRole.ActionRole)
    discard = box.addButton(DISCARD, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(add_back)
    box.setEscapeButton(discard)  # Esc writes nothing, as the conflict dialog's close keeps theirs

    def said(text: str) -> None:
        document.note.emit(text)

    def chosen(button) -> None:
        document.journal_done(command)  # answered: not offered again at the next start (``Document.kept_journal``)
        if button is add_back:
            values = {**snapshot_fields(register, row), **typed}
            key = register.key_field
            code = str(row.get(key.name) or "") if key is not None else ""
            # Under its own ID, free again since the deletion — unless a colleague has given it to another record
            # meanwhile: then under the register's next ID, said, rather than refused with what was typed lost.
            taken = bool(code) and document.office.read(records.find_id_by_code, register, code) is not None
            if key is not None and not taken:
                values[key.name] = row.get(key.name)
            back = CreateRecordsCommand(document, register, [values], command.parent_id,
                                        text=f"Add back {label} with your change")
            if document.execute(back):
                if taken and key is not None:
                    now = document.office.read(records.record_values, register, back.ids[0])[key.name]
                    # its undo step names the ID it went under: "Add back R-004 …" offered to take out R-004, the
                    # colleague's record now
                    back.setText(f"Add back {record_label({**row, key.name: now}, command)} with your change")
                    said(f"Added back {label} with your change as {now}: {code} is another record's now.")
                else:
                    said(f"Added back: {label}, with your change.")
            else:  # refused all the same (said by the document): what was typed is kept on the clipboard
                QApplication.clipboard().setText("\t".join(shown.values()))
                said(f"{label} could not be added back: what you typed is on the clipboard, to paste elsewhere.")
        elif button is copy:
            QApplication.clipboard().setText("\t".join(shown.values()))
            said(f"Copied what you typed into {label}: it was not saved.")
        else:
            said(f"Discarded what you typed into {label}, which someone else deleted.")

    box.buttonClicked.connect(chosen)
    box.open()
    return box
