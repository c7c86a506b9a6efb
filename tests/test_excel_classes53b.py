"""Issue 12, classes53b: known miss classes of rounds 47–52 — scales, legends and ratings per area. Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main 2a0b731)."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.importer import plan_workbook_import

# (ID, title, likelihood, impact) in a legend's own words, four levels each
WORDED = [("R1", "Improper access control", "CERTAIN", "CRITICAL"), ("R2", "Hardcoded credentials", "POSSIBLE", "CRITICAL"),
          ("R3", "Weak encryption", "REMOTE", "CRITICAL"), ("R4", "Missing error page", "POSSIBLE", "LOW"),
          ("R5", "Insufficient logging", "LIKELY", "HIGH"), ("R6", "Single-factor login", "REMOTE", "MEDIUM")]


def test_a_legend_places_its_words_remote_first_of_four_is_low(sqlite_store, tmp_path):
    """A legend sheet numbers the likelihood words 1–4 ("REMOTE | 1" … "CERTAIN | 4"): REMOTE is the sheet's lowest
    of four levels, read as 2 (low) as a "1" of the same legend is — not as the office's word "remote" (1, very
    low), which made the sheet's REMOTE × CRITICAL a lower risk than its own matrix rates it. The place in the
    legend decides; the words are said with the levels they became."""
    legend = [["Likelihood", "Score", None, "Impact", "Score"], ["REMOTE", 1, None, "LOW", 1],
              ["POSSIBLE", 2, None, "MEDIUM", 2], ["LIKELY", 3, None, "HIGH", 3], ["CERTAIN", 4, None, "CRITICAL", 4]]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["ID", "Risk", "Likelihood Rating", "Impact Rating"], *[list(r) for r in WORDED]],
        "Legend": legend})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "its words read as REMOTE 2, POSSIBLE 3, LIKELY 4, CERTAIN 5 on the office's 1–5" in note
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["probability"] for c in ("R3", "R6", "R2", "R5", "R1")] == [2, 2, 3, 4, 5]
    assert [risks[c]["impact"] for c in ("R4", "R6", "R5", "R1")] == [2, 3, 4, 5]


def test_a_score_of_one_to_a_hundred_tells_a_ten_point_scale(sqlite_store, tmp_path):
    """"Likelihood | Impact | Risk Score (1-100)": the ratings are on 1–10, though no risk is rated above 5. Read as
    the office's 1–5, a 5 × 4 (20 of 100, low on the sheet) became a 5 × 4 of 25, High; the score, taken for the
    office's calculation, was dropped. The score's top, 10 × 10, tells the 1–10 scale, read by two a level
    (1–2 → 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5), said once a column, the score kept in the notes."""
    rows = [("R1", "Supplier delay", 1, 2), ("R2", "Key staff leave", 2, 3), ("R3", "Budget overrun", 3, 3),
            ("R4", "Data loss", 4, 5), ("R5", "Scope creep", 5, 4), ("R6", "Late approvals", 2, 2)]
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Risk Score (1-100)"], *[[c, t, p, i, p * i] for c, t, p, i in rows]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Likelihood: a 1–10 scale (from the “Risk Score (1-100)” column) read as 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 " \
        "on the office's 1–5." in note
    risks = by_code(sqlite_store, "risks")
    assert (risks["R5"]["probability"], risks["R5"]["impact"]) == (3, 2)
    assert (risks["R1"]["probability"], risks["R1"]["impact"]) == (1, 1)
    assert "Risk Score (1-100): 20" in risks["R5"]["notes"]


def test_ratings_per_area_under_captions_take_the_worst_area(sqlite_store, tmp_path):
    """"delivery assurance | customer requirements | product data" each over "frequency | impact", a dash where a
    risk does not touch an area: the first area's impact was taken as the risk's and the other areas' went to the
    notes as a bare "impact". The risk is rated by its worst area — the area whose two ratings multiply highest
    gives both —, said once, and every area's ratings stay in the notes under the area's name."""
    book = write_csv(tmp_path / "risks.csv", [
        ["risks", "delivery assurance", "", "customer requirements", "", "product data", "", "companies"],
        ["", "frequency", "impact", "frequency", "impact", "frequency", "impact", ""],
        ["machine breakdown", "2", "3", " - ", " - ", "4", "1", "a b"],
        ["data missing", " - ", " - ", " - ", " - ", "1", "2", "a"],
        ["furnace failure", "1", "1", "3", "4", "2", "5", "c"]], delimiter=";")
    plan = import_all(sqlite_store, book)
    assert "Rated per area (delivery assurance, customer requirements, product data)" in plan.sheets[0].note
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert (risks["machine breakdown"]["probability"], risks["machine breakdown"]["impact"]) == (2, 3)
    assert (risks["data missing"]["probability"], risks["data missing"]["impact"]) == (1, 2)
    assert (risks["furnace failure"]["probability"], risks["furnace failure"]["impact"]) == (3, 4)
    notes = risks["furnace failure"]["notes"]
    for line in ("delivery assurance impact: 1", "customer requirements impact: 4", "product data impact: 5"):
        assert line in notes
    assert len(risks) == 3


def test_an_impact_caption_over_areas_takes_the_highest(sqlite_store, tmp_path):
    """"Impact severity" over "Scope | Quality | Time | Cost", each rated in words: no impact was read at all (the
    areas kept in the notes only). The risk's impact is its highest area's, as the sheet's own "MAX" score works
    it out, said once; each area stays in the notes."""
    book = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Risks": [
        ["Risk description", "Impact severity", None, None, None, "Probability", "Owner"],
        [None, "Scope", "Quality", "Time", "Cost", None, None],
        ["Axis misalignment", "Very High", "High", "Medium", "Low", "Low", "Felipe"],
        ["Power failure", "Low", "Very Low", "Medium", "Very Low", "Medium", "Rafael"],
        ["Budget shortfall", "High", "High", "Medium", "Very High", "Low", "Antonio"]]},
        merges={"Risks": ["B1:E1"]})
    plan = import_all(sqlite_store, book)
    assert "Rated per area (Scope, Quality, Time, Cost): the risk's impact is its worst area's" in plan.sheets[0].note
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert [risks[t]["impact"] for t in ("Axis misalignment", "Power failure", "Budget shortfall")] == [5, 3, 5]
    assert "Time: Medium" in risks["Power failure"]["notes"]
    assert len(risks) == 3


def _form(section_rows: list[list[object]]) -> list[list[object]]:
    """An identification form of an inspectorate's risk workbook: a title block, a header over three lines ("Risiko"
    merged over "Uraian | Kode | Pemilik", "Kode" over "Risiko" on the third line), the row lettering its
    columns, then the form's risks."""
    return [["Kertas Kerja", None, None, None, None, None, None],
            ["Nama OPD", None, ": Inspektorat Daerah", None, None, None, None],
            [None] * 7,
            ["No", "Tujuan Strategis", "Indikator Kinerja", "Risiko", None, None, "Sebab"],
            [None, None, None, "Uraian", "Kode", "Pemilik", "Uraian"],
            [None, None, None, None, "Risiko", None, None],
            ["a", "b", "c", "d", "e", "f", "g"],
            *section_rows]


FORM_MERGES = ["A4:A6", "B4:B6", "C4:C6", "D4:F4", "D5:D6", "F5:F6", "G5:G6"]


def test_forms_lettering_their_columns_each_import_under_their_three_line_header(sqlite_store, tmp_path):
    """Two forms of one workbook, each under a header of three lines over "a | b | c …": the third line ("Risiko"
    under "Kode") was read as a record, then the letter row as a risk with the ID "a" — on the second form the
    same "a" refused the whole workbook. The letter row is the form's column key: it closes the header, the
    lines above it are the header's, and each form's risks come in, titled by the "Uraian" under "Risiko"."""
    first = _form([[1, "Tujuan A", "Indikator A", "Self-assessment of the audit function is late", "RSO.01",
                    "Inspektur", "Too few auditors"],
                   [2, "Tujuan A", "Indikator B", "Audit reports are issued late", "RSO.02", "Inspektur",
                    "Mandatory assignments"]])
    second = _form([[1, "Sub kegiatan A", "Output A", "Payroll documents are wrong", "ROO.01", "Kasubag UKK",
                     "Careless payroll clerk"],
                    [2, "Sub kegiatan B", "Output B", "Travel claims are not verified", "ROO.02", "Kasubag UKK",
                     "Missing receipts"]])
    book = write_xlsx(tmp_path / "Kertas Kerja.xlsx", {"Form 3b Risk Strategis": first, "Form 3c Risk Operasional": second},
                      merges={"Form 3b Risk Strategis": FORM_MERGES, "Form 3c Risk Operasional": FORM_MERGES})
    plan = import_all(sqlite_store, book)
    titles = sorted(r["title"] for r in by_code(sqlite_store, "risks").values())
    assert titles == sorted(["Self-assessment of the audit function is late", "Audit reports are issued late",
                             "Payroll documents are wrong", "Travel claims are not verified"])
    said = [r.report.reason for s in plan.sheets for r in s.rows]
    assert said.count("the columns' letters under the header (a form lettering its columns), not a record.") == 2


def test_a_caption_merged_over_its_lines_is_not_the_column_naming_the_risks(sqlite_store, tmp_path):
    """A form under a title block whose header spans three lines, "Risiko" merged over "Tahap | Uraian | Kode |
    Pemilik" and "Dampak**)" over "Uraian | Pihak yang Terkena", the affected party left empty: read under its
    upper line alone — the caption "Risiko" the title, "Dampak" the impact of the empty column — it beat the lines
    read together, and each risk was titled by its stage ("Perencanaan"). A caption merged over columns the line
    under it names one by one, its field named there again ("Uraian"), is a band over the header's lower line."""
    block = [[None] * 11 + ["Lampiran 10"], [None] * 11 + ["Form 3.c"], [None],
             ["Kertas Kerja"], ["Identifikasi Risiko Operasional OPD"], ["Nama Pemda", None, ": Kota Tegal"],
             ["Nama OPD", None, ": Inspektorat Daerah"], ["Tahun Penilaian", None, ": 2025"],
             ["Urusan Pemerintahan", None, ": Urusan Pengawasan"]]
    owner = "Kepala Dinas Kesehatan"
    rows = [["No", "Kegiatan", "Indikator Keluaran", "Risiko", None, None, None, "Sebab*)", None, "C/UC", "Dampak**)", None],
            [None, None, None, "Tahap", "Uraian", "Kode ", "Pemilik", "Uraian", "Sumber", None, "Uraian",
             "Pihak yang Terkena"],
            [None, None, None, None, None, "Risiko", None, None, None, None, None, None],
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
            ["A.", "Program for safe childbirth", None, None, None, None, None, None, None, None, None, None,
             "Maternity insurance (grant)"],
            [1, "Maternity insurance activity", None, "Penetapan kebijakan", "Hospitals wait too long for payment",
             None, owner, "The payment rule is slow", None, None, "Hospitals refuse claims"],
            [None, "Goal: every birth insured", None, "Perencanaan", "Poor mothers lack insurance data", None, owner,
             "Weak coordination with social services", "Eksternal", "UC", "Planning misses mothers"],
            [None, "Target: poor pregnant women", None, "Penganggaran", "The funds needed are miscounted", None,
             owner, "Incomplete data on mothers", None, None, "The budget does not fit the need"],
            [None, None, None, "Pelaksanaan", "Cross-checking with the insurer takes long", None, owner,
             "The payment rule is slow", "Internal/Eksternal", "UC", "Few hospitals take part"]]
    merges = ["A10:A12", "B10:B12", "C10:C12", "D10:G10", "D11:D12", "E11:E12", "G11:G12", "H10:I10", "H11:H12",
              "I11:I12", "J10:J12", "K10:L10", "K11:K12", "L11:L12"]
    sheet = "Form 3d Risiko Penanganan Covid"
    book = write_xlsx(tmp_path / "Kertas Kerja.xlsx", {sheet: block + rows}, merges={sheet: merges})
    import_all(sqlite_store, book)
    titles = sorted(r["title"] for r in by_code(sqlite_store, "risks").values())
    assert titles == sorted(["Hospitals wait too long for payment", "Poor mothers lack insurance data",
                             "The funds needed are miscounted", "Cross-checking with the insurer takes long"])


def test_outline_section_headings_are_no_risks(sqlite_store, tmp_path):
    """A treatment form numbers its sections in its outline ("I | Risiko Strategis (3.a)", "II | …") over risks
    numbered 1, 2 … again, each section row filling its number and name only: they were imported as risks. A row
    of an outline number (a Roman numeral, a capital letter with a dot) and a name only is a heading."""
    rows = [["No", "Risiko Prioritas", "Kode Risiko", "Rencana Tindak Pengendalian", "Pemilik"],
            ["I", "Risiko Strategis (3.a)", None, None, None],
            [1, "The control framework is not applied", "RSP.01", "Socialise the framework", "Kepala Daerah"],
            ["II", "Risiko Operasional (3.c)", None, None, None],
            [1, "Audit reports are issued late", "ROO.01", "Monthly evaluation meeting", "Inspektur"],
            [2, "Travel claims are not verified", "ROO.02", "Checklist for claims", "Kasubag UKK"]]
    book = write_xlsx(tmp_path / "Form 7.xlsx", {"Form 7 RTP Risk": rows})
    import_all(sqlite_store, book)
    titles = sorted(r["title"] for r in by_code(sqlite_store, "risks").values())
    assert titles == ["Audit reports are issued late", "The control framework is not applied",
                      "Travel claims are not verified"]


def test_a_conclusions_form_described_by_uraian_is_no_risk_register(sqlite_store, tmp_path):
    """"No. | Sub unsur | Hasil | Uraian | Simpulan": a control-environment review's conclusions, each described
    ("Uraian", Indonesian for description) beside its verdict. "Uraian" names the risks of a risk form, beside
    their cause, owner and effect; alone with a number it is any table's description (as "Description" is), so
    the sheet is taken for a table of another kind, not 15 risks."""
    rows = [["No.", "Sub unsur", "Hasil Reviu Dokumen", None, "Simpulan"],
            [None, None, "Hasil", "Uraian", None],
            ["a", "b", "c", "d", "e"],
            [1, "Integrity and ethics", "Memadai", None, "Memadai"],
            [2, "Competence", "Kurang Memadai", "Training hours are below 120 a year", "Kurang Memadai"],
            [3, "Leadership", "Memadai", None, "Memadai"],
            [4, "Internal audit role", "Kurang Memadai", "Risk management is not applied in every unit", "Kurang Memadai"]]
    risks = [["No", "Risiko Prioritas", "Pemilik Risiko", "Penyebab", "Dampak"],
             [1, "Audit reports are issued late", "Inspektur", "Mandatory assignments", "Late follow-up"]]
    book = write_xlsx(tmp_path / "Kertas Kerja.xlsx", {"Form 1.c Simpulan CEE": rows, "Form 5 Risk Prioritas": risks},
                      merges={"Form 1.c Simpulan CEE": ["C1:D1", "A1:A2", "B1:B2", "E1:E2"]})
    plan = plan_workbook_import(sqlite_store, book, create_missing=True)
    assert [s.sheet for s in plan.sheets] == ["Form 5 Risk Prioritas"]
    assert any(title == "Form 1.c Simpulan CEE" and "taken for a table of another kind" in why
               for title, why in plan.skipped_sheets)


def test_a_priority_form_titles_its_risks_by_risiko_prioritas(sqlite_store, tmp_path):
    """"No | Risiko Prioritas | Kode Risiko | Skala Risiko | Pemilik Risiko | Penyebab | Dampak": the prioritised
    risks of an inspectorate's form 5. "Risiko Prioritas" (priority risk) names the risks; it was kept in the
    notes and each risk titled by its cause."""
    rows = [["No", "Risiko Prioritas", "Kode Risiko", "Skala Risiko", "Pemilik Risiko", "Penyebab", "Dampak"],
            ["a", "b", "c", "d", "e", "f", "g"],
            [1, "Audit reports are issued late", "ROO.01", 9, "Inspektur", "Mandatory assignments", "Late follow-up"],
            [2, "Travel claims are not verified", "ROO.02", 6, "Kasubag UKK", "Missing receipts", "Losses"]]
    book = write_xlsx(tmp_path / "Kertas Kerja.xlsx", {"Form 5 Risk Prioritas": rows})
    import_all(sqlite_store, book)
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert sorted(risks) == ["Audit reports are issued late", "Travel claims are not verified"]
    assert risks["Travel claims are not verified"]["cause"] == "Missing receipts"
