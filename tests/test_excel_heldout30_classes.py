"""Round 30's held-out misses (docs/import-rounds.md), fixed after the held-out figure was taken: each test
writes a file of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of


def _markdown(rows: list[list[str]]) -> str:
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    line = lambda r: "| " + " | ".join(x.ljust(w) for x, w in zip(r, widths)) + " |"  # noqa: E731
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])]) + "\n"


def test_a_markdown_table_saved_as_a_workbook_is_read_as_its_table(sqlite_store, tmp_path):
    """Two GRC portfolios' "risk-register.xlsx" are no workbooks: a Markdown table ("| Risk ID | Asset | Threat |
    … |" over "|---|---|"), text saved under a spreadsheet's name. The import refused it ("no header row naming
    register columns"), 23 risks lost. A text whose every line is a row between pipes, its second line the
    rule under the header, is that table: its cells between the pipes, the rule left out."""
    rows = [["Risk ID", "Asset", "Threat", "Vulnerability", "Likelihood", "Impact", "Risk Level", "Mitigation"],
            ["R1", "Email System", "Phishing", "Weak awareness", "High", "High", "Critical",
             "Security awareness training"],
            ["R2", "Workstations", "Malware", "Outdated software", "High", "Medium", "High", "Endpoint protection"],
            ["R3", "File Server", "Unauthorized access", "Weak password policy", "Medium", "High", "High",
             "Implement MFA"]]
    path = tmp_path / "risk-register.xlsx"
    path.write_text(_markdown(rows), encoding="utf-8")
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["R1", "R2", "R3"]
    assert (got["R2"]["probability"], got["R2"]["impact"]) == (4, 3)
    assert got["R3"]["cause"] == "Weak password policy"
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Security awareness training", "Endpoint protection", "Implement MFA"}


def test_a_markdown_table_named_csv_with_an_escaped_pipe(sqlite_store, tmp_path):
    """The same table named ".csv", a cell holding an escaped pipe ("A \\| B"): one cell, its pipe kept."""
    rows = [["ID", "Issue", "Priority", "Status"], ["I-1", r"Login \| logout fails", "High", "Open"],
            ["I-2", "Report export is slow", "Low", "Closed"]]
    path = tmp_path / "issues.csv"
    path.write_text(_markdown(rows), encoding="utf-8")
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert got["I-1"]["title"] == "Login | logout fails" and got["I-1"]["priority"] == "High"
    assert got["I-2"]["status"] == "Closed"
