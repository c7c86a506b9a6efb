"""Fault round 66: one of the program's words files (``resources/import_words_*.json``) cut short, emptied or made
unreadable — a disk that filled while an update was copied, a damaged installation. Every import then stopped with
"Unexpected error (ValueError: import_words_de.json: Unterminated string …). Run again with PMO_DEBUG=1", as if the
workbook were at fault, and the preview with the same. It is said as what it is, with the file and what to do;
nothing is imported (no words are guessed without the file), and the office is left as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel import vocabulary
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]

# The command line's import, its words read from WORDS (a copy the test damages), as an installation's would be
_IMPORT = r"""
import os, sys
from pathlib import Path
from pmo_desktop.excel import vocabulary
vocabulary.RESOURCES = Path(os.environ["WORDS"])
from pmo_desktop import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def _damaged(words: Path, how: str) -> None:
    target = words / "import_words_de.json"
    if how == "cut short":
        target.write_bytes(target.read_bytes()[:3000])
    elif how == "emptied":
        target.write_bytes(b"")
    else:  # unreadable: a folder in its place (permissions do not hold for every user that runs the tests)
        target.unlink()
        target.mkdir()


@pytest.mark.parametrize("how", ["cut short", "emptied", "unreadable"])
def test_a_damaged_words_file_is_said_as_that_and_nothing_is_imported(tmp_path: Path, how: str) -> None:
    words = tmp_path / "resources"
    shutil.copytree(vocabulary.RESOURCES, words)
    _damaged(words, how)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Risk ID", "Risk Title", "Likelihood", "Impact", "Risk Owner"])
    sheet.append(["R-1", "Supplier late", 3, 4, "Ann"])
    book.save(tmp_path / "risks.xlsx")
    Store.create(tmp_path / "office.pmo").close()
    env = {**os.environ, "WORDS": str(words), "PYTHONPATH": str(ROOT), "PMO_DESKTOP_CACHE": ""}
    env.pop("PMO_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", _IMPORT, "import", "office.pmo", "risks.xlsx"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "Unexpected error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "PMO Desktop's words file is damaged — import_words_de.json: " in done.stderr, done.stderr
    assert "Nothing was imported; reinstall PMO Desktop to mend it." in done.stderr, done.stderr
    store = Store.open(tmp_path / "office.pmo")
    try:
        with store.session() as s:
            assert records.fetch_rows(s, REGISTERS["risks"]) == []
    finally:
        store.close()
