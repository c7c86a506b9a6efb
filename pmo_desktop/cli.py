"""Command line entry: the GUI by default, headless subcommands otherwise.

Headless paths import no Qt at all, so they run on servers without display libraries.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from .views.app import run_gui

    return run_gui(argv)
