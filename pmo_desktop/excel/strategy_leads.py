"""A response column written "strategy: what is done" (issue 12, classes72b).

A course team's risk register wrote each risk's response as its strategy, a colon, then the measure: "Avoiding:
Ensure all team members are aware of the requirements", "Mitigating: Find loopholes in the strategy", "Transfering:
Contract". The strategy word was read as the response (Avoid, Reduce, Transfer) and the measure kept only in the
notes: no action was made (unseen set 72). The planner already split a cell opening with a response word of the
files exactly ("Mitigate – Use test sandbox keys …", its plan two words or more); a form or a slip of one was read by
a part of the cell, the rest lost to the notes.

When most of a response column's filled cells are so written — one to three words the response reads (its words, a
form or a slip of one, as the response's own reading allows), a colon, text — the column is read so, every such cell:
the words the response, the text after the colon the risk's action, as a plan column's text is, one word or more
("Contract"). Decided once a column from the rows the planner holds, and said once a sheet. A cell opening
otherwise ("Note: see the contract") is read as it was; a colon after other words splits nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

# one to three words, a colon, then the text: "Avoiding: Ensure …", "Risk transfer: insurance"
_LEAD_RE = re.compile(r"\s*([^\W\d_][^\W\d_'’-]*(?:[ '’-][^\W\d_]+){0,2})\s*:\s*(\S.*)", re.S)
MIN_LED = 2  # one such cell is a cell, not the column's way of writing


def lead_and_rest(text: str) -> tuple[str, str] | None:
    """(the words before the colon, the text after it) of a cell written "<word>: <text>", else None."""
    m = _LEAD_RE.match(text)
    return (m.group(1), m.group(2).strip()) if m is not None else None


def strategy_led(cells: Iterable[Any], read: Callable[[str], str | None]) -> bool:
    """Whether a response column is written "strategy: what is done": ``read`` gives the strategy a cell's opening
    words name (None for none), and more than half of the filled cells, two at least, open with one."""
    # each distinct cell looked at once, counted as often as it is written (a column of a few words over 2,000 rows)
    filled = Counter(c for c in cells if isinstance(c, str) and c.strip())
    led = sum(n for c, n in filled.items() if (split := lead_and_rest(c)) is not None and read(split[0]) is not None)
    return led >= MIN_LED and led * 2 > filled.total()


def strategy_led_note(header: str, read_as: dict[str, str]) -> str:
    """The sheet note saying the column was so read, with the words read as each strategy."""
    words = "; ".join(f"“{w}” as {s}" for w, s in sorted(read_as.items()))
    return (f"“{header}” is written as a strategy, a colon, then what is done (“{next(iter(read_as))}: …”): the "
            f"words before the colon give the response ({words}), the text after it is the risk's action.")
