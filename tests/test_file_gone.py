"""The file leaves its path while the office is open — deleted or moved by a file manager, replaced by
another file, its stick pulled: the next edit is refused with one message instead of being written into
a file nobody will see again (on Linux an open, deleted file takes writes and loses them at close), no
empty office is made under the old name, and Save a Copy As still saves everything the window had,
even back under the old name. Real files, really removed under the open store or window."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views import file_dialogs

PROJECTS = REGISTERS["projects"]


def delete(path: Path) -> None:
    path.unlink()


def rename(path: Path) -> None:
    path.rename(path.with_name("moved by someone.pmo"))


def replace(path: Path) -> None:
    """Another office put in its place (a sync tool, a colleague's copy dragged over it)."""
    other = path.with_name("other.pmo")
    Store.create(other, program_name="Someone else's").close()
    os.replace(other, path)


HOW: dict[str, Callable[[Path], None]] = {"deleted": delete, "renamed": rename, "replaced": replace}


def names(store: Store) -> list[str]:
    with store.session() as s:
        return [r[3] for r in records.fetch_rows(s, PROJECTS)]


@pytest.mark.parametrize("how", list(HOW))
def test_the_next_edit_is_refused_and_a_copy_keeps_everything(tmp_path: Path, how: str) -> None:
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    try:
        with store.transaction() as s:
            records.create_record(s, PROJECTS, {"name": "Tills"})
        HOW[how](path)
        there_before = path.exists()
        with pytest.raises(errors.FileGone, match="no longer where it was opened") as refused:
            with store.transaction() as s:
                records.create_record(s, PROJECTS, {"name": "Lost?"})
        assert "Save a Copy As" in str(refused.value)
        assert store.read_only and path.exists() == there_before  # no new, empty office under the old name
        store.engine.dispose()  # even with no connection left in the pool (the copy reads the one kept)
        rescued = store.save_copy(tmp_path / "rescued.pmo")
        if how == "deleted":
            store.save_copy(path)  # back where it was
    finally:
        store.close()
    for copy in [rescued] + ([path] if how == "deleted" else []):
        reopened = Store.open(copy)
        try:
            assert names(reopened) == ["Tills"]
        finally:
            reopened.close()


@pytest.fixture
def window_on_file(main_window, qtbot, tmp_path: Path):
    path = tmp_path / "office.pmo"
    assert main_window.create_file(str(path))
    main_window.nav.setCurrentRow(1)  # Projects
    view = main_window.active_register_view()
    view.add_row()
    assert view.model.rowCount() == 1
    return main_window, path


def warnings(window) -> list[str]:
    return [b.text() for b in window.findChildren(QMessageBox) if b.isVisible() and b.objectName() == "warning"]


def test_the_window_notices_on_its_timer_and_turns_read_only(qtbot, window_on_file, tmp_path, monkeypatch) -> None:
    window, path = window_on_file
    path.unlink()
    window.poll_outside_changes()  # what the timer runs every few seconds
    shown = warnings(window)
    assert len(shown) == 1 and "no longer where it was opened" in shown[0] and "Nothing is lost" in shown[0]
    assert window.read_only_banner.isVisible() and "[read only]" in window.windowTitle()
    view = window.active_register_view()
    assert not view.add_action.isEnabled() and not view.new_line.isVisible()
    assert not view.proxy.flags(view.proxy.index(0, view.model.column_of("name"))) & Qt.ItemFlag.ItemIsEditable
    window.poll_outside_changes()
    assert len(warnings(window)) == 1  # said once
    copy = tmp_path / "rescued.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save", lambda *_a, **_k: str(copy))  # the system's file chooser
    qtbot.mouseClick(window.read_only_banner.button, Qt.MouseButton.LeftButton)
    assert window.document.store.path == copy and not window.document.read_only
    window.nav.setCurrentRow(1)
    window.active_register_view().add_row()
    assert len(names(window.document.store)) == 2


def test_an_edit_before_the_timer_noticed_is_kept_and_saved_into_the_copy(qtbot, window_on_file, tmp_path,
                                                                         monkeypatch) -> None:
    window, path = window_on_file
    moved = path.with_name("elsewhere.pmo")
    path.rename(moved)
    view = window.active_register_view()
    name = view.model.column_of("name")
    assert not view.model.setData(view.model.index(0, name), "Renamed after the move")  # refused, kept
    shown = warnings(window)
    assert len(shown) == 1 and "no longer where it was opened" in shown[0] and "your change is kept" in shown[0]
    assert window.read_only_banner.isVisible() and not path.exists()
    assert window.retry_action.isEnabled() and "(1)" in window.retry_action.text()
    reopened = Store.open(moved)  # the moved file did not take the edit behind the user's back
    try:
        assert names(reopened) == ["New project P-01"]
    finally:
        reopened.close()
    copy = tmp_path / "rescued.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save", lambda *_a, **_k: str(copy))  # the system's file chooser
    qtbot.mouseClick(window.read_only_banner.button, Qt.MouseButton.LeftButton)
    assert window.document.store.path == copy and not window.document.read_only
    assert names(window.document.store) == ["Renamed after the move"]
    assert not window.document.pending and window.document.undo_stack.count() == 1


def cut_to_nothing(path: Path) -> None:
    with open(path, "r+b") as f:
        f.truncate(0)


def cut_in_half(path: Path) -> None:
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)


def older_copy_over_it(path: Path) -> None:
    """A smaller file copied over it in place (``cp``, same inode), as when yesterday's copy is put back."""
    other = path.with_name("yesterday.pmo")
    Store.create(other, program_name="Yesterday").close()
    with open(path, "r+b") as f:  # what cp does: truncate, then write the other file's bytes
        f.truncate(0)
        f.write(other.read_bytes())


def larger_office_over_it(path: Path) -> None:
    """Another office, as large or larger, copied over it in place: nothing gets shorter."""
    other = path.with_name("larger.pmo")
    bigger = Store.create(other, program_name="Someone else's")
    with bigger.transaction() as s:
        for n in range(400):
            records.create_record(s, PROJECTS, {"name": f"Their project {n}", "description": "y" * 400})
    bigger.close()
    assert other.stat().st_size >= path.stat().st_size
    shutil.copyfile(other, path)  # opens the same file for writing: same inode


def its_own_older_copy_over_it(path: Path) -> None:
    """This very office as it was a moment ago (the copy a backup tool keeps) put back in place."""
    shutil.copyfile(path.with_name("a moment ago.pmo"), path)


IN_PLACE: dict[str, Callable[[Path], None]] = {"cut to nothing": cut_to_nothing, "cut in half": cut_in_half,
                                               "older copy written over it": older_copy_over_it,
                                               "larger office written over it": larger_office_over_it,
                                               "its own older copy written over it": its_own_older_copy_over_it}


@pytest.mark.parametrize("how", list(IN_PLACE))
def test_a_file_cut_short_in_place_takes_no_edit(tmp_path: Path, how: str) -> None:
    """Fault12: the same file (same inode), cut short or written over by another program while open.
    Before, the next edit said it was saved: its pages went into a file that was empty (the edit lost,
    "no such table" on reopening), half gone, or another office (a malformed file either way)."""
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    try:
        with store.transaction() as s:
            for n in range(200):  # an office larger than a new one
                records.create_record(s, PROJECTS, {"name": f"Project {n}", "description": "x" * 400})
        store.save_copy(path.with_name("a moment ago.pmo"))
        with store.transaction() as s:
            records.create_record(s, PROJECTS, {"name": "Made after the copy"})
        IN_PLACE[how](path)
        after_the_fault = path.read_bytes()
        with pytest.raises(errors.FileGone, match="another program cut it short or wrote another file over it"):
            with store.transaction() as s:
                records.create_record(s, PROJECTS, {"name": "Said saved, but lost"})
        assert store.read_only and not store.still_there()
    finally:
        store.close()
    assert path.read_bytes() == after_the_fault  # nothing of ours written into what is there now


def test_a_file_touched_or_edited_by_another_window_is_not_taken_for_overwritten(tmp_path: Path) -> None:
    """What must not turn the office read only: its time changed with nothing else (a backup tool's
    touch), and a second window (another store on the file) committing and checkpointing in between."""
    path = tmp_path / "office.pmo"
    mine = Store.create(path)
    theirs = Store.open(path)
    try:
        for n in range(30):
            for who, store in (("mine", mine), ("theirs", theirs)):
                with store.transaction() as s:
                    records.create_record(s, PROJECTS, {"name": f"{who} {n}", "description": "z" * (n * 300)})
            if n % 10 == 0:
                os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
            assert mine.still_there() and theirs.still_there()
        assert not mine.read_only and not theirs.read_only
        assert len(names(mine)) == len(names(theirs)) == 60
    finally:
        theirs.close()
        mine.close()


@pytest.mark.parametrize("when", ["noticed by the timer", "met by an edit"])
def test_the_window_on_a_file_written_over_says_so_and_promises_no_copy(qtbot, window_on_file, when) -> None:
    """Fault12: another office copied over the open file in place. What the window read is no longer on
    the disk, so it cannot offer to save it ("Nothing is lost … Save a Copy As" would fail as "database
    disk image is malformed"): it says what happened, writes nothing, and keeps no edit it cannot save."""
    window, path = window_on_file
    larger_office_over_it(path)
    written = path.read_bytes()
    if when == "noticed by the timer":
        window.poll_outside_changes()  # what the timer runs every few seconds
    else:
        view = window.active_register_view()
        assert not view.model.setData(view.model.index(0, view.model.column_of("name")), "Renamed")
    shown = warnings(window)
    assert len(shown) == 1 and "was changed by another program while it was open" in shown[0], shown
    assert "Nothing is lost" not in shown[0] and "open the file again" in shown[0]
    assert window.read_only_banner.isVisible() and not window.document.pending
    assert path.read_bytes() == written
