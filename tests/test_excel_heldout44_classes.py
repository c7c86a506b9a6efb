"""Classes of problem left by round 44's held-out set (docs/import-rounds.md, "Round 44's misses"): each test
writes a file of that shape (never the fetched one) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_a_published_case_index_is_refused_saying_why(sqlite_store, tmp_path):
    """A court's case index saved as "decisions.csv" ("court | division | year | number | date | url | title"),
    each case at an address made of its own court, division, year and number, titled by its parties: read as
    35,755 decisions (no ruling column, so the published-rulings rule did not see it). Refused saying why; an
    office's decision log with a link on each row and someone who decided still imports."""
    cases = [("EWCA", "Civ", "1990", "19", "1990-02-16", "Alexandrou v Oxford"),
             ("EWCA", "Civ", "1990", "21", "1990-03-16", "Kaye v Robertson & Anor"),
             ("EWCA", "Civ", "1991", "3", "1991-01-10", "White v The Council of St. Albans"),
             ("EWHC", "QB", "1991", "7", "1991-02-02", "Pitts v Hunt"),
             ("EWHC", "Ch", "1992", "12", "1992-05-25", "Blackpool Aero Club Ltd. v Blackpool Borough Council")]
    path = write_csv(tmp_path / "decisions.csv", [
        ["court", "division", "year", "number", "date", "url", "title"],
        *[[c, d, y, n, day, f"/ew/cases/{c}/{d}/{y}/{n}.html", t] for c, d, y, n, day, t in cases]])
    with pytest.raises(WorkbookError, match="published index") as refused:
        import_all(sqlite_store, path)
    assert "“url”" in str(refused.value)
    assert rows_of(sqlite_store, "decisions") == []

    office = write_csv(tmp_path / "decision_log.csv", [
        ["ID", "Decision", "Date", "Decided by", "Link"],
        *[[f"D-{i}", f"Adopt option {i} for the data platform", "2026-03-0" + str(i), "Steering Committee",
           f"https://wiki.example.org/decisions/D-{i}"] for i in range(1, 6)]])
    import_all(sqlite_store, office)
    assert sorted(by_code(sqlite_store, "decisions")) == [f"D-{i}" for i in range(1, 6)]


def test_an_apps_picker_of_kinds_of_people_is_not_a_stakeholder_map(sqlite_store, tmp_path):
    """A teaching app's stakeholder picker ("stakeholder_selected | image_file | stakeholder_text | Title":
    "swimmer", "swimmer.jpg", what a swimmer should know, "You have chosen: Swimmer") was read as 7 stakeholders
    whose role was the app's caption. Each row a picture and a caption the program made from the row's own
    name: refused saying why. A thin stakeholder list of people with their role still imports."""
    kinds = ["swimmer", "fisher", "dog owner", "parent", "water manager"]
    path = write_csv(tmp_path / "stakeholders.csv", [
        ["stakeholder_selected", "image_file", "stakeholder_text", "Title"],
        *[[k, k.replace(" ", "_") + ".jpg", f"{k.capitalize()}s must be aware of the risks of poor water quality.",
           f"You have chosen: {k.title()}"] for k in kinds]])
    with pytest.raises(WorkbookError, match="catalogue of kinds"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []

    people = write_csv(tmp_path / "stakeholder_register.csv", [
        ["Name", "Role", "Organisation"],
        ["Anna Berg", "Sponsor", "Finance"], ["Omar Haddad", "Data owner", "IT"],
        ["Lena Schulz", "Product owner", "Sales"], ["Ravi Nair", "Architect", "IT"]])
    import_all(sqlite_store, people)
    assert sorted(r["name"] for r in rows_of(sqlite_store, "stakeholders")) == [
        "Anna Berg", "Lena Schulz", "Omar Haddad", "Ravi Nair"]


def test_a_stakeholder_list_with_each_persons_photo_imports(sqlite_store, tmp_path):
    """A picture on every row is no sign alone: an office's stakeholder list may carry each person's photo. Only with
    a caption a program made of each row's own name (the picker's "You have chosen: Swimmer") is it an app's
    content; "Name | Role | Organisation | Photo" had been refused as a catalogue of kinds."""
    people = [("Anna Berg", "Sponsor", "Finance"), ("Omar Haddad", "Data owner", "IT"),
              ("Lena Schulz", "Product owner", "Sales"), ("Ravi Nair", "Architect", "IT")]
    path = write_csv(tmp_path / "stakeholders.csv", [
        ["Name", "Role", "Organisation", "Photo"],
        *[[n, r, o, n.lower().replace(" ", "_") + ".jpg"] for n, r, o in people]])
    import_all(sqlite_store, path)
    assert sorted(r["name"] for r in rows_of(sqlite_store, "stakeholders")) == sorted(n for n, _r, _o in people)


def test_a_help_desks_catalogue_of_problem_kinds_is_not_an_issue_log(sqlite_store, tmp_path):
    """A help desk's catalogue of known problems ("id | issue_detail | category_id | frequency | step1 … step5")
    was read as 100 issues: kinds of problem, each with the numbered steps that fix it, no date, owner or
    status. Refused saying why; a thin issue log (ID, title, owner, status) still imports."""
    problems = ["Wi-Fi not connecting", "Wi-Fi speed slow", "Bluetooth not pairing", "Email not syncing",
                "Printer offline"]
    path = write_csv(tmp_path / "issues.csv", [
        ["id", "issue_detail", "category_id", "frequency", "step1", "step2", "step3", "step4", "step5"],
        *[[str(i), p, str(i % 3 + 1), str(20 - i), "Restart the device.", "Reconnect.", "Update drivers.",
           "Check settings.", "Contact support."] for i, p in enumerate(problems, 1)]])
    with pytest.raises(WorkbookError, match="numbered steps"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []

    log = write_csv(tmp_path / "issue_log.csv", [
        ["ID", "Title", "Owner", "Status"],
        ["I-1", "Supplier contract not signed", "Anna Berg", "Open"],
        ["I-2", "Test environment down", "Omar Haddad", "Closed"],
        ["I-3", "Budget report late", "Lena Schulz", "Open"]])
    import_all(sqlite_store, log)
    assert sorted(by_code(sqlite_store, "issues")) == ["I-1", "I-2", "I-3"]


def test_a_risk_list_named_only_by_its_risk_type_is_read(sqlite_store, tmp_path):
    """A PMO tool's risks ("risk_id | project_id | week_raised | risk_type | probability | impact | risk_score |
    status | mitigation_action"): the only column naming the risks is "risk_type" ("Budget overrun", "Vendor
    delay"), words that are no category of the register. The file was refused whole (34 risks lost). The kind
    names the risks when nothing else does: the risks are read, titled by it, with their status and plan. A
    vendor tool's queue of actions by a one-word "risk_category" ("CYBER"), no rating or status, stays refused."""
    path = write_csv(tmp_path / "risks.csv", [
        ["risk_id", "project_id", "week_raised", "risk_type", "probability", "impact", "risk_score", "status",
         "mitigation_action"],
        ["RSK001", "PRJ001", "33", "Budget overrun", "0.84", "0.91", "0.76", "Open", "Request emergency budget review"],
        ["RSK002", "PRJ001", "19", "Integration failure", "0.39", "0.38", "0.15", "Open", "Escalate to integration lead"],
        ["RSK003", "PRJ002", "10", "Vendor delay", "0.46", "0.99", "0.46", "Closed", "Issue vendor performance notice"],
        ["RSK004", "PRJ002", "36", "Key person dependency", "0.8", "0.27", "0.22", "Open",
         "Cross-train secondary resource"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["RSK001", "RSK002", "RSK003", "RSK004"]
    assert got["RSK001"]["title"] == "Budget overrun" and got["RSK003"]["status"] == "Closed"
    assert "Request emergency budget review" in {a["description"] for a in rows_of(sqlite_store, "risk_actions")}

    categories = write_csv(tmp_path / "risk_list.csv", [
        ["Risk ID", "Risk Type", "Description", "Owner"],
        ["R-1", "Technical", "The new interface may not be ready for the pilot", "Anna Berg"],
        ["R-2", "Financial", "Exchange rates may raise the licence cost", "Omar Haddad"],
        ["R-3", "Technical", "Data migration may overrun", "Lena Schulz"]])
    import_all(sqlite_store, categories)
    kept = by_code(sqlite_store, "risks")
    assert kept["R-2"]["category"] == "Financial" and kept["R-2"]["title"] != "Financial"

    queue = write_csv(tmp_path / "action_items.csv", [
        ["vendor_id", "vendor_name", "risk_category", "tier", "deadline", "response"],
        ["V007", "SIX Group", "CYBER", "Critical", "2026-09-23", "Escalate; open incident"],
        ["V012", "Infosys", "CYBER", "High", "2026-09-25", "Request vendor statement"],
        ["V003", "LSEG", "CONCENTRATION", "High", "2026-09-25", "Notify owner team"]])
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, queue)  # a vendor tool's queue of actions by category: no risk named
    assert sorted(by_code(sqlite_store, "risks")) == ["R-1", "R-2", "R-3", "RSK001", "RSK002", "RSK003", "RSK004"]


def test_an_empty_list_written_by_a_program_is_an_empty_value(sqlite_store, tmp_path):
    """A stakeholder list by role, ";"-separated, "Type;Role;Organization;Description;Expectations", each
    expectation "[]" (a program's empty list): stored as each stakeholder's concerns. "[]" and "{}" are nothing
    written, as a drop-down's prompt is; a concern written out is kept."""
    path = write_csv(tmp_path / "stakeholders.csv", [
        ["Type", "Role", "Organization", "Description", "Expectations"],
        ["internal", "Product Owner", "", "", "[]"], ["internal", "Safety", "", "", "[]"],
        ["external", "Certification Authority", "", "", "{}"],
        ["external", "Airline", "", "", "Fuel savings on every route"]], delimiter=";")
    import_all(sqlite_store, path)
    got = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert sorted(got) == ["Airline", "Certification Authority", "Product Owner", "Safety"]
    assert not got["Product Owner"]["concerns"] and not got["Certification Authority"]["concerns"]
    assert "[]" not in (got["Safety"]["notes"] or "")
    assert got["Airline"]["concerns"] == "Fuel savings on every route"


def test_a_status_saying_escalated_sets_the_escalated_flag(sqlite_store, tmp_path):
    """The PMO tool's risks say "Escalated" as their status (14 of 34): the status words read it as open, and
    the word was lost. The office records an escalation as the risk's Escalated flag, as a response "Escalate"
    sets it: the risk is open and escalated."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Risk ID", "Risk", "Owner", "Status"],
        ["R-1", "Vendor may deliver late", "Anna Berg", "Escalated"],
        ["R-2", "Test data may be incomplete", "Omar Haddad", "Open"],
        ["R-3", "Licence cost may rise", "Lena Schulz", "Closed"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R-1"]["status"], got["R-1"]["escalated"]) == ("Open", True)
    assert not got["R-2"]["escalated"] and got["R-3"]["status"] == "Closed"
