"""Issue 12, scale51: a sheet's own scale and its own scores are never silently changed. A register rated on a scale
other than the office's (1–3, 1–4, words of three or four levels), told by its header, a legend beside the table,
a legend sheet or its own score column, is read by one rule, said once a column; the sheet's own score, where
the office works out another, stays on the record and is said once. Each test writes a workbook of that shape."""

from __future__ import annotations

from cli_runner import run_cli
from imported import by_code, import_all
from real_world_factory import write_xlsx

WORDS = {1: "Low", 2: "Medium", 3: "High"}
# (ID, title, likelihood, impact) on a 1–3 scale; R3 is the sheet's middle level twice
RATED = [("R1", "Supplier delay", 3, 3), ("R2", "Key staff leave", 2, 3), ("R3", "Budget overrun", 2, 2),
         ("R4", "Data loss", 1, 3), ("R5", "Scope creep", 1, 1), ("R6", "Late approvals", 3, 2)]
LEGEND = [("Level", "Score"), ("Low", 1), ("Medium", 2), ("High", 3)]


def _register(header: list[str], rows: list[list[object]], beside: list[tuple[str, int]] | None = None
              ) -> list[list[object]]:
    """The sheet's rows, a legend written two columns past the table's last (an empty column between)."""
    out = [list(header), *[list(r) for r in rows]]
    for i, pair in enumerate(beside or []):
        while len(out) <= i:
            out.append([])
        out[i] = out[i] + [None] * (len(header) + 1 - len(out[i])) + list(pair)
    return out


def _levels(risks: dict[str, dict], code: str) -> tuple[int | None, int | None]:
    return risks[code]["probability"], risks[code]["impact"]


def _office_ratings_of_the_middle(risks: dict[str, dict]) -> None:
    """Nothing the sheet rated at its middle level (Medium × Medium) is rated Critical by the office."""
    assert risks["R3"]["inherent_rating"] != "Critical"


def test_a_scale_in_the_header_is_said_and_the_sheets_own_score_kept(sqlite_store, tmp_path):
    """"Likelihood (1-3) | Impact (1-3) | Risk Score": 3 × 3 = 9 is the sheet's top. The office reads 3 as high (4)
    and works out 16, so the sheet's 9 is no calculation of the office's: it was dropped as one, the 9 lost and
    the reading unsaid. It stays in the notes under its header, and the preview and the command line say the
    scale once a column and the score once."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood (1-3)", "Impact (1-3)", "Risk Score"],
        *[[c, t, p, i, p * i] for c, t, p, i in RATED]]})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Likelihood (1-3): a 1–3 scale (from the header) read as 2, 3, 4 on the office's 1–5." in note
    assert "Impact (1-3): a 1–3 scale (from the header) read as 2, 3, 4" in note
    assert note.count("is the sheet's own score") == 1
    assert "3 × 3 = 9 on the sheet's 1–3 scale is 4 × 4 = 16, Critical, in the office" in note
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "R1") == (4, 4) and "Risk Score: 9" in risks["R1"]["notes"]
    assert "Risk Score: 4" in risks["R3"]["notes"]
    _office_ratings_of_the_middle(risks)
    run_cli("new", "cli.pmo", cwd=tmp_path, ok=True)
    said = run_cli("import", "cli.pmo", book, "--dry-run", cwd=tmp_path, ok=True).stdout
    assert said.count("Likelihood (1-3): a 1–3 scale (from the header) read as 2, 3, 4") == 1
    assert said.count("“Risk Score” is the sheet's own score") == 1


def test_a_legend_beside_the_table_tells_the_scale_of_its_numbers(sqlite_store, tmp_path):
    """A "Level | Score" legend beside the table (Low 1, Medium 2, High 3) says the sheet's 1–3 numbers are low,
    medium, high: read as 2, 3, 4, as "Likelihood (1-3)" is (before, 3 was read as the office's medium, so the
    sheet's top, 3 × 3, was a Medium risk), said from the legend, and the sheet's score kept."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": _register(
        ["ID", "Risk", "Likelihood", "Impact", "Risk Score"], [[c, t, p, i, p * i] for c, t, p, i in RATED], LEGEND)})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Likelihood: a 1–3 scale (from the legend) read as 2, 3, 4 on the office's 1–5." in note
    risks = by_code(sqlite_store, "risks")
    assert [_levels(risks, c) for c in ("R1", "R3", "R5")] == [(4, 4), (3, 3), (2, 2)]
    assert "Risk Score: 9" in risks["R1"]["notes"]
    _office_ratings_of_the_middle(risks)
    assert {r for r in by_code(sqlite_store, "risks")} == {c for c, *_ in RATED}  # the legend is no record


def test_a_legend_sheet_tells_the_scale_as_a_legend_beside_the_table_does(sqlite_store, tmp_path):
    """The same legend on a sheet of its own reads the register's numbers alike."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {
        "Risk Register": [["ID", "Risk", "Likelihood", "Impact", "Risk Score"],
                          *[[c, t, p, i, p * i] for c, t, p, i in RATED]],
        "Legend": [list(r) for r in LEGEND]})
    plan = import_all(sqlite_store, book)
    assert "Impact: a 1–3 scale (from the legend) read as 2, 3, 4" in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "R1") == (4, 4) and _levels(risks, "R4") == (2, 4)


def test_words_of_a_legend_are_said_and_the_sheets_score_said_once(sqlite_store, tmp_path):
    """Tarrose's shape: a title block, Likelihood and Impact in Low / Medium / High, the legend beside them and a
    "Risk Score" of their product (High × High = 9). The words read as the office's Low, Medium, High (2, 3, 4)
    as before; now the preview says so once a column, from the legend, and says the sheet's score once (before,
    R1 became 16, Critical, beside the sheet's 9 with no word)."""
    rows = [["Consulting Ltd", None, None, None, None, None, "Level", "Score"],
            ["RISK REGISTER", None, None, None, None, None, "Low", 1],
            [None, None, None, None, None, None, "Medium", 2],
            [None, None, None, None, None, None, "High", 3],
            ["ID", "Risk Description", "Likelihood", "Impact", "Risk Score", "Owner"],
            *[[c, t, WORDS[p], WORDS[i], p * i, "Project Manager"] for c, t, p, i in RATED]]
    book = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Risk Register": rows})
    plan = import_all(sqlite_store, book)
    note = plan.sheets[0].note
    assert "Likelihood: a 1–3 scale (from the legend), its words read as Low 2, Medium 3, High 4 on the " \
           "office's 1–5." in note
    assert note.count("“Risk Score” is the sheet's own score") == 1
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "R1") == (4, 4) and "Risk Score: 9" in risks["R1"]["notes"]
    _office_ratings_of_the_middle(risks)


def test_the_sheets_own_scores_tell_its_scale_when_nothing_else_does(sqlite_store, tmp_path):
    """No header, legend or note names the scale, but every "Risk Score" is the row's likelihood × impact, the
    two using 1, 2 and 3 and the top score 9: a 1–3 scale, read as a header naming it is (before, 1–3 were the
    office's 1–3, the sheet's top a Medium risk, and its score dropped as the office's). A register rated 1–5
    whose scores are the office's products is unchanged: read as written, its score the office's again."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Risk Score"],
        *[[c, t, p, i, p * i] for c, t, p, i in RATED]]})
    plan = import_all(sqlite_store, book)
    assert "Likelihood: a 1–3 scale (from the “Risk Score” column) read as 2, 3, 4" in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "R1") == (4, 4) and "Risk Score: 9" in risks["R1"]["notes"]
    _office_ratings_of_the_middle(risks)

    five = [("F1", "Vendor exit", 5, 4), ("F2", "Fire", 1, 5), ("F3", "Strike", 3, 2), ("F4", "Flood", 2, 2),
            ("F5", "Fraud", 4, 1), ("F6", "Outage", 3, 3)]
    other = write_xlsx(tmp_path / "Five.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Risk Score"], *[[c, t, p, i, p * i] for c, t, p, i in five]]})
    plan = import_all(sqlite_store, other)
    assert "scale (from" not in plan.sheets[0].note and "own score" not in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "F1") == (5, 4) and _levels(risks, "F6") == (3, 3) and not risks["F1"]["notes"]


def test_a_four_level_scale_reads_from_low_up_in_numbers_and_words_alike(sqlite_store, tmp_path):
    """"Likelihood (1-4)": 1–4 is low, medium, high, very high — 2, 3, 4, 5, as those words read (before, 1–4 was
    stretched to 1, 2, 4, 5: the sheet's 1 negligible and its 2 low, where its words said low and medium); an
    unrated cell stays unrated."""
    book = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood (1-4)", "Impact (1-4)", "Risk Score"],
        ["R1", "Supplier delay", 4, 4, 16], ["R2", "Key staff leave", 1, 2, 2], ["R3", "Budget overrun", 2, 3, 6],
        ["R4", "Data loss", None, 3, None]]})
    plan = import_all(sqlite_store, book)
    assert "Likelihood (1-4): a 1–4 scale (from the header) read as 2, 3, 4, 5 on the office's 1–5." \
        in plan.sheets[0].note
    risks = by_code(sqlite_store, "risks")
    assert [_levels(risks, c) for c in ("R1", "R2", "R3")] == [(5, 5), (2, 3), (3, 4)]
    assert _levels(risks, "R4") == (None, 4) and not risks["R4"]["inherent_rating"]
    assert "Risk Score: 6" in risks["R3"]["notes"]

    words = write_xlsx(tmp_path / "Words.xlsx", {"Risks": _register(
        ["ID", "Risk", "Likelihood", "Impact"],
        [["W1", "Supplier delay", "Very High", "Low"], ["W2", "Key staff leave", "Medium", "High"]],
        [("Level", "Score"), ("Low", 1), ("Medium", 2), ("High", 3), ("Very High", 4)])})
    import_all(sqlite_store, words)
    risks = by_code(sqlite_store, "risks")
    assert _levels(risks, "W1") == (5, 2) and _levels(risks, "W2") == (3, 4)  # what 4, 1 and 2, 3 read as above


def test_a_csv_scale_named_between_underscores_keeps_and_says_its_score(sqlite_store, tmp_path):
    """ShoanKJ's CSV (round 33): "Likelihood_1_3 | Impact_1_3 | Risk_Score", every cell text. The score "9" of 3 × 3
    was dropped as the office's calculation though the office works out 16; it is kept and said once, as a
    workbook's number is."""
    path = tmp_path / "risk-register.csv"
    path.write_text("Control_Ref,Control_Name,Likelihood_1_3,Impact_1_3,Risk_Score\n" + "".join(
        f"{c},{t},{p},{i},{p * i}\n" for c, t, p, i in RATED), encoding="utf-8")
    plan = import_all(sqlite_store, path)
    note = plan.sheets[0].note
    assert "Likelihood_1_3: a 1–3 scale (from the header) read as 2, 3, 4" in note
    assert note.count("“Risk_Score” is the sheet's own score") == 1
    risks = {r["title"]: r for r in by_code(sqlite_store, "risks").values()}
    assert "Risk_Score: 9" in risks["Supplier delay"]["notes"]
    assert (risks["Supplier delay"]["probability"], risks["Supplier delay"]["impact"]) == (4, 4)
