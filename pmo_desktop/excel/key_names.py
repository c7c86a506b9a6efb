"""A register's names listed under its key, with no header (issue 12, left57: unseen set 73's "Matrice des risques").

A student team's sheet named for the risks holds a risk-evaluation key — levels across ("BAS | DOULEUR MOYENNE |
HAUT | EXTRÊME"), likelihood words down ("IMPROBABLE", "POSSIBLE", "PROBABLE") and scores between — then, after a
gap, the team's four risks, each name alone on its row ("Indisponibilité du cluster Kubernetes" …). No row names
a column, so the workbook was refused "no header row … check the workbook" and the four names lost.

The rule, decided once a sheet and asked only of a sheet no header search reads: the sheet's name (or its file's)
names one register; its last filled rows, after a gap, are three or more names each alone on its row in one
column (a few words each, no sentence, all different, none a level word); and the rows above them hold a key of
levels — four cells at least that the office's words read as levels. Then the names are that register's records,
each titled by its name and nothing more (the key rates no one of them), read under a header made for them and
said in the sheet's note; the key above is not imported. A sheet of lone lines with no key above (notes, a
heading and its paragraphs) is not read so. No Qt, no openpyxl.
"""

from __future__ import annotations

from typing import Any

from .header_detection import MAIN_KINDS, SheetKind, map_header, named_by_its_last_words
from .vocabulary import value_words, word_key
from .workbook_reader import column_letters

MIN_NAMES = 3  # names listed under the key, at least
MAX_WORDS = 12  # words of a name at most: longer is a sentence
MIN_KEY_LEVELS = 4  # cells of the key the office's words read as levels, at least


def _text(x: Any) -> str:
    return x.strip() if isinstance(x, str) else ""


def _filled(row: list[Any]) -> list[int]:
    return [c for c, x in enumerate(row) if x is not None and str(x).strip()]


def register_heading(kind: SheetKind) -> str | None:
    """The register's own name ("Risks", "Communications") as the header of a column made for its records' names:
    it names the records' naming field and says the register as a sheet's name does; None for a register it does
    not name so."""
    field = kind.reg.name_field.name if kind.reg.name_field is not None else "title"
    return next((h for h in (kind.register.capitalize(), kind.reg.title) if map_header(kind, [h])[0] == {0: field}
                 and kind.matches_sheet_name(h)), None)


def names_under_a_key(rows: list[list[Any]], sheet_title: str, file_name: str | None
                      ) -> tuple[list[list[Any]], str, str] | None:
    """(the rows under a header made for them, the note, the register) when the sheet is a register's names under
    its key (see above); None for any other sheet."""
    names = [sheet_title] + ([file_name] if file_name else [])
    kinds = [k for k in MAIN_KINDS if any(named_by_its_last_words(k, n) for n in names)]
    if len(kinds) != 1:
        return None
    kind = kinds[0]
    filled = [i for i, r in enumerate(rows) if _filled(r)]
    if not filled:
        return None
    # the run of lone names at the foot of the sheet, one column, no gap between them
    run: list[int] = []
    for i in reversed(filled):
        cells = _filled(rows[i])
        if len(cells) != 1 or (run and (i != run[-1] - 1 or cells[0] != _filled(rows[run[0]])[0])):
            break
        run.append(i)
    run.reverse()
    if len(run) < MIN_NAMES or run[0] == filled[0] or filled[filled.index(run[0]) - 1] == run[0] - 1:
        return None  # too few, the whole sheet, or no gap between the key and the names
    col = _filled(rows[run[0]])[0]
    texts = [_text(rows[i][col]) for i in run]
    levels = value_words("scale")
    if any(not t or len(t.split()) > MAX_WORDS or t.endswith((".", ":")) or word_key(t) in levels for t in texts) \
            or len({word_key(t) for t in texts}) != len(texts):
        return None
    key = sum(1 for i in filled if i < run[0] for x in rows[i] if isinstance(x, str) and word_key(x) in levels)
    if key < MIN_KEY_LEVELS:
        return None
    # the names' column headed by the register's own name ("Risks"), which names the records and says the register
    # as the sheet's name does (a "Matrice des risques" is a matrix by its own name, the register by its last words)
    title = register_heading(kind)
    if title is None:
        return None
    made: list[list[Any]] = [[title]] + [[t] for t in texts]
    first, last = run[0] + 1, run[-1] + 1
    note = (f"The sheet has no header row: the {len(texts)} names alone in column {column_letters(col)} under its key "
            f"of levels (rows {first}–{last}) were read as the {kind.reg.title.lower()}'s, each titled by its name and "
            f"nothing more (the key rates none of them); the key above is not imported, and the rows are numbered "
            f"2–{len(texts) + 1} under a header made for them.")
    return made, note, kind.register
