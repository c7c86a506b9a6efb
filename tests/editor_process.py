"""A second PMO Desktop, as a separate process, editing the same office (used by test_two_processes).

    python tests/editor_process.py TARGET

opens the office, prints "ready", then runs one command per line read from stdin, printing one
line of result for each:

    set-title RISK_ID VERSION TITLE   one edit made on VERSION: "saved" or "conflict <theirs>"
    append RISK_ID MARK COUNT         COUNT times: read the risk, append MARK to its notes and save on
                                      the version read; on a conflict (or a busy file) read again and
                                      retry, as a user would. Prints the number of conflicts met.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models import errors, records  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

RISKS = REGISTERS["risks"]


def append(store: Store, rid: int, mark: str, count: int) -> int:
    conflicts = 0
    done = 0
    while done < count:
        with store.session() as s:
            rec = records.record_values(s, RISKS, rid)
        try:
            with store.transaction() as s:
                records.update_record(s, RISKS, rid, {"notes": rec["notes"] + mark},
                                      expected_version=rec["version"])
            done += 1
        except (errors.EditConflict, errors.FileLocked):
            conflicts += 1
            time.sleep(0.001)
    return conflicts


def set_title(store: Store, rid: int, version: int, title: str) -> str:
    try:
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": title}, expected_version=version)
        return "saved"
    except errors.EditConflict as e:
        return f"conflict {e.theirs}"


def main(target: str) -> None:
    store = Store.open(target)
    print("ready", flush=True)
    try:
        for line in sys.stdin:
            command, rid, *args = line.rstrip("\n").split(" ", 3)
            if command == "set-title":
                print(set_title(store, int(rid), int(args[0]), args[1]), flush=True)
            elif command == "append":
                print(append(store, int(rid), args[0], int(args[1])), flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1])
