"""Import problems earlier rounds of real workbooks found and left (issue 12): each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store


def _actions(store: Store) -> dict[str, dict]:
    """The risks' response actions by their text: who, by when, how far."""
    return {a["description"]: a for a in rows_of(store, "risk_actions")}


def test_an_action_owner_and_due_date_beside_the_plan_go_onto_its_actions(sqlite_store, tmp_path):
    """An ISO 27001 register lists what is in place, what is recommended, who does it and by when
    ("CURRENT CONTROLS | RECOMMENDED CONTROL(S) | CONTROL OWNER | DATE DUE"): the recommendation is an action
    of that owner due on that date; the control in place is an action already done, with no owner or date of
    the recommendation's. The risk's own owner stays the risk's."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Owner", "Likelihood", "Impact", "CURRENT CONTROLS", "RECOMMENDED CONTROL(S)",
         "CONTROL OWNER", "DATE DUE"],
        ["R1", "Phishing of staff", "CEO", 4, 4, "Onboarding talk", "Yearly awareness training", "IT Director",
         dt.date(2027, 11, 29)],
        ["R2", "Laptop theft", "CFO", 3, 4, "Cable locks", "Disk encryption", "IT Director",
         dt.date(2027, 6, 30)]]})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert risks["Phishing of staff"]["owner"] == "CEO"
    assert "CONTROL OWNER" not in risks["Phishing of staff"]["notes"]
    assert "DATE DUE" not in risks["Phishing of staff"]["notes"]
    actions = _actions(sqlite_store)
    training = actions["Yearly awareness training"]
    assert (training["actionee"], training["due"], training["status"]) == ("IT Director", dt.date(2027, 11, 29),
                                                                          "Not started")
    talk = actions["Onboarding talk"]
    assert (talk["actionee"], talk["due"], talk["status"]) == (None, None, "Done")


def test_remediation_beside_a_control_is_the_action_with_its_target_date(sqlite_store, tmp_path):
    """A GRC register's "Remediation Actions" followed by its "Target Date", with the existing "Control"
    further right: the remediation is the action to do, due that day; the control is in place."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Description", "Impact (I)", "Likelihood (L)", "Risk Treatment", "Remediation  Actions",
         "Target Date", "Risk Owner", "Control"],
        ["R001", "Data theft through a weak password", 5, 4, "Mitigate", "Enforce MFA and audit passwords",
         dt.date(2027, 10, 5), "IT Support Engineer", "Password policy"],
        ["R002", "Malware on an unpatched laptop", 5, 3, "Mitigate", "Patch and scan every laptop",
         dt.date(2027, 12, 5), "IT Support Engineer", "Antivirus"]]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Data theft through a weak password"]
    assert risk["owner"] == "IT Support Engineer"
    assert "Remediation" not in risk["notes"]
    actions = _actions(sqlite_store)
    mfa = actions["Enforce MFA and audit passwords"]
    assert (mfa["due"], mfa["status"]) == (dt.date(2027, 10, 5), "Not started")
    assert actions["Password policy"]["status"] == "Done"


def test_a_likelihood_on_a_product_scale_is_read_as_the_level_of_its_square_root(sqlite_store, tmp_path):
    """An information-security register rates the vulnerability and the threat 1–5 and writes their product,
    1–25, as the likelihood (4 × 4 = 16, 4 × 5 = 20, 5 × 5 = 25). Each number is read as the office's level
    nearest its square root — the level both factors would have if equal: 16 → 4, 20 → 4, 25 → 5, 6 → 2,
    1 → 1 — and the preview says the sheet was read so."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Threat", "Vulnerability scale", "Threat scale", "Likelihood", "Impact"],
        ["R1", "Social engineering", 4, 4, 16, 4],
        ["R2", "Phishing", 4, 5, 20, 4],
        ["R3", "Repeated passwords", 5, 5, 25, 4],
        ["R4", "Tailgating", 2, 3, 6, 2],
        ["R5", "Flood", 1, 1, 1, 5]]})
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {t: r["probability"] for t, r in risks.items()} == {
        "Social engineering": 4, "Phishing": 4, "Repeated passwords": 5, "Tailgating": 2, "Flood": 1}
    assert any("1–25" in s.note for s in plan.sheets)


def test_a_one_to_ten_likelihood_is_not_taken_for_a_product(sqlite_store, tmp_path):
    """Numbers a product scale would also hold but none above 10 stay a 1–10 scale (7 is no product)."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact"],
        ["R1", "Supplier late", 8, 4], ["R2", "Scope creep", 10, 3], ["R3", "Key person leaves", 7, 2]]})
    import_all(sqlite_store, path)
    assert {t: r["probability"] for t, r in named(sqlite_store, "risks").items()} == {
        "Supplier late": 4, "Scope creep": 5, "Key person leaves": 4}


def test_one_unknown_optional_value_leaves_its_field_empty_and_keeps_the_row(sqlite_store, tmp_path):
    """A residual likelihood "22" among 1s and 2s (a typo), a response "Contingencia" the office does not know:
    the row is not refused for one optional value with no default. The record is imported with that field
    empty, the value kept in its notes under the column's name, and the preview names the value (to translate
    it) and says on the row what was left empty. Two unknown values still refuse the row, and its reason says
    why. A status the words do not know ("Dormido") keeps its row too since classes65a: the record starts Open,
    the word kept in its notes and named in the reason."""
    path = write_xlsx(tmp_path / "Matriz de Riesgos.xlsx", {"Riesgos": [
        ["ID", "Riesgo", "Probabilidad", "Impacto", "Acción", "Probabilidad residual", "Estado"],
        ["R1", "Proveedor tarde", 3, 4, "Mitigar", 2, "Abierto"],
        ["R2", "Servidor caído", 2, 5, "Contingencia", 1, "Abierto"],
        ["R3", "Contraseñas repetidas", 5, 4, "Mitigar", 22, "Abierto"],
        ["R4", "Alcance cambia", 3, 3, "Ignorar", 22, "Abierto"],
        ["R5", "Clave perdida", 3, 3, "Mitigar", 1, "Dormido"]]})
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"Proveedor tarde", "Servidor caído", "Contraseñas repetidas", "Clave perdida"}
    assert risks["Clave perdida"]["status"] == "Open" and "Dormido" in risks["Clave perdida"]["notes"]
    assert risks["Proveedor tarde"]["response"] == "Reduce"
    assert not risks["Servidor caído"]["response"]
    assert "Contingencia" in risks["Servidor caído"]["notes"]
    assert not risks["Contraseñas repetidas"]["residual_probability"]
    assert "22" in risks["Contraseñas repetidas"]["notes"]
    reasons = {r.report.code: r.report.reason for s in plan.sheets for r in s.rows}
    assert "Contingencia" in reasons["R2"] and "left empty" in reasons["R2"]
    assert plan.unplaced[("risks", "response")] == {"Contingencia": 1, "Ignorar": 1}
    assert "Dormido" in reasons["R5"]


def test_the_actions_owner_is_the_risks_too_when_no_column_names_the_risks_owner(sqlite_store, tmp_path):
    """A Spanish matrix gives the response, the action plan, who answers for the action and the date committed
    to ("Acción | Plan de Acción | Responsable de la Acción | Fecha Compromiso"), and no risk owner: the plan is
    that person's action due that day, and the same person is the risk's owner."""
    path = write_xlsx(tmp_path / "Matriz de Riesgos.xlsx", {"Matriz Riesgo": [
        ["Consecutivo", "Descripción Riesgo", "Probabilidad", "Impacto", "Acción", "Plan de Acción",
         "Responsable de la Acción", "Fecha Compromiso"],
        [1, "Un proveedor incumple la entrega", 3, 4, "Mitigar", "Buscar un segundo proveedor", "PO",
         dt.date(2027, 3, 5)],
        [2, "Requisitos poco claros", 2, 5, "Mitigar", "Revisar requisitos cada sprint", "Scrum Master",
         dt.date(2027, 4, 1)]]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Un proveedor incumple la entrega"]
    assert (risk["owner"], risk["response"]) == ("PO", "Reduce")
    assert "Fecha Compromiso" not in (risk["notes"] or "")
    action = _actions(sqlite_store)["Buscar un segundo proveedor"]
    assert (action["actionee"], action["due"]) == ("PO", dt.date(2027, 3, 5))


def test_an_action_owner_with_no_plan_to_own_is_the_risks_owner(sqlite_store, tmp_path):
    """"Action Owner" and "Date Due" on a register with no plan column: the risk's owner and proximity, as
    before (nothing to put them on otherwise)."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Action Owner", "Date Due"],
        ["R1", "Supplier late", 3, 4, "Ann Lee", dt.date(2027, 5, 1)]]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Supplier late"]
    assert (risk["owner"], risk["proximity"]) == ("Ann Lee", dt.date(2027, 5, 1))


def test_a_second_rating_under_a_current_or_reviewed_caption_is_the_residual(sqlite_store, tmp_path):
    """A risk assessment rates each risk three times, each pair under a caption: "Inherent Risk Rating",
    "Current Risk Rating" (after the controls in place) and "Target Risk Rating" (after the additional ones).
    The first pair is the risk's likelihood and impact; the next pair, a later assessment, is the residual;
    the target stays in the notes. A first pair captioned "Current" is still the inherent rating."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Risk Assessment": [
        ["Risk", None, None, None, "Inherent Risk Rating", None, "Current Risk Rating", None, "Target Risk Rating",
         None],
        ["ID", "Title", "Consequences of Risk", "Existing control measures", "Likelihood", "Consequence",
         "Likelihood", "Consequence", "Likelihood", "Consequence"],
        ["R01", "Cyberattack", "Data stolen", "Firewall", "Likely", "Severe", "Possible", "Major", "Unlikely",
         "Major"],
        ["R02", "Insider threat", "Sabotage", "Access policy", "Possible", "Major", "Possible", "Moderate", "Rare",
         "Minor"]]},
        merges={"Risk Assessment": ["E1:F1", "G1:H1", "I1:J1"]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Cyberattack"]
    assert (risk["probability"], risk["impact"], risk["residual_probability"], risk["residual_impact"]) == (4, 5, 3, 4)
    assert "Unlikely" in risk["notes"]

    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"Risks": [
        [None, None, "Current Risk Rating", None],
        ["ID", "Title", "Likelihood", "Impact"],
        ["R1", "Supplier late", "Likely", "Major"]]}, merges={"Risks": ["C1:D1"]})
    import_all(sqlite_store, path)
    late = named(sqlite_store, "risks")["Supplier late"]
    assert (late["probability"], late["residual_probability"]) == (4, None)


def test_concerns_on_a_second_sheet_keyed_by_the_stakeholders_names_join_their_records(sqlite_store, tmp_path):
    """A stakeholder analysis rates its stakeholders on one sheet and writes what concerns each, and the
    strategy for them, on another whose first column holds the same names under no header ("| Concerns |
    Strategy"): the concerns go onto those stakeholders, the strategy (sentences, not the quadrant's words a
    "Strategy" column would otherwise be calculated as) into their notes; no record is added."""
    names = ["Employees", "Shareholders", "Customers", "Government"]
    path = write_xlsx(tmp_path / "Stakeholder Analysis.xlsx", {
        "Stakeholder Matrix": [["Stakeholder Analysis"], [],
                               ["Stakeholder", "Power (influence of stakeholder)", "Interest (impact on stakeholder)"],
                               *[[n, 2 + i % 3, 1 + i % 4] for i, n in enumerate(names)]],
        "Concern & Strategies": [[None, "Concerns", "Strategy"],
                                 ["Employees", "Job losses", "Communicate the plan and train them early"],
                                 ["Shareholders", "Cost of the change", "Show the benefits of the change to them"],
                                 ["Customers", "Old chargers", "Offer adapters to every customer who asks"],
                                 ["Government", "Safety of the ports", "Share the test results with the regulator"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert set(got) == set(names)
    assert got["Customers"]["concerns"] == "Old chargers"
    assert "Offer adapters to every customer" in got["Customers"]["notes"]
    assert got["Customers"]["power"] == 4


def test_an_issue_logs_action_owner_and_due_date_become_the_issues_actions(sqlite_store, tmp_path):
    """An issue log says what will be done about each issue, who does it and by when ("Action | Action Owner |
    Due Date"): each becomes an action of that issue, due that day; the issue's own owner stays its owner.
    An issue with no action keeps its due date in its description, as any column with no place."""
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Issues": [
        ["Issue ID", "Issue Description", "Owner", "Status", "Action", "Action Owner", "Due Date"],
        ["I-1", "Test server down", "Ann Lee", "Open", "Rebuild the test server", "Bo Chan", dt.date(2027, 2, 1)],
        ["I-2", "Licences expired", "Ann Lee", "Open", "Renew the licences", "Cy Diaz", dt.date(2027, 2, 15)],
        ["I-3", "Printer jammed", "Bo Chan", "Open", None, None, dt.date(2027, 3, 1)]]})
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert issues["Test server down"]["owner"] == "Ann Lee"
    actions = {a["description"]: a for a in rows_of(sqlite_store, "issue_actions")}
    assert set(actions) == {"Rebuild the test server", "Renew the licences"}
    assert (actions["Renew the licences"]["actionee"], actions["Renew the licences"]["due"]) == (
        "Cy Diaz", dt.date(2027, 2, 15))
    assert "2027-03-01" in issues["Printer jammed"]["description"]


def test_an_action_column_does_not_make_a_sheet_an_issue_log(sqlite_store, tmp_path):
    """A stakeholder influencing strategy ("Name or Group | Issues / Concerns | Influencing Strategy / Actions
    | Responsible") beside the stakeholder analysis: its "Actions" are the issue log's action words, but a column
    any log may have says nothing of what the sheet holds; it stays skipped, no issue is added."""
    path = write_xlsx(tmp_path / "Stakeholder Analysis.xlsx", {
        "Stakeholder Analysis": [["Stakeholder Name or Group", "Interest", "Influence"],
                                 ["Road Department", "H", "H"], ["Local Government", "H", "M"]],
        "Influencing Strategy": [["Stakeholder Influencing Strategy"],
                                 ["Name or Group", "Priority (1, 2, 3)", "Issues / Concerns",
                                  "Influencing Strategy / Actions", "Responsible"],
                                 ["Road Department", 1, "The highway will be over budget", "Get federal funds",
                                  "Federal Government"],
                                 ["Local Government", 2, "Wants a share of the credit", "Share the credit",
                                  "Federal Government"]]})
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "issues")
    assert set(named(sqlite_store, "stakeholders")) == {"Road Department", "Local Government"}


def test_a_heat_map_naming_the_risks_in_its_cells_is_not_joined_onto_them(sqlite_store, tmp_path):
    """A heat map beside the risk list writes the risks' titles in its cells, under an axis label ("Impacto")
    that names a field and level words down its side: a grid, not a table of what is said of each risk. Read
    as one keyed by names, it made a junk risk titled "ALTO" and put the grid's cells in two risks' notes."""
    risks = ["Fraude interno por suplantación", "Fallas del sistema biométrico", "Pérdida de datos",
             "Resistencia al cambio"]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {
        "Riesgos": [["Riesgo", "Probabilidad", "Impacto"], *[[r, "Alta", "Media"] for r in risks]],
        "Matriz": [[None, None, "Matriz de Riesgos"], [],
                   ["Impacto", "ALTO", risks[0], None, risks[1]],
                   [None, "MEDIO", None, None, risks[2], None, risks[3]],
                   [None, "BAJO", None, None, None, None, risks[0]],
                   [None, None, "BAJO", "MEDIO", "ALTO"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == set(risks)
    assert not any("ALTO" in (r["notes"] or "") or "MEDIO" in (r["notes"] or "") for r in got.values())


def test_spanish_and_portuguese_strategy_verbs_are_responses(sqlite_store, tmp_path):
    """"Asumir" (to take the risk on) is Accept as "Aceptar" is; "Assumir" in Portuguese too."""
    path = write_xlsx(tmp_path / "Matriz de Riesgos.xlsx", {"Riesgos": [
        ["ID", "Riesgo", "Probabilidad", "Impacto", "Acción"],
        ["R1", "Retraso del proveedor", 3, 4, "Asumir"],
        ["R2", "Caída del servidor", 2, 5, "Mitigar"],
        ["R3", "Cambio de alcance", 2, 3, "Assumir"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["response"] for t in ("Retraso del proveedor", "Caída del servidor", "Cambio de alcance")] == [
        "Accept", "Reduce", "Accept"]
