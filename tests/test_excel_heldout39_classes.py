"""Classes of problem left by the held-out set of import round 39 (docs/import-rounds.md, "Round 39's held-out
classes (left39b)"): each test writes a file of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_row_of_web_addresses_and_user_names_is_never_a_headers_second_line(sqlite_store, tmp_path):
    """A grant program's task list ("Type | Issue Creator | … | Task Link") had its first data row joined to the
    header as its second line ("Issue Creator guni7", "Task Link https://…/38"): the lower-case user name and
    address read as a wrapped header's rest, the Type column was not seen as the tracker's, and 16 issues titled
    by web addresses were made. A web address or a user name is a value, never a header's rest: the list is
    read as the tracker's planned work (tasks) and no issue is made."""
    link = "https://github.com/example-org/acceleration-program/issues/"
    rows: list[list[object]] = [["Type", "Issue Creator", "Assignee (Grant Liaison)", "Task Link", "Linked Proposal?",
                                 "Proposal Link"]]
    creators = ["guni7", "cyl19970726", *["NOOMA-42"] * 14, "tkmct"]
    for k, creator in enumerate(creators):
        proposal = k % 3 == 1
        rows.append(["Task & Proposal" if proposal else "Task", creator, "NOOMA-42" if k == 6 else "",
                     f"{link}{40 - k}", "Yes" if proposal else "No", f"{link}{60 - k}" if proposal else ""])
    path = write_csv(tmp_path / "issues.csv", rows)
    try:
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    except WorkbookError:
        pass  # refused: nothing in it is an issue
    issues = rows_of(sqlite_store, "issues")
    assert not [r for r in issues if r["title"].startswith("http")]
    assert issues == []


@pytest.mark.parametrize("lower", ["que debe darse con este stakeholder", "and mitigation"])
def test_a_header_wrapped_in_lower_case_is_still_one_header(lower):
    """The rule above leaves a header's real second line alone: words in lower case go on with the phrase."""
    from pmo_desktop.excel.header_detection import wrapped_header
    assert wrapped_header("Tipo de Relación y Seguimiento", lower) == f"Tipo de Relación y Seguimiento {lower}"
    assert wrapped_header("Task Link", f"https://example.org/issues/{len(lower)}") is None
    assert wrapped_header("Issue Creator", "guni7") is None
