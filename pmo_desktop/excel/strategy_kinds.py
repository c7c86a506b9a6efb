"""A risk's kind told by its response strategy alone (issue 12, classes68b).

Exploit, enhance and share are the strategies of an opportunity, so a risk given one with no kind written was stored
as an opportunity. But a course's register writing its threats' strategies from the textbook's list picks them
loosely: "late funding", "underestimated complexity" under "Усиление" (enhance) and "Разделение" (share), beside
"Смягчение" (mitigate) and "Предотвращение" (avoid) on the other rows — four threats were made opportunities
(unseen set 67). The strategy word makes an opportunity only with other evidence: a kind column (the rule never
runs then), an opportunity word in the risk's own text, a sheet whose strategies are mostly an opportunity's, or
the rows given one standing together (a register listing its opportunities after its threats: round 17's two
"Exploit" rows under "Success").
Otherwise the risk stays a threat, the strategy not set (a threat cannot hold it) and said in its notes, and the
preview says so once a sheet. Decided once a sheet, after its rows are read.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .vocabulary import gain_words, value_words, words_of

# the texts a risk says what it is in: an opportunity word there ("a chance to reuse …" aside) is the kind's evidence
_TEXTS = ("title", "description", "cause", "event", "effect")
MIN_WORD = 4  # "O", "+", "pos": a kind column's marks, no word of a sentence


@lru_cache(maxsize=1)
def _opportunity_words() -> frozenset[str]:
    return frozenset(k for k, kind in value_words("risks.kind").items() if kind == "Opportunity" and len(k) >= MIN_WORD)


def says_opportunity(values: dict[str, Any]) -> bool:
    """Whether a risk's own texts name it an opportunity ("Opportunity to reuse the platform", "возможность …"), or
    its name opens with something gained ("Zdobycie dużej popularności …", gaining great popularity; "Obtaining a
    discount"): a student's register writing its opportunities by what they bring, under "wzmocnienie" (enhance)
    among its threats' "redukowanie" (unseen set 73: three kept threats). Asked only of a risk given an
    opportunity's strategy, so a threat named "Obtaining permits late" under "Reduce" is never asked."""
    words = _opportunity_words()
    if any(w in words for name in _TEXTS if isinstance(values.get(name), str) for w in words_of(values[name])):
        return True
    title = values.get("title")
    first = words_of(title)[:1] if isinstance(title, str) else []
    return bool(first) and first[0] in gain_words()


def strategy_tells_kind(responses: Iterable[str | None], positive: frozenset[str], negative: frozenset[str]) -> bool:
    """Whether a sheet's strategies tell its risks' kind (its rows' responses in order): more than half of them are
    an opportunity's own (exploit, enhance, share — a register of opportunities), or the rows given one stand
    together, no threat's own strategy (avoid, reduce, transfer) between them — the register's opportunities
    listed after its threats or under a heading of their own. Scattered among the threats' rows, an opportunity's
    strategy is a loose pick from the textbook's list, and tells nothing."""
    given = [r for r in responses if r]
    at = [i for i, r in enumerate(given) if r in positive]
    if len(at) * 2 > len(given):
        return True
    return not any(r in negative for r in given[at[0]:at[-1]]) if at else True


def kept_a_threat_line(response: str, written: str | None) -> str:
    """The note a risk kept a threat keeps of its strategy."""
    said = f"“{written}”" if written and written.strip().lower() != response.lower() else response
    return (f"Response not set: {said} ({response}) is a strategy for an opportunity, and nothing else says this "
            "risk is one — kept a threat.")
