"""Issue 12, classes55b: known miss classes left by rounds 47–54 — a form's own codes, quarters as dates, section
headings, an action sheet under closed records, values one column right of their header. Each test writes a
workbook of the shape (never a fetched file) and failed on the code before (main 7c4d7e1)."""

from __future__ import annotations

from pathlib import Path

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

OWNER = "Kasubag Evaluasi dan Pelaporan"


def _operational_form() -> list[list[object]]:
    """An inspectorate's operational risk form: "No" numbers the activities (a section row "1 | Kegiatan …" with
    nothing else), the risks under each are coded by the form itself in "Kode" (ROO.24.35.04.01 …)."""
    return [["Kertas Kerja"], ["Nama OPD", None, ": Inspektorat Daerah"], [None],
            ["No", "Kegiatan", "Indikator Keluaran", "Risiko", None, None, None, "Sebab", "Dampak"],
            [None, None, None, "Tahap", "Uraian", "Kode", "Pemilik", "Uraian", "Uraian"],
            ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
            ["A.", "Program Peningkatan Pengawasan", None, None, None, None, None, None, None],
            [1, "Kegiatan Penyelenggaraan Pengawasan Internal", None, None, None, None, None, None, None],
            [None, "Sub Kegiatan Pengawasan Kinerja", "Jumlah Laporan", "Pelaksanaan",
             "Audit reports are issued late", "ROO.24.35.04.01", "Inspektur", "Mandatory assignments",
             "Follow-up is late"],
            [None, "Sub Kegiatan Reviu Laporan Kinerja", "Jumlah Laporan Reviu", "Pelaksanaan",
             "Reviews are not finished on time", "ROO.24.35.04.02", "Inspektur", "Documents arrive late",
             "The review report is late"],
            [2, "Kegiatan Penyelenggaraan Pengawasan dengan Tujuan Tertentu", None, None, None, None, None, None, None],
            [None, "Sub Kegiatan Penanganan Kerugian", "Jumlah Laporan Kerugian", "Pelaksanaan",
             "Losses found are not followed up", "ROO.24.35.04.03", OWNER, "Auditees ignore their duty",
             "Losses are not recovered"],
            ["3.", "Kegiatan Administrasi Keuangan", None, None, None, None, None, None, None],
            [None, "Sub kegiatan Penyediaan Gaji", "Jumlah Orang", "Pertanggungjawaban",
             "Payroll documents are wrong", "ROO.24.35.04.04", "Kasubag UKK", "A careless payroll clerk",
             "Wrong salaries paid"]]


def book_operational_form(folder: Path) -> Path:
    sheet = "Form 3c Risk Operasional OPD"
    return write_xlsx(folder / "Kertas Kerja.xlsx", {sheet: _operational_form()},
                      merges={sheet: ["A4:A5", "B4:B5", "C4:C5", "D4:G4"]})


def test_a_forms_own_codes_beat_a_no_column_numbering_its_sections(sqlite_store, tmp_path):
    """"No" numbers the form's program and activities ("A.", 1, 2, "3.") on rows of their own, and "Kode" codes each risk
    (ROO.24.35.04.01 …): the section numbers were taken for the ID, the risks — which have none — numbered by the
    import, and their own codes kept in the notes. A column of codes shaped like IDs on the records' rows beats a
    column of plain numbers standing on other rows; the section rows are headings, said so, not records."""
    plan = import_all(sqlite_store, book_operational_form(tmp_path))
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["ROO.24.35.04.01", "ROO.24.35.04.02", "ROO.24.35.04.03", "ROO.24.35.04.04"]
    assert risks["ROO.24.35.04.03"]["title"] == "Losses found are not followed up"
    said = {r.report.row: r.report.reason for s in plan.sheets for r in s.rows}
    for row in (7, 8, 11, 13):
        assert said[row].startswith("a section heading (“"), said[row]


QUARTERS = [("Triwulan II 2025", "2025-06-30"), ("Q3 2025", "2025-09-30"), ("2. Quartal 2025", "2025-06-30"),
            ("T4 2025", "2025-12-31"), ("2КВ 2018", "2018-06-30"), ("Triwulan II, III dan IV 2025", "2025-12-31")]


def book_treatment_form(folder: Path) -> Path:
    rows = [["No", "Risiko Prioritas", "Kode Risiko", "Rencana Tindak Pengendalian", "Pemilik",
             "Target Waktu Penyelesaian"],
            *[[k + 1, f"Risk {k + 1} of the treatment form", f"ROO.01.{k + 1:02d}", f"Plan {k + 1}", "Inspektur", quarter]
              for k, (quarter, _day) in enumerate(QUARTERS)]]
    return write_xlsx(folder / "Form 7.xlsx", {"Form 7 RTP Risk": rows})


def test_a_quarter_is_a_date_its_last_day(sqlite_store, tmp_path):
    """"Target Waktu Penyelesaian" (target time of completion) written as quarters, "Triwulan II 2025" (Indonesian
    for the second quarter): every row was left out, "is not a date". A quarter in any language the words speak
    ("Q3 2025", "2. Quartal 2025", "T4 2025", "2КВ 2018") is the quarter's last day, the day it is due by (several
    quarters: the last); the cell as written is kept in the notes and the reading said once a column."""
    plan = import_all(sqlite_store, book_treatment_form(tmp_path))
    risks = by_code(sqlite_store, "risks")
    assert len(risks) == len(QUARTERS)
    for k, (quarter, day) in enumerate(QUARTERS):
        risk = risks[f"ROO.01.{k + 1:02d}"]
        assert str(risk["proximity"]) == day, (quarter, risk["proximity"])
        assert f"Target Waktu Penyelesaian: {quarter}" in risk["notes"]
    assert "a quarter read as its last day, the day it is due by (2КВ 2018 → 30 Jun 2018;" in plan.sheets[0].note


def book_two_forms(folder: Path) -> Path:
    first = [["No", "Risiko", "Pemilik", "Sebab"],
             [None, "The control framework is not applied", "Kepala Daerah", "Weak commitment"],
             [None, "Audit reports are issued late", "Inspektur", "Mandatory assignments"]]
    later = [["No", "Risiko Prioritas", "Kode Risiko", "Pemilik Risiko", "Dampak"],
             [1, "The control framework is not applied", "RSP 25.3525.01", "Kepala Daerah", "Maturity falls"],
             [2, "Audit reports are issued late", "RSO.24.35.04.03", "Inspektur", "Late follow-up"]]
    return write_xlsx(folder / "Kertas Kerja.xlsx", {"Form 3a Risk Strategis": first, "Form 5 Risk Prioritas": later})


def test_a_later_form_codes_a_risk_an_earlier_form_listed_by_title_alone(sqlite_store, tmp_path):
    """Form 3a lists a risk by its title alone (its "No" empty), form 5 lists the same risk with its code
    "RSP 25.3525.01": the import numbered the first R-001 and made the second a record of its own, the same risk
    twice. A row with its own ID whose title an earlier sheet's row without one has is that record, which takes
    the ID; a row whose title an earlier coded row has stays apart as before."""
    plan = import_all(sqlite_store, book_two_forms(tmp_path))
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["RSO.24.35.04.03", "RSP 25.3525.01"]
    said = [r.report.reason for s in plan.sheets for r in s.rows]
    assert "the same title as Form 3a Risk Strategis row 2: merged into that record, which takes its ID " \
        "“RSP 25.3525.01”." in said
    assert "Dampak: Maturity falls" in risks["RSP 25.3525.01"]["notes"]
    assert risks["RSP 25.3525.01"]["cause"] == "Weak commitment"


def book_action_sheet(folder: Path) -> Path:
    from datetime import date

    return write_xlsx(folder / "issues.xlsx", {
        "Issues": [["ID", "Issue", "Owner", "Status"],
                   ["I-1", "Supplier contract not signed", "Ana Ruiz", "Closed"],
                   ["I-2", "Test server not delivered", "Ana Ruiz", "Open"],
                   ["I-3", "Licences expired", "Ana Ruiz", "Resolved"]],
        "Actions": [["Issue ID", "Action", "Owner", "Due date"],
                    ["I-1", "Escalate to the sponsor", "Luis Gómez", date(2026, 3, 20)],
                    ["I-2", "Borrow the training server", "Marta Díaz", date(2026, 3, 27)],
                    ["I-3", "Renew the licences", "Luis Gómez", date(2026, 2, 1)],
                    ["I-3", "Tell the users", "Marta Díaz", date(2026, 2, 2)]]})


def test_an_action_sheet_without_status_under_a_closed_issue_is_done(sqlite_store, tmp_path):
    """An action sheet with no status column lists actions of a closed, an open and a resolved issue: all came in
    "Not started", the closed and resolved issues' actions open and overdue in the action log. Decided as for the
    actions read from a closed record's own columns: finished with their record, stored Done, said once a sheet;
    the open issue's action stays not started."""
    plan = import_all(sqlite_store, book_action_sheet(tmp_path))
    reg = REGISTERS["issue_actions"]
    by_issue: dict[str, list[tuple[str, str]]] = {}
    with sqlite_store.session() as s:
        for code in by_code(sqlite_store, "issues"):
            pid = records.find_id_by_code(s, REGISTERS["issues"], code)
            acts = [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, parent_id=pid)]
            by_issue[code] = [(a["description"], a["status"]) for a in acts]
    assert by_issue == {"I-1": [("Escalate to the sponsor", "Done")],
                        "I-2": [("Borrow the training server", "Not started")],
                        "I-3": [("Renew the licences", "Done"), ("Tell the users", "Done")]}
    said = "".join(s.note for s in plan.sheets)
    assert said.count("3 actions of closed or resolved issues stored as Done: the sheet has no status column") == 1


def book_owners_one_column_right(folder: Path) -> Path:
    return write_xlsx(folder / "Risk Register.xlsx", {
        "Sheet1": [["No.", "Risk Identified", None, "Response Strategy", None, "Risk Owner", "Risk Owner", None, None,
                    "Status"],
                   [1, "Integration", None, "Compatibility testing", None, "All the developers", None, None, None,
                    "Report to the PM"],
                   [None, None, None, "of the integrated components", None, None, None, None, None, None],
                   [2, "Scope", None, "Redefine scope", None, None, None, "Nitesh Gupta", None, "Take stakeholders in"],
                   [3, "Time", None, "Re-evaluate the duration", None, None, None, "Vinay Thapa", "Members",
                    "Change the strategy"],
                   [4, "Cost", None, "Cut expenditure", None, None, None, "Vrattant Arora", None, "Report to finance"]],
        "Other": [["ID", "Risk", "Owner", None],
                  ["R1", "Vendor late", "Ana", "escalated twice"],
                  ["R2", "Budget cut", None, "see minutes"],
                  ["R3", "Staff leave", "Luis", None]]})


def test_values_one_column_right_of_their_empty_header_are_its(sqlite_store, tmp_path):
    """A register typed as text art: "Risk Owner" heads F (and again G, empty), the first risk's owner stands in
    F, the others' one column further right in H under no header — they were kept in the notes as "Column H",
    the risks without an owner. An unheaded column filling exactly the records' rows its left neighbour leaves
    empty holds that column's values: placed, said once a sheet. An unheaded column of remarks beside owners
    (on rows the owner fills too) stays in the notes, as does a lone cell further right ("Members")."""
    plan = import_all(sqlite_store, book_owners_one_column_right(tmp_path))
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["owner"] for c in ("1", "2", "3", "4")] == ["All the developers", "Nitesh Gupta", "Vinay Thapa",
                                                                  "Vrattant Arora"]
    assert "Column I: Members" in risks["3"]["notes"]
    assert "Column H has no header and fills the records' rows “Risk Owner” leaves empty, right of it: its cells " \
        "read as “Risk Owner” (3 cells)." in plan.sheets[0].note
    assert risks["R2"]["owner"] in ("", None)
    assert "Column D: see minutes" in risks["R2"]["notes"]


def book_numbers_beside_names(folder: Path) -> Path:
    from real_world_factory import write_csv

    write_xlsx(folder / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Owner Name", "Probability", "Impact"],
        ["R1", "Vendor late", 12, "Ana Ruiz", 3, 4], ["R2", "Budget cut", 7, "Luis Gómez", 2, 3],
        ["R3", "Staff leave", 12, "Ana Ruiz", 4, 4]]})
    return write_csv(folder / "issues.csv", [
        ["issue_id", "title", "status", "assignee", "assignee_name"],
        ["I-1", "Login fails", "Open", 6, "Luis Gómez"], ["I-2", "Report slow", "Closed", 2, "Ana Ruiz"],
        ["I-3", "Export broken", "Open", 2, "Ana Ruiz"]])


def test_a_person_column_of_numbers_beside_the_peoples_names(sqlite_store, tmp_path):
    """"Owner" holds user numbers (12, 7) and "Owner Name" the people: the numbers were kept in the notes (no person
    "12"), and so were the names — the risks had no owner. The names beside the numbers, headed as they are with a
    word for a name ("Owner Name", "assignee_name"), are the people; the numbers stay in the notes."""
    book_numbers_beside_names(tmp_path)
    import_all(sqlite_store, tmp_path / "Risk Register.xlsx")
    import_all(sqlite_store, tmp_path / "issues.csv")
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["owner"] for c in ("R1", "R2", "R3")] == ["Ana Ruiz", "Luis Gómez", "Ana Ruiz"]
    assert "Owner: 12" in risks["R1"]["notes"]
    issues = by_code(sqlite_store, "issues")
    assert [issues[c]["owner"] for c in ("I-1", "I-2", "I-3")] == ["Luis Gómez", "Ana Ruiz", "Ana Ruiz"]
    people = {p["name"] for p in rows_of(sqlite_store, "people")}
    assert people == {"Ana Ruiz", "Luis Gómez"}


def test_a_header_written_as_code_names_its_notes_by_its_words(sqlite_store, tmp_path):
    """A tool's export headed by the code filling each column: "(r)=>getResidual(r)" names no stored field (the
    office works the residual score out), so its cells are kept in the notes — they were labelled by the code,
    "(r)=>getResidual(r): 20"; now by the words the code holds, "residual: 20", and the report says so."""
    from real_world_factory import write_csv

    book = write_csv(tmp_path / "risks.csv", [
        ["riskId", "title", "(r)=>r.owner?.name||''", "(r)=>getResidual(r)"],
        ["R-001", "Phishing of staff", "Ana Ruiz", "20"], ["R-002", "Ransomware", "Luis Gómez", "12"],
        ["R-003", "Lost laptop", "Ana Ruiz", "6"]])
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert "residual: 20" in risks["R-001"]["notes"]
    assert "getResidual" not in risks["R-001"]["notes"]
    assert plan.sheets[0].extras[3] == "residual"
