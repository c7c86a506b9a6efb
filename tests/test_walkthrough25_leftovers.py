"""What walkthrough 25 saw in a colleague's French workbook and left: its "Projet" column was not read as the risk's
project (no language but English named it), and a row with no title was refused as "Title cannot be empty. Title
cannot be empty (no column of the sheet holds it)." — twice, and the second wrong, the sheet having a title column."""

from __future__ import annotations

import pytest
from imported import import_all, named

from pmo_desktop.excel.importer import plan_workbook_import


@pytest.mark.parametrize("header, register_word", [
    ("Projet", "Risque"), ("Projekt", "Risiko"), ("Proyecto", "Riesgo"), ("Progetto", "Rischio"),
    ("Projeto", "Risco"), ("Projectnaam", "Risico")])
def test_a_risks_project_is_read_in_the_colleagues_language(sqlite_store, tmp_path, header, register_word):
    path = tmp_path / "registre.csv"
    path.write_text(f"ID,{register_word},{header}\nR1,Le fournisseur livre en retard,Nouvelle caisse\n"
                    "R2,Les données sont incomplètes,Nouvelle caisse\n", encoding="utf-8")
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {r["project"] for r in risks.values()} == {"Nouvelle caisse"}, risks


def test_an_empty_title_is_said_once_and_rightly(sqlite_store, tmp_path):
    path = tmp_path / "risk_register.csv"
    path.write_text("Risk ID,Risk,Likelihood,Impact\nR1,Vendor goes bust,3,4\nR2,,2,3\n", encoding="utf-8")
    plan = plan_workbook_import(sqlite_store, path)
    (error,) = plan.errors
    assert error.reason.count("cannot be empty") == 1 and "no column of the sheet holds it" not in error.reason, \
        error.reason
