"""One log kept on a sheet a period, each numbering its records from 1 (issue 12, classes70a).

A student team's decision log had a sheet a semester ("25S1", then "24S2(Legacy)"), nearly the same columns on
both, IDs 1 … 9 on each. The import merges a later sheet's row into the earlier sheet's record of the same ID (a
risk list, then its response plan; a summary, then a detail sheet a risk) when their titles are alike, and titles
of a few words were alike by a shared "the" or "create": the legacy decisions 1 and 2 ("Create and Finish the Team
Charter") went into this semester's 1 and 2 ("Rename the team"), two decisions lost (unseen set 70).

Decided once a sheet pair, per ID: when most of the later sheet's headers are the earlier sheet's (two in three
of the larger set — another version of the same table, not a second view of its records), a row merges into the
earlier record only if their titles agree by the words that say something (longer than three letters, half of
each title's at least) or one title holds the other; otherwise it is another record, added under a new ID with
its own kept in the notes (as the rows of other IDs already were). Sheets of different columns merge as before.
No Qt, no database."""

from __future__ import annotations

from collections.abc import Sequence

from .vocabulary import word_key, words_of


def same_table(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Two sheets' headers (as words) are versions of one table: two in three of the larger set shared."""
    a, b = {h for h in mine if h}, {h for h in theirs if h}
    if len(a) < 3 or len(b) < 3:
        return False
    return len(a & b) * 3 >= max(len(a), len(b)) * 2


def titles_agree(a: str, b: str) -> bool:
    """Two titles name the same record: equal but for case and punctuation, one holding the other, or sharing
    half of each one's words longer than three letters ("the", "and", "for" say nothing)."""
    ka, kb = word_key(a), word_key(b)
    if not ka or not kb or ka in kb or kb in ka:
        return True
    wa, wb = {w for w in words_of(a) if len(w) > 3}, {w for w in words_of(b) if len(w) > 3}
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared * 2 >= len(wa) and shared * 2 >= len(wb)
