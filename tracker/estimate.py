"""Estimates (low, best, high and a qualifier) and the words of quantity that produce them.

Pure: no database, no network. `parse_estimate` follows the conventions table of DESIGN.md, and
the extractor reads numbers by the same tables. Beyond that table:

- fractions of a magnitude: "half a million" (500,000), "a quarter of a million" (250,000), "a
  third of a million" (333,333), "one and a half million" (1,500,000), "half a dozen" (6);
- "from 5,000 to 7,000" is a range, like "between 5,000 and 7,000"; "30,000+" is more_than;
- bounds are whole numbers: a low bound rounds down, a high bound up, best to the nearest
  ("about 1,234" → 1,110 / 1,234 / 1,358); a decimal count without a scale ("2.5") is refused;
- a dot between groups of three digits separates thousands ("30.000" is 30,000, "1.234.567" is
  1,234,567): a count of people has no fraction. Before a scale word a dot is a decimal point
  ("1.500 million" is 1,500,000);
- a number above MAX_COUNT is refused.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple


class Qualifier(str, enum.Enum):
    exact = "exact"
    approximately = "approximately"
    nearly = "nearly"
    more_than = "more_than"
    at_least = "at_least"
    up_to = "up_to"
    less_than = "less_than"
    at_most = "at_most"
    between = "between"
    vague_magnitude = "vague_magnitude"


# Which bounds each qualifier gives (L low, B best, H high); the others must be empty (open).
# This is the shape of the conventions table in DESIGN.md, used to check entered figures.
QUALIFIER_BOUNDS: dict[str, str] = {
    "exact": "LBH",
    "approximately": "LBH",
    "nearly": "LBH",
    "more_than": "LB",
    "at_least": "LB",
    "up_to": "BH",
    "less_than": "H",
    "at_most": "H",
    "between": "LBH",
    "vague_magnitude": "LBH",
}


# The largest count the tracker takes: ten billion, more than the world's population, so a larger
# number is a typing or reading mistake, never a count of people or households.
MAX_COUNT = 10_000_000_000
_MAX_DIGITS = len(str(MAX_COUNT))


class EstimateError(ValueError):
    """Words that are not a quantity, or bounds that do not fit together."""


def _set_at_once(cls):
    """A frozen dataclass whose __init__ writes the fields into the instance's dict, where the
    generated one sets each through object.__setattr__ (a Candidate is made in half the time:
    one per figure, 1.5% of extraction; an Estimate, one per number, in a third of the time).
    Used by tracker.extract for its own. Same parameters, defaults, fields and their order; a
    class that needs more (a default factory, an InitVar, a field out of __init__ or keyword-only,
    __post_init__, slots) keeps its own __init__."""
    import dataclasses

    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    if (
        len(fields) != len(cls.__dataclass_fields__)
        or hasattr(cls, "__post_init__")
        or hasattr(cls, "__slots__")
        or "self" in names
        or "state" in names
        or any(
            not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING for f in fields
        )
    ):
        return cls
    source = f"def __init__(self, {', '.join(names)}):\n    state = self.__dict__\n"
    source += "".join(f"    state[{name!r}] = {name}\n" for name in names)
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - the source is made of the class's field names
    init = namespace["__init__"]
    defaults = tuple(f.default for f in fields if f.default is not dataclasses.MISSING)
    init.__defaults__ = defaults or None
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init
    return cls


@_set_at_once
@dataclass(frozen=True)
class Estimate:
    """How many: any bound may be None (unknown or open)."""

    low: float | None
    best: float | None
    high: float | None
    qualifier: str


# --- Words of quantity -------------------------------------------------------------------------
# Every lexicon the parser and the extractor use lives in the tables below, so that a new word is
# one line of data (and one test row), never a new `if`.

# Qualifying words before a number → qualifier (the rows of DESIGN.md, plus "approx.", "ca." and
# "no fewer/less than" which sources use in the same sense).
QUALIFIER_WORDS: dict[str, str] = {
    "about": "approximately",
    "approximately": "approximately",
    "approx.": "approximately",
    "approx": "approximately",
    "ca.": "approximately",  # "ca. 20 000 of them in Veracruz" (circa)
    "around": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "an estimate of": "approximately",  # "an estimate of 176,475 individuals"
    "an estimate": "approximately",  # as written in a story: "an estimate 9000 are in Somare"
    "an approximate of": "approximately",  # as written in a report: "an approximate of 56,986"
    "estimated": "approximately",
    "roughly": "approximately",
    "more or less": "approximately",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "more than": "more_than",
    "greater than": "more_than",
    "over": "more_than",
    "upward of": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "more then": "more_than",  # as written in a report: "the presence of more then 6,000 refugees"
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "up to": "up_to",
    "as many as": "up_to",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "at most": "at_most",
    "no more than": "at_most",
}

# qualifier → factors of N for (low, best, high); None leaves that bound open.
QUALIFIER_FACTORS: dict[str, tuple[float | None, float | None, float | None]] = {
    "exact": (1.0, 1.0, 1.0),
    "approximately": (0.9, 1.0, 1.1),
    "nearly": (0.9, 1.0, 1.0),
    "more_than": (1.0, 1.0, None),
    "at_least": (1.0, 1.0, None),
    "up_to": (None, 1.0, 1.0),
    "less_than": (None, None, 1.0),
    "at_most": (None, None, 1.0),
}

# Vague magnitudes → (low, best, high), qualifier vague_magnitude. The first six are DESIGN.md's
# rows; "scores", and "several"/"a few"/"a couple" + a scale word, are our extension: several
# reads as the plural ("several thousand" as "thousands": analysts and the dev set's annotators,
# part after part, read them alike), a few = 2–5 (best 3), a couple = 2–3 (best 2) of that scale.
VAGUE_MAGNITUDES: dict[str, tuple[float, float, float]] = {
    "dozens": (24.0, 50.0, 99.0),
    "hundreds": (200.0, 500.0, 999.0),
    "thousands": (2_000.0, 5_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 50_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 500_000.0, 999_999.0),
    "millions": (2_000_000.0, 5_000_000.0, 9_999_999.0),
    # DESIGN.md's "tens of thousands" a thousand times over ("Tens of millions of people were
    # affected by floods": d731)
    "tens of millions": (20_000_000.0, 50_000_000.0, 99_999_999.0),
    "several dozen": (24.0, 50.0, 99.0),
    "several hundred": (200.0, 500.0, 999.0),
    "several thousand": (2_000.0, 5_000.0, 9_999.0),
    "several tens of thousands": (20_000.0, 50_000.0, 99_999.0),
    "several hundred thousand": (200_000.0, 500_000.0, 999_999.0),
    "several million": (2_000_000.0, 5_000_000.0, 9_999_999.0),
    "a few dozen": (24.0, 36.0, 60.0),
    "a few hundred": (200.0, 300.0, 500.0),
    "a few thousand": (2_000.0, 3_000.0, 5_000.0),
    "a few million": (2_000_000.0, 3_000_000.0, 5_000_000.0),
    # as "dozens": the dev set's annotators read them alike, part after part (d200, d292, d498,
    # d551, d620), though two score is forty
    "scores": (24.0, 50.0, 99.0),
    "a couple dozen": (24.0, 24.0, 36.0),
    "a couple of dozen": (24.0, 24.0, 36.0),
    "a couple hundred": (200.0, 200.0, 300.0),
    "a couple of hundred": (200.0, 200.0, 300.0),
    "a couple thousand": (2_000.0, 2_000.0, 3_000.0),
    "a couple of thousand": (2_000.0, 2_000.0, 3_000.0),
}

# Number words: the one table of them, by which the parser and the extractor (its quantities,
# its periods "the past forty-eight hours", its quick look for numbers) read words.
# "a"/"an" count as one only before a scale word ("a dozen", "a hundred") or a fraction ("a
# quarter of a million"). "zero" stands alone: "zero thousand" is not a count.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: dict[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "lakh": 100_000,  # South Asian reports: "1.2 lakh people" is 120,000
    "million": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
}
# Fractions of a magnitude, counted only before a scale word: "half a million", "a quarter of a
# million", "three quarters of a million", "one and a half million", "half a dozen". Alone they
# are shares of a group ("three quarters are women"), which the extractor skips.
FRACTION_WORDS: dict[str, Fraction] = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2),
    "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4),
    "fifth": Fraction(1, 5), "fifths": Fraction(1, 5),
    "tenth": Fraction(1, 10), "tenths": Fraction(1, 10),
}  # fmt: skip
# Abbreviated scales after digits: "2m", "1.4 M", "3.5bn", "20k".
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
}  # fmt: skip
# Qualifying marks right after a number: "30,000+".
QUALIFIER_SUFFIXES: dict[str, str] = {"+": "more_than"}

# Words joining the two ends of a range: "between A and B", "from A to B", "A to B", "A–B".
RANGE_DASHES = "-–—‒"


def _alternation(words) -> str:
    # Longest first, so "tens of thousands" wins over "thousands" and "more than" over "more".
    return "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
    )


_ZERO = _alternation(w for w, v in NUMBER_WORDS.items() if v == 0)
_UNITS = _alternation(w for w, v in NUMBER_WORDS.items() if 0 < v < 20)
_TENS = _alternation(w for w, v in NUMBER_WORDS.items() if v >= 20)
_SCALES = _alternation(SCALE_WORDS)
_SCALE_WORD = re.compile(_SCALES, re.IGNORECASE)
_FRACTIONS = _alternation(FRACTION_WORDS)
_WORD_ATOM = rf"(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_UNITS}|{_SCALES})"
# "lakh" and "crore" follow a number ("1.2 lakh", "two lakh", "a lakh") and never start one: a
# quantity is not looked for at every word that starts with their letters.
SCALES_AFTER_ONLY = ("lakh", "crore")
_FIRST_ATOM = _WORD_ATOM.replace(
    _SCALES, _alternation(w for w in SCALE_WORDS if w not in SCALES_AFTER_ONLY)
)
# Number or scale words, optionally joined by "and" ("two hundred and fifty"); "a"/"an" first
# only before a scale word.
_WHOLE_WORDS = rf"(?:an?\s+(?:{_SCALES})\b|{_FIRST_ATOM})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_ATOM}))*"
# A fraction of a scale: "half a million", "a quarter of a million", "three quarters of a
# million" and, after whole words, "one and a half million".
_OF_SCALE = rf"[\s-]+(?:of\s+)?(?:an?\s+)?(?:{_SCALES})"
_FRACTION_AFTER_WHOLE = rf"(?:\s+and\s+(?:an?|{_UNITS})|)[\s-]+(?:{_FRACTIONS}){_OF_SCALE}"
# A number in words. Whole words are tried first: most numbers in words are.
WORD_NUMBER = (
    rf"(?:{_WHOLE_WORDS}(?:{_FRACTION_AFTER_WHOLE})?|(?:an?[\s-]+)?(?:{_FRACTIONS}){_OF_SCALE}"
    rf"|{_ZERO})\b"
)
# Any word that can start or carry a number in words, for a quick look before the full pattern
# ("score" for the vague "scores", which holds no number word).
NUMBER_WORD_HINT = _alternation([*NUMBER_WORDS, *SCALE_WORDS, "score"])
# Digits: "30,000", "30 000" (space or no-break space as thousands separator), "30.000" and
# "1.234.567" (dots as thousands separators, read by `_digits_value`), "1.2", "5000", and South
# Asia's grouping of lakhs and crores, "18,61,060" (1,861,060). A comma glued to a word before
# a number is a typing slip ("broke out Wednesday,864 people").
DIGIT_NUMBER = (
    r"(?<![\w.])(?<![\d.],)(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)"  # ("reached 700 000, with …")
    r"|[1-9]\d{0,2}(?:\.\d{3}){2,}(?!\d)"
    r"|[1-9]\d{0,2},[ ]000(?![\d,])"  # "over 60, 000 people": a stray space after the comma
    # ("and 1, 429 rendered homeless", "of 12, 364 families": not in a list of numbers, nor in
    # "children under 5, 413 pregnant …" or a headline's "Toll Rises To 75, 200 Still Missing";
    # the spaces in brackets: the pattern is read verbosely)
    r"|(?<![\d,][ ])(?<!under[ ])(?<!aged[ ])(?<!to[ ])[1-9]\d?,[ ]\d{3}(?![\d,.])"
    r"|[1-9]\d?(?:,\d\d)+,\d{3}(?![\d,])"  # "18,61,060": lakhs and crores grouped in twos
    r"|\d+(?:\.\d+)?)"
)
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_SCALE_AFTER_DIGITS = (
    rf"(?:[ \u00a0]?(?:{_SCALES})\b|(?:{_alternation(SCALE_SUFFIXES)})\b|[ \u00a0]?[Mm]\b)"
)


def _number(g: str) -> str:
    # One number, its parts in groups named after `g`: digits (gd), their scale (gs), words (gw).
    return (
        rf"(?:(?P<{g}d>{DIGIT_NUMBER})(?P<{g}s>{_SCALE_AFTER_DIGITS})?"
        rf"|(?P<{g}w>\b{WORD_NUMBER}))"
    )


_QUALIFIERS = _alternation(QUALIFIER_WORDS)
_VAGUE = _alternation(VAGUE_MAGNITUDES)
_DASH = f"[{RANGE_DASHES}]"
# A quotation may open between the qualifier and the number: about “23,000 people…”.
_QUOTE = "[\"“”‘’']?"


def _phrase_tree(phrases) -> str:
    """A pattern of what starts with one of the phrases, for a lookahead: a tree of their letters,
    each read once for all the phrases it starts, a space as \\s+ ("ten", "three", "thousand" →
    t(?:en|h(?:ousand|ree))); a phrase that another starts is left out ("tens of thousands" for
    "ten"). At "the", the most frequent word, the engine gives up after its third letter, where
    it entered each phrase of the letter in turn ("thousands", "three", "thirteen", …)."""
    if "" in phrases:
        return ""
    rests: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases)):
        rests.setdefault(phrase[0], []).append(phrase[1:])
    alternatives = []
    for head, rest in rests.items():
        inner = _phrase_tree(rest)
        atom = r"\s+" if head == " " else re.escape(head)
        alternatives.append(atom + (f"(?:{inner})" if "|" in inner else inner))
    return "|".join(alternatives)


# What a quantity starts with, whichever its alternative: a digit, "a"/"an", "between", "from", a
# qualifier, a vague magnitude, a number, scale or fraction word. Checked once at each word start:
# most words start none and are left at once.
_QUANTITY_START = r"\d|an?[\s-]|" + _phrase_tree(
    ["between", "from", *QUALIFIER_WORDS, *VAGUE_MAGNITUDES, *NUMBER_WORDS,
     *(w for w in SCALE_WORDS if w not in SCALES_AFTER_ONLY), *FRACTION_WORDS]
)  # fmt: skip

# One quantity phrase. Alternatives: a vague magnitude; "between A and B"; "from A to B"; a
# qualified number, optionally a range "A to B" / "A–B", or an unqualified number with a
# qualifier suffix ("30,000+"). The extractor runs this same pattern over sentences. Its start
# is a word's (\b, which the engine checks in place, where a lookbehind (?<!\w) is a pattern of
# its own entered at every character: what follows starts with a word character, so either
# says the same). A word character is looked for first, as one class: \b holds at each word's
# end too ("people| fled"), where every first letter of _QUANTITY_START was tried for nothing.
QUANTITY = re.compile(
    rf"""
    \b(?=\w)(?={_QUANTITY_START})  # every quantity starts a word; checked once
    (?:(?P<vague>\b(?:{_VAGUE})\b)
    | (?P<between>\bbetween)\s+(?:(?P<q1>{_QUALIFIERS})\s+{_QUOTE})?{_number("a1")}
      \s+and\s+{_number("b1")}
    | (?P<from>\bfrom)\s+{_number("a3")}\s*(?:{_DASH}|\bto\b)\s*{_number("b3")}
    | (?:(?P<q2>\b(?:{_QUALIFIERS}))\s+{_QUOTE})?{_number("a2")}
      (?:\s*(?:{_DASH}|\bto\b)\s*(?!{_QUALIFIERS}\s){_number("b2")}
        | (?(q2)(?!)|(?P<suffix>{_alternation(QUALIFIER_SUFFIXES)})(?![\w+])))?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The same pattern for text put in lower case first, without IGNORECASE: twice as fast (the
# engine skips an alternative by its first letter), for the extractor, which reads whole
# documents. Its words are all in lower case (tests/test_estimate.py checks both find the same).
QUANTITY_LOWER = re.compile(QUANTITY.pattern, re.VERBOSE)
# The groups of a QUANTITY match's two numbers, by the alternative that matched.
NUMBER_GROUPS = {"between": ("a1", "b1"), "from": ("a3", "b3"), None: ("a2", "b2")}


def number_groups(match: re.Match) -> tuple[str, str]:
    """Names of the first and second number of a QUANTITY match (see `number_value`)."""
    for kind in ("between", "from"):
        if match.group(kind) is not None:
            return NUMBER_GROUPS[kind]
    return NUMBER_GROUPS[None]


def words_value(words: str) -> int | Fraction | None:
    """Value of a number in words, None when it has no number word: "five thousand" → 5000,
    "a dozen" → 12, "two hundred and fifty" → 250, "half a million" → 500000, "one and a half
    million" → 1500000."""
    total = whole = part = 0
    seen, previous = False, ""
    for token in re.split(r"[\s-]+", words.lower()):
        if token in ("a", "an"):
            # "a dozen", "a quarter" count one; the "a" of "half a million" or "of a million"
            # does not.
            if previous not in FRACTION_WORDS and previous != "of":
                part, seen = part + 1, True
        elif token in NUMBER_WORDS:
            part, seen = part + NUMBER_WORDS[token], True
        elif token in FRACTION_WORDS:
            part, seen = (part or 1) * FRACTION_WORDS[token], True
        elif token == "and":
            whole, part = whole + part, 0
        elif token in SCALE_WORDS:
            scale, seen = SCALE_WORDS[token], True
            if scale < 1_000:  # "two hundred", "half a dozen": a part of the next thousand
                whole, part = 0, ((whole + part) or 1) * scale
            else:
                total, whole, part = total + ((whole + part) or 1) * scale, 0, 0
        previous = token
    return total + whole + part if seen else None


def _digits_value(digits: str, suffix: str | None) -> int | Fraction:
    plain = digits.replace(",", "") if "," in digits else digits
    if plain.isdigit():
        # Most numbers: digits alone or grouped by commas ("240", "5,000"), which are whole.
        if len(plain.lstrip("0")) > _MAX_DIGITS:
            raise _too_large(digits)
        return int(plain)
    if "." in digits and _DOT_GROUPS.fullmatch(digits) and (not suffix or digits.count(".") > 1):
        # Dots between groups of three digits separate thousands: a count has no fraction.
        whole, decimals = digits.replace(".", ""), ""
    else:
        whole, _, decimals = _SEPARATORS.sub("", digits).partition(".")
    if len(whole.lstrip("0")) > _MAX_DIGITS:
        # Also keeps Python's limit on digits in an int (4,300) from being reached.
        raise _too_large(digits)
    decimals = decimals[:15].rstrip("0")
    if not decimals:
        return int(whole)
    return Fraction(int(whole + decimals), 10 ** len(decimals))


def _scale_of(suffix: str | None) -> int:
    if not suffix:
        return 1
    word = suffix.strip().lower()
    return SCALE_WORDS.get(word) or SCALE_SUFFIXES.get(word, 1)


class _Number(NamedTuple):
    value: int | Fraction  # exact: Fraction only where the words or digits have a fraction
    scaled: bool  # a scale word or suffix ("million", "k") or a fraction of one was written
    text: str  # as written, for messages


def number_value(match: re.Match, group: str) -> _Number | None:
    """The number whose groups are named after `group` in a QUANTITY match, None if absent."""
    digits = match.group(group + "d")
    if digits is not None:
        suffix = match.group(group + "s")
        value = _digits_value(digits, suffix) * _scale_of(suffix)
        return _Number(value, bool(suffix), digits + (suffix or ""))
    words = match.group(group + "w")
    if words is None:
        return None
    scaled = bool(_SCALE_WORD.search(words))
    return _Number(words_value(words) or 0, scaled, words)


def _too_large(written: str) -> EstimateError:
    return EstimateError(
        f"{written} is more than {MAX_COUNT:,}, the largest count the tracker takes (more than "
        "the world's population); check the number"
    )


def _count(number: _Number) -> int:
    """A number as a count of people or households: whole and at most MAX_COUNT. A decimal with
    a scale or a fraction of one rounds to the nearest whole ("1.2345678 million" → 1,234,568,
    "a third of a million" → 333,333)."""
    if number.value > MAX_COUNT:
        raise _too_large(number.text)
    if number.value.denominator != 1 and not number.scaled:
        raise EstimateError(
            f"{number.text} is not a whole number; counts of people and households are whole "
            "(a decimal needs a scale word: 2.5 million)"
        )
    return _nearest(number.value)


def _nearest(x: int | Fraction) -> int:
    if isinstance(x, int):
        return x
    return math.floor(x + Fraction(1, 2))  # half up: 2.5 → 3, not Python's half-to-even 2


def _range(a: _Number, b: _Number, phrase: str) -> Estimate:
    low, low_scaled = a.value, a.scaled
    # "1.2–1.5 million": the scale written once applies to both ends.
    if not a.scaled and b.scaled and low < b.value:
        scale = _shared_scale(low, b.value)
        low, low_scaled = low * scale, scale > 1
    if low > b.value:
        raise EstimateError(f"{phrase!r}: a range runs from the lower to the higher number")
    first, last = _count(_Number(low, low_scaled, a.text)), _count(b)
    best = (first + last + 1) // 2  # the midpoint, half up
    return Estimate(float(first), float(best), float(last), Qualifier.between.value)


def _shared_scale(low: int | Fraction, high: int | Fraction) -> int:
    # The largest scale that keeps low below high: "5-7 million" → 5 million.
    for scale in (1_000_000_000, 1_000_000, 1_000):
        if low * scale <= high:
            return scale
    return 1


# QUALIFIER_FACTORS as exact numbers (0.9 is 9/10, not the nearest binary float; 1 stays int).
_EXACT_FACTORS = {
    qualifier: tuple(
        None if f is None else int(f) if f.is_integer() else Fraction(str(f)) for f in factors
    )
    for qualifier, factors in QUALIFIER_FACTORS.items()
}

# How each bound rounds to a whole count: low down, best to the nearest (half up), high up, so
# that the whole-number interval still holds the one the factors give (0.9 × 1,234 = 1,110.6 →
# 1,110). Each takes the exact quotient p / q in integers: Fraction arithmetic is ten times slower.
_BOUND_ROUNDING = (
    lambda p, q: p // q,
    lambda p, q: (2 * p + q) // (2 * q),
    lambda p, q: -(-p // q),
)


def estimate_from_match(match: re.Match) -> Estimate:
    """The Estimate a QUANTITY match stands for (the conventions table of DESIGN.md).

    Raises EstimateError for a number above MAX_COUNT, a decimal count without a scale, or a
    range that runs backwards.
    """
    # The commonest quantity is read at once, its groups in one call: digits alone or grouped by
    # commas, without a scale or a second number, whose value is the count ("5,000", "about 240")
    # (the number's steps each took a call: 1,377M → 1,361M instructions, cg.sh).
    vague, between, start, digits, scale, second, second_words, words, mark = match.group(
        *_ONE_COUNT_GROUPS
    )
    if (
        digits is not None
        and scale is None
        and second is None
        and second_words is None
        and between is None
        and start is None
        and vague is None
    ):
        plain = digits.replace(",", "") if "," in digits else digits
        if plain.isdigit() and len(plain.lstrip("0")) <= _MAX_DIGITS:
            n = int(plain)
            if n <= MAX_COUNT:
                qualifier = (
                    QUALIFIER_WORDS[" ".join(words.lower().split())]
                    if words
                    else QUALIFIER_SUFFIXES.get(mark or "", "exact")
                )
                if qualifier == "exact":
                    return Estimate(float(n), float(n), float(n), qualifier)
                return _qualified(n, qualifier)
    return _estimate_of_groups(match)


def _estimate_of_groups(match: re.Match) -> Estimate:
    """estimate_from_match the plain way, for every quantity: each number read by number_value."""
    vague = match.group("vague")
    if vague is not None:
        low, best, high = VAGUE_MAGNITUDES[" ".join(vague.lower().split())]
        return Estimate(low, best, high, Qualifier.vague_magnitude.value)
    first_group, second_group = number_groups(match)
    first = number_value(match, first_group)
    second = number_value(match, second_group)
    if second is not None:
        return _range(first, second, match.group(0))
    qualifier_words = match.group("q2")
    if qualifier_words:
        qualifier = QUALIFIER_WORDS[" ".join(qualifier_words.lower().split())]
    else:
        qualifier = QUALIFIER_SUFFIXES.get(match.group("suffix") or "", "exact")
    n = _count(first)
    if qualifier == "exact":  # most figures: every bound is the number
        return Estimate(float(n), float(n), float(n), qualifier)
    return _qualified(n, qualifier)


# The groups of a QUANTITY match that estimate_from_match reads first: the vague magnitude, the
# markers of "between" and "from", the last alternative's number, its scale, its second number
# (digits or words), its qualifier and the qualifier's mark after it.
_ONE_COUNT_GROUPS = ("vague", "between", "from", "a2d", "a2s", "b2d", "b2w", "q2", "suffix")


# Each qualifier's factors as (numerator, denominator), None where a bound is open: _qualified
# reads them with the rounding of _BOUND_ROUNDING written out (a third of the time per count).
_FACTOR_TERMS = {
    qualifier: tuple(None if f is None else (f.numerator, f.denominator) for f in factors)
    for qualifier, factors in _EXACT_FACTORS.items()
}


def _qualified(n: int, qualifier: str) -> Estimate:
    """The Estimate of a qualified count: its bounds by the qualifier's factors, each rounded as
    _BOUND_ROUNDING says (low down, best to the nearest, high up)."""
    low, best, high = _FACTOR_TERMS[qualifier]
    return Estimate(
        None if low is None else float(low[0] * n // low[1]),
        None if best is None else float((2 * best[0] * n + best[1]) // (2 * best[1])),
        None if high is None else float(-(-high[0] * n // high[1])),
        qualifier,
    )


def parse_estimate(phrase: str) -> Estimate:
    """Turn words of quantity into an Estimate: "upward of 30,000" → 30000/30000/open, more_than.

    Raises EstimateError when the phrase is not one quantity, or holds a number the tracker does
    not take as a count (above MAX_COUNT, or a decimal without a scale word).
    """
    text = " ".join(str(phrase).replace("\u2019", "'").split()).strip(" \"'“”.")
    match = QUANTITY.fullmatch(text)
    if match is not None:
        return estimate_from_match(match)
    # Not one quantity; say so, unless a number in it is refused for a reason of its own.
    try:
        written = float(text.replace(",", ""))
    except ValueError:
        written = None
    if written is not None and written > MAX_COUNT:
        raise _too_large(text)  # "1e300"
    for part in QUANTITY.finditer(text):
        estimate_from_match(part)  # "10,000,000,000,000,000,000,000 people"
    raise EstimateError(
        f"{phrase!r} is not a quantity; write a number (30,000; 30 000; 1.2 million; 2m; "
        "five thousand; half a million), optionally qualified (about, nearly, more than, at "
        "least, up to, less than, at most; 30,000+), a range (between 5,000 and 7,000; from "
        "5,000 to 7,000; 5,000–7,000) or a vague magnitude "
        f"({', '.join(VAGUE_MAGNITUDES)})"
    )
