"""Issue 12's leftovers of left49 (docs/import-rounds.md, "Action rows in any language, and what an import replaces
(actions51)"): an action sheet's and a risk register's action columns read in any language the import words know,
and the preview saying how many stored actions the sheet's action rows replace."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import by_code, import_all
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

D1, D2 = dt.date(2027, 3, 31), dt.date(2027, 4, 30)


def actions_of(store, code):
    """The stored actions of risk ``code``, each as a dict of the action's fields."""
    reg = REGISTERS["risk_actions"]
    with store.session() as s:
        pid = records.find_id_by_code(s, REGISTERS["risks"], code)
        return [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, parent_id=pid)]

# Per language: the risk register's header (ID, risk, risk owner, the plan, who does it, by when, its progress), the
# action sheet's name and header (the risk's ID, the action, who, by when — a planned end —, its progress)
ACTION_COLUMNS = {
    "fr": (["ID", "Risque", "Propriétaire", "Plan d'action", "Responsable de l'action", "Échéance de l'action",
            "Avancement"],
           "Actions", ["ID risque", "Action", "Responsable", "Date de fin prévue", "Avancement"]),
    "de": (["ID", "Risiko", "Risikoeigner", "Maßnahme", "Verantwortlich", "Fällig bis", "Umsetzungsstand"],
           "Maßnahmen", ["Risiko-Nr", "Maßnahme", "Verantwortlich", "Fällig bis", "Umsetzungsstand"]),
    "es": (["ID", "Riesgo", "Propietario", "Acción", "Responsable de la acción", "Fecha límite", "Avance"],
           "Acciones", ["ID riesgo", "Acción", "Responsable", "Fecha de fin prevista", "Avance"]),
    "pt": (["ID", "Risco", "Dono do risco", "Plano de ação", "Responsável pela ação", "Prazo", "Andamento"],
           "Ações", ["ID risco", "Ação", "Responsável", "Data de término prevista", "Acompanhamento"]),
    "id": (["ID", "Risiko", "Pemilik risiko", "Tindakan", "PIC", "Tenggat", "Progres"],
           "Tindakan", ["ID risiko", "Tindakan", "PIC", "Tenggat waktu", "Progres"]),
    "nl": (["ID", "Risico", "Risico eigenaar", "Maatregelen", "Actiehouder", "Deadline", "Voortgang"],
           "Acties", ["Risico ID", "Actie", "Eigenaar", "Geplande einddatum", "Voortgang"]),
}


@pytest.mark.parametrize("language", sorted(ACTION_COLUMNS))
def test_action_columns_are_read_in_the_registers_language(sqlite_store, tmp_path, language):
    """A risk register whose response actions stand in columns (the plan, who does it, by when) and an action sheet
    naming its risk ("Risk ID | Action | Owner | Planned end | Progress") were read in English words only: in French
    "Responsable de l'action", "Échéance de l'action", "Date de fin prévue" and "Avancement" — and so in German,
    Spanish, Portuguese, Indonesian and Dutch — were kept in the risk's notes or not imported at all, the action
    coming in with no actionee or due date. Now each language's words (``import_words_*.json``: the risks'
    ``@action_owner`` / ``@action_due``, the actions' ``due``, ``action_notes``) read them as the English ones are."""
    register, sheet, actions = ACTION_COLUMNS[language]
    book = write_xlsx(tmp_path / f"risks_{language}.xlsx", {
        "R": [register,
              ["R-1", "Vendor delivers late", "Ann Lee", "Agree a recovery plan", "Bob Ray", D1, "Half done"],
              ["R-2", "Key engineer leaves", "Ann Lee", None, None, None, None]],
        sheet: [actions, ["R-2", "Find a second engineer", "Cy Dee", D2, "Two candidates met"]]})
    import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    (planned,), (listed,) = actions_of(sqlite_store, "R-1"), actions_of(sqlite_store, "R-2")
    assert (planned["description"], planned["actionee"], planned["due"]) == ("Agree a recovery plan", "Bob Ray", D1)
    assert (listed["actionee"], listed["due"]) == ("Cy Dee", D2)
    # the progress beside the plan stays the risk's note, as "Progress" does; on the action sheet it is the action's
    assert f"{register[6]}: Half done" in risks["R-1"]["notes"]
    assert listed["description"].splitlines() == ["Find a second engineer", f"{actions[4]}: Two candidates met"]
    assert [r["owner"] for r in risks.values()] == ["Ann Lee", "Ann Lee"]
