"""Turning the rows of one sheet into planned inserts, updates and skips, without writing anything.

Values go through ``Field.parse`` (as in the GUI), names of projects/objectives/stakeholders are checked
against sets loaded once per import, and IDs against a code → id map loaded once per register, so a
10,000-row sheet costs a handful of queries, not a few per row.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import financial_year, records
from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import (
    CONTROL_CHARACTER,
    Context,
    Field,
    Kind,
    Register,
    controls_checked_later,
    count_of,
    plural_of,
)
from ..models.registers import REGISTERS
from ..models.registers.risks import CATEGORIES
from ..models.risk_rules import OPPORTUNITY_RESPONSES, THREAT_RESPONSES
from . import date_order, number_order
from .action_columns import (
    ACTION_DUE,
    ACTION_OWNER,
    ACTION_STATUS,
    ACTIONS_OF,
    FINISHED_RECORD,
    date_beside_the_plan,
    in_place,
    owner_beside_the_plan,
)
from .assessed_merges import assessing_fields, one_value, varies
from .broken_formulas import BrokenColumn
from .checklist_titles import label_columns as label_columns_of
from .chosen_options import says_rejected
from .closed_columns import closed_cell, closed_column
from .column_legends import COLUMN_LEGEND, column_legend_scale, side_ladder, side_legends
from .confirmed_notes import confirmed_mark, confirmed_said
from .csv_comments import comments_said
from .cut_cells import characters, was_cut
from .done_text import says_done, says_not_acted_on
from .errors import ImportCancelled
from .explained_columns import explains_the_columns
from .generic_results import generic_note, is_generic, said_by_instead, titled_instead
from .group_lists import group_columns
from .group_rows import label_columns, naming_label, own_label
from .header_detection import (
    _TITLE_FALLBACK,
    ENGAGE,
    ENGAGE_ROW,
    FIRST_NAME,
    LABEL_HEADERS,
    PARENT,
    REASSESSED,
    RESPONSE_PLAN,
    SheetKind,
    engagement_marks,
    field_keys,
    is_mark,
    kind_for,
    map_header,
    section_number,
    tick_level,
)
from .import_plan import Action, PlannedRow, RowReport, SheetPlan, refuse_whole_families
from .inverted_impacts import inverted_impact, level_of
from .labelled_results import actual_line, labelled_column
from .no_one import KEPT, no_one_said
from .note_labels import note_label
from .opportunity_signs import SIGNED_FIELDS, opportunity_note, opportunity_size
from .other_tables import another_header, same_label, unheaded_filled, wider_header
from .percent_cells import per_cent_unit, percent_cells
from .qualified_effects import EFFECT, joined_effects
from .reply_status import said_status
from .restated_tables import caption_above, caption_text, comes_after, comes_before_first
from .score_priorities import score_header, score_note, score_top, scored_choice, whole_number
from .several_days import first_of_days, several_days_note
from .sheet_keys import code_key, code_text
from .sheet_versions import same_table, titles_agree
from .step_rows import next_step, step_number, told_apart
from .strategy_kinds import kept_a_threat_line, says_opportunity, strategy_tells_kind
from .strategy_leads import lead_and_rest, strategy_led, strategy_led_note
from .template_rows import example_mark, might_be_marked, numbered_placeholder_rows
from .titled_projects import label_pairs, titled_project
from .typed_one_off import one_off_side, row_ranges, shifted, side_words
from .unfilled_templates import might_be_unfilled, unfilled_note, unfilled_reason, unfilled_template
from .untitled_rows import title_instead, untitled_from, untitled_note
from .value_translation import (
    ABOVE,
    CATEGORY_NOUNS,
    CHANCE_FIELDS,
    HEADER,
    LEGEND,
    OPEN_LISTS,
    PER_CENT_READINGS,
    ColumnProfile,
    ToldScale,
    Translator,
    escalation_rest,
    fiscal_period,
    fiscal_quarters_only,
    known_value_word,
    money,
    numbered_priority,
    over_word,
    point_scale,
    quantity,
    scale_from_declared,
    scale_from_word_level,
    told_scale,
    undated_word,
    unsaid_word,
    written_number,
)
from .value_translation import same_category as same_category_as
from .vocabulary import (
    ascii_key,
    counts_the_columns,
    date_mask,
    example_words,
    guidance_row,
    guidance_words,
    header_words,
    importance_headers,
    instruction_words,
    keys_of,
    kind_not_level_words,
    placeholder_people,
    placeholder_texts,
    plain_date_words,
    record_link_words,
    register_nouns,
    response_states,
    restates_its_headers,
    sample_words,
    signature_labels,
    state_words_every,
    title_words,
    value_words,
    verdict_headers,
    word_key,
    words_of,
    year_words,
)
from .workbook_reader import EXCEL_ERRORS, SheetReader, Uncalculated, column_letters
from .year_columns import latest_year_note
from .zero_priorities import counts_from_p0
from .zero_ratings import says_zero, zero_note

Progress = Callable[[int, int], None]
_MISS = object()  # a cell value a column's lookup has not seen (``Planner._fast_values``)
_FULL_WAY = ("", "", "")  # a kept choice's cell the fast path leaves to the full way (``Planner._kept_line``)
# Cell classes a column's lookup is keyed by the value alone: no two of them hold equal values (1, 1.0 and True do).
_KEYED = frozenset({str, float, type(None), date, datetime, time, timedelta})
_MEMO_SIZE = 4096  # distinct cell values a column's lookup keeps
_IS_STR = str.__instancecheck__  # a text cell (``filter`` of a row's texts, in C)
# Action.X is looked up through the Enum metaclass's Python-level attribute hook (some 375 instructions each):
# the code run once a row names the members once here (140,000 lookups in a 10,000-row import otherwise)
_INSERT, _UPDATE = Action.INSERT, Action.UPDATE
Cancelled = Callable[[], bool]
TICK = 256  # rows between progress reports and cancel checks
KEEP_ROWS = 20_000  # a sheet of at most this many rows is read once and held while it is planned
_NOUNS = {"StrategicObjective": "strategic objective", "Project": "project", "Outcome": "outcome",
          "Stakeholder": "stakeholder", "Risk": "risk", "Person": "person", "IssueEntry": "issue"}
# What the import creates when a row names one the office lacks and the user agreed (``create_missing``): the
# program's own structure, named by a title alone — a project, and a benefit's strategic objective or outcome
# (a benefits register's "Objective" column: "Safer roads"), which refused every benefit of a register that
# names them before the office had typed them in. A person is created without asking (Ref.create_missing).
CREATED_ON_CONFIRMATION = {"Project": "projects", "StrategicObjective": "objectives", "Outcome": "outcomes"}
# Where a record keeps the content of source columns that map to no field, labelled with their header.
EXTRA_FIELD = {"risks": "notes", "stakeholders": "notes", "issues": "description", "benefits": "description",
               "assumptions": "notes", "dependencies": "notes", "decisions": "rationale", "communications": "notes",
               # a milestone tracker's own "Status" (Done, In Progress): the office works a milestone's state out
               # from its dates, so the sheet's word is kept in the notes, not lost
               "milestones": "notes",
               # a status report's other columns ("Priority", a portfolio report's project "Status"): said in its
               # commentary under their headers, not lost (classes84)
               "status_reports": "commentary"}
# An action has no notes: the columns of an action sheet that say more of the action itself — its planned start,
# its follow-up, remarks (``action_notes`` in the import words; importer._extras) — are kept under its text, each
# on a line under its header, as a decision keeps them under its rationale (left49: they were not imported). Only
# those: a column repeating the risk's own title or description beside each action is the risk's, not kept again.
KEPT_UNDER_TEXT = {"risk_actions": "description", "issue_actions": "description"}
# A risk sheet without a title column names its risks by the event, cause or effect (cause/event layouts).
TITLE_FALLBACK = _TITLE_FALLBACK
_COPYRIGHT_RE = re.compile(r"^\W*(©|\(c\)\s*\d{4}|copyright\b)|all rights reserved|tous droits réservés|"
                           r"alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati", re.I)
# A current control saying what is ABSENT ("No model card", "Lack of backups", "Sin respaldo", "Keine
# Schulung"): no control done (the round-22 "None in place" rule, for any such phrase); kept in the notes under
# its header. A prohibition ("No USB drives allowed", "No access without approval") is a control all the same.
_ABSENT_RE = re.compile(r"^\W*(?:no|not|none|lack(?:ing)?\s+of|lacks|missing|without|absence\s+of|absent|"
                        r"sin|ningun[oa]?|falta\s+de|aucune?|pas\s+de|sans|kein(?:e|en|er)?|ohne|fehlende?|geen|"
                        r"brak|nessun[oa]?|senza|sem|nenhum[a]?|нет|отсутств\w*|без)\b", re.I)
_PROHIBITION_RE = re.compile(r"\b(?:allowed|permitted|authori[sz]ed|policy|unless|approval|prohibited|banned|"
                             r"permitid[oa]s?|autorizad[oa]s?|erlaubt|autorisée?s?)\b", re.I)


_RATING_HEADS = frozenset(word_key(w) for w in (
    "rating", "risk rating", "risk level", "level of risk", "risk class", "classification",
    "risk classification", "severity rating", "overall rating", "inherent rating", "residual rating",
    "current rating", "risk grade", "initial rating", "nivel de riesgo", "clasificación", "niveau de risque",
    "risikostufe", "risikoklasse", "уровень риска"))


class OwnRating(str):
    """The header of a column kept in the notes for the sheet's own rating words, which the office would
    otherwise drop as its own rating again (importer._extras): kept only on the rows where its word differs."""


class UnheadedColumn(str):
    """A column with no header beside the table's own (not another table past an empty column), kept in the
    notes under its letter ("Column E: https://…"): a value a user wrote there, a second address beside the
    first, is data of the record, and a column no header names must never lose it (issue 12, left39). Only the
    columns that hold a value on some record are named in the report (``SheetPlan.extras``), so a sheet
    formatted out to column Z lists no empty columns."""


class ShiftedColumn(UnheadedColumn):
    """A column with no header whose cells fill exactly the records' rows its left neighbour leaves empty
    (``importer._shifted_columns``): that column's values typed one cell too far right (a register typed as text
    art, round 54: the owners of risks 2–6 under no header, right of "Risk Owner"). The planner moves each cell
    into the neighbour's (``into``) on the rows it is empty, says so once a sheet, and keeps any other cell of
    the column in the notes under its letter as an unheaded column's."""

    into: int

    def __new__(cls, text: str, into: int) -> ShiftedColumn:
        made = super().__new__(cls, text)
        made.into = into
        return made


def _shifted(row: tuple[Any, ...], shifted: dict[int, int], moved: Counter[int]) -> tuple[Any, ...]:
    """The row with each shifted column's cell moved into its neighbour where that one is empty (``moved``
    counts the cells moved, by column)."""
    cells = None
    for c, into in shifted.items():
        if c < len(row) and not v.is_blank(row[c]) and into < len(row) and v.is_blank(row[into]):
            cells = list(row) if cells is None else cells
            cells[into], cells[c] = cells[c], None
            moved[c] += 1
    return row if cells is None else tuple(cells)


# a section's number in a form's outline: a Roman numeral ("IV") or a capital letter with a dot ("B."); never an
# Arabic number, which numbers records as well, nor a lone "X", which ticks a row
_OUTLINE_NUMBER_RE = re.compile(r"\s*(?:(?!X\.?\s*$)[IVX]{1,5}\.?|[A-Z]\.)\s*")

# the rows under a header a form's column key (a row lettering or numbering its columns) may lie on: a header of three
# lines found on its first has two more under it, then the key
KEY_ROW_REACH = 3


class OwnScore(str):
    """The header of a numeric score column of the sheet's own, kept in the notes of each record: its numbers are
    not the office's score of the levels as read (9 for High × High on the sheet's 1–3 scale, where the office works
    out 16), so dropping it as the office's calculation lost the sheet's word (scale51). Said once a sheet
    (``Planner._say_told_scales``). ``levels``: the size of the scale the scores themselves tell (3 when every
    score is the product of the row's two numbers, 1 … 3, the top 9 — importer.score_scale), else 0."""

    levels: int

    def __new__(cls, text: str, levels: int = 0) -> "OwnScore":
        head = super().__new__(cls, text)
        head.levels = levels
        return head


class ScoreWords(OwnRating):
    """A score column the sheet writes in its band's words ("Risk Score: High"): its words are kept as a rating's
    are; a number further down it is a score again, which the office works out itself (left out, as before)."""


def rating_head(text: str) -> bool:
    """Whether a header names a risk's rating band ("Risk Rating", "Risk Level"), which the office works out
    itself. Not a RAG: its colours are how the office shows its own rating. A bracketed qualifier says which
    form of it the column holds ("Risk Rating (Text)" beside "Risk Rating (Numeric)"): still a rating."""
    return word_key(text) in _RATING_HEADS or word_key(_QUALIFIER.sub(" ", text)) in _RATING_HEADS


_QUALIFIER = re.compile(r"\([^()]*\)")


def _rating_columns(reg: Register, extras: dict[int, str], mapping: dict[int, str]) -> dict[int, str]:
    """Columns kept in the notes that are the sheet's own rating of a risk ("Risk Rating", "Rating", "RAG"):
    the residual rating when the column stands past the residual levels, else the inherent one."""
    if "inherent_rating" not in reg.field_names:
        return {}
    residual = [c for c, n in mapping.items() if n in ("residual_probability", "residual_impact")]
    out = {}
    for c, head in extras.items():
        if isinstance(head, OwnRating):
            out[c] = "residual_rating" if residual and c > min(residual) else "inherent_rating"
    return out


def same_category(written: str, stored: str) -> bool:
    """Whether a sheet's category word is the office's category it was stored as (rule 5 of
    ``value_translation``: "Financial Risk", "Finanziell" as Financial; "Schedule Risk" as the office's own
    Schedule), so that nothing needs keeping in the notes."""
    return same_category_as(written, stored, CATEGORIES)


# A cell opening with "not applicable" and then saying why ("N/A - …", "N/A (mandatory rework)")
_NOT_APPLICABLE_RE = re.compile(r"\s*(n\s*/\s*a|n\.\s*a\.|not\s+applicable)\s*[-–—:;,(]", re.I)


def says_absent(text: str) -> bool:
    """Whether a control's text says the control is missing, rather than naming one in place."""
    return bool(_ABSENT_RE.match(text)) and not _PROHIBITION_RE.search(text)


def _one_word(a: str, b: str) -> bool:
    """Whether two level words are forms of one word: one the other cut short ("H", "Med" of "High", "Medium"),
    or the same stem with another ending ("Высокая", "Высокий"; "Significant", "Significantly")."""
    ka, kb = word_key(a), word_key(b)
    if ka.startswith(kb) or kb.startswith(ka):
        return True
    common = len(os.path.commonprefix([ka, kb]))
    return common >= 5 and common * 5 >= min(len(ka), len(kb)) * 3


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, str]:
    """Keyed word → "Opportunity" / "Threat" of every words file's risk kinds, as a category cell may write them
    ("Opportunities", "Возможности", "Chancen"). Words of four letters at least: "O", "T", "Opp", "+" mark a kind
    column, but are no category's name; nor is the register's noun ("Risk" in a kind's cell is a threat, round 62),
    which over a table says no more than that its rows are risks."""
    nouns = register_nouns("risks")
    return {w: kind for w, kind in value_words("risks.kind").items() if len(w) >= 4 and w not in nouns}


_TOTAL_RE = re.compile(r"^\s*(grand\s+)?(sub)?totals?\b|^\s*(sum|итого|всего|total général|gesamt|summe)\b", re.I)


# A date column saying when a record was fixed / resolved / closed ("Fixed Date", "Date closed", "Closed on",
# "Resolution date") → the status it implies, for a row whose own status is empty. A date still to come
# ("Target resolution date", "Due to close") closes nothing.
_CLOSING_WORDS = {"fixed": "Resolved", "resolved": "Resolved", "resolution": "Resolved", "closed": "Closed",
                  "closure": "Closed"}
_NOT_YET_WORDS = frozenset({"target", "due", "planned", "plan", "expected", "estimated", "forecast", "by", "eta",
                            "scheduled", "proposed", "required", "needed", "to"})
_DATE_WORDS = frozenset({"date", "on", "day", "when"})


def closing_status(header: str, choices: Collection[str]) -> str | None:
    """The status a date under ``header`` gives a record whose status is empty, if the header names the day
    it was fixed, resolved or closed and ``choices`` hold that status (or the other of Resolved / Closed)."""
    # a tracker's field name written as one word ("resolutiondate" of Jira's REST API): its two words
    words = [part for w in words_of(header) for part in
             ((w[:-4], "date") if w.endswith("date") and w[:-4] in _CLOSING_WORDS else (w,))]
    if not words or _NOT_YET_WORDS & set(words) or not _DATE_WORDS & set(words) or len(words) > 4:
        return None
    wanted = next((_CLOSING_WORDS[w] for w in words if w in _CLOSING_WORDS), None)
    if wanted is None:
        return None
    other = "Closed" if wanted == "Resolved" else "Resolved"
    return wanted if wanted in choices else other if other in choices else None


# the day a change was carried out ("Actual Implementation date", "Date deployed", "Completed on"): said of a change
# request, it was approved before — yet the office's Decided asks who decided, which such a calendar does not say
_CARRIED_OUT_WORDS = frozenset({"implementation", "implemented", "completed", "completion", "deployed", "deployment",
                                "executed", "done"})


def carried_out(header: str) -> bool:
    """Whether a date under ``header`` is the day the record's change was carried out (not planned: "Planned
    Date", "Target implementation date" are days to come)."""
    words = set(words_of(header))
    return bool(words & _CARRIED_OUT_WORDS) and bool(words & _DATE_WORDS) and not words & _NOT_YET_WORDS and \
        len(words) <= 4


def _dated(raw: Any) -> bool:
    """A cell holding a date (a date cell, or a text reading as one)."""
    if isinstance(raw, (date, datetime)):
        return True
    if not isinstance(raw, str) or not raw.strip():
        return False
    try:
        return v.parse_date(raw, "date") is not None
    except ValidationError:
        return False


_NOTE_RE = re.compile(r"^\s*(note|notes|nb|n\.b\.|source|sources|key|legend|\*|©|\(c\)|copyright|примечание)\b",
                      re.I)


_SIGNED_RE = re.compile(r"([^\W\d_][^:：]{0,39}?)\s*[:：]\s*(\S.*)")


def _signed_line(text: str) -> bool:
    """A line signing the sheet, a label of ``sheet_signatures`` and a person's name or a day ("Prepared by: J.
    Smith", "Last updated: 12/03/2027"): a note on the table, never a record's title, wherever it stands (fault74: a risk "Prepared by:
    J. Smith" between two blank rows, classes88's lone title kept as a record since a record followed it)."""
    m = _SIGNED_RE.fullmatch(" ".join(text.split()))
    if m is None or word_key(m.group(1)) not in signature_labels():
        return False
    value = m.group(2).rstrip(" .")
    words = value.split()
    if 1 <= len(words) <= 4 and all(w[:1].isupper() and re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words):
        return True  # a person's full name ("J. Smith", "Ana María Ruiz")
    try:
        return v.parse_date(value, m.group(1)) is not None
    except (ValidationError, ValueError):
        return False


def _rating_like(text: str) -> bool:
    """A number, a level word, or both ("5 (Very high)"): a scale's label, not a record's title."""
    from .vocabulary import value_words

    key = word_key(re.sub(r"\d+", " ", text))
    return bool(text) and (not key or key in value_words("scale"))


def _column_lengths(reg: Register, fields: list[Field]) -> dict[str, int]:
    """The longest text each short text field holds (its one rule, ``Field.max_length``): an import cuts a
    longer title at a word and keeps it whole in the notes, where an edit in a cell is refused."""
    return {f.name: f.max_length for f in fields if f.kind.one_line}


def _similar(a: str, b: str) -> bool:
    """Whether two titles describe the same record: one holds the other, or they share half their words."""
    if a.casefold() == b.casefold():  # the title as it was, the common case of a re-import: no keys needed
        return True
    ka, kb = word_key(a), word_key(b)
    if not ka or not kb or ka in kb or kb in ka:
        return True
    wa, wb = set(words_of(a)), set(words_of(b))
    # the words that say something: "and", "not", "for" shared by two bug reports do not make them one
    # (round 30's bug list: issue 4 of a second sheet merged into another sheet's issue 4 by them)
    # nor do a few shared words make a short title the same as a long report of something else ("Deferred
    # liquidation date should not exceed maturity date" is not "Since Next_Liq_date is updated as null …")
    la, lb = {w for w in wa if len(w) > 3}, {w for w in wb if len(w) > 3}
    if len(la) >= 4 and len(lb) >= 4:
        shared = len(la & lb)
        return shared * 2 >= min(len(la), len(lb)) and shared * 4 >= max(len(la), len(lb))
    return len(wa & wb) * 2 >= min(len(wa), len(wb))


# SAFe's ROAM board: what became of each risk, by letter or word (Owned: open, its owner named elsewhere)
# the action's field each column about a row's actions fills (action_columns, treatment_bands)
_ACTION_FIELDS = {ACTION_OWNER: "actionee", ACTION_DUE: "due", ACTION_STATUS: "status"}
# the level fields where a word naming a kind of record or action ("PREVENTIVA") is no level (kind_not_level_words)
_LEVEL_NOT_KIND = frozenset({"priority"})
_ROAM = {"r": ("status", "Closed"), "resolved": ("status", "Closed"), "a": ("response", "Accept"),
         "accepted": ("response", "Accept"), "m": ("response", "Reduce"), "mitigated": ("response", "Reduce"),
         "o": ("status", "Open"), "owned": ("status", "Open")}


def _two_fields_headed(kind: SheetKind, header: str, mapped: set[str]) -> tuple[str | None, str | None] | None:
    """The fields a header joins with a slash, when at least one part names a level or a choice no other
    column gives ("Position/Interest": the interest; "Power/Interest": both). A part naming
    a text field or nothing is None, for the cells to say (``Planner._read_pair``). None for any other header:
    "Date/Time", "Owner/Team" name no level or choice."""
    parts = [p.strip() for p in header.split("/")] if header.count("/") == 1 else []
    if len(parts) != 2 or not all(parts):
        return None
    names: list[str | None] = []
    for part in parts:
        name = map_header(kind, [part])[0].get(0)
        field = kind.reg.field(name) if name and name in kind.reg.field_names else None
        names.append(name if field is not None and field.kind.vocabulary and name not in mapped else None)
    first, second = names
    if first is None and second is None or first == second:
        return None
    return first, second


def _says_other_things(reg: Any, first: dict[str, Any], values: dict[str, Any], first_kept: list[str],
                       kept: list[str], title: str | None) -> bool:
    """Whether a row under an earlier row's ID and title describes something else: a text of its own (a cause,
    a description, a column kept in the notes) that differs from the earlier row's. Rows differing only in
    a status, a date or a rating may be one record at two moments, which the sheet does not tell apart."""
    for name, value in values.items():
        if name == title or name not in reg.field_names or reg.field(name).kind not in (Kind.TEXT, Kind.LONGTEXT):
            continue  # the title's own wording ("Supplier fails", "… to deliver") is _similar's to judge
        other = first.get(name)
        if isinstance(value, str) and isinstance(other, str) and value.strip() and other.strip() and \
                value.strip() != other.strip():
            return True
    # a column kept in the notes ("Node name: Heated Jackets" and "Node name: Heated Shirts")
    heads = {line.split(":", 1)[0]: line for line in first_kept}
    return any(line.split(":", 1)[0] in heads and heads[line.split(":", 1)[0]] != line for line in kept)


# A reference with a text field beside it that names the same thing in words: a communication to
# "Insurance providers", who are no stakeholder of the office, is for that audience.
NAME_STAND_IN = {("communications", "stakeholder"): "audience"}


def _header_cells(headers: list[str], mapping: dict[int, str], title_col: int | None
                  ) -> tuple[list[tuple[int, str]], tuple[int, str] | None]:
    """The mapped columns' header texts, and the cell looked at first for a row writing the header again
    (the title's, else the first mapped column with a header; its text must be in the row's cell there, one
    substring search a row): None when fewer than two columns have a header."""
    # (compared stripped: "Riscos " typed with a trailing space above "Riscos" written again further down)
    cells = [(c, headers[c].strip()) for c in sorted(mapping)
             if c < len(headers) and headers[c] and headers[c].strip()]
    if len(cells) < 2:
        return cells, None
    return cells, next((cell for cell in cells if cell[0] == title_col), cells[0])


def _repeats_header(row: Sequence[Any], cells: list[tuple[int, str]], headers: list[str]) -> bool:
    """A row writing the table's header again (a second page of a long register printed under the first):
    most of the mapped columns hold their own header's text; or, a table pasted again with fewer of its
    columns (the ID and the title, then the rest further right, under kept columns), every filled cell,
    three at least, holds its own column's header text."""
    # (compared whatever the case and spacing: "ISSUE ID | ISSUE | STATUS" written again over a later page, left57 —
    # read as a record "ISSUE" whose status "STATUS" was no state)
    same = sum(1 for c, text in cells if c < len(row) and row[c].__class__ is str and same_label(row[c], text))
    if same >= 2 and same * 3 >= len(cells) * 2:
        return True
    filled = [(c, x) for c, x in enumerate(row) if x is not None]
    return same >= 2 and len(filled) >= 3 and all(
        x.__class__ is str and c < len(headers) and headers[c].__class__ is str and same_label(x, headers[c])
        for c, x in filled)


def _renamed_header(row: Sequence[Any], cells: list[tuple[int, str]], probe: tuple[int, str] | None,
                    headers: Sequence[Any]) -> str | None:
    """The label a row writes where the header's first cell stands when it writes every other mapped column's
    header again, three at least, word for word ("Feature Enchancement | Description | Status | Log" under "Bug |
    Description | Status | Log": the same table going on over rows of another kind, named in its first column,
    unseen set 95 — read as an issue titled "Feature Enchancement"); None for any other row. The label is short
    (four words at most, no figure): a record's title there beside the header's words is a record."""
    if probe is None or probe[0] >= len(row):
        return None
    label = row[probe[0]]
    if label.__class__ is not str or not label.strip() or len(label.split()) > 4 or any(ch.isdigit() for ch in label):
        return None
    others = [(c, text) for c, text in cells if c != probe[0]]
    if len(others) < 2 or not all(c < len(row) and row[c].__class__ is str and same_label(row[c], text)
                                  for c, text in others):
        return None
    # any other filled cell writes its own column's header too (a column kept in the notes, "Log")
    return " ".join(label.split()) if all(
        c == probe[0] or (x.__class__ is str and c < len(headers) and headers[c].__class__ is str and
                          same_label(x, headers[c]))
        for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip())) else None


def _taken_on_another_sheet(label: str, code: str, earlier: tuple[str, int], reg: Register) -> str:
    """Why a row whose ID another sheet of the same import already gave to a different record (opportunities
    numbered 1, 2 … beside risks numbered 1, 2 …) is added as a new record with an ID of its own."""
    return (f"{label} {code} is row {earlier[1]}'s of “{earlier[0]}”, another {reg.title.lower().split()[0]}, so "
            "this row is added as a new record with a new ID. ")


def _cut(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _near_name(name: str, known: set[str]) -> str | None:
    """The one known name (lower case) that ``name`` differs from by a plural "s", spacing and
    punctuation, or one letter in a name of seven letters or more; None when none or several do."""
    key = word_key(name)
    if not key:
        return None
    found: set[str] = set()
    for other in known:
        k = word_key(other)
        if k == key or k.rstrip("s") == key.rstrip("s") or (min(len(k), len(key)) >= 7 and _one_apart(k, key)):
            found.add(other)
    return found.pop() if len(found) == 1 else None


# references to another register's records by their ID: a link naming no record is kept in the notes (classes85)
_RECORD_TARGETS = frozenset({"Risk", "IssueEntry"})


def _other_side(reg: Register, kind: SheetKind, row: Sequence[Any], mapping: dict[int, str],
                title_col: int | None) -> str | None:
    """The kind of risk ("Opportunity") a second header under the records names where the title goes, when the sheet
    gives no kind column and that header reads as the register's own — its title column and two more columns on the
    same fields as the sheet's ("Opportunity | Likelyhood | Impact (best case)" under "Risk | Likelyhood | Impact
    (worst case)"); None otherwise. The threats' table under the opportunities ("Opportunity | …" over "Threat |
    …"), or under the plain risks ("Risk | …" over "Threats | …"), is the register's too: it was skipped as another
    table's, its risks lost (fault73)."""
    if title_col is None or "kind" not in reg.field_names or "kind" in mapping.values() or title_col >= len(row) or \
            row[title_col].__class__ is not str:
        return None
    words = words_of(row[title_col])
    kinds = _kind_words()
    side = next((kinds[w] for w in words if w in kinds), None)
    if side is None or len(words) > 3:
        return None
    again = map_header(kind, list(row))[0]
    same = sum(1 for c, name in again.items() if c != title_col and mapping.get(c) == name)
    return side if same >= 2 and all(x is None or x.__class__ is str for x in row) else None


def _squashed_as(name: str, target: str, to_create: dict[tuple[str, str], str]) -> str | None:
    """The name another row of the import already named (to be created) that ``name`` writes with its spaces left
    out or put elsewhere ("StonburyERPProgrammeTransformation", "Stonbury ERP Programme Transformation"): the same
    letters in the same order, case aside. Only a name of two words at least on one side; one letter more or less
    is another name (two projects "Phase 1A" and "Phase 1B" stay two)."""
    key = word_key(name)
    if not key:
        return None
    found = {spelled for (t, low), spelled in to_create.items() if t == target and low != name.lower()
             and word_key(spelled) == key and (len(spelled.split()) > 1 or len(name.split()) > 1)}
    return found.pop() if len(found) == 1 else None


def _one_apart(a: str, b: str) -> bool:
    """One letter missing, extra or different."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _plain_text_limit(f: Field) -> int:
    """The length limit of a field whose value is its cell's text, stripped (``TextKind.parse``); 0 for others."""
    from ..models.kinds import TextKind

    return f.max_length if f.kind.free_text and type(f.kind).parse is TextKind.parse else 0


# the fewest numbered empty rows under the header that make a sheet with no title anywhere an empty template
_TEMPLATE_ROWS_MIN = 3
_TEMPLATE_CELLS_MAX = 3  # the cells a template's untitled row may fill, its number with them ("1", two dates)
_GROUP_FIELDS = ("category", "group")  # fields a label written once above a group of rows may fill


# fields, and words of a header kept in the notes, that name what a group of records shares (the asset, the
# workstream …) rather than a record's own detail: a label written once on the first row of its group
_GROUPING_FIELDS = frozenset({"category", "group", "project"})
_GROUPING_WORDS_RE = re.compile(
    r"\b(?:assets?|assest|information assets?|categor(?:y|ies)|project|workstreams?|work streams?|streams?|"
    r"areas?|departments?|teams?|systems?|process(?:es)?|phases?|domains?|components?|modules?|sites?|"
    r"locations?|groups?|themes?|functions?|business units?|programm?e?s?|activos?|ativos?|procesos?|"
    r"processos?|categor[ií]as?|proyectos?|projetos?|bereich|kategorie|projekt|anlagen?|systeme?)\b", re.I)
_RECORD_WORDS_RE = re.compile(r"\b(?:owners?|leads?|dates?|ids?|no|number|scores?|status|notes?|comments?|"
                              r"descriptions?|names?|titles?|ratings?|levels?)\b", re.I)
_GROUP_LABEL_MAX = 60  # a label names a group in a few words; a longer text is a record's own


def _group_columns(kept: Sequence[tuple[int, Sequence[Any]]], headers: Sequence[Any], mapping: dict[int, str],
                   extras: dict[int, str]) -> list[int]:
    """Columns whose value is written once over its group of rows, as people do in Excel (an asset on the first
    of its risks, blank on the ones below, not merged): the column names what records share (a category, a
    project, an asset, a workstream — never a record's own title, ID, date, score, status, owner or notes),
    its labels are short texts that seldom repeat, at least two of them each followed by blank cells on rows
    whose other columns are filled, no more labels than blanks, and no longer run of blanks after the last
    label than the groups above show. A column blank here and there among filled rows (an owner or a category
    some rows leave out) has no such shape and is never filled."""
    candidates = [c for c, name in mapping.items() if name in _GROUPING_FIELDS]
    candidates += [c for c, head in extras.items() if head and _GROUPING_WORDS_RE.search(str(head))
                   and not _RECORD_WORDS_RE.search(str(head)) and c not in mapping]
    found: list[int] = []

    def blank(row: Sequence[Any], c: int) -> bool:
        x = row[c] if c < len(row) else None
        return x is None or not str(x).strip()

    # A column with fewer than two blanks has no group to fill (every column of a tidy register): left at once,
    # and each row's filled cells counted once for the rest, not once a candidate column.
    candidates = [c for c in sorted(set(candidates)) if sum(1 for _, row in kept if blank(row, c)) >= 2]
    if not candidates:
        return found
    filled = [sum(1 for x in row if x is not None and str(x).strip()) for _, row in kept]
    for c in candidates:
        cells: list[Any] = []  # the column's cell on each record row; None where blank; "gap" at an empty row
        for (_, row), count in zip(kept, filled, strict=True):
            x = row[c] if c < len(row) else None
            has = x is not None and bool(str(x).strip())
            others = count - has
            if others == 0:
                if not has:
                    cells.append(_GAP)
                continue
            if others < 2 and not has:
                continue
            cells.append(x if has else None)
        while cells and cells[-1] is _GAP:
            cells.pop()
        labels = [x for x in cells if x is not None and x is not _GAP]
        if len(labels) < 2 or any(x.__class__ is not str or len(x) > _GROUP_LABEL_MAX for x in labels):
            continue
        if len({word_key(x) for x in labels}) * 4 < len(labels) * 3:
            continue
        runs: list[int] = []  # the blanks after each label, up to the next label or empty row
        run = -1
        for x in cells:
            if x is _GAP:
                if run >= 0:
                    runs.append(run)
                run = -1
            elif x is None:
                if run >= 0:
                    run += 1
            else:
                if run >= 0:
                    runs.append(run)
                run = 0
        if run >= 0:
            runs.append(run)
        blanks = sum(runs)
        if blanks < len(labels) or sum(1 for n in runs[:-1] if n) < 2 or runs[-1] > max(runs[:-1]) + 2:
            continue
        found.append(c)
    return found


_GAP = object()  # an empty row between records: a group ends there


def _grouped(row: tuple[Any, ...], grouped: dict[int, Any]) -> tuple[Any, ...]:
    """The row with each group column's blank taking the label above it (``_group_columns``): only on a row
    whose other columns fill two cells or more — a numbered template row left empty stays empty —, and an
    empty row ends the groups."""
    filled = [x is not None and bool(str(x).strip()) for x in row]
    if not any(filled):
        for c in grouped:
            grouped[c] = None
        return row
    cells = None
    for c in grouped:
        if c < len(row) and filled[c]:
            grouped[c] = row[c]
        elif grouped[c] is not None and c < len(row) and sum(filled) >= 2:
            if cells is None:
                cells = list(row)
            cells[c] = grouped[c]
    return row if cells is None else tuple(cells)


def _default_copied_down(row: tuple[Any, ...], filled: list[int], code_col: int, above: tuple[Any, ...]) -> bool:
    """An untitled row numbered ahead by a template that writes one default on every row ("Aberto" beside 7, 8 …
    21 under five risks, round 46): besides its number (and zeros of formulas), one cell only, holding what the
    record above holds there. A row with more of its own (levels, an owner, a note) stays a record missing its
    title, left out with the reason, never dropped."""
    own = [c for c in filled if c != code_col and not _zero(row[c])]
    return len(own) == 1 and own[0] < len(above) and row[own[0]] == above[own[0]]


def _zero(value: Any) -> bool:
    return (value.__class__ is float or value.__class__ is int) and value == 0


_LABEL_MARKS_RE = re.compile(r"[|:*_\-–—#>]+")


def _label_key(text: str) -> str:
    """A cell's words keyed without the marks a form writes around its labels ("Issue Description  |",
    "**Description:**")."""
    return word_key(_LABEL_MARKS_RE.sub(" ", text))


def _label_keys(register: str, headers: Sequence[Any], title_col: int) -> frozenset[str]:
    """What a title cell holding only a label says: the column's own header, or a header word of the register's
    title or description in any language ("Issue Description", "Description", "Descripción")."""
    own = _label_key(str(headers[title_col])) if title_col < len(headers) and headers[title_col] else ""
    return frozenset({k for k, n in header_words(register).items() if n in ("title", "description")} | {own}) - {""}


def _restated_header(row: Sequence[Any], width: int, register: str) -> bool:
    """A row of three cells or more that are header words of the register ("Riesgo | Factor de riesgo | Descripción
    del Control …", a second header's line read as a record): no form's labels left in a record, so its title is
    not taken from another column (it is read as before)."""
    words = header_words(register)
    return sum(1 for x in row[:width] if x.__class__ is str and _label_key(x) in words) >= 3


def _after_own_label(text: str, header: Any) -> str:
    """A cell's text without its column's own header written before it as a form's label ("|Resolution  HU moved
    …" under "Resolution" → "HU moved …"); the text whole where it opens otherwise."""
    text = text.strip()
    if isinstance(header, str) and (words := header.split()):
        m = re.match(r"[\s|:*_\-–—#>]*" + r"\s+".join(map(re.escape, words)) + r"(?![^\W_])[\s|:*_\-–—#>.]*",
                     text, re.I)
        if m is not None:
            text = text[m.end():]
    return _LABEL_MARKS_RE.sub(" ", text).strip() if not re.search(r"[^\W_]", text) else text.strip(" |")


def _untitled_own(row: Sequence[Any], filled: Sequence[int], above: Sequence[Any], title_col: int, described: int,
                  text_cols: set[int]) -> bool:
    """A row with no title right under a record, in a log with no ID column, that fills the description and every
    other text column the record above fills (two at least), each cell a text of its own — none a sentence cut at
    the cell above's end (``_wrapped``) nor the next numbered line of it (``next_step``, "2." under "1.") —
    is a record of its own whose title cell was left empty (unseen92: a problem log's row telling its own
    problem in "原因分析" with its own "解决方案" was joined to the problem above). ``untitled_rows`` titles it."""
    if described not in filled or described == title_col:
        return False
    given = {c for c in text_cols if c != title_col and c < len(above) and above[c] is not None
             and str(above[c]).strip()}
    if len(filled) < 2 or set(filled) != given:
        return False
    return all(row[c].__class__ is str and not _wrapped(above[c], row[c]) and not next_step(above[c], row[c])
               and step_number(row[c]) is None for c in filled)


def _wrapped(above: Any, below: Any) -> bool:
    """A sentence cut at the end of a cell and going on in the cell below: the text above stops without a
    full stop and the text below starts in lower case."""
    if above.__class__ is not str or below.__class__ is not str:
        return False
    above, below = above.rstrip(), below.lstrip()
    return bool(above and below) and above[-1] not in ".!?;:)" and below[0].islower()


# A template's placeholder left in a cell ("[Owner]", "[Date]", "[What needs to happen]"): nothing written there;
# also with the template's own fixed tail glued to it ("[email]@wfu.edu", "[name]@company.com"): no one's address;
# a longer bracketed text is kept, whatever it says: "[link to folder with training notes and survey results]" is a
# placeholder, but "[Awaiting the vendor's answer on the migration plan]" is a colleague's note, and nothing in the
# cell tells them apart — keeping a placeholder's words costs a glance, blanking a note loses it (review60)
_PLACEHOLDER_RE = re.compile(r"(?:\[[^\[\]\d\s][^\[\]]{0,38}\][^\s\[\]]{0,30}\s*)+")
# A name written as a template's placeholder in any bracket ("[Stakeholder A]", "<Name>", "(name)"): looked for
# in the name column of a register naming a nameless row by its role (left60)
_NAME_PLACEHOLDER_RE = re.compile(r"\s*(?:\[[^\[\]\d\s][^\[\]]{0,38}\]|<[^<>\d\s][^<>]{0,38}>|\([^()\d\s][^()]{0,38}\))\s*")
# An ID written in brackets in the ID column ("[Register-3]", a test tool's "[Module-n]"): the ID, numbered,
# where a template's placeholder is words only ("[ID]") — read without its brackets, never blanked
_BRACKETED_ID_RE = re.compile(r"\s*\[\s*([^\[\]]*?\d[^\[\]]*?)\s*\]\s*")
# A response plan opening with its strategy: "Mitigation. Pair …", "Accept: monitor …", "Avoidance -\n …"
_STRATEGY_LEAD_RE = re.compile(r"\s*([^\W\d_][\w ]{1,24}?)\s*(?:[.:]|\s[-–—]\s|\n)")
# A response cell naming its strategy, then what will be done: "Mitigate – Use test sandbox keys …"
_STRATEGY_THEN_PLAN_RE = re.compile(r"\s*([^\W\d_][\w ]{1,24}?)\s*(?:[.:,]|\s[-–—]\s|\n)\s*(\S.*)", re.S)


def _strategy_then_plan(text: str) -> tuple[str, str] | None:
    """(strategy words, plan) of a response cell written as "<strategy> – <what will be done>", the plan two
    words or more; None for a strategy alone or a sentence that names none first."""
    m = _STRATEGY_THEN_PLAN_RE.match(text)
    if m is None or word_key(m.group(1)) not in value_words("risks.response"):
        return None
    plan = m.group(2).strip()
    return (m.group(1), plan) if len(plan.split()) >= 2 else None


def _wrapped_name(text: str) -> bool:
    """A short name the cell's width broke over lines ("Marketing⏎Team", "Paul &⏎Chris"): three words at most,
    or a line ending in a joining word; not two names one a line ("Programadores⏎Jefe de Proyecto")."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return len(text.split()) <= 3 or any(re.search(r"(?:[&,/+]|\band|\by|\bund|\bet|\be)$", line, re.I)
                                         for line in lines[:-1])


# An ID followed by a qualifier in brackets: one word with a digit ("T-O-RAN-01", "R12"), then "(…)"
_QUALIFIED_ID_RE = re.compile(r"\s*([^\s(]*\d[^\s(]*)\s*\(([^()]+)\)\s*")


def _qualified_id(text: str) -> tuple[str, str] | None:
    """(the ID, its qualifier) of "T-O-RAN-01 (Non RT RIC + SMO)"; None for any other text."""
    m = _QUALIFIED_ID_RE.fullmatch(text)
    return (m.group(1), m.group(2).strip()) if m is not None else None


def _cut_code(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, marked "…": at a word end ("T-O-RAN-01 (Non RT…") unless that
    leaves nothing of the bracket ("T-SPLANE-01-C1 (mult…")."""
    head = text[: limit - 1]
    if text[limit - 1: limit] not in ("", " ") and " " in head:
        at_word = head.rsplit(" ", 1)[0]
        if "(" in at_word.rstrip(" ,;.(+&/-"):  # some of the qualifier is left after the word-end cut
            head = at_word
    return head.rstrip(" ,;.(+&/-") + "…"


# What a stakeholder's status column is headed: its state, or the evidence of it ("Evidence / Status")
_STATUS_HEADER_WORDS = frozenset({"status", "state", "evidence", "estado", "statut", "état", "situação", "situación"})
# A state word opening a sentence: the words before a dash, colon or full stop ("Engaged — Pat Wiggins; …")
_STATE_OPENING_RE = re.compile(r"\s*([^\W\d_][\w' -]*?)\s*(?:[—–:;.,(]|\s-\s|$)")


def _names_a_status(header: Any) -> bool:
    return bool(_STATUS_HEADER_WORDS.intersection(words_of(header)))


@lru_cache(maxsize=4096)
def _engagement_opening(text: str) -> str | None:
    """The engagement level a status sentence opens with ("Engaged — weekly calls" → Supportive, "Cold — no
    current engagement" → Unaware), by the engagement scale's words; None when its opening is none of them or
    is a record's own state too ("Active — online ordering": the organisation's programme is running, which
    says nothing of the relationship)."""
    m = _STATE_OPENING_RE.match(text)
    if m is None or len(m.group(1).split()) > 3:
        return None
    key = word_key(m.group(1))
    if key in value_words("risks.status") or key in value_words("issues.status"):
        return None
    return value_words("stakeholders.current_engagement").get(key)


# What joins two people's names in one cell: a slash, an ampersand, a plus, a comma or semicolon, "and"
_SEVERAL_NAMES_RE = re.compile(r"\s*[/&+,;]\s*|\s+and\s+", re.I)
# a cell written as a numbered list ("1) Горбунов А\n2) Глушинский Д", "1. Ana 2. Ben"): the numbers open it
# and each item, at the cell's start or after a space or a line break
_LIST_NUMBER_RE = re.compile(r"(?:^|(?<=\s))\d{1,2}\s*[).]")
_LIST_START_RE = re.compile(r"1\s*[).]\s*[^\W\d_]")


def _numbered_items(raw: str) -> list[str]:
    """The items of a cell written as a numbered list opening with 1, else []."""
    text = raw.strip()
    if not _LIST_START_RE.match(text):
        return []
    return [item for part in _LIST_NUMBER_RE.split(text) if (item := " ".join(part.split()).strip(" ,;"))]
# A person's full name: two to four words of letters, each capitalised ("Phyo Wai Aung", "Anne-Marie O'Neil")
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*")


def _unsaid_values(plan: SheetPlan, reg: Register) -> None:
    """The fields of ``Register.unsaid`` no column of the sheet gives: each new record takes the register's word
    for "not said" (a communication's frequency Ad hoc), said once — a communication plan with no frequency column
    stored "Monthly", the default of a record made by hand, on every row (unseen set 89, classes89)."""
    given = set(plan.mapping.values())
    for name, value in reg.unsaid.items():
        if name in given:
            continue
        rows = [p for p in plan.rows if p.report.action is Action.INSERT and name not in p.values]
        if not rows:
            continue
        for p in rows:
            p.values[name] = value
        f = reg.field(name)
        n = len(rows)
        plan.say(f"No column gives the {f.label.lower()}: {'the' if n != 1 else 'the one'} new {reg.noun}"
                 f"{'s' if n != 1 else ''} {'are' if n != 1 else 'is'} {f.display(value)}, as a cell naming none "
                 f"would be, not {f.display(reg.defaults.get(name))} (the default of a {reg.noun} made by hand).")


def _with_past(row: Sequence[Any], past: dict[int, Any] | None) -> Sequence[Any]:
    """A row with the values it holds past the columns the sheet reads (``WorkbookReader.data_rows``' ``past``)."""
    if not past:
        return row
    whole = [*row, *([None] * (max(past) + 1 - len(row)))]
    for c, x in past.items():
        whole[c] = x
    return whole


def _layout(headers: Sequence[Any]) -> tuple[str, ...]:
    """A table's headers as their words, to tell two sheets of the same table (``_another_copy``)."""
    return tuple(" ".join(words_of(h)) if isinstance(h, str) else "" for h in headers)


def _persons_full_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and _NAME_WORD_RE.fullmatch(w) for w in words)


# the last word of a group's name: "Blood Program Operations and Technical Staff" names one team, not two people
# (its first part was stored as the owner of a blood bank's risks, round 48)
_GROUP_NOUNS = frozenset({"staff", "team", "teams", "unit", "units", "department", "dept", "office", "committee",
                          "board", "division", "section", "service", "services", "group", "operations", "crew",
                          "desk", "management", "personnel"})


def _a_groups_name(text: str) -> bool:
    """Whether capitalised words ending in a group's noun name a group, not a person ("Technical Staff")."""
    words = text.split()
    return bool(words) and words[-1].lower() in _GROUP_NOUNS


# the last word of a role's title: "Cloud Architect / Security Analyst" names two roles, not two people; a cell
# joining roles or teams is one joint owner, as written (left49), as "CISO / Security Manager" and "ML + QA" were
_ROLE_NOUNS = frozenset({"manager", "engineer", "lead", "leader", "analyst", "architect", "officer", "director",
                         "owner", "coordinator", "specialist", "consultant", "administrator", "admin", "sponsor",
                         "head", "developer", "designer", "tester", "auditor", "controller", "advisor", "adviser",
                         "planner", "scientist", "accountant", "counsel", "secretary", "supervisor", "executive",
                         "steward", "champion", "expert", "representative", "rep", "contact", "partner"})


def _a_roles_name(text: str) -> bool:
    """Whether words ending in a role's noun name a role, not a person ("Security Analyst", "Data Owner")."""
    words = text.split()
    return bool(words) and words[-1].lower() in _ROLE_NOUNS


def _name_then_why(text: str) -> str | None:
    """The name a sentence in a name's cell opens with ("Project Manager as this can impact the scope …",
    "Oleksandra Zaiats, Project Coordinator. This would …"): one to four words before a comma, a full stop or
    "as" / "because" / "since", in a cell of eight words or more; None for a plain name or list of names."""
    if len(text.split()) < 8:
        return None
    m = _NAME_THEN_WHY_RE.match(text)
    if m is None:
        return None
    name = m.group(1).strip()
    return name if 1 <= len(name.split()) <= 4 else None


def _names_written(cells: Sequence[Any]) -> dict[str, str]:
    """The names and roles a column of people writes as names (keyed by word_key): a short cell ("Project
    Manager"), the name a sentence opens with and the role after it ("Oleksandra Zaiats, Project Coordinator.
    This would …": both)."""
    out: dict[str, str] = {}
    for cell in cells:
        if cell.__class__ is not str or not cell.strip():
            continue
        text = " ".join(cell.split())
        lead = _name_then_why(text)
        if lead is not None:
            out.setdefault(word_key(lead), lead)
            m = _ROLE_AFTER_NAME_RE.match(text)
            if m is not None and 1 <= len(m.group(1).split()) <= 4:
                out.setdefault(word_key(m.group(1)), m.group(1))
        elif len(text.split()) <= 4 and not re.search(r"[,.;:/&\n]", text):
            out.setdefault(word_key(text), text)
    return out


def _written_name_opening(text: str, names: dict[str, str]) -> str | None:
    """The name or role a sentence in a name's cell opens with, without a stop after it ("Project manager
    monitors the risk, PM is an ideal resource …"), when the same column writes it as a name on another row
    ("Project Manager"): that spelling. Only the longest such opening of one to four words, followed by a word
    in lower case (the sentence's verb, not more of a name: "Project Manager Smith …" names no one known)."""
    words = text.split()
    if len(words) < 8 or not names:
        return None
    for k in range(min(4, len(words) - 1), 0, -1):
        known = names.get(word_key(" ".join(words[:k])))
        if known is not None:
            following = words[k]
            return known if following[:1].islower() else None
    return None


_ROLE_AFTER_NAME_RE = re.compile(r"\s*[^,.;:]+,\s*([^\W\d_][^,.;:()]*?)\s*[.;:]\s")
_NAME_THEN_WHY_RE = re.compile(r"\s*([^\W\d_][^,.;:()\-–—]*?)(?:\s*[,.;:]\s|\s+(?:as|because|since)\s)", re.I)


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# (Excel's day-month-year "12-Jun-26" too: "Project Manager 12-Jun-26" under "Approved By and Date")
_DATE_IN_NAME_RE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{4}-\d{1,2}-\d{1,2}\b|"
                              rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|"
                              rf"\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b|"
                              rf"\d{{1,2}}-(?:{_MONTHS})-\d{{2}}(?:\d{{2}})?\b", re.I)
# the day a person's field goes with, given by the date written beside the name when no column gives it: the
# approver's "Project Manager 12-Jun-26" is who decided and the day decided
_DAY_OF_PERSON = {"decided_by": ("decided_on", "day decided")}


def _name_then_date(text: str) -> str | None:
    """The person a cell names before a date on its first line ("Maria Lopez 3/14/2025 email", with more lines
    under it): the one to four words before the date; "" when the cell opens with the date (it names nobody);
    None when the first line holds no date (a plain name, or one a date is no part of)."""
    first = text.strip().split("\n", 1)[0]
    m = _DATE_IN_NAME_RE.search(first)
    if m is None:
        return None
    name = first[:m.start()].strip(" ,;:-–—")
    if not name:
        return ""
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words):
        return None
    return name


def _day_beside_name(text: str) -> str:
    """The date written after the name on a cell's first line ("12-Jun-26" of "Project Manager 12-Jun-26"), as
    written; "" when there is none."""
    m = _DATE_IN_NAME_RE.search(text.strip().split("\n", 1)[0])
    return m.group() if m is not None else ""


def _listed_parts(text: str) -> list[str]:
    """The parts of a cell listing several items, one a line ("1) In-Person - Monthly ⏎ 2) Emails - Weekly"),
    each split at " - " too; [] for a cell of one line."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return []
    parts: list[str] = []
    for ln in lines:
        ln = re.sub(r"^\s*(?:\d+[.)]|[-•*])\s*", "", ln)
        parts += [p.strip() for p in re.split(r"\s+[-–—:]\s+", ln) if p.strip()]
    return parts


def _days_shown(cells: dict[str, date]) -> str:
    """"Q2 2025 → 30 Jun 2025; Q3 2025 → 30 Sep 2025": the cells read as days, earliest first."""
    return "; ".join(f"{text} → {v.day_text(day)}" for text, day in sorted(cells.items(), key=itemgetter(1, 0)))


def _most_frequent(translator: Any, f: Field, text: str, ctx: Context, profile: Any) -> str:
    """The most frequent of the frequencies the parts of ``text`` name (the field's choices run from the most
    to the least frequent); the last choice (Ad hoc) when they name none or only it."""
    found: set[str] = set()
    for part in _listed_parts(text):
        try:
            found.add(translator.parse(f, part, ctx, profile))
        except ValidationError:
            continue
    order = list(f.choices)
    fixed = [x for x in order[:-1] if x in found]
    return fixed[0] if fixed else order[-1]


def _reasoned(text: str) -> bool:
    """A level followed by why it was given ("Low, as everyone has the same vision", "High. Lack of …", "Low as
    scope will only be affected slightly"): five words or more, more than any level phrase says."""
    return len(text.split()) >= 5


# a sentence's end: a full stop, a question or an exclamation mark before a space and a capital or a figure
# ("… before launch. We would …"), or a line's end; "e.g. the", "v1.0", "approx. 3" end none
_SENTENCE_END_RE = re.compile(r"(?<=[^\s.]{2}[.!?])\s+(?=[A-Z0-9“\"(])|\s*\n\s*")
TITLE_FROM_TEXT = 120  # characters: a title made of a longer text, cut at a word


def first_sentence(text: str, limit: int = TITLE_FROM_TEXT) -> str:
    """A title made of a text that is more than one (an issue's description, a risk's event): its first
    sentence, and of one longer than ``limit`` its words up to that length with "…" — never cut inside a word
    (it was cut at 117 characters, mid-word). The caller keeps the whole text."""
    text = text.strip()
    first = _SENTENCE_END_RE.split(text, maxsplit=1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return (cut or first[:limit - 1]) + "…"


def _described_title(reg: Register, headers: list[str], title_col: int) -> tuple[str | None, str] | None:
    """Where the whole text of a title column headed by the word for a description and nothing else goes
    ("Description", "Beschreibung": an issue tracker's body, a GitHub issue list written as a workbook), whose
    records no column titles: each record is named by its text's first sentence (``first_sentence``), the whole
    text kept — in the register's "description" field when it declares one, else in the notes under the header.
    Said as (field or None, header): a header that is itself the word "description" on a register without that
    field (a dependency register's "description") is no field — one string for both once wrote the value to a
    field the register lacks, and the apply refused the whole file (round 48). "Risk Description" names the
    register's own thing and stays the title as written. None for any other title column."""
    head = headers[title_col] if title_col < len(headers) else ""
    if not head or word_key(head) not in _DESCRIPTION_WORDS():
        return None
    return ("description" if "description" in reg.field_names else None), " ".join(head.split())


VERDICT_WORDS = 3  # "Go", "No-Go", "Proceed with conditions": a verdict; more words state the decision itself


def _verdict_title(reg: Register, headers: list[str], title_col: int, fields: list[tuple[int, Field]]) -> bool:
    """Whether a decision log's records are titled by a review's verdict ("review_date | reviewer |
    recommendation | rationale": "No-Go"), with the reasons in a rationale column beside it. A verdict alone
    says nothing of what was decided — "No-Go" over ten reviews is ten equal titles — so each such record is
    titled by its verdict and its rationale's first sentence ("No-Go: Critical uplink anomaly remains open"),
    the rationale kept whole in its field (``Planner._plan_row``). Decided once a sheet, from its header."""
    head = headers[title_col] if title_col < len(headers) else ""
    return reg.name == "decisions" and bool(head) and word_key(head) in verdict_headers() and \
        any(f.name == "rationale" for _c, f in fields)


@lru_cache(maxsize=1)
def _DESCRIPTION_WORDS() -> frozenset[str]:  # noqa: N802 - a constant, read from the language files once
    """The words for a description alone ("Description", "Details", "Body", "Descripción"): an issue's description
    header words, less those naming notes or a comment ("Notes", "Kommentar", "Reviewer comment": remarks, not
    the thing's text) and those naming the issue itself ("Issue description": the register's own statement)."""
    notes = {k for k, name in header_words("risks").items() if name == "notes"}
    nouns = register_nouns("issues")
    return frozenset(k for k, name in header_words("issues").items() if name == "description" and k not in notes
                     and "comment" not in k and "review" not in k and not any(k.startswith(n) for n in nouns))


def _per_cent_band(level: int, top: int) -> str:
    """The per cents a level holds when a probability is read as per cent (kinds.scale_from_fraction: each level
    an equal band, its top included): "21–40 %" for level 2 of 5, "0–20 %" for level 1."""
    low = 0 if level == 1 else (level - 1) * 100 // top + 1
    return f"{low}–{level * 100 // top} %"


def _read_as(raws: list[str], target: str, rows: dict[str, int] | None) -> str:
    """Words of a column read as one choice, for the preview: with the rows each stood on where they are kept in
    the notes (``rows``) — "“Mitigated” read as Closed (116 rows)", "“Active” (1 row), “Under review” (2 rows)
    read as Open" — so that a user sees how much of the sheet the reading touched."""
    def counted(raw: str) -> str:
        n = rows[raw] if rows else 0
        return f"{n} row{'s' if n > 1 else ''}"
    # Each word quoted on a line's room, and a dozen of them: a cell of 32,767 letters ("Avoiding: …" read as Avoid)
    # was quoted whole, and every cell of a column of different sentences listed — a note line of 32,887 characters
    # in the preview and on the command line (fault69).
    shown, more = [_first_line(_one_line(r)) for r in raws[:_WORDS_SAID]], len(raws) - _WORDS_SAID
    also = f" and {more} more" if more > 0 else ""
    if rows is None:
        return f"{', '.join(f'“{r}”' for r in shown)}{also} read as {target}"
    if len(raws) == 1:
        return f"“{shown[0]}” read as {target} ({counted(raws[0])})"
    return f"{', '.join(f'“{q}” ({counted(r)})' for q, r in zip(shown, raws))}{also} read as {target}"


_WORDS_SAID = 12  # words of a column read as one choice, quoted in its note; the others counted


def _said_more(f: Field, raw: str, value: Any) -> bool:
    """Whether a cell read as a level, a choice or a yes/no says more than the value taken from it: a level
    given with its reason (``_reasoned``); a status, a category or a yes/no two words or more longer than the
    choice ("Open - awaiting the vendor's reply since March" read as Open). The caller keeps such a cell whole
    in the notes: before, the words after the choice were lost without a word."""
    if f.kind is Kind.SCALE:
        return _reasoned(raw)
    # or two words parted by a slash ("Transfer/Sharing" read as Transfer): the second, maybe another choice
    return f.kind.vocabulary and (len(words_of(raw)) >= len(words_of(str(value))) + 2 or
                                  "/" in raw and sum(len(p.strip()) >= 3 for p in raw.split("/")) >= 2 and
                                  word_key(raw) != word_key(str(value)))  # an open list's "Legal/Compliance" is whole


def _one_scale_for_both_ratings(profiles: dict[int, ColumnProfile], scale_cols: list[tuple[int, Field]],
                                columns: Any) -> None:
    """The rating after the measures is on the scale of the rating before them: an impact of 8 and 10 on a 1–10
    scale, then 5 and 2 after the mitigation, are 3 and 1 of five — not 5 and 2 of five because no value after
    the measures went above 5."""
    at = {f.name: c for c, f in scale_cols}
    # each column's numbers worked out once, and only for a rule that weighs them: a pass over every cell of the
    # column, made for each pair each way round on every sheet, was some 4,000 instructions a row (speed58)
    worked_out: dict[int, list[float | None]] = {}

    def numbers_of(col: int) -> list[float | None]:
        # a rating written as text ("7", as a CSV writes every cell) weighs as the number (formats55: a CSV's
        # likelihood of 1–7 beside an impact of 2–10 was read as five levels, the 7 refused, where its
        # workbook's rates both on the sheet's 1–10 scale); an empty cell or a word is None
        if col not in worked_out:
            worked_out[col] = list(map(written_number, columns[col]))
        return worked_out[col]

    for one, other in _both_ways(at, REASSESSED.items()):
        p, q = profiles[one], profiles[other]
        plain = not (q.tens or q.fractions or q.declared or q.ladder or q.products)
        if p.tens and plain and all(n is not None and 0 <= n <= 10 for n in numbers_of(other)):
            profiles[other] = replace(q, tens=True)
        elif p.declared and plain and columns[other] and all(
                x is None or n is not None and 0 <= n <= p.declared for x, n in zip(columns[other], numbers_of(other))):
            # "Initial (Scoring 1-4)" over the first pair, "Controlled" over the second: both on 1–4 (before,
            # 4 before the measures read 5 and 4 after them stayed 4, as if the measures had lowered it)
            profiles[other] = replace(q, declared=p.declared)
    for one, other in _both_ways(at, (("probability", "impact"), ("residual_probability", "residual_impact"))):
        p, q = profiles[one], profiles[other]
        plain = not (q.tens or q.fractions or q.declared or q.ladder or q.products)
        if not (p.tens and plain):
            continue
        numbers = [n for x, n in zip(columns[other], numbers_of(other)) if x is not None]
        if numbers and all(n is not None and 0 <= n <= 10 for n in numbers) and \
                any(n is not None and n > 5 for n in numbers):
            # "Wahrsch." and "Auswirk." rated 0–8 side by side, the impact above 5 four times, the likelihood
            # once (an 8): both on the sheet's 1–10 scale (the 8 was refused, no five-point level)
            profiles[other] = replace(q, tens=True)


def _factors_of_a_product(profiles: dict[int, ColumnProfile], scale_cols: list[tuple[int, Field]],
                          rows: list[tuple[Any, ...]] | None, headers: list[str], ctx: Context) -> list[str]:
    """A rating column whose numbers went past the scale, read as products of two ratings (``ColumnProfile``'s
    ``products``), is one rating all the same when another column of the sheet is its product with the other
    rating on most rows ("Probabilidad | Impacto | Riesgo" over 2 | 10 | 20): the product is that column, so
    this one is the factor it multiplies — each number a level, one past the scale refused by the field's rule
    and kept in the notes, as any number past a rating's scale is. Decided once a sheet, from the rows held whole
    (a sheet too long to hold keeps the products' reading); said. Returns the sentences to say (left62: a QA
    team's "Impacto" of 3, 4, 5 beside "Riesgo" = P × I was read as products, 3–5 → 2)."""
    if rows is None:
        return []
    said: list[str] = []
    at = {f.name: c for c, f in scale_cols}
    for one, other in _both_ways(at, (("probability", "impact"), ("residual_probability", "residual_impact"))):
        if not profiles[one].products or profiles[other].products:
            continue
        pairs = [(r, a, b) for r in rows if one < len(r) and other < len(r)
                 and (a := written_number(r[one])) is not None and (b := written_number(r[other])) is not None]
        if len(pairs) < 3:
            continue
        width = max(map(len, rows))
        product = next((d for d in range(width) if d not in (one, other) and 3 * sum(
            1 for r, a, b in pairs if d < len(r) and written_number(r[d]) == a * b) >= 2 * len(pairs)), None)
        if product is None:
            continue
        profiles[one] = replace(profiles[one], products=False, factor=True)
        field = next(f for c, f in scale_cols if c == one)
        top = field.scale_max(ctx)
        past = sorted({a for _r, a, _b in pairs if a > top})
        head = headers[one] if one < len(headers) else field.label
        said.append(f"“{head}” is one rating of 1–{top}, not a product of two: “"
                    f"{headers[product] if product < len(headers) else 'a column'}” beside it is its product with "
                    f"the {'impact' if 'prob' in field.name else 'likelihood'}"
                    + (f"; {', '.join(f'{n:g}' for n in past)} past the scale kept in the notes." if past else "."))
    return said


def _both_ways(at: dict[str, int], pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[int, int]]:
    """The columns of each pair of fields the sheet has both of, each way round: (first, second), (second, first)."""
    for a, b in pairs:
        first, second = at.get(a), at.get(b)
        if first is not None and second is not None:
            yield first, second
            yield second, first


def _named_strategy(text: str) -> str | None:
    """The response strategy a response plan's first words name before a stop ("Mitigation." → Reduce), or
    None: a plan that opens otherwise ("Transfer the data nightly") names none."""
    m = _STRATEGY_LEAD_RE.match(text)
    return value_words("risks.response").get(word_key(m.group(1))) if m else None


# Strategies only an opportunity has (models/risk_rules.py): a row given one is an opportunity
_OPPORTUNITY_ONLY = frozenset(OPPORTUNITY_RESPONSES) - frozenset(THREAT_RESPONSES)
_THREAT_ONLY = frozenset(THREAT_RESPONSES) - frozenset(OPPORTUNITY_RESPONSES)


def _prompt_forms() -> frozenset[str]:
    """A drop-down list's prompt left in a cell ("Please select", "-- Select --", "Choose one…"): nothing chosen.
    Its written forms, spelled out once, so that a row is tested by one set look-up in C (``isdisjoint``)
    instead of a pattern a cell, which cost a sixth of a 10,000-row import."""
    words = ("select", "choose", "pick")
    tails = ("", " one", " an option", " a value", " an item", " an item.", " from list", " from the list")
    cores = [f"{lead}{w}{t}" for lead in ("", "please ") for w in words for t in tails]
    frames = ("{}", "{}...", "{}…", "{}:", "-- {} --", "--{}--", "- {} -", "-{}-", "({})", "<{}>", "[{}]", "{} ",
              "< {} >", "-- {} ...")
    cased = {f for c in cores for f in (c, c.capitalize(), c.title(), c.upper())}
    # and a template's filler where a name goes ("A quien corresponda": to whom it may concern), as typed
    filler = {f for t in placeholder_texts() for c in (t, t.strip() + " ") for f in (c, c.lower(), c.capitalize(),
                                                                                     c.title(), c.upper())}
    return frozenset(frame.format(c) for c in cased for frame in frames) | filler


# An empty list or dictionary a program wrote where it had nothing ("[]" under a stakeholder's "Expectations",
# "{}" for no settings): nothing written there, as a prompt left in a cell is — blanked the same way, in one look-up
_EMPTY_STRUCTURES = frozenset({"[]", "[ ]", "{}", "{ }"})
_NOTHING_WRITTEN = _prompt_forms() | _EMPTY_STRUCTURES
# the longest cell an optional short text's "says nothing" is looked for in ("Not available", "No information")
_UNSAID_LENGTH = 16


def _unsaid_text(raw: str) -> bool:
    """Whether an optional short text's cell is a word saying nothing ("NA", "n/a", "TBD", "No information"). Not a
    mark with no letter: in a text those say something — a benefit's unit "%" (the office's own export came back
    with every "%" unit moved to the notes, so a re-import changed what it had written)."""
    return any(ch.isalnum() for ch in raw) and unsaid_word(raw)


def _guidance(row: Sequence[Any], filled: list[int]) -> bool:
    """A template's guidance row under its header (``vocabulary.guidance_row``)."""
    return guidance_row([row[c] for c in filled])


def _lone_titled_row(kept: list[tuple[int, tuple[Any, ...]]] | None, reader: SheetReader, header_row: int,
                     width: int, title_col: int | None) -> int | None:
    """The number of the only row of a short sheet with its title cell filled, else None (several, none, or a
    sheet too long to hold): an empty template's, whose explanation row (explained_columns) is its one text.
    Asked only of a row explaining its columns before any record, once a sheet."""
    if title_col is None or kept is None and reader.declared_rows > KEEP_ROWS:
        return None
    titled = [n for n, r in _first_rows(kept, reader, header_row, width)
              if title_col < len(r) and r[title_col] is not None and str(r[title_col]).strip()]
    return titled[0] if len(titled) == 1 else None


def _hint_row(row: Sequence[Any], filled: list[int], headers: Sequence[Any]) -> bool:
    """A template's hint row under its header, restating each column's header (``vocabulary.restates_its_headers``)."""
    return restates_its_headers([(row[c], headers[c] if c < len(headers) else None) for c in filled])


@lru_cache(maxsize=None)
def _example_re() -> re.Pattern[str]:
    """Any of the example words, found in a value's letters and digits run together."""
    return re.compile("|".join(sorted(map(re.escape, example_words()), key=len, reverse=True)) or "(?!)")


def _rated_apart(row: Sequence[Any], above: Sequence[Any], cols: Collection[int]) -> bool:
    """The row gives its own rating where the record above gives another (its own likelihood, impact): a
    record of its own under the same merged title (a hazard with several causes, each rated). Only ratings:
    a legend's letters under a merged caption ("U", "N", "R" … of the engagement levels) rate nothing. A number
    under the record's word ("Baixa", then 0.3) is that rating written again in numbers, as a sheet writing each
    record on two lines, words then numbers, does (round 51): not a rating of its own."""
    return any(c < len(row) and c < len(above) and row[c] is not None and above[c] is not None and row[c] != above[c]
               and not _number_under_word(row[c], above[c]) for c in cols)


def _matrix_caption(kind: SheetKind, ratings: frozenset[str], row: Sequence[Any]) -> bool:
    """A row holding only the name of one of the register's ratings ("Impacto", "Probability"): under the
    records, the axis caption of a probability–impact matrix drawn below the table (round 51)."""
    texts = [x for x in row if x is not None]
    if len(texts) != 1 or texts[0].__class__ is not str or len(texts[0]) > 40:
        return False
    mapping, _ = map_header(kind, [texts[0]])
    return mapping.get(0) in ratings


# the numbers of a key's steps, one or several a cell ("1 = rare, 5 = almost certain" → 1, 5)
_NUMBERED_STEP_RE = re.compile(r"(?:^|[,;\n])\s*(\d{1,2})\s*(?:=|:|–|—| - )")
# one step of a scale explained in a key's cell: a number or a level word, then "=", ":" or a dash, then its
# meaning ("1 = rare", "5: almost certain", "High – likely to happen"); a cell may go on with more steps
_SCALE_STEP_RE = re.compile(r"\s*(\d{1,2}|[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*(?:=|:|–|—| - )\s*\S")


@lru_cache(maxsize=None)
def _rating_names(register: str) -> frozenset[str]:
    """The keyed header words, in every language the words files know, of the register's ratings (the fields on
    a scale: "Probability", "Wahrscheinlichkeit", "Impact" …)."""
    ratings = {f.name for f in REGISTERS[register].fields if f.kind is Kind.SCALE}
    return frozenset(k for k, name in header_words(register).items() if name in ratings)


def _scale_step(cell: Any) -> int | None:
    """The level a key's cell opens with ("1 = rare" → 1, "High = likely" → the level word's), else None."""
    if cell.__class__ is not str or (m := _SCALE_STEP_RE.match(cell)) is None:
        return None
    level = m.group(1)
    if level.isdigit():
        return int(level) if 0 <= int(level) <= 10 else None
    word = value_words("scale").get(word_key(level))
    return int(word) if word is not None and word.isdigit() else None


def _rating_key(register: str, row: Sequence[Any], title_col: int) -> tuple[str, int | None] | None:
    """A key to a rating written in the table's own columns under the records: the title cell a rating's name
    ("Probability", "Auswirkung") and every other filled cell a step of its scale explained ("1 = rare", "5 =
    almost certain"); else None. A risk titled "Impact on schedule of late permits" is no rating's name, and a
    risk's own ratings (numbers, "High") explain no step, so records never read as one. Gives the rating's field
    and the scale its numbered steps tell (1 … 3: a 1–3 scale), None when they tell none (level words)."""
    title = row[title_col] if title_col < len(row) else None
    if title.__class__ is not str or len(title) > 40 or word_key(title) not in _rating_names(register):
        return None
    cells = [x for c, x in enumerate(row) if c != title_col and x is not None]
    if not cells or any(_scale_step(x) is None for x in cells):
        return None
    numbers = [int(n) for x in cells for n in _NUMBERED_STEP_RE.findall(x)]
    told = max(numbers) if numbers and min(numbers) == 1 and len(numbers) >= 2 else None
    return header_words(register)[word_key(title)], told


def _matrix_lead(kind: SheetKind, ratings: frozenset[str], row: Sequence[Any]) -> bool:
    """A row right above a matrix's axis caption that opens the same matrix: its title alone in the row, naming two
    of the register's ratings ("Risk Matrix (severity X likelihood)"), or its other axis — a rating's name, then
    numbers only ("Risk Severity | 1 | 2 | 4 | 5"). The matrix starts at its title: from its axis caption on, the
    title and the other axis had been read as two risks (unseen set 91)."""
    cells = [x for x in row if x is not None]
    if not cells or cells[0].__class__ is not str or len(cells[0]) > 60:
        return False
    if len(cells) == 1:
        keys = header_words(kind.register)
        return len({keys.get(word_key(w)) for w in words_of(cells[0])} & ratings) >= 2
    # the numbers first: every record under a long register's header came here, and its first cell's header search
    # (some 1 ms a row: a minute of a 60,000-row register's planning) ran before its text cells ruled it out (review62)
    if not (all(written_number(x) is not None for x in cells[1:]) and _numbers_of_a_matrix(cells[1:])):
        return False
    mapping, _ = map_header(kind, [cells[0]])
    return mapping.get(0) in ratings


def _filled_down(row: Sequence[Any], filled: Sequence[int], above: Sequence[Any]) -> str | None:
    """The one short word a row holds alone (a letter, a code: no space, twelve characters at most) when the record
    above ends its same cell with that word: a list's default dragged down below the table ("D" on fourteen rows
    under the last risk's own "D"), not a line of that record's text. Else None."""
    if len(filled) != 1:
        return None
    c = filled[0]
    b, a = row[c], above[c] if c < len(above) else None
    if b.__class__ is not str or a.__class__ is not str or not b.strip() or len(b.strip()) > 12 or " " in b.strip():
        return None
    return b.strip() if a.strip().split("\n")[-1].strip() == b.strip() else None


def _numbers_of_a_matrix(row: Sequence[Any]) -> bool:
    """The row under such a caption: two numbers or more (a band's scores, "Alto | 3 | 6 | 9"), typed or written
    as text, as a CSV writes them (formats55: the CSV of a register with its matrix under it read the matrix's
    bands and axes as five more risks, its scores as ratings on 1–10)."""
    return sum(1 for x in row if written_number(x) is not None) >= 2


def _matrix_under(kind: SheetKind, ratings: frozenset[str], rows: list[tuple[int, tuple[Any, ...]]]) -> int | None:
    """The row number of a probability–impact matrix's caption under the records (``_matrix_caption``, a row
    of two numbers or more next), else None: the matrix's axes and scores are no records, and its numbers (a
    grid of products, 1 to 9) no ratings of the table's columns."""
    # the rows' empty cells counted in C, and the rows of one cell found by ``list.index``: a sheet of records
    # pays two passes in C, no Python step a row (the rows are of one width: ``SheetReader.data_rows`` pads them)
    if not rows:
        return None
    width = len(rows[0][1])
    empties = list(map(_NONE_COUNT, map(itemgetter(1), rows)))
    first = next((i for i, n in enumerate(empties) if n <= width - 2), None)  # the first record, near the top
    if first is None:
        return None
    at = first
    while True:
        try:
            at = empties.index(width - 1, at + 1)
        except ValueError:
            return None
        number, row = rows[at]
        if _matrix_caption(kind, ratings, row):
            below = next((r for k, (_n, r) in enumerate(rows[at + 1:], start=at + 1) if empties[k] != width), None)
            if below is not None and _numbers_of_a_matrix(below):
                while at - 1 > first and _matrix_lead(kind, ratings, rows[at - 1][1]):
                    at -= 1  # its title and its other axis, right above: the matrix's too
                return rows[at][0]


_NONE_COUNT = methodcaller("count", None)


def _matrix_bands(rows: Iterable[tuple[Any, ...]]) -> int | None:
    """How many bands the matrix under the table draws ("Alto | 3 | 6 | 9", "Médio | 2 | 4 | 6", "Baixo | 1 |
    2 | 3": a level word opening a row of scores), 3 or 4, the scale its table's ratings are on; else None."""
    levels = value_words("scale")
    bands = 0
    for row in rows:
        texts = [x for x in row if x is not None]
        if not texts:
            break
        if texts[0].__class__ is str and word_key(texts[0]) in levels and _numbers_of_a_matrix(row):
            bands += 1
    return bands if bands in (3, 4) else None


def _number_under_word(value: Any, above: Any) -> bool:
    """A number where the line above writes a word (not a number typed as text)."""
    return value.__class__ in (int, float) and above.__class__ is str and _NUMBER_TEXT_RE.fullmatch(above) is None


_NUMBER_TEXT_RE = re.compile(r"\s*[-+]?\d+(?:[.,]\d+)?\s*%?\s*")


def _example(value: Any) -> bool:
    """An ID cell marking the template's worked example ("021111a/ ejemplo", "Example"): no ID says so."""
    if value.__class__ is not str:
        return False
    if value.isascii() and _example_re().search(ascii_key(value)) is None:
        return False  # no word of it can be one of them: each is its letters, in a row ("R-0001")
    words = words_of(value)
    return (len(words) <= 2 or any(ch.isdigit() for ch in value)) and any(w in example_words() for w in words)


def _bare_example(cells: Iterable[tuple[int, Any]]) -> tuple[int, str] | None:
    """A cell with no header over it saying only "Example" ("Sample", "e.g.", "Beispiel", "Ejemplo" …: ``examples``
    and ``samples`` in the words files) — a template marking its example row beside the table (unseen86, file 04).
    A title or note merely holding the word is no mark: only a cell that is the word alone, under no header."""
    for c, x in cells:
        if x.__class__ is str and len(x) <= 20:
            words = words_of(x)
            if len(words) == 1 and (words[0] in example_words() or words[0] in sample_words()):
                return c, x.strip()
    return None


_TAG_RE = re.compile(r"^\s*[\[(]\s*([^\[\]()]{1,20}?)\s*[\])]|[\[(]\s*([^\[\]()]{1,20}?)\s*[\])]\s*$")


def _example_tag(cells: Iterable[Any], title: Any) -> str | None:
    """A tag in brackets saying the row is an example ("[Example]", "(Beispiel)", "[Sample]": one word of
    ``examples`` or ``samples``) opening or closing the title, or alone in any cell — a template's tag on its worked
    example (fault73: "[example] Supplier goes bankrupt" was a risk). "Data loss (example: laptop stolen)" tags
    nothing: the brackets hold more than the word."""
    def tag(x: Any) -> str | None:
        if x.__class__ is not str or "[" not in x and "(" not in x:
            return None
        found = _TAG_RE.search(x)
        if found is None:
            return None
        words = words_of(found.group(1) or found.group(2) or "")
        return found.group(0).strip() if len(words) == 1 and (
            words[0] in example_words() or words[0] in sample_words()) else None

    if (t := tag(title)) is not None and (_closing_tag(title) is None or _templated_beside(cells, title)):
        return t  # a tag closing the title marks a template's example only beside a template's other cells (left61)
    for x in cells:
        if x.__class__ is str and (t := tag(x)) is not None and t == x.strip():
            return t
    return None


def _closing_tag(title: Any) -> str | None:
    """The example's one-word tag in brackets closing a title ("Contaminated batch results (sample)"), if any."""
    if title.__class__ is not str or not title.rstrip().endswith((")", "]")):
        return None
    found = _TAG_RE.search(title)
    if found is None or found.group(2) is None or found.group(0).strip() == title.strip():
        return None
    words = words_of(found.group(2))
    return found.group(0).strip() if len(words) == 1 and (
        words[0] in example_words() or words[0] in sample_words()) else None


# a record's ID of zeros only ("R-00", "000", "ID-0"): a template's own example numbered before its first row
_ZERO_CODE_RE = re.compile(r"\s*[^\W\d_]{0,6}[-_.#]?\s*0+\s*")


def _templated_beside(cells: Iterable[Any], title: Any) -> bool:
    """Whether a row whose title closes with an example's tag ("… (sample)", "… (Beispiel)") shows a template's
    placeholder beside it — a code of zeros ("R-00"), a person or a thing in brackets ("[Owner]"), a date's format
    ("DD/MM/YYYY"), a placeholder's name ("John Doe", "Max Mustermann": ``placeholder_people``) — or nothing but its
    title. A lab's "Contaminated batch results (sample)" beside its owner, date and status is a record whose title
    ends in a word in brackets (review60 #6, left61); "[Example] …" opening a title marks the example alone."""
    others = [x for x in cells if x is not None and x is not title and (x.__class__ is not str or x.strip())]
    if not others:
        return True
    people = placeholder_people()
    for x in others:
        if x.__class__ is str:
            if _ZERO_CODE_RE.fullmatch(x) or _PLACEHOLDER_RE.fullmatch(x) or date_mask(x.strip()) or \
                    word_key(x) in people:
                return True
        elif x.__class__ is int and x == 0:
            return True
    return False


def _example_title(value: Any, register: str) -> bool:
    """A title saying only that it is an example of the register's records ("Example Risk", "Sample issue",
    "Riesgo de ejemplo"), maybe telling the user what to do with it ("Sample issue — replace with your own"):
    the template's worked example, however real its other cells look."""
    if value.__class__ is not str or len(value) > 80:
        return False
    examples = example_words()
    told = _TOLD_RE.fullmatch(value)
    if told is not None and (then := words_of(told.group(2))[:1]) and then[0] in instruction_words():
        # round 61: a tracker's placeholder row, merged into another sheet's issue 1; "sample" is an example's
        # word only so told ("Sample risk 1" … "Sample risk 120" name a generated data set's records)
        value, examples = told.group(1), examples | sample_words()
    if len(value) > 40:
        return False
    words = words_of(value)
    if not 1 <= len(words) <= 4 or not any(w in examples for w in words):
        return False
    return all(w in examples or w in register_nouns(register) or w in _EXAMPLE_GLUE for w in words)


def _guidance_title(value: Any, header: Any) -> bool:
    """A template's prompt left where the first record's title goes ("Enter Description" under "Risk
    Description", "Insert risk title here"): a guidance word, then only words of the column's own header (or
    "here", "the", "a", "your"). The example ratings beside it are the template's too (round 28)."""
    if value.__class__ is not str or len(value) > 60:
        return False
    words = words_of(value)
    if not 2 <= len(words) <= 6 or words[0] not in guidance_words():
        return False
    said = set(words_of(header)) if isinstance(header, str) else set()
    return all(w in said or w in _PROMPT_GLUE for w in words[1:]) and bool(said & set(words[1:]))


# an example's title, then what to do with it after a dash, a colon or a bracket ("— replace with your own")
_TOLD_RE = re.compile(r"(.+?)\s*(?:[—–:(]|\s-)\s*(.+)", re.S)

_PROMPT_GLUE = frozenset({"here", "the", "a", "an", "your", "its", "this"})

# A worked example marked as one where the first record's title begins: an example word set off by a bracket or a
# colon ("例）●●ボタンは必要でしょうか？", "Example: supplier goes bust", "Ejemplo: retraso del proveedor"), or a
# title left in a template's masking marks ("□□を実現したい", "●●画面の仕様"), the Japanese form's "XXX"
_EXAMPLE_LEAD_RE = re.compile(r"[(\[（【]?\s*([^\s()\[\]（）【】:：]{1,12})\s*[)\]）】:：]")
_MASKED_RE = re.compile(r"([●○□■◇◆△▲×＊])\1")


def _example_lead(value: Any) -> bool:
    """The first record's title marked as the template's worked example (``_EXAMPLE_LEAD_RE``). Asked of the
    first record under a header only — where a template puts its example; the rows after it go the one-step way
    (``_plan_ordinary``) and pay nothing for this rule."""
    if value.__class__ is not str:
        return False
    lead = _EXAMPLE_LEAD_RE.match(value)
    if lead is not None and word_key(lead.group(1)) in example_words():
        return True
    return _MASKED_RE.search(value) is not None


_EXAMPLE_GLUE = frozenset({"de", "of", "an", "a", "the", "el", "la", "un", "una", "ein", "eine", "1"})


def _looks_like_code(value: Any) -> bool:
    text = v.parse_text(value)
    return bool(re.fullmatch(r"\S{1,20}", text)) and any(ch.isdigit() for ch in text)


def _same(field: Field, new: Any, old: Any) -> bool:
    """Whether an imported value equals the stored one as the user sees it."""
    if field.kind.is_links:
        return sorted(n.lower() for n in new) == sorted(n.strip().lower() for n in v.split_list(old or ""))
    if field.kind.is_reference:
        return (new or "").lower() == (old or "").lower()
    if new in (None, "") and old in (None, ""):
        return True
    if isinstance(new, float) and isinstance(old, (int, float)) and not isinstance(old, bool):
        return abs(new - old) <= 1e-9 * max(1.0, abs(old))
    return bool(new == old)


def _changed(by_name: dict[str, Field], values: dict[str, Any], old: dict[str, Any]) -> list[Field]:
    """The fields whose imported value differs from the stored one (``_same``); a value of the stored one's
    class and equal to it is the same at once, but for a list of names (``_same`` compares those by name)."""
    out = []
    for name, new in values.items():
        stored = old.get(name)
        f = by_name[name]
        if new.__class__ is stored.__class__ and new == stored and not f.kind.is_links:
            continue
        if not _same(f, new, stored):
            out.append(f)
    return out


def _spelt(row: tuple[Any, ...], spelt: dict[int, dict[str, str]]) -> tuple[Any, ...]:
    """The row with each code a key of the sheet spells out read as the key says ("FF4" → "Human
    Resources Internal"); other cells as written."""
    cells = list(row)
    for c, meanings in spelt.items():
        if c < len(cells) and (text := meanings.get(code_key(cells[c]))) is not None:
            cells[c] = text
    return tuple(cells)


def _gathered(row: tuple[Any, ...], spread: dict[int, list[int]]) -> tuple[Any, ...]:
    """The row with each spread column's value where the row wrote it: in the one column of its span
    that is filled, when the first is empty."""
    cells = list(row)
    for c, others in spread.items():
        if c < len(cells) and v.is_blank(cells[c]):
            filled = [cells[o] for o in others if o < len(cells) and not v.is_blank(cells[o])]
            if len(filled) == 1:
                cells[c] = filled[0]
    return tuple(cells)


def _full_name(row: tuple[Any, ...], first: int, name: int | None) -> tuple[Any, ...]:
    """The row with the person's first name joined before their name ("Pavlina" and "Fragkou": "Pavlina
    Fragkou"), or standing for it where the name is blank (a group written under the first name); the name
    column is the one the register's rules read."""
    given = row[first] if first < len(row) else None
    if v.is_blank(given):
        return row
    given = " ".join(str(given).split())
    if name is None or name >= len(row):
        return row
    rest = row[name]
    cells = list(row)
    cells[name] = given if v.is_blank(rest) else f"{given} {' '.join(str(rest).split())}"
    return tuple(cells)


def _first_rows(kept: list[tuple[int, tuple[Any, ...]]] | None, reader: SheetReader, header_row: int,
                width: int) -> Iterable[tuple[int, tuple[Any, ...]]]:
    """The rows a column's way of writing is decided from, once a sheet (a priority counted from P0, a defect's
    labelled lines): those held, else the first ``KEEP_ROWS`` of a sheet too long to hold. Past that length the
    rule was not decided at all (fault66): a tracker of 25,000 bugs read its P0 and P1 both as Critical, unsaid."""
    return kept if kept is not None else itertools.islice(reader.data_rows(header_row + 1, width), KEEP_ROWS)


def _records_in_blocks(rows: Iterable[tuple[int, tuple[Any, ...]]], title_col: int, code_col: int | None,
                       mapped_cols: set[int], extras: set[int], merged_down: Callable[[int, int], bool]) -> bool:
    """Whether the records are written as blocks of rows: two or more rows name a record beside its fields,
    and under them at least twice as many rows fill only columns kept in the notes (a factor and its range a
    row) — the title, the ID and every field empty there (a cell merged down from the block's first row is
    that row's)."""
    if not extras - mapped_cols:
        return False  # no column kept in the notes alone: no row can go on a block (2,000 rows' cells not looked at)
    named = going_on = 0
    for number, row in rows:
        filled = [c for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip()) and
                  not merged_down(number, c)]
        if not filled:
            continue
        if title_col in filled and any(c in mapped_cols and c not in (title_col, code_col) for c in filled):
            named += 1
        elif all(c in extras and c not in mapped_cols for c in filled):
            going_on += 1
    return named >= 2 and going_on >= 2 * named


class Planner:
    """Plans sheets against one read session; remembers what earlier sheets of the import add."""

    ordinary_rows = True  # ordinary rows planned in one step (``_plan_ordinary``); off: every row the full way

    def __init__(self, session: Session, progress: Progress | None = None, cancelled: Cancelled | None = None,
                 *, translations: dict[str, dict[str, dict[str, str]]] | None = None, create_missing: bool = False,
                 own_lists: dict[str, dict[str, set[str]]] | None = None):
        self.session = session
        self.translations = translations or {}   # register → field → keyed raw value → target
        self.own_lists = own_lists or {}         # register → field → the office's own choices
        self.create_missing = create_missing     # unknown projects (and other strict names) are created
        self.translators: dict[str, Translator] = {}
        # register → the codes of records the import closes with a status voiding them ("ANULADA"; left57): their
        # actions on an action sheet of their own are cancelled, not done (importer._actions_of_closed_records)
        self.voided: dict[str, set[str]] = {}
        self._voided_words: dict[Any, bool] = {}  # a status cell as written → whether it voids (one look-up a word)
        self.ctx = records.load_context(session)
        # the month the office's financial year starts in (File ▸ Program Details), None where not set: "Q2 FY25"
        # in a date column is read by it (value_translation.fiscal_day), or kept in the notes with no date
        self.year_start = financial_year.year_start(session)
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 0
        self._codes: dict[str, dict[str, int]] = {}
        self._padded: dict[str, dict[str, str]] = {}  # register → its IDs with zeros before, by the number they make
        self._names: dict[type, set[str]] = {}
        self._current: dict[str, dict[int, dict[str, Any]]] = {}
        self.claimed: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)  # register → code → (sheet, row)
        self.claimed_rows: dict[tuple[str, str], PlannedRow] = {}  # (register, code) → the row that claimed it
        self.claimed_extras: dict[tuple[str, str], list[str]] = {}  # (register, code) → its columns kept in notes
        self._claiming: tuple[str, str] | None = None
        self._unaligned: dict[int, str] = {}  # plan_sheet: a CSV's rows whose cells fit no column order
        self._one_record = False  # plan_sheet: the sheet holds one record under its header
        self._layouts: dict[str, tuple[str, ...]] = {}  # sheet → its headers, as words (_another_copy)
        self._rating_words: dict[int, str] = {}  # kept columns of the sheet's own rating words → the office's rating
        self._extras_heads: dict[int, str] = {}
        self._category_col: int | None = None  # an open list's column: the sheet's word kept where translated
        self._numbered_priority: int | None = None  # a priority column of numbers kept in the notes
        self._priority_as_level = False  # that column's numbers are levels (5 the most), not ranks
        self._priority_score_top: int | None = None  # that column's numbers are a score up to this (score_priorities)
        self._priority_keyed: dict[int, str] | None = None  # that column's numbers as the workbook's key reads them
        # rows of a key to the ratings under the records (``_column_profiles``); None: looked for row by row
        self._key_rows: set[int] | None = set()
        self._categories_seen: dict[tuple[str, str], bool] = {}  # (sheet's word, office's category) → the same
        self.pending_names: dict[type, set[str]] = defaultdict(set)
        # names to create (``create_missing``), (target, lower case) → the spelling first met: one project each
        self._to_create: dict[tuple[str, str], str] = {}
        self._parsed: dict[int, dict[Any, Any] | None] = {}  # per field: cell value → parsed value or error
        self._field_maps: dict[str, dict[str, Field]] = {}  # register → field name → field
        self.legend_scale: int | None = None  # levels a legend of the workbook numbers ("Gering (1) … Hoch (3)")
        # column → the scale the sheet tells for it (value_translation.told_scale) and its words, if it writes words;
        # set by ``_column_profiles`` for the sheet being planned, said once a column (``_say_told_scales``)
        self._told_scales: dict[int, ToldScale] = {}
        self._told_words: dict[int, list[tuple[str, int]]] = {}
        self._scale_words: dict[int, list[str]] = {}  # a scale column → its distinct words (_say_ties)
        self._factor_notes: list[str] = []  # a rating beside its product column, said (_factors_of_a_product)
        # what the number texts of the file say of their decimal separator (number_order): the first rows of its
        # sheets (set by the importer), and each sheet planned so far whole
        self.file_numbers = number_order.NumberEvidence()
        # the workbook's own key of numbered priorities (priority_keys): its sheet, number → priority, as written
        self.priority_key: tuple[str, dict[int, str], str] | None = None
        self._unsettled_number = ""
        # register → keyed name or title → (sheet, the new record's row): one record per name in a workbook
        self.named_rows: dict[str, dict[str, tuple[SheetPlan, PlannedRow]]] = defaultdict(dict)
        # every new row of a name on the sheet that first gave it, in order (a threat listed once per asset)
        self.named_all: dict[str, dict[str, list[tuple[SheetPlan, PlannedRow]]]] = defaultdict(dict)
        self._assessing: frozenset[str] = frozenset()  # the rating fields the sheet being planned assesses

    # ----------------------------------------------------------------------------- batched lookups
    def _zeros_dropped(self, reg: Register) -> dict[str, str]:
        """The office's IDs of digits with zeros before them ("007", "0012345") by the number a spreadsheet makes
        of them ("7", "12345"); one that two IDs make ("07", "007") is neither's."""
        if reg.name not in self._padded:
            made: dict[str, str | None] = {}
            for c in self.codes(reg):
                if c.isdigit() and c.startswith("0"):
                    bare = c.lstrip("0") or "0"
                    made[bare] = None if bare in made else c
            self._padded[reg.name] = {k: c for k, c in made.items() if c is not None}
        return self._padded[reg.name]

    def codes(self, reg: Register) -> dict[str, int]:
        if reg.name not in self._codes:
            E: Any = reg.entity
            self._codes[reg.name] = {c.lower(): i for c, i in self.session.execute(select(E.code, E.id)) if c}
        return self._codes[reg.name]

    def names(self, target: type, label: str) -> set[str]:
        if target not in self._names:
            cols = [getattr(target, label)] + ([target.code] if hasattr(target, "code") and label != "code" else [])
            known: set[str] = set()
            for row in self.session.execute(select(*cols)):
                known.update(str(x).lower() for x in row if x)
            self._names[target] = known
        return self._names[target]

    def current(self, reg: Register, record_id: int) -> dict[str, Any]:
        if reg.name not in self._current:
            # the stored values only: a rule, a title and a compare read no calculated field
            rows = records.fetch_rows(self.session, reg, self.ctx, with_computed=False)
            names = ["id", "version", *[f.name for f in reg.fields if f.kind.stored]]
            self._current[reg.name] = {r[0]: dict(zip(names, r)) for r in rows}
        return self._current[reg.name][record_id]

    def _fields_by_name(self, reg: Register) -> dict[str, Field]:
        found = self._field_maps.get(reg.name)
        if found is None:
            found = self._field_maps[reg.name] = {f.name: f for f in reg.fields}
        return found

    def translator(self, register: str) -> Translator:
        if register not in self.translators:
            self.translators[register] = Translator(register, dict(self.translations.get(register, {})),
                                                    {k: set(v) for k, v in self.own_lists.get(register, {}).items()},
                                                    year_start=self.year_start)
        return self.translators[register]

    def _tick(self) -> None:
        self.done += TICK
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("The import was cancelled; nothing was imported.")
        if self.progress is not None:
            self.progress(min(self.done, self.total) if self.total else self.done, self.total)

    # ----------------------------------------------------------------------------- one sheet
    def plan_sheet(self, reader: SheetReader, kind: SheetKind, header_row: int, mapping: dict[int, str],
                   headers: list[str], layout: str, ignored: dict[int, str], finish: bool = True,
                   extras: dict[int, str] | None = None, own_export: bool = False,
                   row_filter: Callable[[Sequence[Any]], str | None] | None = None,
                   constants: dict[str, Any] | None = None, note: str = "",
                   spelled: tuple[dict[int, dict[str, str]], set[tuple[int, int]]] | None = None,
                   rated_again: dict[int, dict[str, dict[str, Any]]] | None = None, band: str = "") -> SheetPlan:
        """Plan every row of one sheet. Child sheets are finished (unchanged families found, replaced
        rows counted) unless ``finish`` is false, for the caller to add parents first.

        ``extras``: columns that map to no field but are kept on the record (column → header).
        ``own_export``: the sheet is laid out as our export (IDs are this office's own).
        ``row_filter``: why a row belongs elsewhere (a RAID sheet's issues), or None to plan it here.
        ``constants``: values the sheet itself gives every row that no column sets (an opportunity register's
        kind). ``note``: what the preview says once of the sheet (a title column no header names).
        ``spelled``: columns whose codes a key of the sheet spells out (column → {code: text}) and the key's
        own cells (importer.sheet_keys): each record's code is read as the key says; a row holding only the
        key's cells is the key's, not a record.
        ``rated_again``: columns of references to rows of another sheet → each reference's residual ratings written
        there (``referenced_ids.rated_again``), a record's where no column of the sheet gives them.
        ``band``: the caption the treatment's columns stand under (``treatment_bands``): their person is the
        action's only, never the record's owner."""
        reg = kind.reg
        self._band = band
        # (the importer fills it while it reads the references for ``spelled``, before this call)
        self._ratings_by_reference = rated_again or {}
        self._constants = dict(constants or {})
        # a colleague's register measuring some records in per cent (a "Unit" column, number columns): "80 %" typed,
        # or 0.8 in a cell shown as 80 %, is the 80 it shows, as the office's own export reads it (left59b)
        unit_col = next((c for c, n in mapping.items() if n == "unit"), None)
        numbers = {c: n for c, n in mapping.items() if n in reg.field_names and reg.field(n).kind is Kind.FLOAT}
        self._per_cent: tuple[Path, str, int, dict[int, str]] | None = \
            (reader.book.path, reader.title, unit_col, numbers) if unit_col is not None and numbers and \
            kind.parent is None and not own_export else None
        self._per_cent_cells: set[tuple[int, int]] | None = None
        self._escalates = "escalated" in reg.field_names and "escalated" not in mapping.values()
        # the status cells saying escalated as written ("Escalated", "ESCALATED", "Eskaliert"): one set look-up a row
        self._escalated_statuses = frozenset(
            f(w) for w in value_words("risks.escalate") for f in (str.lower, str.title, str.upper)
        ) if self._escalates else frozenset()
        plan = SheetPlan(reader.title, reg.name, header_row, dict(mapping), headers, layout,
                         parent_register=kind.parent, ignored=dict(ignored))
        plan.extras = dict(extras or {})
        # columns with no header, kept under their letter where a row fills them: apart from the named ones, which
        # the rules below read as the sheet's own (a group label carried down, a note's continuation), and
        # looked at on an ordinary row only by one C-level count
        self._unheaded = {c: h for c, h in plan.extras.items() if isinstance(h, UnheadedColumn)}
        plan.extras = {c: h for c, h in plan.extras.items() if c not in self._unheaded}
        # columns a field reads that are kept in the notes too (a column of choices, importer._extras): a row's
        # line is written only where its word is not the choice stored
        self._field_and_notes = {c: name for c, name in mapping.items() if c in plan.extras}
        # field → a word of such a column kept → (the choice stored, the rows it stood on), said once a column
        self._kept_as: dict[str, dict[str, tuple[str, int]]] = {}
        # a category written with the register's noun and stored without it ("Third-Party Risk" → Third-Party): the
        # word as written → (stored, rows), said once a sheet (classes78)
        self._nouns_dropped: dict[str, tuple[str, int]] = {}
        self._squashed_told: set[str] = set()  # names written squashed, said once a sheet (classes85)
        self._side_from: tuple[int, str] | None = None  # the row of a second header naming the other kind (classes85)
        self._unlinked_said: set[str] = set()  # IDs of records a link names that no record has, said once a sheet
        self._unheaded_used: set[int] = set()
        self._past_used: dict[int, str] = {}  # columns past the header's last whose values a record keeps
        self._past: dict[int, dict[int, Any]] = {}  # values past the last column the sheet reads, by row (data_rows)
        self._first_filled: dict[int, int] | None = None  # column → the first data row filling it (_filled_above)
        self._in_key = spelled[1] if spelled else set()
        plan.note = note
        if getattr(reader.book, "comment_lines", None):  # a CSV's "# …" lines, read as no row (csv_comments)
            plan.say(comments_said(reader.book.comment_lines))
        # the project a title block above the header names ("Проект | …" over a table with no project column)
        self._block_project: tuple[str, str, int] | None = None
        if "project" in reg.field_names and "project" not in mapping.values() and header_row > 1 and \
                not kind.is_child and not self._constants.get("project"):
            self._block_project = titled_project(reader.top_rows(fill_merged=False)[:header_row - 1], reg.name)
        # a block naming a project over rows with a project column of their own ("Project: Apollo Programme" over
        # "… | Project | …"): the rows' project is the column's, the block's pairs are said as not imported — they
        # were dropped without a word (fault74)
        beside_column = "project" in mapping.values() and header_row > 1 and not kind.is_child and \
            titled_project(reader.top_rows(fill_merged=False)[:header_row - 1], reg.name) is not None
        self._block_projected = 0
        self._say_above_header(plan, reader, header_row, mapping, self._block_project, beside_column)
        # a list of texts under a group written once ("Page Name | Issues": group_lists, classes84)
        self._group_cols: tuple[int, ...] = () if kind.is_child else group_columns(
            reader.top_rows(fill_merged=False)[header_row:], mapping, headers,
            next((f.name for f in reg.fields if f.required), None))
        self._group_label: dict[int, Any] = {}
        if self._group_cols:
            plan.say(f"“{headers[self._group_cols[0]]}” is written once over the rows it groups: each row takes the one "
                     "written last above it, kept with the record.")
        # stacked tables of the same records (restated_tables): the caption of the table being read, and that
        # caption where it numbers its table as the next assessment, whose ratings are then the records' own
        self._table_caption = caption_above(reader.top_rows(fill_merged=False)[:header_row - 1]) \
            if header_row > 1 else None
        self._first_caption = self._table_caption
        self._captions = [self._table_caption]  # every table's caption so far, the first's first
        self._later_table: str | None = None
        self._earlier_table: str | None = None  # a table whose caption places it before the first (dated back)
        self._rated_later: set[int] = set()  # rows of the records given a later table's ratings, said once a sheet
        # the captions of tables restating records whose order the captions do not tell, and the rows of records
        # restated in a table placed before the first: each said once a sheet
        self._unordered: list[str | None] = []
        self._rated_earlier: set[int] = set()
        self._unaligned = reader.unaligned  # a CSV's rows whose cells fit no column order: refused
        # a sheet of one record under its header (a detail sheet, one a risk): its ID names it, whatever its title
        self._one_record = reader.declared_rows == header_row + 1
        self._rating_words = _rating_columns(reg, plan.extras, mapping)
        for c, name in self._rating_words.items():
            head = plan.extras[c]
            if name == "residual_rating" and list(plan.extras.values()).count(head) > 1:
                plan.extras[c] = type(head)(f"{head} ({reg.field(name).label.lower()})")  # "Risk Rating" twice
        if self._rating_words:
            plan.say(f"The sheet's own rating ({', '.join(f'“{plan.extras[c]}”' for c in self._rating_words)}) is "
                     "kept in the notes wherever its word differs from the office's rating of the same levels.")
        self._extras_heads = plan.extras
        self._category_col = next((c for c, n in mapping.items() if n == "category"), None) \
            if (reg.name, "category") in OPEN_LISTS else None
        self._category_choices = tuple(reg.field("category").choices or ()) if self._category_col is not None else ()
        # a category naming the kind ("Возможности", "Opportunities", "Threats") where no column gives the kind:
        # the risk's kind, not a category of the office's list (_kind_by_category, said once: _say_kinds)
        self._category_kinds = _kind_words() if self._category_col is not None and "kind" in reg.field_names \
            and "kind" not in mapping.values() else {}
        self._kinds_told: Counter[str] = Counter()
        self._signed: Counter[str] = Counter()  # header → opportunities whose impact it writes negative
        self._not_acted_on: Counter[int] = Counter()  # plan column → its cells saying nothing is done
        self._response_col = next((c for c, n in mapping.items() if n == "response"), None)
        # row → its response cell as written, of the risks whose kind only an opportunity's strategy gave
        # (strategy_kinds: kept threats unless the sheet's strategies tell the kind)
        self._by_strategy: dict[int, Any] = {}
        # the chance fields whose levels may say the risk is over ("Resolved / Avoided": value_translation.over_word)
        self._over_fields = CHANCE_FIELDS & set(mapping.values()) if "status" in reg.field_names else frozenset()
        self._overs: Counter[int] = Counter()  # column → its cells saying the risk is over (_say_over)
        self._zeros: dict[int, set[int]] = {}  # column → the rows rating 0, read as not rated (_say_zeros)
        # column → row → a word naming a kind of record or action in a priority column ("PREVENTIVA"), not a level
        self._kinds_not_levels: dict[int, dict[int, str]] = {}
        self._several_days: dict[int, dict[int, str]] = {}  # date column → row → its cell of several days
        # a priority column of numbers ("Priority (1-5)"), no priority value to the header check, kept in the
        # notes: each row's number is its priority all the same (1 the highest)
        self._numbered_priority = next(
            (c for c, h in plan.extras.items() if map_header(kind, [h])[0].get(0) == "priority"), None) \
            if "priority" in reg.field_names and "priority" not in mapping.values() and \
            reg.field("priority").kind is Kind.ENUM else None
        # "Impact" of 1–5 kept there names the priority by a level, 5 the most, not by a rank: the register's
        # words make an impact its priority in English only ("impact", "issue impact": the field's synonyms)
        # so is an importance ("重要度", "Importance", "Wichtigkeit": importance_headers): how much the record matters
        # counts up, where a priority, a rank or an order counts down (classes92: "重要度" 5 came in Low)
        self._priority_as_level = self._numbered_priority is not None and (
            "impact" in words_of(str(plan.extras[self._numbered_priority])) or
            word_key(str(plan.extras[self._numbered_priority])) in importance_headers())
        # an issue tracker's labels kept in the notes ("bug, High", "Feature,Medium"): the one priority word
        # among a row's tags is its priority, when no column gives one (it was Medium, the default, for all)
        self._labelled_priority = next(
            (c for c, h in sorted(plan.extras.items()) if word_key(h) in LABEL_HEADERS), None) \
            if "priority" in reg.field_names and "priority" not in mapping.values() and \
            reg.field("priority").kind is Kind.ENUM else None
        # a benefit's kind kept in the notes ("Benefit Type" of Tangible / Intangible / Dis-benefit, a university's
        # benefit profile): not the financial category, but its "Dis-benefit" marks the benefit one, when no
        # column does; the word stays in the notes as written
        self._benefit_kind = next(
            (c for c, h in sorted(plan.extras.items()) if map_header(kind, [h])[0].get(0) == "category"), None) \
            if reg.name == "benefits" and "dis_benefit" not in mapping.values() else None
        # a target per year kept in the notes ("Year 1 Target | Year 2 Target | Year 3 Target"), no column giving
        # the benefit's target: the last year's is the target, and where a start is given its date the end of
        # that year and each year's a planned value (``_yearly_target``); every year's figure stays in the notes
        self._yearly_targets = _yearly_target_columns(kind, plan.extras) \
            if reg.name == "benefits" and "target_value" not in mapping.values() else []
        if self._yearly_targets:
            heads = [f"“{plan.extras[c]}”" for _year, c in self._yearly_targets]
            plan.say(f"Each benefit's target is the last of {', '.join(heads)} its row gives; where the row gives "
                     "its start (realization start or baseline date), it is dated the end of that year and each "
                     "year's target is a planned value on its year's end; every year's target is kept in the notes.")
        status_field = next((f for f in reg.fields if f.name == "status" and f.kind is Kind.ENUM), None)
        # columns kept in the notes whose date says the record was fixed or closed: its status when it gives none
        self._closing = [(c, choice) for c, h in sorted(plan.extras.items())
                         if status_field is not None and (choice := closing_status(h, status_field.choices or ()))]
        # a column kept in the notes saying the record is over ("Resolved" of dates and verdicts, "Fixed By" of who
        # fixed it) on a sheet with no status column: a filled cell gives the status (closed_columns), said once
        self._closed_cols = [(c, *closed_of) for c, h in sorted(plan.extras.items())
                             if (closed_of := closed_column(h, tuple(status_field.choices or ())))] \
            if status_field is not None and "status" not in mapping.values() else []
        self._closed_said: dict[int, Counter[tuple[str, str]]] = {}
        # the column that may answer each record with a status word ("done；…") on a sheet with no status column: its
        # description (reply_status). Not a column kept in the notes: a ROAM's "Mitigated", an action sheet's "OK"
        # say something else there
        self._reply_status = [c for c, n in sorted(mapping.items()) if n == "description"] \
            if status_field is not None and "status" not in mapping.values() else []
        self._replied: dict[int, Counter[str]] = {}
        # a decision log whose status says a decision is taken ("Complete", "3-Complete") and whose only day is the
        # due date (no "Decided on" column): the decision was taken by that day, which is taken as the day decided,
        # said once (unseen set 70: a semester's decisions "complete" were left Pending for want of a day)
        self._due_decides = reg.name == "decisions" and "status" in mapping.values() and \
            "due" in mapping.values() and "decided_on" not in mapping.values()
        self._due_decided: set[int] = set()  # the rows so decided (a row the fast way leaves is planned again)
        # a decision log's bare "Date" read as the day decided: a Pending row's date is not the day a decision was
        # taken (it is the day it was logged, or is needed), so on such a row it is kept in the notes, not stored
        # as decided, said once (unseen96: a pending decision showed a day decided)
        self._plain_decided_col = next(
            (c for c, n in sorted(mapping.items()) if n == "decided_on" and c < len(plan.headers)
             and isinstance(plan.headers[c], str) and word_key(plan.headers[c]) in plain_date_words()), None) \
            if reg.name == "decisions" and "status" in mapping.values() else None
        self._undecided_days: set[int] = set()
        # a change calendar's requests carried out on a day ("Actual Implementation date") with no one named as
        # deciding: Decided needs who decided (raid_rules.check_decision), so they stay Pending — said once, with the
        # column, so the user is not left wondering why the calendar's done changes read as pending (unseen set 70)
        self._carried_out_col = next((c for c, h in sorted(plan.extras.items()) if carried_out(str(h))), None) \
            if reg.name == "decisions" and "decided_by" not in mapping.values() else None
        self._carried_out_pending: set[int] = set()
        # a decision log naming no decider and no status whose note marks a decision taken ("✅확정: …",
        # "Confirmed: …"): it stays Pending (no name is invented), said once with the column (confirmed_notes)
        self._confirmed_cols = [c for c, n in sorted(mapping.items()) if n in ("rationale", "description")] + \
            sorted(plan.extras) if reg.name == "decisions" and not {"decided_by", "status"} & set(mapping.values()) \
            else []
        self._confirmed_pending: dict[int, tuple[int, str]] = {}  # row → (column, mark as written)
        # a decision log giving the day decided and who decided, whose status column speaks of the decided work's
        # progress ("In progress", "Not started": words of ``decisions.progress``): the decision is taken all the
        # same, Decided, said once (unseen set 70: "Status of item: 1-Not started, 2-In progress, 3-Complete")
        self._progress_col = next((c for c, n in mapping.items() if n == "status"), None) \
            if reg.name == "decisions" and {"decided_on", "decided_by"} <= set(mapping.values()) else None
        self._progress_decided: set[int] = set()
        self._progress_words = frozenset(value_words("decisions.progress")) if self._progress_col is not None \
            else frozenset()
        # a decision log with no status column that names, on a row, both the day it was decided and who decided:
        # what the office's rule asks of a Decided decision (raid_rules.check_decision) is all there, so the row
        # records a decision made, not one pending. A day yet to come is a decision still to take: left Pending
        self._decided_when_given = reg.name == "decisions" and status_field is not None and \
            "Decided" in (status_field.choices or ()) and "status" not in mapping.values() and \
            {"decided_on", "decided_by"} <= set(mapping.values())
        # a SAFe ROAM column (R, O, A, M or the words): Resolved closes the risk, Accepted and Mitigated are its
        # response, Owned an open risk with an owner; the letter stays in the notes as written
        self._roam = next((c for c, h in sorted(plan.extras.items()) if reg.name == "risks" and word_key(h) == "roam"),
                          None)
        self._own_export = own_export
        self._translator = self.translator(reg.name)
        # a column whose header joins two fields with a slash and whose cells do the same ("Position/Interest":
        # "For/High", "Against/Medium"; "Power/Interest": "High/Low"): each part is read as its field. Kept in
        # the notes, the column gave neither; read as one of the two, it gave that one and the other was lost
        mapped = set(mapping.values())
        self._pairs: list[tuple[int, tuple[str | None, str | None], str | None]] = [
            (c, names, None) for c, h in sorted(plan.extras.items())
            if (names := _two_fields_headed(kind, h, mapped)) is not None]
        self._pairs += [(c, names, n) for c, n in sorted(mapping.items()) if c < len(headers)
                        and isinstance(headers[c], str)
                        and (names := _two_fields_headed(kind, headers[c], mapped - {n})) is not None and n in names]
        self._field_names_mapped = frozenset(mapping.values())
        self._pair_guessed: dict[tuple[int, int], str] = {}
        self._pair_read: dict[tuple[str, str], Any] = {}
        self._pairs_placed: set[int] = set()  # the columns a part of which gave a field, said once (_say_pairs)
        self._pair_parts: dict[int, dict[int, str]] = {}  # column → its part → the field that part gave on some row
        # a one-person column's cells naming several people → the first of them (_first_of_several), and the
        # columns where some did, said once (_say_several)
        self._several_seen: dict[tuple[int, str], str | None] = {}
        self._sheet_bases: Counter[str] = Counter()  # _qualified_code: the sheet's IDs before their brackets
        self._sheet_cuts: Counter[str] = Counter()  # and its IDs too long, cut to the length of an ID
        self._several_named: dict[int, str] = {}
        # column → (its header, the day its dates gave, said; its first such cell): said once (_say_several)
        self._days_beside_names: dict[int, tuple[str, str, str]] = {}
        self._joint_named: dict[int, list[str]] = {}  # column → cells joining names kept as one (_say_several)
        fields = [(c, reg.field(n)) for c, n in sorted(mapping.items())
                  if n != PARENT and not n.startswith("@") and reg.field(n).kind.stored]
        for _, f in fields:
            self._parsed.setdefault(id(f), None if f.kind.free_text else {})
        self._headers = headers
        self._layouts.setdefault(plan.sheet, _layout(headers))
        self._responses = [c for c, n in sorted(mapping.items()) if n == RESPONSE_PLAN]
        # several "Effect On …" columns: one effect, each cell labelled with its header (qualified_effects)
        self._joined_effects = joined_effects(headers, mapping, plan.extras, field_keys(kind)) \
            if EFFECT in reg.field_names else []
        if self._joined_effects:
            plan.say(f"{' and '.join(f'“{_one_line(headers[c])}”' for c in self._joined_effects)} are one effect: "
                     "each cell a line of it, labelled with its header.")
        # "Por qué se descarta", "Why rejected" beside the options considered: why each option was set aside is said
        # of the options, not of the decision's rationale (left61)
        options_col = next((c for c, n in mapping.items() if n == "options"), None)
        self._options_why = [c for c in plan.extras if says_rejected(headers[c] if c < len(headers) else None)] \
            if reg.name == "decisions" and options_col is not None else []
        if self._options_why and options_col is not None:
            plan.say(f"{' and '.join(f'“{_one_line(headers[c])}”' for c in self._options_why)} "
                     f"{'say' if len(self._options_why) > 1 else 'says'} why the options were set aside: kept with the "
                     f"options considered (“{_one_line(headers[options_col])}”), labelled with "
                     f"{'their headers' if len(self._options_why) > 1 else 'its header'}, not in the rationale.")
        # controls already in place ("Current Controls") are actions done; the plan's owner and date
        # columns ("Control Owner | Date Due") are the actionee and due date of the others (action_columns)
        to_do = [c for c in self._responses if not in_place(headers[c] if c < len(headers) else "", False)]
        self._in_place = {c for c in self._responses
                          if in_place(headers[c] if c < len(headers) else "", bool(set(to_do) - {c}), reg.name)}
        # the framework a plan column's header names in brackets ("Proposed Control (NIST)", "(ISO 27001)"):
        # its controls' codes mean something only with it, so each action says it
        self._framework: dict[int, str] = {c: framework for c in self._responses if c < len(headers)
                                           and (framework := framework_named(headers[c])) is not None}
        actions_of = REGISTERS[ACTIONS_OF.get(reg.name, "risk_actions")]
        self._actions_of = actions_of.name
        self._action_length = actions_of.field("description").max_length or 0
        self._action_by = [(c, n, actions_of.field(_ACTION_FIELDS[n]))
                           for c, n in sorted(mapping.items()) if n in _ACTION_FIELDS]
        self._due_beside = date_beside_the_plan(mapping, RESPONSE_PLAN)
        # "fix | owner | due_date": the risk's owner between the plan and its date does the plan (classes97)
        self._owner_beside = owner_beside_the_plan(mapping, RESPONSE_PLAN)
        if self._owner_beside is not None and self._due_beside is not None:
            plan.say(f"“{_one_line(headers[self._owner_beside])}” and “{_one_line(headers[self._due_beside])}” stand "
                     "after the plan: the record's owner and date are its actions' actionee and due date as well.")
        # no column of its own gives the risk's owner: the one the plan's actions name is the risk's too
        # (not under a treatment's caption: the person doing the treatment is the action's, left57)
        self._owner_from_actions = "owner" in reg.field_names and "owner" not in mapping.values() and not self._band
        # a voided record's actions are cancelled, not done (left57): the record's status column, when the sheet
        # gives its actions no status of their own and the register closes records
        self._voided_col = next((c for c, n in sorted(mapping.items()) if n == "status"), None) \
            if reg.name in FINISHED_RECORD and ACTION_STATUS not in mapping.values() else None
        self._ticks = [(c, *level) for c, n in sorted(mapping.items()) if (level := tick_level(n)) is not None]
        self._engaged = [(c, n[len(ENGAGE):]) for c, n in sorted(mapping.items())
                         if n.startswith(ENGAGE) and n != ENGAGE_ROW]
        # a stakeholder list's status or evidence column ("Evidence / Status": "Engaged — weekly calls", "Cold — no
        # current engagement") where no column gives the current engagement: the state each cell opens with is
        # where the stakeholder is now (_engagement_opening); the whole cell stays in the notes
        self._status_engagement = [c for c, h in plan.extras.items() if _names_a_status(h)] \
            if "current_engagement" in reg.field_names and "current_engagement" not in mapping.values() \
            and not self._engaged else []
        # "Current" / "Desired" beside a stakeholder's two rows: which level the plain marks of each row give
        engage_row = next((c for c, n in mapping.items() if n == ENGAGE_ROW), None)
        self._lengths = _column_lengths(reg, [f for _, f in fields])
        self._long_texts: list[str] = []
        self._sentence_said = False  # a cell linking no record of the office said once a sheet (classes84)
        self._codes_said: dict[int, list[str]] = {}
        self._names_in: dict[int, dict[str, str]] = {}  # column of people → the names it writes (_names_written)
        # (the columns of people, the sheet's rows or how to read them) for ``_names_in``, None when too long
        self._names_from: tuple[list[int], Any] | None = None  # row → "Category: FF4 (Human Resources Internal)"
        mapped_cols = ({c for c, _ in fields} | {c for c, n in mapping.items() if n == PARENT} | set(self._responses)
                       | {c for c, _n, _f in self._action_by}
                       | {c for c, _n, _l in self._ticks} | {c for c, _l in self._engaged}
                       | ({engage_row} if engage_row is not None else set()))
        zero_rated = {c for c, f in fields if f.kind is Kind.SCALE and not f.required}  # 0: not rated
        key = reg.key_field
        code_col = next((c for c, f in fields if key is not None and f.name == key.name), None)
        parent_col = next((c for c, n in mapping.items() if n == PARENT), None)
        title = next((f for f in reg.fields if f.required), None)
        title_col = next((c for c, f in fields if title is not None and f.name == title.name), None)
        if title_col is None and title is not None:  # cause/event layouts: the event names the risk
            by_name = {f.name: c for c, f in fields}
            self._title_fallbacks = [n for n in TITLE_FALLBACK.get(reg.name, ()) if n in by_name]
            self._title_from = self._title_fallbacks[0] if self._title_fallbacks else None
            title_col = by_name.get(self._title_from) if self._title_from else None
        else:
            self._title_from = None
        self._title_name = title.name if title is not None else ""
        # the records named by a column headed "Description" and nothing else (left45): its first sentence
        self._described_by = _described_title(reg, headers, title_col) \
            if title_col is not None and self._title_from is None else None
        # an actual result saying only "Found issue" titles nothing: the row's description or steps do (generic_results)
        self._generic_from = said_by_instead(reg.name, headers, title_col, fields)
        self._generic_head = _one_line(str(headers[title_col])) if self._generic_from and title_col is not None else ""
        self._generic_titled: Counter[str] = Counter()
        # an issue's empty title cell: titled by its description, actual result or steps; a risk's, event and cause
        # empty too, by the asset it names (untitled_rows)
        self._untitled_from = untitled_from(reg.name, headers, title_col, fields) \
            if self._title_from is None or reg.name == "risks" else []
        self._untitled_by: Counter[int] = Counter()
        # the codes written where the title is read ("Risk": R1 … R8 beside "Description", coded_titles): a row whose
        # description is empty is titled by its code, as it was before that rule, never refused (fault74)
        self._coded_title: int | None = None
        if title_col is not None and self._title_from is None and code_col is not None and title is not None and \
                code_col < len(headers) and isinstance(headers[code_col], str) and \
                word_key(headers[code_col]) in register_nouns(reg.name):
            self._coded_title = code_col
        self._coded_titled: list[str] = []
        # a risk's state naming its response ("Risk Accepted"): the response where the row gives none (classes92)
        self._state_col = next((c for c, n in mapping.items() if n == "status"), None) \
            if reg.name == "risks" and not kind.parent else None
        self._state_responses: Counter[tuple[str, str]] = Counter()
        # the Excel errors of columns kept in the notes, kept as written and said once a column (fault70b)
        self._errors_kept: dict[int, list[tuple[int, str]]] = {}
        # a review's verdict ("No-Go") titles its decision with the rationale's first sentence (left47)
        self._verdict_titled = title_col is not None and self._title_from is None and \
            _verdict_title(reg, headers, title_col, fields)
        # a stakeholder written down by position with the name left blank ("Director of CRM projects"): named
        # by that role rather than refused
        self._named_by_role = reg.name == "stakeholders" and title_col is not None and \
            any(f.name == "role" for _, f in fields)
        # stakeholders listed by their group under categories written once (group_rows): a row writing its own
        # label is a record of its own, and with no name nor role is named by that label
        # (the group column first, then the sub-groups' kept in the notes)
        self._label_cols = label_columns(reg.name, headers, next((c for c, f in fields if f.name == "group"), None),
                                         plan.extras) if reg.name == "stakeholders" and title_col is not None else []
        self._group_above: Any = None  # the category written last above, for the rows leaving theirs blank
        self._named_by_group: list[int] = []  # rows so named, said once a sheet
        # a template's bracketed name left on a row whose other cells are real ("[Stakeholder A]" beside a role,
        # a position, levels): the placeholder's words by row, to tell apart the rows named by one role (left60)
        self._placeholder_names: dict[int, str] = {}
        self._alone_groups: list[int] = []  # of them, groups written alone over another group (left57)
        first_col = min(mapped_cols) if mapped_cols else 0
        strict_refs = [(c, f) for c, f in fields if f.ref is not None and f.kind.refers and not f.ref.create_missing]
        if self._block_project is not None:
            strict_refs.append((-1, reg.field("project")))  # the title block's, on every row (titled_projects)
        # ``_unknown_names`` of an ordinary row, its sets looked up once: (field, one name or several, known, pending)
        self._ref_checks = [(f.name, f.kind.is_reference, self.names(f.ref.target, f.ref.label),
                             self.pending_names[f.ref.target]) for _c, f in strict_refs if f.ref is not None]
        width = max(len(headers), max(mapping, default=-1) + 1, max(plan.extras, default=-1) + 1)
        parent_reg = REGISTERS[kind.parent] if kind.parent else None
        self._profiles, repeated, kept = self._column_profiles(reader, header_row, width, fields, headers,
                                                               count_rows=parent_reg is None, kind=kind,
                                                               title_col=title_col)
        self._say_told_scales(plan, reg, fields)
        # a response column written "strategy: what is done" ("Avoiding: Ensure all …"): the words the response,
        # the text after the colon the risk's action (strategy_leads), decided once a column from the rows held
        self._lead_reader = Translator(reg.name, self._translator.overrides)
        self._leads_read: dict[str, str | None] = {}
        self._leads_said: dict[str, str] = {}
        self._led_cells: set[str] = set()  # the cells so split: wholly read, not kept in the notes again
        led_col = self._response_col
        self._strategy_led = led_col is not None and reg.field("response").kind is Kind.ENUM and strategy_led(
            (r[led_col] for _n, r in _first_rows(kept, reader, header_row, width) if led_col < len(r)),
            lambda words: self._strategy_of(reg.field("response"), words))
        self._say_ties(plan, reg, fields)
        # a defect's description of labelled lines ("Expected: … / Actual: …") titled by its "Actual" line, decided
        # once a column (classes67)
        # (decided from the rows held, else the first ``KEEP_ROWS`` of a longer sheet: `_first_rows`)
        # (a title column too whose cells are such lines: a word that titles in one language and describes in
        # another — "Beschreibung" — heads a description all the same; its whole text kept as a description's is)
        self._actual_titled = reg.name == "issues" and title_col is not None and \
            labelled_column(r[title_col] for _n, r in _first_rows(kept, reader, header_row, width) if title_col < len(r))
        if self._actual_titled and title_col is not None and self._title_from is None and self._described_by is None:
            self._described_by = ("description" if "description" in reg.field_names else None,
                                  " ".join(str(headers[title_col] if title_col < len(headers) else "").split()))
        if self._actual_titled and title_col is not None:
            plan.say(f"“{headers[title_col] if title_col < len(headers) else title_col}” is written as labelled "
                     "lines (Expected: … / Actual: …): each record is titled by its “Actual” line, what went wrong, "
                     "the whole text kept.")
        # the names and roles each column of people writes as names, for its sentences opening with one
        # (worked out when a sentence is first met: most sheets name their people plainly and pay nothing)
        person_texts = [c for c, f in fields if f.kind.is_reference] + \
            [c for c, _n, f in self._action_by if f.kind.is_reference]  # an action owner's too (_first_of_several)
        self._names_in = {}
        self._names_from = None
        # columns of people whose cells may name no one ("N/A", "TBD", "?": no_one), blanked once a row before
        # anything reads them, and counted to be said once a column (_say_no_one)
        self._no_one_cols = tuple(dict.fromkeys(
            c for c, f in [*fields, *((c, f) for c, _n, f in self._action_by)]
            if f.ref is not None and f.kind.refers and f.ref.target.__name__ == "Person"))
        self._no_one: dict[int, Counter[str]] = {}
        self._no_one_kept: dict[int, list[str]] = {}  # row → its cells of people naming no one but saying why
        self._fiscal: dict[str, Counter[str]] = {}  # date field → its cells naming a fiscal quarter (_say_quarters)
        # status words no list knows → the rows that wrote each (_say_unknown_states)
        self._unknown_states: dict[str, dict[str, set[int]]] = {}
        # (a sheet too long to hold decides them from its first ``KEEP_ROWS`` rows, applied to every row: left54 —
        # past that length no rule ran, and "Ana Ruiz will follow up with the vendor …" became a person)
        if person_texts:
            self._names_from = (person_texts, kept if kept is not None else
                                (lambda: _first_rows(None, reader, header_row, width)))
        # the sheet's own IDs, for an ID too long to be one with a qualifier in brackets (_qualified_code): read
        # when such an ID is first met — every row's, however long the sheet (one pass, the ID column alone
        # kept), as no code two of its records would share is given
        self._sheet_ids: set[str] | None = None
        self._ids_from = None if code_col is None else \
            (code_col, kept if kept is not None else (lambda: reader.data_rows(header_row + 1, width)))
        month_first = [f"“{headers[c] if c < len(headers) else f.label}”" for c, f in fields
                       if (profile := self._profiles.get(c)) is not None and profile.month_first]
        if month_first:  # the way round the dates are read is said: 03/04/2026 is 4 March here
            plan.say(
                f"Dates in {', '.join(month_first)} are written month first (as its header or a date such as "
                "03/25/2026 says): each is read that way, 03/04/2026 as 4 March.")
        elif self._unsettled_date:
            plan.say(
                f"Dates such as {self._unsettled_date} read either way and nothing in the sheet says which: "
                "they are read day first (03/04/2026 is 3 April). If they are written month first, "
                "cancel and write them as 2026-03-04 or 4 Mar 2026.")
        if self._unsettled_number:  # "2.500" with no 12,5 or 12.5 anywhere to say which way it is written
            plan.say(
                f"Numbers such as {self._unsettled_number} read either way and nothing in the file says which: "
                "they are read with a decimal point (2.500 is two and a half, 1,234 is one thousand two hundred "
                "and thirty-four). If they are written with a decimal comma (2.500 for two thousand five "
                "hundred), cancel and write them without the thousands point (2500).")
        for c, f in fields:  # a rule that changes every number of a column is said once in the preview
            if (profile := self._profiles.get(c)) is not None and profile.products and not profile.declared:
                plan.say(
                    f"{f.label} (“{headers[c] if c < len(headers) else f.label}”) is on 1–{f.scale_max(self.ctx) ** 2}, "
                    "two ratings multiplied: each number is read as the level nearest its square root "
                    "(16 → 4, 20 → 4, 25 → 5).")
        for sentence in self._factor_notes:  # a rating beside its product column: its numbers are levels
            plan.say(sentence)
        # an impact rated with 1 the worst (Pressman's RMMM table), decided once a sheet from its header
        impact_col = next((c for c, f in fields if f.name == "impact" and f.kind is Kind.SCALE), None)
        self._inverted_impact = impact_col if inverted_impact(headers, impact_col) else None
        if impact_col is not None and self._inverted_impact is not None:
            plan.say(f"“{headers[impact_col] if impact_col < len(headers) else 'Impact'}” is rated the RMMM way, 1 "
                     "the worst (catastrophic) and 4 the least (negligible): read inverted, 1 as 5, 2 as 4, 3 as 3, "
                     "4 as 2.")
        # a priority column counting from P0: P1 is its second priority (zero_priorities), decided once a column;
        # its cells parsed afresh, not from a cache shared with other sheets
        p0_col = self._counts_from_p0(reader, header_row, width, fields, kept)
        self._priority_score_top = None
        self._priority_keyed = None
        if self._numbered_priority is not None and score_header(plan.extras[self._numbered_priority]):
            self._say_scored_priority(plan, reg, reader, header_row, width, kept)
        elif self._numbered_priority is not None and not self._priority_as_level and \
                (keyed := self._keyed_priority(reg)) is not None:
            # the workbook's key says what its numbers are ("1 = Low … 4 = Critical" on its list sheet): read so,
            # the opposite of the default rank included, said once (left58)
            self._priority_keyed = keyed
            assert self.priority_key is not None
            on, _key, written = self.priority_key
            plan.say(f"“{_one_line(str(plan.extras[self._numbered_priority]))}” is numbered as the workbook's key "
                     f"on sheet “{on}” says ({written}), not 1 the most urgent: each number read as its word there.")
        elif self._numbered_priority is not None and not self._priority_as_level:
            # a worded column naming the priority too ("Severity" of Low … Critical) kept in the notes beside it:
            # the column headed by the priority's name gives it (header_detection._numbered_by_own_name), said once
            beside = [h for c, h in sorted(plan.extras.items()) if c != self._numbered_priority and
                      map_header(kind, [h])[0].get(0) == "priority"]
            # said only of a column that holds such numbers: a form's "Severity: Critical" beside "Priority:
            # Higt" gives no number, and the note said it did (unseen82, left59)
            at = self._numbered_priority
            if beside and any(numbered_priority(reg.field("priority"), r[at]) is not None
                              for _n, r in _first_rows(kept, reader, header_row, width) if at < len(r)):
                ranked = list(reversed(reg.field("priority").choices))
                scale = ", ".join(f"{n}{' and more' if n == len(ranked) else ''} → {x}" for n, x in enumerate(ranked, 1))
                plan.say(f"“{_one_line(str(plan.extras[self._numbered_priority]))}” gives the priority as a number, "
                         f"1 the most urgent ({scale}); "
                         f"{' and '.join(f'“{_one_line(str(h))}”' for h in beside)} is kept in the notes.")
            elif not beside:
                self._say_numbered_priority(plan, reg, reader, header_row, width, kept)
        elif self._numbered_priority is not None:
            self._say_numbered_priority(plan, reg, reader, header_row, width, kept)
        self._translator.from_p0 = frozenset({"priority"}) if p0_col is not None else frozenset()
        if p0_col is not None:
            plan.say(f"“{headers[p0_col] if p0_col < len(headers) else 'Priority'}” counts from P0: P0 is read as "
                     "Critical, P1 as High, P2 as Medium, P3 as Low.")
        # each mapped column's way to its value, worked out once for the sheet: its field, the field's
        # cache of parsed cell values (None for text), its scale profile, and for plain text its length
        # (a scale's cache is the column's own: "3" is 3 under "Impact" but 4 under "Impact (1-3)" of the next sheet)
        self._steps = [(c, f, f.name, {} if c in self._profiles or c == p0_col else self._parsed[id(f)],
                        self._profiles.get(c),
                        _plain_text_limit(f)) for c, f in fields]
        # the typed columns (levels, choices, dates) that show a row typed one column off (typed_one_off), and
        # the rows found so: read back under their headers (row → side, the row refused, why) or left out
        self._typed_cols: dict[int, tuple[Field, Any]] = {
            c: (f, profile) for c, f, _name, _cache, profile, _limit in self._steps
            if f.kind is Kind.SCALE or f.kind is Kind.ENUM or f.kind is Kind.DATE}
        self._one_off: dict[int, tuple[int, PlannedRow, str]] = {}
        self._one_off_left: dict[int, list[int]] = {}
        self._texts: dict[str, dict[str, str]] = {f.name: {} for _, f in fields if _plain_text_limit(f)}
        # an optional short text written "NA", "n/a", "TBD", "No information" (a stakeholder's role, a contact, a
        # benefit's unit): the cell says nothing, so the field is left empty and the word kept in the notes, said once
        # a column (unseen96: "NA" was stored as nine stakeholders' role)
        self._unsaid_fields = frozenset(f.name for _, f in fields if f.kind is Kind.TEXT and not f.required)
        self._unsaid_cells: Counter[int] = Counter()
        self._unsaid_first: dict[int, str] = {}
        # the row's values at the cost of a lookup per cell (``_fast_values``): per column, each cell value
        # seen → what the step above made of it, for the cells it made a value of and nothing else
        columns = [c for c, *_ in self._steps]
        self._cells_of = itemgetter(*columns) if len(columns) > 1 else None
        self._step_names = tuple(name for _, _, name, *_ in self._steps)
        self._memos: list[dict[Any, Any]] = [{} for _ in self._steps]
        self._misses = (_MISS,) * len(self._steps)
        # ("NA" in an optional short text is no text kept as it is: such a column's cells go through ``_learn``)
        self._plain_limits = [limit if not (name == "response" and self._escalates or name in self._unsaid_fields)
                              else 0 for _c, _f, name, _cache, _profile, limit in self._steps]
        self._last_col = max(columns, default=-1)
        self._length_checks = {n: limit for n, limit in self._lengths.items()
                               if not any(f.name == n and _plain_text_limit(f) for _, f in fields)}
        self._required = [f for f in reg.fields if f.required and not f.kind.is_key]
        given = {f.name for _, f in fields}  # required fields no column gives, nor names the rows in their stead
        self._unmapped = set() if given & set(_TITLE_FALLBACK.get(reg.name, ())) else \
            {f.name for f in self._required} - given
        # a required field's column set aside for an Excel error on every row (broken_formulas): said on each row
        # as its cell's error, as one error cell of a column read is (fault70b), not as no column holding it
        self._broken_required = {r.field: (c, r.header) for c, r in plan.ignored.items()
                                 if isinstance(r, BrokenColumn) and r.field in self._unmapped}
        self._title_field = next((f.name for f in reg.fields if f.required), None)
        merged_title = self._merged_rows(reader, title_col, header_row)
        blank_run: list[int] = []
        notes: set[int] = set()  # rows holding only a title below a gap: notes if nothing follows them
        # records standing one a block, blocks parted by empty rows: [blocks closed, all of them one record]
        one_a_block = [0, True]
        lead: tuple[int, int, tuple[Any, ...]] | None = None  # a lone text opening a block: (index, number, row)
        opened: dict[int, int] = {}  # index of a record in plan.rows → index of the lone text that opened it
        lead_reasons: dict[int, str] = {}  # index of such a text in plan.rows → why it was skipped at first
        data_started = False
        other_table: int | None = None  # the row of another table's header under the records (other_tables)
        gap_caption = -2  # the row of a note alone in the first column after a gap: a caption over what follows
        placeholders: list[str] = []  # bracketed placeholders left empty in rows holding more ("[link to …]")
        tags_kept: list[str] = []  # example tags closing a title beside real cells ("(sample)"): records, said
        # a stakeholders' group written alone on its row (index in plan.rows, row number, raw row): a heading over
        # the rows under it, or a group of its own when the next row writes another group (left57)
        lone_group: tuple[int, int, tuple[Any, ...]] | None = None
        tick = 0
        block: list[int] = []  # indexes into plan.rows of the records planned since the last gap
        block_sizes: list[int] = []  # records (and rows continuing them) of each block, in order
        first_raws: dict[int, tuple[int, tuple[Any, ...]]] = {}  # the first block's records: index → (number, row)
        continued = [0]        # rows of the block that continue a merged record
        widths: dict[int, int] = {}  # index into plan.rows → filled cells of that row
        lone: dict[int, Any] = {}  # index into plan.rows → the one filled cell of a row filling one
        table_widths: list[int] = []  # filled cells of the rows of the first block (the table itself)
        # rows after a gap naming one of the table's own columns ("Likelihood Level | High: the risk is
        # likely …"): a definitions block explaining the table, not records of it
        own_headers = {word_key(h) for c, h in enumerate(headers) if c in mapping and len(words_of(h)) >= 2}
        defining: set[int] = set()
        header_cells, header_probe = _header_cells(headers, mapping, title_col)
        # the probe's text whatever its case and spacing, looked for in a cell not much longer (left57)
        probe_folded = " ".join(header_probe[1].split()).casefold() if header_probe is not None else ""
        probe_size = 2 * len(probe_folded) + 8
        # the header written again under a first cell of its own ("Feature Enchancement | Description | Status |
        # Log" under "Bug | Description | …"): probed by the first other mapped cell with a header (unseen set 95)
        renamed_probe = next((cell for cell in header_cells if header_probe is not None and
                              cell[0] != header_probe[0]), None) if len(header_cells) >= 3 else None
        last_record: tuple[int, int, tuple[Any, ...]] | None = None  # (index in plan.rows, row number, raw row)
        record_end = [0]  # the last row the record above was written on (its first, or a row going on with it)
        filled_down = [0]  # the last row skipped as a default filled down below the records (_filled_down)
        heading_end = [0]  # the last row said to be a section heading (a section may open with two: program, activity)
        # each distinct row → the first row number holding it; only rows whose hash the first pass met
        # more than once can repeat another, so only theirs are kept (not a copy of the whole sheet)
        seen_rows: dict[tuple[Any, ...], int] = {}
        # a register pasted again lower on the sheet under other numbers (a chat's answer pasted twice, its
        # risks renumbered 1–9 the second time): each record's title → (index in plan.rows, row number, raw
        # row, the part of the sheet it is in); a part ends at a gap or a header written again
        titled: dict[str, tuple[int, int, tuple[Any, ...], int]] = {}
        part = [0]
        went_on: set[int] = set()  # indexes into plan.rows of records written over several rows (continue_record)

        def skip(number: int, reason: str, code: str = "") -> None:
            if (at := opened.pop(len(plan.rows), None)) is not None:
                # the lone text over this row opened no record after all (a list of names under an empty
                # template): it is skipped for its own reason, not as opening a record that never was
                plan.rows[at] = PlannedRow(RowReport(plan.sheet, plan.rows[at].report.row, Action.SKIP, "",
                                                     lead_reasons.pop(at, reason)))
            plan.rows.append(PlannedRow(RowReport(plan.sheet, number, Action.SKIP, code, reason)))

        unfilled: list[int] = []  # rows of unfilled placeholders alone ("{{ $json.title }}"), said once a sheet
        first_notes: dict[int, str] = {}  # planned row → a text alone in the first column (_captioned_categories)
        # the names of a checklist's items left of their numbers read as the titles (checklist_titles): a row naming
        # nothing else is an item nobody assessed
        checklist = title_col is not None and code_col is not None and title_col < code_col and parent_reg is None \
            and title_col in label_columns_of(headers, code_col, {c: n for c, n in mapping.items() if c != title_col})
        # a template's rows of numbered placeholders ("Test 1 | Name 1 | Response 1 | DD/MM/YYYY"), found once a
        # sheet (template_rows)
        # columns with no header within the table's width: a template's "Example" mark beside its example row
        unheaded_cols = frozenset(c for c in range(width) if c != title_col and
                                  (c >= len(headers) or headers[c] is None or not str(headers[c]).strip()))
        numbered_rows = numbered_placeholder_rows(
            _first_rows(kept, reader, header_row, width), title_col, code_col,
            frozenset(c for c, n in mapping.items() if n in reg.field_names and (ref := reg.field(n).ref) is not None
                      and ref.target.__name__ == "Person"),
            next((c for c, n in mapping.items() if n == "status"), None)) if parent_reg is None else {}
        # a status report of one date (portfolio_reports): a row naming a project and nothing more reports nothing —
        # a section's caption after a gap ("R & D", "Tenders"), or a project nothing was said of; no report, no project
        lone_project = next((c for c, n in mapping.items() if n == "project"), None) \
            if reg.name == "status_reports" and "reported_on" in self._constants and parent_reg is None else None
        before = header_row  # the row read last, for a gap above a caption

        # columns naming one person each (the owner): a record going on over several rows keeps the first
        # name; the others (one per mitigation line beside it) are said in its notes, never one made-up person
        person_cols = {c: f for c, f in fields if f.kind.refers and f.ref is not None and f.ref.create_missing}
        others: dict[int, dict[int, list[str]]] = {}  # row number of a record → column → the other names

        # record's index → the fields its rows below wrote as a label beside a value (_labelled_field), kept
        # across the replanning of the record each of its rows below does
        labelled_values: dict[int, dict[str, Any]] = {}
        # record's index → the text written under its name on the block's next row (blocks_of_rows), kept in its
        # notes across the replanning each row of the block does
        described_below: dict[int, str] = {}

        def continue_record(number: int, row: Sequence[Any], cell: Callable[[int, Any, Any], Any], why: str) -> None:
            """Row ``number`` goes on with the record above: that record is planned again from both rows,
            ``cell(column, above, below)`` giving each cell."""
            nonlocal last_record
            assert last_record is not None
            index, first_number, raw = last_record
            if index in described_below and title_col is not None:  # its description merged down the block
                row = tuple(None if c == title_col and x == described_below[index] else x for c, x in enumerate(row))
            combined = tuple((a if a is not None else b) if c in person_cols and b is not None and a is not None
                             and _one_line(a) != _one_line(b) and not _wrapped(a, b)
                             and _note_other(others, first_number, c, a, b)
                             else cell(c, a, b) for c, (a, b) in enumerate(zip(raw, row)))
            self._unclaim(reg, plan.rows[index].report.code)
            self._forget_unplaced(plan, plan.rows[index])
            plan.rows[index] = self._plan_row(plan, reg, parent_reg, first_number, combined, fields, code_col,
                                              parent_col, strict_refs, title_col)
            extra = EXTRA_FIELD.get(reg.name)
            if extra is not None and plan.rows[index].report.action is not Action.SKIP:
                said = [f"Also responsible (“{_one_line(headers[c]) if c < len(headers) else f.label}”, "
                        f"beside the record's next lines): {'; '.join(names)}"
                        for c, names in others.get(first_number, {}).items()
                        for f in (person_cols[c],)]
                if said:
                    values = plan.rows[index].values
                    values[extra] = "\n".join(x for x in (values.get(extra), *said) if x)
            for name, value in labelled_values.get(index, {}).items():
                if plan.rows[index].report.action is not Action.SKIP and plan.rows[index].values.get(name) is None:
                    plan.rows[index].values[name] = value  # a field written as a label beside its value (below)
            if index in described_below and extra is not None and plan.rows[index].report.action is not Action.SKIP:
                values = plan.rows[index].values
                label = _one_line(headers[title_col]) if title_col is not None and title_col < len(headers) and \
                    headers[title_col] else "Title"
                values[extra] = "\n".join(x for x in (f"{label} (below the name): {v.parse_text(described_below[index])}",
                                                       values.get(extra)) if x)
            last_record = (index, first_number, combined)
            record_end[0] = number
            went_on.add(index)
            skip(number, f"continues the record of row {first_number} ({why}).")

        sparse_blocks: list[list[int]] = []  # blocks far sparser than the table's rows, each filling its title

        def close_block(final: bool = False) -> None:
            """Rows after a gap that mostly lack a title (merged continuations count as lacking one), or
            that are much sparser than the table's rows, are a legend or notes under the table — the sparse ones
            filling their title only when no record of the table follows them (``final``: the sheet's last)."""
            if not block:
                if final:
                    for earlier in sparse_blocks:
                        legend_block(earlier)
                    sparse_blocks.clear()
                return
            named = sum(1 for i in block if plan.rows[i].has_title)
            total = len(block) + continued[0]
            titles = [self._title_text(plan.rows[i], title_col) for i in block]
            if sum(1 for t in titles if _rating_like(t)) * 2 >= len(titles) >= 2:
                named = 0  # "5 (Very high)", "4 (High)" …: the axis of a heat map under the table
            typical = sorted(table_widths)[len(table_widths) // 2] if table_widths else 0
            mine = sorted(widths.get(i, 0) for i in block)[len(block) // 2]
            sparse = typical >= 3 and mine <= max(1, typical // 3)  # far fewer cells than the table's rows
            explains = sum(1 for i in block if i in defining) * 2 >= len(block)
            legend = (title_col is not None and named * 2 < total) or explains
            if sparse and not legend and title_col is not None and named == len(block) == total and \
                    all(isinstance(t, str) and _signed_line(t) for t in titles):
                legend_block(block)  # "Prepared by: J. Smith" alone between blank rows: the table's note
                return
            if sparse and not legend and not final and title_col is not None and named == len(block) == total:
                # records written with their title alone between blank rows ("Item" filled, "comments" and
                # "Status" not yet): a legend only if no record of the table follows (classes88)
                sparse_blocks.append(list(block))
                return
            if not legend and not sparse:
                sparse_blocks.clear()  # records of the table follow: the sparse blocks above were records too
                return
            if final:  # no record of the table came after them: the sparse blocks are the legend's too
                for earlier in sparse_blocks:
                    legend_block(earlier)
                sparse_blocks.clear()
            legend_block(block)

        def legend_block(block: list[int]) -> None:
            for i in block:
                report = plan.rows[i].report
                self._forget_unplaced(plan, plan.rows[i])
                plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                    "below the table: a legend or notes, not a record."))
                self._unclaim(reg, report.code)
                if i in opened:  # the line that opened it is part of the same legend
                    at = opened[i]
                    plan.rows[at] = PlannedRow(RowReport(plan.sheet, plan.rows[at].report.row, Action.SKIP, "",
                                                         "below the table: a legend or notes, not a record."))
            # the lines that went on with one of them belong to the same legend
            gone = tuple(f"continues the record of row {plan.rows[i].report.row} " for i in block)
            for k in range(min(block) + 1, len(plan.rows)):
                report = plan.rows[k].report
                if report.action is Action.SKIP and report.reason.startswith(gone):
                    plan.rows[k] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                        "below the table: a legend or notes, not a record."))

        value_cols = {c for c, f in fields if not (f.kind.free_text or f.kind.refers)}
        rating_cols = {c for c, f in fields if f.kind is Kind.SCALE}
        text_cols = {c for c, f in fields if f.kind.free_text and not f.kind.is_key} | set(self._responses)
        # a title cell holding only its template's label ("Issue Description  |", the header's own "Description"):
        # the row is titled by the next text column instead (classes92)
        self._label_title = (title_col, _label_keys(reg.name, headers, title_col),
                             sorted((text_cols | set(plan.extras)) - {title_col}, key=lambda c: (c < title_col, c))) \
            if title_col is not None and parent_reg is None else None
        self._label_titled: Counter[tuple[str, int]] = Counter()
        first_block = True
        # records written as blocks of rows (an OWASP rating: the threat, its ratings and plan on the first row,
        # its description under the name, a factor a row below): decided once a sheet (classes91a)
        blocks_of_rows = title_col is not None and parent_reg is None and _records_in_blocks(
            _first_rows(kept, reader, header_row, width), title_col, code_col, mapped_cols, set(plan.extras),
            reader.merged_down)
        answer_col = _is_it_one_column(headers, mapping, reg.name)  # "Riesgo S/N": rows answered no are none
        no_words = {k for k, t in value_words("bool").items() if t == "false"}
        # "Rule | Issue | Count | Severity | Status" over PASS, PASS …: an audit's checks, a row that passed none
        passed_col = _checks_column(reader, header_row, width, headers) \
            if reg.name == "issues" and not _defects_by_their_ids(headers, mapping) else None
        passed_words = {k for k, t in value_words("check_result").items() if t == "passed"}
        # ordinary rows (``_plan_ordinary``) where the sheet has nothing that needs the row-by-row steps
        # below: no child sheet, no RAID filter, no tick or engagement columns, no response plans, no
        # columns kept in the notes (but a column of choices kept too: ``_plan_ordinary`` keeps a word read as
        # another choice in the notes as the full way does), no title made of other columns
        # and no constant of the sheet
        ordinary = (self.ordinary_rows and parent_reg is None and row_filter is None and not self._ticks
                    and self._per_cent is None
                    and not self._engaged and not self._responses and self._title_from is None
                    and not self._strategy_led
                    and not plan.extras.keys() - self._field_and_notes.keys()
                    and not self._verdict_titled
                    and answer_col is None and passed_col is None and not self._constants and key is not None and code_col is not None
                    and self._block_project is None and self._coded_title is None
                    and title_col is not None
                    and code_col != title_col and bool(self._steps))
        # the columns of choices kept in the notes, in the order the full way writes their lines (plan.extras'),
        # each with what its words were found to note, per word (``_kept_line``)
        self._kept_columns: list[tuple[int, str, str, dict[Any, tuple[Any, tuple[str, str, str] | None]]]] = [
            (c, self._field_and_notes[c], str(plan.extras[c]), {}) for c in plan.extras
            if c in self._field_and_notes] if ordinary else []
        spread = self._spread_columns(reader, header_row, mapping, reg)
        # a person's name in two columns (header_detection.FIRST_NAME): one name, first name first
        first_name = next((c for c, n in mapping.items() if n == FIRST_NAME), None)
        name_col = next((c for c, n in mapping.items() if n == "name"), None)
        # a row filling a column with no header goes the full way, which keeps the value in the notes
        # (a data row is as wide as the header, which spans these columns)
        unheaded_cells: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None
        if len(self._unheaded) > 1:
            unheaded_cells = itemgetter(*self._unheaded)
        elif self._unheaded:
            unheaded_cells = itemgetter(slice(next(iter(self._unheaded)), next(iter(self._unheaded)) + 1))
        spelt, in_key = spelled or ({}, set())
        for c, by_code in list(self._ratings_by_reference.items()):
            if c in mapping and c in spelt:  # a plan's reference reads as its text: its ratings found by the text
                self._ratings_by_reference[c] = {**by_code, **{text.casefold(): by_code[k]
                                                               for k, text in spelt[c].items() if k in by_code}}
        # a column kept in the notes without a header of its own groups the rows (importer._extras): each of
        # its labels holds for the rows under it, until the next
        carried = {c: None for c in plan.extras if c >= len(headers) or not headers[c]}
        grouped: dict[int, Any] = {}
        # columns with no header holding their left neighbour's values one cell too far right (ShiftedColumn)
        shifted = {c: h.into for c, h in self._unheaded.items() if isinstance(h, ShiftedColumn)}
        moved: Counter[int] = Counter()
        if kept is not None:
            for c in _group_columns(kept, headers, mapping, plan.extras):
                if c not in carried:
                    grouped[c] = None
                    head = plan.extras.get(c) or (headers[c] if c < len(headers) and headers[c] else
                                                  reg.field(mapping[c]).label)
                    plan.say(f"{' '.join(str(head).split())}: blank cells take the value above them, "
                             "as the sheet groups its rows.")
        self._codes_said = {}
        # an empty template's header, its own cells merged down over the lines below it ("No" over three lines,
        # its bands and sub-labels beside) and nothing under those lines: the lines are the header's, however they
        # read (round 51: a risk app's import template gave two risks, "Kerentanan" and "Keterangan"). Only when
        # nothing follows them: read with rows below, a city inspectorate's forms (round 49) came in with their
        # conclusions forms as risks, which its refusal spares the user until that class is done (left49b)
        header_down = max((r2 for r1, _c1, r2, _c2 in reader.merged_ranges() if r1 == header_row and r2 > r1),
                          default=header_row)
        if header_down > header_row and (kept is None or any(
                n > header_down and r.count(None) != len(r) for n, r in kept)):
            header_down = header_row
        # a row lettering or numbering the columns ("a | b | … | k", "1 | 2 | … | 24") a line or three under the
        # header found is the form's column key, which closes its header: the lines between are the header's lower
        # lines ("Risiko" under "Kode", a sub-label row), not records, whatever they read as (classes53b: a city
        # inspectorate's forms, round 49, gave "Uraian" and the key "a | b | …" as risks, and two forms' "a"
        # refused the workbook). Looked for once a sheet, in the rows the header's own lines could reach.
        under = kept[:KEY_ROW_REACH] if kept is not None else [
            (header_row + 1 + k, tuple(r)) for k, r in
            enumerate(reader.top_rows(fill_merged=False)[header_row:header_row + KEY_ROW_REACH])]
        key_row = next(((n, counted) for n, r in under if n <= header_row + KEY_ROW_REACH and
                        (counted := counts_the_columns(r))), None)
        if key_row is not None:
            header_down = max(header_down, key_row[0])
        repeated_at = -KEY_ROW_REACH - 1  # the last row writing the header again
        # the key's rows, found once with the sheet's columns (``_column_profiles``); a sheet too long to hold
        # looks at each row's title below the records
        key_rows = self._key_rows
        no_one_cols = self._no_one_cols
        untitled: dict[int, tuple[tuple[Any, ...], list[int]]] = {}  # row → its cells, no title (_default_rows)
        only_titled: dict[str, int | None] = {}  # the one row naming anything, once asked (_lone_titled_row)
        for number, row in kept if kept is not None else reader.data_rows(header_row + 1, width, self._past):
            if number <= header_down and last_record is None:
                if key_row is not None and number == key_row[0]:
                    skip(number, "the columns' numbers under the header (a form numbering its columns), not a record."
                         if key_row[1] == "number" else
                         "the columns' letters under the header (a form lettering its columns), not a record.")
                elif row.count(None) != len(row):
                    skip(number, "a lower line of the header (the header's cells are merged down over it), "
                                 "not a record." if key_row is None or header_down > key_row[0]
                         else "a lower line of the header (over the row lettering or numbering its columns), "
                              "not a record.")
                continue
            if other_table is not None:
                if row.count(None) != len(row):
                    skip(number, f"in the table under row {other_table}'s own header, not a {reg.noun}.")
                continue
            if self._matrix_at is not None and number >= self._matrix_at:
                if row.count(None) != len(row):
                    skip(number, "below the table: a probability–impact matrix (its axes and scores), not a record.")
                continue
            if (number in key_rows) if key_rows is not None else (
                    last_record is not None and title_col is not None and _rating_key(reg.name, row, title_col)):
                # "Probability | 1 = rare | 5 = almost certain" under the risks: the sheet's key to a rating,
                # its text in the title column, no risk named "Probability" (walk40)
                skip(number, f"a key to the ratings, not a {reg.noun}.")
                continue
            starts = number  # the row this row's text starts on (a lone text above may open it)
            if spread:
                row = _gathered(row, spread)
            if first_name is not None:
                row = _full_name(row, first_name, name_col)
            if carried:
                row = self._carried(row, carried)
            if grouped:
                row = _grouped(row, grouped)
            if shifted:
                row = _shifted(row, shifted, moved)
            if spelt:
                written_codes = row
                row = _spelt(row, {c: m for c, m in spelt.items() if (number, c) not in in_key})
                # a field's code is kept in the notes beside what it means: the office's list may merge two
                # meanings ("Human Resources Internal" and "… External" are both People), the code tells them apart
                self._codes_said[number] = [
                    f"{headers[c] if c < len(headers) and headers[c] else reg.field(mapping[c]).label}: "
                    f"{code_text(written_codes[c])} ({row[c]})"
                    for c in sorted(spelt) if c in mapping and c < len(row) and row[c] is not written_codes[c]]
            # a "[placeholder]" cell: looked for cell by cell only in a row holding a "[" at all, found by one
            # search of its texts joined in C (the generator over every cell was 2.7 % of a 10,000-row import)
            texts = "".join(filter(_IS_STR, row))
            if might_be_unfilled(texts) and (template := unfilled_template(row)) is not None:
                # an automation's or a template's row of placeholders alone: nothing written (unfilled_templates)
                skip(number, unfilled_reason(template, unfilled[0] if unfilled else None))
                unfilled.append(number)
                continue
            if numbered_rows and number in numbered_rows:
                skip(number, f"a template's numbered placeholders ({numbered_rows[number]}: a word and the row's "
                             "number in each text cell), not a record.")
                continue
            if lone_project is not None:
                filled_row = any(x is not None and (not _IS_STR(x) or x.strip()) for x in row)
                gap, before = number > before + 1, number if filled_row else before
                if lone_project < len(row) and _IS_STR(row[lone_project]) and \
                        all(x is None or (_IS_STR(x) and not x.strip()) for c, x in enumerate(row) if c != lone_project):
                    name = " ".join(row[lone_project].split())
                    skip(number, f"“{name[:60]}” after a gap, alone on its row: a section's caption over the projects "
                                 "below it, not a project." if gap else
                         f"nothing reported of “{name[:60]}” (its status cell is empty): no status report made.")
                    continue
            if might_be_marked(texts) and (mark := example_mark(row)) is not None:
                # "(Example only)", "— example only": the template's example row, however real its cells look
                skip(number, f"marked as the template's example (“{mark[:40]}”), not a record.")
                continue
            if ("[" in texts or "(" in texts) and (tagged := _example_tag(
                    row, row[title_col] if title_col is not None and title_col < len(row) else None)) is not None:
                # "[Example] Supplier goes bankrupt", "… (Beispiel)": the template's tag on its worked example
                skip(number, f"marked as the template's example (“{tagged}”), not a record.")
                continue
            if ("(" in texts or "[" in texts) and title_col is not None and title_col < len(row) and \
                    (closing := _closing_tag(row[title_col])) is not None:
                tags_kept.append(closing)  # "… (sample)" beside real cells: a record whose title ends so (left61)
            if self._named_by_role and title_col is not None and title_col < len(row) and \
                    row[title_col].__class__ is str and _NAME_PLACEHOLDER_RE.fullmatch(row[title_col]):
                # "[Stakeholder A]", "<Name>", "(name)" in the name column beside a real role: a template's name
                self._placeholder_names[number] = " ".join(row[title_col].split())
                row = (*row[:title_col], None, *row[title_col + 1:])
            if "[" in texts and any(x.__class__ is str and x.startswith("[") for x in row):
                if code_col is not None and code_col < len(row) and row[code_col].__class__ is str and \
                        (bracketed := _BRACKETED_ID_RE.fullmatch(row[code_col])):
                    row = (*row[:code_col], bracketed.group(1), *row[code_col + 1:])
                blanked = tuple(None if x.__class__ is str and _PLACEHOLDER_RE.fullmatch(x) else x for x in row)
                if blanked != row and any(x is not None and (x.__class__ is not str or x.strip()) for x in blanked):
                    placeholders.extend(x for x, y in zip(row, blanked) if y is None and x is not None)
                row = blanked
            # a person's cell naming no one ("N/A", "TBD", "?"), before the template's fillers are blanked ("-",
            # "Unassigned" as owner counted too); tested in the loop, not a call a row: most rows name someone
            for c in no_one_cols:  # under its header: "No assignee" under "Assignee" names no one (classes69c)
                if c < len(row) and (x := row[c]).__class__ is str and \
                        (said := no_one_said(x, headers[c] if c < len(headers) else None, reg.name)) is not None:
                    row = self._naming_no_one(row, c, x, number if said == KEPT else None)
            if not _NOTHING_WRITTEN.isdisjoint(row):
                row = tuple(None if x in _NOTHING_WRITTEN else x for x in row)
            if engage_row is not None:
                row = self._labelled_marks(row, engage_row)
            if self._group_cols:  # a group written once over its records (group_lists): each row takes the one above
                row, alone = self._carry_group(row)
                if alone is not None:
                    skip(number, f"a group's label (“{alone}”) with no record beside it, not a record.")
                    continue
            tick += 1
            if tick % TICK == 0:
                self._tick()
            renamed: str | None = None
            if header_probe is not None and header_probe[0] < len(row) and row[header_probe[0]].__class__ is str \
                    and (header_probe[1] in (probed := row[header_probe[0]]) or len(probed) <= probe_size and
                         probe_folded in " ".join(probed.split()).casefold()) \
                    and _repeats_header(row, header_cells, headers) or \
                    renamed_probe is not None and renamed_probe[0] < len(row) and \
                    row[renamed_probe[0]].__class__ is str and \
                    same_label(row[renamed_probe[0]], renamed_probe[1]) and \
                    (renamed := _renamed_header(row, header_cells, header_probe, headers)) is not None and \
                    word_key(renamed) not in field_keys(kind) and \
                    _other_side(reg, kind, row, mapping, title_col) is None:
                # (a label the register's header words read, "Threat", "Oportunidades": the register's own other
                # table or side, told by the rules below — classes85, fault73)
                caption: str | None = None  # the caption of the table under the header written again, if any
                if blank_run and not first_block and 0 < len(block) <= 2 and table_widths and all(
                        2 <= widths.get(i, 0) and widths.get(i, 0) * 2 <= sorted(table_widths)[len(table_widths) // 2]
                        for i in block):
                    # a row or two standing alone between a gap and the header written again, far sparser than
                    # the table's rows: the caption of the table below ("Risikoplan 2 for | Gruppe 37" over a
                    # team's second risk plan), not a record (round 55 read two such captions as risks). A row
                    # filling its name alone is a heading over the rows below, said so (``_skip_headings``)
                    caption = caption_text(last_record[2]) if last_record is not None and \
                        last_record[0] == block[-1] else None
                    for i in block:
                        report = plan.rows[i].report
                        self._forget_unplaced(plan, plan.rows[i])
                        plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                            "the caption of the table below it (over the header "
                                                            "written again), not a record."))
                        self._unclaim(reg, report.code)
                    block = []
                elif blank_run and not first_block and len(block) == 1 and widths.get(block[0], 0) == 1 and \
                        last_record is not None and last_record[0] == block[0]:
                    # one cell alone over the header written again ("Baseline", "As at 30/06/2024"): a heading
                    # (``_skip_headings`` says so), and the caption placing the table below among the others
                    caption = caption_text(last_record[2])
                if blank_run:  # the table goes on under its repeated header: no gap closes it
                    span = f"row {blank_run[0]}" if len(blank_run) == 1 else f"rows {blank_run[0]}–{blank_run[-1]}"
                    skip(blank_run[0], f"blank spacer ({span}).")
                    blank_run = []
                skip(number, "a repeat of the header (the table's column names written again), not a record." if
                     renamed is None else f"the header written again, its first column naming the rows below "
                     f"“{renamed}”: the table's column names, not a record.")
                part[0] += 1
                repeated_at = number
                self._later_table = caption if comes_after(caption, self._captions) else None
                self._earlier_table = caption if self._later_table is None and \
                    comes_before_first(caption, self._first_caption) else None
                self._captions.append(caption)
                self._table_caption = caption
                continue
            # a title an earlier record has: the row goes the full way, which looks for a copy (below)
            earlier = titled.get(row[title_col].strip()) if titled and title_col is not None and \
                title_col < len(row) and row[title_col].__class__ is str else None
            if last_record is not None and parent_reg is None and (number == gap_caption + 1 or blank_run) and \
                    wider_header(whole := _with_past(row, self._past.get(number)), headers) and \
                    not self._filled_above(reader, kept, header_row, width, number, unheaded_filled(whole, headers)):
                # after a gap (and a caption), "Phase | Task / Activity | PM | PO | TI" wider than the roles table's
                # header: a table of its own (a RACI of the tasks) begins, the register ends (classes89)
                if blank_run:
                    span = f"row {blank_run[0]}" if len(blank_run) == 1 else f"rows {blank_run[0]}–{blank_run[-1]}"
                    skip(blank_run[0], f"blank spacer ({span}).")
                    blank_run = []
                labels = " | ".join(str(x).strip() for x in whole if x is not None and str(x).strip())
                captioned = f", under its caption on row {gap_caption}" if number == gap_caption + 1 else ""
                skip(number, f"the header of another table under the {reg.title.lower()} (“{labels[:80]}”){captioned}: "
                             f"wider than the sheet's header, it and the rows under it are not {reg.name}, not "
                             "imported.")
                plan.say(f"The {reg.title.lower()} ends above row {gap_caption if captioned else number}: a table of its "
                         f"own follows under a wider header (“{labels[:60]}”), its rows not read as {reg.name}.")
                other_table = number
                continue
            if ordinary and earlier is None and last_record is not None and not blank_run and \
                    self._side_from is None and \
                    number not in merged_title and number not in self._no_one_kept and \
                    len(plan.rows) - 1 not in notes and \
                    (unheaded_cells is None or unheaded_cells(row).count(None) == len(self._unheaded)) and \
                    number not in self._past:
                done = self._plan_ordinary(plan, reg, number, row, code_col, title_col, strict_refs,  # type: ignore[arg-type]
                                           repeated, seen_rows)
                if done is not None:
                    block.append(len(plan.rows))
                    widths[len(plan.rows)] = done[1]
                    if done[1] == 1:
                        lone[len(plan.rows)] = next(x for x in row if x is not None and str(x).strip())
                    if not first_block and any(x.__class__ is str and word_key(x) in own_headers for x in row):
                        defining.add(len(plan.rows))
                    if first_block:
                        table_widths.append(done[1])
                        first_raws[len(plan.rows)] = (number, row)
                    last_record = (len(plan.rows), number, row)
                    record_end[0] = number
                    if parent_reg is None and title_col is not None:  # (the fast way's title is a text)
                        titled.setdefault(row[title_col].strip(), (len(plan.rows), number, row, part[0]))
                    plan.rows.append(done[0])
                    continue
            filled = [c for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip())]
            if title_col is not None and parent_reg is None and filled and title_col not in filled:
                untitled[number] = (row, filled)  # may hold only a template's defaults (_default_rows)
            if not filled:
                if number in self._past and (lone_values := self._past_values(plan, number)):
                    # said, not lost unsaid: a lone value far right of the table, on a row of no record
                    skip(number, f"only “{'; '.join(lone_values)}” is filled, past the table's columns: not a record.")
                if data_started:
                    blank_run.append(number)
                continue
            after_gap = bool(blank_run) or (len(plan.rows) - 1 in notes)
            if blank_run:
                span = f"row {blank_run[0]}" if len(blank_run) == 1 else f"rows {blank_run[0]}–{blank_run[-1]}"
                skip(blank_run[0], f"blank spacer ({span}).")
                blank_run = []
                if not first_block:
                    close_block()
                block_sizes.append(len(block) + continued[0])
                one_a_block[0] += 1
                one_a_block[1] = bool(one_a_block[1] and len(block) == 1)
                first_block = False
                block = []
                continued[0] = 0
                part[0] += 1
            data_started = True
            if lone_group is not None:
                # a group written alone, then another group under it: nothing stood under the first, so it was no
                # heading but a stakeholder named by its group ("投资方", investors, over "公司高层"; left57)
                at, lone_number, lone_row = lone_group
                lone_group = None
                if self._label_cols[0] < len(row) and (label := row[self._label_cols[0]]).__class__ is str and \
                        label.strip() and label.strip() != str(lone_row[self._label_cols[0]]).strip():
                    planned = self._plan_row(plan, reg, parent_reg, lone_number, lone_row, fields, code_col,
                                             parent_col, strict_refs, title_col)
                    if planned.report.action is Action.INSERT:
                        plan.rows[at] = planned
                        self._alone_groups.append(lone_number)
            if after_gap and last_record is not None and parent_reg is None and self._side_from is None and \
                    (side := _other_side(reg, kind, row, mapping, title_col)) is not None:
                # "Opportunity | Likelyhood | Impact (best case) | Action taken" under the threats: the same
                # register's other side, its own table — its rows are risks of that kind (classes85)
                labels = " | ".join(str(x).strip() for x in row if x is not None and str(x).strip())
                skip(number, f"the header of the {side.lower()} table under the {reg.title.lower()} (“{labels[:80]}”): "
                             f"the rows under it are read as {reg.name} of kind {side}.")
                plan.say(f"The rows under the second header (row {number}, “{labels[:60]}”) are the sheet's "
                         f"{side.lower()} side: read as {reg.name} of kind {side}.")
                self._side_from = (number, side)
                continue
            if after_gap and last_record is not None and parent_reg is None and another_header(row, fields, headers):
                # "UC | Name | Documentation [h] | …" under the risks: another table begins, the register ends
                labels = " | ".join(str(x).strip() for x in row if x is not None and str(x).strip())
                skip(number, f"the header of another table under the {reg.title.lower()} (“{labels[:80]}”): it "
                             f"and the rows under it are not {reg.name}, not imported.")
                other_table = number
                continue
            if earlier is not None and earlier[3] < part[0] and \
                    self._copy_of(plan, reg, number, row, earlier, code_col, headers, repeated_at > earlier[1],
                                  earlier[0] in went_on):
                continue
            if in_key and last_record is not None and all((number, c) in in_key for c in filled):
                # "1 | Disaster", "FF4 | Human Resources Internal" under the table: the key spelling out a column
                skip(number, "a key of the sheet (codes and what they mean), not a record.")
                continue
            if lead is not None and not after_gap and last_record is None or \
                    lead is not None and not after_gap and last_record is not None and last_record[0] < lead[0]:
                # a text opening the block over the record's row (a cell's wrapped lines centred on the record,
                # "SOLICITAR DIVIDIR EL DEPARTAMENTO" over "DE SISTEMAS PARA ACOMODAR EL RACK"): its first line
                at, lead_number, lead_row = lead
                lead_reasons[at] = plan.rows[at].report.reason
                row = tuple(b if a is None else (a if b is None else (
                    f"{str(a).rstrip()}\n{b}" if isinstance(a, str) and isinstance(b, str) else b))
                    for a, b in zip(lead_row, row))
                plan.rows[at] = PlannedRow(RowReport(plan.sheet, lead_number, Action.SKIP, "",
                                                     f"opens the record of row {number} (its text goes on over "
                                                     "several rows)."))
                starts = lead_number
                opened[len(plan.rows)] = at  # the record planned next
                filled = [c for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip())]
            lead = None
            if row_filter is not None:
                elsewhere = row_filter(row)
                if elsewhere:
                    skip(number, elsewhere)
                    plan.rows[-1].elsewhere = True
                    continue
            if (answer_col is not None and answer_col < len(row) and row[answer_col].__class__ is str
                    and word_key(row[answer_col]) in no_words):
                skip(number, f"marked “{row[answer_col].strip()}” under “{_one_line(headers[answer_col])}”: "
                             f"the sheet says it is not one of its {reg.name}, not a record.")
                continue
            if passed_col is not None and passed_col < len(row) and row[passed_col].__class__ is str \
                    and word_key(row[passed_col]) in passed_words:
                skip(number, f"a check that passed (“{row[passed_col].strip()}” under "
                             f"“{_one_line(headers[passed_col])}”): nothing is at issue, not an issue.")
                continue
            if last_record is None and _guidance(row, filled):
                skip(number, "guidance on filling in the template (“Enter …”, “From … Form”), not a record."
                     if all(row[c].__class__ is not str or row[c].isascii() for c in filled) else
                     f"guidance on filling in the template (“{_one_line(v.parse_text(row[filled[0]]))[:40]}”, …), "
                     "not a record.")
                continue
            if last_record is None and \
                    explains_the_columns([(row[c], headers[c] if c < len(headers) else None) for c in filled]) and \
                    number == (only_titled["row"] if "row" in only_titled else
                               only_titled.setdefault("row", _lone_titled_row(kept, reader, header_row, width, title_col))):
                skip(number, f"a row that explains what each column holds (“{_one_line(v.parse_text(row[filled[0]]))[:40]}”"
                             ", …) under an empty template's header, not a record.")
                continue
            if last_record is None and _hint_row(row, filled, headers):
                skip(number, "the template's hint of what to write in each column (each cell its column's header "
                             "and more words), not a record.")
                continue
            marked = code_col if code_col is not None else (filled[0] if filled[0] != title_col else None)
            if marked is not None and marked in filled and _example(row[marked]):
                skip(number, f"the template's worked example (“{v.parse_text(row[marked])[:40]}”), not a record.")
                continue
            if (unheaded_cols or number in self._past) and (bare := _bare_example(
                    [(c, row[c]) for c in filled if c in unheaded_cols] +
                    [(c, x) for c, x in self._past.get(number, {}).items()
                     if c not in plan.ignored and (number, c) not in self._in_key])) is not None:
                # "Example" alone in a column with no header beside the table: the template marking its example
                # row, however real its cells look (template_rows.example_mark needs a phrase; this is the word)
                skip(number, f"marked as the template's example (“{bare[1]}” alone in column {column_letters(bare[0])}, "
                             "which has no header), not a record.")
                continue
            if title_col is not None and title_col in filled and (
                    _example_title(row[title_col], reg.name) or
                    (last_record is None and _example_lead(row[title_col]))):
                skip(number, f"the template's worked example (“{v.parse_text(row[title_col])[:40]}”), not a record.")
                continue
            if last_record is None and title_col is not None and title_col in filled and \
                    _guidance_title(row[title_col], headers[title_col] if title_col < len(headers) else None):
                skip(number, f"the template's prompt (“{v.parse_text(row[title_col])[:40]}”) where a record's "
                             "title goes, not a record.")
                continue
            # a rating's 0 is the row not rated (zero_ratings): a template row of 0s names no record
            mapped_filled = [c for c in filled if c in mapped_cols and not (c in zero_rated and _zero(row[c]))]
            if checklist and title_col in mapped_filled and set(mapped_filled) <= {title_col, code_col}:
                # a checklist's prefilled item, its name and number only: nobody assessed it (checklist_titles)
                skip(number, f"a checklist item nobody assessed (only its name “{v.parse_text(row[title_col])[:40]}” "
                             "and its number are filled), not a record.")
                continue
            has_key = any(c in (code_col, title_col, parent_col) for c in mapped_filled)
            label_field = self._labelled_field(reg, row[title_col]) \
                if title_col is not None and code_col is not None and last_record is not None and not after_gap \
                and parent_reg is None and title_col in filled and title_col + 1 in filled \
                and last_record[2][code_col] is not None \
                and (code_col not in filled or row[code_col] == last_record[2][code_col]) else None
            if label_field is not None:
                # "Серьёзность | Minor", "Приоритет | Low" under a bug's title, no ID of their own (or its ID merged
                # down over them): a field of the
                # record above written as its label where titles go and its value in the next cell (a tester's bug
                # report, each bug over several rows, its steps going on below), not a record titled by the label
                # (round 63: 10 issues titled "Серьёзность"). The value is the field's when it reads as one and the
                # field is not given yet; else "label: value" is kept with the record's other text
                assert title_col is not None and last_record is not None
                label, given = _one_line(row[title_col]), row[title_col + 1]
                value = self._pair_value(reg, label_field, _one_line(given))
                placed = labelled_values.setdefault(last_record[0], {})
                taken = label_field in placed or plan.rows[last_record[0]].values.get(label_field) is not None
                if value is not None and not taken:
                    placed[label_field] = value

                def labelled(c: int, a: Any, b: Any, label: str = label, kept: bool = value is None or taken) -> Any:
                    if c == title_col:
                        return a
                    if b is None or b.__class__ is str and not b.strip() or a == b:
                        return a  # (a cell merged down over the record's rows says its text once)
                    if c == title_col + 1:
                        b = f"{label}: {_one_line(b)}" if kept else None
                        if b is None:
                            return a
                    if a is None or a.__class__ is str and not a.strip():
                        return b
                    return f"{a}\n{b}" if isinstance(a, str) and isinstance(b, str) else a

                continue_record(number, row, labelled, f"“{label}” beside its value: a field of that record")
                continue
            if last_record is not None and parent_reg is None and title_col not in filled and \
                    (code_col is None or code_col not in filled) and number - 1 in (record_end[0], filled_down[0]) and \
                    (default := _filled_down(row, filled, last_record[2])) is not None:
                # "D" alone in the priority column on every row under the last risk: a list's default dragged down
                # the sheet, not more of that record's text (unseen set 91: fourteen lines "D" in one risk's notes)
                filled_down[0] = number
                skip(number, f"only “{default}” in column {column_letters(filled[0])}, as on the row above: a value "
                             "filled down below the table (a list's default), not a record's text.")
                continue
            # right under the record: a sign-off block below a form ("Risk Assessment Validation", "I confirm
            # that …"), rows of notes and blanks away from the last risk, goes on with no record
            if not mapped_filled and last_record is not None and not after_gap and parent_reg is None and \
                    starts == record_end[0] + 1 and all(c in plan.extras and row[c].__class__ is str and last_record[2][c].__class__ is str
                        and written_number(row[c]) is None for c in filled):
                # only text in columns kept in the notes, right under a record whose same cells hold text: that
                # text's last line ("CÁMARAS DE SEGURIDAD," "TUBERIAS, CAJAS DE" then "REGISTRO"), not a note. A
                # number written as text is no line of a text: a CSV's "0 | 0 | 0" of formulas under the table
                # (as its workbook's numbers 0 are) is no record's (formats55: 800 zeros in one risk's notes)
                continue_record(number, row, lambda _c, a, b: a if b is None else (b if a is None else (
                    f"{a}\n{b}" if isinstance(a, str) else a)), "its text goes on over several rows")
                continue
            if last_record is not None and not after_gap and parent_reg is None and starts == record_end[0] + 1 and \
                    len(filled) >= 3 and title_col not in filled and (code_col is None or code_col not in filled) and \
                    filled[0] < len(last_record[2]) and next_step(last_record[2][filled[0]], row[filled[0]]):
                # "3. | Click Registration | the account is made | … | a screenshot's link" right under a bug whose
                # same column numbered "1.", "2.": the record's next step with its results (step_rows), not a
                # section heading — its number goes on with the record's; the cells join the record's, one a line
                step = filled[0]

                def next_step_cell(c: int, a: Any, b: Any, step: int = step) -> Any:
                    if a is None or b is None:
                        return b if a is None else a
                    return f"{v.parse_text(a)}\n{v.parse_text(b)}" if c == step or isinstance(a, str) else a

                continue_record(number, row, next_step_cell,
                                f"its step {v.parse_text(row[step])} with its results, one step a row")
                continue
            if len(filled) >= 2 and filled[0] not in mapped_cols and filled[1] not in mapped_cols and \
                    title_col not in filled and (last_record is None or number - 1 in (record_end[0], heading_end[0])) and \
                    (code_col is None or code_col not in filled) and parent_reg is None and \
                    (heading := section_number(row[filled[0]])) and \
                    row[filled[1]].__class__ is str and len(re.findall(r"[^\W\d_]", row[filled[1]])) >= 3:
                # "1 | Kegiatan Penyelenggaraan Pengawasan …", "A. | Program …": a form's section (an activity, a
                # program) numbered before its name, the risks under it coded on rows of their own; its number
                # and name in columns kept in the notes, no title and no ID (classes55b: round 49's inspectorate,
                # 13 such rows were left out "Title cannot be empty", the section numbers taken for the IDs). A
                # number beside ratings ("1 | High | High", a template's numbered row) names no section, nor does
                # a numbered list below the records, past a blank row or a note ("A. | Risk Velocity": columns to
                # add): a heading stands right under a record or another heading, or heads the table
                skip(number, f"a section heading (“{heading}”, then its name), not a record.")
                heading_end[0] = number
                continue
            if not mapped_filled:
                if (after_gap or last_record is None) and parent_reg is None and len(filled) == 1 and \
                        filled[0] in plan.extras:
                    lead = (len(plan.rows), number, tuple(row))  # may open the record below it
                skip(number, "no values in the imported columns (a note or a total, not a record).")
                continue
            first_text = v.parse_text(row[filled[0]])
            if title_col is not None and title_col in filled and parent_reg is None and \
                    word_key(row[title_col]) in value_words("nothing"):
                skip(number, f"its title says there is nothing (“{v.parse_text(row[title_col])[:20]}”), not a record.")
                continue
            if len(filled) <= 2 and any(_COPYRIGHT_RE.search(v.parse_text(row[c])) for c in filled):
                skip(number, f"a copyright notice, not a record (“{v.parse_text(row[filled[-1]])[:40]}”).")
                continue
            if _TOTAL_RE.match(first_text) and (title_col is None or filled[0] != title_col or len(first_text) < 20):
                skip(number, f"a total, not a record (“{first_text[:40]}”).")
                continue
            if len(filled) == 1 and filled[0] == first_col and first_col != title_col and \
                    not (first_col in (code_col, parent_col) and _looks_like_code(row[first_col])):
                if after_gap:
                    gap_caption = number
                first_notes[len(plan.rows)] = v.parse_text(row[first_col])
                skip(number, f"a note, not a record (only “{v.parse_text(row[first_col])[:40]}” in the first column).")
                continue
            if parent_reg is None and code_col is not None and code_col in filled and \
                    all(c == code_col or (c not in mapped_cols and c not in plan.extras) or _zero(row[c])
                        or row[c] == row[code_col] for c in filled):
                # zeros: formulas of the empty row ("Gesamt" = 0); its number repeated by a formula
                skip(number, f"an empty template row (only its number “{v.parse_text(row[code_col])}” is filled).")
                continue
            if parent_reg is None and code_col is not None and code_col in filled and title_col is not None and \
                    title_col not in filled and last_record is not None and \
                    _default_copied_down(row, filled, code_col, last_record[2]):
                skip(number, f"an empty template row (only its number “{v.parse_text(row[code_col])}” and the "
                             "value the template writes on every row are filled).")
                continue
            if blocks_of_rows and title_col is not None and last_record is not None and not after_gap and \
                    starts == record_end[0] + 1 and title_col in filled and \
                    all(c == title_col or c not in mapped_cols or reader.merged_down(number, c) for c in filled) and \
                    not reader.merged_down(number, title_col) and \
                    any(c in mapped_cols and c not in (title_col, code_col) and x is not None and str(x).strip()
                        for c, x in enumerate(last_record[2])):
                # a sheet of records written as blocks: a text under the name, none of the record's own fields
                # beside it (its ratings, its plan: on the block's first row), is the record's description (the
                # threat's, under its name) going on with it, not a record of its own; kept in its notes
                described_below[last_record[0]] = row[title_col]
                continue_record(number, row, lambda c, a, b: a if c == title_col or b is None or b == a else (
                    b if a is None else (f"{a}\n{b}" if isinstance(a, str) else a)),
                    "a block of rows names one record on its first row; this row's text under the name describes it")
                continue
            if title_col is not None and last_record is not None and not after_gap and parent_reg is None and \
                    len(filled) == 1 and filled[0] == title_col and table_widths and min(table_widths) >= 3 and \
                    _wrapped(last_record[2][title_col], row[title_col]):
                # the title's sentence goes on in the cell below, nothing else filled: one record
                # ("… forgets password, there" then "should be an option to change password.")
                continue_record(number, row, lambda c, a, b: f"{a.rstrip()} {b.strip()}" if c == title_col else a,
                                "its title goes on in the row below")
                continue
            if title_col is not None and last_record is not None and not after_gap and parent_reg is None and \
                    one_a_block[0] >= 1 and one_a_block[1] and len(block) == 1 and block[0] == last_record[0] and \
                    (code_col is None or (code_col not in filled and last_record[2][code_col] is None)) and \
                    not any(c in value_cols or c in person_cols for c, x in enumerate(last_record[2])
                            if x is not None and str(x).strip()) and \
                    any(c in value_cols for c in filled):
                # records stand one a block parted by empty rows, and this block's first row held only texts
                # (capitals wrapped over two rows: "SERVIDOR NAS CON POCO ESPACIO" over "DE ALMACENAJE
                # RESTANTE" beside the status, the owner, the date): both rows are one record
                continue_record(number, row, lambda c, a, b: b if a is None else (a if b is None else (
                    (f"{a.rstrip()} {b.strip()}" if c == title_col else f"{a.rstrip()}\n{b}")
                    if isinstance(a, str) and isinstance(b, str) else b)),
                    "its texts go on in the row below, beside the record's other fields")
                continue
            # a row of its own whose title cell was left empty, under a record of a log with no ID column
            untitled_own = title_col is not None and last_record is not None and not after_gap and \
                parent_reg is None and code_col is None and bool(self._untitled_from) and \
                starts == record_end[0] + 1 and title_col not in filled and \
                _untitled_own(row, filled, last_record[2], title_col, self._untitled_from[0],
                              text_cols | set(plan.extras))
            if title_col is not None and last_record is not None and not after_gap and parent_reg is None and \
                    starts == record_end[0] + 1 and not untitled_own and \
                    title_col not in filled and (code_col is None or code_col not in filled) and \
                    set(filled) & text_cols and not own_label(row, last_record[2], self._label_cols) and \
                    all(c in text_cols or c in plan.extras or (c not in mapped_cols and c not in plan.extras and
                                                                 c not in person_cols)
                        or (c in person_cols and _wrapped(last_record[2][c], row[c])) for c in filled):
                # only text under a record, no title or ID: the record's lists go on over several rows
                # ("Browse," then "Order" under a stakeholder's roles); a sentence cut at a cell's end goes on
                # in the cell below, also an owner's ("All the developers" over "of the ecom website"), the
                # lines typed by hand one a row (round 54: a register's plans wrapped over two to four rows were
                # lost after their first line); a cell of a column not imported changes nothing
                continue_record(number, row, lambda _c, a, b: a if b is None else (b if a is None else (
                    (f"{a.rstrip()} {b.strip()}" if _wrapped(a, b) else f"{a}\n{b}") if isinstance(a, str)
                    else a)), "its text goes on over several rows")
                continue
            if len(filled) == 1 and filled[0] == title_col and row[title_col].__class__ is str and \
                    row[title_col].rstrip().endswith(":"):
                # "Risk:" alone in the names column over the first risk: a caption saying what the rows below
                # are, never one of them (round 56's held-out set: a risk titled "Risk:" once the names were read)
                skip(number, f"a caption (“{row[title_col].strip()}”) over the records, not a record.")
                continue
            # a row naming the thing that titles it where its title is empty (an asset, kept in the notes) beside
            # a field of its own ("Laptop fleet | | Bob Ray"): a record so titled, not a note (fault75)
            named_by = bool(mapped_filled) and any(c in filled and c not in mapped_cols for c in self._untitled_from)
            if len(mapped_filled) < 2 and not has_key and not untitled_own and not named_by and \
                    not any(c in filled for c in self._label_cols[1:]):  # a sub-group of its own: a stakeholder
                if (after_gap or last_record is None) and parent_reg is None and len(filled) == 1 and \
                        filled[0] in text_cols and filled[0] != title_col:
                    lead = (len(plan.rows), number, tuple(row))  # may open the record below it
                what = " or ".join(x for x in (key.label if key else "", title.label if title else "") if x)
                if self._label_cols and mapped_filled == [self._label_cols[0]] and parent_reg is None:
                    lone_group = (len(plan.rows), number, tuple(row))  # a heading, unless a group follows it
                skip(number, f"looks like a note, not a record (one filled cell and no {what})." if len(filled) == 1 else
                     f"looks like a note, not a record (no {what}, and of the imported columns only "
                     f"“{_one_line(str(self._headers[mapped_filled[0]]))}” filled)." if mapped_filled and
                     mapped_filled[0] < len(self._headers) and self._headers[mapped_filled[0]] else
                     f"looks like a note, not a record (no {what} and no value in the imported columns).")
                continue
            if first_block and last_record is None and title_col is not None and title_col not in filled and \
                    (code_col is None or code_col not in filled) and parent_reg is None and \
                    not any(c in filled for c in self._untitled_from):
                skip(number, "text under the header (instructions or a second header line), not a record.")
                continue
            if len(filled) == 2 and title_col is not None and filled[1] == title_col and filled[0] != code_col and \
                    row[filled[0]].__class__ is str and _OUTLINE_NUMBER_RE.fullmatch(row[filled[0]]):
                # "I | Risiko Strategis (3.a)", "II | Risiko Strategis OPD (3.b)": a section of a form numbered in
                # its outline (Roman numerals, "A.") over rows numbered 1, 2 … again, with its name only: a heading
                # over the risks below it, not a risk (classes53b: a city inspectorate's treatment form)
                skip(number, f"a section heading (“{row[filled[0]].strip()}”, then its name), not a record.")
                continue
            # a key under the header, or under the header written again over a second table (a worked example)
            counted_by = (first_block and last_record is None or number - repeated_at <= KEY_ROW_REACH) and \
                title_col in filled and counts_the_columns(row)
            if counted_by:
                skip(number, "the columns' numbers under the header (a form numbering its columns), not a record."
                     if counted_by == "number" else
                     "the columns' letters under the header (a form lettering its columns), not a record.")
                continue
            if title_col is not None and number in merged_title and last_record is not None and \
                    not _rated_apart(row, last_record[2], rating_cols):
                # the title cell is merged down from the row above: this row continues that record
                # a cell's own trailing line breaks (a requirement typed, then Enter four times) end at the "; "
                # a level or choice the next line says otherwise ("Positivo", then "Negativo" under one merged
                # stakeholder) cannot hold both: the first stands, the other is kept in the notes, not joined
                # into a value no choice reads whole
                also: list[str] = []

                def merged_cell(c: int, a: Any, b: Any, also: list[str] = also) -> Any:
                    if b is None or a == b:
                        return a
                    if a is None:
                        return b
                    if c in value_cols and isinstance(a, str) and isinstance(b, str) or _number_under_word(b, a):
                        # (the line's number under the record's word, "0.8" under "Muito Alto", is kept beside it)
                        label = (_one_line(headers[c]) if c < len(headers) and headers[c] else
                                 dict(fields)[c].label if c in dict(fields) else f"Column {column_letters(c)}")
                        also.append(f"{label}: {v.parse_text(b)}")
                        return a
                    return f"{a.rstrip()}; {b.strip()}" if isinstance(a, str) and isinstance(b, str) else a

                own_id = code_col is not None and row[code_col] is not None and last_record is not None and \
                    row[code_col] == last_record[2][code_col]
                continue_record(number, row, merged_cell, "merged cells")
                extra = EXTRA_FIELD.get(reg.name)
                if also and extra is not None and last_record is not None and \
                        plan.rows[last_record[0]].report.action is not Action.SKIP:
                    values = plan.rows[last_record[0]].values
                    values[extra] = "\n".join(x for x in (values.get(extra), *also) if x)
                if not own_id:
                    # a legend's caption merged over its lines lacks a title; a record whose ID is merged down
                    # over the same lines as its title (a bug over six rows) is one titled record (round 63)
                    continued[0] += 1
                continue
            if after_gap and _NOTE_RE.match(first_text):
                notes.add(len(plan.rows))  # what follows it alone in the first column is a note too
                skip(number, f"a note below the table (“{first_text[:40]}”).")
                continue
            if after_gap and len(filled) == 1 and filled[0] == first_col == title_col and \
                    not (table_widths and max(table_widths) == 1):
                # (a list of names one a row is a table of one column: a name below a gap goes on with it)
                notes.add(len(plan.rows))
            if parent_reg is None and (repeated is None or hash(row) in repeated):
                same = seen_rows.setdefault(tuple(row), number)
                if same != number:  # a block pasted twice (a log appended to by each session): one record
                    skip(number, f"repeats row {same} cell for cell: one record.")
                    continue
            planned = self._plan_row(plan, reg, parent_reg, number, row, fields, code_col, parent_col, strict_refs,
                                     title_col)
            if last_record is None and first_block and planned.report.action == Action.ERROR and \
                    (planned.failures >= 2 or any(len(str(value).split()) > 4 for _name, value in planned.unplaced or ())) and \
                    planned.failures * 2 >= sum(1 for c in filled if c in value_cols):
                self._unclaim(reg, planned.report.code)
                self._forget_unplaced(plan, planned)
                skip(number, "text under the header (instructions or a second header line), not a record.")
                continue
            block.append(len(plan.rows))
            widths[len(plan.rows)] = len(filled)
            if len(filled) == 1:
                lone[len(plan.rows)] = row[filled[0]]
            if not first_block and any(x.__class__ is str and word_key(x) in own_headers for x in row):
                defining.add(len(plan.rows))
            if first_block:
                table_widths.append(len(filled))
                first_raws[len(plan.rows)] = (number, row)
            last_record = (len(plan.rows), number, row)
            record_end[0] = number
            if parent_reg is None and title_col is not None and title_col < len(row) and \
                    row[title_col].__class__ is str and row[title_col].strip():
                titled.setdefault(row[title_col].strip(), (len(plan.rows), number, row, part[0]))
            plan.rows.append(planned)
        if not first_block:
            close_block(final=True)
        self._one_off_runs(plan, reg)
        if self._rated_later:
            plan.say(f"Tables of the same {reg.name} stacked down the sheet under captions numbering them in order "
                     f"(“{self._first_caption}” first): each table is taken as a later assessment, so "
                     f"{len(self._rated_later)} {reg.name if len(self._rated_later) > 1 else reg.noun} take the "
                     "ratings of the last table rating them, the earlier ratings kept in their notes.")
        if self._rated_earlier:
            plan.say(f"Tables of the same {reg.name} stacked down the sheet under captions placing a later table before "
                     f"the first (“{self._first_caption}” first): the first table's ratings stay the records', "
                     f"an earlier assessment's kept in the notes of {len(self._rated_earlier)} "
                     f"{reg.name if len(self._rated_earlier) > 1 else reg.noun}.")
        if self._unordered:
            captions = [f"“{c}”" if c else "no caption" for c in dict.fromkeys([self._first_caption, *self._unordered])]
            plan.say(f"Tables of the same {reg.name} stacked down the sheet under captions that say no order between "
                     f"them ({', then '.join(captions)}: no date, number or word such as "
                     "“Baseline” or “Current” places them): the first table's rows are the records, what a later "
                     "table writes otherwise kept in their notes.")
        if block:
            block_sizes.append(len(block) + continued[0])
        # the first block's record wrapped over its two rows, which no earlier block could show (see below)
        pair = sorted(first_raws)
        if len(block_sizes) >= 3 and block_sizes[0] == 2 and all(n == 1 for n in block_sizes[1:]) and \
                len(pair) == 2 and pair[1] == pair[0] + 1 and title_col is not None and \
                all(plan.rows[i].report.action is not Action.SKIP or i == pair[1] for i in pair):
            (first_number, above), (second_number, below) = first_raws[pair[0]], first_raws[pair[1]]

            def filled_at(r: Sequence[Any], cols: Any) -> bool:
                return any(c < len(r) and r[c] is not None and str(r[c]).strip() for c in cols)

            if second_number == first_number + 1 and filled_at(above, [title_col]) and \
                    not filled_at(above, value_cols | set(person_cols)) and filled_at(below, value_cols) and \
                    (code_col is None or not filled_at(above, [code_col]) and not filled_at(below, [code_col])):
                # every later block holds one record, and the first one's first row only texts ("SERVIDOR NAS CON
                # POCO ESPACIO" over "DE ALMACENAJE RESTANTE" beside the status, the owner, the date): the two
                # rows are one record, as they are in a later block (the rule of continue_record's texts)
                combined = tuple(b if a is None else (a if b is None else (
                    (f"{a.rstrip()} {b.strip()}" if c == title_col else f"{a.rstrip()}\n{b}")
                    if isinstance(a, str) and isinstance(b, str) else b)) for c, (a, b) in enumerate(zip(above, below)))
                for i in pair:
                    self._unclaim(reg, plan.rows[i].report.code)
                    self._forget_unplaced(plan, plan.rows[i])
                plan.rows[pair[0]] = self._plan_row(plan, reg, parent_reg, first_number, combined, fields, code_col,
                                                    parent_col, strict_refs, title_col)
                plan.rows[pair[1]] = PlannedRow(RowReport(
                    plan.sheet, second_number, Action.SKIP, "", f"continues the record of row {first_number} (its "
                    "texts go on in the row below, beside the record's other fields)."))
        self._trailing_notes(plan, notes)
        if parent_reg is None and title_col is not None and code_col is not None:
            self._untitled_template(plan, reg, headers[title_col] if title_col < len(headers) else None)
        if unfilled:
            plan.say(unfilled_note(len(unfilled), unfilled[0]))
        if self._progress_decided:
            n = len(self._progress_decided)
            plan.say(f"The status speaks of the decided work's progress on {n} row{'s' if n != 1 else ''} that give "
                     "the day decided and who decided (“In progress”, “Not started”): Decided, the word kept in the "
                     "notes.")
        if self._undecided_days and self._plain_decided_col is not None:
            n = len(self._undecided_days)
            plan.say(f"“{_one_line(str(plan.headers[self._plain_decided_col]))}” is the day decided only of a decision "
                     f"taken: on {n} Pending row{'s' if n != 1 else ''} it is kept in the notes, no day decided "
                     "stored.")
        if self._due_decided:
            n = len(self._due_decided)
            plan.say(f"The status says {n} decision{'s are' if n != 1 else ' is'} taken with no day decided "
                     "(no “Decided on” column): the due date, passed, is taken as the day decided.")
        self._say_strategy_led(plan)
        if self._carried_out_pending and self._carried_out_col is not None:
            n = len(self._carried_out_pending)
            plan.say(f"“{plan.extras[self._carried_out_col]}” dates {n} change{'s' if n != 1 else ''} as carried out, "
                     f"yet {'they stay' if n != 1 else 'it stays'} Pending: the office records a decision as taken "
                     f"with who took it and when, and no column names who approved {'them' if n != 1 else 'it'} (columns "
                     "“Decided by” and “Decided on” record a decision taken).")
        self._say_confirmed(plan)
        self._say_slips(plan, reg, fields)
        self._say_rescaled(plan, reg, fields)
        for c, n in sorted(self._unsaid_cells.items()):
            unsaid = reg.field(plan.mapping[c]).label.lower() if plan.mapping.get(c) in reg.field_names else "field"
            plan.say(f"“{_one_line(str(plan.headers[c]))}” says nothing on {n} row{'s' if n != 1 else ''} "
                     f"(“{self._unsaid_first[c]}”): the {unsaid} left empty there, the word kept in the notes.")
        years = latest_year_note(plan.headers, plan.mapping, plan.extras, {f.name: f.label for f in reg.fields})
        if years is not None:  # "Interest_2019 | Interest_2020": the latest year's column read (unseen96)
            plan.say(years)
        self._say_quarters(plan, reg, fields)
        self._say_pairs(plan)
        self._say_several(plan)
        self._say_no_one(plan, reg)
        self._say_replied(plan)
        self._say_closed(plan, reg)
        self._say_not_acted_on(plan)
        self._say_over(plan)
        self._skip_headings(plan, reg)
        if first_notes and parent_reg is None:
            self._captioned_categories(plan, reg, first_notes)
        if self._block_project is not None and self._block_projected:
            name, label, at = self._block_project
            plan.say(f"The title block above the header names the project “{name}” (“{label}” on row {at + 1}): "
                     f"given to {count_of(self._block_projected, reg.noun)} with no project of {'their' if self._block_projected != 1 else 'its'} own.")
        self._say_zeros(plan, reg)
        self._say_kinds_not_levels(plan, reg)
        self._say_several_days(plan, reg)
        if parent_reg is None:
            self._closing_text(plan, reg, widths, lone)
        self._carry_groups(plan, fields)
        self._say_unknown_states(plan, reg)
        self._say_kinds(plan)
        self._say_named_by_group(plan)
        self._strategy_kinds(plan)
        if self._untitled_by and title_col is not None:
            plan.say(untitled_note(self._headers, title_col, dict(self._untitled_by)))
        if self._coded_titled and title_col is not None and self._coded_title is not None:
            n = len(self._coded_titled)
            plan.say(f"{n} {'row leaves' if n == 1 else 'rows leave'} “{_one_line(str(self._headers[title_col]))}” "
                     f"empty: titled by {'its' if n == 1 else 'their'} “{_one_line(str(self._headers[self._coded_title]))}"
                     f"” ({', '.join(self._coded_titled[:3])}{' …' if n > 3 else ''}), as written.")
        if self._label_titled:
            said = "; ".join(f"{n} row{'s' if n != 1 else ''} of “{label}” titled by “{_one_line(str(self._headers[c]))}”"
                             for (label, c), n in self._label_titled.items())
            plan.say(f"A title cell holding only its template's label is no title: {said} (its first sentence, the "
                     "label's cell kept as written).")
        if self._state_responses and self._state_col is not None:
            said = ", ".join(f"“{state}” → {chosen} ({n} row{'s' if n != 1 else ''})"
                             for (state, chosen), n in self._state_responses.items())
            plan.say(f"“{_one_line(str(self._headers[self._state_col]))}” names the response where the row gives "
                     f"none: {said}.")
        if self._generic_titled and self._generic_from:
            plan.say(generic_note(self._headers, self._generic_titled, self._generic_from))
        self._say_opportunity_signs(plan)
        self._say_errors_kept(plan)
        if tags_kept:
            n = len(tags_kept)
            plan.say(f"{n} title{'s' if n != 1 else ''} end{'s' if n == 1 else ''} in an example's word in brackets "
                     f"(“{tags_kept[0]}”), the row's other cells real (no template's placeholder beside it): "
                     f"imported as {'records' if n != 1 else 'a record'}, the title as written.")
        if placeholders:
            n = len(placeholders)
            shown = "”, “".join(dict.fromkeys(" ".join(str(x).split())[:50] for x in placeholders[:3]))
            plan.say(f"{n} cell{'s' if n != 1 else ''} holding only a template's placeholder in brackets (“{shown}”"
                     f"{' …' if n > 3 else ''}) {'are' if n != 1 else 'is'} left empty: nothing was written there.")
        if parent_reg is None:
            # the rating fields this sheet assesses (numbers on the scale, or said so), which win over an earlier
            # sheet's one value for every row when the two merge by title (assessed_merges)
            self._assessing = assessing_fields(reg, plan.sheet, headers, mapping,
                                               (r for _n, r in first_raws.values()))
            self._merge_named(plan, reg)
            self._say_links_replaced(plan, reg)
        if untitled and code_col is not None:
            self._default_rows(plan, reg, untitled, code_col, fields)
        if reg.unsaid and parent_reg is None:
            _unsaid_values(plan, reg)
        if reg.key_field is not None:
            self._assign_codes(plan, reg)
        self.done += tick % TICK
        self._remember_names(reg, [p for p in plan.rows if p.report.action in (_INSERT, _UPDATE)])
        plan.extras.update((c, h) for c, h in self._unheaded.items() if c in self._unheaded_used)
        for c, into in shifted.items():
            if not moved[c]:
                continue
            head = " ".join(str(headers[into] if into < len(headers) and headers[into] else
                                f"Column {column_letters(into)}").split())
            plan.say(f"Column {column_letters(c)} has no header and fills the records' rows “{head}” leaves empty, "
                     f"right of it: its cells read as “{head}” ({moved[c]} cell{'s' if moved[c] != 1 else ''}).")
        plan.extras.update(self._past_used)
        if parent_reg is not None and finish:
            self.finish_children(plan)
        return plan

    @staticmethod
    def _heading(plan: SheetPlan, at: int | None, f: Field) -> str:
        """The column's header as the sheet writes it, on one line ("Impact on Project (Positive, …)"), for a
        note of one of its cells: it says where the words stood, which the field's label would not; the label
        where the column has no header."""
        heading = plan.headers[at] if at is not None and at < len(plan.headers) else None
        head = note_label(heading) if isinstance(heading, str) else ""
        return head or f.label

    @staticmethod
    def _as_stored(raw: Any, stored: Any) -> bool:
        """Whether a cell's word is the value its field stores ("open" and Open): a note repeating what the field
        holds is noise ("Status: Open" stood on every imported risk), so only words the field does not hold
        ("Status: Watch list", stored as Open) are kept in the notes."""
        return stored is not None and word_key(raw) == word_key(stored)

    def _join_effects(self, row: Sequence[Any], width: int, values: dict[str, Any]) -> None:
        """The effect of a row written in several "Effect On …" columns (qualified_effects): each filled cell a
        line labelled with its header, the first column's too, so that no consequence the sheet wrote is only in
        the notes; one filled cell alone stays as written."""
        cells = [(c, v.parse_text(row[c])) for c in self._joined_effects
                 if c < width and not v.is_blank(row[c]) and v.parse_text(row[c]) not in EXCEL_ERRORS]
        if len(cells) > 1:
            values[EFFECT] = "\n".join(f"{_one_line(self._headers[c])}: {text}" for c, text in cells)
        elif cells:
            values[EFFECT] = cells[0][1]

    def _note_kept_as(self, row: Sequence[Any], width: int, values: dict[str, Any]) -> None:
        """The words of a column read by a field and kept in the notes that the field stores as another choice
        ("Watch list", "Dormant" as Open), for the preview to say (``_say_slips``)."""
        for c, name in self._field_and_notes.items():
            stored = values.get(name)
            if c < width and not v.is_blank(row[c]) and stored is not None and not self._as_stored(row[c], stored) \
                    and v.parse_text(row[c]) not in self._led_cells:
                kept = self._kept_as.setdefault(name, {})
                word = v.parse_text(row[c])
                kept[word] = (str(stored), kept[word][1] + 1 if word in kept else 1)

    def _say_slips(self, plan: SheetPlan, reg: Register, fields: list[tuple[int, Field]]) -> None:
        """A choice read from a word one slip from a word of its list ("Oppened" as Open), from a part of the cell
        ("Urgent-ish" as Critical), or from a word the choice does not tell apart from others and so kept in the
        notes ("Watch list" as Open): the rows are not left out for it, but the preview says which words were
        read so, once a sheet, so that a wrong guess is seen and can be translated (a slip or a part read is a
        guess). A word of the language files read as another choice ("Mitigated" as Closed, heldout50) is the
        office's reading, yet still a value changed: said too, with the rows it stood on, the word kept."""
        kept = {name: {raw: target for raw, (target, _rows) in words.items()} for name, words in self._kept_as.items()}
        rows = {name: {raw: n for raw, (_target, n) in words.items()} for name, words in self._kept_as.items()}
        self._kept_as.clear()
        if self._nouns_dropped and "category" in reg.field_names:
            said_dropped = {raw: target for raw, (target, _n) in self._nouns_dropped.items()}
            counted_dropped = {raw: n for raw, (_target, n) in self._nouns_dropped.items()}
            by_target: dict[str, list[str]] = {}
            for raw, target in sorted(said_dropped.items()):
                by_target.setdefault(target, []).append(raw)
            plan.say(f"{reg.field('category').label}: " + "; ".join(
                _read_as(raws, target, counted_dropped) for target, raws in by_target.items())
                + f" (the {reg.noun}'s noun dropped: one category with the word written alone).")
            self._nouns_dropped.clear()
        readings = ((self._translator.slips, "written close to a word of its list"),
                    (self._translator.by_part, "read by a part of the cell, the whole cell kept in the notes"),
                    (kept, "the word kept in the notes"))
        for name in dict.fromkeys(f.name for _c, f in fields):
            label = reg.field(name).label
            counted = rows.get(name, {})
            told: set[str] = set()  # a word said once: as a slip or a part read, not again as kept
            for found, why in readings:
                said = {raw: target for raw, target in (found.get(name) or {}).items() if raw not in told}
                if said:
                    targets: dict[str, list[str]] = {}
                    for raw, target in sorted(said.items()):
                        targets.setdefault(target, []).append(raw)
                    plan.say(f"{label}: " + "; ".join(
                        _read_as(raws, target, counted if found is kept else None)
                        for target, raws in targets.items()) + f" ({why}).")
                    told.update(said)
                found.pop(name, None)

    @staticmethod
    def _say_above_header(plan: SheetPlan, reader: SheetReader, header_row: int, mapping: dict[int, str],
                          project: tuple[str, str, int] | None = None, pairs: bool = False) -> None:
        """A title block's lines above the header ("NB: Frodo, Sam, Pippin and Bilbo are the project management
        team") are the user's text that no record holds: the preview and the report show them as not imported,
        so that nothing of the sheet goes unseen. A line is a row whose one text stands at or left of the first
        column read (a caption over some columns names them and is read as part of their header). A title line
        is not said: one made only of the words of the register's names ("Stakeholder Register", "PROJECT RISK
        LOG"), of the sheet's or of the workbook file's name, and years or numbers (left49: "Not imported, above
        the header: “Stakeholder Register”" told the user nothing); any other word makes it a line said. A row of
        label–value pairs ("PM | Юрьев Максим", the block written twice side by side) is said as "PM: Юрьев Максим",
        each pair once; the pair naming the project (``project``, titled_projects) is said as the rows' project —
        or, where a project column gives the rows theirs (``pairs``), with the other pairs as not imported."""
        if header_row <= 1 or not mapping:
            return
        first_read = min(mapping)
        lines = []
        above = reader.top_rows(fill_merged=False)[:header_row - 1]
        paired = label_pairs(above) if project is not None or pairs else []  # a block naming the project: its pairs
        for i, label, value in paired:
            if project is not None and i == project[2] and label == project[1]:
                continue
            line = f"“{label}: {value}”"
            if line not in lines:
                lines.append(line)
        paired_rows = {i for i, _label, _value in paired}
        titled: set[str] | None = None  # worked out at the first line only
        for i, cells in enumerate(above):
            if i in paired_rows:
                continue
            filled = [(c, cell) for c, cell in enumerate(cells) if not v.is_blank(cell)]
            if len(filled) != 1 or filled[0][0] > first_read or not isinstance(filled[0][1], str):
                continue
            text = " ".join(filled[0][1].split())
            if titled is None:
                path = getattr(reader.book, "path", None)
                titled = {*title_words(plan.register), *words_of(plan.sheet), *words_of(path.stem if path else "")}
            words = words_of(text)
            if not all(w in titled or w.isdigit() for w in words):
                lines.append(f"“{text}”")
        if lines:
            plan.say(f"Not imported, above the header: {'; '.join(lines)}.")

    def _say_rescaled(self, plan: SheetPlan, reg: Register, fields: list[tuple[int, Field]]) -> None:
        """Numbers put onto the register's scale by a rule (0.4 as per cent, 7 of 10, 12 as 3 × 4) are values
        the import changed: said once a column and rule, with the numbers' range and what each distinct number
        became ("Probability 0.1–0.9 read as per cent: 0.4 → 2 – Low (21–40 %)"), and each such cell kept in the
        notes under its header (the translator's ``rescaled_cells``), so what the user wrote is never lost."""
        for name in dict.fromkeys(f.name for _c, f in fields):
            readings = self._translator.rescaled.pop(name, None)
            if not readings:
                continue
            f = reg.field(name)
            names = f.scale_names(self.ctx)
            top = len(names)
            for reading, cells in readings.items():
                def number(text: str) -> float:
                    found = re.search(r"\d+(?:[.,]\d+)?", text)
                    return float(found.group().replace(",", ".")) if found else 0.0
                def spread(texts: list[str]) -> str:
                    return f"{texts[0]}–{texts[-1]}" if len(texts) > 1 else texts[0]

                by_level: dict[int, list[str]] = {}
                for text, level in sorted(cells.items(), key=lambda item: (item[1], number(item[0]))):
                    by_level.setdefault(level, []).append(text)
                shown = [f"{spread(texts)} → {level} – {names[level - 1]}" + (
                    f" ({_per_cent_band(level, top)})" if reading in PER_CENT_READINGS else "")
                    for level, texts in sorted(by_level.items())]
                every = sorted(cells, key=number)
                plan.say(f"{f.label} {spread(every)} read as {reading}: {'; '.join(shown)} "
                         "(each cell kept in the notes under its header).")

    def _say_quarters(self, plan: SheetPlan, reg: Register, fields: list[tuple[int, Field]]) -> None:
        """Dates written as a quarter ("Triwulan II 2025", "Q3 2025") are read as the quarter's last day, the day
        the work is due by: a value the import changed, said once a column with what each quarter became, each
        cell kept in the notes under its header (the translator's ``quarter_cells``)."""
        for name in dict.fromkeys(f.name for _c, f in fields):
            cells = self._translator.quarters_said.pop(name, None)
            if not cells:
                continue
            fiscal = {text: day for text, day in cells.items() if fiscal_period(text)}
            calendar = {text: day for text, day in cells.items() if text not in fiscal}
            label = reg.field(name).label
            if calendar:
                plan.say(f"{label}: a quarter read as its last day, the day it is due by ({_days_shown(calendar)}); "
                         "each cell kept in the notes under its header.")
            if fiscal:
                # said with the year start it was read by: the same cell is another day in another office
                what = "a quarter" if fiscal_quarters_only(fiscal) else "a quarter, a half or the whole"
                plan.say(f"{label}: {what} of a financial year read as its last day by the office's financial year, "
                         f"which starts in {financial_year.month_name(self.year_start)} (File ▸ Program Details…; "
                         f"{financial_year.NAMING}): {_days_shown(fiscal)}; each cell kept in the notes under "
                         "its header.")
        for name, written in self._fiscal.items():
            # decided (classes58a): with no year start set a financial year's quarter gives no day — its months are
            # the organisation's own (value_translation.fiscal_period), and a day guessed would be a due date wrong
            # by up to half a year; the note says where the office gives it
            n = sum(written.values())
            shown = ", ".join(sorted(written)[:4]) + (" …" if len(written) > 4 else "")
            what = "a quarter of a fiscal year" if fiscal_quarters_only(written) else "a fiscal year or a part of one"
            plan.say(f"{reg.field(name).label}: {n} {'cells name' if n != 1 else 'cell names'} {what} "
                     f"({shown}), whose days depend on the month the office's financial year starts, not set in "
                     "this office: no date read, the field left empty and each cell kept in the notes (set it in "
                     "File ▸ Program Details… and import again, or translate it in the preview to give its day).")
        self._fiscal = {}

    @staticmethod
    def _counts_from_p0(reader: SheetReader, header_row: int, width: int, fields: list[tuple[int, Field]],
                        kept: list[tuple[int, tuple[Any, ...]]] | None) -> int | None:
        """The priority column that counts from P0 (``zero_priorities``), or None; read from the rows held, or
        read here for a sheet short enough to hold."""
        col = next((c for c, f in fields if f.name == "priority" and f.kind is Kind.ENUM), None)
        if col is None:
            return None
        rows = _first_rows(kept, reader, header_row, width)
        return col if counts_from_p0(r[col] for _n, r in rows if col < len(r)) else None

    def _keyed_priority(self, reg: Register) -> dict[int, str] | None:
        """The workbook's key of numbered priorities when it reads a number otherwise than the default rank does
        (1 the most urgent): "1 = Low … 4 = Critical". A key saying what the rank says changes nothing, unsaid."""
        if self.priority_key is None:
            return None
        key = self.priority_key[1]
        f = reg.field("priority")
        return key if any(numbered_priority(f, n) != choice for n, choice in key.items()) else None

    def _say_scored_priority(self, plan: SheetPlan, reg: Register, reader: SheetReader, header_row: int, width: int,
                             kept: list[tuple[int, tuple[Any, ...]]] | None) -> None:
        """A priority kept in the notes headed as a score ("Severity score" of 4…1): higher is worse, so read by
        rank from its top onto the office's priorities, or, where its numbers cannot be mapped one to one, left in
        the notes as written (``score_priorities``). Decided once a column from its cells, said once."""
        c = self._numbered_priority
        assert c is not None
        cells = [r[c] for _n, r in _first_rows(kept, reader, header_row, width) if c < len(r)]
        choices = reg.field("priority").choices
        self._priority_score_top = score_top(cells, plan.extras[c], len(choices))
        if self._priority_score_top is None:
            self._numbered_priority = None  # no rank either: 1 of 1–10 is the least, not the first
        plan.say(score_note(str(plan.extras[c]), self._priority_score_top, choices, cells))

    def _actual_of(self, text: str) -> str:
        """The text a record's title is made of: its "Actual: …" line in a column of labelled results
        (``labelled_results``), else the text itself."""
        return (actual_line(text) or text) if self._actual_titled else text

    def _say_ties(self, plan: SheetPlan, reg: Register, fields: list[tuple[int, Field]]) -> None:
        """Two words of one scale column read as one level ("Значительная" and "Существенная", significant and
        substantial, both 4 of round 53's impact column) where the column writes no more words than the scale
        has levels: the sheet may well mean each as a level of its own, and which is the higher only the sheet
        knows. Decided: a legend or list of the workbook orders them when it places them (``_legend_places``,
        the sheet's ladders: a word it places is read at its place and is no tie); otherwise both keep the
        level the office's words give — nothing is guessed — and the tie is said once a column, so the user can
        translate one of them in the preview. Forms of one word ("High" and "H", "Высокая" and "Высокий") are
        no tie. From the column's distinct words, once a column."""
        for c, f in fields:
            words = self._scale_words.get(c)
            if f.kind is not Kind.SCALE or not words or len(words) < 2:
                continue
            top = f.scale_max(self.ctx)
            placed = self.translations.get(reg.name, {}).get(f.name, {})
            by_level: dict[int, list[str]] = {}
            for w in words:
                if word_key(w) in placed:
                    continue
                try:
                    level = self._translator.parse(f, w, self.ctx, self._profiles.get(c))
                except ValidationError:
                    continue
                if v.parse_text(w) in self._translator.slips.get(f.name, {}):
                    continue  # a word mistyped ("Hgih") is the level it was read as, no level of its own
                if isinstance(level, int) and not any(_one_word(w, x) for x in by_level.get(level, ())):
                    by_level.setdefault(level, []).append(w)
            if sum(map(len, by_level.values())) > top:
                continue  # more words than levels: some must share one, as the sheet knows
            ties = [(level, ws) for level, ws in sorted(by_level.items()) if len(ws) > 1]
            if not ties:
                continue
            head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else f.label
            names = f.scale_names(self.ctx)
            said = "; ".join(" and ".join(f"“{w}”" for w in ws) + f" both read as {level} – {names[level - 1]}"
                             for level, ws in ties)
            plan.say(f"{head}: {said} — the column may mean them as levels of their own, and no legend or list "
                     "of the workbook orders them: each kept at that level (translate one in the preview to "
                     "change it).")

    def _say_told_scales(self, plan: SheetPlan, reg: Register, fields: list[tuple[int, Field]]) -> None:
        """A scale the sheet tells other than the office's (its header, a legend, a note, its own scores) is a
        reading of every cell of the column: said once a column with where the sheet tells it and what each of
        its levels became ("Likelihood: a 1–3 scale (from the legend) read as 2, 3, 4 on the office's 1–5"), and
        the sheet's own score kept beside the office's said once (scale51: R1's 9 became 16, Critical, unsaid).
        Per column, never per row."""
        top_level = None
        for c, f in fields:
            told = self._told_scales.get(c)
            if f.kind is not Kind.SCALE or told is None:
                continue
            top = f.scale_max(self.ctx)
            if told.levels == top or not 2 <= told.levels <= 10:
                continue  # the office's own scale (nothing changed), or a doubling one (read by its doublings)
            head = self._heading(plan, c, f)
            words = self._told_words.get(c)
            if words:
                read = ", ".join(f"{w} {n}" for w, n in words)
                plan.say(f"{head}: a 1–{told.levels} scale (from {told.source}), its words read as {read} on the "
                         f"office's 1–{top}.")
            else:
                levels = [scale_from_declared(k, told.levels, top) for k in range(1, told.levels + 1)]
                plan.say(f"{head}: a 1–{told.levels} scale (from {told.source}) read as "
                         f"{', '.join(str(n) for n in levels)} on the office's 1–{top}.")
            office_top = scale_from_declared(told.levels, told.levels, top)
            if f.name in ("probability", "impact") and office_top is not None:
                top_level = (told.levels, office_top)
        for head in plan.extras.values():
            if not isinstance(head, OwnScore):
                continue
            if top_level is not None:
                n, office = top_level
                rating = self._office_rating(reg, office)
                plan.say(f"“{head}” is the sheet's own score, kept in the notes of each record: the office works out "
                         f"its own from the levels as read ({n} × {n} = {n * n} on the sheet's 1–{n} scale is "
                         f"{office} × {office} = {office * office}{f', {rating},' if rating else ''} in the office).")
            else:
                plan.say(f"“{head}” is the sheet's own score, kept in the notes of each record (not the office's "
                         "score of the levels read).")

    def _office_rating(self, reg: Register, level: int) -> str:
        """The office's rating of a risk rated ``level`` × ``level`` ("Critical" for 4 × 4), for a sentence."""
        if "inherent_rating" not in reg.field_names:
            return ""
        compute = reg.field("inherent_rating").compute
        try:
            return str(compute({"probability": level, "impact": level}, self.ctx) or "") if compute else ""
        except (TypeError, ValueError, KeyError):
            return ""

    def _skip_headings(self, plan: SheetPlan, reg: Register) -> None:
        """Group headings between the records ("1 | Legal" over two risks, "2 | Accidents" over the next):
        rows that fill only the field naming the records, two at least, each followed by a record filling
        three fields or more, in a table whose other rows all do, are headings, not records. Where no column
        gives the category, each heading names the category of the records under it (``_headed_categories``)."""
        title = next((f.name for f in reg.fields if f.required), None)
        rows = [(i, p) for i, p in enumerate(plan.rows) if p.report.action is _INSERT]
        if title is None or len(rows) < 5:
            return
        # the fields each row fills, its ID aside, counted in C (``map(bool, …)``): a set of names a row cost
        # 4 % of a 10,000-row import's instructions
        counts = [sum(map(bool, p.values.values())) - bool(p.values.get("code")) for _i, p in rows]
        # a list whose records each give their own web address ("项目 | star | bug地址", record_links): a row filling
        # its name alone has no address, and the rows under it fill two fields (the name and the notes) — blocks of
        # one list under captions ("decca最终版" over twenty bugs, "decca中间版本：" over twenty more; classes83)
        linked = any(c not in plan.mapping and isinstance(h, str) and
                     word_key(h.strip().rstrip(":：")) in record_link_words(reg.name) for c, h in enumerate(plan.headers))
        bare = [k for k, n in enumerate(counts) if n == 1 and rows[k][1].values.get(title)]
        if len(bare) < (1 if linked else 2):
            return
        full = {k for k, n in enumerate(counts) if n >= (2 if linked else 3)}
        if len(bare) + len(full) != len(rows) or len(full) < len(bare) or any(k + 1 not in full for k in bare):
            return
        headings: dict[int, str] = {}
        for k in bare:
            i, prow = rows[k]
            headings[i] = str(prow.values[title])
            plan.rows[i] = PlannedRow(RowReport(plan.sheet, prow.report.row, Action.SKIP, "",
                                                "a heading over the rows below it (only its name is filled), "
                                                "not a record."))
        if (reg.name, "category") in OPEN_LISTS and "category" not in plan.mapping.values():
            self._headed_categories(plan, reg, headings)
        elif "group" in reg.field_names and reg.field("group").kind is Kind.TEXT and \
                "group" not in plan.mapping.values():
            self._headed_groups(plan, reg, headings)

    def _filled_above(self, reader: SheetReader, kept: list[tuple[int, tuple[Any, ...]]] | None, header_row: int,
                      width: int, number: int, cols: set[int]) -> bool:
        """Whether a data row above row ``number`` fills one of ``cols`` (columns the header leaves unheaded): the
        register's own rows write there too, so a row of short labels there after a gap is one more of its
        records, not a wider table's header (review60). The rows are read once a sheet, at the first such row met
        (rare), for the first row filling each column: read again for each, a list of 8,000 rows with a blank row
        before each of its last 2,000 spent three minutes here (review61)."""
        if self._first_filled is None:
            self._first_filled = {}
            past: dict[int, dict[int, Any]] = {}
            for at, above in kept if kept is not None else reader.data_rows(header_row + 1, width, past):
                whole = _with_past(above, past.get(at))
                for c, x in enumerate(whole):
                    if x is not None and (x.__class__ is not str or x.strip()) and c not in self._first_filled:
                        self._first_filled[c] = at
        return any(self._first_filled.get(c, number) < number for c in cols)

    @staticmethod
    def _headed_groups(plan: SheetPlan, reg: Register, headings: dict[int, str]) -> None:
        """Section captions over a register's rows that keeps a group and has no column giving it ("CLIENT TEAM —
        [CLIENT NAME]" over the client's stakeholders, "VENDOR TEAM" over the vendor's): each caption, a
        template's bracketed placeholder and a dash after it set aside, is the group of the rows under it down to
        the next caption (left60: skipped as headings, the grouping was lost). Rows above the first caption keep
        none. Said once a sheet."""
        current: str | None = None
        named: Counter[str] = Counter()
        for i, prow in enumerate(plan.rows):
            if i in headings:
                text = " ".join(_PLACEHOLDER_RE.sub(" ", headings[i]).split()).strip(" -–—:|/")
                current = text or None
                continue
            if current is not None and prow.report.action in (_INSERT, _UPDATE) and not prow.values.get("group"):
                prow.values["group"] = current
                named[current] += 1
        said = [f"“{text}” ({count_of(n, reg.noun)})" for text, n in named.items() if n]
        if said:
            plan.say(f"The captions over the rows give the group of the {reg.noun}s under each, no column giving "
                     f"one: {', '.join(said)}.")

    def _captioned_categories(self, plan: SheetPlan, reg: Register, notes: dict[int, str]) -> None:
        """Captions alone in the first column between the rows ("Технологические риски" over three risks,
        "Организационные риски" over the next two; the first column the number's), no column giving the category:
        two captions at least, each a short name (six words at most, not a number) right over a record, the first
        over the first record (remarks between the rows of an ungrouped list, "Escalated to the sponsor", are no
        captions: review61), and no other note between the records. Each names the category of the records under it (``_headed_categories``),
        its row a heading, not a note (unseen set 87: skipped as notes, the grouping was lost)."""
        if (reg.name, "category") not in OPEN_LISTS or "category" in plan.mapping.values() or len(notes) < 2:
            return
        recorded = [i for i, p in enumerate(plan.rows) if p.report.action in (_INSERT, _UPDATE)]
        if not recorded:
            return
        first, last = recorded[0], recorded[-1]
        between = {i: t for i, t in notes.items() if i < last}
        if len(between) < 2 or len(set(between.values())) != len(between) or any(
                i + 1 >= len(plan.rows) or plan.rows[i + 1].report.action not in (_INSERT, _UPDATE)
                or not re.search(r"[^\W\d_]{3}", t) or len(t.split()) > 6 or len(t) > 60
                for i, t in between.items()):
            return
        if any(i > first and plan.rows[i].report.action is Action.SKIP and i not in between
               and "a note" in plan.rows[i].report.reason for i in range(first, last)):
            return  # other notes among the records: a commented list, not a grouped one
        if min(between) > first:
            return  # the first records under no caption: remarks written between the rows, no grouping (review61)
        for i in between:
            prow = plan.rows[i]
            plan.rows[i] = PlannedRow(RowReport(plan.sheet, prow.report.row, Action.SKIP, "",
                                                "a heading over the rows below it (alone in the first column), "
                                                "not a record."))
        self._headed_categories(plan, reg, between)

    def _headed_categories(self, plan: SheetPlan, reg: Register, headings: dict[int, str]) -> None:
        """The headings over a sheet's tables ("Laitteisiin liittyvät riskit" over one table of risks,
        "Hallintaan liittyvät riskit" over the next, round 53's Finnish list), no column giving the category:
        each names the category of the records under it, down to the next heading — the sheet groups its risks
        so, and skipped as headings the grouping was lost. A heading naming the kind ("Opportunities") gives
        the kind instead (``_kind_words``). Records above the first heading keep no category: a title above
        the first table is the sheet's, not a group's. Said once a sheet."""
        f = reg.field("category")
        kinds = _kind_words() if "kind" in reg.field_names and "kind" not in plan.mapping.values() else {}
        current: tuple[str, Any, str] | None = None  # (field, value, the heading as written)
        named: Counter[str] = Counter()
        for i, prow in enumerate(plan.rows):
            if i in headings:
                text = " ".join(headings[i].split())
                kind = kinds.get(word_key(text))
                try:
                    choice = self._translator.parse(f, text, self.ctx) if kind is None else None
                except ValidationError:
                    choice = None
                current = ("kind", kind, text) if kind is not None else ("category", choice, text) if choice else None
                continue
            if current is not None and prow.report.action in (_INSERT, _UPDATE) and \
                    not prow.values.get(current[0]):
                prow.values[current[0]] = current[1]
                named[current[2]] += 1
        said = [f"“{text}” ({count_of(n, reg.noun)})" for text, n in named.items() if n]
        if said:
            plan.say(f"The headings over the tables name the category of the {reg.noun}s under each, no "
                     f"column giving one: {', '.join(said)}.")

    def _closing_text(self, plan: SheetPlan, reg: Register, widths: dict[int, int], lone: dict[int, Any]) -> None:
        """Prose written under a table whose records fill several fields each — a conclusion paragraph in
        one cell, and the lone heading right over it ("Resumen detallado" over "En conclusión …") — is not
        a record: the last rows read as records, each filling one cell only, from the first paragraph on
        (a text of 120 characters or more, over twice the longest any record above holds), in any language.
        A table whose records are themselves long texts in one cell keeps them: that is its shape."""
        records = [i for i, p in enumerate(plan.rows) if p.report.action in (_INSERT, _UPDATE)]
        k = len(records)
        while k > 0 and widths.get(records[k - 1]) == 1 and isinstance(lone.get(records[k - 1]), str):
            k -= 1
        body, tail = records[:k], records[k:]
        if not tail or len(body) < 3:
            return
        if sorted(widths.get(i, 0) for i in body)[len(body) // 2] < 3:
            return  # records filling one or two cells: a lone text may well be one of them
        extra = EXTRA_FIELD.get(reg.name)
        longest = max((len(x) for i in body for n, x in plan.rows[i].values.items()
                       if isinstance(x, str) and n != extra), default=0)

        def prose(i: int) -> bool:
            text = " ".join(str(lone[i]).split())
            return len(text) >= 120 and len(text) > 2 * longest

        first = next((n for n, i in enumerate(tail) if prose(i)), None)
        if first is None:
            return
        gone = {i: "prose under the table (one long text in a row where its records fill several cells), "
                   "not a record." for i in tail[first:]}
        if first > 0 and len(" ".join(str(lone[tail[first - 1]]).split())) <= 60:
            gone[tail[first - 1]] = "a heading over the prose under the table, not a record."
        for i, why in gone.items():
            report = plan.rows[i].report
            self._forget_unplaced(plan, plan.rows[i])
            self._unclaim(reg, report.code)
            plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "", why))

    @staticmethod
    def _carried(row: tuple[Any, ...], carried: dict[int, Any]) -> tuple[Any, ...]:
        """The row with each group column's label carried down from the last row giving one; a row holding
        nothing else is left as it is, and an empty row ends the groups (what stands below a gap — a legend,
        notes — is no record of them)."""
        cells = list(row)
        if all(x is None or (x.__class__ is str and not x.strip()) for c, x in enumerate(cells) if c not in carried):
            if all(x is None or (x.__class__ is str and not x.strip()) for x in cells):
                for c in carried:
                    carried[c] = None
            return row
        for c in carried:
            if c >= len(cells):
                continue
            if cells[c] is not None and str(cells[c]).strip():
                carried[c] = cells[c]
            elif carried[c] is not None:
                cells[c] = carried[c]
        return tuple(cells)

    @staticmethod
    def _carry_groups(plan: SheetPlan, fields: list[tuple[int, Field]]) -> None:
        """A category written once above the rows it groups, without merging the cells ("Financial" on
        the first of four risks, blank on the other three): each row takes the label above it. Only
        when the first record has a label, at most half the records do, and labels seldom repeat (two group
        names may translate to one category). Or, whatever their share, when the records stand in blocks
        parted by empty (or skipped) rows and the label is on exactly the first record of each block, no
        label twice (a form's "PHYSICAL" / "FIRE" / "OTHER" over one to three hazards each): a sparse column
        of a plain table (a category given for some rows) is never filled so."""
        names = [f.name for _, f in fields if f.name in _GROUP_FIELDS]
        if not names:
            return
        rows = [p for p in plan.rows if p.report.action in (_INSERT, _UPDATE)]
        if len(rows) < 4:
            return
        for name in names:
            filled = [p.values.get(name) not in (None, "", []) for p in rows]
            labels = [str(p.values[name]) for p, f in zip(rows, filled) if f]
            if not filled[0] or len(set(labels)) * 4 < len(labels) * 3:
                continue
            if len(labels) * 2 > len(rows) and not (
                    len(set(labels)) == len(labels) >= 2 and not all(filled) and
                    all(has == (k == 0 or rows[k].report.row - rows[k - 1].report.row > 1)
                        for k, has in enumerate(filled))):
                continue
            label = None
            for prow, has in zip(rows, filled):
                if has:
                    label = prow.values[name]
                else:
                    prow.values[name] = label

    def _merge_named(self, plan: SheetPlan, reg: Register) -> None:
        """The same stakeholder (or risk, issue …) listed on two sheets of one workbook ("Patients" on the
        stakeholder table and again on the analysis sheet): one record with the fields of both. A new row
        without an ID of its own whose name (or title) a new row of an earlier sheet already has is merged
        into that row: a field only it gives is added, one the two give differently keeps the earlier value
        and the other goes to the notes, named in the reason. Rows set apart by their project stay two."""
        naming = next((n for n in ("name", "title") if n in reg.field_names), None)
        if naming is None:
            return
        seen = self.named_rows[reg.name]
        by_name = self._fields_by_name(reg)
        notes = EXTRA_FIELD.get(reg.name)
        mine: dict[str, tuple[SheetPlan, PlannedRow]] = {}
        times: Counter[str] = Counter()
        earlier = self.named_all[reg.name]
        # the rows' turns are counted only when an earlier sheet lists a title more than once (the first sheet
        # of a register, and most sheets after it, list none: a Counter's miss is a Python call a row)
        listed_again = any(len(listed) > 1 for listed in earlier.values())
        # (earlier sheet, rating field) → whether this sheet's rating wins there, and the records it did on
        rated_over: dict[tuple[str, str], tuple[bool, Any, list[int]]] = {}
        # each new row's name keyed once, the texts of all of them together in C (``keys_of``): a word_key a row,
        # twice, for names that are all different (a register's titles) missed its cache each time (speed67)
        texts = [x for prow in plan.rows if prow.report.action == _INSERT and
                 (x := prow.values.get(naming)).__class__ is str]
        key_of = dict(zip(texts, keys_of(texts)))
        for k, prow in enumerate(plan.rows):
            if prow.report.action != _INSERT:
                continue
            value = prow.values.get(naming)
            key = key_of[value] if value.__class__ is str and value in key_of else word_key(value)
            if not key:
                continue
            first = seen.get(key)
            # a title the earlier sheet lists several times (the same threat under each asset of a risk
            # assessment's steps): the n-th row of it here is the n-th there, and one more is a record of its own
            # (round 34: the threats of three assets were merged into the first asset's)
            if listed_again:
                listed, nth = earlier.get(key, []), times[key]
                times[key] += 1
                if len(listed) > 1:
                    first = listed[nth] if nth < len(listed) else None
            if first is None or (prow.report.code and not first[1].code_assigned) or any(
                    f.name in prow.values and f.name in first[1].values and
                    prow.values[f.name] not in (None, "", []) and first[1].values[f.name] not in (None, "", []) and
                    prow.values[f.name] != first[1].values[f.name]
                    for f in reg.fields if f.kind is Kind.LINKS or f.name in ("project", "program")):
                mine.setdefault(key, (plan, prow))
                continue
            other_plan, target = first
            conflicts = []
            code = prow.report.code
            key_name = reg.key_field.name if reg.key_field is not None else None
            if code and key_name is not None:
                # the earlier row has no ID of its own (the import numbered it): this row's ID is the record's —
                # a form listing its risks by title alone, a later form giving each its code (classes55b: round
                # 49's inspectorate, form 5's "RSP 25.3525.01" for form 3a's uncoded risk made two records)
                low = code.lower()
                self.claimed[reg.name].pop(target.report.code.lower(), None)
                target.values = {key_name: prow.values.get(key_name, code),
                                 **{n: x for n, x in target.values.items() if n != key_name}}
                target.report.code = code
                target.code_assigned = False
                self.claimed[reg.name][low] = (other_plan.sheet, target.report.row)
                self.claimed_rows[(reg.name, low)] = target
            for name, value in prow.values.items():
                if value in (None, "", []) or name == naming or (code and name == key_name):
                    continue
                held = target.values.get(name)
                if held in (None, "", []):
                    target.values[name] = value
                elif name == notes:
                    # a line both sheets give ("Grupos de stakeholders: 4" beside each list) is kept once
                    lines = [x for x in str(value).split("\n") if x not in str(held).split("\n")]
                    if lines:
                        target.values[name] = "\n".join([str(held), *lines])
                elif held != value and self._rated_here(plan, other_plan, name, rated_over):
                    f = by_name[name]
                    target.values[name] = value
                    conflicts.append(f"its {f.label} “{f.display(value)}” is the record's (“{other_plan.sheet}” gives "
                                     f"“{f.display(held)}” to every row; that one goes to its "
                                     f"{by_name[notes].label if notes else 'report'})")
                    if notes is not None:
                        line = f"{f.label} on “{other_plan.sheet}”: {f.display(held)}"
                        target.values[notes] = "\n".join(x for x in [target.values.get(notes) or "", line] if x)
                elif held != value:
                    f = by_name[name]
                    conflicts.append(f"its {f.label} “{f.display(value)}” differs (the record keeps "
                                     f"“{f.display(held)}”; this one goes to its {by_name[notes].label if notes else 'report'})")
                    if notes is not None:
                        line = f"{f.label} on “{plan.sheet}”: {f.display(value)}"
                        target.values[notes] = "\n".join(x for x in [target.values.get(notes) or "", line] if x)
            if prow.actions:  # its response plan ("Præventive tiltage" on the plan sheet): the record's actions
                have = {word_key(a.get("description")) for a in target.actions or []}
                target.actions = (target.actions or []) + [a for a in prow.actions
                                                           if word_key(a.get("description")) not in have]
            said = f"the same {naming} as {other_plan.sheet} row {target.report.row}: merged into that record"
            if code and key_name is not None:
                said += f", which takes its {reg.key_field.label if reg.key_field else 'ID'} “{code}”"
            said += ("; " + "; ".join(conflicts) + ".") if conflicts else "."
            plan.rows[k] = PlannedRow(RowReport(plan.sheet, prow.report.row, Action.SKIP, "", said, merged=True))
            target.report.reason = " ".join(x for x in [target.report.reason,
                                                         f"Merged with {plan.sheet} row {prow.report.row}."] if x)
        self._say_rated_over(plan, reg, rated_over)
        for key, held in mine.items():
            seen.setdefault(key, held)
        listed_here: dict[str, list[tuple[SheetPlan, PlannedRow]]] = defaultdict(list)
        for prow in plan.rows:
            if prow.report.action == _INSERT and (key := key_of[value] if (value := prow.values.get(naming)).__class__
                                                  is str and value in key_of else word_key(value)):
                listed_here[key].append((plan, prow))
        for key, rows in listed_here.items():
            earlier.setdefault(key, rows)

    def _rated_here(self, plan: SheetPlan, other: SheetPlan, name: str,
                    rated_over: dict[tuple[str, str], tuple[bool, Any, list[int]]]) -> bool:
        """Whether this sheet's ``name`` replaces an earlier sheet's on a record the two merge by title: this
        sheet assesses it (``self._assessing``) and varies it, where the earlier one gives every row one value,
        its default (assessed_merges). Decided once per earlier sheet and field; counts the records it did on."""
        key = (other.sheet, name)
        if key not in rated_over:
            default = one_value(other, name) if name in self._assessing else None
            rated_over[key] = (default is not None and varies(plan, name), default, [])
        wins, _default, done = rated_over[key]
        if wins:
            done.append(1)
        return wins

    @staticmethod
    def _say_rated_over(plan: SheetPlan, reg: Register,
                        rated_over: dict[tuple[str, str], tuple[bool, Any, list[int]]]) -> None:
        """Say once a sheet which earlier sheet's one value its ratings replaced, and on how many records."""
        for other in dict.fromkeys(sheet for sheet, _name in rated_over):
            fields = [(reg.field(name), default, len(done)) for (sheet, name), (wins, default, done)
                      in rated_over.items() if sheet == other and wins and done]
            if not fields:
                continue
            said = " and ".join(f"{f.label.lower()} (“{f.display(default)}”)" for f, default, _n in fields)
            count = max(n for _f, _d, n in fields)
            plan.say(f"This sheet rates the {reg.name} it shares with “{other}” by title, where “{other}” gives "
                     f"every row the same {said}, a value left as it was: {count} merged "
                     f"{reg.name if count != 1 else reg.noun} take this sheet's rating; that value is kept in "
                     "their notes.")

    def _title_text(self, prow: PlannedRow, title_col: int | None) -> str:
        if prow.raw is not None and title_col is not None and title_col < len(prow.raw):
            return v.parse_text(prow.raw[title_col])
        return v.parse_text(prow.values.get(self._title_name))

    @staticmethod
    def _forget_unplaced(plan: SheetPlan, prow: PlannedRow) -> None:
        """A row found not to be a record: its values no longer wait for a translation."""
        for name, value in prow.unplaced or ():
            counts = plan.unplaced.get(name, {})
            if value in counts:
                counts[value] -= 1
                if counts[value] <= 0:
                    del counts[value]
            if name in plan.unplaced and not counts:
                del plan.unplaced[name]

    @staticmethod
    def _rule_trigger(reg: Register, record: dict[str, Any], values: dict[str, Any], ctx: Context) -> Field | None:
        """The one choice of the row whose default satisfies the register's rule, else the one other optional
        value whose absence does (an external party named while no needing project is: the party goes to the
        notes, not the row), or None."""
        assert reg.check is not None  # called when the register's rule refused the row
        for choices in (True, False):
            found = None
            for name in values:
                f = reg.field(name)
                if (f.kind is Kind.ENUM) is not choices or f.required or f.kind.is_key:
                    continue
                trial = dict(record)
                trial[name] = reg.defaults.get(name) if choices else None
                try:
                    reg.check(trial, ctx)
                except ValidationError:
                    continue
                if found is not None:
                    return None
                found = f
            if found is not None:
                return found
        return None

    def _unheaded_lines(self, number: int, row: tuple[Any, ...], width: int) -> list[str]:
        """The row's values in columns with no header, each under its letter ("Column E: …"); a key's own cells
        beside the table are the key's (sheet_keys), not the record's."""
        lines = []
        for c, head in self._unheaded.items():
            if c < width and not v.is_blank(row[c]) and (number, c) not in self._in_key and \
                    (v.parse_text(row[c]) not in EXCEL_ERRORS or self._error_kept(number, c, row[c])):
                lines.append(f"{head}: {v.parse_text(row[c])}")
                self._unheaded_used.add(c)
        return lines

    def _error_kept(self, number: int, col: int, cell: Any) -> bool:
        """An Excel error in a column kept in the notes: kept there as written, so the record (and an export of it)
        shows what the workbook had, and said once a column (``_say_errors_kept``); it had been left out of the
        notes without a word (fault70b). A placed field's error cell is its row's to correct, as before."""
        self._errors_kept.setdefault(col, []).append((number, v.parse_text(cell)))
        return True

    def _say_errors_kept(self, plan: SheetPlan) -> None:
        for col, cells in sorted(self._errors_kept.items()):
            seen = sorted({n for n, _e in cells})
            if not seen:
                continue
            head = plan.extras.get(col) or f"Column {column_letters(col)}"
            errors = ", ".join(dict.fromkeys(e for _n, e in cells))
            rows = ", ".join(map(str, seen[:5])) + (f" and {len(seen) - 5} more" if len(seen) > 5 else "")
            plan.say(f"“{_one_line(str(head))}” shows the Excel error {errors} on {len(seen)} "
                     f"row{'s' * (len(seen) > 1)} ({rows}): kept in the notes as written.")

    def _past_values(self, plan: SheetPlan, number: int) -> list[str]:
        """The row's values past the columns the sheet reads (past its last header), each under its letter, but
        for another table's columns (``plan.ignored``: a legend past an empty column) and a key's cells."""
        return [f"Column {column_letters(c)}: {v.parse_text(x)}" for c, x in self._past.get(number, {}).items()
                if c not in plan.ignored and (number, c) not in self._in_key and v.parse_text(x) not in EXCEL_ERRORS]

    def _past_lines(self, plan: SheetPlan, number: int) -> list[str]:
        """``_past_values`` kept on the record; their columns named in the report as kept in the notes."""
        # each kept column named as its line is made: looking each column up among the row's lines again made a
        # row cost its past columns squared (a 1,000 × 1,000 grid of sentences, 500 columns past its header: grid55)
        lines = []
        for c, x in self._past.get(number, {}).items():
            if c not in plan.ignored and (number, c) not in self._in_key and \
                    (v.parse_text(x) not in EXCEL_ERRORS or self._error_kept(number, c, x)):
                letters = column_letters(c)
                lines.append(f"Column {letters}: {v.parse_text(x)}")
                self._past_used[c] = UnheadedColumn(f"Column {letters}")
        return lines

    def _say_numbered_priority(self, plan: SheetPlan, reg: Register, reader: SheetReader, header_row: int,
                               width: int, kept: list[tuple[int, tuple[Any, ...]]] | None) -> None:
        """Said once a sheet of a priority column kept in the notes whose numbers give each row's priority (the
        column's line says "kept in the notes", and its numbers were read all the same, unsaid: classes92): which
        way they count — a level, the higher the more important, under an impact or importance header; else a
        rank, 1 the most urgent."""
        at = self._numbered_priority
        assert at is not None
        f = reg.field("priority")
        if not any(numbered_priority(f, r[at], self._priority_as_level) is not None
                   for _n, r in _first_rows(kept, reader, header_row, width) if at < len(r)):
            return
        choices = list(f.choices)
        if self._priority_as_level:
            low = 5 - len(choices) + 1
            scale = ", ".join([*(f"{n} → {choices[n - 1 - (5 - len(choices))]}" for n in range(5, low, -1)),
                               f"{low} and less → {choices[0]}"])
            way = f"a level, the higher the more important ({scale})"
        else:
            ranked = list(reversed(choices))
            scale = ", ".join(f"{n}{' and more' if n == len(ranked) else ''} → {x}" for n, x in enumerate(ranked, 1))
            way = f"a rank, 1 the most urgent ({scale})"
        plan.say(f"“{_one_line(str(plan.extras[at]))}” gives the priority as a number, read as {way}; the number "
                 "is the priority, no longer kept in the notes.")

    def _priority_by_number(self, reg: Register, plan: SheetPlan, row: tuple[Any, ...], width: int,
                            values: dict[str, Any], lines: list[str]) -> list[str]:
        """A priority kept in the notes because its cells are numbers ("Priority (1-5)": 1), read as the
        record's priority by ``numbered_priority`` (1 the highest), its line no longer in the notes."""
        c = self._numbered_priority
        assert c is not None
        raw = row[c] if c < width else None
        f = reg.field("priority")
        if self._priority_keyed is not None:  # the workbook's own key (priority_keys)
            n = whole_number(raw)
            ranked = self._priority_keyed.get(n) if n is not None else None
        elif self._priority_score_top is not None:  # a score, higher the worse (score_priorities)
            n = whole_number(raw)
            ranked = scored_choice(f.choices, n, self._priority_score_top) if n is not None else None
        else:
            ranked = numbered_priority(f, raw, self._priority_as_level) if raw is not None else None
        if ranked is None:
            return lines
        values["priority"] = ranked
        line = f"{plan.extras[c]}: {v.parse_text(raw)}"
        return [x for x in lines if x != line]

    def _priority_by_label(self, reg: Register, row: tuple[Any, ...], width: int, values: dict[str, Any]) -> None:
        """The priority a row's labels name ("bug, High" → High; "P1" → Critical), when exactly one priority
        is among them; the labels stay in the notes as written."""
        c = self._labelled_priority
        assert c is not None
        raw = row[c] if c < width else None
        if not isinstance(raw, str):
            return
        f, said = reg.field("priority"), set()
        for tag in re.split(r"[,;|]", raw):
            if not tag.strip():
                continue
            try:
                said.add(self._translator.parse(f, tag.strip(), Context()))
            except ValidationError:
                continue
        said.discard(None)
        if len(said) == 1:
            values["priority"] = said.pop()

    def _same_category(self, row: tuple[Any, ...], values: dict[str, Any]) -> bool:
        c = self._category_col
        raw = row[c] if c is not None and c < len(row) else None
        stored = values.get("category")
        if not isinstance(raw, str) or not stored:
            return True
        key = (raw, str(stored))
        same = self._categories_seen.get(key)
        if same is None:
            same = self._categories_seen[key] = same_category(raw, str(stored))
        return same

    def _own_category(self, plan: SheetPlan, row: tuple[Any, ...], width: int, values: dict[str, Any],
                      lines: list[str]) -> list[str]:
        """The sheet's own category word, where the office's list stores it as another of its categories
        ("Communication" as People, "Procurement" as Commercial): kept in the notes under its header, so that
        the sheet's word is never lost. The same word ("Financial Risk" as Financial) adds nothing."""
        c = self._category_col
        assert c is not None
        raw = row[c] if c < width else None
        stored = values.get("category")
        if not isinstance(raw, str) or not raw.strip() or not stored:
            return lines
        if self._same_category(row, values):
            written = " ".join(raw.split())
            rest = written.casefold().replace(str(stored).casefold(), " ", 1).split()
            if written.casefold() != str(stored).casefold() and str(stored).casefold() in written.casefold() \
                    and rest and all(word_key(w) in CATEGORY_NOUNS for w in rest) \
                    and str(stored) not in (self._category_choices or ()):
                # the noun dropped from a category of the sheet's own ("Third-Party Risk" → Third-Party): one
                # category with the word written alone, as the rules have it, and said (unseen set 78)
                n = self._nouns_dropped.get(written, (str(stored), 0))[1]
                self._nouns_dropped[written] = (str(stored), n + 1)
            return lines
        head = note_label(plan.headers[c]) if c < len(plan.headers) and plan.headers[c] \
            else "Category"
        if any(line.startswith(f"{head}:") for line in lines):
            return lines  # a key of the sheet already spelled the code out there
        return [*lines, f"{head}: {' '.join(raw.split())}"]

    def _kind_by_category(self, row: tuple[Any, ...], width: int, values: dict[str, Any]) -> None:
        """A category cell naming the kind ("Возможности", "Opportunities", "Threats"): the risk is of that kind
        and of no category — the office keeps opportunities and threats apart by their kind, and a category
        "Opportunities" would list them as one more kind of threat. The word is the kind's, so nothing is lost."""
        c = self._category_col
        assert c is not None
        raw = row[c] if c < width else None
        kind = self._category_kinds.get(word_key(raw)) if raw.__class__ is str else None
        if kind is not None:  # (the category is taken off in _say_kinds, after the groups' labels are carried)
            values["kind"] = kind
            self._kinds_told[kind] += 1

    def _strategy_of(self, f: Field, words: str) -> str | None:
        """The response strategy a cell's opening words name ("Avoiding" → Avoid, "Transfering" → Transfer), read
        as the response's cells are but by a reader of its own, so that nothing is said for them; None for none."""
        if words not in self._leads_read:
            try:
                found = self._lead_reader.parse(f, words, self.ctx)
            except ValidationError:
                found = None
            self._leads_read[words] = found if isinstance(found, str) and found in (f.choices or ()) else None
        return self._leads_read[words]

    def _say_strategy_led(self, plan: SheetPlan) -> None:
        """A response column read as "strategy: what is done", said once a sheet; its cells are no slip or part read
        of a response word (the header check read them whole before the column was decided), so not said so too."""
        if not self._leads_said or self._response_col is None:
            return
        plan.say(strategy_led_note(_one_line(str(self._headers[self._response_col])), self._leads_said))
        for found in (self._translator.slips, self._translator.by_part):
            for cell in self._led_cells & found.get("response", {}).keys():
                found["response"].pop(cell)
        self._leads_said = {}

    def _say_not_acted_on(self, plan: SheetPlan) -> None:
        """The plan columns some of whose cells say the risk is not acted on, said once a column."""
        for c, n in sorted(self._not_acted_on.items()):
            head = _one_line(str(self._headers[c])) if 0 <= c < len(self._headers) and self._headers[c] else "Response"
            rows = "1 row" if n == 1 else f"{n} rows"
            plan.say(f"“{head}” says on {rows} that nothing is done (“not handled”, “no action required” or the "
                     "like): no action made of it, the text kept in the notes.")

    def _say_unknown_states(self, plan: SheetPlan, reg: Register) -> None:
        """The status words no list of the office knows, said once a column with how many rows wrote each: those
        rows were imported at the state a new record starts in (``_unknown_state``), not left out."""
        # only the rows still imported at the end (a row planned, then skipped as a heading, says nothing)
        kept = {r.report.row for r in plan.rows if r.report.action in (Action.INSERT, Action.UPDATE)}
        for name, rows in self._unknown_states.items():
            written = Counter({w: len(numbers & kept) for w, numbers in rows.items() if numbers & kept})
            if not written:
                continue
            f = reg.field(name)
            shown = ", ".join(f"“{w}” ({n} {'row' if n == 1 else 'rows'})" for w, n in written.most_common(6)) + \
                (" …" if len(written) > 6 else "")
            plan.say(f"{f.label}: {shown} {'is no state' if len(written) == 1 else 'are no states'} the office "
                     f"knows: {'that row is' if sum(written.values()) == 1 else 'those rows are'} imported as "
                     f"“{reg.defaults['status']}”, the state a new {reg.noun} starts in, the word kept in the notes "
                     "(translate it in the preview to place it).")
        self._unknown_states = {}

    def _say_several_days(self, plan: SheetPlan, reg: Register) -> None:
        """The date columns some of whose imported rows name several days of one month, said once a column."""
        kept = {r.report.row for r in plan.rows if r.report.action in (Action.INSERT, Action.UPDATE)}
        for c, cells in sorted(self._several_days.items()):
            if not (rows := [n for n in cells if n in kept]) or (name := plan.mapping.get(c)) is None:
                continue
            head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else \
                reg.field(name).label
            plan.say(several_days_note(head, len(rows), cells[rows[0]]))
        self._several_days = {}

    def _say_zeros(self, plan: SheetPlan, reg: Register) -> None:
        """The rating columns some of whose imported rows rate 0, read as not rated: said once a column."""
        kept = {r.report.row for r in plan.rows if r.report.action in (Action.INSERT, Action.UPDATE)}
        for c, rows in sorted(self._zeros.items()):
            if not (rows & kept) or (name := plan.mapping.get(c)) is None:
                continue
            f = reg.field(name)
            head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else f.label
            plan.say(zero_note(head, len(rows & kept), f.label, f.scale_max(self.ctx)))
        self._zeros = {}

    def _say_kinds_not_levels(self, plan: SheetPlan, reg: Register) -> None:
        """The priority columns some of whose imported rows write a kind of record or action instead of a level
        ("PREVENTIVA"): said once a column, with each word and its rows."""
        kept = {r.report.row for r in plan.rows if r.report.action in (Action.INSERT, Action.UPDATE)}
        for c, cells in sorted(self._kinds_not_levels.items()):
            words = Counter(text for n, text in cells.items() if n in kept)
            if not words or (name := plan.mapping.get(c)) is None:
                continue
            f = reg.field(name)
            head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else f.label
            said = ", ".join(f"“{w}” ({n} row{'s' if n > 1 else ''})" for w, n in sorted(words.items()))
            plan.say(f"“{head}”: {said} name{'s' if len(words) == 1 else ''} a kind of {reg.noun} or action "
                     f"(preventive, corrective, positive …), not a {f.label.lower()}: the {f.label.lower()} left "
                     "empty, the word kept in the notes.")
        self._kinds_not_levels = {}

    def _say_over(self, plan: SheetPlan) -> None:
        """The chance columns some of whose cells say the risk is over, said once a column (``over_word``)."""
        for c, n in sorted(self._overs.items()):
            head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else "Probability"
            rows = "1 row" if n == 1 else f"{n} rows"
            plan.say(f"“{head}” says on {rows} that the risk is over (closed, avoided, resolved or occurred), no "
                     "chance of it: its status is set so where no status is given, its probability left empty, the "
                     "word kept in the notes.")

    def _opportunity_sizes(self, plan: SheetPlan, fields: Sequence[tuple[int, Field]],
                           unplaceable: list[tuple[Field, str, str]], values: dict[str, Any],
                           translator: Any) -> list[tuple[Field, str, str]]:
        """An opportunity's impact written negative ("-4", opportunity_signs): its size is the level, the
        number kept in the notes under its header; said once a column (_say_opportunity_signs)."""
        kept = []
        for f, why, text in unplaceable:
            size = opportunity_size(text, values) if f.name in SIGNED_FIELDS else None
            at = next((c for c, g in fields if g is f), None)
            if size is not None and at is not None:
                try:
                    level = translator.parse(f, size, self.ctx, self._typed_cols.get(at, (f, None))[1])
                except ValidationError:
                    level = None
                if level is not None:
                    values[f.name] = level
                    self._long_texts.append(f"{self._heading(plan, at, f)}: {text}")
                    self._signed[self._heading(plan, at, f)] += 1
                    continue
            kept.append((f, why, text))
        return kept

    def _say_opportunity_signs(self, plan: SheetPlan) -> None:
        for head, n in self._signed.items():
            plan.say(opportunity_note(_one_line(head), n))

    def _strategy_kinds(self, plan: SheetPlan) -> None:
        """The risks an opportunity's strategy alone made opportunities stay threats, unless the sheet's strategies
        tell the kind (``strategy_kinds``): the strategy not set, said in the notes and once here."""
        if not self._by_strategy:
            return
        made = [p for p in plan.rows if p.report.action in (_INSERT, _UPDATE)]
        if strategy_tells_kind((p.values.get("response") for p in made), _OPPORTUNITY_ONLY, _THREAT_ONLY):
            return
        kept = 0
        for prow in made:
            if prow.report.row not in self._by_strategy or prow.values.get("kind") != "Opportunity" or \
                    prow.values.get("response") not in _OPPORTUNITY_ONLY:
                continue
            response = prow.values.pop("response")
            del prow.values["kind"]
            written = self._by_strategy[prow.report.row]
            line = kept_a_threat_line(response, v.parse_text(written) if written is not None else None)
            prow.values["notes"] = "\n".join(x for x in (prow.values.get("notes"), line) if x)
            kept += 1
        if kept:
            c = self._response_col
            head = _one_line(str(self._headers[c])) if c is not None and c < len(self._headers) and self._headers[c] \
                else "Response"
            risks = "1 risk" if kept == 1 else f"{kept} risks"
            plan.say(f"“{head}” gives {risks} a strategy for an opportunity (exploit, enhance, share) where the "
                     "sheet's other strategies are a threat's and nothing else says they are opportunities: kept "
                     "threats, the strategy not set and said in their notes.")

    def _read_rated_again(self, reg: Register, row: tuple[Any, ...], prow: PlannedRow) -> None:
        """The residual ratings the row's reference names on another sheet ("ED-RIE-03": its new probability and
        effect beside the strategy's actions there), read as the sheet's own cells of those fields would be; a
        rating not read so stays the text of the reference's note."""
        for c, by_code in self._ratings_by_reference.items():
            x = row[c] if c < len(row) else None
            # the reference as written, or leading its text once spelled out ("ED-RIE-03 (Hacer …)")
            given = (by_code.get(x.strip().casefold()) or by_code.get(x.split(" (", 1)[0].strip().casefold())) \
                if isinstance(x, str) else None
            for name, text in (given or {}).items():
                if prow.values.get(name) is None and \
                        (value := self._pair_value(reg, name, _one_line(str(text)))) is not None:
                    prow.values[name] = value

    def _default_rows(self, plan: SheetPlan, reg: Register, untitled: dict[int, tuple[tuple[Any, ...], list[int]]],
                      code_col: int, fields: list[tuple[int, Field]]) -> None:
        """A template's rows holding only what its dropdowns write by default (unseen set 76: seven numbered bugs
        of "2 | Medium | New" under a bug list, thirty rows of "Not Started" alone under a tracker's one bug): no
        title, and beside the number (and zeros or blanks of formulas) only short values each column holds the
        same on every such row, in no column of people, dates or long text — two such rows at least. They were
        left out one line each as records missing their title, or skipped one line each as notes; they are the
        template's rows, skipped as one line a run of them and said once for the sheet. A row writing anything
        else (a name, a date, another word) stays a record missing its title, left out with the reason."""
        kinds = {c: f for c, f in fields}
        candidates: dict[int, int] = {}  # row → its index in plan.rows
        for i, prow in enumerate(plan.rows):
            report = prow.report
            if report.row not in untitled:
                continue
            if (report.action is Action.ERROR and not prow.has_title) or report.action is Action.SKIP and (
                    report.reason.startswith("looks like a note") or
                    report.reason.startswith("an empty template row (only its number")):
                candidates[report.row] = i
        own: dict[int, list[int]] = {}
        values: dict[int, set[str]] = {}
        for number in candidates:
            row, filled = untitled[number]
            cells = [c for c in filled if c != code_col and not _zero(row[c]) and row[c] != row[code_col]]
            for c in cells:
                x = row[c]
                f = kinds.get(c)
                if isinstance(x, (date, datetime)) or (isinstance(x, str) and len(x.strip()) > 30) or \
                        (f is not None and (f.kind.free_text or f.kind.refers or f.kind is Kind.DATE)):
                    break
                values.setdefault(c, set()).add(word_key(x))
            else:
                own[number] = cells
        defaults = {c for c, seen in values.items() if len(seen) == 1}
        rows = sorted(n for n, cells in own.items() if all(c in defaults for c in cells))
        if len(rows) < 2 or not any(own[n] for n in rows):
            return
        words = sorted({v.parse_text(untitled[n][0][c]) for n in rows for c in own[n]})
        shown = ", ".join(f"“{w}”" for w in words[:4]) + (" …" if len(words) > 4 else "")
        runs: list[list[int]] = []
        for n in rows:
            if runs and candidates[n] == candidates[runs[-1][-1]] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        gone: set[int] = set()
        for run in runs:
            for n in run:
                i = candidates[n]
                self._forget_unplaced(plan, plan.rows[i])
                if plan.rows[i].report.action is Action.ERROR:
                    self._unclaim(reg, plan.rows[i].report.code)
            span = f"row {run[0]}" if len(run) == 1 else f"rows {run[0]}–{run[-1]}"
            plan.rows[candidates[run[0]]] = PlannedRow(RowReport(
                plan.sheet, run[0], Action.SKIP, "",
                f"empty template rows ({span}: no title, only a number and the template's defaults {shown}), not "
                "records."))
            gone.update(candidates[n] for n in run[1:])
        if gone:
            plan.rows[:] = [p for i, p in enumerate(plan.rows) if i not in gone]
        plan.say(f"{len(rows)} rows hold no title and only what the template writes on every row ({shown}): "
                 f"empty template rows, skipped.")

    def _untitled_template(self, plan: SheetPlan, reg: Register, title_head: Any) -> None:
        """An empty template: no row of the sheet gives a title, its numbered rows are empty but for one or two
        whose other cells (a date the template wrote) name nothing — a meeting's action-items sheet numbered 1–15
        under its header, "1" with two dates (unseen set 72: the workbook refused whole, "Title cannot be empty").
        Such a row is no record missing its title but the template's, said once a sheet: nothing to import. A sheet
        with a row titled, or with no numbered empty rows, keeps its untitled rows as errors with their reason."""
        made = [i for i, p in enumerate(plan.rows) if p.report.action is not Action.SKIP]
        numbered = sum(1 for p in plan.rows if p.report.action is Action.SKIP and
                       p.report.reason.startswith("an empty template row"))
        if not made or numbered < _TEMPLATE_ROWS_MIN or \
                any(plan.rows[i].report.action is not Action.ERROR or plan.rows[i].has_title for i in made):
            return
        # a row writing more than a few cells is a record whose title is missing, left out with its reason
        if any(sum(1 for x in plan.rows[i].raw or () if x is not None and str(x).strip()) > _TEMPLATE_CELLS_MAX
               for i in made):
            return
        for i in made:
            report = plan.rows[i].report
            self._forget_unplaced(plan, plan.rows[i])
            self._unclaim(reg, report.code)
            plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                "an empty template row (its number and cells beside it filled, no "
                                                "title on any row of the sheet), not a record."))
        head = f"“{_one_line(str(title_head))}”" if title_head else "the title"
        rows = [plan.rows[i].report.row for i in made]
        where = f"row {rows[0]}" if len(rows) == 1 else f"rows {', '.join(map(str, rows))}"
        plan.say(f"An empty template: no row gives {head} — its {numbered + len(made)} numbered rows are empty but "
                 f"for a few cells of {where} — so nothing is imported from it as {reg.name}.")

    def _say_named_by_group(self, plan: SheetPlan) -> None:
        """The stakeholders named by their group (``group_rows``), said once a sheet."""
        named = {p.report.row for p in plan.rows if p.report.action in (_INSERT, _UPDATE)} & set(self._named_by_group)
        if not named:
            return
        heads = " or ".join(f"“{_one_line(str(self._headers[c]))}”" for c in self._label_cols if c < len(self._headers))
        n = len(named)
        plan.say(f"{n} row{'s' if n != 1 else ''} with no name and no role write{'' if n != 1 else 's'} a group of "
                 f"{heads} of {'their' if n != 1 else 'its'} own: {'each is a stakeholder' if n != 1 else 'a stakeholder'}"
                 " named by that group, not a line of the record above; a category left blank is the one written "
                 "above it.")
        alone = named & set(self._alone_groups)
        if alone:
            rows = ", ".join(str(n) for n in sorted(alone))
            plan.say(f"Row{'s' if len(alone) > 1 else ''} {rows} write{'' if len(alone) > 1 else 's'} a group alone "
                     f"with another group written under {'each' if len(alone) > 1 else 'it'}: no heading over rows of "
                     f"{'its' if len(alone) == 1 else 'their'} own, so {'each is a stakeholder' if len(alone) > 1 else 'a stakeholder'} "
                     "named by that group.")

    def _say_kinds(self, plan: SheetPlan) -> None:
        """The category column naming the kind of some risks, said once a sheet (``_kind_by_category``)."""
        if not self._kinds_told or self._category_col is None:
            return
        for prow in plan.rows:
            told = prow.values.get("category")
            if told.__class__ is str and "kind" in prow.values and word_key(told) in self._category_kinds:
                del prow.values["category"]
        c = self._category_col
        head = _one_line(str(self._headers[c])) if c < len(self._headers) and self._headers[c] else "Category"
        told = ", ".join(f"{n} {'an opportunity' if kind == 'Opportunity' else 'a threat'}" if n == 1 else
                         f"{n} {'opportunities' if kind == 'Opportunity' else 'threats'}"
                         for kind, n in sorted(self._kinds_told.items()))
        plan.say(f"“{head}” names the kind of some risks, not a category ({told}): each is stored of that kind, "
                 "with no category.")

    def _own_ratings(self, reg: Register, row: tuple[Any, ...], width: int, values: dict[str, Any],
                     lines: list[str]) -> list[str]:
        """The sheet's own rating words ("Risk Rating: Major") stay in the notes only on the rows where they
        differ from the office's rating of the same levels (Critical for 4 × 4): where they agree, the office
        says it again."""
        out = list(lines)
        for c, name in self._rating_words.items():
            if c >= width or v.is_blank(row[c]):
                continue
            compute = reg.field(name).compute
            try:
                office = compute(values, self.ctx) if compute is not None else None
            except (TypeError, ValueError, KeyError):
                office = None
            number = isinstance(self._extras_heads[c], ScoreWords) and (
                not isinstance(row[c], str) or any(ch.isdigit() for ch in row[c]))
            if number or (office and word_key(office) == word_key(row[c])):
                line = f"{self._extras_heads[c]}: {v.parse_text(row[c])}"
                if line in out:
                    out.remove(line)
        return out

    @staticmethod
    def _same_record(reg: Register, first: PlannedRow, values: dict[str, Any], borrowed: str | None = None) -> bool:
        # a sheet with no title column titles its rows from another text (its description): compare that
        title = borrowed or next((f.name for f in reg.fields if f.required), "")
        mine, theirs = values.get(title), first.values.get(title)
        return not mine or not theirs or _similar(str(mine), str(theirs))

    def _another_copy(self, plan: SheetPlan, earlier: str, reg: Register, first: PlannedRow,
                      values: dict[str, Any]) -> bool:
        """The sheet of one record is another copy of the earlier sheet's table (the same headers: an issue
        tracker's sheet a person, each numbering its issues from 1), and its record is another: titled otherwise
        than the earlier record of that ID. Round 61: a second person's issue 1 was merged into the first's."""
        return self._layouts.get(plan.sheet) == self._layouts.get(earlier) is not None and \
            not self._same_record(reg, first, values, self._title_from) and \
            bool(values.get(self._title_from or self._title_field or ""))

    def _another_version(self, plan: SheetPlan, earlier: str, first: PlannedRow, values: dict[str, Any]) -> bool:
        """The sheet is another version of the earlier sheet's table (a log kept a sheet a semester, each numbering
        from 1) and this row's title does not agree with the earlier record's of its ID: another record
        (sheet_versions; unseen set 70 merged two legacy decisions into this semester's 1 and 2)."""
        mine, theirs = self._layouts.get(plan.sheet), self._layouts.get(earlier)
        if mine is None or theirs is None or not same_table(mine, theirs):
            return False
        title = self._title_from or self._title_field or ""
        a, b = values.get(title), first.values.get(title)
        return bool(a and b) and not titles_agree(str(a), str(b))

    def _unclaim(self, reg: Register, code: str) -> None:
        if code and reg.key_field is not None:
            self.claimed[reg.name].pop(code.lower(), None)
            self.claimed_rows.pop((reg.name, code.lower()), None)

    @staticmethod
    def _spread_columns(reader: SheetReader, header_row: int, mapping: dict[int, str], reg: Register
                        ) -> dict[int, list[int]]:
        """A scale's header merged over a few columns ("Probability" over three), each row writing its level
        in one of them (L under the first, M under the second): column → the columns its header spans."""
        out: dict[int, list[int]] = {}
        for r0, c0, r1, c1 in reader.merged_ranges():
            name = mapping.get(c0)
            if not r0 <= header_row <= r1 or c1 <= c0 or name is None or name.startswith("@") or name == PARENT:
                continue
            if reg.field(name).kind is Kind.SCALE and not any(c in mapping for c in range(c0 + 1, c1 + 1)):
                out[c0] = list(range(c0 + 1, c1 + 1))
        return out

    def _labelled_marks(self, row: tuple[Any, ...], label_col: int) -> tuple[Any, ...]:
        """The row with its plain marks in the engagement matrix ("Yes") written as the level its label gives
        ("current" on the row labelled "Current"), so that the two rows of a stakeholder, merged into one
        record, still say which mark is which."""
        label = engagement_marks(row[label_col]) if label_col < len(row) else set()
        if len(label) != 1:
            return row
        word = next(iter(label))
        out = list(row)
        for c, _choice in self._engaged:
            x = out[c] if c < len(out) else None
            if x is not None and str(x).strip() and not engagement_marks(x):
                out[c] = word
        return tuple(out)

    @staticmethod
    def _merged_rows(reader: SheetReader, col: int | None, header_row: int) -> set[int]:
        """Row numbers whose cell in ``col`` continues a range merged down from the row above."""
        if col is None:
            return set()
        out: set[int] = set()
        for r1, c1, r2, c2 in reader.merged_ranges():
            if c1 <= col <= c2 and r2 > r1 and r1 > header_row:
                out.update(range(r1 + 1, r2 + 1))
        return out

    @staticmethod
    def _rating_keys(register: str, kept: list[tuple[int, tuple[Any, ...]]], title_col: int
                     ) -> dict[int, tuple[str, int | None]]:
        """The rows of a key to the ratings under the records (``_rating_key``; a row under the header before
        any record is the header's guidance, read as before): the row's number → its rating and told scale."""
        out: dict[int, tuple[str, int | None]] = {}
        records_above = False
        for number, row in kept:
            if records_above and (key := _rating_key(register, row, title_col)) is not None:
                out[number] = key
            elif row.count(None) != len(row):
                records_above = True
        return out

    @staticmethod
    def _legend_ladders(reader: SheetReader, header_row: int, headers: list[str], scale_cols: list[tuple[int, Field]],
                        columns: dict[int, list[Any]], profiles: dict[int, ColumnProfile]) -> None:
        """A probability or impact column of fractions read on the levels a legend beside the table gives its
        numbers ("0.8 | Almost Certain"), else on PMBOK's own values when it holds three or more of them, not as
        per cent (column_legends.side_ladder, classes72a): decided once a column, said in the sheet notes with
        what each number became, each cell kept in the notes. The legend is looked for only on a sheet with such
        a column, in its top rows, in cells of no headed column below the header's row."""
        fractions = [(c, f) for c, f in scale_cols if profiles[c].fractions and not profiles[c].ladder]
        if not fractions:
            return
        top = reader.top_rows(fill_merged=False)

        def free(r: int, c: int) -> bool:
            return r + 1 < header_row or r + 1 > header_row and (c >= len(headers) or not headers[c])

        legends = side_legends(top, free)
        for c, f in fractions:
            numbers = list(dict.fromkeys(n for x in columns[c] if (n := written_number(x)) is not None))
            found = side_ladder(f.name, numbers, legends)
            if found is not None:
                profiles[c] = replace(profiles[c], fractions=False, ladder=found[0], ladder_said=found[1])

    def _column_profiles(self, reader: SheetReader, header_row: int, width: int, fields: list[tuple[int, Field]],
                         headers: list[str], count_rows: bool = False, kind: SheetKind | None = None,
                         title_col: int | None = None) -> tuple[dict[int, ColumnProfile], set[int] | None, list[tuple[int, tuple[Any, ...]]] | None]:
        """How to read the numbers of each scale column (fractions 0–1? a 1–10 scale? the scale its header
        names?), from all its cells. This pass reads every row: with ``count_rows`` it also gives the hashes
        met on more than one row (None when the sheet has no scale column, so no such pass), and the rows it
        read when the sheet is short enough to hold (``KEEP_ROWS``: read once, not twice), else None.
        Rows from a probability–impact matrix drawn under the table on are no cells of its columns
        (``_matrix_caption``; its row number in ``self._matrix_at``), nor are a key's rows under the records
        (``_rating_key``), whose numbered steps tell its rating's scale as a legend does (key53)."""
        self._matrix_at = None
        self._key_rows = set()
        self._scale_words = {}
        self._factor_notes = []
        scale_cols = [(c, f) for c, f in fields if f.kind is Kind.SCALE]
        date_cols = [c for c, f in fields if f.kind is Kind.DATE]
        number_cols = [c for c, f in fields if f.kind.numeric]  # scales too: "2.500" is read the column's way
        self._date_order, self._unsettled_date, self._unsettled_number = v.DAY_FIRST, "", ""
        if not number_cols and not date_cols:
            return {}, None, None
        columns: dict[int, list[Any]] = {c: [] for c in number_cols}
        columns.update((c, []) for c in date_cols)
        once: set[int] = set()
        repeated: set[int] = set()
        kept: list[tuple[int, tuple[Any, ...]]] | None = [] if reader.declared_rows <= KEEP_ROWS else None
        ratings = frozenset(f.name for _c, f in scale_cols)
        matrix_scale: int | None = None
        key_scales: dict[str, int] = {}  # a rating → the scale a key under the records numbers (1 … 3)
        drawn: set[int] = set()  # scale columns read on the matrix's bands
        if kept is not None:  # held whole: each scale column and the rows' hashes taken column-wise, in C
            kept = list(reader.data_rows(header_row + 1, width, self._past))
            rows = list(map(itemgetter(1), kept))
            if ratings and kind is not None:
                self._matrix_at = _matrix_under(kind, ratings, kept)
                if self._matrix_at is not None:
                    rows = [r for n, r in kept if n < self._matrix_at]
                    matrix_scale = _matrix_bands(r for n, r in kept if n > self._matrix_at)
            if ratings and kind is not None and title_col is not None:
                keyed = self._rating_keys(kind.register, kept, title_col)
                self._key_rows = set(keyed)
                if keyed:
                    rows = [r for n, r in kept if n not in keyed and (self._matrix_at is None or n < self._matrix_at)]
                    key_scales = {name: told for name, told in keyed.values() if told is not None}
            if min(map(len, rows), default=0) > max(columns):
                for c in columns:
                    columns[c] = [x for x in map(itemgetter(c), rows) if x is not None]
            else:
                for c in columns:
                    columns[c] = [x for r in rows if c < len(r) and (x := r[c]) is not None]
            if count_rows:
                repeated = {key for key, n in Counter(map(hash, rows)).items() if n > 1}
        caption: int | None = None  # a lone rating's name under the records: a matrix if numbers follow it
        lead: int | None = None  # the first of the rows right above it that open a matrix (``_matrix_lead``)
        records_above = False
        # a sheet too long to hold: the matrix found row by row (its bands read only from a sheet held whole), a key
        # to the ratings by the planner (``_rating_key``, its scale not read)
        watch = bool(ratings) and kind is not None
        if kept is None and watch:
            self._key_rows = None
        for numbered in () if kept is not None else reader.data_rows(header_row + 1, width, self._past):
            row = numbered[1]
            if watch and kind is not None:
                empty = row.count(None)
                if caption is not None and empty != len(row):
                    if _numbers_of_a_matrix(row):
                        self._matrix_at, watch = caption, False
                        continue
                    caption = None
                if empty == len(row) - 1 and records_above and _matrix_caption(kind, ratings, row):
                    caption = numbered[0] if lead is None else lead  # from its title and other axis above
                    lead = None
                elif records_above and empty != len(row) and _matrix_lead(kind, ratings, row):
                    lead = numbered[0] if lead is None else lead
                else:
                    lead = None
                records_above = records_above or empty < len(row) - 1
            elif self._matrix_at is not None:
                continue
            for c in columns:
                x = row[c] if c < len(row) else None
                if x is not None:
                    columns[c].append(x)
            if count_rows:
                key = hash(row)
                if key in once:
                    repeated.add(key)
                else:
                    once.add(key)
        above = reader.top_rows()[header_row - 2] if header_row >= 2 else []
        above_header = reader.top_rows()[:max(header_row - 1, 0)]

        # a note over the sheet naming its scale in points ("10 бальна шкала", "a 10-point scale")
        noted = {t for r in reader.top_rows()[:max(header_row - 1, 0)] for x in r if (t := point_scale(x))}
        sheet_scale = noted.pop() if len(noted) == 1 else None

        scored = next((h for h in self._extras_heads.values() if isinstance(h, OwnScore) and h.levels), None)
        self._told_scales, self._told_words = {}, {}
        levels_of = value_words("scale")

        def words_only(values: list[Any]) -> bool:
            # words, not numbers — typed or written as text, as a CSV writes every cell (formats55: a CSV's
            # ratings of 1–3 were taken for words and read as levels 1–3 of five, not on its matrix's 3 bands)
            return all(isinstance(x, str) and written_number(x) is None for x in values)

        def own_legend(c: int) -> ToldScale | None:
            """The scale lines of "1: meaning" over the column declare (column_legends), for whole numbers on it:
            the column's own legend outranks a note or a legend of the whole workbook."""
            top = column_legend_scale(above_header, c)
            if top is None or not columns[c]:
                return None
            written = [written_number(x) for x in columns[c]]
            if all(n is not None and n.is_integer() and 1 <= n <= top for n in written):
                return ToldScale(top, COLUMN_LEGEND)
            return None

        def named_scale(c: int) -> Any:
            """The column's header, naming the scale the sheet tells for it (value_translation.told_scale)."""
            text = headers[c] if c < len(headers) else None
            # the sheet's own matrix under the table first: its bands are a legend of that sheet (round 51), which a
            # legend of the workbook's (its rows of "Alto | 3 | 6 | 9" read as one, scale51) does not override
            field = next(f for k, f in scale_cols if k == c)
            keyed = key_scales.get(field.name)  # a key under the table tells its rating's scale as a legend does
            legend = matrix_scale if matrix_scale is not None else \
                keyed if keyed is not None and keyed != field.scale_max(self.ctx) else self.legend_scale
            placed = self.translations.get(kind.register, {}).get(field.name, {}) if kind is not None else {}
            told = told_scale(text, above[c] if c < len(above) else None, sheet_scale, legend, columns[c],
                              scored.levels if scored is not None else None, str(scored or ""), placed)
            if told is None or told.source not in (HEADER, ABOVE):
                told = own_legend(c) or told
            if told is None:
                return text
            if told.source == LEGEND and matrix_scale is not None:
                # the bands of the matrix under the table (round 51): numbers on them are said as that rescaling,
                # each cell kept (Translator.parse, ``drawn``); its words are the office's words, as before
                if words_only(columns[c]):
                    return text
                drawn.add(c)
                return f"{text or ''} (1-{told.levels})"
            self._told_scales[c] = told
            if columns[c] and words_only(columns[c]):
                # level words on a told scale read as themselves: each said with the level it became
                field = next(f for k, f in scale_cols if k == c)
                top = field.scale_max(self.ctx)
                # the level a legend places a word at (importer._legend_places: a translation of that word),
                # else the office's word
                placed = self.translations.get(kind.register, {}).get(field.name, {}) if kind is not None else {}
                found = {w: int(placed[word_key(w)]) if word_key(w) in placed
                         else scale_from_word_level(int(levels_of[word_key(w)]), top)
                         for w in dict.fromkeys(" ".join(x.split()) for x in columns[c])
                         if word_key(w) in levels_of or word_key(w) in placed}
                self._told_words[c] = sorted(found.items(), key=lambda item: item[1])
            return text if told.source == HEADER else f"{text or ''} (1-{told.levels})"

        # numbers written as text, 2.500 or 1,234 (number_order): read the way the column, else the sheet, else
        # the sheets before it write their decimals; a column reading them with a decimal comma gets a profile
        decimals, sheet_numbers, self._unsettled_number = number_order.column_decimals(
            {c: columns[c] for c in number_cols}, self.file_numbers)
        self.file_numbers.add(sheet_numbers)
        profiles = {c: ColumnProfile.of(columns[c], f.scale_max(self.ctx), named_scale(c), decimals.get(c, ""),
                                        chance=f.name in CHANCE_FIELDS)
                    for c, f in scale_cols}
        _one_scale_for_both_ratings(profiles, scale_cols, columns)
        self._factor_notes = _factors_of_a_product(profiles, scale_cols, rows if kept is not None else None,
                                                   headers, self.ctx)
        self._legend_ladders(reader, header_row, headers, scale_cols, columns, profiles)
        # each scale column's distinct words, for the ties said once (_say_ties): the distinct cells first, in C
        # (a pass in Python over every cell was some 8 calls a row)
        self._scale_words = {c: list(dict.fromkeys(" ".join(x.split()) for x in dict.fromkeys(filter(_IS_STR, columns[c]))
                                                   if x.strip() and not any(ch.isdigit() for ch in x)))
                             for c, _f in scale_cols}
        for c, _f in scale_cols:  # the rating after the measures, read on the scale told for the one before
            declared = profiles[c].declared
            if c not in self._told_scales and declared:
                told = next((t for t in self._told_scales.values() if t.levels == declared), None)
                if told is not None:
                    self._told_scales[c] = told
        for c in drawn:
            if profiles[c].declared:
                profiles[c] = replace(profiles[c], drawn=True)
        profiles.update((c, ColumnProfile(decimal_comma=True)) for c, decimal in decimals.items()
                        if decimal == v.DECIMAL_COMMA and c not in profiles)
        # dates written 03/25/2026 (date_order): a month-first column gets a profile of its own (and with it
        # its own cache of parsed cells); a day-first one keeps the field's shared cache, as before
        orders, sheet_order, self._unsettled_date = date_order.column_orders(
            {c: (headers[c] if c < len(headers) else None, columns[c]) for c in date_cols})
        self._date_order = sheet_order or v.DAY_FIRST
        profiles.update((c, ColumnProfile(month_first=True)) for c, order in orders.items() if order == v.MONTH_FIRST)
        for c in date_cols:  # "14-May" among 5/14/2023 (a CSV of Excel's "d-mmm" cells): the column's one year
            year = date_order.year_of_yearless(columns[c])
            if year is not None:
                profiles[c] = replace(profiles.get(c) or ColumnProfile(), year=year)
        return profiles, repeated if count_rows else None, kept

    def _plan_row(self, plan: SheetPlan, reg: Register, parent_reg: Register | None, number: int, row: tuple[Any, ...],
                  fields: list[tuple[int, Field]], code_col: int | None, parent_col: int | None,
                  strict_refs: list[tuple[int, Field]],
                  title_col: int | None = None) -> PlannedRow:
        self._claiming = None
        if self._per_cent is not None:
            row = self._per_cent_read(plan, number, row)
        with controls_checked_later():  # checked by _plan_values itself, of an update only what it changes
            prow = self._plan_values(plan, reg, parent_reg, number, row, fields, code_col, parent_col, strict_refs)
        if self._unaligned and (why := self._unaligned.get(number)) is not None:
            prow = self._refused_unaligned(reg, plan, prow, why)
        elif prow.report.action == Action.ERROR and self._typed_cols and \
                (off := one_off_side(row, self._typed_cols, self._reads)) is not None:
            prow = self._read_one_off(plan, reg, parent_reg, number, row, fields, code_col, parent_col, strict_refs,
                                      prow, off)
        if self._ratings_by_reference and prow.report.action in (Action.INSERT, Action.UPDATE):
            self._read_rated_again(reg, row, prow)
        if self._claiming is not None and prow.report.action in (Action.INSERT, Action.UPDATE):
            self.claimed_rows[self._claiming] = prow
        if title_col is not None:
            title = row[title_col] if title_col < len(row) else None
            prow.has_title = title is not None and (not isinstance(title, str) or bool(title.strip())) or \
                number in self._named_by_group
        if prow.report.action == Action.ERROR or parent_reg is not None:
            # a sub-table's rows keep their cells too: one refused refuses its family's (refuse_whole_families), and
            # the rows-left-out workbook writes them
            prow.raw = row
            if number in self._past:  # the rows-left-out workbook has its values past the header too
                past = self._past[number]
                prow.raw = (*row, *(past.get(c) for c in range(len(row), max(past) + 1)))
        return prow

    def _per_cent_read(self, plan: SheetPlan, number: int, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """``row`` with its numbers written as percentages read as the per cent they show where its unit is per
        cent ("%"): "80 %" → 80, and 0.8 in a cell shown as 80 % → 80 (``percent_cells``, read once a sheet, only
        when such a row is). Said once a sheet."""
        assert self._per_cent is not None
        path, title, unit_col, numbers = self._per_cent
        if unit_col >= len(row) or not per_cent_unit(row[unit_col]):
            return row
        out = list(row)
        for c in numbers:
            raw = row[c] if c < len(row) else None
            shown = ""
            if isinstance(raw, str) and raw.strip().endswith("%"):
                try:
                    out[c] = float(raw.strip()[:-1].strip().replace(",", "."))
                except ValueError:
                    continue
                shown = raw.strip()
            elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
                if self._per_cent_cells is None:
                    self._per_cent_cells = percent_cells(path, title)
                if (number - 1, c) not in self._per_cent_cells:
                    continue
                out[c] = float(f"{raw * 100:.12g}")
                shown = f"{raw * 100:.12g} %"
            else:
                continue
            if "measured in %" not in (plan.note or ""):
                label = plan.headers[c] if c < len(plan.headers) and plan.headers[c] else numbers[c]
                plan.say(f"Numbers written as percentages in records measured in % (“{shown}” in {label}) are read "
                         "as the per cent they show: 80 % as 80, not 0.8.")
        return tuple(out)

    def _reads(self, c: int, raw: Any) -> bool:
        """Whether ``raw`` is a value of column ``c``'s typed field (a level, a choice, a date) as the column
        reads it (``typed_one_off``)."""
        f, profile = self._typed_cols[c]
        return self._translator.reads(f, raw, self.ctx, profile)

    def _read_one_off(self, plan: SheetPlan, reg: Register, parent_reg: Register | None, number: int,
                      row: tuple[Any, ...], fields: list[tuple[int, Field]], code_col: int | None,
                      parent_col: int | None, strict_refs: list[tuple[int, Field]], refused: PlannedRow,
                      off: tuple[int, list[int]]) -> PlannedRow:
        """A row left out whose typed values stand one column off their headers (``typed_one_off``): read with
        every value moved back under its header when the whole row stands so and it then reads without an
        error — kept only if a row beside it stands the same way (``_one_off_runs``, at the sheet's end) —, else
        left out saying where its values stand, not with the wrong column's reasons alone."""
        side, moved = off
        said = "; ".join(f"“{_one_line(v.parse_text(row[c + side]))}” under “{_one_line(plan.headers[c + side])}”, "
                         f"not “{_one_line(plan.headers[c])}”" for c in moved[:3]
                         if c + side < len(plan.headers) and c < len(plan.headers))
        why = f"Its values stand one column {side_words(side)} of their headers ({said})"
        columns = [c for c, _f in fields] + list(plan.extras)
        moved_back = shifted(row, side, min(columns), max(columns)) if columns else None
        if moved_back is not None and all(v.is_blank(moved_back[c]) or self._reads(c, moved_back[c])
                                          for c in self._typed_cols if c < len(moved_back)):
            # every typed value read back under its header reads as its field's: the whole row stands so; the
            # ID it claimed read as it stands (a title under "ID") is no ID of this import's
            code = refused.report.code.lower() if refused.report.code else ""
            claim = self.claimed[reg.name].get(code) if code else None
            if claim == (plan.sheet, number):
                self._unclaim(reg, code)
            with controls_checked_later():
                again = self._plan_values(plan, reg, parent_reg, number, moved_back, fields, code_col, parent_col,
                                          strict_refs)
            if again.report.action in (Action.INSERT, Action.UPDATE):
                self._forget_unplaced(plan, refused)
                refused.report.reason = f"{why}, and no row beside it stands so: left out. {refused.report.reason}"
                self._one_off[number] = (side, refused, why)
                return again
            self._forget_unplaced(plan, again)
            tried = again.report.code.lower() if again.report.code else ""
            if tried and tried != code and self.claimed[reg.name].get(tried) == (plan.sheet, number):
                self._unclaim(reg, tried)  # the ID of the reading not taken
            if claim == (plan.sheet, number):
                self.claimed[reg.name][code] = claim  # refused as before: its ID counted as before
        refused.report.reason = f"{why}: read as they stand they are wrong, so the row is left out. " \
            f"{refused.report.reason}"
        self._one_off_left.setdefault(side, []).append(number)
        return refused

    def _one_off_runs(self, plan: SheetPlan, reg: Register) -> None:
        """Rows read one column off (``_read_one_off``) stay so only in a run: a row with no such row beside it
        is left out after all, its reasons as the sheet has them (one row is no evidence of a paste gone one
        cell off). The sheet notes say what was read so and what was left out."""
        kept = 0
        for i, prow in enumerate(plan.rows):
            n = prow.report.row
            if n not in self._one_off:
                continue
            side, refused, _why = self._one_off[n]
            if any(self._one_off.get(k, (0,))[0] == side for k in (n - 1, n + 1)):
                kept += 1
                continue
            self._unclaim(reg, prow.report.code)
            self._forget_unplaced(plan, prow)
            for name, value in refused.unplaced or ():
                counts = plan.unplaced.setdefault(name, {})
                counts[value] = counts.get(value, 0) + 1
            plan.rows[i] = refused
        if kept:
            plan.say(f"{kept} rows stand one column off their headers, every typed value beside its column (levels, "
                     "choices, dates): read with each value under its header.")
        for side, numbers in sorted(self._one_off_left.items()):
            plan.say(f"{len(numbers)} {'row has' if len(numbers) == 1 else 'rows have'} values standing one column "
                     f"{side_words(side)} of their headers, but not every value so (rows {row_ranges(numbers)}): left "
                     "out, each saying where its values stand, rather than read under the wrong headers.")

    def _refused_unaligned(self, reg: Register, plan: SheetPlan, prow: PlannedRow, why: str) -> PlannedRow:
        """A CSV row with more cells than columns and no telling which cell held the delimiter
        (csv_overflow): refused with its reason, rather than imported with values under the wrong columns."""
        if prow.report.action == Action.ERROR:
            prow.report.reason = why + " " + prow.report.reason
        if prow.report.action not in (Action.INSERT, Action.UPDATE):
            return prow
        self._unclaim(reg, prow.report.code)
        self._claiming = None
        return PlannedRow(RowReport(plan.sheet, prow.report.row, Action.ERROR, prow.report.code, why))

    def _plan_values(self, plan: SheetPlan, reg: Register, parent_reg: Register | None, number: int,
                     row: tuple[Any, ...], fields: list[tuple[int, Field]], code_col: int | None,
                     parent_col: int | None, strict_refs: list[tuple[int, Field]]) -> PlannedRow:
        errors: list[str] = []
        values: dict[str, Any] = {}
        ctx = self.ctx
        width = len(row)
        translator = self._translator
        unplaced: list[tuple[str, str]] = []
        creates: list[tuple[str, str]] = []  # projects the row names that the office lacks, created if it imports
        written: list[str] = []  # responses written out, read as the response plan
        zeroed: list[Field] = []  # scale fields given 0, below their scale: left empty
        currencies: list[str] = []  # the currency of each amount of money read into a number field ("£250k")
        worded = False  # one of them a unit word ("12 days"), not a currency
        unplaceable: list[tuple[Field, str, str]] = []  # (field, why, the cell's text) of values no rule placed
        texts = self._texts
        lengths = self._length_checks  # a plain text read below is within its length already
        fast = self._fast_values(row)
        over: str | None = None  # the status a chance's level says ("Resolved / Avoided"): the risk is over
        for c, f, name, cache, profile, text_limit in () if fast is not None else self._steps:
            raw: Any = row[c] if c < width else None
            if raw.__class__ is Uncalculated:  # a formula no program calculated: no value to take, said
                raw.tell(f.label, errors)
                continue
            if self._over_fields and name in self._over_fields and (said := over_word(f, raw)) is not None:
                # "Resolved / Avoided" on the probability scale (a lookup sheet's level 0): no chance left to
                # rate, the risk is closed (or occurred); the status column, if it says anything, has the last
                # word; the probability stays empty and the word is kept in the notes, said once a column
                over = over or said
                self._overs[c] += 1
                self._long_texts.append(f"{self._heading(plan, c, f)}: {_one_line(raw)}")
                continue
            if f.kind is Kind.DATE and raw.__class__ is str and (first_day := first_of_days(raw)) is not None:
                # "17,18,19/04/2020": raised on the first of the days, the whole cell kept in the notes and the
                # column said once (several_days)
                self._long_texts.append(f"{self._heading(plan, c, f)}: {raw.strip()}")
                self._several_days.setdefault(c, {})[number] = raw.strip()
                raw = first_day
            if raw.__class__ is str and f.kind.is_reference and (dated := _name_then_date(raw)) is not None:
                # "Maria Lopez 3/14/2025 email ⏎ Draft Version -00 ⏎ Resolved in -01": the person is the name
                # before the date; a cell opening with a date ("July 6, 2026 ⏎ …") names nobody. The whole cell
                # is kept on the record under its own header (no person called "July 6")
                head = note_label(plan.headers[c]) if c < len(plan.headers) and plan.headers[c] \
                    else f.label
                self._long_texts.append(f"{head}: {raw.strip()}")
                if not dated:
                    continue
                if (day_of := _DAY_OF_PERSON.get(name)) is not None and values.get(day_field := day_of[0]) is None:
                    try:  # a day that does not parse stays in the cell kept above, nothing guessed
                        day = v.parse_date(_day_beside_name(raw), f.label, self._date_order, relative_words=False)
                    except ValidationError:
                        day = None
                    if day is not None:
                        values[day_field] = day
                        self._days_beside_names.setdefault(c, (head, day_of[1], _one_line(raw)))
                raw = dated
            if name == "frequency" and raw.__class__ is str and _listed_parts(raw):
                # "1) In-Person - Monthly ⏎ 2) Emails - When required": one plan, several channels; it meets
                # as often as its most frequent channel, and the whole cell is kept in the notes. None of its
                # words a frequency ("Depends on the stakeholder type"): no fixed cadence, Ad hoc
                head = plan.headers[c].strip() if c < len(plan.headers) and plan.headers[c] else f.label
                self._long_texts.append(f"{head}: {raw.strip()}")
                raw = _most_frequent(translator, f, raw, ctx, profile)
            if raw.__class__ is str and f.kind.is_reference and "\n" in raw and _wrapped_name(raw):
                # a name wrapped onto two lines of its cell ("Marketing⏎Team", "Paul &⏎Chris") is the one-line
                # name: the rows writing "Marketing Team" name the same person, not a second one
                raw = " ".join(raw.split())
            if raw.__class__ is str and f.kind.is_reference and (lead := self._lead_name(c, raw)) is not None:
                # "Christopher Moody, Project Manager. As this could …": the person is the first clause, why
                # they were chosen is kept in the notes (no person named by the whole sentence); "Project
                # manager monitors the risk, …": the role the column names elsewhere that the sentence opens with
                self._long_texts.append(f"{f.label}: {raw.strip()}")
                raw = lead
            if raw.__class__ is str and f.kind.is_reference and (named_first := self._first_of_several(c, f, raw)):
                # "Phyo Wai Aung / Kyaw Linn" in the owner's cell: a record has one owner (one decider, one action
                # owner), and both names together are no one — the first named is the one, the whole cell is
                # kept in the notes under its header and the preview says so (_say_several)
                head = plan.headers[c].strip() if c < len(plan.headers) and plan.headers[c] else f.label
                self._long_texts.append(f"{_one_line(head)}: {_one_line(raw)}")
                self._several_named.setdefault(c, head)
                raw = named_first
            if name == "status" and raw.__class__ is str and raw in self._escalated_statuses:
                # a status saying it was escalated ("Escalated", a PMO tool's risks): the status words read it
                # as open, and the office records the escalation as the Escalated flag, as for a response
                # "Escalate" — else the word was lost
                values.setdefault("escalated", True)
            if name == "response" and raw.__class__ is str and self._escalates:
                rest = escalation_rest(raw)
                if rest is not None:
                    # "Escalate" (PMBOK's fifth response) is no strategy the project carries out: the office
                    # records it as the risk's Escalated flag; a strategy named with it is still the response
                    values.setdefault("escalated", True)
                    self._long_texts.append(f"{f.label}: {raw.strip()}")
                    if not rest:
                        continue
                    raw = rest
            if name == "response" and self._strategy_led and raw.__class__ is str and \
                    (opening := lead_and_rest(raw)) is not None and (strategy := self._strategy_of(f, opening[0])):
                # "Avoiding: Ensure all …" in a column so written: the strategy read from its words, the text
                # after the colon the plan (strategy_leads)
                self._leads_said.setdefault(opening[0], strategy)
                self._led_cells.add(v.parse_text(raw))
                raw = strategy
                written.append(opening[1])
            elif name == "response" and raw.__class__ is str and (split := _strategy_then_plan(raw)) is not None:
                # "Mitigate – Use test sandbox keys …": the strategy is the response, the words after it the
                # plan (an action), so nothing of the cell is lost
                raw = split[0]
                written.append(split[1])
            cls = raw.__class__
            if cls is str:
                if raw[:1] == "#" and raw.strip() in EXCEL_ERRORS:
                    errors.append(f"{f.label} shows the Excel error {raw.strip()}; correct or clear that cell.")
                    continue
                if text_limit and name in self._unsaid_fields and len(raw) <= _UNSAID_LENGTH and _unsaid_text(raw):
                    self._long_texts.append(f"{self._heading(plan, c, f)}: {raw.strip()}")
                    self._unsaid_cells[c] += 1
                    self._unsaid_first.setdefault(c, raw.strip())
                    continue
                if text_limit:  # plain text (Field.parse: stripped, at most its length, not empty if required)
                    seen = texts[name]
                    text = seen.get(raw)
                    if text is None:
                        text = raw.strip()
                        if not text or len(text) > text_limit or "\x00" in text:
                            text = None  # empty, too long, a NUL: Field.parse below says what it makes of it
                        elif len(seen) < 20_000:
                            seen[raw] = text  # the same text on many rows is kept once
                    if text is not None:
                        values[name] = text
                        continue
                    lengths = self._lengths
            if cache is None:  # text: cheap to parse and mostly unique
                try:
                    values[name] = f.parse(raw, ctx)
                except ValidationError as e:
                    text = v.parse_text(raw)
                    if name in self._lengths and len(text) > self._lengths[name]:
                        values[name] = text  # too long for the field: shortened below, kept whole in the notes
                    elif was_cut(raw):  # its length as read is the reader's cut's, not the file's
                        errors.append(f"{f.label} is too long ({characters(len(text), True)}; at most "
                                      f"{f.max_length:,}).")
                    else:
                        errors.append(str(e))
                continue
            key = raw if cls is str else (cls, raw)  # a text is its own key; 1, 1.0 and True are not one
            hit = cache.get(key)
            if hit is None:
                try:
                    hit = (True, translator.parse(f, raw, ctx, profile))
                except ValidationError as e:
                    hit = (False, str(e))
                if len(cache) < 10_000:
                    cache[key] = hit
            if hit[0]:
                values[name] = hit[1]
                if hit[1] is None and cls is str and translator.left_empty(name, raw):
                    # a word the user translated to "leave the cell empty" ("ASAP" as a due date, left43's
                    # "Influence"): the field is empty, the word kept under its header, so nothing is lost
                    self._long_texts.append(f"{self._heading(plan, c, f)}: {raw.strip()}")
                if cls is str and f.kind is Kind.FLOAT and (amount := money(raw)) is not None and amount[1]:
                    currencies.append(amount[1])  # "£250k": the £ is the record's unit where it has one
                elif cls is str and f.kind is Kind.FLOAT and (measured := quantity(raw)) is not None:
                    # "12 days": the unit is the record's where it has one; where it has none, the cell is
                    # kept as written in the notes, so the unit is not lost
                    currencies.append(measured[1])
                    worded = True
                    if not any(g.name == "unit" for g in reg.fields):
                        self._long_texts.append(f"{f.label}: {raw.strip()}")
                if cls is str and f.kind.vocabulary and _said_more(f, raw, hit[1]):
                    # "Low, as everyone has the same vision", "Open - awaiting the vendor": the level or the
                    # choice is read from its first words, the rest of the cell kept in the notes, so nothing
                    # of it is lost
                    self._long_texts.append(f"{f.label}: {raw.strip()}")
                elif f.kind is Kind.DATE and translator.by_quarter(name, raw):
                    # "Triwulan II 2025" read as 30 June 2025 (classes55b): the day cannot give back the quarter
                    # written, so the cell is kept in the notes under its header, as the preview says
                    self._long_texts.append(f"{self._heading(plan, c, f)}: {raw.strip()}")
                elif f.kind is Kind.SCALE and translator.rescaled_from(name, raw):
                    # 0.4 read as per cent, 7 of 10 rescaled (left48b): the level cannot give back the number
                    # written, so the cell is kept in the notes under its header, as the preview says
                    self._long_texts.append(f"{self._heading(plan, c, f)}: {v.parse_text(raw)}")
                elif cls is str and translator.read_in_part(name, raw):
                    # "High-ish", "Medium (tbc)", "Low – watch" (left45): the level or choice of its first word,
                    # and "-ish", "tbc", "watch" are the sheet's own doubt, which the value cannot hold: the
                    # whole cell is kept in the notes under its header, as the preview says (_say_slips)
                    self._long_texts.append(f"{self._heading(plan, c, f)}: {raw.strip()}")
            elif not f.required and not f.kind.is_key and f.kind.is_reference and \
                    len(text := v.parse_text(raw)) > f.max_length:
                # far longer than any name or choice (a pasted formula, a paragraph): the field is left empty,
                # the cell kept whole in the notes, the row imported
                self._long_texts.append(f"{f.label} (too long for the field): {text}")
            elif name == "response" and len(v.parse_text(raw).split()) >= 3:
                # "ensure cover over these periods": a response written out among strategy words is what
                # the project will do, its response plan, not a choice mistyped
                written.append(v.parse_text(raw))
            elif f.kind is Kind.SCALE and not f.required and says_zero(raw):
                # a 0 on a sheet rating 1–5 ("Probability 0": not rated, or no chance at all): no level of the
                # scale; the field is left empty, the 0 kept in the notes and said in the preview (the row, and
                # the sheet notes once a column: zero_ratings), the row imported
                self._long_texts.append(f"{f.label}: 0")
                zeroed.append(f)
                self._zeros.setdefault(c, set()).add(number)
            else:
                unplaceable.append((f, hit[1], v.parse_text(raw)))
        if fast is not None:
            values = fast
        if unplaceable and values.get("kind") == "Opportunity":
            unplaceable = self._opportunity_sizes(plan, fields, unplaceable, values, translator)
        if currencies and not values.get("unit") and any(f.name == "unit" for f in reg.fields):
            # "£250k" → 250000 in £, "$1.2m" → 1200000 in $: the sign stays with the number it measures; two
            # currencies on one row keep the first as the unit, every amount still as written in the notes
            values["unit"] = currencies[0]
            if len(set(currencies)) > 1:
                self._long_texts.append(f"{'Units' if worded else 'Currencies'}: {', '.join(dict.fromkeys(currencies))}")
        if unplaceable and (kinds := [u for u in unplaceable if u[0].name in _LEVEL_NOT_KIND
                                      and word_key(u[2]) in kind_not_level_words()]):
            # "PREVENTIVA", "POSITIVA", "Corrective" where the levels stand (left57): a kind of notification or
            # action, no level mistyped — the field left empty, the word kept in the notes under its header, said
            # once a column, and not offered to translate into a level it does not name
            for f, _why, text in kinds:
                at = next((c for c, g in fields if g is f), None)
                self._long_texts.append(f"{self._heading(plan, at, f)}: {text}")
                self._kinds_not_levels.setdefault(at if at is not None else -1, {})[number] = text
            unplaceable = [u for u in unplaceable if u not in kinds]
        set_aside = self._set_aside(reg, unplaceable, errors)
        for f, why, text in unplaceable:
            counts = plan.unplaced.setdefault(f.name, {})  # named in the preview, to translate
            counts[text] = counts.get(text, 0) + 1
            unplaced.append((f.name, text))
            if set_aside:
                # under the column's own header, as the sheet heads it: "Impact on Project (Positive, …)" says
                # where the word stood, which the field's label would not
                at = next((c for c, g in fields if g is f), None)
                self._long_texts.append(f"{self._heading(plan, at, f)}: {text}")
                if f.kind is Kind.DATE and fiscal_period(text):
                    self._fiscal.setdefault(f.name, Counter())[text] += 1  # said once a column (_say_quarters)
            else:
                errors.append(why)
        if over is not None and not values.get("status"):
            values["status"] = over
        for c, choice in self._closing:
            if not values.get("status") and c < width and _dated(row[c]):
                values["status"] = choice
                break
        for c, closed, closed_by in self._closed_cols:
            if not values.get("status") and c < width and (said_closed := closed_cell(
                    row[c], closed, closed_by, reg.name, reg.field("status").choices or (), reg.defaults.get("status"))):
                values["status"] = said_closed[0]
                self._closed_said.setdefault(c, Counter())[said_closed] += 1
                break
        for c in self._reply_status:
            if not values.get("status") and c < width and \
                    (said := said_status(row[c], reg.name, reg.field("status").choices or (), reg.defaults.get("status"))):
                values["status"] = said
                self._replied.setdefault(c, Counter())[said] += 1
                break
        self._decided_if_given(values)
        self._decided_by_due(number, values)
        self._decided_in_progress(number, row, values)
        self._pending_though_carried_out(number, row, values)
        self._pending_though_confirmed(number, row, values)
        self._undecided_day(number, plan, row, values)
        if self._benefit_kind is not None and self._benefit_kind < width and \
                word_key(row[self._benefit_kind]) in value_words("benefits.kind"):
            values["dis_benefit"] = True
        yearly: list[dict[str, Any]] = []  # a target per year, dated: the benefit's planned values
        if self._yearly_targets and values.get("target_value") is None:
            yearly = self._yearly_target(reg, row, values)
        if self._roam is not None and self._roam < width and (roam := _ROAM.get(word_key(row[self._roam]))):
            name, choice = roam
            if not values.get(name):
                values[name] = choice
        for c, names, own in self._pairs:
            if c < width and row[c].__class__ is str and row[c].count("/") == 1:
                self._read_pair(reg, c, names, own, row[c], values)
        made_up = ""  # why the row's own ID gave way to a new one, said in its report
        for name, limit in lengths.items():
            long_text = values.get(name)
            if isinstance(long_text, str) and len(long_text) > limit:
                f = reg.field(name)
                if f.kind.is_key and (code := self._qualified_code(long_text, limit)) is not None:
                    # "T-O-RAN-01 (Non RT RIC + SMO)": the ID with a qualifier in brackets, too long for an ID;
                    # its code is taken from it (_qualified_code), the whole ID kept in the notes and said
                    values[name] = code
                    extra_text = f"{f.label}: {long_text}"
                    made_up = (f"{f.label} “{long_text}” is longer than IDs can be ({limit} characters): “{code}” "
                               "taken as its ID, the workbook's kept in the notes. ")
                elif f.kind.is_key:  # an ID longer than IDs can be: a new one, the old kept in the notes and said
                    values.pop(name)
                    extra_text = f"{f.label}: {long_text}"
                    made_up = (f"{f.label} “{long_text}” is longer than IDs can be ({limit} characters): a new "
                               f"{f.label} given, the workbook's kept in the notes. ")
                else:
                    values[name] = long_text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;.") + "…"
                    extra_text = f"{f.label} (in full): {long_text}"
                if EXTRA_FIELD.get(reg.name) not in (None, name):
                    self._long_texts.append(extra_text)
        for c, name, level in self._ticks:  # the ticked level column gives the level
            if c < width and is_mark(row[c]) and values.get(name) is None:
                values[name] = scale_from_word_level(level, reg.field(name).scale_max(ctx))
        for c, choice in self._engaged:  # an engagement matrix: "C" under the current level, "D" the desired
            cell = row[c] if c < width else None
            marks = engagement_marks(cell)
            if not marks and cell is not None and str(cell).strip():
                marks = {"current"}  # a plain mark ("x", "R") on its own: where the stakeholder is now
            for mark in marks:
                values.setdefault(f"{mark}_engagement", choice)
        for c in self._status_engagement:
            if c < width and row[c].__class__ is str and (state := _engagement_opening(row[c])) is not None:
                values.setdefault("current_engagement", state)
        if self._state_col is not None and not values.get("response") and self._state_col < width and \
                row[self._state_col].__class__ is str and \
                (chosen := response_states().get(word_key(row[self._state_col]))) is not None:
            values["response"] = chosen
            self._state_responses[(_one_line(row[self._state_col]), chosen)] += 1
        if self._title_from and not values.get(self._title_name):
            text = next((values[n] for n in self._title_fallbacks if values.get(n)), "")
            if text:  # the whole text stays in its own field
                values[self._title_name] = first_sentence(self._actual_of(text))
        if self._label_title is not None and isinstance(label := values.get(self._title_name), str) and \
                _label_key(label) in self._label_title[1] and not _restated_header(row, width, reg.name):
            # (the description keeps the cell as written: only the title is taken from elsewhere)
            for c in self._label_title[2]:
                if c < width and row[c].__class__ is str and \
                        (text := _after_own_label(row[c], self._headers[c] if c < len(self._headers) else None)) and \
                        _label_key(text) not in self._label_title[1]:
                    values[self._title_name] = first_sentence(self._actual_of(text), reg.field(self._title_name).max_length)
                    self._label_titled[(_one_line(label), c)] += 1
                    break
        if self._inverted_impact is not None and self._inverted_impact < width and \
                (worst_first := level_of(row[self._inverted_impact], reg.field("impact").scale_max(self.ctx))) \
                is not None:
            values["impact"] = worst_first
        if self._verdict_titled and isinstance(verdict := values.get(self._title_name), str) and \
                len(words_of(verdict)) <= VERDICT_WORDS and isinstance(reasons := values.get("rationale"), str) and \
                reasons.strip():
            said = f"{verdict.strip().rstrip(':')}: {first_sentence(reasons).rstrip('.')}"
            values[self._title_name] = first_sentence(said, reg.field(self._title_name).max_length)
        if self._described_by is not None and isinstance(text := values.get(self._title_name), str) and \
                (title_text := first_sentence(self._actual_of(text), reg.field(self._title_name).max_length)) != text:
            # (one sentence is the title whole, as the column titled it: cut only past what a title holds)
            values[self._title_name] = title_text
            described_field, described_head = self._described_by
            if described_field is not None and not values.get(described_field):
                values[described_field] = text
            else:
                self._long_texts.append(f"{described_head}: {text}")
        if self._generic_from and isinstance(text := values.get(self._title_name), str) and is_generic(text) and \
                (instead := titled_instead(row, width, self._generic_from)) is not None:
            # "Found issue" under "Actual Result": the row's description or steps title the defect, the phrase kept
            values[self._title_name] = first_sentence(instead, reg.field(self._title_name).max_length)
            self._long_texts.append(f"{self._generic_head}: {text}")
            self._generic_titled[text.strip()] += 1
        # a choice's cell already kept whole by the steps (read by a part, said more than the choice) is not
        # written twice under its column's header
        kept_whole = {line.partition(": ")[2] for line in self._long_texts} | self._led_cells \
            if self._field_and_notes else set()
        extra_lines = self._long_texts + self._codes_said.pop(number, []) + self._no_one_kept.pop(number, []) + [
            f"{plan.extras[c]}: {v.parse_text(row[c])}" for c in plan.extras
            if c < width and not v.is_blank(row[c])
            and (v.parse_text(row[c]) not in EXCEL_ERRORS or self._error_kept(number, c, row[c]))
            and c not in self._joined_effects and c not in self._options_why
            and not (c in self._field_and_notes and (self._as_stored(row[c], values.get(self._field_and_notes[c]))
                                                     or v.parse_text(row[c]) in kept_whole))]
        if self._joined_effects:
            self._join_effects(row, width, values)
        for c in self._options_why:
            if c < width and not v.is_blank(row[c]) and (why := v.parse_text(row[c])) not in EXCEL_ERRORS:
                said = f"{_one_line(self._headers[c])}: {why}"
                values["options"] = f"{values['options']}\n{said}" if values.get("options") else said
        if self._field_and_notes:
            self._note_kept_as(row, width, values)
        if self._unheaded:
            extra_lines += self._unheaded_lines(number, row, width)
        if number in self._past:
            extra_lines += self._past_lines(plan, number)
        if self._rating_words:
            extra_lines = self._own_ratings(reg, row, width, values, extra_lines)
        if self._category_kinds:
            self._kind_by_category(row, width, values)
        if self._category_col is not None:
            extra_lines = self._own_category(plan, row, width, values, extra_lines)
        if self._numbered_priority is not None and not values.get("priority"):
            extra_lines = self._priority_by_number(reg, plan, row, width, values, extra_lines)
        if self._labelled_priority is not None and not values.get("priority"):
            self._priority_by_label(reg, row, width, values)
        self._long_texts = []
        nothing = value_words("nothing")  # "NONE" under "Current Mitigation": no action taken, not an action
        # a plan cell of no letter or digit ("_", "…", "/") is a placeholder left in a template: no action
        planned = [(c, _with_framework(v.parse_text(row[c]), self._framework.get(c))) for c in self._responses
                   if c < width and not v.is_blank(row[c]) and word_key(row[c]) not in nothing
                   and any(ch.isalnum() for ch in str(row[c]))] \
            + [(-1, text) for text in written]
        # "N/A - no alternative if not delivered": a plan cell saying there is none, with why, is no action
        absent = [(c, text) for c, text in planned if (c in self._in_place and says_absent(text))
                  or (c >= 0 and _NOT_APPLICABLE_RE.match(text))]
        # "Risk in the green zone - not handled", "Accepted, no further action": the plan says nothing is done,
        # so no action is made of it (an open action saying so would be work nobody is to do); the text stays
        # in the notes, said once a column (_say_not_acted_on)
        # (-1: a response column's words written out, read as its plan: said under that column)
        not_acted = [(c, text) for c, text in planned if (c, text) not in absent and says_not_acted_on(text)]
        if not_acted:
            in_notes = {line.partition(": ")[2] for line in extra_lines}  # a cell merged over two columns: once
            for c, text in not_acted:
                col = c if c >= 0 else self._response_col
                self._not_acted_on[col if col is not None else -1] += 1
                planned.remove((c, text))
                if text not in in_notes:
                    in_notes.add(text)
                    head = plan.headers[col] if col is not None and 0 <= col < len(plan.headers) else "Response"
                    extra_lines.append(f"{head}: {text}")
        if absent:
            planned = [p for p in planned if p not in absent]
            extra_lines += [f"{plan.headers[c] if c < len(plan.headers) else 'Current controls'}: {text}"
                            for c, text in absent]
        responses = [text for _c, text in planned]
        by, unused = self._actions_by(row, width, ctx, bool({c for c, _t in planned} - self._in_place))
        extra_lines += unused
        if self._due_beside is not None and "due" not in by and isinstance(values.get("proximity"), date):
            by["due"] = values["proximity"]
        if self._owner_beside is not None and "actionee" not in by and values.get("owner") and \
                any(c not in self._in_place for c, _t in planned):
            by["actionee"] = values["owner"]
        if self._owner_from_actions and "actionee" in by and not values.get("owner"):
            values["owner"] = by["actionee"]
        # a control in place is done, and so is a plan written as carried out ("Mitigated by moving the launch",
        # "Completed: vendor replaced"), its text kept whole; who did it and when stay on it
        actions = [{"description": text, "status": "Done"} if c in self._in_place
                   else {"description": text, **by, "status": "Done"} if says_done(text)
                   else {"description": text, **by} for c, text in planned]
        if actions and self._voided_col is not None and self._voided_col < width and \
                values.get("status") in FINISHED_RECORD[reg.name] and self._voids(row[self._voided_col], ctx):
            # "ANULADA", "Voided", "作废": the record was called off, so was the work planned on it — its actions are
            # cancelled, not done (importer._response_actions says it once a sheet); a control in place stays done
            actions = [a if "status" in a else {**a, "status": "Cancelled"} for a in actions]
        longest = max((len(a["description"]) for a in actions), default=0)
        if longest > self._action_length:
            # a plan longer than an action's description holds was stored cut to the reader's 32,768 letters,
            # past the field's limit and without a word (a CSV's cell of 40,000): refused as a field too long is
            said = characters(longest, any(map(was_cut, row)))
            errors.append(f"The response plan is too long for an action ({said}; at most {self._action_length:,}); "
                          "shorten that cell.")
        if responses and "response" in reg.field_names and not values.get("response"):
            strategy = _named_strategy(responses[0])
            if strategy is not None:  # "Mitigation. Pair the new developers with …": the plan names its strategy
                values["response"] = strategy
        if self._block_project is not None and not values.get("project"):
            values["project"] = self._block_project[0]  # the title block's (titled_projects)
            self._block_projected += 1
        for f, name, known, pending in self._unknown_names(strict_refs, values):
            assert f.ref is not None  # strict_refs holds references only
            if f.kind.is_reference and f.ref.target.__name__ == "Project" and \
                    word_key(name) in value_words("project.whole"):
                # "Projeto" under "Projeto / Iteração" (beside an iteration's name): the project as a whole, no
                # project of that name; the word stays in the notes, no project is made of it (round 46)
                values.pop(f.name)
                extra_lines.append(f"{f.label}: {name}")
                continue
            ref_target = f.ref.target.__name__
            if f.kind.is_reference and ref_target in CREATED_ON_CONFIRMATION and \
                    (squashed := _squashed_as(name, ref_target, self._to_create)) is not None:
                # "StonburyERPProgrammeTransformation" where another row named "Stonbury ERP Programme
                # Transformation": one name, its spaces left out — the project met first (classes85)
                if name not in self._squashed_told:
                    self._squashed_told.add(name)
                    noun = _NOUNS.get(ref_target, ref_target.lower())
                    plan.say(f"{f.label}: “{name}” read as the {noun} “{squashed}” (the same name written without "
                             "its spaces).")
                name = values[f.name] = squashed
            near = _near_name(name, known | pending)
            if near is not None:  # "Particpants", "Insurance Provider": the one name it misspells
                if f.kind.is_reference:
                    values[f.name] = near
                else:
                    values[f.name] = [near if x == name else x for x in values[f.name]]
                continue
            if ref_target in _RECORD_TARGETS and _looks_like_code(name):
                # "Associated risk number" R-ST15 where neither the workbook nor the office holds that risk: the
                # link is kept in the notes, the record imported (a link to no record refused the issue; classes85).
                # A sentence in the cell is no ID: it is kept whole by the rule below (classes84)
                if f.kind.is_reference:
                    values.pop(f.name)
                else:
                    values[f.name] = [x for x in values[f.name] if x != name]
                noun = _NOUNS.get(ref_target, ref_target.lower())
                extra_lines.append(f"{f.label}: {name} (no {noun} of that ID in the workbook or the office)")
                if name not in self._unlinked_said:
                    self._unlinked_said.add(name)
                    plan.say(f"{f.label}: “{name}” names no {noun} of the workbook or the office: kept in the "
                             "notes, not linked.")
                continue
            stand_in = NAME_STAND_IN.get((reg.name, f.name))
            if stand_in and f.kind.is_reference and not values.get(stand_in):
                values.pop(f.name)  # a group the register does not list: named as the audience
                values[stand_in] = name
                continue
            noun = _NOUNS.get(f.ref.target.__name__, f.ref.target.__name__.lower())
            creatable = f.ref.target.__name__ in CREATED_ON_CONFIRMATION
            if not creatable and f.kind.is_reference:
                # "Weak group leakage: same person in train and test" under "risk": the consequence written out,
                # or a risk the office does not hold — the row was left out for it (classes84). The whole cell is
                # kept in the notes, the link left empty, said once a sheet
                col = next((c for c, g in strict_refs if g is f), None)
                whole = v.parse_text(row[col]) if col is not None and col < len(row) else name
                values.pop(f.name)
                if not any(line.endswith(whole) for line in extra_lines):  # read in part: kept whole already
                    extra_lines.append(f"{f.label}: {whole}")
                if not self._sentence_said:
                    self._sentence_said = True
                    plan.say(f"“{f.label}” names no {noun} of the office on some rows (“{_cut(whole)}”): each such "
                             "cell is kept in the notes, the link left empty, and the row imported.")
                continue
            if self.create_missing and creatable:
                # names are looked up in any case, so "VEGA-1U" and a later "vega-1u" are one project: made
                # once, under the spelling met first (made twice, the second of each pair stood empty and
                # every row went to whichever was stored last)
                name = self._to_create.setdefault((f.ref.target.__name__, name.lower()), name)
                creates.append((f.ref.target.__name__, name))
                continue
            errors.append(f"{f.label}: there is no {noun} called “{name}”"
                          + (" (tick “create missing”, or --create-missing, to add it)." if creatable else "."))
        code = ""
        record_id = None
        parent_code = None
        action = Action.INSERT
        reason = made_up
        given = ""
        if parent_reg is not None:
            parent_code = v.parse_text(row[parent_col]) if parent_col is not None and parent_col < len(row) else ""
            code = parent_code
            if not parent_code:
                parent_key = parent_reg.key_field
                errors.append(f"{parent_key.label if parent_key else 'The ID'} of the {parent_reg.title.lower()} record is empty; "
                              "each row needs the ID of the record it belongs to.")
            else:
                low = parent_code.lower()
                pid = self.codes(parent_reg).get(low)
                if pid is None and low not in self.claimed[parent_reg.name]:
                    errors.append(f"There is no record “{parent_code}” in the {parent_reg.title.lower()} or in "
                                  "this workbook.")
                elif low not in plan.replace_parents:
                    plan.replace_parents[low] = pid
        elif reg.key_field is not None:
            key = reg.key_field
            code = values.pop(key.name, "") or ""
            if code.isdigit() and code_col is not None and code_col < len(row) and \
                    row[code_col].__class__ in (int, float) and code not in self.codes(reg):
                # a number cell: a spreadsheet that read the office's "007" as a number dropped its zeros (7)
                code = self._zeros_dropped(reg).get(code, code)
            given = code
            if code:
                low = code.lower()
                earlier = self.claimed[reg.name].get(low)
                first = self.claimed_rows.get((reg.name, low)) if earlier is not None else None
                title_name = self._title_field
                if first is not None and earlier is not None and earlier[0] != plan.sheet and not errors and \
                        (self._one_record and not self._another_copy(plan, earlier[0], reg, first, values)
                         or self._same_record(reg, first, values, self._title_from)
                         and not self._another_version(plan, earlier[0], first, values)):
                    # the same register over two sheets (a risk matrix, then its response plan; a summary table,
                    # then one detail sheet per risk): one record, the earlier sheet's values standing, a value it
                    # gives otherwise and the later sheet's cells kept in the notes under their header
                    notes = EXTRA_FIELD.get(reg.name)
                    heads = {n: plan.headers[c] for c, n in plan.mapping.items() if c < len(plan.headers)}
                    differing = [f"{heads.get(name) or f.label} on “{plan.sheet}”: {f.display(value)}"
                            for name, value in values.items()
                            if name in reg.field_names and name != notes and value not in (None, "", [])
                            and not (self._title_from and name == title_name)
                            and first.values.get(name) not in (None, "", []) and first.values[name] != value
                            and (f := reg.field(name))]
                    for name, value in values.items():
                        if first.values.get(name) in (None, "", []):
                            first.values[name] = value
                    said = first.values.get(notes) or "" if notes else ""
                    lines = [x for x in [*extra_lines, *differing] if x not in said]
                    if notes and lines:
                        first.values[notes] = "\n".join(x for x in [said, *lines] if x)
                    if actions and first.report.action == Action.INSERT:
                        # the same plan written on both sheets (the summary's mitigation, again on the detail
                        # sheet) is one action
                        held = {word_key(a.get("description")) for a in first.actions or []}
                        first.actions = (first.actions or []) + [
                            a for a in actions if word_key(a.get("description")) not in held]
                    return PlannedRow(RowReport(plan.sheet, number, Action.SKIP, code,
                                                f"same {key.label} as row {earlier[1]} of “{earlier[0]}”: its other "
                                                "columns go to that record.", merged=True))
                title_name = self._title_field
                if earlier is not None and earlier[0] == plan.sheet and first is None:
                    first = self.claimed_rows.get((reg.name, low))
                if earlier is not None and earlier[0] == plan.sheet and first is not None and title_name and \
                        values.get(title_name) and first.values.get(title_name) and \
                        not _similar(values[title_name], first.values[title_name]):
                    # numbering restarted further down (a second report pasted under the first): another record
                    reason = (f"{key.label} {code} is row {earlier[1]}'s, which is another "
                              f"{reg.title.lower().split()[0]}, so this row is added as a new record. ")
                    code = ""
                elif earlier is not None and earlier[0] != plan.sheet:
                    reason, code = _taken_on_another_sheet(key.label, code, earlier, reg), ""
                elif earlier is not None and first is not None and _says_other_things(
                        reg, first.values, values, self.claimed_extras.get((reg.name, low), []), extra_lines,
                        title_name):
                    # the ID and title copied down onto another record (the same decision for another product):
                    # two records, the second under a new ID, rather than one refused
                    reason = (f"{key.label} {code} is row {earlier[1]}'s, whose title this row repeats but "
                              f"whose other words differ, so this row is added as a new record. ")
                    code = ""
                elif earlier is not None:
                    errors.append(f"{key.label} “{code}” appears twice in this import (row {earlier[1]} and row "
                                  f"{number}).")
                else:
                    record_id = self.codes(reg).get(low)
                    if record_id is not None and not self._own_export and title_name and values.get(title_name):
                        stored = self.current(reg, record_id).get(title_name) or ""
                        if not _similar(values[title_name], stored):
                            reason = (f"{key.label} {code} is another {reg.title.lower().split()[0]} in this office "
                                      f"(“{stored[:40]}”), so this row is added as a new record. ")
                            code, record_id = "", None
                    if code:
                        self.claimed[reg.name][low] = (plan.sheet, number)
                        self.claimed_extras[(reg.name, low)] = list(extra_lines)
                        self._claiming = (reg.name, low)
                    if record_id is not None:
                        action = Action.UPDATE
            if given and not code:
                # whenever a new ID stands in for the row's own, the row's own is kept on the record and said
                extra_lines.append(f"{key.label} in the workbook: {given}")
                reason += f"Its own {key.label} kept in the notes. "
        for f, why, text in unplaceable if set_aside else ():
            default = reg.defaults.get(f.name) if record_id is None else None
            unknown_state = _unknown_state(reg, f, text)
            left = ("left empty" if record_id is None else "left as it was") if default in (None, "") else \
                f"left at “{default}”, the state a new {reg.noun} starts in" if unknown_state else \
                f"left at “{default}”, what the office records when not known"
            if unknown_state and record_id is None:
                self._unknown_states.setdefault(f.name, {}).setdefault(text, set()).add(number)  # said once a column
            if f.kind is Kind.DATE:  # why it is no date ("counts from the day it was written …"), as refused it said
                reason += f"{why.rstrip('.')} — {left}, the word kept in the notes (translate it to place it). "
            else:
                reason += (f"{f.label} “{text}” is none of its {'levels' if f.kind is Kind.SCALE else 'choices'}: "
                           f"{left}, the value kept in the notes (translate it to place it). ")
        for zf in zeroed:
            reason += (f"{zf.label} 0 is below its scale (1–{zf.scale_max(ctx)}): left empty, the 0 kept in the "
                       "notes. ")
        for name, constant in self._constants.items():
            values.setdefault(name, constant)
        if action == Action.INSERT and self._named_by_role and not values.get(self._title_name) and \
                isinstance(values.get("role"), str) and values["role"].strip():
            values[self._title_name] = values["role"]
            if (template := self._placeholder_names.get(number)) is not None:
                # "[Stakeholder A]" beside "Technical": named "Technical (Stakeholder A)", the template's own words
                # telling apart the rows of one role (three stakeholders "Technical" were three of one name)
                if word_key(template[1:-1]) != word_key(values["role"]):
                    values[self._title_name] = f"{values['role'].strip()} ({template[1:-1].strip()})"
                reason += f"The name is a template's placeholder (“{template}”): named by its role. "
            else:
                reason += "No name given: named by its role. "
            empty = f"{reg.field(self._title_name).label} cannot be empty."  # the name cell's own error
            errors[:] = [e for e in errors if e != empty]
        elif action == Action.INSERT and self._label_cols and not values.get(self._title_name) and \
                (label := naming_label(row, self._label_cols)) is not None:
            at, values[self._title_name] = label
            if not values.get("group") and self._group_above is not None:
                values["group"] = self._group_above  # its category written once above it (filled down)
            reason += f"No name given: named by its group (“{_one_line(str(self._headers[at]))}”). "
            empty = f"{reg.field(self._title_name).label} cannot be empty."
            errors[:] = [e for e in errors if e != empty]
            if number not in self._named_by_group:
                self._named_by_group.append(number)
        if self._label_cols and values.get("group"):
            self._group_above = values["group"]
        if action == Action.INSERT and self._coded_title is not None and not values.get(self._title_name) and \
                self._coded_title < len(row) and isinstance(coded := row[self._coded_title], str) and coded.strip():
            values[self._title_name] = " ".join(coded.split())  # its code, the one name the row gives it
            self._coded_titled.append(values[self._title_name])
            empty = f"{reg.field(self._title_name).label} cannot be empty."
            errors[:] = [e for e in errors if e != empty]
        if action == Action.INSERT and self._untitled_from and not values.get(self._title_name) and \
                (untitled := title_instead(row, self._untitled_from)) is not None:
            text, titled_by = untitled
            values[self._title_name] = first_sentence(text)  # (as a title made of a description is: 120 at most)
            self._untitled_by[titled_by] += 1
            empty = f"{reg.field(self._title_name).label} cannot be empty."  # the title cell's own error
            errors[:] = [e for e in errors if e != empty]
        if action == Action.INSERT:
            for f in self._required:
                # said once: a column holding the field whose cell is empty has said so already ("Title cannot be
                # empty."), and "no column of the sheet holds it" would be wrong of it
                if f.name not in values and not any(e.startswith((f"{f.label} holds a formula",
                                                                  f"{f.label} cannot be empty",
                                                                  f"{f.label} shows the Excel error")) for e in errors):
                    if (broken := self._broken_required.get(f.name)) is not None:
                        cell = row[broken[0]] if broken[0] < len(row) else None
                        shown = cell.strip() if cell.__class__ is str and cell.strip() in EXCEL_ERRORS else None
                        errors.append(f"{f.label} shows the Excel error {shown} (“{broken[1]}” shows one on every row: "
                                      "formulas whose cells are gone); correct or clear that cell." if shown else
                                      f"{f.label} cannot be empty (“{broken[1]}”, which holds it, shows only Excel "
                                      "errors).")
                        continue
                    errors.append(f"{f.label} cannot be empty (no column of the sheet holds it: choose the column "
                                  f"that does for “{f.label}” in the preview's mapping)." if f.name in self._unmapped
                                  else f"{f.label} cannot be empty (no column of the sheet holds it).")
        if self._side_from is not None and number > self._side_from[0] and \
                (not values.get("kind") or values["kind"] == self._constants.get("kind")):
            # under the header of the opportunities' table (classes85), or of the threats' under the opportunities
            # (the sheet's own kind given by its first header, fault73)
            values["kind"] = self._side_from[1]
        if "kind" in reg.field_names and "kind" not in values and record_id is None and \
                values.get("response") in _OPPORTUNITY_ONLY:
            values["kind"] = "Opportunity"  # "Exploit" with no kind given: only an opportunity is exploited
            if not says_opportunity(values):  # nothing else says so: decided once the sheet is read
                self._by_strategy[number] = row[self._response_col] \
                    if self._response_col is not None and self._response_col < width else None
        if not errors and reg.check is not None:
            if record_id is not None:
                record = dict(self.current(reg, record_id))
            else:
                record = dict(reg.defaults)
            record.update(values)
            for _attempt in range(3):
                try:
                    reg.check(record, ctx)
                    break
                except ValidationError as e:
                    refused_name = getattr(e, "field", None)
                    refused = next((x for x in reg.fields if x.name == refused_name), None)
                    if refused is not None and not refused.required and refused.name not in values and \
                            not refused.kind.is_key:
                        # the rule wants a field the sheet does not fill ("Decided" needs who decided): the
                        # choice that asks for it is left at its default, the cell kept in the notes
                        refused = self._rule_trigger(reg, record, values, ctx)
                    if refused is None or refused.required or refused.name not in values or refused.kind.is_key:
                        errors.append(str(e))
                        break
                    # an optional value contradicting another (a target date before the date raised):
                    # left empty, the cell kept in the notes, the row imported
                    dropped = values.pop(refused.name)
                    record[refused.name] = None
                    note = f"{refused.label}: {refused.display(dropped)} (not set: {str(e).rstrip('.')})"
                    cell = next((row[c] for c, f in fields if f.name == refused.name and c < width), None)
                    if isinstance(cell, str) and word_key(cell) != word_key(refused.display(dropped)):
                        # "DENIED" and "APPROVED" both read as Decided: the sheet's own word says which
                        note += f", written “{cell.strip()}”"
                    target = EXTRA_FIELD.get(reg.name)
                    if target:
                        values[target] = "\n".join(x for x in [values.get(target) or "", note] if x)
                    default = reg.defaults.get(refused.name) if record_id is None else None
                    if default not in (None, ""):  # an approved change without its date stays "Pending"
                        kept = f" (kept in {reg.field(target).label})" if target else ""
                        reason += (f"{refused.label} “{refused.display(dropped)}” not set, left at “{default}”"
                                   f"{kept}: {str(e)} ")
                    else:
                        reason += f"{refused.label} left empty: {str(e)} "
        if extra_lines or (responses and record_id is not None):
            target = EXTRA_FIELD.get(reg.name) or KEPT_UNDER_TEXT.get(reg.name)
            if target is not None:
                lines = extra_lines + ([f"Response plan: {r}" for r in responses] if record_id is not None else [])
                values[target] = "\n".join(x for x in [values.get(target) or "", *lines] if x)
        kept_in = EXTRA_FIELD.get(reg.name)
        if not errors and kept_in and len(values.get(kept_in) or "") > reg.field(kept_in).max_length:
            # the cells kept there together (a paragraph too long for any field, a title kept whole) are
            # more than it holds: the row is refused, never cut
            f = reg.field(kept_in)
            errors.append(f"{f.label} would be {characters(len(values[kept_in]), any(map(was_cut, row)))} with "
                          f"this row's cells kept in it, more than it holds ({f.max_length:,}); shorten the longest cell.")
        was: dict[str, Any] | None = None  # an update's stored values of what it changes, shown in the preview
        if not errors and record_id is not None:
            old = self.current(reg, record_id)
            by_name = self._fields_by_name(reg)
            changed = _changed(by_name, values, old)
            values = {f.name: values[f.name] for f in changed}
            was = {f.name: old.get(f.name) for f in changed}
            reason += ("changes " + ", ".join(f.label for f in changed) + ".") if changed else "no changes."
        if not errors:
            # A control character (a NUL, an ESC) in any text the row writes (a field, the cells kept in the
            # notes, a name): the quick paths above take a cell's text as it is, so said here once for all of
            # them, per row. Of an update only what it changes: an office from before they were refused may
            # hold one, which its export carries and an untouched re-import gives back as it was.
            for name, value in values.items():
                cell_texts = value if isinstance(value, list) else [value]
                bad = next((t for t in cell_texts if isinstance(t, str) and CONTROL_CHARACTER.search(t)), None)
                if bad is not None:
                    try:
                        reg.field(name).check_no_control(bad, now=True)
                    except ValidationError as e:
                        errors.append(str(e))
                    break
        if errors:
            prow = PlannedRow(RowReport(plan.sheet, number, Action.ERROR, code, " ".join(errors)))
            prow.unplaced = unplaced
            prow.failures = len(unplaced)
            prow.creates = tuple(creates)
            return prow
        if action == Action.INSERT:
            # an empty cell of a status column ("Risk Status" left blank) says nothing: a new record keeps the
            # register's default (Open), not an empty status no list of the office holds (a blank attitude
            # stays blank: not assessed)
            if "status" in values and values["status"] is None and reg.defaults.get("status") not in (None, ""):
                del values["status"]
        if action == Action.INSERT and code and reg.key_field is not None:
            values = {reg.key_field.name: code, **values}  # the code first: it must be set before any flush
        prow = PlannedRow(RowReport(plan.sheet, number, action, code, reason.strip()), values, record_id, parent_code,
                          was=was)
        prow.creates = tuple(creates)
        if action == Action.INSERT and actions:
            prow.actions = actions
        if action in (Action.INSERT, Action.UPDATE) and self._voided_col is not None:
            self._mark_voided(reg, code, values, row)
        if action in (Action.INSERT, Action.UPDATE) and yearly:
            prow.planned = yearly  # an update's too: its planned values are the sheet's (importer._planned_values)
        if unplaced:  # a value set aside: forgotten with the row when the row is planned again or skipped
            prow.unplaced = unplaced
        return prow

    def _yearly_target(self, reg: Register, row: tuple[Any, ...], values: dict[str, Any]) -> list[dict[str, Any]]:
        """The benefit's target from its targets per year: the last year's the row gives as a figure (a year
        written "TBC" is left to the notes, where every year's cell stays as written). A register numbering its years says when
        they start only by a date of the row's own: from the start of the realization window, else the baseline
        date, year N ends the day before its Nth anniversary, and that is the target's date; each year's target
        is then a planned value of the benefit on that year's end (returned, for the benefit's trajectory).
        With no start the date is left empty and nothing planned, rather than guessed from today."""
        target = reg.field("target_value")
        start = values.get("window_start") or values.get("baseline_date")
        start = start if isinstance(start, date) else None
        planned: list[dict[str, Any]] = []
        for year, c in self._yearly_targets:
            cell = row[c] if c < len(row) else None
            if v.is_blank(cell):
                continue
            try:
                figure = self._translator.parse(target, cell, self.ctx)
            except ValidationError:
                continue
            if isinstance(figure, (int, float)):
                values["target_value"] = figure
                if start is not None:
                    planned.append({"on": _anniversary(start, year) - timedelta(days=1), "value": figure})
        if planned and not values.get("target_date"):
            values["target_date"] = planned[-1]["on"]
        return planned if start is not None else []

    @staticmethod
    def _set_aside(reg: Register, unplaceable: list[tuple[Field, str, str]], errors: list[str]) -> bool:
        """A row refused for nothing but one value of an optional level or choice that has no default (a
        residual likelihood "22" among 1s and 2s, a response "Contingencia" the office does not know) is
        imported with that field empty and the value kept in its notes, named in the preview to translate:
        leaving the field empty claims nothing the sheet did not say, while refusing the row loses all it
        did say. A field with a default (a status) would show the default as if the sheet had said it, so
        those rows stay refused, unless the default is the field's "unknown" (``_default_means_unknown``: a
        stakeholder's attitude Neutral), which claims nothing either; so do rows with two values unplaced or a sentence (text under the header
        or a legend rather than a record), and registers with no notes to keep the value in."""
        if not unplaceable or errors or EXTRA_FIELD.get(reg.name) is None:
            return False
        if len(unplaceable) > 2:
            # "NA", "n/a", "No information" in every unplaced cell (a stakeholder not yet assessed: interest,
            # power and attitude all "NA"): each says nothing, as an empty cell does, and each alone is set aside
            # below — so the row is imported, the words kept in the notes (unseen96: the stakeholder was lost)
            return all(unsaid_word(text) for _f, _why, text in unplaceable) and \
                all(Planner._set_aside(reg, [one], errors) for one in unplaceable)
        if len(unplaceable) == 2:
            # a status word the office does not know beside one other value set aside (a tracker's "Replied" on a
            # row whose priority "5 Change Request" names no level): both kept, the row imported (classes65a)
            # (never a date beside it: a row pasted one column off writes a status under the date, a level under
            # the status, and is the shifted rows' rule's, not read wrong here)
            return any(_unknown_state(reg, f, text) for f, _why, text in unplaceable) and \
                all(f.kind is not Kind.DATE for f, _why, _text in unplaceable) and \
                all(Planner._set_aside(reg, [one], errors) for one in unplaceable)
        f, _why, text = unplaceable[0]
        if f.kind is Kind.DATE:
            # "TBC", "ASAP", "tomorrow", "next week" (left45): a word saying the day is not known yet, or counted
            # from a day the workbook does not give — no date, so the date is left empty and the word kept, to be
            # given its day in the preview or `--values`; refusing the row lost all else it said. A date mistyped
            # ("31/13/2026", "2026-02-30") is still refused, to be put right.
            return not f.required and undated_word(text)
        # a choice with a default set aside too when its cell says nothing of it ("N/A", "TBD", "?"): as an
        # empty cell, it takes the default — refused, the row was lost for a word saying nothing (classes58a)
        return not f.required and not f.kind.is_key and f.kind in (Kind.SCALE, Kind.ENUM, Kind.MULTI_ENUM) and \
            (reg.defaults.get(f.name) in (None, "") or _default_means_unknown(reg, f) or unsaid_word(text) or
             _unknown_state(reg, f, text)) and (len(text.split()) <= 4 or _unknown_state(reg, f, text))

    def _mark_voided(self, reg: Register, code: str, values: dict[str, Any], row: tuple[Any, ...]) -> None:
        """A record the row closes with a status that voids it ("ANULADA"): its code kept (``voided``), for the
        actions an action sheet of the workbook lists under it (importer._actions_of_closed_records)."""
        col = self._voided_col
        if col is None or not code or col >= len(row) or values.get("status") not in FINISHED_RECORD[reg.name]:
            return
        raw = row[col]
        said = self._voided_words.get(raw) if raw.__class__ is str else False
        if said is None:
            said = self._voids(raw, self.ctx)
            self._voided_words[raw] = said
        if said:
            self.voided.setdefault(reg.name, set()).add(code.lower())

    def _voids(self, raw: Any, ctx: Context) -> bool:
        """The record's status cell reads, as an action's state would in the sheet's languages, as Cancelled: the
        record was voided or called off ("ANULADA", "Cancelled", "Voided", "作废"), not finished."""
        if raw.__class__ is not str or not raw.strip():
            return False
        f = REGISTERS[self._actions_of].field("status")
        try:
            return bool(self.translator(self._actions_of).parse(f, raw, ctx) == "Cancelled")
        except ValidationError:
            return False

    def _actions_by(self, row: Sequence[Any], width: int, ctx: Context, any_to_do: bool
                    ) -> tuple[dict[str, Any], list[str]]:
        """The actionee and due date the row gives its response actions (``action_columns``), and the cells
        kept in the notes instead: a date that is none, or an owner and date with no action to put them on."""
        by: dict[str, Any] = {}
        kept: list[str] = []
        for c, _name, f in self._action_by:
            if c >= width or v.is_blank(row[c]):
                continue
            raw = row[c]
            several = raw.__class__ is str and f.kind.is_reference and \
                bool(named_first := self._first_of_several(c, f, raw))
            if several:
                # two people in the action owner's cell: the first named does the actions, as for the owner
                # (_plan_values), the whole cell kept in the notes
                raw = named_first
            try:  # a due date is written the way the sheet writes its other dates (date_order); a state in the
                # sheet's language ("Cerrada") as the actions' own statuses are read (treatment_bands)
                value = v.parse_date(raw, f.label, self._date_order, relative_words=False) if f.kind is Kind.DATE \
                    else self.translator(self._actions_of).parse(f, raw, ctx) if f.kind is Kind.ENUM else f.parse(raw, ctx)
            except ValidationError:
                value = None
            if value in (None, "") or not any_to_do or f.name in by:
                kept.append(f"{self._headers[c] if c < len(self._headers) else f.label}: {v.parse_text(row[c])}")
            else:
                by[f.name] = value
                if several:
                    head = self._headers[c] if c < len(self._headers) else f.label
                    kept.append(f"{_one_line(head)}: {_one_line(row[c])}")
                    self._several_named.setdefault(c, head)
        return by, kept

    def _carry_group(self, row: tuple[Any, ...]) -> tuple[tuple[Any, ...], str | None]:
        """The row with its blank group cells filled by the label written last above (``group_lists``); and that
        label when the row writes nothing else (a group with no record of its own), else None."""
        def filled(x: Any) -> bool:
            return x is not None and str(x).strip() != ""

        rest = any(filled(x) for k, x in enumerate(row) if k not in self._group_cols)
        for c in self._group_cols:
            cell = row[c] if c < len(row) else None
            if filled(cell):
                self._group_label[c] = cell
                if not rest:
                    return row, str(cell).strip()
            elif rest and c in self._group_label:
                padded = tuple(row) + (None,) * (c + 1 - len(row))
                row = (*padded[:c], self._group_label[c], *padded[c + 1:])
        return row, None

    def _unknown_names(self, strict_refs: list[tuple[int, Field]], values: dict[str, Any]
                       ) -> Iterator[tuple[Field, str, set[str], set[str]]]:
        """(field, name, known names, names to be created) for each name a row gives in a reference field
        that neither the office nor the rows planned before it know."""
        for _c, f in strict_refs:
            if f.name not in values:
                continue
            wanted = values[f.name]
            assert f.ref is not None  # strict_refs holds references only
            known = self.names(f.ref.target, f.ref.label)
            pending = self.pending_names[f.ref.target]
            for name in ([wanted] if f.kind.is_reference else list(wanted)):
                if name and name.lower() not in known and name.lower() not in pending:
                    yield f, name, known, pending

    def _copy_of(self, plan: SheetPlan, reg: Register, number: int, row: tuple[Any, ...],
                 earlier: tuple[int, int, tuple[Any, ...], int], code_col: int | None, headers: list[str],
                 restated: bool = False, went_on: bool = False) -> bool:
        """Row ``number`` is a copy of an earlier part's record (the register pasted again under other
        numbers): its title and a description of four words or more in the same column as that record's,
        its ID another. Then it is no new record: the preview says so, and what the copy writes otherwise
        (another owner, another rating) is kept in that record's notes, not lost. Rows writing the same
        ID are the ID rules' (an update, a record continued); one title alone is no copy (two projects'
        "Staff turnover"). ``restated``: the row stands in a table under the header written again after that
        record; on a sheet with no ID column such a row is the same record assessed again (a team's risk plan
        for each iteration, the same risks stacked down the sheet with new ratings: round 55 read its second
        and third plans as 18 more risks), its title and a text of four words or more as the record's.
        A row under its own ID is never a copy of a tester's record whose steps or results (the fields that tell
        such records apart) it writes otherwise, nor of one whose steps went on over rows below (``went_on``): its
        first row is not all of it (classes68b: two bugs of one summary, other steps, the second lost as a copy)."""
        index, first_number, first_row, _part = earlier
        first = plan.rows[index]
        extra = EXTRA_FIELD.get(reg.name)
        if extra is None or first.report.action not in (Action.INSERT, Action.UPDATE):
            return False
        code = row[code_col] if code_col is not None and code_col < len(row) else None
        first_code = first_row[code_col] if code_col is not None and code_col < len(first_row) else None
        again = restated and code_col is None
        if not again and (code is None or first_code is None or str(code).strip() == str(first_code).strip()):
            return False
        if not again and told_apart(row, first_row, headers, went_on):
            return False
        if not any(c < len(first_row) and x.__class__ is str and len(x.split()) >= 4 and x.strip() == str(
                first_row[c]).strip() for c, x in enumerate(row) if c != code_col):
            return False
        differing = []
        for c, x in enumerate(row):
            if c == code_col or x is None or (x.__class__ is str and not x.strip()):
                continue
            was = first_row[c] if c < len(first_row) else None
            if was is not None and str(x).strip() == str(was).strip():
                continue
            label = _one_line(headers[c]).strip() if c < len(headers) and headers[c] else f"Column {column_letters(c)}"
            differing.append(f"{label}: {v.parse_text(x)}")
        label = first.report.code or v.parse_text(first_code)
        if again:
            later = self._later_table
            # (asked of a row writing the first row's ratings again too: a middle table may have changed them)
            rated = self._rated_again(first, first_row, row, headers) if later is not None else None
            if rated:
                # the later table is the later assessment (restated_tables): its ratings are the record's now,
                # the first table's kept in the notes once, under its caption, and each later table's line
                was = None if first.report.row in self._rated_later else rated
                self._rated_later.add(first.report.row)
                line = f"Row {number}, the same {reg.noun} assessed again under “{later}”, writes: " + \
                    ("; ".join(differing) if differing else "the first assessment's ratings again")
                first.values[extra] = "\n".join(x for x in (first.values.get(extra), was, line) if x)
                plan.rows.append(PlannedRow(RowReport(
                    plan.sheet, number, Action.SKIP, "",
                    f"the {reg.noun} of row {first_number}{f' ({label})' if label else ''} assessed again in a later "
                    f"table (under “{later}”): its ratings are that record's now, the earlier ones kept in its "
                    f"{extra}; not a new record.")))
                return True
            elif differing:
                dated_back = self._earlier_table
                if dated_back is not None:  # dated before the first table: history, the first's ratings stand
                    self._rated_earlier.add(first.report.row)
                    line = f"Row {number}, an earlier assessment of the same {reg.noun} under “{dated_back}”, writes: "
                else:
                    if later is None:  # the captions tell no order: said once a sheet
                        self._unordered.append(self._table_caption)
                    line = f"Row {number}, the same {reg.noun} under the header written again, writes: "
                first.values[extra] = "\n".join(x for x in (first.values.get(extra), line + "; ".join(differing)) if x)
            plan.rows.append(PlannedRow(RowReport(
                plan.sheet, number, Action.SKIP, "",
                f"the {reg.noun} of row {first_number}{f' ({label})' if label else ''} again, in the table under the "
                "header written again "
                "(its title and texts the same), not a new record"
                + (f"; what it writes otherwise is kept in that record's {extra}." if differing else "."))))
            return True
        if differing:
            line = f"Row {number}, a copy numbered {v.parse_text(code)}, writes: " + "; ".join(differing)
            first.values[extra] = "\n".join(x for x in (first.values.get(extra), line) if x)
        plan.rows.append(PlannedRow(RowReport(
            plan.sheet, number, Action.SKIP, "",
            f"a copy of row {first_number} ({label}: the same title and description under the number "
            f"{v.parse_text(code)}), not a new record"
            + (f"; what it writes otherwise is kept in that record's {extra}." if differing else "."))))
        return True

    def _rated_again(self, first: PlannedRow, first_row: tuple[Any, ...], row: tuple[Any, ...],
                     headers: list[str]) -> str | None:
        """A record assessed again in a later table (``_copy_of``): each rating the later row writes otherwise
        (a level read by the column's own scale, as the first row's was) replaces the record's; returns the line
        keeping the first row's ratings, the first assessment ("Row 4, the first assessment under “Risikoplan 1
        for”, rated: Konsekvens: 7; Sannsynlighet: 0.5"), or None when the row changes no rating (its other
        differences stay in the notes as before)."""
        replaced = False
        ratings = []  # the first row's own ratings, as written: the first assessment, kept in the notes
        for c, f, name, _cache, profile, _limit in self._steps:
            if f.kind is not Kind.SCALE:
                continue
            before = first_row[c] if c < len(first_row) else None
            label = _one_line(headers[c]).strip() if c < len(headers) and headers[c] else f.label
            if before is not None and not v.is_blank(before):
                ratings.append(f"{label}: {v.parse_text(before)}")
            if c >= len(row) or row[c] is None or v.is_blank(row[c]):
                continue
            try:
                level = self._translator.parse(f, row[c], self.ctx, profile)
            except ValidationError:
                continue  # a word the scale does not read: it stays in the notes, the rating as it was
            if level is None or level == first.values.get(name):
                continue
            replaced = True
            first.values[name] = level
        if not replaced:
            return None
        under = f" under “{self._first_caption}”" if self._first_caption else ""
        return f"Row {first.report.row}, the first assessment{under}, rated: " + ("; ".join(ratings) or "nothing")

    def _plan_ordinary(self, plan: SheetPlan, reg: Register, number: int, row: tuple[Any, ...], code_col: int,
                       title_col: int, strict_refs: list[tuple[int, Field]], repeated: set[int] | None,
                       seen_rows: dict[tuple[Any, ...], int]) -> tuple[PlannedRow, int] | None:
        """An ordinary row, planned in one step: (its planned row, how many cells it fills), exactly as the
        loop of ``plan_sheet`` and ``_plan_row`` plan it, or None (nothing changed) when it is not one.

        Ordinary: below a record of the same block (no gap, no merged title), ID and title filled, two other
        cells at least, no template example, total or repeated row; every mapped cell a value of its field
        as it is (``_fast_values``: no translation to ask for, no error, no text cut, no note but a word of a
        column of choices read as another, kept as the full way keeps it); names known;
        an ID no other row of this import claimed, a stored record of that ID with a like title; the
        register's rule met. Every other row goes the full way, which says why."""
        width = len(row) - row.count(None)  # the filled cells, counted in C: a blank text sends the row the full way
        if width <= 2 or any(map(str.isspace, filter(_IS_STR, row))):  # a note, a copyright line, a title going on
            return None
        first = 0
        while row[first] is None:
            first += 1
        code_raw, title_raw = row[code_col], row[title_col]
        if code_raw.__class__ is not str or title_raw.__class__ is not str or code_raw == title_raw or \
                not code_raw.strip() or not title_raw.strip():
            return None  # the ID and the title, two texts: neither an empty template row nor a heading
        if _example(code_raw) or _example_title(title_raw, reg.name) or \
                word_key(title_raw) in value_words("nothing") or \
                _TOTAL_RE.match(v.parse_text(row[first])):
            return None
        check_repeat = repeated is None or hash(row) in repeated
        if check_repeat and tuple(row) in seen_rows:
            return None
        if self._state_col is not None and (state := row[self._state_col]).__class__ is str and \
                word_key(state) in response_states():
            return None  # a state naming the response ("Transferred") gives it the full way (fault75)
        values = self._fast_values(row)
        if values is None:
            return None
        # each asked only on a sheet that has what it looks at (each returns at once otherwise): no call a row
        if self._decided_when_given:
            self._decided_if_given(values)
        if self._due_decides:
            self._decided_by_due(number, values)
        if self._progress_col is not None:
            self._decided_in_progress(number, row, values)
        if self._carried_out_col is not None:
            self._pending_though_carried_out(number, row, values)
        if self._confirmed_cols:
            self._pending_though_confirmed(number, row, values)
        if self._plain_decided_col is not None and values.get("status") == "Pending" and values.get("decided_on"):
            return None  # a pending decision's plain date, kept in the notes: the full way (_undecided_day)
        if self._category_col is not None and not self._same_category(row, values):
            return None  # a category the office's list stores as another: its word goes to the notes, the full way
        if self._category_kinds and values.get("category").__class__ is str and \
                word_key(values["category"]) in self._category_kinds:
            return None  # a category naming the kind ("Opportunities"): the kind's, the full way
        # a word read as another choice ("Mitigated" as Closed): its line kept in the notes and counted for the
        # preview as the full way does (``_plan_values``' extra lines, ``_note_kept_as``), found once a word
        kept_words: list[tuple[str, str, str]] = []  # (field, the word as written, the choice stored)
        kept_lines: list[str] = []
        for c, name, head, seen in self._kept_columns:
            raw = row[c]
            if raw is None:
                continue
            stored = values.get(name)
            found = seen.get(raw)
            if found is None or found[0] is not stored and found[0] != stored:
                found = (stored, self._kept_line(raw, stored, head))
                if len(seen) < _MEMO_SIZE:
                    seen[raw] = found
            kept = found[1]
            if kept is _FULL_WAY:
                return None
            if kept is not None:
                kept_lines.append(kept[0])
                kept_words.append((name, kept[1], kept[2]))
        # (a category stored as another was sent the full way above: the full way's category line is none here)
        if kept_lines and (self._codes_said.get(number) or self._unheaded or self._rating_words or
                           self._numbered_priority is not None or self._labelled_priority is not None or
                           self._action_by or number in self._unaligned):
            # other lines the full way may write beside them, in its order, or a CSV row it refuses: the full way
            return None
        for name, limit in self._length_checks.items():
            long_text = values.get(name)
            if isinstance(long_text, str) and len(long_text) > limit:
                return None
        if self._long_texts:
            return None
        for name, is_reference, known, pending in self._ref_checks:  # names neither the office nor the rows know
            if name in values:
                wanted = values[name]
                for one in ((wanted,) if is_reference else wanted):
                    if one and (low_name := one.lower()) not in known and low_name not in pending:
                        return None
        key = reg.key_field
        assert key is not None  # an ordinary sheet has IDs
        code = values.get(key.name) or ""  # left in the row's values: an insert's, the ID first, are these
        if not code:
            return None
        low = code.lower()
        claimed = self.claimed[reg.name]
        if low in claimed:
            return None
        record_id = self.codes(reg).get(low)
        title_name = self._title_field
        if record_id is not None and not self._own_export and title_name and values.get(title_name):
            stored = self.current(reg, record_id).get(title_name) or ""
            if not _similar(values[title_name], stored):
                return None
        if record_id is None:
            for f in self._required:
                if f.name not in values:
                    return None
        if reg.check is not None:
            base = self.current(reg, record_id) if record_id is not None else reg.defaults
            record = dict(base)
            record.update(values)
            if key.name in base:  # the rule reads the record as it was without the row's ID
                record[key.name] = base[key.name]
            else:
                del record[key.name]
            try:
                reg.check(record, self.ctx)
            except ValidationError:
                return None
        if kept_lines:  # written as the full way writes them, after the register's rule
            target = EXTRA_FIELD.get(reg.name) or KEPT_UNDER_TEXT.get(reg.name)
            if target is None:
                return None
            # the notes' own text, then the lines, blanks left out (``filter`` in C, not a generator a row)
            values[target] = "\n".join(filter(None, (values.get(target) or "", *kept_lines)))
            kept_in = EXTRA_FIELD.get(reg.name)
            if kept_in and len(values.get(kept_in) or "") > reg.field(kept_in).max_length:
                return None  # too long for the notes: refused, the full way
        if record_id is not None:
            del values[key.name]
            old = self.current(reg, record_id)
            by_name = self._fields_by_name(reg)
            changed = _changed(by_name, values, old)
            values = {f.name: values[f.name] for f in changed}
            reason = ("changes " + ", ".join(f.label for f in changed) + ".") if changed else "no changes."
            prow = PlannedRow(RowReport(plan.sheet, number, Action.UPDATE, code, reason), values, record_id,
                              was={f.name: old.get(f.name) for f in changed})
        else:
            if "status" in values and values["status"] is None and reg.defaults.get("status") not in (None, ""):
                del values["status"]  # as the full way: a blank status leaves a new record at the default
            if next(iter(values)) != key.name:  # the ID first, as the full way gives it
                del values[key.name]
                values = {key.name: code, **values}
            prow = PlannedRow(RowReport(plan.sheet, number, _INSERT, code, ""), values)
        claimed[low] = (plan.sheet, number)
        if self._voided_col is not None:
            self._mark_voided(reg, code, values, row)
        self.claimed_rows[(reg.name, low)] = prow
        self._claiming = None
        if kept_lines:
            self.claimed_extras[(reg.name, low)] = kept_lines
            for name, word, choice in kept_words:  # as _note_kept_as counts them, for _say_slips
                counted = self._kept_as.setdefault(name, {})
                counted[word] = (choice, counted[word][1] + 1 if word in counted else 1)
        if check_repeat:
            seen_rows[tuple(row)] = number
        return prow, width

    def _kept_line(self, raw: Any, stored: Any, head: str) -> tuple[str, str, str] | None:
        """What a cell of a column of choices kept in the notes adds to an ordinary row, as the full way:
        nothing when the word is the choice stored; else (its line in the notes, the word, the choice) for the
        preview; ``_FULL_WAY`` for a cell the full way treats otherwise (blank, an Excel error, a control
        character, read as no choice), which the fast path does not repeat."""
        if self._as_stored(raw, stored):
            return None
        word = v.parse_text(raw)
        if stored is None or v.is_blank(raw) or word in EXCEL_ERRORS or CONTROL_CHARACTER.search(word):
            return _FULL_WAY
        return f"{head}: {word}", word, str(stored)

    def _decided_in_progress(self, number: int, row: Sequence[Any], values: dict[str, Any]) -> None:
        """Decided, for a row whose status is a progress word read as Pending on a log giving the day decided (not
        yet to come) and who decided (``_progress_col``); counted for the sheet's note."""
        c = self._progress_col
        if c is None or values.get("status") != "Pending" or c >= len(row) or row[c].__class__ is not str or \
                word_key(row[c]) not in self._progress_words:
            return
        decided_on = values.get("decided_on")
        if values.get("decided_by") and isinstance(decided_on, date) and decided_on <= date.today():
            values["status"] = "Decided"
            self._progress_decided.add(number)

    def _say_confirmed(self, plan: SheetPlan) -> None:
        """Says once a column which decisions its notes mark as taken stay Pending (``_pending_though_confirmed``)."""
        by_col: dict[int, list[str]] = {}
        for c, mark in self._confirmed_pending.values():
            by_col.setdefault(c, []).append(mark)
        for c, marks in sorted(by_col.items()):
            head = plan.headers[c] if c < len(plan.headers) and plan.headers[c] else plan.extras.get(c)
            plan.say(confirmed_said(_one_line(head) if head else f"Column {column_letters(c)}", len(marks), marks[0]))

    def _pending_though_confirmed(self, number: int, row: Sequence[Any], values: dict[str, Any]) -> None:
        """Counts a Pending row whose note marks its decision taken (``_confirmed_cols``), for the note."""
        if not self._confirmed_cols or values.get("status") not in (None, "", "Pending") or values.get("decided_by"):
            return
        for c in self._confirmed_cols:
            if c < len(row) and (mark := confirmed_mark(row[c])) is not None:
                self._confirmed_pending[number] = (c, mark)
                return

    def _pending_though_carried_out(self, number: int, row: Sequence[Any], values: dict[str, Any]) -> None:
        """Counts a Pending row whose change the sheet dates as carried out (``_carried_out_col``), for the note."""
        c = self._carried_out_col
        if c is not None and c < len(row) and values.get("status") in (None, "", "Pending") and \
                _dated(row[c]):
            self._carried_out_pending.add(number)

    def _decided_by_due(self, number: int, values: dict[str, Any]) -> None:
        """The due date as the day decided, for a row whose status says Decided on a log with no day decided
        (``_due_decides``), when the due date has passed and someone decided; counted for the sheet's note."""
        due = values.get("due")
        if self._due_decides and values.get("status") == "Decided" and not values.get("decided_on") and \
                values.get("decided_by") and isinstance(due, date) and due <= date.today():
            values["decided_on"] = due
            self._due_decided.add(number)

    def _undecided_day(self, number: int, plan: SheetPlan, row: Sequence[Any], values: dict[str, Any]) -> None:
        """A Pending decision's date under a bare "Date" read as the day decided (``_plain_decided_col``): no day
        decided is stored, the date kept in the notes under its header; counted for the sheet's note."""
        c = self._plain_decided_col
        if c is None or values.get("status") != "Pending" or not values.get("decided_on") or c >= len(row):
            return
        day = values.pop("decided_on")
        written = row[c]
        shown = day.isoformat() if isinstance(day, date) and not isinstance(written, str) else v.parse_text(written)
        self._long_texts.append(f"{_one_line(str(plan.headers[c]))}: {shown}")
        self._undecided_days.add(number)

    def _decided_if_given(self, values: dict[str, Any]) -> None:
        """Decided, for a row of a log with no status column that gives the day decided (not yet to come) and who
        decided (``_decided_when_given``)."""
        decided_on = values.get("decided_on")
        if self._decided_when_given and not values.get("status") and values.get("decided_by") and \
                isinstance(decided_on, date) and decided_on <= date.today():
            values["status"] = "Decided"

    def _read_pair(self, reg: Register, c: int, names: tuple[str | None, str | None], own: str | None, cell: str,
                   values: dict[str, Any]) -> None:
        """The two fields of a cell "For/High" under "Position/Interest" (``_two_fields_headed``). A part whose
        header names no level or choice ("Position", a stakeholder's job title elsewhere) is the one choice
        of the register no column gives that reads it ("For", "Against": the attitude), found on the first
        row that says and kept for the column. ``own``: the field the column was read as, whose value is its
        own part's ("Low/High" under "Power/Interest": the power Low, not the cell's last level). A field
        another column gives, or a part read as nothing, is left as it is."""
        for i, (part, name) in enumerate(zip((p.strip() for p in cell.split("/")), names)):
            if not part:
                continue
            if name is None:
                name = self._pair_guessed.get((c, i))
                if name is None:
                    taken = set(self._field_names_mapped) | {n for n in names if n}
                    readers = [f.name for f in reg.fields if f.kind.vocabulary and f.name not in taken
                               and self._pair_value(reg, f.name, part) is not None]
                    if len(readers) != 1:
                        continue
                    name = self._pair_guessed[(c, i)] = readers[0]
            if (values.get(name) is None or name == own) and (value := self._pair_value(reg, name, part)) is not None:
                values[name] = value
                self._pair_parts.setdefault(c, {})[i] = name
                if name != own:
                    self._pairs_placed.add(c)

    def _say_pairs(self, plan: SheetPlan) -> None:
        """The columns of two fields one of whose parts gave a field besides the column's own on some row, named
        once in the preview, and the fields each gave kept on the plan for the preview's column list to say
        (``SheetPlan.parts_read``): it listed such a column "(keep in the notes)" beside rows read from it."""
        plan.parts_read = {c: tuple(parts[i] for i in sorted(parts)) for c, parts in self._pair_parts.items()
                           if c in self._pairs_placed}
        if self._pairs_placed:
            plan.say("; ".join(f"“{plan.extras.get(c) or plan.headers[c]}” holds two fields in each cell"
                               for c in sorted(self._pairs_placed)) +
                     ": the part before the slash and the part after it are each read as the field it stands for "
                     "(a level, a choice).")

    @staticmethod
    def _labelled_field(reg: Register, cell: Any) -> str | None:
        """The field of ``reg`` a short cell names as a header would ("Приоритет", "Severity"), other than the
        register's ID and title (a key or a required field: the row would be a record of its own), or None: the
        label of a value written beside it under a record (see where it is called)."""
        if cell.__class__ is not str or not 0 < len(words_of(cell)) <= 3:
            return None
        name = map_header(kind_for(reg.name), [cell])[0].get(0)
        if name is None or name not in reg.field_names or reg.field(name).kind.is_key or reg.field(name).required:
            return None
        return name

    def _pair_value(self, reg: Register, name: str, part: str) -> Any:
        """What a part of a cell reads as in field ``name``, None if nothing; once per text of a sheet."""
        key = (name, part)
        if key not in self._pair_read:
            try:
                self._pair_read[key] = self._translator.parse(reg.field(name), part, self.ctx, None)
            except ValidationError:
                self._pair_read[key] = None
        return self._pair_read[key]

    def _fast_values(self, row: tuple[Any, ...]) -> dict[str, Any] | None:
        """The values the steps of ``_plan_values`` make of this row, as a lookup per cell, when every cell
        gives a value and nothing else (no error, no note, no flag, no text cut); None otherwise (the steps
        then run cell by cell). Each column's lookup holds what its step made of a cell value seen before;
        a value not seen yet goes through the step once (``_learn``). Rows holding a cell of another class than
        ``_KEYED`` (a flag, an integer: 1, 1.0 and True are one key) are left to the steps."""
        steps = self._steps
        if not steps or len(row) <= self._last_col:
            return None
        cells = self._cells_of(row) if self._cells_of is not None else (row[steps[0][0]],)
        if not _KEYED.issuperset(map(type, cells)):
            return None
        got = list(map(dict.get, self._memos, cells, self._misses))
        misses = got.count(_MISS)
        if misses:
            plain = self._plain_limits
            memos = self._memos
            i = -1
            for _ in range(misses):  # counted first: the search past the last one raised a ValueError a row
                i = got.index(_MISS, i + 1)
                raw = cells[i]
                limit = plain[i]
                if limit and raw.__class__ is str and raw[:1] != "#":  # a text the step keeps as it is, stripped
                    text = raw.strip()
                    if text and len(text) <= limit:
                        got[i] = text
                        memo = memos[i]
                        if len(memo) < _MEMO_SIZE:
                            memo[raw] = text
                        continue
                value = got[i] = self._learn(i, raw)
                if value is _MISS:
                    return None
        return dict(zip(self._step_names, got))

    def _lead_name(self, c: int, raw: str) -> str | None:
        """The person a sentence in column ``c`` of names opens with (_name_then_why, _written_name_opening)."""
        lead = _name_then_why(raw)
        if lead is None and self._names_from is not None and len(raw.split()) >= 8:
            if c in self._names_from[0] and not self._names_in:
                self._read_names_in()
            if c in self._names_in:
                lead = _written_name_opening(raw, self._names_in[c])
        return lead

    def _read_names_in(self) -> None:
        """The names each column of people writes (``_names_written``), read in one pass over the rows held (or
        a long sheet's first ``KEEP_ROWS``, read again once: a generator, gone after one pass)."""
        assert self._names_from is not None
        cols, held = self._names_from
        todo = [k for k in cols if k not in self._names_in]
        written: dict[int, list[Any]] = {k: [] for k in todo}
        for _n, r in (held() if callable(held) else held):
            for k in todo:
                if k < len(r):
                    written[k].append(r[k])
        self._names_in.update({k: _names_written(cells) for k, cells in written.items()})

    def _qualified_code(self, text: str, limit: int) -> str | None:
        """The code of an ID written with a qualifier in brackets and too long for an ID ("T-O-RAN-01 (Non RT
        RIC + SMO)", "T-SPLANE-01-C1 (multiple O-RUs scenario)"), so that it sorts and is found with its
        siblings rather than numbered anew: the part before the bracket when no other ID of the sheet has that
        part (the bracket then only qualifies it), else the ID cut at a word end to the length IDs can be and
        marked "…" when no other ID of the sheet is cut to the same; None otherwise, or when the sheet is too
        long to hold or the ID is no code with a qualifier (a sentence in the ID column) — a new number then,
        as for any ID too long. Never a code two of the sheet's records would share."""
        parts = _qualified_id(text)
        if parts is None or self._ids_from is None:
            return None
        if self._sheet_ids is None:
            col, held = self._ids_from
            rows = held() if callable(held) else held
            self._sheet_ids = set()
            self._sheet_bases = Counter()
            self._sheet_cuts = Counter()
            for _n, r in rows:
                if col < len(r) and r[col] is not None and (written := " ".join(str(r[col]).split())):
                    self._sheet_ids.add(written.lower())
                    qualified = _qualified_id(written)
                    self._sheet_bases[(qualified[0] if qualified else written).lower()] += 1
                    if len(written) > limit:
                        self._sheet_cuts[_cut_code(written, limit).lower()] += 1
        base = parts[0]
        if len(base) <= limit and self._sheet_bases[base.lower()] == 1:
            return base
        cut = _cut_code(" ".join(text.split()), limit)
        if len(cut) > len(base) + 2 and self._sheet_cuts[cut.lower()] == 1 and cut.lower() not in self._sheet_ids:
            return cut
        return None

    def _first_of_several(self, c: int, f: Field, raw: str) -> str | None:
        """The first person of a cell naming two or more in a one-person column ("Phyo Wai Aung / Kyaw Linn",
        "Ana & Ben", "Ana, Ben"), else None. Each part must be a name on its own: one the office or this import
        already has, one the same column writes alone on another row, or a full name (two to four words each
        capitalised, ending in no group's noun, nor a role's unless another part is named alone). So "Sales &
        Marketing", "Paul & Chris", "R&D", "ML + QA" or "Cloud Architect / Security Analyst" stay one joint
        owner, as written — the preview says so (``_say_several``) — unless the sheet or the office names each
        of them alone."""
        key = (c, raw)
        if key in self._several_seen:
            return self._several_seen[key]
        first: str | None = None
        items = _numbered_items(raw)
        if items:
            # "1) Горбунов А\n2) Глушинский Д": one person per numbered action of the plan beside it; the first
            # item's (first) person is the one — the whole cell, numbers and all, was a person of its own
            first = self._first_of_several(c, f, items[0]) or items[0]
            if len(self._several_seen) < 10_000:
                self._several_seen[key] = first
            return first
        parts = [p.strip() for p in _SEVERAL_NAMES_RE.split(" ".join(raw.split()))] if _SEVERAL_NAMES_RE.search(
            raw) else []
        if len(parts) >= 2 and all(1 <= len(p.split()) <= 4 and p[:1].isalpha() for p in parts):
            assert f.ref is not None  # a reference field
            known = self.names(f.ref.target, f.ref.label) | self.pending_names[f.ref.target]
            if self._names_from is not None and c in self._names_from[0] and c not in self._names_in:
                self._read_names_in()
            written = self._names_in.get(c, {})
            alone = [p.lower() in known or word_key(p) in written for p in parts]
            # a full name is a person's shape only: a project's name joins words with "&" as its own ("Field
            # Trials & Rollout Pack" was cut into a project "Field Trials", unseen set 70), so it is split only
            # where the office or the sheet names each part alone
            person = f.ref.target.__name__ == "Person"
            # a role's title looks like a full name ("Security Analyst"): it is a name on its own only beside a
            # part the office or the sheet names alone ("CISO / Security Manager" where "CISO" owns other rows)
            if all(a or (person and _persons_full_name(p) and not _a_groups_name(p)
                         and (any(alone) or not _a_roles_name(p)))
                   for p, a in zip(parts, alone)):
                first = parts[0]
            elif person and len(self._joint_named.setdefault(c, [])) < 3:
                self._joint_named[c].append(" ".join(raw.split()))
        if len(self._several_seen) < 10_000:
            self._several_seen[key] = first
        return first

    def _say_links_replaced(self, plan: SheetPlan, reg: Register) -> None:
        """A list of links the sheet gives (a decision's "Linked risks", a risk's "Projects affected") is the
        record's whole list: an update writes it over the stored one, it does not add to it. Each row's preview
        shows the old list and the new, but "changes Linked risks" read as links added; so the sheet says once
        which records lose links the sheet does not give ("D-1: R-1, R-2"). Only on a sheet with such a column,
        one pass over its updates."""
        for f in reg.fields:
            if f.kind is not Kind.LINKS or f.name not in plan.mapping.values():
                continue
            lost: list[str] = []
            for p in plan.rows:
                if p.report.action is _UPDATE and p.was and f.name in p.was and f.name in p.values:
                    given = {str(name).lower() for name in p.values[f.name] or ()}
                    gone = [name for name in f.parse(p.was[f.name], self.ctx) or () if name.lower() not in given]
                    if gone:
                        lost.append(f"{p.report.code}: {', '.join(gone)}")
            if lost:
                more = f" and {len(lost) - 3:,} more" if len(lost) > 3 else ""
                plan.say(f"The sheet's {f.label} replace each record's stored list, they are not added to it: "
                         f"{count_of(len(lost), reg.noun)} {'loses' if len(lost) == 1 else 'lose'} links the sheet "
                         f"does not give ({'; '.join(lost[:3])}{more}).")

    def _naming_no_one(self, row: tuple[Any, ...], c: int, text: str, kept_on: int | None) -> tuple[Any, ...]:
        """The row with cell ``c`` of a column of people, naming no one ("N/A", "TBD", "unassigned", "?"), emptied:
        no person is made of it, and the record has no owner (no_one). Counted for ``_say_no_one``. A cell saying
        more than that ("Vacant", "TBD – pending hire": a hire is needed) is kept in the notes of the record of
        row ``kept_on`` under its header (the full way writes the line: ``_no_one_kept``)."""
        self._no_one.setdefault(c, Counter())[" ".join(text.split())] += 1
        if kept_on is not None:
            head = self._headers[c] if c < len(self._headers) and self._headers[c] else "Owner"
            self._no_one_kept.setdefault(kept_on, []).append(f"{_one_line(str(head))}: {' '.join(text.split())}")
        return (*row[:c], None, *row[c + 1:])

    def _say_closed(self, plan: SheetPlan, reg: Register) -> None:
        """The columns saying a record is over ("Resolved", "Fixed By") whose cells gave a status, said once a
        column with what they held (closed_columns)."""
        for c, said in self._closed_said.items():
            head = self._headers[c] if c < len(self._headers) and self._headers[c] else plan.extras.get(c, "")
            n = sum(said.values())
            parts = ", ".join(f"{what} → {status} ({k})" for (status, what), k in said.most_common())
            over = all(status in ("Resolved", "Closed") for status, _what in said)  # else "Validated", "Occurred"
            said_so = f"says on {n} {reg.noun}{'s' if n != 1 else ''} that {'they are' if n != 1 else 'it is'} over" \
                if over else f"answers yes on {n} {reg.noun}{'s' if n != 1 else ''}"
            plan.say(f"“{_one_line(str(head))}” {said_so}, no status column beside it: {parts}; an empty cell "
                     "leaves it open, each cell is kept in the notes.")
        self._closed_said = {}

    def _say_replied(self, plan: SheetPlan) -> None:
        """The columns whose cells said a record's status ("done"), said once a column (reply_status)."""
        for c, said in self._replied.items():
            head = self._headers[c] if c < len(self._headers) and self._headers[c] else plan.mapping.get(c, "")
            n = sum(said.values())
            plan.say(f"“{_one_line(str(head))}” says the status on {n} row{'s' if n != 1 else ''} with no status "
                     f"column beside it: read as {', '.join(f'{s} ({k})' for s, k in said.most_common())}.")
        self._replied = {}

    def _say_no_one(self, plan: SheetPlan, reg: Register) -> None:
        """The columns of people some of whose cells named no one ("N/A", "TBD"), said once a column with how many
        and which words: the field is left empty there, and no person of that name is made."""
        for c, words in self._no_one.items():
            head = self._headers[c] if c < len(self._headers) and self._headers[c] else plan.mapping.get(c, "")
            n = sum(words.values())
            shown = ", ".join(f"“{w}”" for w, _k in words.most_common(4)) + (" …" if len(words) > 4 else "")
            kept = sum(k for w, k in words.items() if no_one_said(w, None, reg.name) == KEPT)  # "Vacant", "TBD – pending hire"
            plan.say(f"“{_one_line(str(head))}” names no one on {n} row{'s' if n != 1 else ''} ({shown}): "
                     f"read as no one, the field left empty, no person made of {'them' if n != 1 else 'it'}"
                     + (f"; {'the cell saying' if kept == 1 else f'the {kept} cells saying'} more (a post not filled, "
                        "or why) kept in the notes." if kept else "."))
        self._no_one = {}

    def _say_several(self, plan: SheetPlan) -> None:
        """The columns of one person some of whose cells named several, named once in the preview; and the
        cells joining names that are not each a person (roles, teams), kept as one owner as written."""
        for head, day_said, cell in self._days_beside_names.values():
            plan.say(f"“{_one_line(head)}” writes a date after the name (“{cell}”): the person "
                     f"is the name, and the date is the {day_said} where no column gives one; the cell "
                     "is kept in the record's notes as written.")
        if self._several_named:
            plan.say("; ".join(f"“{_one_line(h)}”" for h in self._several_named.values()) +
                     " names two people or more on some rows: a record has one, so the first named is the one, and "
                     "the whole cell is kept in the record's notes.")
        for c, cells in self._joint_named.items():
            head = self._headers[c] if c < len(self._headers) and self._headers[c] else "The column"
            plan.say(f"“{_one_line(str(head))}” joins names in one cell on some rows ({', '.join(f'“{x}”' for x in cells)}"
                     "): not each a person the office or the sheet names alone (roles, teams), so each such cell "
                     "stays one name, as written.")

    def _learn(self, i: int, raw: Any) -> Any:
        """What step ``i`` of ``_plan_values`` makes of ``raw`` when it makes a value and nothing else (kept
        in the column's lookup), else ``_MISS``. The same caches as the step's, so the same translations."""
        c, f, name, cache, profile, text_limit = self._steps[i]
        cls = raw.__class__
        if cls is str:
            if name == "response" and (self._escalates and escalation_rest(raw) is not None
                                       or _strategy_then_plan(raw) is not None):
                return _MISS
            if name == "status" and raw in self._escalated_statuses:
                return _MISS  # the Escalated flag set beside the status: the steps' way
            if f.kind is Kind.FLOAT and (money(raw) is not None or quantity(raw) is not None):
                return _MISS  # "£250k", "12 days": its currency or unit becomes the unit, the steps' way
            if name == "frequency" and _listed_parts(raw):
                return _MISS  # several channels' frequencies: the steps' way
            if f.kind.is_reference and ("\n" in raw and _wrapped_name(raw) or self._lead_name(c, raw) is not None
                                             or _name_then_date(raw) is not None
                                             or self._first_of_several(c, f, raw) is not None):
                return _MISS  # the level read, the reason kept in the notes; a name on one line: the steps' way
            if raw[:1] == "#" and raw.strip() in EXCEL_ERRORS:
                return _MISS
            if text_limit:
                if name in self._unsaid_fields and len(raw) <= _UNSAID_LENGTH and _unsaid_text(raw):
                    return _MISS  # "NA" in an optional short text: left empty, kept in the notes, the steps' way
                text = raw.strip()
                if not text or len(text) > text_limit or not text.isprintable() and CONTROL_CHARACTER.search(text):
                    return _MISS  # Field.parse and the length checks of every field (a NUL, an ESC): the steps' way
                return self._memo(i, raw, text)
        if cache is None:
            if cls is not str and raw is not None:
                return _MISS  # a number or a date in a text column: parsed by the steps, each time
            try:
                return self._memo(i, raw, f.parse(raw, self.ctx))
            except ValidationError:
                return _MISS
        key = raw if cls is str else (cls, raw)
        hit = cache.get(key)
        if hit is None:
            try:
                hit = (True, self._translator.parse(f, raw, self.ctx, profile))
            except ValidationError as e:
                hit = (False, str(e))
            if len(cache) < 10_000:
                cache[key] = hit
        if hit[0] and hit[1] is None and cls is str and self._translator.left_empty(name, raw):
            return _MISS  # the field left empty as the user said, the word kept in the notes: the steps' way
        if hit[0] and cls is str and f.kind.vocabulary and (_said_more(f, raw, hit[1]) or
                                                            self._translator.read_in_part(name, raw)):
            return _MISS  # the choice read, the rest of the cell kept in the notes: the steps' way
        if hit[0] and f.kind is Kind.SCALE and self._translator.rescaled_from(name, raw):
            return _MISS  # a number rescaled, the cell kept in the notes: the steps' way
        if hit[0] and f.kind is Kind.DATE and self._translator.by_quarter(name, raw):
            return _MISS  # a quarter read as its last day, the cell kept in the notes: the steps' way
        return self._memo(i, raw, hit[1]) if hit[0] else _MISS

    def _memo(self, i: int, raw: Any, value: Any) -> Any:
        memo = self._memos[i]
        if len(memo) < _MEMO_SIZE:
            memo[raw] = value
        return value

    @staticmethod
    def _trailing_notes(plan: SheetPlan, notes: set[int]) -> None:
        """A lone first-column text below a gap at the very end is a note under the table, not a record."""
        i = len(plan.rows) - 1
        while i >= 0 and (plan.rows[i].report.action == Action.SKIP or i in notes):
            if i in notes:
                report = plan.rows[i].report
                plan.rows[i] = PlannedRow(RowReport(plan.sheet, report.row, Action.SKIP, "",
                                                    "a note below the data, not a record."))
            i -= 1

    def _assign_codes(self, plan: SheetPlan, reg: Register) -> None:
        """IDs for new rows without one: after the highest in the file and in this import."""
        new = [p for p in plan.rows if p.report.action == _INSERT and not p.report.code]
        key = reg.key_field
        if not new or key is None:  # a register without IDs gives none
            return
        # in the style of the IDs stored and given by this sheet (``records.code_style``: a sheet of R1 … R12 goes
        # on with R13, not R-001)
        style = records.stored_code_style(self.session, reg, (p.report.code for p in plan.rows if p.report.code))
        highest = style.highest
        for code in self.claimed[reg.name]:
            number = style.number_of(code)
            if number is not None:
                highest = max(highest, number)
        taken = self.codes(reg)
        for p in new:
            highest += 1
            code = style.code(highest)
            while code.lower() in taken or code.lower() in self.claimed[reg.name]:
                # a stored ID written with fewer digits than the highest ("R-505" beside "R-0504"): the next
                highest += 1
                code = style.code(highest)
            p.report.code = code
            p.code_assigned = True
            p.values = {key.name: code, **p.values}  # the code first: set before any flush
            self.claimed[reg.name][code.lower()] = (plan.sheet, p.report.row)

    def _remember_names(self, reg: Register, rows: list[PlannedRow]) -> None:
        """So a later sheet (the communication plan) may name a stakeholder this import adds: the IDs, names
        and titles of a sheet's records, all at once when the sheet is planned (nothing reads the set
        meanwhile), each field's column taken in one pass rather than a call and two lookups a row."""
        pending = self.pending_names[reg.entity]
        pending.update([code.lower() for code in [p.report.code for p in rows] if code])
        for name in ("name", "title"):
            pending.update([value.lower() for value in [p.values.get(name) for p in rows]
                            if isinstance(value, str) and value])

    def finish_children(self, plan: SheetPlan) -> None:
        """Leave alone the families whose rows equal the stored ones; count the stored rows replaced."""
        reg = REGISTERS[plan.register]
        # a stored record's rows are replaced as a whole: one of them refused, the rest are refused with it and the
        # office keeps the record's own (left59b; the office's export does the same, office_import)
        refuse_whole_families(plan, stored_only=True)
        ids = {pid: low for low, pid in plan.replace_parents.items() if pid is not None}
        mapped = [f for f in reg.fields if f.name in plan.mapping.values()]
        if ids and len(mapped) == len([f for f in reg.fields if f.kind.stored]) and reg.parent is not None:
            E: Any = reg.entity
            parent_col = getattr(E, reg.parent)
            owner: dict[int, int] = {i: pid for i, pid in self.session.execute(select(E.id, parent_col))}
            stored: dict[int, list[Any]] = defaultdict(list)
            for row in records.fetch_rows(self.session, reg, self.ctx):  # two queries for all families
                pid = owner.get(row[0])
                if pid is not None and pid in ids:
                    stored[pid].append(row[2:])
            fields = reg.fields
            planned: dict[str, list[PlannedRow]] = defaultdict(list)
            for prow in plan.rows:
                if prow.report.action == Action.INSERT and prow.parent_code is not None:
                    planned[prow.parent_code.lower()].append(prow)
            for pid, low in ids.items():
                new, old = planned.get(low, []), stored.get(pid, [])
                if len(new) != len(old):
                    continue
                remaining = list(old)
                for prow in new:
                    match = next((o for o in remaining if all(_same(f, prow.values.get(f.name), x)
                                                              for f, x in zip(fields, o))), None)
                    if match is None:
                        break
                    remaining.remove(match)
                else:
                    del plan.replace_parents[low]
                    for prow in new:
                        prow.report.action = Action.SKIP
                        prow.report.reason = "same as stored."
        self._count_children(plan, reg)

    def _count_children(self, plan: SheetPlan, reg: Register) -> None:
        """Count the stored child rows the sheet's rows replace, and say so (``replaced_said``): the stored rows
        of the records the sheet names, read once a sheet, two queries a batch of 500 records."""
        named = {pid: low for low, pid in plan.replace_parents.items() if pid is not None}
        assert reg.parent is not None  # a sub-table
        E: Any = reg.entity
        col = getattr(E, reg.parent)
        names = [f.name for f in reg.fields if f.kind.stored]
        stored: list[tuple[int, dict[str, Any]]] = []
        pids = sorted(named)
        for start in range(0, len(pids), 500):
            chunk = pids[start:start + 500]
            owner: dict[int, int] = dict(self.session.execute(select(E.id, col).where(col.in_(chunk))).all())
            stored += [(owner[row[0]], dict(zip(names, row[2:])))
                       for row in records.fetch_rows(self.session, reg, self.ctx, where=col.in_(chunk),
                                                     with_computed=False)]
        plan.replaced_children = len(stored)
        if stored:  # records the sheet names that hold none yet lose nothing: their rows are added, said as inserts
            plan.say(replaced_said(plan, reg, named, stored))


def replaced_said(plan: SheetPlan, reg: Register, named: dict[int, str], stored: list[tuple[int, dict[str, Any]]]
                  ) -> str:
    """What a child sheet's rows replace, for the preview, the command line's dry run and its report (left49: the
    count was kept, never shown). A risk's actions have no ID the workbook and the office share — their text is
    what is edited —, so the sheet's actions of a risk it names are all that risk's actions: the stored ones are
    deleted and the sheet's written ("Actions of 12 risks replaced: 31 stored actions by 27 from the sheet").
    Said with it, so that nothing goes unseen: the stored rows whose text the sheet does not give as stored (one
    edited in the office since, or dropped from the sheet), and the values of fields the sheet has no column for
    that the stored rows held ("The sheet has no Status column, so the status the stored actions hold is not kept
    (“Done” on 2)"). ``named``: the stored records the sheet names (id → their ID in lower case); ``stored``: their
    stored child rows (record id, values)."""
    parent = REGISTERS[plan.parent_register or ""]
    short = reg.noun.removeprefix(parent.noun + " ")  # "risk action" beside "of 12 risks": "action"
    many = plural_of(short)
    article = "an" if short[:1] in ("a", "e", "i", "o", "u") else "a"
    text = next(f for f in reg.fields if f.required)
    spelled = {(p.parent_code or "").lower(): p.parent_code or "" for p in plan.rows}
    given: dict[str, set[str]] = defaultdict(set)
    parents = set(named.values())
    new = 0
    for p in plan.rows:
        low = (p.parent_code or "").lower()
        if p.report.action == _INSERT and low in parents:
            new += 1
            given[low].add(text.display(p.values.get(text.name)))
    said = (f"{many[0].upper()}{many[1:]} of {count_of(len(named), parent.noun)} replaced: "
            f"{count_of(len(stored), 'stored ' + short)} by {new:,} from the sheet — {article} {short} has no ID the "
            f"workbook and the office share, so the sheet's {many} of a {parent.noun} it names are all its {many}; "
            f"{plural_of(parent.noun)} it does not name keep theirs.")
    # each named by its first line, cut short: an action's text may carry its kept columns on lines under it
    gone = [f"{spelled.get(named[pid]) or named[pid]} “{_first_line(text.display(values.get(text.name)))}”"
            for pid, values in stored if text.display(values.get(text.name)) not in given[named[pid]]]
    if gone:
        more = f" and {len(gone) - 3:,} more" if len(gone) > 3 else ""
        said += (f" Not on the sheet as stored, so {'it goes' if len(gone) == 1 else 'they go'}: "
                 f"{', '.join(gone[:3])}{more}.")
    # a field the sheet's rows give no value of, by a column or a rule of the import ("Completed: …" is done)
    set_by_rows = {name for p in plan.rows if p.report.action == _INSERT for name in p.values}
    unmapped = [f for f in reg.fields if f.kind.stored and f is not text and f.name not in plan.mapping.values()
                and f.name not in set_by_rows]
    for f in unmapped:
        default = reg.defaults.get(f.name)
        held = Counter(f.display(values.get(f.name)) for _, values in stored
                       if values.get(f.name) not in (None, "", default))
        if held:
            listed = ", ".join(f"“{value}” on {n:,}" for value, n in held.most_common(3))
            comes = f": the sheet's come in “{f.display(default)}”" if default not in (None, "") else ""
            said += (f" The sheet has no {f.label} column, so the {f.label.lower()} the stored {many} hold is not "
                     f"kept ({listed}){comes}.")
    return said


_YES_NO = re.compile(r"(?:^|[\s(\[])(?:y|s|si|sí|yes|j|ja|o|oui|д|да|т|так)\s*/\s*(?:n|no|nein|non|н|нет|ні)(?:$|[\s)\]?.])|\?",
                     re.IGNORECASE)


def _is_it_one_column(headers: Sequence[Any], mapping: dict[int, str], register: str) -> int | None:
    """The column no field takes whose header asks whether each row is one of the register's records
    ("Riesgo S/N", "Is it a risk? (Y/N)"): a row answered no there is a candidate the sheet turned down."""
    nouns = register_nouns(register)
    for c, header in enumerate(headers):
        if c in mapping or header.__class__ is not str or not _YES_NO.search(header):
            continue
        # the question and nothing else: "Risk realised?" or "Has the risk occurred? (Y/N)" asks another
        rest = [w for w in words_of(header) if w not in _ASKING]
        if len(rest) == 1 and any(rest[0].startswith(n) for n in nouns if len(n) >= 4):
            return c
    return None


def _checks_column(reader: SheetReader, header_row: int, width: int, headers: Sequence[Any]) -> int | None:
    """The column of an issue list whose every cell is a check's result, one at least passed ("PASS",
    "FAIL"): the sheet lists checks (a data-quality audit, a test run), and a check that passed found
    nothing at issue. Words of the files' "check_result" list, in any language."""
    results = value_words("check_result")
    if not results:
        return None
    said: dict[int, set[str]] = {}
    for _number, row in reader.data_rows(header_row + 1, width):
        for c, x in enumerate(row):
            if x.__class__ is str and x.strip():
                said.setdefault(c, set()).add(results.get(word_key(x), "?"))
            elif x is not None and x.__class__ is not str:
                said.setdefault(c, set()).add("?")
    for c, kinds in sorted(said.items()):
        if c < len(headers) and headers[c] and "?" not in kinds and "passed" in kinds:
            return c
    return None


def _defects_by_their_ids(headers: Sequence[Any], mapping: dict[int, str]) -> bool:
    """Whether the issue list's ID column is headed by the records' noun ("Defect ID", "Bug No", "ID de
    incidencia"): each row is a defect found, so "Pass" under its status is the defect's retest, which passed — the
    defect resolved, not a check that found nothing (unseen set 76: a defect tracker's four defects, each retested
    "Pass", were skipped as passed checks). A test run's rows are named by their test cases' IDs."""
    nouns = register_nouns("issues") | {"bug"}  # "bug" names the title, not the register, in the words files
    return any(name == "code" and c < len(headers) and not nouns.isdisjoint(words_of(headers[c]))
               for c, name in mapping.items())


# the words around the noun in a header asking whether a row is a record ("Is it a risk? (Y/N)", "¿Es un
# riesgo? S/N"), keyed, with the answers' letters
_ASKING = frozenset(word_key(w) for w in (
    "is", "it", "this", "a", "an", "es", "un", "una", "ist", "ein", "eine", "est", "ce", "une",
    "é", "um", "uma", "это", "це", "чи", "y", "s", "si", "sí", "yes", "j", "ja", "o", "oui", "д", "да", "т",
    "так", "n", "no", "nein", "non", "н", "нет", "ні", "¿", "?"))


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())


def _first_line(text: str, room: int = 80) -> str:
    """A text's first line, cut at ``room`` characters with "…": a record named in a sentence of the preview."""
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= room else first[:room - 1].rstrip() + "…"


def _note_other(others: dict[int, dict[int, list[str]]], record: int, column: int, first: Any, name: Any) -> bool:
    """Keep ``name`` (a second person in a one-person column of the record of row ``record``) for its notes,
    once, unless it is the first person again; True."""
    names = others.setdefault(record, {}).setdefault(column, [])
    text = _one_line(name)
    if text != _one_line(first) and text not in names:
        names.append(text)
    return True


# A bracketed standard's name: capitals first ("NIST", "ISO 27001", "CIS v8", "NIST SP 800-53"), no scale
# ("(H/M/L)", "(1-5)") nor plural mark ("(s)")
_FRAMEWORK_RE = re.compile(r"[(\[]\s*([A-Z][A-Z0-9]+(?:[ \-.:][A-Za-z0-9.\-:]+)*)\s*[)\]]")


def framework_named(header: str) -> str | None:
    """The framework a header names in brackets ("Proposed Control (NIST)" → "NIST"), if any."""
    found = _FRAMEWORK_RE.search(header or "")
    if found is None or "/" in found.group(1) or found.group(1).upper() in ("ID", "ISO", "NA", "N", "Y"):
        return None
    return found.group(1) if found.group(1) != "ISO" else None


def _with_framework(text: str, framework: str | None) -> str:
    """An action's text with the framework its control belongs to, unless it says it already."""
    if not framework or framework.lower() in text.lower():
        return text
    return f"{text} ({framework})"


def _unknown_state(reg: Register, f: Field, text: str) -> bool:
    """Whether ``text`` is a record's status the office's words do not know, a word or a few ("Replied", a
    vendor tracker's state between open and fixed): decided (classes65a) that such a row is imported at the
    state a new record starts in (Open, Pending, On track), the word kept in its notes and said once a column
    (``Planner._say_unknown_states``), to be translated in the preview. Refused, the row was lost whole (81 rows
    of a 976-row defect export), and a tracker has more states between its first and its last than any list
    holds; a state that ends the record is the rarer, and the words files name those (Closed, Fixed, Done …).
    A word the files know as another field's ("Low", "Mitigate") is no unknown state but a value standing in the
    wrong column (a row pasted off its headers): that row stays refused, for the shifted rows' rule. A remark
    written where the status goes, opening with no status word ("Looks like the issue is from the vendor's API
    side", unseen set 68; one opening with one is read by it, ``read_in_part``), says no state either: the same
    (left54) — refused, the failure it logs was lost."""
    return f.name == "status" and f.kind is Kind.ENUM and reg.defaults.get("status") not in (None, "") and \
        any(ch.isalpha() for ch in text) and \
        (not known_value_word(text) or word_key(text) in state_words_every()) and \
        not unsaid_word(text)  # "N/A", "TBD" say nothing of it: an empty cell's, as before (classes58a)


def _default_means_unknown(reg: Register, f: Field) -> bool:
    """Whether the field's default is the choice the language files give "unknown" (a stakeholder's attitude
    Neutral, current engagement Unaware): the office's word for "not known" in that field. A word no choice
    takes ("Influencer" under "Impact on Project (Positive, Negative, Influencer, Supporter, Roadblock)") says
    no more of the field than "unknown" does, so the row is imported with the default, the word kept in the
    notes under the field and named in the preview to translate — not refused, losing all the row says. A
    status's default (Open) is no such word: an unknown status word stays refused, as Open would claim the
    record live."""
    default = reg.defaults.get(f.name)
    return default not in (None, "") and value_words(f"{reg.name}.{f.name}").get(word_key("unknown")) == default


def _yearly_target_columns(kind: SheetKind, extras: dict[int, str]) -> list[tuple[int, int]]:
    """(year, column) of the columns kept in the notes that give a target for a numbered year ("Year 1 Target",
    "Target Y2", "Ziel Jahr 3": a year word of the language files with its number, the rest naming the
    target), in the order of their years; none unless two years are given (one is a target of its own)."""
    years = year_words()
    found: dict[int, int] = {}
    for c, head in extras.items():
        words = words_of(head)
        number = None
        rest: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            glued = re.fullmatch(r"([^\W\d_]+)(\d{1,2})", w)
            if number is None and glued and glued.group(1) in years:  # "Y1", "Year1"
                number = int(glued.group(2))
            elif number is None and w in years and i + 1 < len(words) and re.fullmatch(r"\d{1,2}", words[i + 1]):
                number = int(words[i + 1])  # "Year 1"
                i += 1
            else:
                rest.append(w)
            i += 1
        if number is None or not rest or number in found:
            continue
        if map_header(kind, [" ".join(rest)])[0].get(0) == "target_value":
            found[number] = c
    return sorted(found.items()) if len(found) >= 2 else []


def _anniversary(start: date, years: int) -> date:
    """``start`` moved on by whole years (29 February to 28 February in a common year)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)
