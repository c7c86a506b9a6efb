"""Junk classes the held-out sets and files of rounds 61 and 62 left (docs/import-rounds.md, "left61"): each test
writes a file of that shape (never the fetched file) and checks both what is refused and the register still read."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import

_KINDS = [("Biased outputs", "The system's outputs disadvantage groups of people, often from biased training data "
           "gathered without care for who is in it and who is not.", "Bender2021 | Weidinger2022 | Shelby2023"),
          ("Toxic content", "The system writes hateful or abusive content.", "Gehman2020 | Weidinger2021"),
          ("Private data leaks", "The system reveals personal data it was trained on.",
           "Carlini2021 | Nasr2023 | Li2024"),
          ("Prompt injection", "Instructions hidden in content take over the system.", "Greshake2023 | Perez2022"),
          ("Over-reliance", "Users trust wrong answers.", "Passi2022 | Buçinca2021 | Vasconcelos2023")]


def test_a_published_catalogue_of_risks_adds_nothing(sqlite_store, tmp_path):
    """A repository of AI risk kinds saved as a "risk register": a line of a program's field names over the real
    header's shape, each kind citing the papers it comes from, sub-kinds pointing at their parent. Its first record
    was taken for the header and every other read as a risk titled "Risk". No office writes papers against its own
    risks: refused, saying what the file is."""
    rows: list[list[object]] = [["canonical_risk_id", "row_type", "name", "description", "mit_domain",
                                 "source_frameworks", "source_count", "parent_risk_id"]]
    for n, (name, text, sources) in enumerate(_KINDS, 1):
        rows.append([f"MR-{n:03d}", "Risk", name, text, f"{n}. Domain {n}", sources, sources.count("|") + 1, ""])
        rows += [[f"MR-{n:03d}-{k}", "Sub-risk", f"{name}, case {k}", f"A case of {name.lower()}.", "", "", "",
                  f"MR-{n:03d}"] for k in (1, 2)]
    path = write_csv(tmp_path / "ai-risk-register.csv", rows)
    with pytest.raises(WorkbookError, match=r"holds no register's records.*a published catalogue of risks.*"
                                            r"“source_frameworks” cites the works each row comes from"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "risks") == []
    # a young register written by a program, its source one report a row, cites no taxonomy: its risks are read
    young: list[list[object]] = [["risk_id", "title", "description", "source"],
                                 ["R001", "Supplier delay", "The racks may come late", "Audit 2023"],
                                 ["R002", "Key engineer leaves", "Only one engineer knows the build", "Review 2024"],
                                 ["R003", "Budget cut", "Next year's budget may be cut", "Board 2024"],
                                 ["R004", "Licences lapse", "Renewals fall in the summer break", ""]]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", young))
    assert set(by_code(sqlite_store, "risks")) == {"R001", "R002", "R003", "R004"}


_ACTIONS = [["BA-1", "Buenos Aires", "Plant city forests", "Mitigation", 1250000, "In progress",
             "Plant trees along the river to store carbon and cool the streets.", "Parks Office"],
            ["SP-1", "São Paulo", "Electric buses", "Mitigation", 5000000, "Not started",
             "Replace diesel buses with electric ones to cut emissions.", "Transport Authority"],
            ["RJ-1", "Rio de Janeiro", "Sea walls", "Adaptation", 8000000, "On hold",
             "Build sea walls and drains against rising seas.", "Works Department"],
            ["LM-1", "Lima", "Waste to energy", "Mitigation", 6000000, "Completed",
             "Burn the city's waste for power in a clean plant.", "Waste Authority"]]


def test_things_named_as_the_file_says_are_no_register(sqlite_store, tmp_path):
    """Cities' climate actions saved as "actions.csv" ("id | city | actionName | category | investmentUSD | status
    | description | owner"): read as risks titled by their description. The column naming each row and the file's
    name both say actions, which no register of ours holds: refused, saying what the rows are."""
    header = ["id", "city", "actionName", "category", "investmentUSD", "status", "description", "owner"]
    path = write_csv(tmp_path / "actions.csv", [header, *_ACTIONS])
    with pytest.raises(WorkbookError, match=r"holds no register's records.*its rows name themselves as actions.*"
                                            r"“actionName” names each \(“Plant city forests”\)"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "risks") == []
    # a register of risks by project ("Project risks.csv", "projectName" naming each risk's project) is read
    risks = [["id", "projectName", "title", "description", "owner", "status"],
             ["R-1", "Depot", "Crane late", "The crane hire may slip a month", "Ann", "Open"],
             ["R-2", "Bridge", "Steel price", "Steel may cost a fifth more", "Bo", "Open"],
             ["R-3", "Tunnel", "Water ingress", "The dig may meet ground water", "Cy", "Closed"]]
    import_all(sqlite_store, write_csv(tmp_path / "Project risks.csv", risks))
    assert set(by_code(sqlite_store, "risks")) == {"R-1", "R-2", "R-3"}


def test_a_data_row_of_dates_is_no_header(sqlite_store, tmp_path):
    """A migration's conversion tracker (each artifact's stage dates and statuses, a comment a stage): one data row's
    comment, "Dependencies ready", named the dependency register's title column better than the header did, and that
    row was taken for the header, the rows under it read as dependencies. A row of dates under a row of dates in the
    same columns is a record, never a header: the tracker adds nothing."""
    stages = ["Pre-requisite", "Auto Conversion", "Manual Conversion", "Dry Run"]
    header = ["S.No", "Resource Name", "Type of Artifact", "Artifact Name",
              *[f"{s} {part}" for s in stages for part in ("Start", "End", "Status")],
              *[f"{s} Comments" for s in stages], "Overall Status"]
    people = ["John Doe", "Jane Smith", "Mike Chen", "Sarah Lee", "Tom Brown", "Amy Wilson", "Robert Garcia",
              "Lisa Anderson", "David Martinez", "Emma Taylor"]
    comments = ["Data validation done", "Approved by lead", "All dependencies met", "Gathering requirements",
                "Requirements finalized", "Setup complete", "Schema validated", "Dependencies ready", "Approved",
                "All pre-reqs met"]
    rows: list[list[object]] = [header]
    for n, (who, said) in enumerate(zip(people, comments, strict=True), 1):
        dates = [v for k in range(4) for v in (f"2026-01-{n + 3 * k:02d}", f"2026-01-{n + 3 * k + 2:02d}",
                                                "Completed" if k < 2 else "Not Started")]
        rows.append([n, who, "Report", f"Artifact {n}", *dates, said, "Converted", "N/A", "", "Done"])
    with pytest.raises(WorkbookError, match=r"No sheet of “Conversion_Tracker.csv” has a header row"):
        import_all(sqlite_store, write_csv(tmp_path / "Conversion_Tracker.csv", rows))
    assert rows_of(sqlite_store, "dependencies") == [] and rows_of(sqlite_store, "risks") == []
    # a dependency log's dates under its header of words are read as ever
    log = [["ID", "Dependency", "Owner", "Needed By", "Status", "Raised On"],
           ["D-1", "Vendor API keys", "Ann", "2026-02-01", "Open", "2026-01-05"],
           ["D-2", "Test data set", "Bo", "2026-02-10", "Open", "2026-01-06"],
           ["D-3", "Network change", "Cy", "2026-02-20", "Closed", "2026-01-07"]]
    import_all(sqlite_store, write_csv(tmp_path / "Dependencies.csv", log))
    assert set(by_code(sqlite_store, "dependencies")) == {"D-1", "D-2", "D-3"}
