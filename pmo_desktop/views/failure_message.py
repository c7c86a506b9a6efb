"""A failure to read or write the office met where no code waits for one — a page or a chart drawn
from a file found damaged where the open's check does not look (a text that is not UTF-8), a refresh
after the server went away — says so in a message. Without it the page stays blank and the only trace
is a traceback on a console nobody sees (Qt hands an exception raised in a slot or an event handler to
``sys.excepthook`` and goes on). The traceback still goes where it went; one box per sentence at a
time, so a page refreshed again and again does not stack them."""

from __future__ import annotations

import re
import sys
from types import TracebackType
from typing import Callable

from PySide6.QtWidgets import QWidget

from .messages import warn

_PYSIDE_PREFIX = re.compile(r"^Error calling Python override of \S+\(\): ")


def failure_text(error: BaseException) -> str | None:
    """The sentence for a failure of the office's storage, None for any other error (a bug)."""
    from sqlalchemy.exc import DBAPIError

    from ..models.errors import OUT_OF_MEMORY, StoreError

    if isinstance(error, MemoryError):
        return OUT_OF_MEMORY
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
