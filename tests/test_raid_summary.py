"""The RAID logs in the summary (CLI ``summary --json`` keys), the demo office and the board pack: pending
decisions with a due date are listed for the board."""

import json
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from test_cli import run

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import top_level
from pmo_desktop.models.summary import summarize

TODAY = date(2026, 3, 18)


def test_demo_summary_counts_every_raid_log(tmp_path):
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    try:
        data = summarize(store, today=TODAY)
        pack = load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", today=TODAY))["Summary"]
        pdf = write_board_pack_pdf(store, tmp_path / "pack.pdf", today=TODAY)
    finally:
        store.close()
    assert {"issues", "assumptions", "dependencies", "decisions", "actions"} <= set(data)
    assert data["assumptions"] == {"total": 3, "by_status": {"Open": 2, "Validated": 1}, "overdue": 1}
    assert data["dependencies"]["by_status"] == {"At risk": 2, "Delivered": 1, "Late": 1, "On track": 2}
    assert data["dependencies"]["late_or_at_risk"] == 3
    assert data["decisions"]["by_status"] == {"Decided": 2, "Pending": 3}
    assert [(d["id"], d["due"], d["overdue"]) for d in data["decisions"]["pending"]] == [
        ("DEC-005", "2026-03-15", True), ("DEC-002", "2026-03-28", False), ("DEC-003", "2026-04-12", False)]
    assert data["issues"]["total"] == 1 and data["issues"]["by_level"] == {"Project": 1}
    actions = data["actions"]
    assert actions["open"] > 10 and actions["overdue"] >= 2
    assert set(actions["by_source"]) == {"Risk", "Issue", "Decision", "Assumption", "Stakeholder engagement"}
    cells = [c for row in pack.iter_rows(values_only=True) for c in row if c is not None]
    start = cells.index("Decisions pending (3 with a due date)")
    assert cells[start + 1:start + 5] == ["Due", "ID", "Level", "Decision"]
    assert cells[start + 6:start + 9] == ["DEC-005", "Project", "Certify terminals with a second acquirer"]
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Go-live freeze over peak trading" in text and "15 Mar 2026 (overdue)" in text  # the pack's dates


def test_cli_names_and_summary_keys(tmp_path):
    assert {"issues", "assumptions", "dependencies", "decisions"} <= set(top_level())
    run("new", "office.pmo", "--demo", cwd=tmp_path, ok=True)
    data = json.loads(run("summary", "office.pmo", "--json", cwd=tmp_path, ok=True).stdout)
    assert data["decisions"]["total"] == 5 and data["dependencies"]["total"] == 6 and data["assumptions"]["total"] == 3
    text = run("summary", "office.pmo", cwd=tmp_path, ok=True).stdout
    assert "Dependencies: 6" in text and "pending DEC-002 Go-live freeze over peak trading" in text
    run("export", "office.pmo", "raid.xlsx", "--register", "decisions", cwd=tmp_path, ok=True)
    assert load_workbook(tmp_path / "raid.xlsx", read_only=True).sheetnames[0] == "Decisions"
