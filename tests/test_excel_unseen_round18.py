"""Classes of problem found on round 18 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named
from real_world_factory import write_xlsx


def test_a_placeholder_with_the_templates_own_tail_is_no_value(sqlite_store, tmp_path):
    """A stakeholder list filled in from a template keeps its prompts where nobody wrote anything:
    "[email]@wfu.edu" is the template's address, not a stakeholder's contact; a real address is kept."""
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Stakeholder List": [
        ["ID", "Email", "Name", "Division", "Title", "Impact Level", "Engagement Approach"],
        ["S1", "[email]@wfu.edu", "Ann Lee", "Finance", "Senior Vice President", "High", "Monthly review"],
        ["S2", "[email]@wfu.edu", "Bo Chan", "Human Resources", "Chief HR Officer", "High", "Monthly review"],
        ["S3", "cy@wfu.edu", "Cy Diaz", "Finance", "Project Manager", "Medium", "Weekly meeting"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert set(got) == {"Ann Lee", "Bo Chan", "Cy Diaz"}
    assert not got["Ann Lee"]["contact"] and not got["Bo Chan"]["contact"]
    assert got["Cy Diaz"]["contact"] == "cy@wfu.edu"
