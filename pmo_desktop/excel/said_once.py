"""A sheet read by several registers' passes (a RAID log: its risks, issues, assumptions and dependencies each
read by their register's own pass) says each of its rows once in the report (classes66b). Each pass skipped
the rows of the other types ("a risk row of the RAID log, imported into the risk register") and the empty
rows under them again: an intern's RAID template of 6 records and 18 numbered empty rows reported 114 skip
lines, the same rows four and five times over. A row another pass imports is said once to be that register's
(the report's lines name the rows skipped, not those imported); a row every pass skips is said once, by its own
reason (empty, a note) rather than by another pass's "not my type"."""

from __future__ import annotations

from .import_plan import Action, ImportPlan, PlannedRow


def said_once(plan: ImportPlan) -> None:
    """Drop from ``plan`` the skip lines that only repeat, for a row of a sheet read by several passes, what
    another pass says of it (``PlannedRow.elsewhere``: skipped as another register's row): the first such line
    of a row stays, unless a pass skips the row for a reason of its own."""
    passes: dict[str, list[list[PlannedRow]]] = {}
    for sheet in plan.sheets:
        passes.setdefault(sheet.sheet, []).append(sheet.rows)
    for rows_of in passes.values():
        if len(rows_of) < 2:
            continue
        said: set[int] = set()  # rows a skip for a reason of their own already says
        for rows in rows_of:
            said.update(r.report.row for r in rows if r.report.action is Action.SKIP and not r.elsewhere)
        for rows in rows_of:
            kept = []
            for r in rows:
                if r.report.action is Action.SKIP and r.elsewhere:
                    if r.report.row in said:
                        continue
                    said.add(r.report.row)
                kept.append(r)
            rows[:] = kept
