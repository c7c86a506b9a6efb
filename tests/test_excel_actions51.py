"""Issue 12's leftovers of left49 (docs/import-rounds.md, "Action rows in any language, and what an import replaces
(actions51)"): an action sheet's and a risk register's action columns read in any language the import words know,
and the preview saying how many stored actions the sheet's action rows replace."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from cli_runner import run_cli
from imported import by_code, import_all
from PySide6.QtCore import Qt
from real_world_factory import write_xlsx
from xlsx_factory import snapshot

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog

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


def _register_with_actions(tmp_path, actions):
    """Three risks and an action sheet naming the first two (no Status column, as colleagues' sheets often have)."""
    return write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risks": [["Risk ID", "Risk", "Owner"], ["R-1", "Vendor delivers late", "Ann Lee"],
                  ["R-2", "Key engineer leaves", "Ann Lee"], ["R-3", "Budget cut", "Ann Lee"]],
        "Risk actions": [["Risk ID", "Action", "Owner", "Due date"], *actions]})


SHEET_ACTIONS = [["R-1", "Agree a recovery plan", "Bob Ray", D1], ["R-1", "Find a second vendor", "Bob Ray", D2],
                 ["R-2", "Hire a second engineer", "Cy Dee", None]]


def _edited_in_the_office(store):
    """R-1's first action reworded and done in the office since the first import; an action added to R-3."""
    reg = REGISTERS["risk_actions"]
    with store.transaction() as s:
        first = records.fetch_rows(s, reg, parent_id=records.find_id_by_code(s, REGISTERS["risks"], "R-1"))[0]
        records.update_record(s, reg, first[0], {"description": "Agree a recovery plan by May", "status": "Done"},
                              first[1])
        records.create_record(s, reg, {"description": "Ask for a contingency budget"},
                              parent_id=records.find_id_by_code(s, REGISTERS["risks"], "R-3"))


REPLACED = ("Actions of 2 risks replaced: 3 stored actions by 3 from the sheet — an action has no ID the workbook and "
            "the office share, so the sheet's actions of a risk it names are all its actions; risks it does not name "
            "keep theirs. Not on the sheet as stored, so it goes: R-1 “Agree a recovery plan by May”. The sheet has no "
            "Status column, so the status the stored actions hold is not kept (“Done” on 1): the sheet's come in “Not "
            "started”.")


def test_the_preview_says_what_an_action_sheet_replaces_and_undo_puts_it_back(qtbot, document, tmp_path):
    """A colleague's action sheet imported again replaces the actions of the risks it names — an action has no key
    the workbook and the office share — but the preview said only "3 to insert": an action reworded and marked done
    in the office since went without a word. Now the preview says how many stored actions of how many risks the
    sheet's rows replace, which stored ones are not on the sheet as stored, and what the sheet has no column for;
    the report after the import says the stored actions replaced; undo puts the office back exactly."""
    store = document.store
    import_all(store, _register_with_actions(tmp_path, SHEET_ACTIONS))
    _edited_in_the_office(store)
    before = snapshot(store)

    dialog = ImportDialog(document, _register_with_actions(tmp_path, SHEET_ACTIONS))
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok
    sheet = next(s for s in dialog.plan.sheets if s.sheet == "Risk actions")
    assert sheet.replaced_children == 3
    assert REPLACED in html.unescape(dialog.summary.text())
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)

    assert [a["description"] for a in actions_of(store, "R-1")] == ["Agree a recovery plan", "Find a second vendor"]
    assert [a["description"] for a in actions_of(store, "R-2")] == ["Hire a second engineer"]
    assert [a["description"] for a in actions_of(store, "R-3")] == ["Ask for a contingency budget"]  # not named: kept

    document.undo_stack.undo()
    assert snapshot(store) == before


def test_the_command_lines_dry_run_and_report_say_the_actions_replaced(tmp_path):
    """``pmo-desktop import --dry-run`` says the preview's sentence; the import's report then says how many stored
    actions it replaced, where it said "Imported 3 new …" as if the actions were added to those stored."""
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    _register_with_actions(tmp_path, SHEET_ACTIONS)
    run_cli("import", "office.pmo", "Risk Register.xlsx", cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "office.pmo")
    try:
        _edited_in_the_office(store)
    finally:
        store.close()
    dry = run_cli("import", "office.pmo", "Risk Register.xlsx", "--dry-run", cwd=tmp_path, ok=True).stdout
    assert f"Sheet “Risk actions”: {REPLACED}" in dry.replace("\n", " ")
    done = run_cli("import", "office.pmo", "Risk Register.xlsx", cwd=tmp_path, ok=True).stdout
    assert "Replaced by the workbook's: 3 stored risk actions." in done


def test_the_preview_says_a_list_of_links_replaces_the_stored_one(sqlite_store, tmp_path):
    """An update's list of links (a decision's "Linked risks") is written over the stored list, not added to it:
    the row said only "changes Linked risks", read as a link added. Now the sheet says which records lose links the
    sheet does not give; links the sheet gives again, in any case, are no loss."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Owner"], ["R-1", "Vendor late", "Ann"], ["R-2", "Engineer leaves", "Ann"],
        ["R-3", "Budget cut", "Ann"]]}))

    def decisions(links):
        return write_xlsx(tmp_path / "decisions.xlsx", {"Decisions": [
            ["Decision ID", "Decision", "Linked risks"], ["D-1", "Use vendor B", links], ["D-2", "Hire", "R-2"]]})

    import_all(sqlite_store, decisions("R-1; R-2"))
    plan = import_all(sqlite_store, decisions("R-3; r-1"))
    assert plan.sheets[0].note == ("The sheet's Linked risks replace each record's stored list, they are not added to "
                                   "it: 1 decision loses links the sheet does not give (D-1: R-2).")
    assert by_code(sqlite_store, "decisions")["D-1"]["risks"] == "R-1; R-3"
