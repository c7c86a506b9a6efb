"""Issue 12, classes67: the miss classes of unseen set 67 as general rules — a defect whose description is written
as labelled lines ("Expected: … / Actual: …") titled by its actual result. Each test writes a workbook of the shape
(never a fetched file) and failed on the code before (main 15fd4892)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx

_HEAD = ["Defect ID", "Module", "Description", "Severity", "Priority", "Status"]


def _described(code: str, expected: str, actual: str, *, given: str | None = None) -> list[object]:
    lines = ([f"Input: {given}"] if given else []) + [f"Expected: {expected}", f"Actual: {actual}",
                                                     "Business impact: users are blocked."]
    return [code, "Login", "\n".join(lines), "Major", "High", "Open"]


def test_a_defect_described_in_labelled_lines_is_titled_by_its_actual_line(sqlite_store, tmp_path):
    """A test team's log with no title column writes each defect as "Expected: … / Actual: … / Business impact: …"
    (or "Input: …" first): the first line titled 80 defects by what should have happened or what was typed. The
    "Actual" line is the defect; the whole cell stays the description. Decided once a column: on a sheet where one
    description among plain ones happens to say "Actual:", it is titled as the others, by its first sentence."""
    rows = [_HEAD,
            _described("DF-1", "Login with the right password returns 200.", "The server returns 401 for a + sign."),
            _described("DF-2", "Five failed logins lock the account.", "Logins are never throttled."),
            _described("DF-3", "An empty password is refused with 400.", "The service crashes with 500.",
                       given='email="a@b.c", password=""')]
    plain = [_HEAD,
             ["PL-1", "Login", "The login page is slow. It takes ten seconds.", "Minor", "Low", "Open"],
             ["PL-2", "Login", "The logo is blurred on small screens.", "Minor", "Low", "Open"],
             _described("PL-3", "The page opens.", "The page is blank.")]
    import_all(sqlite_store, write_xlsx(tmp_path / "Defect_Log.xlsx", {"System Tests": rows, "Other": plain}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["title"] for c, r in issues.items()} == {
        "DF-1": "The server returns 401 for a + sign.", "DF-2": "Logins are never throttled.",
        "DF-3": "The service crashes with 500.", "PL-1": "The login page is slow.",
        "PL-2": "The logo is blurred on small screens.", "PL-3": "Expected: The page opens."}
    assert issues["DF-3"]["description"].startswith('Input: email="a@b.c", password=""\nExpected: An empty')
    assert "Business impact: users are blocked." in issues["DF-1"]["description"]



def test_a_priority_column_counting_from_p0_reads_p1_as_the_second_priority(sqlite_store, tmp_path):
    """A tester's bugs prioritised P0, P1, P2: read as P1-based, P0 and P1 both came in Critical and P2 High. A
    column holding a P0 counts from it (P0 Critical, P1 High, P2 Medium, P3 Low), decided once a column; on a
    sheet with no P0, P1 stays the first priority (Critical)."""
    head = ["Bug ID", "Summary", "Severity", "Priority"]
    from_zero = [head, ["B-1", "The app crashes on start", "Blocker", "P0"],
                 ["B-2", "Search returns nothing", "Major", "P1"], ["B-3", "A label overlaps", "Minor", "P2"],
                 ["B-4", "A typo on the help page", "Trivial", "P3"]]
    from_one = [head, ["C-1", "The export is empty", "Major", "P1"], ["C-2", "The icon is blurred", "Minor", "P2"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Bugs": from_zero, "Older": from_one}))
    assert {r["code"]: r["priority"] for r in rows_of(sqlite_store, "issues")} == {
        "B-1": "Critical", "B-2": "High", "B-3": "Medium", "B-4": "Low", "C-1": "Critical", "C-2": "High"}


def test_a_russian_degree_of_influence_and_a_probability_on_the_scale_its_header_names(sqlite_store, tmp_path):
    """A Russian register's "Степень влияния" (degree of influence: Высокая / Среднее / Низкая) and "Вероятность
    возникновения от 0 до 10" (probability of occurrence, 0 to 10) were both only kept in the notes: the impact is
    read as the impact, the probability on the 0–10 scale its header names, as an English "(0 to 10)" is."""
    rows = [["Этап проекта", "Код риска", "Описание риска", "Степень влияния", "Вероятность возникновения от 0 до 10"],
            ["Фаза 1", "Р001", "Незаинтересованность сотрудников", "Высокая", 9],
            ["Фаза 1", "Р002", "Отсутствие среды разработки", "Среднее", 5],
            ["Фаза 2", "Р003", "Выход оборудования из строя", "Низкая", 2]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Реестр_рисков.xlsx", {"Лист1": rows}))
    risks = {r["code"]: (r["impact"], r["probability"]) for r in rows_of(sqlite_store, "risks")}
    assert risks == {"Р001": (4, 5), "Р002": (3, 3), "Р003": (2, 1)}


def test_an_rmmm_tables_impact_is_read_with_1_the_worst(sqlite_store, tmp_path):
    """Pressman's RMMM table ("Risk | Category | Probability | Impact | RE | Pointer to RMMM") rates impact 1
    catastrophic … 4 negligible: read at face value, a server failure costing 40,000 came in at the lowest impact.
    Decided once a sheet from its header: 1 → 5, 2 → 4, 3 → 3, 4 → 2; a sheet without the RMMM reads 1 as 1."""
    rmmm = [["Risk", "Category", "Probability", "Impact", "RE", "Pointer to RMMM", "Cost"],
            ["Server failure", "Technology", 0.2, 1, 8000, None, 40000],
            ["System attack", "Technology", 0.2, 2, 6000, None, 30000],
            ["Poor training", "Staff", 0.1, 3, 300, None, 3000],
            ["A typo in the manual", "Staff", 0.1, 4, 10, None, 100]]
    plain = [["Risk", "Category", "Probability", "Impact"], ["Late delivery", "Schedule", 0.2, 1]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk Management.xlsx", {"RMMM": rmmm, "Plain": plain}))
    assert {r["title"]: r["impact"] for r in rows_of(sqlite_store, "risks")} == {
        "Server failure": 5, "System attack": 4, "Poor training": 3, "A typo in the manual": 2, "Late delivery": 1}
