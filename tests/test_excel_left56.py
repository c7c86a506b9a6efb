"""Issue 12, left56: what stop 55's unseen sets still missed, as general rules — stakeholders listed by their group
under categories written once, opportunities written by their gains, an empty template said so, a qualified
"Controls" column beside a plan, the lessons log's refusal, and sentences of a language written without spaces.
Each test writes a workbook of the shape (never a fetched file) and failed on the code before (main c8cbaed6)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import


@pytest.mark.parametrize("head, rows", [
    (["Sub-project", "Category", "Sub-category", "Name", "Position", "Needs"],
     [["Valuation", "Senior management", None, "Kevin Wu", "CEO", "The most accurate prices in the country"],
      [None, "Users", "Dealers", None, None, "List price, real price, purchase price"],
      [None, None, "Private sellers", None, None, "Retail and private prices"],
      [None, None, "Lenders", None, None, "Retail price"],
      [None, None, None, None, None, None],
      ["Residual value", "Senior management", None, "Kevin Wu", "CEO", "Residual value of every model"],
      [None, "Users", "Dealers", None, None, None],
      [None, None, "Carmakers", None, None, "Residual values, valuations"]]),
    (["子项目", "相关方类别", "细分类别", "姓名", "组织职位", "需求"],
     [["估值项目", "公司高层", None, "可文", "CEO", "我们要做全国最准的二手车估值"],
      [None, "用户", "二手车商", None, None, "标价,真实售价,收购价"],
      [None, None, "个人", None, None, "关心零售价,个人交易价"],
      [None, None, "二手车金融贷款", None, None, "关心零售价"],
      [None, None, None, None, None, None],
      ["残值项目", "公司高层", None, "可文", "CEO", "预测所有款型的残值"],
      [None, "用户", "二手车商", None, None, None],
      [None, None, "上汽通用", None, None, "关心残值,估值"]]),
])
def test_stakeholder_groups_under_categories_written_once_are_records_of_their_own(sqlite_store, tmp_path, head, rows):
    """A stakeholder register lists its CEO by name, then user groups by their sub-category only, the category
    written once over them. The groups' needs were glued to the CEO as "continues the record" (unseen set 73: 2
    records of 9 rows). Now a row writing its own group label is a record of its own, named by its most particular
    label, its category the one written above it; the position is the role, the category the group."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Stakeholders": [head, *rows]}))
    people = rows_of(sqlite_store, "stakeholders")
    got = [(p["name"], p["role"] or None, p["group"]) for p in people]
    subs = [r[2] for r in rows if r[2]]
    ceo, users = rows[0][3], rows[1][1]
    assert got == [(ceo, "CEO", rows[0][1]), (subs[0], None, users), (subs[1], None, users), (subs[2], None, users),
                   (ceo, "CEO", rows[0][1]), (subs[3], None, users), (subs[4], None, users)]
    assert people[1]["concerns"] == rows[1][5] and rows[1][5] not in (people[0]["concerns"] or "")
    assert any("named by that group" in s.note for s in plan.sheets)


def test_an_opportunity_named_by_what_it_gains_keeps_its_strategy_among_threats(sqlite_store, tmp_path):
    """A student team's register writes three opportunities among its threats, each named by what it gains
    ("Zdobycie dużej popularności …", gaining great popularity) under "wzmocnienie" (enhance) or "wykorzystanie"
    (exploit), scattered among "redukowanie" (reduce) rows. classes68b's rule kept them threats, the strategy
    unset (unseen set 73). A name opening with something gained is the evidence the strategy needs; a threat
    given an opportunity's strategy loosely ("Brak sponsorów" under "wzmocnienie") stays a threat."""
    head = ["lp", "Opis ryzyka", "Prawdopodobieństwo", "Skutki", "Reakcja na ryzyko", "Opis reakcji"]
    polish = [head,
              [1, "Niekorzystne warunki pogodowe", 3, 2, "redukowanie", "Alternatywne miejsce"],
              [2, "Zdobycie dużej popularności w social mediach", 4, 4, "wykorzystanie", "Dalszy rozwój mediów"],
              [3, "Brak chętnych wolontariuszy", 3, 4, "redukowanie", "Ogłoszenia na ulotkach"],
              [4, "Uzyskanie zniżki w wypożyczalni sprzętu", 3, 3, "wzmocnienie", "Negocjacje z wypożyczalnią"],
              [5, "Brak sponsorów", 2, 4, "wzmocnienie", "Maile do sponsorów"],
              [6, "Awaria sprzętu", 1, 4, "redukowanie", "Sprzęt zapasowy"]]
    english = [["ID", "Risk", "Likelihood", "Impact", "Strategy"],
               ["E-1", "Server outage during the launch", 3, 4, "Reduce"],
               ["E-2", "Winning a second customer for the module", 2, 3, "Exploit"],
               ["E-3", "Key developer leaves", 2, 4, "Avoid"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Ryzyko.xlsx", {"Ryzyko": polish, "Risks": english}))
    risks = {r["code"]: (r["kind"], r["response"] or None) for r in rows_of(sqlite_store, "risks")}
    assert risks == {"1": ("Threat", "Reduce"), "2": ("Opportunity", "Exploit"), "3": ("Threat", "Reduce"),
                     "4": ("Opportunity", "Enhance"), "5": ("Threat", None), "6": ("Threat", "Reduce"),
                     "E-1": ("Threat", "Reduce"), "E-2": ("Opportunity", "Exploit"), "E-3": ("Threat", "Avoid")}


def test_an_empty_numbered_template_is_said_to_be_one_not_refused_for_a_missing_title(sqlite_store, tmp_path):
    """A meeting's action-items template: its header, then rows numbered 1–6 left empty but for two dates on the
    first. The first row was an error, "Title cannot be empty", and the workbook refused whole for it (unseen set
    72). No row of the sheet gives a title: it is an empty template, said once, nothing imported and nothing
    refused. A sheet with one titled row keeps its untitled row as an error with its reason. (Named "Log": a sheet
    named "ACTIONS" over these columns, a due date among them, is an action list, refused saying so — classes81.)"""
    from datetime import date
    head = ["ID", "%", "Date Added", "Owner", "Description", "Priority", "Target Date", "Done Date", "Status"]
    empty = [head, [1, None, None, None, None, None, date(2020, 12, 12), date(2020, 12, 12), None],
             *[[n] + [None] * 8 for n in range(2, 7)]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Meeting.xlsx", {"Log": empty}))
    assert not plan.errors and not rows_of(sqlite_store, "risks")
    assert any("An empty template: no row gives “Description”" in s.note for s in plan.sheets)
    titled = [head, [1, None, None, None, None, None, date(2020, 12, 12), None, None],
              [2, None, None, None, "Book the room", "High", None, None, None],
              *[[n] + [None] * 8 for n in range(3, 7)]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Meeting2.xlsx", {"Log": titled}))
    assert [e.row for e in plan.errors] == [2]
    # a row writing much more than a template's dates is a record missing its title: left out, not passed over
    full = [head, [1, 50, date(2020, 12, 1), "JS", None, "High", date(2020, 12, 12), None, "Open"],
            *[[n] + [None] * 8 for n in range(2, 7)]]
    plan = plan_workbook_import(sqlite_store, write_xlsx(tmp_path / "Meeting3.xlsx", {"Log": full}))
    assert [e.row for e in plan.errors] == [2]


def test_a_platforms_controls_beside_a_treatment_plan_are_controls_in_place(sqlite_store, tmp_path):
    """A cloud register writes, per risk, the platform's controls ("AWS_Controls": "S3 Block Public Access; …")
    and, later, its "Treatment_Plan". Read as the plan (a qualifier before "Controls"), the controls became open
    actions beside the plan's — work the register says is there already (round 50, stop 55's regression). A
    control's bare name after one qualifier, beside a plan of what is to be done, is controls in place: a done
    action; the plan's stay open. "Recommended Controls", a known header, stays what is to be done."""
    head = ["Risk_ID", "Threat_Scenario", "Likelihood_1_5", "Impact_1_5", "AWS_Controls", "Treatment_Strategy",
            "Treatment_Plan"]
    rows = [head, ["RISK-001", "An unauthorized user reads the bucket", 4, 5, "S3 Block Public Access; SSE-KMS",
                   "Mitigate", "Enable Block Public Access at account level"],
            ["RISK-002", "Compromised credentials", 4, 4, "IAM least privilege; MFA", "Mitigate",
             "Enforce MFA for every console user"]]
    other = [["ID", "Risk", "Recommended Controls", "Treatment Plan"],
             ["R-9", "Phishing of the staff", "Awareness training", "Quarterly phishing drills"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk-register.xlsx", {"risk-register": rows, "Other": other}))
    status = {a["description"]: a["status"] for a in rows_of(sqlite_store, "risk_actions")}
    assert status["S3 Block Public Access; SSE-KMS"] == "Done" and status["IAM least privilege; MFA"] == "Done"
    assert status["Enable Block Public Access at account level"] != "Done"
    assert status["Awareness training"] != "Done" and status["Quarterly phishing drills"] != "Done"


def test_a_lessons_logs_refusal_says_lessons_log_and_no_register_it_was_not(sqlite_store, tmp_path):
    """The refusal of a lessons-learned export read "a lessons-learned log (…), not the issue log" — a register the
    user never asked about, named because the header came nearest to it (unseen set 73, the wording a user reads).
    It now says what the sheet is and why nothing is imported, naming no other register."""
    head = ["Fecha", "Proyecto", "Código", "Titulo", "Tipo de Hallazgo", "Descripción", "Causas", "Acciones Tomadas",
            "Recomendaciones Mejora"]
    lessons = [["2021-02-23", 1244, "L-037", "Entregables incompletos", "POR MEJORAR", "El listado tardó",
                "Falta de alcance", "Se revisó el listado", "Congelar el listado antes"],
               ["2021-03-02", 1292, "L-041", "Buena coordinación", "POSITIVO", "Reuniones semanales",
                "Compromiso del equipo", "Se mantuvo la agenda", "Repetir las reuniones"]]
    path = write_xlsx(tmp_path / "Reporte Lecciones Aprendidas.xlsx", {"confidencial": [head, *lessons]})
    with pytest.raises(WorkbookError) as refused:
        import_all(sqlite_store, path)
    said = str(refused.value)
    assert "a lessons-learned log" in said and "no register of lessons" in said
    assert not any(f"not the {reg}" in said for reg in ("issue log", "risk register", "decision log"))


def test_a_grid_of_chinese_sentences_is_said_as_written_out_text(sqlite_store, tmp_path):
    """grid55's rule knows a sentence by its six words: a Chinese sentence has no spaces, one "word" however long,
    so a grid of them was searched cell by cell for a header as any sheet is. A text of fifteen Chinese or Japanese
    characters is a sentence: the grid is refused with its reason; a Chinese register beside it is read as before."""
    grid: list[list[object]] = [[None, *(f"影响等级{c}" for c in range(14))]]
    grid += [[f"可能性{r}", *(f"第{r}行第{c}列的风险：供应商可能无法按时交付关键设备导致延期" for c in range(14))]
             for r in range(14)]
    with pytest.raises(WorkbookError, match="sentences in nearly every cell"):
        import_all(sqlite_store, write_xlsx(tmp_path / "grid.xlsx", {"风险网格": grid}))
    register = [["编号", "风险描述", "可能性", "影响", "应对措施负责人"],
                ["R1", "供应商可能无法按时交付关键设备", "高", "中", "张伟"],
                ["R2", "核心开发人员可能离职", "低", "高", "李娜"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "风险.xlsx", {"风险登记册": register, "风险网格": grid}))
    assert sorted(r["code"] for r in rows_of(sqlite_store, "risks")) == ["R1", "R2"]
    assert any(t == "风险网格" and "sentences in nearly every cell" in why for t, why in plan.skipped_sheets)


def test_a_reduction_strategys_new_ratings_on_another_sheet_are_the_residual_pair(sqlite_store, tmp_path):
    """A risk analysis names each risk's reduction strategy by a reference ("ED-R-03") to a row of a strategies
    sheet, where the strategy's actions stand beside the risk's probability and effect written twice: "PROBABILIDAD
    | NUEVA PROBABILIDAD | EFECTO | NUEVO EFECTO". The actions were read (left55); the new pair never was (unseen
    set 71, 11 risks). A rating said twice in the referenced row's table, the later one, is the residual rating.
    (A column kept in the notes, first; then one read as the plan.)"""
    risks = [["IP", "RIESGO", "PROBABILIDAD", "EFECTO", "DISMINUCION"],
             ["R-01", "Falta de personal", "ALTA", "SERIO", None],
             ["R-02", "Perdida de datos", "BAJA", "CATASTROFICO", None],
             ["R-03", "Retraso del proyecto", "MEDIA", "TOLERABLE", "ED-R-03"],
             ["R-04", "Falla del hardware", "ALTA", "SERIO", "ED-R-04"]]
    strategies = [["ESTRATEGIA DE DISMINUCION"],
                  ["IP", "ACCIONES", "PROBABILIDAD", "NUEVA PROBABILIDAD", "EFECTO", "NUEVO EFECTO"],
                  ["ED-R-03", "Hacer planeacion de trabajo semanal", "MEDIA", "MUY BAJA", "TOLERABLE",
                   "INSIGNIFICANTE"],
                  ["ED-R-04", "Hacer pruebas de hardware cada mes", "ALTA", "BAJA", "SERIO", "TOLERABLE"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Analisis de riesgos.xlsx",
                                        {"RIESGOS": risks, "ESTRATEGIAS": strategies}))
    got = {r["title"]: (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"])
           for r in rows_of(sqlite_store, "risks")}
    assert got["Falta de personal"][2:] == (None, None)
    assert got["Retraso del proyecto"] == (3, 2, 1, 1) and got["Falla del hardware"] == (4, 4, 2, 2)
    # "ESTRATEGIA DE DISMINUCION" (a reduction strategy, Spanish) is the plan: its references make the actions,
    # and the ratings are found through them all the same
    risks[0][4] = "ESTRATEGIA DE DISMINUCION"
    import_all(sqlite_store, write_xlsx(tmp_path / "Analisis 2.xlsx", {"RIESGOS": [[*r] for r in risks],
                                                                       "ESTRATEGIAS": strategies}))
    twice = [r for r in rows_of(sqlite_store, "risks") if r["title"] == "Retraso del proyecto"]
    assert len(twice) == 2 and (twice[1]["residual_probability"], twice[1]["residual_impact"]) == (1, 1)
    actions = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert actions == ["Hacer planeacion de trabajo semanal", "Hacer pruebas de hardware cada mes"]
