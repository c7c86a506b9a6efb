"""Shared fixtures. Tests run with no display: Qt uses the offscreen platform.

The database fixtures (``store``, ``demo_store``) run every test that uses them twice: on a SQLite
file and on a real PostgreSQL server (``[postgresql]``, marked ``postgres``). The server is started
once per session by ``pg_server`` (see tests/pg_server.py); when it cannot be started those runs are
skipped with the reason and the SQLite runs still gate. Each test gets a fresh database, cloned from
a template made once per session with ``Store.create`` / ``create_demo`` (cloning takes ~0.1 s where
building the demo takes ~1 s). Tests that need SQLite itself (PRAGMAs, Save a Copy) use
``sqlite_store`` / ``sqlite_demo_store``.
"""

import itertools
import os
import shutil
import tempfile
import threading
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings (recent files, geometry) and the demo office out of the user's real folders.
_sandbox = tempfile.mkdtemp(prefix="pmo-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_sandbox, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_sandbox, "data")
os.environ["PMO_DESKTOP_CACHE"] = os.path.join(_sandbox, "cache")  # header detection's tables (table_cache)
# Typed and pasted dates follow the user's locale (31/12 or 12/31): the tests run in Qt's British English
# whatever the machine's locale (set for Qt only, not for the processes the tests start), and the
# month-first tests set theirs.
from PySide6.QtCore import QLocale  # noqa: E402

QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from modal_watch import _no_modal_dialog_waits_for_ever  # noqa: E402,F401  (autouse: see its module)
from pg_server import ClonePool, PgServer  # noqa: E402

from pmo_desktop.models.demo import create_demo  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
_COLLECTIONS = itertools.count(1)  # the collections after Qt tests, for the periodic full one
_CLONE_POOL_BUSY = threading.Lock()  # replaced by the clone pool's own lock once it runs


# ---------------------------------------------------------------------------------- PostgreSQL
@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server of our own on loopback for the whole session, or a skip with the reason."""
    server = PgServer.start_or_reason()
    if isinstance(server, str):
        pytest.skip(server)
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def pg_templates(pg_server):
    """Template databases holding an empty office and the demo office, built once, and a pool that
    clones them ahead of need."""
    names = {}
    for kind, build in (("empty", Store.create), ("demo", create_demo)):
        name = pg_server.new_database(f"tpl_{kind}")
        build(pg_server.url(name)).close()
        names[kind] = name
    pool = ClonePool(pg_server, names)
    global _CLONE_POOL_BUSY
    _CLONE_POOL_BUSY = pool.busy
    yield pool
    pool.close()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty PostgreSQL database (no schema), dropped after the test."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


def _pg_clone(request, kind: str) -> str:
    """The URL of a fresh copy of the ``kind`` template, dropped after the test."""
    server = request.getfixturevalue("pg_server")
    pool = request.getfixturevalue("pg_templates")
    name = pool.take(kind)
    request.addfinalizer(lambda: pool.give_back(name))
    return server.url(name)


# ---------------------------------------------------------------------------------- stores
@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """"sqlite" or "postgresql"; shared by ``store`` and ``demo_store`` so a test uses one backend."""
    return request.param


@pytest.fixture(scope="session")
def empty_file_copy(tmp_path_factory):
    """``copy(target)`` puts a fresh copy of a new, empty office file (``Store.create``'s) at ``target`` and returns
    it: made once per session and again if the day changes, as ``demo_file_copy``. ``Store.create`` is 65 ms of
    CPU, a copy and its open 16 ms, for more than a thousand tests; the PostgreSQL runs clone a template too."""
    built: dict[date, Path] = {}

    def copy(target: Path) -> Path:
        day = date.today()
        if day not in built:
            source = tmp_path_factory.mktemp("empty-template") / "office.pmo"
            Store.create(source).close()
            built[day] = source
        shutil.copyfile(built[day], target)
        return target

    return copy


@pytest.fixture
def store_url(request, backend, tmp_path: Path, empty_file_copy) -> str:
    """Where a new, empty program office lives: a file path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(empty_file_copy(tmp_path / "office.pmo"))
    return _pg_clone(request, "empty")


@pytest.fixture
def pg_store_url(request) -> str:
    """A new, empty program office on the PostgreSQL test server (for PostgreSQL-only tests)."""
    return _pg_clone(request, "empty")


@pytest.fixture
def store(store_url):
    """A new, empty program office (SQLite file or PostgreSQL database)."""
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_file_copy(tmp_path_factory):
    """``copy(target)`` puts a fresh copy of the demo office file at ``target`` and returns it: the demo is
    built once per session (~0.6 s; copying it takes ~0.01 s) and again if the day changes, since its dates
    are relative to today. Like the PostgreSQL template, each test gets a file nobody has used."""
    built: dict[date, Path] = {}

    def copy(target: Path) -> Path:
        day = date.today()
        if day not in built:
            source = tmp_path_factory.mktemp("demo-template") / "demo.pmo"
            create_demo(source).close()
            built[day] = source
        shutil.copyfile(built[day], target)
        return target

    return copy


@pytest.fixture
def demo_store(request, backend, tmp_path: Path, demo_file_copy):
    """The demo program office (SQLite file or PostgreSQL database)."""
    if backend == "sqlite":
        s = Store.open(demo_file_copy(tmp_path / "demo.pmo"))
    else:
        s = Store.open(_pg_clone(request, "demo"))
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path: Path, empty_file_copy):
    """A new, empty program office file, for tests of SQLite itself."""
    s = Store.open(empty_file_copy(tmp_path / "office.pmo"))
    yield s
    s.close()


@pytest.fixture
def sqlite_demo_store(tmp_path: Path, demo_file_copy):
    s = Store.open(demo_file_copy(tmp_path / "demo.pmo"))
    yield s
    s.close()


@pytest.fixture
def document(qtbot, tmp_path: Path, empty_file_copy):
    """A GUI document (store + undo stack) on a new file."""
    from pmo_desktop.views.document import Document

    doc = Document(Store.open(empty_file_copy(tmp_path / "gui.pmo")))
    yield doc
    doc.close()


@pytest.fixture(autouse=True)
def _qt_cleanup_between_tests(request):
    """After each test, let Qt delete what the test closed, then collect Python's cycles at once:
    widgets, charts and undo stacks of one test never linger into the next, so a collection never
    runs half-way through another test's work."""
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        # Each test starts with the registers' own columns: a layout one test saved (a column narrowed, hidden
        # or moved, kept in the app's settings for the next session) was the next test's in the same worker,
        # and a check of the risk table's dates then failed only in some orders of a whole run.
        from PySide6.QtCore import QSettings

        QSettings().remove("columns")
    # Not while the clone pool's thread is inside psycopg: a collection then crashed the run (seen once
    # in about five full runs, always "Garbage-collecting" here with that thread in libpq).
    with _CLONE_POOL_BUSY:
        if next(_COLLECTIONS) % 50 == 0:
            # Every 50th time all of it again: cycles the session let go of since it was frozen are freed
            # (frozen for good, 158 GUI tests ended with 379 MB against 306 MB; every 50th, 313 MB).
            gc.unfreeze()
        gc.collect()
    # What survives this collection (modules, Qt's wrappers, the session's fixtures and caches) is put out
    # of the collector's sight: the next test's collection here, and the collector's own full collections
    # during a test, walk only what was made since. A full collection walks everything tracked, and by
    # the last third of a run that took 0.2–0.4 s a time here (most of a GUI test's teardown). Everything
    # a test made is still collected at once when it ends, by the line above.
    gc.freeze()


def _let_go_of_typing(window) -> None:
    """A refused value a test left held in its cell would be asked about as the window closes ("Not saved"), a
    question nobody answers here: let go of it, as "Close Without It" does."""
    from shiboken6 import isValid

    from pmo_desktop.views.register_table.register_view import RegisterView

    for view in window.findChildren(RegisterView) if isValid(window) else ():
        view.let_go_of_typing()
    if isValid(window) and window.document is not None:  # changes kept to retry: asked about too
        window.document.pending = []


@pytest.fixture
def main_window(qtbot, tmp_path: Path):
    """A shown main window with its own settings file (recent files, geometry) in the temp dir."""
    from PySide6.QtCore import QSettings

    from pmo_desktop.views.main_window import MainWindow

    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w, before_close_func=_let_go_of_typing)
    w.show()
    yield w
    _let_go_of_typing(w)
    w.close()


@pytest.fixture
def empty_window(main_window, qtbot, tmp_path: Path):
    """The main window on a new office with nothing in it, 1280×720 and active."""
    assert main_window.create_file(str(tmp_path / "office.pmo"))
    main_window.resize(1280, 720)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


@pytest.fixture
def demo_window(main_window, qtbot, tmp_path: Path, demo_file_copy):
    """The main window on a fresh copy of the demo office, 1280×720 and active (keys go to it)."""
    path = demo_file_copy(tmp_path / "demo.pmo")
    assert main_window.open_path(str(path))
    main_window.resize(1280, 720)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


@pytest.fixture
def uk_locale():
    """Qt's default locale British (day first) for one test: typed and pasted dates follow it."""
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def us_locale():
    """Qt's default locale American (month first) for one test."""
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(old)
