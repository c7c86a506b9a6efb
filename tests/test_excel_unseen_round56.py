"""Classes of problem found on round 56 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_a_programs_data_written_out_is_no_register(sqlite_store, tmp_path):
    """A trading bot's "risk_assessment.csv": one row per position, its "risk_factors" and "mitigating_factors"
    Python dicts written out ("{'position_size': 0.31, 'leverage': 0.1}"). Every row became a risk titled by the
    dict and an action from the dict beside it (24 records of junk). A column naming the rows that holds a
    mapping of named values on every row names no record: the file adds nothing and says why. A register whose
    titles merely contain braces or a colon is read as before."""
    rows = [["whale_id", "crypto", "potential_loss_pct", "risk_score", "risk_level", "risk_factors",
             "mitigating_factors"]]
    for n in range(6):
        rows.append([f"Whale_{n}", "BNB", 0.1 + n / 100, 40 + n, "Medium",
                     f"{{'position_size': 0.{n + 1}, 'leverage': 0.1, 'historical_drawdown': 1.0}}",
                     f"{{'win_rate': 0.4{n}, 'stop_loss_in_place': True}}"])
    path = write_csv(tmp_path / "risk_assessment.csv", rows)
    with pytest.raises(WorkbookError, match="a program's data written out.*“risk_factors”"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "risk_actions") == []

    worded = write_csv(tmp_path / "risks.csv", [
        ["Risk ID", "Risk", "Likelihood", "Impact"],
        ["R1", "Supplier fails: {key vendor}", "High", "High"],
        ["R2", "{TBD} scope grows", "Low", "Medium"]])
    import_all(sqlite_store, worded)
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R2"}
