"""Issue 12, lead57: a header written as the plural of a short word the words files know ("Bugs:", "KPIs",
"Refs") is that word. Plurals were read only from five letters on, so a course team's list headed "Bugs: | Status:"
(unseen set 76) was refused whole. Each test writes a workbook of the shape and failed on main 0e262e98."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

BUGS = [["Pages crash when the user is not signed in", "resolved"],
        ["Admins cannot approve submitted apps", "resolved"],
        ["The welcome page does not format on phones", "open"],
        ["Deleting an app twice shows a server error", "in progress"],
        ["Search lists apps from the wrong store", "resolved"]]


@pytest.mark.parametrize("title, status", [("Bugs:", "Status:"), ("Bugs", "Status"), ("BUGS", "STATUS")])
def test_a_bug_list_headed_by_the_plural_is_read(sqlite_store, tmp_path, title, status):
    path = write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": [[title, status], *BUGS]})
    plan = import_all(sqlite_store, path)
    assert [s.register for s in plan.sheets] == ["issues"]
    issues = rows_of(sqlite_store, "issues")
    assert [i["title"] for i in issues] == [b[0] for b in BUGS]
    assert [i["status"] for i in issues] == ["Resolved", "Resolved", "Open", "Open", "Resolved"]


def test_a_benefits_plan_headed_kpis_reads_them_as_the_measure(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Benefits.xlsx", {"Benefits": [
        ["Benefit", "KPIs", "Owner", "Baseline", "Target"],
        ["Faster invoice approval", "Days from receipt to approval", "Dana Reyes", 12, 3],
        ["Fewer duplicate payments", "Duplicates found a quarter", "Omar Haddad", 40, 5],
        ["Shorter month-end close", "Working days to close", "Dana Reyes", 9, 4]]})
    import_all(sqlite_store, path)
    benefits = rows_of(sqlite_store, "benefits")
    assert [b["measure"] for b in benefits] == ["Days from receipt to approval", "Duplicates found a quarter",
                                                "Working days to close"]
