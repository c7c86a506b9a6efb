"""Import problems round 20 and its held-out set left (issue 12): each test writes a workbook of that shape, in
more than one language or position, and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_heat_maps_axis_ranks_the_risk_sheets_words_whatever_their_gender(sqlite_store, tmp_path):
    """A heat map beside the risk list writes its five levels on its axes in the masculine (BAJO, BAJO-MEDIO,
    MEDIO, MEDIO-ALTO, ALTO); the list rates the likelihood in the feminine (Baja, Media, Alta) and the impact
    in the masculine. Both are ranked by the map's five levels: Alta is ALTO (5, not the usual 4), Media-Alta is
    MEDIO-ALTO (4)."""
    axis = ["BAJO", "BAJO-MEDIO", "MEDIO", "MEDIO-ALTO", "ALTO"]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {
        "Lista": [["Riesgo", "Probabilidad", "Impacto", "Estrategia de mitigación"],
                  ["Fallas técnicas", "Media", "Alto", "Pruebas piloto"],
                  ["Resistencia al cambio", "Alta", "Medio", "Capacitación"],
                  ["Pérdida de datos", "Media-Alta", "Medio-Alto", "Copias de seguridad"],
                  ["Fraude interno", "Baja", "Bajo-Medio", "Auditorías"]],
        "Mapa": [[None, None, "Matriz de Riesgos"],
                 [None, None, None],
                 ["Impacto", "ALTO", None, None, "Fallas técnicas"],
                 [None, "MEDIO-ALTO", None, None, None, "Pérdida de datos"],
                 [None, "MEDIO", None, None, None, None, "Resistencia al cambio"],
                 [None, "BAJO-MEDIO", "Fraude interno"],
                 [None, "BAJO"],
                 [None, None, *axis],
                 [None, None, "Probabilidad"]]})
    import_all(sqlite_store, path)
    got = {t: (r["probability"], r["impact"]) for t, r in named(sqlite_store, "risks").items()}
    assert got == {"Fallas técnicas": (3, 5), "Resistencia al cambio": (5, 3), "Pérdida de datos": (4, 4),
                   "Fraude interno": (1, 2)}


def test_a_french_legend_in_the_masculine_ranks_feminine_words(sqlite_store, tmp_path):
    """The same in French, the axis written as a row of a legend sheet: "Faible | Moyen | Élevé | Très élevé |
    Critique" ranks "Élevée" (third of five, not the usual fourth) and "Très élevée"."""
    path = write_xlsx(tmp_path / "Risques.xlsx", {
        "Registre": [["Risque", "Probabilité", "Impact"],
                     ["Panne du serveur", "Élevée", "Critique"],
                     ["Retard du fournisseur", "Très élevée", "Moyen"],
                     ["Départ d'un expert", "Faible", "Élevé"]],
        "Légende": [["Échelle", "Faible", "Moyen", "Élevé", "Très élevé", "Critique"]]})
    import_all(sqlite_store, path)
    got = {t: (r["probability"], r["impact"]) for t, r in named(sqlite_store, "risks").items()}
    assert got == {"Panne du serveur": (3, 5), "Retard du fournisseur": (4, 2), "Départ d'un expert": (1, 3)}


def test_two_decisions_sharing_an_id_and_a_title_but_not_their_subject_are_two_records(sqlite_store, tmp_path):
    """A data-enrichment decision log gives two rows the same ID and the same decision text, about two
    different product nodes (the ID was copied down and not changed). They are two decisions: the first keeps
    the ID, the second gets a new one, and its line of the preview says why. A row repeating its ID and title
    with nothing else different is still refused as a repeat of the ID (which of the two is right the sheet does
    not say)."""
    header = ["Project", "Decision ID Code", "Date", "Node name", "Attribute Name", "Decision", "Status"]
    rows = [["Grainger", f"GP_{n:04}", f"2022-03-{n:02}", f"Tools>Node {n}", f"Attribute {n}",
             f"Capture attribute {n} from the image", "Approved"] for n in range(1, 9)]
    rows.insert(3, ["Grainger", "GP_0003", "2022-03-03", "Workwear>Heated Shirts", "Attribute 3",
                    "Capture attribute 3 from the image", "Approved"])
    path = write_xlsx(tmp_path / "Decision_Log.xlsx", {"Sheet1": [header, *rows]})
    plan = import_all(sqlite_store, path)
    got = [r for r in rows_of(sqlite_store, "decisions") if r["title"] == "Capture attribute 3 from the image"]
    assert len(got) == 2
    assert "GP_0003" in {r["code"] for r in got}
    assert len(rows_of(sqlite_store, "decisions")) == 9
    reasons = [r.report.reason for s in plan.sheets for r in s.rows if r.report.row == 5]
    assert any("GP_0003" in x and "new record" in x for x in reasons)


def test_a_risk_written_twice_under_one_id_with_another_cause_is_two_risks(sqlite_store, tmp_path):
    """The same in a risk register: one ID and one title over two causes."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Cause", "Likelihood", "Impact"],
        ["R1", "Supplier late", "Single source of chips", 3, 4],
        ["R1", "Supplier late", "Strike at the port", 2, 4],
        ["R2", "Key person leaves", "No back-up for the architect", 2, 3],
        ["R3", "Scope creep", "Vague requirements", 4, 3],
        ["R4", "Server outage", "One data centre", 2, 5],
        ["R5", "Budget cut", "Recession", 2, 4]]})
    import_all(sqlite_store, path)
    late = [r for r in rows_of(sqlite_store, "risks") if r["title"] == "Supplier late"]
    assert sorted(r["cause"] for r in late) == ["Single source of chips", "Strike at the port"]


def test_a_residual_impact_of_zero_among_levels_keeps_the_column_and_leaves_the_zero_in_the_notes(sqlite_store,
                                                                                                   tmp_path):
    """A second likelihood and impact after the measures, where the measures leave some risks nothing: their
    residual impact is 0 among 1–5s. The column is still the residual impact. The office has no level 0, and 1
    would claim an impact the sheet says is gone, so a 0 leaves the field empty, the 0 kept in the notes and
    said on the row's line; the other rows take their levels."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": [
        ["No", "Risk", "Likelihood", "Impact", "Mitigation", "Likelihood", "Impact"],
        [1, "Server outage", 3, 4, "Second data centre", 2, 3],
        [2, "Power cut at the demo", 4, 5, "Run on batteries", 2, 0],
        [3, "Supplier late", 3, 3, "Second supplier", 2, 2],
        [4, "Key person leaves", 2, 5, "Pair programming", 1, 0],
        [5, "Scope creep", 4, 3, "Change board", 3, 1]]})
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {t: r["residual_impact"] for t, r in risks.items()} == {
        "Server outage": 3, "Power cut at the demo": None, "Supplier late": 2, "Key person leaves": None,
        "Scope creep": 1}
    assert "0" in risks["Power cut at the demo"]["notes"]
    reasons = {r.report.code: r.report.reason for s in plan.sheets if s.register == "risks" for r in s.rows}
    assert "0 is below its scale" in reasons["2"]


def test_a_residual_impact_on_the_sheets_ten_points_with_zeros_is_read_on_them(sqlite_store, tmp_path):
    """The same on a sheet a note rates on ten points, in Spanish: the residual impacts (0, 2 … 6) lie within
    the range of the first impacts (5 … 10), so they are the residual impact on the same ten points."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": [
        [None, "se usa una escala de 10 puntos"],
        [],
        ["Nº", "Riesgo", "Probabilidad", "Impacto", "Medidas", "Probabilidad", "Impacto"],
        [1, "Caída del servidor", 4, 8, "Segundo centro de datos", 2, 6],
        [2, "Corte de luz en la demo", 4, 7, "Baterías", 4, 0],
        [3, "Proveedor tarde", 6, 9, "Segundo proveedor", 4, 4],
        [4, "Sale una persona clave", 2, 10, "Programar en parejas", 2, 2],
        [5, "Alcance cambia", 8, 5, "Comité de cambios", 6, 3]]})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert {t: r["residual_impact"] for t, r in risks.items()} == {
        "Caída del servidor": 3, "Corte de luz en la demo": None, "Proveedor tarde": 2, "Sale una persona clave": 1,
        "Alcance cambia": 2}


def test_an_empty_sheet_of_measures_is_skipped_as_empty_not_as_untied(sqlite_store, tmp_path):
    """A risk exercise's "Estrategia de mitigación" sheet holds only its header, a risk-ID column among it: the
    preview says the sheet has no measures yet, not that its rows lack the risks' IDs (it has no rows, and its
    first column is the risks' ID). In English too."""
    for name, sheet, header in (
            ("Riesgos.xlsx", "Estrategia de mitigación",
             ["Código de riesgo", "Descripción", "Eventos de activación", "Estrategia de mitigación", "Responsable",
              "Estado"]),
            ("Risks.xlsx", "Mitigation measures", ["Risk ID", "Description", "Trigger", "Measure", "Owner"])):
        path = write_xlsx(tmp_path / name, {
            "Riesgos": [["Código", "Descripción", "Probabilidad", "Impacto"],
                        ["Ri1", "Falta de experiencia del equipo", 2, 3],
                        ["Ri2", "Cambio de tecnología", 3, 4]],
            sheet: [header]})
        plan = import_all(sqlite_store, path)
        why = dict(plan.skipped_sheets)[sheet]
        assert "only its header" in why and "not tied" not in why


def test_names_one_a_row_under_a_stakeholder_caption_are_stakeholders(sqlite_store, tmp_path):
    """A sheet holding only "List of Stakeholders" and, under it, one name or group a row: each is a
    stakeholder, named as written. The same in Spanish, the list further down and to the right. A caption naming no register over a column of texts ("Notes") adds nothing."""
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {"Sheet1": [
        ["List of Stakeholders"], ["Customer (company, foundation, person)"], ["sponsor"],
        ["Team (design, development, testing)"], ["suppliers"], ["project manager"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "stakeholders")) == {
        "Customer (company, foundation, person)", "sponsor", "Team (design, development, testing)", "suppliers",
        "project manager"}
    path = write_xlsx(tmp_path / "Proyecto.xlsx", {
        "Hoja1": [[], [], [None, None, "Lista de interesados"], [None, None, "Patrocinador"],
                  [None, None, "Usuarios finales"], [None, None, "Proveedores"]],
        "Hoja2": [["Notes"], ["Call the sponsor"], ["Book the room"], ["Print the plan"]]})
    import_all(sqlite_store, path)
    assert {"Patrocinador", "Usuarios finales", "Proveedores"} <= set(named(sqlite_store, "stakeholders"))
    assert not any("Book the room" in t for t in named(sqlite_store, "stakeholders"))
    assert not named(sqlite_store, "risks")


def _wrapped_blocks(lang: str) -> list[list]:
    """Records one a block, blocks parted by an empty row, their capitals wrapped over the block's rows the way a
    cell's centred lines are: an action's first line above the record's row, a title's second line on the row
    that fills the status, the owner and the date."""
    if lang == "es":
        header = ["PARTES INTERESADAS", "IDENTIFICACIÓN DEL RIESGO", "TIPO", "ACCIONES A TOMAR", "RESPONSABLE",
                  "ESTADO", "FECHA ESTADO"]
        words = ["SISTEMAS", "RACK A LA INTEMPERIE", "AMENAZA", "SOLICITAR UN CUARTO", "PARA EL RACK", "GERENCIA",
                 "SERVIDOR CON POCO ESPACIO", "DE ALMACENAJE", "COMPRAR OTRO SERVIDOR", "CON MÁS DISCO", "ABIERTO",
                 "CÁMARAS INSUFICIENTES", "INSTALAR CÁMARAS"]
    else:
        header = ["STAKEHOLDERS", "RISK IDENTIFIED", "TYPE", "ACTIONS TO TAKE", "OWNER", "STATUS", "STATUS DATE"]
        words = ["IT", "RACK IN THE OPEN", "THREAT", "ASK FOR A ROOM", "FOR THE RACK", "MANAGEMENT",
                 "SERVER SHORT OF", "STORAGE SPACE", "BUY ANOTHER SERVER", "WITH MORE DISK", "OPEN",
                 "TOO FEW CAMERAS", "INSTALL CAMERAS"]
    it, rack, threat, ask, for_rack, mgmt, server, storage, buy, disk, open_, cameras, install = words
    return [header,
            [mgmt, cameras, threat, install, it, open_, "2021-07-12"],
            [],
            [None, None, None, ask],
            [it, rack, threat, for_rack, it, open_, "2021-07-12"],
            [],
            [it, server, None, buy],
            [mgmt, storage, threat, disk, it, open_, "2021-07-12"]]


def test_texts_wrapped_over_a_blocks_rows_join_its_record(sqlite_store, tmp_path):
    """A table whose records stand one a block, blocks parted by an empty row, with its capitals wrapped over
    the block's rows: a line above the record's row, or a title's first line on a row filling only texts over
    the row filling the type, owner, status and date. Each block is one record, its texts joined in order;
    no row of a block makes a record of its own. In Spanish and in English, the table starting in column B."""
    for lang, pad in (("es", 0), ("en", 1)):
        rows = [[None] * pad + r for r in _wrapped_blocks(lang)]
        path = write_xlsx(tmp_path / f"{lang}.xlsx", {"Riesgos" if lang == "es" else "Risks": rows})
        store_risks = {r["title"] for r in rows_of(sqlite_store, "risks")}
        import_all(sqlite_store, path)
        got = {r["title"]: r for r in rows_of(sqlite_store, "risks") if r["title"] not in store_risks}
        server, storage = (("SERVIDOR CON POCO ESPACIO", "DE ALMACENAJE") if lang == "es"
                           else ("SERVER SHORT OF", "STORAGE SPACE"))
        assert len(got) == 3, got.keys()
        joined = got[f"{server} {storage}"]
        assert joined["status"] == "Open" and joined["kind"] == "Threat"
        # the plan is an action where its header says a plan ("ACCIONES A TOMAR"), else kept in the notes
        rack = got["RACK A LA INTEMPERIE" if lang == "es" else "RACK IN THE OPEN"]
        said = {a["description"] for a in rows_of(sqlite_store, "risk_actions")} | {rack["notes"]}
        ask, for_rack = (("SOLICITAR UN CUARTO", "PARA EL RACK") if lang == "es" else ("ASK FOR A ROOM", "FOR THE RACK"))
        assert any(f"{ask}\n{for_rack}" in x for x in said if x)


def test_strategy_verbs_in_a_column_no_field_takes_are_the_response(sqlite_store, tmp_path):
    """An "Action" column (en, fr), "Aktion" (de) or "Acción" (es) holding a strategy verb a row (Mitigate /
    Accept / Transfer / Avoid in each language, "Asumir" and "Mindern" among them) gives the risks' response
    instead of staying in the notes."""
    cases = {
        "en": (["ID", "Risk", "Likelihood", "Impact", "Action"], ["Mitigate", "Accept", "Transfer", "Avoid"]),
        "fr": (["ID", "Risque", "Probabilité", "Impact", "Action"], ["Atténuer", "Accepter", "Transférer", "Éviter"]),
        "de": (["ID", "Risiko", "Wahrscheinlichkeit", "Auswirkung", "Aktion"],
               ["Mindern", "Akzeptieren", "Übertragen", "Vermeiden"]),
        "es": (["ID", "Riesgo", "Probabilidad", "Impacto", "Acción"], ["Mitigar", "Asumir", "Transferir", "Evitar"]),
    }
    for lang, (header, verbs) in cases.items():
        rows = [[f"{lang}{i}", f"{lang} risk number {i}", 2, 3, verb] for i, verb in enumerate(verbs, 1)]
        import_all(sqlite_store, write_xlsx(tmp_path / f"{lang}.xlsx", {"Sheet1": [header, *rows]}))
        got = named(sqlite_store, "risks")
        assert [got[f"{lang} risk number {i}"]["response"] for i in range(1, 5)] == [
            "Reduce", "Accept", "Transfer", "Avoid"], lang
        # the verb is not left unread in the notes: where it is not the strategy's own word ("Mitigate" for
        # Reduce) it is kept beside it under its header, as any word read as another choice (heldout50)
        assert (got[f"{lang} risk number 1"]["notes"] or "") == f"{header[4]}: {verbs[0]}", lang


def test_an_impact_written_as_money_stays_in_the_notes_and_the_preview_says_so(sqlite_store, tmp_path):
    """A cost-risk register writes each risk's impact as an amount ("300,000 CHF", "$ 25k", "€1.2M"), under
    "Initial risk" or under "Impact" itself. An amount is no level of the office's impact scale (that scale
    rates against the programme; ranking amounts by the sheet's own spread would rate one amount differently
    in two workbooks), so the impact is left empty, each amount kept in its risk's notes, and the preview says
    so once for the sheet, naming the column."""
    for name, header, amounts in (
            ("risk_register.csv", "Initial risk", ["300,000 CHF", "64,500,000 CHF", "28,000 CHF"]),
            ("Risk Register.csv", "Impact", ["$ 25k", "€1.2M", "£400,000"])):
        rows = [["Risk ID", "Risk Description", header, "Likelihood"],
                *[[f"{name[:2]}{i}", f"{name[:4]} risk {i}", amount, "20%"] for i, amount in enumerate(amounts, 1)]]
        plan = import_all(sqlite_store, write_csv(tmp_path / name, rows))
        risks = named(sqlite_store, "risks")
        for i, amount in enumerate(amounts, 1):
            risk = risks[f"{name[:4]} risk {i}"]
            assert risk["impact"] is None and f"{header}: {amount}" in risk["notes"]
        note = " ".join(s.note for s in plan.sheets)
        assert f"“{header}” holds amounts of money" in note and "impact left empty" in note


def test_a_safe_roam_list_on_a_fibonacci_scale(sqlite_store, tmp_path):
    """A SAFe ROAM risk list: "Item" names each risk (no other column does), P and I are estimates on the
    modified Fibonacci sequence a second sheet lists ("Valid Modified Fibonacci values": 1 … 100), and ROAM says
    what became of each (R, O, A, M). The estimates are ranked by their place in the listed sequence, the places
    spread evenly over the five levels (1, 2 → 1; 3, 5 → 2; 8, 13 → 3; 20, 40 → 4; 70, 100 → 5); Resolved
    closes the risk, Accepted and Mitigated are its response."""
    sequence = [1, 2, 3, 5, 8, 13, 20, 40, 70, 100]
    path = write_xlsx(tmp_path / "RiskRegister.xlsx", {
        "Sheet1": [["Item", "P", "I", "Risk (P*I)", "Recognized", "ROAM", "How"],
                   ["My other classes keep me from the project", 40, 20, 800, "2025-04-01", "M", "A weekly plan"],
                   ["My board breaks", 1, 40, 40, "2025-04-01", "A", "Buy a new board"],
                   ["The compiler licence runs out", 8, 100, 800, "2025-04-02", "R", "Renewed"],
                   ["The lab closes in the holidays", 3, 13, 39, "2025-04-03", "O", "Ask for a key"]],
        "Sheet2": [["Valid Modified Fibonacci values"], *[[n] for n in sequence]]})
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    got = {t: (r["probability"], r["impact"], r["response"] or None, r["status"]) for t, r in risks.items()}
    assert got == {"My other classes keep me from the project": (4, 4, "Reduce", "Open"),
                   "My board breaks": (1, 4, "Accept", "Open"),
                   "The compiler licence runs out": (3, 5, None, "Closed"),
                   "The lab closes in the holidays": (2, 3, None, "Open")}


def test_a_note_naming_the_fibonacci_scale_ranks_the_agile_sequence(sqlite_store, tmp_path):
    """No list, a note over the table naming the scale ("Estimated on the Fibonacci scale") and ROAM written in
    words: the estimates are ranked on the modified sequence of agile estimates (1, 2, 3, 5, 8, 13, 20, 40, 100:
    1 → 1, 2 and 3 → 2, 5 and 8 → 3, 13 and 20 → 4, 40 and 100 → 5). A sheet naming no Fibonacci scale keeps
    reading 20 and 40 as no level."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": [
        ["Estimated on the Fibonacci scale"],
        ["Risk", "Likelihood", "Impact", "ROAM"],
        ["Vendor late", 2, 40, "Mitigated"],
        ["Scope creep", 13, 5, "Owned"],
        ["Server outage", 100, 8, "Resolved"]]})
    import_all(sqlite_store, path)
    got = {t: (r["probability"], r["impact"], r["response"] or None, r["status"])
           for t, r in named(sqlite_store, "risks").items()}
    assert got == {"Vendor late": (2, 5, "Reduce", "Open"), "Scope creep": (4, 3, None, "Open"),
                   "Server outage": (5, 3, None, "Closed")}
    path = write_xlsx(tmp_path / "Other.xlsx", {"Risks": [
        ["Risk", "Likelihood", "Impact"], ["Printer jams", 2, 40], ["Coffee runs out", 3, 5], ["Wifi drops", 2, 8]]})
    import_all(sqlite_store, path)
    assert named(sqlite_store, "risks")["Printer jams"]["impact"] is None
