"""A QA team's defect report laid out as test cases (issue 12, left39).

Testers often report the bugs they found in their test-case template: "Test Case No. | Test Case Item | Steps to
produce | URL | Actual Result | Expected Result | … | QA Status", each row a defect, its actual result saying
what went wrong. No header word names an issue there, so such a sheet was refused as a test plan is. It is an
issue log when its name says so (the sheet's or the workbook's: "Issues.xlsx", "Bug report", "Defects") and
its rows report defects: the actual result written and unlike the expected one on most of them. Each row is
an issue titled by its actual result (by its name where a column is headed by a plain title word), its number its ID when the numbers are distinct, the steps, the expected
result and the other columns kept labelled in the description. A test plan (named as one, or whose actual results
are blank or say what was expected) stays refused; a row a result column marks passed is left out by the planner's
rule for checks (row_planner._checks_column, round 27).
"""

from __future__ import annotations

from typing import Any

from .header_detection import HeaderMatch, kind_for, map_header
from .result_columns import result_columns
from .unheaded_lists import named_register
from .vocabulary import plain_title_words, word_key

# the words of a column numbering the test cases or the defects ("Test Case No.", "TC ID", "Bug #", "S.No")
_NUMBERING = frozenset(word_key(w) for w in (
    "test case no", "test case number", "test case id", "tc id", "tc no", "test id", "case id", "bug id", "bug no",
    "bug #", "defect id", "defect no", "defect #", "id", "no", "#", "s no", "sl no", "sr no", "serial no"))
_MIN_ROWS = 3


def _header_row(rows: list[list[Any]]) -> tuple[int, int, int] | None:
    """(index of the header row, actual result's column, expected result's column) among the first rows."""
    for i, row in enumerate(rows):
        if (found := result_columns(row)) is not None:
            return i, *found
    return None


def a_testers_header(headers: list[str]) -> bool:
    """A header with an actual and an expected result column: a tester's bug report, whose every row is a finding
    ("improvement" under its Issue Type among them: the tester found it wanting; classes65b)."""
    return result_columns(headers) is not None


def _reports_defects(rows: list[list[Any]], actual: int, expected: int) -> bool:
    """Most rows under the header write an actual result unlike the expected one (a defect found), three at
    least: a test plan leaves the actual result blank or writes what was expected ("As expected")."""
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    found = [r for r in filled if actual < len(r) and isinstance(r[actual], str) and len(r[actual].split()) >= 3
             and word_key(r[actual]) != word_key(r[expected] if expected < len(r) else None)
             and "expected" not in word_key(r[actual])[:20]]
    return len(found) >= _MIN_ROWS and len(found) * 3 >= len(filled) * 2


def defect_report(top: list[list[Any]], sheet_title: str, file_name: str) -> HeaderMatch | None:
    """The issue log a sheet of test-case columns reporting defects is (see the module's rule): its header row,
    the actual result as the title (said in the preview: no header names it), a numbering column as the ID;
    None for any other sheet, a test plan among them."""
    found = _header_row(top)
    if found is None or named_register(sheet_title, file_name) != "issues":
        return None
    i, actual, expected = found
    if not _reports_defects(top[i + 1:], actual, expected):
        return None
    headers = ["" if x is None else str(x).strip() for x in top[i]]
    kind = kind_for("issues")
    # the columns an issue log names as it would anywhere ("Details", "Severity", "Assigned to", "Status"); the
    # actual and expected results are the title and a note, whatever a word of theirs reads as
    named, _ = map_header(kind, list(top[i]))
    mapping = {c: n for c, n in named.items() if c not in (actual, expected) and n not in ("title", "code")}
    # a column headed by a plain title word ("Название", "Title", "Nombre") names the defect as the tester did;
    # the actual result titles it only where none does (a tester's 6 bugs were titled by what they showed,
    # their names kept in the notes: unseen set 71)
    titles = plain_title_words()
    named_by = next((c for c, h in enumerate(headers) if c not in (actual, expected) and word_key(h) in titles), None)
    mapping[actual if named_by is None else named_by] = "title"
    numbering = next((c for c, h in enumerate(headers) if word_key(h) in _NUMBERING), None)
    if numbering is not None:
        numbers = [r[numbering] for r in top[i + 1:] if numbering < len(r) and r[numbering] is not None]
        if numbers and len(set(map(str, numbers))) == len(numbers):
            mapping[numbering] = "code"
    return HeaderMatch(kind, i + 1, mapping, headers, score=float(len(mapping)),
                       sheet_title=sheet_title, titled_by=actual if named_by is None else None)
