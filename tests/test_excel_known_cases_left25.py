"""Issue 12's leftovers after round 25 (left25): plans written as done noun first. Each test writes a workbook
of that shape."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx

# (plan text, its action's status): a status line, a subject then what became of it, is done; a plan, an
# order, a habit or a past form used as an adjective stays to do
PLANS = [
    ("Vendor replaced", "Done"), ("Backup tested and verified", "Done"),
    ("Firewall rules updated in March", "Done"), ("MFA rollout complete", "Done"),
    ("Training delivered to all staff", "Done"), ("Contract signed with the new vendor", "Done"),
    ("Insurance in place", "Done"), ("Review completed", "Done"),
    ("Tested backup procedure", "Not started"), ("Increased monitoring", "Not started"),
    ("Updated risk register monthly", "Not started"), ("Backups tested monthly", "Not started"),
    ("Controls reviewed as needed", "Not started"), ("Ensure backups tested", "Not started"),
    ("Vendor to be replaced", "Not started"), ("Vendor not replaced yet", "Not started"),
    ("Vendor being replaced", "Not started"), ("If vendor replaced, retest", "Not started"),
    ("Issue updated milestone status guidance", "Not started"),
    ("Reinforce agreed scope in the charter", "Not started"),
    ("Raise change request and update programme schedule", "Not started"),
]


def test_a_plan_written_noun_first_as_done_is_a_done_action_and_a_plan_or_habit_stays_open(sqlite_store, tmp_path):
    """"Vendor replaced", "MFA rollout complete": a subject of a few words, then a past form or a done word
    ending the text or followed by a link ("in March", "and verified") reports a measure taken — the action is
    done, its text whole. Opening with the past form ("Tested backup procedure"), a habit ("… monthly", "as
    needed"), an order ("Ensure …"), a future, a negation, a condition, or a past form before a noun
    ("updated milestone status guidance") stays to do."""
    rows = [["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "Mitigation"]]
    rows += [[f"R-{i}", f"Risk {i}", "Ann", 3, 3, text] for i, (text, _status) in enumerate(PLANS, 1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": rows}))
    got = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert got == dict(PLANS)
