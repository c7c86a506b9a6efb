"""A failure to read or write the office met where no code waits for one — a page or a chart drawn
from a file found damaged where the open's check does not look (a text that is not UTF-8), a refresh
after the server went away — says so in a message. Without it the page stays blank and the only trace
is a traceback on a console nobody sees (Qt hands an exception raised in a slot or an event handler to
``sys.excepthook`` and goes on). The traceback still goes where it went; one box per sentence at a
time, so a page refreshed again and again does not stack them."""

from __future__ import annotations

import functools
import re
import sys
from types import TracebackType
from typing import Any, Callable, TypeVar

from PySide6.QtWidgets import QWidget

from .messages import warn

_PYSIDE_PREFIX = re.compile(r"^Error calling Python override of \S+\(\): ")
Override = TypeVar("Override", bound=Callable[..., None])


def failure_text(error: BaseException) -> str | None:
    """The sentence for a failure of the office's storage, None for any other error (a bug)."""
    from ..models.errors import OUT_OF_MEMORY, StoreError, ran_out_of_memory

    if ran_out_of_memory(error):  # a MemoryError, or a C library's failed allocation (robust62)
        return OUT_OF_MEMORY
    from sqlalchemy.exc import DBAPIError

    if isinstance(error, StoreError):  # without what PySide puts before it ("Error calling Python override of …: ")
        return _PYSIDE_PREFIX.sub("", str(error))
    if isinstance(error, DBAPIError):
        detail = (str(error.orig).strip().splitlines() or [type(error.orig).__name__])[0]
        return f"The program office could not be read or written ({detail}). Nothing was changed."
    return None


def install(parent: Callable[[], QWidget | None], said_elsewhere: Callable[[BaseException], bool] | None = None) -> None:
    """``said_elsewhere(error)``: True when the window says that failure its own way — the database server away,
    said once in the window's bar while it is, where a box came for every row moved to."""
    previous = sys.excepthook
    showing: set[str] = set()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        previous(kind, error, tb)
        text = failure_text(error)
        if text is None or text in showing or (said_elsewhere is not None and said_elsewhere(error)):
            return
        showing.add(text)
        box = warn(parent(), "The program office", text)  # type: ignore[arg-type]  # None: a window of its own
        box.finished.connect(lambda *_: showing.discard(text))

    sys.excepthook = hook


def reported_not_raised(override: Override) -> Override:
    """For a Python override of a Qt virtual that returns nothing (``showEvent``, ``focusOutEvent``…) and reads the
    office, so can fail for a reason outside the program (the server away, the file busy or damaged): its failure
    goes to ``sys.excepthook`` — the traceback where it went, the window's message (``install``) — and the override
    returns to Qt as if it had done its work. Not raised into Qt, because PySide 6.11 keeps an exception raised in an
    override until control is back in Python, and meanwhile every other Python override Qt looks up for the first
    time on a widget (the rest of a page being shown with it) is released once too often (shiboken's
    ``Sbk_GetPyOverride`` drops a reference it never took) and never called on that widget again: the class's
    function was freed while the class still held it, and the next garbage collection, at any moment later, ended
    the application in a segmentation fault (the Heat map tab clicked while the server was away, crash51)."""

    @functools.wraps(override)
    def reporting(*args: Any, **kwargs: Any) -> None:
        try:
            override(*args, **kwargs)
        except Exception:  # noqa: BLE001 — reported here, as PySide did before it kept them
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]  # inside ``except``: never (None, None, None)

    return reporting  # type: ignore[return-value]
