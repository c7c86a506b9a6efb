"""Issue 12, unseen set 71's junk and form classes (non-English registers, measured once on main bc6ca4f6): an
action plan headed by the questions it answers. Each test writes a workbook of the shape (never a fetched file)
and failed on that main."""

from __future__ import annotations

import re

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_STEPS = [
    ("Gérant", "Demander au propriétaire s'il accepte le siège de la société dans le logement",
     "Chez le bailleur du logement", "Envoyer une lettre qui décrit l'activité exercée"),
    ("Gérant", "Rechercher si la marque souhaitée existe déjà", "Sur la base des marques en ligne", None),
    ("Gérant", "Déposer la marque souhaitée avec le formulaire officiel",
     "Au bureau régional de la propriété industrielle", "Formulaire prérempli joint"),
    ("Gérant", "Justifier l'occupation régulière des locaux de l'entreprise", "Au greffe du tribunal de commerce",
     "Copie du bail, contrat de domiciliation ou facture d'énergie"),
    ("Associés", "Rédiger les statuts", "Chez un notaire", None),
    ("Gérant", "Ouvrir un compte en banque au nom de l'entreprise", "Banque au choix", None),
    ("Associés", "Déposer le capital", "Sur le compte bancaire de la société",
     "La demande de dépôt, les statuts et la provenance des fonds"),
    ("Gérant", "Publier une annonce dans un journal d'annonces légales", "Un journal habilité du département",
     "Dénomination, forme, capital, siège et objet de la société"),
    ("Gérant", "Enregistrer les statuts", "Au centre de formalités compétent",
     "Avec les statuts et les attestations de dépôt et d'annonce"),
]


def test_an_action_plan_headed_by_question_words_is_refused_not_read_as_issues(sqlite_store, tmp_path):
    """A founder's plan ("N° | Qui ? | Quoi ? | Où ? | Comment ?": who, what, where, how) was read as 11 issues
    titled by "Quoi ?". Columns headed by question words, the rows named by one, are a plan's steps in any
    language: refused, saying so. A risk register saying its response as "Who | When | How" beside its own
    title column is still imported."""
    plan = [["N°", "Qui ? ", "Quoi ? ", "Où ?", "Comment ? "], *[[i + 1, *s] for i, s in enumerate(_STEPS)]]
    said = re.escape("its columns are an action plan's questions (“Qui ?”, “Quoi ?”, “Où ?”, “Comment ?”)")
    with pytest.raises(WorkbookError, match=said):
        import_all(sqlite_store, write_xlsx(tmp_path / "Plan d'action.xlsx", {"Feuil1": plan}))
    assert rows_of(sqlite_store, "issues") == []
    risks = [["Risk ID", "Risk", "Probability", "Impact", "Who", "When", "How"],
             ["R1", "Key supplier fails", "High", "High", "Ann Lee", "Q1", "Find a second supplier"],
             ["R2", "Budget cut", "Medium", "High", "Raj Mehta", "Q2", "Phase the work"],
             ["R3", "Staff leave", "Low", "Medium", "Ann Lee", "Q3", "Cross-train the team"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risk register.xlsx", {"Risks": risks}))
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {"Key supplier fails", "Budget cut", "Staff leave"}
