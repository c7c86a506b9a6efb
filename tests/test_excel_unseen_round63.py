"""Classes of problem found by import round 63's first run (workbooks in other languages; docs/import-rounds.md,
"Round 63"): each test writes a file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_spanish_list_named_decisions_is_a_decision_log(sqlite_store, tmp_path):
    """"decisiones.csv" ("tipo | urgencia | titulo | accion | decide"): the decisions a sales team has to take,
    each with what to do and who decides. Its name said no register in Spanish (only "registro de decisiones"
    did), so its rows were read as risks, titled by "titulo", the action as their response plan. A file or sheet
    named by a register's plural in Spanish or Portuguese ("decisiones", "decisões", "incidencias",
    "problemas") is that register; a decision's title, its options and who decides are read as such."""
    rows = [["tipo", "urgencia", "titulo", "accion", "decide"],
            ["Precios", "Alta", "El cliente norte pierde margen", "Subir el pedido mínimo o bajar el descuento",
             "Dirección comercial"],
            ["Cuenta inactiva", "Media", "La tienda sur no compró en marzo", "Visitarla esta semana",
             "Equipo de ventas"],
            ["Logística", "Baja", "Entregas semanales a una cuenta pequeña", "Pasar a entregas quincenales",
             "Operaciones"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisiones.csv", rows))
    assert rows_of(sqlite_store, "risks") == []
    decisions = named(sqlite_store, "decisions")
    assert set(decisions) == {"El cliente norte pierde margen", "La tienda sur no compró en marzo",
                              "Entregas semanales a una cuenta pequeña"}
    first = decisions["El cliente norte pierde margen"]
    assert first["options"] == "Subir el pedido mínimo o bajar el descuento"
    assert first["status"] == "Pending"


def test_a_portuguese_list_of_incidents_is_an_issue_log_and_qa_is_still_open(sqlite_store, tmp_path):
    """"incidentes.csv" ("id | titulo | severity | state | created"): a team's incidents, Portuguese titles under
    English column names. "Incidentes" named no register in Portuguese, so 27 incidents were read as risks and
    the one still in QA was left out ("QA" is no risk's status). The file's name makes them issues, and an
    issue whose state is "QA" (being tested) is open."""
    rows = [["id", "titulo", "severity", "state", "created"],
            [5101, "Filtro de unidades não funciona", 2, "Done", "2026-02-24"],
            [5102, "Correção do editor de texto", 3, "Done", "2026-03-04"],
            [5103, "Erro ao abrir link com âncora", 4, "QA", "2026-03-09"]]
    import_all(sqlite_store, write_csv(tmp_path / "incidentes.csv", rows))
    assert rows_of(sqlite_store, "risks") == []
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Filtro de unidades não funciona", "Correção do editor de texto",
                           "Erro ao abrir link com âncora"}
    assert issues["Erro ao abrir link com âncora"]["status"] == "Open"
    assert issues["Correção do editor de texto"]["status"] == "Resolved"


def test_spanish_recommendation_is_the_plan_and_a_possible_outcome_the_effect(sqlite_store, tmp_path):
    """A Spanish risk matrix's "Recomendación" (what to do about the risk, as "Recommendation" is in English)
    and "Posible resultado" (what happens if it occurs) were left in the notes: they are the risk's response
    plan and its effect."""
    rows = [["ID", "Tipo de Riesgo", "Descripción", "Posible resultado", "Impacto", "Probabilidad",
             "Recomendación"],
            [1, "Proyecto", "La herramienta de pruebas falla", "Retraso en la entrega", 4, 3,
             "Buscar una herramienta alternativa"],
            [2, "Producto", "Precio incorrecto en la factura", "Reclamos de los clientes", 5, 2,
             "Pruebas de caja negra del módulo"],
            [3, "Proyecto", "Falta de experiencia del equipo", "Más horas de trabajo", 3, 2,
             "Capacitación intensiva"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Matriz de riesgo.xlsx", {"Riesgos": rows}))
    risks = named(sqlite_store, "risks")
    assert len(risks) == 3
    tool = risks["La herramienta de pruebas falla"]
    assert tool["effect"] == "Retraso en la entrega"
    assert "Recomendación" not in (tool["notes"] or "") and "Posible resultado" not in (tool["notes"] or "")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Buscar una herramienta alternativa" in actions


def test_italian_stakeholders_named_as_subjects_with_their_body_and_position(sqlite_store, tmp_path):
    """An Italian stakeholder list ("soggetto | ruolo | ente | categoria | posizione"): each stakeholder was named
    by its category ("politico") and its name, body and stance left in the notes. "Soggetto" (the party) names
    the stakeholder, "ente" (the body it belongs to) the organisation, and "posizione" with FAVOREVOLE, CONTRARIO
    or NEUTRALE the attitude."""
    rows = [["soggetto", "ruolo", "ente", "categoria", "posizione"],
            ["Mario Bianchi", "Sindaco", "Comune di Borgo", "politico", "FAVOREVOLE"],
            ["Comitato cittadino", "Associazione", "Quartiere Nord", "società civile", "CONTRARIO"],
            ["Lucia Verdi", "Assessora", "Regione", "politico", "NEUTRALE"]]
    import_all(sqlite_store, write_csv(tmp_path / "stakeholder.csv", rows))
    people = named(sqlite_store, "stakeholders")
    assert set(people) == {"Mario Bianchi", "Comitato cittadino", "Lucia Verdi"}
    assert people["Mario Bianchi"]["organisation"] == "Comune di Borgo"
    assert people["Mario Bianchi"]["attitude"] == "Supporter"
    assert people["Comitato cittadino"]["attitude"] == "Opponent"
    assert people["Lucia Verdi"]["attitude"] == "Neutral"


def _bug(first: int, number: int, title: str, steps: list[str], severity: str, priority: str,
         title_rows: int = 1) -> tuple[list[list[object]], list[str]]:
    """A tester's bug over several rows: the ID, title, details, first step, actual and expected results on its
    first row; "Серьёзность" and "Приоритет" with their values under the title, "Окружение" and the environment
    beside them, the steps going on down their own column; the ID and results merged down over the bug's rows,
    the title over the two columns its header spans (and down over the first steps when ``title_rows`` > 1)."""
    rows: list[list[object]] = [[number, title, None, f"Подробно: {title.lower()}", steps[0],
                                 "Не работает", "Работает"]]
    rest = iter(steps[1:])
    for _ in range(title_rows - 1):
        rows.append([None, None, None, None, next(rest, None), None, None])
    rows.append([None, "Серьёзность", severity, "Окружение", next(rest, None), None, None])
    rows.append([None, "Приоритет", priority, "Windows 11, Chrome 120", next(rest, None), None, None])
    last = first + len(rows) - 1
    merges = [f"A{first}:A{last}", f"B{first}:C{first + title_rows - 1}", f"F{first}:F{last}",
              f"G{first}:G{last}"]
    return rows, merges


def test_a_russian_bug_report_over_several_rows_is_one_issue_a_bug(sqlite_store, tmp_path):
    """QA bug reports in Russian ("Баг-репорты.xlsx": "ID | Краткое описание | Подробное описание | Шаги
    воспроизведения | Фактический результат | Ожидаемый результат"), each bug over several rows: its steps one a
    row, its severity and priority written under its title as a label beside a value, its ID merged down over
    them. No Russian word named an issue's columns, so the workbook was refused; with the words, each label row
    became an issue titled "Серьёзность". Now each bug is one issue: the label rows give the record's field (the
    first read, the other kept with its label), the steps are its text, and a bug whose title is merged down
    over its steps is no legend under the table."""
    header: list[object] = ["ID", "Краткое описание", None, "Подробное описание", "Шаги воспроизведения",
                            "Фактический результат", "Ожидаемый результат"]
    sheet: list[list[object]] = [header]
    merges = ["B1:C1"]
    bugs = [(1, "Кнопка входа не нажимается", ["1. Открыть сайт", "2. Нажать «Войти»"], "Major", "High", 1),
            (2, "Поле возраста принимает буквы", ["1. Открыть форму", "2. Ввести «abc»", "3. Отправить"],
             "Minor", "Low", 1),
            (3, "Форма отправляется пустой", ["1. Открыть форму", "2. Оставить поля пустыми", "3. Отправить",
                                              "4. Открыть письмо"], "Critical", "High", 3)]
    for number, title, steps, severity, priority, title_rows in bugs:
        rows, spans = _bug(len(sheet) + 1, number, title, steps, severity, priority, title_rows)
        sheet.extend(rows)
        merges.extend(spans)
        sheet.append([None] * 7)  # a blank row between bugs
    path = write_xlsx(tmp_path / "Баг-репорты.xlsx", {"Лист1": sheet[:-1]}, merges={"Лист1": merges})
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Кнопка входа не нажимается", "Поле возраста принимает буквы",
                           "Форма отправляется пустой"}
    login = issues["Кнопка входа не нажимается"]
    assert login["priority"] == "High"
    assert "Приоритет: High" in login["description"]
    assert "2. Нажать «Войти»" in login["description"]
    assert login["description"].count("Не работает") == 1  # merged down, said once
    assert issues["Поле возраста принимает буквы"]["priority"] == "Low"
    assert issues["Форма отправляется пустой"]["priority"] == "Critical"
