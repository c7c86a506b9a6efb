"""Classes of problem found on round 48 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_catalogue_named_as_a_register_adds_nothing(sqlite_store, tmp_path):
    """A health fund's catalogue of procedure groups saved as "benefits.csv": "code | name | catalog", each row
    a coded kind of hospital treatment listed in catalogue "1a". Its code and name were read as 1,347 benefits.
    One column beside an ID and a name that names the catalogue each row is listed in says what the sheet is:
    refused with why. A benefits register of an ID, a name and its owner imports as before."""
    path = write_csv(tmp_path / "benefits.csv", [
        ["code", "name", "catalog"],
        ["5.51.01.0001001", "A01 Intracranial procedures after a serious injury", "1a"],
        ["5.51.01.0001002", "A02 Intracranial procedures after an injury", "1a"],
        ["5.51.01.0001003", "A03 Deep brain stimulator implant", "1a"],
        ["5.51.01.0001011", "A11 Complex intracranial procedures", "1b"]])
    with pytest.raises(WorkbookError, match="catalogue"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "benefits") == []

    kept = write_csv(tmp_path / "benefits_register.csv", [
        ["code", "name", "owner"],
        ["B1", "Shorter waiting times", "Ana"],
        ["B2", "Fewer readmissions", "Bruno"],
        ["B3", "Lower cost per case", "Carla"]])
    import_all(sqlite_store, kept)
    assert sorted(b["title"] for b in rows_of(sqlite_store, "benefits")) == [
        "Fewer readmissions", "Lower cost per case", "Shorter waiting times"]


def test_a_catalogue_sheet_and_a_categories_sheet_beside_a_register_add_nothing(sqlite_store, tmp_path):
    """A blood bank's risk register beside "BMC Risk Categories" ("RISK CATEGORIES | DEFINITIONS", 18
    categories each with its definition), and a capstone app's "CATALOGO_AMENAZAS_MAGERIT" (coded kinds of
    threat with a base severity): both were read as risks (18 and 10 junk). A sheet named as a catalogue or as
    the categories a register sorts by holds no office's records: skipped with why; the register is read."""
    path = write_xlsx(tmp_path / "register.xlsx", {
        "Risk Register": [
            ["Risk ID", "Risk", "Category", "Likelihood", "Owner"],
            ["R1", "Blood stock below the ideal inventory", "Medical Services", "Possible", "Blood bank"],
            ["R2", "Delay in releasing blood components", "Medical Services", "Likely", "Blood bank"]],
        "BMC Risk Categories": [
            ["RISK CATEGORIES", "DEFINITIONS"],
            ["Medical Services", "Risks of a multidisciplinary care service"],
            ["Pharmacy", "Risks of operating the pharmacy"],
            ["Finance", "Risks of liquidity and treasury operations"]],
        "CATALOGO_AMENAZAS_MAGERIT": [
            ["Cod_MAGERIT", "Categoria", "Amenaza", "Descripcion", "Severidad_Base(1-5)"],
            ["N.1", "Desastres naturales", "Fuego", "Incendio en instalaciones", 5],
            ["N.2", "Desastres naturales", "Daños por agua", "Inundaciones, fugas", 4],
            ["I.5", "Industrial", "Avería de origen físico", "Fallo de hardware", 3]]})
    plan = import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["R1", "R2"]
    skipped = dict(plan.skipped_sheets)
    assert "not a register" in skipped["BMC Risk Categories"]
    assert "not a register" in skipped["CATALOGO_AMENAZAS_MAGERIT"]


def test_a_row_numbering_the_columns_under_the_header_is_no_record(sqlite_store, tmp_path):
    """A hospital's risk register under its header writes the columns' numbers ("1 | 2 | 3 | … | 11 | 13 | 14 |
    16 …", numbers skipped where a caption spans sub-columns): it was imported as a risk titled "13" that took
    the code 1, so the real risk 1 was renumbered. A first row of whole numbers rising from 1, four or more, is
    the form's numbering: skipped with why; the first risk keeps its number."""
    path = write_csv(tmp_path / "register.csv", [
        ["No", "Kegiatan", "Pernyataan Risiko", "Sebab", "Probabilitas", "Dampak", "Pemilik Risiko"],
        [1, 2, 3, 4, 5, 6, 7],
        [1, "Pembersihan kamar", "Kamar rawat inap kotor sehingga pasien komplain", "Tidak dibersihkan", 3, 3,
         "Rumah Tangga"],
        [2, "Pengangkutan limbah", "Petugas terluka oleh sampah tajam", "Penanganan kurang", 2, 2, "Kesling"]])
    plan = import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2"]
    assert got["1"]["title"] == "Kamar rawat inap kotor sehingga pasien komplain"
    assert any("columns' numbers" in r.reason for r in plan.reports)


def test_a_hospital_risk_register_over_three_header_lines_is_titled_by_its_risk_statement(sqlite_store, tmp_path):
    """An Indonesian hospital's register: "Pernyataan Risiko" (the risk statement) beside "Pengendalian Yang Ada"
    (existing controls) whose sub-column "Uraian" (description) was read as the title: 536 risks titled "spo" or
    "SPO pembersihan area umum", the statement in the notes, "Probality" (so spelt) in the notes as well. The
    statement is the title, the existing controls and "Rencana Pengendalian" (the control plan) are response
    plans, "Probality" is the probability."""
    path = write_csv(tmp_path / "RISK REGISTER 2026 - All Unit.csv", [
        ["DAFTAR RISIKO", None, None, None, None, None, None, None, None, None],
        ["No", "Kegiatan", "Pernyataan Risiko", "Sebab", "Probality", "Dampak", "Pengendalian Yang Ada", None,
         "Rencana Pengendalian", "Pemilik Risiko"],
        [None, None, None, None, None, None, "Uraian", "Efektifitas", None, None],
        [1, "membersihkan area pasien", "area pasien kotor sehingga pasien tidak nyaman dan komplain",
         "tidak dibersihkan berkala", 4, 3, "spo", "Kurang Efektif", "membuat jadwal rutin pembersihan",
         "Rumah Tangga"],
        [2, "pembersihan kamar rawat inap", "kamar rawat inap kotor sehingga penunggu pasien komplain",
         "tidak dibersihkan", 3, 3, "SPO pembersihan area umum", "Efektif", "QC kebersihan", "Rumah Tangga"],
        [3, "patroli keamanan", "terjadi tindak kriminal di area rumah sakit", "tidak dilakukan patroli", 2, 3,
         None, "Efektif", "Tinjau ulang SPO", "Security"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: r["title"] for c, r in got.items()} == {
        "1": "area pasien kotor sehingga pasien tidak nyaman dan komplain",
        "2": "kamar rawat inap kotor sehingga penunggu pasien komplain",
        "3": "terjadi tindak kriminal di area rumah sakit"}
    assert (got["1"]["probability"], got["1"]["impact"], got["1"]["owner"]) == (4, 3, "Rumah Tangga")
    plans = sorted(a["description"] for a in rows_of(sqlite_store, "risk_actions"))
    assert "spo" in plans and "membuat jadwal rutin pembersihan" in plans


def test_a_risk_or_opportunity_column_is_the_kind_not_the_title(sqlite_store, tmp_path):
    """"Risk/ Opportunity" holding "Risk" on each row beside "Event" (what may happen): the five risks of a blood
    bank were titled "Risk". A column headed with both kinds whose cells only say which is no title: the event
    names the risks, and the word, which no kind reads ("Risk"), is kept as a "Type" of "Risk" is, the kind the
    default threat. A stakeholder's "current_stance" is the attitude likewise."""
    path = write_csv(tmp_path / "register.csv", [
        ["Risk ID", "Event", "Cause", "Risk/ Opportunity", "Likelihood"],
        ["R1", "Blood stock below the ideal inventory", "Low budget for donation drives", "Risk", "Possible"],
        ["R2", "Delay in releasing blood components", "Transport too slow", "RISK", "Likely"],
        ["R3", "Blood inventory overstocked", "Mass donation drive", "Risk", "Possible"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: (r["title"], r["kind"]) for c, r in got.items()} == {
        "R1": ("Blood stock below the ideal inventory", "Threat"),
        "R2": ("Delay in releasing blood components", "Threat"),
        "R3": ("Blood inventory overstocked", "Threat")}

    people = write_csv(tmp_path / "stakeholders.csv", [
        ["name", "type", "role", "current_stance"],
        ["Transit Board", "agency", "Approves fare policy", "supportive"],
        ["City Supervisor", "elected", "Votes on the budget", "neutral"],
        ["Riders Union", "coalition", "Speaks for riders", "opposed"]])
    import_all(sqlite_store, people)
    stance = {s["name"]: s["attitude"] for s in rows_of(sqlite_store, "stakeholders")}
    assert stance["Transit Board"] == "Supporter" and stance["Riders Union"] != "Neutral"


def test_a_templates_guidance_line_does_not_hide_the_levels_under_it(sqlite_store, tmp_path):
    """A blood bank's register keeps its template's guidance line under the header ("Assess the plausible impact
    of risk event", "Describe the treatment to be applied"): in the rows judged for the header it made the second
    "Consequence" (MAJOR, MODERATE) and "Action" (REDUCE) look like text, so the risks had no impact and no
    response, both kept in the notes. The guidance line says nothing of the columns. And "Blood Program
    Operations and Technical Staff" is one team: it was cut at "and" to "Blood Program Operations" as if it named
    two people."""
    path = write_xlsx(tmp_path / "register.xlsx", {"BMC Risk RegisterTemplate": [
        ["Risk ID", "Event", "Consequence", "Likelihood", "Consequence", "Action", "Risk Owner"],
        ["Enter a unique reference", "Capture the potential event with enough detail",
         "Describe the main impact of risk event", "Assess the probability of risk event occurring",
         "Assess the plausible impact of risk event", "Describe the treatment to be applied to the risk",
         "Assign a Plan Owner"],
        ["R1", "Blood stock below the ideal inventory", "Delayed transfusions", "POSSIBLE", "MAJOR", "REDUCE",
         "Blood Program Operations and Technical Staff"],
        ["R2", "Delay in releasing blood components", "Critical transfusions wait", "LIKELY", "MAJOR", "REDUCE",
         "Blood Program Operations and Technical Staff"],
        ["R3", "Blood inventory overstocked", "Units expire", "POSSIBLE", "MODERATE", "ACCEPT",
         "Bloodbank & Transfusion Service"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: (r["impact"], r["response"]) for c, r in got.items()} == {
        "R1": (4, "Reduce"), "R2": (4, "Reduce"), "R3": (3, "Accept")}
    assert got["R1"]["effect"] == "Delayed transfusions"
    assert got["R1"]["owner"] == "Blood Program Operations and Technical Staff"
