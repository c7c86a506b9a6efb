"""Import classes round 21 left (issue 12), and left20's leftovers: each test writes a workbook of that shape, in
more than one language or position, and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def _phased_register(header: list[str], lead: int, rows: list[list], key_rows: list[list]) -> list[list]:
    """A register whose first ``lead`` columns are unheaded phase marks, the key rows under it past a gap."""
    return [["Project X - Risk Register"], [], [None] * lead + header, *rows, [], *key_rows]


def test_phases_a_ranks_key_and_category_codes_spelled_out_by_a_key(sqlite_store, tmp_path):
    """cis-famu's shape: the phase of each risk written once in an unheaded column at the left (carried down to
    the rows under it), a "Rank" of numbers with its own key under the table (1 Disaster … 7 Excelsior!), and
    categories written as codes that a "Categories Key" spells out. The category takes the key's meaning (its
    code kept in the notes), the rank keeps its number with the key's word, the phase is kept in the notes;
    an abbreviation key beside it ("D | Delay") spells out nothing (no column is written in its codes); a code
    the key does not list stays as written."""
    header = ["No.", "Rank", "Risk", "Category", "Owner", "Probability", "Impact"]
    rows = [["Initiating", "I1", 1, "D team", "HR1", "PM Unit", "high", "low"],
            [None, "I2", 2, "F team", "HR1", "PM Unit", "low", "medium"],
            [None, "I3", 3, "E team", "TC", "PM Unit", "low", "high"],
            ["Planning", "P1", 4, "D plan", "HR2", "PM Unit", "medium", "high"],
            [None, "P2", 3, "F plan", "Budget", "PM Unit", "high", "high"],
            ["Design", "D1", 6, "E design", "TC", "D Unit", "medium", "low"],
            [None, "D2", 7, "D design", "HR2", "D Unit", "low", "medium"]]
    key = [[None, None, "Risk Rank", None, None, "Risk Abbreviations Key"],
           [None, None, 1, "Disaster", None, "D", "Delay"],
           [None, None, 2, "Debacle", None, "E", "Early"],
           [None, None, 3, "Issue", None, "F", "Failure"],
           [None, None, 4, "To be observed"],
           [None, None, 5, "Minor success", None, "Categories Key"],
           [None, None, 6, "Success", None, "HR1", "Human Resources Internal"],
           [None, None, 7, "Excelsior!", None, "HR2", "Human Resources External"],
           [None, None, None, None, None, "TC ", "Technology"]]
    path = write_xlsx(tmp_path / "Risk_register.xlsx", {"Sheet1": _phased_register(header, 1, rows, key)})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in named(sqlite_store, "risks").values()}
    assert sorted(risks) == ["D1", "D2", "I1", "I2", "I3", "P1", "P2"]
    assert "Rank: 1 (Disaster)" in risks["I1"]["notes"] and "Rank: 7 (Excelsior!)" in risks["D2"]["notes"]
    assert "Category: HR1 (Human Resources Internal)" in risks["I1"]["notes"]
    assert "Category: TC (Technology)" in risks["I3"]["notes"]
    assert risks["I1"]["category"] != "HR1" and risks["I3"]["category"] != "TC"
    # "Budget", no code of the key: read as any category (its own word kept in the notes where the office's
    # list stores it as another, left22), never spelled out by the key
    assert "Category: Budget (" not in risks["P2"]["notes"]
    assert [("Group: Initiating" in risks[c]["notes"]) for c in ("I1", "I2", "I3", "P1")] == [True] * 3 + [False]
    assert "Group: Planning" in risks["P2"]["notes"] and "Group: Design" in risks["D2"]["notes"]
    assert risks["I1"]["title"] == "D team"  # the abbreviation key spells out no column


@pytest.mark.parametrize("lang", ["es", "de"])
def test_a_category_key_beside_the_table_in_other_languages(sqlite_store, tmp_path, lang):
    """The same key written to the right of the table, in Spanish or German ("Clave de categorías" /
    "Kategorien-Schlüssel"), with the phases in two unheaded columns (a group of groups at the far left): the
    category is the key's meaning, every phase label kept."""
    if lang == "es":
        header = ["ID", "Riesgo", "Categoría", "Responsable", "Probabilidad", "Impacto"]
        caption, meanings, words = "Clave de categorías", ["Personal interno", "Tecnología"], ("alta", "baja")
    else:
        header = ["ID", "Risiko", "Kategorie", "Verantwortlich", "Wahrscheinlichkeit", "Auswirkung"]
        caption, meanings, words = "Kategorien-Schlüssel", ["Internes Personal", "Technologie"], ("hoch", "niedrig")
    hi, lo = words
    body = [["Fase 1", "Inicio", "R1", "Equipo tarde", "K1", "Ana", hi, lo],
            [None, None, "R2", "Equipo incompleto", "K2", "Ana", lo, hi],
            [None, "Diseño", "R3", "Diseño inconsistente", "K1", "Luis", lo, lo],
            [None, None, "R4", "Pantallas complejas", "K2", "Luis", hi, hi],
            ["Fase 2", "Cierre", "R5", "Informe tarde", "K1", "Eva", lo, hi],
            [None, None, "R6", "Lecciones perdidas", "K2", "Eva", hi, lo]]
    side = {0: [caption], 1: ["K1", meanings[0]], 2: ["K2", meanings[1]]}
    sheet = [[None, None, *header]] + [row + [None, *side.get(i, [])] for i, row in enumerate(body)]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": sheet})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in named(sqlite_store, "risks").values()}
    assert sorted(risks) == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert f"K1 ({meanings[0]})" in risks["R5"]["notes"] and f"K2 ({meanings[1]})" in risks["R2"]["notes"]
    assert "K1" not in {r["category"] for r in risks.values()}
    assert "Group: Diseño" in risks["R4"]["notes"] and "Group: Fase 1" in risks["R4"]["notes"]
    assert "Group: Fase 2" in risks["R6"]["notes"] and "Group: Cierre" in risks["R6"]["notes"]
    assert "Group: Fase 1" not in risks["R6"]["notes"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_owner_written_as_a_sentence_opening_with_a_role_the_column_names(sqlite_store, tmp_path, lang):
    """Sertina's shape: "Risk Owner — name of the person who monitors the risk and why", some cells a name and
    a reason ("Chris Moody, Project Manager. As this …"), some only a sentence opening with a role without a
    stop after it ("Project manager monitors the risk, PM is …"). The role the column names elsewhere is the
    owner (one person with the name's spelling), the sentence kept in the notes; a sentence opening with a role
    the column names nowhere else names no one made up from its first words."""
    if lang == "en":
        header = ["ID", "Risk", "Risk Owner", "Probability", "Impact"]
        owners = ["Chris Moody, Project Manager. As this could hit the schedule he should respond to it.",
                  "Project manager monitors the risk, PM is an ideal resource because he knows the scope well.",
                  "Olga Zaiats, Project Coordinator. This would impact deliveries which she schedules.",
                  "Project coordinator monitors the risk as this will have an impact on the team operations.",
                  "Finance lead monitors the risk as the budget could run over by the end of the year."]
        pm, pc, unknown = "Project Manager", "Project Coordinator", "Finance lead"
    else:
        header = ["ID", "Riesgo", "Responsable", "Probabilidad", "Impacto"]
        owners = ["Carlos Mora, Jefe de Proyecto. Como esto afecta al calendario, debe responder él.",
                  "Jefe de proyecto supervisa el riesgo, es el recurso ideal porque conoce bien el alcance.",
                  "Olga Ruiz, Coordinadora del proyecto. Esto afectaría a las entregas que ella organiza.",
                  "Coordinadora del proyecto vigila el riesgo porque afecta a las operaciones del equipo.",
                  "Responsable financiero vigila el riesgo porque el presupuesto podría excederse este año."]
        pm, pc, unknown = "Jefe de Proyecto", "Coordinadora del proyecto", "Responsable financiero"
    rows = [[f"R{i}", f"Risk number {i}", owner, 2, 3] for i, owner in enumerate(owners, 1)]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Register": [header, *rows]})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in named(sqlite_store, "risks").values()}
    assert risks["R2"]["owner"] == pm and risks["R4"]["owner"] == pc
    assert owners[1] in risks["R2"]["notes"] and owners[3] in risks["R4"]["notes"]
    assert risks["R5"]["owner"] != unknown
    people = {r["name"] for r in rows_of(sqlite_store, "people")}
    assert pm in people and not any(p.lower() == pm.lower() and p != pm for p in people)


@pytest.mark.parametrize("lang, at", [("en", 0), ("fr", 2)])
def test_stakeholder_groups_each_with_its_definition_beside_it(sqlite_store, tmp_path, lang, at):
    """katywren's shape: a sheet holding only "Stakeholder Group | Definition" over one group a row, each with
    what it means beside it (a sentence, a list of examples). Each group is a stakeholder, its definition kept in
    its notes under the column's header; in French, further right and down the sheet. A scale beside it with
    its meanings ("Risk Level | Meaning" over "Low | Minor delay": level words) or points ("Low | 1") is no
    list of risks."""
    if lang == "en":
        head = ["Stakeholder Group", "Definition"]
        groups = [("Research communities", "Practitioners from all research fields, clustered by discipline"),
                  ("Data stewards", "Support staff from research communities and libraries"),
                  ("Funders", "The European Commission, national research funders, charities"),
                  ("Publishers", "Not-for-profit and commercial publishers of research")]
    else:
        head = ["Groupe de parties prenantes", "Définition"]
        groups = [("Communautés de recherche", "Chercheurs de toutes disciplines, regroupés par domaine"),
                  ("Gestionnaires de données", "Personnel d'appui des laboratoires et des bibliothèques"),
                  ("Financeurs", "La Commission européenne, les agences nationales, les fondations"),
                  ("Éditeurs", "Éditeurs commerciaux et à but non lucratif de la recherche")]
    pad = [None] * at
    sheet = [[]] * at + [pad + head] + [pad + [g, d] for g, d in groups]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {
        "Sheet1": sheet,
        "Levels": [["Risk Level", "Meaning"], ["Low", "Minor delay"], ["Medium", "A milestone moves"],
                   ["High", "Programme at stake"]],
        "Points": [["Risk Level", "No"], ["Low", 1], ["Moderate", 2], ["High", 3]]})
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "risks")
    got = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert sorted(got) == sorted(g for g, _ in groups)
    for g, d in groups:
        assert f"{head[1]}: {d}" in (got[g]["notes"] or "")


@pytest.mark.parametrize("caption", ["List of Stakeholders", "Interesados"])
def test_names_under_a_caption_go_on_after_an_empty_row(sqlite_store, tmp_path, caption):
    """left20's leftover: a list of names one a row under a caption naming the register, an empty row in the
    middle of it (two groups of names): every name is a stakeholder, not only those above the gap."""
    names = ["Sponsor", "Suppliers", "Project team", "Regulator", "End users"]
    sheet = [[None, caption], [None, names[0]], [None, names[1]], [None, names[2]], [], [None, names[3]],
             [None, names[4]]]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {"Sheet1": sheet})
    import_all(sqlite_store, path)
    assert sorted(r["name"] for r in rows_of(sqlite_store, "stakeholders")) == sorted(names)


@pytest.mark.parametrize("shape", ["plain", "captioned"])
def test_a_milestone_trackers_own_status_is_kept_and_the_met_ones_said(sqlite_store, tmp_path, shape):
    """A KPI dashboard's "Milestone Tracker" sheet (Milestone | Due Date | Status | Owner | Notes, "Done" /
    "In Progress" / "Pending") beside a dashboard: its rows are milestones, each keeping the sheet's status in
    its notes under the column's header (the office works a milestone's state out from its dates), and the
    preview says which are met with no date met; the dashboard imports nothing. Also under a caption, further
    right, in other words ("Completed", "Ongoing", "Not started")."""
    if shape == "plain":
        head, words, pad, top = ["Milestone", "Due Date", "Status", "Owner", "Notes"], ["Done", "In Progress",
                                                                                          "Pending"], [], []
    else:
        head, words = ["Milestone", "Due Date", "Owner", "Status", "Notes"], ["Completed", "Ongoing", "Not started"]
        pad, top = [None, None], [["Key milestones of the rollout"], []]
    when = ["2026-04-01", "2026-04-05", "2026-04-10", "2026-04-15"]
    names = ["Planning complete", "Dashboard set up", "Stakeholder review", "Final sign-off"]
    states = [words[0], words[0], words[1], words[2]]
    notes = ["On time", "First version", "Awaiting feedback", None]
    rows = [[n, w, s, "Divya", x] if shape == "plain" else [n, w, "Divya", s, x]
            for n, w, s, x in zip(names, when, states, notes)]
    path = write_xlsx(tmp_path / "Project_KPI_Dashboard.xlsx", {
        "Dashboard Overview": [["Project Name", "Status", "Progress %", "Budget", "Actual Spend", "Variance"],
                               ["CRM Upgrade", "Green", 0.85, 50000, 46000, 4000],
                               ["Reporting", "Amber", 0.65, 30000, 28000, 2000]],
        "Milestone Tracker": [*top, pad + head, *(pad + r for r in rows)]})
    plan = import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "milestones")}
    assert sorted(got) == sorted(names)
    assert f"Status: {words[0]}" in got["Planning complete"]["notes"]
    assert f"Status: {words[1]}" in got["Stakeholder review"]["notes"]
    assert not got["Planning complete"]["actual"]  # no date met is made up
    said = " ".join(s.note for s in plan.sheets)
    assert "2 milestones are met" in said
    assert all(not rows_of(sqlite_store, r) for r in ("risks", "benefits", "projects"))



@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_kept_columns_text_going_on_alone_in_the_row_below_stays_with_its_record(sqlite_store, tmp_path, lang):
    """Giotex's shape (left20's leftover): a column the office keeps in the notes ("RECURSOS") written over three
    rows of a record, the last holding nothing else ("REGISTRO"): that line is the record's too, not a note
    skipped as having no values."""
    if lang == "es":
        head = ["IDENTIFICACIÓN DEL RIESGO", "ACCIONES A TOMAR", "RESPONSABLE", "RECURSOS"]
        body = [["CÁMARAS INSUFICIENTES", "INSTALAR CÁMARAS", "SISTEMAS", "CÁMARAS DE SEGURIDAD,"],
                [None, "EN PUNTOS CIEGOS", None, "TUBERIAS, CAJAS DE"],
                [None, None, None, "REGISTRO"],
                [],
                ["SERVIDOR LLENO", "COMPRAR OTRO SERVIDOR", "SISTEMAS", "SERVIDOR NAS"],
                [],
                ["RACK A LA INTERPERIE", "MOVER EL RACK", "GERENCIA", "UN CUARTO"]]
        last = "REGISTRO"
    else:
        head = ["Risk", "Actions", "Owner", "Resources needed"]
        body = [["Too few cameras", "Install cameras", "IT", "Security cameras,"],
                [None, "at the blind spots", None, "pipes, junction"],
                [None, None, None, "boxes"],
                ["Server full", "Buy a second server", "IT", "NAS server"],
                ["Rack outdoors", "Move the rack", "Management", "A locked room"]]
        last = "boxes"
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": [head, *body]})
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert len(risks) == 3
    first = risks[body[0][0]]
    assert first["notes"].rstrip().endswith(last)
    assert not any("no values" in r.report.reason for s in plan.sheets for r in s.rows)


@pytest.mark.parametrize("plan_header", ["Medidas de mitigación", "Medidas de mitigação", "Actions of mitigation"])
def test_a_plan_header_made_of_two_names_of_the_plan_is_the_plan(sqlite_store, tmp_path, plan_header):
    """left20's leftover: "Medidas de mitigación" names the response plan twice ("medidas", "mitigación", each a
    name of it) joined by "de": the column is the plan, each text a risk's response action, not a note."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Riesgos": [
        ["ID", "Riesgo", "Probabilidad", "Impacto", plan_header],
        ["R1", "Retraso del proveedor", 3, 4, "Buscar un segundo proveedor"],
        ["R2", "Pérdida de datos", 2, 5, "Copias de seguridad diarias"],
        ["R3", "Falta de personal", 4, 3, "Contratar apoyo temporal"]]})
    import_all(sqlite_store, path)
    actions = {r["description"] for r in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Buscar un segundo proveedor", "Copias de seguridad diarias", "Contratar apoyo temporal"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_first_block_of_a_table_wrapped_over_two_rows_is_one_record(sqlite_store, tmp_path, lang):
    """left20's leftover: records one a block, blocks parted by empty rows, each record's texts wrapped over two
    rows, the status, owner and date on the second. The rule joined every block but the first (no earlier block
    showed the shape yet); once the later blocks show each holds one record, the first block's two rows are one
    record too. A first block of two whole records (each row with its status) stays two."""
    if lang == "es":
        head = ["PARTES INTERESADAS", "IDENTIFICACIÓN DEL RIESGO", "ACCIONES A TOMAR", "RESPONSABLE", "ESTADO",
                "FECHA ESTADO"]
        first = [["SISTEMAS", "SERVIDOR NAS CON POCO ESPACIO", "SOLICITAR LA COMPRA", None, None, None],
                 [None, "DE ALMACENAJE RESTANTE", "DE OTRO SERVIDOR", "SISTEMAS", "ABIERTO", "2021-07-12"]]
        later = [["GERENCIA", "CÁMARAS INSUFICIENTES", "INSTALAR CÁMARAS", "SISTEMAS", "ABIERTO", "2021-07-12"],
                 ["SISTEMAS", "RACK A LA INTERPERIE", "MOVER EL RACK", "GERENCIA", "CERRADO", "2021-07-12"],
                 ["COMPRAS", "PROVEEDOR LENTO", "BUSCAR OTRO", "COMPRAS", "ABIERTO", "2021-07-13"]]
        joined = "SERVIDOR NAS CON POCO ESPACIO DE ALMACENAJE RESTANTE"
    else:
        head = ["Stakeholders", "Risk", "Actions to take", "Owner", "Status", "Status date"]
        first = [["IT", "NAS server running out", "Ask to buy", None, None, None],
                 [None, "of storage space", "a second server", "IT", "Open", "2021-07-12"]]
        later = [["Board", "Too few cameras", "Install cameras", "IT", "Open", "2021-07-12"],
                 ["IT", "Rack left outdoors", "Move the rack", "Facilities", "Closed", "2021-07-12"],
                 ["Buying", "Slow supplier", "Find another", "Buying", "Open", "2021-07-13"]]
        joined = "NAS server running out of storage space"
    sheet = [head, *first]
    for row in later:
        sheet += [[], row]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": sheet})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert sorted(risks) == sorted([joined] + [r[1] for r in later])
    assert risks[joined]["owner"]

    # two whole records in the first block: each its own risk
    whole = [first[0][:3] + later[0][3:], [None, first[1][1], first[1][2], *later[1][3:]]]
    sheet = [head, *whole]
    for row in later:
        sheet += [[], row]
    path = write_xlsx(tmp_path / "Riesgos2.xlsx", {"Hoja1": sheet})
    import_all(sqlite_store, path)
    assert {first[0][1], first[1][1]} <= set(named(sqlite_store, "risks"))


def test_a_dropdowns_list_beside_the_status_column_spells_out_nothing(sqlite_store, tmp_path):
    """A RAID log whose drop-down lists are written in the column right of "Status" (Risk, Assumption, … Open,
    Closed, Critical …), one a row beside the records: where "Open" stands alone over "Closed | Open" and
    "Open | Closed" it looked like a key captioned "Open" turning each status into the other. A key whose
    meanings are values the column holds itself lists the column's choices; it spells out nothing."""
    header = ["No", "RAID Category", "Description", "Impact", "Owner", "Priority", "RPN (for risks)", "Status"]
    rows = [[1, "Risk", "Database is static", "Training slowed", "PM", "High", None, "Open", "Risk"],
            [2, "Risk", "Input data not pertinent", "Poor advice", "PM", "Moderate", None, "Open", "Assumption"],
            [3, "Risk", "Several domains", "Ambiguous model", "PM", "High", None, "Open"],
            [4, "Issue", "Model inaccurate", "Wrong advice", "PM", "High", None, "Closed", "Open"],
            [5, "Issue", "Event names wrong", "Wrong people", "PM", "Critical", None, "Open", "Closed"],
            [6, "Issue", "Features not extracted", "No output", "PM", "Moderate", None, "Closed"]]
    path = write_xlsx(tmp_path / "RAID.xlsx", {"RAID LOG": [["RAID Log"], [], header, *rows]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in named(sqlite_store, "risks").values()}
    issues = {r["title"]: r for r in named(sqlite_store, "issues").values()}
    assert {t: r["status"] for t, r in risks.items()} == {
        "Database is static": "Open", "Input data not pertinent": "Open", "Several domains": "Open"}
    assert [issues[t]["status"] for t in ("Model inaccurate", "Event names wrong", "Features not extracted")] == \
        ["Closed", "Open", "Closed"]
    assert not any("Status:" in (r.get("notes") or "") for r in risks.values())
