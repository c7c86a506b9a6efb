"""Right-to-left text — Arabic, Hebrew, Persian, Urdu — made ready for a PDF that draws letters left to right.

The screen shapes such text with Qt (HarfBuzz): each Arabic letter takes the form that joins it to its
neighbours, and a right-to-left run reads from the right. ReportLab, which writes the board pack's PDF (no Qt, so
the command line needs no display), draws the letters it is given one after the other, left to right: a
stakeholder named "محمد الأحمد" printed as eleven separate letters read backwards, a Hebrew risk title
backwards too. So the text is given to it as it is to be seen:

* each Arabic letter replaced by its joining form (isolated, initial, medial, final — the Unicode "presentation
  forms" every Arabic font carries), lam and alef by their ligature, decided in the order typed; the forms are
  read from Unicode's own decompositions (``unicodedata``), not typed in here, so every Arabic-script letter that
  has them — Persian's and Urdu's too — joins;
* then each line put in display order by the Unicode bidirectional algorithm (``python-bidi``): right-to-left
  runs reversed, numbers and Latin words inside them kept reading left to right, brackets mirrored, each vowel
  mark after its letter again.

Text with no right-to-left letter is returned as it is. A paragraph that wraps onto several lines is cut into its lines
first, in the order typed, each then ordered here (``boardpack_pdf.RightToLeftParagraph``): ordered whole and then
wrapped, a long right-to-left title in a narrow cell read its lines bottom to top.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# python-bidi's Rust algorithm (Unicode 6.3 and later) resolves the levels: its pure-Python one (``bidi.algorithm``)
# does not pair brackets (rule N0), so that "محمد Smith (PMO)" printed "(Smith (PMO". The Rust one's own display
# leaves brackets unmirrored ("מחיר (ש״ח)" printed them back to front), so the line is reordered here from its
# levels (``_display``), each character of a right-to-left level mirrored.
from bidi import get_base_level
from bidi import get_display as _resolved
from bidi.algorithm import get_display as _unpaired_display
from bidi.mirror import MIRRORED

_FORMS = ("isolated", "final", "initial", "medial")
_ZWJ = "\u200d"
_TATWEEL = "\u0640"  # joins on both sides and has no forms of its own (it is the joining stroke)
_LAM = "\u0644"


@lru_cache(maxsize=1)
def _presentation_forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """From Unicode's data: each Arabic-script letter's forms ({"final": "ﺐ", …}), and the lam-alef ligatures'
    ({(lam, alef): {"isolated": …, "final": …}}), read from the decompositions of the presentation-form blocks."""
    letters: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], dict[str, str]] = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        tag, _, base = unicodedata.decomposition(chr(code)).partition(" ")
        form = tag.strip("<>")
        if form not in _FORMS or not base:
            continue
        parts = tuple(chr(int(h, 16)) for h in base.split())
        if len(parts) == 1:
            letters.setdefault(parts[0], {}).setdefault(form, chr(code))
        elif len(parts) == 2 and parts[0] == _LAM:
            ligatures.setdefault((parts[0], parts[1]), {}).setdefault(form, chr(code))
    # Only the ligatures every Arabic text uses: lam with an alef (a letter joining on its right alone). The
    # blocks' other ligatures — lam-meem, lam-jeem … — are a calligrapher's choice, and fonts have few of them.
    ligatures = {pair: forms for pair, forms in ligatures.items()
                 if pair[1] in letters and not {"initial", "medial"} & set(letters[pair[1]])}
    return letters, ligatures


def _joining(ch: str) -> str:
    """Unicode's joining type, as the forms tell it: "D" joins on both sides, "R" only to the letter before it,
    "C" causes joining (tatweel, the zero-width joiner), "T" is a mark the joining looks through, "U" none."""
    if ch in (_TATWEEL, _ZWJ):
        return "C"
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return "T"
    forms = _presentation_forms()[0].get(ch)
    if not forms:
        return "U"
    return "D" if "initial" in forms or "medial" in forms else "R"


def _joined(text: str) -> str:
    """``text`` with each Arabic letter in its joining form, in the order typed."""
    letters, ligatures = _presentation_forms()
    types = [_joining(ch) for ch in text]
    solid = [i for i, t in enumerate(types) if t != "T"]  # the letters joining looks at, marks left out
    before = {i: (solid[k - 1] if k else None) for k, i in enumerate(solid)}
    after = {i: (solid[k + 1] if k + 1 < len(solid) else None) for k, i in enumerate(solid)}
    out: list[str] = []
    skip: set[int] = set()
    for i, ch in enumerate(text):
        if i in skip:
            continue
        kind = types[i]
        if kind not in ("D", "R"):
            out.append(ch)
            continue
        prev, nxt = before[i], after[i]
        joins_before = prev is not None and types[prev] in ("D", "C")
        joins_after = kind == "D" and nxt is not None and types[nxt] in ("D", "R", "C")
        if nxt == i + 1:  # lam then alef: one glyph, joined to the letter before it or not
            ligature = ligatures.get((ch, text[nxt]), {}).get("final" if joins_before else "isolated")
            if ligature:
                out.append(ligature)
                skip.add(nxt)
                continue
        form = ("medial" if joins_before and joins_after else "final" if joins_before
                else "initial" if joins_after else "isolated")
        out.append(letters[ch].get(form) or letters[ch].get("isolated") or ch)
    return "".join(out)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def reads_left_to_right(text: str) -> bool:
    """Whether a paragraph of ``text`` reads from the left, as its first strong letter says (Unicode's rule P2)."""
    return bool(get_base_level(text) == 0)


def _marks_after_their_letters(line: str) -> str:
    """A right-to-left run reversed puts each vowel mark (a haraka, a niqqud point) before its letter; drawn left to
    right, a mark goes over the glyph before it, so each is moved back after its letter — those of a left-to-right
    word (an "é" typed as e and its accent) stay where they are."""
    out: list[str] = []
    marks: list[str] = []
    for ch in line:
        if unicodedata.category(ch) == "Mn":
            marks.append(ch)
            continue
        before = out[-1] if out else " "
        if marks and unicodedata.bidirectional(ch) in ("R", "AL") and unicodedata.bidirectional(before) != "L":
            out += [ch, *marks]
        else:
            out += [*marks, ch]
        marks = []
    return "".join(out + marks)


_LEVEL = re.compile(r"Level\(\s*(\d+),\s*\)")
_RESET_AT_LINE_END = {"WS", "BN", "LRI", "RLI", "FSI", "PDI", "S"}  # rule L1: to the paragraph's level


def _levels(line: str, left_to_right: bool) -> list[int]:
    """Each character's resolved embedding level (the Rust algorithm's, read from its report: one a UTF-8 byte),
    with rule L1's whitespace at the end of the line and before a tab at the paragraph's level (``left_to_right``:
    a left-to-right paragraph whatever its first letter; else as its first letter says)."""
    report = _resolved(line, base_dir="L" if left_to_right else None, debug=True)
    by_byte = [int(n) for n in _LEVEL.findall(report.partition("levels:")[2].partition("paragraphs:")[0])]
    if len(by_byte) != len(line.encode()):
        raise _UnreadReport(report[:200])
    levels, at = [], 0
    for ch in line:
        levels.append(by_byte[at])
        at += len(ch.encode())
    base, reset = 0 if left_to_right else get_base_level(line), True
    for i in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[i])
        if kind == "S":
            levels[i], reset = base, True
        elif reset and kind in _RESET_AT_LINE_END:
            levels[i] = base
        else:
            reset = False
    return levels


class _UnreadReport(ValueError):
    """The Rust algorithm's report no longer reads as this module expects (its debug text is no API)."""


def _display(line: str, left_to_right: bool) -> str:
    """``line`` in display order (rule L2: each run at or above a level reversed, from the highest level down to
    the lowest odd one), each character of an odd (right-to-left) level mirrored (L4)."""
    try:
        levels = _levels(line, left_to_right)
    except _UnreadReport:
        # A python-bidi whose report reads otherwise: its pure-Python algorithm, which orders every line but pairs
        # no brackets ("(Smith (PMO"), beats a board pack that cannot be written.
        return str(_unpaired_display(_embedded(line), base_dir="L" if left_to_right else None))
    chars = [MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(line, levels)]
    odd = [level for level in levels if level % 2]
    for level in range(max(levels, default=0), min(odd, default=1) - 1, -1):
        i = 0
        while i < len(chars):
            if levels[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and levels[j] >= level:
                j += 1
            chars[i:j], levels[i:j] = chars[i:j][::-1], levels[i:j][::-1]
            i = j
    return "".join(chars)


# Characters that say how the text around them runs or joins and draw nothing: the direction marks (LRM, RLM, ALM),
# embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the zero-width joiners and spaces, the word joiner,
# a byte order mark. Given to ReportLab, each printed as a box (no font draws them), and the page's note said
# "Left-To-Right letters, Pop letters" were missing a font; a name pasted from a web page brings them, and a
# "Trojan Source"-like ID (ID-⁦‮abc⁩-42) is made of them. Their work is done once the text is in display order.
_DRAWN_AS_NOTHING = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visual(text: str, left_to_right: bool = False) -> str:
    """``text`` as a left-to-right drawing must be given it to read as typed: Arabic joined, right-to-left runs
    in display order, line by line, and the characters that draw nothing left out (``_DRAWN_AS_NOTHING``).
    Unchanged when it has no right-to-left letter and none of those. ``left_to_right``: a line the pack composes
    in English around a value ("תוכנית — board pack as at …"), read from the left whatever its first letter — as a
    paragraph of the value's own it read from the right, "board pack as at … — תוכנית"."""
    if text.isascii():
        return text
    if not has_rtl(text):
        return _DRAWN_AS_NOTHING.sub("", text)
    return _DRAWN_AS_NOTHING.sub("", "\n".join(
        _marks_after_their_letters(_display(_joined(line), left_to_right)) if line else line
        for line in text.split("\n")))


_ISOLATE_AS_EMBEDDING = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}  # LRI→LRE, RLI→RLE, PDI→PDF


def _embedded(line: str) -> str:
    """``line`` with each isolate (U+2066–2069) as the embedding nearest it: python-bidi's algorithm knows no
    isolate and stops at one ("RLI not allowed here"), so an owner's Hebrew name isolated as a web page writes it
    ("Owner: ⁧שרה⁩") made the whole board pack fail. A first-strong isolate (U+2068) embeds the way its first
    letter runs. The order differs from an isolate's only in the neutrals at its edges."""
    if not any("\u2066" <= ch <= "\u2069" for ch in line):
        return line
    out: list[str] = []
    for i, ch in enumerate(line):
        if ch == "\u2068":
            first = next((unicodedata.bidirectional(c) for c in line[i + 1:]
                          if unicodedata.bidirectional(c) in ("L", "R", "AL")), "L")
            out.append("\u202a" if first == "L" else "\u202b")
        else:
            out.append(_ISOLATE_AS_EMBEDDING.get(ch, ch))
    return "".join(out)
