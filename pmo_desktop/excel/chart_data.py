"""A chart's data saved as a workbook, told from an office's register (issue 12, round 54).

A dashboard's bubble chart of risks was fed from "risk.xlsx": "Название | Дата | Вероятность | Последствия |
Тип | Фигура | Цвет" (name, date, probability, consequence, type, shape, colour), five kinds of risk repeated
29 times with random dates, probabilities and money amounts, each row carrying the plot's marker shape
("circle", "triangle-up", "hexagon") and its colour ("Cyan", "DarkOrchid", "DeepPink"). Its name, probability
and type columns match a register, and the 29 points were read as 29 risks.

What it is shows in two columns no office keeps on its records: one whose every value is a plotting library's
marker symbol, one whose every value is a colour as a program names it (a CSS or X11 name, "#1f77b4"). Both
are needed: a register's RAG column ("Red", "Green") is a colour column alone, and a column of shapes alone
says nothing. Marker symbols and colour names are a program's identifiers, the same in every language, so they
are kept here rather than in the words files.

Decided once per sheet from the sample of rows under the header, so it costs nothing per row.
"""

from __future__ import annotations

import re
from typing import Any

from .header_detection import HeaderMatch
from .sample_columns import filled_texts

# plotly's and Vega's marker symbols (matplotlib's one-character markers, "o", "^", say too little alone),
# with plotly's "-open", "-dot" and "-open-dot" variants
_MARKER_BASES = frozenset({
    "circle", "square", "diamond", "cross", "x", "triangle", "triangle-up", "triangle-down", "triangle-left",
    "triangle-right", "triangle-ne", "triangle-se", "triangle-sw", "triangle-nw", "pentagon", "hexagon",
    "hexagon2", "octagon", "star", "hexagram", "star-triangle-up", "star-triangle-down", "star-square",
    "star-diamond", "diamond-tall", "diamond-wide", "hourglass", "bowtie", "circle-cross", "circle-x",
    "square-cross", "square-x", "diamond-cross", "diamond-x", "cross-thin", "x-thin", "asterisk", "hash",
    "y-up", "y-down", "y-left", "y-right", "line-ew", "line-ns", "line-ne", "line-nw", "arrow-up", "arrow-down",
    "arrow-left", "arrow-right", "arrow-bar-up", "arrow-bar-down", "arrow-bar-left", "arrow-bar-right",
    "triangle-point-up", "triangle-point-down", "wye", "plus", "dot"})
_MARKER_RE = re.compile(r"^(?P<base>[a-z0-9-]+?)(?:-open-dot|-open|-dot)?$")

# the CSS colour keywords (the X11 names browsers and plotting libraries take), and colours written as hex codes
_COLOUR_NAMES = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
darkgrey darkgreen darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray grey green greenyellow honeydew
hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
lightgoldenrodyellow lightgray lightgrey lightgreen lightpink lightsalmon lightseagreen lightskyblue
lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange
orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna
silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet
wheat white whitesmoke yellow yellowgreen""".split())
_HEX_RE = re.compile(r"^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$")

MIN_ROWS = 3  # a sample this small says nothing of how a column is written


def _markers(values: list[str]) -> bool:
    """Every value a plotting library's marker symbol ("circle", "triangle-up", "square-open")."""
    return len(values) >= MIN_ROWS and all(
        (m := _MARKER_RE.match(v.lower())) is not None and m.group("base") in _MARKER_BASES for v in values)


def _colours(values: list[str]) -> bool:
    """Every value a colour as a program names it ("DarkOrchid", "#1f77b4"), two kinds at least."""
    keys = [v.lower().replace(" ", "") for v in values]
    return len(keys) >= MIN_ROWS and len(set(keys)) >= 2 and all(k in _COLOUR_NAMES or _HEX_RE.match(k) for k in keys)


def chart_data(match: HeaderMatch, sample: list[list[Any]]) -> str | None:
    """Why the sheet matched is a chart's data series (a column of marker symbols and one of colours), or None."""
    if match.kind.is_child or len(sample) < MIN_ROWS:
        return None
    width = max((len(r) for r in sample), default=0)
    columns = {c: filled_texts(sample, c) for c in range(width)}
    shapes = next((c for c, values in columns.items() if _markers(values)), None)
    if shapes is None:
        return None
    colours = next((c for c, values in columns.items() if c != shapes and _colours(values)), None)
    if colours is None:
        return None

    def named(c: int) -> str:
        header = match.headers[c] if c < len(match.headers) else None
        return f"“{str(header).strip()}”" if header is not None and str(header).strip() else f"column {c + 1}"

    kinds = list(dict.fromkeys(columns[shapes]))[:2]
    paints = list(dict.fromkeys(columns[colours]))[:2]
    return (f"a chart's data, not the {match.kind.reg.title.lower()}: {named(shapes)} holds a plot's marker shapes "
            f"(“{'”, “'.join(kinds)}”) and {named(colours)} its colours (“{'”, “'.join(paints)}”), which no "
            "office keeps on its records.")
