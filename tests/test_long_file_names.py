"""A file name near the system's limit (255 bytes a name: 100 accented letters are 200 of them) that the
user chose and the system accepts is written under that name: the temporary name an export or a board
pack is first written under, and the "rows left out" workbook's name, are built around it and must fit
too. Before (fault12), both refused with "[Errno 36] File name too long: '/…/.~ééé….0a7c9c…-79kxbkr8.xlsx'",
a name the user never chose, and the rows left out were said to be in no folder that could be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run_cli
from openpyxl import load_workbook

from pmo_desktop.excel.importer import LEFT_OUT_SUFFIX
from pmo_desktop.models import disk

LONG = "é" * 100 + "x" * 30  # 230 bytes: with ".xlsx", 235 — a valid name, 20 bytes from the limit


@pytest.fixture
def office(tmp_path: Path, demo_file_copy) -> Path:
    return demo_file_copy(tmp_path / "office.pmo")


@pytest.mark.parametrize("command,suffix", [("export", ".xlsx"), ("boardpack", ".pdf"), ("boardpack", ".xlsx")])
def test_an_export_or_a_pack_under_a_name_near_the_limit(tmp_path: Path, office: Path, command, suffix) -> None:
    out = tmp_path / f"{LONG}{suffix}"
    proc = run_cli(command, office, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["office.pmo", out.name])  # no temporary left


def test_rows_left_out_of_a_workbook_named_near_the_limit(tmp_path: Path, office: Path) -> None:
    source = tmp_path / f"{LONG}.csv"
    source.write_text("Title,Probability,Impact\nGood one,2,2\nBad one,9,9\nGood two,3,3\n", encoding="utf-8")
    proc = run_cli("import", office, source, "--register", "risks", "--partial", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "beside the workbook" in proc.stdout, proc.stdout
    [written] = [p for p in tmp_path.iterdir() if p.name.endswith(LEFT_OUT_SUFFIX)]
    assert len(written.name.encode()) <= disk.NAME_MAX and written.name.startswith("é" * 100)
    rows = list(load_workbook(written).worksheets[0].iter_rows(values_only=True))
    assert rows[1][1:] == ("Bad one", "9", "9")


def test_a_name_is_cut_at_a_whole_character() -> None:
    assert disk.fitted_stem("ab", "c" * 253) == "ab"
    assert disk.fitted_stem("é" * 10, "c" * 250) == "éé"  # 5 bytes of room: two é, not half of a third
    assert disk.fitted_stem("abc", "c" * 300) == ""
