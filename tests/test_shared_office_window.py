"""The main window on a shared PostgreSQL office: the password is asked for only when no standard
source has it, and never lands in the recent list or the title."""

import pytest
from pg_server import SUPERUSER_PASSWORD

from pmo_desktop.models import db_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def window(main_window, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.pgpass
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    return main_window


def test_open_a_server_office_asking_for_the_password(window, pg_store_url):
    asked = []
    window.ask_password = lambda server: asked.append(server) or SUPERUSER_PASSWORD
    bare = db_url.without_password(pg_store_url)
    assert window.open_path(bare)
    assert asked == [db_url.display(bare)]
    assert window.recent_files() == [bare]
    assert SUPERUSER_PASSWORD not in window.windowTitle()
    assert window.document.store.program() is not None


def test_a_url_with_its_password_is_remembered_without_it(window, pg_store_url):
    window.ask_password = lambda server: pytest.fail("no prompt when the URL has the password")
    assert window.open_path(pg_store_url)
    assert window.recent_files() == [db_url.without_password(pg_store_url)]
    window.settings.sync()
    with open(window.settings.fileName(), encoding="utf-8") as fh:
        saved = fh.read()
    assert "recent_files" in saved and SUPERUSER_PASSWORD not in saved
