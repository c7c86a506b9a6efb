"""The command line as a user runs it, for tests: ``cli.main`` with the arguments in a working directory,
its exit code and what it printed, as a ``CompletedProcess``. In this process by default: a new interpreter
importing SQLAlchemy and openpyxl costs about a second a call and proves nothing more (an uncaught exception
fails the test as a traceback would). ``process=True`` runs ``python -m pmo_desktop`` for real, for the tests
about the entry point itself, exit codes through the shell, and what a library prints on its own."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: object, cwd: Path, ok: bool | None = None, process: bool = False,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    if process:
        full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        full_env.pop("PMO_DEBUG", None)
        proc = subprocess.run([sys.executable, "-m", "pmo_desktop", *map(str, args)], cwd=cwd, env=full_env,
                              capture_output=True, text=True, timeout=120)
    else:
        proc = _run_in_process([str(a) for a in args], cwd)
    if ok is True:
        assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def _run_in_process(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    from pmo_desktop import cli

    out, err = io.StringIO(), io.StringIO()
    here, debug = os.getcwd(), os.environ.pop("PMO_DEBUG", None)
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as e:  # argparse's usage errors and --help
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        os.chdir(here)
        if debug is not None:
            os.environ["PMO_DEBUG"] = debug
    return subprocess.CompletedProcess(["pmo-desktop", *argv], code, out.getvalue(), err.getvalue())
