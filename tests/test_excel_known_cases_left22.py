"""Import classes round 22 left (issue 12): each test writes a workbook of that shape, in more than one language
or layout, and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx

_RISKS = [  # id, title, description, likelihood, impact, owner, mitigation, contingency
    ("R1", "Scope creep", "Uncontrolled changes to scope overrun the budget", "High", "High", "Ann Lee",
     "Change control board", "Freeze the scope"),
    ("R2", "Vendor failure", "The hosting vendor goes out of business", "Low", "High", "Bob Roy",
     "Second vendor on standby", "Move to the second vendor"),
    ("R3", "Key staff leave", "The two senior developers resign mid-project", "Medium", "Medium", "Cy Dee",
     "Pair programming", "Hire contractors"),
]


def _form_a_b(risk: tuple[str, ...], words: dict[str, str]) -> list[list]:
    """Label in column A, its value in column B, under a caption and the form's own "Field | Details" head."""
    rid, title, desc, lik, imp, owner, mit, cont = risk
    return [[f"{words['caption']} {rid}"], [],
            [words["field"], words["details"]],
            [words["id"], rid], [words["desc"], desc], [words["lik"], lik], [words["imp"], imp],
            [words["owner"], owner], [words["mit"], mit], [words["cont"], cont]]


_EN = {"caption": "Risk detail", "field": "Field", "details": "Details", "id": "Risk ID", "desc": "Description",
       "lik": "Likelihood", "imp": "Impact", "owner": "Owner", "mit": "Mitigation", "cont": "Contingency plan"}
_ES = {"caption": "Ficha de riesgo", "field": "Campo", "details": "Valor", "id": "ID del riesgo",
       "desc": "Descripción", "lik": "Probabilidad", "imp": "Impacto", "owner": "Responsable",
       "mit": "Mitigación", "cont": "Plan de contingencia"}


@pytest.mark.parametrize("words", [_EN, _ES], ids=["en", "es"])
def test_one_detail_sheet_per_risk_beside_a_summary_table(sqlite_store, tmp_path, words):
    """A summary table of the risks, then one form sheet per risk (label | value): one record per risk, the
    summary's values standing, the form adding what the summary does not say (its description, its
    contingency plan), nothing doubled. A cover sheet of labels and values beside them (project, owner, status)
    is no record: only sheets that are forms of one register, two at least, are."""
    head = [words["id"], "Risk" if words is _EN else "Riesgo", words["lik"], words["imp"], words["owner"]]
    summary = [head] + [[r[0], r[1], r[3], r[4], r[5]] for r in _RISKS]
    cover = [["Project", "Apollo"], ["Owner", "Ann Lee"], ["Description", "Moon shot"], ["Status", "Open"],
             ["Impact", "High"]]
    sheets = {"Cover": cover, "Register": summary}
    sheets.update({f"{r[0]}_{r[1]}": _form_a_b(r, words) for r in _RISKS})
    path = write_xlsx(tmp_path / "risk_register.xlsx", sheets)
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R1", "R2", "R3"]
    assert risks["R2"]["title"] == "Vendor failure"
    assert risks["R2"]["owner"] and risks["R2"]["probability"] < risks["R2"]["impact"]
    assert "The hosting vendor goes out of business" in (risks["R2"]["notes"] or "")
    plans = sorted(a["description"] for a in rows_of(sqlite_store, "risk_actions"))
    assert plans.count("Second vendor on standby") == 1 and "Move to the second vendor" in plans
    assert "Field" not in (risks["R1"]["notes"] or "") and "Campo" not in (risks["R1"]["notes"] or "")


def test_detail_sheets_with_two_pairs_a_row_and_no_summary(sqlite_store, tmp_path):
    """No summary: each sheet a form of two label | value pairs a row ("Probabilidad | Alta | Impacto |
    Media"), in Spanish, the risk named by its title label: each sheet one risk with its levels and owner."""
    def form(r: tuple[str, ...]) -> list[list]:
        rid, title, desc, lik, imp, owner, mit, _cont = r
        lv = {"High": "Alta", "Medium": "Media", "Low": "Baja"}
        return [["ID", rid, "Riesgo", title], ["Probabilidad:", lv[lik], "Impacto:", lv[imp]],
                ["Responsable", owner, "Estado", "Abierto"], [], ["Mitigación", mit]]
    path = write_xlsx(tmp_path / "riesgos.xlsx", {r[0]: form(r) for r in _RISKS})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R1", "R2", "R3"]
    assert risks["R3"]["title"] == "Key staff leave" and risks["R2"]["owner"]
    assert risks["R1"]["probability"] > risks["R2"]["probability"] and risks["R2"]["impact"] > risks["R3"]["impact"]
    assert "Pair programming" in {a["description"] for a in rows_of(sqlite_store, "risk_actions")}


def test_detail_sheets_with_labels_over_their_values(sqlite_store, tmp_path):
    """A German form: a row of labels over a row of values at the top, then a label alone over its long text:
    each sheet one risk, the long text its title, the levels read."""
    def form(r: tuple[str, ...]) -> list[list]:
        rid, _title, desc, lik, imp, owner, _mit, _cont = r
        lv = {"High": "hoch", "Medium": "mittel", "Low": "niedrig"}
        return [["Risiko-Nr.", "Datum", "Wahrscheinlichkeit", "Auswirkung", "Verantwortlich"],
                [rid, "2026-06-22", lv[lik], lv[imp], owner], [], ["Beschreibung"], [desc]]
    path = write_xlsx(tmp_path / "Risiken.xlsx", {f"Risiko {r[0]}": form(r) for r in _RISKS})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    assert sorted(risks) == ["R1", "R2", "R3"]
    assert risks["R2"]["title"] == "The hosting vendor goes out of business"
    assert risks["R2"]["probability"] < risks["R2"]["impact"] and risks["R3"]["owner"]


def test_stakeholder_names_under_a_merged_caption_and_no_header(sqlite_store, tmp_path):
    """A Spanish list: "STAKEHOLDERS" merged over the table, the names' column headed by nothing, beside
    "Importancia (1-5) | Nivel de Influencia (1-5)": one stakeholder per name, its influence read, its importance
    kept in the notes under its header."""
    rows = [["STAKEHOLDERS"], [], [None, "Importancia (1-5)", "Nivel de Influencia (1-5)"],
            ["Usuario Final", 5, 4], ["Desarrolladores", 4, 5], ["Gerente de Producto", 3, 2],
            ["Inversionistas/Patrocinadores", 4, 3]]
    path = write_xlsx(tmp_path / "dv_nro.xlsx", {"Hoja1": rows}, merges={"Hoja1": ["A1:C2"]})
    import_all(sqlite_store, path)
    people = named(sqlite_store, "stakeholders")
    assert sorted(people) == ["Desarrolladores", "Gerente de Producto", "Inversionistas/Patrocinadores",
                              "Usuario Final"]
    assert people["Desarrolladores"]["power"] == 5 and people["Gerente de Producto"]["power"] == 2
    assert "Importancia (1-5): 3" in people["Gerente de Producto"]["notes"]


def test_stakeholder_names_in_an_unheaded_column_further_right(sqlite_store, tmp_path):
    """The same list in English, the caption not merged, the table starting in column B: the unheaded column
    of names beside rated columns is the stakeholders' name."""
    rows = [[None, "Stakeholders"], [],
            [None, None, "Importance (1-5)", "Influence (1-5)", "Interest (1-5)"],
            [None, "Finance team", 4, 5, 2], [None, "Suppliers", 2, 3, 4], [None, "Board", 5, 5, 3],
            [None, "Local council", 1, 2, 5]]
    path = write_xlsx(tmp_path / "project_x.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    people = named(sqlite_store, "stakeholders")
    assert sorted(people) == ["Board", "Finance team", "Local council", "Suppliers"]
    assert people["Suppliers"]["power"] == 3 and people["Local council"]["interest"] == 5
    assert "Importance (1-5): 4" in people["Finance team"]["notes"]


@pytest.mark.parametrize("lang", ["en", "es", "de"])
def test_a_current_control_saying_it_is_absent_is_no_control_done(sqlite_store, tmp_path, lang):
    """"No model card", "Lack of backups", "Sin copia de respaldo", "Keine Schulung" under the current controls
    say a control is missing: no response action done, the cell kept in the notes under its header; a control
    in place ("Daily backups") and a prohibition ("No USB drives allowed") are done controls."""
    head = {"en": ["ID", "Risk", "Likelihood", "Impact", "Current Controls"],
            "es": ["ID", "Riesgo", "Probabilidad", "Impacto", "Controles actuales"],
            "de": ["ID", "Risiko", "Wahrscheinlichkeit", "Auswirkung", "Bestehende Kontrollen"]}[lang]
    absent = {"en": ["No model card", "Lack of backups"], "es": ["Sin copia de respaldo", "Falta de formación"],
              "de": ["Keine Schulung", "Ohne Backup"]}[lang]
    lv = {"en": ("High", "Low"), "es": ("Alta", "Baja"), "de": ("hoch", "niedrig")}[lang]
    rows = [head, ["R1", "Model bias goes unnoticed", lv[0], lv[0], absent[0]],
            ["R2", "Data loss on the file server", lv[1], lv[0], absent[1]],
            ["R3", "Laptop theft exposes data", lv[1], lv[1], "Daily backups"],
            ["R4", "Malware from removable media", lv[0], lv[1], "No USB drives allowed"]]
    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    done = {a["description"] for a in rows_of(sqlite_store, "risk_actions") if a["status"] == "Done"}
    assert done == {"Daily backups", "No USB drives allowed"}
    assert f"{head[4]}: {absent[0]}" in risks["R1"]["notes"] and f"{head[4]}: {absent[1]}" in risks["R2"]["notes"]


@pytest.mark.parametrize("head,values", [("Priority (1-5)", [1, 2, 3, 5]), ("Prioridad", ["P1", "P2", "P3", "P4"])])
def test_an_issue_priority_written_as_a_number_is_its_priority(sqlite_store, tmp_path, head, values):
    """An issue log rating its priority 1 to 5 (or P1 …): priority 1 is the first to handle, so 1 is Critical,
    2 High, 3 Medium, 4 and 5 Low; never left in the notes."""
    rows = [["Issue ID", "Issue Title", "Owner", head, "Status"]] + [
        [f"I{i}", f"Issue number {i} of the log", "Ann", x, "Open"] for i, x in enumerate(values, 1)]
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Issues": rows})
    import_all(sqlite_store, path)
    issues = by_code(sqlite_store, "issues")
    assert [issues[f"I{i}"]["priority"] for i in range(1, 5)] == ["Critical", "High", "Medium", "Low"]
    # "P1" read as Critical is kept beside it under its header, as any word read as another choice (heldout50);
    # a number is read by its rank and adds nothing
    assert (issues["I1"]["description"] or "") == ("" if isinstance(values[0], int) else f"{head}: {values[0]}")


@pytest.mark.parametrize("rating", ["Risk Rating", "Rating"])
def test_the_sheets_own_rating_words_are_kept_where_they_differ(sqlite_store, tmp_path, rating):
    """A register rating its risks in its own words ("Major" for 4 × 4, which the office rates Critical), before
    and after the measures under the same header: the sheet's word is kept in the notes, labelled with its
    header, on the rows where it differs from the office's rating; where they agree nothing is added; the
    preview says so once."""
    head = ["Ref", "Risk Description", "Impact", "Likelihood", rating, "Treatment Plan", "Impact", "Likelihood",
            rating]
    words = {"major": "Major", "moderate": "Moderate", "minor": "Minor", "critical": "Critical"}
    rows = [[None, None, "Original Risk", None, None, None, "Residual Risk"], head,
            ["1", "Unauthorised access to the network", 4, 4, words["major"], "Tighten the firewall", 1, 1,
             words["minor"]],
            ["2", "Late detection of incidents", 5, 4, words["critical"], "Buy a SIEM", 3, 2, words["moderate"]],
            ["3", "Devices connected without control", 3, 3, words["moderate"], "Enforce 802.1X", 1, 1,
             words["minor"]]]
    path = write_xlsx(tmp_path / "register.xlsx", {"Feuil1": rows})
    plan = import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    label = head[4]
    assert f"{label}: {words['major']}" in risks["1"]["notes"]
    assert f"{label}: Critical" not in (risks["2"]["notes"] or "")  # the office rates 5 × 4 Critical too
    assert f"{label}: {words['moderate']}" in risks["3"]["notes"]
    assert words["minor"] in risks["1"]["notes"]  # after the measures: the office says Low
    assert any("own rating" in s.note for s in plan.sheets)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_category_the_office_lacks_keeps_the_sheets_word(sqlite_store, tmp_path, lang):
    """Categories near one of the office's ("Procurement" beside Commercial, "Comunicación" beside People) are
    not read as it (issue 12's decision, cat24): each keeps the sheet's word as a category of the office's own,
    with nothing in the notes since nothing was changed; "Financial Risk" / "Riesgo financiero", the office's
    Financial with the register's noun, is Financial and adds nothing either."""
    head = ["ID", "Risk", "Risk Category", "Likelihood", "Impact"] if lang == "en" else \
        ["ID", "Riesgo", "Categoría", "Probabilidad", "Impacto"]
    cats = ["Procurement", "Communication", "Financial Risk"] if lang == "en" else \
        ["Adquisiciones", "Comunicación", "Riesgo financiero"]
    rows = [head, ["R1", "Supplier delivers late", cats[0], 3, 4], ["R2", "Sponsor misreads updates", cats[1], 2, 3],
            ["R3", "Budget cut mid-year", cats[2], 2, 5]]
    path = write_xlsx(tmp_path / "register.xlsx", {"Risks": rows})
    import_all(sqlite_store, path)
    risks = by_code(sqlite_store, "risks")
    for code, cat in (("R1", cats[0]), ("R2", cats[1])):
        assert risks[code]["category"] == cat
        assert head[2] not in (risks[code]["notes"] or "")
    assert risks["R3"]["category"] == "Financial" and head[2] not in (risks["R3"]["notes"] or "")


def test_the_preview_says_detail_sheets_merge_into_the_summarys_records(document, qtbot, tmp_path):
    """The summary table and one detail sheet per risk: each detail sheet's row goes into the summary's record.
    The preview said "will skip" on each, and "3 skipped" under it, as if three risks were left out; it now says
    "will merge", and the count of rows merged apart from those skipped."""
    from PySide6.QtCore import Qt

    from pmo_desktop.views.exchange.import_dialog import ImportDialog
    from pmo_desktop.views.exchange.report_model import HEADERS

    head = [_EN["id"], "Risk", _EN["lik"], _EN["imp"], _EN["owner"]]
    sheets = {"Register": [head] + [[r[0], r[1], r[3], r[4], r[5]] for r in _RISKS]}
    sheets.update({f"{r[0]}_{r[1]}": _form_a_b(r, _EN) for r in _RISKS})
    dialog = ImportDialog(document, write_xlsx(tmp_path / "risk_register.xlsx", sheets))
    qtbot.addWidget(dialog)
    model = dialog.report_model
    action = HEADERS.index("Action")
    shown = {model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole):
             model.data(model.index(r, action), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())}
    assert shown["Register"] == "will insert"
    assert [shown[f"{r[0]}_{r[1]}"] for r in _RISKS] == ["will merge"] * 3
    assert "0 skipped, 3 merged into another row's record" in dialog.summary.text()
    # the summary's rows, then the sheets merging into them (not sheet names A to Z: "R1_…" before "Register")
    order = [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert order.index("Register") < min(order.index(f"{r[0]}_{r[1]}") for r in _RISKS)
