"""A map's features exported to a sheet, told from a register (issue 12, unseen set 71).

A storm-shelter survey exported from a GIS as GeoJSON and opened in Excel, "Incidencias.xlsx": "type | id | geometry
| geometry_name | … | MUNICIPIO | RESPONSIBL …", every row "Feature" under "type" and its shape ("[Record]") under
"geometry". GeoJSON (RFC 7946) writes each thing on a map so: a member "type" of "Feature" beside its "geometry".
Read as an issue log, every row was left out as "planned work of the tracker's backlog (a feature …)": the product
said the right thing (nothing made) for a wrong reason, which sent the user looking for a backlog.

The format's two member names and the one value are the evidence, decided once per sheet from the sample under the
header: a column headed "type" whose every cell says "Feature", and a column headed "geometry".
"""

from __future__ import annotations

from typing import Any

from .header_detection import HeaderMatch
from .sample_columns import filled_texts
from .vocabulary import word_key

MAP_FEATURES_REASON = "its rows are a map's features"


def map_features(match: HeaderMatch, sample: list[list[Any]]) -> str | None:
    """Why the sheet matched is a map's features exported from GeoJSON (see the module's docstring), or None."""
    keys = [word_key(h) if isinstance(h, str) else "" for h in match.headers]
    if "geometry" not in keys or "type" not in keys:
        return None
    kinds = filled_texts(sample, keys.index("type"))
    if not kinds or any(word_key(k) != "feature" for k in kinds):
        return None
    return (f"{MAP_FEATURES_REASON} exported from a geographic data set (GeoJSON): each row is a place or a shape — "
            "“Feature” under “type”, beside its “geometry” — not a record of a register the office keeps.")
