"""A program's verdicts or a game's choices, told from an office's decision log (issue 12, round 40's held-out misses).

A file named as a decision log is not always one. An order agent writes its verdict on each order
("OrderID | OrderDate | … | RequestedQty | FulfilledQty | … | Decision | Reason": "Approve", "Split", "Split" …);
a visual novel's branching script writes each question once per option ("id | type | name | option | …":
"¿qué hacer?" over "nada", then over "atacar"). Both name a decision column, so their rows were read as decisions.

What an office's log has and these have not: each decision stated once, in its own words, with who took it,
when, where it stands or which project it concerns. A program's or a script's rows show it in their first rows:

- the titles are not each a decision of its own: drawn from a tiny vocabulary ("Approve" / "Split") repeated down
  the rows, or the same title over consecutive rows (a question over each of its options);
- and one sign of a machine or a script beside that: rows keyed by another thing's ID ("OrderID", each row its
  own order), most columns numbers (quantities, scores, points), or one row per option under the same title;
- and none of the fields an office keeps on a decision (a decider, a date, a status, a project, a cost, links):
  any of them ends the question, so a real log with repeated short titles ("Approve budget" on several rows,
  decided by someone on a date) keeps its decisions — but a person and a moment stamped to the second beside
  rows keyed by another thing's ID are the program's sign-off, no office deciding (left43, ``_reviewed``).

A body's published rulings are told the same way (round 44: a constitutional court's decisions, "date | numero |
type | titre | décision | url", read as 5,277 decisions titled "Rejet", "Conformité", "Inéligibilité"): the
titles a ruling's few words repeated down the rows, each row a ruling on a matter another column names in its own
words ("titre"), and published at a web address of its own. A date does not make them an office's: nobody is
named as having decided, nothing says where a decision stands or which project it concerns. An office's log
whose decision column holds its outcomes ("Approved", "Rejected") says where each decision stands and is read.

Decided once per sheet from its header's mapping and the sample of rows under it: nothing is read per row.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..models.fields import Kind
from ..models.program import Person
from .header_detection import HeaderMatch
from .vocabulary import foreign_words, value_words, word_key, words_of

REGISTER = "decisions"
MIN_ROWS = 4         # fewer rows say nothing of how titles repeat
TINY_VOCABULARY = 3  # a verdict's words ("Approve", "Split", "Reject"): an office states each decision anew
RULINGS_SHARE = 3    # a body's rulings: at most one title in three distinct ("Conformité", "Rejet" … down the rows)
# the kinds of field that only describe a decision (its ID, its title, its text); a person, a date, a status, a
# project, a cost or a link is what an office keeps on its own decisions
_DESCRIBING_KINDS = (Kind.CODE, Kind.TEXT, Kind.LONGTEXT)
_LETTER_RE = re.compile(r"[^\W\d_]")


def _cell(row: list[Any], c: int) -> str:
    return str(row[c]).strip() if c < len(row) and row[c] is not None else ""


def _a_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _office_field(match: HeaderMatch, name: str) -> bool:
    reg = match.kind.reg
    if name not in reg.field_names:
        return True  # a field of another kind read into the log: an office's, to be safe
    return reg.field(name).kind not in _DESCRIBING_KINDS


def _runs(titles: list[str]) -> list[range]:
    """The stretches of consecutive rows (indexes into ``titles``) that carry the same title, two rows or more."""
    out: list[range] = []
    start = 0
    for i in range(1, len(titles) + 1):
        if i == len(titles) or titles[i].casefold() != titles[start].casefold():
            if i - start >= 2:
                out.append(range(start, i))
            start = i
    return out


def _keyed_by_another(match: HeaderMatch, filled: list[list[Any]]) -> str | None:
    """A column the log does not read, headed as another thing's ID ("OrderID", "applicant_id"), a value of its
    own on every row: each row is about that thing, as a program's output row is about its input."""
    for c, header in enumerate(match.headers):
        key = word_key(header)
        if c in match.mapping or len(key) <= 2 or not key.endswith("id") or "decision" in key:
            continue
        values = [_cell(r, c) for r in filled]
        if _each_its_own(values):
            return f"rows keyed by “{str(header).strip()}”"
    return None


def _mostly_numbers(match: HeaderMatch, filled: list[list[Any]], width: int) -> str | None:
    """Half the filled columns or more are numbers on every row (quantities, inventories, a game's points),
    the decision's own number left out."""
    code = match.kind.reg.key_field.name if match.kind.reg.key_field is not None else None
    columns = numbers = 0
    for c in range(width):
        values = [v for v in (_cell(r, c) for r in filled) if v]
        if not values or (code is not None and match.mapping.get(c) == code):
            continue
        columns += 1
        numbers += all(_a_number(v) for v in values)
    if numbers >= 2 and numbers * 2 >= columns:
        return f"{numbers} of its {columns} columns numbers"
    return None


def _each_its_own(values: list[str]) -> bool:
    return all(values) and len(set(values)) == len(values)


def _options_under_one_title(match: HeaderMatch, filled: list[list[Any]], runs: list[range], naming: int,
                             width: int) -> str | None:
    """A column the log does not read whose value differs on each row of every run of the same title: one row
    per option of a question, as a script branches (an office's log states the options on the decision's row)."""
    if not runs:
        return None
    for c in range(width):
        if c == naming or c in match.mapping:
            continue
        if all(_each_its_own([_cell(filled[i], c) for i in run]) for run in runs):
            header = str(match.headers[c]).strip() if c < len(match.headers) and match.headers[c] else f"column {c + 1}"
            return f"one row per “{header}” under the same title"
    return None


_STAMP_RE = re.compile(r"\d{1,2}:\d{2}:\d{2}")


def _stamped(value: Any) -> bool:
    """A moment to the second ("2025-08-09T16:47:53.090169", a cell's time 16:47:53): what a program writes."""
    if isinstance(value, datetime):
        return bool(value.second or value.microsecond)
    return isinstance(value, str) and _STAMP_RE.search(value) is not None


def _reviewed(match: HeaderMatch, filled: list[list[Any]]) -> str | None:
    """The office's fields a program's log also fills, when they are only a person and a time stamped to the
    second on every row (an agent's "Reviewer" and "ReviewedAt"): who signed the verdicts off and when, as the
    program records it. Said as those headers, or None when any other office field is there (a status, a
    project, a cost, links) or a date is a day (an office writes the day it decided)."""
    reg = match.kind.reg
    stamps: list[str] = []
    people: list[str] = []
    for c, name in sorted(match.mapping.items()):
        if not _office_field(match, name):
            continue
        f = reg.field(name) if name in reg.field_names else None
        header = f"“{str(match.headers[c]).strip()}”"
        if f is not None and f.kind is Kind.DATE and all(_stamped(r[c]) for r in filled if c < len(r) and _cell(r, c)) \
                and any(_cell(r, c) for r in filled):
            stamps.append(header)
        elif f is not None and f.kind.is_reference and f.ref is not None and f.ref.target is Person:
            people.append(header)
        else:
            return None
    return " and ".join(people + stamps) if stamps else None


_JOIN_CHARS = " ,;:-–—|/"  # what a program puts between the thing it names and its verdict ("AFYON, Sat")


def _naming_another(match: HeaderMatch, filled: list[list[Any]], naming: int, width: int) -> tuple[int, list[str]] | None:
    """A column the log does not read whose value, on every row, opens the row's title, and the titles with it
    taken away: a program writing its verdict on each thing it names ("Hisse": "AFYON" beside "AFYON, MFI ya göre
    Sat", round 57's stock screener). An office states a decision in its own words; it does not open each one
    with another column's value. The column's values must differ (a thing each row is about), not one
    project's name repeated over its decisions."""
    for c in range(width):
        if c == naming or c in match.mapping:
            continue
        values = [_cell(r, c) for r in filled]
        titles = [_cell(r, naming) for r in filled]
        if not all(values) or len(set(values)) < 2 or \
                not all(len(t) > len(v) and t.casefold().startswith(v.casefold()) for t, v in zip(titles, values)):
            continue
        return c, [t[len(v):].strip(_JOIN_CHARS) for t, v in zip(titles, values)]
    return None


def _only_days(match: HeaderMatch) -> bool:
    """The office's fields the log reads are dates alone (no decider, status, project, cost or link)."""
    reg = match.kind.reg
    return all(name in reg.field_names and (not _office_field(match, name) or reg.field(name).kind is Kind.DATE)
               for name in match.mapping.values())


def verdicts_not_decisions(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet read as the decision log holds a program's verdicts or a script's choices, or None.

    Where the line is: a person and a date beside the verdicts keep them decisions (a change board's "CR-12 |
    Approve | J. Smith | 3 May" is an office's log however short its words), unless the rows are keyed by
    another thing's ID and the date is a moment stamped to the second on every row: then the person signed off
    a program's verdict on that thing (an order agent's "Reviewer" and "ReviewedAt"), as the program logged it;
    nothing of it is an office deciding. A status, a project, a cost or links beside them still keep them."""
    kind = match.kind
    if kind.register != REGISTER or kind.is_child:
        return None
    office = any(_office_field(match, n) for n in match.mapping.values())
    title = next((f.name for f in kind.reg.fields if f.required), None)
    naming = next((c for c, n in match.mapping.items() if n == title), None)
    if naming is None:
        return None
    filled = [r for r in rows if _cell(r, naming)]  # the rows it names (a blank row or a note under it aside)
    titles = [_cell(r, naming) for r in filled]
    if len(filled) < MIN_ROWS:
        return None
    width = max(len(match.headers), max(len(r) for r in filled))
    # a title opened by another column's value: the verdict is what follows it ("AFYON, MFI ya göre Sat" → "MFI ya
    # göre Sat"), and the day beside such verdicts is the day the program ran, no office's decision date
    named_by = _naming_another(match, filled, naming, width)
    if named_by is not None:
        titles = named_by[1]
    reviewed = None
    if office and not (named_by is not None and _only_days(match)):
        reviewed = _reviewed(match, filled)
        if reviewed is None or _keyed_by_another(match, filled) is None:
            return None
    distinct = list(dict.fromkeys(t.casefold() for t in titles))
    runs = _runs(titles)
    repeats = sum(len(run) - 1 for run in runs)  # rows whose title is the one right above
    header = str(match.headers[naming]).strip()
    if len(distinct) <= TINY_VOCABULARY and len(distinct) * 2 <= len(titles):
        said = ", ".join(f"“{t}”" for t in list(dict.fromkeys(titles))[:TINY_VOCABULARY])
        repeated = f"“{header}” repeats {len(distinct)} values ({said}) over {len(titles)} rows"
    elif repeats * 3 >= len(titles):
        repeated = f"“{header}” is the same on {repeats} of {len(titles)} rows as on the row above"
    else:
        return None
    named = None
    if named_by is not None:
        c = named_by[0]
        other = str(match.headers[c]).strip() if c < len(match.headers) and match.headers[c] else f"column {c + 1}"
        named = f"each title opened by its row's “{other}”"
    signs = [s for s in (named, _keyed_by_another(match, filled), _mostly_numbers(match, filled, width),
                         _options_under_one_title(match, filled, runs, naming, width)) if s]
    if not signs:
        return None
    if reviewed is not None:
        return (f"its rows are a program's verdicts, not an office's decisions: {repeated}, {', '.join(signs)}; "
                f"{reviewed} (a time to the second on every row) sign off the program's verdicts, with no status "
                "or project beside them.")
    beside = "no decider, status or project beside them (a day only, the day it ran)" if office else \
        "no decider, date, status or project beside them"
    return (f"its rows are a program's verdicts or a script's choices, not an office's decisions: {repeated}, "
            f"{', '.join(signs)}, and {beside}.")


def _web_address(text: str) -> bool:
    return text.startswith(("http://", "https://", "www.")) and " " not in text


def _matter_column(match: HeaderMatch, filled: list[list[Any]], naming: int, width: int) -> int | None:
    """A column the log does not read naming, in words, what each row rules on ("titre": "Loi relative à la
    protection du secret des affaires"): texts of two words or more on every row, four in five their own."""
    for c in range(width):
        if c == naming or c in match.mapping:
            continue
        values = [_cell(r, c) for r in filled]
        if not all(values) or any(_web_address(v) or sum(1 for w in words_of(v) if _LETTER_RE.search(w)) < 2
                                  for v in values):
            continue  # numbers and codes ("2018-274") name no matter; words do
        if len({v.casefold() for v in values}) * 5 >= len(values) * 4:
            return c
    return None


def rulings_not_decisions(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet read as the decision log holds a body's published rulings, or None (see the module's text)."""
    kind = match.kind
    if kind.register != REGISTER or kind.is_child or not _only_days(match):
        return None  # a decider, a status, a project, a cost or links: an office's own log
    title = next((f.name for f in kind.reg.fields if f.required), None)
    naming = next((c for c, n in match.mapping.items() if n == title), None)
    if naming is None:
        return None
    filled = [r for r in rows if _cell(r, naming)]
    titles = [_cell(r, naming) for r in filled]
    if len(titles) < MIN_ROWS * 2:
        return None
    distinct = list(dict.fromkeys(t.casefold() for t in titles))
    statuses = value_words(f"{REGISTER}.status")
    if len(distinct) * RULINGS_SHARE > len(titles) or any(word_key(t) in statuses for t in distinct):
        return None  # each decision stated anew, or outcomes that say where the office's decisions stand
    width = max(len(match.headers), max(len(r) for r in filled))
    published = next((c for c in range(width) if c not in match.mapping and c != naming and
                      _each_its_own(values := [_cell(r, c) for r in filled]) and all(map(_web_address, values))), None)
    matter = _matter_column(match, filled, naming, width)
    if published is None or matter is None:
        return None
    def header(c: int) -> str:
        return str(match.headers[c]).strip() if c < len(match.headers) and match.headers[c] else f"column {c + 1}"
    said = ", ".join(f"“{t}”" for t in list(dict.fromkeys(titles))[:TINY_VOCABULARY])
    return (f"its rows are a body's published rulings, not an office's decisions: “{header(naming)}” repeats "
            f"{len(distinct)} values ({said} …) over {len(titles)} rows, each a ruling on what “{header(matter)}” "
            f"names, each row published at its own web address (“{header(published)}”), and no decider, status or "
            "project beside them.")


def cases_not_decisions(match: HeaderMatch) -> str | None:
    """Why a sheet read as the decision log lists a court's cases, or None. Round 63's held-out set: a legal
    search tool's "decisoes.csv" ("numero_processo | orgao_julgador | assunto | data | conteudo"), five rulings
    read as decisions titled by their subject once "decisões" named the decision log. A column naming the court
    that judged each row or the case's number (``foreign.rulings.columns`` in the words files), beside a title
    and a date and nothing an office keeps of its own decisions (no decider, status, project or cost), makes the
    rows a court's rulings. Decided once per sheet, from its header."""
    kind = match.kind
    if kind.register != REGISTER or kind.is_child or not _only_days(match):
        return None  # a decider, a status, a project, a cost or links: an office's own log
    words = foreign_words("rulings", "columns")
    said = match.unmapped_header_in(words)
    if said is None:
        return None
    return (f"its rows are a court's cases and rulings (“{said.strip()}”), with no decider, status or project "
            "beside them: not the office's decisions.")
