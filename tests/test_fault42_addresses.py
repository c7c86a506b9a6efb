"""Fault injection, round 42: an address that names no database — a SharePoint or web link to an office file, a
typo in the scheme — given to File ▸ Connect to Shared Office and to the command line. Each is refused in words a
user can act on, and nothing is opened, created or changed."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

WEB_ADDRESSES = ["https://contoso.sharepoint.com/sites/pmo/Shared%20Documents/office.pmo",
                 "http://user:secret@intranet.example/office.pmo", "postgress://me@db.example/pmo"]


def _warnings() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.mark.parametrize("address", WEB_ADDRESSES)
def test_a_web_address_given_to_the_window_is_refused_in_words(qtbot, main_window, address):
    """SQLAlchemy's "Can't load plugin: sqlalchemy.dialects:https" escaped the window's open as an error it did
    not expect. The window says what the address is not, and what to do."""
    assert main_window.open_path(address) is False
    boxes = _warnings()
    assert len(boxes) == 1
    text = boxes[0].text()
    assert "is not a database address" in text and "postgresql://" in text and "plugin" not in text
    assert "secret" not in text  # a password in the address is never shown
    boxes[0].close()
    assert main_window.document is None


@pytest.mark.parametrize("address", WEB_ADDRESSES)
def test_a_web_address_given_to_the_command_line_is_refused_in_words(tmp_path: Path, address):
    run = subprocess.run([sys.executable, "-m", "pmo_desktop", "summary", "--database", address],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path,
                         env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert run.returncode != 0
    assert "is not a database address" in run.stderr and "plugin" not in run.stderr and "secret" not in run.stderr
    assert list(tmp_path.iterdir()) == []
