"""Letters the board pack's Helvetica has no glyph for, printed in a font of the computer that has them.

The PDF's built-in fonts (Helvetica, with ReportLab's Symbol and ZapfDingbats beside it) know Windows-1252's
letters and little more: a Polish owner ("Łukasz"), a Czech one ("Jiří"), a Russian, Greek, Arabic or Chinese
title printed as black boxes, and the PDF's text was the boxes too. Each run of such letters is written in a
TrueType font of this computer that has them (DejaVu Sans, Noto, Arial Unicode, Microsoft YaHei …), embedded
(subset) in the PDF, so the pack prints and reads the same anywhere; the rest of the text stays Helvetica, as
before. A font is looked for only when the pack holds a letter Helvetica lacks, by reading the character map
of each font file (a few kilobytes of each), and only the fonts chosen are loaded. A letter no font of the
computer has still prints as a box (``missing`` names them). Arabic, Hebrew and every right-to-left text are
joined and put in display order first (``rtl_text``), as ReportLab draws the letters it is given left to right.
"""

from __future__ import annotations

import bisect
import os
import struct
import sys
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterator

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from . import rtl_text

BASE = "Helvetica"
_BASE_FONTS = ("Helvetica", "Symbol", "ZapfDingbats")  # ReportLab prints a letter in the first that has it
_LOCK = threading.Lock()
# Fonts tried first, for their coverage; any other font of the computer comes after them.
_PREFERRED = ("dejavusans.ttf", "notosans-regular.ttf", "arialuni.ttf", "arial.ttf", "segoeui.ttf", "tahoma.ttf",
              "notosansarabic-regular.ttf", "notosanshebrew-regular.ttf", "msyh.ttc", "msyh.ttf", "simsun.ttc",
              "msgothic.ttc", "meiryo.ttc", "malgun.ttf", "notosanscjk-regular.ttc", "wqy-microhei.ttc",
              "wqy-zenhei.ttc", "droidsansfallbackfull.ttf", "droidsansfallback.ttf", "arialunicode.ttf",
              "seguisym.ttf", "seguiemj.ttf", "symbola.ttf", "notoemoji-regular.ttf")
_STYLES = ("bold", "italic", "oblique", "light", "thin", "black", "condensed", "mono", "serif", "narrow",
           "semibold", "medium", "extra", "heavy")


# ------------------------------------------------------------------------------------ the base fonts
@lru_cache(maxsize=4096)
def in_base(ch: str) -> bool:
    """``ch`` prints in Helvetica or the symbol fonts ReportLab puts beside it."""
    if ch in "\n\t ":
        return True
    for name in _BASE_FONTS:
        try:
            ch.encode(pdfmetrics.getFont(name).encName)
        except (UnicodeEncodeError, LookupError):
            continue
        return True
    return False


# ------------------------------------------------------------------------------------ font files
def font_folders() -> list[Path]:
    """Where this computer keeps its fonts (the user's own first)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        return [*([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else []), windir / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                Path("/System/Library/Fonts/Supplemental")]
    data = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return [Path(data) / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


def _rank(path: Path) -> tuple[int, int, str]:
    name = path.name.lower()
    preferred = _PREFERRED.index(name) if name in _PREFERRED else len(_PREFERRED)
    styled = sum(1 for s in _STYLES if s in name.rsplit(".", 1)[0].replace("sans", ""))
    return preferred, styled, name


@lru_cache(maxsize=1)
def _font_files() -> tuple[Path, ...]:
    found: dict[str, Path] = {}
    for folder in font_folders():
        try:
            for root, _dirs, files in os.walk(folder):
                for f in files:
                    if f.lower().endswith((".ttf", ".ttc", ".otf")):
                        found.setdefault(f.lower(), Path(root) / f)
        except OSError:
            continue
    return tuple(sorted(found.values(), key=_rank))


Ranges = tuple[tuple[int, ...], tuple[int, ...]]  # (starts, ends) of the code points a font maps


def _read(fh: BinaryIO, at: int, size: int) -> bytes:
    fh.seek(at)
    data = fh.read(size)
    if len(data) < size:
        raise ValueError("cut short")
    return data


def _cmap_ranges(fh: BinaryIO, at: int) -> Ranges | None:
    """The code points the font at offset ``at`` of the file maps, from its cmap (format 12 or 4), or None
    when it has no TrueType outlines (ReportLab embeds only those). Reads its table directory and its cmap
    alone: a Chinese font's file is 20 MB and more."""
    (count,) = struct.unpack(">H", _read(fh, at + 4, 2))
    directory = _read(fh, at + 12, 16 * count)
    tables = {directory[16 * i: 16 * i + 4]: struct.unpack_from(">II", directory, 16 * i + 8) for i in range(count)}
    if b"glyf" not in tables or b"cmap" not in tables:
        return None
    where, size = tables[b"cmap"]
    data = _read(fh, where, size)
    (n,) = struct.unpack_from(">H", data, 2)
    subtables = {}
    for i in range(n):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        subtables[(platform, encoding)] = offset
    for key in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        sub = subtables.get(key)
        if sub is None:
            continue
        (fmt,) = struct.unpack_from(">H", data, sub)
        if fmt == 12:
            (groups,) = struct.unpack_from(">I", data, sub + 12)
            pairs = [struct.unpack_from(">II", data, sub + 16 + 12 * g) for g in range(groups)]
            return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)
        if fmt == 4:
            (seg2,) = struct.unpack_from(">H", data, sub + 6)
            segs = seg2 // 2
            ends = struct.unpack_from(f">{segs}H", data, sub + 14)
            starts = struct.unpack_from(f">{segs}H", data, sub + 16 + seg2)
            keep = [(s, e) for s, e in zip(starts, ends) if s != 0xFFFF]
            return tuple(s for s, _ in keep), tuple(e for _, e in keep)
    return None


@lru_cache(maxsize=None)
def _faces(path: Path) -> tuple[tuple[int, Ranges], ...]:
    """(index in the file, code points mapped) of each font in a font file; none when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            if _read(fh, 0, 4) == b"ttcf":
                (n,) = struct.unpack(">I", _read(fh, 8, 4))
                offsets = struct.unpack(f">{n}I", _read(fh, 12, 4 * n))
            else:
                offsets = (0,)
            out = []
            for index, offset in enumerate(offsets):
                ranges = _cmap_ranges(fh, offset)
                if ranges is not None:
                    out.append((index, ranges))
            return tuple(out)
    except (OSError, struct.error, ValueError):
        return ()


def _maps(ranges: Ranges, ch: str) -> bool:
    starts, ends = ranges
    i = bisect.bisect_right(starts, ord(ch)) - 1
    return i >= 0 and ord(ch) <= ends[i]


# ------------------------------------------------------------------------------------ choosing fonts
_chosen: dict[str, str | None] = {}  # a letter → the registered font printing it (None: no font has it)
_registered: dict[tuple[Path, int], str] = {}


def _register(path: Path, index: int) -> TTFont | None:
    name = _registered.get((path, index))
    if name is not None:
        return pdfmetrics.getFont(name)
    name = f"PMO-{path.stem}-{index}"
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception:  # noqa: BLE001  (a font ReportLab cannot read is no font for us)
        return None
    pdfmetrics.registerFont(font)
    # In a bold paragraph (a table's header) the same font: ReportLab looks the family's bold up.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    _registered[(path, index)] = name
    return font


def _choose(letters: set[str]) -> None:
    """Find a font for each of ``letters`` not chosen for yet: the first font file (in ``_rank``'s order)
    mapping any of them is loaded, and takes every one of them it has a glyph for."""
    left = {ch for ch in letters if ch not in _chosen}
    if not left:
        return
    for path in _font_files():
        for index, ranges in _faces(path):
            maybe = {ch for ch in left if _maps(ranges, ch)}
            if not maybe:
                continue
            font = _register(path, index)
            if font is None:
                continue
            glyphs = font.face.charToGlyph
            for ch in maybe:
                if glyphs.get(ord(ch)):
                    _chosen[ch] = font.fontName
                    left.discard(ch)
            if not left:
                return
    for ch in left:
        _chosen[ch] = None


def font_of(ch: str) -> str | None:
    """The font printing ``ch``: None for Helvetica's own letters (and for one no font of this computer has)."""
    if in_base(ch):
        return None
    if ch not in _chosen:
        with _LOCK:
            _choose({ch})
    return _chosen[ch]


# The letters no font could print while a document is laid out (``unprinted``), for it to say so.
_UNPRINTED: ContextVar[set[str] | None] = ContextVar("unprinted", default=None)


@contextmanager
def unprinted() -> Iterator[set[str]]:
    """While in it, the letters ``runs`` met that no font of the computer has are collected into the set given."""
    seen: set[str] = set()
    token = _UNPRINTED.set(seen)
    try:
        yield seen
    finally:
        _UNPRINTED.reset(token)


def runs(text: str, left_to_right: bool = False) -> list[tuple[str | None, str]]:
    """``text`` cut into runs of one font each: (None for the base font, else the font's name, text), in the
    order it is drawn — right-to-left letters joined and in display order (``rtl_text.visual``; ``left_to_right``:
    a line composed around a value, read from the left whatever its first letter)."""
    out: list[tuple[str | None, str]] = []
    seen = _UNPRINTED.get()
    for ch in rtl_text.visual(text, left_to_right):
        font = None if in_base(ch) else font_of(ch)
        if font is None and seen is not None and not in_base(ch):
            seen.add(ch)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def missing(text: str) -> str:
    """The letters of ``text`` that no font of this computer can print."""
    return "".join(dict.fromkeys(ch for ch in text if not in_base(ch) and font_of(ch) is None))


def one_font(text: str, base: str) -> str:
    """One font for the whole of ``text`` (a chart's label is drawn in one): ``base`` when it prints every
    letter, else a font of the computer that prints them all, else ``base``."""
    others = {name for name in (font_of(ch) for ch in text if not in_base(ch)) if name is not None}
    if not others:
        return base
    for name in others:
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        if all(glyphs.get(ord(ch)) or ch in " \t\n" for ch in text):
            return name
    return base


def width(text: str, font: str, size: float) -> float:
    """The printed width of ``text`` with its letters in the fonts ``runs`` gives them."""
    return float(sum(pdfmetrics.stringWidth(part, name or font, size) for name, part in runs(text)))
