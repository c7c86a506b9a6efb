"""Issue 12: round 51's held-out misses (left51; docs/import-rounds.md): each test writes a workbook of that shape
(never the fetched file) and checks what a user gets — a register pasted again on its sheet adds no records and
loses nothing, and a few words of a Spanish incident log, a Portuguese register and an English CSV are read."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.import_plan import Action

DESCRIPTIONS = {
    "Low adoption": "Users may not adopt the mobile app in significant numbers",
    "Competition": "Competitors may ship similar features before our launch",
    "Data breach": "Vulnerabilities could expose the personal data of users",
}


def test_a_register_pasted_again_under_other_numbers_adds_no_records_and_loses_nothing(sqlite_store, tmp_path):
    """A chat's answers pasted one under the other: the same risks again, renumbered 1, 2, 3, under the header
    written again (the first typed with trailing spaces, the second over three columns only). Each copy was read
    as a new risk and the header as a risk named "Risk". Now the header written again is skipped and said; a row
    repeating an earlier record's title and description under another number is said as a copy of that row, and
    what it writes otherwise (another owner) is kept in that record's notes; a row with an earlier title but its
    own description is a record of its own."""
    header = ["ID ", "Risk ", "Description ", "Owner ", "Impact", "Status"]
    first = [["R01", "Low adoption", DESCRIPTIONS["Low adoption"], "Project manager", "Medium", "Open"],
             ["R02", "Competition", DESCRIPTIONS["Competition"], "CEO", "High", "Open"],
             ["R03", "Data breach", DESCRIPTIONS["Data breach"], "Developer", "High", "Open"]]
    again = [["1", "Low adoption", DESCRIPTIONS["Low adoption"], "Project manager", "Medium", "Open"],
             ["2", "Competition", DESCRIPTIONS["Competition"], "Business development team", "High", "Open"],
             ["3", "Data breach", DESCRIPTIONS["Data breach"], "Developer", "High", "Open"],
             ["4", "Competition", "A new entrant undercuts our prices in the second year", "CEO", "Low", "Open"]]
    book = write_xlsx(tmp_path / "Risk management.xlsx", {"Risks": [
        header, *first, [None] * 6, [None] * 6, ["ID", "Risk", "Description"], *again]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["4", "R01", "R02", "R03"]
    assert "Risk" not in {r["title"] for r in risks.values()}
    reports = {r.row: r for r in plan.sheets[0].reports}
    assert reports[7].action is Action.SKIP and "a repeat of the header" in reports[7].reason
    for row, earlier in ((8, 2), (9, 3), (10, 4)):
        assert reports[row].action is Action.SKIP and f"a copy of row {earlier}" in reports[row].reason
    assert "kept in that record's notes" in reports[9].reason
    assert "Owner: Business development team" in risks["R02"]["notes"]
    assert risks["R02"]["owner"] == "CEO"
    assert risks["4"]["title"] == "Competition"


def test_a_spanish_incident_log_is_read_as_issues(sqlite_store, tmp_path):
    """"Fecha | Equipo | Problema | Solución | Técnico": refused (no header naming register columns). Now
    Problema is the issue, Técnico who handles it, Fecha the date raised; Solución is kept in the description
    (read as the plan, its one letter from English "Solution" would take a tracker's product column)."""
    book = write_xlsx(tmp_path / "Registro de incidencias.xlsx", {"Hoja 1": [
        ["Fecha", "Equipo", "Problema", "Solución", "Técnico"],
        [date(2026, 3, 10), "PC Administración", "No enciende", "Revisar fuente", "Ana Gómez"],
        [date(2026, 3, 11), "PC Pedidos", "Internet lento", "Reiniciar router", "Luis Pérez"]]})
    import_all(sqlite_store, book)
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["Internet lento", "No enciende"]
    assert issues["No enciende"]["owner"] == "Ana Gómez"
    assert issues["No enciende"]["raised_on"] == date(2026, 3, 10)
    assert "Solución: Revisar fuente" in issues["No enciende"]["description"]  # kept, not lost


def test_portuguese_risk_statuses_and_a_reduced_impact_are_read(sqlite_store, tmp_path):
    """"Em monitorização", "Em implementação" (the risk watched, its response under way) are open risks, and
    an impact "Reduzido" is low: the column was kept in the notes, no status read, the impact not placed."""
    book = write_xlsx(tmp_path / "Gestão de Riscos.xlsx", {"Riscos": [
        ["#", "Riscos", "Responsável", "Impacto", "Estado"],
        ["R01", "Aceitação do utilizador", "Gestor do Projeto", "Médio", "Em monitorização"],
        ["R02", "Segurança e privacidade", "Programador", "Reduzido", "Em implementação"]]})
    import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    assert risks["R01"]["status"] == "Open" and risks["R02"]["status"] == "Open"
    assert risks["R02"]["impact"] == 2


def test_report_date_is_the_date_raised(sqlite_store, tmp_path):
    """A production log's "report_date" was kept in the notes: it is the day the issue was raised."""
    book = write_csv(tmp_path / "issues.csv", [
        ["issue_id", "title", "reported_by", "report_date", "status"],
        ["1", "Line 3 stops at night", "Ana", "2023-02-10", "Open"],
        ["2", "Labels print crooked", "Luis", "2023-02-20", "Closed"]])
    import_all(sqlite_store, book)
    issues = by_code(sqlite_store, "issues")
    assert issues["1"]["raised_on"] == date(2023, 2, 10)
    assert "report_date" not in (issues["1"]["description"] or "")
