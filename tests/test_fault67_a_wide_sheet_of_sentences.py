"""Fault round 67: a wide sheet of sentences — a risk grid of 1,000 × 1,000 cells, each a risk written out ("risk
number 3 5 of the grid"), a survey's free answers across. The header search asks of each of its top cells, for each
register, whether the words after a known header's ("Risk …") name another register's records, a word at a time;
each word was compared with every noun of every language the words files give (some 200): 17 million comparisons
for a grid of 40 × 40, 15 s of CPU for 60 × 60, and the import of the 1,000 × 1,000 grid had not ended after 300 s.
A word is now looked up by its own stems (four at most): the same answers, at the cost of a look-up."""

from __future__ import annotations

import time

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


def test_the_words_of_a_wide_sheet_cost_a_look_up_each() -> None:
    nouns = hd._nouns_of_others(ALL_KINDS[0])
    assert len(nouns) > 100  # every other register's nouns, in every language: what made the cost
    words = [f"risk{i}word" for i in range(40_000)]  # 40,000 words of a wide sheet's cells, no noun among them
    spent = time.process_time()
    assert not any(hd._a_noun_of(w, nouns) for w in words)
    cpu = time.process_time() - spent
    assert cpu < 0.6, f"{cpu:.2f} s of CPU"  # CPU time, which other work on the machine leaves alone
