"""The words files' keys kept on disk between processes (round speed60a, issue 16): a process's first header search
keyed some 6,500 of the files' words one by one (76 M instructions of its 301 M). They are kept in the cache folder
under a fingerprint of the words files and the keying code, read back by the next process, and a workbook imports
to the same records whether they were worked out, read back or never kept."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from pmo_desktop.excel import vocabulary

ROOT = Path(__file__).resolve().parents[1]

# One process's import of a workbook into a new office: each register's records (sorted), and how many texts were
# keyed one by one (``vocabulary._key``) while it ran. The words files are read from WORDS when set.
_IMPORT = r"""
import json, os, sys
from pathlib import Path

from pmo_desktop.excel import vocabulary
if os.environ.get("WORDS"):
    vocabulary.RESOURCES = Path(os.environ["WORDS"])
keyed = [0]
one_by_one = vocabulary._key
def counted(text):
    keyed[0] += 1
    return one_by_one(text)
vocabulary._key = counted
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
store = Store.create(Path(sys.argv[2]))
plan = plan_workbook_import(store, sys.argv[1], create_missing=True)
apply_import(store, plan, partial=True)
out = {}
with store.session() as s:
    for name in ("risks", "issues"):
        reg = REGISTERS[name]
        out[name] = sorted([[str(x) for x in r[2:]] for r in records.fetch_rows(s, reg)])
store.close()
print(json.dumps({"records": out, "keyed": keyed[0]}))
"""


def _import(book: Path, cache: Path | str, office: Path, words: Path | None = None) -> dict[str, object]:
    env = {**os.environ, "PMO_DESKTOP_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    if words is not None:
        env["WORDS"] = str(words)
    office.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", _IMPORT, str(book), str(office)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _workbook(path: Path) -> Path:
    """A German risk register under a caption (umlauts in its header and values), and a Spanish issue log."""
    book = openpyxl.Workbook()
    risks = book.active
    risks.title = "Risiken"
    risks.append(["Risikoregister Projekt Nordlicht"])
    risks.append([])
    risks.append(["Risiko-Nr.", "Risikobezeichnung", "Eintrittswahrscheinlichkeit", "Auswirkung", "Verantwortlich",
                  "Status", "Maßnahmen", "Größe"])
    for i in range(1, 13):
        risks.append([f"R{i:02d}", f"Lieferverzögerung bei Bauteil {i}", i % 5 + 1, (i * 2) % 5 + 1,
                      f"Müller {i}", ["Offen", "Geschlossen"][i % 2], f"Zweitlieferant prüfen ({i})", f"Ü{i}"])
    issues = book.create_sheet("Incidencias")
    issues.append(["Código", "Descripción", "Prioridad", "Responsable", "Estado", "Fecha de resolución"])
    for i in range(1, 11):
        issues.append([f"I-{i:02d}", f"El servidor {i} no responde", ["Alta", "Media", "Baja"][i % 3],
                       f"Persona {i}", "Abierto" if i % 2 else "Cerrado", f"2026-12-{i:02d}"])
    book.save(path)
    return path


def test_the_words_keys_are_kept_read_back_and_made_again_when_damaged(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "Projekt.xlsx")
    cache = tmp_path / "cache"
    office = tmp_path / "office.pmo"
    built = _import(book, cache, office)
    (kept,) = cache.glob("word-keys-*.tables")  # the first process kept the words' keys
    read_back = _import(book, cache, office)
    never_kept = _import(book, "", office)
    assert read_back["records"] == built["records"] == never_kept["records"]
    records = built["records"]
    assert len(records["risks"]) == 12 and len(records["issues"]) == 10  # type: ignore[index]
    # read back, the words files' texts are not keyed one by one: a few hundred texts of the sheets and of the
    # program's own declarations are, where every word a table holds was (thousands)
    assert int(never_kept["keyed"]) > 5000  # type: ignore[call-overload]
    assert int(read_back["keyed"]) * 5 < int(never_kept["keyed"])  # type: ignore[call-overload]
    assert list(cache.glob("word-keys-*.tables")) == [kept]  # read, not made again
    kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])  # cut short: a disk filled mid-write
    assert _import(book, cache, office)["records"] == built["records"]
    assert len(kept.read_bytes()) > 100_000  # written whole again


def test_a_words_file_edited_between_processes_is_keyed_anew(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "Projekt.xlsx")
    words = tmp_path / "words"
    shutil.copytree(ROOT / "pmo_desktop" / "resources", words)
    cache = tmp_path / "cache"
    office = tmp_path / "office.pmo"
    before = _import(book, cache, office, words)
    (first,) = cache.glob("word-keys-*.tables")
    english = words / "import_words_en.json"
    data = json.loads(english.read_text(encoding="utf-8"))
    data["headers"]["risks"]["cause"].append("Größe")  # the office's word for a risk's cause, with an umlaut
    english.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    after = _import(book, cache, office, words)
    assert after["records"] == _import(book, "", office, words)["records"]  # as a process keeping nothing reads it
    assert after["records"] != before["records"]  # the column is read as the cause now
    assert any("Ü1" in cell for row in after["records"]["risks"] for cell in row)  # type: ignore[index]
    assert list(cache.glob("word-keys-*.tables")) != [first]  # the earlier words' keys gone, the new ones kept
    assert len(list(cache.glob("word-keys-*.tables"))) == 1


def test_every_kept_key_is_the_one_the_text_is_keyed_by() -> None:
    kept = vocabulary._files_keys()
    assert len(kept) > 10_000
    assert all(key == vocabulary._key(text) for text, key in kept.items())
    assert vocabulary.word_key("Eintrittswahrscheinlichkeit") == "eintrittswahrscheinlichkeit"
