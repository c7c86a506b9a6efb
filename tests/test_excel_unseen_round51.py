"""Classes of problem found on round 51 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx


def test_a_risk_written_on_two_lines_words_then_numbers_is_one_risk(sqlite_store, tmp_path):
    """A course project's risk analysis writes each risk on two lines: its ratings in words ("Muito Alto",
    "Baixa"), then the same ratings in numbers (0.8, 0.3) on the line below, the title, effect, plan and owner
    merged over both. The second line was read as a risk rated apart (a hazard with two causes): 15 risks came in
    twice. A number under the record's word is the same rating written again: the line continues the record,
    its numbers kept in the notes."""
    path = write_xlsx(tmp_path / "Análise de Riscos.xlsx", {"Análise": [
        ["Descrição do risco", "Impacto", "Escopo", "Custo", "Probabilidade de ocorrência (O)",
         "Medida de Prevenção (resposta ao risco)", "Responsável"],
        ["Má integração do eixo", "Os eixos param", "Muito Alto", "Baixo", "Baixa", "Testes incrementais", "Felipe"],
        [None, None, 0.8, 0.1, 0.3, None, None],
        ["Atraso na entrega", "Etapas atrasam", "Alto", "Médio", "Média", "Solicitar cedo", "Rafael"],
        [None, None, 0.4, 0.2, 0.5, None, None],
        ["Problema na alimentação", "Falha elétrica", "Muito Alto", "Muito Baixo", "Alta", "Simular antes", "Milai"],
        [None, None, 0.8, 0.05, 0.7, None, None]]},
        merges={"Análise": ["A2:A3", "B2:B3", "F2:F3", "G2:G3", "A4:A5", "B4:B5", "F4:F5", "G4:G5",
                            "A6:A7", "B6:B7", "F6:F7", "G6:G7"]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert [r["title"] for r in risks] == ["Má integração do eixo", "Atraso na entrega", "Problema na alimentação"]
    first = risks[0]
    assert first["probability"] == 2  # "Baixa"
    assert "Escopo: Muito Alto" in first["notes"] and "Escopo: 0.8" in first["notes"]
    assert "Custo: 0.1" in first["notes"]


def test_a_probability_impact_matrix_under_the_table_is_no_records_and_gives_the_scale(sqlite_store, tmp_path):
    """A course project's risks rated 1–3, and right under the last risk, with no empty row, the matrix they
    are rated on: "Impacto" alone, then "Alto | 3 | 6 | 9", "Medio | 2 | 4 | 6", "Bajo | 1 | 2 | 3" and the
    probability's words under it. The matrix was read as five risks, and its products (6, 9) made the
    probability a 1–10 score, every rating wrong. A rating's name alone on a row under the records, a row of
    scores next, opens the matrix: its rows are no records, its numbers no ratings of the table's columns, and
    its three bands are the scale the ratings are on (1 low, 2 medium, 3 high), said and each cell kept."""
    path = write_xlsx(tmp_path / "Gestión de Riesgos.xlsx", {"Riesgos": [
        ["GESTIÓN DE RIESGOS"],
        [],
        ["ID", "Descripción del Riesgo", "Probabilidad (P)", "Impacto (I)", "Factor (P x I)", "Acción"],
        [1, "Perder un integrante del equipo", 1, 3, 3, "Mitigar"],
        [2, "Dificultad de comunicación", 3, 3, 9, "Evitar"],
        [3, "Alcance confuso", 2, 1, 2, "Evitar"],
        ["Impacto"],
        ["Alto", 3, 6, 9],
        ["Medio", 2, 4, 6],
        ["Bajo", 1, 2, 3],
        [None, "Poco probable", "Probable", "Muy probable"],
        [None, "Probabilidad", "Probabilidad", "Probabilidad"]]})
    plan = import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3"]
    assert (got["1"]["probability"], got["1"]["impact"]) == (2, 4)  # low, high
    assert (got["2"]["probability"], got["3"]["probability"]) == (4, 3)  # high, medium
    assert "Probabilidad (P): 1" in got["1"]["notes"]
    said = " ".join(s.note for s in plan.sheets)
    assert "bands of the matrix" in said
    assert sum("probability–impact matrix" in r.reason for r in plan.reports) == 6


def test_an_empty_templates_header_merged_down_over_its_lines_makes_no_records(sqlite_store, tmp_path):
    """A risk app's import template, shared empty, heads its columns over three lines: "No", "Tanggal" and
    "Pemilik" merged down over all three, "Identifikasi Risiko" merged over four columns with "Kerentanan |
    Paparan" below it and "Keterangan | Nilai" below those. The lower lines were read as two risks, titled
    "Kerentanan" and "Keterangan", with a response action "PIC". When nothing but them stands under the header,
    the lines the header's own cells are merged down over are the header's: skipped with why, no record."""
    path = write_xlsx(tmp_path / "Format Excel Empty.xlsx", {"Sheet1": [
        ["DAFTAR RISIKO"],
        ["No", "Tanggal", "Identifikasi Risiko", None, None, None, "Mitigasi", None],
        [None, None, "Kerentanan", None, "Paparan", None, None, None],
        [None, None, "Keterangan", "Nilai", "Keterangan", "Nilai", "PIC", "Target"]]},
        merges={"Sheet1": ["A2:A4", "B2:B4", "C2:F2", "C3:D3", "E3:F3", "G2:H3"]})
    plan = import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    assert rows_of(sqlite_store, "risk_actions") == []
    assert sum("lower line of the header" in r.reason for r in plan.reports) == 2


def test_an_fmea_names_its_risks_by_their_failure_mode(sqlite_store, tmp_path):
    """A French FMEA (AMDEC) of a machine: "Mode de défaillance | Cause possible d'une défaillance | Effet | G |
    F | D | C | Action préventive | Action corrective". No column was read as the title, so the 23 failure modes
    were refused whole. A failure mode names an FMEA's risks (in French, English, Spanish, Portuguese and
    German: words), its possible cause is the cause, its preventive and corrective actions the response plans."""
    path = write_xlsx(tmp_path / "AMDEC.xlsx", {"AMDEC": [
        ["Moyen de production étudié : Imprimante 3D"],
        [],
        ["5M", "Mode de défaillance", "Cause possible d'une défaillance", "Effet", "G", "F", "D", "C",
         "Action préventive", "Action corrective"],
        ["Matière", "Colle de mauvaise qualité", "Colle expirée", "Perte d'adhérence", 4, 2, 2, 16,
         "Vérifier la date de péremption", "Former le personnel"],
        ["Méthodes", "Machine mal nivelée", "Maintenance inadéquate", "Erreurs de mesure", 3, 3, 2, 18,
         "Planifier la maintenance", "Recalibrer la machine"],
        ["Milieu", "Coupure de courant", "Fusibles grillés", "Arrêt de la machine", 5, 1, 2, 10,
         "Alimentation de qualité", "Redémarrer la machine"]]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert [r["title"] for r in risks] == ["Colle de mauvaise qualité", "Machine mal nivelée", "Coupure de courant"]
    assert risks[0]["cause"] == "Colle expirée" and risks[0]["effect"] == "Perte d'adhérence"
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Vérifier la date de péremption", "Former le personnel"} <= plans


def test_an_incident_in_process_is_an_open_issue(sqlite_store, tmp_path):
    """An office course's incident log: "Fecha | ID Equipo | Descripción | Prioridad | Estado | Solución |
    Responsable", its statuses "Solucionado", "En proceso", "Pendiente". The incident "En proceso" was left out
    (not one of Open, Resolved, Closed), though a risk "en proceso" reads as Open: an issue being worked on is
    open (words, Spanish and Portuguese)."""
    path = write_xlsx(tmp_path / "Registro de incidencias.xlsx", {"Registro de incidencias": [
        ["Fecha", "ID Equipo", "Descripción", "Prioridad", "Estado", "Solución", "Responsable"],
        ["2024-02-15", "GM-05", "No enciende", "Alta", "Solucionado", "Cambio de PSU", "Técnico"],
        ["2024-07-03", "GM-22", "Sobrecalentamiento", "Media", "En proceso", "Cambio de ventilación", "Técnico"],
        ["2024-11-18", "IMP-01", "No imprime", "Baja", "Pendiente", "Revisión de conexiones", "Técnico"]]})
    import_all(sqlite_store, path)
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == ["No enciende", "No imprime", "Sobrecalentamiento"]
    assert issues["Sobrecalentamiento"]["status"] == "Open"
    assert "En proceso" in issues["Sobrecalentamiento"]["description"]


def test_a_chinese_pmbok_risk_register_names_its_risks_by_their_statement(sqlite_store, tmp_path):
    """A Chinese PMBOK risk register template: "风险编号 | 风险说明书 | 概率 | 影响 | 响应 | 修订后的概率 | 责任方 |
    行动 | 状态 | 说明". The risk statement (风险说明书) was not read as the title, so the sheet was refused; the
    response (响应), the party responsible (责任方), the action (行动) and the revised probability were not placed
    either (words)."""
    path = write_xlsx(tmp_path / "风险登记册.xlsx", {"风险登记册": [
        ["风险登记册"],
        ["风险编号", "风险说明书", "概率", "影响", "响应", "修订后的概率", "责任方", "行动", "状态", "说明"],
        ["R1", "关键供应商交付延迟", 4, 4, "减轻", 2, "采购部", "签订备用供应商", "开放", "每周跟踪"],
        ["R2", "需求频繁变更", 3, 3, "接受", 3, "项目经理", "建立变更控制流程", "开放", ""]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["R1", "R2"]
    assert got["R1"]["title"] == "关键供应商交付延迟"
    assert got["R1"]["residual_probability"] == 2
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "签订备用供应商" in plans


def test_an_fmeas_rating_letters_are_its_impact_and_probability(sqlite_store, tmp_path):
    """An FMEA heads its ratings by letters: French "G | F | D | C" (gravité, fréquence, détection,
    criticité) before the actions and again after them; English "S | O | D | RPN". They were kept in the notes as
    "G: 4", "F: 2", no rating placed. Severity (gravité) is the impact, occurrence (fréquence) the probability,
    the pair after the actions the residual rating; detection and the product stay in the notes."""
    path = write_xlsx(tmp_path / "fmea.xlsx", {"FMEA": [
        ["Failure Mode", "Cause", "Effect", "S", "O", "D", "RPN", "Recommended Action", "S", "O", "D", "RPN"],
        ["Pump seal leaks", "Worn gasket", "Line stops", 4, 3, 2, 24, "Replace gaskets yearly", 4, 1, 2, 8],
        ["Sensor drifts", "No calibration", "Bad readings", 3, 2, 4, 24, "Calibrate monthly", 3, 1, 2, 6]]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert [r["title"] for r in risks] == ["Pump seal leaks", "Sensor drifts"]
    first = risks[0]
    assert (first["impact"], first["probability"]) == (4, 3)
    assert (first["residual_impact"], first["residual_probability"]) == (4, 1)
    assert "D: 2" in first["notes"] and "RPN: 24" in first["notes"]


def test_codes_under_no_header_left_of_the_table_are_the_ids(sqlite_store, tmp_path):
    """An FMEA writes its IDs "D1", "D2" … in column A with nothing above them, the table's header starting in
    column B (here a risk analysis of the same shape). They were kept in the notes as "Column A: D1" and the risks numbered R-001 …; a code of letters
    and digits on every record, each its own, under no header left of the table is the records' ID."""
    path = write_xlsx(tmp_path / "amdec.xlsx", {"AMDEC": [
        [None, "Risque", "Cause", "Effet", "Action préventive"],
        ["D1", "Colle de mauvaise qualité", "Colle expirée", "Perte d'adhérence", "Vérifier la colle"],
        ["D2", "Machine mal nivelée", "Maintenance inadéquate", "Erreurs de mesure", "Planifier la maintenance"],
        ["D3", "Coupure de courant", "Fusibles grillés", "Arrêt de la machine", "Alimentation de qualité"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["D1", "D2", "D3"]
    assert got["D2"]["title"] == "Machine mal nivelée"
    assert "Column A" not in (got["D2"]["notes"] or "")
