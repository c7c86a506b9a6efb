"""Issue 12, left58b: more of what the unseen sets left, as general rules — the benefits and stakeholder registers'
column words in every words file. Each test writes a workbook of the shape (never a fetched file) and failed on
main 53b24290 unless it says it guards what must not change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


@pytest.mark.parametrize("header, sheet, states", [
    (["Objetivo", "Responsável", "Data alvo", "Estado", "Detalhes"], "Metas", ("Em curso", "Não iniciado")),
    (["Obiettivo", "Responsabile", "Data obiettivo", "Stato", "Dettagli"], "Obiettivi", ("In corso", "Non iniziato")),
    (["Cel", "Odpowiedzialny", "Data docelowa", "Status", "Opis"], "Cele", ("W trakcie", "Zaplanowana")),
], ids=["pt", "it", "pl"])
def test_a_goals_sheet_in_another_language_is_read_as_benefits(sqlite_store, tmp_path, header, sheet, states):
    """The benefits register's column words (owner, target date, status, details) were English, Spanish, French
    and German only: a Portuguese goals sheet was read as issues (its owner, target date and status words are the
    issue log's too), an Italian or Polish one had too few columns named. Now every words file names them."""
    rows = [header,
            ["Especificações aprovadas", "Ana", date(2026, 3, 1), states[0], "Cada módulo coberto"],
            ["Piloto com dois clientes", "Ben", date(2026, 5, 1), states[1], "Opiniões todas as semanas"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "plano.xlsx", {sheet: rows}))
    benefits = named(sqlite_store, "benefits")
    assert set(benefits) == {"Especificações aprovadas", "Piloto com dois clientes"}
    assert benefits["Piloto com dois clientes"]["owner"] == "Ben"
    assert benefits["Piloto com dois clientes"]["description"].startswith("Opiniões todas as semanas")
    assert benefits["Especificações aprovadas"]["lifecycle"] == "Realizing"
    assert benefits["Piloto com dois clientes"]["lifecycle"] == "Planned"
    assert rows_of(sqlite_store, "issues") == []


@pytest.mark.parametrize("header", [
    ["Benefício", "Responsável pelo benefício", "Indicador", "Linha de base", "Meta", "Data alvo"],
    ["Korzyść", "Właściciel korzyści", "Wskaźnik", "Wartość bazowa", "Wartość docelowa", "Data docelowa"],
], ids=["pt", "pl"])
def test_a_benefits_register_in_another_language_reads_its_measure_baseline_and_target(sqlite_store, tmp_path,
                                                                                      header):
    """A benefits register with its measure, baseline and target: each column its field, the figures read."""
    rows = [header, ["Menos chamadas", "Ana", "Chamadas por semana", 120, 80, date(2026, 9, 30)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "beneficios.xlsx", {"Sheet1": rows}))
    [benefit] = rows_of(sqlite_store, "benefits")
    assert benefit["title"] == "Menos chamadas"
    assert benefit["owner"] == "Ana"
    assert benefit["measure"] == "Chamadas por semana"
    assert float(benefit["baseline_value"]) == 120 and float(benefit["target_value"]) == 80
    assert benefit["target_date"] == date(2026, 9, 30)


@pytest.mark.parametrize("header, engaged", [
    (["Interesariusz", "Rola", "Obecne zaangażowanie", "Oczekiwane zaangażowanie", "Opiekun relacji", "Uwagi"],
     ("Neutralny", "Wspierający")),
    (["Intressent", "Roll", "Nuvarande engagemang", "Önskat engagemang", "Relationsansvarig", "Anteckningar"],
     ("Neutral", "Stödjande")),
], ids=["pl", "sv"])
def test_a_stakeholder_register_in_another_language_reads_its_engagement_owner_and_notes(sqlite_store, tmp_path,
                                                                                         header, engaged):
    """The stakeholder register's engagement, relationship owner and notes words were missing in most files:
    those columns were kept in the notes, the engagement unread."""
    rows = [header, ["Dział finansów", "Sponsor", engaged[0], engaged[1], "Ana", "Spotkanie co miesiąc"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "interesariusze.xlsx", {"Sheet1": rows}))
    [person] = rows_of(sqlite_store, "stakeholders")
    assert person["current_engagement"] == "Neutral"
    assert person["desired_engagement"] == "Supportive"
    assert person["owner"] == "Ana"
    assert person["notes"].startswith("Spotkanie co miesiąc")


@pytest.mark.parametrize("name, header", [
    ("acciones_equipo.xlsx", ["Nº", "Nombre", "Descripción", "Fecha límite", "Responsable", "Estado"]),
    ("ações_da_equipe.xlsx", ["Nº", "Nome", "Descrição", "Prazo", "Responsável", "Status"]),
    ("actions_equipe.xlsx", ["N°", "Nom", "Description", "Échéance", "Responsable", "Statut"]),
    ("azioni_team.xlsx", ["N°", "Nome", "Descrizione", "Scadenza", "Responsabile", "Stato"]),
], ids=["es", "pt", "fr", "it"])
def test_actions_named_in_another_language_beside_a_task_or_a_deadline_are_an_action_list(sqlite_store, tmp_path,
                                                                                            name, header):
    """"acciones", "ações", "actions", "azioni" name an action list only beside a column naming things to do or by
    when, whose words were English only: "Nº | Nombre | Descripción | Fecha límite | Responsable | Estado" in
    "acciones_equipo.xlsx" was read as a register titled by the name. Now refused as an action list."""
    rows = [header, [1, "Reservar la sala", "Para el taller", date(2026, 2, 1), "Ana", "Abierto"],
            [2, "Enviar el acta", "A todos los jefes", date(2026, 2, 3), "Ben", "Abierto"]]
    with pytest.raises(WorkbookError, match=r"action list"):
        import_all(sqlite_store, write_xlsx(tmp_path / name, {"Sheet1": rows}))
    for register in ("risks", "issues", "benefits", "decisions"):
        assert rows_of(sqlite_store, register) == []


def test_shares_named_acciones_beside_their_ticker_stay_no_action_list(sqlite_store, tmp_path):
    """Guards what must not change: "Acción" (the share) is no word of a thing to do in Spanish — a list of shares
    headed "Acción | Precio | Fecha" is not said to be an action list."""
    rows = [["Acción", "Precio", "Fecha"], ["ABC3", 12.5, date(2026, 2, 1)], ["XYZ4", 8.1, date(2026, 2, 2)]]
    with pytest.raises(WorkbookError) as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "acciones.xlsx", {"Sheet1": rows}))
    assert "action list" not in str(refused.value)


@pytest.mark.parametrize("marked", ["✅확정: 난바 쪽 호텔로", "Confirmed: the city hotel", "✅ the city hotel"],
                         ids=["ko", "en", "tick"])
def test_a_decision_its_note_marks_taken_with_no_decider_stays_pending_and_says_why(sqlite_store, tmp_path,
                                                                                    marked):
    """A decision log of "id | title | option_a | option_b | note" whose note marks one decision taken ("✅확정: …")
    names no one who took it: decided, it stays Pending (the office records a decision as taken with who took it,
    and no name is invented) — no longer silently: the sheet says which column marks how many, and what records
    them decided."""
    rows = [["id", "title", "option_a", "option_b", "note"],
            ["hotel", "Where to stay", "Near the station", "Near the old town", marked],
            ["lunch", "First lunch", "Noodles", "Street food", "Near the market"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "decisions_trip.csv", rows))
    decisions = named(sqlite_store, "decisions")
    assert decisions["Where to stay"]["status"] == "Pending" and decisions["First lunch"]["status"] == "Pending"
    assert decisions["Where to stay"]["rationale"].endswith(marked)
    [sheet] = plan.sheets
    assert "“note” marks 1 decision as taken" in sheet.note
    assert "fill in “Decided by”" in sheet.note


def test_a_note_saying_a_decision_is_yet_to_be_confirmed_says_nothing(sqlite_store, tmp_path):
    """Guards what must not change: "To be confirmed" or "Not confirmed yet" mark no decision taken."""
    rows = [["id", "title", "option_a", "option_b", "note"],
            ["hotel", "Where to stay", "Near the station", "Near the old town", "To be confirmed by Friday"],
            ["lunch", "First lunch", "Noodles", "Street food", "Not confirmed yet"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "decisions_trip.csv", rows))
    assert {d["status"] for d in named(sqlite_store, "decisions").values()} == {"Pending"}
    [sheet] = plan.sheets
    assert "as taken" not in sheet.note


@pytest.mark.parametrize("written", [lambda plan, who: f"{plan} ({who})", lambda plan, who: f"{plan} – {who}"],
                         ids=["brackets", "dash"])
def test_an_owner_in_brackets_or_after_a_dash_of_a_response_and_owner_cell(sqlite_store, tmp_path, written):
    """"Response and owner" of "MFA and drills (IT)" or "MFA and drills – IT": the whole cell was the action, the
    owner inside its text (only "; IT" was read). Read so when most cells of the column end in that shape."""
    rows = [["Risk", "Likelihood", "Impact", "Response and owner"],
            ["Phishing takeover", 4, 4, written("MFA and drills", "IT")],
            ["Late breach report", 4, 5, written("Duty contact and rehearsal", "Data Protection Officer")],
            ["Unit mapping wrong", 4, 4, "Procurement approval and receipt checks"],
            ["Cost overrun", 4, 4, written("Phased quotes", "CFO")]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    by = {a["description"]: a["actionee"] for a in rows_of(sqlite_store, "risk_actions")}
    assert by == {"MFA and drills": "IT", "Duty contact and rehearsal": "Data Protection Officer",
                  "Procurement approval and receipt checks": None, "Phased quotes": "CFO"}
    owners = {r["title"]: r["owner"] for r in rows_of(sqlite_store, "risks")}
    assert owners["Phishing takeover"] == "IT" and owners["Unit mapping wrong"] is None
    assert "on 3 rows that name is read as the action's owner" in " ".join(s.note for s in plan.sheets)


def test_a_plan_of_a_few_bracketed_words_keeps_its_brackets(sqlite_store, tmp_path):
    """Guards what must not change: brackets on half the cells or fewer ("Encrypt backups (weekly)") are the plan's
    own words — the plan is kept whole, no owner read."""
    rows = [["Risk", "Likelihood", "Impact", "Response and owner"],
            ["Data loss", 3, 4, "Encrypt backups (weekly)"],
            ["Phishing takeover", 4, 4, "MFA and drills"],
            ["Supplier fails", 2, 3, "Second supplier (signed)"],
            ["Cost overrun", 4, 4, "Phased quotes and a handover gate"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    by = {a["description"]: a["actionee"] for a in rows_of(sqlite_store, "risk_actions")}
    assert by == {"Encrypt backups (weekly)": None, "MFA and drills": None, "Second supplier (signed)": None,
                  "Phased quotes and a handover gate": None}


@pytest.mark.parametrize("header", [["ID", "TITULO", "DESCRICAO_BENEFICIO", "ICONE"],
                                    ["ID", "TITLE", "BENEFIT_DESCRIPTION", "ICON"]], ids=["pt", "en"])
def test_a_catalogue_of_member_benefits_described_stays_refused(sqlite_store, tmp_path, header):
    """An association's member benefits, "ID | TITLE | BENEFIT_DESCRIPTION | ICON": a catalogue of numbered, named
    things, refused in Portuguese while the benefits had no Portuguese description word — and read as benefits in
    English. A description is what any list of things has: beside the ID and the name it keeps no sheet a register."""
    rows = [header, [1, "Partner discounts", "Discounts with partners in health, schooling and leisure", "$"],
            [2, "Members' events", "Workshops and gatherings organised for members", "*"],
            [3, "Support in need", "Help at hard times, as the rules allow", "+"],
            [4, "Benefits club", "A portal of offers in shops and cinemas", "#"]]
    with pytest.raises(WorkbookError, match=r"catalogue of numbered, named things"):
        import_all(sqlite_store, write_csv(tmp_path / "beneficios.csv", rows))
    assert rows_of(sqlite_store, "benefits") == []
