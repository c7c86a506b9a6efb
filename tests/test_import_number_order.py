"""Numbers a file writes with a decimal comma (a German or French CSV: 12,5; 1.234.567,89) are read that way
when a text reads either way (excel/number_order.py): read the English way, a German cost "2.500" (two
thousand five hundred) silently became 2.5 — the user's data changed without a word."""

from __future__ import annotations

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.number_order import NumberEvidence, column_decimals
from pmo_desktop.models.values import DECIMAL_COMMA, DECIMAL_POINT, decimal_mark, parse_number


def _csv(path, lines, encoding="utf-8"):
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def _costs(store):
    return {r["title"]: r["cost_impact"] for r in rows_of(store, "decisions")}


def test_a_german_cost_column_reads_2_500_as_two_thousand_five_hundred(sqlite_store, tmp_path):
    path = _csv(tmp_path / "entscheidungen.csv", [
        "Decision ID;Decision;Owner;Cost impact",
        "D1;Use vendor A;Ann;12,5",
        "D2;Hire a contractor;Ann;1.234.567,89",
        "D3;Cut scope;Ann;2.500"])
    plan = import_all(sqlite_store, path)
    costs = _costs(sqlite_store)
    assert [costs[t] for t in ("Use vendor A", "Hire a contractor", "Cut scope")] == [
        12.5, 1234567.89, 2500.0]
    assert "read either way" not in plan.sheets[0].note


def test_a_french_column_reads_1_234_as_one_point_two_three_four(sqlite_store, tmp_path):
    path = _csv(tmp_path / "decisions.csv", [
        "Decision ID;Decision;Owner;Cost impact",
        "D1;Use vendor A;Ann;1\u202f234,50",
        "D2;Hire a contractor;Ann;1,234"])
    import_all(sqlite_store, path)
    costs = _costs(sqlite_store)
    assert costs["Use vendor A"] == 1234.5
    assert costs["Hire a contractor"] == 1.234


def test_a_column_with_only_ambiguous_numbers_follows_its_sheet(sqlite_store, tmp_path):
    """Baseline holds only 2.500-like texts; Target's 12,5 shows the sheet writes decimal commas."""
    path = _csv(tmp_path / "nutzen.csv", [
        "Benefit;Baseline;Target",
        "Fewer invoices lost;2.500;12,5",
        "Faster onboarding;1.500;7,25"])
    import_all(sqlite_store, path)
    benefits = named(sqlite_store, "benefits")
    assert (benefits["Fewer invoices lost"]["baseline_value"], benefits["Fewer invoices lost"]["target_value"]) == (
        2500.0, 12.5)
    assert benefits["Faster onboarding"]["baseline_value"] == 1500.0


def test_a_likelihood_written_as_a_probability_with_decimal_commas(sqlite_store, tmp_path):
    """A scale read from text: "0,250" beside "0,5" is a quarter (level 2 of 5), not 250."""
    path = _csv(tmp_path / "risiken.csv", [
        "Risk ID;Risk;Likelihood;Impact",
        "R1;Vendor goes bust;0,5;4",
        "R2;Key engineer leaves;0,250;3",
        "R3;Budget cut;0,9;2"])
    import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert [risks[t]["probability"] for t in ("Vendor goes bust", "Key engineer leaves", "Budget cut")] == [3, 2, 5]


def test_a_sheet_with_only_ambiguous_numbers_follows_the_file_whichever_sheet_is_read_first(sqlite_store, tmp_path):
    """The decisions (planned before the benefits) hold only 2.500-like costs; the benefits' 12,5 shows how
    the workbook writes its decimals."""
    path = write_xlsx(tmp_path / "Programm.xlsx", {
        "Nutzen": [["Benefit", "Baseline", "Target"],
                   ["Fewer invoices lost", "12,5", "7,25"], ["Faster onboarding", "3,5", "4,75"]],
        "Entscheidungen": [["Decision ID", "Decision", "Owner", "Cost impact"],
                           ["D1", "Use vendor A", "Ann", "2.500"], ["D2", "Cut scope", "Ann", "1.500"]]})
    plan = import_all(sqlite_store, path)
    assert _costs(sqlite_store) == {"Use vendor A": 2500.0, "Cut scope": 1500.0}
    assert not any("read either way" in s.note for s in plan.sheets)


def test_an_english_csv_does_not_change(sqlite_store, tmp_path):
    path = _csv(tmp_path / "decision_log.csv", [
        "Decision ID,Decision,Owner,Cost impact",
        "D1,Use vendor A,Ann,12.5",
        'D2,Hire a contractor,Ann,"1,234,567.89"',
        "D3,Cut scope,Ann,2.500",
        'D4,Delay go-live,Ann,"1,234"'])
    plan = import_all(sqlite_store, path)
    costs = _costs(sqlite_store)
    assert [costs[t] for t in ("Use vendor A", "Hire a contractor", "Cut scope", "Delay go-live")] == [
        12.5, 1234567.89, 2.5, 1234.0]
    assert "read either way" not in plan.sheets[0].note


def test_with_no_evidence_the_english_reading_stays_and_the_preview_says_so(sqlite_store, tmp_path):
    path = _csv(tmp_path / "decision_log.csv", [
        "Decision ID;Decision;Owner;Cost impact",
        "D1;Use vendor A;Ann;2.500",
        "D2;Hire a contractor;Ann;300"])
    plan = import_all(sqlite_store, path)
    assert _costs(sqlite_store)["Use vendor A"] == 2.5
    note = plan.sheets[0].note
    assert "2.500" in note and "decimal point" in note and note.count("read either way") == 1


def test_a_real_number_cell_is_never_in_doubt(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Entscheidungen.xlsx", {"Entscheidungen": [
        ["Decision ID", "Decision", "Owner", "Cost impact"],
        ["D1", "Use vendor A", "Ann", "12,5"],
        ["D2", "Hire a contractor", "Ann", 2.5],
        ["D3", "Cut scope", "Ann", "2.500"]]})
    import_all(sqlite_store, path)
    costs = _costs(sqlite_store)
    assert (costs["Hire a contractor"], costs["Cut scope"]) == (2.5, 2500.0)


def test_the_rules():
    assert [decimal_mark(t) for t in ("12,5", "1.234.567,89", "1.234.567", "12.5", "1,234.5", "1,234,567",
                                      "2.500", "1,234", "12", "abc", 2.5)] == [
        DECIMAL_COMMA, DECIMAL_COMMA, DECIMAL_COMMA, DECIMAL_POINT, DECIMAL_POINT, DECIMAL_POINT,
        "", "", None, None, None]
    assert (parse_number("2.500", ""), parse_number("2.500", "", DECIMAL_COMMA)) == (2.5, 2500.0)
    assert (parse_number("1,234", ""), parse_number("-1,234", "", DECIMAL_COMMA)) == (1234.0, -1.234)
    assert parse_number("12,5", "", DECIMAL_POINT) == 12.5  # a text that reads one way only is read that way
    decimals, sheet, unsettled = column_decimals({1: ["2.500", "12.5"], 2: ["1,234"], 3: ["3,000"]})
    assert (decimals, sheet.decimal, unsettled) == ({1: DECIMAL_POINT, 2: DECIMAL_POINT, 3: DECIMAL_POINT},
                                                   DECIMAL_POINT, "")
    decimals, _sheet, unsettled = column_decimals({1: ["2.500"]}, NumberEvidence(first=1))
    assert (decimals, unsettled) == ({1: DECIMAL_COMMA}, "")  # the sheets before it in the file decide
    decimals, _sheet, unsettled = column_decimals({1: ["2.500", 7]})
    assert (decimals, unsettled) == ({1: DECIMAL_POINT}, "2.500")
