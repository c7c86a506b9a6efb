"""A list cell's names as typed (a benefit's Enabling projects, a risk's Projects affected): each name typed that is
none of the list's but begins exactly one of them is that one, as in the single cell beside it. "Store" in a
benefit's Enabling projects was refused — "there is no project called “Store”. Did you mean “Store rollout”?" —
while the Project cell of a risk took "Store" for Store rollout (walk43)."""

from __future__ import annotations

from ...models import values as v
from .choice_editor import begun_by


def names_begun(typed: str, names: list[str], keys: set[str]) -> tuple[str, list[tuple[str, str]]]:
    """``typed`` ("Store; Tills") with each name that is no name or code of the list (``keys``, case folded) but
    begins one of ``names`` put as that name; and the names so read, (as typed, as taken). A name that begins none
    or several is left as typed, for the register to refuse with the names it may be."""
    items = v.split_list(typed)
    taken: list[tuple[str, str]] = []
    out: list[str] = []
    for item in items:
        begun = None if item.casefold() in keys else begun_by(names, item)
        if begun is not None and begun != item:
            taken.append((item, begun))
            item = begun
        if item not in out:
            out.append(item)
    if not taken:
        return typed, []
    return "; ".join(out), taken
