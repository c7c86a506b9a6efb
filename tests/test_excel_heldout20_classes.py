"""Classes of problem found on round 20's held-out set of real public registers (docs/import-rounds.md):
each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx


def test_a_ukrainian_risk_register_is_read(sqlite_store, tmp_path):
    """Ukrainian headers: "Умова" (the condition) is the risk, "Наслідок" its effect, "Ймовірність" and
    "Збиток" the scales, "Міри запобігання" the plan, "Відповідальний" the owner, "Статус" with its words."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Лист1": [
        ["№", "Умова", "Наслідок", "Ймовірність", "Збиток", "Міри запобігання", "Відповідальний", "Статус"],
        [1, "Один з учасників команди перестане працювати", "Проект буде закінчений не в термін", "Низька",
         "Висока", "Зменшити обсяг проекту", "Олена", "Відкритий"],
        [2, "Помилка в архітектурі проекту", "Під час реалізації можна зіткнутися з проблемами", "Середня",
         "Дуже висока", "Проаналізувати джерело проблем", "Петро", "Закритий"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"Один з учасників команди перестане працювати", "Помилка в архітектурі проекту"}
    first = got["Один з учасників команди перестане працювати"]
    assert first["effect"] == "Проект буде закінчений не в термін"
    assert (first["probability"], first["impact"]) == (2, 4)
    assert first["owner"] == "Олена"
    second = got["Помилка в архітектурі проекту"]
    assert (second["probability"], second["impact"], second["status"]) == (3, 5, "Closed")
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert plans == {"Зменшити обсяг проекту", "Проаналізувати джерело проблем"}


def test_russian_danger_degree_possible_consequences_and_solution_methods_are_placed(sqlite_store, tmp_path):
    """Russian "Степень опасности" is the impact, "Возможные последствия" the effect, "Методы решения" the
    plan: none of them is left in the notes."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Sheet1": [
        [None, "Риск", "Вероятность", "Степень опасности", "Возможные последствия", "Методы решения"],
        [1, "Выход из проекта одного из участников", "Низкая", "Высокая", "Потеря работоспособности команды",
         "Предупредить всех участников"],
        [2, "Разлад в команде", "Средняя", "Средняя", "Срыв сроков", "Собраться с командой"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    first = got["Выход из проекта одного из участников"]
    assert (first["probability"], first["impact"]) == (2, 4)
    assert first["effect"] == "Потеря работоспособности команды"
    assert not first["notes"]
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert plans == {"Предупредить всех участников", "Собраться с командой"}


def test_candidates_a_riesgo_s_n_column_marks_no_are_skipped_not_imported(sqlite_store, tmp_path):
    """An exercise listing candidate problems with "Riesgo S/N" (is it a risk?): the rows marked N are
    skipped with that reason; the S rows are the risks (the column itself in no field)."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"RiesgosProyecto": [
        ["Código", "Descripción", "Riesgo\nS/N", "Probab.\n1--5", "Impacto\n1--5"],
        ["Ri1", "Hay integrantes del equipo con muchos proyectos a la vez", "S", 2, 1],
        ["Ri2", "Nunca se ha trabajado en un grupo tan grande", "N", None, None],
        ["Ri3", "Se ha elegido una tecnología que se conoce poco", "S", 3, 4],
        ["Ri4", "La fecha de entrega está muy lejos en el tiempo", "N", None, None]]})
    plan = import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"Ri1", "Ri3"}
    reasons = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row in (3, 5)]
    assert len(reasons) == 2 and all("“Riesgo S/N”" in m and "not" in m for m in reasons)


def test_an_is_it_a_risk_yes_no_column_leaves_the_rows_answered_no_out(sqlite_store, tmp_path):
    """"Is it a risk? (Y/N)" answered "No": a candidate the sheet turned down, not a junk risk."""
    path = write_xlsx(tmp_path / "Risk log.xlsx", {"Risks": [
        ["ID", "Description", "Is it a risk? (Y/N)", "Likelihood", "Impact", "Owner"],
        ["R1", "Supplier may be late", "Yes", "High", "Medium", "Ann"],
        ["R2", "Office moves next year", "No", None, None, None],
        ["R3", "Key developer may leave", "Y", "Low", "High", "Bob"]]})
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R3"}


def test_one_responsible_person_per_merged_mitigation_line_gives_the_risk_its_first_as_owner(sqlite_store,
                                                                                              tmp_path):
    """A risk over several rows (its title, impact and likelihood merged down) with one mitigation line and
    one responsible person per row: the owner is the first person, the others are named in the notes; no
    person called "A; B" is made up."""
    path = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Sheet1": [
        ["Risk", "Impact", "Likelihood", "Mitigation Strategy", "Responsible Individual"],
        ["Data Privacy Breaches", "Very High", "Medium", "- Encrypt all sensitive data.", "Sarah Johnson"],
        [None, None, None, "- Implement strict access controls.", "Michael Turner"],
        [None, None, None, "- Ensure GDPR compliance.", None],
        ["Regulatory Changes", "High", "Medium", "- Monitor regulatory changes.", "Sarah Johnson"],
        [None, None, None, "- Keep compliance rules flexible.", "Smita Nikalje"],
        [None, None, None, "- Test for ongoing compliance.", None]]},
        merges={"Sheet1": ["A2:A4", "B2:B4", "C2:C4", "A5:A7", "B5:B7", "C5:C7", "E6:E7"]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"Data Privacy Breaches", "Regulatory Changes"}
    people = {p["name"] for p in rows_of(sqlite_store, "people")}
    assert people == {"Sarah Johnson"}  # the others are named in the notes, as the sheet gives them
    assert got["Data Privacy Breaches"]["owner"] == "Sarah Johnson"
    assert "Michael Turner" in got["Data Privacy Breaches"]["notes"]
    assert got["Regulatory Changes"]["owner"] == "Sarah Johnson"
    assert got["Regulatory Changes"]["notes"].count("Smita Nikalje") == 1


def test_a_second_likelihood_and_impact_after_the_measures_are_the_residual_rating(sqlite_store, tmp_path):
    """"Likelihood | Impact | … | Mitigation | … | Likelihood | Impact" with no caption over either pair: the
    pair after the measures is the rating once they are taken, the residual one (not the notes)."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Trigger", "Mitigation", "Likelihood", "Impact"],
        ["R1", "A team member leaves the project", 4, 5, "Notice given", "Reduce the scope", 2, 3],
        ["R2", "The architecture is wrong", 3, 4, "Surprises in development", "Review the design", 1, 4]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["probability"], got["R1"]["impact"]) == (4, 5)
    assert (got["R1"]["residual_probability"], got["R1"]["residual_impact"]) == (2, 3)
    assert (got["R2"]["residual_probability"], got["R2"]["residual_impact"]) == (1, 4)
    assert not got["R1"]["notes"]


def test_a_second_likelihood_after_a_residual_risk_column_is_the_residual_likelihood(sqlite_store, tmp_path):
    """A cost-risk list: "Initial risk | Likelihood | … | Residual risk | Likelihood": the second likelihood
    follows the column saying the residual, so it is the residual likelihood."""
    path = write_xlsx(tmp_path / "risk_register.xlsx", {"Risks": [
        ["Risk ID", "Risk Description", "Initial risk", "Likelihood", "Residual risk", "Likelihood"],
        ["1", "Client Behavior", "300,000 CHF", "High", "300,000 CHF", "Low"],
        ["2", "Plant Rejection", "64,500,000 CHF", "Medium", "64,500,000 CHF", "Very low"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["1"]["probability"], got["1"]["residual_probability"]) == (4, 2)
    assert (got["2"]["probability"], got["2"]["residual_probability"]) == (3, 1)


def test_a_yes_no_question_about_something_else_skips_no_row(sqlite_store, tmp_path):
    """"Has the risk occurred? (Y/N)" asks something else than whether the row is a risk: its "No" rows are
    risks all the same."""
    path = write_xlsx(tmp_path / "Risk log.xlsx", {"Risks": [
        ["ID", "Description", "Has the risk occurred? (Y/N)", "Likelihood", "Impact"],
        ["R1", "Supplier may be late", "Yes", "High", "Medium"],
        ["R2", "Key developer may leave", "No", "Low", "High"]]})
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R2"}


def test_a_rating_per_control_under_its_own_caption_keeps_a_merged_record_one_risk(sqlite_store, tmp_path):
    """A security register rates each risk once ("Qualitative (Phase 1)") and then each of its controls, one a
    line, under another caption ("Qualitative (Phase 2)"), the risk's cells merged down over those lines. The
    second pair is no residual of the risk (a caption tells the pairs apart): read as one, every line of
    "Identity theft" became a risk of its own."""
    rows = [["Risk ID#", "List of Possible Risks", "Qualitative (Phase 1)", None, "Mitigating factors",
             "Person responsible", "Control ID#", "Qualitative (Phase 2)", None],
            [None, None, "Likelihood (H/M/L)", "Impact (H/M/L)", None, None, None, "Likelihood (H/M/L)",
             "Impact (H/M/L)"],
            [1, "Identity theft", "H", "H", "Two factor authentication", "CISO", 1.1, "M", "M"],
            [None, None, None, None, None, None, 1.2, "L", "M"],
            [None, None, None, None, None, None, 1.3, "L", "M"],
            [2, "Financial theft", "M", "H", "Encrypted traffic", "CFO", 2.1, "L", "M"],
            [None, None, None, None, None, None, 2.2, "L", "L"]]
    merges = [f"{col}3:{col}5" for col in "ABCDEF"] + [f"{col}6:{col}7" for col in "ABCDEF"]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"1. Risk Assessment": rows}, {"1. Risk Assessment": merges})
    import_all(sqlite_store, path)
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == ["Financial theft", "Identity theft"]


def test_a_note_over_the_sheet_naming_a_ten_point_scale_rates_every_column_on_it(sqlite_store, tmp_path):
    """A Ukrainian register says above its header that it uses a 10-point scale ("використовується 10 бальна
    шкала"); its likelihoods only reach 5. Read on five levels, a 5 of 10 was "Very high"; on the sheet's own
    scale it is the middle."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Лист1": [
        [None, "використовується 10 бальна шкала"], [],
        ["№", "Умова", "Ймовірність", "Збиток"],
        [1, "Учасник команди піде з проекту", 5, 9],
        [2, "Недосконалий аналіз предметної області", 4, 9],
        [3, "Переоцінення своїх можливостей", 2, 6]]})
    import_all(sqlite_store, path)
    got = {r["title"]: (r["probability"], r["impact"]) for r in rows_of(sqlite_store, "risks")}
    assert got == {"Учасник команди піде з проекту": (3, 5), "Недосконалий аналіз предметної області": (2, 5),
                   "Переоцінення своїх можливостей": (1, 3)}


def test_positive_and_negative_risks_are_opportunities_and_threats_in_spanish(sqlite_store, tmp_path):
    """"RIESGO: AMENAZA/OPORTUNIDAD" names each risk's kind, written AMENAZA or POSITIVO (a positive risk,
    PMBOK's word for an opportunity): the cameras are an opportunity, not a threat by default."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": [
        ["IDENTIFICACIÓN DEL RIESGO", "RIESGO:AMENAZA/OPORTUNIDAD", "ACCIONES A TOMAR", "RESPONSABLE"],
        ["Rack de sistemas a la intemperie", "AMENAZA", "Acomodar el rack en un lugar seguro", "Sistemas"],
        ["Cámaras insuficientes", "POSITIVO", "Instalar cámaras en puntos ciegos", "Sistemas"],
        ["Servidor NAS con poco espacio", "NEGATIVO", "Comprar otro servidor", "Sistemas"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {t: r["kind"] for t, r in got.items()} == {"Rack de sistemas a la intemperie": "Threat",
                                                      "Cámaras insuficientes": "Opportunity",
                                                      "Servidor NAS con poco espacio": "Threat"}


def test_the_date_a_risk_was_assessed_is_its_last_review(sqlite_store, tmp_path):
    """An ISO 27001 register's "Risk Assessment Date" is when the risk was last looked at: its Last reviewed,
    not a line of its notes."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk Name", "Risk Description", "Likelihood", "Impact", "Risk Owner", "Risk Assessment Date"],
        ["Data breach", "Unauthorised access to customer data", 4, 5, "IT", "2026-02-02"],
        ["System downtime", "Critical system goes offline", 3, 4, "Operations", "2026-02-09"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["reviewed_on"] for t in ("Data breach", "System downtime")] == [
        dt.date(2026, 2, 2), dt.date(2026, 2, 9)]
