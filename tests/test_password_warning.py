"""A password written into --database is visible to other local users in the process list: the
command line says so on stderr (recommending ~/.pgpass or PGPASSWORD) and never repeats it."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from cli_runner import run_cli


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def no_pgpassword(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)


def test_a_password_in_the_url_is_warned_about_and_never_shown(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://ann:Sekr1t-pw@127.0.0.1:{free_port()}/office"
    proc = run_cli("summary", "--database", url, cwd=tmp_path)
    assert proc.returncode == 1  # nobody listens on that port: refused, with its one line
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "contains a password" in lines[0] and "~/.pgpass" in lines[0] and "PGPASSWORD" in lines[0]
    assert "Sekr1t-pw" not in proc.stderr + proc.stdout


def test_no_warning_without_a_password(tmp_path: Path) -> None:
    proc = run_cli("summary", "--database", f"postgresql+psycopg://ann@127.0.0.1:{free_port()}/office", cwd=tmp_path)
    assert proc.returncode == 1
    assert "contains a password" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_the_gui_command_line_warns_too(capsys) -> None:
    from pmo_desktop import cli

    assert cli._gui_database_url(["--database", "postgresql://a:b@h/d"]) == "postgresql://a:b@h/d"
    assert cli._gui_database_url(["--database=postgresql://a@h/d", "-style", "x"]) == "postgresql://a@h/d"
    assert cli._gui_database_url(["office.pmo"]) is None
    assert cli.warn_if_password_in_url("postgresql://a:b@h/d") is True
    assert "~/.pgpass" in capsys.readouterr().err
    assert cli.warn_if_password_in_url("postgresql://a@h/d") is False
    assert capsys.readouterr().err == ""
