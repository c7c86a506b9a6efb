"""Classes of problem left open by rounds 15 and 16 of real public registers: each test writes a workbook of
that shape (with openpyxl) and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def _intro(lines: int) -> list[list[object]]:
    """A long introduction above a table: a title, paragraphs of prose, a summary table of counts, blanks."""
    rows: list[list[object]] = [["Information security risk assessment"], []]
    for i in range(lines):
        rows.append([None, f"Paragraph {i + 1}: this assessment follows the method agreed with the board and "
                           "covers the systems listed in the inventory; scores are reviewed each quarter."])
        if i % 5 == 4:
            rows.append([])
    rows += [[None, "Summary"], [None, "High", 2], [None, "Medium", 1], [None, "Low", 1], [], []]
    return rows


def test_a_register_whose_header_is_below_the_first_thirty_rows_is_found(sqlite_store, tmp_path):
    """A GRC workbook writes its assessment block after a long introduction and a summary: the header sits
    at row 46, below the first 30 rows where headers used to be looked for. It is found, its four risks
    imported with their fields, and nothing from the introduction becomes a record."""
    rows = _intro(31)
    assert len(rows) >= 45
    rows = rows[:45]
    rows += [["Risk ID", "Risk Title", "Owner", "Likelihood", "Impact", "Status"],
             ["R1", "Password attack on mail", "Ana Silva", "High", "Medium", "Open"],
             ["R2", "Malware on laptops", "Tom Berg", "Medium", "High", "Open"],
             ["R3", "Unauthorised access", "Ana Silva", "Low", "High", "Closed"],
             ["R4", "Information disclosure", "Tom Berg", "High", "High", "Open"]]
    path = write_xlsx(tmp_path / "assessment.xlsx", {"Assessment": rows})
    plan = import_all(sqlite_store, path)
    assert plan.sheets[0].header_row == 46
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Information disclosure", "Malware on laptops", "Password attack on mail",
                           "Unauthorised access"]
    assert got["Malware on laptops"]["code"] == "R2"
    assert (got["Malware on laptops"]["probability"], got["Malware on laptops"]["impact"]) == (3, 4)
    assert got["Unauthorised access"]["status"] == "Closed"
    for register in ("issues", "stakeholders", "decisions", "assumptions"):
        assert rows_of(sqlite_store, register) == []


def test_a_sheet_of_prose_only_finds_no_header_further_down(sqlite_store, tmp_path):
    """The deeper search does not turn an instructions sheet into records: prose down to row 120 and no
    header is still no register."""
    import pytest

    from pmo_desktop.excel.errors import WorkbookError
    path = write_xlsx(tmp_path / "notes.xlsx", {"Read me": _intro(90)})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    # a risk matrix's legend at row 49: a row of sentences under "CATEGORIA | DESCRIPCIÓN" and one row of
    # level names is no register either
    legend = _intro(30)[:48] + [
        [None, "IMPACTO", "CATEGORIA", "DESCRIPCIÓN",
         "Las actividades contienen un riesgo mínimo que probablemente no suceda.",
         "Las actividades contienen un riesgo pequeño que puede suceder alguna vez en el proyecto."],
        [None, None, None, None, "M", "B"], [], [None, None, None, "CATEGORIA", "MÍNIMO", "BAJO"]]
    path = write_xlsx(tmp_path / "Matriz.xlsx", {"Hoja1": legend})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []


def test_roles_with_expectations_and_no_names_are_the_stakeholders(sqlite_store, tmp_path):
    """A stakeholder analysis names roles, not people ("Rolle | Erwartungshaltung", "Role | Expectations"):
    with no name column, each role is the stakeholder's name (and its role), its expectations the concerns."""
    de = [["Rolle", "Erwartungshaltung"],
          ["Kunde (KU)", "Bedienung und Service sollen benutzerfreundlich sein."],
          ["Entwickler (E)", "Fordert definierte Schnittstellen und eine klare Dokumentation."],
          ["Lieferant (L)", "Es muss eine genaue Stückliste der zu beschaffenden Teile geben."]]
    path = write_xlsx(tmp_path / "Stakeholder.xlsx", {"Tabelle1": de})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["Entwickler (E)", "Kunde (KU)", "Lieferant (L)"]
    assert got["Kunde (KU)"]["role"] == "Kunde (KU)"
    assert got["Entwickler (E)"]["concerns"].startswith("Fordert definierte")


def test_roles_with_expectations_in_english_are_the_stakeholders(sqlite_store, tmp_path):
    en = [["Role", "Expectations", "Influence"],
          ["Sponsor", "Delivery on budget", "High"],
          ["End users", "An easy tool", "Low"],
          ["IT operations", "Stable releases", "Medium"]]
    path = write_xlsx(tmp_path / "analysis.xlsx", {"Stakeholders": en})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert sorted(got) == ["End users", "IT operations", "Sponsor"]
    assert got["Sponsor"]["power"] == 4


def test_a_column_repeating_two_words_is_no_role_naming_stakeholders(sqlite_store, tmp_path):
    """An engagement table ("Grupos de stakeholders | Descrição | Engajamento | Inconsciente … | Estratégia")
    whose "Engajamento" cells say only "Positivo" / "Negativo": its first data row, read as a second header
    line, must not make that column the roles naming stakeholders (13 junk records on a real workbook)."""
    rows = [["NÍVEL DE ENGAJAMENTO E ESTRATÉGIA PARA LIDAR COM STAKEHOLDERS"],
            ["Grupos de\n stakeholders", "Descrição", "Engajamento", "Inconsciente", "Resistente", "Neutro",
             "Favorável", "Favorável e Apoiador", "Estratégia"]]
    for n in range(1, 7):
        rows.append([float(n), f"Grupo de interesse número {n}", "Positivo" if n % 2 else "Negativo",
                     None, None, None, None, None, "Não há necessidade de mudança de nível de engajamento"])
    path = write_xlsx(tmp_path / "Stakeholders.xlsx", {
        "Stakeholders": [["Nome", "Papel", "Poder", "Interesse"], ["Ana Souza", "Patrocinadora", "Alto", "Alto"],
                         ["Bruno Lima", "Gerente", "Médio", "Alto"]],
        "Engajamento dos stakeholders": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert "Positivo" not in got and "Negativo" not in got
    assert {"Ana Souza", "Bruno Lima"} <= set(got)


def test_an_opportunity_sheet_repeating_the_risk_sheets_ids_gets_in_with_new_ids(sqlite_store, tmp_path):
    """Risks numbered 1, 2, 3 on one sheet and opportunities numbered 1, 2 on the next: every row gets in;
    the second sheet's rows whose ID is taken get new IDs, and the preview says so on each of them."""
    risks = [["ID", "Risk", "Owner", "Probability", "Impact"],
             [1, "Supplier goes bankrupt", "Ana Silva", 3, 4],
             [2, "Key engineer leaves", "Tom Berg", 2, 4],
             [3, "Budget cut", "Ana Silva", 2, 5]]
    opportunities = [["ID", "Opportunity", "Owner", "Probability", "Impact"],
                     [1, "Reuse the platform of project B", "Tom Berg", 3, 3],
                     [2, "Grant from the region", "Ana Silva", 2, 4]]
    path = write_xlsx(tmp_path / "Risks and Opportunities.xlsx", {"Risks": risks, "Opportunities": opportunities})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Budget cut", "Grant from the region", "Key engineer leaves",
                           "Reuse the platform of project B", "Supplier goes bankrupt"]
    assert got["Supplier goes bankrupt"]["code"] == "1"
    codes = [r["code"] for r in got.values()]
    assert len(set(codes)) == 5
    assert got["Reuse the platform of project B"]["code"] not in ("1", "2", "3")
    assert got["Reuse the platform of project B"]["kind"] == "Opportunity"  # the sheet's name says so
    assert got["Budget cut"]["kind"] == "Threat"
    reports = [r.report for s in plan.sheets if s.sheet == "Opportunities" for r in s.rows]
    assert len(reports) == 2 and all("new record" in r.reason and "“Risks”" in r.reason for r in reports)


def test_a_short_name_beside_the_description_is_the_title(sqlite_store, tmp_path):
    """"Nombre" (the risk's short name) beside "Descripción del riesgo": the name is the title and the
    description stays on the record; in English "Name" beside "Description" the same."""
    es = [["Nombre", "Descripción del riesgo:", "Categoría del riesgo:", "Probabilidad", "Impacto"],
          ["Ciberataque", "Robo de informacion y de rendimiento operacional por un ataque externo", "Técnico",
           "Alta", "Alta"],
          ["Fuga de clientes", "Los clientes se van por la competencia y bajan las ventas del año", "Estratégico",
           "Media", "Alta"],
          ["Mala calificación", "Malas calificaciones dadas en redes sociales sobre la empresa", "Estratégico",
           "Baja", "Media"]]
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Hoja1": es})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Ciberataque", "Fuga de clientes", "Mala calificación"]
    assert "Robo de informacion" in got["Ciberataque"]["notes"]
    en = [["Issue ID", "Name", "Description", "Owner", "Status"],
          ["I-1", "Late delivery", "The supplier delivered the servers three weeks after the agreed date.",
           "Ana Silva", "Open"],
          ["I-2", "Test rig broken", "The test rig in the lab failed and nobody can run the integration tests.",
           "Tom Berg", "Open"]]
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Issues": en})
    import_all(sqlite_store, path)
    issues = named(sqlite_store, "issues")
    assert sorted(issues) == ["Late delivery", "Test rig broken"]
    assert issues["Late delivery"]["description"].startswith("The supplier delivered")


def test_odd_spaces_anywhere_in_a_sheet_are_plain_spaces(sqlite_store, tmp_path):
    """No-break (U+00A0), figure (U+2007) and narrow no-break (U+202F) spaces and zero-width characters
    are read as plain spaces (or nothing) in every row, not only when the first 30 rows hold one."""
    rows = [["ID", "Name", "Role", "Influence", "Interest"]]
    rows += [[f"S{i}", f"Person {i}", "Team member", "Low", "Low"] for i in range(1, 41)]
    rows += [["S41", "Project\xa0Manager", "Runs\u2007the\u202fproject\u200b", "High", "High"],
             ["S42\u200b", "Quality\u202fLead", "Checks", "Medium", "High"]]
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Stakeholders": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert "Project Manager" in got and "Quality Lead" in got
    assert got["Project Manager"]["role"] == "Runs the project"
    assert got["Quality Lead"]["code"] == "S42"
    odd = ("\xa0", "\u2007", "\u202f", "\u200b")
    assert not any(ch in str(v) for r in got.values() for v in r.values() for ch in odd)


def test_a_repeated_header_row_is_skipped_as_a_repeat_of_the_header(sqlite_store, tmp_path):
    """A long register prints its header again lower down (a second page): that row is skipped with the
    reason "a repeat of the header", and the rows under it import."""
    head = ["Risk ID", "Risk Title", "Owner", "Likelihood", "Impact"]
    rows = [head, ["R1", "Supplier late", "Ana Silva", 3, 4], ["R2", "Scope grows", "Tom Berg", 2, 3], [],
            head, ["R3", "Budget cut", "Ana Silva", 2, 5], ["R4", "Key person leaves", "Tom Berg", 3, 3]]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": rows})
    plan = import_all(sqlite_store, path)
    assert sorted(named(sqlite_store, "risks")) == ["Budget cut", "Key person leaves", "Scope grows", "Supplier late"]
    reasons = {r.report.row: r.report.reason for r in plan.sheets[0].rows}
    assert "a repeat of the header" in reasons[5]


def test_a_change_log_is_refused_saying_why(sqlite_store, tmp_path):
    """A software change log ("Date | Summary | Description" on the default sheet of "Change Log.xlsx") is
    no register the office keeps: the message says it is a dated log of changes, not the generic one."""
    import pytest

    from pmo_desktop.excel.errors import WorkbookError
    rows = [["Date", "Summary", "Description"],
            ["2023-01-04", "Added export", "Export of the report to PDF."],
            ["2023-02-11", "Fixed login", "Login failed on Safari."],
            ["2023-03-02", "New icons", "Icons redrawn for the dark theme."]]
    path = write_xlsx(tmp_path / "Change Log.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match="log of changes"):
        import_all(sqlite_store, path)
