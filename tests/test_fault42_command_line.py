"""Fault injection, round 42: a command the program lacks ("sumary", "report") given on the command line. It was
taken for a file to open in the window: on a machine with no display (a script, a server) Qt aborted with "could
not connect to display", a core dump and exit 134; with a display, a window opened saying the file did not exist.
It is refused in one line, with the command it most resembles, exit 2, and nothing is written."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import ROOT

from pmo_desktop.models.store import Store


@pytest.mark.parametrize("args, said", [
    (["sumary", "office.pmo"], "“sumary” is not a command"),
    (["Export", "office.pmo", "out.xlsx"], "Did you mean “export”?"),
    (["report"], "“report” is not a command"),
])
def test_a_misspelt_command_with_no_display_is_refused_in_a_line(tmp_path: Path, args, said):
    Store.create(tmp_path / "office.pmo").close()
    before = sorted(p.name for p in tmp_path.iterdir())
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-m", "pmo_desktop", *args], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    assert said in run.stderr and "pmo-desktop --help" in run.stderr and "display" not in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_file_without_an_extension_still_opens_in_the_window(tmp_path: Path):
    """Only a bare word naming no file is refused: an office saved as "Harbour" (no extension) is a file."""
    from pmo_desktop.cli import not_a_command

    Store.create(tmp_path / "Harbour").close()
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert not_a_command("Harbour") is None and not_a_command("office.pmo") is None
        assert not_a_command("--database") is None and not_a_command("sumary") is not None
    finally:
        os.chdir(here)
