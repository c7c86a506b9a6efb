"""Work around a PySide6 6.12 reference-count bug on Python 3.11.

PySide6 6.12's abi3 wheels return None / True without taking a reference (fine on Python 3.12+,
where those objects are immortal). On 3.11 every such call — any void Qt method, every Python
``Signal.emit()`` — drops one reference from None or True, and after some thousands of calls the
interpreter aborts with "bool_dealloc: deallocating True or False". Giving the three singletons a
huge reference count, as 3.12 does, makes the lost references harmless: they are never freed anyway.
"""

import ctypes
import sys

IMMORTAL_SHARE = 1 << 40


def apply() -> None:
    if sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is a PyObject's first field
        if refcount.value < IMMORTAL_SHARE:
            refcount.value += IMMORTAL_SHARE
