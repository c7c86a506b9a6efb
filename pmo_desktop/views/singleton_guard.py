"""Work around a reference-count bug of PySide6 6.12 on Python 3.11 that aborts the program.

PySide6 6.12 drops one reference to ``None``, ``True`` or ``False`` each time such a value crosses
from Python to C++ through a QVariant or a Python override of a Qt virtual (combo item data, and
pyqtgraph's ``itemChange``/``paint`` overrides: hundreds per chart redraw, a few per repaint). On
Python 3.11 these objects have ordinary reference counts, so after enough redraws the count reaches
zero and the interpreter aborts ("Fatal Python error: none_dealloc"). Python 3.12+ makes them
immortal (a huge fixed count), which hides the bug; this does the same on 3.11 by giving the three
objects a very large count, so the lost references can never bring it to zero in any real session.

Remove when PySide6 is fixed or the project requires Python 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40  # at a million lost references a second, 12 days before it could matter
_done = False


def protect_singletons() -> bool:
    """Apply once per process; returns True when the counts were raised (CPython < 3.12 only)."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
    return True
