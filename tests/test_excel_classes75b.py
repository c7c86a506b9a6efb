"""Issue 12, classes75b: the largest miss classes of unseen set 75's non-English risk registers as general rules — an
asset column read as the plan, a response sheet's strategy column read as the action. Each test writes a workbook of
the shape (never a fetched file) and failed on the code before (main c8cbaed6)."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_RISKS = [["Riesgos"],
          ["Código", "Título", "Descripción", "Categoría", "Activos", "Amenaza"],
          ["R-001", "Servidor caído", "El servidor de pruebas deja de responder", "Recursos", "Servidor", "Avería"],
          ["R-002", "Tutor ausente", "El tutor no puede revisar las entregas", "Tutores", "Tutores", "Enfermedad"],
          ["R-003", "Pérdida de datos", "Se pierden los datos del proyecto", "Recursos", "Datos del proyecto",
           "Avería"],
          ["R-004", "Plazos cortos", "El calendario no deja margen", "Calendario", "Calendario", "Complejidad"]]


def test_an_asset_column_is_no_response_plan(sqlite_store, tmp_path):
    """A risk sheet's "Activos" (the asset each risk touches) is one letter from "actions" and was read as the
    response plan: every risk got its asset as an action. A word the files know as an asset's is no mistyped field
    name: kept in the notes, no action made."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Riesgos.xlsx", {"Riesgos": _RISKS}))
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R-001", "R-002", "R-003", "R-004"}
    assert rows_of(sqlite_store, "risk_actions") == []
    assert "Activos: Datos del proyecto" in risks["R-003"]["notes"]


def test_a_response_sheets_strategy_column_is_the_response_and_its_description_the_action(sqlite_store, tmp_path):
    """A response sheet "Código | Título | Acción | Descripción" writes the strategy under "Acción" (Asumir,
    Mitigación, Plan de contingencia) and the action under "Descripción": the strategy word became each risk's
    action, the description dropped as a second description. The column of strategies is the response, the
    description beside it the action; the sheet says so."""
    responses = [["Respuesta a los Riesgos"],
                 ["Código", "Título", "Acción", "Descripción"],
                 ["R-001", "Servidor caído", "Mitigación", "Copias diarias en un segundo servidor"],
                 ["R-002", "Tutor ausente", "Asumir", "Se revisan las entregas en la reunión siguiente"],
                 ["R-004", "Plazos cortos", "Plan de contingencia", "Se recortan los módulos opcionales"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Análisis.xlsx", {"Riesgos": _RISKS, "Hoja1": responses}))
    risks = by_code(sqlite_store, "risks")
    assert (risks["R-001"]["response"], risks["R-002"]["response"], risks["R-004"]["response"]) == \
        ("Reduce", "Accept", "Accept")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Copias diarias en un segundo servidor", "Se revisan las entregas en la reunión siguiente",
                       "Se recortan los módulos opcionales"}
    assert any("holds the response strategy" in s.note for s in plan.sheets)
    # a plan column of actions written out stays the plan, whatever words it shares with the strategies
    rows = [["ID", "Risk", "Probability", "Mitigation"],
            ["R1", "Supplier late", "High", "Mitigate by ordering early from a second supplier"],
            ["R2", "Key staff leave", "Medium", "Accept"],
            ["R3", "Scope creep", "High", "Agree a change board with the client"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows}))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Agree a change board with the client" in actions


def test_written_out_measures_under_a_strategy_header_are_the_plan(sqlite_store, tmp_path):
    """"Estratégia para Eliminação" (a strategy word's header) over the team's measures — "Reuniões online" given to
    two risks — was kept in the notes: the measures are no strategy names, and one repeated made the column no list
    of distinct texts. Measures written out, most of them different and of two words or more, are the plan."""
    rows = [["ID", "nome", "Descrição", "Impacto", "Probabilidade", "Estratégia para Eliminação"],
            [1, "encontrar cliente", "Não conseguirmos marcar reuniões com o cliente", 8, 0.5,
             "remarcar encontros com antecedência"],
            [2, "Greves", "Greves de ônibus", 5, 0.8, "Reuniões online"],
            [3, "Doença", "Integrante ficar doente", 3, 0.25, "Reuniões online"],
            [4, "Viagem", "Colega viajar durante a implementação", 7, 0.25, "Redistribuir responsabilidades"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Riscos.xlsx", {"Riscos": rows}))
    actions = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert sorted(actions) == ["Redistribuir responsabilidades", "Reuniões online", "Reuniões online",
                               "remarcar encontros com antecedência"]
    # strategy names that recur stay the response, none an action
    rows = [["ID", "Risco", "Probabilidade", "Estratégia"],
            [1, "Atraso do fornecedor", "Alta", "Mitigar"], [2, "Saída de pessoal", "Média", "Aceitar"],
            [3, "Mudança de escopo", "Alta", "Mitigar"], [4, "Falha do servidor", "Baixa", "Transferir"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Outros.xlsx", {"Riscos": rows}))
    assert len(rows_of(sqlite_store, "risk_actions")) == 4
    assert {r["response"] for r in rows_of(sqlite_store, "risks") if r["title"] == "Atraso do fornecedor"} == {"Reduce"}


def test_a_treatment_caption_over_activity_owner_date_and_state_is_one_action(sqlite_store, tmp_path):
    """A three-row header groups "Actividad | Responsable | Fecha | Estado" under "Tratamiento": the activity went to
    the notes, its owner became the risk's owner and its date and state were kept as a second date and status. The
    caption says they are the treatment's: one action, its actionee, due date and status."""
    rows = [["No.", "Identificación del Riesgo", None, "Análisis", None, "Tratamiento", None, None, None],
            [None, "Tipo de riesgo", "Descripción", "Probabilidad", "Impacto", None, None, None, None],
            [None, None, None, None, None, "Actividad", "Responsable", "Fecha", "Estado"],
            [1, "Planeación", "Planificación demasiado optimista", "Baja", "Medio", "N/A", "N/A", "N/A", "N/A"],
            [2, "Personal", "Alta rotación de personal", "Alta", "Medio", "Grabar las sesiones y documentarlas",
             "Líder del proyecto", "2023-11-30", "Cerrada"],
            [3, "Seguridad", "Pérdida de información", "Media", "Alto", "Reforzar los controles de acceso",
             "Equipo de tecnología", "2023-10-20", "Pendiente"]]
    merged = ["A1:A3", "B1:C1", "D1:E1", "F1:I2", "B2:B3", "C2:C3", "D2:D3", "E2:E3"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Gestión de riesgos.xlsx", {"Riesgos": rows},
                                               merges={"Riesgos": merged}))
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert set(actions) == {"Grabar las sesiones y documentarlas", "Reforzar los controles de acceso"}
    done = actions["Grabar las sesiones y documentarlas"]
    assert (str(done["due"]), done["status"]) == ("2023-11-30", "Done")
    assert actions["Reforzar los controles de acceso"]["status"] == "Not started"
    assert "The columns under “Tratamiento” are the treatment" in plan.sheets[0].note
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert "Estado: Cerrada" not in risks["Alta rotación de personal"]["notes"]
    # a column naming the risk under the caption ("Risk Status" under "Risk Mitigation") is the risk's own
    rows = [["ID", "Risk", "Risk Mitigation", None], [None, None, "Risk Mitigation plan", "Risk Status"],
            ["R1", "Supplier late", "Order early", "Closed"], ["R2", "Staff leave", "Cross-train", "Open"],
            ["R3", "Scope creep", "Change board", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows},
                                        merges={"Risks": ["A1:A2", "B1:B2", "C1:D1"]}))
    assert by_code(sqlite_store, "risks")["R1"]["status"] == "Closed"


def test_a_headed_key_beside_the_list_is_no_column_of_its_records(sqlite_store, tmp_path):
    """A risk list's status letters a–e explained past an empty column by "Status | Bedeutung | Farbcode" ("a | zu
    vernachlässigen" …): the key's headers made it more columns of the list, and the first risks each got a line of
    it in their notes — another row's meaning. A block whose first column lists each value of a list's column once
    is that column's key: not imported, said; the list's own letters stay on each risk."""
    rows = [["Risikoanalyse", None, None, None, None, None, "Legende"],
            ["ID", "Risikoart", "Beschreibung", "Maßnahmen", "Status", None, "Status", "Bedeutung", "Farbcode"],
            [1, "Server (extern)", "Ausfall des einzigen Servers", "Testserver bereithalten", "c", None, "a",
             "zu vernachlässigen", "grün"],
            [2, "Team (intern)", "Ausfall eines Teammitglieds", "Stellvertreter ernennen", "b", None, "b",
             "unkritisch", "grün"],
            [3, "Zeit (intern)", "Projekt nicht rechtzeitig fertig", "Zeitplan erstellen", "d", None, "c",
             "in Bereichen kritisch", "gelb"],
            [4, "Kommunikation", "Missverständnisse mit dem Kunden", "Glossar anlegen", "c", None, "d", "kritisch",
             "rot"],
            [5, "Konflikte (intern)", "Meinungsverschiedenheiten im Team", "Abstimmungen im Team", "c", None, "e",
             "projekt-gefährdend", "rot"],
            [6, "Kunde (extern)", "Wünsche des Kunden verfehlt", "Regelmäßige Meetings", "d"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risikoanalyse": rows}))
    risks = by_code(sqlite_store, "risks")
    assert len(risks) == 6
    assert not any("Bedeutung" in r["notes"] or "vernachlässigen" in r["notes"] for r in risks.values())
    assert "Status: c" in risks["1"]["notes"]
    assert "belongs to a key beside the list" in plan.sheets[0].ignored[7]


def test_a_matrix_sheet_placing_the_risks_ids_rates_them(sqlite_store, tmp_path):
    """A risk list with no likelihood or impact column, and a "Risikomatrix" sheet placing its IDs ("7", "1, 5") where
    likelihood levels down the side ("sehr hoch (4)" … "Gering (1)", under "Eintrittswahrscheinlichkeit") meet damage
    levels along the bottom ("Gering (1)" … "sehr hoch (4)", then "Schaden"): the grid was skipped and every risk came
    in unrated. Each risk the grid places gets its row's likelihood and its column's impact, said once."""
    risks = [["ID", "Risikoart", "Beschreibung", "Maßnahmen"],
             [1, "Server", "Ausfall des einzigen Servers", "Testserver bereithalten"],
             [2, "Team", "Ausfall eines Teammitglieds", "Stellvertreter ernennen"],
             [3, "Zeit", "Projekt nicht rechtzeitig fertig", "Zeitplan erstellen"],
             [4, "Kommunikation", "Missverständnisse mit dem Kunden", "Glossar anlegen"],
             [5, "Konflikte", "Meinungsverschiedenheiten im Team", "Abstimmungen im Team"]]
    grid = [["Risikomatrix"],
            ["Eintrittswahrscheinlichkeit"],
            ["sehr hoch (4)", None, 3],
            ["Hoch (3)", 4],
            ["Mittel (2)", 2, "1, 5"],
            ["Gering (1)"],
            [None, "Gering (1)", "Mittel (2)", "Hoch (3)", "sehr hoch (4)", "Schaden"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risikoanalyse.xlsx",
                                               {"Risikoanalyse": risks, "Risikomatrix": grid}))
    rated = {code: (r["probability"], r["impact"]) for code, r in by_code(sqlite_store, "risks").items()}
    # four levels a side, read as the office reads a four-level scale: 1 → 2 … 4 → 5
    assert rated == {"1": (3, 4), "2": (3, 3), "3": (5, 4), "4": (4, 3), "5": (3, 4)}
    assert "Rated by the matrix on the sheet “Risikomatrix”" in plan.sheets[0].note
    # a grid holding a word beside the IDs is no grid of the list's IDs: the list stays unrated
    grid[3][1] = "Serverausfall"
    import_all(sqlite_store, write_xlsx(tmp_path / "Zweite.xlsx", {"Risiken": [["ID", "Risiko"], [11, "Lieferverzug"],
                                                                             [12, "Budget überschritten"],
                                                                             [13, "Personalmangel"]],
                                                                  "Matrix": [[None, None, 11], ["Hoch (3)", 12],
                                                                             ["Mittel (2)", "Serverausfall", 13],
                                                                             ["Gering (1)"],
                                                                             [None, "Gering (1)", "Mittel (2)",
                                                                              "Hoch (3)", "Schaden"]]}))
    assert {r["probability"] for code, r in by_code(sqlite_store, "risks").items() if code in ("11", "12", "13")} \
        == {None}
