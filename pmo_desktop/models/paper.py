"""The paper the office prints its board pack on: A4, or US Letter where that is the paper sold.

Qt-free: the office keeps its choice (``BOARD_PACK_PAPER``); unset, the paper is the computer's locale's
(a country that prints on Letter: the US, Canada, Mexico, the Philippines and a few others), else A4.
"""

from __future__ import annotations

import os

from .errors import ValidationError

A4, LETTER = "A4", "Letter"
PAPERS = (A4, LETTER)
# The territories whose ordinary paper is US Letter (CLDR's paper-size data: the US and its territories,
# Canada, Mexico, the Philippines, Chile, Colombia, Venezuela and Central America).
LETTER_TERRITORIES = frozenset({"US", "PR", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "SV", "HN", "NI", "CR", "PA",
                                "BZ", "DO"})


def territory_paper(territory: str) -> str:
    """The paper sold in a territory given by its two-letter code ("US" → Letter, "GB" → A4)."""
    return LETTER if territory.upper() in LETTER_TERRITORIES else A4


def locale_paper(environ: dict[str, str] | None = None) -> str:
    """The paper of the computer's locale as the environment says it (LC_PAPER, then LC_ALL, then LANG:
    "en_US.UTF-8" → Letter); A4 when none says a territory."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name, "")
        lang = value.split(".")[0].split("@")[0]
        if "_" in lang:
            return territory_paper(lang.split("_")[1])
    return A4


def check_paper(paper: str) -> str:
    """The paper's own spelling ("letter" → "Letter"); a ValidationError naming the choices otherwise."""
    for p in PAPERS:
        if paper.strip().lower() in (p.lower(), "us letter" if p == LETTER else p.lower()):
            return p
    raise ValidationError(f"The board pack's paper must be A4 or Letter (got “{paper}”).")
