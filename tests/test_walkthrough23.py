"""Walkthrough 23: a newcomer's check of the day's keyboard changes — what was found, fixed, by real key presses
on real widgets."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_word_typed_in_a_choice_cell_that_begins_no_choice_is_quoted_whole(empty_window, qtbot):
    """"checked" typed in a risk's Status cell (Open, Closed, Occurred): its first "c" picked Closed, "h" began no
    choice, and the second "c" started afresh on Closed again — the note beside the cell said "“cked” begins none
    of the Status choices", letters the user never typed as a word. The word typed on is quoted whole; after Enter
    has said the refusal again, the next key starts afresh ("c" is Closed), and nothing is stored meanwhile."""
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Crane supplier slips")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Up)
    table = view.table
    table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(0, view.model.column_of("status"))))
    steps = window.document.undo_stack.count()

    def notes() -> list[str]:
        return [note.text() for note in window.findChildren(RefusalNote) if note.isVisible()]

    type_keys(qtbot, "checked")
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo)
    assert any("“checked” begins none of the Status choices" in text for text in notes()), notes()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert QApplication.focusWidget() is editor and table.state() == table.State.EditingState  # held
    assert any("“checked”" in text for text in notes())
    assert window.document.undo_stack.count() == steps and view.model.record(0)["status"] == "Open"
    type_keys(qtbot, "c")  # the refusal read: a fresh start
    assert editor.currentText() == "Closed" and not notes()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert view.model.record(0)["status"] == "Closed"


def test_the_import_mappings_header_reads_whole_on_a_small_screen(qtbot, document, tmp_path):
    """A RAID log of two sheets imported in a dialog a small screen makes narrow (752 px: 1280×720 at 150 %): the
    choices ("Response plan (as response actions)") took the mapping's room, as they should, and the names' header
    "Workbook column", centred in the few letters left, was cut at both ends to "kbook colu". It says "Column"
    then, whole, with the long form in its tooltip; given room, "Workbook column"."""
    from openpyxl import Workbook

    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    book = Workbook()
    risks = book.active
    risks.title = "Risks"
    risks.append(["ID", "Risk Description", "Impact (High/Med/Low)", "Likelihood (High/Med/Low)", "Mitigation Strategy"])
    risks.append(["R1", "Model slow under load", "High", "High", "Cache answers"])
    issues = book.create_sheet("Issues")
    issues.append(["ID", "Issue Description", "Impact (High/Med/Low)", "Status (Open/In Progress/Closed)", "Owner"])
    issues.append(["I1", "CORS errors in local dev", "Medium", "Open", "Dev team"])
    book.save(tmp_path / "raid.xlsx")
    for width, heading in ((752, "Column"), (1800, "Workbook column")):
        dialog = ImportDialog(document, tmp_path / "raid.xlsx")
        qtbot.addWidget(dialog)
        dialog.resize(width, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        header = dialog.mapping_table.horizontalHeader()
        assert dialog.mapping_table.rowCount() > 5
        item = dialog.mapping_table.horizontalHeaderItem(0)
        assert (item.text(), item.toolTip() or "Workbook column") == (heading, "Workbook column"), width
        assert header.sectionSizeFromContents(0).width() <= header.sectionSize(0), (width, header.sectionSize(0))
        dialog.close()
