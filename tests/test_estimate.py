"""parse_estimate: one case per row of DESIGN.md's conventions table and per number format."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.estimate import (
    _QUANTITY_START,
    FRACTION_WORDS,
    MAX_COUNT,
    NUMBER_WORDS,
    QUALIFIER_FACTORS,
    QUALIFIER_WORDS,
    QUANTITY,
    QUANTITY_LOWER,
    SCALE_WORDS,
    VAGUE_MAGNITUDES,
    Estimate,
    EstimateError,
    _estimate_of_groups,
    _phrase_tree,
    estimate_from_match,
    parse_estimate,
)

N = None  # an open bound


@pytest.mark.parametrize(
    ("phrase", "low", "best", "high", "qualifier"),
    [
        # DESIGN.md conventions table, row by row
        ("30,000", 30000, 30000, 30000, "exact"),
        ("about 1,000", 900, 1000, 1100, "approximately"),
        ("approximately 15,000", 13500, 15000, 16500, "approximately"),
        ("around 71", 63, 71, 79, "approximately"),
        ("some 10,000", 9000, 10000, 11000, "approximately"),
        ("an estimated 6.2 million", 5580000, 6200000, 6820000, "approximately"),
        ("an approximate of 56,986", 51287, 56986, 62685, "approximately"),  # as a report has it
        ("roughly 500", 450, 500, 550, "approximately"),
        ("nearly 210", 189, 210, 210, "nearly"),
        ("almost 47,000", 42300, 47000, 47000, "nearly"),
        ("close to 1,000", 900, 1000, 1000, "nearly"),
        ("more than 35,000", 35000, 35000, N, "more_than"),
        ("over 5,000", 5000, 5000, N, "more_than"),
        ("upward of 30,000", 30000, 30000, N, "more_than"),
        ("upwards of 30,000", 30000, 30000, N, "more_than"),
        ("in excess of 2,000", 2000, 2000, N, "more_than"),
        ("more then 6,000", 6000, 6000, N, "more_than"),
        ("at least 138", 138, 138, N, "at_least"),
        ("no fewer than 40", 40, 40, N, "at_least"),
        ("up to 3,000", N, 3000, 3000, "up_to"),
        ("as many as 9,000", N, 9000, 9000, "up_to"),
        ("less than 500", N, N, 500, "less_than"),
        ("fewer than 500", N, N, 500, "less_than"),
        ("under 500", N, N, 500, "less_than"),
        ("at most 500", N, N, 500, "at_most"),
        ("no more than 500", N, N, 500, "at_most"),
        ("between 5,000 and 7,000", 5000, 6000, 7000, "between"),
        ("from 5,000 to 7,000", 5000, 6000, 7000, "between"),
        ("5,000 to 7,000", 5000, 6000, 7000, "between"),
        ("5,000-7,000", 5000, 6000, 7000, "between"),
        ("5,000–7,000", 5000, 6000, 7000, "between"),
        ("An estimated 20,000 – 25,000", 20000, 22500, 25000, "between"),
        ("dozens", 24, 50, 99, "vague_magnitude"),
        ("hundreds", 200, 500, 999, "vague_magnitude"),
        ("thousands", 2000, 5000, 9999, "vague_magnitude"),
        ("tens of thousands", 20000, 50000, 99999, "vague_magnitude"),
        ("hundreds of thousands", 200000, 500000, 999999, "vague_magnitude"),
        ("millions", 2000000, 5000000, 9999999, "vague_magnitude"),
        # our extension of the lexicon
        # "several" read as the plural, as the dev set's annotators read it
        ("several hundred", 200, 500, 999, "vague_magnitude"),
        ("several thousand", 2000, 5000, 9999, "vague_magnitude"),
        ("Several hundred thousand", 200000, 500000, 999999, "vague_magnitude"),
        ("several dozen", 24, 50, 99, "vague_magnitude"),
        ("a few thousand", 2000, 3000, 5000, "vague_magnitude"),
        ("a couple hundred", 200, 200, 300, "vague_magnitude"),
        ("a couple of thousand", 2000, 2000, 3000, "vague_magnitude"),
        ("scores", 24, 50, 99, "vague_magnitude"),  # as "dozens" (the dev set's annotators)
        ("approx. 174", 156, 174, 192, "approximately"),
        ('"tens of thousands"', 20000, 50000, 99999, "vague_magnitude"),
        ("30,000+", 30000, 30000, N, "more_than"),
        ("half a million", 500000, 500000, 500000, "exact"),
    ],
)
def test_conventions_table(phrase, low, best, high, qualifier):
    assert parse_estimate(phrase) == Estimate(low, best, high, qualifier)


# Issue 13: words of quantity that reports use, one row per row of the issue's table.
ISSUE_13 = [
    ("half a million", 500000, 500000, 500000, "exact"),
    ("around half a million", 450000, 500000, 550000, "approximately"),
    ("half a dozen", 6, 6, 6, "exact"),
    ("zero", 0, 0, 0, "exact"),
    ("from 5,000 to 7,000", 5000, 6000, 7000, "between"),
    ("from one thousand to one thousand and five hundred", 1000, 1250, 1500, "between"),
    ("30,000+", 30000, 30000, N, "more_than"),
    ("30.000", 30000, 30000, 30000, "exact"),  # dots between groups of three separate thousands
    ("a quarter of a million", 250000, 250000, 250000, "exact"),
    ("a third of a million", 333333, 333333, 333333, "exact"),
    ("one and a half million", 1500000, 1500000, 1500000, "exact"),
]


@pytest.mark.parametrize(("phrase", "low", "best", "high", "qualifier"), ISSUE_13)
def test_issue_13_words(phrase, low, best, high, qualifier):
    assert parse_estimate(phrase) == Estimate(low, best, high, qualifier)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("30,000", 30000),
        ("30 000", 30000),
        ("30\u00a0000", 30000),
        ("5000", 5000),
        ("1.2 million", 1200000),
        ("2m", 2000000),
        ("1.4 M", 1400000),
        ("3.5bn", 3500000000),
        ("20k", 20000),
        ("5 thousand", 5000),
        ("five thousand", 5000),
        ("a dozen", 12),
        ("a hundred", 100),
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("one million", 1000000),
        ("Five Thousand", 5000),
        # fractions of a magnitude
        ("three quarters of a million", 750000),
        ("two thirds of a million", 666667),  # a fraction of a magnitude rounds to the nearest
        ("a half million", 500000),
        ("a half-dozen", 6),
        ("two and a half thousand", 2500),
        ("a fifth of a million", 200000),
        # a dot between groups of three digits separates thousands; before a scale word it is a
        # decimal point
        ("1.234.567", 1234567),
        ("1.500", 1500),
        ("1.500 million", 1500000),
        ("0.5 million", 500000),
        ("1.2345678 million", 1234568),  # a decimal with a scale rounds to the nearest whole
        ("10 billion", 10_000_000_000),  # MAX_COUNT itself
    ],
)
def test_number_formats(phrase, value):
    assert parse_estimate(phrase) == Estimate(value, value, value, "exact")


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [("1.2-1.5 million", 1200000, 1500000), ("5-7 million", 5000000, 7000000)],
)
def test_a_range_shares_its_scale(phrase, low, high):
    estimate = parse_estimate(phrase)
    assert (estimate.low, estimate.high, estimate.qualifier) == (low, high, "between")


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "hello",
        "a",
        "2019-03-01",
        "and 5",
        "more than",
        "7,000-5,000",
        "30,000 people",
        "several",
        "about 30,000+",
        "three quarters",
        "zero thousand",
    ],
)
def test_refuses_what_is_not_a_quantity(phrase):
    with pytest.raises(EstimateError, match="quantity|range"):
        parse_estimate(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "10,000,000,000,000,000,000,000 people",
        "1e300",
        "10,000,000,001",
        "about 20 billion",
        "between 5 and 70 billion",
        "9" * 5000,  # beyond Python's limit on digits in an int
    ],
)
def test_refuses_more_than_the_largest_count(phrase):
    with pytest.raises(EstimateError, match=f"more than {MAX_COUNT:,}"):
        parse_estimate(phrase)


@pytest.mark.parametrize("phrase", ["2.5", "about 1,234.5", "between 1.5 and 3"])
def test_refuses_a_decimal_count_without_a_scale(phrase):
    with pytest.raises(EstimateError, match="not a whole number"):
        parse_estimate(phrase)


@pytest.mark.parametrize(
    ("phrase", "low", "best", "high"),
    [
        ("about 1,234", 1110, 1234, 1358),  # 1,110.6 rounds down, 1,357.4 up
        ("nearly 1,234", 1110, 1234, 1234),
        ("about 5", 4, 5, 6),
        ("between 5,001 and 7,000", 5001, 6001, 7000),  # best 6,000.5 rounds half up
    ],
)
def test_bounds_are_whole_numbers(phrase, low, best, high):
    estimate = parse_estimate(phrase)
    assert (estimate.low, estimate.best, estimate.high) == (low, best, high)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(QUALIFIER_WORDS)), st.integers(0, MAX_COUNT // 2))
def test_every_qualifier_gives_whole_bounds_around_its_factors(words, n):
    estimate = parse_estimate(f"{words} {n:,}")
    factors = QUALIFIER_FACTORS[estimate.qualifier]
    for bound, factor, side in zip(
        (estimate.low, estimate.best, estimate.high), factors, ("low", "best", "high"), strict=True
    ):
        assert (bound is None) == (factor is None)
        if bound is None:
            continue
        exact = Fraction(str(factor)) * n
        assert bound == int(bound)
        # Rounding only widens the interval, by less than one.
        if side == "low":
            assert exact - 1 < bound <= exact
        elif side == "high":
            assert exact <= bound < exact + 1
    assert _fits(estimate)


def _fits(estimate) -> bool:
    """The estimate passes the one validation path (bounds ordered and shaped as its qualifier)."""
    from tracker.validation import check_rows, figure_row

    _, problems = check_rows(figure_row({
        "quote": "q", "population": "p", "term": "fled", "measure": "flow", "source_title": "s",
        "created_by": "t", "origin": "entered", "low": estimate.low, "best": estimate.best,
        "high": estimate.high, "qualifier": estimate.qualifier,
    }))  # fmt: skip
    return problems == []


def test_bounds_are_floats_and_fit_their_qualifier():
    for words in QUALIFIER_WORDS:
        estimate = parse_estimate(f"{words} 71")
        assert _fits(estimate)
        assert all(isinstance(v, float) for v in (estimate.low, estimate.best, estimate.high)
                   if v is not None)  # fmt: skip
    for words in VAGUE_MAGNITUDES:
        assert _fits(parse_estimate(words))


MIXED_CASE = (
    "Between FROM to and 5 30,000 1.2 M m Million k + Five THOUSAND half a people İ - – 2019"
)


@given(
    st.lists(
        st.sampled_from([*QUALIFIER_WORDS, *VAGUE_MAGNITUDES, " ", "\u00a0", *MIXED_CASE.split()]),
        max_size=8,
    ).map(" ".join)
)
@settings(max_examples=300, deadline=None)
def test_the_lower_case_pattern_finds_what_the_pattern_finds(text):
    # The extractor reads lower-cased text with QUANTITY_LOWER (faster); it must find the same.
    lowered = text.lower()
    if len(lowered) != len(text):
        return  # the extractor reads such text with QUANTITY itself
    assert [m.span() for m in QUANTITY_LOWER.finditer(lowered)] == [
        m.span() for m in QUANTITY.finditer(text)
    ]


QUANTITY_WORDS = [
    *QUALIFIER_WORDS, *VAGUE_MAGNITUDES, *NUMBER_WORDS, *SCALE_WORDS, *FRACTION_WORDS,
    " ", "-", "a", "an", "A", "between", "and", "from", "to", "people", "(", "2", "30,000",
    *MIXED_CASE.split(),
]  # fmt: skip


# QUANTITY checks a quantity's possible first words at each word start (faster); without that
# check, at any word start, it finds the same.
PLAIN_QUANTITY = re.compile(
    QUANTITY.pattern.replace(f"(?={_QUANTITY_START})", r"(?=\w)"), re.IGNORECASE | re.VERBOSE
)


@pytest.mark.parametrize(
    "text",
    [f"{w} 5,000 to 7,000 people" for w in QUANTITY_WORDS]
    + ["between 5 and 7", "from 5 to 7", "half a million", "a dozen", "An estimated 5", "3.5m"],
)
def test_the_first_words_checked_first_leave_out_no_quantity(text):
    assert PLAIN_QUANTITY.pattern != QUANTITY.pattern
    assert [m.groupdict() for m in QUANTITY.finditer(text)] == [
        m.groupdict() for m in PLAIN_QUANTITY.finditer(text)
    ]


@given(st.lists(st.sampled_from(QUANTITY_WORDS), max_size=8).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_the_first_words_checked_first_leave_out_no_quantity_anywhere(text):
    assert [m.groupdict() for m in QUANTITY.finditer(text)] == [
        m.groupdict() for m in PLAIN_QUANTITY.finditer(text)
    ]


# _phrase_tree reads a text's start as the alternation of its phrases does (a space as \s+).
@given(
    st.lists(
        st.sampled_from([*QUANTITY_WORDS, "th", "the", "ten", "tens", "\n", "  "]), max_size=4
    ).map(" ".join)
)
@settings(max_examples=500, deadline=None)
def test_the_tree_of_first_words_starts_what_they_start(text):
    phrases = [w for w in QUANTITY_WORDS if w.strip()]
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    assert bool(re.match(f"(?:{_phrase_tree(phrases)})", text)) == bool(
        re.match(f"(?:{alternation})", text)
    )


def _digits_value_plain(digits: str, suffix: str | None):
    """tracker.estimate._digits_value without its quick path for digits and commas."""
    from tracker.estimate import _DOT_GROUPS, _MAX_DIGITS, _SEPARATORS

    if "." in digits and _DOT_GROUPS.fullmatch(digits) and (not suffix or digits.count(".") > 1):
        whole, decimals = digits.replace(".", ""), ""
    else:
        whole, _, decimals = _SEPARATORS.sub("", digits).partition(".")
    if len(whole.lstrip("0")) > _MAX_DIGITS:
        raise EstimateError(digits)
    decimals = decimals[:15].rstrip("0")
    if not decimals:
        return int(whole)
    return Fraction(int(whole + decimals), 10 ** len(decimals))


@given(
    st.lists(st.sampled_from(["0", "1", "5", "9", "00", "000", ",", ".", " ", "\u00a0", "٣"]),
             min_size=1, max_size=14).map("".join),
    st.sampled_from([None, "", "m", " million", "k"]),
)  # fmt: skip
@settings(max_examples=500, deadline=None)
def test_digits_are_read_as_the_plain_way_reads_them(digits, suffix):
    from tracker.estimate import _digits_value

    try:
        expected = _digits_value_plain(digits, suffix)
    except (EstimateError, ValueError) as e:
        expected = type(e)
    try:
        found = _digits_value(digits, suffix)
    except (EstimateError, ValueError) as e:
        found = type(e)
    assert found == expected and type(found) is type(expected)


def test_lakhs_and_crores_grouped_in_twos_are_read():
    # Learnt from d127: "18,61,060" is 1,861,060 as South Asia groups digits.
    from tracker.extract import extract

    (c,) = extract("In all, 18,61,060 people were evacuated.", None)
    assert (c.span, c.estimate.best) == ("18,61,060", 1_861_060)
    (c,) = extract("A total of 1,00,000 people fled.", None)
    assert c.estimate.best == 100_000


@given(
    st.lists(
        st.sampled_from(
            [*QUANTITY_WORDS, "5", "240", "1,000", "9,4541", "07", "٣", "10000000000", "10000000001",
             "123456789012", "1.5", "2.0", "30,000+", "+", "5,000", "2m"]
        ),
        max_size=6,
    ).map(" ".join)
)  # fmt: skip
@settings(max_examples=500, deadline=None)
def test_a_count_read_at_once_is_the_estimate_the_plain_way_gives(text):
    # estimate_from_match reads the commonest quantity (digits, no scale, no second number) at
    # once; every quantity gives the Estimate, or the error, that reading each number gives.
    for pattern, subject in ((QUANTITY, text), (QUANTITY_LOWER, text.lower())):
        for m in pattern.finditer(subject):
            try:
                expected = _estimate_of_groups(m)
            except EstimateError as e:
                expected = str(e)
            try:
                found = estimate_from_match(m)
            except EstimateError as e:
                found = str(e)
            assert found == expected


@given(
    st.one_of(st.integers(0, 10_000), st.integers(0, MAX_COUNT)),
    st.sampled_from(sorted(QUALIFIER_FACTORS)),
)
def test_a_qualified_count_has_the_bounds_its_factors_and_their_rounding_give(n, qualifier):
    # _qualified reads each factor's terms with _BOUND_ROUNDING written out: the bounds are
    # those of the rounding functions over the exact factors.
    from tracker.estimate import _BOUND_ROUNDING, _EXACT_FACTORS, _qualified

    plain = [
        None if f is None else float(rounding(f.numerator * n, f.denominator))
        for f, rounding in zip(_EXACT_FACTORS[qualifier], _BOUND_ROUNDING, strict=True)
    ]
    assert _qualified(n, qualifier) == Estimate(*plain, qualifier)
