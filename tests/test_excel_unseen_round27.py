"""Classes of problem found on round 27 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all
from real_world_factory import write_csv, write_xls, write_xlsx

from pmo_desktop.models.store import Store


def _numbered_risks(numbers: list[int], title: str) -> list[list[object]]:
    rows: list[list[object]] = [[], [None, None, None, None, "Risk Register"], [],
                                ["Risk Categories", None, "Numbers of risks", None, "Risk SubTitles", None, None,
                                 None, None, "Risk Probability", None, "Risk Impact"], []]
    for i, n in enumerate(numbers):
        rows.append(["Resources" if i == 0 else None, None, n, None, f"{title} {n}", None, None, None, None,
                     (n % 7) + 1, None, (n % 5) + 5])
    return rows


def test_numbers_of_the_registers_noun_with_a_gap_are_the_ids(sqlite_store, tmp_path):
    """A risk list whose columns stand one empty column apart, "Risk Categories | Numbers of risks | Risk
    SubTitles | Risk Probability | Risk Impact", the risks numbered 1 … 7, 10, 11 … (two taken out since):
    the numbers were dropped as a table beside the list and the risks numbered R-001 … by the office. A word
    for number before the register's noun heads the records' own numbers, and numbers in order with a gap do
    not merely count the rows."""
    numbers = [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14]
    path = write_xlsx(tmp_path / "Risk-Register.xlsx", {"Sheet1": _numbered_risks(numbers, "Risk subtitle")})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == sorted(str(n) for n in numbers)
    assert got["10"]["title"] == "Risk subtitle 10"

    # numbers running 1, 2, 3 … one by one may only count the rows: the office numbers the risks, as before
    # (in an office of its own: the mapping the import above saved is not the one used)
    other = Store.create(tmp_path / "other.pmo")
    try:
        path = write_xlsx(tmp_path / "Risk-Register.xlsx", {"Sheet1": _numbered_risks(list(range(1, 13)), "Risk")})
        import_all(other, path)
        got = by_code(other, "risks")
        assert len(got) == 12 and all(code.startswith("R-") for code in got)
    finally:
        other.close()


def test_a_decision_made_by_someone_names_who_decided(sqlite_store, tmp_path):
    """An architecture decision log, "decision_id | decision_date | decision_text | rationale | status |
    made_by": the one who made each decision was kept in the notes, so no decision could be Decided (every one
    Pending, "Approved" in the notes). "Made by" (or "taken by") is who decided."""
    path = write_csv(tmp_path / "decision_log.csv", [
        ["decision_id", "decision_date", "decision_text", "rationale", "status", "made_by"],
        ["DEC001", "2024-07-15", "Adopt serverless functions for the calculation engine", "Scales with load",
         "Approved", "Alex Rivera"],
        ["DEC002", "2024-07-15", "Relational storage for the rules", "Rules are structured", "Approved",
         "Jordan Patel"],
        ["DEC003", "2024-05-20", "External identity provider", "No custom auth server", "Conditionally Approved",
         "Taylor Barker"],
    ])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert {c: (d["decided_by"], d["status"]) for c, d in got.items()} == {
        "DEC001": ("Alex Rivera", "Decided"), "DEC002": ("Jordan Patel", "Decided"),
        "DEC003": ("Taylor Barker", "Decided")}


def test_an_audits_checks_that_passed_are_no_issues(sqlite_store, tmp_path):
    """A data-quality audit saved as "issue_log.csv", "Rule | Issue | Count | Severity | Status", each check
    PASS with a count of 0: read as one open issue a check, though none found anything. A row whose check
    passed is no issue (the report says so); one that failed is."""
    rules = ["Product ID", "Product Name", "Category", "Order Date", "Region"]
    rows: list[list[object]] = [["Rule", "Issue", "Count", "Severity", "Status"]]
    rows += [[f"Missing values - {r}", f"Null/blank values in {r}", 0, "High", "PASS"] for r in rules]
    path = write_csv(tmp_path / "issue_log.csv", rows)
    plan = import_all(sqlite_store, path)
    assert by_code(sqlite_store, "issues") == {}
    assert any("a check that passed (“PASS” under “Status”)" in r.reason for r in plan.reports)
    rows.append(["Duplicate rows", "Completely duplicated records", 3, "High", "FAIL"])
    path = write_csv(tmp_path / "issue_log.csv", rows)
    import_all(sqlite_store, path)
    assert [i["title"] for i in by_code(sqlite_store, "issues").values()] == ["Completely duplicated records"]


def test_groups_people_or_organisations_name_the_stakeholders(sqlite_store, tmp_path):
    """A Spanish stakeholder register (.xls), "Grupos, Personas u Organizaciones | Rol en el proyecto |
    Intereses | Problemas percibidos | Recursos y mandato | Nivel de influencia | Interés en el proyecto", the
    "Intereses" column left empty: the stakeholders were named by their roles, the groups kept in the notes,
    one with no role left out; the empty "Intereses" took the interest and the filled "Interés en el proyecto"
    went to the notes. The column of groups, people or organisations names them; an empty column yields its
    field to the filled one naming it too."""
    path = write_xls(tmp_path / "Stakeholders.xls", {"Registro de interesados": [
        [None, "Registro de interesados (Stakeholders)"], [],
        [None, "Grupos, Personas u Organizaciones", "Rol en el proyecto", "Intereses", "Problemas percibidos",
         "Recursos y mandato", "Nivel de influencia", "Interés en el proyecto"],
        [None, "Adultos que realizan las compras del hogar", "Usuario", None, "Debe esperarse tiempo en fila",
         None, "Alto", "Bajo"],
        [None, "Grandes superficies y supermercados", "Cliente / Patrocinador", None, None,
         "Puede impedir acceso a la información", "Medio", "Alto"],
        [None, "Superintendencia Industria y Comercio", None, None, None,
         "Tiene capacidad de reglamentar el manejo de la información", None, None],
        [None, "LosPrecios.co", "Proveedor API datos abiertos", None, None, None, "Bajo", "Medio"],
    ]})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert sorted(got) == ["Adultos que realizan las compras del hogar", "Grandes superficies y supermercados",
                           "LosPrecios.co", "Superintendencia Industria y Comercio"]
    assert got["LosPrecios.co"]["role"] == "Proveedor API datos abiertos"
    assert (got["Adultos que realizan las compras del hogar"]["power"],
            got["Adultos que realizan las compras del hogar"]["interest"]) == (4, 2)
    assert got["Grandes superficies y supermercados"]["interest"] == 4


def test_the_column_naming_the_person_is_the_owner(sqlite_store, tmp_path):
    """A Spanish risk list, "Consecutivo | Descripción del riesgo | Frente responsable | Nombre del
    responsable | Impacto (1-5) | Estado del Riesgo": the team ("Frente responsable") was the owner and the
    name of the one who answers for the risk went to the notes. Of two columns naming the owner, the one
    whose header says it is the name is the owner; the team is kept in the notes."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Descripcion": [
        ["Consecutivo", "Descripción del riesgo", "Frente responsable", "Nombre del responsable",
         "Impacto (1-5)", "Estado del Riesgo"],
        [4, "Probabilidad de que el equipo no posea los roles requeridos", "Seguridad", "Laura Gómez", 3, "Abierto"],
        [5, "Probabilidad de que el equipo no posea acceso a la aplicación", "QA", "Scrum Master QA", 3, "Cerrado"],
        [6, "Probabilidad de que las aplicaciones no sean de fácil entendimiento", "Proveedor", "Carlos Ruiz", 4,
         "Abierto"],
    ]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: r["owner"] for c, r in got.items()} == {"4": "Laura Gómez", "5": "Scrum Master QA",
                                                       "6": "Carlos Ruiz"}
    assert "Frente responsable: Seguridad" in got["4"]["notes"]


def test_one_list_of_stakeholders_over_three_sheets_is_one_register(sqlite_store, tmp_path):
    """A Portuguese stakeholder workbook lists the same groups on three sheets, each under a band of captions
    merged over two columns ("Inventário de stakeholders" over "Grupos de stakeholders | Descrição"):
    expectations, then power and interest, then engagement and strategy (one group positive and negative on
    two merged lines). Only the power sheet was read: the expectations and the engagement were lost. A
    description under a caption naming the records names them, a caption naming a field names what the
    column under it describes, the sheets' names in the plural or not name the register; the three lists
    make one record per group, a line both sheets give kept once, a second level of a merged record kept in
    the notes."""
    groups = ["Equipe de projeto", "Políticos engajados", "Munícipes engajados", "Empresas de comunicação"]
    inventory = [["Inventário de stakeholders", None, "Expectativa e requisitos", None],
                 ["Grupos de\n stakeholders", "Descrição", "Descrição", "Grau Ex/Req"]]
    inventory += [[n, g, f"Deseja {g.lower()} informado", "Alta"] for n, g in enumerate(groups, 1)]
    influence = [["Inventário de stakeholders", None, "Poder  X interesse", None, "Influência potencial no projeto"],
                 ["Grupos de\n stakeholders", "Descrição", "Poder", "Interesse", "Justificativa da Influência",
                  "Grau de Influência"]]
    influence += [[n, g, 10 - n, 9 - n, f"Pode interferir ({n})", "Alto"] for n, g in enumerate(groups, 1)]
    engagement = [["NÍVEL DE ENGAJAMENTO E ESTRATÉGIA PARA LIDAR COM STAKEHOLDERS"],
                  ["Grupos de\n stakeholders", "Descrição", "Engajamento", "Inconsciente", "Resistente", "Neutro",
                   "Favorável", "Favorável e Apoiador", "Estratégia"]]
    engagement += [[1, groups[0], "Positivo", None, None, None, None, None, "Manter"],
                   [2, groups[1], "Positivo", None, None, None, None, None, "Manter"],
                   [3, groups[2], "Positivo", None, None, None, None, None, "Manter"],
                   [None, None, "Negativo", None, None, None, None, None, "Demonstrar a importância"],
                   [4, groups[3], "Negativo", None, None, None, None, None, "Mostrar os benefícios"]]
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {
        "Inventário de stakeholder": inventory, "Influência dos stakeholder": influence,
        "Engajamento dos stakeholders": engagement},
        merges={"Inventário de stakeholder": ["A1:B1", "C1:D1"], "Influência dos stakeholder": ["A1:B1", "C1:D1"],
                "Engajamento dos stakeholders": ["A1:I1", "A5:A6", "B5:B6"]})
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in by_code(sqlite_store, "stakeholders").values()}
    assert sorted(got) == sorted(groups)
    team = got["Equipe de projeto"]
    assert team["concerns"] == "Deseja equipe de projeto informado"
    assert (team["power"], team["interest"], team["current_engagement"]) == (5, 4, "Supportive")
    assert "Estratégia: Manter" in team["notes"] and team["notes"].count("Grupos de stakeholders: 1") == 1
    assert got["Empresas de comunicação"]["current_engagement"] == "Resistant"
    town = got["Munícipes engajados"]
    assert town["current_engagement"] == "Supportive" and "Engajamento: Negativo" in town["notes"]
