"""A second PMO Desktop, as a separate process, editing the same office (used by test_two_processes).

    python tests/editor_process.py TARGET RISK_ID set-title TITLE VERSION
        one edit made on VERSION; prints "saved" or "conflict <theirs>"
    python tests/editor_process.py TARGET RISK_ID append MARK COUNT
        prints "ready" and waits for a line on stdin (so both processes start at once); then COUNT
        times: read the risk, append MARK to its notes, save on the version read; on a conflict (or a
        busy file) read again and retry, as a user would. Prints the number of conflicts met.
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


def main(target: str, rid: str, mode: str, arg: str, extra: str) -> None:
    store = Store.open(target)
    try:
        if mode == "set-title":
            try:
                with store.transaction() as s:
                    records.update_record(s, RISKS, int(rid), {"title": arg}, expected_version=int(extra))
                print("saved")
            except errors.EditConflict as e:
                print(f"conflict {e.theirs}")
        else:
            print("ready", flush=True)
            sys.stdin.readline()
            print(append(store, int(rid), arg, int(extra)))
    finally:
        store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
