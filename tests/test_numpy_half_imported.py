"""A register's ids parsed while numpy's import is still under way on another thread.

``windowed.import_numpy_ahead`` imports numpy on a worker; ``sys.modules`` holds the module from the moment
that import begins. Ids read on the GUI thread meanwhile must not use the half-made module (its attributes are
not there yet): they are parsed without it, the same ids.
"""
import importlib.machinery
import sys
import types

from pmo_desktop.models import windows


def half_imported_numpy() -> types.ModuleType:
    module = types.ModuleType("numpy")
    spec = importlib.machinery.ModuleSpec("numpy", None)
    spec._initializing = True  # what importlib sets while a module's code still runs
    module.__spec__ = spec
    return module


def test_ids_parsed_while_numpy_is_half_imported(monkeypatch):
    text = "[" + ",".join(str(i) for i in range(1, 20_001)) + "]"
    monkeypatch.setitem(sys.modules, "numpy", half_imported_numpy())
    assert windows._parse_ids(text).tolist() == list(range(1, 20_001))


def test_ids_parsed_by_numpy_once_imported():
    import numpy

    assert windows._numpy_if_imported() is numpy
    assert windows._parse_ids("[3,1,2]").tolist() == [3, 1, 2]
