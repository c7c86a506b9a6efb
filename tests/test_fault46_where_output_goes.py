"""Fault round 46: where output goes — the folder an export, a board pack or a copy is being written into is
removed (deleted, moved or renamed in a file manager; a share or a stick disconnected) while it is written.

Fault injected: the folder removed mid-export (on the command line: ``pmo-desktop export … out/risks.xlsx`` and
``rm -rf out`` while it wrote 200,000 risks). It said "“risks.xlsx” was not written: [Errno 2] No such file or
directory: '…/out/.~risks.0a7c9c26799-0ni5fl17.xlsx'." — the name of a temporary file the user never saw, nothing
of the folder. Now the folder is named, said gone, with what to do; nothing is left anywhere, the office untouched.
(A folder gone before the export begins, one read-only, a name Windows refuses, a file another program holds: met
before, tests/test_excel_export.py, test_fault41_where_it_is_written.py, test_export_over_a_locked_workbook.py.)
"""

from __future__ import annotations

import shutil

import pytest

from pmo_desktop.excel.atomic import write_atomically
from pmo_desktop.excel.export_errors import ExportError


def test_a_folder_removed_while_the_workbook_is_written_is_named_gone(tmp_path):
    out = tmp_path / "Board May" / "risks.xlsx"
    out.parent.mkdir()

    def write_while_the_folder_goes(file) -> None:
        file.write(b"PK" + b"\0" * 100_000)
        shutil.rmtree(out.parent)  # another program (a file manager, a sync) takes the folder away meanwhile
        file.write(b"\0" * 100_000)

    with pytest.raises(ExportError) as refused:
        write_atomically(out, write_while_the_folder_goes)
    said = str(refused.value)
    assert said.startswith("“risks.xlsx” was not written: the folder “")
    assert f"“{out.parent}” is no longer there" in said and "choose a folder that exists" in said
    assert ".~" not in said and "Errno" not in said  # no temporary name, no code
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing half-written left, nothing made again
