"""Fault round 45: an office with a long name (244 bytes: 100 accented letters and 40 more, within the 247 an office
may have) restored from a backup over the same office killed while open — its -wal, another generation's, left
beside it. That -wal is moved aside before the office opens (models/stale_wal.py), to “NAME.pmo-wal.not-this-file-
YYYYMMDD-HHMMSS”: 31 bytes more than the office's name, past the 255 a name may have, so the move failed and the
office could not be opened at all ("… must be moved aside first (applying it would mix the two), which failed: File
name too long"). Now the office's own name is cut in that name, at a whole character, so the name fits; the
office opens as the copy it is and the -wal is kept, unchanged, beside it. A real kill, real files."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_stale_wal import killed_while_open, office, project_names, set_aside_files, sha

from pmo_desktop.models import disk
from pmo_desktop.models.store import Store

LONG = "é" * 100 + "x" * 40 + ".pmo"  # 244 bytes


def test_a_long_named_office_restored_over_its_crash_opens_and_keeps_the_other_wal(tmp_path: Path) -> None:
    path = office(tmp_path / "work" / LONG, "Alpha", "Beta")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)
    left = killed_while_open(path, "Gamma")
    shutil.copyfile(backup, path)  # yesterday's copy put back, the crash's -wal beside it
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta"]
        [moved] = set_aside_files(path.parent)
        assert sha(moved.read_bytes()) == sha(left) and len(moved.name.encode()) <= disk.NAME_MAX
        assert moved.name.startswith("é" * 90) and ".pmo-wal.not-this-file-" in moved.name
        assert store.open_note is not None and moved.name in store.open_note
    finally:
        store.close()
