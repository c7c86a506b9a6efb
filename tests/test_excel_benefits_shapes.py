"""Benefits registers in the shapes PMOs keep them (issue 12, left25): "Benefit ID | Benefit description | Benefit
owner | Measure/KPI | Baseline | Target | Target date | Realisation status | Dis-benefit | Linked project(s) |
Category", amounts of money as people type them ("£250k", "$1.2m", "€ 40.000", "40 000 €"), percentages, and the
actuals tracked by quarter ("Q1 FY26 | Q2 FY26 …"), in English, German, French and Spanish. Each test writes the
workbook; every benefit must land with its fields, nothing refused, no register but the benefits plan."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

HEADERS = {
    "en": ["Benefit ID", "Benefit description", "Benefit owner", "Measure/KPI", "Baseline", "Target", "Target date",
           "Realisation status", "Dis-benefit?", "Linked project(s)", "Category", "Q1 FY26", "Q2 FY26", "Q3 FY26"],
    "de": ["Nutzen-ID", "Nutzenbeschreibung", "Nutzenverantwortlicher", "Messgröße/KPI", "Ausgangswert", "Zielwert",
           "Zieldatum", "Realisierungsstatus", "Negativer Nutzen", "Zugehörige Projekte", "Kategorie", "Q1 GJ26",
           "Q2 GJ26", "Q3 GJ26"],
    "fr": ["ID bénéfice", "Description du bénéfice", "Responsable du bénéfice", "Indicateur (KPI)",
           "Valeur de référence", "Valeur cible", "Date cible", "Statut de réalisation", "Désavantage", "Projets liés",
           "Catégorie", "T1 2026", "T2 2026", "T3 2026"],
    "es": ["ID del beneficio", "Descripción del beneficio", "Responsable del beneficio", "Indicador (KPI)",
           "Línea base", "Meta", "Fecha objetivo", "Estado de realización", "Desbeneficio", "Proyectos vinculados",
           "Categoría", "T1 2026", "T2 2026", "T3 2026"],
}
SHEETS = {"en": "Benefits Register", "de": "Nutzenregister", "fr": "Registre des bénéfices",
          "es": "Registro de beneficios"}
# each row, then what the benefit holds: (code, title, owner, baseline, target, unit, target date, stage,
# dis-benefit, projects, category)
CASES = {
    "en": [
        (["B-01", "Reduce call handling cost", "Priya Shah", "Cost per call", "£250k", "£180k", date(2026, 12, 31),
          "On track", "No", "CRM replacement", "Financial - cashable", "£240k", "£225k", "£210k"],
         ("B-01", "Reduce call handling cost", "Priya Shah", 250000, 180000, "£", date(2026, 12, 31), "Realizing",
          False, "CRM replacement", "Financial cashable")),
        (["B-02", "Faster invoice processing", "Tom Ng", "Days to pay", 30, 10, date(2027, 3, 31), "Realised", "No",
          "ERP upgrade; Finance automation", "Non-financial", 28, 20, 12],
         ("B-02", "Faster invoice processing", "Tom Ng", 30, 10, "", date(2027, 3, 31), "Realized", False,
          "ERP upgrade; Finance automation", "Non-financial")),
        (["B-03", "Extra licence cost", "Ann Lee", "Annual licence spend", "$1.2m", "$1.5m", date(2026, 9, 30),
          "Not started", "Yes", "CRM replacement", "Financial - non-cashable", "$1.2m", "$1.3m", None],
         ("B-03", "Extra licence cost", "Ann Lee", 1200000, 1500000, "$", date(2026, 9, 30), "Planned", True,
          "CRM replacement", "Financial non-cashable")),
    ],
    "de": [
        (["N-01", "Senkung der Betriebskosten", "Anna Becker", "Kosten pro Jahr", "€ 40.000", "€ 25.000", "31.12.2026",
          "Im Plan", "Nein", "ERP-Einführung", "Finanziell", "€ 38.000", "€ 35.000", "€ 30.000"],
         ("N-01", "Senkung der Betriebskosten", "Anna Becker", 40000, 25000, "€", date(2026, 12, 31), "Realizing",
          False, "ERP-Einführung", "Financial cashable")),
        (["N-02", "Mehraufwand Schulung", "Jonas Wolf", "Schulungstage", 0, 40, "31.03.2027", "Nicht begonnen", "Ja",
          "ERP-Einführung", "Nicht-finanziell", 5, 12, 20],
         ("N-02", "Mehraufwand Schulung", "Jonas Wolf", 0, 40, "", date(2027, 3, 31), "Planned", True,
          "ERP-Einführung", "Non-financial")),
    ],
    "fr": [
        (["BEN-1", "Réduction des coûts d'impression", "Claire Martin", "Coût annuel", "40 000 €", "25 000 €",
          "31/12/2026", "En cours", "Non", "Dématérialisation", "Financier", "38 000 €", "33 000 €", "30 000 €"],
         ("BEN-1", "Réduction des coûts d'impression", "Claire Martin", 40000, 25000, "€", date(2026, 12, 31),
          "Realizing", False, "Dématérialisation", "Financial cashable")),
        (["BEN-2", "Satisfaction des usagers", "Luc Bernard", "Taux de satisfaction", "65 %", "80 %", "30/06/2027",
          "Réalisé", "Oui", "Portail usagers", "Non financier", "67 %", "70 %", "74 %"],
         ("BEN-2", "Satisfaction des usagers", "Luc Bernard", 0.65, 0.8, "", date(2027, 6, 30), "Realized", True,
          "Portail usagers", "Non-financial")),
    ],
    "es": [
        (["BEN-01", "Reducción de costes operativos", "María López", "Coste anual", "€ 40.000", "€ 25.000",
          "31/12/2026", "En curso", "No", "Nuevo ERP", "Financiero", "€ 38.000", "€ 34.000", "€ 29.000"],
         ("BEN-01", "Reducción de costes operativos", "María López", 40000, 25000, "€", date(2026, 12, 31),
          "Realizing", False, "Nuevo ERP", "Financial cashable")),
        (["BEN-02", "Coste de formación", "Javier Ruiz", "Días de formación", 0, 25, "31/03/2027", "No iniciado", "Sí",
          "Nuevo ERP", "No financiero", 4, 9, 15],
         ("BEN-02", "Coste de formación", "Javier Ruiz", 0, 25, "", date(2027, 3, 31), "Planned", True, "Nuevo ERP",
          "Non-financial")),
    ],
}


def held(row: dict) -> tuple:
    return (row["code"], row["title"], row["owner"], row["baseline_value"], row["target_value"], row["unit"],
            row["target_date"], row["lifecycle"], row["dis_benefit"], row["projects"], row["category"])


@pytest.mark.parametrize("language", list(CASES))
def test_a_benefits_register_in_its_usual_shape_imports_every_benefit_with_its_fields(sqlite_store, tmp_path, language):
    """The header words of each language name the benefits' fields; "On track" / "Im Plan" / "En cours" is a
    benefit being realised, "Realised" realised, "Not started" planned; "Financial" alone is cashable (as the
    register has always read it); "Yes" / "Ja" / "Oui" / "Sí" marks a dis-benefit; an amount's sign or code is its
    unit and "k" / "m" multiply it; the quarterly actuals are kept in the notes under their headers."""
    rows = [HEADERS[language], *[r for r, _want in CASES[language]]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / f"benefits_{language}.xlsx", {SHEETS[language]: rows}))
    assert [s.register for s in plan.sheets] == ["benefits"]
    assert not [r for r in plan.reports if r.action.value == "error"]
    got = rows_of(sqlite_store, "benefits")
    assert [held(r) for r in got] == [want for _r, want in CASES[language]]
    quarter = HEADERS[language][-3]
    first_actual = CASES[language][0][0][-3]
    assert f"{quarter}: {first_actual}" in got[0]["description"]
    assert not rows_of(sqlite_store, "risks")


def test_amounts_grouped_by_dots_in_a_csv_are_thousands_without_a_doubt_said(sqlite_store, tmp_path):
    """A German CSV's "€ 40.000": an amount has two decimals at most, so the group of three is thousands — the
    preview no longer says such numbers read either way (and 40.0 is not stored)."""
    rows = [["Nutzen-ID", "Nutzen", "Nutzenverantwortlicher", "Ausgangswert", "Zielwert"],
            ["N-1", "Weniger Druckkosten", "Anna Becker", "€ 40.000", "€ 25.000"],
            ["N-2", "Weniger Reisekosten", "Jonas Wolf", "€ 12.500", "€ 8.000"]]
    plan = import_all(sqlite_store, write_csv(tmp_path / "Nutzenregister.csv", rows, delimiter=";", encoding="cp1252"))
    assert not [n for s in plan.sheets for n in (s.note or "").splitlines() if "either way" in n]
    assert [(r["baseline_value"], r["target_value"], r["unit"]) for r in rows_of(sqlite_store, "benefits")] == \
        [(40000, 25000, "€"), (12500, 8000, "€")]


@pytest.mark.parametrize(("written", "amount"), [
    ("£250k", (250000, "£")), ("$1.2m", (1200000, "$")), ("€ 40.000", (40000, "€")), ("40 000 €", (40000, "€")),
    ("CHF 1,5 Mio.", (1500000, "CHF")), ("$1,234.50", (1234.5, "$")), ("€ 1.234,56", (1234.56, "€")),
    ("250k", (250000, "")), ("1.2 million", (1200000, "")),
    ("5m", None), ("12.5", None), ("15%", None), ("1.2m people", None)])
def test_an_amount_of_money_is_read_with_its_currency_and_a_bare_letter_is_not_a_million(written, amount):
    """A sign or code, or a multiplier word, makes a text an amount; "5m" alone may be minutes or metres and is
    left to the number rules (which refuse it: the cell is kept in the notes, never read as 5,000,000)."""
    from pmo_desktop.excel.value_translation import money

    assert money(written) == amount
