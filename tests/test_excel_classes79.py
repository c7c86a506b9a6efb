"""Issue 12, classes79: the miss classes of unseen set 79 as general rules — generated filler rows are no records; a
calculation sheet titled by its references and formulas is no register; a level word written with its number is
read by the number on the sheet's scale; a header's lower rows listing each column's levels are that column's
legend. Each test writes a workbook of the shape (never a fetched file) and failed on the code before (main
912168d3)."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def _filler(n: int, stems: tuple[str, ...], with_id: bool = True) -> list[list[object]]:
    return [([i] if with_id else []) + [f"{stem} {i}" for stem in stems] for i in range(1, n + 1)]


@pytest.mark.parametrize("header, stems", [
    (["id", "title", "summary", "body"], ("Risk", "summary", "body")),
    (["nr", "Bezeichnung", "Inhalt"], ("Entscheidung", "Inhalt")),
    (["id", "問題", "説明"], ("問題", "説明")),
])
def test_generated_filler_rows_are_refused_saying_why(sqlite_store, tmp_path, header, stems):
    """A program's test data: every cell its column's word and the row's number ("decisao 7 | resumo 7 |
    conteudo 7"), 500 rows beside an id, was read as 500 records titled "decisao N". Refused, whatever the words."""
    path = write_csv(tmp_path / "fixtures.csv", [header, *_filler(40, stems)])
    with pytest.raises(WorkbookError, match=r"generated filler, not the .*one word and the row's number"):
        import_all(sqlite_store, path)
    for register in ("risks", "issues", "decisions"):
        assert rows_of(sqlite_store, register) == []


def test_filler_in_a_workbook_beside_numbers_is_refused(sqlite_store, tmp_path):
    rows: list[list[object]] = [["Risk ID", "Risk", "Description", "Probability", "Impact"]]
    rows += [[f"{i}", f"Risk_{i}", f"Description_{i}", i % 5 + 1, 3] for i in range(1, 21)]
    with pytest.raises(WorkbookError, match=r"generated filler"):
        import_all(sqlite_store, write_xlsx(tmp_path / "seed.xlsx", {"Risks": rows}))


def test_numbered_titles_beside_real_text_are_still_records(sqlite_store, tmp_path):
    """One numbered column beside words of a person's own is a register (the rule needs every text column filler)."""
    rows: list[list[object]] = [["ID", "Risk", "Description", "Owner"]]
    texts = ["Supplier may fail", "Budget may be cut", "Key staff may leave", "Scope may grow", "Site may flood"]
    rows += [[i, f"Risk {i}", texts[i - 1], ["Ana", "Ben"][i % 2]] for i in range(1, 6)]
    import_all(sqlite_store, write_xlsx(tmp_path / "register.xlsx", {"Risks": rows}))
    assert set(named(sqlite_store, "risks")) == {f"Risk {i}" for i in range(1, 6)}


def _calculation(labels: tuple[str, ...]) -> list[list[object]]:
    rows: list[list[object]] = [["Lightning risk assessment"], [], labels]
    rows += [[f"R{i}=RA+RB*{i}", f"R{i}", 1.5e-06 * i, f"Eq. {i}", 1e-05, "Yes"] for i in range(1, 5)]
    rows += [[], ["Probability of damage", None, None, labels[0], labels[1], labels[2]]]
    rows += [[f"Step {i}", None, None, f"P{i}=Pt{i}*Pb", f"P{i}", f"Table B.{i}"] for i in range(1, 5)]
    return rows


@pytest.mark.parametrize("labels", [("Equation", "Id", "Value", "Reference", "Tolerable", "Meets?"),
                                    ("Gleichung", "ID", "Wert", "Referenz", "Zulässig", "Erfüllt?")])
def test_a_calculation_titled_by_references_and_formulas_is_refused(sqlite_store, tmp_path, labels):
    """A calculation sheet: only "Id" names a register's field, the title was guessed from the references column
    ("Eq. 1", "Table B.2") beside formulas written as text ("P1=Pt1*Pb"): read as risks titled "Eq. 1". Refused."""
    path = write_xlsx(tmp_path / "risk_analysis.xlsx", {"Study": _calculation(labels)})
    with pytest.raises(WorkbookError, match=r"a calculation, not the risk register: .* holds formulas and references"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []


def test_an_id_and_a_guessed_title_of_words_is_still_read(sqlite_store, tmp_path):
    rows: list[list[object]] = [["Id", "Remark", "Value"]]
    rows += [[f"R{i}", text, i] for i, text in enumerate(
        ["Supplier may fail", "Budget may be cut", "Key staff may leave", "Scope may grow"], start=1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "risk_analysis.xlsx", {"Risks": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 4


def _rated(probability: list[str], impact: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [["#", "Risk", "Probability", "Impact", "Owner"]]
    titles = ["Supplier may fail", "Budget may be cut", "Key staff may leave", "Scope may grow"]
    rows += [[i + 1, titles[i], p, im, "Ana"] for i, (p, im) in enumerate(zip(probability, impact))]
    return rows


@pytest.mark.parametrize("unlikely, likely", [("Unlikely", "Likely"), ("Unwahrscheinlich", "Wahrscheinlich")])
def test_a_word_written_with_its_number_is_read_by_the_number(sqlite_store, tmp_path, unlikely, likely):
    """"Likely (2)" in a column beside "High (3)": read by its word as 4 of 5 while the sheet rates it 2 of 1–3,
    where "Medium (2)" came in 3. The number written with the word is the level on the sheet's 1–3 scale (2 → 3),
    said in the sheet's notes."""
    rows = _rated([f"{unlikely} (1)", f"{likely} (2)", f"{likely} (2)", f"{unlikely} (1)"],
                  ["High (3)", "Medium (2)", "High (3)", "Medium (2)"])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    risks = named(sqlite_store, "risks")
    assert [(risks[t]["probability"], risks[t]["impact"]) for t in
            ["Supplier may fail", "Budget may be cut", "Key staff may leave", "Scope may grow"]] == \
        [(2, 4), (3, 3), (3, 4), (2, 3)]
    assert "read by the number written with it, on the sheet's 1–3 scale" in plan.sheets[0].note


def test_a_legend_numbering_the_words_off_one_line_places_them(sqlite_store, tmp_path):
    """The legend beside the table numbers the words ("Unlikely (1)" down a matrix's side, "Likely (2) | Very likely
    (3)" along its foot — no line of three): "Likely" is 2 of the sheet's 1–3 (→ 3), not the office's likely (4)."""
    rows = _rated(["Likely", "Very likely", "Unlikely", "Likely"], ["Medium", "High", "High", "Low"])
    for r in rows:
        r += [None, None]
    rows += [[], [None] * 6 + ["Impact"], [None] * 6 + ["High (3)", 3], [None] * 6 + ["Medium (2)", 2],
             [None] * 6 + ["Low (1)", 1], [None] * 7 + ["Unlikely (1)"], [None] * 8 + ["Likely (2)", "Very likely (3)"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    risks = named(sqlite_store, "risks")
    assert [risks[t]["probability"] for t in
            ["Supplier may fail", "Budget may be cut", "Key staff may leave", "Scope may grow"]] == [3, 4, 2, 3]


@pytest.mark.parametrize("names, levels, choices", [
    (("Likelihood (L)", "Severity (S)", "Risk", "Response"), ("Low", "Medium", "High"), ("-Avoid", "-Reduce")),
    (("Probabilidad(P)", "Impacto(I)", "Nivel de", "Acción"), ("Baja", "Media", "Alta"), ("-Evitar", "-Mitigar")),
])
def test_a_header_whose_lower_rows_list_the_levels_reads_them_as_the_legend(sqlite_store, tmp_path, names, levels,
                                                                             choices):
    """Row 1 names the columns, rows 2–4 hold "1- Low", "2-Medium", "3-High" under the ratings (and "-Avoid",
    "-Reduce" under the response), ID and description on row 2: the header was taken as rows 2–3, the ratings kept
    in the notes as "2-Medium: 2". Those rows are each column's legend (a 1–3 scale); the data rows are rated on it."""
    rows: list[list[object]] = [
        [None, None, names[0], names[1], names[2], names[3], None],
        ["ID", "Risk description", f"1- {levels[0]}", f"1- {levels[0]}", "Score", None, "How"],
        [None, None, f"2-{levels[1]}", f"2- {levels[1]}", "(P) x (I)", choices[0], None],
        [None, None, f"3-{levels[2]}", f"3- {levels[2]}", None, choices[1], None],
        [1, "Supplier may fail", 2, 3, 6, choices[1][1:], "Second supplier"],
        [2, "Budget may be cut", 1, 2, 2, choices[0][1:], "Phase the spend"],
        [3, "Key staff may leave", 3, 3, 9, choices[1][1:], "Cross-train"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Plan": rows}))
    risks = named(sqlite_store, "risks")
    assert [(risks[t]["probability"], risks[t]["impact"]) for t in
            ["Supplier may fail", "Budget may be cut", "Key staff may leave"]] == [(3, 4), (2, 3), (4, 4)]
    assert "list each column's levels" in plan.sheets[0].note


def test_a_registers_first_rows_rated_one_two_three_are_records(sqlite_store, tmp_path):
    """Levels "1- Low", "2- Medium", "3- High" down a rating column under a header of one row are the first three
    risks' ratings, not a legend."""
    rows: list[list[object]] = [["ID", "Risk", "Probability", "Owner"],
                                [1, "Supplier may fail", "1- Low", "Ana"], [2, "Budget may be cut", "2- Medium", "Ben"],
                                [3, "Key staff may leave", "3- High", "Ana"], [4, "Scope may grow", "Low", "Ben"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert set(named(sqlite_store, "risks")) == {"Supplier may fail", "Budget may be cut", "Key staff may leave",
                                                 "Scope may grow"}


@pytest.mark.parametrize("header", [["ID", "Status", "起票日", "起票者", "内容", "担当者", "優先度"],
                                    ["ID", "Status", "Raised On", "Raised By", "Issue", "Assignee", "Priority"]])
def test_the_assignee_is_the_owner_beside_the_raiser(sqlite_store, tmp_path, header):
    """An issue list with who raised each issue ("起票者") before who is assigned ("担当者"): the raiser was the
    owner, the assignee kept in the notes. The assignee owns the issue; the raiser is kept in the notes."""
    rows: list[list[object]] = [header,
                                ["IS-1", "Open", "2026-01-10", "Sato Ken", "Login page times out", "Ito Yui", "High"],
                                ["IS-2", "Open", "2026-01-12", "Sato Ken", "Report totals are wrong", "Mori Aki", "Low"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Issues": rows}))
    issues = named(sqlite_store, "issues")
    assert issues["Login page times out"]["owner"] == "Ito Yui"
    assert issues["Report totals are wrong"]["owner"] == "Mori Aki"
    assert any("Sato Ken" in str(v) for v in issues["Login page times out"].values())


@pytest.mark.parametrize("nobody", ["TBD", "xxxxx"])
def test_the_raiser_stands_in_while_no_one_is_assigned(sqlite_store, tmp_path, nobody):
    rows: list[list[object]] = [["ID", "Issue", "Raised By", "Assigned To", "Status"],
                                ["D-1", "Login page times out", "Ana Lima", nobody, "Open"],
                                ["D-2", "Report totals are wrong", "Ben Ode", nobody, "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "defects.xlsx", {"Defects": rows}))
    assert named(sqlite_store, "issues")["Login page times out"]["owner"] == "Ana Lima"
