"""Registers as organisations really keep them, one test per failure class of issue 12, on workbooks
written here; and the shared corpus of real public registers, imported as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run_cli
from imported import rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import (
    OWN_LIST_SETTING,
    apply_import,
    left_out_path,
    plan_workbook_import,
)
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import RiskAction
from pmo_desktop.models.store import Store

ROOT = Path(__file__).parents[1]
CORPUS = Path(__file__).parents[2] / "shared" / "excel-corpus"




def by_title(store: Store, register: str = "risks") -> dict[str, dict]:
    key = "name" if register == "stakeholders" else "title"
    return {r[key]: r for r in rows_of(store, register)}


def imported(store: Store, path: Path, **kwargs) -> dict[str, dict]:
    apply_import(store, plan_workbook_import(store, path, **kwargs.pop("plan", {})), **kwargs)
    return by_title(store)


# ------------------------------------------------------------------------ 1. values in their own words
def test_statuses_responses_and_scales_in_an_organisations_own_words(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "words.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Status", "Response"],
        ["R1", "Words", "Almost certain", "Med", "In Progress", "Avoidance"],
        ["R2", "Letters", "H", "L", "Monitoring", "Mitigation"],
        ["R3", "Fraction", 0.35, "Very High", "Mitigated", "Transfer"],
        ["R4", "Percent", "75% to 100%", "Rare", "Resolved", "Acceptance"],
        ["R5", "Range", "60%", 1.5, "Pending", "Tolerate"],
    ]})
    got = imported(sqlite_store, path)
    assert [(got[t]["probability"], got[t]["impact"], got[t]["status"], got[t]["response"])
            for t in ("Words", "Letters", "Fraction", "Percent", "Range")] == [
        (5, 3, "Open", "Avoid"), (4, 2, "Open", "Reduce"), (2, 5, "Closed", "Transfer"),
        (5, 1, "Closed", "Accept"), (3, 2, "Open", "Accept")]


def test_probabilities_as_fractions_read_one_as_a_hundred_percent(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", {"Risks": [["Risk", "Probability"], ["Sure", 1.0], ["Unlikely", 0.1]]})
    got = imported(sqlite_store, path)
    assert (got["Sure"]["probability"], got["Unlikely"]["probability"]) == (5, 1)


def test_unknown_category_joins_the_offices_list_and_unplaceable_status_is_named(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", {"Risks": [
        ["Risk", "Category", "Status"], ["A", "Data Quality", "Open"], ["B", "Technology", "Open"],
        ["C", "Market risk", "Open"], ["D", "Data Quality", "Gone fishing"]]})
    plan = plan_workbook_import(sqlite_store, path)
    # "Market risk" is no Commercial (a near concept): the sheet's word, its noun dropped, joins the list (cat24)
    assert plan.new_choices == {"risks.category": {"Data Quality", "Market"}}
    assert plan.unplaced == {("risks", "status"): {"Gone fishing": 1}}
    # an unknown status keeps its row (classes65a): imported at the state a new risk starts in, the word said
    assert plan.errors == [] and plan.valid_count == 4
    translations = {"status": {"Gone fishing": "Closed"}}
    plan = plan_workbook_import(sqlite_store, path, translations=translations)
    assert plan.ok
    apply_import(sqlite_store, plan)
    got = by_title(sqlite_store)
    assert [got[t]["category"] for t in "ABCD"] == ["Data Quality", "Technical", "Market", "Data Quality"]
    assert got["D"]["status"] == "Closed"
    assert sqlite_store.get_setting(OWN_LIST_SETTING + "risks.category") == ["Data Quality", "Market"]
    again = plan_workbook_import(sqlite_store, path)  # the translation is remembered for this layout
    assert again.ok and again.unplaced == {}


# ------------------------------------------------------------------------ 2. partial import
def test_partial_import_takes_the_valid_rows_and_writes_the_others_beside_the_source(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "mixed.xlsx", {"Risks": [
        ["ID", "Title", "Impact", "Raised"], ["R-1", "Good", 3, "2025-01-01"],
        ["R-2", "Bad date", 2, "2025-02-30"], ["R-3", "Also good", 4, None]]})  # ("next Tuesday": no date, left45)
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.valid_count == 2 and len(plan.errors) == 1
    result = apply_import(sqlite_store, plan, partial=True)
    assert sorted(by_title(sqlite_store)) == ["Also good", "Good"]
    assert result.left_out == 1 and result.left_out_path == left_out_path(plan)
    ws = openpyxl.load_workbook(result.left_out_path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Why it was left out", "ID", "Title")
    assert "not a real date" in rows[1][0] and rows[1][1:3] == ("R-2", "Bad date")


def test_cli_partial_exits_0_and_names_the_workbook_of_rows_left_out(tmp_path):
    # a day no calendar has refuses its row (an unknown status or impact is kept in the notes, the row imported)
    path = write_xlsx(tmp_path / "mixed.xlsx", {"Risks": [
        ["Title", "Raised"], ["Good", "2025-01-01"], ["Bad", "2025-02-30"]]})
    run_cli("new", "o.pmo", cwd=tmp_path, ok=True)
    refused = run_cli("import", "o.pmo", path, cwd=tmp_path)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    proc = run_cli("import", "o.pmo", path, "--partial", cwd=tmp_path, ok=True)
    assert "1 row with errors left out" in proc.stdout and "mixed - rows left out.xlsx" in proc.stdout
    assert (tmp_path / "mixed - rows left out.xlsx").exists()


def test_cli_values_file_translates_what_the_rules_cannot(tmp_path):
    path = write_xlsx(tmp_path / "v.xlsx", {"Risks": [["Title", "Status"], ["One", "Watch list"]]})
    values = tmp_path / "values.json"
    values.write_text(json.dumps({"risks": {"status": {"Watch list": "Open"}}}))
    run_cli("new", "o.pmo", cwd=tmp_path, ok=True)
    run_cli("import", "o.pmo", path, "--values", values, cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "o.pmo")
    try:
        assert by_title(store)["One"]["status"] == "Open"
    finally:
        store.close()


# ------------------------------------------------------------------------ 3. nothing lost silently
def test_columns_with_no_field_are_kept_and_mitigation_becomes_response_actions(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "k.xlsx", {"Risk Register": [
        ["Risk ID", "Title", "Description", "Root Cause", "Consequence", "Triggers", "Affected Asset",
         "Mitigation Plan", "Risk Score"],
        ["R1", "Phishing", "Staff click links", "No training", "Data loss", "Odd emails", "Mail server",
         "Train staff yearly", 12]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert any("Affected Asset" in why and "kept" in why for why in plan.sheets[0].ignored.values())
    apply_import(sqlite_store, plan)
    risk = by_title(sqlite_store)["Phishing"]
    assert (risk["cause"], risk["effect"], risk["trigger"]) == ("No training", "Data loss", "Odd emails")
    assert "Description: Staff click links" in risk["notes"] and "Affected Asset: Mail server" in risk["notes"]
    # no likelihood or impact beside it, so nothing works the score out again: kept, not lost (round 29;
    # dropped as calculated before)
    assert "Risk Score: 12" in risk["notes"]
    with sqlite_store.session() as s:
        assert [a.description for a in s.query(RiskAction)] == ["Train staff yearly"]


# ------------------------------------------------------------------------ 4. wrong mappings
def test_type_level_text_impact_and_workstream_are_not_read_as_fields_they_only_resemble(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"Risks": [
        ["ID", "Title", "Type", "Risk Level", "Impact", "Workstream", "Probability"],
        ["R1", "Slip", "Risk", "Extreme", "The launch moves to next year and sales fall", "Data", 3],
        ["R2", "Leak", "Risk", "High", "Customers leave and regulators fine the company", "Ops", 2]]})
    got = imported(sqlite_store, path)
    slip = got["Slip"]
    assert slip["kind"] == "Threat" and slip["level"] == "Project" and slip["project"] is None
    assert slip["impact"] is None and slip["effect"] == "The launch moves to next year and sales fall"
    assert "Type: Risk" in slip["notes"] and "Risk Level: Extreme" in slip["notes"] and "Workstream: Data" in slip["notes"]


def test_raci_letters_are_not_engagement(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "raci.xlsx", {"Stakeholders": [
        ["Name", "Organization", "Role", "R", "A", "C", "I"], ["Ann", "PMO", "Lead", "x", "x", None, None],
        ["Bo", "IT", "Dev", None, None, "x", "x"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    ann = by_title(sqlite_store, "stakeholders")["Ann"]
    assert ann["current_engagement"] == "" and "R: x" in ann["notes"]  # not assessed yet, no made-up "Unaware"


# ------------------------------------------------------------------------ 5. what is not a record
def test_legend_sheets_notes_totals_and_template_rows_are_skipped_with_the_reason(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", {
        "Risk Register": [["ID", "Risk Description", "Likelihood", "Impact"], ["R-1", "Real one", 4, 4],
                          ["R-2", "Real two", 2, 3], ["R-3", None, None, None], ["R-4", None, None, None],
                          [None, None, None, None], [None, "Note: score = likelihood × impact", None, None],
                          ["Total", None, 6, 7]],
        "Legend": [["Risk Level", "Score Range"], ["High", "16-25"], ["Low", "1-8"]],
        "Definitions": [["Type", "Status"], ["Schedule", "Active"], ["Legal", "Closed"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert {s for s, _ in plan.skipped_sheets} == {"Legend", "Definitions"}
    skips = {r.row: r.reason for r in plan.reports if r.action == Action.SKIP}
    assert "empty template row" in skips[4] and "empty template row" in skips[5]
    assert "note" in skips[7] and "total" in skips[8]
    apply_import(sqlite_store, plan)
    assert sorted(by_title(sqlite_store)) == ["Real one", "Real two"]


def test_a_legend_block_under_a_stakeholder_table_adds_nobody(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Stakeholders": [
        ["Name", "Organization", "Role"], ["Ann", "PMO", "Lead"], ["Bo", "IT", "Dev"], [None, None, None],
        ["RACI terms defined", "ROLE", "DEFINED"], [None, "R", "Responsible"], [None, "A", "Accountable"]]},
        merges={"Stakeholders": ["A5:A7"]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    assert sorted(by_title(sqlite_store, "stakeholders")) == ["Ann", "Bo"]


def test_raid_log_on_one_sheet_is_split_by_type_and_a_multi_register_workbook_routed(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "raid.xlsx", {
        "RAID": [["Ref", "Type", "Description", "Owner", "Status"], ["1", "Risk", "Supplier may fail", "Ann", "Open"],
                 ["2", "Issue", "Server room flooded", "Bo", "In progress"], ["3", "Assumption", "Budget holds", "Ann", ""],
                 ["4", "Dependency", "Network upgrade", "Cy", "Open"]],
        "Stakeholders": [["Stakeholder Name or Group", "Organisation", "Level of Influence"],
                         ["Finance team", "Finance", "High"]]})
    plan = plan_workbook_import(sqlite_store, path)
    apply_import(sqlite_store, plan)
    assert list(by_title(sqlite_store)) == ["Supplier may fail"]
    assert [(r["title"], r["status"]) for r in rows_of(sqlite_store, "issues")] == [("Server room flooded", "Open")]
    assert by_title(sqlite_store, "stakeholders")["Finance team"]["power"] == 4
    assert [r["title"] for r in rows_of(sqlite_store, "assumptions")] == ["Budget holds"]
    assert [r["title"] for r in rows_of(sqlite_store, "dependencies")] == ["Network upgrade"]
    assert any("assumption row of the RAID log, imported into the assumptions log" in r.reason for r in plan.reports)


def test_cells_merged_down_make_one_record(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", {"Stakeholders": [
        ["Name", "Role", "Notes"], ["Ann", "Sponsor", "Current: supportive"], [None, None, "Desired: leading"],
        ["Bo", "User", "Fine"]]}, merges={"Stakeholders": ["A2:A3", "B2:B3"]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    got = by_title(sqlite_store, "stakeholders")
    assert sorted(got) == ["Ann", "Bo"] and got["Ann"]["notes"] == "Current: supportive; Desired: leading"


# ------------------------------------------------------------------------ 6. headers
@pytest.mark.parametrize("headers", [
    ["Référence", "Intitulé du risque", "Probabilité", "Gravité", "Propriétaire", "Statut"],
    ["Nr", "Risikobeschreibung", "Wahrscheinlichkeit", "Auswirkung", "Verantwortlich", "Status"],
    ["Código", "Descripción del riesgo", "Probabilidad", "Impacto", "Responsable", "Estado"],
    ["ID", "Описание риска", "Вероятность риска", "Влияние риска", "Владелец риска", "Статус риска"],
    ["ID", "Descrizione", "Probabilità", "Impatto", "Responsabile", "Stato"],
])
def test_headers_in_french_german_spanish_and_russian(sqlite_store, tmp_path, headers):
    words = {"Statut": ("Élevé", "Faible", "Ouvert"), "Status": ("Hoch", "Niedrig", "Offen"),
             "Estado": ("Alta", "Baja", "Abierto"), "Статус риска": ("Высокая", "Низкая", "Открыт"),
             "Stato": ("Alto", "Basso", "In risoluzione")}[headers[-1]]
    path = write_xlsx(tmp_path / "lang.xlsx", {"Sheet1": [headers, ["X-1", "Late supplier", words[0], words[1], "Ann",
                                                                    words[2]]]})
    risk = imported(sqlite_store, path)["Late supplier"]
    assert (risk["probability"], risk["impact"], risk["owner"], risk["status"]) == (4, 2, "Ann", "Open")


def test_table_starting_in_column_c_under_a_two_row_header(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", {"Register": [
        ["Programme risk register"], [],
        [None, None, "Risk", None, "Inherent", None, "Residual", None],
        [None, None, "ID", "Description", "Probability", "Impact", "Probability", "Impact"],
        [None, None, "R-9", "Vendor lock-in", 4, 4, 2, 3]]},
        merges={"Register": ["E3:F3", "G3:H3"]})
    risk = imported(sqlite_store, path)["Vendor lock-in"]
    assert (risk["code"], risk["probability"], risk["impact"], risk["residual_probability"],
            risk["residual_impact"]) == ("R-9", 4, 4, 2, 3)


def test_a_cause_event_effect_layout_without_a_title_names_risks_by_their_event(sqlite_store, tmp_path):
    path = write_csv(tmp_path / "cee.csv", [["Cause", "Event", "Effect", "Likelihood"],
                                            ["Old kit", "Servers fail", "Outage", "Likely"]])
    risk = imported(sqlite_store, path)["Servers fail"]
    assert (risk["cause"], risk["effect"], risk["probability"]) == ("Old kit", "Outage", 4)


# ------------------------------------------------------------------------ 7. identity and missing names
def test_a_colleagues_r001_describing_another_risk_is_added_not_written_over_ours(sqlite_store, tmp_path):
    with sqlite_store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Our data centre move"})
    path = write_xlsx(tmp_path / "theirs.xlsx", {"Risks": [["Risk ID", "Risk Description", "Likelihood"],
                                                           ["R-001", "Their supplier insolvency", 3]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.count(Action.INSERT) == 1 and "another risk" in plan.reports[0].reason
    apply_import(sqlite_store, plan)
    got = by_title(sqlite_store)
    assert got["Our data centre move"]["code"] == "R-001" and got["Their supplier insolvency"]["code"] == "R-002"


def test_our_own_export_layout_updates_by_id(sqlite_store, tmp_path):
    with sqlite_store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Old wording"})
    path = write_xlsx(tmp_path / "ours.xlsx", {"Risk register": [["ID", "Title", "Probability", "Impact"],
                                                                 ["R-001", "Completely new wording", 2, 2]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.count(Action.UPDATE) == 1


def test_missing_projects_are_created_only_when_asked(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", {"Risks": [["Title", "Project"], ["Slip", "New warehouse"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert not plan.ok and "create missing" in plan.errors[0].reason
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True))
    assert [p["name"] for p in rows_of(sqlite_store, "projects")] == ["New warehouse"]
    assert by_title(sqlite_store)["Slip"]["project"] == "New warehouse"


# ------------------------------------------------------------------------ the shared corpus
EXPECTED = json.loads((ROOT / "benchmarks" / "corpus_expectations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if not n.startswith("_")))
def test_real_register_imports_its_rows_and_no_junk(tmp_path, name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    store = Store.create(tmp_path / "o.pmo")
    try:
        plan = plan_workbook_import(store, path)
        if plan.valid_count:
            apply_import(store, plan, partial=True)
        for register in {e["register"] for e in EXPECTED[name].values()}:
            want = sum(e["rows"] for e in EXPECTED[name].values() if e["register"] == register)
            assert len(rows_of(store, register)) == want, register
        others = {"risks", "stakeholders", "communications", "issues"} - {e["register"] for e in EXPECTED[name].values()}
        assert all(not rows_of(store, r) for r in others)
    finally:
        store.close()


def test_text_longer_than_its_column_is_shortened_and_kept_in_full(store, tmp_path):
    """On PostgreSQL a 600-character title would refuse the whole import; it is cut at a word, kept whole in the notes."""
    long_title = "Supplier insolvency " * 30
    path = write_xlsx(tmp_path / "long.xlsx", {"Risks": [["ID", "Risk", "Likelihood"],
                                                         ["REF-" + "9" * 30, long_title.strip(), "Low"]]})
    apply_import(store, plan_workbook_import(store, path))
    (risk,) = rows_of(store, "risks")
    assert len(risk["title"]) <= 300 and risk["title"].endswith("…") and risk["code"] == "R-001"
    assert long_title.strip() in risk["notes"] and "ID: REF-999" in risk["notes"]


def test_engagement_levels_in_other_words(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "e.xlsx", {"Stakeholder register": [
        ["S No", "Stakeholder", "Current Engagement Level", "Desired Engagement Level", "Influence (H/M/L)"],
        [1, "Board", "Aware", "Champion", "H"], [2, "Unions", "Opposed", "Engaged", "M"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    got = by_title(sqlite_store, "stakeholders")
    assert [(got[n]["code"], got[n]["current_engagement"], got[n]["desired_engagement"], got[n]["power"])
            for n in ("Board", "Unions")] == [("1", "Neutral", "Leading", 4), ("2", "Resistant", "Supportive", 3)]


# ------------------------------------------------------------------------ more layouts of public registers
def test_a_level_word_wins_over_figures_in_the_sentence_after_it(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {"Risks": [["Risk ID", "Risk Statement", "Impact"],
                                                      ["1", "If the vendor is late", "Moderate, a 5%-10% schedule delay"],
                                                      ["2", "If staff leave", "High. Over 15% of the budget"]]})
    got = imported(sqlite_store, path)
    assert (got["If the vendor is late"]["impact"], got["If staff leave"]["impact"]) == (3, 4)


def test_headers_that_begin_with_a_known_header_and_words_in_brackets(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "b.xlsx", {"Risk log": [
        ["Risk NO.", "Risk Description & Effect", "Prob of Occur (P)", "Impact (I)", "Open or Closed?"],
        [1, "Movers damage the servers", 0.6, 5, "Open "], [2, "Power supply too small", 0.4, 5, "Closed"]]})
    got = imported(sqlite_store, path)
    assert [(r["code"], r["probability"], r["impact"], r["status"]) for r in got.values()] == [
        ("1", 3, 5, "Open"), ("2", 2, 5, "Closed")]


def test_a_column_repeating_one_word_is_no_title_under_a_two_row_header(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"Sheet1": [
        [None, "Risk", "Description", "Treatment", None, "Owner"],
        [None, "Risk", None, "Type", "Measure(s)", None],
        [None, "Risk", "Interface setback", "Mitigation", "Ask for documentation", "Tech"],
        [None, "Risk", "Client staff unwilling", "Deflection", "Let the client negotiate", "Client"],
        [None, "Risk", "Data of bad quality", "Contingency", "Two spare days", "Client"]]})
    got = imported(sqlite_store, path)
    assert sorted(got) == ["Client staff unwilling", "Data of bad quality", "Interface setback"]
    assert got["Client staff unwilling"]["response"] == "Transfer"


def test_stakeholder_groups_without_names_and_a_text_interest_column(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "g.xlsx", {"Stakeholder Register": [
        [], [], [None, "Stakeholder Group", "Role", "Interest", "Influence/Attitude"],
        [None, "Customer", "Loan applicant", "Wants a fast, clear and easy process", "High (users of the system)"],
        [None, "Internal Staff", "Relationship manager", "Wants less paperwork and fewer errors", "Medium"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    got = by_title(sqlite_store, "stakeholders")
    assert sorted(got) == ["Customer", "Internal Staff"]
    assert got["Customer"]["power"] == 4 and got["Customer"]["concerns"].startswith("Wants a fast")


def test_turkish_headers_with_dotted_and_dotless_i(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "tr.xlsx", {"Sayfa1": [
        ["STAKEHOLDER REGISTER"], [], [None, "ADI", "Rolü", "İletişim Bilgileri", "Paydaş Türü", "Etki"],
        [None, "Proje Ekibi", "Geliştirici", "E-posta", "Dahili Paydaş", "Yüksek"],
        [None, "Hastane IT", "Entegrasyon", "Telefon", "Dış Paydaş", "orta"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    got = by_title(sqlite_store, "stakeholders")
    assert [(got[n]["role"], got[n]["group"], got[n]["power"]) for n in ("Proje Ekibi", "Hastane IT")] == [
        ("Geliştirici", "Dahili Paydaş", 4), ("Entegrasyon", "Dış Paydaş", 3)]


def test_instructions_under_the_header_and_references_under_the_table_add_nothing(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "i.xlsx", {"Risk Register": [
        ["RISK REGISTER TEMPLATE"], [],
        ["KEY", "RISK DESCRIPTION", "IMPACT DESCRIPTION", "IMPACT LEVEL", "PROBABILITY LEVEL", "OWNER", "STATUS"],
        ["LEVEL", "Give a brief summary", "What will happen", "Rate 1 (LOW) to 5 (HIGH)", "Rate 1 (LOW) to 5 (HIGH)",
         "Who's responsible?", "Open / closed"],
        [1, "Data is inaccurate", "Bad routes", 5, 4, "Kush", "Open"],
        [2, "Algorithms get slow", "Slow app", 5, 4, "Nida", "Open"], [], [],
        ["#", "References:"], [1, "Bloomenthal, A. (2021) Identity theft"], [2, "FTC settlement (2019)"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.ok, plan.errors
    apply_import(sqlite_store, plan)
    assert sorted(by_title(sqlite_store)) == ["Algorithms get slow", "Data is inaccurate"]


def test_an_optional_value_contradicting_another_is_left_empty_and_kept(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", {"Risks": [["Risk ID", "Risk", "Date", "Target Date"],
                                                      ["GR-4", "Phishing", "2026-06-23", "2023-08-26"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.ok and "Proximity left empty" in plan.reports[0].reason
    apply_import(sqlite_store, plan)
    risk = by_title(sqlite_store)["Phishing"]
    assert risk["proximity"] is None and "2023-08-26" in risk["notes"]


def test_a_one_to_ten_scale_is_rescaled(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "ten.xlsx", {"Risks": [["Risk", "Risk Probability", "Risk Impact"],
                                                        ["A", 6, 7], ["B", 2, 10], ["C", 9, 3]]})
    got = imported(sqlite_store, path)
    assert [(got[t]["probability"], got[t]["impact"]) for t in "ABC"] == [(3, 4), (1, 5), (5, 2)]


def test_tables_of_other_kinds_beside_a_register_add_nothing(sqlite_store, tmp_path):
    """An escalation table (Severity, Description) or an asset register is not a risk register."""
    path = write_xlsx(tmp_path / "plan.xlsx", {
        "Escalation": [["Severity", "Description", "Decision Maker", "Timeframe"],
                       ["High", "Business stops", "CEO", "1 hour"], ["Low", "One user affected", "PM", "1 week"]],
        "Asset Classification Guidelines": [["Classification", "Impact Level", "Description"],
                                            ["Confidential", "High", "Loss harms the company"]],
        "Stakeholder Information": [["#", "Group / Person", "Role / Title", "Notes"], [1, "CEO", "Approver", "Weekly"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    assert rows_of(sqlite_store, "risks") == []
    assert [(s["code"], s["name"], s["role"]) for s in rows_of(sqlite_store, "stakeholders")] == [("1", "CEO", "Approver")]


def test_risk_hash_is_the_risks_number(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", {"Risk Register": [["RISK #", "DATE", "RISK", "LIKELIHOOD", "ACCOUNTABILITY"],
                                                              [1, "29/03/2021", "Scope creep", 5, "PM"]]})
    risk = imported(sqlite_store, path)["Scope creep"]
    assert (risk["code"], risk["probability"], risk["owner"]) == ("1", 5, "PM")


def test_a_heat_map_under_the_table_adds_nothing(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "hm.xlsx", {"Risk register": [
        ["Risk ID", "Risk Description", "Impact", "Likelihood"], ["R001", "Laptop theft", 5, 4], ["R002", "Phishing", 4, 5],
        [], [], [None, "Risk Matrix"], [None, "Impact / Likelihood", 1, 2], [None, "5 (Very High)", "Low", "High"],
        [None, "4 (High)", "Low", "Medium"], [None, "1 (Very Low)", "Low", "Low"]]})
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    assert sorted(by_title(sqlite_store)) == ["Laptop theft", "Phishing"]


def test_scale_notes_in_headers_and_one_letter_headers(sqlite_store, tmp_path):
    path = write_csv(tmp_path / "risk_register.csv", [
        ["risk_id", "title", "threat", "L_1to5", "I_1to5", "level", "treatment", "actions", "owner", "status"],
        ["R01", "Account takeover", "Phishing", 4, 4, "Critical", "Reduce", "Enforce MFA", "IT", "Open"]])
    risk = imported(sqlite_store, path)["Account takeover"]
    assert (risk["probability"], risk["impact"], risk["response"], risk["event"]) == (4, 4, "Reduce", "Phishing")
    assert "level: Critical" in risk["notes"]


def test_a_word_document_named_xlsx_is_refused_for_what_it_is(sqlite_store, tmp_path):
    import zipfile

    from pmo_desktop.excel.errors import WorkbookError

    path = tmp_path / "RAID Log.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(WorkbookError, match="not an Excel workbook: it is a Word document"):
        plan_workbook_import(sqlite_store, path)


def test_a_raid_category_column_splits_the_log_and_a_lessons_sheet_is_skipped(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "raid.xlsx", {
        "RAID LOG": [["RAID Log"], [], ["RAID Category", "Description", "Mitigation", "Owner", "Status"],
                     ["Risk", "Free tier limits may stop backups", "Monitor usage", "Pranit", "Open"],
                     ["Issue", "Backup script failed twice", "Fix cron", "Pranit", "Open"],
                     ["Dependency", "AWS stays available", "Monitor health", "Pranit", "Open"]],
        "LESSONS LEARNED": [["DATE RAISED", "EVENT", "EARLY WARNING SIGNS?", "RECOMMENDATIONS", "OWNER"],
                            ["2026-01-05", "Backups failed", "Disk almost full", "Alert at 80%", "Pranit"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert ("LESSONS LEARNED", "“LESSONS LEARNED” is a legend, list or instructions sheet, not a register.") \
        in plan.skipped_sheets
    apply_import(sqlite_store, plan)
    assert list(by_title(sqlite_store)) == ["Free tier limits may stop backups"]
    assert [r["title"] for r in rows_of(sqlite_store, "issues")] == ["Backup script failed twice"]


def test_one_register_over_two_sheets_makes_one_record_per_id(sqlite_store, tmp_path):
    """A risk matrix sheet, then a response sheet with the same risk numbers: their columns are joined."""
    path = write_xlsx(tmp_path / "two.xlsx", {
        "Risk Matrix": [["Risk Number", "Risk Category", "Risk Description"], [1, "Technical", "Servers overheat"],
                        [2, "External", "Rival launches first"]],
        "Risk Response Matrix": [["Risk Number", "Risk Description", "Probability (Occurrence)", "Severity (Impact)",
                                  "Mitigation Plan(s)"], [2, "Rival launches first", 4, 5, "Launch a beta early"],
                                 [1, "Servers overheat", 2, 3, "Add cooling"]]})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.ok, plan.errors
    apply_import(sqlite_store, plan)
    got = by_title(sqlite_store)
    assert [(got[t]["code"], got[t]["category"], got[t]["probability"], got[t]["impact"]) for t in sorted(got)] == [
        ("2", "External", 4, 5), ("1", "Technical", 2, 3)]
    with sqlite_store.session() as s:
        assert sorted(a.description for a in s.query(RiskAction)) == ["Add cooling", "Launch a beta early"]


def test_levels_ticked_with_an_x_under_a_scale_header(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "ticks.xlsx", {"Sheet1": [
        ["Description", "Probability", None, None, None, None, "Consequences", None, None, None, None, "Owner"],
        [None, "VL", "L", "M", "H", "VH", "VL", "L", "M", "H", "VH", None],
        ["Interface setback", None, None, "X", None, None, None, "X", None, None, None, "Tech"],
        ["Delegate leaves", "x", None, None, None, None, None, None, None, "X", None, "Client"]]},
        merges={"Sheet1": ["B1:F1", "G1:K1"]})
    plan = plan_workbook_import(sqlite_store, path)
    apply_import(sqlite_store, plan)
    got = by_title(sqlite_store)
    assert [(got[t]["probability"], got[t]["impact"]) for t in ("Interface setback", "Delegate leaves")] == [(3, 2), (1, 4)]
    again = plan_workbook_import(sqlite_store, path)  # the remembered mapping, tick columns included, still reads
    assert again.ok and again.count(Action.INSERT) == 2
