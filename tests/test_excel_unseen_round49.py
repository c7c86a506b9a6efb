"""Classes of problem found on round 49 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_ods, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_row_lettering_the_columns_under_the_header_is_no_record(sqlite_store, tmp_path):
    """A city inspectorate's risk forms letter their columns under the header ("a | b | c | … | k"): the row
    was read as a risk titled "d" holding the ID "a" — in the real workbook, whose every form writes it, the
    second such "a" refused the whole import. A first row of single letters rising from "a", four or more, is
    the form's lettering: skipped with why, as a row of the columns' numbers is."""
    path = write_xlsx(tmp_path / "kertas kerja.xlsx", {"Form 3b": [
        ["No", "Risiko", "Pemilik", "Sebab", "Dampak"],
        ["a", "b", "c", "d", "e"],
        [1, "Laporan hasil pengawasan terlambat disampaikan", "Inspektur", "Banyak mandatori", "Kinerja turun"],
        [2, "Pendampingan dan asistensi terhambat", "Inspektur", "Kurang komitmen OPD", "Laporan terlambat"]]})
    plan = import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2"]
    assert got["1"]["title"] == "Laporan hasil pengawasan terlambat disampaikan"
    assert any("columns' letters" in r.reason for r in plan.reports)


def test_a_french_threat_scenario_names_the_risk_and_its_reduction_is_the_plan(sqlite_store, tmp_path):
    """A French risk analysis (EBIOS style): "CODES | SCENARIOS de MENACES | VULNERABILITES | VRAISSEMBLANCE |
    REDUCTION DU RISQUE | GRAVITE". The scenario was kept in the notes and each risk titled by its vulnerability
    (the cause, written twice), the risk reduction kept in the notes. A threat or risk scenario is the risk's
    title, its reduction and its treatment plan the response plan (words)."""
    path = write_ods(tmp_path / "Analyse des risques.ods", {"Global": [
        ["CODES", "SCENARIOS de MENACES", "VULNERABILITES", "VRAISSEMBLANCE", "REDUCTION DU RISQUE", "GRAVITE"],
        ["SM1", "Trop de connexions multiples", "Capacité du matériel", 2,
         "Limiter les connexions utilisateurs sur les bornes", 3],
        ["SM2", "Sabotage du réseau WIFI", "Réseau Wi-Fi", 2, "Délimiter le réseau dans un lieu", 4],
        ["SM3", "Un attaquant sniffe le réseau", "Les données circulent en clair", 2, "Chiffrer les données", 4]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["SM1"]["title"] == "Trop de connexions multiples"
    assert got["SM1"]["cause"] == "Capacité du matériel"
    assert "Limiter les connexions" not in (got["SM1"]["notes"] or "")
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Délimiter le réseau dans un lieu", "Chiffrer les données"} <= plans


def test_a_band_over_columns_the_notes_keep_names_them_by_the_line_below(sqlite_store, tmp_path):
    """"CRITERES" merged over four columns, "Disponibilité | Intégrité | Confidentialité | Traçabilité" on the
    line below, an X under each criterion a scenario threatens: read from the band alone, the notes said
    "CRITERES: X" three times and not which criteria. A band merged over columns the notes keep, whose line
    below names each of them in its own words, makes that line the header's: the notes name the criterion."""
    path = write_ods(tmp_path / "analyse.ods", {"Global": [
        ["CODES", "SCENARIOS de MENACES", "CRITERES", None, None, None, "VRAISSEMBLANCE", "GRAVITE"],
        [None, None, "Disponibilité", "Intégrité", "Confidentialité", "Traçabilité", None, None],
        ["SM1", "Trop de connexions multiples", "X", None, None, None, 2, 3],
        ["SM4", "Interception des données de l'examen", None, "X", "X", "X", 3, 4],
        ["SM5", "Fraude à l'examen", None, "X", "X", "X", 1, 4]]}, merges={"Global": ["C1:F1"]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["SM1", "SM4", "SM5"]
    assert "Disponibilité: X" in got["SM1"]["notes"]
    assert "Intégrité: X" in got["SM4"]["notes"] and "Traçabilité: X" in got["SM4"]["notes"]
    assert got["SM4"]["probability"] == 3 and got["SM4"]["impact"] == 4


def test_a_header_written_twice_with_no_gap_is_two_tables_of_one_register(sqlite_store, tmp_path):
    """A course project's stakeholders: "Internos" over A–C and "Externos" over D–F, then "Id | Rol |
    Definición | Id | Rol | Definición", the internal stakeholders on the left, the external ones on the right.
    Read as one table, the five external stakeholders were written in the notes of five internal ones. A header
    that is one header written twice, no empty column between, heads two tables set side by side: each row of
    the right-hand table is a record of its own; the caption over it is said as a note, no record."""
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"StakeHolders": [
        ["SHAIR"],
        ["Internos", None, None, None, "Externos"],
        ["Id", "Rol", "Definición", "Id", "Rol", "Definición"],
        ["SI-00", "Superadministrador", "Gestiona los administradores", "SE-00", "Visitante", "Usa la página"],
        ["SI-01", "Administrador", "Gestiona las noticias", "SE-01", "Usuario", "Envía recomendaciones"],
        [],
        ["Internos", None, None, None, "Externos"],
        ["Id", "Rol", "Definición", "Id", "Rol", "Definición"],
        ["SI-02", "Scrum master", "Organiza las reuniones", "SE-02", "Cliente", "Solicita el software"],
        ["SI-05", "Data analyst", "Documenta el proyecto"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "stakeholders")
    assert sorted(got) == ["SE-00", "SE-01", "SE-02", "SI-00", "SI-01", "SI-02", "SI-05"]
    assert got["SE-02"]["role"] == "Cliente"
    assert "Visitante" not in (got["SI-00"]["notes"] or "")
    assert "Externos" not in named(sqlite_store, "stakeholders")


def test_a_benefits_type_of_cost_avoidance_is_a_non_cashable_financial_benefit(sqlite_store, tmp_path):
    """A business case's benefits register: "type" Cashable / Non-cashable (efficiency) / Cost avoidance. A
    benefit's category column is read only when every value reads; "Cost avoidance" did not, so the column
    stayed in the description and every benefit showed the default "Non-financial", a cashable one too. Cost
    avoided is a financial benefit that releases no cash (words)."""
    path = write_csv(tmp_path / "benefits_register.csv", [
        ["benefit_id", "benefit", "type", "owner", "measure"],
        ["B1", "PMO reporting time saved", "Non-cashable (efficiency)", "Head of PMO", "Analyst days a month"],
        ["B2", "Contractor report production removed", "Cashable", "Finance Partner", "Contractor invoices"],
        ["B3", "Fewer late change requests", "Cost avoidance", "Programme Director", "Late change requests"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "benefits")
    assert got["B2"]["category"] == "Financial cashable"
    assert got["B1"]["category"] == got["B3"]["category"] == "Financial non-cashable"


def test_an_indonesian_risk_event_names_the_risk_and_level_numbers_are_its_levels(sqlite_store, tmp_path):
    """A public-sector (SPBE) risk assessment template: "Kejadian" (the event), "Penyebab" (cause), "Dampak",
    "No Level Kemungkinan", "No Level Dampak". The risk was titled by its cause, the event and both levels kept
    in the notes. "Kejadian" is the risk's title, a level's number of likelihood or impact its level (words)."""
    path = write_xlsx(tmp_path / "penilaian_risiko.xlsx", {"Sheet1": [
        ["Kejadian", "Penyebab", "Dampak", "No Level Kemungkinan", "No Level Dampak"],
        ["Koleksi data tidak tersedia untuk permintaan eksternal", "SM tidak mengirimkan data",
         "Reputasi institusi menurun", 5, 4],
        ["Layanan aplikasi terhenti", "Server tidak dipelihara", "Layanan publik terganggu", 3, 5]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    got = risks["Koleksi data tidak tersedia untuk permintaan eksternal"]
    assert got["cause"] == "SM tidak mengirimkan data"
    assert (got["probability"], got["impact"]) == (5, 4)


def test_people_who_wrote_in_through_a_form_are_no_stakeholders(sqlite_store, tmp_path):
    """A property site's enquiries saved as "interesados.csv" ("interesados": Spanish for stakeholders):
    "fecha | nombre | telefono | email | propiedad | mensaje | estado", each row a person asking about a flat.
    It was read as stakeholders on its name and telephone. A column of the message each person sent, beside
    nothing an office keeps on a stakeholder but a name and a way to reach them, is a form's enquiries: refused
    with why. A stakeholder list keeping a role beside a "Key message" for each imports as before."""
    path = write_csv(tmp_path / "interesados.csv", [
        ["fecha", "nombre", "telefono", "email", "propiedad", "mensaje", "estado"],
        ["2026-06-05 15:18:52", "Ana Ruiz", "0971399037", "ana@example.org", "Altea del Sol",
         "Hola, quiero más información sobre Altea del Sol.", "Nuevo"],
        ["2026-06-06 09:02:11", "Luis Gómez", "0981222333", "luis@example.org", "Mirador",
         "¿Sigue disponible?", "Nuevo"]])
    with pytest.raises(WorkbookError, match="wrote in through a form"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []

    kept = write_csv(tmp_path / "stakeholders.csv", [
        ["Name", "Role", "Email", "Key message"],
        ["Ana Ruiz", "Sponsor", "ana@example.org", "The new office opens in May"],
        ["Luis Gómez", "Tenant representative", "luis@example.org", "Rents stay as they are"]])
    import_all(sqlite_store, kept)
    assert sorted(named(sqlite_store, "stakeholders")) == ["Ana Ruiz", "Luis Gómez"]


def test_a_second_table_of_the_register_above_the_one_found_is_read_too(sqlite_store, tmp_path):
    """An EBIOS analysis sheet: the feared events ("ER | INTITULE EVENEMENTS REDOUTES | CONSEQUENCES | IMPACTS")
    over 16 rows, an empty row, a caption, then the threat scenarios ("CODES | SCENARIOS de MENACES |
    VULNERABILITES | VRAISSEMBLANCE | GRAVITE"). The lower header won and the feared events were lost without a
    word. The rows above the found header's empty row that name the same register's records, three at least,
    under a header of their own, are read as a table of their own."""
    path = write_xlsx(tmp_path / "analyse.xlsx", {"Global": [
        ["Evènements redoutés"],
        ["ER", "INTITULE EVENEMENTS REDOUTES", "CONSEQUENCES", "IMPACTS"],
        ["ER1", "Perte de la connexion Wi-Fi sur les tablettes", "Retard pris sur l'examen", "Reconfiguration"],
        ["ER2", "Dysfonctionnement du matériel", "Retard pris sur l'examen", "Changement de l'équipement"],
        ["ER3", "Interception des données échangées", "L'examen est compromis", "Données compromises"],
        [],
        ["Scénarii de menaces et risques"],
        ["CODES", "SCENARIOS de MENACES", "VULNERABILITES", "VRAISSEMBLANCE", "GRAVITE"],
        ["SM1", "Trop de connexions multiples", "Capacité du matériel", 2, 3],
        ["SM2", "Sabotage du réseau WIFI", "Réseau Wi-Fi", 2, 4],
        ["SM3", "Un attaquant sniffe le réseau", "Les données circulent en clair", 2, 4]]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(got) == 6
    assert got["Interception des données échangées"]["effect"] == "L'examen est compromis"
    assert "Perte de la connexion Wi-Fi sur les tablettes" in got
    assert (got["Sabotage du réseau WIFI"]["probability"], got["Sabotage du réseau WIFI"]["impact"]) == (2, 4)
