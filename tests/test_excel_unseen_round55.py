"""Classes of problem found on round 55 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_hedged_header_with_a_plural_ending_names_its_field(sqlite_store, tmp_path):
    """A German course's risk log: "Mögliche Gegenmaßnahme(n)" (the possible countermeasures) and
    "Risikoeffekt/Risikoauswirkung" (what the risk would do, in words). The "n" of the plural ending was read as
    "Nº", so the measures were taken for the IDs of actions and kept in the notes, and neither the hedge
    "Mögliche" nor "Risikoeffekt" was known: the effect stayed in the notes too. A bracketed plural ending is
    its word's own, a hedge word in any language is passed over, and each column lands on its field."""
    rows = [["Projekt:"],
            ["Risiko-ID", "Risikobeschreibung", "Risikoeffekt/Risikoauswirkung", "Verantwortlicher", "Status",
             "Mögliche Gegenmaßnahme(n)", "Eintrittswahrscheinlichkeit", "Tragweite", "Risiko-Score"],
            [1, "Ausfall von Mitarbeitern", "Nicht einhalten des Termins", "Anna Berg", "offen",
             "Arbeitsverteilung, Vertretung", 1, 2, 2],
            [2, "Serverausfall", "Verlust von Daten", "Jan Kurz", "offen", "USV", 2, 3, 6],
            [3, "Kundenwunsch ändert sich", "Termin verzögert sich", "Anna Berg", "offen", "Neuer Vertrag", 2, 2, 4]]
    path = write_xlsx(tmp_path / "Risikolog.xlsx", {"Umfeld": rows})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"1", "2", "3"}
    assert risks["2"]["effect"] == "Verlust von Daten"
    assert "Gegenmaßnahme" not in (risks["2"]["notes"] or "")
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} == {
        "Arbeitsverteilung, Vertretung", "USV", "Neuer Vertrag"}

    # the same hedge in Spanish, and an owner column with its plural ending in English
    other = write_csv(tmp_path / "riesgos.csv", [
        ["ID", "Riesgo", "Posibles causas", "Probabilidad", "Impacto", "Risk Owner(s)"],
        ["R-1", "Retraso del proveedor", "Un solo proveedor", "Alta", "Media", "Ana Ruiz"],
        ["R-2", "Rotación del equipo", "Salarios bajos", "Media", "Alta", "Luis Gil"]])
    import_all(sqlite_store, other)
    risks = by_code(sqlite_store, "risks")
    assert risks["R-1"]["cause"] == "Un solo proveedor"
    assert risks["R-2"]["owner"] is not None


def test_a_threat_and_its_vulnerability_in_ukrainian_are_the_event_and_the_cause(sqlite_store, tmp_path):
    """A security project's risk register in Ukrainian: "Загроза" (threat), "Вразливість" (vulnerability). In
    English a threat is the risk's event and a vulnerability its cause; in Ukrainian neither was known, the
    vulnerability stayed in the notes. Both are placed, the threat naming each risk as an English one does."""
    path = write_csv(tmp_path / "risk-register.csv", [
        ["ID", "Загроза", "Вразливість", "Ймовірність", "Вплив", "Статус", "План пом'якшення"],
        ["R1", "Викрадення даних БД", "SQL Injection", "Висока", "Критичний", "Відкрито",
         "Параметризовані запити"],
        ["R2", "Крадіжка сесії", "Reflected XSS", "Середня", "Високий", "Відкрито", "Екранування вводу"]])
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["title"] == "Викрадення даних БД"
    assert risks["R1"]["cause"] == "SQL Injection"
    assert risks["R2"]["event"] == "Крадіжка сесії"
    assert "Вразливість" not in (risks["R2"]["notes"] or "")

    # in Portuguese the same pair: the threat still names the risk (as it did alone), the vulnerability its cause
    other = write_csv(tmp_path / "riscos.csv", [
        ["id", "ativo", "ameaca", "vulnerabilidade", "probabilidade", "impacto"],
        ["RS-01", "Portal", "Atacante externo", "SQL Injection na aplicação", "Alta", "Alto"],
        ["RS-02", "E-mail", "Phishing", "Falta de awareness", "Média", "Alto"]])
    import_all(sqlite_store, other)
    risks = by_code(sqlite_store, "risks")
    assert risks["RS-01"]["title"] == "Atacante externo"
    assert risks["RS-02"]["cause"] == "Falta de awareness"


def test_a_fix_column_is_the_risks_response_plan(sqlite_store, tmp_path):
    """An app's production-readiness register ("id, title, severity, area, description, evidence, fix, owner"):
    "fix" says what will be done about each risk, and was kept in the notes. It is the response plan, read as
    each risk's response action."""
    path = write_csv(tmp_path / "risk-register.csv", [
        ["id", "title", "severity", "area", "description", "evidence", "fix", "owner"],
        ["S1-002", "Missing Dependabot configuration", "S1", "Security", "No automated dependency updates",
         "No dependabot.yml", "Add Dependabot config with weekly schedule", "DevOps"],
        ["S2-010", "No SBOM generation in CI", "S2", "Compliance", "No bill of materials", "No SBOM step",
         "Generate an SBOM on every release build", "Security"]])
    import_all(sqlite_store, path)
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} == {
        "Add Dependabot config with weekly schedule", "Generate an SBOM on every release build"}
    assert "fix:" not in (by_code(sqlite_store, "risks")["S1-002"]["notes"] or "")


def test_a_development_plan_saved_as_issues_adds_no_issue(sqlite_store, tmp_path):
    """A voice app's development plan saved as "issues.csv" for a tracker's import: id, title, body, labels
    ("hito:H1,tipo:nucleo"), an estimate in days ("estimacion_jornadas") and the items each depends on
    ("depende_de"). Its 25 work items were read as 25 issues (junk). How much work an item is and what it waits
    for are planned work's columns, a backlog's or a schedule's, not an issue log's: the file adds nothing and
    says why. An issue log keeping one such column (what an issue depends on) is still read."""
    rows = [["id", "title", "body", "labels", "estimacion_jornadas", "depende_de"]]
    for n in range(6):
        rows.append([f"VOZ-{n:02d}", f"VOZ-{n:02d} · Tarea {n}", f"Implementar el módulo {n} con sus pruebas.",
                     "hito:H1,tipo:nucleo,prioridad:critica", 1.5, f"VOZ-{n - 1:02d}" if n else "-"])
    path = write_csv(tmp_path / "issues.csv", rows)
    with pytest.raises(WorkbookError, match="“estimacion_jornadas”, “depende_de”.*planned work"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []

    log = write_csv(tmp_path / "issue_log.csv", [
        ["Issue ID", "Issue", "Owner", "Priority", "Status", "Depends On"],
        ["I-1", "Test server is down", "Ana Ruiz", "High", "Open", ""],
        ["I-2", "Licences not renewed", "Luis Gil", "Medium", "Open", "I-1"]])
    import_all(sqlite_store, log)
    assert set(by_code(sqlite_store, "issues")) == {"I-1", "I-2"}


def test_risk_plans_stacked_down_a_sheet_are_one_register_assessed_again(sqlite_store, tmp_path):
    """A college team's risk plan for each iteration, stacked down one sheet: under a caption ("Risikoplan 2
    for | Gruppe 37") the header again, then the same risks with new ratings, no ID column. The two captions
    were read as risks and the second and third plans as 18 more risks (20 junk records). A lone sparse row
    between a gap and the header written again is the next table's caption, and a row there with an earlier
    record's title and texts is that record assessed again: its new ratings go to the record's notes."""
    header = ["Risiko", "Konsekvens", "Sannsynlighet", "Risikopoeng", "Forebyggende tiltak",
              "Tiltak hvis problem oppstår"]
    risks = [("Nettverks problemer", "Jobbe med noe som ikke trenger nett", "Estimer tid til å løse problemet"),
             ("Sykdom", "Følge med på arbeidet til medarbeidere", "Omfordele arbeidsoppgaver mellom oss"),
             ("Datatap", "Sørge for å oppdatere i Github og ta backups", "Starte på nytt fra siste backup")]
    rows: list[list] = [["Risikoplan 1 for", "Gruppe 37", "Iterasjon 2"], [], header]
    for plan, (consequence, chance) in enumerate([(7, 0.5), (8, 0.4), (9, 0.3)]):
        if plan:
            rows += [[], [], [f"Risikoplan {plan + 1} for", "Gruppe 37"], [], header]
        rows += [[title, consequence - k, chance, (consequence - k) * chance, prevent, cure]
                 for k, (title, prevent, cure) in enumerate(risks)]
    path = write_xlsx(tmp_path / "04. Risikoplan.xlsx", {"Ark 1": rows})
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "risks")) == 3
    stored = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(stored) == {"Nettverks problemer", "Sykdom", "Datatap"}
    assert "Konsekvens: 9" in stored["Nettverks problemer"]["notes"]  # the third plan's rating, kept

    # a register whose header is written again over more risks (a printout's pages), a lone full record before
    # the gap: every row a risk
    paged = [["Risk", "Likelihood", "Impact", "Owner", "Mitigation"],
             ["Supplier fails", "High", "High", "Ana Ruiz", "Second supplier on contract"],
             ["Key staff leave", "Low", "Medium", "Luis Gil", "Pair every role with a deputy"],
             [],
             ["Scope grows", "Medium", "Medium", "Ana Ruiz", "Change board approves every request"],
             [],
             ["Risk", "Likelihood", "Impact", "Owner", "Mitigation"],
             ["Budget cut", "Low", "High", "Eva Lind", "Phase the rollout by region"]]
    other = write_xlsx(tmp_path / "register.xlsx", {"Risks": paged})
    import_all(sqlite_store, other)
    assert {"Supplier fails", "Key staff leave", "Scope grows", "Budget cut"} <= {
        r["title"] for r in rows_of(sqlite_store, "risks")}


def test_an_id_and_a_name_in_one_cell_are_read_apart(sqlite_store, tmp_path):
    """A course's decision log: "ID / choice" over "D01 Hub-and-spoke" (each decision's ID and what was chosen in
    one cell), "Alternatives and criteria", "Evidence / reversal trigger". The first row's whole cell became its
    code and the others' were kept in the rationale under made-up codes; every decision was titled by its
    evidence. A header naming an ID and something else over cells that are an ID and a name is two columns: the
    ID is the code, the rest what the header's second name says, and the evidence the rationale."""
    path = write_csv(tmp_path / "decision-log.csv", [
        ["ID / choice", "Alternatives and criteria", "Evidence / reversal trigger"],
        ["D01 Hub-and-spoke", "Central, federated; cost, consistency", "Daily outages. Reconsider after a year."],
        ["D02 Consolidation then coexistence MDM", "Registry; safe adoption", "Wrong loyalty attribution."],
        ["D03 No score-only auto-merge", "Aggressive fuzzy merge; harm vs recall", "Shared phones."],
        ["D10 468M programme cap", "Spend 720M over 18 months", "Brief says both."]])
    plan = import_all(sqlite_store, path)
    decisions = by_code(sqlite_store, "decisions")
    assert set(decisions) == {"D01", "D02", "D03", "D10"}
    assert decisions["D01"]["title"] == "Hub-and-spoke"
    assert decisions["D10"]["title"] == "468M programme cap"
    assert decisions["D02"]["rationale"] == "Wrong loyalty attribution."
    assert any("holds each record's ID and its choice in one cell" in (s.note or "") for s in plan.sheets)
