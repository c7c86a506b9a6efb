"""A shared office's server that stops answering (a firewall dropping packets, a machine hung) rather than refusing:
the connect gives up in seconds with words, instead of freezing the window for the operating system's TCP timeout."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from pmo_desktop.models import db_url, errors
from pmo_desktop.models.store import Store


@pytest.fixture
def silent_server():
    """A port on loopback whose listener takes connections into its backlog and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def test_a_silent_server_is_given_up_on_with_words(silent_server, monkeypatch):
    monkeypatch.setattr(db_url, "CONNECT_SECONDS", 2, raising=False)
    url = f"postgresql+psycopg://ann:secret@127.0.0.1:{silent_server}/office"
    outcome: list[BaseException | str] = []

    def open_it() -> None:
        try:
            Store.open(url)
            outcome.append("opened")
        except BaseException as error:  # noqa: BLE001 - the test reports whatever came out
            outcome.append(error)

    started = time.monotonic()
    worker = threading.Thread(target=open_it, daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the connect to a silent server was still waiting after 20 s"
    assert time.monotonic() - started < 15
    [error] = outcome
    assert isinstance(error, errors.StoreError), error
    assert "127.0.0.1" in str(error) and "secret" not in str(error)


def test_the_users_own_waits_are_kept():
    args = db_url.server_connect_args(db_url.parsed("postgresql+psycopg://ann@db.example/office?connect_timeout=60"))
    assert "connect_timeout" not in args and args["keepalives"] == 1
    assert db_url.server_connect_args(db_url.parsed("sqlite:///office.pmo")) == {}
