"""Two windows on one file: each sees the other's edits on focus or on the timer, marked for a moment,
keeping its selection."""

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import RegisterView
from pmo_desktop.views.register_table.table_model import FLASH_COLOUR

PROJECTS = REGISTERS["projects"]


def test_changes_made_elsewhere_appear_marked_and_selection_stays(qtbot, tmp_path):
    path = tmp_path / "shared.pmo"
    mine = Document(Store.create(path))
    with mine.store.transaction() as s:
        for name in ("Tills", "Stock", "Loyalty"):
            records.create_record(s, PROJECTS, {"name": name})
    mine.notify("projects", None)
    view = RegisterView(mine, PROJECTS)
    qtbot.addWidget(view)
    view.select_record(view.model.record_id(2))

    theirs = Store.open(path)  # a second window (or program) on the same file
    with theirs.transaction() as s:
        stock = records.find_id_by_code(s, PROJECTS, "P-02")
        records.update_record(s, PROJECTS, stock, {"name": "Stock control"})
        records.create_record(s, PROJECTS, {"name": "E-commerce"})
    theirs.close()

    assert mine.check_outside_changes() == 2
    names = [view.proxy.index(r, view.model.column_of("name")).data() for r in range(view.proxy.rowCount())]
    assert names == ["Tills", "Stock control", "Loyalty", "E-commerce"]
    assert view.current_record_id() == view.model.record_id(2)  # still on Loyalty
    changed = view.proxy.index(1, view.model.column_of("name"))
    assert changed.data(8).color().name() == FLASH_COLOUR  # Qt.BackgroundRole
    assert view.proxy.index(0, 1).data(8) is None
    assert mine.check_outside_changes() == 0  # nothing new: nothing refetched
    mine.close()


def test_own_edits_are_not_reported_as_outside_changes(qtbot, document):
    view = RegisterView(document, PROJECTS)
    qtbot.addWidget(view)
    view.add_row()
    view.model.setData(view.model.index(0, view.model.column_of("name")), "Mine")
    assert document.check_outside_changes() == 0


def test_signature_changes_with_every_kind_of_change(store):
    from pmo_desktop.models.changes import rows_signature, signature

    def shown():
        with store.session() as s:
            return records.fetch_rows(s, PROJECTS)

    with store.transaction() as s:
        ids = [records.create_record(s, PROJECTS, {"name": n}).id for n in ("A", "B", "C")]
    seen = set()
    for change in (lambda s: records.update_record(s, PROJECTS, ids[1], {"name": "B2"}),
                   lambda s: records.create_record(s, PROJECTS, {"name": "D"}),
                   lambda s: records.delete_records(s, PROJECTS, [ids[0]])):
        with store.session() as s:
            before = signature(s, PROJECTS)
        assert before == rows_signature(shown())
        seen.add(before)
        with store.transaction() as s:
            change(s)
        with store.session() as s:
            assert signature(s, PROJECTS) != before
    assert len(seen) == 3


def test_data_version_moves_only_when_someone_commits(store):
    first = store.data_version()
    if not store.is_sqlite:
        assert first is None  # PostgreSQL: the aggregate signature is compared every time
        return
    assert store.data_version() == first  # nobody committed: the same number
    with store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "A"})
    second = store.data_version()
    assert second != first  # our own commit, on another connection, moves it too
    other = Store.open(store.path)
    with other.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "B"})
    other.close()
    assert store.data_version() not in (first, second)


def test_an_unchanged_file_is_not_compared_again_and_a_commit_is_seen(qtbot, tmp_path):
    path = tmp_path / "shared.pmo"
    mine = Document(Store.create(path))
    view = RegisterView(mine, PROJECTS)
    qtbot.addWidget(view)
    assert mine.check_outside_changes() == 0
    assert mine.check_outside_changes() == 0
    theirs = Store.open(path)
    with theirs.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Theirs"})
    theirs.close()
    assert mine.check_outside_changes() == 1
    assert view.model.rowCount() == 1
    assert mine.check_outside_changes() == 0
    mine.close()


def test_the_timers_check_reads_the_database_off_the_gui_thread(qtbot, store_url):
    """On SQLite and PostgreSQL: the timer's check starts a worker that reads each open table's
    signature; the GUI thread compares and refreshes only when someone else changed something."""
    import threading

    mine = Document(Store.open(store_url))
    with mine.store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Tills"})
    view = RegisterView(mine, PROJECTS)
    qtbot.addWidget(view)
    found = []
    mine.outside_changes_found.connect(found.append)
    threads = []
    real_read = mine.office.read
    mine.office.read = lambda *a, **k: (threads.append(threading.current_thread()), real_read(*a, **k))[1]

    if mine.poll_outside_changes():  # SQLite: our own commit moved data_version; PostgreSQL: always
        qtbot.waitUntil(lambda: not mine._probing)
    assert found == [] and all(t is not threading.main_thread() for t in threads)

    theirs = Store.open(store_url)
    with theirs.transaction() as s:
        records.update_record(s, PROJECTS, records.find_id_by_code(s, PROJECTS, "P-01"), {"name": "Tills 2"})
    theirs.close()
    threads.clear()
    assert mine.poll_outside_changes()
    assert not mine.poll_outside_changes()  # one background read at a time
    qtbot.waitUntil(lambda: found == [1])
    assert threads[0] is not threading.main_thread()  # the signature; the refresh reads on the GUI thread
    assert view.proxy.index(0, view.model.column_of("name")).data() == "Tills 2"
    mine.office.read = real_read
    mine.close()
