"""Two PMO Desktop processes on one program office file (a file on a network share opened twice).

No edit is lost, a stale edit is refused, and resolving it in one process is seen by the other.
(Two users of one PostgreSQL server are covered by test_conflicts with two engines.)
"""

import subprocess
import sys
from pathlib import Path

import pytest
from processes import read_line

from pmo_desktop.models import errors, records
from pmo_desktop.models.conflicts import Resolution, resolve
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]
EDITOR = Path(__file__).with_name("editor_process.py")


class Editor:
    """The other process, driven one command at a time."""

    def __init__(self, target):
        self.proc = subprocess.Popen([sys.executable, str(EDITOR), str(target)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert read_line(self.proc).strip() == "ready", self.proc.stderr.read()

    def send(self, *words) -> None:
        self.proc.stdin.write(" ".join(map(str, words)) + "\n")
        self.proc.stdin.flush()

    def answer(self) -> str:
        line = read_line(self.proc)
        assert line, self.proc.stderr.read()
        return line.strip()

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(60) == 0, self.proc.stderr.read()


@pytest.fixture
def other_window(sqlite_store):
    editor = Editor(sqlite_store.path)
    yield editor
    editor.close()


def test_other_process_edit_then_conflict_and_overwrite(sqlite_store, other_window):
    store = sqlite_store
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Base"}).id
    with store.session() as s:
        seen = records.record_values(s, RISKS, rid)
    other_window.send("set-title", rid, seen["version"], "From the other window")
    assert other_window.answer() == "saved"
    with pytest.raises(errors.EditConflict) as info:
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Mine"}, expected_version=seen["version"])
    assert info.value.theirs == "From the other window"
    with store.transaction() as s:
        version = resolve(s, RISKS, info.value, Resolution.OVERWRITE)
    # The other process, still holding the old version, is refused in turn and sees ours.
    other_window.send("set-title", rid, seen["version"], "Late")
    assert other_window.answer() == "conflict Mine"
    with store.session() as s:
        assert records.record_values(s, RISKS, rid)["title"] == "Mine"
        assert records.record_values(s, RISKS, rid)["version"] == version


def test_two_processes_hammering_one_risk_lose_nothing(sqlite_store, other_window):
    with sqlite_store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Shared"}).id
    third = Editor(sqlite_store.path)
    try:
        count = 20
        for editor, mark in ((other_window, "a"), (third, "b")):  # both loaded: they start together
            editor.send("append", rid, mark, count)
        conflicts = [int(other_window.answer()), int(third.answer())]
    finally:
        third.close()
    with sqlite_store.session() as s:
        notes = records.record_values(s, RISKS, rid)["notes"]
    assert sorted(notes) == sorted("a" * count + "b" * count), (notes, conflicts)
    print(f"conflicts met and retried: {conflicts}")
