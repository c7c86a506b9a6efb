"""Issue 12, classes69b: unseen set 68's miss classes as general rules — a sheet assessing the risks another sheet
lists by title rates them where the list gives every row one value; a sheet of a pasted JSON export is no register;
a likelihood × impact grid whose cells are risks, its axes' levels described beside their words. Each test writes a
workbook of the shape (never a fetched file) and failed on the code before (main bd415b9c)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_ods, write_xlsx


def _notes(plan) -> str:
    return " ".join(s.note for s in plan.sheets if s.note)


THREATS = [["title", "type", "status", "severity", "description"],
           ["Endpoints are spoofed", "Spoofing", "Open", "Medium", "A spoofed server serves malicious code"],
           ["Code tampered with by a vendor employee", "Tampering", "Open", "Medium", "A rogue employee edits code"],
           ["Build jobs changed at run time", "Tampering", "Open", "Medium", "Jobs edited by hand at run time"],
           ["Hosting outage", "Denial of service", "Open", "Medium", "The service is down for a day"]]


def test_the_sheet_assessing_the_listed_threats_rates_them(sqlite_store, tmp_path):
    """A threat model's list gives every threat the tool's default severity ("Medium"), its assessment sheet rates
    the same threats, likelihood and impact 1–5: merged by title, each record kept the list's medium impact and the
    assessed one went to the notes. The assessed impact is the record's, the list's kept in the notes, said once.
    The rule is for a default left as it was: where the list rates its threats itself (its severities differ), the
    first sheet's rating stays the record's, the other kept in the notes, as before."""
    assessment = [["Category", "Title", "Mitigations", "Likelihood", "Impact"],
                  ["Vendor", "Endpoints are spoofed", "HTTPS", 2, 4],
                  ["Vendor", "Code tampered with by a vendor employee", "Code signing", 3, 5],
                  ["CI", "Build jobs changed at run time", "Jobs as code", 4, 5],
                  ["CI", "Hosting outage", "Backups", 1, 3]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "threats.xlsx",
                                               {"Threats": THREATS, "Risk Assessment": assessment}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 4
    assert {t: (r["probability"], r["impact"]) for t, r in risks.items()} == {
        "Endpoints are spoofed": (2, 4), "Code tampered with by a vendor employee": (3, 5),
        "Build jobs changed at run time": (4, 5), "Hosting outage": (1, 3)}
    assert "Impact on “Threats”: " in risks["Endpoints are spoofed"]["notes"]
    assert "gives every row the same impact" in _notes(plan)
    rated = [[f"{row[0]} (B)" if k else row[0], *row[1:3], level, *row[4:]]
             for k, (row, level) in enumerate(zip(THREATS, ["severity", "High", "Low", "Medium", "Low"]))]
    again = [["Title", "Likelihood", "Impact"], ["Endpoints are spoofed (B)", 2, 1],
             ["Code tampered with by a vendor employee (B)", 3, 5], ["Hosting outage (B)", 1, 5]]
    import_all(sqlite_store, write_xlsx(tmp_path / "rated.xlsx", {"Threats": rated, "Risk Assessment": again}))
    impacts = {r["title"]: r["impact"] for r in rows_of(sqlite_store, "risks")}
    assert impacts["Endpoints are spoofed (B)"] == 4 and impacts["Hosting outage (B)"] == 2


def _json_lines(threats: list[tuple[str, str]]) -> list[list[object]]:
    """A threat tool's JSON pasted one line a row: each key in A, its value in B, the brackets on lines alone."""
    rows: list[list[object]] = [["threats", " ["]]
    for n, (title, kind) in enumerate(threats):
        rows += [["    {"], ["ruleId", f"b2a6d40d-{n:04}"], ["title", title], ["type", kind], ["status", "Open"],
                 ["severity", "Medium"], ["$$hashKey", f"object:{50 + n}"], ["    }"]]
    return rows + [["  ]"]]


def test_sheets_of_a_pasted_json_export_are_no_register(sqlite_store, tmp_path):
    """Beside the threat list, one sheet a component holds the tool's JSON export pasted line by line ("{",
    "ruleId | …", "title | …"): each was read as a form of one record, merged by title into the list's threat,
    writing "[" as its event and "ruleId" lines in its notes. Such a sheet is skipped, said as a JSON export."""
    sheets = {"Threat Model Outputs": THREATS,
              "Vendor": _json_lines([("Endpoints are spoofed", "Spoofing"),
                                     ("Code tampered with by a vendor employee", "Tampering")]),
              "CI": _json_lines([("Build jobs changed at run time", "Tampering")]),
              # a lookup table of a program's words is a table, no object's lines (round 36's issue labels)
              "Labels": [["type", "priority", "issueCost"], ["bug", 0, 1], ["enhancement", 1, 2],
                         ["newFeature", 2, 3], ["documentation", 3, None]]}
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "model.xlsx", sheets))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 4
    assert all(not r["event"] and "ruleId" not in (r["notes"] or "") for r in risks.values())
    skipped = dict(plan.skipped_sheets)
    assert "pasted JSON export" in skipped["Vendor"] and "pasted JSON export" in skipped["CI"]
    assert "pasted JSON export" not in skipped.get("Labels", "")
    # a form of one risk a sheet, its labels written by a person, stays a record
    form = [["Risk ID", "R-9"], ["Title", "Supplier goes out of business"], ["Owner", "Ann Lee"],
            ["Probability", "High"], ["Impact", "Medium"]]
    other = [["Risk ID", "R-10"], ["Title", "Key engineer leaves"], ["Owner", "Bo Chan"],
             ["Probability", "Low"], ["Impact", "High"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "forms.xlsx", {"R-9": form, "R-10": other}))
    assert {"Supplier goes out of business", "Key engineer leaves"} <= {r["title"] for r in rows_of(sqlite_store, "risks")}


def test_a_grid_whose_cells_are_risks_and_whose_axes_describe_their_levels(sqlite_store, tmp_path):
    """A training project's risks written in the cells of a likelihood × impact grid, its side "Improbable
    (unlikely to occur)" over two rows and "Probable (will occur)" over two, its top "Acceptable, little to no
    effect" … "Intolerable, failure in development": refused, no header row. Each cell's text is a risk rated by
    its row's level word and its column's, said once in the sheet's notes."""
    top = [None, "Acceptable, little to no effect", "Tolerable, not critical", "Unacceptable, affects delivery",
           "Intolerable, failure in development"]
    side = ["Improbable (unlikely to occur)"] * 2 + ["Possible (may occur)"] + ["Probable (will occur)"] * 2
    cells = [[f"Risk {chr(65 + r)}{c} slows the team" for c in range(1, 5)] for r in range(5)]
    cells[2][1] = None  # an empty cell is no risk
    rows = [top, *([label, *line] for label, line in zip(side, cells)),
            [None], [None, None, None, "colour code (darker = bigger impact)"]]
    plan = import_all(sqlite_store, write_ods(tmp_path / "Risk Assessment.ods", {"Sheet1": rows}))
    risks = {r["title"]: (r["probability"], r["impact"]) for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 19
    assert risks["Risk A1 slows the team"] == (2, 1) and risks["Risk B4 slows the team"] == (2, 5)
    assert risks["Risk C3 slows the team"] == (3, 4) and risks["Risk E2 slows the team"] == (4, 2)
    assert "A grid of risks" in _notes(plan)
