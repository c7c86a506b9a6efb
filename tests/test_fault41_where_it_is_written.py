"""Fault round 41, where an export or a board pack is written: a name Windows cannot hold, a name too long.

Faults injected: “Q3: risks?.xlsx”, “a<b>|c.pdf”, “CON.xlsx” chosen as the name of an export, a workbook pack or a
PDF pack — written here without a word, a file no Windows computer, shared drive or OneDrive could take (and on
Windows itself “Q3:” put the workbook in a hidden stream of an empty file “Q3”). Now refused before anything is
written, naming the characters and offering a name without them; the old file of the name asked for, if any, is
left as it was. A name longer than 255 bytes was refused as "Could not use “/tmp/…/aaaa….xlsx”: File name too long",
the whole path in the message and nothing said of what to do. (A folder that is read-only or gone, a folder as the name, the office itself, a full disk and a
size limit were refused already, the old file kept: tests/test_excel_export.py, test_fault_injection.py.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.export_errors import ExportError

TODAY = date(2026, 12, 5)
WRITERS = {".xlsx": lambda store, out: export_workbook(store, out),
           ".pdf": lambda store, out: write_board_pack_pdf(store, out, TODAY),
           "pack.xlsx": lambda store, out: write_board_pack(store, out, TODAY)}


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("stem,said,offered", [
    ("Q3: risks?", "(: ?)", "Q3 - risks"),
    ("a<b>|c", "(< > |)", "a - b - c"),
    ("Board\tpack", "(U+0009)", "Board - pack"),
])
def test_a_name_windows_cannot_hold_is_refused_before_anything_is_written(demo_store, tmp_path: Path, writer: str,
                                                                         stem: str, said: str, offered: str) -> None:
    suffix = ".pdf" if writer == ".pdf" else ".xlsx"
    out = tmp_path / f"{stem}{suffix}"
    with pytest.raises(ExportError) as refused:
        WRITERS[writer](demo_store, out)
    message = str(refused.value)
    assert f"holds characters Windows does not allow in a file name {said}" in message
    assert f"Nothing was written; choose a name without them, such as “{offered}{suffix}”." in message
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.pmo")] == []  # no temporary file either


@pytest.mark.parametrize("name", ["CON.xlsx", "nul.xlsx", "LPT1.board.xlsx"])
def test_a_name_windows_keeps_for_a_device_is_refused(demo_store, tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportError, match="is a name Windows keeps for a device"):
        export_workbook(demo_store, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_the_command_line_says_so_and_keeps_what_is_there(tmp_path: Path) -> None:
    run_cli("new", "office.pmo", "--demo", cwd=tmp_path, ok=True)
    run_cli("export", "office.pmo", "Q3 - risks.xlsx", cwd=tmp_path, ok=True)  # the name offered is taken
    for args in (["export", "office.pmo", "Q3: risks.xlsx"], ["boardpack", "office.pmo", "Board: Dec?.pdf"]):
        done = run_cli(*args, cwd=tmp_path)
        assert done.returncode == 1 and "Windows does not allow in a file name" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Q3 - risks.xlsx", "office.pmo"]


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("stem", ["a" * 300, "é" * 130])  # 300 bytes; 130 letters of 2 bytes each
def test_a_name_longer_than_a_disk_takes_says_so_and_what_to_do(demo_store, tmp_path: Path, writer: str,
                                                              stem: str) -> None:
    """It was refused as “Could not use “/tmp/…/aaaa…(300 letters).xlsx”: File name too long.”"""
    suffix = ".pdf" if writer == ".pdf" else ".xlsx"
    with pytest.raises(ExportError) as refused:
        WRITERS[writer](demo_store, tmp_path / f"{stem}{suffix}")
    message = str(refused.value)
    size = len(f"{stem}{suffix}".encode())
    assert message == (f"The name “{stem[:40]}…{suffix}” is {len(stem) + len(suffix):,} characters long ({size:,} "
                       "bytes), longer than a file's name can be (255 bytes). Nothing was written; choose a shorter "
                       "name.")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.pmo")] == []
