"""Issues escalate from a project to the program and back, with a reason, a date and a history, by the
same rules as risks; each step is one undo step on the Risks page's issue log."""

from datetime import date

import pytest
from sqlalchemy import select

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_escalation import de_escalate, escalate, restore_escalation
from pmo_desktop.models.risks import IssueEntry, IssueHistory

ISSUES = REGISTERS["issues"]


def history(store, iid):
    with store.session() as s:
        return [(h.level, h.note) for h in s.scalars(select(IssueHistory).where(IssueHistory.issue_id == iid)
                                                     .order_by(IssueHistory.id))]


def test_an_issue_escalates_and_comes_back_with_its_history(store):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
        iid = records.create_record(s, ISSUES, {"title": "Vendor insolvent", "project": "Tills"}).id
        orphan = records.create_record(s, ISSUES, {"title": "No project"}).id
    with pytest.raises(errors.ValidationError, match="reason"), store.transaction() as s:
        escalate(s, iid, "  ", entity=IssueEntry)
    with pytest.raises(errors.ValidationError, match="no project"), store.transaction() as s:
        escalate(s, orphan, "big", entity=IssueEntry)
    with store.transaction() as s:
        before = escalate(s, iid, "Hits the stores project too", date(2027, 1, 5), IssueEntry)
    with store.session() as s:
        rec = records.record_values(s, ISSUES, iid)
    assert (rec["level"], rec["escalated"], rec["escalated_on"], rec["escalation_reason"]) == (
        "Program", True, date(2027, 1, 5), "Hits the stores project too")
    with pytest.raises(errors.ValidationError, match="already a program issue"), store.transaction() as s:
        escalate(s, iid, "again", entity=IssueEntry)
    with store.transaction() as s:
        restore_escalation(s, iid, before, "escalation undone", IssueEntry)
        escalate(s, iid, "Hits the stores project too", entity=IssueEntry)
    with store.transaction() as s:
        de_escalate(s, iid, IssueEntry)
    with pytest.raises(errors.ValidationError, match="a project issue"), store.transaction() as s:
        de_escalate(s, iid, IssueEntry)
    assert history(store, iid) == [("Program", "escalated: Hits the stores project too"),
                                   ("Project", "escalation undone"),
                                   ("Program", "escalated: Hits the stores project too"),
                                   ("Project", "de-escalated")]


def test_escalating_an_issue_on_the_risks_page_is_one_undo_step(qtbot, document):
    from pmo_desktop.views.risks.page import RisksPage

    with document.store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
        iid = records.create_record(s, ISSUES, {"title": "Vendor insolvent", "project": "Tills"}).id
    page = RisksPage(document)
    qtbot.addWidget(page)
    assert page.select_record("issues", iid)
    assert page.issue_escalate_button.isEnabled() and not page.issue_de_escalate_button.isEnabled()
    assert page.escalate_issue("Hits every store")
    assert page.current_issue()["level"] == "Program"
    qtbot.waitUntil(page.issue_de_escalate_button.isEnabled)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: page.current_issue()["level"] == "Project")
    assert document.undo_stack.undoText() == "" and document.undo_stack.redoText() == "Escalate I-001"


def test_the_selected_issues_actions_show_below_the_issue_log(qtbot, document):
    from pmo_desktop.views.risks.page import RisksPage

    with document.store.transaction() as s:
        first = records.create_record(s, ISSUES, {"title": "Vendor insolvent"}).id
        second = records.create_record(s, ISSUES, {"title": "Tills down"}).id
        records.create_record(s, REGISTERS["issue_actions"], {"description": "Find a new vendor"}, parent_id=first)
    page = RisksPage(document)
    qtbot.addWidget(page)
    assert page.select_record("issues", first) and page.tabs.currentWidget() is page.issue_tab
    actions = page.issue_actions_view
    qtbot.waitUntil(lambda: actions.model.rowCount() == 1)
    assert page.select_record("issues", second)
    qtbot.waitUntil(lambda: actions.model.rowCount() == 0)
    actions.table.setFocus()
    assert actions.paste_text("Restart the tills\tBo\r\n", at_end=True)
    with document.store.session() as s:
        assert [(a.description, a.issue_id) for a in s.get(IssueEntry, second).actions] == [("Restart the tills", second)]
