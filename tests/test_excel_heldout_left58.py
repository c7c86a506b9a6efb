"""Junk classes the held-out sets of rounds 58 and 60 left (docs/import-rounds.md, "left58"): each test writes a file
of that shape (never the fetched file) and checks both what is refused and the register that is still read."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_risk_tools_catalogue_of_kinds_adds_nothing(sqlite_store, tmp_path):
    """A risk tool's seed table of the kinds of risk it knows ("risk_id | name | type_id | description" over
    "R_CYB_01 | Phishing | CYB"): each row was read as a risk. Every ID numbers its row within a kind code that a
    column repeats, under a program's column names, and nothing an office keeps is there: refused, saying why."""
    kinds = {"CYB": ["Phishing", "Data leak", "Denial of service"], "SUP": ["Single supplier", "Late delivery"],
             "LAW": ["Licence breach", "Privacy fine"]}
    rows: list[list[object]] = [["risk_id", "name", "type_id", "description"]]
    for code, names in kinds.items():
        rows += [[f"R_{code}_{n:02d}", name, code, f"Kind of risk: {name.lower()}"] for n, name in enumerate(names, 1)]
        rows.append([])
    path = write_csv(tmp_path / "risks.csv", rows)
    with pytest.raises(WorkbookError, match=r"holds no register's records.*a tool's catalogue of kinds.*"
                                            r"“R_CYB_01” under “CYB” of “type_id”"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "risks") == []
    # the same columns with no kind written into the IDs, or an office's list whose columns are named in words
    # (its IDs may name a category), is a register that has only just started: its risks are read
    young: list[list[object]] = [["risk_id", "name", "type_id", "description"],
                                 ["R001", "Supplier delay", "SUP", "The supplier may deliver the racks late"],
                                 ["R002", "Key engineer leaves", "PPL", "Only one engineer knows the build"],
                                 ["R003", "Budget cut", "FIN", "Next year's budget may be cut by a tenth"],
                                 ["R004", "Second supplier late", "SUP", "The cabling firm has no slot in May"]]
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", young))
    assert set(by_code(sqlite_store, "risks")) == {"R001", "R002", "R003", "R004"}
    office: list[list[object]] = [["Risk ID", "Title", "Category", "Description"],
                                  ["TECH-01", "Server room floods", "TECH", "The basement room took water in 2019"],
                                  ["TECH-02", "Licences lapse", "TECH", "Renewals are due in the summer break"],
                                  ["FIN-01", "Grant is late", "FIN", "The grant's second part may come in Q3"],
                                  ["FIN-02", "Rates rise", "FIN", "The loan's rate is fixed until June only"]]
    import_all(sqlite_store, write_csv(tmp_path / "register.csv", office))
    assert {"TECH-01", "TECH-02", "FIN-01", "FIN-02"} <= set(by_code(sqlite_store, "risks"))


_EMPLOYEES = [["EMP-01", "Ada Moss", "Analyst", "Full-time", "Salary", "1990-04-02", "2021-03-01", "2021-09-01"],
              ["EMP-02", "Ben Ode", "Developer", "Contractor", "Hourly", "1985-11-20", "2023-01-09", "2023-07-09"],
              ["EMP-03", "Cy Lund", "Designer", "Part-time", "Salary", "1994-06-15", "2022-05-16", "2022-11-16"],
              ["EMP-04", "Di Park", "Tester", "Full-time", "Salary", "1988-02-28", "2020-10-05", "2021-04-05"]]


def test_an_employers_staff_sheets_add_nothing(sqlite_store, tmp_path):
    """An HR workbook: the employees (name, job title, employment type, pay basis, date of birth, hire date,
    probation end) were read as stakeholders, and a management view of the same people (each one's flag and
    "Risk / Action") as risks. Employees are no register's records: nothing is made, and the refusal says why."""
    staff = [["ID", "Full Name", "Job Title", "Employment Type", "Pay Basis", "Date of Birth", "Hire Date",
              "Probation End"], *_EMPLOYEES]
    view = [["ID", "Full Name", "Status", "Risk / Action"],
            *[[e[0], e[1], "Active", f"Review of {e[1]}'s objectives due"] for e in _EMPLOYEES]]
    path = write_xlsx(tmp_path / "Employees.xlsx", {"Master": staff, "Management": view})
    with pytest.raises(WorkbookError, match=r"holds no register's records \(sheet “Master”: its rows are an "
                                            r"employer's employees.*“Employment Type”, “Pay Basis”"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "stakeholders") == [] and rows_of(sqlite_store, "risks") == []
    # the words are each language's: a German staff list says so too
    german = [["ID", "Name", "Funktion", "Eintrittsdatum", "Gehalt", "Probezeit"],
              *[[e[0], e[1], e[2], e[6], 52000, "6 Monate"] for e in _EMPLOYEES]]
    with pytest.raises(WorkbookError, match=r"its rows are an employer's employees.*“Eintrittsdatum”, “Gehalt”"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Mitarbeiter.xlsx", {"Personal": german}))
    # a stakeholder list of the same people that judges each (power, interest, engagement) is read as one
    kept = [[*staff[0], "Power", "Interest", "Current Engagement"],
            *[[*row, "High", "Low", "Supportive"] for row in _EMPLOYEES]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholders.xlsx", {"Stakeholders": kept}))
    assert set(by_code(sqlite_store, "stakeholders")) == {"EMP-01", "EMP-02", "EMP-03", "EMP-04"}
    # and a plain list of people with their role, department and start date names no employer's pay or contract
    plain = [["ID", "Name", "Role", "Department", "Start Date", "Email"],
             *[[f"S-{k}", e[1], e[2], "Finance", e[6], f"p{k}@example.org"] for k, e in enumerate(_EMPLOYEES, 1)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "People.xlsx", {"People": plain}))
    assert {"S-1", "S-4"} <= set(by_code(sqlite_store, "stakeholders"))
