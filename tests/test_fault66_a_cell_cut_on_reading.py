"""Fault round 66: a CSV cell longer than an Excel cell holds (40,000 characters: a pasted report, a log) is read
only to its first 32,768 letters (fault65, so that a 50 MB line is not looked through whole). Two faults followed:

- every message counting such a cell counted the cut: the rows-left-out workbook said the cell "held 32,768
  characters", the preview and the command line "Notes would be 32,781 characters" and "Notes is too long
  (32,768 characters …)". What is known is said instead: more than 32,767;
- under a response plan column ("Mitigation") the cut text was stored as the risk's response action — 32,768
  letters, one past what an action's description holds, the rest of the 40,000 lost without a word. The row is
  refused as any field too long is, and written whole to the rows left out."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run_cli

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

LONG = "word " * 8_000  # 40,000 characters


def register_csv(path: Path, header: str) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Title", "Owner", header])
        writer.writerow(["R-1", "Supplier report pasted in", "Ann", LONG])
        writer.writerow(["R-2", "Data centre move late", "Bob", "Racks arrive in May"])
    return path


@pytest.fixture
def office(tmp_path: Path):
    store = Store.create(tmp_path / "office.pmo")
    yield store
    store.close()


def reasons(store: Store, source: Path) -> list[str]:
    plan = plan_import(store, source, register="risks")
    return [r.report.reason for s in plan.sheets for r in s.rows if r.report.action == Action.ERROR]


@pytest.mark.parametrize("header", ["Description", "Notes", "Owner name"])
def test_the_refusal_says_more_than_the_limit_not_the_cuts_length(office: Store, tmp_path: Path, header: str) -> None:
    [reason] = reasons(office, register_csv(tmp_path / "risks.csv", header))
    assert "more than 32,767 characters" in reason, reason
    assert "32,768" not in reason and "32,78" not in reason and "32,8" not in reason, reason


def test_the_rows_left_out_say_more_than_the_limit(office: Store, tmp_path: Path) -> None:
    source = register_csv(tmp_path / "risks.csv", "Description")
    result = apply_import(office, plan_import(office, source, register="risks"), partial=True)
    assert result.left_out_path is not None
    reason = openpyxl.load_workbook(result.left_out_path).worksheets[0]["A2"].value
    assert "“Description” held more than 32,767 characters, more than an Excel cell holds: cut to 32,767 here, " \
           "whole in “risks.csv”" in reason, reason


def test_a_response_plan_too_long_for_an_action_is_refused_not_stored_cut(office: Store, tmp_path: Path) -> None:
    source = register_csv(tmp_path / "risks.csv", "Mitigation")
    [reason] = reasons(office, source)
    assert reason == "The response plan is too long for an action (more than 32,767 characters; at most 32,767); " \
                     "shorten that cell.", reason
    result = apply_import(office, plan_import(office, source, register="risks"), partial=True)
    assert result.left_out == 1
    with office.session() as s:
        actions = records.fetch_rows(s, REGISTERS["risk_actions"])
        risks = records.fetch_rows(s, REGISTERS["risks"])
    assert not any(len(str(x)) > 1_000 for row in actions for x in row)  # 32,768 letters of 40,000 before
    code = REGISTERS["risks"].field_names.index("code") + 2
    assert [r[code] for r in risks] == ["R-2"]


def test_the_command_line_says_it_too(tmp_path: Path) -> None:
    Store.create(tmp_path / "office.pmo").close()
    register_csv(tmp_path / "risks.csv", "Description")
    proc = run_cli("import", "office.pmo", "risks.csv", "--dry-run", cwd=tmp_path)
    assert "Notes would be more than 32,767 characters" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
