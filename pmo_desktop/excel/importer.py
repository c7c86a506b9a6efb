"""Importing registers from Excel: plan (a preview that changes nothing), then apply (all or nothing).

    plan = plan_import(store, "risks.xlsx")          # or plan_workbook_import(store, path)
    for report in plan.reports: print(report)        # will insert / will update / will skip / error
    result = apply_import(store, plan)               # one transaction; ImportRefused if any row has an error

No Qt here: the GUI runs these in a worker thread and passes ``progress(done, total)`` and ``cancelled()``.
"""

from __future__ import annotations

import csv
import functools
import gc
import json
import os
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import disk, records, search_index
from ..models.errors import StoreError, ValidationError
from ..models.fields import Context, Kind, Register, a_noun, count_of
from ..models.program import Setting
from ..models.registers import REGISTERS
from ..models.settings import SETTINGS
from ..models.store import Store
from ..models.values import normalise_key, number_text
from . import id_matrices
from .action_columns import ACTION_DUE, ACTION_OWNER, ACTION_STATUS, ACTIONS_OF, FINISHED_RECORD
from .area_ratings import areas_of, read_per_area, scale_fields
from .broken_formulas import broken_columns, broken_header
from .broken_formulas import said as broken_said
from .calculation_sheets import CALCULATION_REASON, calculation_sheet
from .chart_data import chart_data
from .checklist_titles import checklist_title
from .child_sheets import (
    child_kinds,
    child_of_the_parent_named,
    children_by_a_parent_column,
    children_by_their_ids,
    ids_not_plans,
    names_its_records,
    tied_by_the_parents_ids,
)
from .clause_references import references_not_plans
from .code_exports import code_export
from .coded_forms import coded_form
from .coded_legends import column_legend
from .coded_names import coded_cells, header_parts, split_coded
from .column_glossaries import DEFINITIONS_REASON, defines_terms, describes_columns
from .column_records import (
    MAX_FIELDS,
    MIN_NAMED,
    describes_names,
    named_fields,
    names_few,
    records_a_column,
    records_across,
    turned,
    turned_note,
    worded_fields,
)
from .day_logs import TIMESHEET_REASON, hours_log, stamped_log, titled_by_dates
from .defect_reports import a_testers_header, defect_report
from .described_grids import described_grid
from .diary_entries import diary_entries
from .employee_sheets import employee_sheet, ids_of, same_people
from .errors import ImportCancelled, ImportRefused, MappingError, WorkbookError
from .filler_columns import FILLER_REASON, filler_columns
from .form_sheets import (
    MAX_FORMS_ROWS,
    MIN_FORMS,
    a_lone_record,
    beside_sections,
    form_caption,
    labels_down_the_side,
    read_form,
    read_forms,
)
from .header_detection import (
    _DESCRIPTION_STEMS,
    ACTION_LIST_REASON,
    ALL_KINDS,
    BACKLOG,
    CHANGE_HISTORY_REASON,
    CODE_RE,
    ENGAGE,
    ENGAGE_ROW,
    FIRST_NAME,
    LABEL_HEADERS,
    LEVEL,
    NAMED_PEOPLE,
    NUMBERS_NO_PERSON,
    OTHER_LIST_REASONS,
    PARENT,
    PSEUDO,
    RAID_REGISTERS,
    RESPONSE_PLAN,
    SAMPLE,
    HeaderMatch,
    SheetKind,
    _sentences,
    assignee_over_raiser,
    axis_orders,
    bug_steps_column,
    bug_steps_said,
    check_values,
    cut_short_name,
    detect_header,
    field_in_expression,
    field_keys,
    group_label_columns,
    issues_judged_by_kind,
    kind_for,
    layout_key,
    level_legends,
    listed_ladder,
    listed_orders,
    map_header,
    named_by_its_first_words,
    named_by_its_last_words,
    named_tracker_column,
    names_under_a_caption,
    not_a_register,
    not_records_by_content,
    not_records_by_layout,
    planned_work_list,
    raid_filter,
    raid_kind,
    raid_rows,
    raid_type_column,
    real_fields,
    refill,
    risk_grid,
    specific_fields,
    tick_level,
    titled_by_its_kind,
    titled_by_its_noun,
    tracker_column,
    vulnerability_list,
)
from .headerless import headerless_message, headerless_rows
from .import_plan import LEFT_OUT_SUFFIX, Action, ImportPlan, ImportResult, PlannedRow, RowReport, SheetPlan
from .impossible_days import IMPOSSIBLE_DAYS
from .item_catalogues import item_catalogue
from .key_names import names_under_a_key
from .keyed_legends import key_said, keys_beside
from .kind_titles import catalogue_reason, kind_column, kind_title_note, titled_rows, tracked_fields
from .legend_bands import legend_band
from .lessons_logs import LESSONS_REASON, lessons_log
from .level_lists import level_list
from .linked_kinds import rows_of_another_kind
from .map_features import MAP_FEATURES_REASON, map_features
from .matrix_codes import an_axis, axis_in_header, axis_steps, coded_ratings
from .measured_things import a_number, measurements_not_records
from .merged_labels import merged_group_labels
from .milestone_lists import named_and_dated
from .minutes_sheets import MINUTES_REASON, meeting_minutes
from .named_records import actions_naming_their_records, links_named
from .named_rows import keyed_by_names, names_listed
from .named_things import OTHER_THINGS_REASON, named_as_other_things
from .note_labels import note_label
from .notebook_lists import notebook_lists
from .number_order import evidence_of as number_evidence
from .numbered_catalogues import numbered_catalogue
from .office_import import plan_office_import, read_stamp, unstamped_export
from .paired_items import LINK, a_few_kinds, joined_twins, twin_columns
from .participant_deciders import participants_decide, unheaded_days_decided
from .plan_owners import plan_owners
from .portfolio_reports import (
    UNDATED_REASON,
    dated_report,
    portfolio_report,
    project_states,
    undated_report,
    undated_said,
)
from .priority_keys import priority_key
from .product_ratings import product_ratings
from .program_output import program_output
from .question_plans import QUESTION_PLAN_REASON, question_plan
from .questionnaires import questionnaire
from .record_links import link_column
from .referenced_ids import referenced_ids, referenced_rows
from .result_columns import result_columns
from .row_planner import (
    CREATED_ON_CONFIRMATION,
    EXTRA_FIELD,
    KEPT_UNDER_TEXT,
    TITLE_FALLBACK,
    Cancelled,
    OwnRating,
    OwnScore,
    Planner,
    Progress,
    ScoreWords,
    ShiftedColumn,
    UnheadedColumn,
    rating_head,
)
from .row_planner import _same as same_as_stored
from .said_once import said_once
from .sentence_lists import sentence_list
from .sheet_keys import MAX_ROWS as KEY_MAX_ROWS
from .sheet_keys import Key, among_records, code_key, code_text, find_keys, key_cells, key_for
from .side_legends import legend_spans, symbol_statuses
from .skipped_rows import keep_skipped_cells
from .stated_grades import stated_steps
from .strategy_columns import strategies_not_plans
from .template_rows import PLACEHOLDER_SAMPLE_REASON, sample_of_its_columns
from .templated_columns import TEMPLATED_REASON, templated_column
from .ticket_titles import ticket_titled
from .title_labels import labelled_title_column, split_labels
from .todo_lists import todo_list
from .tool_catalogues import CATALOGUE_REASONS, tool_catalogue
from .treatment_bands import treated_in_a_band
from .twice_listed import listed_twice
from .typed_issues import issue_type_column, typed_note
from .unheaded_lists import captioned_list, made_header, named_register, own_words_header
from .unkept_lists import named_as_unkept, unkept_message
from .user_tables import USER_TABLE_REASON, user_table
from .value_translation import (
    LEGEND_SIZES,
    MODIFIED_FIBONACCI,
    OPEN_LISTS,
    Legends,
    fibonacci_scale,
    legends_of,
    numbered_word,
    point_scale,
    scale_from_declared,
    scale_from_word_level,
    score_header_scale,
    told_scale,
    word_level_of_rank,
    written_number,
)
from .verdict_logs import cases_not_decisions, rulings_not_decisions, verdicts_not_decisions
from .vocabulary import (
    action_notes_words,
    example_words,
    foreign_words,
    hours_worked_words,
    register_nouns,
    sheet_words,
    tells_what_to_write,
    value_words,
    word_key,
    words_of,
)
from .workbook_reader import DEFAULT_LIMITS, Limits, SafeWorkbook, SheetReader, Uncalculated, column_letters, file_stamp
from .written_rows import WRITTEN_REASON, written_sheet

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

# the members the code run once a row compares with, looked up once (see row_planner's _INSERT)
_INSERT, _UPDATE, _SKIP = Action.INSERT, Action.UPDATE, Action.SKIP
MAPPING_SETTING = "import_mapping:"
VALUES_SETTING = "import_values:"      # per layout: {register: {field: {keyed raw value: target}}}
OWN_LIST_SETTING = records.OWN_LIST_PREFIX  # per register.field: the office's own extra choices (categories)
BATCH = 2000  # rows written per flush; cancel is checked between batches
LEGEND_ROWS = 500  # rows under the first ones searched for a legend of level words (a form's matrix key)


def _letter(col: int) -> str:
    return column_letters(col)


def importable_fields(register: str) -> list[tuple[str, str]]:
    """(field name, label) a column may be mapped to, for the mapping dialog; child sheets add the parent ID.
    Every register has them (from its declaration), whether or not a colleague's sheet is ever matched to it."""
    reg = REGISTERS[register]
    out = []
    if reg.parent_register is not None:
        out.append((PARENT, reg.parent_label))
    out += [(f.name, f.label) for f in reg.fields if f.kind.stored]
    if register in ACTIONS_OF:
        out += [(RESPONSE_PLAN, "Response plan (as response actions)" if register == "risks" else "Action (as its actions)"),
                (ACTION_OWNER, "Actionee (of those actions)"), (ACTION_DUE, "Due (of those actions)"),
                (ACTION_STATUS, "Status (of those actions)")]
    if register in NAMED_PEOPLE:
        out.append((FIRST_NAME, "First name (joined before the name)"))
    return out


def tick_label(register: str, name: str) -> str:
    """How the mapping dialog names a detected target that is no plain field: a tick-box level column."""
    if name == ENGAGE_ROW:
        return "Current or desired (of the row's marks)"
    if name.startswith(ENGAGE):
        return f"{name[len(ENGAGE):]} (C current, D desired)"
    level = tick_level(name)
    if level is None:
        return name
    field_name, n = level
    return f"{REGISTERS[register].field(field_name).label} {n} (ticked)"  # short: the column is narrow


def saved_mapping(store: Store, layout: str) -> dict[str, Any] | None:
    """The mapping confirmed for this workbook layout by an earlier import: {"register", "mapping"}, None where
    none is, or where what is kept is not of that shape (``remembered_values``)."""
    saved = _kept(store.get_setting, MAPPING_SETTING + layout)
    if isinstance(saved, dict) and isinstance(saved.get("register"), str) and isinstance(saved.get("mapping"), dict) \
            and all(isinstance(c, str) and c.isdigit() and isinstance(n, str) for c, n in saved["mapping"].items()):
        return saved
    return None


def remembered_values(saved: Any) -> dict[str, Any]:
    """The value translations remembered for a layout ({register: {field: {raw value: target}}}) when they are of
    the shape this version writes; {} otherwise.

    What the office keeps for a layout (these, and its mapping: ``saved_mapping``) is a convenience the next import
    writes again: kept by an older or newer version, or edited by hand or by another program, it was read as if
    this version had written it — a column "-1" mapped the sheet's last column as the title, a list where a
    mapping goes, or text that is no JSON, ended every import of that layout in "Unexpected error". A remembered
    value of another shape is as none: the sheet is read as a layout never imported is."""
    if isinstance(saved, dict) and all(isinstance(fields, dict) and all(
            isinstance(words, dict) and all(isinstance(w, str) and isinstance(t, str) for w, t in words.items())
            for words in fields.values()) for fields in saved.values()):
        return saved
    return {}


def _own_words(saved: Any) -> set[str]:
    """An open list's own words as the import keeps them (a list of words), none where it holds another shape
    (``remembered_values``; the lists' dropdowns pass such a value over too: ``records._own_choices``)."""
    return {w for w in saved if isinstance(w, str) and w.strip()} if isinstance(saved, list) else set()


def _kept(read: Callable[..., Any], *where: Any) -> Any:
    """A setting's value as ``read(*where)`` gives it, None where its text is no JSON (``remembered_values``)."""
    try:
        return read(*where)
    except ValueError:
        return None


def _fits(kind: SheetKind, remembered: dict[str, str], width: int) -> bool:
    """Whether a mapping remembered for this layout still fits the sheet: a column within its headers for each
    field it names, some field named, each a field of this version's register. One that does not (kept by another
    version, edited by hand) is not forced on the sheet — it stopped every import of the layout ("Column C is
    mapped to …, which is not a column") or mapped nothing — the sheet is read as if none were remembered."""
    if not any(remembered.values()) or any(int(c) >= width for c in remembered):
        return False
    try:
        _normalise_override(kind, remembered)
    except MappingError:
        return False
    return True


def _normalise_override(kind: SheetKind, mapping: dict[Any, Any]) -> dict[int, str]:
    reg = kind.reg
    allowed = {name for name, _ in importable_fields(kind.register)}
    computed = {f.name for f in reg.fields if not f.kind.stored}
    out: dict[int, str] = {}
    taken: dict[str, int] = {}
    for col, name in mapping.items():
        col = int(col)
        if not name or name in computed:
            continue
        if name.startswith((LEVEL, ENGAGE)):  # a tick-box level column, as detected (or remembered)
            out[col] = name
            continue
        if name not in allowed:
            raise MappingError(f"Column {_letter(col)} is mapped to “{name}”, which is not a column of the "
                               f"{reg.title.lower()}; choose another field or none.")
        if name in taken and name not in PSEUDO:
            label = dict(importable_fields(kind.register))[name]
            raise MappingError(f"Columns {_letter(taken[name])} and {_letter(col)} are both mapped to “{label}”; "
                               "map one of them to nothing.")
        taken[name] = col
        out[col] = name
    return out


# The first column of a rows-left-out workbook (``write_left_out``): why an earlier import refused the row.
LEFT_OUT_REASON = "Why it was left out"


def _left_out_reason(col: int, text: str) -> bool:
    """The rows-left-out workbook's reason column, which the user fixes the rows beside and imports again: not
    data of the record (it was kept in the notes, "Why it was left out: Status: “Zzz” is not one of …")."""
    return col == 0 and " ".join(str(text or "").split()).lower() == LEFT_OUT_REASON.lower()


def _ignored(kind: SheetKind, headers: list[str], mapping: dict[int, str], auto: HeaderMatch | None,
             kept: dict[int, str]) -> dict[int, str]:
    """Why each named column is not imported, for the preview (``kept``: the columns kept in the notes)."""
    reg = kind.reg
    labels = {f.name: f.label for f in reg.fields}
    computed = {f.name for f in reg.fields if not f.kind.stored}
    auto_map = auto.mapping if auto is not None else {}
    dups = auto.duplicates if auto is not None else {}
    out = {}
    for col, text in enumerate(headers):
        if not text or col in mapping:
            continue
        name = auto_map.get(col)
        if _left_out_reason(col, text):
            out[col] = f"“{text}” is why an earlier import left the row out, so it is not imported."
        elif name in computed and col not in kept:
            out[col] = f"“{text}” is calculated ({labels[name]}), so it is not imported."
        elif auto is not None and col in auto.demoted:
            out[col] = f"“{text}” is kept on each record: {auto.demoted[col]}."
        elif col in dups:
            out[col] = (f"“{text}” repeats {labels.get(dups[col], dups[col])}, which another column already gives; "
                        "kept on each record.")
        else:
            out[col] = f"“{text}” is not a column of the {reg.title.lower()}; kept on each record."
        if EXTRA_FIELD.get(kind.register) is None and col not in kept and "kept on each record" in out[col]:
            out[col] = out[col].replace("kept on each record", "not imported (no place for it)")
    return out


# the calculated fields the office works out as a day (a risk's next review, a communication's next due): a
# column under their name in someone else's workbook is the sheet's own words, kept in the notes — whether its
# cells hold no day at all ("Weekly", a cadence: dropped as calculated, "Next Review: Weekly" was lost, round 43)
# or a day typed (31/12/2026: the day the team agreed, which the office's cadence from the last review need not
# give, and a sheet often has no last review to count from — dropped, the typed day was lost, heldout50). So is
# a column named as the office's "Review" (whether that next review is overdue): in another workbook "Review"
# holds its cadence ("weekly", "monthly in the first 3 months") or its own word on it, and was dropped as
# calculated (unseen set 78: twenty risks' review cadences lost). Only the office's own export writes the
# office's calculation there, and that is worked out again
_DAYS_WORKED_OUT = frozenset({"next_review", "next_due", "review_overdue"})


def _extras(kind: SheetKind, headers: list[str], mapping: dict[int, str], auto: HeaderMatch | None,
            sample: list[list[Any]] | None = None, keyed: set[int] | frozenset[int] = frozenset(),
            band: list[Any] | None = None, told: dict[int, int] | None = None) -> dict[int, str]:
    """Columns kept on each record (labelled with their header): every named column no field takes,
    except calculated ones (scores, ratings), which the office recomputes — unless a key of the sheet spells
    out its values (``keyed``: a "Rank" of 1–7 whose key says 1 is "Disaster"), which no level gives again."""
    if kind.register in KEPT_UNDER_TEXT:  # an action's own further columns only (row_planner.KEPT_UNDER_TEXT)
        words = action_notes_words()
        return {col: " ".join(text.split()) for col, text in enumerate(headers)
                if text and col not in mapping and word_key(text) in words}
    if EXTRA_FIELD.get(kind.register) is None:
        return {}
    computed = {f.name for f in kind.reg.fields if not f.kind.stored}
    auto_map = auto.mapping if auto is not None else {}
    beside = _beside_the_table(headers, mapping, sample or [], band)
    # a score, rank or rating is dropped because the office works it out again from the levels; when the sheet
    # gives fewer than two of them (a "Rank" of low / moderate / high beside a text "Impact"), nothing would
    # work it out, so the sheet's own rating is kept in the notes — and so it is in a register rated by no
    # levels at all: an issue's, assumption's or decision's "RAG" of Red / Amber / Green in a RAID log is the
    # office's only word on it (dropped as calculated, it was lost, though the report said it was kept)
    scales = {f.name for f in kind.reg.fields if f.kind is Kind.SCALE}
    recomputed = len(scales & set(mapping.values())) >= 2
    ours = _own_export(kind, headers, mapping)  # the office's own export: its calculated columns are the office's
    out = {}
    for col, text in enumerate(headers):
        # a column named as a calculated field whose cells are sentences was written, not calculated ("Strategy"
        # of a stakeholder: "Communicate the plan early…", not the quadrant's "Manage closely")
        calculated = auto_map.get(col) in computed and not _sentences(
            [r[col] for r in sample or [] if col < len(r) and r[col] is not None])
        if auto_map.get(col) in _DAYS_WORKED_OUT and not ours:
            calculated = False
        if col in keyed and col not in mapping and col not in beside:
            calculated = False
        derived = calculated or (_calculated_header(text) and recomputed and col not in keyed)
        # the sheet's own rating in words ("Major" where the office rates a 4 × 4 Critical) is kept: the
        # planner writes it in the notes on the rows where it differs from the office's rating (RATING_WORDS)
        # so is a score written in words ("Risk Score: High"): a band, not a product of the levels
        cells = [r[col] for r in sample or [] if col < len(r) and r[col] is not None]
        said = derived and kind.register == "risks" and _rating_words(cells) and (
            rating_head(text) or (_score_header(text) and not any(_has_digits(x) for x in cells)))
        scored = score_scale(col, mapping, sample or [], text) if derived and not ours and not told else None
        dropped = derived and _worked_out_again(text, col, mapping, sample or [],
                                                told or dict.fromkeys(mapping, scored or 0)) and \
            _levels_given(kind, mapping) and ((kind.register, auto_map.get(col)) not in FROM_MEASUREMENTS or ours)
        if text and col not in mapping and col not in beside and (said or not dropped) and not _left_out_reason(col, text):
            out[col] = note_label(text)  # "Descripción del riesgo:"
            if (read := field_in_expression(text)) is not None:
                # a header written as the exporting tool's code ("(r)=>getResidual(r)", no stored field): its
                # cells are named in the notes by the words the code holds ("residual: 20"), as a user reads
                # them, not by the code (classes55b)
                out[col] = read
            if said and dropped:
                out[col] = OwnRating(out[col]) if rating_head(text) else ScoreWords(out[col])
            elif derived and recomputed and kind.register == "risks" and not said and \
                    {"rank", "ranking"}.isdisjoint(words_of(text.replace("_", " "))) and \
                    any(_has_digits(x) and not str(x).lstrip().startswith("=") for x in cells):  # a CSV's "9" too
                # the sheet's own score, not the office's: said once (a rank is an order, kept unsaid as before)
                out[col] = OwnScore(out[col], scored or 0)
    if "category" in mapping.values():
        # labels grouping the rows in a column without a header ("Initiating" over three risks, "Planning" over
        # the next five) where another column gives the category: kept in the notes, the planner carrying each
        # label down its block (a column without a header is carried so)
        for col in group_label_columns(kind, list(headers), mapping, sample or []):
            out[col] = GROUP_LABEL
    for col, name in mapping.items():
        # a column of choices (status, strategy, priority, category …) is kept too, whatever its words: where a
        # row's word is not the choice stored ("Mitigated" stored as Closed, "Approved" and "Rejected" both as
        # Decided) the planner writes it in the notes, so that an export shows what was written, and says once a
        # column what each word was read as (row_planner._say_slips); a row whose word is the choice gets no line.
        # Not a category the office extends with the sheet's own words (OPEN_LISTS): a word is read as one of the
        # office's only when it is that category in other words ("Financial Risk", "Finanziell"; issue 12's
        # decision, cat24), so nothing was changed to say
        if col < len(headers) and headers[col] and name in kind.reg.field_names and \
                kind.reg.field(name).kind is Kind.ENUM and (kind.register, name) not in OPEN_LISTS:
            out[col] = note_label(headers[col])  # its own colon not written twice ("Серьезность дефекта:: Blocker")
    return out


def _unheaded(kind: SheetKind, headers: list[str], mapping: dict[int, str], extras: dict[int, str],
              beside: set[int]) -> dict[int, str]:
    """The table's columns with no header (a second web address written in the cell beside the first, a
    remark typed past the last column): kept in the notes under their letter, "Column E", on the rows that fill
    them, for any register that keeps notes — a value is never lost for want of a header. Columns of another
    table past an empty column (``beside``) are not the records'; the planner names in the report only those a
    record filled (row_planner.UnheadedColumn)."""
    if EXTRA_FIELD.get(kind.register) is None:
        return {}
    return {c: UnheadedColumn(f"Column {_letter(c)}") for c, text in enumerate(headers)
            if not text and c not in mapping and c not in extras and c not in beside}


def _shifted_columns(kind: SheetKind, mapping: dict[int, str], extras: dict[int, str],
                     sample: list[list[Any]]) -> dict[int, ShiftedColumn]:
    """Columns with no header whose cells fill exactly the records' rows their left neighbour leaves empty —
    the neighbour being the nearest column left of it filled on some record, a field's (not the ID's) — are that
    column's values typed one cell too far right (round 54's text-art register: the owners of risks 2–6 stood in
    H under no header, right of "Risk Owner", kept in the notes as "Column H"). Decided once a sheet from the
    sampled rows: the records' rows are those with an ID or a title; the column must fill two of them at least
    and no other row, hold text where the neighbour holds text (numbers where it holds numbers), and the columns
    between be empty on every record. Any other unheaded column is kept in the notes as before."""
    reg = kind.reg
    key = reg.key_field.name if reg.key_field is not None else None
    title = next((f.name for f in reg.fields if f.required), None)  # the field naming the records
    naming = {c for c, n in mapping.items() if n == key or n == title}
    if not naming:
        return {}

    def filled(r: list[Any], c: int) -> bool:
        return c < len(r) and r[c] is not None and bool(str(r[c]).strip())

    records = [r for r in sample if any(filled(r, c) for c in naming)]
    out: dict[int, ShiftedColumn] = {}
    for c, head in extras.items():
        if not isinstance(head, UnheadedColumn) or len(records) < 3:
            continue
        mine = [k for k, r in enumerate(records) if filled(r, c)]
        if len(mine) < 2 or sum(1 for r in sample if filled(r, c)) != len(mine):
            continue
        left = next((d for d in range(c - 1, -1, -1) if any(filled(r, d) for r in records)), None)
        if left is None or left not in mapping or mapping[left] == key or mapping[left] not in reg.field_names:
            continue
        theirs = [k for k, r in enumerate(records) if filled(r, left)]
        if not theirs or set(mine) & set(theirs) or len(mine) + len(theirs) != len(records):
            continue
        if {isinstance(records[k][c], str) for k in mine} != {isinstance(records[k][left], str) for k in theirs}:
            continue
        out[c] = ShiftedColumn(str(head), left)
    return out


def _row_counter(values: list[Any]) -> bool:
    """A column of whole numbers going up by one from row to row (1, 2, 3 …, two at least): the sheet numbering
    its rows under no header, which says nothing of a record (kept, "Column A: 1" stood on every one)."""
    numbers = []
    for x in values:
        if isinstance(x, str) and x.strip().isdigit():
            x = int(x)
        if isinstance(x, bool) or not isinstance(x, (int, float)) or x != int(x):
            return False
        numbers.append(int(x))
    return len(numbers) >= 2 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


# Calculated fields the office works out from records no row of a register gives: a benefit's status (its RAG)
# and latest actual come from its measurements, so a benefits register's own "RAG" of Red / Amber / Green or
# "Actual" of 32,500 is the only word on them; dropped as calculated, it was lost, so it is kept in the notes —
# but for the office's own export, whose measurements come on their own sheet and whose columns are its own.
FROM_MEASUREMENTS = frozenset({("benefits", "status_rag"), ("benefits", "latest_actual")})


def _choice_list(sample: list[list[Any]], col: int, chosen: set[str]) -> bool:
    """A column with no header beside the table holding, one a row, the words its drop-downs choose from (an
    internship's RAID template: Risk, Assumption, Issue, Dependency, then Open, Closed, then Critical … Negligible,
    typed in column J as the lists its validation reads): four texts at least, each once, two in three of them
    values the table's own columns hold, standing on rows that hold more (captions alone on their rows over a
    list, whose words the made "Group" column repeats, are no such list). Kept in the notes, each record had one word of the
    lists beside it ("Column J: Assumption" on a risk) that says nothing of it."""
    texts = []
    beside = 0
    for r in sample:
        x = r[col] if col < len(r) else None
        if isinstance(x, str) and x.strip():
            texts.append(word_key(x))
            beside += any(k != col and y is not None and str(y).strip() for k, y in enumerate(r))
    # a choice word is one the table's columns hold, or any the office reads as a level, a status or a RAID type
    # (the list's "Closed" and "Negligible", which no record chose yet)
    known = chosen | _choice_words()
    return len(texts) >= 4 and len(set(texts)) == len(texts) and \
        sum(1 for t in texts if t in known) * 3 >= len(texts) * 2 and beside * 3 >= len(texts) * 2


@functools.lru_cache(maxsize=1)
def _choice_words() -> frozenset[str]:
    """The words of the office's choice lists a template's drop-downs offer: levels, statuses, RAID types."""
    return frozenset(w for key in ("scale", "raid.type", "risks.status", "issues.status", "assumptions.status",
                                   "dependencies.status", "decisions.status", "issues.priority")
                     for w in value_words(key))


def _levels_given(kind: SheetKind, mapping: dict[int, str]) -> bool:
    """Whether the sheet gives a pair of the levels the office works a score out from (a likelihood and an
    impact, before or after the measures). A risk register of "Risk ID | Risk Description | Score | Risk Level"
    gives none: dropping its "Score" of 20 as calculated lost it, as nothing would work it out again, so it is
    kept in the notes. Registers whose scores are not products of two levels are as before."""
    fields = {f.name for f in kind.reg.fields}
    if not {"probability", "impact"} <= fields:
        return True
    given = {n.split(":")[1] if n.startswith(LEVEL) else n for n in mapping.values()}
    return {"probability", "impact"} <= given or {"residual_probability", "residual_impact"} <= given


def _score_header(text: str) -> bool:
    """"Risk Score", "Inherent Score": a score, which the sheet may write as its band's word."""
    return "score" in words_of(text.replace("_", " "))


def _has_digits(value: Any) -> bool:
    """A number, or text with one in it (a CSV's "12", "20 (Critical)"): a score, not its band's word alone."""
    return not isinstance(value, str) or any(ch.isdigit() for ch in value)


def _rating_words(values: list[Any]) -> bool:
    """Whether a rating column's cells are words ("Major", "Moderate"), not scores or formulas: most of them (a
    summary's counts may stand under the table)."""
    texts = [x for x in values if isinstance(x, str) and x.strip()]
    return bool(texts) and len(texts) * 2 > len(values) and \
        not any(x.lstrip().startswith("=") for x in texts) and all(len(x.split()) <= 3 for x in texts)


def _worked_out_again(text: str, col: int, mapping: dict[int, str], sample: list[list[Any]],
                      told: dict[int, int] | None = None) -> bool:
    """Whether the office's own score stands for the sheet's calculated column: its numbers are the products of
    the row's probability and impact as the office reads them — a number on a scale the sheet tells (``told``:
    column → its size, "Likelihood (1-3)") on the office's levels, so 3 × 3 = 9 on a 1–3 sheet is no 4 × 4 = 16
    and is the sheet's own, kept (it was dropped as the office's calculation, the 9 lost, scale51); where they are
    words, a score stays within the office's 1–25 (81 for High × High is a score on another scale, kept). A rank
    is an order, no score: it stands only where it is that product. Ratings in words ("High") are the office's
    rating again. Most rows decide."""
    at = {n: c for c, n in mapping.items()}
    if "probability" not in at or "impact" not in at:
        return True  # no levels of the sheet to check against (a benefit's "Planned today"): the office's own
    pairs = [(at.get(p), at.get(i)) for p, i in (("probability", "impact"),
                                                 ("residual_probability", "residual_impact"))]
    rank = not {"rank", "ranking"}.isdisjoint(words_of(text.replace("_", " ")))

    def number(r: list[Any], c: int | None) -> float | None:
        y = r[c] if c is not None and c < len(r) else None
        if isinstance(y, str):  # a CSV's cells are text: "9" is a number
            try:
                return float(y.strip().replace(",", "."))
            except ValueError:
                return None
        return y if isinstance(y, (int, float)) and not isinstance(y, bool) else None

    def level(r: list[Any], c: int | None) -> float | None:
        # a level in a word the office reads ("High", "Critical") is the level the office will give the row: a
        # score of "High | Critical" that is not 4 × 5 (9 on the sheet's own three-point scale) is the sheet's
        # own, kept (before, every score of word levels within 1–25 was taken for the office's and dropped)
        y = r[c] if c is not None and c < len(r) else None
        if isinstance(y, str) and (hit := words.get(word_key(y))) is not None:
            return float(scale_from_word_level(int(hit), 5))
        x = number(r, c)
        levels = (told or {}).get(c) if c is not None else None
        if x is not None and levels and levels != 5:
            read = scale_from_declared(x, levels, 5)
            return float(read) if read is not None else x
        return x

    words = value_words("scale")
    agree = differ = 0
    for r in sample:
        x = number(r, col)
        if x is None:
            continue
        products = [a * b for p, i in pairs if (a := level(r, p)) is not None and (b := level(r, i)) is not None]
        # a pair of the sheet whose levels are words on this row the office does not read ("Medium-ish") may be
        # the score's: the row cannot say the score is not a product, and is not judged by the other pair alone
        unread = any(p is not None and i is not None and (level(r, p) is None or level(r, i) is None)
                     for p, i in pairs)
        if any(abs(y - x) <= 1e-9 for y in products):  # the score before the measures, or after ("Control Score")
            agree += 1
        elif products and not unread:
            differ += 1
        elif rank or x > 25:
            differ += 1
        elif not products and x != round(x):
            differ += 1  # 9.4 beside levels written with their reason ("High - no authentication"): a CVSS score
    # most rows decide: one stale formula among the products does not make the column another scale
    return differ <= agree if differ or agree else not rank


def _told(headers: list[str], mapping: dict[int, str], sample: list[list[Any]], band: list[Any] | None,
          above_rows: list[list[Any]], legend: int | None) -> dict[int, int]:
    """The size of the scale the sheet tells for each of its level columns other than by their numbers (its header,
    the cell above it, a note over the sheet, a legend: value_translation.told_scale, the rule the planner reads the
    column by), from the first rows; none for a column the sheet tells nothing of."""
    noted = {t for r in above_rows for x in r if (t := point_scale(x))}
    note = noted.pop() if len(noted) == 1 else None
    out = {}
    for c, name in mapping.items():
        if name.split(":")[-1] not in ("probability", "impact", "residual_probability", "residual_impact"):
            continue
        values = [r[c] for r in sample if c < len(r) and r[c] is not None]
        told = told_scale(headers[c] if c < len(headers) else None, band[c] if band and c < len(band) else None,
                          note, legend, values)
        if told is not None:
            out[c] = told.levels
    return out


# the fewest rows whose scores tell the sheet's scale: a short list rated 1–3 may be a 1–5 scale nobody used in full
_SCORED_ROWS = 5


def score_scale(col: int, mapping: dict[int, str], sample: list[list[Any]], head: object = None) -> int | None:
    """The size of the scale a sheet's own score column tells when nothing else does (scale51): 3 or 4 when every
    score is the product of the row's likelihood and impact, written as whole numbers 1 … n, the two columns
    using every level of it and the top score n × n ("Risk Score" 9 for 3 × 3: a 1–3 scale, whose 3 is high,
    not the office's medium). None otherwise (a 1–5 scale, products disagreeing, too few rows to tell).
    A score whose header names its range's top as n × n ("Risk Score (1-100)": ``score_header_scale``) tells n
    whatever levels the rows use, when every score is the product of the row's two ratings, each within 1 … n
    (classes53b: ratings of 1–10 that stay at 5 or under were read as the office's 1–5, a sheet's medium
    5 × 5 = 25 of 100 the office's Critical)."""
    at = {n: c for c, n in mapping.items()}
    p, i = at.get("probability"), at.get("impact")
    if p is None or i is None:
        return None
    rows = []
    for r in sample:
        x, a, b = (r[k] if k < len(r) else None for k in (col, p, i))
        if a is None and b is None:
            continue
        if not all(isinstance(y, (int, float)) and not isinstance(y, bool) and float(y).is_integer() for y in (a, b)):
            return None  # a level in words or a fraction: the numbers alone do not tell
        rows.append((x, int(a), int(b)))  # type: ignore[arg-type]
    scored = [(x, a, b) for x, a, b in rows if isinstance(x, (int, float)) and not isinstance(x, bool)]
    if not scored or any(abs(x - a * b) > 1e-9 for x, a, b in scored):
        return None
    headed = score_header_scale(head)
    if headed is not None and headed != 5:
        return headed if all(1 <= a <= headed and 1 <= b <= headed for _x, a, b in rows) else None
    if len(scored) < _SCORED_ROWS:
        return None
    top = max(max(a, b) for _x, a, b in rows)
    used = {a for _x, a, _b in rows} | {b for _x, _a, b in rows}
    if top in (3, 4) and used == set(range(1, top + 1)) and max(x for x, _a, _b in scored) == top * top:
        return top
    return None


def _column_blocks(headers: list[str], sample: list[list[Any]]) -> list[list[int]]:
    """The sheet's columns in blocks that empty columns (no header, no value) set apart."""
    width = max(len(headers), max((len(r) for r in sample), default=0))

    def empty(c: int) -> bool:
        return (c >= len(headers) or not headers[c]) and \
            all(c >= len(r) or r[c] is None or not str(r[c]).strip() for r in sample)

    blocks: list[list[int]] = []
    block: list[int] = []
    for c in range(width + 1):
        if c < width and not empty(c):
            block.append(c)
            continue
        if block:
            blocks.append(block)
        block = []
    return blocks


_INSTRUCTION_WORDS = 6  # a sentence of instructions: this many words at least


def _instructions_beside(headers: list[str], mapping: dict[int, str], sample: list[list[Any]]) -> list[int]:
    """Columns of a template's instructions beside its table (an accessible template's column A: "Headings for the
    table … are in cells B3 through D3." over "Enter milestone dates in cells B4 through B8. …"): no field read, the
    header a sentence, every cell under it a sentence too, one at least telling what to write (``tells_what_to_write``).
    Kept in the notes, the first record took the instructions as its own (unseen set 93's timeline, classes93)."""
    def sentence(x: Any) -> bool:
        return isinstance(x, str) and len(x.split()) >= _INSTRUCTION_WORDS and x.rstrip()[-1:] in ".:!"

    out = []
    for c, head in enumerate(headers):
        if c in mapping or not sentence(head):
            continue
        cells = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if cells and all(sentence(x) for x in cells) and \
                any(tells_what_to_write(x) for x in (head, *cells)):
            out.append(c)
    return out


def _shortened(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def _beside_the_table(headers: list[str], mapping: dict[int, str], sample: list[list[Any]],
                      band: list[Any] | None = None) -> set[int]:
    """Columns of another table beside the register, past an empty column (a heat map, a legend, a chart's
    data to the right of the risk list): no column of theirs is mapped, so none of their cells is a record's.
    ``band``: the row over the header, whose captions may say the blocks are one table (``_one_banded_table``)."""
    out: set[int] = set()
    blocks = _column_blocks(headers, sample)
    banded = _one_banded_table(blocks, mapping, band)
    for block in blocks:
        if not any(x in mapping for x in block):
            if block[0] not in banded and not _written_on_each_record(headers, mapping, sample, block):
                out.update(block)
        else:
            out.update(_grid_at_the_end(headers, mapping, sample, block))
    return out


def _written_on_each_record(headers: list[str], mapping: dict[int, str], sample: list[list[Any]],
                            block: list[int]) -> bool:
    """One column past an empty one, headed on the header row, whose cells are sentences standing on the row of
    every record (the first mapped column filled there, four records at least) and on no row the table leaves
    empty: the register's own column a spacer sets apart, not a legend or a heat map beside it. A register typed
    as text art (round 54: "No. | Risk Identified | … | Risk Owner | | | | Status", each record's texts wrapped
    over two to four rows) lost its "Status" column, a monitoring sentence on each risk, as "another table". A
    heat map holds numbers and levels, a legend stands on rows of its own past the last record or fewer than
    the records."""
    if len(block) != 1 or not mapping:
        return False
    c, first = block[0], min(mapping)
    if c >= len(headers) or not headers[c]:
        return False

    def filled(row: list[Any], col: int) -> bool:
        return col < len(row) and row[col] is not None and str(row[col]).strip() != ""

    records = [r for r in sample if filled(r, first)]
    mine = [r for r in sample if filled(r, c)]
    return len(records) >= 4 and all(filled(r, c) for r in records) and \
        all(any(filled(r, m) for m in mapping) for r in mine) and \
        sum(1 for r in mine if len(str(r[c]).split()) >= 3) * 2 > len(mine)


def _one_banded_table(blocks: list[list[int]], mapping: dict[int, str], band: list[Any] | None) -> set[int]:
    """The first columns of blocks that one table's band of captions heads ("Basic information | Rating |
    Segments of cooperation | Contact information" over a stakeholder list whose groups of columns one empty
    column each sets apart): a caption over a mapped block and another over an unmapped one, each caption
    heading the blocks up to the next, the blocks one spacer column apart. Those blocks are the register's
    own columns (its contacts, its notes), not a legend beside it."""
    captions = [c for c, x in enumerate(band or []) if isinstance(x, str) and x.strip()]
    if len(captions) < 2 or len(blocks) < 2:
        return set()

    def block_at(c: int) -> int | None:
        return next((i for i, b in enumerate(blocks) if b[0] <= c <= b[-1]), None)

    under = [block_at(c) for c in captions]
    if any(i is None for i in under):  # a caption over an empty column: no band of this table
        return set()
    # a block whose cells on the band's row hold a number is another table's row there ("已识别 | 4", a status
    # tally beside the list starting above its header), not under a caption of this table's band (unseen set 91:
    # the tally's next rows were read as two columns of the risks)
    counted = {i for i, b in enumerate(blocks) if any(
        c < len(band or []) and (x := (band or [])[c]) is not None and x.__class__ is not bool and
        (isinstance(x, (int, float)) or written_number(x) is not None) for c in b)}
    under = [i for i in under if i not in counted]
    if len(under) < 2:
        return set()
    first = min(i for i in under if i is not None)
    run = [first]
    while run[-1] + 1 < len(blocks) and blocks[run[-1] + 1][0] - blocks[run[-1]][-1] == 2:
        run.append(run[-1] + 1)
    mapped = {i for i in run if any(c in mapping for c in blocks[i])}
    if not mapped or not any(i in run and i not in mapped for i in under):
        return set()
    return {blocks[i][0] for i in run}


def _id_apart(mapping: dict[int, str], headers: list[str], sample: list[list[Any]]) -> dict[int, str]:
    """A found ID column standing apart from the table, past an empty column, with no other field of the
    register beside it ("KEY" over 1 … 5 to the right of a template): a legend, not the records' IDs."""
    blocks = _column_blocks(headers, sample)
    if len(blocks) < 2:
        return mapping
    apart = [b for b in blocks if {mapping.get(c) for c in b} - {None} == {"code"}]
    if not apart or not any(len({mapping.get(c) for c in b} - {None, "code"}) >= 2 for b in blocks):
        return mapping
    drop = {c for b in apart for c in b}
    return {c: n for c, n in mapping.items() if c not in drop}




_UNHEADED_ID_RE = re.compile(r"[^\W\d_]{1,5}[-_.]?\d{1,5}")


def _unheaded_ids(kind: SheetKind, headers: list[str], mapping: dict[int, str],
                  sample: list[list[Any]]) -> dict[int, str]:
    """The records' IDs in a column with no header, left of the table, when no column is the ID: an FMEA's
    "D1 … D23" under an empty cell (round 51) were kept in the notes as "Column A", each risk numbered R-001.
    Every record (a row with its title) holds a code of letters then digits there, each its own, three or more:
    a numbering column of 1, 2, 3 may only count the rows (round 26) and stays as it was."""
    named_by = kind.reg.name_field
    if "code" in mapping.values() or not mapping or named_by is None or \
            not any(f.name == "code" for f in kind.reg.fields):
        return mapping
    title = next((c for c, n in mapping.items() if n == named_by.name), None)
    first = min(mapping)
    if title is None or first == 0:
        return mapping
    records = [r for r in sample if title < len(r) and r[title] is not None and str(r[title]).strip()]
    for c in reversed(range(first)):
        if c < len(headers) and headers[c]:
            continue
        cells = [x.strip() for r in records if c < len(r) and isinstance(x := r[c], str)]
        if len(records) >= 3 and len(cells) == len(records) and \
                all(_UNHEADED_ID_RE.fullmatch(x) for x in cells) and len({x.lower() for x in cells}) == len(cells):
            return {**mapping, c: "code"}
    return mapping


def _tile_apart(kind: SheetKind, mapping: dict[int, str], headers: list[str], head_row: list[Any],
                sample: list[list[Any]]) -> set[int]:
    """A dashboard's tile beside its list (a KPI dashboard's "Top 10 Risks" and, past an empty column, a box
    captioned "Actions" whose texts are "14 risks are exposed to the assets", "Key Performance Indicator",
    "1-Four incidents are acceptable within the week"): a block of columns set apart by an empty column, whose
    only header is a caption above the header row (none on the header row itself), holding neither the
    records' ID nor their title, and whose texts stand as often on rows where the list has no record as on
    the records' own rows. Its texts are the dashboard's captions, counts and labels: no column of the
    records, so none of its cells becomes a record's field or action."""
    blocks = _column_blocks(headers, sample)
    if len(blocks) < 2:
        return set()
    keys = {"code", kind.reg.name_field.name if kind.reg.name_field is not None else "title"}
    lists = [b for b in blocks if {mapping.get(c) for c in b} & keys]
    if len(lists) != 1:
        return set()

    def filled(r: list[Any], block: list[int]) -> bool:
        return any(c < len(r) and r[c] is not None and str(r[c]).strip() for c in block)

    records = [filled(r, lists[0]) for r in sample]
    out: set[int] = set()
    for block in blocks:
        if block is lists[0] or not any(c in mapping for c in block):
            continue
        if any(c < len(head_row) and head_row[c] is not None and str(head_row[c]).strip() for c in block):
            continue  # a header on the header row: the list's own columns, however sparse
        rows = [on for r, on in zip(sample, records) if filled(r, block)]
        off = rows.count(False)
        if off >= 2 and off * 2 >= len(rows):
            out.update(block)
    return out


# A level of a legend's axis with its number: "Alto (3)", "Pouco Provável (1)"
_NUMBERED_LEVEL_RE = re.compile(r"\(\s*\d{1,2}\s*\)\s*$")


def _legend_apart(kind: SheetKind, mapping: dict[int, str], headers: list[str], head_row: list[Any],
                  sample: list[list[Any]]) -> set[int]:
    """A heat map or a legend beside the list, past an empty column, under one caption merged over its three
    columns or more ("Impacto" over "Alto (3) | 3 | 6 | 9" … "Pouco Provável (1) | Provável (2) | Muito
    Provável (3)" to the right of a risk list): every cell of it a number or a level word, none the records' ID
    or title. The caption names a rating ("Impacto") and took a field of the register, so the block was read
    as the list's own columns: each risk got the legend's row beside it as its effect and its numbers in the
    notes. A block of the list's own columns has a header of its own over each column; one caption merged over
    several is a grid's, so none of its columns is mapped. Decided once a sheet, from its first rows."""
    blocks = _column_blocks(headers, sample)
    keys = {"code", kind.reg.name_field.name if kind.reg.name_field is not None else "title"}
    if len(blocks) < 2 or not any({mapping.get(c) for c in b} & keys for b in blocks):
        return set()
    levels = value_words("scale")

    def level_or_number(x: Any) -> bool:
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            return True
        text = _NUMBERED_LEVEL_RE.sub("", str(x)).strip()
        last = text.split()[-1] if text.split() else ""
        return word_key(text) in levels or word_key(last) in levels

    out: set[int] = set()
    for block in blocks:
        if len(block) < 3 or not any(c in mapping for c in block) or {mapping.get(c) for c in block} & keys:
            continue
        unheaded = [c for c in block if c >= len(headers) or not headers[c]]
        if an_axis(axis_steps(headers, block)) or (sample and an_axis(axis_steps(sample[0], unheaded), 2)):
            # "Negligible | … | Catastrophic" over the block, or on its first line under no header (under the
            # matrix's caption; two words enough there): a likelihood–impact matrix's axis (classes65b: its side
            # "75% - 100%" … under "Impact" was read as the first risks' impact). A register heads its columns
            # with the fields they hold, never with one's levels
            out.update(block)
            continue
        captions = {headers[c] for c in block if c < len(headers)}
        written = [c for c in block if c < len(head_row) and head_row[c] is not None and str(head_row[c]).strip()]
        if len(captions) != 1 or len(written) != 1:
            continue
        cells = [r[c] for r in sample for c in block if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if cells and all(level_or_number(x) for x in cells):
            out.update(block)
    return out


# What a register's rows are, besides its own noun: "vuln_name" of a scan's findings, "Threat Name", "Hazard
# name" name each risk as "Risk name" does
_LISTED = {"risks": frozenset({"vuln", "vulnerability", "threat", "hazard", "finding"})}


def _short_name_title(kind: SheetKind, headers: list[str], mapping: dict[int, str],
                      sample: list[list[Any]]) -> dict[int, str]:
    """A column headed "Name" (or "Nombre", "Nom", "Short name" …) that no field took, beside the title taken
    from a description ("Descripción del riesgo"), whose texts are shorter: the name is the title and the
    description the record's description (kept on the record where the register has none)."""
    from .header_detection import _OF_WORDS

    title = next((f.name for f in kind.reg.fields if f.required), None)
    title_col = next((c for c, n in mapping.items() if n == title), None)
    if title_col is None and title is not None:  # a description standing in for the title (an issue's)
        title_col = next((c for c, n in mapping.items() if n in TITLE_FALLBACK.get(kind.register, ())), None)
    if title is None or kind.is_child or title_col is None or title_col >= len(headers):
        return mapping
    if not any(w.startswith(_DESCRIPTION_STEMS) for w in words_of(headers[title_col])):
        return mapping
    nouns = register_nouns(kind.register) | {word_key(kind.reg.noun)}

    def texts(c: int) -> list[str]:
        return [str(r[c]).strip() for r in sample if c < len(r) and isinstance(r[c], str) and r[c].strip()]

    described = texts(title_col)
    for c, header in enumerate(headers):
        words = [w for w in words_of(header.replace("_", " ")) if w not in nouns and w not in _OF_WORDS] \
            if header else []  # a CSV's "vuln_name": two words
        if c in mapping or not words or words[-1] not in _ROW_NAMES or len(words) > 2 or \
                (len(words) == 2 and words[0] not in ("short", "kurz", "corto") and
                 words[0] not in _LISTED.get(kind.register, ())):
            continue
        names = texts(c)
        # told apart on the sheet's distinct rows: a row repeated cell for cell (a scan's finding listed twice)
        # is one record, so its name once
        once = [str(r[c]).strip() for r in {tuple(map(str, r)): r for r in sample}.values()
                if c < len(r) and isinstance(r[c], str) and r[c].strip()]
        if len(names) < 2 or len(names) * 2 < len(described) or len({n.lower() for n in once}) * 5 < len(once) * 4:
            continue
        if sum(map(len, names)) / len(names) * 1.5 > sum(map(len, described)) / max(len(described), 1):
            continue
        out = {k: n for k, n in mapping.items() if k != title_col or n != title}
        out[c] = title
        if any(f.name == "description" for f in kind.reg.fields) and "description" not in out.values():
            out[title_col] = "description"
        return out
    return mapping


def _grid_at_the_end(headers: list[str], mapping: dict[int, str], sample: list[list[Any]], block: list[int]) -> list[int]:
    """A heat map right against the list: the last three or more columns headed by levels or numbers
    ("Low | Medium | High", "1 … 5") holding counts, and the axis column before them ("High", "Medium" …)."""
    from .vocabulary import value_words

    levels = value_words("scale")

    def axis(text: Any) -> bool:
        key = word_key(text)
        return key in levels or (key.isdigit() and 0 < int(key) <= 10)

    def cells(c: int) -> list[Any]:
        return [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]

    grid: list[int] = []
    for c in reversed(block):
        if c in mapping or c >= len(headers) or not axis(headers[c]) or \
                any(isinstance(x, str) or isinstance(x, bool) for x in cells(c)):
            break
        grid.insert(0, c)
    if len(grid) < 3:
        return []
    before = grid[0] - 1
    if before in block and before not in mapping and all(axis(x) for x in cells(before)):
        grid.insert(0, before)
    return grid


def _named_by_the_lines_under(headers: list[str], mapping: dict[int, str], extras: dict[int, str],
                              under: list[list[Any]]) -> dict[int, str]:
    """The notes' label of a column kept there whose header is a caption merged over several columns
    ("Воздействие на" over the areas "Содержание | Качество | Расписание | Стоимость", each over "Степень
    влияния | Весовой коэффициент"), named by the header lines under it: the caption alone said the same of
    eight cells ("Воздействие на: 0" eight times, which area and which measure lost — round 53). Those lines are
    the rows right under the header holding only words, none in the columns naming the records (the planner
    skips them as header lines) but the header's own cells merged down; each column's own words on them follow
    the caption."""
    shared = {c for c, text in enumerate(headers) if text and (
        (c > 0 and headers[c - 1] == text) or (c + 1 < len(headers) and headers[c + 1] == text))}
    if not shared & set(extras):
        return extras
    naming = {c for c, n in mapping.items() if n in ("title", "name", "code")}
    lines: list[list[Any]] = []
    for row in under:
        # (a header cell merged down over these lines fills them with its own name: not a word of theirs)
        cells = {c: x for c, x in enumerate(row) if x is not None and str(x).strip()
                 and not (c < len(headers) and str(x).strip() == headers[c])}
        if not cells:
            continue  # the header merged down over a line of its own, or a blank line under it
        if naming & set(cells) or not all(isinstance(x, str) for x in cells.values()) or not shared & set(cells):
            break
        lines.append(row)
    out = dict(extras)
    for c in shared & set(extras):
        if type(extras[c]) is not str:
            continue  # the sheet's own rating or score, said as such
        words = [" ".join(str(line[c]).split()) for line in lines if c < len(line) and line[c] is not None
                 and str(line[c]).strip() and str(line[c]).strip() != headers[c]]
        if words:
            out[c] = " — ".join([extras[c], *dict.fromkeys(words)])
    return out


def _calculated_header(text: str) -> bool:
    """Scores, ratings, ranks and expected values: derived from other columns, recomputed by the office."""
    words = words_of(text.replace("_", " "))
    return bool(words) and len(words) <= 3 and any(w in ("score", "rating", "rag", "ranking", "rank", "ev", "pxi")
                                                   for w in words)


def _own_export(kind: SheetKind, headers: list[str], mapping: dict[int, str]) -> bool:
    """A sheet laid out as our export: every mapped header is the field's own label."""
    labels = {f.name: f.label for f in kind.reg.fields}
    named = [(c, n) for c, n in mapping.items() if n in labels]
    return len(named) >= 3 and all(c < len(headers) and headers[c] == labels[n] for c, n in named)


def _layout(reader: SheetReader, match: HeaderMatch) -> tuple[list[str], str]:
    return match.headers, layout_key(match.headers)


def _number_samples(sheets: list[tuple[SheetReader, HeaderMatch, dict[int, str]]]) -> list[Any]:
    """The cells of the first rows under each header in the columns mapped to a number or scale field."""
    cells: list[Any] = []
    for reader, match, final in sheets:
        fields = {f.name: f for f in match.kind.reg.fields}
        columns = [c for c, name in final.items() if name in fields and fields[name].kind.numeric]
        for row in reader.top_rows()[match.row:] if columns else ():
            cells += [row[c] for c in columns if c < len(row)]
    return cells


def _prepare(store: Store, reader: SheetReader, match: HeaderMatch, mapping: dict[Any, Any] | None,
             legend_levels: int | None = None) -> tuple[dict[int, str], dict[int, str], str, dict[int, str], bool,
                                                        bool]:
    """``legend_levels``: the size of the scale the workbook's legends spell out (``legend_scale``), if one.
    The last of what it returns: whether the mapping is the user's (given, or chosen earlier for this layout)."""
    kind = match.kind
    headers, layout = _layout(reader, match)
    computed = {f.name for f in kind.reg.fields if not f.kind.stored}
    if mapping is None:
        saved = saved_mapping(store, layout)
        if saved and saved["register"] == kind.register and _fits(kind, saved["mapping"], len(headers)):
            mapping = saved["mapping"]
    tile: set[int] = set()
    key_cols: dict[int, int] = {}  # a key's column beside the list → the list's column it explains (keyed_legends)
    broken: dict[int, str] = {}
    broken_fields: dict[int, str] = {}
    if mapping is not None:
        final = _normalise_override(kind, mapping)
    else:
        # a catch-all this register does not keep (a rule weighing the columns moved a title to a description, as
        # an issue log's would keep it, on a sheet read as risks, which have none) is no field of the sheet: the
        # column is kept in the notes as any unread one — it had ended the import "risks has no field 'description'"
        final = {c: n for c, n in match.mapping.items() if n not in computed
                 and (n not in ("description", "notes") or n in kind.reg.field_names)}
        final = _id_apart(final, headers, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        final = _short_name_title(kind, headers, final, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        final = _unheaded_ids(kind, headers, final, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        final = referenced_ids(kind, final, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        if match.row >= 1:
            tile = _tile_apart(kind, final, headers, reader.top_rows(fill_merged=False)[match.row - 1],
                               reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
            final = {c: n for c, n in final.items() if c not in tile}
            legend = _legend_apart(kind, final, headers, reader.top_rows(fill_merged=False)[match.row - 1],
                                   reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
            final = {c: n for c, n in final.items() if c not in legend}
            # "Status | Bedeutung" past an empty column, saying what each status letter of the list means
            naming = {c for c, n in final.items() if n in ("code", kind.reg.name_field.name if kind.reg.name_field
                                                           is not None else "title")}
            key_cols = keys_beside(_column_blocks(headers, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]),
                                naming, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
            final = {c: n for c, n in final.items() if c not in key_cols}
        # a column of broken formulas ("#REF!" on every row) holds nothing: read without it (broken_formulas)
        broken = broken_columns(final, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        broken_fields = {c: final[c] for c in broken}  # (a required field's said on each row: row_planner)
        final = {c: n for c, n in final.items() if c not in broken}
    if kind.parent is not None and PARENT not in final.values():
        parent = REGISTERS[kind.parent]
        raise WorkbookError(f"The sheet “{reader.title}” has no {kind.parent_labels[0]} column, so its rows cannot "
                            f"be matched to the {parent.title.lower()}; add that column or map it.")
    if not final and broken:
        # every column the header placed shows an Excel error on every row: said as that (fault71), not as a
        # mapping to make ("map at least one column": the columns were mapped, their formulas broken)
        shown = ", ".join(f"“{headers[c]}” {e}" for c, e in list(sorted(broken.items()))[:4]) + \
            (" …" if len(broken) > 4 else "")
        raise WorkbookError(f"Every column of the sheet “{reader.title}” that names a field of the "
                            f"{kind.reg.title.lower()} shows an Excel error on every row ({shown}: formulas whose "
                            "cells are gone), so it holds no values to import; correct the formulas in Excel or "
                            "LibreOffice (or paste the values), save the workbook and import it again.")
    if not final:
        raise WorkbookError(f"No column of the sheet “{reader.title}” is mapped to a field of the "
                            f"{kind.reg.title.lower()}; map at least one column.")
    sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
    keyed = set(sheet_keys(reader, match, final)[0])
    band = reader.top_rows(fill_merged=False)[match.row - 2] if match.row >= 2 else None
    told = _told(headers, final, sample, band, reader.top_rows()[:max(match.row - 1, 0)],
                 legend_levels)
    extras = _extras(kind, headers, final, match, sample, keyed, band, told)
    extras = _named_by_the_lines_under(headers, final, extras, reader.top_rows()[match.row:match.row + 3])
    ignored = _ignored(kind, headers, final, match, extras)
    beside = _beside_the_table(headers, final, sample, band)
    counters = {c for c, text in enumerate(headers) if not text and c not in final and c not in extras
                and _row_counter([r[c] for r in sample if c < len(r) and r[c] is not None])}
    chosen = {word_key(r[c]) for r in sample for c, text in enumerate(headers) if text and c < len(r)
              and isinstance(r[c], str)}
    # (also past the last header, where a value under no header is otherwise kept: row_planner._past_lines)
    lists = {c for c in range(max((len(r) for r in sample), default=0))
             if (c >= len(headers) or not headers[c]) and c not in final and c not in extras
             and c not in counters and _choice_list(sample, c, chosen)}
    extras.update(_unheaded(kind, headers, final, extras, beside | counters | lists))
    extras.update(_shifted_columns(kind, final, extras, sample))
    for col, explained in key_cols.items():
        extras.pop(col, None)
        ignored[col] = key_said(headers, col, explained, _letter)
    for col, error in broken.items():
        extras.pop(col, None)
        ignored[col] = broken_said(headers[col] if col < len(headers) and headers[col] else _letter(col), error,
                                   broken_fields.get(col, ""))
    for col in _instructions_beside(headers, final, sample):
        extras.pop(col, None)
        ignored[col] = (f"“{_shortened(headers[col])}” and the cells under it are the template's instructions (sentences "
                        "telling what to enter where), not a column of the records, so it is not imported.")
    for col in counters:
        ignored[col] = (f"Column {_letter(col)} has no header and numbers the rows (1, 2, 3 …): the sheet's row "
                        "numbers, so it is not imported.")
    for col in lists:
        ignored[col] = (f"Column {_letter(col)} has no header and lists the words the sheet's drop-downs choose "
                        "from (values of its other columns or of the office's lists of levels and statuses, each "
                        "once), so it is not imported.")
    for col in beside:
        if (col >= len(headers) or not headers[col]) and col not in final and col not in extras:
            # a value under no header is never dropped unsaid: this one stands in another table beside the list
            ignored[col] = (f"Column {_letter(col)} has no header and stands past an empty column beside the "
                            f"{kind.reg.title.lower()} (a legend, a heat map or a chart's data), so it is not "
                            "imported.")
            continue
        if col in ignored:
            ignored[col] = (f"“{headers[col]}” belongs to another table beside the {kind.reg.title.lower()} (past an "
                            "empty column: a heat map or a legend), so it is not imported.")
        if col in ignored and col in tile:
            ignored[col] = (f"“{headers[col]}” is a dashboard's box beside the {kind.reg.title.lower()} (its caption "
                            "stands above the header row, past an empty column, and its texts stand on rows where "
                            "the list has no record: captions, counts, KPI texts), so it is not imported.")
    return (final, ignored, layout, extras, _own_export(kind, headers, final), mapping is not None)


#: how the notes name a column of group labels without a header of its own
GROUP_LABEL = "Group"

# field kinds whose codes a key of the sheet spells out ("FF4" → "Human Resources Internal"); levels have
# their own legends (value_translation), and IDs, titles, numbers and dates are never codes of a key
_KEYED_KINDS = (Kind.TEXT, Kind.ENUM, Kind.MULTI_ENUM, Kind.REF)


def sheet_keys(reader: SheetReader, match: HeaderMatch,
               mapping: dict[int, str]) -> tuple[dict[int, dict[str, str]], set[tuple[int, int]]]:
    """The table's columns whose codes a key under or beside the table spells out (sheet_keys), each as
    {code: what the record takes}, and the keys' own cells (row, column): a field's code becomes the
    key's meaning; a column kept in the notes (or a calculated one, which a key makes the sheet's own word)
    keeps its code with the meaning after it, "1 (Disaster)". Worked out once per sheet and table."""
    cache = reader.keys_cache
    if match.row in cache:
        return cache[match.row]
    # the legend's symbols are read from the top rows, whatever the sheet's length: past KEY_MAX_ROWS they were
    # not read at all, and a tracker of 5,000 bugs came in every one Open, its "fixed" 🟢 unsaid (fault66)
    symbols = {**_legend_codes(reader, match, mapping), **_status_symbols(reader, match, mapping)}
    cache[match.row] = (symbols, set())
    headers = match.headers
    if not headers or reader.declared_rows > KEY_MAX_ROWS:
        return cache[match.row]
    reader.hold()  # the planner reads the same rows next: from calamine once, and cut from these (keep_rows)
    rows = reader.keep_rows(match.row + 1, len(headers) + 12)
    keys = find_keys(rows)
    if keys:
        by_number, keyed = dict(rows), key_cells(keys)
        keys = [k for k in keys if not among_records(k, by_number, headers, keyed)]
    if not keys:
        cache[match.row] = (symbols, set())
        return cache[match.row]
    cells = key_cells(keys)
    fields = {f.name: f for f in match.kind.reg.fields}
    title = match.kind.reg.name_field
    out: dict[int, dict[str, str]] = {}
    for col, text in enumerate(headers):
        name = mapping.get(col)
        if name is not None:
            f = fields.get(name)
            if f is None or f.kind not in _KEYED_KINDS or f is title or f.kind.is_key:
                continue
        elif not text:
            continue
        values = [r[col] for n, r in rows if (n, col) not in cells and col < len(r)]
        others = [h for c, h in enumerate(headers) if c != col and h]
        key: Key | None = key_for(values, text, others, keys, numbers_allowed=name is None)
        if key is None:
            continue
        if name is not None:
            out[col] = dict(key.meanings)
        else:
            out[col] = {code: f"{code_text(v)} ({key.meanings[code]})" for v in values
                        if (code := code_key(v)) in key.meanings}
    cache[match.row] = (symbols | out, cells if out else set())
    return cache[match.row]


def _with_references(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch, mapping: dict[int, str],
                     extras: dict[int, str], plan: ImportPlan, said: list[str],
                     ratings: dict[int, dict[str, dict[str, Any]]] | None = None
                     ) -> tuple[dict[int, dict[str, str]], set[tuple[int, int]]]:
    """``sheet_keys`` with the response and kept columns whose cells name rows of a sheet the import reads as no
    register (referenced_ids.referenced_rows): a response's reference becomes the text that row holds, a kept
    column's is written "EA-RIE-02 (the text)"; what was read so is added to ``said`` for the sheet's notes, and
    the residual ratings those rows give again to ``ratings`` (of a register rating its records again, none of
    whose columns does)."""
    keys = sheet_keys(reader, match, mapping)
    columns = [c for c, n in sorted(mapping.items()) if n == RESPONSE_PLAN] + \
        [c for c in sorted(extras) if c not in mapping and c not in keys[0] and isinstance(extras[c], str)]
    skipped = [t for t, _why in plan.skipped_sheets if t != reader.title and t in book.sheet_names]
    if not columns or not skipped:
        return keys
    reg = match.kind.reg
    rated = ratings if ratings is not None and "residual_probability" in reg.field_names and \
        not {"residual_probability", "residual_impact"} & set(mapping.values()) else None
    found, notes = referenced_rows(columns, set(mapping), match.headers,
                                   reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                                   lambda: [(t, book.sheet(t).top_rows(fill_merged=False)) for t in skipped],
                                   rated, reg.name)
    if not found:
        return keys
    said.extend(notes)
    return {**keys[0], **found}, keys[1]


def _symbols_said(sheet_plan: SheetPlan, reader: SheetReader, match: HeaderMatch, mapping: dict[int, str]) -> None:
    """The sheet's note that its status column was read through the symbols of a legend beside the table."""
    for read in _status_symbols(reader, match, mapping).values():
        said = ", ".join(f"“{symbol}” as “{words}”" for symbol, words in read.items())
        sheet_plan.say(f"Status: written as the symbols of the legend beside the table, read by its words ({said}).")


def _status_symbols(reader: SheetReader, match: HeaderMatch, mapping: dict[int, str]) -> dict[int, dict[str, str]]:
    """The status column written in the symbols a legend beside the table explains ("🔴" → "detected",
    side_legends): {column: {symbol: the status words its explanation says}}, as a key's codes are spelt out."""
    col = next((c for c, n in mapping.items() if n == "status"), None)
    if col is None:
        return {}
    top = reader.top_rows(fill_merged=False)
    read = symbol_statuses(top, legend_spans(top), match.kind.register)
    return {col: {code_key(s): said for s, said in read.items()}} if read else {}


def _legend_codes(reader: SheetReader, match: HeaderMatch, mapping: dict[int, str]) -> dict[int, dict[str, str]]:
    """The choice columns of numbers a legend under the header names ("Status of item: 1-Not started, …",
    coded_legends): {column: {code: its word}}, spelt out as a key's codes are."""
    reg = match.kind.reg
    chosen = [c for c, n in mapping.items() if n in reg.field_names and reg.field(n).kind is Kind.ENUM]
    if not chosen:
        return {}
    top = reader.top_rows(fill_merged=False)[match.row:match.row + 20]  # the rows check_values reads
    return {c: codes for c in chosen if (found := column_legend(top, c)) is not None for codes in (found[1],)}


_F = TypeVar("_F", bound=Callable[..., Any])


def _collector_paused(fn: _F) -> _F:
    """Python's cycle collector held off while ``fn`` plans or writes an import. An import makes tens of
    thousands of objects that live on (a planned row each), and every few thousand the collector would walk
    all of them and everything the process holds, to free nothing: on 10,000 rows that was a tenth of the
    import's time. It runs again as before once ``fn`` returns (or raises), and catches up then."""
    @functools.wraps(fn)
    def paused(*args: Any, **kwargs: Any) -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was:
                gc.enable()
    return cast(_F, paused)


# ------------------------------------------------------------------------------------ planning
# A sheet with no header in its first rows (the limits' header_scan_rows) is read this far down for one: a
# register under a long introduction or summary (a GRC assessment block at row 46). Only such sheets are read
# deeper, so a big register, whose header is near the top, costs nothing more.
DEEP_HEADER_ROWS = 200


def _match_sheet(reader: SheetReader, kinds: tuple[SheetKind, ...], header_row: int | None) -> HeaderMatch | None:
    match = _match_top(reader, kinds, header_row)
    if match is None and header_row is None and reader.deepen(DEEP_HEADER_ROWS):
        if _figures_from_the_top(reader.top_rows(fill_merged=False)):
            reader.shallow()  # its own table's header was tried in the first rows: nothing lies under it
            return None
        match = _match_top(reader, kinds, None)
        if match is not None and not _deep_table(match, reader.top_rows(fill_merged=False)[match.row:]):
            match = None
        if match is None:
            reader.shallow()
    if match is not None and match.duplicates:
        # the assignee, not the raiser, owns the record (classes79)
        match = assignee_over_raiser(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
    return match


# a figure as a table's cell holds it: a number, or a text that is one ("12", "$2.99", "1,250.00", "-3 %")
_FIGURE_RE = re.compile(r"\s*[$€£¥]?\s*[-+]?\s*[$€£¥]?\s*\d[\d,.\s]*%?\s*")


def _a_figure(x: Any) -> bool:
    if x.__class__ is bool:
        return False
    if isinstance(x, (int, float)):
        return True
    return isinstance(x, str) and _FIGURE_RE.fullmatch(x) is not None


def _figures_from_the_top(rows: list[list[Any]]) -> bool:
    """Whether a sheet read deep for a header (DEEP_HEADER_ROWS) is one table of figures from its top: its first
    filled row a header of words (tried already among the first rows, naming no register), and every row under
    it, to the last one read, filled with two figures at least (a month's sales: ranks, prices, units). No row
    of such a table heads a register, and no introduction lies over one: the deep search is not made. Any other
    sheet — an empty row, a row of words alone, a caption, anything under or over the table — is searched
    deep as before. Decided once a sheet, on its rows as stored."""
    first = next((k for k, r in enumerate(rows) if any(x is not None for x in r)), None)
    if first is None:
        return False
    words = [x for x in rows[first] if x is not None]
    if len(words) < 2 or not all(isinstance(x, str) and not _a_figure(x) for x in words):
        return False
    return len(rows) - first > SAMPLE and \
        all(sum(1 for x in r if x is not None and _a_figure(x)) >= 2 for r in rows[first + 1:])


TWIN_ROWS = 2000  # a sheet of tables set side by side is read whole when it has at most this many rows


def _headed_bare_list(book: SafeWorkbook, reader: SheetReader, path: Path, own_words: bool = False
                      ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet with no header row that is one register's bare list (unheaded_lists.made_header): the sheet under
    the header made for it, its match and the note saying so; None for any other sheet. ``own_words``: a bare
    list under a first row of the sheet's own words (unheaded_lists.own_words_header), asked only of a sheet
    no header search reads."""
    top = reader.top_rows(fill_merged=False)
    made = own_words_header(top, reader.title, path.stem) if own_words else made_header(top, reader.title, path.stem)
    if made is None:  # told by the first rows alone: the sheet is not read whole for it (every sheet was, twice)
        return None
    rows = [list(r) for r in reader.all_rows()]
    if own_words:
        # a first row of the sheet's own words naming no column: the made header takes its place
        first = next(i for i, r in enumerate(rows) if any(x is not None and str(x).strip() for x in r))
        rows = rows[first + 1:]
    header, note = made
    headed = SheetReader(book, reader.title, [list(header)] + rows, [])
    named = named_register(reader.title, path.stem)
    match = _match_sheet(headed, tuple(k for k in ALL_KINDS if k.register == named), None)
    if match is None or match.row != 1:
        return None
    return headed, match, note


def _levels_under_the_header(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                             ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A header whose lower rows list each column's levels one a row ("Probabilidade(P)" over "1- Baixa",
    "2-Média", "3-Alta", legend_bands): the sheet under one header row naming each column with its levels, its
    match and the note saying so; None for any other sheet (decided from the first rows; only such a sheet is read
    whole)."""
    top = reader.top_rows(fill_merged=False)
    if legend_band(top, match) is None:
        return None
    made = legend_band([list(r) for r in reader.all_rows()], match)
    if made is None:
        return None
    rows, header_row, note = made
    headed = SheetReader(book, reader.title, rows, [])
    again = _match_sheet(headed, (match.kind,), header_row)
    if again is None:
        return None
    return headed, replace(again, sheet_title=match.sheet_title), note


def _labels_in_the_title(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                         ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet whose title column ends in a tracker's labels on most rows ("… Type-Defect Priority-High",
    title_labels): the same sheet with each label key a column of its own, its match and the note saying so;
    None for any other sheet (decided from the first rows under the header; only such a sheet is read whole)."""
    name = match.kind.reg.name_field
    title_col = next((c for c, n in match.mapping.items() if name is not None and n == name.name), None)
    if title_col is None or match.kind.is_child or \
            not labelled_title_column(reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE], title_col):
        return None
    rows, keys = split_labels(reader.all_rows(), match.row - 1, title_col)
    headed = SheetReader(book, reader.title, rows, reader.merged_ranges())
    again = _match_sheet(headed, (match.kind,), match.row)
    if again is None:
        return None
    head = match.headers[title_col]
    note = (f"“{head}” ends in a tracker's labels (“{keys[0]}-…”): each label was read as a column of its own "
            f"({', '.join(f'“{k}”' for k in keys)}) and the title kept without them.")
    return headed, _read_as_another(headed, again), note


def _coded_names(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                 ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet whose ID column holds each record's ID and its name in one cell, the header naming both ("ID /
    choice" over "D01 Hub-and-spoke", coded_names): the same sheet with the names in a column of their own, its
    match and the note saying so; None for any other sheet (decided from the header and the first rows)."""
    name = match.kind.reg.name_field
    col = next((c for c, n in match.mapping.items() if (n == "code" or (name is not None and n == name.name))
                and c < len(match.headers) and header_parts(match.headers[c]) is not None), None)
    parts = header_parts(match.headers[col]) if col is not None else None
    if col is None or parts is None or match.kind.is_child or not coded_cells(
            [r[col] for r in reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE] if col < len(r)]):
        return None
    headed = SheetReader(book, reader.title, split_coded(reader.all_rows(), match.row - 1, col, parts),
                         reader.merged_ranges())
    again = _match_sheet(headed, (match.kind,), match.row)
    if again is None:
        return None
    note = (f"“{match.headers[col]}” holds each record's ID and its {parts[1]} in one cell: read as two columns, "
            f"“{parts[0]}” and “{parts[1]}”.")
    # the header found again where it was: the sheet's own name kept with it, which says the note
    return headed, _read_as_another(headed, replace(again, sheet_title=match.sheet_title or reader.title)), note


def _paired_items(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                  ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A dependency log naming no title whose rows link two things in twin columns ("Activity A" / "Activity B",
    paired_items): the same sheet with each row's two things joined as its title, its match and the note saying
    so; None for any other sheet (decided from the header and the first rows)."""
    kind = match.kind
    title = next((f for f in kind.reg.fields if f.required), None)
    if kind.register != "dependencies" or kind.is_child or title is None:
        return None
    rows = reader.all_rows()
    if match.row - 1 >= len(rows):
        return None
    # a title only taken for want of one, or a column of a few kinds ("Dependency type": "Requires", "Finish to
    # Start" again and again) names no dependency: the twins do
    taken = next((c for c, n in match.mapping.items() if n == title.name), None)
    if taken is not None and taken != match.titled_by and \
            not a_few_kinds([r[taken] for r in rows[match.row:match.row + SAMPLE] if taken < len(r)]):
        return None
    twins = twin_columns(rows[match.row - 1], rows[match.row:match.row + SAMPLE])
    if twins is None:
        return None
    a, b = (str(rows[match.row - 1][c]).strip() for c in twins)
    heading = kind.reg.noun.capitalize()
    headed = SheetReader(book, reader.title, joined_twins(rows, match.row - 1, *twins, heading), reader.merged_ranges())
    again = _match_sheet(headed, (kind,), match.row)
    if again is None or again.mapping.get(twins[0]) != title.name:
        return None
    note = (f"Each row links the two things named under “{a}” and “{b}”: its title names both (“{a}{LINK}{b}”), "
            "in no direction of its own (the type of the link, where a column gives it, says which waits); a row "
            "naming one alone links nothing and is left out.")
    return headed, _read_as_another(headed, replace(again, sheet_title=match.sheet_title or reader.title)), note


_OPTION_MARK_RE = re.compile(r"^(?:[a-z]|\d{1,2})$")


def _option_columns(match: HeaderMatch) -> list[int]:
    """The columns of a decision's options written one a column ("option_a | option_b", "Option 1 | Option 2",
    "Alternative A | Alternative B"): a header of an options word (the field's own words, in any language, singular
    too) and a letter or a number, no other field taking the column but the options."""
    keys = field_keys(match.kind)
    out: list[int] = []
    for c, head in enumerate(match.headers):
        words = words_of(head) if head else []
        if len(words) < 2 or not _OPTION_MARK_RE.match(words[-1]) or match.mapping.get(c, "options") != "options":
            continue
        stem = "".join(words[:-1])
        if any(keys.get(stem + tail) == "options" for tail in ("", "s", "en", "es")):
            out.append(c)
    return out


def _options_joined(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                    ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A decision list writing its options one a column ("title | option_a | option_b | note"): the same sheet with
    each row's options joined in the first option column, one a line under its header ("option_a: …"), the other
    option columns dropped, its match and the note saying so; None for any other sheet (decided from the header).
    The first column was the options and the others went to the notes (unseen set 81's trip decisions)."""
    kind = match.kind
    if kind.register != "decisions" or kind.is_child:
        return None
    cols = _option_columns(match)
    if len(cols) < 2:
        return None
    rows = reader.all_rows()
    h = match.row - 1
    if h >= len(rows):
        return None
    heads = [str(rows[h][c]).strip() for c in cols]
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        row = list(row) + [None] * (max(cols) + 1 - len(row))
        if i > h:
            lines = [f"{head}: {str(row[c]).strip()}" for head, c in zip(heads, cols)
                     if row[c] is not None and str(row[c]).strip()]
            row[cols[0]] = "\n".join(lines) or None
        out.append([x for c, x in enumerate(row) if c not in cols[1:]])
    joined = SheetReader(book, reader.title, out, reader.merged_ranges())
    again = _match_sheet(joined, (kind,), match.row)
    if again is None or again.mapping.get(cols[0]) != "options":
        return None
    note = (f"The options are written one a column ({', '.join(f'“{x}”' for x in heads)}): each decision's "
            f"options are joined, one a line under its column's header.")
    return joined, replace(again, sheet_title=match.sheet_title or reader.title), note


def _titled_by_kind(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                    ) -> tuple[SheetReader, HeaderMatch, str] | str | None:
    """A sheet named only by a "<noun> type" of one-word kinds (kind_titles): why it is refused (no owner,
    status or rating: a catalogue or a summary), or the same sheet with each record titled by its kind and ID,
    its match and the note saying so; None for any other sheet (decided once, from the header and the sample)."""
    rows = reader.top_rows(fill_merged=False)
    c = kind_column(match, rows[match.row:match.row + SAMPLE])
    if c is None:
        return None
    if not tracked_fields(match):
        return catalogue_reason(match, c, rows[match.row:match.row + SAMPLE])
    reg = match.kind.reg
    key = reg.key_field.name if reg.key_field is not None else None
    id_col = next((k for k, n in match.mapping.items() if n == key), None)
    made = titled_rows(reader.all_rows(), match.row - 1, c, id_col, reg.noun)
    added = len(made[match.row - 1]) - 1
    mapping = dict(match.mapping)
    if "category" in reg.field_names and "category" not in mapping.values():
        mapping[added] = "category"
    headers = [*match.headers, *([""] * (added - len(match.headers))), match.headers[c]]
    headed = SheetReader(book, reader.title, made, reader.merged_ranges())
    return headed, replace(match, mapping=mapping, headers=headers), kind_title_note(match.headers[c], reg.noun,
                                                                                 id_col is not None)


def _under_a_made_header(book: SafeWorkbook, reader: SheetReader, rows: list[list[Any]],
                         kinds: tuple[SheetKind, ...], note: str,
                         keep: Callable[[HeaderMatch], bool] | None = None
                         ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet's rows under a header a rule made for them (a sentence list, names under a key, records across):
    the reader of those rows, their match as ``kinds`` read the made header on row 1 — one that ``keep`` (if
    given) takes — and the rule's note; None when the made header does not read so."""
    headed = SheetReader(book, reader.title, rows, [])
    match = _match_sheet(headed, kinds, 1)
    if match is None or match.row != 1 or (keep is not None and not keep(match)):
        return None
    return headed, replace(match, sheet_title=reader.title), note


def _captioned_list(book: SafeWorkbook, reader: SheetReader, path: Path
                    ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet with no header row that is a list of one register's items under captions
    (unheaded_lists.captioned_list): the sheet under the header made for it, its match and the note; None for any
    other sheet. Asked only of a sheet no header search reads, so a headed register is never read so."""
    if reader.declared_rows > PASTED_ROWS:
        return None
    made = captioned_list(reader.all_rows(), reader.title, path.stem)
    if made is None:
        return None
    rows, note = made
    headed = SheetReader(book, reader.title, rows, [])
    named = named_register(reader.title, path.stem)
    match = _match_sheet(headed, tuple(k for k in ALL_KINDS if k.register == named), 1)
    if match is None or match.row != 1:
        return None
    return headed, match, note


def _sentence_list(book: SafeWorkbook, reader: SheetReader, path: Path
                   ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet with no header row that is a bug list one sentence a line (sentence_lists.sentence_list): the sheet
    under the header made for it, its match and the note; None for any other sheet. Asked only of a sheet no header
    search reads."""
    if reader.declared_rows > PASTED_ROWS:
        return None
    issues = kind_for("issues")
    name = issues.reg.name_field
    # named by the sheet's own name, or by the workbook's where the sheet's says nothing ("Sheet1"): an "Issue
    # Log.xlsx"'s cover or notes sheet of sentences is no list of its issues
    made = sentence_list(reader.all_rows(), reader.title, path.stem if _named_by_its_file(reader.title, path) else None,
                         name.label if name is not None else "Title")
    if made is None:
        return None
    rows, note = made
    return _under_a_made_header(book, reader, rows, (issues,), note,
                                lambda match: match.mapping.get(0) == (name.name if name is not None else "title"))


def _level_list(book: SafeWorkbook, reader: SheetReader, path: Path) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet headed by one scale's levels, each text under its own ("(blank) | P1 | P2 | … | P5": level_lists): the
    texts under the header made for them, its match and the note; None for any other sheet. Asked only of a sheet no
    header search reads. The first column's name stays in the notes, whatever its header says (no project made)."""
    if reader.declared_rows > PASTED_ROWS:
        return None
    made = level_list(reader.all_rows(), reader.title, path.stem if _named_by_its_file(reader.title, path) else None)
    if made is None:
        return None
    rows, note = made
    headed = SheetReader(book, reader.title, rows, [])
    issues = kind_for("issues")
    match = _match_sheet(headed, (issues,), None)
    if match is None or match.row != rows.index(next(r for r in rows if r[0] is not None)) + 1 or \
            match.mapping.get(0) != "title" or match.mapping.get(1) != "priority":
        return None
    return headed, replace(match, sheet_title=reader.title, mapping={0: "title", 1: "priority"}, by_level=True), note


def _names_under_a_key(book: SafeWorkbook, reader: SheetReader, path: Path
                       ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet with no header row that is a register's names listed alone under its key of levels
    (key_names.names_under_a_key): the names under the header made for them, its match and the note; None for any
    other sheet. Asked only of a sheet no header search reads."""
    if reader.declared_rows > PASTED_ROWS:
        return None
    made = names_under_a_key(reader.all_rows(), reader.title, path.stem)
    if made is None:
        return None
    rows, note, register = made
    return _under_a_made_header(book, reader, rows, tuple(k for k in ALL_KINDS if k.register == register), note)


def _one_record_a_column(book: SafeWorkbook, reader: SheetReader, weak: HeaderMatch | None, stem: str
                         ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet whose field names run down a column, one record a column to their right (column_records): the sheet
    turned (its columns as rows), its match by the same header detection and the note; None for any other sheet.
    Asked only of a sheet no header search reads, or whose header (``weak``) names too few fields to be a
    register's: the turned reading must name more, and be a register's by the same test."""
    if reader.declared_rows > MAX_FIELDS:
        return None
    if read_forms(reader.all_rows()) is not None:
        return None  # forms one under another, a record each (form_sheets.form_blocks): no record a column
    rows = turned(reader.all_rows())
    if rows is None:
        return None
    headed = SheetReader(book, reader.title, rows, [])
    match = _match_sheet(headed, ALL_KINDS, None)
    if match is None or match.kind.is_child or not records_a_column(match, rows) or describes_names(match, rows) or \
            _no_records(match, None, rows[match.row:match.row + SAMPLE], stem) is not None or \
            worded_fields(match) < MIN_NAMED or weak is not None and named_fields(match) <= named_fields(weak):
        return None
    return headed, replace(match, sheet_title=reader.title), turned_note(match)


def _records_across(book: SafeWorkbook, reader: SheetReader, path: Path
                    ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A sheet named as a register, one record a column under a row of their names, labels of its own down a column
    (column_records.records_across): the records one a row under a header made for them, its match and the note;
    None for any other sheet. Asked only of a sheet no header search reads, nor the turned reading above."""
    if reader.declared_rows > MAX_FIELDS:
        return None
    made = records_across(reader.all_rows(), reader.title, path.stem)
    if made is None:
        return None
    rows, note, register = made
    return _under_a_made_header(book, reader, rows, tuple(k for k in ALL_KINDS if k.register == register), note,
                                lambda match: _no_records(match, None, rows[1:1 + SAMPLE], path.stem) is None)


# A sheet of lines pasted whole into column A is split only up to this many rows (a pasted list, not a data dump)
PASTED_ROWS = 5000


def _lines_in_one_column(book: SafeWorkbook, reader: SheetReader) -> SheetReader | None:
    """A CSV's lines pasted whole into column A of a workbook, one per cell ("3,OPEN,test issue 03,bug,2023-05-12"
    of ``gh issue list``): the same sheet with each line split at its commas (or tabs, or semicolons) as the
    CSV it was, quotes honoured. Only when every filled row is one text in column A and every one of them splits
    into the same number of cells, three at least; a column of sentences with a comma or two does not. Before,
    the sheet had one column of whole lines and was refused."""
    if reader.declared_rows > PASTED_ROWS:
        return None
    top = [r for r in reader.top_rows(fill_merged=False) if any(x is not None for x in r)]
    if len(top) < 2 or any(r[0].__class__ is not str or any(x is not None for x in r[1:]) for r in top):
        return None
    rows = [r for r in reader.all_rows() if any(x is not None for x in r)]
    if any(r[0].__class__ is not str or any(x is not None for x in r[1:]) for r in rows):
        return None
    lines = [r[0] for r in rows]
    for delimiter in ("\t", ",", ";"):
        try:
            split = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        widths = {len(cells) for cells in split}
        if len(widths) == 1 and widths.pop() >= 3 and all(len(c) <= 200 for cells in split for c in cells[:-1]):
            return SheetReader(book, reader.title, [[c.strip() or None for c in cells] for cells in split], [])
    return None


def _joined_tables(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch) -> SheetReader | None:
    """A sheet of two tables over the same records, one under the other, an empty row between them: the
    second's header writes the first's two leading labels again (the ID and the name: "Nº | Problema:") over
    columns of its own ("Contingência" under "Impacto | Probabilidade"), its rows the same IDs. Read as
    rows of the first table, the second's made junk and errors; unread, its columns were lost (round 47's
    risk sheet). The same sheet as one table: the second's columns set after the first's, each of its rows
    joined to the first's row of the same ID (a row of an ID the first lacks added under them). Looked for
    in the first rows only (read for the header already); None when no such second header lies there, or
    when none of its IDs is the first table's."""
    top = reader.top_rows(fill_merged=False)
    h = match.row - 1
    if h >= len(top) or reader.declared_rows > TWIN_ROWS:
        return None
    header = top[h]
    lead = [(c, x.strip()) for c, x in enumerate(header) if isinstance(x, str) and x.strip()][:2]
    if len(lead) < 2:
        return None
    id_col = lead[0][0]

    def blank(row: list[Any]) -> bool:
        return all(x is None or not str(x).strip() for x in row)

    def heads_second(row: list[Any]) -> bool:
        return all(c < len(row) and isinstance(row[c], str) and row[c].strip() == text for c, text in lead) and \
            any(isinstance(x, str) and x.strip() and c not in dict(lead) and
                (c >= len(header) or not isinstance(header[c], str) or header[c].strip() != x.strip())
                for c, x in enumerate(row))

    k = next((k for k in range(h + 2, len(top)) if blank(top[k - 1]) and heads_second(top[k])), None)
    if k is None:
        return None
    rows = top + reader.rows_below_top(TWIN_ROWS)
    width = max(len(r) for r in rows[:k])
    own = [c for c, x in enumerate(rows[k]) if isinstance(x, str) and x.strip() and c not in dict(lead)]

    def key(x: Any) -> str | None:
        return None if x is None or not str(x).strip() else str(x).strip()

    first = {key(r[id_col]): n for n, r in enumerate(rows[h + 1:k], start=h + 1) if id_col < len(r) and key(r[id_col])}
    joined = [list(r) + [None] * (width - len(r)) for r in rows[:k]]
    joined[h] = joined[h] + [rows[k][c] for c in own]
    for n in range(h + 1, k):
        joined[n] = joined[n] + [None] * len(own)
    added: list[list[Any]] = []
    matched = 0
    for r in rows[k + 1:]:
        if blank(r):
            continue
        extra = [r[c] if c < len(r) else None for c in own]
        at = first.get(key(r[id_col]) if id_col < len(r) else None)
        if at is not None:
            joined[at][width:] = extra
            matched += 1
        else:  # its ID and name where the first table has them; its other cells are its own columns, not the first's
            # (read in the first's columns, a contingency stood under "Impacto", a number there an impact level)
            added.append([r[c] if c < len(r) and c in dict(lead) else None for c in range(width)] + extra)
    if not matched:
        return None
    return SheetReader(book, reader.title, joined + added, [])


def _rated_per_area(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                    ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A risk sheet rating each risk per area under captions (``area_ratings``): the same sheet with a column
    after its own for each rating, its worst area's, read under the header found again; with the sentence
    saying so. None for any other sheet, or one too long to hold (a sheet is read whole for it, once)."""
    if match.kind.register != "risks" or reader.declared_rows > TWIN_ROWS:
        return None
    areas = areas_of(match, reader.top_rows(fill_merged=False))
    if areas is None:
        return None
    rows, said = read_per_area(areas, reader.all_rows(), scale_fields(match), reader.merged_ranges())
    made = SheetReader(book, reader.title, rows, reader.merged_ranges())
    found = _match_sheet(made, (match.kind,), None)
    if found is None or found.row != match.row:
        return None
    return made, found, said


def _rated_by_matrix_codes(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                           ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A risk sheet whose risks' codes name cells of the matrix beside the list (``matrix_codes``): the same sheet
    with the matrix blanked and a likelihood and an impact column made after its own, read under the header
    found again; with the sentence saying so. None for any other sheet, or one too long to hold."""
    if match.kind.register != "risks" or reader.declared_rows > TWIN_ROWS or "code" not in match.mapping.values() \
            or not axis_in_header(match.headers):
        return None  # (most sheets: asked of the header alone, the sheet not read whole)
    found = coded_ratings(match.headers, match.mapping, reader.all_rows(), match.row - 1)
    if found is None:
        return None
    rows, said = found
    made = SheetReader(book, reader.title, rows, [])
    again = _match_sheet(made, (match.kind,), None)
    if again is None or again.row != match.row:
        return None
    return made, again, said


def _rated_by_products(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                       ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A risk sheet writing its ratings as products ("Initial L×I": "5×5=25", ``product_ratings``): the same sheet
    with a likelihood and an impact column (and a residual pair) made after its own, read under the header found
    again; with the sentence saying so. None for any other sheet (asked of its first rows; read whole only then)."""
    if match.kind.register != "risks":
        return None
    return _with_columns_made(book, reader, match, product_ratings)


def _owners_after_the_plan(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                           ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A plan column headed "Response and owner" whose cells end in "; IT" (``plan_owners``): the same sheet with
    each plan cut at its owner and an action owner column made after its own, read under the header found again;
    with the sentence saying so. None for any other sheet (asked of its first rows; read whole only then)."""
    if RESPONSE_PLAN not in match.mapping.values():
        return None
    return _with_columns_made(book, reader, match, plan_owners)


def _with_columns_made(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch,
                       made_by: Callable[[SheetKind, list[Any], dict[int, str], list[list[Any]], int],
                                         tuple[list[list[Any]], str] | None]
                       ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """The sheet with the columns ``made_by`` makes from its cells, read under the header found again, and the
    sentence saying so; None when ``made_by`` makes none — asked of the first rows, the whole sheet read only then."""
    first_rows = reader.top_rows(fill_merged=False)[:match.row + SAMPLE]
    if made_by(match.kind, match.headers, match.mapping, first_rows, match.row - 1) is None:
        return None
    found = made_by(match.kind, match.headers, match.mapping, reader.all_rows(), match.row - 1)
    if found is None:
        return None
    rows, said = found
    made = SheetReader(book, reader.title, rows, reader.merged_ranges())
    again = _match_sheet(made, (match.kind,), None)
    if again is None or again.row != match.row:
        return None
    return made, again, said


def _rated_by_an_id_matrix(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch
                           ) -> tuple[SheetReader, HeaderMatch, str] | None:
    """A risk list with no likelihood or impact column whose risks another sheet's grid places by their IDs
    (``id_matrices``): the list with a likelihood and an impact column made after its own, read under the header
    found again; with the sentence saying so. None for any other sheet."""
    fields = set(match.mapping.values())
    code = next((c for c, n in match.mapping.items() if n == "code"), None)
    if match.kind.register != "risks" or code is None or fields & {"probability", "impact"} or \
            reader.declared_rows > TWIN_ROWS:
        return None
    rows = reader.all_rows()
    codes = {word_key(_id_cell(r[code])) for r in rows[match.row:] if code < len(r) and _id_cell(r[code])}
    for title in book.sheet_names:
        if title == reader.title or not codes:
            continue
        other = book.sheet(title)
        if other.declared_rows > id_matrices.MAX_ROWS:
            continue
        found = id_matrices.placed_ids(other.top_rows(), codes)
        if found is None:
            continue
        ratings, axes = found
        made = SheetReader(book, reader.title, id_matrices.rated_rows(rows, match.row - 1, code, ratings), [])
        again = _match_sheet(made, (match.kind,), None)
        if again is None or again.row != match.row:
            return None
        return made, again, (f"Rated by the matrix on the sheet “{title}” ({axes}): it places {len(ratings)} risks "
                             f"by their “{match.headers[code]}”, each given its cell's likelihood and impact in the "
                             "columns Likelihood and Impact made by the import; a risk it does not place stays "
                             "unrated.")
    return None


def _id_cell(value: Any) -> str:
    """An ID cell as text: 1 and 1.0 (a number typed in Excel) are both "1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None or isinstance(value, bool) else str(value).strip()


def _naming_columns(match: HeaderMatch) -> set[int]:
    """The columns telling a table's rows apart: its IDs and the field naming its records."""
    naming = {"code"} | {f.name for f in match.kind.reg.fields if f.required} | \
        set(TITLE_FALLBACK.get(match.kind.register, ()))
    return {c for c, n in match.mapping.items() if n in naming}


def _repeats_itself(row: list[Any], block: list[int]) -> list[list[int]]:
    """A block of labels that is one header written twice or more with no empty column between ("Id | Rol |
    Definición | Id | Rol | Definición": a course project's internal and external stakeholders, round 49): its
    copies, each a block of its own; else the block alone. The labels compared as words, two at least a copy."""
    keys = [word_key(row[c]) for c in block]
    for width in range(2, len(block) // 2 + 1):
        if len(block) % width == 0 and all(keys[k] == keys[k % width] for k in range(len(keys))):
            return [block[k:k + width] for k in range(0, len(block), width)]
    return [block]


ABOVE_MIN_RECORDS = 3  # two rows above a table may be a title block's lines; three named rows are a table


def _table_above(book: SafeWorkbook, reader: SheetReader, match: HeaderMatch) -> tuple[SheetReader, HeaderMatch] | None:
    """A sheet of two tables of one register, one under the other, an empty row and a caption between them,
    each under its own header (an EBIOS analysis's "ER | INTITULE EVENEMENTS REDOUTES | CONSEQUENCES | …" over
    its feared events, then "CODES | SCENARIOS de MENACES | … | VRAISSEMBLANCE | GRAVITE" over its threat
    scenarios): the header found is the lower one, and the upper table's records were lost without a word
    (round 49). The rows above the found header's empty row, read on their own: the upper table and its reader
    when they name that register's records (its title column) on three rows at least; else None. Looked for in
    the first rows only (read for the header already)."""
    top = reader.top_rows(fill_merged=False)
    h = match.row - 1
    if reader.declared_rows > TWIN_ROWS or h >= len(top):
        return None

    def blank(row: list[Any]) -> bool:
        return all(x is None or not str(x).strip() for x in row)

    cut = next((k for k in range(h - 1, 0, -1) if blank(top[k])), None)
    if cut is None or cut <= ABOVE_MIN_RECORDS:
        return None
    upper = SheetReader(book, reader.title, [list(r) for r in top[:cut]], [])
    found = _match_top(upper, (match.kind,), None)
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    if found is None or found.kind.register != match.kind.register or found.row >= h - 1:
        return None
    if labels_down_the_side(found.kind, upper.top_rows(fill_merged=False), found.row):
        # a form of one record above the list ("Bug ID | BUG-001", "Title | …" down the side, then "Bug ID | Title |
        # Severity" over the bugs): its first pair was read as a header and each label as a record (fault74) — the
        # form is one record when it clearly is one (form_sheets.a_lone_record), else nothing of it is read
        read = read_form([list(r) for r in top[:cut]])
        if read is None or read[0].register != match.kind.register or \
                not a_lone_record(read[0], read[1][:2], [reader.title]):
            return None
        form = SheetReader(book, reader.title, read[1], [])
        form_match = _match_sheet(form, (read[0],), 1)
        return None if form_match is None else (form, form_match)
    titled = [c for c, n in found.mapping.items() if n == title]
    rows = upper.top_rows(fill_merged=False)[found.row:]
    if not titled or sum(1 for r in rows if titled[0] < len(r) and r[titled[0]] is not None
                         and str(r[titled[0]]).strip()) < ABOVE_MIN_RECORDS:
        return None
    return upper, ids_not_plans(found)


def _twin_tables(book: SafeWorkbook, reader: SheetReader, at: int | None = None,
                 keys: Collection[int] = ()) -> SheetReader | None:
    """A sheet whose one list is set in two (or more) tables side by side, an empty column between them or
    none, each under the same header ("Posible Riesgo | Nivel || Posible Riesgo | Nivel", a long list wrapped to
    fit a page; "Id | Rol | Definición | Id | Rol | Definición", internal and external stakeholders): the same
    sheet with the tables' rows one under the other, the first table's rows first, under the first table's
    header (so its rows keep their numbers; the next tables' follow the last row). ``at``: the header row
    already found (0-based), the only one asked, and only whether it writes one header twice with no gap, each
    copy opening on one of ``keys`` (the columns of the records' IDs or names: a table opens on what tells its
    rows apart; "VL | L | M | H | VH" written twice under "Probability" and "Consequences" is a scale ticked
    twice, no pair of tables); else the first rows are. None when no row asked heads tables so set."""
    if reader.declared_rows > TWIN_ROWS:
        return None
    rows = reader.top_rows(fill_merged=False)
    for i, row in enumerate(list(rows)):
        if at is not None and i != at:
            continue
        blocks: list[list[int]] = []
        for c, x in enumerate(row):
            if isinstance(x, str) and x.strip():
                if blocks and blocks[-1][-1] == c - 1:
                    blocks[-1].append(c)
                else:
                    blocks.append([c])
            elif x is not None and str(x).strip():
                blocks = []
                break
        if len(blocks) == 1:
            blocks = _repeats_itself(row, blocks[0])
            if at is not None and (len(blocks) < 2 or blocks[0][0] not in keys):
                continue
        elif at is not None:
            # a header already found is asked only whether it is one header written twice with no gap: the
            # lower line of a two-line header names sub-columns apart ("Likelihood | Consequence" under each
            # of two assessments) and is no pair of tables
            continue
        if len(blocks) < 2 or len(blocks[0]) < 2 or \
                any([word_key(row[c]) for c in b] != [word_key(row[c]) for c in blocks[0]] for b in blocks[1:]):
            continue
        first, width = blocks[0][0], len(blocks[0])
        rows = rows + reader.rows_below_top(TWIN_ROWS)  # the whole sheet, once a row heads such tables
        head = [list(r[:first + width]) + [None] * max(0, first + width - len(r)) for r in rows[:i + 1]]
        body: list[list[Any]] = []

        def filled(cells: list[Any]) -> list[int]:
            return [k for k, x in enumerate(cells) if x is not None and str(x).strip()]

        for b in blocks:
            for r in rows[i + 1:]:
                cells = [r[c] if c < len(r) else None for c in range(b[0], b[0] + width)]
                if b is not blocks[0] and len(own := filled(cells)) == 1 and own[0] > 0 and len(filled(
                        [r[c] if c < len(r) else None for c in range(first, first + width)])) == 1:
                    # a caption line over the tables ("Internos" over the first, "Externos" over the second,
                    # not in its first column): said as the first table's caption is, a note in its first
                    # column, not read as a record named by it
                    cells = [cells[own[0]]] + [None] * (width - 1)
                if b is blocks[0] or filled(cells):
                    body.append([None] * first + cells)
        return SheetReader(book, reader.title, head + body, [])
    return None


def _deep_table(match: HeaderMatch, below: list[list[Any]]) -> bool:
    """Whether a header found below the first rows heads a register's table: a column naming its records
    (its title, or what stands in for it), every cell a few words (a row of sentences is a legend's,
    "CATEGORIA | DESCRIPCIÓN | Las actividades contienen …"), and two rows or more under it filling its columns."""
    kind = match.kind
    naming = {f.name for f in kind.reg.fields if f.required} | set(TITLE_FALLBACK.get(kind.register, ()))
    if kind.is_child or not naming & set(match.mapping.values()) or any(len(h.split()) > 6 for h in match.headers):
        return False
    filled = sum(1 for r in below[:SAMPLE] if any(c < len(r) and r[c] is not None for c in match.mapping))
    return filled >= 2


def _match_top(reader: SheetReader, kinds: tuple[SheetKind, ...], header_row: int | None) -> HeaderMatch | None:
    rows = reader.top_rows()
    if header_row is None:
        name = reader.book.path.stem if _named_by_its_file(reader.title, reader.book.path) else None
        book = reader.book.path.stem
        match = detect_header(rows, reader.title, kinds, reader.top_rows(fill_merged=False), name, book=book)
        if match is not None and match.kind.register == "risks" and \
                not {"probability", "impact"} <= set(match.mapping.values()):
            # a risk sheet without its levels placed: a legend anywhere on it may name the columns holding them
            legends = level_legends(reader.top_rows(fill_merged=False) + reader.rows_below_top(LEGEND_ROWS),
                                    match.row - 1)
            if legends:
                match = detect_header(rows, reader.title, kinds, reader.top_rows(fill_merged=False), name,
                                      legends, book=book) or match
                for c, field_name in match.mapping.items():  # the legend's order gives the words' levels
                    label = word_key(match.headers[c]) if c < len(match.headers) else ""
                    if legends.axes.get(label) == field_name and label in legends.ladders:
                        match.ladders[field_name] = legends.ladders[label]
        # a portfolio status report read as another register's rows: the status reports (classes84)
        if match is None:  # "Projects | 2016-02-13": a status report of one date, its date heading the status column
            return dated_report(reader.top_rows(fill_merged=False), reader.title, book)
        # one without a period anywhere: as at the day the workbook was saved, said (classes93)
        return portfolio_report(match, reader.top_rows(fill_merged=False), reader.title, book) or \
            undated_report(match, reader.top_rows(fill_merged=False), reader.title, book, reader.book.saved_on()) or match
    if not 1 <= header_row <= max(len(rows), 1):
        raise WorkbookError(f"The header row must be one of the first {reader.book.limits.header_scan_rows} rows.")
    row = rows[header_row - 1] if rows else []
    group = rows[header_row - 2] if header_row >= 2 else None
    best = None
    for kind in kinds:
        mapping, dups = map_header(kind, row, group)
        mapping, demoted = check_values(kind, mapping, reader.top_rows(fill_merged=False)[header_row:header_row + 20],
                                        row)
        if best is None or len(mapping) > len(best.mapping):
            headers = ["" if x is None else str(x).strip() for x in row]
            while headers and not headers[-1]:
                headers.pop()
            best = HeaderMatch(kind, header_row, mapping, headers, float(len(mapping)), dups, demoted)
    return best


@_collector_paused
def plan_import(store: Store, path: str | os.PathLike[str], register: str | None = None, sheet: str | None = None,
                mapping: dict[int, str] | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None, *, header_row: int | None = None,
                limits: Limits = DEFAULT_LIMITS, translations: dict[str, Any] | None = None,
                create_missing: bool = False) -> ImportPlan:
    """Preview importing one sheet (chosen when not given) into one register (detected when not given).

    ``mapping`` overrides the detected {0-based column index → field name}; without it a mapping
    confirmed earlier for the same header layout is reused. Changes nothing in the store.
    Raises ``WorkbookError`` when the file is unsafe or unreadable or no register header is found.
    """
    kinds = (kind_for(register),) if register else ALL_KINDS
    path = Path(path)
    with SafeWorkbook(path, limits) as book, book.telling_not_read([sheet] if sheet else None):
        titles = [sheet] if sheet else book.sheet_names
        best: tuple[SheetReader, HeaderMatch] | None = None
        for title in titles:
            reader = book.sheet(title)
            match = _match_sheet(reader, kinds, header_row)
            if match is None and mapping is not None and sheet:
                rows = reader.top_rows()
                first = next((i + 1 for i, r in enumerate(rows) if any(x is not None for x in r)), 1)
                match = HeaderMatch(kinds[0], header_row or first, {}, [], 0.0)
                if rows:
                    match.headers = ["" if x is None else str(x).strip() for x in rows[match.row - 1]]
            if match is not None and (best is None or match.score > best[1].score):
                best = (reader, match)
        if best is None:
            what = kinds[0].reg.title.lower() if register else "register"
            n = limits.header_scan_rows
            if sheet:
                raise WorkbookError(f"The sheet “{sheet}” has no header row naming at least two {what} columns "
                                    f"(such as ID, Title, Owner) in its first {n} rows; choose the header row and "
                                    "columns yourself.")
            raise WorkbookError(f"No sheet of “{path.name}” has a header row naming at least two {what} columns "
                                f"(such as ID, Title, Owner) in its first {n} rows; check the workbook, or choose "
                                "the sheet and columns yourself.")
        reader, match = best
        plan = ImportPlan(path, translations=translations, not_read=book.not_read(titles), stamp=book.stamp)
        if mapping is not None and not mapping and sheet:
            # nothing mapped yet (no header names this register's columns): the sheet's columns, for the
            # preview to offer each a field, and no rows
            plan.sheets.append(SheetPlan(reader.title, match.kind.register, match.row, {}, match.headers, "",
                                         parent_register=match.kind.parent))
            return plan
        sheet_legends = legends_of(reader.top_rows())  # the sheet's own legend, read as the planner reads it
        legend = sheet_legends.scale()
        final, ignored, layout, extras, own, chosen = _prepare(store, reader, match, mapping, legend)
        with store.session() as session:
            planner = _planner(store, session, progress, cancelled, [layout], translations, create_missing)
            planner.total = reader.declared_rows
            _legend_places([(reader, match, final)], [sheet_legends])
            _numbered_words([(reader, match, final)], planner.ctx)
            _letter_grades([(reader, match, final)], [sheet_legends])
            _legend_levels(planner, [match])
            planner.legend_scale = legend
            sheet_plan = planner.plan_sheet(reader, match.kind, match.row, final, match.headers, layout,
                                            ignored, extras=extras, own_export=own, note=title_note(match, final),
                                            spelled=sheet_keys(reader, match, final), band=match.band)
            sheet_plan.chosen = chosen
            plan.sheets.append(sheet_plan)
            keep_skipped_cells(reader, sheet_plan)  # the preview shows what a skipped row holds
            if sheet_plan.register in ACTIONS_OF:
                _response_actions(plan, sheet_plan)
            _planned_values(plan, sheet_plan, planner)
            _collect(plan, planner)
        if progress is not None:
            progress(planner.total or planner.done, planner.total or planner.done)
        return plan


def _planner(store: Store, session: Session, progress: Progress | None, cancelled: Cancelled | None,
             layouts: list[str], translations: dict[str, Any] | None, create_missing: bool) -> Planner:
    """A planner with the office's own lists and the value translations remembered for these layouts
    (those given now win)."""
    merged: dict[str, dict[str, dict[str, str]]] = {}
    for layout in layouts:
        for register, fields in remembered_values(_kept(store.get_setting, VALUES_SETTING + layout)).items():
            for name, words in fields.items():
                merged.setdefault(register, {}).setdefault(name, {}).update(words)
    for register, fields in normalise_translations(translations).items():
        for name, words in fields.items():
            merged.setdefault(register, {}).setdefault(name, {}).update(words)
    own: dict[str, dict[str, set[str]]] = {}
    for register, name in OPEN_LISTS:
        own.setdefault(register, {})[name] = _own_words(_kept(store.get_setting, f"{OWN_LIST_SETTING}{register}.{name}"))
    return Planner(session, progress, cancelled, translations=merged, create_missing=create_missing, own_lists=own)


def _listed_levels(prepared: list[tuple[SheetReader, HeaderMatch, dict[int, str]]], lists: list[list[str]]) -> None:
    """The levels a workbook's own dropdown list gives the words of a scale column ("Rare, Unlikely,
    Probable, Likely, Very Likely": probable is the third of five there), as a legend on the sheet would."""
    for reader, match, mapping in prepared:
        reg = match.kind.reg
        below = reader.top_rows(fill_merged=False)[match.row:]
        for c, name in mapping.items():
            if name.startswith("@") or name in match.ladders or name not in reg.field_names or \
                    reg.field(name).kind is not Kind.SCALE:
                continue
            values = {x.strip() for r in below if c < len(r) and isinstance(x := r[c], str) and x.strip()}
            ladder = listed_ladder(values, lists)
            if ladder:
                match.ladders[name] = ladder


def _legend_places(prepared: list[tuple[SheetReader, HeaderMatch, dict[int, str]]], legends: list[Legends]) -> None:
    """The levels the workbook's numbered legends give a scale column's words by their places (``legends_of``:
    "REMOTE" numbered 1 of 4 is low, 2), for a column whose every word a legend places, where a place reads
    otherwise than the office's word. It wins over a ladder the words' order alone gives (a legend of words
    drawn without numbers, ``match.ladders``, or a workbook's list, read after it): "REMOTE … CERTAIN" listed
    climbs from remote's usual level (1, 2, 3, 4), where their numbers 1–4 are a four-level scale, low to very
    high (2, 3, 4, 5; ``word_level_of_rank``). Words two sheets' legends place apart are left to the office's
    words. Once a column, from its first rows."""
    places: dict[str, int] = {}
    torn: set[str] = set()
    for legend in legends:
        for key, level in legend.places.items():
            if places.setdefault(key, level) != level:
                torn.add(key)
    if len(places) <= len(torn):
        return
    words = value_words("scale")
    for reader, match, mapping in prepared:
        reg = match.kind.reg
        below = reader.top_rows(fill_merged=False)[match.row:]
        for c, name in mapping.items():
            if name.startswith("@") or name not in reg.field_names or reg.field(name).kind is not Kind.SCALE:
                continue
            keys = {word_key(x) for r in below if c < len(r) and isinstance(x := r[c], str) and x.strip()}
            if not keys or any(k not in places or k in torn for k in keys):
                continue
            if any(words.get(k) != str(places[k]) for k in keys):
                match.ladders[name] = {k: places[k] for k in keys}


def _numbered_words(prepared: list[tuple[SheetReader, HeaderMatch, dict[int, str]]], ctx: Context) -> None:
    """A level word written with its number ("Provável (2)") is the level that number gives on the sheet's scale,
    not the office's word (classes79): in the column's own cells ("Pouco Provável (1)", "Provável (2)", "Alto (3)"),
    or in a legend anywhere on the sheet numbering the column's words, however it is laid out ("Pouco provável (1)"
    down a matrix's side, "Provável (2) | Muito provável (3)" along its foot, which no line of three reads). The
    sheet's scale is its one numbered legend's, else the highest number written with a level word on the sheet
    (3, 4 or 10 levels, ``LEGEND_SIZES``). A column is so read when every word it holds is numbered, each word one
    number, and some word reads otherwise than the office's; said in the sheet's notes (or by the legend's
    sentence, when a legend tells the scale). Once a column, from the sheet's first rows."""
    levels_of = value_words("scale")
    for reader, match, mapping in prepared:
        reg = match.kind.reg
        top = reader.top_rows(fill_merged=False)
        numbered: dict[str, set[int]] = {}
        for row in top:
            for x in row:
                if x.__class__ is str and (pair := numbered_word(x)) is not None:
                    numbered.setdefault(word_key(pair[0]), set()).add(pair[1])
        if not numbered:
            continue
        told = legends_of(top).scale()
        size = told or max((max(ns) for k, ns in numbered.items() if k in levels_of), default=0)
        if size not in LEGEND_SIZES:
            continue
        below = top[match.row:]
        for c, name in mapping.items():
            if name.startswith("@") or name in match.ladders or name not in reg.field_names or \
                    reg.field(name).kind is not Kind.SCALE:
                continue
            cells = list(dict.fromkeys(" ".join(x.split()) for r in below
                                       if c < len(r) and isinstance(x := r[c], str) and x.strip()))
            ladder: dict[str, int] = {}
            shown: list[tuple[str, int]] = []
            for cell in cells:
                pair = numbered_word(cell)
                word, ns = (pair[0], {pair[1]}) if pair is not None else (cell, numbered.get(word_key(cell), set()))
                if len(ns) != 1 or not 1 <= (n := next(iter(ns))) <= size or word_key(word) not in levels_of:
                    ladder = {}
                    break
                ladder[word_key(cell)] = word_level_of_rank(n, size)
                shown.append((cell, n))
            # a column of plain words the legend places as the office does reads as before; a cell writing its
            # number is read by it, the whole cell then said by its level
            if not ladder or all(numbered_word(cell) is None and levels_of.get(word_key(cell)) ==
                                 str(ladder[word_key(cell)]) for cell, _n in shown):
                continue
            match.ladders[name] = ladder
            if told is None:
                field = reg.field(name)
                office = field.scale_max(ctx)
                read = ", ".join(f"{cell} {scale_from_word_level(ladder[word_key(cell)], office)}"
                                 for cell, _n in sorted(shown, key=lambda p: p[1]))
                match.grades_said += (" " if match.grades_said else "") + (
                    f"{field.label}: each word read by the number written with it, on the sheet's 1–{size} scale "
                    f"({read} of the office's 1–{office}).")


# Letter grades, the first the highest: three read as high, medium and low (4, 3, 2), four down to 1, five as
# the scale itself
_GRADE_LEVELS = {3: (4, 3, 2), 4: (4, 3, 2, 1), 5: (5, 4, 3, 2, 1)}
GRADE_ROWS = 2000  # rows read under the first ones for a C when those grade only A and B


def _letters(rows: list[list[Any]], c: int) -> set[str]:
    return {x.strip().upper() for r in rows if c < len(r) and isinstance(x := r[c], str) and x.strip()}


def _letter_grades(prepared: list[tuple[SheetReader, HeaderMatch, dict[int, str]]], legends: list[Legends]) -> None:
    """A scale column of letter grades ("A", "B", "C": a partner's rating of each stakeholder's interest and
    power) ranks them from A down, as a school's grades do: B is the middle of three, not "baja" (low) as a
    Spanish "(A, M, B)" column's B is — a column that writes C and no M is graded. Unless the workbook states
    how its letters run (stated_grades: a key of the letters, or "(A - E)" above the header): then as it says."""
    keys = [legend.letters for legend in legends if legend.letters]
    for reader, match, mapping in prepared:
        reg = match.kind.reg
        top = reader.top_rows(fill_merged=False)
        below = top[match.row:]
        further: list[list[Any]] | None = None
        for c, name in mapping.items():
            if name.startswith("@") or name in match.ladders or name not in reg.field_names or \
                    reg.field(name).kind is not Kind.SCALE:
                continue
            values = _letters(below, c)
            if not values or not values <= set("ABCDE") or "M" in values:
                continue
            above = top[match.row - 2][c] if match.row >= 2 and c < len(top[match.row - 2]) else None
            if (stated := stated_steps(values, keys, above)) is not None:
                steps, size, source = stated
                match.ladders[name] = {k.lower(): word_level_of_rank(step, size) for k, step in steps.items()}
                shown = ", ".join(f"{k} → {step}" for k, step in steps.items())
                match.grades_said += (" " if match.grades_said else "") + (
                    f"{reg.field(name).label}: letters read as {source} runs, the first the lowest ({shown} of {size}).")
                continue
            if "C" not in values:  # only A and B in the first rows: the rows under them say which
                if further is None:
                    further = reader.rows_below_top(GRADE_ROWS)
                values |= _letters(further, c)
                if not values <= set("ABCDE") or "C" not in values:
                    continue
            levels = _GRADE_LEVELS.get(max(ord(v) - ord("A") + 1 for v in values), ())
            if levels:
                match.ladders[name] = {chr(ord("a") + i): level for i, level in enumerate(levels)}


def _workbook_priority_key(book: SafeWorkbook, prepared: list[Any]) -> tuple[str, dict[int, str], str] | None:
    """The workbook's own key of numbered priorities (``priority_keys``), read once a workbook when a sheet read
    has a priority field: "1 = Low … 4 = Critical" on its list sheet says its numbers rise with the urgency."""
    registers = {p[1].kind.register for p in prepared if "priority" in p[1].kind.reg.field_names}
    if len(registers) != 1:
        return None
    reg = REGISTERS[next(iter(registers))]
    if reg.field("priority").kind is not Kind.ENUM:
        return None
    read = {p[1].sheet_title for p in prepared}
    sheets = [(t, book.sheet(t).top_rows(fill_merged=False), t not in read)
              for t in [*book.sheet_names, *book.hidden_sheet_names]]
    return priority_key(sheets, reg.name, reg.field("priority").choices)


def _legend_levels(planner: Planner, matches: list[HeaderMatch]) -> None:
    """The levels a sheet's legend gives its words ("MINOR" third of five), as translations of those words
    for that scale; a translation the user gave wins."""
    for match in matches:
        reg = match.kind.reg
        for name, ladder in match.ladders.items():
            top = reg.field(name).scale_max(planner.ctx)
            table = planner.translations.setdefault(reg.name, {}).setdefault(name, {})
            for word, level in ladder.items():
                table.setdefault(word, str(scale_from_word_level(level, top)))


def normalise_translations(given: dict[str, Any] | None) -> dict[str, dict[str, dict[str, str]]]:
    """``{register: {field: {value: target}}}`` from what a user gives: the same, or ``{field: {…}}`` for
    every register with that field. Values are keyed as the planner compares them."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for top, inner in (given or {}).items():
        if not isinstance(inner, dict):
            raise MappingError(f"The value translations for “{top}” must be a table of value → choice.")
        if top in REGISTERS:
            targets = {top: inner}
        else:
            targets = {r: {top: inner} for r, reg in REGISTERS.items() if top in reg.field_names}
            if not targets:
                raise MappingError(f"“{top}” is neither a register nor a field; the value translations name "
                                   "a register (risks) or a field (status).")
        for register, fields in targets.items():
            for name, words in fields.items():
                if not isinstance(words, dict):
                    raise MappingError(f"The value translations for “{name}” must be a table of value → choice.")
                table = out.setdefault(register, {}).setdefault(name, {})
                for raw, target in words.items():
                    table[word_key(raw)] = "" if target is None else str(target)
    return out


def _collect(plan: ImportPlan, planner: Planner) -> None:
    """What the planner added to the office's lists, for the preview and for apply: only values some record
    being imported holds (the codes of a key under the table, "D | Delay", "Categories Key", read in a rows' pass
    before those rows were found to be a legend, join no list)."""
    # only the fields whose lists the planner added to are looked at (an import adding none, as most do, reads
    # no row: reading every value of every row was 0.69 G of the 8.89 G instructions of 10,000 risks' import)
    added = {register: {name for name, values in translator.added.items() if values}
             for register, translator in planner.translators.items()}
    held: dict[tuple[str, str], set[Any]] = {}
    for sheet in plan.sheets:
        names = added.get(sheet.register)
        if not names:
            continue
        for prow in sheet.rows:
            if prow.report.action not in (Action.INSERT, Action.UPDATE):
                continue
            for name, value in prow.values.items():
                if name not in names:
                    continue
                items = held.setdefault((sheet.register, name), set())
                if isinstance(value, (list, tuple, set)):
                    items.update(x for x in value if isinstance(x, str))
                elif isinstance(value, str):
                    items.add(value)
    for register, translator in planner.translators.items():
        for name, values in translator.added.items():
            kept = {x for x in values if x in held.get((register, name), ())}
            if kept:
                plan.new_choices.setdefault(f"{register}.{name}", set()).update(kept)


def _plans_said_below(reader: SheetReader, match: HeaderMatch, sheet: SheetPlan) -> None:
    """Under the table, a caption naming the plan ("2. Provide a risk mitigation strategy for each risk") over
    rows naming the table's records, each with what will be done ("Scope creep | … | The manager checks the
    scope with the sponsor weekly"): each such text is that record's response action, not a note lost."""
    if sheet.register not in ACTIONS_OF or sheet.synthetic:
        return
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    records = {word_key(p.values.get(title)): p for p in sheet.rows
               if p.report.action == Action.INSERT and title and isinstance(p.values.get(title), str)}
    if not records:
        return
    last = max(p.report.row for p in records.values())
    below = {p.report.row for p in sheet.rows if p.report.action == Action.SKIP and p.report.row > last}
    if not below:
        return
    planning = False
    said: dict[int, PlannedRow] = {}
    width = max(len(match.headers), 1)
    for number, row in reader.data_rows(min(below), width + 8):
        if number > max(below):
            break
        if number not in below:
            continue
        texts = [x.strip() for x in row if isinstance(x, str) and x.strip()]
        if len(texts) == 1 and _names_the_plan(match.kind, texts[0]):
            planning = True
            continue
        target = records.get(word_key(texts[0].strip(" ,;."))) if planning and len(texts) >= 2 else None
        if target is not None and len(texts[-1].split()) >= 3:
            target.actions = (target.actions or []) + [{"description": texts[-1]}]
            said[number] = target
    for k, prow in enumerate(sheet.rows):
        target = said.get(prow.report.row)
        if target is not None:
            sheet.rows[k] = PlannedRow(RowReport(sheet.sheet, prow.report.row, Action.SKIP, "",
                                                 f"the plan for row {target.report.row}, as its response action.", merged=True))


def _names_the_plan(kind: SheetKind, caption: str) -> bool:
    """A caption whose words, from some word on, name the response plan ("Provide a risk mitigation strategy
    for each risk": "risk mitigation strategy for each risk")."""
    words = caption.split()
    return any(list(map_header(kind, [" ".join(words[k:])])[0].values()) == [RESPONSE_PLAN]
               for k in range(len(words) - 1))


def _response_actions(plan: ImportPlan, sheet: SheetPlan) -> None:
    """Response plan texts of new risks, as their response actions (a sheet of the plan that the file lacks),
    but for those an action sheet of the workbook gives too, with its owner and status ("Ações" beside
    "Riscos"): given once."""
    rows = [p for p in sheet.rows if p.actions and p.report.action == Action.INSERT]
    if not rows:
        return
    actions = ACTIONS_OF[sheet.register]
    given = {((p.parent_code or "").lower(), word_key(p.values.get("description"))) for s in plan.sheets
             if s.register == actions and not s.synthetic for p in s.rows}
    child = SheetPlan(f"{sheet.sheet} (response plans)" if sheet.register == "risks" else f"{sheet.sheet} (actions)",
                      actions, sheet.header_row, {}, [], "", parent_register=sheet.register, synthetic=True)
    finished = FINISHED_RECORD.get(sheet.register, frozenset())
    noun = REGISTERS[sheet.register].noun
    with_record = 0  # actions stored Done because their record is closed, said once below with the statuses met
    closed_as: set[str] = set()
    voided = 0  # actions of records whose status voids them, stored Cancelled (row_planner._voids)
    for prow in rows:
        closed = prow.values.get("status") in finished
        for values in prow.actions or []:
            if (prow.report.code.lower(), word_key(values["description"])) in given:
                continue
            done = values.get("status") == "Done"
            if closed and values.get("status") == "Cancelled" and ACTION_STATUS not in sheet.mapping.values():
                # the record's own status voids it ("ANULADA"): its actions were called off with it (row_planner)
                voided += 1
                reason = f"action of a voided {noun}, as an action cancelled."
            elif closed and "status" not in values:
                # a closed (resolved) record's action that the sheet gives no status of its own is finished with
                # it: "Not started" would list it open, maybe overdue, in the action log, the dashboard and the
                # board pack though the sheet says the work is over; an open record's action stays not started
                values = {**values, "status": "Done"}
                with_record += 1
                closed_as.add(prow.values["status"])
                reason = f"action of a {prow.values['status'].lower()} {noun}, as an action done."
            else:
                reason = "control in place, as a response action done." if done else "response plan, as a response action."
            child.rows.append(PlannedRow(RowReport(child.sheet, prow.report.row, Action.INSERT, prow.report.code,
                                                   reason), dict(values), None, prow.report.code))
    if with_record:
        words = " or ".join(w.lower() for w in ("Closed", "Resolved") if w in closed_as)
        if with_record > 1:
            sheet.say(f"{with_record} actions of {words} {noun}s stored as Done: the sheet gives no status of their "
                      f"own, and their {noun}s are {words}.")
        else:
            sheet.say(f"1 action of a {words} {noun} stored as Done: the sheet gives no status of its own, and its "
                      f"{noun} is {words}.")
    if voided:
        status = next(iter(c for c, n in sheet.mapping.items() if n == "status"), None)
        head = f"“{sheet.headers[status].strip()}”" if status is not None and status < len(sheet.headers) else "the status"
        of = f"actions of voided {noun}s" if voided > 1 else f"action of a voided {noun}"
        sheet.say(f"{voided} {of} stored as Cancelled, not Done: "
                  f"{head} calls {'their' if voided > 1 else 'its'} {noun}{'s' if voided > 1 else ''} off, and the "
                  "sheet gives no status of the actions' own.")
    if child.rows:
        plan.sheets.append(child)


def _actions_of_closed_records(plan: ImportPlan, voided: dict[str, set[str]] | None = None) -> None:
    """An action sheet with no status column ("Issue ID | Action | Owner | Due date"), its actions under records
    this import closes: decided as for the actions read from a closed record's own columns (closed53,
    ``_response_actions``) — each such action is finished with its record and stored Done, said once a sheet.
    The sheet might list work still open under a closed issue, but it does not say so, and "Not started" would
    claim what it does not say either, listing the action open, maybe overdue, in the action log, the dashboard
    and the board pack under a record the sheet says is over (classes55b). A sheet with a status column keeps
    each action's own status, and an action whose record is open, occurred or not in this import is as before.
    Once a sheet of actions, one look-up a row."""
    sheets = [s for s in plan.sheets if not s.synthetic and s.parent_register in ACTIONS_OF and
              s.register == ACTIONS_OF[s.parent_register] and "status" not in s.mapping.values()]
    for sheet in sheets:
        parent = sheet.parent_register
        assert parent is not None  # the sheets above are children of a register with actions
        finished = FINISHED_RECORD.get(parent, frozenset())
        statuses = {p.report.code.lower(): p.values.get("status") for s in plan.sheets
                    if s.register == parent and s.parent_register is None
                    for p in s.rows if p.report.action in (Action.INSERT, Action.UPDATE) and p.report.code}
        noun = REGISTERS[parent].noun
        done = cancelled = 0
        closed_as: set[str] = set()
        called_off = (voided or {}).get(parent, set())
        for prow in sheet.rows:
            status = statuses.get((prow.parent_code or "").lower())
            if prow.report.action != Action.INSERT or status not in finished or "status" in prow.values:
                continue
            if (prow.parent_code or "").lower() in called_off:
                # its record's status voids it ("ANULADA"): the work was called off with it, not done (left57)
                prow.values = {**prow.values, "status": "Cancelled"}
                prow.report.reason = " ".join(x for x in (prow.report.reason, f"action of a voided {noun}, as an "
                                                          "action cancelled.") if x)
                cancelled += 1
                continue
            prow.values = {**prow.values, "status": "Done"}
            prow.report.reason = " ".join(x for x in (prow.report.reason, f"action of a {status.lower()} {noun}, "
                                                      "as an action done.") if x)
            done += 1
            closed_as.add(status)
        if done:
            words = " or ".join(w.lower() for w in ("Closed", "Resolved") if w in closed_as)
            sheet.say(f"{done} action{'s' if done > 1 else ''} of {words} {noun}s stored as Done: the sheet has no "
                      f"status column, and {'their' if done > 1 else 'its'} {noun}{'s are' if done > 1 else ' is'} "
                      f"{words}.")
        if cancelled:
            of = f"actions of voided {noun}s" if cancelled > 1 else f"action of a voided {noun}"
            sheet.say(f"{cancelled} {of} stored as Cancelled, not Done: the sheet has no status column, and "
                      f"{'their' if cancelled > 1 else 'its'} {noun}{'s were' if cancelled > 1 else ' was'} called off.")


def _planned_values(plan: ImportPlan, sheet: SheetPlan, planner: Planner) -> None:
    """Benefits' targets per year, dated (``row_planner._yearly_target``), as their planned trajectory — unless a
    plan sheet of the workbook gives the trajectory of that benefit itself: given once.

    A benefit the import updates keeps the planned values it has: the sheet's target for a year updates the
    planned value on that year's end, or adds one there, and a planned value on a day the sheet states no target
    for — one a user added in the office, a mid-year milestone — is kept, the preview saying how many (left47:
    the sheet's targets replaced the whole trajectory, dropping those without a word; a sheet of targets per
    year says nothing of other days). The same value as stored is left alone ("same as stored"). A plan sheet of
    the workbook is merged by day the same way (``_merged_by_day``, left49: it had been the whole truth of every
    benefit the register sheet updated)."""
    rows = [p for p in sheet.rows if p.planned and p.report.action in (Action.INSERT, Action.UPDATE)
            and not sheet.synthetic]
    if not rows:
        return
    child_register = "benefit_plan"
    given = {(p.parent_code or "").lower() for s in plan.sheets if s.register == child_register and not s.synthetic
             for p in s.rows}
    child = SheetPlan(f"{sheet.sheet} (targets per year)", child_register, sheet.header_row,
                      {0: "on", 1: "value"}, [], "", parent_register=sheet.register, synthetic=True)
    updated = [p for p in rows if p.report.action == Action.UPDATE and p.record_id is not None
               and p.report.code.lower() not in given]
    stored = _stored_points(planner.session, REGISTERS[child_register],
                            [p.record_id for p in updated if p.record_id is not None])
    kept: list[str] = []
    for prow in rows:
        if prow.report.code.lower() in given:
            continue
        points = stored.get(prow.record_id, {}) if prow.report.action == Action.UPDATE else {}
        for values in prow.planned or []:
            on, value = values["on"], values["value"]
            old = points.pop(on, None)
            if old is None:
                child.rows.append(PlannedRow(RowReport(child.sheet, prow.report.row, Action.INSERT, prow.report.code,
                                                       "a year's target, as a planned value on that year's end."),
                                             dict(values), None, prow.report.code))
            elif isinstance(value, (int, float)) and abs(value - old[1]) <= 1e-9 * max(1.0, abs(old[1])):
                child.rows.append(PlannedRow(RowReport(child.sheet, prow.report.row, Action.SKIP, prow.report.code,
                                                       "same as stored."), dict(values), old[0], prow.report.code))
            else:
                child.rows.append(PlannedRow(RowReport(
                    child.sheet, prow.report.row, Action.UPDATE, prow.report.code,
                    f"a year's target changed: the planned value on {on.isoformat()} goes from "
                    f"{number_text(old[1])} to {number_text(value)}."), {"value": value}, old[0], prow.report.code))
        if points:
            kept.append(f"{prow.report.code} {count_of(len(points), 'planned value')}")
    if kept:
        child.say(f"Planned values on days the sheet gives no target for are kept ({', '.join(kept)}): the "
                  "targets per year update or add the values on their years' ends only.")
    if child.rows:
        plan.sheets.append(child)


def _stored_points(session: Session, reg: Register, parents: list[int]) -> dict[int | None, dict[Any, tuple[int, float]]]:
    """The stored rows of a dated child register (planned values) of the records ``parents``: parent → day →
    (row id, value), the first row of a day where two share it. Read in batches, once an import."""
    E: Any = reg.entity
    assert reg.parent is not None  # a sub-table
    parent_col = getattr(E, reg.parent)
    out: dict[int | None, dict[Any, tuple[int, float]]] = {}
    for start in range(0, len(parents), 500):
        for pid, on, rid, value in session.execute(select(parent_col, E.on, E.id, E.value)
                                                   .where(parent_col.in_(parents[start:start + 500]))
                                                   .order_by(E.id)):
            out.setdefault(pid, {}).setdefault(on, (rid, value))
    return out


@_collector_paused
def _untied_reason(match: HeaderMatch) -> str:
    parent = REGISTERS[match.kind.parent or ""].title.lower()
    return (f"its rows read as {match.kind.reg.title.lower()}, but no {match.kind.parent_labels[0]} column ties them "
            f"to the {parent}: import the sheet on its own and map that column, or add it.")


def _naming_known_records(store: Store, found: list[tuple[SheetReader, HeaderMatch]], naming: dict[str, str],
                          plan: ImportPlan, made_notes: dict[str, str]) -> list[tuple[SheetReader, HeaderMatch]]:
    """The action sheets read as the actions of the records a free-text column names ("Risk R-01 / PRD M-02",
    ``named_records``) kept only where two rows at least name a record the workbook's other sheets or the office
    hold: "Ticket 4512 raised with the vendor", "Incident 2231" name a service desk's tickets by an issue's noun,
    and the sheet became issue actions every row of which was left out naming no record, each action's text
    rewritten (review60 #4, left61). Such a sheet is refused as before, saying why. Decided once a sheet."""
    known: dict[str, set[str]] = {}

    def codes_of(register: str) -> set[str]:
        if register not in known:
            with store.session() as s:
                held = records.stored_codes(s, REGISTERS[register])
            for reader, match in found:
                if match.kind.register == register and not match.kind.is_child and \
                        (key := match.kind.reg.key_field) is not None and \
                        (col := next((c for c, n in match.mapping.items() if n == key.name), None)) is not None:
                    held |= {str(r[col]).strip().lower() for r in reader.all_rows()[match.row:]
                             if col < len(r) and r[col] is not None and str(r[col]).strip()}
            known[register] = held
        return known[register]

    out: list[tuple[SheetReader, HeaderMatch]] = []
    unknown: dict[str, str] = {}
    kept: set[str] = set()
    for reader, match in found:
        title = match.sheet_title or reader.title
        parent_col = next((c for c, n in match.mapping.items() if n == PARENT), None)
        if title not in naming or not match.kind.is_child or parent_col is None:
            out.append((reader, match))
            continue
        named = [str(r[parent_col]).strip() for r in reader.all_rows()[match.row:]
                 if parent_col < len(r) and r[parent_col] is not None and str(r[parent_col]).strip()]
        held = codes_of(match.kind.parent or "")
        if sum(1 for code in named if code.lower() in held) >= 2:
            out.append((reader, match))
            kept.add(title)
        else:
            unknown.setdefault(title, ", ".join(f"“{c}”" for c in list(dict.fromkeys(named))[:3]))
    for title, shown in unknown.items():
        if title in kept:
            continue  # the other register's actions among them name records of none: their rows are left out
        made_notes.pop(title, None)
        plan.skipped_sheets.append((title, f"{naming[title]} (Its rows name {shown} …, but no record of the workbook "
                                           "or the office has that ID: not read as their actions.)"))
    return out


def plan_workbook_import(store: Store, path: str | os.PathLike[str], progress: Progress | None = None,
                         cancelled: Cancelled | None = None, *, limits: Limits = DEFAULT_LIMITS,
                         translations: dict[str, Any] | None = None, create_missing: bool = False,
                         take_theirs: bool = False) -> ImportPlan:
    """Preview importing every recognised sheet: registers first, then their child sheets (risk actions,
    benefit plan and measurements), whose rows replace the stored children of the records they name.

    Sheets that hold no records (legends, definitions, instructions, lists, matrices; RAID assumptions
    and dependencies; tables whose rows have no title) are skipped with the reason."""
    path = Path(path)
    plan = ImportPlan(path, translations=translations)
    with SafeWorkbook(path, limits) as book, book.telling_not_read():
        plan.stamp = book.stamp
        stamp = read_stamp(book) or unstamped_export(book)
        if stamp is not None:  # our own export: read exactly, merged three ways (excel/office_import.py)
            office_plan = plan_office_import(store, path, book, stamp, take_theirs)
            _one_report_a_period(store, office_plan)
            return office_plan
        # a workbook naming a Fibonacci scale rates on it (value_translation.fibonacci_scale): read throughout
        with fibonacci_scale(_fibonacci_of(book)):
            found: list[tuple[SheetReader, HeaderMatch]] = []
            grids: list[tuple[str, SheetReader]] = []  # risks written in the cells of a P×I matrix
            listed: list[tuple[SheetReader, HeaderMatch]] = []  # names one a row under "List of Stakeholders"
            scales: set[int | None] = set()
            legends: list[Legends] = []  # each sheet's legends of numbered level words (legends_of)
            lists: list[list[str]] = []  # the dropdown lists of the workbook's list sheets, each in its order
            made_notes: dict[str, str] = {}  # sheets read under a header made for them: how
            also_read: dict[str, tuple[SheetReader, HeaderMatch] | None] = {}  # a second reading of a sheet (left60)
            naming_sheets: dict[str, str] = {}  # sheets read as the actions of the records a column names: the
            # reason each was refused before, given again when none of the records it names is known (left61)
            employees: dict[str, set[str]] = {}  # sheets refused as an employer's staff: their IDs
            pasted_exports: list[str] = []  # sheets of a pasted JSON export's lines (code_exports)
            for title in book.hidden_sheet_names:
                lists += listed_orders(book.sheet(title).top_rows(fill_merged=False))
            for title in book.sheet_names:
                why = not_a_register(title) or _file_not_a_register(title, path)
                if why is not None:
                    plan.skipped_sheets.append((title, why))
                    legends.append(legends_of(book.sheet(title).top_rows()))
                    scales.add(legends[-1].scale())
                    lists += listed_orders(book.sheet(title).top_rows(fill_merged=False))
                    lists += axis_orders(book.sheet(title).top_rows(fill_merged=False))
                    continue
                reader = book.sheet(title)
                reader = _lines_in_one_column(book, reader) or reader
                if (pasted := code_export(reader.top_rows(fill_merged=False))) is not None:
                    plan.skipped_sheets.append((title, pasted))  # a JSON export's lines (code_exports)
                    pasted_exports.append(title)  # no reading of skipped sheets (forms, names) takes it
                    continue
                legends.append(legends_of(reader.top_rows()))
                scales.add(legends[-1].scale())
                written = written_sheet(reader.top_rows(fill_merged=False))  # its own rows, before any reading of them
                bare = _headed_bare_list(book, reader, path)
                match: HeaderMatch | None
                if bare is not None:
                    # a register's list saved with no header row (unheaded_lists): read under a header made for
                    # it; its first row is data, whatever a header search would make of the first rows
                    reader, match, made_notes[title] = bare
                else:
                    match = _match_sheet(reader, ALL_KINDS, None)
                    if match is not None and (error := broken_header(reader.top_rows(fill_merged=False),
                                                                     match.row)) is not None:
                        # the header is a row of broken formulas: the sheet's columns told by their values, as a
                        # list with no header is read, or the sheet refused saying so — never its first record
                        # taken for a header (fault71)
                        header_said = _broken_header_said(match.row - 1, error)
                        if (bare := _headed_bare_list(book, reader, path, own_words=True)) is None:
                            plan.skipped_sheets.append((title, header_said))
                            continue
                        reader, match, made_notes[title] = bare
                    if match is None and (bare := _headed_bare_list(book, reader, path, own_words=True)) is not None:
                        reader, match, made_notes[title] = bare
                if match is None:
                    # a defect report laid out as test cases ("Actual Result | Expected Result" on an "Issues" sheet)
                    match = defect_report(reader.top_rows(fill_merged=False), title, path.stem)
                if match is None and (captioned := _captioned_list(book, reader, path)) is not None:
                    # items under captions, no header and no IDs ("Home page", then its problems)
                    reader, match, made_notes[title] = captioned
                if match is None and (sentences := _sentence_list(book, reader, path)) is not None:
                    # a bug list one sentence a line, under section words or none, named for the issue log
                    reader, match, made_notes[title] = sentences
                if match is None and (levelled := _level_list(book, reader, path)) is not None:
                    # texts under a header of one scale's levels ("P1 | P2 | … | P5"), one a row (classes83)
                    reader, match, made_notes[title] = levelled
                if match is None and (keyed := _names_under_a_key(book, reader, path)) is not None:
                    # a register's names alone under its key of levels, no header ("Matrice des risques", left57)
                    reader, match, made_notes[title] = keyed
                if match is None and (twins := _twin_tables(book, reader)) is not None:
                    # the same table set twice side by side ("Posible Riesgo | Nivel" twice): one list
                    reader, match = twins, _match_sheet(twins, ALL_KINDS, None)
                elif match is not None and match.duplicates and (twins := _twin_tables(
                        book, reader, match.row - 1, _naming_columns(match))) is not None:
                    # found on a header written twice with no gap ("Id | Rol | Definición" twice): read as one
                    # table, the second's records were written in the first's notes (round 49)
                    reader, match = twins, _match_sheet(twins, ALL_KINDS, None) or match
                if (match is None or reader.declared_rows <= MAX_FIELDS and (names_few(match) or _no_records(
                        match, None, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE], path.stem))) and \
                        (sideways := _one_record_a_column(book, reader, match, path.stem)) is not None:
                    # no row names the register's columns (or too few): field names down a column, one record a
                    # column ("ID number", "Name", … down column B), read turned
                    reader, match, made_notes[title] = sideways
                if match is None and (across := _records_across(book, reader, path)) is not None:
                    # named as a register, one record a column under a row of their names, labels of its own down
                    # a column ("Objectifs souhaités"), read turned (left59)
                    reader, match, made_notes[title] = across
                if match is None:
                    grid = risk_grid(reader.top_rows())
                    if grid is None and (described := described_grid(reader.top_rows())) is not None:
                        # its axes' labels describe their levels ("Improbable (unlikely to occur)"): said once
                        grid, made_notes[title] = described
                    if grid is not None:
                        grids.append((title, SheetReader(book, title, grid, [])))
                    names = names_under_a_caption(reader.top_rows(fill_merged=False))
                    if names is not None:
                        listed.append((reader, replace(names, sheet_title=title)))
                    # a heat map's axes beside the list order its level words (BAJO … MEDIO-ALTO … ALTO)
                    lists += axis_orders(reader.top_rows(fill_merged=False))
                    plan.skipped_sheets.append((title, vulnerability_list(reader.top_rows(fill_merged=False)) or
                                                written or _blank_on_top(reader) or NO_HEADER))
                    continue
                if match.kind.is_child and PARENT not in match.mapping.values() and \
                        (whose := child_of_the_parent_named(reader, match)) is not None:
                    match = whose  # "Actions" whose header names the issue of each: the issue log's actions
                if match.kind.is_child and PARENT not in match.mapping.values() and \
                        (tied := tied_by_the_parents_ids(reader, match, found)) is not None:
                    reader, match = tied  # the risks before it name its actions by their IDs (left47)
                if match.kind.is_child and PARENT not in match.mapping.values() and \
                        (answering := actions_naming_their_records(reader, match)) is not None:
                    # "Linked to" of "Risk R-01 / Contract §4": each row's risk named in a free text (left60)
                    naming_sheets[title] = _untied_reason(match)
                    reader, match, made_notes[title], also_read[title] = answering
                if match.kind.is_child and PARENT not in match.mapping.values():
                    plan.skipped_sheets.append((title, _untied_reason(match)))
                    continue
                match = _read_as_another(reader, match)
                if (typed := _typed_as_issues(reader, match)) is not None:
                    match, made_notes[title] = typed  # "类型: Bug" on a list read as risks: the issue log
                if (joined := _joined_tables(book, reader, match)) is not None:
                    # a second table over the same records under the first ("Nº | Problema: | Contingência"): one
                    reader, match = joined, _match_sheet(joined, ALL_KINDS, None) or match
                if (banded := _levels_under_the_header(book, reader, match)) is not None:
                    reader, match, made_notes[title] = banded  # "Probabilidade(P)" over "1- Baixa", "2-Média" …
                if (grouped := merged_group_labels(reader, match)) is not None:
                    # "Proyecto" merged from the header row down over its table's rows: each row's category
                    reader = SheetReader(book, reader.title, grouped[0], grouped[1])
                    match = grouped[2]
                    made_notes[title] = f"{made_notes[title]} {grouped[3]}" if title in made_notes else grouped[3]
                if (labelled := _labels_in_the_title(book, reader, match)) is not None:
                    reader, match, made_notes[title] = labelled
                if (listed_names := checklist_title(match, reader.top_rows(fill_merged=False)[match.row:])) is not None:
                    # "Risk Identification Heuristics" over "Project Factors | Learning Curve | …" left of "Risk No.",
                    # "Risk Description" empty: each row's name is the checklist's (checklist_titles)
                    match, read_as = listed_names
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (coded := _coded_names(book, reader, match)) is not None:
                    reader, match, made_notes[title] = coded  # "ID / choice" over "D01 Hub-and-spoke"
                if (paired := _paired_items(book, reader, match)) is not None:
                    reader, match, made_notes[title] = paired  # "Activity A | … | Activity B": the link of the two
                if (products := _rated_by_products(book, reader, match)) is not None:
                    # "Initial L×I" of "5×5=25": each risk's likelihood and impact, their product checked
                    reader, match, read_as = products
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (owned := _owners_after_the_plan(book, reader, match)) is not None:
                    # "Response and owner" of "MFA and drills; IT": the plan, and its owner after the last "; "
                    reader, match, read_as = owned
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (options := _options_joined(book, reader, match)) is not None:
                    # "option_a | option_b": the decision's options
                    reader, match, read_as = options
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (per_area := _rated_per_area(book, reader, match)) is not None:
                    # each risk rated per area under captions: its worst area's ratings (area_ratings)
                    reader, match, made_notes[title] = per_area
                if (by_cell := _rated_by_matrix_codes(book, reader, match)) is not None:
                    # each risk's code names its cell of the matrix beside the list: that cell's ratings
                    reader, match, made_notes[title] = by_cell
                if (by_ids := _rated_by_an_id_matrix(book, reader, match)) is not None:
                    # another sheet's P × I grid places the risks by their IDs ("1, 5"): that cell's ratings
                    reader, match, made_notes[title] = by_ids
                if (titled := titled_by_its_kind(
                        match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                        match.kind.matches_sheet_name(match.sheet_title or title)
                        or named_by_its_last_words(match.kind, path.stem))) is not None:
                    match = titled  # an issue list naming no issue, titled by each issue's kind (said once)
                if (ticketed := ticket_titled(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])):
                    match = ticketed[0]  # "RB-162" under "Issue", the sentence beside it the title (ticket_titles)
                    made_notes[title] = " ".join(x for x in (made_notes.get(title), ticketed[1]) if x)
                by_kind = _titled_by_kind(book, reader, match)
                if isinstance(by_kind, str):  # "ID | Dependency type | Weight": the kinds themselves
                    plan.skipped_sheets.append((title, by_kind))
                    continue
                if by_kind is not None:  # "Risk type" beside owner and status: "Financial risk R4"
                    reader, match, made_notes[title] = by_kind
                if (staff := employee_sheet(match)) is not None:  # pay, hire date, probation: an employer's staff
                    employees[title] = ids_of(match, reader.top_rows(fill_merged=False)[match.row:])
                    plan.skipped_sheets.append((title, staff))
                    continue
                why = meeting_minutes(reader.top_rows(fill_merged=False), match.row, [title, path.stem]) or \
                    map_features(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    not_records_by_content(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    todo_list(match, title, path.stem if _named_by_its_file(title, path) else None, path.stem) or \
                    user_table(match, title, path.stem if _named_by_its_file(title, path) else None,
                               reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    _no_records(match, path.stem if _named_by_its_file(title, path) else None,
                                reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE], path.stem) or \
                    _named_for_another(match, title, path.stem) or _diary_of_changes(match) or \
                    diary_entries(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    program_output(match) or \
                    named_as_other_things(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                                          title, path.stem) or \
                    listed_twice(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    titled_by_dates(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    stamped_log(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    hours_log(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    question_plan(match) or \
                    _perks_not_benefits(match) or \
                    _grouped_not_named(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    _machine_log(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    _data_written_out(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    verdicts_not_decisions(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    rulings_not_decisions(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    _user_accounts(match) or _enquiries(match) or \
                    tool_catalogue(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                                   reader.top_rows(fill_merged=False)[:match.row]) or \
                    questionnaire(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    notebook_lists(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    chart_data(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    measurements_not_records(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    numbered_catalogue(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                                       _named_by_a_list_word(match)) or \
                    item_catalogue(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    cases_not_decisions(match) or lessons_log(match, title, path) or \
                    templated_column(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE],
                                     _first_naming_column(match)) or \
                    filler_columns(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    sample_of_its_columns(reader.top_rows(fill_merged=False)[:match.row + SAMPLE], match.row) or \
                    calculation_sheet(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) or \
                    not_records_by_layout(match.headers, reader.top_rows()[:match.row - 1], match.kind.register,
                                          match.mapping, _register_named_by(match, title, path))
                if why is not None and why.startswith(ACTION_LIST_REASON) and \
                        (answering := actions_naming_their_records(reader, match)) is not None:
                    # "Source / Trigger" of "Risk R-01 / PRD M-02": the risks' actions, each under its risk (left60)
                    naming_sheets[title] = why
                    reader, match, made_notes[title], also_read[title] = answering
                    why = None
                if why is not None:
                    plan.skipped_sheets.append((title, why))
                    continue
                # a risk matrix drawn above the table orders its level words along its axes ("Negligible |
                # Minor | Major | Hazardous | Catastrophic" over the grid: major is the third of five there)
                lists += axis_orders(reader.top_rows(fill_merged=False)[:max(match.row - 1, 0)])
                if (strategies := strategies_not_plans(
                        match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])) is not None:
                    # "Acción": Asumir / Mitigación beside "Descripción": the response, and its action described
                    match, read_as = strategies
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (cited := references_not_plans(
                        match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])) is not None:
                    # "Related Controls" of clause numbers alone ("8.2, 5.18"): references, no action (classes80)
                    match, read_as = cited
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (treated := treated_in_a_band(match, reader.top_rows(), reader.top_rows(fill_merged=False))) \
                        is not None:  # "Tratamiento" over "Actividad | Responsable | Fecha | Estado": one action
                    match, read_as = treated
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (bugs_said := bug_steps_said(match)) is not None:  # "Repro Steps": a bug report's rows
                    made_notes[title] = f"{made_notes[title]} {bugs_said}" if title in made_notes else bugs_said
                if (deciders := participants_decide(
                        match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])) is not None:
                    match, read_as = deciders  # "Participants" of a decision log naming no decider: who decided
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (dated := unheaded_days_decided(
                        match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])) is not None:
                    match, read_as = dated  # days under no header on a decision log naming no day: the day decided
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                if (linking := links_named(reader, match)) is not None:
                    # "Source / Trigger" of "SRS §10 / Issue ISS-08": the decision's linked issue (left60)
                    reader, match, read_as = linking
                    made_notes[title] = f"{made_notes[title]} {read_as}" if title in made_notes else read_as
                found.append((reader, ids_not_plans(match)))
                if (second := also_read.pop(title, None)) is not None:
                    found.append(second)  # the rows naming an issue among the risks' actions: the issue's (left60)
                if (above := _table_above(book, reader, match)) is not None:
                    # the same register's other table above the one found ("Evènements redoutés" over the
                    # threat scenarios): its records, unread, were lost without a word (round 49)
                    found.append(above)
            if naming_sheets:
                found = _naming_known_records(store, found, naming_sheets, plan, made_notes)
            found = _views_of_employees(found, employees, plan)
            found = _beside_the_register(found, plan)
            found, lent = _headers_overwritten(found)
            found = _headers_a_list_names(book, found, lent)
            found = _worked_examples(found, plan)
            glossaries: list[str] = []  # sheets of definitions: no other reading makes records of them
            found = _column_glossaries(found, plan, glossaries)
            found = children_by_their_ids(found)
            found, tied_notes = children_by_a_parent_column(found)
            for tied_title, tied_note in tied_notes.items():  # "Código riesgo" naming the risks of another sheet
                made_notes[tied_title] = f"{made_notes[tied_title]} {tied_note}" if tied_title in made_notes \
                    else tied_note
            found = _without_measures_sheets(found, plan)
            found += _keyed_by_names(book, found, plan, [*pasted_exports, *glossaries])
            found = _form_sheets(book, found, plan, path, [*employees, *pasted_exports, *glossaries], made_notes)
            if not any(m.kind.register == "risks" for _, m in found):  # beside a risk list a matrix only maps it
                for title, grid_reader in grids:
                    grid_match = _match_sheet(grid_reader, (kind_for("risks"),), None)
                    if grid_match is not None:
                        plan.skipped_sheets = [(t, r) for t, r in plan.skipped_sheets if t != title]
                        found.append((grid_reader, grid_match))
            for list_reader, list_match in listed:  # one column of names under "List of Stakeholders": those records
                plan.skipped_sheets = [(t, r) for t, r in plan.skipped_sheets if t != list_reader.title]
                found.append((list_reader, list_match))
            if not found:
                # a sheet of a tracker's planned work alone, however its header was taken (no register, or one
                # too weakly): said as what it is, not as a header not found
                # (a map's features stay so: GeoJSON's "Feature" under "type" is no backlog item)
                plan.skipped_sheets = [(t, r if r.startswith(MAP_FEATURES_REASON) else t in book.sheet_names and
                                        planned_work_list(book.sheet(t).top_rows(fill_merged=False)) or r)
                                       for t, r in plan.skipped_sheets]
                why = next((f"“{t}”: {r}" for t, r in plan.skipped_sheets if r.startswith("no column names")), None)
                # a header naming too few of a register's columns: the preview says why, and so does the command
                # line (fault70b: it said "no header row … check the workbook" alone)
                # (each weak sheet said, the first few and how many more: the first alone hid the others, left58)
                weak = _weak_sheets_said([(t, r) for t, r in plan.skipped_sheets if _WEAK_HEADER.match(r)])
                # a sheet whose first thousands of rows are blank, or whose header shows broken formulas: said as that
                if why is None and not weak:
                    blank = next((f"“{t}”: {r}" for t, r in plan.skipped_sheets
                                  if r.startswith((BLANK_ON_TOP, BROKEN_HEADER))), None)
                    if blank is not None:
                        raise WorkbookError(f"No sheet of “{path.name}” has a header row naming register columns "
                                            f"in its first rows (sheet {blank.rstrip('.')}).")
                _refused_for_its_name(plan, path)
                if employees:  # an employer's staff, sheet by sheet: said as such, not as a header not found
                    first = next(r for t, r in plan.skipped_sheets if t in employees)
                    sheets = ", ".join(f"“{t}”" for t in employees)
                    raise WorkbookError(f"“{path.name}” holds no register's records (sheet{'s' * (len(employees) > 1)} "
                                        f"{sheets}: {first[:-1]}).")
                # a catalogue of kinds of record (tool_catalogues), rows naming themselves as other things
                # (named_things), a backlog or a schedule: tables well headed, said as what they are, not as a
                # header not found
                catalogue = next(((t, r) for t, r in plan.skipped_sheets
                                  if r.startswith((*CATALOGUE_REASONS, OTHER_THINGS_REASON, *OTHER_LIST_REASONS,
                                                   LESSONS_REASON, TEMPLATED_REASON, FILLER_REASON, WRITTEN_REASON,
                                                   PLACEHOLDER_SAMPLE_REASON,
                                                   CALCULATION_REASON, MAP_FEATURES_REASON, MINUTES_REASON,
                                                   CHANGE_HISTORY_REASON, USER_TABLE_REASON, DEFINITIONS_REASON,
                                                   UNDATED_REASON))),
                                 None)
                if catalogue is not None:
                    # the other sheets that looked like a register too, each with its reason: the first alone hid
                    # a log beside a schedule whose records no column named (classes84)
                    others = _weak_sheets_said([(t, r) for t, r in plan.skipped_sheets if t != catalogue[0] and
                                                (r.startswith("no column names") or _WEAK_HEADER.match(r))])
                    raise WorkbookError(f"“{path.name}” holds no register's records (sheet “{catalogue[0]}”: "
                                        f"{catalogue[1][:-1]}" + (f"; {others}" if others else "")
                                        + "); nothing was imported.")
                example = next((t for t, r in plan.skipped_sheets if r.startswith("the worked example of a template")),
                               None)
                if example is not None:
                    raise WorkbookError(f"“{path.name}” is a template: its only table, on sheet “{example}”, is the "
                                        "template's worked example beside its instructions, not records; nothing was "
                                        "imported (rename that sheet to import its rows).")
                # a table written without its header row: said as such, with the header row to add
                for title, reason in plan.skipped_sheets:
                    if reason != NO_HEADER or title not in book.sheet_names:
                        continue
                    named = next((k.register for k in ALL_KINDS if not k.is_child and (named_by_its_last_words(k, path.stem)
                                  or k.matches_sheet_name(title))), None)
                    if (table := headerless_rows(book.sheet(title).top_rows(fill_merged=False), named is not None)) is not None:
                        raise WorkbookError(headerless_message(path.name, named, table))
                # one sheet named as a list the office keeps no register of (an action tracker, a lessons-learned
                # log), its header not found: said as what it is, not as a table to mend (unkept_lists)
                if why is None and len(plan.skipped_sheets) == 1 and \
                        (said := named_as_unkept(plan.skipped_sheets[0][0], book.sheet(plan.skipped_sheets[0][0]).top_rows()
                                                 if plan.skipped_sheets[0][0] in book.sheet_names else None)) is not None:
                    raise WorkbookError(unkept_message(path.name, plan.skipped_sheets[0][0], said))
                # that sheet may be the register all the same: say how to import it by hand
                raise WorkbookError(f"No sheet of “{path.name}” has a header row naming register columns (such as ID, "
                                    "Title, Owner) in its first rows; check the workbook"
                                    + (f" (sheet {why.rstrip('.')}; to import it, choose that sheet and the register "
                                       "in the import preview and set the column that holds each record's title "
                                       "or name in its mapping)." if why else
                                       f" ({weak}; to import {'one' if weak.count('sheet “') > 1 else 'it'}, "
                                       f"choose {'its' if weak.count('sheet “') > 1 else 'that'} sheet and the "
                                       "register in the import preview and check each column's field in its "
                                       "mapping)." if weak else NO_HEADER_WHAT_TO_DO))
            routed = _split_raid(found)
            order = {k.register: i for i, k in enumerate(ALL_KINDS)}
            routed.sort(key=lambda item: order[item[1].kind.register])
            legend = next(iter(scales - {None}), None) if len(scales - {None}) == 1 else None
            prepared = [(reader, match, row_filter, *_prepare(store, reader, match, None, legend))
                        for reader, match, row_filter in routed]
            with store.session() as session:
                planner = _planner(store, session, progress, cancelled, [p[5] for p in prepared], translations,
                                   create_missing)
                planner.total = sum(r.declared_rows for r, *_ in prepared)
                # a legend numbering the words first: their places there are the sheet's own levels, which an
                # order of the words in a list or a drawn ladder only guesses from the words' usual levels
                _legend_places([(p[0], p[1], p[3]) for p in prepared], legends)
                _numbered_words([(p[0], p[1], p[3]) for p in prepared], planner.ctx)
                if lists:
                    _listed_levels([(p[0], p[1], p[3]) for p in prepared], lists)
                _letter_grades([(p[0], p[1], p[3]) for p in prepared], legends)
                _legend_levels(planner, [p[1] for p in prepared])
                planner.legend_scale = legend
                # how the file writes its decimals (number_order), from the first rows of every sheet's number
                # columns: a sheet whose numbers all read either way ("2.500") follows the others, whatever their order
                planner.file_numbers = number_evidence(_number_samples([(p[0], p[1], p[3]) for p in prepared]))
                planner.priority_key = _workbook_priority_key(book, prepared)
                last_use = {id(p[0]): i for i, p in enumerate(prepared)}
                for i, (reader, match, row_filter, final, ignored, layout, extras, own, chosen) in enumerate(prepared):
                    referenced: list[str] = []
                    rated_again: dict[int, dict[str, dict[str, Any]]] = {}
                    if row_filter is not None:
                        # the type column says nothing more than the register; a tracker's labels ("bug, High,
                        # Waiting for merge") say more, and stay in the notes
                        typed = getattr(row_filter, "column", None)
                        extras = {c: h for c, h in extras.items() if c != typed or word_key(h) in LABEL_HEADERS}
                        if typed is not None and typed not in extras and typed in ignored:
                            # said as what it is: the report called it "kept on each record" though it was dropped
                            ignored = {**ignored, typed: _sorting_column_said(match.headers[typed], match.kind)}
                    sheet_plan = planner.plan_sheet(reader, match.kind, match.row, final, match.headers, layout,
                                                    ignored, finish=False, extras=extras, own_export=own,
                                                    row_filter=row_filter, constants=sheet_constants(match, final),
                                                    note=title_note(match, final),
                                                    spelled=_with_references(book, reader, match, final, extras,
                                                                             plan, referenced, rated_again),
                                                    rated_again=rated_again, band=match.band)
                    sheet_plan.chosen = chosen
                    _defect_tasks_said(sheet_plan, row_filter)
                    if match.project_status is not None:
                        _take_project_states(plan, reader, match, sheet_plan)
                    for said in referenced:
                        sheet_plan.say(said)
                    if match.sheet_title in lent:
                        sheet_plan.say(lent[match.sheet_title])
                    if match.sheet_title in made_notes:
                        sheet_plan.say(made_notes[match.sheet_title])
                    _amounts_said(sheet_plan, match.kind.reg, final, extras)
                    _symbols_said(sheet_plan, reader, match, final)
                    _met_said(sheet_plan, match.kind.reg, final, extras)
                    plan.sheets.append(sheet_plan)
                    _plans_said_below(reader, match, sheet_plan)
                    keep_skipped_cells(reader, sheet_plan)  # the preview shows what a skipped row holds
                    if last_use[id(reader)] == i:
                        reader.release()  # planned: the sheet's cells are not needed again
                for sheet_plan in list(plan.sheets):
                    if sheet_plan.register in ACTIONS_OF:
                        _response_actions(plan, sheet_plan)
                    _planned_values(plan, sheet_plan, planner)
                _actions_of_closed_records(plan, planner.voided)
                _whole_families(plan, planner)
                _one_report_a_period(store, plan)
                said_once(plan)
                _collect(plan, planner)
        plan.not_read = book.not_read(book.sheet_names)  # every visible sheet was opened: no sheet read again
    if progress is not None:
        progress(planner.total or planner.done, planner.total or planner.done)
    return plan


NO_HEADER = "no header row naming register columns was found."
BLANK_ON_TOP = "its first "
BROKEN_HEADER = "its header row, "


def _broken_header_said(row: int, error: str) -> str:
    """Why a sheet whose header row shows Excel errors alone is not read (``broken_formulas.broken_header``)."""
    return (f"{BROKEN_HEADER}row {row}, shows the Excel error {error} in every column (formulas whose cells are "
            f"gone), so its columns cannot be told and the row under it is no header but the first record; type the "
            "column names in that row (or paste them as values), save the workbook and import it again.")


def _blank_on_top(reader: SheetReader) -> str | None:
    """Why a sheet whose first rows are all blank had no header found, when its data starts past the rows a header
    is looked for in: a CSV written after thousands of blank lines was said to have "no header row … in its first
    rows" (fault71). Counted row by row, so in proportion to the blank rows; a sheet with anything in its first
    rows costs nothing more."""
    if any(x is not None for row in reader.top_rows(fill_merged=False) for x in row):
        return None
    blank = reader.blank_rows_on_top()
    if blank is None or blank + 3 <= DEEP_HEADER_ROWS:  # a header and two rows under it in the rows looked at
        return None
    return (f"{BLANK_ON_TOP}{blank:,} rows are blank, and a header is looked for in the first {DEEP_HEADER_ROWS} "
            f"only: its first filled row is row {blank + 1:,}; delete the blank rows above it, save the file and "
            "import it again.")


def _keyed_by_names(book: SafeWorkbook, found: list[tuple[SheetReader, HeaderMatch]],
                    plan: ImportPlan, refused: Collection[str] = ()) -> list[tuple[SheetReader, HeaderMatch]]:
    """Sheets skipped for naming no records (no header, or too few fields to be a register) whose unnamed
    column names the records another sheet lists ("Concern & Strategies" beside a stakeholder matrix): read as
    more of those records, which the planner joins by name (``named_rows``). Sheets skipped for their name
    (legends, lists) stay skipped, and so do those whose name says so cut short ("Threat-Cat", a threat
    catalogue beside a risk register: its unnamed column of impacts repeats the risks' descriptions, and read
    again its threats the register names not became new risks). ``refused``: sheets judged no register's
    (a pasted JSON export's lines), which stay skipped."""
    listed = names_listed(found)
    if not listed:
        return []
    out = []
    for title, why in list(plan.skipped_sheets):
        reader = book.sheet(title) if not_a_register(title) is None and cut_short_name(title) is None and \
            title not in refused else None
        match = keyed_by_names(reader, listed) if reader is not None else None
        if reader is not None and match is not None:
            plan.skipped_sheets.remove((title, why))
            out.append((reader, match))
    return out


def _form_sheets(book: SafeWorkbook, found: list[tuple[SheetReader, HeaderMatch]], plan: ImportPlan,
                 path: Path, refused: Collection[str] = (), notes: dict[str, str] | None = None
                 ) -> list[tuple[SheetReader, HeaderMatch]]:
    """Sheets skipped as no table that are forms of one record each ("Risk ID | R1", "Description | …": a
    register kept as one sheet per risk, excel/form_sheets.py): each read as a one-row table of that register,
    after the tables (so that a summary table listing the same records keeps its values and the form adds the
    fields it does not give). Only when two sheets at least are forms of one register: one sheet of labels and
    values may be a charter or a cover sheet — unless it is the file's only one and clearly a record
    (``_lone_form``). A sheet the table reader took whose first label | value row it
    read as a header (labels going on down its side) is such a form too. ``refused``: sheets whose rows were
    judged to be no register's (an employer's staff), which no other reading makes records. ``notes``: what the
    sheet notes say of a form read otherwise than as written (coded_forms), by sheet title."""
    notes = {} if notes is None else notes
    forms: dict[str, list[tuple[str | None, SheetReader, HeaderMatch]]] = {}
    taken = {id(r): (r, m) for r, m in found if not m.kind.is_child and
             (labels_down_the_side(m.kind, r.top_rows(fill_merged=False), m.row) or _steps_under_forms(r, m))}
    candidates = [(t, why, book.sheet(t)) for t, why in plan.skipped_sheets] + \
        [(r.title, None, r) for r, _m in taken.values()]
    for title, why, sheet in candidates:
        if title in refused or not_a_register(title) is not None or _file_not_a_register(title, path) is not None:
            continue
        read = (read_forms(sheet.all_rows()) if sheet.declared_rows <= MAX_FORMS_ROWS else None) or \
            read_form(sheet.top_rows(fill_merged=False))
        if read is None:
            continue
        kind, rows = read
        reader = SheetReader(book, title, rows, [])
        match = _match_sheet(reader, (kind,), 1)
        if match is None or _no_records(match) is not None:
            continue
        if len(rows) > 2:  # forms one under another on the sheet (form_blocks): a record each, said once
            notes[title] = (f"Read as {len(rows) - 1} forms one under another, each beginning with “{rows[0][0]}”: "
                            f"a record each, its step table's rows joined in its fields.")
            if beside_sections(sheet.all_rows()):  # (section_columns, classes74b)
                notes[title] += (" The section names in the column before their labels are no fields of their own: a "
                                 "section names a value only where the label beside it is blank or names no field "
                                 "the section does.")
        elif (coded := coded_form(match, rows, title)) is not None:
            # its title is its code ("CP-002" under "Title" on sheet "CP-002"): the ID, titled by its defect
            rows, mapping, notes[title] = coded
            reader = SheetReader(book, title, rows, [])
            match = replace(match, mapping=mapping, headers=[str(h) for h in rows[0]])
        forms.setdefault(kind.register, []).append((why, reader, replace(match, sheet_title=title)))
    out = [(r, m) for r, m in found]
    lone = _lone_form(found, forms, path)
    for group in forms.values():
        if len(group) < MIN_FORMS and group is not lone and \
                not any(len(r.top_rows(fill_merged=False)) > 2 for _w, r, _m in group):
            continue  # (a sheet of several forms is several records: no second sheet needed)
        for why, reader, match in group:
            if why is None:
                out = [(r, m) for r, m in out if r.title != reader.title]
            else:
                plan.skipped_sheets.remove((reader.title, why))
            if group is lone and reader.title not in notes:  # one form alone is read only when clearly a record
                notes[reader.title] = (f"One {match.kind.reg.noun.lower()} written as a form, its labels beside "
                                       f"their values (“{match.headers[0]}” …), the workbook's only form: read as "
                                       "one record.")
                if (caption := form_caption(book.sheet(reader.title).top_rows(fill_merged=False))) is not None:
                    # "Ошибка 1" over the values: the form's caption, no field's label, said (classes83)
                    notes[reader.title] += f" Not imported, the caption over its values: “{caption}”."
            out.append((reader, match))
    return out


def _steps_under_forms(reader: SheetReader, match: HeaderMatch) -> bool:
    """Whether the table the reader took is a form's step table ("Номер | Шаги воспроизведения | Фактический
    результат | Ожидаемый результат" over "1)", "2)" …) under label | value rows ("ID: | 001", "Описание: | …",
    "Приоритет: | низкий"), the form and its steps written again lower down for the next bug (classes77): the forms
    are the records (form_sheets.read_forms, their steps joined in their fields), not the steps — 5 steps were read
    as 5 issues titled by what each step showed, the bugs' own IDs, descriptions and priorities lost. Asked only of
    a header naming an actual and an expected result with rows above it."""
    if match.row < 2 or result_columns(match.headers) is None or reader.declared_rows > MAX_FORMS_ROWS:
        return False
    read = read_forms(reader.all_rows())
    return read is not None and len(read[1]) - 1 >= MIN_FORMS and read[0].register == match.kind.register


def _lone_form(found: list[tuple[SheetReader, HeaderMatch]],
               forms: dict[str, list[tuple[str | None, SheetReader, HeaderMatch]]], path: Path
               ) -> list[tuple[str | None, SheetReader, HeaderMatch]] | None:
    """The one form of a file with no second form — and no table, unless the table reader took the form itself —, when
    it is a record (form_sheets.a_lone_record:
    its labels a record's fields, its values values, its sheet or file named for the register or its ID a
    code); None otherwise — a lone sheet of labels and values is more often a cover or a definitions sheet."""
    if len(forms) != 1:
        return None
    (group,) = forms.values()
    if len(group) != 1:
        return None
    if group[0][0] is not None and found:
        return None  # (a sheet skipped as no table, beside a table: a cover or a definitions sheet as often)
    if any(r.title == group[0][1].title and sum(1 for h in m.headers if h) > 2 for r, m in found):
        return None  # (a sheet the table reader took stays its table: its rows may be records after all)
    # — unless that sheet is the form itself read as a table of two columns: its first label | value pair taken for
    # a header ("Bug ID | BUG-001" over "Title | …", a record a label) and clearly a record (a_lone_record;
    # classes90), the file's only sheet or beside other tables (fault74: beside a sheet of bugs, each of its labels
    # was an issue)
    _why, reader, match = group[0]
    rows = reader.top_rows(fill_merged=False)
    title = match.sheet_title or reader.title
    names = [title, re.sub(r"[_\-]+", " ", path.stem)]
    return group if len(rows) >= 2 and a_lone_record(match.kind, rows[:2], names) else None


def title_note(match: HeaderMatch, mapping: dict[int, str]) -> str:
    """What the preview says once of a sheet whose title column was chosen though no header
    names it (``HeaderMatch.titled_by``), while the mapping still takes it; and of each column of users'
    numbers not read as people (``NUMBERS_NO_PERSON``), and of each date column of days no calendar has
    (``impossible_days``), once a column."""
    said = [f"“{match.headers[c]}” kept in the notes: {why}." for c, why in sorted(match.demoted.items())
            if (why == NUMBERS_NO_PERSON or IMPOSSIBLE_DAYS in why) and c not in mapping and c < len(match.headers)]
    # a column refused for the field its header named, beside the title that stands alone (fix54a): the sheet is
    # read by its title, the column's values kept on each record
    said += [f"“{match.headers[c]}” kept in the notes: {match.demoted[c]}; the records are read by their title."
             for c in match.refused if c in match.demoted and c not in mapping and c < len(match.headers)]
    if match.grades_said:
        said.append(match.grades_said)  # letter grades read as the workbook states (stated_grades)
    col = match.titled_by
    title = next((f for f in match.kind.reg.fields if f.required), None)
    if col is None or title is None or mapping.get(col) != title.name or col >= len(match.headers):
        return " ".join(said)
    return " ".join([f"{title.label} from “{match.headers[col]}”: no column is headed {title.label} (or a word for "
                     "it); choose another in the mapping if that is not what names the records.", *said])


def sheet_constants(match: HeaderMatch, mapping: dict[int, str]) -> dict[str, Any]:
    """What the sheet says of all its rows that no column does: a risk sheet named for opportunities
    ("Registro de Oportunidades", "Opportunity Log"), or whose title column is headed so ("Descripción de la
    Oportunidad"), holds opportunities unless a column gives each row's kind."""
    if match.constants:
        return dict(match.constants)
    if match.kind.register != "risks" or "kind" in mapping.values():
        return {}
    kinds = value_words("risks.kind")
    opportunity = {w for w, target in kinds.items() if target == "Opportunity" and len(w) >= 4}
    threat = {w for w, target in kinds.items() if target == "Threat" and len(w) >= 4} | set(register_nouns("risks"))

    def says(words: list[str], nouns: set[str]) -> bool:
        # plurals: "Opportunities" says opportunity, "Risks and Opportunities" both
        words = words + [w[:-3] + "y" if w.endswith("ies") else w[:-1] for w in words if w.endswith("s")]
        return any(w in nouns or any(len(n) >= 5 and w.startswith(n) for n in nouns) for w in words)

    heads = [match.headers[c] for c, n in mapping.items() if n in ("title", "code") and c < len(match.headers)]
    for text in (match.sheet_title or "", *heads):
        words = words_of(text)
        if says(words, opportunity) and not says(words, threat):  # "Risks and Opportunities" holds both
            return {"kind": "Opportunity"}
    return {}


def _headers_overwritten(found: list[tuple[SheetReader, HeaderMatch]]
                         ) -> tuple[list[tuple[SheetReader, HeaderMatch]], dict[str, str]]:
    """A header cell overwritten by a value: a column no field takes whose header is written, word for word,
    in the cells under the table ("5% del presupuesto y tiempo del proyecto." over the response plans, the
    same words down the next column) is headed by no label at all. When another sheet of the workbook read as
    the same register heads the column before the same header ("Estrategia de Respuesta" before "Reserva de
    Contingencia; …" on the opportunities sheet of the same template), that is its header: the column takes
    that sheet's field, and the preview says so (the sentence, by sheet title). Nothing is guessed from the
    cells' words: without such a sheet the column stays in the notes, under the header as written."""
    lent: dict[str, str] = {}
    out: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        sisters = [m for _r, m in found if m is not match and m.kind.register == match.kind.register]
        if not sisters or match.kind.is_child:
            out.append((reader, match))
            continue
        rows = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
        written = {normalise_key(str(x)) for r in rows for x in r if isinstance(x, str) and len(x.split()) >= 3}
        mapping = dict(match.mapping)
        for c, head in enumerate(match.headers):
            key = normalise_key(head) if head else ""
            if c in mapping or not key or key not in written or c + 1 >= len(match.headers) or \
                    not normalise_key(match.headers[c + 1]):
                continue
            for sister in sisters:
                heads = [normalise_key(h) for h in sister.headers]
                at = next((j for j, h in enumerate(heads) if j > 0 and h == normalise_key(match.headers[c + 1])), 0)
                name = sister.mapping.get(at - 1) if at else None
                if name is None or name in mapping.values() or heads[at - 1] in written:
                    continue
                mapping[c] = name
                said = (f"Column {_letter(c)}'s header cell holds a value (“{head}”, written in the rows below), not a "
                        f"label: read as “{sister.headers[at - 1]}”, the header the sheet “{sister.sheet_title}” gives "
                        f"the column before “{match.headers[c + 1]}”.")
                lent[match.sheet_title] = f"{lent[match.sheet_title]} {said}" if match.sheet_title in lent else said
                break
        out.append((reader, match if mapping == match.mapping else replace(match, mapping=mapping)))
    return out, lent


def _headers_a_list_names(book: SafeWorkbook, found: list[tuple[SheetReader, HeaderMatch]],
                          lent: dict[str, str]) -> list[tuple[SheetReader, HeaderMatch]]:
    """A header cell typed over by a sentence ("Перебои в работе сервиса , потери данных", a risk's effect,
    where the workbook's instructions list the column as "Уровень риска"): when another sheet lists the
    register's columns one a line, the header on either side of the cell on consecutive lines, the name
    between them is the column's (its field, if it names one; else the label its cells are kept under in the
    notes) — the preview says so. Round 53's held-out set: a course team's RAG levels were kept in the notes
    under the words of an effect. Only a header cell of three words or more no field takes is looked for, and
    only both neighbours named on a list decide it."""
    out: list[tuple[SheetReader, HeaderMatch]] = []
    lists: list[list[list[Any]]] | None = None
    for reader, match in found:
        heads = match.headers
        typed = [c for c in range(1, len(heads) - 1) if c not in match.mapping and len(heads[c].split()) >= 3
                 and heads[c - 1].strip() and heads[c + 1].strip()]
        if not typed or match.kind.is_child:
            out.append((reader, match))
            continue
        if lists is None:  # the workbook's other sheets, read once (a register's own sheet lists no columns)
            lists = []
            registers = {r.title for r, _m in found}
            for title in book.sheet_names:
                if title in registers:
                    continue
                try:
                    lists.append(book.sheet(title).top_rows(fill_merged=False))
                except WorkbookError:
                    continue
        mapping, headers = dict(match.mapping), list(heads)
        for c in typed:
            name = _listed_between(lists, heads[c - 1], heads[c + 1], heads[c])
            if name is None:
                continue
            named = map_header(match.kind, [name])[0].get(0)
            if named is not None and named not in mapping.values():
                mapping[c] = named
            headers[c] = name
            said = (f"Column {_letter(c)}'s header cell holds “{_one_line_text(heads[c])}”, not a label: read as "
                    f"“{name}”, the name the workbook lists between “{_one_line_text(heads[c - 1])}” and "
                    f"“{_one_line_text(heads[c + 1])}”.")
            lent[match.sheet_title] = f"{lent[match.sheet_title]} {said}" if match.sheet_title in lent else said
        out.append((reader, match if headers == heads else replace(match, mapping=mapping, headers=headers)))
    return out


def _one_line_text(text: str) -> str:
    return " ".join(str(text).split())


def _listed_between(lists: list[list[list[Any]]], before: str, after: str, typed: str) -> str | None:
    """The text on the line between ``before`` and ``after`` written one under the other two lines apart in
    one column of a sheet (a list of the register's columns), when it is not ``typed`` itself."""
    want = (word_key(before), word_key(after))  # (word_key keeps every script's letters; normalise_key ASCII)
    if not all(want):
        return None
    for rows in lists:
        for i in range(len(rows) - 2):
            for c, x in enumerate(rows[i]):
                if not isinstance(x, str) or word_key(x) != want[0]:
                    continue
                below = rows[i + 2][c] if c < len(rows[i + 2]) else None
                name = rows[i + 1][c] if c < len(rows[i + 1]) else None
                if isinstance(below, str) and word_key(below) == want[1] and isinstance(name, str) and \
                        name.strip() and word_key(name) != word_key(typed):
                    return _one_line_text(name)
    return None


def _views_of_employees(found: list[tuple[SheetReader, HeaderMatch]], employees: dict[str, set[str]],
                        plan: ImportPlan) -> list[tuple[SheetReader, HeaderMatch]]:
    """Sheets whose every ID is an employee's of a sheet refused as an employer's staff ("Management" beside
    "Master"): the same people seen another way, skipped with the reason (``employee_sheets.same_people``)."""
    if not employees:
        return found
    kept: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        why = same_people(match, reader.top_rows(fill_merged=False)[match.row:], employees)
        if why is None:
            kept.append((reader, match))
        else:
            plan.skipped_sheets.append((match.sheet_title, why))
    return kept


def _beside_the_register(found: list[tuple[SheetReader, HeaderMatch]],
                         plan: ImportPlan) -> list[tuple[SheetReader, HeaderMatch]]:
    """Sheets read as a register that sit beside that register's own sheet (named as the register, with an
    ID column) but have neither its name nor IDs, or whose rows the register's rows cite (by ID or name): an
    asset inventory or a threat catalogue behind a risk register. They are reference lists the register
    draws on, not more records: skipped, with the reason."""
    homes: dict[str, tuple[str, SheetReader, HeaderMatch]] = {}
    for reader, match in found:
        kind = match.kind
        key = kind.reg.key_field.name if kind.reg.key_field is not None else None
        if not kind.is_child and key in match.mapping.values() and kind.matches_sheet_name(match.sheet_title):
            homes.setdefault(kind.register, (match.sheet_title, reader, match))
    kept: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        kind = match.kind
        home, home_reader, home_match = homes.get(kind.register, (None, None, None))
        key = kind.reg.key_field.name if kind.reg.key_field is not None else None
        if home is not None and home != match.sheet_title and not kind.matches_sheet_name(match.sheet_title):
            if key not in match.mapping.values():
                child = _child_sheet(reader, kind)
                if child is not None:  # "Cód. Risco | Descrição da ação | Responsável": the records' actions
                    kept.append((reader, child))
                    continue
                plan.skipped_sheets.append((match.sheet_title, (
                    f"it has no ID column and sits beside “{home}”, which holds the {kind.reg.title.lower()}: "
                    "taken for a list that register draws on (assets, threats), not for more of its records.")))
                continue
            if home_reader is not None and home_match is not None and _cited_by(home_reader, home_match, reader, match):
                plan.skipped_sheets.append((match.sheet_title, (
                    f"its rows are what the rows of “{home}”, which holds the {kind.reg.title.lower()}, cite (by "
                    "their IDs or names): taken for a list that register draws on (assets, threats), not for more "
                    "of its records.")))
                continue
        kept.append((reader, match))
    return kept


CITED_SHARE = 0.5  # of a sheet's rows (those with an ID) that the register's rows cite: a list it draws on


def _cited_by(home_reader: SheetReader, home: HeaderMatch, reader: SheetReader, match: HeaderMatch) -> bool:
    """Whether most rows of ``match``'s sheet are cited in the cells of the register's own sheet ``home``: by
    their ID as a word of a cell ("• PA1. Sensitive Data • PA2 …" under "Assets") or by their name, a cell
    of its own ("Data-Abuse of Right." under "Threat scenario"). An asset inventory or a threat catalogue
    with IDs of its own, which the register's rows point at; its rows are not more risks."""
    key = match.kind.reg.key_field.name if match.kind.reg.key_field is not None else ""
    code_col = next((c for c, n in match.mapping.items() if n == key), None)
    naming = [c for c, n in match.mapping.items()
              if n in ({"title", "name"} | set(TITLE_FALLBACK.get(match.kind.register, ())))]
    home_rows = home_reader.top_rows(fill_merged=False)[home.row:home.row + 200]
    own_codes = {str(r[c]).strip().lower() for r in home_rows
                 for c, n in home.mapping.items() if n == key and c < len(r) and r[c] not in (None, "")}
    cells = {" ".join(str(v).lower().split()) for r in home_rows for v in r if isinstance(v, str) and v.strip()}
    text = "\n".join(cells)
    rows = [r for r in reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE] if any(
        v not in (None, "") for v in r)]
    if code_col is None:
        return False
    rows = [r for r in rows if code_col < len(r) and CODE_RE.match(str(r[code_col]).strip())]
    if len(rows) < 3:
        return False
    cited = 0
    for r in rows:
        code = str(r[code_col]).strip().lower()
        if code and code in own_codes:
            return False  # the same IDs as the register's own rows: its records, seen again
        names = {" ".join(str(r[c]).lower().split()) for c in naming if c < len(r) and isinstance(r[c], str)}
        if (code and re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w-])", text)) or \
                any(len(n) >= 4 and n in cells for n in names):
            cited += 1
    return cited >= max(3, CITED_SHARE * len(rows))


def _child_sheet(reader: SheetReader, kind: SheetKind) -> HeaderMatch | None:
    """The sheet read as one of the register's child sheets (its actions), when one fits with a column of
    the parent's IDs and the child's own required field (the action)."""
    children = child_kinds(kind.register)
    match = _match_sheet(reader, children, None) if children else None
    return match if match is not None and PARENT in match.mapping.values() and names_its_records(match) else None


def _worked_examples(found: list[tuple[SheetReader, HeaderMatch]],
                     plan: ImportPlan) -> list[tuple[SheetReader, HeaderMatch]]:
    """A template's worked example ("Example risk register") beside a sheet of the same register that is not
    one: the vendor's sample rows, not the office's records. Skipped, with the reason."""
    def example(title: str) -> bool:
        return any(w in example_words() for w in words_of(title))

    real = {m.kind.register for _, m in found if not example(m.sheet_title or "")}
    # a template handed out as a guide and its worked example, with no sheet of records of its own: the
    # example's people and risks are the vendor's sample, however real they look ("Instructions" | "Example")
    guide = not real and any(_guide_sheet(title) for title, _ in plan.skipped_sheets)
    kept: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        if example(match.sheet_title or "") and match.kind.register in real:
            plan.skipped_sheets.append((match.sheet_title, (
                f"a worked example of the template beside the sheet holding the {match.kind.reg.title.lower()}: "
                "its sample rows are not the office's records.")))
            continue
        if example(match.sheet_title or "") and guide:
            plan.skipped_sheets.append((match.sheet_title, (
                "the worked example of a template, beside its instructions: its sample rows are not the "
                "office's records (fill the template, or rename the sheet, to import them).")))
            continue
        kept.append((reader, match))
    return kept


def _column_glossaries(found: list[tuple[SheetReader, HeaderMatch]], plan: ImportPlan,
                       glossaries: list[str] | None = None) -> list[tuple[SheetReader, HeaderMatch]]:
    """A sheet naming its rows by another sheet's headers, one line a column ("Doc Info" beside "Risk Register"):
    that sheet's glossary, skipped with the reason (``column_glossaries``)."""
    kept: list[tuple[SheetReader, HeaderMatch]] = []
    for reader, match in found:
        others = [m for _, m in found if m is not match and not m.kind.is_child]
        sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
        why = describes_columns(match, sample, others) if others and not match.kind.is_child else None
        if why is not None and _a_record_form(reader, match):
            why = None  # a bug form beside the bug list names the list's columns with its own values (fault74)
        if why is None:
            why = defines_terms(match, sample)  # a sheet of definitions, a paragraph a term (classes85)
            if why is not None and glossaries is not None:
                glossaries.append(match.sheet_title)
        if why is not None:
            plan.skipped_sheets.append((match.sheet_title, why))
            continue
        kept.append((reader, match))
    return kept


def _a_record_form(reader: SheetReader, match: HeaderMatch) -> bool:
    """Whether a sheet the table reader took is one record's form — labels going on down its side, each beside
    a value of a few words, not a definition (form_sheets.a_lone_record) —, though its labels are another sheet's
    headers: a glossary of those columns says what each means, a form gives each its value."""
    top = reader.top_rows(fill_merged=False)
    if not labels_down_the_side(match.kind, top, match.row):
        return False
    read = read_form([list(r) for r in top])
    return read is not None and read[0].register == match.kind.register and \
        a_lone_record(read[0], read[1][:2], [match.sheet_title or reader.title])


def _guide_sheet(title: str) -> bool:
    """A sheet telling how to fill the workbook ("Instructions", "How to use", "Guidance", "README")."""
    key = "".join(words_of(title))
    return not_a_register(title) is not None and \
        any(w in key for w in ("instruction", "guidance", "guideline", "howtouse", "readme", "howto"))


def _split_raid(found: list[tuple[SheetReader, HeaderMatch]]) -> list[tuple[SheetReader, HeaderMatch, Any]]:
    """A RAID log on one sheet, with a Type column: each row goes to the register its type names (risks,
    issues, assumptions, dependencies, decisions), the same header read for each."""
    out: list[tuple[SheetReader, HeaderMatch, Any]] = []
    for reader, match in found:
        # a table of two kinds of row linked by their IDs (linked_kinds): the rows that only point at the
        # records are left out, each saying why
        another_kind = rows_of_another_kind(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
        if match.kind.register not in RAID_REGISTERS:
            out.append((reader, match, another_kind))
            continue
        rows = reader.top_rows()
        col = raid_type_column(match.headers, rows[match.row:match.row + 20])
        # Redmine's "Tracker" naming bugs beside other requests: only its issue rows are the issue log's
        named = named_tracker_column(match.headers, rows[match.row:match.row + SAMPLE]) \
            if col is None and match.kind.register == "issues" else None
        if named is not None and not _names_an_issue(reader, match.row + 1, named):
            named = None  # no bug or issue request anywhere under it: the tracker's rows are the user's issues
        col = named if named is not None else col
        if col is None:
            out.append((reader, match, another_kind))
            continue
        header, group = rows[match.row - 1], rows[match.row - 2] if match.row >= 2 else None
        stored = reader.top_rows(fill_merged=False)
        # an issue tracker's type column (bugs beside features and tasks): a row of no type is one of its
        # issues, and a register none of its rows goes to is not planned at all (a RAID log's are, as before)
        kinds = {raid_kind(r[col]) for r in stored[match.row:] if col < len(r)}
        tracker = tracker_column(kinds)
        if kinds - {None} == {BACKLOG} and titled_by_its_noun(match) or \
                match.kind.register == "issues" and kinds - {None} <= {"issues", BACKLOG} and \
                a_testers_header(match.headers):
            # feature requests alone on a sheet whose "Issue Summary" calls them issues: the user's issue list;
            # a tester's bug report (actual and expected results): an "improvement" it types is a finding too
            out.append((reader, match, None))
            continue
        untyped = "issues" if tracker else "risks"
        if named is not None:
            tracker, untyped = True, "other"  # a row of no issue kind is one of the tracker's other requests
        risk_reading = match.mapping if match.kind.register == "risks" else \
            map_header(kind_for("risks"), header, group)[0]
        for register in RAID_REGISTERS:
            kind = kind_for(register)
            # each register's columns are judged on its own rows: a risk's "Probability" is not refused
            # for the "N/A" of the issue rows beside it
            own_rows = raid_rows(col, register, stored[match.row:], untyped)
            if named is not None and register == "issues" and not own_rows:
                own_rows = stored[match.row:]  # its bugs lie further down: the columns judged on the rows above
            if tracker and not own_rows and register != untyped:
                continue
            sample = own_rows[:SAMPLE]
            if kind == match.kind:  # the header as detected (two rows, tick-box levels), re-judged
                mapping, dups = dict(match.mapping), dict(match.duplicates)
                mapping.update({c: n for c, n in map_header(kind, header, group)[0].items()
                                if c in match.demoted and n not in mapping.values()})
            else:
                mapping, dups = map_header(kind, header, group)
            if named is None:  # a RAID log's columns read as a risk's; a tracker's are its issues' alone
                mapping = _named_as_a_risk(register, mapping, risk_reading)
            fields = set(mapping.values())
            mapping, demoted = check_values(kind, mapping, sample, header)
            mapping = refill(kind, header, group, mapping, demoted, sample, fields - set(mapping.values()))
            if named is None:
                mapping = _shared_by_types(register, mapping, risk_reading)
            m = HeaderMatch(kind, match.row, mapping, match.headers, match.score if kind == match.kind else 0.0,
                            dups, demoted, match.sheet_title)
            m.mapping = {c: n for c, n in m.mapping.items() if c != col}
            if not any(n for n in m.mapping.values() if n not in PSEUDO):
                continue
            named_by = next((f.name for f in kind.reg.fields if f.required), None)  # the title
            titled = next((c for c, n in m.mapping.items() if n == named_by), None) if tracker else None
            row_filter = raid_filter(col, register, untyped, match.headers[col] if col < len(match.headers) else "",
                                     titled, match.headers,
                                     next((c for c, n in m.mapping.items() if n == "code"), None))
            row_filter.column = col  # type: ignore[attr-defined]
            out.append((reader, m, row_filter))
    return out


def _sorting_column_said(header: Any, kind: SheetKind) -> str:
    """Why a RAID log's or tracker's type column is not imported: it decides which rows are this register's
    (the rows of other kinds said as left out or sent to their register), so each record's value is the register
    itself — a row kept though typed otherwise (a defect report typed "Task") is named in the sheet's note."""
    return (f"“{str(header).strip()}” gives each row's kind: the rows of the {kind.reg.title.lower()} are "
            "imported here, the others said; the column itself is not kept.")


def _defect_tasks_said(sheet_plan: SheetPlan, row_filter: Any) -> None:
    """The sheet note of a tracker's rows typed as planned work kept as issues, their defect report's fields
    filled (``raid_filter``'s ``kept_as_defects``, ``defect_tasks``; left62)."""
    kept = getattr(row_filter, "kept_as_defects", None)
    if not kept:
        return
    kinds = sorted({k for k, _, _ in kept})
    labels = sorted({label for _, label, _ in kept})
    ids = [i for _, _, i in kept if i]
    n = len(kept)
    named = f" ({', '.join(ids[:10])}{' …' if len(ids) > 10 else ''})" if ids else ""
    sheet_plan.say(f"{n} row{'s' if n != 1 else ''}{named} typed {' / '.join(f'“{k}”' for k in kinds)} kept as "
                   f"issue{'s' if n != 1 else ''}, not left out as planned work: "
                   f"{'each writes' if n != 1 else 'it writes'} a defect report "
                   f"({', '.join(f'“{x}”' for x in labels[:3])}).")


def _names_an_issue(reader: SheetReader, first_row: int, col: int) -> bool:
    """Some row of the sheet, however far down, has a tracker naming an issue ("Bug", "Issue request")."""
    try:
        return any(raid_kind(values[col]) == "issues" for _, values in reader.data_rows(first_row, col + 1))
    except WorkbookError:
        return False


# The fields every RAID type keeps under the same name, by the name a risk gives them, and the register's
# own (a decision's owner is who decides it).
_SHARED_FIELDS = {"code": "code", "title": "title", "owner": "owner", "status": "status", "raised_on": "raised_on"}
_SHARED_OWN = {"decisions": {"owner": "decided_by"}}


def _named_as_a_risk(register: str, mapping: dict[int, str], risk_reading: dict[int, str]) -> dict[int, str]:
    """A one-sheet RAID log's ID, description, owner, status and date raised, read by the words a risk
    register has ("Beschreibung", "Verantwortlich", "Estado", in every language of the files) where the
    type's own words leave them unread: each row is one log's, whatever its type, so the column names the
    same thing for an assumption, a dependency or a decision as for a risk. Their values are judged on the
    type's own rows after (an assumption's "Offen" is open, a status no rule reads stays in the notes)."""
    if register == "risks":
        return mapping
    fields = REGISTERS[register].field_names
    out = dict(mapping)
    for c, name in sorted(risk_reading.items()):
        own = _SHARED_OWN.get(register, {}).get(name, _SHARED_FIELDS.get(name))
        if own is not None and own in fields and c not in out and own not in out.values():
            out[c] = own
    return out


# A RAID log's columns shared by every type ("Mitigation", "Target Date"), as a risk reads them, and the field
# each other register has for the same thing: an issue's mitigation is its action, the target date that
# action's due date; an assumption's target date is when to validate it, a dependency's when it is needed, a
# decision's when it is due.
_PLAN_OF_TYPE = {"issues": RESPONSE_PLAN}
_DATE_OF_TYPE = {"issues": ACTION_DUE, "assumptions": "validate_by", "dependencies": "needed_by", "decisions": "due"}


def _shared_by_types(register: str, mapping: dict[int, str], risk_reading: dict[int, str]) -> dict[int, str]:
    """A one-sheet RAID log's columns that the register's own words leave unread but a risk reads as its
    response plan or target date, placed as the register would place them were the sheet its own (so an
    issue's "Mitigation" and "TargetDate" are an issue action due that day, not lines of its description)."""
    if register == "risks":
        return mapping
    out = dict(mapping)
    plan, day = _PLAN_OF_TYPE.get(register), _DATE_OF_TYPE.get(register)
    if plan is not None:
        out.update({c: plan for c, name in risk_reading.items() if name == RESPONSE_PLAN and c not in out})
    # a date with no plan to be the due date of stays in the notes, as the register's own sheet keeps it
    if day is not None and day not in out.values() and (day != ACTION_DUE or RESPONSE_PLAN in out.values()):
        dates = [c for c, name in sorted(risk_reading.items()) if name in ("proximity", ACTION_DUE) and c not in out]
        if dates:
            out[dates[0]] = day
    return out


# Headers that name the rows of any table, not a register's ("S.No | Description" of a budget plan)
_GENERIC_TITLES = frozenset({"description", "descriptions", "title", "details", "detail", "item", "items",
                             "beschreibung", "descripcion", "descricao", "omschrijving", "titel", "titre",
                             "titolo", "descrizione", "aciklama", "описание", "uraian"})


def _generic_title(match: HeaderMatch, title: str) -> bool:
    """The column naming the rows is headed by a word any table uses ("Description", "Title")."""
    return any(word_key(match.headers[c]) in _GENERIC_TITLES for c, n in match.mapping.items()
               if n == title and c < len(match.headers))


# The name a spreadsheet program gives a new sheet ("Sheet1", "Tabelle1", "Hoja1"): it says nothing of the rows
_DEFAULT_SHEET_RE = re.compile(r"(sheet|tabelle|hoja|feuil|feuille|blad|planilha|plan|foglio|arkusz|лист|sayfa|ark)"
                               r"\s*\d*", re.I)


# A sheet named by a date ("2014-05-10", "10.05.2014"): the day a log was written or sent, which says no more of
# what the sheet holds than "Sheet1" does — the workbook's name ("Issues.xlsx") says it for both
_DATED_SHEET_RE = re.compile(r"\d{4}[-./_]\d{1,2}[-./_]\d{1,2}|\d{1,2}[-./_]\d{1,2}[-./_](\d{4}|\d{2})")


def _default_sheet_name(title: str) -> bool:
    return _DEFAULT_SHEET_RE.fullmatch(title.strip()) is not None or _DATED_SHEET_RE.fullmatch(title.strip()) is not None


def _register_named_by(match: HeaderMatch, title: str, path: Path) -> str:
    """The name that names the matched register: the sheet's own, or its file's for a sheet left with its default
    name ("Sheet1", a CSV's) whose file's first or last words name it ("change_log_eagle"); "" when neither does."""
    if match.kind.matches_sheet_name(match.sheet_title or title):
        return match.sheet_title or title
    if _named_by_its_file(title, path) and (named_by_its_last_words(match.kind, path.stem) or
                                            named_by_its_first_words(match.kind, path.stem)):
        return path.stem
    return ""


def _named_by_its_file(title: str, path: Path) -> bool:
    """Whether the file's name is what names the sheet: a sheet left with its default name ("Sheet1", "Planilha1")
    says nothing itself, and a CSV's one sheet has no name but its file's. Either is read under the file's name
    as a whole ("Planilha de Riscos": its last word names the risks), the same rows in either format: as a CSV the
    name was read only as a sheet's own name, which must be the register's alone, and a risk table over its
    contingencies was read as issues of the contingencies alone (round 47's Analytical-Solutions-Tech)."""
    return _default_sheet_name(title) or title == path.stem


def _file_not_a_register(title: str, path: Path) -> str | None:
    """Why a sheet left with its default name ("Sheet1") holds no records, by the workbook's name: a
    "Lessons Learned.xlsx" or "Glossary_v2.xlsx" names what its only sheet is, as a sheet's own name would."""
    if not _default_sheet_name(title):
        return None
    name = re.sub(r"[\s_\-]*v?\d+(?:[._]\d+)*$", "", re.sub(r"[_\-]+", " ", path.stem)).strip()
    if name and word_key(name) in sheet_words("not_records"):
        return f"the workbook's name “{path.stem}” says its sheet holds no register's records."
    return None


# The last word of the two columns by which a table keys and names its rows ("Control ID", "Control Name")
_ROW_KEYS = frozenset({"id", "ref", "no", "number", "code", "nr", "nummer", "numero"})
_ROW_NAMES = frozenset({"name", "title", "nombre", "nom", "nome", "titel", "navn", "naam", "titulo", "titre"})


def _named_by_a_list_word(match: HeaderMatch) -> bool:
    """The column naming the rows is headed by a word any list uses for what it names ("Name", "Title",
    "Description"), not by the register's own noun: the catalogue test (numbered_catalogues) asks this."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    return any(word_key(match.headers[c]) in _GENERIC_TITLES | _ROW_NAMES for c, n in match.mapping.items()
               if n == title and c < len(match.headers))


def _other_records(match: HeaderMatch) -> tuple[str, str] | None:
    """Two columns the register did not take, an ID and a name of the same thing that is not the register's
    records ("Control ID" and "Control Name" of a controls library read as decisions through its Owner,
    Status and Description): the rows are those things, when the register's title is a word any table uses
    and fewer than two fields only the register has are found. Returns the two headers, or None."""
    nouns = register_nouns(match.kind.register) | {word_key(match.kind.reg.noun)}
    keys: dict[str, str] = {}
    names: dict[str, str] = {}
    for c, header in enumerate(match.headers):
        if c in match.mapping or not isinstance(header, str):
            continue
        words = words_of(header)
        if len(words) == 2 and not any(n in words[0] for n in nouns):
            if words[1] in _ROW_KEYS:
                keys.setdefault(words[0], header.strip())
            elif words[1] in _ROW_NAMES:
                names.setdefault(words[0], header.strip())
    thing = next((w for w in keys if w in names), None)
    return (keys[thing], names[thing]) if thing is not None else None


# What a benefits register says of a benefit beyond its name, owner and how often it is looked at: what is
# measured and how, its baseline and target, who benefits, what it serves, its kind, stage and confidence.
_BENEFIT_SUBSTANCE = frozenset({"category", "beneficiary", "objectives", "projects", "outcomes", "measure", "unit",
                                "measurement_method", "baseline_value", "baseline_date", "target_value",
                                "target_date", "window_start", "window_end", "lifecycle", "confidence",
                                "dis_benefit"})


def _perks_not_benefits(match: HeaderMatch) -> str | None:
    """Why a sheet read as benefits is another thing's perks, not the benefits register: its rows are listed
    under something else keyed by an ID and a name of its own (a credit card's "card_id" and "card_name", a
    product's), and no column says what a benefits register is about — what is measured, its baseline or
    target, who benefits, what it serves (round 47: a perks tracker saved as "benefits.csv" — benefit_id,
    card_name, face_value, used_amount, expiration_date — read as 77 benefits). Its name counts for nothing
    here: the file is named for the perks it lists. A real register with a measure or a target keeps them all."""
    kind = match.kind
    if kind.register != "benefits" or kind.is_child or real_fields(match.mapping) & _BENEFIT_SUBSTANCE:
        return None
    other = _other_records(match)
    if other is None:
        return None
    return (f"its rows are listed under “{other[0]}” and “{other[1]}”, another thing's ID and name, and no column "
            "says what is measured, its baseline or target, or who benefits: that thing's perks, not the "
            f"{kind.reg.title.lower()}.")


def _named_for_another(match: HeaderMatch, sheet_title: str, book: str) -> str | None:
    """Why a dated list of texts (a title, a description, dates, nothing else a register keeps) under a name
    saying another register is neither's: "Date | Summary | Description" of "Change Log.xlsx" (a decision
    log's name) is a diary of changes made, with no decision, status or owner; its summaries are no issues.
    Only the workbook's name counts, for a sheet whose own name names no register ("Sheet1"): a sheet named as
    another register (a template's "Risk Register" tab holding its communications) is judged by its columns."""
    kind = match.kind
    if kind.is_child or any(k.matches_sheet_name(sheet_title) for k in ALL_KINDS):
        return None
    says = re.sub(r"[_\-]+", " ", book).strip()
    if kind.matches_sheet_name(says):
        return None
    other = next((k for k in ALL_KINDS if not k.is_child and k.register != kind.register
                  and k.matches_sheet_name(says)), None)
    if other is None:
        return None
    for name in real_fields(match.mapping):
        f = kind.reg.field(name)
        if not (f.kind.is_key or f.required or f.kind in (Kind.DATE, Kind.LONGTEXT)):
            return None
    return (f"its name says {other.reg.title.lower()} (“{says}”), but its columns give only dates and texts (no "
            f"{other.reg.noun}'s status, owner or other field): a dated log of changes made, not a register the "
            f"office keeps, and no {kind.reg.title.lower()} records either.")


# an amount of money: a currency sign or code beside a number, perhaps shortened ("300,000 CHF", "$ 25k", "€1.2M")
_CURRENCY = r"(?:[$€£¥₹₽]|chf|usd|eur|gbp|jpy|cad|aud|inr|sek|nok|dkk|pln|rub|uah|mxn|brl|cop|ars|clp|pen)"
_AMOUNT_RE = re.compile(rf"^\s*(?:{_CURRENCY}\s*)?-?\d[\d.,' ]*\s*(?:k|m|mn|bn|mio|million|millions)?\.?\s*"
                        rf"(?:{_CURRENCY})?\s*$", re.I)
_SIGN_RE = re.compile(_CURRENCY, re.I)


def _amounts_said(sheet_plan: SheetPlan, reg: Register, mapping: dict[int, str], extras: dict[int, str]) -> None:
    """Say once of a risk sheet that a column of amounts of money ("Cost impact": 300,000 CHF, $ 25k, €1.2M)
    rated no impact: the amounts are kept in each record's notes and the impact left empty. An amount is no
    level of the office's impact scale (which rates against the programme, not against the sheet's other
    amounts: ranking them by their own spread would make 28,000 CHF very low in one workbook and very high in
    another), so the user rates them, in the preview's mapping or with ``--values``."""
    if "impact" not in reg.field_names or "impact" in mapping.values():
        return
    notes = EXTRA_FIELD.get(reg.name)
    for header in extras.values():
        lead = f"{header}: "
        values = [line[len(lead):] for row in sheet_plan.rows if isinstance(text := row.values.get(notes or ""), str)
                  for line in text.split("\n") if line.startswith(lead)]
        money = [x for x in values if _AMOUNT_RE.match(x) and _SIGN_RE.search(x)]
        if len(money) >= 2 and len(money) * 4 >= len(values) * 3:
            sheet_plan.say(f"“{header}” holds amounts of money ({', '.join(list(dict.fromkeys(money))[:2])} …): kept in each "
                           f"record's notes, the impact left empty — an amount is no level of the office's impact "
                           "scale until the office says what amount is high: map the column to Impact in the preview and rate its "
                           "amounts there (or with --values).")
            return


def _met_said(sheet_plan: SheetPlan, reg: Register, mapping: dict[int, str], extras: dict[int, str]) -> None:
    """Say once of a milestone sheet whose own status says some milestones are met ("Done", "Completed",
    "Erledigt") but that gives no date they were met: the word is kept in each one's notes, and the office shows
    a milestone Done once it has an actual date (it does not make one up from the due date)."""
    if reg.name != "milestones" or "actual" in mapping.values():
        return
    met_words = {k for k, v in value_words("issues.status").items() if v == "Resolved"} - {"y", "yes"}
    for header in extras.values():
        lead = f"{header}: "
        met = sum(1 for row in sheet_plan.rows if isinstance(text := row.values.get("notes"), str)
                  for line in text.split("\n") if line.startswith(lead) and word_key(line[len(lead):]) in met_words)
        if met:
            sheet_plan.say(f"“{header}” says {met} milestone{'s are' if met > 1 else ' is'} met but the sheet gives "
                           "no date met: the word is kept in the notes; give each its Actual date for the office to "
                           "show it Done.")
            return


def _fibonacci_of(book: SafeWorkbook) -> tuple[float, ...] | None:
    """The Fibonacci sequence a workbook says it rates on: a cell naming it ("Valid Modified Fibonacci values")
    with five numbers or more rising under it, that list; a cell naming it alone, the modified sequence of agile
    estimates (1, 2, 3, 5, 8, 13, 20, 40, 100); None when no cell of the sheets' first rows names it."""
    named = False
    for title in [*book.sheet_names, *book.hidden_sheet_names]:
        rows = book.sheet(title).top_rows(fill_merged=False)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if not (isinstance(cell, str) and "fibonacci" in cell.lower()):
                    continue
                named = True
                below: list[float] = []
                for under in rows[r + 1:]:
                    x = under[c] if c < len(under) else None
                    if not isinstance(x, (int, float)) or isinstance(x, bool) or (below and x <= below[-1]):
                        break
                    below.append(float(x))
                if len(below) >= 5:
                    return tuple(below)
    return MODIFIED_FIBONACCI if named else None


def _without_measures_sheets(found: list[tuple[SheetReader, HeaderMatch]],
                             plan: ImportPlan) -> list[tuple[SheetReader, HeaderMatch]]:
    """The sheets found, less those named as lists of measures still read as risks once the ones keyed by
    the risks' IDs became their actions (``children_by_their_ids``)."""
    kept = []
    for reader, match in found:
        why = _measures_sheet(match, reader.title)
        if why is not None and not any(x is not None and str(x).strip() for r in reader.top_rows()[match.row:]
                                       for x in r):
            # a header and no rows (a template's sheet left for later): there is nothing to tie to the risks
            why = (f"“{reader.title.strip()}” names a list of measures (what will be done about the risks) and "
                   "holds only its header row: no measures to import yet.")
        if why is None:
            kept.append((reader, match))
        else:
            plan.skipped_sheets.append((reader.title, why))
    return kept


def _measures_sheet(match: HeaderMatch, sheet_title: str) -> str | None:
    """Why a sheet named as a list of measures ("Medidas_Mitigacion_Contingencia", "Countermeasures") read as
    risks holds none: its rows are what will be done (a risk list's mitigations, numbered on their own), and
    with no column giving a risk's ID they cannot be tied to one. A sheet whose name says the risks is a register."""
    if match.kind.register != "risks":
        return None
    words = {word_key(w) for w in re.split(r"[\W_]+", sheet_title) if w}
    if words.isdisjoint(sheet_words("measures")) or not words.isdisjoint(register_nouns("risks")):
        return None
    return (f"“{sheet_title.strip()}” names a list of measures (what will be done about the risks), not a risk "
            "register, and its rows are not tied to the risks by their IDs: give each measure its risk's ID "
            "(a “Risk ID” column) to import them as the risks' actions.")


def _refused_for_its_name(plan: ImportPlan, path: Path) -> None:
    """Raise, saying why, when the one sheet the workbook has is a table its name says is something else
    (``_named_for_another``: a change log's dated entries; ``_machine_log``: a machine's log of a few values;
    ``_data_written_out``: a program's data structures written out as the rows' names;
    ``verdicts_not_decisions``: a program's verdicts or a script's choices in a file named as the decision log;
    ``rulings_not_decisions``: a body's published rulings; ``cases_not_decisions``: a court's cases;
    ``tool_catalogue``: a tool's catalogue of risk kinds; ``chart_data``: a chart's data series (marker shapes and
    colours); ``measurements_not_records``: a data set of measured things named by its IDs and a column of
    names; ``numbered_catalogue``: a course catalogue's numbered,
    named courses; ``item_catalogue``: a court's case index, an app's picker, a help desk's catalogue of problem
    kinds; a backlog named "issues"; ``_enquiries``: people who wrote in through a form; ``questionnaire``: a
    survey's or a quiz's questions (classes61a); a table of statistics
    over measurements, ``header_detection._statistics_columns``; a sheet of kinds under a "<noun> type",
    ``kind_titles``): the generic "no header row"
    would be wrong."""
    said = [(t, r) for t, r in plan.skipped_sheets
            if r.startswith(("its name says", "a machine's log", "a program's data written out",
                             "its rows are software vulnerabilities", "its rows are a program's verdicts", "its rows are a body's published rulings",
                             "its rows are a court's cases",
                             "its rows are a published index or a catalogue of kinds",
                             "a tool's catalogue", "a chart's data", "a data set of measured things", "a catalogue of numbered, named things",
                             "its rows are a tracker's planned work", "its rows are listed under",
                             "its rows are people who wrote in", "its rows are a diary's entries",
                             "its columns are a program's fields", "its rows are named by dates",
                             "its rows are a program's log", TIMESHEET_REASON, MAP_FEATURES_REASON, QUESTION_PLAN_REASON, "a table of statistics", "its rows are kinds of",
                             "a questionnaire"))
            or "though its name says" in r]
    if len(said) == 1 and len(plan.skipped_sheets) == 1:
        title, why = said[0]
        raise WorkbookError(f"“{path.name}” holds no register's records (sheet “{title}”: {why[:-1]}).")


def _diary_of_changes(match: HeaderMatch) -> str | None:
    """Why a decision log read from a column of changes and their dates alone is none: "Change | Date" (a
    team's diary of the work each did, set side by side person by person) says what was done, not what was
    decided — no other column at all (no decision's status, owner, outcome, rationale or ID beside it), and the
    column naming the rows does not say a decision. A change request log names its requests ("Change Request No.") or says who asked,
    who approved and what came of it, and stays the decision log."""
    kind = match.kind
    if kind.register != "decisions" or kind.is_child:
        return None
    title = next((f.name for f in kind.reg.fields if f.required), None)
    naming = next((c for c, n in match.mapping.items() if n == title), None)
    if naming is None or naming >= len(match.headers):
        return None
    header = str(match.headers[naming] or "").strip()
    nouns = register_nouns(kind.register) | {word_key(kind.reg.noun)}
    if not header or any(n in word_key(header) for n in nouns if n and n != "raid"):
        return None
    if any(n != title and kind.reg.field(n).kind is not Kind.DATE for n in real_fields(match.mapping)):
        return None
    # nothing else beside them: each column of the header is the change or a date, however often repeated (a
    # log of decisions taken says the problem, the outcome, the implementation in columns of its own)
    taken = {**match.duplicates, **match.mapping}
    if any(str(h or "").strip() and (c not in taken or (taken[c] != title and taken[c] in kind.reg.field_names
                                                       and kind.reg.field(taken[c]).kind is not Kind.DATE))
           for c, h in enumerate(match.headers)):
        return None
    return (f"its rows are named by “{header}” with only dates beside them (no decision's status, owner, "
            "outcome or ID): a dated log of changes made, not a register the office keeps.")


def _read_as_another(reader: SheetReader, match: HeaderMatch) -> HeaderMatch:
    """A sheet read best as stakeholders named by a stand-in repeating a few values (a grouping, refused below)
    read as the register coming next, when that one names its rows: a review's comments ("No. | Category | Due
    date | Comment | Answer") in a workbook named "Issues.xlsx" are its issues, not stakeholders named by their
    category. Only on the way to that refusal: the sheet is matched once more, no row read again."""
    if match.kind.register != "stakeholders" or \
            _grouped_not_named(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]) is None:
        return match
    tried = {match.kind}
    while True:  # the next best reading that names its rows (a risk reading of "Comment" as notes names none)
        other = _match_sheet(reader, tuple(k for k in ALL_KINDS if k not in tried and not k.is_child), None)
        if other is None or other.row != match.row:
            return match
        naming = {f.name for f in other.kind.reg.fields if f.required} | set(TITLE_FALLBACK.get(other.kind.register, ()))
        if naming & set(other.mapping.values()):
            return other
        tried.add(other.kind)


def _typed_as_issues(reader: SheetReader, match: HeaderMatch) -> tuple[HeaderMatch, str] | None:
    """The issue log's reading of a sheet read as another register whose type column names issues (typed_issues),
    with its sheet note, when that reading names the rows on the same header row; None otherwise."""
    col = issue_type_column(match, reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE])
    if col is None:
        return None
    issues = _match_sheet(reader, (kind_for("issues"),), match.row)  # the same header, read for issues
    if issues is None:
        return None
    # the columns the risk's words read (an ID, a description naming the rows) name the same for an issue, as on
    # a one-sheet RAID log; their values judged again for the issue
    sample = reader.top_rows(fill_merged=False)[match.row:match.row + SAMPLE]
    mapping = _named_as_a_risk("issues", issues.mapping, match.mapping)
    issues.mapping, demoted = check_values(issues.kind, mapping, sample, reader.top_rows()[match.row - 1])
    issues.demoted.update(demoted)
    if not {"title", *TITLE_FALLBACK.get("issues", ())} & set(issues.mapping.values()):
        return None
    issues.sheet_title = match.sheet_title
    return issues, typed_note(match, col, match.kind.reg.title.lower())


def _grouped_not_named(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a stakeholder list named by a stand-in for the names (the group, the role: no column of names
    was found) is none, when that column repeats a few values down the rows: "Категория цели" (a goal's
    category) over 438 staff goals gave 438 stakeholders named "Управленческая". A register of groups names
    each group once; a column repeating its values groups rows, it does not name them."""
    kind = match.kind
    if kind.register != "stakeholders" or kind.is_child:
        return None
    title = next((f.name for f in kind.reg.fields if f.required), None)
    if title is None or title in match.mapping.values():
        return None
    stand_ins = sorted(c for c, n in match.mapping.items() if n in TITLE_FALLBACK.get(kind.register, ()))
    if not stand_ins:
        return None
    for c in stand_ins:
        values = [str(r[c]).strip().casefold() for r in rows
                  if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if len(values) < 4 or len(set(values)) * 2 > len(values):
            return None
    c = stand_ins[0]
    values = [str(r[c]).strip().casefold() for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]
    return (f"no column names the stakeholders: “{match.headers[c]}”, standing in for their names, repeats "
            f"{len(set(values))} values over {len(values)} rows — a grouping of the rows, not their names.")


def _user_accounts(match: HeaderMatch) -> str | None:
    """Why a table of a system's logins (a database's "user_info": "id | name | password | role | username")
    is no register of people the office deals with: a column holds their passwords (or their hashes). Decided
    once per sheet, from its header."""
    words = foreign_words("accounts", "columns")
    said = next((h for h in match.headers if h and word_key(h) in words), None)
    if said is None:
        return None
    return f"a system's user accounts (“{said.strip()}”: logins and their passwords), not a register."


# What a list of people who wrote in places, and no more: a name and a way to reach them
_ENQUIRER_FIELDS = frozenset({"code", "name", "contact"})


def _enquiries(match: HeaderMatch) -> str | None:
    """Why a list of people who wrote in through a form (a property site's enquiries saved as "interesados.csv":
    "fecha | nombre | telefono | email | propiedad | mensaje | estado", round 49) is no stakeholder register,
    its file's name notwithstanding: a column holds the message each one sent, and of a stakeholder the table
    keeps nothing but a name and a way to reach them — no role, organisation, interest, influence or stance
    (a register with a "Key message" for each stakeholder names the column otherwise, and keeps those).
    Decided once per sheet, from its header."""
    if match.kind.register != "stakeholders" or not set(match.mapping.values()) <= _ENQUIRER_FIELDS or \
            "contact" not in match.mapping.values():
        return None
    words = foreign_words("enquiries", "columns")
    said = match.unmapped_header_in(words)
    if said is None:
        return None
    return (f"its rows are people who wrote in through a form (“{said.strip()}”: the message each one sent), with "
            "nothing an office keeps on a stakeholder: not a register.")


def _first_naming_column(match: HeaderMatch) -> int | None:
    """The first column naming a record of a main register's table (its title, or a column that stands for it),
    or None for a child register's table or one with no such column."""
    kind = match.kind
    if kind.is_child:
        return None
    title = next((f.name for f in kind.reg.fields if f.required), None)
    return next((c for c, n in match.mapping.items() if n == title or n in TITLE_FALLBACK.get(kind.register, ())),
                None)


# A program's data structure written into a cell as text: a mapping of named values ("{'position_size': 0.31,
# 'leverage': 0.1}", '{"a": 1}'), what Python's str() and JSON write for a dict
_WRITTEN_OUT_RE = re.compile(r"\{\s*['\"]?[^\W\d][\w .-]*['\"]?\s*:.*\}", re.DOTALL)


def _data_written_out(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a table whose column naming the rows holds, on every row, a program's data structure written out
    ("{'position_size': 0.31, 'leverage': 0.1, …}" under "risk_factors" of a trading bot's positions) is no
    register: a record is named in words, and a mapping of keys to numbers names nothing. Before (round 56),
    each row became a risk titled by the dict and an action from the dict beside it: 24 records of junk."""
    c = _first_naming_column(match)
    if c is None:
        return None
    values = [str(r[c]).strip() for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]
    if len(values) < 2 or not all(_WRITTEN_OUT_RE.fullmatch(v) for v in values):
        return None
    shown = values[0] if len(values[0]) <= 40 else values[0][:40] + " …"
    return (f"a program's data written out, not a register: every “{match.headers[c]}” is a data structure of "
            f"named values (“{shown}”), no record's name.")


def _machine_log(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a table a machine wrote row by row (a car's per-frame "frame | decision | object | distance | reason":
    "STEER LEFT", "BRAKE", "Object in center path" again and again beside counters and readings) is no register,
    whatever its name says: the column naming the rows repeats a few values, no column holds free text (every
    word column repeats its few values too), at least one column is numbers on every row, and no person is named.
    A register's rows are each named for themselves; a log of the same few values is a machine's output.

    Not an issue list naming no issue, titled by each issue's kind (``issues_judged_by_kind``), that places the
    log's own judgement of every issue, its priority (or severity) and its status: "Issue_ID |
    Project_ID | Issue_Category | Severity | Days_Open | Status" (round 59's held-out mehuli12, 150 issues refused)
    is what a PMO tool exports of its issues, the days open an issue's age, not a reading (classes61a: decided as
    classes53a decided J3rrrrYT's, the issues come in titled by their kind, said once). A machine's log without
    both (a monitor's alerts with a severity and no status, a car's decisions) stays refused."""
    named = _first_naming_column(match)
    if named is None:
        return None
    if issues_judged_by_kind(match, rows):
        return None
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < 12:
        return None
    names = [str(r[named]).strip() for r in filled if named < len(r) and r[named] is not None and str(r[named]).strip()]
    if len(names) * 2 < len(filled):
        return None  # rows mostly unnamed: a template's unfilled rows (a rank and a score of 0), no machine's log
    width = max(len(match.headers), max(len(r) for r in filled))
    numbers = 0
    for c in range(width):
        values = [r[c] for r in filled if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if not values:
            continue
        if all(a_number(x) for x in values):
            numbers += len(values) == len(filled)
            continue
        texts = [str(x).strip().casefold() for x in values]
        if len(set(texts)) * 3 > len(texts):
            return None  # free text (or names, or IDs): each row says something of its own
        name = match.mapping.get(c)
        if name in match.kind.reg.field_names and match.kind.reg.field(name).kind.is_reference:
            return None  # a person or another record named
    if not numbers:
        return None
    said = ", ".join(f"“{v}”" for v in list(dict.fromkeys(names))[:3])
    return (f"a machine's log, not a register: “{match.headers[named]}” repeats a few values ({said} …) over the rows, "
            "beside numbers on every row, with no free text and no person named.")


_LETTER_HEADER_RE = re.compile(r"^\s*[^\W\d_]\d?\s*$")


def _empty_letters(match: HeaderMatch, rows: list[list[Any]] | None) -> set[str]:
    """Fields read from a header of one letter ("I", "I2": an impact's, a likelihood's) whose column is empty on
    every row: a letter alone says little, and an empty column under it nothing — a sprint KPI taxonomy's "I2"
    (a study's heterogeneity, never filled) made its "Description | id" a risk register's."""
    if not rows:
        return set()
    out: set[str] = set()
    for c, name in match.mapping.items():
        if c < len(match.headers) and _LETTER_HEADER_RE.match(str(match.headers[c] or "")) and \
                not any(c < len(r) and r[c] is not None and str(r[c]).strip() for r in rows):
            out.add(name)
    return out


def _empty_title(match: HeaderMatch, title: str, rows: list[list[Any]]) -> bool:
    """The columns the title and the ID are read from hold nothing on the first rows under the header while another
    column read holds words there: no row is named or numbered, so none is a record. An empty template (numbered
    rows, lists beside it) is said as one elsewhere, and numbered rows missing their title stay errors."""
    key = match.kind.reg.key_field.name if match.kind.reg.key_field is not None else ""
    cols = [c for c, n in match.mapping.items() if n in (title, key)]
    others = [c for c, n in match.mapping.items() if n not in (title, key)]
    filled = any(c < len(r) and isinstance(r[c], str) and any(ch.isalpha() for ch in r[c])
                 for r in rows for c in others)
    return bool(cols) and filled and not any(c < len(r) and r[c] is not None and str(r[c]).strip()
                                             for r in rows for c in cols)


# A workbook named as a register names a sheet named for something else only when its table is this narrow
# ("Event name | Issue name | Status" on "Box" of "Issues.xlsx"): a wider table most of whose columns no word
# reads (an industry risk library of "risk.xlsx", a campaign's plan of "issues.xlsx") is no register for that
BOOK_NAMED_LABELS = 3

#: the field of a register's remarks ("Notes", "Comments", "Remarks"), which every kind of table keeps
REMARKS = "notes"


# ``_no_records``'s reason for a header naming too few of the register's columns
_WEAK_HEADER = re.compile(r"(?:only \d+|none) of its columns names? .+ fields? and its name is not a register's")
_WEAK_SAID = 3  # the weak sheets a refusal names; more are counted


def _weak_sheets_said(weak: list[tuple[str, str]]) -> str | None:
    """The weak sheets of a refused workbook, each with its reason: the first ``_WEAK_SAID`` and how many more
    ("sheet “A”: only 2 of its columns name …; sheet “B”: …; and 4 more sheets whose headers name too few register
    columns"), a reason the same as the sheet's before said so. A workbook of many weak sheets said only its first,
    as if the others held nothing (left58)."""
    if not weak:
        return None
    said = "; ".join(f"sheet “{t}”: {'the same' if i and r == weak[i - 1][1] else r.rstrip('.')}"
                     for i, (t, r) in enumerate(weak[:_WEAK_SAID]))
    more = len(weak) - _WEAK_SAID
    if more > 0:
        said += f"; and {more} more sheet{'s' * (more > 1)} whose header{'s' * (more > 1)} name{'s' * (more == 1)} " \
                "too few register columns"
    return said


def _weak_reason(naming: int, register: str) -> str:
    """"only 2 of its columns name risk register fields", "only 1 of its columns names a risk register field",
    "none of its columns names a risk register field": the weak header's count in the right number."""
    if naming == 0:
        return f"none of its columns names {a_noun(register)} field"
    if naming == 1:
        return f"only 1 of its columns names {a_noun(register)} field"
    return f"only {naming} of its columns name {register} fields"


# What the refusal of a workbook where no header was found says to do, when no sheet came near one: a list written
# with no header row is not imported by a guess (a product decision), so the way to import it is said — it said
# "check the workbook." alone, which names nothing to check (unseen set 83's two headerless lists, 43 rows)
NO_HEADER_WHAT_TO_DO = (". If a sheet is a register written without one, add a row above its first naming each column "
                        "in the register's words (such as Title, Status, Owner) and import it again: a list with no "
                        "header row is not imported by a guess.")


def _no_records(match: HeaderMatch, file_name: str | None = None,
                rows: list[list[Any]] | None = None, book: str | None = None) -> str | None:
    """Why a matched sheet holds no records of its register: nothing names them (no title column).
    ``file_name``: the workbook's name, which names a sheet left with its default name ("Tabelle1" of
    "Stakeholderanalyse.xlsx"); ``rows``: the first rows under the header, whose empty columns under a
    letter alone count for nothing (``_empty_letters``)."""
    kind = match.kind
    if kind.is_child:
        return None
    title = next((f for f in kind.reg.fields if f.required), None)
    empty = _empty_letters(match, rows)
    if title is not None and rows and _empty_title(match, title.name, rows):
        # a column naming the records with nothing under it names none: "Goals" over an empty column of a design
        # sheet of lists made it a benefits register of no records (classes78, "Goal" a benefit's title word)
        empty.add(title.name)
    named = set(match.mapping.values()) - empty
    # a risk's response plan says the sheet is a risk register; an "Action" column says nothing of an issue log
    named = (real_fields(match.mapping) - empty) | (named & ({PARENT} | (set(PSEUDO) if kind.register == "risks" else set())))
    # fields the sheet gives every row (a portfolio status report's date: its period) name them as a column would
    named |= set(match.constants) & set(kind.reg.field_names)
    key = kind.reg.key_field.name if kind.reg.key_field is not None else ""
    # a column of remarks is one every kind of table keeps: it says nothing of the register, so it is not one of
    # the three fields that make a sheet a register on their own — a bank statement's "Description | Category |
    # Notes" (with "Posting Date" and "Amount" kept aside) names two, and its 1,039 transactions were risks
    naming = named - {PARENT, REMARKS}
    strong = len(naming) >= 3 or (key in named and title is not None and title.name in named
                                  and not _generic_title(match, title.name))
    # the column naming the records headed by the register's own name ("STAKEHOLDERS" over the names), beside
    # columns of ratings only, says what they are, as the sheet's name would
    heading = next((match.headers[c] for c, n in match.mapping.items()
                    if title is not None and n == title.name and c < len(match.headers)), "")
    if any(n in kind.reg.field_names and kind.reg.field(n).kind is not Kind.SCALE
           for n in match.mapping.values() if title is None or n != title.name):
        heading = ""
    # the file's name says the register after words of its own ("Apollo - Issue Log.xlsx", "acme_issues.csv")
    named_so = kind.matches_sheet_name(match.sheet_title or "") or \
        (file_name is not None and (named_by_its_last_words(kind, file_name) or
                                    named_by_its_first_words(kind, file_name))) or \
        bool(heading and kind.matches_sheet_name(heading)) or \
        (book is not None and kind.matches_sheet_name(re.sub(r"[_\-]+", " ", book)) and titled_by_its_noun(match)
         and sum(1 for h in match.headers if h) <= BOOK_NAMED_LABELS) or \
        (kind.register == "issues" and bug_steps_column(match.headers)) or \
        (kind.register == "issues" and result_columns(match.headers) is not None) or \
        (rows is not None and link_column(kind.register, match.headers, rows) is not None) or \
        match.by_level or \
        (titled_by_its_noun(match) and title is not None and  # "bug地址", "P1 | P2 | … | P5" over the texts (classes83)
         named_and_dated(kind.register, real_fields(match.mapping), title.name))  # "Date | Milestone Title" (classes93)
    if not strong and not named_so:
        return (f"{_weak_reason(len(naming), kind.reg.title.lower())} and its name is not a "
                "register's, so it is taken for a table of another kind.")
    other = _other_records(match) if title is not None and not named_so and _generic_title(match, title.name) \
        and specific_fields(kind, match.mapping) < 2 else None
    if other is not None:
        return (f"its rows are named by “{other[0]}” and “{other[1]}”, not by a column of the "
                f"{kind.reg.title.lower()}: a list of something else.")
    if title is None or title.name in named or named & set(TITLE_FALLBACK.get(kind.register, ())):
        return None
    if kind.register == "status_reports" and "project" in named:  # the period is what is missing (classes93)
        return undated_said(next(match.headers[c] for c, n in match.mapping.items() if n == "project"))
    return (f"no column names the records ({title.label} or a synonym), so it is not read as the "
            f"{kind.reg.title.lower()}.")


def _whole_families(plan: ImportPlan, planner: Planner) -> None:
    """A child sheet speaks of the records it names only. A record the register sheet updates and the child
    sheet does not name keeps every child row it has (left49: the child sheet was the whole truth of every record
    the register sheet updated, so a plan sheet listing three benefits deleted the planned and actual values of
    every other benefit updated, without a word); the preview says how many are kept. A dated family (planned
    values, measurements) is merged by day (``_merged_by_day``); the actions of a risk or an issue the sheet names
    are that record's actions, as before: an action has no key the workbook and the office share."""
    for child in plan.sheets:
        if child.parent_register is None or child.synthetic:
            continue
        reg = REGISTERS[child.register]
        if _dated(reg):
            _merged_by_day(child, reg, planner)
        planner.finish_children(child)
        _unnamed_kept(plan, child, reg, planner)


def _dated(reg: Register) -> bool:
    """A child register whose rows are values on days (a benefit's planned values, its measurements)."""
    return reg.parent is not None and any(f.name == "on" and f.required for f in reg.fields)


def _merged_by_day(child: SheetPlan, reg: Register, planner: Planner) -> None:
    """The rows of a dated child sheet against the stored values of the records they name: a row on a day the
    record has a value for updates it ("… on 2027-03-31: Planned value 6 → 5") or leaves it alone ("same as
    stored"), a row on another day adds one, and a stored value on a day the sheet does not give — one added in
    the office — is kept, the preview saying how many. Read in one query a batch of records, once a sheet."""
    named = {low: pid for low, pid in child.replace_parents.items() if pid is not None}
    if not named:
        return
    E: Any = reg.entity
    assert reg.parent is not None  # a sub-table
    parent_col = getattr(E, reg.parent)
    fields = [f for f in reg.fields if f.kind.stored]
    pids = sorted(set(named.values()))
    stored: dict[int, dict[Any, tuple[int, dict[str, Any]]]] = {pid: {} for pid in pids}
    for start in range(0, len(pids), 500):
        chunk = pids[start:start + 500]
        owner: dict[int, int] = dict(planner.session.execute(select(E.id, parent_col).where(parent_col.in_(chunk))).all())
        for row in records.fetch_rows(planner.session, reg, planner.ctx, where=parent_col.in_(chunk),
                                      with_computed=False):
            values = {f.name: x for f, x in zip(fields, row[2:])}
            stored[owner[row[0]]].setdefault(values["on"], (row[0], values))
    for prow in child.rows:
        pid = named.get((prow.parent_code or "").lower())
        if prow.report.action != Action.INSERT or pid is None:
            continue
        on = prow.values.get("on")
        old = stored[pid].pop(on, None)
        if old is None:
            continue  # a day the record has no value on: added
        rid, was = old
        changed = [f for f in fields if f.name in prow.values and not same_as_stored(f, prow.values[f.name], was[f.name])]
        day = reg.field("on").display(on)
        if not changed:
            prow.report.action, prow.report.reason = Action.SKIP, "same as stored."
        else:
            prow.report.action = Action.UPDATE
            prow.report.reason = (f"changes the {reg.noun} on {day}: " + "; ".join(
                f"{f.label} {f.display(was[f.name]) or '(empty)'} → {f.display(prow.values[f.name]) or '(empty)'}"
                for f in changed) + ".")
            prow.values = {f.name: prow.values[f.name] for f in changed}
            prow.was = {f.name: was[f.name] for f in changed}
        prow.record_id = rid
    code_of = {(p.parent_code or "").lower(): p.parent_code for p in child.rows}
    kept = [f"{code_of.get(low) or low} {count_of(len(stored[pid]), reg.noun)}"
            for low, pid in named.items() if stored.get(pid)]
    for low in named:
        del child.replace_parents[low]  # merged: nothing of theirs is deleted
    if kept:
        child.say(f"Values on days the sheet does not give are kept ({', '.join(kept)}): each row updates the "
                  f"{reg.noun} on its day or adds one.")


def _unnamed_kept(plan: ImportPlan, child: SheetPlan, reg: Register, planner: Planner) -> None:
    """Say once how many stored child rows of the records the register sheet updates and the child sheet does
    not name are kept — one count query a sheet, only when there are such records."""
    parent_sheets = [s for s in plan.sheets if s.register == child.parent_register and not s.synthetic]
    named = {(p.parent_code or "").lower() for p in child.rows}
    unnamed = sorted({p.record_id for s in parent_sheets for p in s.rows if p.report.action == Action.UPDATE
                      and p.record_id is not None and p.report.code.lower() not in named})
    if not unnamed:
        return
    assert reg.parent is not None  # a sub-table
    col = getattr(reg.entity, reg.parent)
    count = sum(planner.session.scalar(select(func.count()).where(col.in_(unnamed[start:start + 500]))) or 0
                for start in range(0, len(unnamed), 500))
    if count:
        parent = REGISTERS[child.parent_register or ""]
        child.say(f"Kept as they are: the {count_of(count, reg.noun)} of {count_of(len(unnamed), parent.noun)} the "
                  "workbook updates and this sheet does not name — the sheet speaks of the records it names only.")


def _template_and_lookup(plan: ImportPlan) -> str | None:
    """Why a workbook imports nothing when each sheet's rows are a template's skipped rows (numbered placeholders,
    its example, rows left empty) and rows naming nothing that fill only numbers and a rating's word — a rating
    lookup prefilled under the header (an ID, a probability, an impact, "High"): those rows said "Title cannot be
    empty", which points at the wrong thing (left59b).
    Decided once a workbook from its sheets' rows; None when any refused row holds a text or has a title, or no
    template row was skipped beside them, or the refused rows' texts are phrases or many (a lookup repeats its
    few words)."""
    template = lookup = 0
    sheets: list[str] = []
    words: set[str] = set()  # the lookup's texts: a rating's or a list's word or two, repeated down its rows
    for sheet in plan.sheets:
        for prow in sheet.rows:
            report = prow.report
            if report.action == Action.ERROR:
                if prow.has_title or prow.raw is None:
                    return None
                for x in prow.raw:
                    if x.__class__ is str and (text := x.strip()) and not text.isdigit():
                        if len(text.split()) > 2:
                            return None  # a phrase: something written, not a lookup's
                        words.add(text.casefold())
                lookup += 1
                if sheet.sheet not in sheets:
                    sheets.append(sheet.sheet)
            elif report.action == Action.SKIP and "template" in report.reason:
                template += 1
    if not template or not lookup or len(words) > max(5, lookup // 2):
        return None
    where = ", ".join(f"“{s}”" for s in sheets)
    return (f"Nothing to import: {where} holds only the template's own rows ({count_of(template, 'row')} skipped as "
            f"its placeholders, its example or left empty) and {count_of(lookup, 'row')} naming nothing that fill only "
            "numbers and a rating's or a list's words (an ID and its ratings: a lookup prefilled under the header), no "
            "record. Fill the template's rows with your own and import it again.")


def _hours_by_day(plan: ImportPlan) -> str | None:
    """Why a workbook imports nothing when its refused rows are a timesheet's: each names nothing the register
    reads as its title, and fills a day and a number of hours under a header saying hours ("Number of Hours",
    "Horas", "Stunden": ``hours_worked`` in the words files) — hours worked by day, no register (classes88: a
    weekly report of one employee's days said "Issue cannot be empty" of each). None when a refused row has a
    title, or lacks the day or the hours (0 to 24)."""
    words = hours_worked_words()
    sheets: list[str] = []
    said = ""
    for sheet in plan.sheets:
        refused = [p for p in sheet.rows if p.report.action == Action.ERROR]
        if not refused:
            continue
        hours = [c for c, h in enumerate(sheet.headers) if h and word_key(h) in words]
        if not hours or any(p.has_title or p.raw is None for p in refused):
            return None
        c = hours[0]

        def worked(x: Any) -> bool:
            return isinstance(x, (int, float)) and not isinstance(x, bool) and 0 < x <= 24

        if not all(c < len(p.raw) and worked(p.raw[c]) and any(isinstance(x, (date, datetime)) for x in p.raw)
                   for p in refused if p.raw is not None):
            return None
        sheets.append(sheet.sheet)
        said = said or " ".join(str(sheet.headers[c]).split())
    if not sheets:
        return None
    where = ", ".join(f"“{s}”" for s in sheets)
    return (f"Nothing to import: {where} is a timesheet — each row the hours worked on a day (“{said}”), no "
            "register's record (a risk, an issue, a decision …) to import.")


# ------------------------------------------------------------------------------------ applying
@_collector_paused
def apply_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, *, partial: bool = False,
                 translations: dict[str, Any] | None = None) -> ImportResult:
    """Write a plan in one transaction. Refused (``ImportRefused``, nothing written) when any row has an
    error or a row no longer fits the file; ``ImportCancelled`` when ``cancelled()`` turns true.

    ``partial``: write the valid rows and leave the refused ones (still one transaction); the rows left
    out are written to a workbook beside the source with the reason beside each (``result.left_out``).
    ``translations``: the value translations the user gave, remembered for each sheet's layout."""
    translations = translations if translations is not None else plan.translations
    _unchanged_since_read(plan)
    if not plan.ok and partial:
        if not plan.valid_count:
            errors = plan.errors
            if (why_none := _template_and_lookup(plan) or _hours_by_day(plan)) is not None:
                raise ImportRefused(why_none, plan)
            raise ImportRefused(f"None of the {len(errors)} rows of the workbook can be imported (first: "
                                f"{errors[0].sheet} row {errors[0].row}: {errors[0].reason})", plan)
        result = apply_import(store, valid_rows_only(plan), progress, cancelled, translations=translations)
        result.left_out = len(plan.errors)
        why: list[str] = []
        result.left_out_path = write_left_out(plan, why)
        result.left_out_why = "; ".join(why)
        result.source = plan.path
        return result
    elif not plan.ok:
        errors = plan.errors
        raise ImportRefused(f"{len(errors)} row{'s' if len(errors) != 1 else ''} of the workbook "
                            f"{'have' if len(errors) != 1 else 'has'} errors, so nothing was imported; fix "
                            f"{'them' if len(errors) != 1 else 'it'} and import again (first: {errors[0].sheet} "
                            f"row {errors[0].row}: {errors[0].reason})", plan)
    result = ImportResult(sheets=[s.sheet for s in plan.sheets])
    total = sum(1 for s in plan.sheets for r in s.rows if r.report.action in (_INSERT, _UPDATE))
    done = 0

    def tick() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("The import was cancelled; nothing was imported.")
        if progress is not None:
            progress(done, total)

    given = normalise_translations(translations)
    with store.transaction() as session:
        for key in SETTINGS:  # an office's own export carries its settings (risk scale, thresholds …)
            if key.key in plan.settings:
                key.write(session, key.load(plan.settings[key.key]))
        ctx = records.load_context(session)
        _create_missing(session, plan, ctx)
        for list_key, values in plan.new_choices.items():
            own = _own_words(_kept(store_setting, session, OWN_LIST_SETTING + list_key))
            session.merge(Setting(key=OWN_LIST_SETTING + list_key, value=json.dumps(sorted(own | values))))
        for sheet in plan.sheets:
            reg = REGISTERS[sheet.register]
            parent_ids: dict[str, int] = {}
            if sheet.parent_register:
                parent_ids = _parent_ids(session, REGISTERS[sheet.parent_register])
                removed = _delete_children(session, reg, sheet, parent_ids)
                result.children_replaced += removed
                if removed:
                    result.replaced[reg.name] = result.replaced.get(reg.name, 0) + removed
            inserts: list[Any] = []
            updates: list[Any] = []
            for prow in sheet.rows:
                report = prow.report
                if report.action == _SKIP:
                    result.skipped += 1
                elif report.action == _INSERT:
                    inserts.append(prow)
                elif prow.changes_nothing:
                    result.unchanged += 1
                    done += 1
                else:
                    updates.append(prow)
            for start in range(0, len(updates), BATCH):  # one load and one flush per batch
                batch = updates[start:start + BATCH]
                try:
                    records.update_records(session, reg, [(p.record_id, p.values) for p in batch], ctx, parsed=True)
                except StoreError as e:
                    raise _refused(plan, sheet, _failed_row(batch, e), e) from e
                result.updated += len(batch)
                done += len(batch)
                tick()
            codes = records.stored_codes(session, reg) if inserts else set()  # read once, kept by each batch
            for start in range(0, len(inserts), BATCH):  # one flush and batched lookups per batch
                batch = inserts[start:start + BATCH]
                parents = ([parent_ids.get((p.parent_code or "").lower()) for p in batch]
                           if sheet.parent_register else None)
                try:
                    records.create_records(session, reg, [p.values for p in batch], ctx, parents,
                                           parsed=True, codes=codes)
                except StoreError as e:
                    raise _refused(plan, sheet, _failed_row(batch, e), e) from e
                result.inserted += len(batch)
                done += len(batch)
                tick()
            if sheet.layout:
                if sheet.chosen:
                    session.merge(Setting(key=MAPPING_SETTING + sheet.layout, value=json.dumps(
                        {"register": sheet.register, "mapping": {str(c): n for c, n in sheet.mapping.items()}})))
                if sheet.register in given:
                    stored = remembered_values(_kept(store_setting, session, VALUES_SETTING + sheet.layout))
                    for name, words in given[sheet.register].items():
                        stored.setdefault(sheet.register, {}).setdefault(name, {}).update(words)
                    session.merge(Setting(key=VALUES_SETTING + sheet.layout, value=json.dumps(stored)))
        search_index.follow_writes(session, [REGISTERS[n] for n in dict.fromkeys(s.register for s in plan.sheets)])  # a register now large
        tick()
    return result


def _unchanged_since_read(plan: ImportPlan) -> None:
    """Refuse a plan whose file was saved again (or moved) since it was read: the preview showed the file as it
    was, and importing it would bring in what the user has since changed back, or not what they now see — the
    import dialog stays open while they edit in Excel. Nothing is written; Check again reads it anew."""
    if plan.stamp is None:
        return
    name = plan.path.name
    now = file_stamp(plan.path)
    if now is None:
        raise ImportRefused(f"“{name}” is no longer where it was when it was checked (moved, renamed or deleted), "
                            "so nothing was imported; import it again from where it is now.", plan)
    if now != plan.stamp:
        when = datetime.fromtimestamp(now[1] / 1e9).strftime("%H:%M:%S")
        raise ImportRefused(f"“{name}” has changed since it was checked (saved again at {when}), so nothing was "
                            "imported: the preview shows it as it was. Check it again (Check again, or run the "
                            "import again) to import what it holds now.", plan)


def valid_rows_only(plan: ImportPlan) -> ImportPlan:
    """The plan without its refused rows (each becomes a skip naming its error), and without the response
    actions of refused risks: what a partial import writes, in one transaction like any other."""
    from copy import copy

    out = copy(plan)
    out.sheets = []
    refused = {(s.register, r.report.code.lower()) for s in plan.sheets for r in s.rows
               if r.report.action == Action.ERROR and r.report.code}
    for sheet in plan.sheets:
        new = copy(sheet)
        new.rows = []
        for prow in sheet.rows:
            report = prow.report
            if report.action == Action.ERROR:
                new.rows.append(PlannedRow(RowReport(report.sheet, report.row, Action.SKIP, report.code,
                                                     f"left out: {report.reason}")))
            elif sheet.synthetic and (sheet.parent_register, (prow.parent_code or "").lower()) in refused:
                continue
            else:
                new.rows.append(prow)
        out.sheets.append(new)
    return out


def store_setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return json.loads(row.value) if row is not None else None


def _create_missing(session: Session, plan: ImportPlan, ctx: Context) -> None:
    """Projects, objectives and outcomes the user agreed to create (``create_missing``), before the rows that
    name them (row_planner.CREATED_ON_CONFIRMATION); a project a portfolio status report gives a state takes it."""
    for target, register in CREATED_ON_CONFIRMATION.items():
        reg = REGISTERS[register]
        names = sorted(plan.to_create.get(target, set()), key=str.lower)
        named = reg.name_field.name if reg.name_field is not None else "name"
        states = plan.project_states if register == "projects" else {}
        if names:
            records.create_records(session, reg, [{named: n} | ({"status": state} if (
                state := states.get(" ".join(n.split()).lower())) else {}) for n in names], ctx, parsed=True)


def _one_report_a_period(store: Store, plan: ImportPlan) -> None:
    """A status report row naming a project and a period another row of the import, or a report the office holds,
    already gives is refused on its row, saying which: a project has one report a period (the office's
    ``uq_status_report_project_period``). Before (fault73) the preview said "will insert" of both and the apply
    stopped whole, "The change conflicts with other records and was not saved" — a status report's sheet of two rows
    of one project in one month (a portfolio report of the project's items) imported nothing."""
    sheets = [s for s in plan.sheets if s.register == "status_reports"]
    rows = [(s, p) for s in sheets for p in s.rows if p.report.action == Action.INSERT and
            isinstance(p.values.get("project"), str) and p.values.get("period")]
    if not rows:
        return
    from ..models.program import Project
    from ..models.status import StatusReport

    def key(project: str, period: Any) -> tuple[str, str]:
        return " ".join(project.split()).casefold(), str(period)

    with store.session() as session:
        stored = {key(name, period): code for name, period, code in session.execute(
            select(Project.name, StatusReport.period, StatusReport.code).join(
                Project, StatusReport.project_id == Project.id))}
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for sheet, prow in rows:
        k = key(prow.values["project"], prow.values["period"])
        name, period = " ".join(prow.values["project"].split()), prow.values["period"]
        if k in seen:
            where = seen[k][1] if seen[k][0] == sheet.sheet else f"{seen[k][0]} row {seen[k][1]}"
            why = (f"{name} already has a report for {period} on row {where}: a project has one report a period, so "
                   "this one is not imported (put what it says in that row, or give it another period).")
        elif k in stored:
            why = (f"{name} already has a report for {period} in the office ({stored[k]}): a project has one report "
                   "a period, so this one is not imported (give it that report's ID to update it, or another period).")
        else:
            seen[k] = (sheet.sheet, prow.report.row)
            continue
        prow.report.action = Action.ERROR
        prow.report.reason = why
        if prow.raw is None:  # the rows-left-out workbook writes it under the sheet's headers, as it was read
            cells: list[Any] = [None] * len(sheet.headers)
            for c, field_name in sheet.mapping.items():
                if c < len(cells):
                    cells[c] = prow.values.get(field_name)
            prow.raw = tuple(cells)
        prow.values = {}


def _take_project_states(plan: ImportPlan, reader: SheetReader, match: HeaderMatch, sheet: SheetPlan) -> None:
    """The states a portfolio status report gives the projects it names (portfolio_reports): kept for the projects
    the import makes, said once a sheet; a project the office holds keeps its own."""
    states = project_states(reader.all_rows(), match)
    made = {" ".join(n.split()).lower() for n in sheet.to_create.get("Project", set())}
    plan.project_states.update({k: v for k, v in states.items() if k in made})
    counts: dict[str, int] = {}
    for k, v in states.items():
        if k in made:
            counts[v] = counts.get(v, 0) + 1
    if counts:
        header = match.headers[match.project_status] if match.project_status is not None else "Status"
        sheet.say(f"The projects made take their state from “{header or 'Status'}”: "
                  + ", ".join(f"{v} {n}" for v, n in sorted(counts.items())) + "; a project the office holds keeps "
                  "its own.")


def left_out_path(plan: ImportPlan, folder: Path | None = None, number: int = 1) -> Path:
    """``NAME - rows left out.xlsx`` beside the workbook (or in ``folder``); ``number`` 2 and on:
    ``NAME - rows left out (2).xlsx`` …, for when the first is kept (``write_left_out``)."""
    suffix = LEFT_OUT_SUFFIX if number == 1 else f"{LEFT_OUT_SUFFIX[:-5]} ({number}).xlsx"
    return (folder or plan.path.parent) / (disk.fitted_stem(plan.path.stem, suffix) + suffix)


def _kept_left_out(target: Path, wb: Any) -> bool:
    """Whether a rows-left-out workbook already at ``target`` must be kept rather than written over: it is
    open in a spreadsheet program (saved there, it would put itself back over the new one), its owner made
    it read-only, or it holds other cells than ``wb`` — the rows fixed there by hand before importing it
    again, or an earlier import's rows. Written over, those fixes were lost without a word."""
    from ..models.read_only import why_not_replaceable
    from .atomic import open_elsewhere

    if not target.exists():
        return False
    if open_elsewhere(target) is not None or why_not_replaceable(target) is not None:
        return True
    return not _holds_the_same_cells(target, wb)


def _holds_the_same_cells(path: Path, wb: Any) -> bool:
    """The workbook at ``path`` has ``wb``'s sheets with the same values in the same cells (read back as a
    saved workbook reads: a date is a date at midnight). Anything unreadable is not the same."""
    import openpyxl

    def rows(ws: Any) -> list[tuple[Any, ...]]:
        out = []
        for row in ws.iter_rows(values_only=True):
            values = [datetime.combine(v, time()) if isinstance(v, date) and not isinstance(v, datetime) else v
                      for v in row]
            while values and values[-1] in (None, ""):
                values.pop()
            out.append(tuple(values))
        while out and not out[-1]:
            out.pop()
        return out

    try:
        old = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 — damaged, not a workbook, unreadable: not the same, so kept
        return False
    try:
        return old.sheetnames == wb.sheetnames and all(rows(old[n]) == rows(wb[n]) for n in wb.sheetnames)
    except Exception:  # noqa: BLE001
        return False
    finally:
        old.close()


def _left_out_folders(plan: ImportPlan) -> list[Path]:
    """Beside the workbook; when that folder cannot be written (a read-only share, a mail program's
    folder of attachments, a write-protected stick), the user's Documents folder (or home)."""
    home = Path.home()
    documents = home / "Documents"
    return [plan.path.parent, documents if documents.is_dir() else home]


def write_left_out(plan: ImportPlan, why: list[str] | None = None) -> Path | None:
    """The refused rows, as they were, one sheet per source sheet, with the reason in a first column:
    ready to fix and import again. Written beside the source, else in the user's Documents folder
    (``_left_out_folders``); None when neither can be written. One there already is written over only
    when it holds these very cells; else it is kept and these go to ``… (2).xlsx`` (``_kept_left_out``)."""
    import openpyxl

    from .atomic import save_atomically
    from .cut_cells import characters, was_cut
    from .export_errors import CELL_TEXT_LIMIT, ExportError

    wb = openpyxl.Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for sheet in plan.sheets:
        refused = [r for r in sheet.rows if r.report.action == Action.ERROR]
        if not refused:
            continue
        ws = wb.create_sheet(_sheet_title(sheet.sheet))
        _put_row(ws, 1, [LEFT_OUT_REASON, *sheet.headers])
        for row_number, prow in enumerate(refused, start=2):
            # the row whole: a value in a column with no header (past the last header too) is the user's as well
            cells = list(prow.raw or ())
            while len(cells) > len(sheet.headers) and cells[-1] in (None, ""):
                cells.pop()
            reason = prow.report.reason
            for i, x in enumerate(cells):  # openpyxl would cut such a cell without a word: say so here
                if isinstance(x, str) and len(x) > CELL_TEXT_LIMIT:
                    reason += (f" “{sheet.headers[i] if i < len(sheet.headers) else column_letters(i)}” held "
                               f"{characters(len(x), was_cut(x))}, more than an Excel cell holds: "
                               f"cut to {CELL_TEXT_LIMIT:,} here, whole in “{plan.path.name}”.")
                    cells[i] = x[:CELL_TEXT_LIMIT]
            _put_row(ws, row_number, [reason, *cells])
        ws.column_dimensions["A"].width = 60
    if not wb.sheetnames:  # no row refused (a plan checked again since the caller looked): nothing to write
        return None
    for folder in _left_out_folders(plan):
        target, number = left_out_path(plan, folder), 1
        while _kept_left_out(target, wb):  # the first free or same name: (2), (3) …
            number += 1
            target = left_out_path(plan, folder, number)
        try:
            save_atomically(wb, target)
        except (OSError, ExportError) as e:
            # why, for the summary: a full disk said as such, not as folders that "cannot be written" (fault70b)
            cause = disk.failure_cause(e, folder)
            if why is not None and cause is not None and cause not in why:
                why.append(cause)
            continue
        return target
    return None


# The rows left out are written after the valid rows were committed: nothing in a refused row may stop
# them being written (openpyxl refuses a control character in a cell and [ ] : * ? / \ in a sheet's
# name, which a CSV's file name gives it), or the import would be reported as failed when it was not.
_NOT_IN_A_SHEET_TITLE = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str) -> str:
    return _NOT_IN_A_SHEET_TITLE.sub("_", name)[:31].strip("'") or "Rows left out"


def _put_row(ws: Any, row: int, values: list[Any]) -> None:
    """A row of source cells as they were: text stays the very text (a formula's look kept off by
    Excel's quote prefix, not by a "'" added to it, which would be imported back as part of the text),
    less the control characters a workbook cannot hold."""
    from .cells import put_text

    for col, value in enumerate(values, start=1):
        if value.__class__ is Uncalculated:  # a formula no program calculated: a formula again, never its text,
            if len(value) > 1:                # which a re-import of the fixed rows would take for the title
                ws.cell(row, col).value = str(value)
        elif isinstance(value, str):
            put_text(ws.cell(row, col), value)
        elif value is not None:
            ws.cell(row, col).value = value


def _failed_row(batch: list[Any], error: StoreError) -> Any:
    """The planned row of a batch that a batched write refused (``row_index`` says which)."""
    index = getattr(error, "row_index", None)
    return batch[index] if index is not None else batch[0]


def _refused(plan: ImportPlan, sheet: SheetPlan, prow: PlannedRow, e: Exception) -> ImportRefused:
    report = prow.report
    key = REGISTERS[sheet.register].key_field
    if prow.code_assigned and isinstance(e, ValidationError) and key is not None and e.field == key.name:
        # The ID was the import's own, the next free one when the workbook was read: another window or
        # program (a colleague on the shared server) added a record under it since. "ID R-011 is already
        # used" sent the user looking for an R-011 their workbook never had.
        return ImportRefused(f"{sheet.sheet} row {report.row} was to be added as {report.code}, but another window "
                             f"or program added a record as {report.code} since “{plan.path.name}” was read, so "
                             "nothing was imported. Import it again: its new rows then take the next free IDs.",
                             plan)
    return ImportRefused(f"{sheet.sheet} row {report.row} ({report.code or 'new'}) could not be written, so "
                         f"nothing was imported: {e}", plan)


def _parent_ids(session: Session, parent_reg: Register) -> dict[str, int]:
    E: Any = parent_reg.entity
    return {code.lower(): i for code, i in session.execute(select(E.code, E.id)) if code}


def _delete_children(session: Session, reg: Register, sheet: SheetPlan, parent_ids: dict[str, int]) -> int:
    ids = [parent_ids[c] for c in sheet.replace_parents if c in parent_ids]
    assert reg.parent is not None  # a child sheet's register
    col = getattr(reg.entity, reg.parent)
    removed = 0
    for start in range(0, len(ids), 500):
        result = cast("CursorResult[Any]", session.execute(delete(reg.entity).where(col.in_(ids[start:start + 500]))))
        removed += result.rowcount or 0
    return removed


def import_workbook(store: Store, path: str | os.PathLike[str], **kwargs: Any) -> ImportResult:
    """Plan and apply every recognised sheet at once (the command line's ``import``)."""
    return apply_import(store, plan_workbook_import(store, path, **kwargs))
