"""Issue 12, left61: what stop 60's fixes left, as general rules. Each test writes a workbook of the shape (never a
fetched file), imports it through the real code and failed on main 801e7af2 unless its docstring says it guards a
reading that must not change."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


@pytest.mark.parametrize("header", ["owner_stakeholder", "OwnerStakeholder", "Owner Name", "owner-person"])
def test_an_owner_column_named_again_as_a_person_is_the_owner(sqlite_store, tmp_path, header):
    """A program's risk register "risk_id | risk_name | category | owner_stakeholder | likelihood | impact": the
    owner's word, then a word saying only that the column names a person ("stakeholder", "name", "person"), joined
    by "_", "-" or written in camel case. The owners were kept in the notes, none an owner."""
    rows: list[list[object]] = [
        ["risk_id", "risk_name", "category", header, "likelihood", "impact"],
        ["R-01", "Stock counts are adjusted without a second signature", "Financial", "Warehouse Lead", 4, 4],
        ["R-02", "The carrier bills more than the agreed weight", "Financial", "Transport Manager", 3, 4],
        ["R-03", "The label printer fails during the peak week", "Operational", "Site IT", 2, 3],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", rows))
    got = named(sqlite_store, "risks")
    assert {t: r["owner"] for t, r in got.items()} == {
        "Stock counts are adjusted without a second signature": "Warehouse Lead",
        "The carrier bills more than the agreed weight": "Transport Manager",
        "The label printer fails during the peak week": "Site IT"}


def test_another_fields_word_before_name_is_left_to_its_own_reading(sqlite_store, tmp_path):
    """Guard (passes on main too): "Asset Name" beside an "Owner" stays in the notes and the owner is the "Owner"
    column's — only a person's field named again as a person is read so."""
    rows: list[list[object]] = [
        ["Issue ID", "Issue", "Owner", "Asset Name", "Status"],
        ["I-1", "The test server is down every Monday", "Ana Silva", "Test server", "Open"],
        ["I-2", "Two suppliers send the same invoice", "Ben Ode", "Invoice system", "Open"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    got = named(sqlite_store, "issues")
    assert {r["owner"] for r in got.values()} == {"Ana Silva", "Ben Ode"}
    assert "Asset Name: Test server" in (got["The test server is down every Monday"]["description"] or "")


@pytest.mark.parametrize(("header", "yes", "no"), [
    ("Факт влияния", "Да", "Нет"),
    ("Materialised", "Yes", "No"),
    ("Tatsächlich eingetreten?", "Ja", "Nein"),
    ("¿Ocurrido?", "Sí", "No"),
    ("Survenue", "Oui", "Non"),
    ("Opgetreden", "Ja", "Nee"),
])
def test_a_yes_no_column_saying_the_risk_happened_gives_occurred(sqlite_store, tmp_path, header, yes, no):
    """A risk list with no status column whose last column asks whether the risk happened ("Факт влияния" Да/Нет,
    "Materialised" Yes/No, "Tatsächlich eingetreten?" Ja/Nein …): a yes was kept only in the notes, the risk left Open. A yes
    is Occurred, a no leaves it Open; the cell stays in the notes."""
    rows: list[list[object]] = [
        ["Risk", "Probability", "Impact", header],
        ["The storage engine loses a write", 2, 5, yes],
        ["The parser rejects valid queries", 3, 4, no],
        ["The build server is slow", 4, 2, None],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert got["The storage engine loses a write"]["status"] == "Occurred"
    assert got["The parser rejects valid queries"]["status"] == "Open"
    assert got["The build server is slow"]["status"] == "Open"
    assert yes in (got["The storage engine loses a write"]["notes"] or "")


def test_a_title_ending_in_an_example_word_beside_real_cells_is_a_record(sqlite_store, tmp_path):
    """"Contaminated batch results (sample)", "Label printer jams (example)": a word in brackets closing a title whose
    row holds a real code, owner, status and date was skipped as a template's worked example. Only a row showing a
    template's placeholder beside the tag (a code of zeros, "Max Mustermann", "DD/MM/YYYY", nothing else) is one;
    the others are records, said once on the sheet."""
    rows: list[list[object]] = [
        ["Issue ID", "Issue", "Owner", "Status", "Raised"],
        ["QA-12", "Contaminated batch results (sample)", "Dr. Chen", "Open", "2024-03-02"],
        ["QA-13", "Label printer jams (example)", "Ana Silva", "Closed", "2024-03-05"],
        ["QA-14", "Freezer alarm does not page anyone", "Ben Ode", "Open", "2024-03-07"],
        ["QA-0", "Delivery arrives damaged (example)", "Max Mustermann", "Open", "DD/MM/YYYY"],
        ["QA-15", "Sample fridge log is not signed (Beispiel)", "John Doe", "Open", None],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "lab issues.xlsx", {"Issues": rows}))
    got = named(sqlite_store, "issues")
    assert set(got) == {"Contaminated batch results (sample)", "Label printer jams (example)",
                        "Freezer alarm does not page anyone"}
    assert got["Contaminated batch results (sample)"]["owner"] == "Dr. Chen"
    said = plan.sheets[0].note
    assert "2 titles end in an example's word in brackets" in said
    skipped = [r.report.reason for r in plan.sheets[0].rows if r.report.row in (5, 6)]
    assert len(skipped) == 2 and all("the template's example" in s for s in skipped)


@pytest.mark.parametrize("filled", ["owners", "states"])
def test_numbered_rows_beside_someones_owner_or_states_are_records(sqlite_store, tmp_path, filled):
    """"Release 1 | Team 1 | Wave 1" down a plan, each text a word and the row's number: skipped as a template's
    numbered placeholders even where the row names a real owner ("Ana Silva") or its states differ from row to row
    ("Done", "In progress", "Planned") — a template writes a placeholder's name ("Owner 1") and one state down every
    row. Those rows are records."""
    owners = ["Ana Silva", "Tom Berg", "Li Wei"] if filled == "owners" else [None, None, None]
    states = ["Open", "Open", "Open"] if filled == "owners" else ["Closed", "Open", "Occurred"]
    rows: list[list[object]] = [["Risk ID", "Risk", "Team", "Wave", "Owner", "Status"]]
    rows += [[f"R-{n}", f"Release {n}", f"Team {n}", f"Wave {n}", owners[n - 1], states[n - 1]] for n in (1, 2, 3)]
    import_all(sqlite_store, write_xlsx(tmp_path / "cutover.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert set(got) == {"Release 1", "Release 2", "Release 3"}
    assert [got[f"Release {n}"]["status"] for n in (1, 2, 3)] == states


def test_a_templates_numbered_rows_with_one_state_and_numbered_owners_stay_skipped(sqlite_store, tmp_path):
    """Guard (passes on main too): "Release 1 | Owner 1 | Open" … every row one state and a numbered owner: the
    template's placeholders."""
    rows: list[list[object]] = [["Risk ID", "Risk", "Team", "Wave", "Owner", "Status"]]
    rows += [[f"R-{n}", f"Release {n}", f"Team {n}", f"Wave {n}", f"Owner {n}", "Open"] for n in (1, 2, 3)]
    import_all(sqlite_store, write_xlsx(tmp_path / "cutover.xlsx", {"Risks": rows}))
    assert named(sqlite_store, "risks") == {}


@pytest.mark.parametrize("why", ["Why rejected", "Por qué se descarta", "Pourquoi écartée"])
def test_why_an_option_was_rejected_is_kept_with_the_options_considered(sqlite_store, tmp_path, why):
    """A decision log "Decision | Options considered | Rationale | <why rejected>": why the other options were set
    aside was written into the decision's rationale's notes, as if it were why the decision was taken. It belongs
    to the options considered: kept there, labelled with its header; the rationale stays the decision's own."""
    rows: list[list[object]] = [
        ["ID", "Decision", "Options considered", "Rationale", why],
        ["D-1", "Host the pilot on the managed cloud", "Run our own servers", "No one can run servers at night",
         "Nobody would patch them"],
        ["D-2", "Publish the figures every month", "Publish them every week", "A quarter is too slow for the board",
         "Too much manual work"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "decision log.xlsx", {"Decisions": rows}))
    got = named(sqlite_store, "decisions")
    d = got["Host the pilot on the managed cloud"]
    assert d["options"] == f"Run our own servers\n{why}: Nobody would patch them"
    assert d["rationale"] == "No one can run servers at night"
    assert "kept with the options considered" in (plan.sheets[0].note or "")


def test_an_action_list_citing_tickets_no_record_holds_is_not_read_as_their_actions(sqlite_store, tmp_path):
    """A RAID workbook's action list whose "Ref" cites a service desk's tickets ("Ticket 4512 raised with the
    vendor", "Incident 2231"): "ticket" and "incident" are an issue's nouns, so the list was read as the issues'
    actions — every row then left out naming no record, its text rewritten with "(Ref: …)". A column names records
    only where two rows at least name one the workbook or the office holds: the sheet is refused as an action list,
    as before, saying so; the risks beside it are read."""
    risks: list[list[object]] = [["Risk ID", "Risk", "Owner"], ["R-1", "The supplier delivers late", "Ana Silva"],
                                 ["R-2", "The budget is cut in Q3", "Ben Ode"]]
    actions: list[list[object]] = [["#", "Action", "Ref", "Owner"],
                                   [1, "Call the vendor about the broken scanner", "Ticket 4512 raised with the vendor",
                                    "Ana Silva"],
                                   [2, "Reset the VPN keys", "Incident 2231", "Ben Ode"],
                                   [3, "Replace the pump seal", "Problem 2 of the pump", "Ben Ode"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Risks": risks, "Actions": actions}))
    assert not [s for s in plan.sheets if s.sheet == "Actions"]
    why = dict(plan.skipped_sheets)["Actions"]
    assert "no record of the workbook or the office has that ID" in why and "“4512”" in why
    assert set(named(sqlite_store, "risks")) == {"The supplier delivers late", "The budget is cut in Q3"}
    assert rows_of(sqlite_store, "issue_actions") == []


def test_an_action_list_naming_the_workbooks_risks_is_still_read_under_them(sqlite_store, tmp_path):
    """Guard (passes on main too): "Source" of "Risk R-1 / PRD M-02" naming the risk sheet's records: the risks'
    actions, each under its risk (left60's rule), the risks known to the workbook."""
    risks: list[list[object]] = [["Risk ID", "Risk", "Owner"], ["R-1", "The supplier delivers late", "Ana Silva"],
                                 ["R-2", "The budget is cut in Q3", "Ben Ode"]]
    actions: list[list[object]] = [["#", "Action", "Source / Trigger", "Owner"],
                                   [1, "Sign a penalty clause", "Risk R-1 / PRD M-02", "Ana Silva"],
                                   [2, "Ask for a second quote", "Risk R-1", "Ana Silva"],
                                   [3, "Freeze hiring until July", "Risk R-2", "Ben Ode"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Risks": risks, "Actions": actions}))
    got = {a["description"].split(" (")[0] for a in rows_of(sqlite_store, "risk_actions")}
    assert got == {"Sign a penalty clause", "Ask for a second quote", "Freeze hiring until July"}


@pytest.mark.parametrize("header", [["Deliverable", "Status", "Notes"], ["Entregable", "Estado", "Notas"],
                                    ["Livrable", "Responsable", "Statut"]])
def test_a_list_of_deliverables_is_refused_saying_what_it_is(sqlite_store, tmp_path, header):
    """"Deliverable | Status | Notes" (a status report of the project's deliverables): refused as "a schedule or
    task plan …, not the dependencies" or "not the risk register" — no dates, durations or predecessors make it a
    task plan. The office keeps no register of deliverables: refused saying it is a list of deliverables and how
    to keep them as milestones."""
    rows: list[list[object]] = [header, ["Project charter", "Done", "Signed by the sponsor"],
                                ["Requirements document", "In progress", "Waiting on finance"],
                                ["Test plan", "Not started", None]]
    if header[1] == "Responsable":
        rows = [header, ["Charte projet", "Ana Silva", "Terminé"], ["Plan de test", "Ben Ode", "En cours"],
                ["Manuel utilisateur", "Li Wei", "À faire"]]
    with pytest.raises(WorkbookError, match="a list of the project's deliverables and their states") as refused:
        import_all(sqlite_store, write_xlsx(tmp_path / "status.xlsx", {"Sheet1": rows}))
    assert f"map “{header[0]}” to Milestone" in str(refused.value)


def test_a_risk_and_control_matrix_reads_its_risk_not_a_form_of_its_header(sqlite_store, tmp_path):
    """A risk-and-control matrix under blank rows: a two-row header ("Responsabilidad del Control" over "Asignación |
    Cargo"), one risk merged down over the four rows of its controls "C1" … "C4". The controls' codes down the rows
    were taken for a form's labels ("C3" naming a field by its letter), the sheet read as one form of its header — a
    risk "Riesgo \"+\"" whose notes paired header with header ("Zona Geográfica: Macro proceso"), the real risk lost.
    A code is never a form's label: the risk is read, its controls kept, no junk. (The matrix counted as
    a second form made the one form beside it "two forms of one register"; alone, it stays unread, as before.)"""
    head: list[object] = ["Zona Geográfica", "Macro proceso", "Proceso", "Servicios", "Objetivo", "ID", "Responsable",
                          "Riesgo", "Riesgo \"+\"", "Descripción del Riesgo", "Tipo de Actividad", "Causa",
                          "Factor de riesgo", "Probabilidad", "Impacto", "Consecuencia", "Severidad del Riesgo Inherente",
                          None, "No.", "Descripción del Control", None, "Responsabilidad del Control", None,
                          "Tipo de Control", "Naturaleza del Control", "Ejecución del Control"]
    sub: list[object] = [None] * 21 + ["Asignación", "Cargo", "Tipo", None, None]
    risk: list[object] = ["Todas", "Gestión", "Soporte", "Datos", "Definir la metodología", "R5", "Por definir",
                          "El personal entra en áreas no autorizadas", "El personal debe mejorar su cultura",
                          "No sigue los procedimientos de acceso", "OT", "Falta de comunicación", "Recurso Humano",
                          "Probable", "Significativo", "Pérdida de información", "Moderado", None, "C1",
                          "Autorización en el acceso", None, "Asignado", "Jefe de central", "Detectivo",
                          "Dependiente de T.I.", "Fuerte"]
    rows: list[list[object]] = [[None] * 26 for _ in range(8)] + [head, sub, risk]
    for code, text, who, how in [("C2", "El guardia verifica el documento", "Guardia", "Manual"),
                                 ("C3", "Un acompañante sigue al colaborador", "Jefe de central", "Manual"),
                                 ("C4", "Control físico de la puerta", "Seguridad", "Automático")]:
        row: list[object] = [None] * 26
        row[18:26] = [code, text, None, "Asignado", who, "Detectivo", how, "Moderado"]
        if code == "C2":
            row[10], row[11], row[12] = "MANTENIMIENTO", "Falta de pertenencia", "Recurso Humano"
        rows.append(row)
    merges = [f"{col}11:{col}14" for col in "ABCDEFGHIJNOPQ"] + ["V9:W9"] + \
        [f"{col}9:{col}10" for col in "ABCDEFGHIJKLMNOPQSTXYZ"]
    form: list[list[object]] = [["ID", "R6"], ["Riesgo", "El proveedor entrega tarde"], ["Responsable", "Ana Silva"],
                                ["Probabilidad", "Probable"], ["Impacto", "Alto"]]  # a second risk, as a form
    import_all(sqlite_store, write_xlsx(tmp_path / "Matriz de riesgos y controles.xlsx",
                                        {"Matriz de riesgos": rows, "Riesgo R6": form}, {"Matriz de riesgos": merges}))
    got = named(sqlite_store, "risks")
    assert set(got) == {"El personal entra en áreas no autorizadas"}  # one form alone stays a form (no record)
    assert got["El personal entra en áreas no autorizadas"]["code"] == "R5"
    said = (got["El personal entra en áreas no autorizadas"]["notes"] or "") + " ".join(
        a["description"] for a in rows_of(sqlite_store, "risk_actions"))
    assert "Control físico de la puerta" in said


@pytest.mark.parametrize("header", ["Descripción del Control", "Control description"])
def test_a_sheet_rating_controls_makes_no_risks_and_a_control_is_the_response(sqlite_store, tmp_path, header):
    """A control-rating sheet "Descripción del Control | Ejecución del control | Calificación" beside the risk
    register: the control's description was taken for a risk's title (junk risks "Diseño del Control"). A control's
    description is the risk's response where it stands beside a risk (as "Control" is), and names no risk alone."""
    risks: list[list[object]] = [["ID", "Riesgo", "Probabilidad", "Impacto", header],
                                 ["R1", "El proveedor entrega tarde", 3, 4, "Penalidad en el contrato"],
                                 ["R2", "La base de datos se satura", 2, 5, "Prueba de carga mensual"]]
    rating: list[list[object]] = [[header, "Ejecución del control", "Calificación del control"],
                                  ["Diseño del control", "Total diseño del control", "Total calificación"],
                                  ["Asignación", "Fuerte", "Moderado"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "riesgos.xlsx", {"Riesgos": risks, "Calificación controles": rating}))
    assert set(named(sqlite_store, "risks")) == {"El proveedor entrega tarde", "La base de datos se satura"}
    assert {a["description"] for a in rows_of(sqlite_store, "risk_actions")} == {"Penalidad en el contrato",
                                                                                "Prueba de carga mensual"}
