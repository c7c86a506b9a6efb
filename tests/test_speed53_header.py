"""Header detection's tables kept on disk between processes (round speed53, issue 16): a process reads them
from the cache folder only when they were made of the same words files, code and declarations, and a sheet's
header is found the same whether they were built, read back, or not kept at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from pmo_desktop.excel.header_detection import ALL_KINDS, SheetKind, map_header

ROOT = Path(__file__).resolve().parents[1]

# One process's import of each sheet's header: the register, the header row and the columns it names. The words
# files are read from WORDS when set (a copy a test edits), as a program whose words file was edited would.
_DETECT = r"""
import json, os, sys
from pathlib import Path
import openpyxl

from pmo_desktop.excel import vocabulary
if os.environ.get("WORDS"):  # before header detection is imported: its module reads the words as it loads
    vocabulary.RESOURCES = Path(os.environ["WORDS"])
from pmo_desktop.excel.header_detection import detect_header
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = {}
for sheet in book.worksheets:
    rows = [list(r) for r in sheet.iter_rows(values_only=True)][:30]
    m = detect_header(rows, sheet.title)
    out[sheet.title] = None if m is None else [m.kind.register, m.row, sorted(m.mapping.items()), m.headers]
print(json.dumps(out))
"""


def _detect(book: Path, cache: Path | str, words: Path | None = None) -> dict[str, object]:
    env = {**os.environ, "PMO_DESKTOP_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    if words is not None:
        env["WORDS"] = str(words)
    done = subprocess.run([sys.executable, "-c", _DETECT, str(book)], env=env, cwd=ROOT, capture_output=True,
                          text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _workbook(path: Path) -> Path:
    """An English risk register under a title block (its header on row 6), and a Spanish issue log."""
    book = openpyxl.Workbook()
    risks = book.active
    risks.title = "Risks"
    risks.append(["Apollo programme"])
    risks.append(["Risk register, reviewed monthly"])
    risks.append([])
    risks.append(["Owner: PMO", None, "Date: 2026-11-30"])
    risks.append([])
    risks.append(["Risk ID", "Risk Title", "Likelihood", "Impact", "Risk Owner", "Status", "Wobblyness"])
    for i in range(1, 9):
        risks.append([f"R-{i:03d}", f"Supplier {i} may deliver late", i % 5 + 1, (i + 2) % 5 + 1, f"Person {i}",
                      "Open" if i % 2 else "Closed", f"Storms over the depot in week {i}"])
    issues = book.create_sheet("Incidencias")
    issues.append(["Código", "Descripción", "Prioridad", "Responsable", "Estado", "Fecha de resolución"])
    for i in range(1, 9):
        issues.append([f"I-{i:02d}", f"El servidor {i} no responde", ["Alta", "Media", "Baja"][i % 3],
                       f"Persona {i}", "Abierto" if i % 2 else "Cerrado", f"2026-12-{i:02d}"])
    book.save(path)
    return path


def test_tables_read_back_find_every_header_as_built(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "two languages.xlsx")
    cache = tmp_path / "cache"
    built = _detect(book, cache)
    kept = list(cache.glob("header-tables-*.tables"))
    assert len(kept) == 1  # the first process kept its tables
    read_back = _detect(book, cache)
    assert read_back == built == _detect(book, "")  # read back, or never kept: the same headers
    assert built["Risks"][:2] == ["risks", 6]  # type: ignore[index]
    assert built["Incidencias"] is not None and built["Incidencias"][1] == 1  # type: ignore[index]
    assert list(cache.glob("header-tables-*.tables")) == kept  # read, not made again


def test_a_words_file_edited_between_processes_is_read(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "risks.xlsx")
    words = tmp_path / "words"
    shutil.copytree(ROOT / "pmo_desktop" / "resources", words)
    cache = tmp_path / "cache"
    before = _detect(book, cache, words)
    assert dict(before["Risks"][2]).get(6) is None  # type: ignore[index]  # a word of no language yet
    english = words / "import_words_en.json"
    data = json.loads(english.read_text(encoding="utf-8"))
    data["headers"]["risks"]["cause"].append("Wobblyness")  # the office's word for a risk's cause
    english.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    after = _detect(book, cache, words)
    assert dict(after["Risks"][2]).get(6) == "cause"  # type: ignore[index]
    assert after == _detect(book, "", words)  # as a process keeping no tables reads it
    assert len(list(cache.glob("header-tables-*.tables"))) == 1  # the earlier words' tables gone


def test_an_unreadable_tables_file_is_built_again(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "risks.xlsx")
    cache = tmp_path / "cache"
    built = _detect(book, cache)
    (kept,) = cache.glob("header-tables-*.tables")
    kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])  # cut short: a disk filled mid-write
    assert _detect(book, cache) == built
    assert len(kept.read_bytes()) > 1000 and _detect(book, cache) == built  # written whole again, read back


# Round speed53b kept three more things between asks: a row's marks matched by its values (each register's
# ask of a row gets a new list of the same cells), and a header's words without its remark and its "after the
# measures" match kept per text for every register. None may carry one row's or register's answer to another.

def _kinds() -> dict[str, SheetKind]:
    return {k.register: k for k in ALL_KINDS if not k.is_child}


def test_row_marks_are_each_rows_own() -> None:
    risks = _kinds()["risks"]
    form = ["Risk Title:", "Apollo", "Owner:", "Ann"]  # a form's labels beside their values: no header
    header = ["Risk Title:", "Owner:", "Likelihood:", "Impact:"]  # a header written with colons, same width
    rating = ["Title", "C", "I", "A", "Impact"]  # an asset's confidentiality, integrity, availability
    plain = ["Title", "C", "I", "B", "Impact"]
    expected = {id(form): ({}, {}), id(header): ({0: "title", 1: "owner", 2: "probability", 3: "impact"}, {}),
                id(rating): ({0: "title", 4: "impact"}, {}),
                id(plain): ({0: "title", 1: "code", 4: "impact"}, {2: "impact"})}
    for order in ([form, header, rating, plain], [plain, rating, header, form], [header, form, plain, rating]):
        for row in order:  # each row after another, and a new list of the same cells right after it
            assert map_header(risks, row) == expected[id(row)]
            assert map_header(risks, list(row)) == expected[id(row)]
    row = ["Title", "C", "I", "A", "Impact"]
    assert map_header(risks, row) == ({0: "title", 4: "impact"}, {})
    row[3] = "B"  # the same list changed in place: read again
    assert map_header(risks, row) == ({0: "title", 1: "code", 4: "impact"}, {2: "impact"})


def test_a_level_after_the_measures_is_each_registers_own() -> None:
    kinds = _kinds()
    row = ["Title", "Possibility of occurance after traetment", "Owner"]
    for register in ("issues", "risks", "issues", "benefits", "risks"):  # asked in turn, as a sheet's rows are
        mapping, _ = map_header(kinds[register], row)
        assert mapping.get(1) == ("residual_probability" if register == "risks" else None), register
