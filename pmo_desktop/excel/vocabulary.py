"""The words people use in registers, as data: one file per language in ``pmo_desktop/resources``.

Each ``import_words_<lang>.json`` holds header words per register field (``headers``), words for the
values of scales and choices (``values``) and sheet names (``sheets``). All files are merged: a
workbook may mix languages, and a new language is a new file, no code. Words are compared by
``word_key`` (case, accents, spaces and punctuation ignored; any alphabet).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, cast

from ..models import values as values_module
from ..models.registers import REGISTERS
from ..models.values import NOT_ALNUM_ASCII
from . import table_cache
from .errors import WorkbookError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
_ACCENTS = frozenset("\u0300\u0301\u0302\u0303\u0307\u0308\u030a\u030c\u0327\u0328")


def word_key(text: object) -> str:
    """Case-, accent-, space- and punctuation-insensitive key, for any alphabet ("Вероятность" too)."""
    if text is None:
        return ""
    if text.__class__ is str:  # header words and values recur across registers and rows: keyed once
        return _str_key(text)
    return _key(str(text))


@lru_cache(maxsize=1 << 16)
def _str_key(text: str) -> str:
    kept = _kept_keys().get(text)
    return _key(text) if kept is None else kept


@lru_cache(maxsize=1)
def _kept_keys() -> dict[str, str]:
    """``_key`` of every text of the words files, read from the user's cache folder when kept there for the same
    words files, keying code and Python (``table_cache``), else worked out and kept for the next process; empty
    when no cache folder is set. A process's first header search keyed some 6,500 of the files' words one by
    one (the tables of ``header_words``, ``value_words`` … built at their first use), the non-ASCII ones by
    Unicode's normalisations, a character at a time: 76 M instructions of its 301 M (round speed60a). The keys
    are those ``_key`` gives, kept under a fingerprint of everything they are made of: a file of other words, or
    code changed since this process imported it, is never read for them. A words file that cannot be read is
    said where its words are read, as before (``_files``): here it only leaves nothing kept."""
    if table_cache.cache_folder() is None:
        return {}
    sources: list[tuple[str, bytes]] = []
    for name in _KEYING_MODULES:
        if table_cache.source_stamp(name) != _KEYING_AT_IMPORT.get(name) or _KEYING_AT_IMPORT.get(name) is None:
            return {}  # changed since imported, or no file to read: nothing kept for it
        sources.append((name, Path(cast(str, sys.modules[name].__file__)).read_bytes()))
    try:
        files = words_files()
        key = table_cache.fingerprint([*files, *sources], "word keys")
        kept: Any = table_cache.stored("word-keys", key, _files_keys)  # a damaged key never read
    except (WorkbookError, OSError):
        return {}  # a words file unreadable or damaged: said where the words are read (``_files``)
    return kept if isinstance(kept, dict) else {}


def _files_keys() -> dict[str, str]:
    texts: set[str] = set()

    def walk(data: object) -> None:
        if data.__class__ is str:
            texts.add(data)
        elif isinstance(data, dict):
            for k, value in data.items():
                texts.add(k)
                walk(value)
        elif isinstance(data, (list, tuple)):
            for value in data:
                walk(value)
    for data in _files():
        walk(data)
    return {text: _key(text) for text in sorted(texts)}


# the modules whose code makes a text's key (``_key``, ``ascii_key`` and the bytes they drop), and their files as
# this process imported them (as ``header_detection._stored_tables`` tells its tables apart)
_KEYING_MODULES = (__name__, values_module.__name__)


_KEYING_AT_IMPORT = {name: table_cache.source_stamp(name) for name in _KEYING_MODULES}


def ascii_key(text: str) -> str:
    """``_key`` of an ASCII text (``text.isascii()``), by one translation of its bytes: its lower case without
    what is no letter or digit, as ``_key`` below makes it (casefold is lower, NFKD and NFKC change no ASCII
    character)."""
    return text.lower().encode("ascii").translate(None, NOT_ALNUM_ASCII).decode("ascii")


# Compiled once: ``_key`` and ``_words`` run for every distinct text an import reads (thousands a sheet), and
# ``re.sub(pattern, …)`` with a pattern written as text looks it up in re's cache through a Python call each time
_NOT_WORD_RE = re.compile(r"[\W_]+")
_WORD_BREAK_RE = re.compile(r"[\s/\-–—,;:()+&_]+")
# A plural ending in brackets glued to its word ("Gegenmaßnahme(n)", "Owner(s)", "Responsable(es)"): the word's
# own ending, not a word of its own. Read as one, the "n" of a German "Mögliche Gegenmaßnahme(n)" was taken for
# "Nº", and the risk log's countermeasures for the IDs of its actions (round 55). Lower-case only: a capital
# glued on ("Risikopoeng(R)") is a letter standing for the column, as "Konsekvens (K)" is.
PLURAL_ENDING_RE = re.compile(r"(?<=[^\W\d_])\((?:[a-zß]{1,2})\)")


def _key(text: str) -> str:
    if text.isascii():
        return ascii_key(text)
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    # drop the accents of Latin letters (é, ü, ç, ş, İ) but keep letters such as "й" (which NFKD splits) whole
    kept = unicodedata.normalize("NFKC", "".join(ch for ch in decomposed if ch not in _ACCENTS))
    return _NOT_WORD_RE.sub("", kept)


def words_of(text: object) -> list[str]:
    """The words of a value, each keyed ("Active - Mitigation Required" → active, mitigation, required)."""
    if text.__class__ is str:  # header cells are read once per register: their words worked out once
        return list(_str_words(text))
    return list(_words(str(text or "")))


@lru_cache(maxsize=1 << 15)
def _str_words(text: str) -> tuple[str, ...]:
    return _words(text)


def _words(text: str) -> tuple[str, ...]:
    # "Business_Risk", "Threat_Scenario": a header written as one identifier has its words between underscores
    if "(" in text:
        text = PLURAL_ENDING_RE.sub("", text)
    return tuple(w for w in (word_key(x) for x in _WORD_BREAK_RE.split(text)) if w)


# every ASCII character that is no letter or digit but NUL, which parts texts joined in C (``keys_of``)
_NOT_ALNUM_BUT_NUL = NOT_ALNUM_ASCII.replace(b"\0", b"")


def keys_of(texts: Sequence[str]) -> list[str]:
    """``word_key`` of each text, in order: the ASCII ones keyed together by one translation of their bytes joined
    at NULs (a column's thousands of texts in a few C calls, not a Python call each), the others one by one."""
    plain = [t for t in texts if t.isascii()]
    joined = "\0".join(plain)
    if not plain or joined.count("\0") != len(plain) - 1:
        return list(map(word_key, texts))  # a NUL of a text's own would part it: each keyed alone
    keyed = joined.lower().encode("ascii").translate(None, _NOT_ALNUM_BUT_NUL).decode("ascii").split("\0")
    if len(plain) == len(texts):
        return keyed
    rest = iter(keyed)
    return [next(rest) if t.isascii() else word_key(t) for t in texts]


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON keeps only the last of two equal keys: two branches each adding "@action_due" under one register
    # of a words file would lose one branch's words without a word (actions51 met it). A words file says each
    # key once, or it is not read at all.
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} is written twice at one level")
        seen[key] = value
    return seen


def read_words_file(path: Path) -> dict[str, Any]:
    return _parse_words(path.name, path.read_bytes())


class DamagedWordsFile(WorkbookError, ValueError):
    """A words file of the program cut short, emptied or unreadable (a disk that filled during an update, a
    damaged installation): said as that, with the file, not as an "Unexpected error (ValueError …)" (fault66)."""

    def __init__(self, name: str, error: object) -> None:
        super().__init__(f"PMO Desktop's words file is damaged — {name}: {error}. Nothing was imported; reinstall "
                         "PMO Desktop to mend it.")


def _parse_words(name: str, raw: bytes) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_key_twice)
    except ValueError as error:
        raise DamagedWordsFile(name, error) from error
    if not isinstance(data, dict) or not all(isinstance(data.get(k, {}), dict) for k in ("headers", "values")):
        raise DamagedWordsFile(name, "it holds no tables of words")
    return data


@lru_cache(maxsize=None)
def words_files() -> tuple[tuple[str, bytes], ...]:
    """Each words file's name and bytes, as read once a process: what ``_files`` parses, and what the header
    tables kept on disk are told apart by (``header_detection._stored_tables``), so that those are always of
    the words this process reads."""
    out = []
    for path in sorted(RESOURCES.glob("import_words_*.json")):
        try:
            out.append((path.name, path.read_bytes()))
        except OSError as error:  # unreadable (its permissions, a folder in its place): no words guessed without it
            raise DamagedWordsFile(path.name, error.strerror or error) from error
    return tuple(out)


@lru_cache(maxsize=None)
def _files() -> tuple[dict[str, Any], ...]:
    return tuple(_parse_words(name, raw) for name, raw in words_files())


# fields that are one thing in every register that has them, their words written once in the files (under the
# register named here): the project a record belongs to is the same "Проект", "Projekt", "项目" for a defect, a
# decision or a dependency as for a risk — English reads "Project" so for every register by the field's label, while
# the other languages' words stood under risks only and a defect form's "Проект" went to the notes (unseen set 71)
_SHARED_FIELDS = {"project": "risks"}


def _words_of_register(data: dict[str, Any], register: str) -> list[tuple[str, list[str]]]:
    """(field name, its header words) a words file gives ``register``: its own, then a shared field's written
    under another register (``_SHARED_FIELDS``) where ``register`` has that field — its own words first."""
    own = data.get("headers", {}).get(register, {})
    out = list(own.items())
    if register in REGISTERS:
        names = REGISTERS[register].field_names
        out += [(name, data.get("headers", {}).get(kept, {}).get(name, [])) for name, kept in _SHARED_FIELDS.items()
                if kept != register and name in names]
    return out


def _keyed(name: str) -> frozenset[str]:
    """The keyed words of the list ``name`` in every words file (each list's reader below caches its own)."""
    return frozenset(k for data in _files() for w in data.get(name, ()) if (k := word_key(w)))


@lru_cache(maxsize=None)
def header_words(register: str) -> dict[str, str]:
    """Keyed header word → field name (or a pseudo-field such as ``@response_plan``), all languages."""
    out: dict[str, str] = {}
    for data in _files():
        for name, words in _words_of_register(data, register):
            for w in words:
                out.setdefault(word_key(w), name)
    return out


@lru_cache(maxsize=None)
def header_phrases(register: str) -> tuple[tuple[str, str], ...]:
    """(header as written, field name) of the data files, for matching by leading words."""
    out: list[tuple[str, str]] = []
    for data in _files():
        for name, words in _words_of_register(data, register):
            out += [(w, name) for w in words]
    return tuple(out)


@lru_cache(maxsize=None)
def value_words(key: str) -> dict[str, str]:
    """Keyed value word → choice for ``key`` ("risks.status", "scale" → level "1".."5", "bool")."""
    out: dict[str, str] = {}
    for data in _files():
        for target, words in data.get("values", {}).get(key, {}).items():
            for w in words:
                out.setdefault(word_key(w), target)
    return out


@lru_cache(maxsize=1)
def value_words_every() -> frozenset[str]:
    """Every keyed value word of every key of every file (``values``). Kept: made from some 5,900 words, it was
    made again for each cell a row's look asked of it (15 times for a risk register: 142 M instructions, 5 % of
    a 2,000-risk import — docs/speed.md, round speed69)."""
    return frozenset(word_key(w) for data in _files() for words in data.get("values", {}).values()
                     for ws in words.values() for w in ws)


@lru_cache(maxsize=None)
def beside_words(register: str) -> dict[str, str]:
    """Keyed header → the field it names when another column of the same header already names the field
    its words name everywhere else (``beside`` in the files): "Impacto" beside "Influencia" on a
    stakeholder register is the interest, alone it is the power."""
    out: dict[str, str] = {}
    for data in _files():
        for name, words in data.get("beside", {}).get(register, {}).items():
            for w in words:
                out.setdefault(word_key(w), name)
    return out


@lru_cache(maxsize=None)
def guidance_words() -> frozenset[str]:
    """Keyed first words of a template's guidance cells ("Enter the priority …", "From Change Request Form")."""
    return frozenset(word_key(w) for data in _files() for w in data.get("guidance", ()))


def guidance_row(cells: list[Any]) -> bool:
    """A template's guidance row under its header: of its filled cells, three at least, two in three tell what
    to write there ("Assign sequential number here", "From Change Request Form", "Assess the probability …").
    Asked of the rows under a header by the planner (the row is skipped) and by the header's detection (the row
    says nothing of what its columns hold: a sentence under "Consequence" hid the levels under it)."""
    filled = [x for x in cells if x is not None and str(x).strip()]
    texts = [x for x in filled if x.__class__ is str]
    if len(texts) < 3:
        return False
    told = sum(1 for t in texts if _tells_what_to_write(t))
    return told * 3 >= len(filled) * 2


# A date's format written where the date goes ("dd/mm/yy", "MM-DD-YYYY", "yyyy.mm.dd"): the template's hint
_DATE_MASK_RE = re.compile(r"\s*(?:d{1,2}|m{1,3}|y{2,4})(?:\s*[/.\-]\s*(?:d{1,2}|m{1,3}|y{2,4})){2}\s*", re.I)
# where the sentences of a cell begin: "Probability of the risk occurring. Choose either Low/Medium/High"
_SENTENCE_BREAK_RE = re.compile(r"[.;!?]\s+")


def date_mask(text: str) -> bool:
    """A date's format written where the date goes ("DD/MM/YYYY", "yyyy-mm-dd"): a template's placeholder."""
    return _DATE_MASK_RE.fullmatch(text) is not None


def tells_what_to_write(text: str) -> bool:
    """Whether a cell tells what goes in its column as a template's guidance does (``_tells_what_to_write``)."""
    return _tells_what_to_write(text)


def _tells_what_to_write(text: str) -> bool:
    """A template's cell telling what goes in its column: a sentence of it begins with a guidance word ("Add a
    brief description …", "… Choose either Low/Medium/High"), it begins by saying it describes the column ("A
    brief description of …": ``guidance_phrases`` in the files), or it is a date's format ("dd/mm/yy"). Unseen
    set 68's empty risk-log template made a risk of its instruction row: only "Add …" began with a guidance word."""
    if _DATE_MASK_RE.fullmatch(text):
        return True
    words = " ".join(words_of(text))
    if any(words.startswith(p) for p in guidance_phrases()):
        return True
    starts = guidance_words()
    return any((ws := words_of(part)) and ws[0] in starts for part in _SENTENCE_BREAK_RE.split(text))


@lru_cache(maxsize=None)
def guidance_phrases() -> tuple[str, ...]:
    """Keyed words, space-joined, a template's hint begins with when it says what its column holds ("a brief
    description of"): ``guidance_phrases`` in the files."""
    return tuple(p for data in _files() for w in data.get("guidance_phrases", ()) if (p := " ".join(words_of(w))))


def restates_its_headers(cells: list[tuple[Any, Any]]) -> bool:
    """A template's hint row under its header, told by its cells alone: of (cell, its column's header) pairs, three
    filled at least, every cell a text saying its header's words and more ("List Stakeholder Name" under
    "Stakeholder", "Summary of role & responsibilities" under "Responsibilities", "Point form notation of
    activities" under "Activities", classes65b): what to write in each column, where a record says what it is."""
    filled = [(x, h) for x, h in cells if x is not None and str(x).strip()]
    if len(filled) < 3:
        return False
    for x, header in filled:
        if x.__class__ is not str or not isinstance(header, str):
            return False
        said, told = set(words_of(header)), words_of(x)
        if not said or not said <= set(told) or len(told) <= len(said):
            return False
    return True


MIN_NUMBERED_COLUMNS = 4  # "1 | 2 | 3" may be a record of numbers; four columns counted from 1 are a form's


def _column_ordinal(value: Any) -> tuple[str, int] | None:
    """What a cell numbering a form's column counts by, and where: a whole number (1, 2 …) or one letter of the
    alphabet (a, b …, as an Indonesian government form letters its columns under the header), as ("number", n)
    or ("letter", n)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return ("number", int(value))
    if isinstance(value, int):
        return ("number", value)
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return ("number", int(text))
        if len(text) == 1 and "a" <= text.lower() <= "z":
            return ("letter", ord(text.lower()) - ord("a") + 1)
    return None


def counts_the_columns(cells: Sequence[Any]) -> str | None:
    """A form's row under its header numbering its columns ("1 | 2 | 3 | … | 11 | 13 | 14 | 16 | …", a
    hospital's risk register under its three header lines; numbers skipped where a caption spans sub-columns) or
    lettering them ("a | b | c | … | k", a city inspectorate's risk forms, round 49): every filled cell a whole
    number, or every one a single letter, the first 1 or "a", each further on than the one to its left, four or
    more. A record's title is words, so a record is never all numbers rising from 1 nor all letters rising from
    "a". Says which ("number" or "letter"), None for a row that does neither. Asked by the planner of the rows
    before the first record (the row is skipped) and by the header's detection of the first rows under a
    candidate header (the row says nothing of what its columns hold: "a", "e" under "Kode" are no codes)."""
    kinds: set[str] = set()
    numbers: list[int] = []
    # the first column's cell may hold a note running down the sheet's margin beside the key ("Kolom e diisi
    # dengan …" | b | c | … | l: a form's footnotes written over the key of the worked example under it,
    # classes53b): the key then starts at "b" or 2 in the second column
    start = 1 if len(cells) > 1 and cells[0].__class__ is str and _column_ordinal(cells[0]) is None and \
        _column_ordinal(cells[1]) in (("letter", 2), ("number", 2)) else 0
    for value in cells[start:]:
        if value is None or (value.__class__ is str and not value.strip()):
            continue
        ordinal = _column_ordinal(value)
        if ordinal is None or (numbers and ordinal[1] <= numbers[-1]):
            return None
        kinds.add(ordinal[0])
        numbers.append(ordinal[1])
    if len(numbers) < MIN_NUMBERED_COLUMNS or len(kinds) != 1 or numbers[0] != 1 + start:
        return None
    return kinds.pop()


@lru_cache(maxsize=None)
def placeholder_texts() -> tuple[str, ...]:
    """A template's filler for a name nobody wrote in ("A quien corresponda", "To whom it may concern"), as
    written in the files: a cell saying only that is empty (``placeholders`` in the files)."""
    return tuple(w for data in _files() for w in data.get("placeholders", ()))


@lru_cache(maxsize=None)
def example_words() -> frozenset[str]:
    """Keyed words marking a template's worked example ("Example risk register", an ID "021111a/ ejemplo")."""
    return frozenset(word_key(w) for data in _files() for w in data.get("examples", ()))


@lru_cache(maxsize=None)
def tail_words() -> dict[str, str]:
    """Keyed last word of a header → the field it names in any register having it ("Stakeholder(s)
    Responsible", "Department Accountable": the owner), read only when nothing else matched."""
    out: dict[str, str] = {}
    for data in _files():
        for name, words in data.get("tails", {}).items():
            for w in words:
                out.setdefault(word_key(w), name)
    return out


@lru_cache(maxsize=None)
def reference_words() -> frozenset[str]:
    """Keyed first words of a header pointing at another record ("Related Risk", "Linked Task ID"): the
    column refers to a record of that register, it does not say the sheet is one."""
    return frozenset(word_key(w) for data in _files() for w in data.get("references", ()))


@lru_cache(maxsize=None)
def result_words(part: str) -> frozenset[str]:
    """Keyed words of a tester's results in any language (``results`` in the files): ``part`` is "actual" (what
    happened: "Actual result", "Фактический результат", "Ist"), "expected" (what should have: "Soll") or "input"
    (what was put in, the steps). Column headers and the labels of a description's lines alike."""
    out: set[str] = set()
    for data in _files():
        out.update(word_key(w) for w in data.get("results", {}).get(part, []))
    return frozenset(k for k in out if k)


@lru_cache(maxsize=None)
def sheet_words(what: str) -> frozenset[str]:
    """Keyed sheet names for ``what``: a register name, or "not_records" (legends, lists, instructions)."""
    out: set[str] = set()
    for data in _files():
        out.update(word_key(w) for w in data.get("sheets", {}).get(what, []))
    return frozenset(out)


@lru_cache(maxsize=None)
def action_notes_words() -> frozenset[str]:
    """Keyed headers of an action sheet's columns that say more of the action itself ("Planned start",
    "Follow-up notes", "Remarks": ``action_notes`` in the files), kept under the action's text."""
    out: set[str] = set()
    for data in _files():
        out.update(word_key(w) for w in data.get("action_notes", []))
    return frozenset(k for k in out if k)


@lru_cache(maxsize=None)
def title_words(register: str) -> frozenset[str]:
    """Keyed words a title line over a register's header is made of: the register's sheet names and nouns in
    any language ("Stakeholder Register", "Risk log") and the words titles add to them ("project", "template":
    ``title_words`` in the files). A line of these only names the register, and says nothing a user needs told."""
    out: set[str] = set(register_nouns(register))
    for data in _files():
        out.update(w for phrase in data.get("sheets", {}).get(register, []) for w in words_of(phrase))
        out.update(w for phrase in data.get("title_words", []) for w in words_of(phrase))
    return frozenset(out)


@lru_cache(maxsize=None)
def phrase_words(key: str) -> tuple[tuple[str, str], ...]:
    """(phrase, target) for choices read from a phrase anywhere in a value (a meeting's frequency, written
    as a sentence), longest first; phrases are words joined by single spaces, keyed word by word."""
    out: list[tuple[str, str]] = []
    for data in _files():
        for target, phrases in data.get("contains", {}).get(key, {}).items():
            out += [(" ".join(words_of(p)), target) for p in phrases]
    return tuple(sorted(out, key=lambda item: -len(item[0])))


@lru_cache(maxsize=None)
def register_nouns(register: str) -> frozenset[str]:
    """Keyed words naming a register's records in any language ("risk", "riesgo", "raid" for a RAID log):
    a sheet whose name or headers say none of them may hold something else (``nouns`` in the files)."""
    out: set[str] = set()
    for data in _files():
        out.update(word_key(w) for w in data.get("nouns", {}).get(register, []))
    return frozenset(k for k in out if k)


@lru_cache(maxsize=None)
def foreign_words(what: str, part: str) -> frozenset[str]:
    """Keyed words of tables that are no register (``foreign`` in the files): ``what`` is "schedule",
    "backlog", "timeline", "actions" or "lessons" (a lessons-learned log's sheet names, unkept_lists, and its own
    columns, lessons_logs); ``part`` is "records" (what the rows are: tasks, stories, injects),
    "columns", "clock_columns", "sheets", "starts", "ends", "story_starts" or "story_wants", and for "actions"
    "items" (a column naming the rows as things to do) and "due" (by when each is to be done); for "backlog" also
    "plan_columns" and "group_columns" (a tracker's columns scheduling and grouping its work items: a task plan)."""
    out: set[str] = set()
    for data in _files():
        words = data.get("foreign", {}).get(what, {}).get(part, [])
        out.update((" ".join(words_of(w)) if part.startswith("story") else word_key(w)) for w in words)
    return frozenset(k for k in out if k)


@lru_cache(maxsize=None)
def condition_clauses() -> tuple[tuple[str, ...], ...]:
    """The words opening a clause that qualifies a rating's name in a header ("Impact if the risk occurs",
    "Auswirkung falls …", "Impacto si ocurre"), each as its keyed words, longest first: ``condition_clauses``
    in the files (``header_detection._level_with_clause``)."""
    out = {tuple(words_of(w)) for data in _files() for w in data.get("condition_clauses", ())}
    return tuple(sorted((w for w in out if w), key=len, reverse=True))


@lru_cache(maxsize=None)
def in_place_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """(phrases of a plan column's header saying its measures are already there, "existing", "in place";
    bare names of a control, "Control") — ``in_place`` in the files, each keyed word by word."""
    phrases: list[str] = []
    bare: set[str] = set()
    for data in _files():
        part = data.get("in_place", {})
        phrases += [" ".join(words_of(w)) for w in part.get("words", [])]
        bare.update(" ".join(words_of(w)) for w in part.get("bare_control", []))
    return tuple(p for p in phrases if p), frozenset(b for b in bare if b)


@lru_cache(maxsize=None)
def abbreviated_headers() -> dict[str, str]:
    """Keyed short header → the header word it stands for ("Pri" → "priority", "Sev" → "severity"):
    ``abbreviations`` in the files. Too short to name a field alone: read so only where the column's values are
    that field's levels (``header_detection._abbreviated_levels``)."""
    out: dict[str, str] = {}
    for data in _files():
        for short, full in data.get("abbreviations", {}).items():
            out.setdefault(word_key(short), full)
    return out


@lru_cache(maxsize=None)
def reassessed_words() -> frozenset[str]:
    """Keyed words of a caption over a risk's second rating saying it is a later assessment ("Current Risk
    Rating", "Reviewed Level of Risk", "Target"): that pair is the residual (``reassessed`` in the files)."""
    return frozenset(word_key(w) for data in _files() for w in data.get("reassessed", ()))


@lru_cache(maxsize=None)
def first_assessed_words() -> frozenset[str]:
    """Keyed words before a likelihood or an impact saying it is the first rating, before any measure
    ("Initial Risk L", "Gross Impact", "Inherent Severity"): the risk's own levels (``first_assessed``)."""
    return frozenset(word_key(w) for data in _files() for w in data.get("first_assessed", ()))


@lru_cache(maxsize=None)
def raid_type_headers() -> frozenset[str]:
    """Keyed words of a header over a RAID log's column saying what each row is ("Type", "Typ", "Tipo",
    "Catégorie"): ``raid_type`` in the files."""
    return _keyed("raid_type")


@lru_cache(maxsize=None)
def year_words() -> frozenset[str]:
    """Keyed words for a year numbered in a header ("Year 1 Target", "Y3 Target", "Ziel Jahr 2", "Meta año 3"):
    ``years`` in the files."""
    return _keyed("years")


@lru_cache(maxsize=1)
def plain_date_words() -> frozenset[str]:
    """Keyed words for a date and nothing more ("Date", "Fecha", "Data", "Datum"): ``plain_dates`` in the files. On a
    sheet named as the milestones such a column is each milestone's baseline (milestone_lists.plain_date, classes93)."""
    return _keyed("plain_dates")


@lru_cache(maxsize=1)
def signature_labels() -> frozenset[str]:
    """Keyed labels of a line signing a sheet ("Prepared by", "Last updated", "Erstellt von"): ``sheet_signatures``
    in the files (row_planner's notes under a table)."""
    return _keyed("sheet_signatures")


@lru_cache(maxsize=1)
def quantity_words() -> frozenset[str]:
    """Words that make the number before them a quantity, not a record's number ("risk 2 weeks early", "Issue 3
    days late", "Risk 1 of 3"): ``quantity_words`` in the files, keyed by their words (named_records)."""
    return frozenset(" ".join(words_of(w)) for data in _files() for w in data.get("quantity_words", ()) if words_of(w))


@lru_cache(maxsize=1)
def day_count_words() -> frozenset[str]:
    """Keyed words saying a number counts calendar days ("Plazo (días)", "Deadline (days)"): ``day_counts`` in the
    files (child_sheets.due_from_days)."""
    return frozenset(" ".join(words_of(w)) for data in _files() for w in data.get("day_counts", ()) if words_of(w))


@lru_cache(maxsize=1)
def state_words_every() -> frozenset[str]:
    """Every keyed status word of every register in every file (the ``values`` keys ending ".status"): a word one
    register's status column knows is a state in any register's status column, never a value standing in the wrong
    column (``row_planner._unknown_state``)."""
    return frozenset(word_key(w) for data in _files() for key, words in data.get("values", {}).items()
                     if key.endswith(".status") for ws in words.values() for w in ws)


@lru_cache(maxsize=None)
def status_phrases(register: str) -> tuple[tuple[str, ...], ...]:
    """A register's status words in every language ("won't fix", "in progress"), each as its words, the longest
    first: how a legend's sentence is read for the status it says ("🟢 Bug fully fixed.": "fixed", side_legends)."""
    found = {w for data in _files() for words in data.get("values", {}).get(f"{register}.status", {}).values()
             for text in words if (w := tuple(words_of(text)))}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def negation_words() -> frozenset[str]:
    """Keyed words denying the word after them ("not", "cannot", "nicht"): ``negations`` in the files. A status
    word they deny ("not fully finished", "cannot be fixed") says no status."""
    return _keyed("negations")


@lru_cache(maxsize=None)
def gain_words() -> frozenset[str]:
    """Keyed words opening a risk's name with something gained ("Gaining popularity …", "Zdobycie …", "Obtención
    de …"): ``gains`` in the files. Under an opportunity's strategy they say the risk is one (strategy_kinds)."""
    return _keyed("gains")


@lru_cache(maxsize=None)
def range_join_words() -> frozenset[str]:
    """The words joining the two ends of a range ("A to E", "A bis E", "A a E", "1 до 5"): ``range_joins`` in the
    files, lower case as written."""
    return frozenset(w.strip().lower() for data in _files() for w in data.get("range_joins", ()) if w.strip())


@lru_cache(maxsize=None)
def kind_not_level_words() -> frozenset[str]:
    """Keyed words naming a kind of record or action ("Preventiva", "Corrective", "Positiva": a site notification's
    kind) that a priority column writes where its levels stand: ``kinds_not_levels`` in the files. Never a level."""
    return _keyed("kinds_not_levels")


@lru_cache(maxsize=None)
def hedge_words() -> tuple[str, ...]:
    """Words before a field's name hedging what its column holds without changing it ("Known or suspected
    Threats", "Recommended Mitigation", "Mögliche Gegenmaßnahme(n)", "Posibles causas"): ``hedges`` in the
    files, the longest first, so that "known or suspected" is taken whole before "known"."""
    words = {w.strip().lower() for data in _files() for w in data.get("hedges", ()) if w.strip()}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table_order_words(part: str) -> frozenset[tuple[str, ...]]:
    """Words of ``part`` of ``table_order`` in the files, each as its words: how a caption over one of tables
    stacked down a sheet places it — "first" ("Baseline", "Línea base"), "last" ("Current", "Latest"), "revision"
    (a word before a revision's letter: "Revision B", "Version C") (``restated_tables``)."""
    return frozenset(w for data in _files() for text in data.get("table_order", {}).get(part, ())
                     if (w := tuple(words_of(text))))


@lru_cache(maxsize=None)
def statistic_words() -> frozenset[str]:
    """Keyed names of a statistic over measurements ("min", "max", "mean", "median", "std dev"): ``statistics`` in
    the files (``header_detection._statistics_columns``)."""
    return _keyed("statistics")


@lru_cache(maxsize=None)
def scoring_words(part: str) -> frozenset[str]:
    """Keyed headers of a weighted scoring matrix: ``part`` "weights" ("Weightage", "Weighting") or "criteria"
    ("Evaluation Criteria", "Criterion"): ``scoring`` in the files (``header_detection._scoring_matrix``)."""
    return frozenset(k for data in _files() for w in data.get("scoring", {}).get(part, ()) if (k := word_key(w)))


@lru_cache(maxsize=None)
def bug_steps_words() -> frozenset[str]:
    """Keyed headers naming a bug's steps to reproduce ("Repro Steps", "Steps to reproduce", "Pasos para
    reproducir", "重现步骤"): ``bug_steps`` in the files. Only a bug report keeps such a column, so it says the rows
    are bugs, the issue log's (``header_detection.bug_steps_column``, unseen set 76)."""
    return _keyed("bug_steps")


@lru_cache(maxsize=None)
def raiser_words() -> frozenset[str]:
    """Keyed headers naming who raised a record ("Raised by", "Reporter", "起票者", "Reportado por"): ``raisers`` in
    the files. The raiser stands in for the owner when no other column names one; beside an assignee's column
    ("起票者 | … | 担当者") the assignee is the owner (``header_detection._assignee_over_raiser``, classes79)."""
    return _keyed("raisers")


@lru_cache(maxsize=None)
def asset_words() -> frozenset[str]:
    """Keyed headers naming the asset a risk touches ("Activos", "Affected asset", "Vermögenswert"): ``assets`` in
    the files. A word of its own, never a field's name mistyped (``header_detection._cell_alone``)."""
    return _keyed("assets")


@lru_cache(maxsize=None)
def score_words() -> frozenset[str]:
    """Keyed words saying a column holds a score, numbers where higher is more ("score", "puntuación",
    "Punkte"): ``scores`` in the files (``score_priorities``)."""
    return _keyed("scores")


@lru_cache(maxsize=None)
def employment_words() -> frozenset[tuple[str, ...]]:
    """Words of what an employer keeps on its employees ("salary", "hire date", "probation"), each as its words:
    ``employment`` in the files (``employee_sheets``)."""
    return frozenset(w for data in _files() for text in data.get("employment", ()) if (w := tuple(words_of(text))))


@lru_cache(maxsize=None)
def questionnaire_words(part: str) -> frozenset[str]:
    """Keyed words of ``part`` of ``questionnaire`` in the files: a header naming a column of questions
    ("question", "statement", "Frage") or of their answers ("answer", "options", "Antwort") (``questionnaires``)."""
    return frozenset(k for data in _files() for w in data.get("questionnaire", {}).get(part, ()) if (k := word_key(w)))


class TellingQuestions(NamedTuple):
    """A communication plan's columns headed by the questions it answers ("What to communicate?", "¿A quién
    comunicar?"), one language's: ``communication_questions`` in its words file, each word keyed
    (``asked_headers.telling_field``). Kept a language apart: German "wie" asks how, Dutch "wie" who."""
    verbs: frozenset[str]      # the verbs of telling: communicate, inform, comunicar
    fillers: frozenset[str]    # the words said around them: "to", "do we", "se"
    asks: dict[tuple[str, ...], str]  # a question's words → the field it asks for ("to", "whom") → audience


@lru_cache(maxsize=None)
def telling_questions() -> tuple[TellingQuestions, ...]:
    """``TellingQuestions`` of each words file that gives them."""
    out: list[TellingQuestions] = []
    for data in _files():
        part = data.get("communication_questions")
        if not part:
            continue
        asks: dict[tuple[str, ...], str] = {}
        for name, questions in part.get("asks", {}).items():
            for q in questions:
                if (said := tuple(words_of(q))):
                    asks.setdefault(said, name)
        out.append(TellingQuestions(frozenset(word_key(w) for w in part.get("verbs", ())) - {""},
                                    frozenset(word_key(w) for w in part.get("fillers", ())) - {""}, asks))
    return tuple(out)


@lru_cache(maxsize=None)
def plan_question_words() -> frozenset[str]:
    """Keyed question words heading an action plan's columns ("Who?", "What?", "Où ?", "Wie?", "¿Cómo?"; the
    5W1H of a plan): ``plan_questions`` in the files (``question_plans``)."""
    return _keyed("plan_questions")


@lru_cache(maxsize=None)
def id_words() -> frozenset[str]:
    """Keyed words saying a header's column holds identifiers ("ID", "Nº", "Ref", "Código"): ``ids`` in the
    files (``child_sheets.tied_by_the_parents_ids``)."""
    return _keyed("ids")


@lru_cache(maxsize=None)
def verdict_headers() -> frozenset[str]:
    """Keyed headers of a decision log's column giving each review's verdict ("Recommendation", "Verdict",
    "Go/No-Go"): ``verdicts`` in the files (``row_planner._verdict_title``)."""
    return _keyed("verdicts")


@lru_cache(maxsize=None)
def done_words(part: str) -> tuple[str, ...]:
    """The words of ``part`` of ``done`` in the files, as written: how a plan says it was carried out
    (``excel/done_text.py``)."""
    return tuple(w for data in _files() for w in data.get("done", {}).get(part, ()))


@lru_cache(maxsize=None)
def closed_header_words(part: str) -> dict[str, str]:
    """Keyed header → status (Resolved / Closed) of ``closed_headers`` → ``part`` in the files: "done" a column
    whose filled cell says the record is over ("Resolved", "Fixed", "Behoben"), "by" one naming who closed it
    ("Fixed By", "Corrigé par"): ``closed_columns``."""
    out: dict[str, str] = {}
    for data in _files():
        for status, words in data.get("closed_headers", {}).get(part, {}).items():
            for w in words:
                if k := word_key(w):
                    out.setdefault(k, status)
    return out


FOREIGN_KINDS = ("schedule", "backlog", "timeline", "actions")


def languages() -> list[str]:
    return [d.get("language", "?") for d in _files()]


@lru_cache(maxsize=None)
def people_header_words() -> frozenset[str]:
    """Keyed words that, beside "name", make a header a person's name ("user_name", "Employee Name", "Author"):
    ``people_headers`` in the files (``people_columns``)."""
    return _keyed("people_headers")


@lru_cache(maxsize=None)
def instruction_words() -> frozenset[str]:
    """Keyed words a template's placeholder tells the user with, after the example ("Sample issue — replace with
    your own", "Example risk: delete this row"): ``instructions`` in the files (``row_planner._example_title``)."""
    return _keyed("instructions")


@lru_cache(maxsize=None)
def person_said_again_words() -> frozenset[str]:
    """Keyed words (joined by one space) that, after a header naming a person's field, say only that the column
    names a person ("Owner Name", "owner_stakeholder", "Responsable persona"): ``person_said_again`` in the files
    (``header_detection._person_said_again``, left61)."""
    return frozenset(" ".join(ws) for data in _files() for w in data.get("person_said_again", ()) if (ws := words_of(w)))


@lru_cache(maxsize=None)
def placeholder_people() -> frozenset[str]:
    """Keyed names a template writes where a person goes ("John Doe", "Max Mustermann", "Juan Pérez"):
    ``placeholder_people`` in the files (``row_planner._templated_beside``, left61)."""
    return _keyed("placeholder_people")


@lru_cache(maxsize=None)
def deliverable_words() -> frozenset[str]:
    """Keyed headers naming a project's deliverables ("Deliverable", "Entregable", "Livrable"): ``deliverables`` in
    the files (``header_detection`` says a list of them for what it is, left61)."""
    return _keyed("deliverables")


@lru_cache(maxsize=None)
def naming_words() -> frozenset[str]:
    """Keyed words a header adds to a noun to name the column that names each thing ("actionName", "Project
    Title"): ``naming`` in the files (``named_things``)."""
    return _keyed("naming")


@lru_cache(maxsize=None)
def plain_title_words() -> frozenset[str]:
    """Keyed plain words for a thing's title or name, of no register ("Название", "Titel", "Intitulé", "Judul"):
    ``plain_titles`` in the files. A words file often lists one under a single register's title (Russian
    "название" for a risk's): it titles any register's records when no column names them by the register's own
    words (``header_detection._plain_title``). Words that name a person as often ("Name") are left out."""
    return _keyed("plain_titles")


@lru_cache(maxsize=None)
def own_name_words(field: str) -> frozenset[str]:
    """Keyed words that are a field's own name in a language ("Приоритет", "Prioridad", "优先级" for the priority):
    ``own_names`` in the files. Of two columns read as one field ("Серьёзность | Приоритет"), the one headed by
    the field's own name takes it (``header_detection._own_name_wins``; classes75a)."""
    return frozenset(k for data in _files() for w in data.get("own_names", {}).get(field, ()) if (k := word_key(w)))


@lru_cache(maxsize=None)
def record_link_words(register: str) -> frozenset[str]:
    """Keyed headers of a column holding each record's own web address, by the register's noun and a word for a
    link ("bug地址", "Issue link", "Ссылка на баг"): ``record_links`` in the files (``record_links.linked_records``;
    classes83)."""
    return frozenset(k for data in _files() for w in data.get("record_links", {}).get(register, ())
                     if (k := word_key(w)))


@lru_cache(maxsize=None)
def abstract_endings() -> tuple[str, ...]:
    """Keyed endings that make an abstract noun of a word without changing what it names in a header ("-ность",
    "-ність", "-ość": "Приоритетность" is the priority, "priority-ness"): ``abstract_endings`` in the files,
    longest first. A header word that is a known header's key with one of these after it reads as that key
    (``header_detection._header_variants``; classes83). Kept to the inflected languages whose files say them."""
    found = {k for data in _files() for w in data.get("abstract_endings", ()) if (k := word_key(w))}
    return tuple(sorted(found, key=lambda k: (-len(k), k)))


@lru_cache(maxsize=None)
def test_case_words() -> frozenset[str]:
    """Keyed words naming a test case ("Test case", "Caso de prueba", "测试用例"): ``test_cases`` in the files. A
    column numbering the test cases says the rows are the defects testing found (``header_detection._defects_said``)."""
    return _keyed("test_cases")


@lru_cache(maxsize=None)
def example_marks() -> tuple[tuple[str, ...], ...]:
    """The phrases marking a row as a template's example only ("example only", "solo de ejemplo"), each as its keyed
    words, longest first: ``example_marks`` in the files (``template_rows.example_mark``)."""
    return tuple(sorted({tuple(ws) for data in _files() for phrase in data.get("example_marks", ())
                         if (ws := words_of(phrase))}, key=len, reverse=True))


@lru_cache(maxsize=None)
def resolution_headers() -> frozenset[str]:
    """Keyed headers of an issue's resolution or outcome ("Resolution", "Outcome", "Résolution"), read as its action
    when the cells are plans (``header_detection._resolution_of_plans``): ``resolution_headers`` in the files."""
    return frozenset(word_key(w) for data in _files() for w in data.get("resolution_headers", ()))


@lru_cache(maxsize=None)
def importance_headers() -> frozenset[str]:
    """Keyed headers of how important a record is ("Importance", "重要度", "Wichtigkeit", "Importancia"): a number
    under one counts up, 5 the most important, where a priority's number is a rank, 1 the first
    (``importance_headers`` in the files; ``row_planner``'s numbered priority)."""
    return _keyed("importance_headers")


@lru_cache(maxsize=None)
def response_states() -> dict[str, str]:
    """Keyed risk state → the response it names ("Risk Accepted" → Accept, "Transferred" → Transfer, "Evitado" →
    Avoid): a risk's state that says what was chosen to do about it (``response_states`` in the files;
    ``row_planner``, where no response is given)."""
    out: dict[str, str] = {}
    for data in _files():
        for target, words in data.get("response_states", {}).items():
            for w in words:
                out.setdefault(word_key(w), target)
    return out


@lru_cache(maxsize=None)
def hours_worked_words() -> frozenset[str]:
    """Keyed headers of a timesheet's hours ("Number of Hours", "Horas", "Stunden"): ``hours_worked`` in the files
    (``importer._hours_by_day``)."""
    return _keyed("hours_worked")


def text_key(text: str) -> str:
    """``word_key`` of a text met once (a row's cells joined), not kept in the keys' cache."""
    return _key(text)


@lru_cache(maxsize=None)
def sample_words() -> frozenset[str]:
    """Keyed words naming a template's sample ("Sample issue"), an example only when the title goes on to tell the
    user what to do with it (``instruction_words``): "Sample risk 1" … "Sample risk 120" of a generated data set are
    its records. ``samples`` in the files (``row_planner._example_title``)."""
    return _keyed("samples")


class Questions(NamedTuple):
    """The words of a header written as a question (``questions`` in the files, ``asked_headers``), each keyed."""
    said: frozenset[str]          # its question words: "who", "what"
    fillers: frozenset[str]       # the words said around what it asks: "will", "the"
    opened: frozenset[str]        # question words whose other words name the field: "What is the impact?"
    asks: dict[str, dict[str, frozenset[str]]]  # question word → field → words saying it is asked for ("deal")
    alone: dict[str, tuple[str, ...]]           # a question word as the whole header → the fields it may name


@lru_cache(maxsize=None)
def question_words() -> Questions:
    """``Questions`` of every words file."""
    said: set[str] = set()
    fillers: set[str] = set()
    opened: set[str] = set()
    asks: dict[str, dict[str, set[str]]] = {}
    alone: dict[str, list[str]] = {}
    for data in _files():
        part = data.get("questions", {})
        said.update(word_key(w) for w in part.get("words", ()))
        fillers.update(word_key(w) for w in part.get("fillers", ()))
        opened.update(word_key(w) for w in part.get("open", ()))
        for asked, fields in part.get("asks", {}).items():
            for name, words in fields.items():
                asks.setdefault(word_key(asked), {}).setdefault(name, set()).update(word_key(w) for w in words)
        for asked, names in part.get("alone", {}).items():
            alone.setdefault(word_key(asked), []).extend(n for n in names if n not in alone.get(word_key(asked), ()))
    return Questions(frozenset(said - {""}), frozenset(fillers - {""}), frozenset(opened - {""}),
                     {q: {n: frozenset(ws) for n, ws in fields.items()} for q, fields in asks.items()},
                     {q: tuple(names) for q, names in alone.items()})


@lru_cache(maxsize=None)
def scope_tail_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(the links, "on", "to"; the articles, "the"; the scopes, "project", "business") of a header's tail saying
    what its field bears on, "Effect on project" — ``scope_tails`` in the files, each word keyed
    (``asked_headers``)."""
    parts: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for data in _files():
        tails = data.get("scope_tails", {})
        for held, key in zip(parts, ("links", "articles", "scopes")):
            held.update(word_key(w) for w in tails.get(key, ()))
    return frozenset(parts[0] - {""}), frozenset(parts[1] - {""}), frozenset(parts[2] - {""})


@lru_cache(maxsize=None)
def header_words_in(register: str, language: str) -> dict[str, str]:
    """``header_words`` of one language's file alone ("English"): for a rule that holds in that language's word
    order only (qualified_plans: a word before a noun qualifies it in English; in Indonesian it is the head)."""
    out: dict[str, str] = {}
    for data in _files():
        if data.get("language") == language:
            for name, words in data.get("headers", {}).get(register, {}).items():
                out.update((word_key(w), name) for w in words if word_key(w) not in out)
    return out


@lru_cache(maxsize=None)
def failure_title_words() -> frozenset[str]:
    """Headers naming what goes wrong ("Problem", "Failure", "Fault"): an FMEA's failure mode, the risk's title on a
    sheet that rates a likelihood and a consequence beside it (``failure_titles`` in the files, keyed;
    failure_titles.py)."""
    return _keyed("failure_titles")


class ColumnNamed(NamedTuple):
    """A register's column a word names (``columns_named``): the register's name, the field's, and the word."""

    register: str
    field: str
    word: str


def columns_named(text: str, registers: Sequence[str] | None = None) -> list[ColumnNamed]:
    """The columns ``text`` names — a column's own label or any header word the import knows for it, in any language
    of the words files ("likelihood": the risks' Probability; "influence": a stakeholder's Power; "deadline": an
    action's Due) — in the registers' declared order; ``registers`` limits which. The search (Ctrl+K) takes a
    newcomer's word to the column it means by the same words the import reads a colleague's header by (walk 60)."""
    key = word_key(text)
    if not key:
        return []
    out: list[ColumnNamed] = []
    searched: list[ColumnNamed] = []  # by a field's ``search_words``: after the columns the word names outright
    for name, register in REGISTERS.items():
        if registers is not None and name not in registers:
            continue
        fields = {f.name: f for f in register.fields}
        by_label = [f.name for f in register.fields if word_key(f.label) == key]
        by_word = header_words(name).get(key)
        named = by_label or ([by_word] if by_word in fields else [])
        for field in named:
            out.append(ColumnNamed(name, field, text.strip()))
        searched.extend(ColumnNamed(name, f.name, text.strip()) for f in register.fields
                        if f.name not in named and any(word_key(w) == key for w in f.search_words))
    return out + searched
