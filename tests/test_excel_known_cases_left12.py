"""Import problems earlier rounds of real workbooks found and left (issue 12): each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store


def _actions(store: Store) -> dict[str, dict]:
    """The risks' response actions by their text: who, by when, how far."""
    return {a["description"]: a for a in rows_of(store, "risk_actions")}


def test_an_action_owner_and_due_date_beside_the_plan_go_onto_its_actions(sqlite_store, tmp_path):
    """An ISO 27001 register lists what is in place, what is recommended, who does it and by when
    ("CURRENT CONTROLS | RECOMMENDED CONTROL(S) | CONTROL OWNER | DATE DUE"): the recommendation is an action
    of that owner due on that date; the control in place is an action already done, with no owner or date of
    the recommendation's. The risk's own owner stays the risk's."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "CURRENT CONTROLS", "RECOMMENDED CONTROL(S)",
         "CONTROL OWNER", "DATE DUE"],
        ["R1", "Phishing of staff", "CEO", 4, 4, "Onboarding talk", "Yearly awareness training", "IT Director",
         dt.date(2027, 11, 29)],
        ["R2", "Laptop theft", "CFO", 3, 4, "Cable locks", "Disk encryption", "IT Director",
         dt.date(2027, 6, 30)]]})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert risks["Phishing of staff"]["owner"] == "CEO"
    assert "CONTROL OWNER" not in risks["Phishing of staff"]["notes"]
    assert "DATE DUE" not in risks["Phishing of staff"]["notes"]
    actions = _actions(sqlite_store)
    training = actions["Yearly awareness training"]
    assert (training["actionee"], training["due"], training["status"]) == ("IT Director", dt.date(2027, 11, 29),
                                                                          "Not started")
    talk = actions["Onboarding talk"]
    assert (talk["actionee"], talk["due"], talk["status"]) == (None, None, "Done")


def test_remediation_beside_a_control_is_the_action_with_its_target_date(sqlite_store, tmp_path):
    """A GRC register's "Remediation Actions" followed by its "Target Date", with the existing "Control"
    further right: the remediation is the action to do, due that day; the control is in place."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Description", "Impact (I)", "Likelihood (L)", "Risk Treatment", "Remediation  Actions",
         "Target Date", "Risk Owner", "Control"],
        ["R001", "Data theft through a weak password", 5, 4, "Mitigate", "Enforce MFA and audit passwords",
         dt.date(2027, 10, 5), "IT Support Engineer", "Password policy"],
        ["R002", "Malware on an unpatched laptop", 5, 3, "Mitigate", "Patch and scan every laptop",
         dt.date(2027, 12, 5), "IT Support Engineer", "Antivirus"]]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Data theft through a weak password"]
    assert risk["owner"] == "IT Support Engineer"
    assert "Remediation" not in risk["notes"]
    actions = _actions(sqlite_store)
    mfa = actions["Enforce MFA and audit passwords"]
    assert (mfa["due"], mfa["status"]) == (dt.date(2027, 10, 5), "Not started")
    assert actions["Password policy"]["status"] == "Done"
