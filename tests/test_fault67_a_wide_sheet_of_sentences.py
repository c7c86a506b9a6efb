"""Fault round 67: a wide sheet of sentences — a risk grid of 1,000 × 1,000 cells, each a risk written out ("risk
number 3 5 of the grid"), a survey's free answers across. The header search asks of each of its top cells, for each
register, whether the words after a known header's ("Risk …") name another register's records, a word at a time;
each word was compared with every noun of every language the words files give (some 200): 17 million comparisons
for a grid of 40 × 40, 15 s of CPU for 60 × 60, and the import of the 1,000 × 1,000 grid had not ended after 300 s.
A word is now looked up by its own stems (four at most): the same answers, at the cost of a look-up."""

from __future__ import annotations

from pmo_desktop.excel import header_detection as hd
from pmo_desktop.excel.header_detection import ALL_KINDS


def _slow_reference(word: str, nouns: frozenset[str]) -> bool:
    """The rule as written before: a noun, or one of four letters or more it begins with, at most three more."""
    return word in nouns or any(len(n) >= 4 and word.startswith(n) and len(word) - len(n) <= 3 for n in nouns)


def _words(nouns: frozenset[str]) -> list[str]:
    """Each noun, each with one to four letters more and one fewer, and words of no noun."""
    out = ["grid", "number", "of", "the", "a", "x", "supplier", "late"]
    for n in sorted(nouns)[:400]:
        out += [n, n + "a", n + "ami", n + "ovoy", n + "ovoya", n[:-1]]
    return out


def test_a_noun_is_told_by_its_stems_as_before() -> None:
    kind = ALL_KINDS[0]
    for nouns in (hd._nouns_of_others(kind), hd._nouns(kind)):
        for word in _words(nouns):
            assert hd._a_noun_of(word, nouns) == _slow_reference(word, nouns), word


class _CountedNouns(frozenset[str]):
    """The nouns, counting how often they are gone through whole and how often one is looked up."""

    walks = 0
    looks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()

    def __contains__(self, item: object) -> bool:
        type(self).looks += 1
        return super().__contains__(item)


def test_the_words_of_a_wide_sheet_cost_a_look_up_each() -> None:
    """Counted, not timed: each word asks at most five look-ups (itself and four stems) and never goes through every
    noun, as main's rule did for each word (200 nouns a word, 17 million comparisons for 40 × 40 cells)."""
    nouns = _CountedNouns(hd._nouns_of_others(ALL_KINDS[0]))
    assert len(nouns) > 100  # every other register's nouns, in every language: what made the cost
    _CountedNouns.walks = _CountedNouns.looks = 0
    words = [f"risk{i}word" for i in range(4_000)]  # a wide sheet's words, no noun among them
    assert not any(hd._a_noun_of(w, nouns) for w in words)
    assert _CountedNouns.walks == 0
    assert _CountedNouns.looks <= 5 * len(words)
