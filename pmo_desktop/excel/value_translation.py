"""Values in an organisation's own words, translated to the register's choices and levels.

The rule, in the order tried (README: "How imported values are read"):

1. A translation the user gave for this layout (the preview's dropdown, or ``--values FILE``).
2. What the register itself accepts (``Field.parse``: the choice or level name, its aliases, 1–N,
   "3 - Medium", "4-Alta", initials such as "VH").
3. Scales (probability, impact, power, interest, on N levels):
   - a fraction 0–1 (0.35), a percentage (35%) or a range of them ("25% to 50%", its middle) is a
     probability: level = ⌈fraction × N⌉ (0–20% → 1, 20–40% → 2 … on five levels), at least 1;
     in a column whose numbers are all between 0 and 1, 1 is 100%;
   - a decimal between two levels (1.5) rounds to the nearer, halves up;
   - in a column whose numbers go up to 10, a number 1–10 is rescaled to N levels;
   - words, in any language of ``resources/import_words_*.json``: Very low / Rare / Negligible → 1,
     Low / Unlikely / Minor → 2, Medium / Moderate / Possible → 3, High / Likely / Major → 4,
     Very high / Almost certain / Extreme / Critical / Severe → 5 (on three levels: low 1, medium 2,
     high 3; other sizes in proportion). A value that begins with such words ("Medium at first,
     rising") takes them.
4. Choices (status, response, category, priority, attitude, frequency …): the words of the data files
   for that field ("In Progress", "Monitoring", "Pending" → Open; "Mitigated", "Resolved" → Closed;
   "Avoidance" → Avoid; "Mitigation" → Reduce; "Acceptance" → Accept), tried on the whole value, then
   its first two words, then its first word ("Active - Mitigation Required" → Open); then a choice the
   first word begins with, or that begins with it (four letters at least);
   then a word cut short or mistyped by one letter in eight ("In progeress" → Open); for a meeting's
   frequency, a phrase anywhere in it ("every Monday at 10" → Weekly, "at each phase gate" → Ad hoc).
5. Open lists (a risk's category) keep the organisation's own word. A category is stored as one of the
   office's only when it IS that category: the same word in any case, with or without the register's noun
   ("Financial Risk", "Risque financier"), another language's word for the same concept ("Financiero",
   "Finanziell", "Technologique"), a spelling variant, plural or one-letter slip ("Technology" for Technical,
   "Suppliers", "Finacial"): the ``risks.category`` words of the data files, the whole value matched, never
   its first word. A near concept is not the category ("Schedule" is no Capacity, "Cost" no Financial,
   "Legal" no Regulatory, "Security" no Technical, "Organisational" no People, "Market risk" no
   Commercial): it is a category of the office's own, found in its list (an earlier import's "Schedule"),
   in any case and with or without the noun, else joining the list as itself, cleaned
   (``own_category``): spaces trimmed, the register's noun dropped when it only qualifies the word
   ("Schedule Risk" → Schedule, "Riesgo legal" → Legal), the first letter capitalised when the sheet wrote
   it all in lower case (or after a noun dropped in front of it), otherwise as the sheet wrote it
   ("IT", "Data Quality"). Nothing was changed, so no note keeps the sheet's word; the preview lists each
   new category with its dropdown, to add it or translate it (a deliberate "Schedule" → Capacity, or
   ``--values``, rule 1, which then keeps the sheet's word in the notes).

Anything else stays an error of that row, named with its value, for the preview to list and translate.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import Context, Field, Kind
from ..models.financial_year import period_end
from ..models.kinds import scale_from_fraction
from .header_legends import header_legend
from .stated_grades import lettered_key
from .vocabulary import phrase_words, register_nouns, value_words, value_words_every, word_key, words_of
from .whole_per_cents import whole_per_cents

# How a number was put onto the register's scale, as the preview and the report say it (Translator.rescaled):
# the per-cent readings name each level's band, the others the rule.
PER_CENT = "per cent"                 # 0.4 (a fraction of 1), "40%", "25% to 50%"
WHOLE_PER_CENT = "whole per cent"     # "40" in a probability column of numbers up to 100
TENS = "a score of 1–10"              # 7 of 10: rescaled to the register's levels
PRODUCTS = "a product of two ratings"  # 12 = 3 × 4 on a 1–5 × 1–5 grid
PER_CENT_READINGS = (PER_CENT, WHOLE_PER_CENT)
# 3.5 or 4.5 in a column of levels 1–N: the nearer level, halves up — a changed value, said and the cell kept
BETWEEN_LEVELS = "a rating between two levels, rounded to the nearer (halves up)"

# a status cell of this many words whose first is a yes or a no is a reply, not a state (Translator._lookup)
_REPLY_WORDS = 3
OPEN_LISTS = {("risks", "category")}  # choices an office may extend with its own words
# the fields rating a chance, whose whole numbers up to 100 may be per cent written without the sign
CHANCE_FIELDS = frozenset({"probability", "residual_probability"})

# the register's noun, which a category may carry without saying anything more ("Financial Risk", "Riesgo legal")
CATEGORY_NOUNS = frozenset({"risk", "risks", "category", "riesgo", "riesgos", "risque", "risques", "risiko",
                            "risiken", "risco", "rischio", "риск", "risico", "ryzyko"})
# the nouns of languages that put the noun before its adjective ("Riesgo legal"); in English or German a leading
# "Risk" is itself qualified ("Risk Management", "Risk Assessment" are categories of their own, kept whole)
LEADING_NOUNS = frozenset({"riesgo", "riesgos", "risque", "risques", "risco", "riscos", "rischio", "rischi", "риск",
                           "ryzyko"})


def own_category(raw: Any) -> str:
    """A category in the sheet's own words, as it joins the office's list: spaces trimmed, the register's noun
    dropped where it only qualifies the words before it, or one word after it ("Schedule Risk" → Schedule,
    "Riesgo legal" → Legal, but "Risk" alone, "Risk of fraud" and "Risk Management" stay), the first letter capitalised where the sheet wrote the word all in
    lower case or a noun in front was dropped; else as written ("IT", "Data Quality")."""
    text = " ".join(v.parse_text(raw).split())
    parts = text.split(" ")
    lead = False
    if 2 <= len(parts) <= 6 and word_key(parts[-1]) in CATEGORY_NOUNS:  # "Third Party and Vendor Risk" too
        parts = parts[:-1]
        if len(parts) >= 2 and word_key(parts[-1]) in CATEGORY_NOUNS:  # "Schedule Risk Category"
            parts = parts[:-1]
    elif len(parts) in (2, 3) and word_key(parts[0]) in LEADING_NOUNS and word_key(parts[1]) not in CATEGORY_NOUNS \
            and len(word_key(parts[1])) > 3:  # "Riesgo legal", "Risque juridique": not "Risk of fraud"
        parts, lead = parts[1:], True
    out = " ".join(parts)
    if out and (lead or out == out.lower()):
        out = out[0].upper() + out[1:]
    return out


def same_word(a: str, b: str) -> bool:
    """Two keyed words one category: equal, one the other's plural ("Suppliers", "Costs"), or spelt one letter
    apart in eight ("Organisational" / "Organizational")."""
    if a == b:
        return True
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_ in (short + "s", short + "es"):
        return True
    return min(len(a), len(b)) >= 8 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.88


class OwnIndex:
    """An open list's own words keyed as ``same_word`` compares them, for the first word (in sorted order) one
    category with a new one. A column of thousands of distinct categories compared each new word with every
    listed one, its category read anew each time: 10,000 risks of distinct types took minutes (fault70). Equal
    keys and plurals are looked up; only words of eight letters or more whose lengths allow a ratio of 0.88 are
    compared one by one — the same answer as comparing with every word."""

    def __init__(self) -> None:
        self._reset(None)

    def _reset(self, source: set[str] | None) -> None:
        self.source = source
        self.seen: set[str] = set()
        self.by_key: dict[str, str] = {}                      # key → the first word (sorted) of that key
        self.by_length: dict[int, dict[str, str]] = {}        # key length → {key: first word}, keys of 8 or more

    def _add(self, word: str) -> None:
        self.seen.add(word)
        key = word_key(own_category(word))
        if key not in self.by_key or word < self.by_key[key]:
            self.by_key[key] = word
            if len(key) >= 8:
                self.by_length.setdefault(len(key), {})[key] = word

    def first_same(self, own: set[str], key: str) -> str | None:
        """The first word of ``own`` (in sorted order) whose key is ``same_word`` as ``key``, else None."""
        if own is not self.source:  # another list given: keyed anew
            self._reset(own)
        if len(own) != len(self.seen):  # the list only grows
            for word in own - self.seen:
                self._add(word)
        if not key:
            return self.by_key.get(key)
        near = [key, key + "s", key + "es"]
        if key.endswith("s"):
            near.append(key[:-1])
        if key.endswith("es"):
            near.append(key[:-2])
        found = [self.by_key[k] for k in near if k in self.by_key and (k == key or same_word(k, key))]
        n = len(key)
        if n >= 8:
            # ratio = 2·matches / (n + m) ≥ 0.88 needs 2·min(n, m) / (n + m) ≥ 0.88
            for m in range(max(8, math.ceil(n * 0.88 / 1.12) - 1), math.floor(n * 1.12 / 0.88) + 2):
                for k, word in self.by_length.get(m, {}).items():
                    if (not found or word < min(found)) and same_word(k, key):
                        found.append(word)
        return min(found) if found else None


def category_concept(raw: Any, choices: tuple[str, ...]) -> str | None:
    """The office's category a sheet's category word IS (rule 5): a choice, or a same-concept word of the
    data files, the whole value matched with or without the register's noun, or one letter off in eight."""
    words = words_of(raw)
    bare = [w for w in words if w not in CATEGORY_NOUNS] or words
    keys = [word_key(raw), "".join(bare)]
    by_key = {word_key(c): c for c in choices}
    vocab = value_words("risks.category")
    for k in keys:
        if k in by_key:
            return by_key[k]
        if vocab.get(k) in choices:
            return vocab[k]
    near = _near(vocab, keys[1])
    if near is not None and len(bare) > 1 and any(vocab.get(w) == near or w == word_key(near) for w in bare):
        # "AI-Technical": the category written whole beside another word is a category of the sheet's own, the
        # word before it qualifying it, not a slip of one letter in eight (its three were stored as Technical,
        # the sheet's word nowhere, round 47)
        return None
    return near if near in choices else None


def same_category(written: str, stored: str, choices: tuple[str, ...] = ()) -> bool:
    """Whether the office stores a sheet's category word as itself: the same words, the register's noun aside
    ("Financial Risk", "Risque financier" → Financial), the office's category of the same concept
    ("Finanziell" → Financial), or the word as it joins the office's list ("Schedule Risk" → Schedule). A
    category translated by the user to another ("Schedule" → Capacity) is not: the sheet's word goes to the notes."""
    if word_key(written) == word_key(stored) or same_word(word_key(own_category(written)), word_key(stored)):
        return True
    mine = [w for w in words_of(written) if w not in CATEGORY_NOUNS]
    if mine and mine == [w for w in words_of(stored) if w not in CATEGORY_NOUNS]:
        return True
    return stored in choices and category_concept(written, choices) == stored
def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    if isinstance(raw, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", raw):
        return float(raw)
    return None


def written_number(raw: Any) -> float | None:
    """A cell's number, typed or written as text ("7", "0": every cell of a CSV is text), as the translation reads
    a level; None for anything else. What a rule telling numbers from text weighs, so that a CSV reads as its
    workbook does."""
    return _number(raw)


_LIST_RE = re.compile(r"[,;/\n&+]+|\s+(?:and|y|e|et|und|en|og|ve|и)\s+", re.I)
_PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
# a choice written after a bracketed tag that sorts the choices ("[Risco Negativo] Aceitar", "[Positive] Exploit")
# a rung of a numbered ladder with a word or more after its number ("4 Low/Technical Request")
_LADDER_RUNG_RE = re.compile(r"\s*[A-Za-z]?\d{1,2}\s*[.):-]?\s+(\S.*\S)\s*$")
# a choice written in two languages, the second in brackets ("Значительная (Major)", "Hoch (High)")
_TRANSLATED_RE = re.compile(r"\s*([^()]*[^()\s])\s*\(([^()]+)\)\s*$")
_TAGGED_CHOICE_RE = re.compile(r"^\s*\[[^\]]{1,40}\]\s*(\S.*)$", re.S)
_PERCENT_ONLY_RE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*%\s*")
_RANGE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to|—)\s*(\d+(?:\.\d+)?)\s*%?\s*$")
# a chance written as a bound ("<0.1", "< 10%", ">90%"): the band under (over) it, read at its middle (classes90)
_BOUND_RE = re.compile(r"^\s*(<=?|≤|>=?|≥)\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$")


# An amount of money written as a spreadsheet user types it into a number column: a currency sign or code
# before or after, thousands grouped by commas, dots or spaces, and a "k" / "m" / "bn" for thousands, millions
# and billions ("£250k", "$1.2m", "€ 40.000", "40 000 €", "CHF 1,5 Mio."). Amounts keep two decimals at most,
# so one group of three digits after a dot or comma is thousands, however the rest of the sheet writes them.
_CURRENCY = r"(?:[£$€¥₹]|usd|eur|gbp|chf|jpy|aud|cad|sek|nok|dkk|pln|inr|us\$|a\$|c\$)"
_MONEY_RE = re.compile(
    rf"^\s*(?P<before>{_CURRENCY})?\s*(?P<sign>-)?\s*(?P<number>\d[\d.,\s\u00a0\u202f']*?)\s*"
    r"(?P<scale>k|m|mn|mm|bn|b|thousand|million|billion|mio\.?|mrd\.?|tsd\.?|mil|millones|millions)?\s*"
    rf"(?P<after>{_CURRENCY})?\s*$", re.I)
_MONEY_SCALE = {"k": 1e3, "thousand": 1e3, "tsd": 1e3, "tsd.": 1e3, "mil": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6,
                "million": 1e6, "millions": 1e6, "millones": 1e6, "mio": 1e6, "mio.": 1e6, "b": 1e9, "bn": 1e9,
                "billion": 1e9, "mrd": 1e9, "mrd.": 1e9}
_SHORT_SCALES = frozenset({"m", "mn", "mm", "b", "mil"})
_GROUPED_RE = re.compile(r"\d{1,3}(?:([.,\s\u00a0\u202f'])\d{3})+")


def money(raw: str) -> tuple[float, str] | None:
    """(amount, currency as written) of a text that is an amount of money, with its sign or code, or with a
    multiplier ("250k", "1.2 million"; "1.2m" only beside a currency); None for a plain number, which the
    number rules read."""
    m = _MONEY_RE.match(raw)
    if m is None:
        return None
    currency = (m["before"] or m["after"] or "").strip()
    scale = (m["scale"] or "").lower()
    if not currency and (not scale or scale in _SHORT_SCALES):
        return None  # "5m" alone may be minutes or metres: a letter multiplies only beside a currency or as "k"
    text = m["number"].strip()
    grouped = _GROUPED_RE.fullmatch(text)
    if grouped is not None and (len({ch for ch in text if not ch.isdigit()}) == 1):
        number = float(re.sub(r"\D", "", text))  # 40.000, 40 000, 1,250,000: thousands
    else:
        text = re.sub(r"[\s\u00a0\u202f']", "", text)
        if re.fullmatch(r"\d+", text):
            number = float(text)
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{1,2}", text) or re.fullmatch(r"\d+,\d{1,2}", text):
            number = float(text.replace(".", "").replace(",", "."))  # 1.234,50 / 1,5 Mio.
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})*\.\d+", text) or re.fullmatch(r"\d+\.\d+", text):
            number = float(text.replace(",", ""))  # 1,234.50 / 1.2m
        else:
            return None
    factor = _MONEY_SCALE.get(scale, 1.0)
    amount = round(number * factor, 2) if factor != 1.0 else number
    return (-amount if m["sign"] else amount), currency


# A measured quantity written with its unit after the number, as a benefits register writes its baseline and
# target ("12 days", "5 days", "120 hours", "3 FTE", "4,5 Tage"): the number is the value, the unit the record's
# (row_planner). Only a word of letters after the number: a letter that multiplies ("5m", "250k") is money's
# rule, which reads "m" as a million only beside a currency; a figure in the unit ("24/7") is no unit.
_QUANTITY_RE = re.compile(r"^\s*(?P<sign>-)?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)\s*"
                          r"(?P<unit>[^\W\d_]{2,}(?:[ /-][^\W\d_]+){0,2})\s*$")


def quantity(raw: str) -> tuple[float, str] | None:
    """(number, unit as written) of a number followed by a unit word ("12 days" → 12, "days"); None for a plain
    number, an amount of money (``money``) or a multiplier alone ("5m", "2 million")."""
    m = _QUANTITY_RE.match(raw)
    if m is None:
        return None
    unit = m["unit"]
    if unit.lower().rstrip(".") in _MONEY_SCALE or _CURRENCY_WORD_RE.fullmatch(unit):
        return None
    text = m["number"]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        number = float(text.replace(",", ""))  # 1,200 hours: thousands
    else:
        number = float(text.replace(",", "."))  # 4,5 Tage: a decimal comma
    return (-number if m["sign"] else number), unit


_CURRENCY_WORD_RE = re.compile(_CURRENCY, re.I)


# _AMOUNT: a number written with its currency ("$15.000", "15.000 €", "£250k") is an amount of money, which no
# rating is. Read as a number it could land on a scale: a German CSV writes $15,000 as "$15.000", which the
# English way is 15, and a column "Impact (monetary)" of such amounts (kept in the notes from the workbook, whose
# 15000 fits no scale) was read as impacts of 1–25 multiplied, every risk's impact 4 (round 50's Nchaulagai).


def _put_back(held: dict[str, Any], name: str, was: Any) -> None:
    """``held[name]`` as it was before a look (``Translator.reads``): gone where it was not there."""
    if was is None:
        held.pop(name, None)
    else:
        held[name] = was


@dataclass
class ColumnProfile:
    """What the numbers of one column say about how to read each of them."""

    fractions: bool = False   # every number lies in 0–1 and some are fractional: probabilities
    tens: bool = False        # numbers go above the scale (twice at least) but none above 10: a 1–10 scale
    declared: int | None = None  # the header names its scale ("Likelihood (1-3)"): numbers are on 1..declared
    ladder: dict[float, int] | None = None  # a Fine–Kinney column: each of its numbers is one level (_KINNEY)
    products: bool = False    # every number a product of two ratings of the scale, some above 10: 1–25
    month_first: bool = False  # a date column written 03/25/2026 (``date_order``): its texts read month first
    decimal_comma: bool = False  # a number column written 12,5 (``number_order``): "2.500" reads 2500
    year: int | None = None   # a date column's one year, for its dates written without one ("14-May")
    percents: bool = False    # a probability column of whole numbers up to 100, some above 10: per cent, "%" unwritten
    drawn: bool = False       # ``declared`` is the bands of a matrix drawn under the table, not the header's: said
    ladder_said: str = ""     # ``ladder`` is a legend's beside the table (column_legends.side_ladder): said, cells kept
    factor: bool = False      # one rating beside its product column (row_planner._factors_of_a_product): a number
    # past the scale leaves the field empty, the cell kept in the notes (said once a sheet)

    @classmethod
    def of(cls, values: list[Any], top: int = 5, header: object = None, decimal: str = "",
           chance: bool = False) -> "ColumnProfile":
        """``chance``: the column is a probability, whose numbers may be per cent without the sign."""
        profile = cls._of_numbers(values, top, decimal, chance)
        profile.decimal_comma = decimal == v.DECIMAL_COMMA
        listed = header_ladder(header)
        if listed is not None:
            return cls(ladder=listed, decimal_comma=profile.decimal_comma)
        declared = declared_scale(header)
        if declared is not None and declared != top:
            profile.declared = declared
        elif declared == top:
            # "Impact (1-5)": the header names the office's own scale, so its numbers are levels on it, not
            # products of two ratings nor a 1–10 scale, whatever larger numbers lie further down the column (a
            # pivot's sums and maxima under the table, round 28's held-out set)
            profile.products = profile.tens = profile.percents = False
        return profile

    @classmethod
    def _of_numbers(cls, values: list[Any], top: int, decimal: str = "", chance: bool = False) -> "ColumnProfile":
        numbers = [x for x in values if isinstance(x, (int, float)) and not isinstance(x, bool)]
        if not numbers:
            numbers = []
            for x in values:
                try:
                    n = v.parse_number(x, "", decimal)
                except ValidationError:
                    continue
                if n is not None and not str(x).strip().endswith("%") and money(str(x)) is None:
                    numbers.append(n)  # (an amount of money says nothing of a scale: _AMOUNT)
        if not numbers:
            return cls()
        # a workbook naming its Fibonacci scale is read on it before any ladder the numbers alone suggest
        ladder = fibonacci_ladder(numbers, top) or kinney_ladder(numbers)
        if ladder is not None:
            return cls(ladder=ladder)
        fractions = all(0 <= n <= 1 for n in numbers) and any(0 < n < 1 for n in numbers)
        above = sum(1 for n in numbers if n > top)
        tens = not fractions and above >= 2 and max(numbers) <= 10 and min(numbers) >= 0
        products = not fractions and above >= 2 and max(numbers) > 10 and all(n in _products(top) for n in numbers)
        # "Probabilidad | 15 | 30 | 40": a probability rated in whole per cent without the sign (round 47's risk
        # analysis). No level scale goes past 10 and a chance is no product of two ratings, so whole numbers up
        # to 100, every one above the scale (none a level: a "22" among 1s and 2s is a slip, not 22 %), two
        # above 10 at least and one no such product, are per cent; an impact column is never read so
        percents = chance and not fractions and above == len(numbers) and above >= 2 and \
            10 < max(numbers) <= 100 and sum(1 for n in numbers if n > 10) >= 2 and \
            all(float(n).is_integer() for n in numbers) and not all(n in _products(top) for n in numbers)
        percents = percents or (not fractions and whole_per_cents(numbers, top))  # an impact's too (whole_per_cents)
        return cls(fractions, tens, products=products, percents=percents)


@lru_cache(maxsize=None)
def _products(top: int) -> frozenset[float]:
    """The numbers two ratings of 1..top multiply to (1–25 on five levels: 16, 20, 25 but no 7, 11 or 22)."""
    return frozenset(float(a * b) for a in range(1, top + 1) for b in range(1, top + 1))


def scale_from_product(number: float) -> int:
    """A likelihood written as the product of two ratings (vulnerability × threat, 1–25 on five levels): the
    level nearest its square root, the level both ratings would have if they were equal (16 → 4, 20 → 4,
    25 → 5, 6 → 2). A square root is never halfway between two levels, so no tie is broken."""
    return max(1, math.floor(math.sqrt(number) + 0.5))


# The Fine–Kinney method (safety risk analyses in the Netherlands, Belgium, Turkey, Spain) rates a hazard's
# likelihood on 0.1 … 10 and its effect on 1 … 100, each number a named level, here the five-point word
# scale's: likelihood 10 "to be expected" is very high, 0.1–0.5 "virtually impossible … very unlikely" very
# low; effect 40 and 100 (deaths) very high, 1 (first aid) very low. Exposure (0.5 … 10) rates neither.
_KINNEY_LIKELIHOOD = {0.1: 1, 0.2: 1, 0.5: 1, 1.0: 2, 3.0: 3, 6.0: 4, 10.0: 5}
_KINNEY_EFFECT = {1.0: 1, 3.0: 2, 7.0: 3, 15.0: 4, 40.0: 5, 100.0: 5}


def kinney_ladder(numbers: list[float]) -> dict[float, int] | None:
    """The Kinney ladder every number of a column stands on, when only that ladder reads them: likelihoods
    mixing fractions with numbers above 1 (0.5, 3, 6), effects above 10 (15, 40). Levels of the five-point
    word scale. A few other numbers (a legend's 0 under the table) do not hide the ladder."""
    for ladder in (_KINNEY_LIKELIHOOD, _KINNEY_EFFECT):
        on = [n for n in numbers if n in ladder]
        if not on or len(on) * 10 < len(numbers) * 9:
            continue
        if (min(on) < 1 < max(on)) if ladder is _KINNEY_LIKELIHOOD else max(on) > 10:
            return ladder
    return None


# The modified Fibonacci sequence agile teams estimate on (SAFe's ROAM boards rate risks so: 1, 2, 3, 5, 8, 13,
# 20, 40, 100). A workbook naming it ("Valid Modified Fibonacci values", its numbers listed under) is read on it
# while it is imported: the sequence it lists, else this one.
MODIFIED_FIBONACCI = (1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 40.0, 100.0)
_FIBONACCI: ContextVar[tuple[float, ...] | None] = ContextVar("fibonacci", default=None)


@contextmanager
def fibonacci_scale(sequence: tuple[float, ...] | None) -> Iterator[None]:
    """Read the numbers of scale columns on ``sequence`` while the block runs (None: on no Fibonacci scale):
    the workbook being imported names it, its header rows and values do not."""
    token = _FIBONACCI.set(sequence)
    try:
        yield
    finally:
        _FIBONACCI.reset(token)


def fibonacci_ladder(numbers: list[float], top: int) -> dict[float, int] | None:
    """The level each number of a column has by its place in the Fibonacci sequence the workbook names, the
    places spread evenly over the five levels (1, 2 → 1; 3, 5 → 2; 8, 13 → 3; 20, 40 → 4; 70, 100 → 5 on
    "1, 2, 3, 5, 8, 13, 20, 40, 70, 100"), when every number is on it and one lies above the scale; None
    when the workbook names no such scale."""
    sequence = _FIBONACCI.get()
    if not sequence or not numbers or max(numbers) <= top or any(n not in sequence for n in numbers):
        return None
    last = len(sequence) - 1
    return {n: 1 + math.floor(i * 4 / last + 0.5) for i, n in enumerate(sequence)}


_LADDER_LINE_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[-–—=:]\s*\S")
# A header's lines: broken where written, or where a run of spaces pushes the rest to the cell's next line
# ("Probabilidade (P)        1- Baixo⏎2- Médio⏎3- Alto": the first level set on a line of its own by spaces)
_HEADER_LINES_RE = re.compile(r"\n| {3,}")


def header_ladder(header: object) -> dict[float, int] | None:
    """The levels a form's header lists under its question, one a line ("10 - Fatality", "8 - Severe injury",
    … "0.5 - No harm"): each number one level of the five-point word scale, by its rank (three lines at least)."""
    numbers = sorted({float(m.group(1).replace(",", ".")) for line in _HEADER_LINES_RE.split(str(header or ""))
                      if (m := _LADDER_LINE_RE.match(line))})
    if len(numbers) < 3:
        return None
    return {n: word_level_of_rank(i + 1, len(numbers)) for i, n in enumerate(numbers)}


# ("Likelihood_1_3", "Impact_1_5": a header written as one identifier names its scale between underscores)
_DECLARED_RE = re.compile(r"(?<![^\W_])(?<!\.)[01]\s*(?:-|–|—|_|to|bis|a|à|al|tot|до)\s*(\d{1,2})(?![\d.%])", re.I)
# A sheet's scale of three or four levels starts at low, not at negligible, and climbs a level a step: 1–3 is
# low / medium / high (2, 3, 4 on the five-point word scale), 1–4 low / medium / high / very high (2, 3, 4, 5) —
# the levels the words of such scales give ("Low | Medium | High | Critical", "Minor | Moderate | Major | Severe"),
# so a sheet's numbers and its words read alike, whichever it writes. Stretched end to end, 1–4 read 1, 2, 4, 5:
# its "1" was negligible and its "2" low, where a four-level legend says low and medium (scale51).
_SMALL_SCALE_WORD_LEVELS = {3: (2, 3, 4), 4: (2, 3, 4, 5)}


def word_level_of_rank(rank: int, levels: int) -> int:
    """The level on the five-point word scale (1 very low … 5 very high) of the ``rank``-th level (from 1) of a
    sheet's scale of ``levels``: three or four levels from low up (above), five as they are, ten by tenths (two
    a level), other sizes stretched end to end. The one rule for a scale the sheet tells by its header, a
    legend, a note or its own scores (``told_scale``)."""
    small = _SMALL_SCALE_WORD_LEVELS.get(levels)
    if small is not None:
        return small[rank - 1]
    if levels == 10:
        return max(1, math.ceil(rank / 2))
    return 1 + math.floor((rank - 1) * 4 / (levels - 1) + 0.5)


# "P1", "Prio 2", and a severity's rank "S1", "Sev 2", "Severity-3" (classes82: S1 the most severe, as P1 the most
# urgent; a bug report's only rating column was kept in the notes, every bug without its priority)
_P_NUMBER_RE = re.compile(r"^\s*(?:p(?:rio(?:rity)?)?|s(?:ev(?:erity)?)?)\s*[-.]?\s*[1-5]\s*$", re.I)
_PRIORITY_NUMBER_RE = re.compile(r"^\s*(?:p|prio(?:rity)?|s|sev(?:erity)?)?\s*[-.]?\s*([1-5])(?:\.0)?\s*$", re.I)


def numbered_priority(f: Field, raw: Any, as_level: bool = False, from_zero: bool = False) -> str | None:
    """A priority written as a number (1 to 5, or "P1"): priority 1 is the first to handle, the P1 of an issue
    log, so 1 is the highest of the office's priorities (Critical), 2 the next (High), 3 Medium, 4 and 5 Low.
    ``as_level``: the number is an impact's level on 1–5, not a rank, so 5 is the highest (Critical), 4 High,
    3 Medium, 2 and 1 Low (round 58: an issue's "impact" of 5 beside its "probability" of 5 came in Low).
    ``from_zero``: the column counts from P0 (``zero_priorities``), so P1 is the second (High).
    None for a field that is no priority of choices, or a value that is no such number."""
    if f.name != "priority" or f.kind is not Kind.ENUM or isinstance(raw, bool) or len(f.choices) < 2:
        return None
    if isinstance(raw, float) and not raw.is_integer():
        return None
    found = _PRIORITY_NUMBER_RE.match(str(int(raw)) if isinstance(raw, (int, float)) else str(raw))
    if found is None:
        return None
    number = int(found.group(1))
    if as_level:  # the choices go from the lowest (Low) to the highest (Critical), the top one at 5
        return f.choices[max(0, number - 1 - (5 - len(f.choices)))]
    ranked = list(reversed(f.choices))
    return ranked[min(number - (0 if from_zero else 1), len(ranked) - 1)]


def declared_scale(header: object) -> int | None:
    """The top of a scale a header names ("Likelihood (1-3)", "Impact 1 to 4", "Probability 0-10"), between 2
    and 10, or a doubling scale's top ("Impact 1 – 16": 1, 2, 4, 8, 16), a power of two from 16 to 64."""
    found = _DECLARED_RE.search(str(header or ""))
    top = int(found.group(1)) if found else 0
    if not top and (listed := header_legend(header)) is not None:
        top = listed[1]  # "Impacto 1. Baixa 2.Média 3.Alta": the levels listed after the name
    return top if 2 <= top <= 10 or top in _DOUBLING_TOPS else None


# A score's header naming its range ("Risk Score (1-100)", "Score 1 – 25"): up to three figures, the top a product
_SCORE_RANGE_RE = re.compile(r"(?<![\w.])[01]\s*(?:-|–|—|_|to|bis|a|à|al|tot|до)\s*(\d{1,3})(?![\d.%])", re.I)


def score_header_scale(header: object) -> int | None:
    """The size of the scale a score's header tells by the top of its range, when that top is n × n of a scale
    of 3 to 10 levels ("Risk Score (1-100)": two ratings of 1–10; "(1-9)": of 1–3), classes53b. A sheet rating
    on 1–10 whose ratings stay at 5 or under tells its scale only so: its numbers look like the office's 1–5.
    None for any other header or top (a "1-20" is no square)."""
    found = _SCORE_RANGE_RE.search(str(header or ""))
    top = int(found.group(1)) if found else 0
    root = math.isqrt(top)
    return root if root * root == top and 3 <= root <= 10 else None


# A note over a whole sheet naming the scale its ratings use: "a 10-point scale", "10 бальна шкала", "escala de
# 10 puntos", "10-Punkte-Skala", "échelle en 10 points"
_POINT_SCALE_RE = re.compile(
    r"(?:(\d{1,2})\s*-?\s*(?:point|pt|punkte?|puntos|punti|pontos|points|балл\w*|бал\w*)\b.{0,12}?"
    r"(?:scale|skala|escala|scala|échelle|шкал\w*))"
    r"|(?:(?:scale|skala|escala|scala|échelle|шкал\w*)\s+(?:of|de|di|en|von|з|из|в)?\s*(\d{1,2})\s*"
    r"(?:point|pt|punkte?|puntos|punti|pontos|points|балл\w*|бал\w*)\b)", re.I)


def point_scale(note: object) -> int | None:
    """The top of the scale a note names in points ("Використовується 10 бальна шкала": a 10-point scale is
    used), between 2 and 10; None when it names none."""
    found = _POINT_SCALE_RE.search(str(note or ""))
    top = int(found.group(1) or found.group(2)) if found else 0
    return top if 2 <= top <= 10 else None


# Scales whose every level doubles the one below (1, 2, 4, 8, 16): levels are log2(value) + 1
_DOUBLING_TOPS = (16, 32, 64)


_LEVEL_NUMBERED_RE = re.compile(r"^\s*([^\W\d_][^()\d]*?)\s*\(\s*(\d{1,2})\s*\)\s*$")


def numbered_word(value: object) -> tuple[str, int] | None:
    """A level word written with its number in brackets ("Provável (2)", "Gering (1)"): the word and the number."""
    found = _LEVEL_NUMBERED_RE.match(value) if isinstance(value, str) else None
    return (found.group(1), int(found.group(2))) if found is not None else None


@dataclass(frozen=True)
class Legends:
    """What a sheet's legends of numbered level words tell (``legends_of``): the sizes of their scales, and each
    word's level on the five-point word scale by its place in its legend (``word_level_of_rank``)."""

    sizes: frozenset[int] = frozenset()
    places: dict[str, int] = field(default_factory=dict)  # word_key → level 1–5 by its place
    letters: dict[str, int] = field(default_factory=dict)  # a key of letters: letter → its step from 1 (stated_grades)

    def scale(self) -> int | None:
        return next(iter(self.sizes)) if len(self.sizes) == 1 else None


def legend_scale(rows: list[list[Any]]) -> int | None:
    """The size of a scale a legend spells out (``legends_of``); None when no legend does so (or legends
    disagree)."""
    return legends_of(rows).scale()


# the sizes of a numbered legend of level words: three or four levels (from low up), or ten (read by tenths, two a
# level, as a 1–10 scale is: classes55a — a legend of ten numbered words had been no legend at all)
LEGEND_SIZES = (3, 4, 10)


def legends_of(rows: list[list[Any]]) -> Legends:
    """The legends a sheet spells out, each level a word with its number: in one row ("Gering (1) | Mässig (2) |
    Hoch (3)") or one column (``_numbered_lines``), or down two columns side by side, a word and its number a row
    ("Level | Score" over "Low | 1", "Medium | 2", "High | 3", beside or under a table or on a legend sheet,
    scale51); 3, 4 or 10 levels numbered
    from 1 (``LEGEND_SIZES``), most of them level words. Each word's place is its level (classes53b): "REMOTE | POSSIBLE | LIKELY |
    CERTAIN" numbered 1 … 4 reads REMOTE as the 2 its "1" gives (the lowest of four levels is low, as a "1" of
    the same legend reads), not as the office's word "remote" (1): the legend ranks the sheet's words, the
    office's words only read words no legend ranks. A word two legends place apart has no place."""
    levels = value_words("scale")
    found: list[list[tuple[str, int]]] = []
    for numbered in _numbered_lines(rows):
        numbers = [n for _w, n in numbered]
        if len(numbered) >= 3 and sorted(set(numbers)) == list(range(1, max(numbers) + 1)) and \
                max(numbers) in LEGEND_SIZES and \
                sum(1 for w, _n in numbered if word_key(w) in levels) * 2 > len(numbered):
            found.append(numbered)
    found += _legend_down(rows, levels)
    places: dict[str, int] = {}
    torn: set[str] = set()
    for legend in found:
        size = max(n for _w, n in legend)
        for word, n in legend:
            key, level = word_key(word), word_level_of_rank(n, size)
            if places.setdefault(key, level) != level:
                torn.add(key)
    return Legends(frozenset(max(n for _w, n in legend) for legend in found),
                   {k: level for k, level in places.items() if k not in torn}, lettered_key(rows))


def _numbered_lines(rows: list[list[Any]]) -> list[list[tuple[str, int]]]:
    """The cells of "word (n)" of each row, then of each column ("Alto (3)" over "Médio (2)" over "Baixo (1)" down
    a matrix's side, its other axis "Pouco Provável (1) | … | Muito Provável (3)" along its foot: classes65b), each
    line's in its order as (word, n). One pass over the cells; a line with none is left out."""
    by_row: dict[int, list[tuple[str, int]]] = {}
    by_column: dict[int, list[tuple[str, int]]] = {}
    for r, row in enumerate(rows):
        for c, x in enumerate(row):
            if isinstance(x, str) and (m := _LEVEL_NUMBERED_RE.match(x)):
                by_row.setdefault(r, []).append(pair := (m.group(1), int(m.group(2))))
                by_column.setdefault(c, []).append(pair)
    return [*by_row.values(), *(by_column[c] for c in sorted(by_column))]


def _legend_down(rows: list[list[Any]], levels: dict[str, str]) -> list[list[tuple[str, int]]]:
    """The legends written down two columns (a level word, its number beside it, a row each; either way round),
    each as its words and numbers: every pair of the two columns on the rows that fill both a word and a whole
    number, the numbers 1 … 3, 1 … 4 or 1 … 10 each once, every word a level word, the words rising with the
    numbers (ten words on the office's five levels: never falling, four levels at least met). A
    register's own rows repeat their levels ("High | 3" on two risks), so they are no legend."""
    # one pass over the cells: each whole number with a text beside it is a pair of those two columns (a sheet's
    # first rows are read once an import for every sheet, so no pass a column pair)
    found: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for r in rows:
        for c, number in enumerate(r):
            if number.__class__ not in (int, float) or not float(number).is_integer():
                continue
            for word_col in (c - 1, c + 1):
                word = r[word_col] if 0 <= word_col < len(r) else None
                if isinstance(word, str):
                    found.setdefault((word_col, c), []).append((word, int(number)))
    out: list[list[tuple[str, int]]] = []
    for pairs in found.values():
        numbers = [n for _word, n in pairs]
        if len(pairs) not in LEGEND_SIZES or sorted(numbers) != list(range(1, len(pairs) + 1)):
            continue
        ranked = [levels.get(word_key(word)) for word, _n in sorted(pairs, key=lambda p: p[1])]
        if not all(level is not None and level.isdigit() for level in ranked):
            continue
        steps = [int(level or 0) for level in ranked]
        if all(a < b for a, b in zip(steps, steps[1:])) or len(pairs) > 5 and \
                all(a <= b for a, b in zip(steps, steps[1:])) and len(set(steps)) >= 4:
            # ten words on the office's five: two or so a level, never falling, most levels met
            out.append(pairs)
    return out


@dataclass(frozen=True)
class ToldScale:
    """A scale the sheet tells for a column, other than by the column's numbers alone: its size (1 … ``levels``)
    and where the sheet tells it, for the preview to say ("from the legend")."""

    levels: int
    source: str


HEADER, ABOVE, NOTE, LEGEND = "the header", "the cell above the header", "the note over the sheet", "the legend"


def told_scale(header: object, above: object, note_levels: int | None, legend_levels: int | None,
               values: list[Any], scored_levels: int | None = None, score_head: str = "",
               placed: Collection[str] = ()) -> ToldScale | None:
    """The scale a column of levels is rated on, as the sheet tells it, first found of: its header ("Likelihood
    (1-3)"), the cell above the header ("von 1 bis 3"), a note over the sheet naming its points ("a 10-point
    scale", for a column of numbers all on it), a legend of the workbook numbering its level words (for a
    column of whole numbers all on it, or of level words), the sheet's own score column (``scored_levels``:
    every score the product of the row's two numbers, the top one n × n — importer.score_scale). None when
    the sheet tells none: the numbers are then read by what they are (fractions, 1–10 …). Decided once a column,
    read by ``scale_from_declared`` whoever told it: one rule (README: how values are read)."""
    if (n := declared_scale(header)) is not None:
        return ToldScale(n, HEADER)
    if (n := declared_scale(above)) is not None:
        return ToldScale(n, ABOVE)
    if note_levels is None and legend_levels is None and scored_levels is None:
        return None  # most sheets: no cell of the column is looked at
    # numbers typed or written as text ("3", as a CSV writes every cell: formats55, its ratings of 1–3 under a
    # matrix of three bands were taken for words and read as levels 1–3 of five)
    written = [written_number(x) for x in values]
    numbers = all(n is not None for n in written)
    counted = [n for n in written if n is not None]
    if note_levels is not None and values and numbers and all(0 <= x <= note_levels for x in counted) and \
            any(x >= 1 for x in counted):
        # a 0 among them (a residual the measures took to nothing) is left empty row by row, said
        return ToldScale(note_levels, NOTE)
    for levels, source in ((legend_levels, LEGEND), (scored_levels, f"the “{score_head}” column")):
        if levels is None or not values:
            continue
        if source == LEGEND and levels == 10 and \
                not (not numbers and all(isinstance(x, str) and word_key(x) in placed for x in values)):
            # a legend of ten words (classes55a) tells the scale of the column whose words it places (``placed``:
            # the legend's ladder for it) only: a sheet's legend names no column, and a Likelihood legend of ten
            # would halve an Impact of numbers 1–5 or tell a scale of Low / Medium / High it does not list
            continue
        if numbers and all(x.is_integer() and 1 <= x <= levels for x in counted):
            return ToldScale(levels, source)
        if not numbers and all(isinstance(x, str) and word_key(x) in value_words("scale") for x in values):
            return ToldScale(levels, source)  # level words, read as themselves: said with what each became
    return None


def scale_from_declared(number: float, declared: int, top: int) -> int | None:
    """A number on a scale of ``declared`` levels on the office's scale of ``top`` levels: a 1–3 or 1–4 scale
    from low up (``word_level_of_rank``), a 1–5 scale by the five-point words, a 1–10 scale by tenths, others
    stretched end to end."""
    if not 1 <= number <= declared:
        return None
    if declared in _DOUBLING_TOPS:  # 1, 2, 4, 8, 16: the level is which doubling the number is
        level = math.log2(number)
        if abs(level - round(level)) > 1e-9:
            return None
        levels = round(math.log2(declared)) + 1
        n, declared = round(level) + 1, levels
        if declared == 5:
            return scale_from_word_level(n, top)
        return 1 + math.floor((n - 1) * (top - 1) / (declared - 1) + 0.5)
    n = math.floor(number + 0.5)
    if declared in _SMALL_SCALE_WORD_LEVELS or declared == 5:
        return scale_from_word_level(word_level_of_rank(n, declared), top)
    if declared == 10:
        return max(1, math.ceil(number * top / 10 - 1e-9))
    return 1 + math.floor((n - 1) * (top - 1) / (declared - 1) + 0.5)


# "Moderate/High", "Low - Medium", "Medium to High": a level written between two of the scale's words
_BETWEEN_RE = re.compile(r"^\s*(.+?)\s*(?:/|\\|–|—|-|\bto\b|\bor\b)\s*(.+?)\s*$", re.I)


def between_two_levels(text: str) -> int | None:
    """The higher word level (1–5) of a value naming two of the scale's words and nothing else ("Moderate/High"
    → 4, "Low-Medium" → 3): a rating between two levels is read at the higher, the cautious reading of a risk
    (and of a stakeholder's power or interest), not at the first word as before; None for anything else, and
    for an in-between word the data files give a level of its own."""
    vocab = value_words("scale")
    if word_key(text) in vocab:
        return None
    found = _BETWEEN_RE.match(text)
    if found is None:
        return None
    levels = [vocab.get(word_key(part)) for part in found.groups()]
    if any(level is None or not level.isdigit() for level in levels):
        return None
    return max(int(level) for level in levels if level is not None)


def scale_from_word_level(level: int, top: int) -> int:
    """A level on the five-point word scale (1 very low … 5 very high) on a scale of ``top`` levels."""
    if top == 5:
        return level
    if top == 3:
        return {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}[level]
    return 1 + math.floor((level - 1) * (top - 1) / 4 + 0.5)


def escalation_rest(text: str) -> str | None:
    """For a risk's response beginning or ending with "Escalate" ("Escalate", "Escalate /Transfer", "Mitigate and
    Escalate"): the rest of it ("" when nothing else), else None. Escalating is no strategy the project carries out: the office records it as the
    risk's Escalated flag, and a strategy named with it is still the response."""
    words = re.split(r"[\s/,;&+]+", text.strip())
    escalate = value_words("risks.escalate")
    joins = {"and", "or", "then", "y", "e", "et", "und", "en"}
    # "Mitigate and Escalate", "Mitigate / Escalate": a short strategy named with it, escalation last
    last = 2 <= len(words) <= 4 and word_key(words[-1]) in escalate
    if not words or (word_key(words[0]) not in escalate and not last):
        return None
    return " ".join(w for w in words if word_key(w) not in {*escalate, *joins})


# A quarter of a year as sheets write it, in the languages the import reads (classes55b): the word ("Q", "quarter",
# "Quartal", "trimestre", "T", "Triwulan", "kuartal", "кв"), the quarter's number (2, II, "2.", "2nd", "2e", "2º"),
# the year — "Q2 2025", "2. Quartal 2025", "T2 2025", "Triwulan II 2025", "2КВ 2018", "2025-Q2". Several quarters
# joined ("Triwulan II, III dan IV 2025", "Q1–Q2 2025", "Triwulan I s.d IV 2025"): the last one named. "KW" is
# no quarter (a German calendar week).
_QUARTER_WORDS = frozenset({"q", "qtr", "quarter", "quartal", "kwartaal", "kwartał", "kwartal", "kvartal", "trimestre",
                            "trim", "t", "triwulan", "tw", "kuartal", "кв", "квартал"})
_QUARTER_JOINS = frozenset({"and", "to", "through", "till", "until", "of", "dan", "s", "d", "sd", "sampai", "hingga",
                            "und", "bis", "et", "à", "au", "a", "y", "e", "de", "del", "du", "des", "tot", "en", "и",
                            "по", "до", "год", "года", "г", "year", "tahun"})
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th", "er", "e", "ème", "eme", "º", "ª", "o", "a", "й", "го"})
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def quarter_day(text: Any) -> date | None:
    """The last day of the quarter a date cell names ("Triwulan II 2025" → 30 June 2025, "Q2 '25" too), or None —
    None too for a financial year's quarter ("Q2 FY2025", ``fiscal_day``). A quarter as a target or due date
    means "by the end of it", as a PMO reads "Q2": the day the work is due; the cell as written is kept in the
    record's notes by the caller (row_planner), so the quarter itself is not lost."""
    read = _quarter_of(text) if isinstance(text, str) and len(text) <= 60 else None
    if read is None or read[2]:
        return None
    month, day = _QUARTER_ENDS[read[0]]
    return date(read[1], month, day)


def fiscal_period(text: Any) -> bool:
    """Whether a date cell names a financial year or a part of one: a quarter ("Q2 FY2025", "FY25 Q2", "Q4
    Geschäftsjahr 2025", "Q2 2025/26"), a half ("H1 FY26") or the year ("FY2025", "FY 2025/26"). Its days are the
    organisation's own — FY2025's second quarter is January–March 2025 for a government whose year starts in
    October, July–September 2024 for a company's year from April, April–June 2025 only for a year from January —
    and the workbook does not say which: read by the office's financial year (``fiscal_day``, File ▸ Program
    Details…), never by a guess. Where the office has not set it (decided, classes58a) such a cell is the sheet's
    "not dated yet" as "TBC" is (``undated_word``): the date stays empty, the cell is kept in the notes and named
    in the preview, to be given its day there (or ``--values``)."""
    return isinstance(text, str) and len(text) <= 60 and _fiscal_of(text) is not None


def fiscal_day(text: Any, start: int) -> date | None:
    """The last day of the financial year's quarter, half or year a date cell names, by the office's year starting
    in month ``start`` (``financial_year``: "FY25" ends in 2025, "FY2025/26" starts in 2025), or None."""
    read = _fiscal_of(text) if isinstance(text, str) and len(text) <= 60 else None
    return None if read is None else period_end(start, *read)


def fiscal_quarters_only(cells: Collection[str]) -> bool:
    """Whether every cell of ``cells`` names a quarter (not a half or a whole year) of a financial year: how a
    sheet's note names them."""
    return all((read := _fiscal_of(c)) is not None and read[0] == 3 for c in cells)


# a fiscal year's mark beside a quarter: "FY", "fiscal year", "financial year", "Geschäftsjahr" (GJ), "boekjaar",
# "exercice", "ejercicio", "exercício", "esercizio", "tahun anggaran" (TA), "финансовый год"
_FISCAL_WORDS = frozenset({"fy", "fiscal", "financial", "fiskal", "gj", "geschäftsjahr", "boekjaar", "exercice",
                           "ejercicio", "exercício", "exercicio", "esercizio", "anggaran", "финансовый", "фг"})


# two years, the second the next, joined by a slash or a dash: a fiscal year ("2025/26", "2025-2026")
_YEAR_SPAN_RE = re.compile(r"(?<!\d)((?:19|20|21)\d\d|\d\d)\s*[/\-–]\s*((?:19|20|21)\d\d|\d\d)(?!\d)")


@lru_cache(maxsize=1024)
def _quarter_of(text: str) -> tuple[int, int, bool] | None:
    """(the last quarter named, its year, whether of a fiscal year) of a cell naming quarters, or None. The year
    in four figures, or in two ("Q2 25", "Q2 '25", "Q2/25", "25Q2", "FY25 Q2") read as the import reads a date's
    two-figure year, as Excel does (``values.full_year``: 00–29 → 20xx, 30–99 → 19xx). A fiscal year is named by
    a mark ("FY", "fiscal", "Geschäftsjahr") or written as the two years it spans ("Q2 2025/26": no calendar
    quarter lies in two years). A fifth quarter ("Q5 25") is none, nor is a number beside the year that is no
    quarter ("Q2 2025 25")."""
    tokens = re.findall(r"\d+|[^\W\d_]+", text.lower())
    span = _YEAR_SPAN_RE.search(text)
    fiscal = span is not None and int(span.group(2)[-2:]) == (int(span.group(1)[-2:]) + 1) % 100
    if fiscal:  # "Q2 2025/26", "Q2 FY2025-26": the two years a fiscal year spans, named by its first
        assert span is not None
        written = [span.group(1), span.group(2)]
        years = written[:1]
    else:
        years = [t for t in tokens if len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2199]
        if not years:
            years = [t for t in tokens if len(t) == 2 and t.isdigit()]
        written = years
    if len(years) != 1 or not any(t in _QUARTER_WORDS for t in tokens):
        return None
    quarters: list[int] = []
    after_digit = False
    for t in tokens:
        if t in _FISCAL_WORDS:
            fiscal = True
            after_digit = False
            continue
        if t in written or t in _QUARTER_WORDS or t in _QUARTER_JOINS and not after_digit:
            after_digit = False
            continue
        if t.isdigit() and len(t) == 1 and "1" <= t <= "4":
            quarters.append(int(t))
            after_digit = True
            continue
        if after_digit and t in _ORDINAL_ENDS:  # "2nd", "2e", "2º"
            after_digit = False
            continue
        if t in _ROMAN_QUARTERS:
            quarters.append(_ROMAN_QUARTERS[t])
            after_digit = False
            continue
        return None
    if not quarters:
        return None
    return max(quarters), v.full_year(years[0]), fiscal


# a half of a year: "H1", "1H", "HY1", "first half", "1st half", "1. Halbjahr", "2e semestre", "semestre 1"
_HALF_WORDS = frozenset({"h", "hy", "half", "halbjahr", "hj", "semester", "semestre", "sem", "halfjaar"})
_HALF_ORDINALS = {"first": 1, "second": 2}


def _span_start(text: str) -> int | None:
    """The first of two consecutive years a cell writes ("2025/26", "2025-2026"): the year a financial year starts
    in, or None."""
    span = _YEAR_SPAN_RE.search(text)
    if span is None or int(span.group(2)[-2:]) != (int(span.group(1)[-2:]) + 1) % 100:
        return None
    return v.full_year(span.group(1))


@lru_cache(maxsize=1024)
def _fiscal_of(text: str) -> tuple[int, int, int, bool] | None:
    """(its months: 3, 6 or 12; which of them in the year; the year as named; whether named by the two years it
    spans) of a cell naming a financial year's quarter ("Q2 FY25"), half ("H1 FY26", "H2 2025/26") or the year
    itself ("FY2025", "FY 2025/26"), or None. A half or a year is one of a financial year only with its mark
    ("FY", "financial year", "Geschäftsjahr") or written as the two years it spans; a year alone needs the mark
    ("2025/26" alone may be a season). "H1 2025" is no financial year's: not read (a calendar half is left as
    written, as before)."""
    quarter = _quarter_of(text)
    spanned = _span_start(text)
    if quarter is not None:
        return (3, quarter[0], quarter[1], spanned is not None) if quarter[2] else None
    tokens = re.findall(r"\d+|[^\W\d_]+", text.lower())
    marked = any(t in _FISCAL_WORDS for t in tokens)
    if spanned is not None:
        span = _YEAR_SPAN_RE.search(text)
        assert span is not None
        written = {span.group(1), span.group(2)}
        year = spanned
    else:
        years = [t for t in tokens if t.isdigit() and (len(t) == 4 and 1900 <= int(t) <= 2199 or len(t) == 2)]
        if len(years) != 1:
            return None
        written, year = set(years), v.full_year(years[0])
    halves: list[int] = []
    half_word = False
    for t in tokens:
        if t in _FISCAL_WORDS or t in written or t in {"year", "jahr", "of", "in", "the"}:
            continue
        if t in _HALF_WORDS:
            half_word = True
        elif t in _HALF_ORDINALS:
            halves.append(_HALF_ORDINALS[t])
        elif t in ("1", "2"):
            halves.append(int(t))
        elif t not in _ORDINAL_ENDS or not halves:  # "1st half", "2e semestre"
            return None
    if halves or half_word:
        return (6, halves[0], year, spanned is not None) if half_word and len(halves) == 1 and \
            (marked or spanned is not None) else None
    return (12, 1, year, spanned is not None) if marked else None


def undated_word(text: Any) -> bool:
    """Whether a date cell no date was read from holds words saying the day is not known yet rather than a date
    written wrong: no figure at all ("TBC", "ASAP", "When the vendor confirms"), a day counted from the day
    it was written ("tomorrow", "in 2 weeks"), or a financial year's quarter, half or year the office has not given
    the start of ("Q2 FY2025": ``fiscal_period``). Such a word is the sheet's "not dated yet": it neither makes a
    column a date column nor keeps it from being one (header_detection._fits; a financial year's period, a date of
    the office's year, counts for one there), and its row is imported with
    the date empty and the word kept (row_planner._set_aside); "31/13/2026" is a date mistyped, to put right."""
    return isinstance(text, str) and bool(text.strip()) and (
        not any(ch.isdigit() for ch in text) or v.counted_from_writing(text) or fiscal_period(text))


# Words a sheet writes in an assessment's cell (an issue's priority, a dependency's criticality, a benefit's
# confidence, a stakeholder's attitude) for "nobody has assessed it yet" — the office's own "Not assessed yet".
_NOT_ASSESSED_WORDS = frozenset(v.normalise_key(w) for w in (
    "tbd", "tbc", "tba", "to be determined", "to be confirmed", "to be assessed", "to be agreed", "unknown",
    "not known", "not known yet", "not assessed", "not assessed yet", "not prioritised", "not prioritised yet",
    "not prioritized", "not prioritized yet", "not rated", "not yet rated", "not yet assessed", "n/a", "na", "none",
    "nil", "pending", "no information", "no info", "not available"))  # "No information": unseen96


def unassessed_word(f: Field, text: Any) -> bool:
    """Whether a cell of an assessment (a field with ``Field.unset``) no level was read from says it is not
    assessed yet — "TBD", "n/a", "Unknown", "Not prioritised yet", or marks with no letter or figure ("-", "?")
    — rather than a level written wrong. Like ``undated_word`` for a date, such a word neither makes a column the
    assessment nor keeps it from being one (header_detection._fits): a Priority column of ten "TBD" beside one
    "High" was no priority column, and its "High" went unplaced."""
    if not f.unset or not isinstance(text, str) or not text.strip():
        return False
    return not any(ch.isalnum() for ch in text) or v.normalise_key(text) in _NOT_ASSESSED_WORDS


def unsaid_word(text: Any) -> bool:
    """Whether a choice's cell no choice was read from says nothing of it — "N/A", "n/a", "TBD", "Unknown", or
    marks with no letter or figure ("?") — as an empty cell does. A status of "N/A" refused its row (classes58a:
    the record lost in a partial import, where "-", blanked as nothing written, came in at the default); read as
    saying nothing, the row is imported with the field's default, the word kept in the notes and said in the row."""
    if not isinstance(text, str) or not text.strip():
        return False
    return not any(ch.isalnum() for ch in text) or v.normalise_key(text) in _NOT_ASSESSED_WORDS


# the parts of a level written as two words of one meaning ("Resolved / Avoided", "Closed or resolved")
_OVER_PARTS_RE = re.compile(r"[/,;\n]|\s(?:or|and|oder|ou|o|или)\s", re.I)
_OVER_STATUSES = frozenset({"Closed", "Occurred"})


@lru_cache(maxsize=1024)
def _over_status(text: str) -> str | None:
    statuses = value_words("risks.status")
    found = {statuses.get(word_key(part)) for part in _OVER_PARTS_RE.split(text) if part.strip()}
    return found.pop() if len(found) == 1 and found <= _OVER_STATUSES else None


def over_word(f: Field, text: Any) -> str | None:
    """The status a chance's level says when the risk is no longer a chance: "Resolved / Avoided", "Closed"
    (Closed) or "Occurred" (Occurred, the risk now an issue, as the office reads it) written on the probability
    scale — a lookup sheet's level below Low (round 54's "Resolved / Avoided" = 0). Every part of the cell must be
    a status word of one of those two; such a cell is no level, and the row planner sets the risk's status from
    it and leaves its probability empty (``Planner._over``). Like ``unassessed_word`` it does not keep a column
    from being the chance (header_detection._fits)."""
    if f.name not in CHANCE_FIELDS or text.__class__ is not str or not text.strip() or len(text) > 60:
        return None
    return _over_status(text)


NEAR_MAX = 80  # letters: the longest value word of any language file is some 25
# the fields whose choices are levels of one ladder (Low … Critical), read as a scale's levels are
LEVEL_CHOICES = frozenset({"priority", "criticality"})


@lru_cache(maxsize=1)
def _every_value_word() -> frozenset[str]:
    """Every keyed value word of every words file: a short word that is one of them is no slip of another."""
    return frozenset(value_words_every())


def known_value_word(text: str) -> bool:
    """Whether a cell is, whole, a value word of some field in some words file ("Low", "Abierto", "Mitigate")."""
    return word_key(text) in _every_value_word()


def _level_slip(vocab: dict[str, str], key: str) -> str | None:
    """A level word of three to five letters written with one slip ("Hgih", "Lwo", "Meidum" is ``_near``'s): the
    one target of the words two neighbouring letters swapped give back, else, from five letters, of the words
    one letter added, dropped or changed away. Never a word of three letters that is a word of the files itself
    ("Low" is no slip of "Owl"'s), never where two levels are as near ("Hig"). Decided for levels only
    (classes65a): a level mistyped was kept in the notes, its field empty; a status word this short ("Done",
    "Open") is too near others to guess."""
    if not 3 <= len(key) <= 5 or not key.isalpha() or key in _every_value_word():
        return None
    swapped = {key[:i] + key[i + 1] + key[i] + key[i + 2:] for i in range(len(key) - 1)} - {key}
    targets = {vocab[w] for w in swapped if w in vocab}
    if not targets and len(key) == 5:
        targets = {t for w, t in vocab.items() if abs(len(w) - len(key)) <= 1 and _one_letter_apart(w, key)}
    return targets.pop() if len(targets) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped or changed."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# ``_near``'s answers, per vocabulary and key: the bare-list look (unheaded_lists) tries a status word on the first
# values of every column of every sheet, twice a sheet, and each try was a ``difflib.get_close_matches`` over the
# register's status words — 13 % of refusing a workbook of 147 sheets of sales figures whose titles come back month
# to month (round speed59b). Every caller passes a dict of ``value_words`` (made once a process, never changed), so
# an answer is the same every time it is asked; each vocabulary is held with its answers (its id stays its own),
# and a vocabulary's answers are let go past ``_NEAR_KEPT``.
_NEAR_KEPT = 1 << 14
_near_answers: dict[int, tuple[dict[str, str], dict[str, str | None]]] = {}


def _near(vocab: dict[str, str], key: str) -> str | None:
    """A word cut short ("Предотвращени") or mistyped ("In progeress"): the one target of the vocabulary
    words it begins (six letters at least), else of the words at most one letter in eight away. Never for a
    key longer than a value's words run (``NEAR_MAX``): each slip tried is a copy of the key, so a cell of
    32,767 letters in a status column took 13 s, and one of 15 MB (a shared text beyond Excel's limit) hours."""
    if not 6 <= len(key) <= NEAR_MAX:
        return None
    held = _near_answers.get(id(vocab))
    if held is None or held[0] is not vocab:
        held = _near_answers[id(vocab)] = (vocab, {})
    answers = held[1]
    if key in answers:
        return answers[key]
    if len(answers) >= _NEAR_KEPT:
        answers.clear()
    found = answers[key] = _near_worked_out(vocab, key)
    return found


def _near_worked_out(vocab: dict[str, str], key: str) -> str | None:
    """``_near`` of a key not asked before."""
    starts = {t for w, t in vocab.items() if len(w) >= len(key) and w.startswith(key)}
    if len(starts) == 1:
        return starts.pop()
    close = [w for w in difflib.get_close_matches(key, list(vocab), n=3, cutoff=0.88) if not _negated(w, key)]
    targets = {vocab[w] for w in close}
    if not targets:
        # two letters typed the wrong way round ("Resloved"): the commonest slip, which the ratio above
        # scores below its cut-off in a word of eight letters (round 28)
        swapped = {key[:i] + key[i + 1] + key[i] + key[i + 2:] for i in range(len(key) - 1)} - {key}
        targets = {vocab[w] for w in swapped if w in vocab}
    return targets.pop() if len(targets) == 1 else None


# What, put before a word, says its opposite: "Tangible" is one letter pair from "intangible", "Non-cash
# releasing" a few from "cash releasing", "Incomplete" from "complete", so the closeness of ``_near`` read each
# as its opposite. The keys have no spaces ("noncashreleasing"), so a prefix and a word before are one. Not
# English alone: Norwegian and Danish "u-" (usannsynlig, unlikely), Swedish "o-" (osannolik), Dutch "on-"
# (onwaarschijnlijk), Czech and Slovak "ne-" (nepravděpodobný), Polish "nie-".
_NEGATING = frozenset({"in", "un", "im", "ir", "il", "dis", "non", "not", "no", "u", "o", "on", "ne", "nie"})


def _negated(word: str, key: str) -> bool:
    """Whether one of two word keys is the other with a negating prefix or word before it: the opposite, never
    a slip. The rest after the prefix may itself be mistyped ("Usannsynelig" for usannsynlig, unlikely, one
    slip from "sannsynlig", likely): before (round 56) such a cell was read as its opposite, a 4 for unlikely."""
    longer, shorter = (word, key) if len(word) > len(key) else (key, word)
    for cut in range(1, 4):
        if longer[:cut] not in _NEGATING or shorter.startswith(longer[:cut]):
            continue  # no prefix, or both words have it ("usannsynelig", "usannsynlig": one a slip of the other)
        rest = longer[cut:]
        if rest == shorter or (len(shorter) >= 6 and difflib.SequenceMatcher(None, rest, shorter).ratio() >= 0.88):
            return True
    return False


# Where an assumption's, dependency's or decision's choice is looked up when its own words miss: the issue
# log's and the risk register's words for the same thing, which every language file gives.
_BORROWED: dict[tuple[str, str], tuple[str, ...]] = {(register, "status"): ("issues.status", "risks.status")
             for register in ("assumptions", "dependencies", "decisions")}
_BORROWED[("dependencies", "criticality")] = ("issues.priority",)


@dataclass
class Translator:
    """Parses imported cells for one register: ``Field.parse`` first, then the rule above."""

    register: str
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)  # field → keyed raw → target text
    own_lists: dict[str, set[str]] = field(default_factory=dict)        # field → the office's own choices
    # field → its own list keyed for ``same_word`` (kept in step with ``own_lists``, which only grows)
    _own_index: dict[str, OwnIndex] = field(default_factory=dict, repr=False, compare=False)
    add_unknown: bool = True                                            # unknown open-list values join the list
    added: dict[str, set[str]] = field(default_factory=dict)            # field → values this import adds
    # field → {a word one slip from a listed word ("Oppened"): the choice it was read as}, said in the preview
    slips: dict[str, dict[str, str]] = field(default_factory=dict)
    # field → {a cell read by a part of it, its first word or the start of one ("Urgent-ish" as Critical,
    # "Open - see notes" as Open): the choice it became}: a guess the preview says, as a slip is, never a silent one
    by_part: dict[str, dict[str, str]] = field(default_factory=dict)
    # field → every cell (stripped) read by a part of it in this import, never emptied: the rest of such a cell
    # ("High-ish", "Medium (tbc)", "Low – watch") is more than the value keeps, so the planner keeps the whole
    # cell in the notes under its header (``read_in_part``); ``by_part`` above is emptied once a sheet is said
    parted: dict[str, set[str]] = field(default_factory=dict)
    # field → {how the numbers were read ("per cent", "a score of 1–10"): {the cell as written: the level}}: a
    # number put onto the register's scale by a rule is a changed value, so the preview and the report say the
    # rule once a column (row_planner._say_rescaled); emptied once a sheet is said, as ``by_part`` is
    rescaled: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    # field → every cell (as text) whose number a level cannot give back (0.4 and 0.35 are both level 2; 7 of 10
    # and 8 of 10 both 4): the planner keeps such a cell in the notes under its header, never emptied
    rescaled_cells: dict[str, set[str]] = field(default_factory=dict)
    # field → {a date cell naming a quarter ("Triwulan II 2025"): its last day}: every such cell of this import,
    # kept in the notes by the planner (``by_quarter``); ``quarters_said`` the same, emptied once a sheet is said
    quarter_cells: dict[str, dict[str, date]] = field(default_factory=dict)
    quarters_said: dict[str, dict[str, date]] = field(default_factory=dict)
    # the month the office's financial year starts in (models.financial_year), None where not set: "Q2 FY25" is
    # read by it as a quarter is, into ``quarter_cells`` — not set, such a cell gives no date (``fiscal_period``)
    year_start: int | None = None
    # the fields whose column on the sheet being planned counts its priorities from P0 (zero_priorities), set by
    # the planner once a sheet: "P1" there is the second priority
    from_p0: frozenset[str] = frozenset()

    def _rescale(self, f: Field, raw: Any, level: int, reading: str) -> int:
        """``level``, read from the number ``raw`` by ``reading``: recorded to be said and the cell kept."""
        text = v.parse_text(raw)
        self.rescaled.setdefault(f.name, {}).setdefault(reading, {})[text] = level
        self.rescaled_cells.setdefault(f.name, set()).add(text)
        return level

    def reads(self, f: Field, raw: Any, ctx: Context, profile: ColumnProfile | None = None) -> bool:
        """Whether ``raw`` is a value of ``f`` (``parse`` gives one), asked of a cell no record takes from there
        (typed_one_off's look beside a column): nothing is recorded to be said or kept, as a parse would."""
        name = f.name
        rescaled = {k: dict(x) for k, x in self.rescaled[name].items()} if name in self.rescaled else None
        cells = set(self.rescaled_cells[name]) if name in self.rescaled_cells else None
        quarters = dict(self.quarter_cells[name]) if name in self.quarter_cells else None
        said = dict(self.quarters_said[name]) if name in self.quarters_said else None
        # a word beside the column read as a slip or by a part ("Accept" in the response column looked at as the
        # status beside it): said in the preview as the status's reading, of no row's status (fault72)
        slips = dict(self.slips[name]) if name in self.slips else None
        by_part = dict(self.by_part[name]) if name in self.by_part else None
        parted = set(self.parted[name]) if name in self.parted else None
        try:
            return self.parse(f, raw, ctx, profile) is not None
        except ValidationError:
            return False
        finally:  # each record as it was
            _put_back(self.rescaled, name, rescaled)
            _put_back(self.rescaled_cells, name, cells)
            _put_back(self.quarter_cells, name, quarters)
            _put_back(self.quarters_said, name, said)
            _put_back(self.slips, name, slips)
            _put_back(self.by_part, name, by_part)
            _put_back(self.parted, name, parted)

    def rescaled_from(self, name: str, raw: Any) -> bool:
        """Whether this cell of field ``name`` is a number put onto the scale by a rule that loses it: the
        caller keeps the cell in the notes. One look-up, and only in a column where some cell was."""
        cells = self.rescaled_cells.get(name)
        return cells is not None and not v.is_blank(raw) and v.parse_text(raw) in cells

    def by_quarter(self, name: str, raw: Any) -> bool:
        """Whether this cell of date field ``name`` named a quarter read as its last day: the caller keeps the
        cell in the notes. One look-up, and only in a column where some cell did."""
        cells = self.quarter_cells.get(name)
        return cells is not None and raw.__class__ is str and raw.strip() in cells

    def parse(self, f: Field, raw: Any, ctx: Context, profile: ColumnProfile | None = None) -> Any:
        given = self.overrides.get(f.name)
        if given and not v.is_blank(raw):
            target = given.get(word_key(raw))
            if target is None and (self.register, f.name) in OPEN_LISTS:
                target = given.get(word_key(own_category(raw)))  # "Schedule" → Capacity for "Schedule Risk" too
            if target is not None:
                if target == "":
                    return None  # translated to "leave empty"
                return self._accept(f, target, ctx)
        if f.kind is Kind.DATE and raw.__class__ is str and ((day := quarter_day(raw)) is not None or (
                self.year_start is not None and (day := fiscal_day(raw, self.year_start)) is not None)):
            # "Triwulan II 2025", "Q2 2025": the quarter's last day; "Q2 FY25", "H1 FY26", "FY2025/26" the last day
            # of the office's financial year's quarter, half or year. The cell kept in the notes and said
            text = raw.strip()
            self.quarter_cells.setdefault(f.name, {})[text] = day
            self.quarters_said.setdefault(f.name, {})[text] = day
            return day
        if f.kind is Kind.DATE and raw.__class__ is str:
            # "tomorrow" in a workbook counts from a day the workbook does not give (values.counted_from_writing):
            # no date, so the row is refused with that reason, and the word listed to translate — never a day
            # counted from ours. A translation the user gave (above) still places it.
            v.refuse_counted_from_writing(raw, f.label)
        if profile is not None and profile.year and f.kind is Kind.DATE and raw.__class__ is str:
            order = v.MONTH_FIRST if profile.month_first else v.DAY_FIRST
            try:  # "14-May" in a column of 2023's dates: 14 May 2023, not this year's
                found = v.parse_date(raw, f.label, order=order, today=date(profile.year, 1, 1))
                if found != v.parse_date(raw, f.label, order=order):
                    return found
            except (ValidationError, ValueError):
                pass
        if profile is not None and profile.month_first and f.kind is Kind.DATE and raw.__class__ is str:
            return v.parse_date(raw, f.label, order=v.MONTH_FIRST)
        if profile is not None and profile.decimal_comma and raw.__class__ is str and f.kind.numeric \
                and v.decimal_mark(raw) == "" and not (f.kind is Kind.SCALE and raw.strip().endswith("%")):
            # "2.500" in a column written 12,5 (number_order): 2500, read before any rule below
            raw = v.parse_number(raw, f.label, v.DECIMAL_COMMA)
        if f.kind is Kind.SCALE and raw.__class__ is str:
            # a level written as text — every cell of a CSV, a cell formatted as text — reads as the number
            # the same cell of a workbook holds: "90%" as 0.9 (⌈0.9 × 5⌉ = 5, where the entry rule rounds 4.5
            # to 4), "7" in a column rated 1–10 rescaled like the number 7, not taken as level 5's neighbour
            percent = _PERCENT_ONLY_RE.fullmatch(raw)
            if percent is not None and float(percent.group(1).replace(",", ".")) <= 100:
                return self._rescale(f, raw, scale_from_fraction(
                    float(percent.group(1).replace(",", ".")) / 100, f.scale_max(ctx)), PER_CENT)
            written = _number(raw)
            if written is not None:
                raw = int(written) if written.is_integer() else written
        if f.kind is Kind.FLOAT and raw.__class__ is str and (amount := money(raw)) is not None:
            return amount[0]  # "£250k", "€ 40.000": the amount (its currency goes to the unit: row_planner)
        if f.kind is Kind.FLOAT and raw.__class__ is str and (measured := quantity(raw)) is not None:
            return measured[0]  # "12 days": the number (its unit goes to the record's unit: row_planner)
        if profile is not None and profile.declared and f.kind is Kind.SCALE:
            number = _number(raw)
            if number is not None and (hit := scale_from_declared(number, profile.declared, f.scale_max(ctx))):
                if profile.drawn:  # the sheet's matrix, not its header, gave the scale: said, each cell kept
                    return self._rescale(f, raw, hit, f"a rating on the {profile.declared} bands of the matrix "
                                                      "under the table")
                return hit  # "Likelihood (1-3)": every number is read on the scale the header names
        if profile is not None and profile.ladder and f.kind is Kind.SCALE:
            number = _number(raw)
            if number is not None and number in profile.ladder:
                if profile.ladder_said:  # 0.8 beside "Almost Certain": the legend's level, said and the cell kept
                    return self._rescale(f, raw, scale_from_word_level(profile.ladder[number], f.scale_max(ctx)),
                                         profile.ladder_said)
                return scale_from_word_level(profile.ladder[number], f.scale_max(ctx))
        if profile is not None and profile.fractions and f.kind is Kind.SCALE and isinstance(raw, (int, float)) \
                and not isinstance(raw, bool) and 0 <= raw <= 1:
            # a probability column: 1 is 100%
            return self._rescale(f, raw, scale_from_fraction(float(raw), f.scale_max(ctx)), PER_CENT)
        if profile is not None and profile.percents and f.kind is Kind.SCALE and isinstance(raw, (int, float)) \
                and not isinstance(raw, bool) and 0 <= raw <= 100:
            # "15" in a column of per cent: 15 %
            return self._rescale(f, raw, scale_from_fraction(raw / 100, f.scale_max(ctx)), WHOLE_PER_CENT)
        if profile is not None and profile.products and f.kind is Kind.SCALE and isinstance(raw, (int, float)) \
                and not isinstance(raw, bool) and raw in _products(f.scale_max(ctx)):
            return self._rescale(f, raw, scale_from_product(raw), PRODUCTS)
        if profile is not None and profile.tens and f.kind is Kind.SCALE and isinstance(raw, (int, float)) \
                and not isinstance(raw, bool) and 0 < raw <= 10:
            # a 1–10 column: every value rescaled
            return self._rescale(f, raw, max(1, math.ceil(raw * f.scale_max(ctx) / 10 - 1e-9)), TENS)
        if profile is not None and profile.factor and f.kind is Kind.SCALE and isinstance(raw, (int, float)) \
                and not isinstance(raw, bool) and raw > f.scale_max(ctx):
            # a rating's number past its scale beside the product column (left62): no level, the cell kept
            self.rescaled_cells.setdefault(f.name, set()).add(v.parse_text(raw))
            return None
        if f.name == "priority" and raw.__class__ is str and _P_NUMBER_RE.match(raw):
            # "P1": the first priority, however its letters read otherwise (the second where P0 is the first)
            ranked = numbered_priority(f, raw, from_zero=f.name in self.from_p0)
            if ranked is not None:
                return ranked
        try:
            return f.parse(raw, ctx)
        except ValidationError:
            if not f.kind.vocabulary:
                raise
            if f.kind is Kind.MULTI_ENUM:
                # "Schedule, Budget", "Time / Cost", "Cost and Quality": a list written out, item by item
                parts = v.split_list(raw) if any(_LIST_RE.search(c) for c in f.choices) else \
                    [p for p in _LIST_RE.split(str(raw)) if p.strip()]
                items = [self._translate(f, item, ctx, profile) for item in parts]
                if any(i is None for i in items):
                    raise
                parted = self.parted.get(f.name)
                if parted and any(v.parse_text(item) in parted for item in parts):
                    parted.add(v.parse_text(raw))  # an item read by a part of it: the whole list is kept too
                return v.join_list([c for c in f.choices if c in items])
            value = self._translate(f, raw, ctx, profile)
            if value is None:
                raise
            return value

    def read_in_part(self, name: str, raw: str) -> bool:
        """Whether this cell of field ``name`` was read by a part of it (a word or two of it, a phrase in it):
        the value stored says less than the cell, which the caller keeps whole. One look-up, and only in a
        column where some cell was."""
        parted = self.parted.get(name)
        return parted is not None and raw.strip() in parted

    def left_empty(self, name: str, raw: Any) -> bool:
        """Whether the user translated this cell of field ``name`` to "leave the cell empty" ("ASAP", "TBC",
        "tomorrow" in a date column): the field is left empty, and the caller keeps the word in the notes under
        its header — the user said what the field holds, not that the sheet's word is worth nothing."""
        given = self.overrides.get(name)
        return given is not None and given.get(word_key(raw)) == ""

    def _note_part(self, f: Field, raw: Any, target: str) -> None:
        text = v.parse_text(raw)
        self.by_part.setdefault(f.name, {})[text] = target
        self.parted.setdefault(f.name, set()).add(text)

    def _accept(self, f: Field, target: str, ctx: Context) -> Any:
        own = self.own_lists.get(f.name, set())
        if target in own or (self.register, f.name) in OPEN_LISTS and target not in f.choices:
            own.add(target)
            self.own_lists[f.name] = own
            return target
        return f.parse(target, ctx)

    # ------------------------------------------------------------------------------ rules
    def _translate(self, f: Field, raw: Any, ctx: Context, profile: ColumnProfile | None) -> Any:
        if f.kind is Kind.SCALE:
            return self._scale(f, raw, ctx, profile or ColumnProfile())
        if f.kind is Kind.BOOL:
            hit = self._lookup(value_words("bool"), raw)
            return None if hit is None else hit == "true"
        if (self.register, f.name) in OPEN_LISTS:
            return self._open_list(f, raw)
        choice = self._choice(f, raw)
        if choice is not None:
            return choice
        text = v.parse_text(raw)
        if text in self.own_lists.get(f.name, ()):
            return text
        return None

    def _open_list(self, f: Field, raw: Any) -> str | None:
        """Rule 5: the office's category the word IS, else the office's own word for it, else the word
        joining the office's list as itself."""
        concept = category_concept(raw, f.choices)
        if concept is not None:
            return concept
        text = v.parse_text(raw)
        own = self.own_lists.get(f.name, set())
        if text in own:
            return text
        word = own_category(raw)
        key = word_key(word)
        # the office's list in any case, with or without the noun: an earlier import's "Schedule" for "schedule risk"
        index = self._own_index.setdefault(f.name, OwnIndex())
        found = index.first_same(own, key)
        if found is not None:
            return found
        if self.add_unknown and word and len(word) <= 60:
            self.own_lists.setdefault(f.name, set()).add(word)
            self.added.setdefault(f.name, set()).add(word)
            return word
        return None

    @staticmethod
    def _lookup(vocab: dict[str, str], raw: Any, slips: dict[str, str] | None = None,
                by_part: dict[str, str] | None = None, level: bool = False, replies: bool = False) -> str | None:
        words = words_of(raw)
        keys = [word_key(raw)]
        if len(words) >= 2:
            keys.append(words[0] + words[1])
        # a state's cell written as a reply ("Yes they are", "No, that is how it works"): its first word answers a
        # question, it names no state — the sentence is kept as written, not read by its "yes" as Resolved (left58)
        reply = replies and len(words) >= _REPLY_WORDS and words[0] in value_words("bool")
        if words and not reply:
            keys.append(words[0])
        for k in keys:
            if k in vocab:
                if by_part is not None and k != keys[0]:
                    by_part[v.parse_text(raw)] = vocab[k]
                return vocab[k]
        if len(words) >= 2 and words[-1].isdigit():
            return None  # "Problem 2", "Issue 7": a record numbered by its noun, no word cut short ("Problem resolved")
        near = _near(vocab, keys[0]) or (_near(vocab, words[0]) if words and not reply else None)
        if near is None and level and len(words) == 1:
            near = _level_slip(vocab, keys[0])
        if near is not None and slips is not None:
            slips[v.parse_text(raw)] = near
        return near

    def _choice(self, f: Field, raw: Any) -> str | None:
        slipped: dict[str, str] = {}
        parted: dict[str, str] = {}
        hit = self._lookup(value_words(f"{self.register}.{f.name}"), raw, slipped, parted,
                           level=f.name in LEVEL_CHOICES, replies=f.name == "status")
        if hit in f.choices:
            if slipped:  # read once per distinct cell (the planner's caches): said once in the preview
                self.slips.setdefault(f.name, {}).update(slipped)
            if parted:
                self.by_part.setdefault(f.name, {}).update(parted)
                self.parted.setdefault(f.name, set()).update(parted)
            return hit
        phrases = phrase_words(f"{self.register}.{f.name}")
        if phrases:
            text = " " + " ".join(words_of(raw)) + " "
            for phrase, target in phrases:
                if f" {phrase} " in text and target in f.choices:
                    if text != f" {phrase} ":  # a phrase among other words: read by a part of the cell
                        self._note_part(f, raw, target)
                    return target
        borrowed = self._borrowed(f, raw)
        if borrowed is not None:
            return borrowed
        words = words_of(raw)
        if words and len(words[0]) >= 4:
            first = words[0]
            found = [c for c in f.choices if word_key(c).startswith(first) or
                     (first.startswith(word_key(c)) and len(word_key(c)) >= 4)]
            if len(found) == 1:
                if word_key(raw) != word_key(found[0]):
                    self._note_part(f, raw, found[0])
                return found[0]
        if len(words) >= 2 and words[0] in register_nouns(self.register):
            # the state said after the record's own noun ("Risk Accepted" of a findings log, "Riesgo cerrado"):
            # the noun says nothing of the state, the words after it do (round 59's held-out set)
            rest = self._choice(f, " ".join(words[1:]))
            if rest is not None:
                self._note_part(f, raw, rest)
                return rest
        rung = _LADDER_RUNG_RE.match(raw) if isinstance(raw, str) else None
        if rung is not None:
            # a numbered ladder whose rung carries more words ("4 Low/Technical Request", "2 High - Major"): the
            # first part of the rung naming a level gives it, the number only orders the ladder (unseen set 64)
            # A letter may name the ladder ("S3 Значительная (Major)": S for severity, a tester's S1 … S5)
            for part in re.split(r"\s*(?:/|\s[-–]\s|,)\s*", rung.group(1)):
                level = self._choice_of_part(f, part) if part and not _LADDER_RUNG_RE.match(part) else None
                if level is not None:
                    self._note_part(f, raw, level)
                    return level
        translated = _TRANSLATED_RE.match(raw) if isinstance(raw, str) and "(" in raw else None
        if translated is not None:
            # a choice with its translation in brackets ("Незначительная (Minor)"): read by either word, the
            # first as written, then the one in brackets — one word, two languages (unseen set 64)
            for part in translated.groups():
                level = self._choice_of_part(f, part) if not _TRANSLATED_RE.match(part) else None
                if level is not None:
                    self._note_part(f, raw, level)
                    return level
        tagged = _TAGGED_CHOICE_RE.match(raw) if isinstance(raw, str) else None
        if tagged is not None:
            # a template's list of choices grouped by a tag in brackets ("[Risco Negativo] Aceitar", "[Risco
            # Positivo] Explorar"): the tag sorts the choices, the words after it are the choice (round 46)
            return self._choice(f, tagged.group(1))
        return None

    def _choice_of_part(self, f: Field, part: str) -> str | None:
        """``_choice`` of a part of a cell, whose own reading by a part is no cell's: only the whole cell's is said
        (by the caller), not "Значительная (Major)" beside "S3 Значительная (Major)"."""
        text = v.parse_text(part)
        noted = text in self.by_part.get(f.name, {}), text in self.parted.get(f.name, set())
        found = self._choice(f, part)
        if not noted[0]:
            self.by_part.get(f.name, {}).pop(text, None)
        if not noted[1]:
            self.parted.get(f.name, set()).discard(text)
        return found

    def _borrowed(self, f: Field, raw: Any) -> str | None:
        """An assumption's, dependency's or decision's status or criticality in a language whose files give
        words only to the risk register and the issue log ("Offen", "Abierto", "Hoch"): read as those logs
        read it, then as this register reads that English word ("Open" → an assumption's Open, a
        dependency's On track, a decision's Pending; "Closed" → Delivered, Decided)."""
        sources = _BORROWED.get((self.register, f.name))
        if sources is None:
            return None
        own = value_words(f"{self.register}.{f.name}")
        for source in sources:
            word = self._lookup(value_words(source), raw)
            if word is None:
                continue
            target = word if word in f.choices else own.get(word_key(word)) or f.aliases.get(word)
            if target in f.choices:
                return target
        return None

    def _scale(self, f: Field, raw: Any, ctx: Context, profile: ColumnProfile) -> int | None:
        top = f.scale_max(ctx)
        number: float | None = None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            number = float(raw)
        elif isinstance(raw, str):
            if money(raw) is not None:
                return None  # "$15.000" (a German CSV's $15,000) is an amount of money, never a level: _AMOUNT
            text = raw.strip()
            between = between_two_levels(text)
            if between is not None:  # "Moderate/High": the higher of the two (README: how values are read)
                return scale_from_word_level(between, top)
            parted: dict[str, str] = {}
            slipped: dict[str, str] = {}
            hit = self._lookup(value_words("scale"), raw, slipped, parted, level=True)
            if hit is not None:  # "Moderate, as this would cause a 5%-10% delay": the word, not the figures
                level = scale_from_word_level(int(hit), top)
                if parted:  # "High-ish", "Medium (tbc)": the level of its first word, said and the cell kept
                    self._note_part(f, raw, f"{level} of {top}")
                elif slipped:  # "Hgih", "Meduim": a level word mistyped, read as that level and said once a column
                    self.slips.setdefault(f.name, {})[v.parse_text(raw)] = f"{level} of {top}"
                return level
            percents = _PERCENT_RE.findall(text) if len(text.split()) <= 5 else []
            ranged = _RANGE_RE.match(text)
            if percents:
                values = [float(p.replace(",", ".")) / 100 for p in percents]
                return self._rescale(f, raw, scale_from_fraction(sum(values) / len(values), top), PER_CENT)
            bound = _BOUND_RE.match(text)
            if bound is not None:
                b = float(bound.group(2).replace(",", ".")) / (100 if bound.group(3) else 1)
                if 0 < b < 1 and (bound.group(3) or profile.fractions or float(bound.group(2).replace(",", ".")) < 1):
                    mid = b / 2 if bound.group(1)[0] in "<≤" else (b + 1) / 2
                    return self._rescale(f, raw, scale_from_fraction(mid, top), PER_CENT)
            if ranged and "%" not in text:
                a, b = float(ranged.group(1)), float(ranged.group(2))
                mid = (a + b) / 2
                if 0 <= a <= 1 and 0 <= b <= 1:
                    return self._rescale(f, raw, scale_from_fraction(mid, top), PER_CENT)
                if profile.tens and 0 <= a <= b <= 10:  # "3-7" on a column rated 0–10: its middle, rescaled
                    return self._rescale(f, raw, max(1, math.ceil(mid * top / 10 - 1e-9)), TENS)
                if 1 <= mid <= top:
                    return math.floor(mid + 0.5)
                return None
            try:
                number = v.parse_number(text, f.label)
            except ValidationError:
                number = None
        if number is not None:
            if profile.fractions and 0 <= number <= 1 or 0 < number < 1:
                return self._rescale(f, raw, scale_from_fraction(number, top), PER_CENT)
            if 1 <= number <= top:
                if number.is_integer():
                    return int(number)
                # 3.5 between levels 3 and 4 (a half-point rating, a mean): the nearer level, halves up — a
                # number the level cannot give back, so said and the cell kept in the notes (unseen96: it was lost)
                return self._rescale(f, raw, math.floor(number + 0.5), BETWEEN_LEVELS)
            if profile.tens and 0 < number <= 10:
                return self._rescale(f, raw, max(1, math.ceil(number * top / 10)), TENS)
            if profile.products and number in _products(top):
                return self._rescale(f, raw, scale_from_product(number), PRODUCTS)
            return None
        hit = self._lookup(value_words("scale"), raw)
        if hit is not None:
            return scale_from_word_level(int(hit), top)
        return None
