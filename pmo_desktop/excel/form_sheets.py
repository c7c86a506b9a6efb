"""A register kept as one sheet per record: each sheet a form of label | value cells ("Risk ID | R1",
"Description | …", "Likelihood | High"), maybe beside a summary table listing the same records.

Such a sheet has no header row over rows of records, so the table reader skips it; but its labels are the
same words a table's header uses. Read as a form, its labels become one header and its values one row under
it, so the sheet is read by the same rules as a one-row table of that register (its labels mapped by the same
header words, the others kept in the notes under their label). A record a summary table lists too is one
record (the planner joins rows of one ID, or of one title, over two sheets): the summary's values stand, and
the form adds what the summary does not say.

Labels are found in three layouts: the label in a cell and its value in the next cell to the right (one or
more pairs a row: "Likelihood | High | Impact | Low"), a row of labels over a row of values ("Risk ID | Date"
over "R1 | 2026-06-22"), and a label alone on its row over its value alone on the next (a long description
under its label).
"""

from __future__ import annotations

import re
from typing import Any

from ..models.fields import Kind
from .header_detection import MAIN_KINDS, SheetKind, bug_steps_column, map_header, real_fields
from .result_columns import result_columns
from .section_columns import without_sections
from .vocabulary import register_nouns, word_key, words_of
from .written_rows import written_out

MIN_FIELDS = 3  # labels of one register a form names at least (an ID and a date alone are no record)
MIN_FORMS = 2   # sheets read as forms of one register: one sheet of label | value cells may be anything
MAX_LABEL = 80  # characters: a longer text is a value, never a label
MAX_FORMS_ROWS = 2000  # rows a sheet of forms one under another is read whole up to (a longer one is a table)
LONE_FIELDS = 4  # fields a lone form (no second form, no table in the file) names at least to be a record

# The form's own column heads ("Field | Details", "Campo | Valor"): a caption of the form, no pair of it.
_FORM_HEADS = {word_key(w) for w in (
    "field", "fields", "item", "items", "attribute", "property", "parameter", "label", "campo", "champ", "feld",
    "rubrique", "atributo", "veld", "pole", "поле", "параметр")}
_FORM_VALUES = {word_key(w) for w in (
    "details", "detail", "description", "value", "values", "information", "info", "content", "entry", "response", "valor",
    "detalle", "detalles", "valeur", "détail", "détails", "wert", "angaben", "inhalt", "waarde", "wartość",
    "значение", "описание")}


def _text(cell: Any) -> str | None:
    if isinstance(cell, str) and cell.strip():
        return cell.strip()
    return None


def _label(cell: Any) -> str | None:
    text = _text(cell)
    if text is None or len(text) > MAX_LABEL or "\n" in text:
        return None
    return text.rstrip(":：").strip() or None


# A record's code ("BUG-001", "R-07", "RSK7"): letters, maybe a dash, digits — a value, never a label, though its letters
# name a register ("Bug ID | BUG-001" is a label and its value, no row of two labels; classes90)
_CODE = re.compile(r"[^\W\d_]{1,8}[-_#./ ]?\d{1,8}", re.UNICODE)


def _a_code(cell: Any) -> bool:
    return isinstance(cell, str) and _CODE.fullmatch(cell.strip()) is not None


def _filled(row: list[Any]) -> list[int]:
    return [c for c, x in enumerate(row) if x is not None and not (isinstance(x, str) and not x.strip())]


def _caption(cell: Any, value: Any) -> bool:
    """A label written as a caption ("Actual result:") over a value that is no caption itself."""
    text = _text(cell)
    return text is not None and text.endswith((":", "：")) and _label(cell) is not None and \
        value is not None and not (isinstance(value, str) and (not value.strip() or value.rstrip().endswith(":")))


def _numbered_lines(rows: list[list[Any]], start: int) -> tuple[list[str], int] | None:
    """The lines numbered under a caption from row ``start``: rows whose first filled cell is a whole number (1,
    "2.0") and whose next a text, up to the first row of another shape; ((each line "n. text", numbers with no
    text left out), the row after them), or None when no line has a text."""
    lines: list[str] = []
    i = start
    while i < len(rows):
        cols = _filled(rows[i])
        first = rows[i][cols[0]] if cols else None
        number = first if isinstance(first, (int, float)) and not isinstance(first, bool) else \
            int(first.strip()) if isinstance(first, str) and first.strip().isdigit() and len(first.strip()) <= 3 \
            else None  # a CSV's "1" is text (classes83: a form's numbered steps, saved as a CSV)
        if number is None or not float(number).is_integer() or len(cols) > 2:
            break
        if len(cols) == 2 and (text := _text(rows[i][cols[1]])) is not None:
            lines.append(f"{int(number)}. {text}")
        i += 1
    return (lines, i) if lines else None


class _RowsRead:
    """What ``form_pairs`` reads of each row whatever the register — its filled columns, whether it is written
    out, each cell as a label — worked out once a sheet: ``read_form`` tries every register on the same rows, and
    each try read them all again (a fifth of refusing a sheet of figures, round speed59b). Rows past the last
    (the row under the last one) are empty."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.filled = [_filled(row) for row in rows]
        self.labels = [[_label(x) for x in row] for row in rows]
        self._written: list[bool | None] = [None] * len(rows)

    def cols(self, i: int) -> list[int]:
        return self.filled[i] if i < len(self.filled) else []

    def cells(self, i: int) -> list[str | None]:
        return self.labels[i] if i < len(self.labels) else []

    def written(self, i: int, row: list[Any]) -> bool:
        said = self._written[i]
        if said is None:
            said = self._written[i] = written_out(row)
        return said


def form_pairs(kind: SheetKind, rows: list[list[Any]], read: _RowsRead | None = None) -> list[tuple[str, Any]]:
    """The sheet's label | value pairs as ``kind``'s labels read them, top to bottom, left to right. ``read``:
    the rows' own facts (``_RowsRead`` of ``rows``), when several registers are tried on them."""
    facts = read if read is not None else _RowsRead(rows)

    def known(at: int) -> set[int]:
        return set(map_header(kind, facts.cells(at))[0])

    key = kind.reg.key_field.name if kind.reg.key_field is not None else None
    pairs: list[tuple[str, Any]] = []
    last: tuple[int, int] | None = None  # (the pair, its value's column) a label | value row just gave, to go on
    i = 0
    while i < len(rows):
        row = rows[i]
        cols = facts.cols(i)
        if not cols or facts.written(i, row):
            i += 1  # (a row of sentences in nearly every cell holds no form's labels: written_rows)
            last = None
            continue
        if last is not None and cols == [last[1]] and _text(row[last[1]]) is not None:
            # a value going on under its own, the label's cell left empty (or merged down over it): "Шаги
            # воспроизведения | 1) Открыть сайт" then "(empty) | 2) Перейти …" — one value, a line each (classes83)
            said, went = pairs[last[0]]
            pairs[last[0]] = (said, f"{_text(went) or ''}\n{_text(row[last[1]])}".strip())
            i += 1
            continue
        last = None
        nxt = rows[i + 1] if i + 1 < len(rows) else []
        below = facts.cols(i + 1)
        cells = facts.cells(i)
        ided = map_header(kind, cells)[0]
        # a code beside an ID's label is that ID's value, no label, though its letters name the register ("Bug ID |
        # BUG-001": a pair, not a row of two labels; classes90)
        named = {c for c in ided if not (_a_code(row[c]) and key is not None and
                                         any(ided.get(p) == key for p in cols if p < c))}
        labels = [c for c in cols if cells[c] is not None]
        # a row of labels over a row of values: most of it named as columns, the row under it within its
        # columns and naming fewer
        if len(cols) >= 2 and len(labels) == len(cols) and len(named) * 2 > len(cols) and below and \
                set(below) <= set(cols) and len(known(i + 1)) < len(named):
            if i + 2 < len(rows) and len(below) >= 2 and set(facts.cols(i + 2)) == set(below):
                return []  # a second row of values under the labels: a table of records, no form
            pairs += [(str(cells[c]), nxt[c] if c < len(nxt) else None) for c in cols]
            i += 2
            continue
        # a caption over numbered lines ("Steps to reproduce:" over "1 | Open the page", "2 | Click Save"): its value
        # the lines joined, one a line with its number (classes82)
        if len(cols) == 1 and _caption(row[cols[0]], "…") and (steps := _numbered_lines(rows, i + 1)):
            lines, i = steps
            pairs.append((str(cells[cols[0]]), "\n".join(lines)))
            continue
        # a label alone on its row over its value alone on the next: a label of the register, or any caption
        # ending in ":" ("Actual result:" over the text of what happened, the value no caption itself; classes82)
        if len(cols) == 1 and (cols[0] in named or _caption(row[cols[0]], nxt[below[0]] if len(below) == 1 else None)) \
                and len(below) == 1 and not known(i + 1) and \
                (i + 2 >= len(rows) or not facts.cols(i + 2) or len(facts.cols(i + 2)) == 1):
            pairs.append((str(cells[cols[0]]), nxt[below[0]]))
            i += 2
            continue
        # label | value cells, one pair or more a row
        k = 0
        while k < len(cols):
            c = cols[k]
            label = cells[c]
            if label is None:
                k += 1
                continue
            value_at = cols[k + 1] if k + 1 < len(cols) else None
            # a cell a field's word opens ("Logged in", "BUG-001" beside an ID label the register does not know)
            # is a label only where it can be one: beside a label of the register, or with a value of its own to
            # its right — the last cell of a row after a label no field reads is that label's value (fault74:
            # "Expected result | Logged in" was dropped as a label with no value, without a word)
            taken = value_at is not None and value_at in named and (c in named or k + 2 < len(cols))
            if value_at is None or taken or (isinstance(row[value_at], str) and
                                             row[value_at].rstrip().endswith(":")):
                k += 1  # a label with no value beside it (a caption, or a field left blank)
                continue
            value = row[value_at]
            if not (word_key(label) in _FORM_HEADS and word_key(value) in _FORM_VALUES):
                pairs.append((label, value))
                last = (len(pairs) - 1, value_at) if len(cols) == 2 and isinstance(value, str) else None
            k += 2
        i += 1
    return pairs


def form_caption(rows: list[list[Any]]) -> str | None:
    """A caption alone over a form's values ("Ошибка 1" in B1 over "Заголовок | …", "Описание | …"): the form's
    first filled row one short text in a column past the first, the row under it a label beside its value in that
    column. No label of a field, it is said with the form (``importer``'s lone-form note), not read as a pair."""
    filled = [(i, cols) for i, r in enumerate(rows) if (cols := _filled(r))]
    if len(filled) < 2:
        return None
    (i, cols), (j, below) = filled[0], filled[1]
    if len(cols) != 1 or cols[0] == 0 or j != i + 1 or len(below) != 2 or below[1] != cols[0] or \
            _label(rows[j][below[0]]) is None:
        return None
    return _label(rows[i][cols[0]])


def read_form(rows: list[list[Any]]) -> tuple[SheetKind, list[list[Any]]] | None:
    """The register a form sheet is a record of, and its pairs as a header row over one row of values; None
    when its labels name fewer than ``MIN_FIELDS`` fields of any register, or name a field twice with two
    values (a table, not a form)."""
    best: tuple[int, SheetKind, list[tuple[str, Any]]] | None = None
    defect: tuple[int, SheetKind, list[tuple[str, Any]]] | None = None
    read = _RowsRead(rows)
    for kind in MAIN_KINDS:
        pairs = form_pairs(kind, rows, read)
        if not pairs:
            continue
        mapping, _dups = map_header(kind, [p[0] for p in pairs])
        fields = real_fields(mapping)
        if len(fields) >= MIN_FIELDS and (best is None or len(fields) > best[0]):
            best = (len(fields), kind, pairs)
        if len(fields) + _tested(kind, [p[0] for p in pairs]) >= MIN_FIELDS and kind.register == "issues" and \
                result_columns([p[0] for p in pairs]):
            defect = (len(fields), kind, pairs)
    if defect is not None:
        # labels of an expected and an actual result: a tester's defect report (result_columns), whatever a
        # "Severidad" and a "Resultado esperado" (a risk's impact and effect word) count for the risk register
        # (fix53a: one bug a sheet read as risks titled by what happened, once "Resultado" named the effect)
        best = defect
    if best is None:
        return None
    _n, kind, pairs = best
    seen: set[str] = set()
    header: list[Any] = []
    values: list[Any] = []
    for label, value in pairs:
        if word_key(label) in seen:
            continue  # a label written twice (a header repeated over a second block): the first stands
        seen.add(word_key(label))
        header.append(label)
        values.append(value)
    return kind, [header, values]


def labels_down_the_side(kind: SheetKind, rows: list[list[Any]], header_row: int) -> bool:
    """Whether a sheet the table reader took (its first label | value row read as a header, "ID | R1 | Risk |
    Scope creep") is a form: the rows under that "header" begin with labels of the same register, not with
    records' values."""
    firsts = [row[cols[0]] for row in rows[header_row:header_row + 12] if (cols := _filled(row))]
    named = [x for x in firsts if _label(x) is not None and map_header(kind, [_label(x)])[0]]
    # a tester's labels of an expected and an actual result (and of the steps) are a bug form's own (classes90)
    tested = 2 + bug_steps_column(firsts) if kind.register == "issues" and result_columns(firsts) is not None else 0
    return len(named) >= 2 and (len(named) + tested) * 2 >= len(firsts)


def a_lone_record(kind: SheetKind, rows: list[list[Any]], names: list[str]) -> bool:
    """Whether the one form of a file with no table and no second form (``rows``: read_form's labels over
    values) is a record of ``kind``'s register, not a cover sheet ("Project name | Prepared by | Date |
    Version"), a definitions sheet ("Likelihood | How likely the risk is to happen") or a legend. It is when
    its labels name ``LONE_FIELDS`` of the register's fields, its ID or its title among them; the cells under
    its ratings, dates, codes, choices and names are values, a few words each, not explanations; and its
    sheet or file name (``names``) names the register ("Risk 7", "risk_form.xlsx") or its ID is a code
    ("R-07", "RSK7": letters and digits, one word)."""
    header, values = rows[0], rows[1]
    mapping, _dups = map_header(kind, [_label(h) for h in header])
    fields = real_fields(mapping)
    reg = kind.reg
    key = reg.key_field.name if reg.key_field is not None else ""
    title = next((f.name for f in reg.fields if f.required), "")
    tested = _tested(kind, list(header))
    if len(fields) + tested < LONE_FIELDS or not ({key, title} & fields):
        return False
    short, long = _value_lengths(kind, mapping, values, title)
    if long or short < 2 and not (tested and short == 0 and title in fields):
        return False  # a sentence under "Likelihood": what the field means, not a record's value
    nouns = register_nouns(kind.register) | {word_key(reg.noun)}
    if any(w in nouns for n in names for w in words_of(n)):
        return True
    if kind.register == "issues" and result_columns(list(header)) is not None:
        # a tester's defect report: labels of the expected and the actual result beside a defect's own fields —
        # no cover or definitions sheet has both, and its ID may be any text ("Case 12"; unseen set 76: one
        # defect a workbook, refused for its file's plural name and its ID of two words)
        return True
    code = next((values[c] for c, n in mapping.items() if n == key and c < len(values)), None)
    text = str(code).strip() if code is not None else ""
    return 0 < len(text) <= 20 and len(text.split()) == 1 and any(ch.isdigit() for ch in text) and \
        any(ch.isalpha() for ch in text)


def _tested(kind: SheetKind, labels: list[Any]) -> int:
    """The fields a tester's defect report names beyond the register's own: its actual and expected results (one)
    and its steps to reproduce (one more) — labels only a bug report has, kept in the notes (classes83: a bug form of
    a title, a description, its steps and its results, refused for naming two fields of the issue log)."""
    if kind.register != "issues" or result_columns(labels) is None:
        return 0
    return 1 + bug_steps_column(labels)


def _value_lengths(kind: SheetKind, mapping: dict[int, str], values: list[Any], title: str) -> tuple[int, int]:
    """(values of a few words, values of more) of a form's filled cells under its ratings, dates, codes,
    choices and names — free text (a description, a cause) and the title left out, which may be any length."""
    reg = kind.reg
    short = long = 0
    for c, name in mapping.items():
        if name not in reg.field_names or c >= len(values) or name == title:
            continue
        f = reg.field(name)
        if f.kind is Kind.TEXT or f.kind is Kind.LONGTEXT:
            continue
        text = str(values[c]).strip() if values[c] is not None else ""
        if text:
            if len(text.split()) > 4:
                long += 1
            else:
                short += 1
    return short, long



def _steps_joined(rows: list[list[Any]]) -> list[list[Any]]:
    """A form's rows with its step table ("Step | Step description | Expected result | Actual result" over one
    row a step) as label | value rows: each column's label beside its cells joined a line each, so that the form
    reads the table as its labels and their values (a defect's steps, its expected and its actual result), not as
    label | value pairs across the table."""
    out: list[list[Any]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        cols = _filled(row)
        if len(cols) >= 3 and all(_label(row[c]) is not None for c in cols) and result_columns(list(row)):
            steps: list[list[Any]] = []
            j = i + 1
            while j < len(rows) and (below := _filled(rows[j])) and set(below) <= set(cols):
                steps.append(rows[j])
                j += 1
            if steps:
                for c in cols:  # each column a label beside its cells, as the form's other labels are
                    cells = [str(r[c]).strip() for r in steps if c < len(r) and _text(r[c]) is not None]
                    if cells:
                        out.append([row[c], "\n".join(cells)])
                i = j
                continue
        out.append(row)
        i += 1
    return out


def form_blocks(rows: list[list[Any]]) -> list[list[list[Any]]]:
    """A sheet of forms one under another, each beginning with the sheet's first label again ("Test case ID |
    TC-1", its fields, its step table; then "Test case ID | TC-2" …): each form's rows, its step table joined
    (``_steps_joined``); [] for a sheet whose first label does not come again ``MIN_FORMS`` times. Forms whose
    labels sit beside a section column are read without it (section_columns, classes74b)."""
    if blocks := _blocks(rows):
        return blocks
    plain = without_sections(rows)
    return _captioned_blocks(plain) if plain is not None else []


def beside_sections(rows: list[list[Any]]) -> bool:
    """Whether ``form_blocks`` read the sheet's forms without a section column (for the sheet notes)."""
    return not _blocks(rows) and without_sections(rows) is not None


def _captioned_blocks(rows: list[list[Any]]) -> list[list[list[Any]]]:
    """The forms of a sheet with a section column taken out: under a title alone on the sheet's first rows ("DEFECT
    REPORT"), each beginning with the form's column heads again ("Titles | Input") — a row written the same at
    the head of every form is those heads, no label and its value, and is left out of each."""
    top = 0
    while top < len(rows) and len(_filled(rows[top])) <= 1:
        top += 1  # (a title over the forms)
    blocks = _blocks(rows[top:])
    heads = {tuple(word_key(x) for x in b[0]) for b in blocks if b}
    if len(blocks) >= MIN_FORMS and len(heads) == 1:
        blocks = [b[1:] for b in blocks]
    return blocks


def _blocks(rows: list[list[Any]]) -> list[list[list[Any]]]:
    firsts = [(i, _label(row[cols[0]]), len(cols)) for i, row in enumerate(rows) if (cols := _filled(row))]
    if not firsts or firsts[0][1] is None or firsts[0][2] != 2:
        return []  # a form's first row is a label and its value ("ID | R1"), not a table's header
    key = word_key(firsts[0][1])
    starts = [i for i, label, _n in firsts if label is not None and word_key(label) == key]
    if len(starts) < MIN_FORMS:
        return []
    return [_steps_joined(rows[a:b]) for a, b in zip(starts, [*starts[1:], len(rows)], strict=True)]


def read_forms(rows: list[list[Any]]) -> tuple[SheetKind, list[list[Any]]] | None:
    """The register a sheet of forms one under another is of (``form_blocks``), and the forms as a header over
    one row each: the labels of all, in the order first met, over each form's values. None unless every form
    reads as a record of one register (``read_form``)."""
    blocks = form_blocks(rows)
    read = [read_form(b) for b in blocks]
    if not read or any(r is None for r in read):
        return None
    kinds = {r[0].register for r in read if r is not None}
    if len(kinds) != 1:
        return None
    header: list[Any] = []
    keys: list[str] = []
    for r in read:
        assert r is not None
        for label in r[1][0]:
            if word_key(label) not in keys:
                keys.append(word_key(label))
                header.append(label)
    values: list[list[Any]] = []
    for r in read:
        assert r is not None
        at = {word_key(label): value for label, value in zip(r[1][0], r[1][1], strict=True)}
        values.append([at.get(k) for k in keys])
    first = read[0]
    assert first is not None
    return first[0], [header, *values]
