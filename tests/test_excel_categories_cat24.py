"""A risk's category keeps the organisation's own word (issue 12's decision, README "Categories"): stored as
one of the office's categories only when it IS that category (the same word with or without the register's
noun, another language's word for it, a variant or a plural); a near concept ("Schedule", "Cost", "Legal")
joins the office's list as itself, with no note, and the user may still translate it deliberately."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli
from focused_keys import type_as_a_person
from imported import by_code, import_all
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from real_world_factory import write_xlsx

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import OWN_LIST_SETTING, plan_workbook_import
from pmo_desktop.models.store import Store
from pmo_desktop.views.exchange.import_dialog import ImportDialog

# per language: the header row, then (sheet's word, what the office stores) for each row
SAME = {
    "en": (["ID", "Risk", "Risk Category", "Likelihood", "Impact"],
           [("Financial Risk", "Financial"), ("technology", "Technical"), ("Suppliers", "Supplier"),
            ("Strategy", "Strategic"), ("Finacial", "Financial"), ("OPERATIONS", "Operational")]),
    "es": (["ID", "Riesgo", "Categoría", "Probabilidad", "Impacto"],
           [("Financiero", "Financial"), ("Riesgo técnico", "Technical"), ("Proveedores", "Supplier"),
            ("Estratégico", "Strategic"), ("Tecnología", "Technical"), ("Operativo", "Operational")]),
    "de": (["ID", "Risiko", "Kategorie", "Wahrscheinlichkeit", "Auswirkung"],
           [("Finanziell", "Financial"), ("Technologie", "Technical"), ("Lieferanten", "Supplier"),
            ("Strategisch", "Strategic"), ("Kommerziell", "Commercial"), ("Operativ", "Operational")]),
    "fr": (["ID", "Risque", "Catégorie", "Probabilité", "Impact"],
           [("Risque financier", "Financial"), ("Technologique", "Technical"), ("Fournisseurs", "Supplier"),
            ("Stratégique", "Strategic"), ("Réglementaire", "Regulatory"), ("Opérationnel", "Operational")]),
}
# near concepts the word files read as an office category until this decision: each is kept as itself
NEAR = {
    "en": [("Schedule Risk", "Schedule"), ("Cost", "Cost"), ("Legal", "Legal"), ("Security", "Security"),
           ("Organizational", "Organizational"), ("Market risk", "Market"), ("quality", "Quality"),
           ("Third Party and Vendor Risk", "Third Party and Vendor"), ("Risk Management", "Risk Management")],
    "es": [("Cronograma", "Cronograma"), ("Costos", "Costos"), ("Riesgo legal", "Legal"),
           ("Seguridad", "Seguridad"), ("Calidad", "Calidad")],
    "de": [("Zeitplan", "Zeitplan"), ("Kosten", "Kosten"), ("Rechtlich", "Rechtlich"), ("Sicherheit", "Sicherheit"),
           ("Qualität", "Qualität")],
    "fr": [("Calendrier", "Calendrier"), ("Coûts", "Coûts"), ("Risque juridique", "Juridique"),
           ("Sécurité", "Sécurité"), ("Qualité", "Qualité")],
}


def register_rows(lang: str, words: list[str]) -> list[list]:
    head = SAME[lang][0]
    return [head, *[[f"R{i}", f"Risk number {i} of the register", word, 3, 4] for i, word in enumerate(words, 1)]]


@pytest.mark.parametrize("lang", sorted(SAME))
def test_a_category_is_the_offices_only_when_it_is_that_category(sqlite_store, tmp_path, lang):
    """Same-concept words (any case, the noun, another language, a plural, a slip) are the office's category;
    near concepts are the sheet's own word, cleaned, joining the office's list, and no note repeats them."""
    head, same = SAME[lang]
    pairs = same + NEAR[lang]
    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": register_rows(lang, [w for w, _ in pairs])})
    plan = plan_workbook_import(sqlite_store, path)
    assert plan.new_choices == {"risks.category": {stored for _, stored in NEAR[lang]}}
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert [risks[f"R{i}"]["category"] for i in range(1, len(pairs) + 1)] == [stored for _, stored in pairs]
    for i in range(1, len(pairs) + 1):
        assert head[2] not in (risks[f"R{i}"]["notes"] or ""), pairs[i - 1]  # nothing was changed: no note
    assert sorted(sqlite_store.get_setting(OWN_LIST_SETTING + "risks.category")) == sorted(
        stored for _, stored in NEAR[lang])


def test_a_category_already_in_the_offices_list_is_used_in_any_case_and_with_the_noun(sqlite_store, tmp_path):
    """An earlier import added "Schedule" and "Organisational": a later workbook's "schedule risk", "SCHEDULE"
    and "Organizational" are those, not new categories (nor Capacity / People)."""
    first = write_xlsx(tmp_path / "first.xlsx", {"Risks": register_rows("en", ["Schedule", "Organisational"])})
    import_all(sqlite_store, first)
    assert sorted(sqlite_store.get_setting(OWN_LIST_SETTING + "risks.category")) == ["Organisational", "Schedule"]
    later = write_xlsx(tmp_path / "later.xlsx", {"Register": [
        ["Ref", "Risk description", "Category", "Probability", "Severity"],
        ["X1", "Supplier slips the go-live", "schedule risk", 2, 2],
        ["X2", "Testing window shrinks", "SCHEDULE", 2, 3],
        ["X3", "Two teams merge mid-project", "Organizational", 3, 3]]})
    plan = plan_workbook_import(sqlite_store, later)
    assert plan.new_choices == {}
    import_all(sqlite_store, later)
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["category"] for c in ("X1", "X2", "X3")] == ["Schedule", "Schedule", "Organisational"]


def test_a_values_file_still_translates_a_category_deliberately(tmp_path):
    """`--values` maps "Schedule" to the office's Capacity: every "Schedule" (with the noun too) is Capacity,
    the sheet's word kept in the notes since it was changed; "Cost", untranslated, stays the sheet's own."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": register_rows("en", ["Schedule", "Schedule Risk", "Cost"])})
    values = tmp_path / "values.json"
    values.write_text(json.dumps({"risks": {"category": {"Schedule": "Capacity"}}}))
    run_cli("new", "o.pmo", cwd=tmp_path, ok=True)
    proc = run_cli("import", "o.pmo", path, "--values", values, cwd=tmp_path, ok=True)
    assert "Cost" in proc.stdout and "Schedule" not in proc.stdout.split("join")[-1]
    store = Store.open(tmp_path / "o.pmo")
    try:
        risks = by_code(store, "risks")
        assert [risks[c]["category"] for c in ("R1", "R2", "R3")] == ["Capacity", "Capacity", "Cost"]
        assert "Risk Category: Schedule" in risks["R1"]["notes"] and "Risk Category: Schedule Risk" in risks["R2"]["notes"]
        assert "Risk Category" not in (risks["R3"]["notes"] or "")
        assert store.get_setting(OWN_LIST_SETTING + "risks.category") == ["Cost"]
    finally:
        store.close()


def test_the_preview_lists_each_new_category_with_a_dropdown_to_translate_it(qtbot, document, tmp_path):
    """The preview lists "Schedule" as a new category with its dropdown; choosing Capacity by typing in it
    stores Capacity (the word in the notes); the choice stays shown, "Data Quality" is added as it is."""
    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": register_rows("en", ["Schedule", "Data Quality"])})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1)
            for r in range(dialog.values_table.rowCount())}
    assert sorted(rows) == ["Category: “Data Quality” (new)", "Category: “Schedule” (new)"]
    combo = rows["Category: “Schedule” (new)"]
    assert combo.currentText() == "Add “Schedule” to the office's list"
    combo.setFocus()
    type_as_a_person(qtbot, "Cap")  # the first key rebuilds the list, its dropdown focused anew
    assert QApplication.focusWidget().currentData() == "Capacity"
    assert dialog.plan.new_choices == {"risks.category": {"Data Quality"}}
    shown = {dialog.values_table.cellWidget(r, 0).text(): dialog.values_table.cellWidget(r, 1).currentText()
             for r in range(dialog.values_table.rowCount())}
    assert shown == {"Category: “Schedule”": "Capacity", "Category: “Data Quality” (new)":
                     "Add “Data Quality” to the office's list"}
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    risks = by_code(document.store, "risks")
    assert (risks["R1"]["category"], risks["R2"]["category"]) == ("Capacity", "Data Quality")
    assert "Risk Category: Schedule" in risks["R1"]["notes"]


def test_the_offices_own_export_rebuilds_its_categories_exactly(sqlite_store, tmp_path):
    """Categories of the office's own (from an import) and its fixed ones survive export → import into a new
    office unchanged, with no notes added."""
    words = ["Schedule", "Cost", "IT", "Financial", "Data Quality", "Technical"]
    import_all(sqlite_store, write_xlsx(tmp_path / "in.xlsx", {"Risks": register_rows("en", words)}))
    before = {c: (r["category"], r["notes"]) for c, r in by_code(sqlite_store, "risks").items()}
    assert [before[f"R{i}"][0] for i in range(1, 7)] == words
    out = export_workbook(sqlite_store, tmp_path / "office.xlsx")
    other = Store.create(tmp_path / "other.pmo")
    try:
        import_all(other, out)
        after = {c: (r["category"], r["notes"]) for c, r in by_code(other, "risks").items()}
        assert after == before
        assert other.get_setting(OWN_LIST_SETTING + "risks.category") == ["Cost", "Data Quality", "IT", "Schedule"]
    finally:
        other.close()


def test_the_risk_table_offers_and_keeps_the_offices_own_categories(qtbot, document, tmp_path):
    """After an import added "Schedule" and "Cost", a risk's category dropdown lists them after the office's
    eleven: typing "Sch" picks Schedule; opening a "Cost" cell and pressing Return keeps Cost (not blanked)."""
    from pmo_desktop.excel.importer import apply_import
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.register_table import RegisterView

    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": register_rows("en", ["Cost", "Schedule Risk", "Technical"])})
    apply_import(document.store, plan_workbook_import(document.store, path))
    document.settings_changed()
    view = RegisterView(document, REGISTERS["risks"])
    qtbot.addWidget(view)
    view.resize(1280, 500)
    view.show()
    qtbot.waitExposed(view)
    ids = {r["code"]: r["id"] for r in by_code(document.store, "risks").values()}
    column = view.model.column_of("category")

    view.select_record(ids["R3"], column)
    view.table.setFocus()
    qtbot.keyClick(view.table, "S")
    editor = view.table.focusWidget()
    assert [editor.itemText(i) for i in range(editor.count())][-2:] == ["Cost", "Schedule"]
    qtbot.keyClicks(editor, "ch")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert by_code(document.store, "risks")["R3"]["category"] == "Schedule"

    view.select_record(ids["R1"], column)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.focusWidget()
    assert editor.currentText() == "Cost"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert by_code(document.store, "risks")["R1"]["category"] == "Cost"
