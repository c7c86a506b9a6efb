"""The headless command line in a temp dir: exit codes, output, messages (``cli.main`` in this process;
the entry point once as a real process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run_cli as run
from openpyxl import load_workbook
from xlsx_factory import billion_laughs, snapshot

from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]



def test_the_entry_point_as_a_process(tmp_path):
    """``python -m pmo_desktop``: created, refused with exit code 1 and one line, usage error 2."""
    assert run("new", "office.pmo", cwd=tmp_path, ok=True, process=True).returncode == 0
    refused = run("new", "office.pmo", cwd=tmp_path, process=True)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert run("summary", cwd=tmp_path, process=True).returncode == 2
    assert run("summary", "office.pmo", "--json", cwd=tmp_path, ok=True, process=True).stdout.startswith("{")


def one_line_error(proc) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def risk_log(path: Path) -> Path:
    """A risk log as a project sends it: a title block, synonyms for headers, people's own values."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RAID - risks"
    ws.append(["Acme project risk log"])
    ws.append(["Updated by the PMO, March"])
    ws.append([])
    ws.append(["Risk Ref", "Risk Title", "Likelihood", "Impact (1-5)", "Risk Owner", "Date raised", "RAG"])
    ws.append(["R-101", "Supplier goes bust", "High", 4, "Ann Lee", "31/03/2026", "Red"])
    ws.append(["R-102", "=Key staff leave", "L", "3", "Bo Chan", None, "Amber"])
    ws["B6"].data_type = "s"  # typed as text in Excel ('=Key...), not a formula
    ws.append(["R-103", "Budget cut", 3, 5, "Ann Lee", "2026-04-02", None])
    wb.save(path)
    return path


def summary(tmp_path, target="office.pmo") -> dict:
    return json.loads(run("summary", target, "--json", cwd=tmp_path, ok=True).stdout)


def test_new_import_summary_export_reimport_boardpack(tmp_path):
    proc = run("new", "office.pmo", cwd=tmp_path, ok=True)
    assert (tmp_path / "office.pmo").exists() and "Created office.pmo" in proc.stdout

    proc = run("import", "office.pmo", risk_log(tmp_path / "log.xlsx"), cwd=tmp_path, ok=True)
    assert proc.stdout.count("inserted R-1") == 3 and "Imported 3 new" in proc.stdout

    data = summary(tmp_path)
    assert data["risks"]["total"] == 3
    # High (4) × 4 = 16 is critical, L (2) × 3 = 6 medium, 3 × 5 = 15 high
    assert data["risks"]["open_by_rating"] == {"Critical": 1, "High": 1, "Medium": 1, "Low": 0, "Not rated": 0}
    assert [r["id"] for r in data["risks"]["records"]] == ["R-101", "R-102", "R-103"]
    assert data["risks"]["records"][1]["title"] == "=Key staff leave"

    text = run("summary", "office.pmo", cwd=tmp_path, ok=True).stdout
    assert "Risks: 3" in text and "Stakeholders: 0" in text

    proc = run("export", "office.pmo", "out.xlsx", cwd=tmp_path, ok=True)
    assert "out.xlsx" in proc.stdout
    assert "Risk register" in load_workbook(tmp_path / "out.xlsx").sheetnames

    before = Store.open(tmp_path / "office.pmo")
    rows_before = snapshot(before)
    before.close()
    proc = run("import", "office.pmo", "out.xlsx", cwd=tmp_path, ok=True)
    assert "inserted R-" not in proc.stdout and "Imported 0 new" in proc.stdout
    again = Store.open(tmp_path / "office.pmo")
    rows_after = snapshot(again)
    again.close()
    for name in ("risks", "stakeholders", "benefits", "risk_actions", "people"):
        assert [r[2:] for r in rows_after[name]] == [r[2:] for r in rows_before[name]], name
    assert summary(tmp_path)["risks"]["total"] == 3

    proc = run("boardpack", "office.pmo", "pack.xlsx", cwd=tmp_path, ok=True)
    wb = load_workbook(tmp_path / "pack.xlsx")
    assert wb.sheetnames[:4] == ["Summary", "Project status", "Since last board", "Top risks"]
    assert wb["Summary"]._charts


def test_new_demo_and_export_of_one_register(tmp_path):
    run("new", "demo.pmo", "--demo", cwd=tmp_path, ok=True)
    run("export", "demo.pmo", "risks.xlsx", "--register", "risks", cwd=tmp_path, ok=True)
    wb = load_workbook(tmp_path / "risks.xlsx")
    assert wb.sheetnames == ["Risk register", "Risk actions", "Lists", "_pmo_export"]
    assert wb["_pmo_export"].sheet_state == "veryHidden"  # the export stamp, out of the way
    proc = run("new", "demo.pmo", cwd=tmp_path)
    assert proc.returncode == 1 and "already exists" in one_line_error(proc)


def new_office(tmp_path) -> Path:
    """A new office made in-process: quicker than another subprocess where ``new`` is not the subject."""
    Store.create(tmp_path / "office.pmo").close()
    return tmp_path / "office.pmo"


def test_dry_run_changes_nothing(tmp_path):
    new_office(tmp_path)
    store = Store.open(tmp_path / "office.pmo")
    before = snapshot(store)
    store.close()
    proc = run("import", "office.pmo", risk_log(tmp_path / "log.xlsx"), "--dry-run", cwd=tmp_path, ok=True)
    assert proc.stdout.count("will insert R-1") == 3 and "nothing changed" in proc.stdout
    store = Store.open(tmp_path / "office.pmo")
    assert snapshot(store) == before
    store.close()


def test_refused_import_changes_nothing_and_exits_1(tmp_path):
    new_office(tmp_path)
    log = risk_log(tmp_path / "log.xlsx")
    wb = load_workbook(log)
    wb.active.append(["R-104", "Bad row", "Sometimes", 9, "Ann Lee", "not a date", None])
    wb.save(log)
    proc = run("import", "office.pmo", log, "--dry-run", cwd=tmp_path)
    assert proc.returncode == 1 and "error R-104" in proc.stdout and "nothing changed" in proc.stdout
    proc = run("import", "office.pmo", log, cwd=tmp_path)
    assert proc.returncode == 1 and "error R-104" in proc.stdout
    assert "nothing was imported" in one_line_error(proc)
    store = Store.open(tmp_path / "office.pmo")
    assert snapshot(store)["risks"] == []
    store.close()


def test_import_one_sheet_into_a_named_register(tmp_path):
    new_office(tmp_path)
    log = risk_log(tmp_path / "log.xlsx")
    run("import", "office.pmo", log, "--register", "risks", "--sheet", "RAID - risks", cwd=tmp_path, ok=True)
    assert summary(tmp_path)["risks"]["total"] == 3


@pytest.mark.parametrize("make,args,message", [
    (None, ("summary", "missing.pmo"), "does not exist"),
    ("text", ("summary", "notes.txt"), "not a PMO Desktop program office file"),
    ("text", ("export", "notes.txt", "out.xlsx"), "not a PMO Desktop program office file"),
    ("office", ("import", "office.pmo", "missing.xlsx"), "does not exist"),
    ("office", ("import", "office.pmo", "notes.txt"), "has a header row naming register columns"),  # text: read as CSV
    ("office", ("import", "office.pmo", "bomb.xlsx"), "refused as unsafe"),
    ("office", ("export", "office.pmo", "nowhere/out.xlsx"), "does not exist"),
    ("office", ("export", "office.pmo", "out.csv"), "must end in .xlsx"),
    ("office", ("boardpack", "office.pmo", "office.pmo"), "must end in .pdf (a print-ready PDF) or .xlsx"),
    ("office", ("boardpack", "office.pmo", "May pack"), "must end in .pdf (a print-ready PDF) or .xlsx"),
    ("office", ("export", "office.pmo", "notes.txt/out.xlsx"), "is a file, not a folder"),
    ("office", ("boardpack", "office.pmo", "notes.txt/pack.pdf"), "is a file, not a folder"),
])
def test_refusals_exit_1_with_one_line(tmp_path, make, args, message):
    (tmp_path / "notes.txt").write_text("not a database\n")
    before = None
    if make == "office":
        new_office(tmp_path)
        billion_laughs(tmp_path / "bomb.xlsx")
        store = Store.open(tmp_path / "office.pmo")
        before = snapshot(store)
        store.close()
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 1
    line = one_line_error(proc)
    assert line.startswith("pmo-desktop: ") and message in line
    if before is not None:
        store = Store.open(tmp_path / "office.pmo")
        assert snapshot(store) == before
        store.close()


@pytest.mark.parametrize("args,message", [
    (("export", "office.pmo", "x.xlsx", "--register", "dragons"), "invalid choice: 'dragons'"),
    (("import", "office.pmo", "x.xlsx", "--register", "projects"), "invalid choice: 'projects'"),
    (("export", "office.pmo"), "give a program office FILE"),
    (("import",), "required: WORKBOOK"),
    (("summary",), "give a program office FILE or --database URL"),
    (("summary", "office.pmo", "--database", "sqlite:///x.pmo"), "not both"),
    (("summary", "office.pmo", "--colour"), "unrecognized arguments: --colour"),
    (("new",), "give a program office FILE"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in one_line_error(proc)


def test_help_for_every_command(tmp_path):
    for command in ("new", "import", "export", "boardpack", "summary"):
        proc = run(command, "--help", cwd=tmp_path, ok=True)
        assert proc.stdout.startswith(f"usage: pmo-desktop {command}") and "--database URL" in proc.stdout


def test_database_url_in_place_of_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.pmo'}"
    run("new", "--database", url, "--demo", cwd=tmp_path, ok=True)
    assert (tmp_path / "shared.pmo").exists()
    assert summary(tmp_path, target="--database=" + url)["risks"]["total"] == 10
    run("export", "--database", url, "out.xlsx", cwd=tmp_path, ok=True)
    run("boardpack", "pack.xlsx", "--database", url, cwd=tmp_path, ok=True)
    assert (tmp_path / "out.xlsx").exists() and (tmp_path / "pack.xlsx").exists()


def test_headless_paths_load_no_qt(tmp_path):
    create_demo(tmp_path / "demo.pmo").close()
    script = (
        "import sys\n"
        "from pmo_desktop import cli\n"
        "codes = [cli.main(['summary', 'demo.pmo']), cli.main(['summary', 'demo.pmo', '--json']),\n"
        "         cli.main(['export', 'demo.pmo', 'out.xlsx']), cli.main(['boardpack', 'demo.pmo', 'pack.xlsx']),\n"
        "         cli.main(['import', 'demo.pmo', 'out.xlsx', '--dry-run']), cli.main(['boardpack', 'demo.pmo', 'pack.pdf'])]\n"
        "assert codes == [0, 0, 0, 0, 0, 0], codes\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "assert not qt, qt\n"
        "print('no qt')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("no qt")
