"""Opening a register filtered to what a dashboard tile counts, with the tables' own filters: column
filters (the same as the header menu's "filter by value" and the Risks page's quick filters) and a
record filter (the same as a heat-map cell's, shown as a chip the user removes with one click)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .register_table import RegisterView


@dataclass(frozen=True)
class RegisterFilter:
    """Which register to show and how to filter it. ``columns``: field name → allowed display values;
    ``ids``: only these records, shown with ``label`` on the filter chip; ``view``: a page's own view of
    a register that is not a table (the action log's "overdue")."""

    register: str
    columns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    ids: frozenset[int] | None = None
    label: str = ""
    view: str = ""


def apply_filter(view: RegisterView, target: RegisterFilter) -> None:
    """Replace whatever filters the table had with the target's."""
    view.clear_filters()
    for name, allowed in target.columns.items():
        view.set_column_filter(name, set(allowed))
    if target.ids is not None:
        view.set_record_filter(set(target.ids), target.label)
    elif target.columns and target.label:
        view.show_filter_label(target.label)
