"""Classes of problem left by import round 42 and its held-out set (docs/import-rounds.md, "Round 42's misses
(left42b)"): each test writes a file of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv


@pytest.mark.parametrize("header", [
    ["ID", "Riesgo", "Probabilidad_Inicial", "Impacto_Inicial", "Probabilidad_Residual", "Impacto_Residual"],
    ["ID", "Risk", "Likelihood_Initial", "Impact_Initial", "Likelihood_Residual", "Impact_Residual"],
    ["ID", "Risk", "Likelihood Original", "Impact Original", "Likelihood Residual", "Impact Residual"],
])
def test_an_inherent_pair_with_its_stage_said_last_gives_both_levels(sqlite_store, tmp_path, header):
    """A register rating each risk twice, its headers joined by underscores with the stage said after the level
    ("Probabilidad_Inicial", "Impacto_Inicial" beside "…_Residual"): the first pair is the risk's probability
    and impact, in any language. Before, the probability was read but "Impacto_Inicial" went to the notes and
    every risk lacked its impact."""
    rows: list[list[object]] = [
        header,
        ["R1", "Ransomware on office machines", 4, 5, 2, 4],
        ["R2", "Credentials stolen by phishing", 3, 4, 2, 3],
        ["R3", "Backup site unavailable", 2, 3, 1, 2],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "riesgos.csv", rows))
    got = {r["code"]: (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"])
           for r in rows_of(sqlite_store, "risks")}
    assert got == {"R1": (4, 5, 2, 4), "R2": (3, 4, 2, 3), "R3": (2, 3, 1, 2)}
    notes = " ".join(str(r["notes"] or "") for r in rows_of(sqlite_store, "risks"))
    assert header[3] not in notes
