"""Fault round 45: the office is made read-only while open (a colleague or the owner takes its write permission away
to sign it off, or its folder's). An office that cannot be written is opened read only — for an administrator too —
but one made so while open went on taking edits through the connections already open: an administrator's window
wrote into the file its owner had just protected, anyone else's until the pool opened a new connection, and then
each edit failed as "The file has become read-only; your change was not saved", the change lost. Now the next edit
(or the window's timer) finds it so: the change is kept, the window turns read only, the file takes nothing more,
and Save a Copy As saves the office with the change into the copy, which opens to edit."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from test_file_gone import names, warnings, window_on_file  # noqa: F401  (the fixture)

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views import file_dialogs

PROJECTS = REGISTERS["projects"]


def protect(path: Path) -> None:
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 444, as “Read-only” ticked in a file manager


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_next_edit_is_refused_and_the_file_takes_nothing_more(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    try:
        with store.transaction() as s:
            records.create_record(s, PROJECTS, {"name": "Tills"})
        protect(path)
        before = digest(path)
        try:
            with store.transaction() as s:
                records.create_record(s, PROJECTS, {"name": "After it was protected"})
            raise AssertionError("the edit went into the protected file")
        except errors.FileGone as e:
            assert str(e).startswith("“office.pmo” was made read-only while open: the file is read-only.")
        assert store.read_only and digest(path) == before
        store.save_copy(tmp_path / "copy.pmo")
    finally:
        store.close()
    copy = Store.open(tmp_path / "copy.pmo")
    try:
        assert names(copy) == ["Tills"] and not copy.read_only
    finally:
        copy.close()


def test_a_change_typed_as_the_file_was_protected_is_kept_and_saved_into_the_copy(
        qtbot, window_on_file, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    window, path = window_on_file
    protect(path)
    before = digest(path)
    view = window.active_register_view()
    assert not view.model.setData(view.model.index(0, view.model.column_of("name")), "Renamed as it was signed off")
    shown = warnings(window)
    assert len(shown) == 1 and "was made read-only while open" in shown[0] and "your change is kept" in shown[0]
    assert window.read_only_banner.isVisible() and "[read only]" in window.windowTitle()
    assert digest(path) == before  # the protected file took nothing
    copy = tmp_path / "rescued.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save", lambda *_a, **_k: str(copy))  # the system's file chooser
    qtbot.mouseClick(window.read_only_banner.button, Qt.MouseButton.LeftButton)
    assert window.document.store.path == copy and not window.document.read_only
    assert names(window.document.store) == ["Renamed as it was signed off"]
    assert not window.document.pending
    assert digest(path) == before
