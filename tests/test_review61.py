"""Stop 61's review (review61) of the part of stop 60 no reviewer read (f5c2ed15..801e7af2): each test writes a
workbook of the shape of a defect found (never a fetched file), imports it through the real code and failed on main
801e7af2."""

from __future__ import annotations

import marshal
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel import row_planner

HEAD = ["ID", "Risk", "Owner", "Probability", "Impact", "Status"]
RISKS = [["R-1", "Key supplier goes out of business", "Mia Stone", "High", "High", "Open"],
         ["R-2", "Test environment is not ready in time", "Omar Haddad", "Medium", "Low", "Open"]]


@pytest.mark.parametrize("block", [
    [["Project", "Project Manager"], ["Harbour Data Platform", "Mia Stone"]],
    [["Project", "Sponsor", "Date", "Version"], ["Harbour Data Platform", "Jane Roe", date(2025, 1, 1), "v1"]],
    [["Project", "Phase"], ["Harbour Data Platform", "Design"]],
    [["Project", "Status"], ["Harbour Data Platform", "Green"]],
])
def test_a_title_block_of_labels_over_their_values_names_no_project_by_a_label(sqlite_store, tmp_path, block):
    """A title block written as labels across over their values ("Project | Project Manager" over "Harbour Data
    Platform | Mia Stone"): classes87b read "Project | Project Manager" as a label and its value, made a project
    "Project Manager" and gave it to every risk. The row under the pair fills the cells under both, and nothing
    says the pair is one (no colon, the cell under "Project" no label): no project is taken from the block."""
    rows: list[list[Any]] = [["Risk Register"], *block, [], HEAD, *RISKS]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert len(got) == 2
    assert {r["project"] for r in got.values()} <= {None, ""}
    assert not rows_of(sqlite_store, "projects")


@pytest.mark.parametrize(("label", "under"), [("Project:", "Project Manager:"), ("Проект", "PM")])
def test_a_title_block_of_pairs_down_still_names_the_project(sqlite_store, tmp_path, label, under):
    """Guard: pairs down the side ("Project: | Harbour Data Platform" over "Project Manager: | Mia Stone", or
    "Проект | …" over "PM | …") still give each risk the project."""
    rows: list[list[Any]] = [["Risk Register"], [label, "Harbour Data Platform Upgrade"], [under, "Mia Stone"], [],
                             HEAD, *RISKS]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    assert {r["project"] for r in named(sqlite_store, "risks").values()} == {"Harbour Data Platform Upgrade"}


def test_a_block_of_pairs_down_the_side_names_the_project_whatever_is_under_it(sqlite_store, tmp_path):
    """Guard (unseen set 70's shape, filled): "COMPANY | … / DEPARTMENT | … / PROJECT NAME | MeetMe / PROJECT MANAGER |
    …" — a pair over the project's row in the same cells makes the block pairs down the side, though the label under
    "PROJECT NAME" has more words than the project."""
    rows: list[list[Any]] = [["ISSUE TRACKING"], ["COMPANY", "Harbour College"], ["DEPARTMENT", "Engineering"],
                             ["PROJECT NAME", "MeetMe"], ["PROJECT MANAGER", "Rayan Bell"], [],
                             ["ISSUE NO", "STATUS", "DESCRIPTION", "PRIORITY", "ASSIGNEE"],
                             [1, "Open", "The login page times out", "High", "Mia Stone"],
                             [2, "Closed", "The invite mail is not sent", "Low", "Omar Haddad"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issue Tracking.xlsx", {"Simple Issue Tracking": rows}))
    assert {r["project"] for r in rows_of(sqlite_store, "issues")} == {"MeetMe"}
    assert "PROJECT MANAGER: Rayan Bell" in " ".join(s.note for s in plan.sheets)


def test_remarks_between_the_rows_of_an_ungrouped_list_are_no_categories(sqlite_store, tmp_path):
    """Remarks alone in the first column between a list's rows ("Reviewed at the March board", "Escalated to the
    sponsor"), the first risks under none: classes87b made each the category of the risks under it. Captions
    group every record, the first one too; remarks under the first record stay notes."""
    rows: list[list[Any]] = [
        ["No.", "Risk", "Owner", "Probability", "Impact"],
        [1, "Key supplier goes out of business", "Mia Stone", "High", "High"],
        ["Reviewed at the March board", None, None, None, None],
        [2, "Test environment is not ready in time", "Omar Haddad", "Medium", "Low"],
        [3, "Budget is cut in the second half", "Mia Stone", "Low", "High"],
        ["Escalated to the sponsor", None, None, None, None],
        [4, "Vendor misses the integration date", "Mia Stone", "Low", "High"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert len(got) == 4
    assert not any(r["category"] for r in got.values())


def _letters(i: int) -> str:
    """A name's part of letters only (a label of no figure, as a person's name is)."""
    return "".join(chr(65 + i // 26 ** k % 26) for k in range(3))


def test_a_long_list_with_gaps_before_rows_filling_unheaded_columns_is_read_once_for_them(
        sqlite_store, tmp_path, monkeypatch):
    """A stakeholder list "Name | Role | Organisation" whose rows fill two unheaded columns only from its middle
    on, a blank row before each of its last rows: review60's check (are those columns filled above?) read the
    sheet again from its top at each such row — 8,000 rows took three minutes to plan. The rows are read once for
    it; every stakeholder is still imported."""
    first, late = 1500, 400
    people: list[list[Any]] = [["Name", "Role", "Organisation"]]
    people += [[f"Person {_letters(i)}", "Sponsor", "Finance"] for i in range(first)]
    people.append(["Zed Quill", "Analyst", "IT", "High", "Weekly"])
    for i in range(late):
        people += [[], [f"Late {_letters(i)}", "Analyst", "IT", "High", "Weekly"]]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": people})
    looked = [0]
    real = row_planner._with_past

    def counting(row: Any, past: Any) -> Any:
        looked[0] += 1
        return real(row, past)

    monkeypatch.setattr(row_planner, "_with_past", counting)
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "stakeholders")) == first + 1 + late
    assert looked[0] <= 4 * len(people)  # main: some 600,000 rows looked at, the list's top again at each


def _damaged(kept: Path, text: str, key: str) -> None:
    """The kept file with ``text``'s key changed to ``key``, all else as it was (the CRC-32 beside checked bytes too)."""
    held = marshal.loads(kept.read_bytes())
    data = held["data"]
    keys = marshal.loads(data) if isinstance(data, bytes) else data
    assert text in keys
    keys[text] = key
    held["data"] = marshal.dumps(keys) if isinstance(data, bytes) else keys
    kept.write_bytes(marshal.dumps(held))


def test_a_kept_words_key_damaged_in_the_cache_folder_is_never_read(tmp_path):
    """The words' keys kept in the cache folder (speed60a) with a key changed on disk — bytes damaged where a key
    is, the file still whole: main read the wrong key back in this process and every later one, and the Spanish
    issues' "Cerrado" was no longer read as Closed (they came in Open) until the words files changed. The kept
    bytes are checked against their CRC-32: the keys are made again, the workbook read as before."""
    from test_speed60a_word_keys import _import, _workbook

    book = _workbook(tmp_path / "Projekt.xlsx")
    cache = tmp_path / "cache"
    office = tmp_path / "office.pmo"
    built = _import(book, cache, office)
    (kept,) = cache.glob("word-keys-*.tables")
    _damaged(kept, "cerrado", "cxrrxdx")  # a bad sector's bytes where the key is
    assert _import(book, cache, office)["records"] == built["records"]
    assert _import(book, cache, office)["records"] == built["records"]  # and in the process after it
