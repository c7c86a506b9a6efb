"""A lessons-learned log whose header the import found, said as what it is (issue 12, classes73a, unseen set 73).

Round 65 refused a lessons log only when no header row was found and its one sheet was named as one
(``unkept_lists``). A Spanish export "… Lecciones Aprendidas.xlsx" has a well-made header on a sheet named for
something else ("confidencial": "Código | Titulo | Tipo de Hallazgo | Fase de Origen | Causas | Acciones Tomadas |
Recomendaciones Mejora …"): its "Titulo", "Causas" and "Acciones Tomadas" matched a risk register, and 673 lessons
became 656 risks with 1,287 actions and 46 projects made of the project numbers. A lesson is no register of the
office, whichever columns it shares with a risk.

So a sheet is a lessons log when its name — or, for a sheet whose name names no register, its workbook's — says
lessons learned (``foreign.lessons.sheets``) and one of its headers is a lessons log's own (a finding's kind, a
recommendation, the lesson itself: ``foreign.lessons.columns``). Both are needed: "Recommendations" alone heads a
risk register's column as well, and a workbook named "lessons" may still hold a risk sheet of its own name.
Decided once a sheet, from its name and header.
"""

from __future__ import annotations

from pathlib import Path

from .header_detection import ALL_KINDS, HeaderMatch
from .vocabulary import foreign_words, word_key

LESSONS_REASON = "a lessons-learned log"


def _says_lessons(name: str) -> bool:
    key = word_key(name)
    return bool(key) and any(w in key for w in foreign_words("lessons", "sheets"))


def _names_a_register(name: str) -> bool:
    return any(not k.is_child and k.matches_sheet_name(name) for k in ALL_KINDS)


def lessons_log(match: HeaderMatch, title: str, path: Path) -> str | None:
    """Why the sheet ``title`` of the workbook at ``path``, read as ``match``, is a lessons-learned log, or None."""
    if _names_a_register(title):
        return None
    named = title if _says_lessons(title) else path.stem if _says_lessons(path.stem) and \
        not _names_a_register(path.stem) else None
    if named is None:
        return None
    words = foreign_words("lessons", "columns")
    said = next((h for h in match.headers if isinstance(h, str) and (key := word_key(h)) and
                 any(w in key for w in words)), None)
    if said is None:
        return None
    # said as what it is, not as the register its header came nearest to: "not the issue log" of a lessons log
    # read as risks told the user of a register that never was in question
    return f"{LESSONS_REASON} (named “{named}”, its column “{said.strip()}”), and the office keeps no register of lessons."
