"""Fault round 69: the header tables kept in the user's cache folder (``table_cache``) damaged where only the
bytes of their parts are — a disk's bad sector, a bit flipped, a sync tool's partial copy — so that the file reads
and its fingerprint matches, but a part of the near-header index (``PartedIndex``) is no index. The part is read at
its first look-up, in the middle of planning: every import ended in "Unexpected error (ValueError: bad marshal
data (unknown type code))", in every later process too, the file being kept. Now the index is built whole for
that process, the damaged file dropped, and the next process keeps it anew."""

from __future__ import annotations

import marshal
import zlib
from pathlib import Path

from cli_runner import run_cli


def _damage_every_part(cache: Path) -> Path:
    [kept] = cache.glob("header-tables-*.tables")  # (the words' keys are kept beside them: speed60a)
    held = marshal.loads(kept.read_bytes())
    data = held["data"]
    everything = marshal.loads(data) if isinstance(data, bytes) else data
    for tables in everything.values():
        for by_first in tables["near"].values():
            for first, part in by_first.items():
                by_first[first] = b"\xff" * len(part)
    if isinstance(data, bytes):
        # the kept bytes' CRC-32 (review62) made again over the damage: the parts damaged where no check sees it (the
        # tables spoilt before they were written), what ``PartedIndex``'s own rescue is for
        held["data"] = marshal.dumps(everything)
        held["crc"] = zlib.crc32(held["data"])
    kept.write_bytes(marshal.dumps(held))
    return kept


def test_an_import_reads_a_misspelt_header_with_the_kept_tables_damaged(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"PMO_DESKTOP_CACHE": str(cache)}
    (tmp_path / "risks.csv").write_text("ID,Titel of risk,Probabilty,Owner\nR-1,Supplier late,3,Ann Lee\n",
                                        encoding="utf-8")
    run_cli("new", tmp_path / "office.pmo", cwd=tmp_path, ok=True)
    run_cli("import", tmp_path / "office.pmo", tmp_path / "risks.csv", "--dry-run", cwd=tmp_path, ok=True,
            process=True, env=env)
    kept = _damage_every_part(cache)
    proc = run_cli("import", tmp_path / "office.pmo", tmp_path / "risks.csv", cwd=tmp_path, ok=False, process=True,
                   env=env)
    assert proc.returncode == 0, proc.stderr
    assert "1 inserted" in proc.stdout or "Imported" in proc.stdout, proc.stdout
    assert not kept.exists()  # dropped, to be written anew by the next process
