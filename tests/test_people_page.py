"""The People page: where a person is used, merging a duplicate into the right person (every reference
follows, one undo step), and the program's details edited from the File menu."""

from PySide6.QtCore import QItemSelectionModel, Qt

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.pages import PAGES

RISKS = REGISTERS["risks"]


def owners(store):
    with store.session() as s:
        column = RISKS.field_names.index("owner") + 2
        return sorted(r[column] for r in records.fetch_rows(s, RISKS))


def open_people(window, path):
    assert window.open_path(str(path))
    window.nav.setCurrentRow([t for t, _ in PAGES].index("People"))
    return window.stack.currentWidget()


def select_names(page, names):
    view = page.register_view
    view.table.clearSelection()
    column = REGISTERS["people"].field_names.index("name")
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, column)
        if index.data() in names:
            view.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select
                                               | QItemSelectionModel.SelectionFlag.Rows)


def test_merge_a_duplicate_and_undo(qtbot, main_window, tmp_path):
    from pmo_desktop.models.store import Store

    path = tmp_path / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "Late", "owner": "Helen"})
        records.create_record(s, RISKS, {"title": "Costly", "owner": "Helen Brooks"})
    store.close()
    page = open_people(main_window, path)
    document = main_window.document
    select_names(page, {"Helen"})
    assert "1 in risk register" in page.usage_text(page.register_view.selected_ids())
    assert page.merge_selected(keep_name="Helen Brooks")
    assert owners(document.store) == ["Helen Brooks", "Helen Brooks"]
    assert page.register_view.model.rowCount() == 1
    document.undo_stack.undo()
    assert owners(document.store) == ["Helen", "Helen Brooks"]
    qtbot.waitUntil(lambda: page.register_view.model.rowCount() == 2)
    document.undo_stack.redo()
    assert owners(document.store) == ["Helen Brooks", "Helen Brooks"]


def test_program_details_dialog_saves_one_undo_step(qtbot, main_window, tmp_path):
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.program_dialog import ProgramDialog

    path = tmp_path / "office.pmo"
    Store.create(path, program_name="office").close()
    assert main_window.open_path(str(path))
    dialog = ProgramDialog(main_window.document, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name = dialog.editors["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Retail 2030")
    qtbot.keyClicks(dialog.editors["sponsor"], "Dana Okafor")
    qtbot.keyClicks(dialog.editors["end_date"], "31/12/2025")
    qtbot.keyClicks(dialog.editors["start_date"], "2026-01-01")
    dialog.save()
    assert "cannot end before it starts" in dialog.message.text()  # refused, nothing saved
    assert main_window.document.store.program().name == "office"
    dialog.editors["end_date"].clear()
    qtbot.keyClicks(dialog.editors["end_date"], "31 Dec 2028")
    qtbot.keyClick(dialog.editors["end_date"], Qt.Key.Key_Return)
    assert main_window.document.store.program().name == "Retail 2030"
    assert main_window.document.store.program().sponsor == "Dana Okafor"
    main_window.document.undo_stack.undo()
    assert main_window.document.store.program().name == "office"


def test_overview_shows_the_raid_picture(qtbot, main_window, tmp_path):
    from PySide6.QtWidgets import QGroupBox

    from pmo_desktop.models.demo import create_demo

    create_demo(tmp_path / "demo.pmo").close()
    assert main_window.open_path(str(tmp_path / "demo.pmo"))
    main_window.nav.setCurrentRow(0)
    page = main_window.stack.currentWidget()
    qtbot.waitUntil(lambda: any(b.title().startswith("Decisions") for b in page.findChildren(QGroupBox)))
    titles = {b.title().split(" (")[0] for b in page.findChildren(QGroupBox)}
    assert {"Issues", "Actions", "Dependencies", "Decisions", "Risks", "Benefits"} <= titles


def test_ctrl_enter_saves_the_program_details_from_the_description(qtbot, main_window, tmp_path):
    """In the description Enter starts a new line; Ctrl+Enter saves, as a newcomer tries first."""
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.program_dialog import ProgramDialog

    path = tmp_path / "office.pmo"
    Store.create(path, program_name="office").close()
    assert main_window.open_path(str(path))
    dialog = ProgramDialog(main_window.document, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    description = dialog.editors["description"]
    description.setFocus()
    qtbot.keyClicks(description, "Stores modernised by 2030")
    qtbot.keyClick(description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert main_window.document.store.program().description == "Stores modernised by 2030"
    assert not dialog.isVisible()
