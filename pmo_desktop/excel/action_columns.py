"""Who does a risk's response plan (or an issue's action) and by when, when the register says so beside it.

Registers write a plan next to its owner and date ("RECOMMENDED CONTROL(S) | CONTROL OWNER | DATE DUE",
"Remediation Actions | Target Date"): those describe the plan's actions, not the risk — the risk has its own
owner column, and a treatment's due date is not when the risk may strike. Such a column is read as the
actionee or due date of the row's response actions:
- by its words ("Control Owner", "Date Due": ``@action_owner`` / ``@action_due`` in the language files), or
- by where it stands: a second owner column right after a plan column (or after another such column), the
  risk's owner being given by a column of its own. A date the register's words make the risk's proximity
  ("Target Date") standing there stays the proximity, as earlier rounds measured it, and is the due date of
  the plan's actions as well; so it is with the risk's owner column between ("fix | owner | due_date"), that
  owner then the actions' actionee too (classes97).
A sheet with no plan column keeps them as the risk's owner and proximity. With a plan but no risk owner
column, the action owner is the risk's owner too: the one person the sheet names for the risk.

A plan column whose header says the measure is already there ("Current Controls", "Existing Controls",
"What are we already doing about it?"), or a bare "Control" beside a plan of what is to be done, is a control
in place: imported as an action already done (``in_place`` in the language files), so the action log does not
list it as work to do, and the plan's owner and date are not put on it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from .qualified_plans import qualified_control
from .vocabulary import in_place_words, words_of

ACTION_OWNER = "@action_owner"  # who does the row's actions
ACTION_DUE = "@action_due"      # by when
ACTION_STATUS = "@action_status"  # how far they are (a treatment's own state: treatment_bands)
# the registers whose rows carry actions, each with the register of those actions; an issue log's "Action |
# Action Owner | Due Date" are the issue's actions as a risk register's plan columns are the risk's
ACTIONS_OF = {"risks": "risk_actions", "issues": "issue_actions"}
# the statuses of a record whose work is over, by register: an action read from its columns, with no status of its
# own, is finished with it (round 37's German issue log: 90 measures under issues all "Erledigt" came in "Not
# started", 90 open actions in the action log, the dashboard and the board pack that the sheet says are done). A
# risk that occurred is an issue now, its plan maybe still under way: not over
FINISHED_RECORD = {"risks": frozenset({"Closed"}), "issues": frozenset({"Resolved", "Closed"})}
# what each becomes on a sheet with no plan to put it on, where the register has that field
_WITHOUT_A_PLAN = {ACTION_OWNER: "owner", ACTION_DUE: "proximity"}


def action_columns(mapping: dict[int, str], duplicates: dict[int, str], plan: str,
                   fields: Collection[str]) -> dict[int, str]:
    """The mapping with a second owner column standing right after the plan named as the plan's actionee
    (``plan``: the plan pseudo-field); without a plan column, an action owner or date is the record's owner
    or proximity (of the register's ``fields``) when no column gives it, else kept in the notes."""
    plans = [c for c, n in mapping.items() if n == plan]
    out = dict(mapping)
    if not plans:
        for c, name in sorted(mapping.items()):
            if name in _WITHOUT_A_PLAN or name == ACTION_STATUS:
                # a plan's status ("Control Status") with no plan to put it on: kept in the notes (classes84)
                del out[c]
                if name in _WITHOUT_A_PLAN and _WITHOUT_A_PLAN[name] in fields and \
                        _WITHOUT_A_PLAN[name] not in out.values():
                    out[c] = _WITHOUT_A_PLAN[name]
        return out
    if "owner" in mapping.values() or ACTION_OWNER in mapping.values():
        for c in _after_the_plan(out, plan, lambda c: duplicates.get(c) == "owner"):
            if c not in out:
                out[c] = ACTION_OWNER
    return out


def date_beside_the_plan(mapping: dict[int, str], plan: str) -> int | None:
    """The risk's date column ("Target Date", "Target Resolution") standing right after the plan, or after the
    plan and the risk's owner column ("fix | owner | due_date": ``owner_beside_the_plan``), when no column says it
    is the actions' own: it stays the risk's proximity, as the register has always read it, and is the due date
    of the plan's actions too."""
    if ACTION_DUE in mapping.values():
        return None
    return next((c for c in _after_the_plan(mapping, plan, lambda c: False, through_owner=True)
                 if mapping.get(c) == "proximity"), None)


def owner_beside_the_plan(mapping: dict[int, str], plan: str) -> int | None:
    """The risk's owner column standing between the plan and the risk's date beside it ("fix | owner | due_date |
    status", classes97): the one person the row names beside its plan and date does the plan — the risk's owner
    and its actions' actionee both; None where the date stands right after the plan, or no date stands there."""
    due = date_beside_the_plan(mapping, plan)
    if due is None or ACTION_OWNER in mapping.values():
        return None
    return next((c for c in _after_the_plan(mapping, plan, lambda c: False, through_owner=True)
                 if c < due and mapping.get(c) == "owner"), None)


def _after_the_plan(mapping: dict[int, str], plan: str, joins: Callable[[int], bool],
                    through_owner: bool = False) -> list[int]:
    """The columns standing in a run right after a plan column: the plan's owner and date columns, the risk's
    date, and those ``joins`` says belong (a second owner column); ``through_owner``: the risk's owner column
    too, once a run, when the risk's date follows it."""
    out: list[int] = []
    for start in sorted(c for c, n in mapping.items() if n == plan):
        c, owner_passed = start + 1, not through_owner
        while True:
            if mapping.get(c) in (ACTION_OWNER, ACTION_DUE, "proximity", plan) or (c not in mapping and joins(c)):
                out.append(c)
            elif not owner_passed and mapping.get(c) == "owner" and mapping.get(c + 1) == "proximity":
                owner_passed = True
                out.append(c)
            else:
                break
            c += 1
    return out


def in_place(header: str, beside_a_plan: bool, register: str = "risks") -> bool:
    """A plan column's header says its measures are already there ("Existing Controls"); a bare "Control"
    does when another plan column on the sheet says what is to be done (``beside_a_plan``), also with a
    qualifier before it ("AWS_Controls" beside "Treatment_Plan": the controls of that platform, in place — read
    as open actions, round 50's cloud register listed ten risks' controls as work to do; ``qualified_control``)."""
    phrases, bare = in_place_words()
    # a header written as a name in code ("existing_controls", a CSV export's) says the same words
    said = " ".join(words_of(header.replace("_", " ")))
    if any(f" {p} " in f" {said} " for p in phrases):
        return True
    return beside_a_plan and (said in bare or qualified_control(said.split(), bare, register))
