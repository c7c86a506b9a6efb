"""The RAID page: Ctrl+7 opens it, each log is the register's own table (paste with Excel, refusals,
undo), and the Edit menu acts on the log whose tab is shown."""

from PySide6.QtCore import Qt

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.pages import PAGES

D = REGISTERS["dependencies"]


def office(tmp_path):
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        for name in ("Tills", "Stores"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
    store.close()
    return path


def test_ctrl_7_opens_the_raid_logs_and_a_pasted_dependency_is_one_undo_step(qtbot, main_window, tmp_path):
    assert main_window.open_path(str(office(tmp_path)))
    assert [t for t, _ in PAGES][:6] == ["Program overview", "Projects", "Stakeholders", "Risks", "Benefits", "People"]
    qtbot.keyClick(main_window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = main_window.stack.currentWidget()
    assert type(page).__name__ == "RaidPage"
    assert [page.tabs.tabText(i) for i in range(3)] == ["Assumptions", "Dependencies", "Decisions"]
    view = page.show_log("dependencies")
    assert main_window.active_register_view() is view
    header = "\t".join(f.label for f in D.importable_fields[1:5])
    assert view.paste_text(f"{header}\r\nStore network\tStores\t\tTills\r\n", at_end=True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    store = main_window.document.store
    with store.session() as s:
        rec = records.record_values(s, D, records.find_id_by_code(s, D, "D-001"))
    assert (rec["title"], rec["from_project"], rec["to_project"], rec["status"]) == (
        "Store network", "Stores", "Tills", "On track")
    # A project depending on itself is refused and nothing changes.
    assert not view.paste_text(f"{header}\r\nLoop\tTills\t\tTills\r\n", at_end=True)
    assert view.model.rowCount() == 1
    main_window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)


def test_action_log_highlights_overdue_and_filters_by_owner_and_week(qtbot, main_window, tmp_path):
    from datetime import date

    from pmo_desktop.models import clock

    path = office(tmp_path)
    store = Store.open(path)
    with store.transaction() as s:
        risk = records.create_record(s, REGISTERS["risks"], {"title": "Vendor late"})
        for text, who, due in (("Chase vendor", "Ann", date(2027, 1, 10)), ("Second source", "Bob", date(2027, 1, 15)),
                               ("Contract review", "Ann", date(2027, 3, 1))):
            records.create_record(s, REGISTERS["risk_actions"], {"description": text, "actionee": who, "due": due},
                                  parent_id=risk.id)
    store.close()
    with clock.frozen(date(2027, 1, 13)):
        assert main_window.open_path(str(path))
        qtbot.keyClick(main_window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
        page = main_window.stack.currentWidget()
        page.tabs.setCurrentWidget(page.action_log)
        log = page.action_log
        assert page.register_view is None  # the Edit menu has no table to act on here
        assert [log.tree.topLevelItem(i).text(2) for i in range(log.tree.topLevelItemCount())] == [
            "Chase vendor", "Second source", "Contract review"]
        assert [log.is_overdue_row(i) for i in range(3)] == [True, False, False]
        assert "1 overdue" in log.count.text()
        log.set_view("week")
        assert [a.action for a in log.items] == ["Chase vendor", "Second source"]
        log.set_view("all", owner="Ann")
        assert [a.action for a in log.items] == ["Chase vendor", "Contract review"]
        # Double-click goes to the risk the action belongs to.
        log.tree.itemActivated.emit(log.tree.topLevelItem(0), 0)
        assert type(main_window.stack.currentWidget()).__name__ == "RisksPage"


def test_raid_rules_dialog_changes_decision_rights_and_review_cadence_in_one_undo_step(qtbot, document):
    from pmo_desktop.models.raid_rules import DecisionRights
    from pmo_desktop.models.risk_review import ReviewCadence
    from pmo_desktop.models.settings import DECISION_RIGHTS, REVIEW_CADENCE
    from pmo_desktop.views.raid.settings import apply_rules, rules_dialog

    dialog = rules_dialog(document)
    qtbot.addWidget(dialog)
    assert list(dialog.days) == ["Critical", "High", "Medium", "Low", ""]
    assert dialog.threshold.value() == 50_000 and dialog.days["Critical"].value() == 14
    dialog.threshold.setValue(120_000)
    dialog.cross.setChecked(False)
    dialog.days["Critical"].setValue(7)
    assert apply_rules(document, dialog)
    assert document.read_setting(DECISION_RIGHTS) == DecisionRights(120_000, False)
    assert document.read_setting(REVIEW_CADENCE).interval("Critical") == 7
    assert document.context.extra["decision_rights"].program_cost_threshold == 120_000
    document.undo_stack.undo()
    assert document.read_setting(DECISION_RIGHTS) == DecisionRights()
    assert document.read_setting(REVIEW_CADENCE) == ReviewCadence()
