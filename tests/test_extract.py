"""extract: the seed article, non-figures, ranges, number words, households, periods, robustness,
and the dev set as a regression guard."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.devset.score import extract_predictions, load, score
from tracker import extract as x
from tracker.estimate import Estimate
from tracker.extract import extract
from tracker.terms import TERMS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5e049728476cadbf.txt"
PUBLISHED = date(2019, 3, 22)


@pytest.fixture(scope="module")
def seed_figures():
    return extract(SEED.read_text(encoding="utf-8"), published_on=PUBLISHED)


def test_seed_article_has_exactly_three_figures(seed_figures):
    assert [c.span for c in seed_figures] == ["tens of thousands", "upward of 30,000", "5,000"]


def test_seed_fled_since_the_offensive_began(seed_figures):
    c = seed_figures[1]
    assert c.estimate == Estimate(30000, 30000, None, "more_than")
    assert (c.unit, c.population, c.term, c.measure) == ("people", "civilians", "fled", "flow")
    assert (c.period_text, c.period_start, c.period_end) == (
        "since the offensive began",
        None,
        PUBLISHED,
    )
    assert c.sentence.startswith("In all, upward of 30,000 civilians")


def test_seed_five_thousand_refers_back_to_the_civilians(seed_figures):
    c = seed_figures[2]
    assert c.estimate == Estimate(5000, 5000, 5000, "exact")
    assert (c.population, c.term, c.measure) == ("civilians", "fled", "flow")
    assert (c.period_text, c.period_start, c.period_end) == (
        "the past week",
        date(2019, 3, 16),
        PUBLISHED,
    )


def test_seed_tens_of_thousands_of_fighters_remain(seed_figures):
    c = seed_figures[0]
    assert c.estimate == Estimate(20000, 50000, 99999, "vague_magnitude")
    assert c.population in ("IS fighters", "fighters")
    assert (c.term, c.measure, c.attributed_to) == ("remain", "stock", "US defense officials")
    assert (c.period_start, c.period_end) == (None, PUBLISHED)


def test_offsets_point_at_the_span(seed_figures):
    text = SEED.read_text(encoding="utf-8")
    for c in seed_figures:
        assert text[c.start : c.end] == c.span
        assert c.span in c.sentence
        assert c.term in TERMS


@pytest.mark.parametrize(
    "text",
    [
        "For the past four years, US-led forces have waged a destructive campaign.",
        "Fighters gather near the village on March 20, 2019.",
        "This was on Election Night in 2016.",
        "In 2017, several months after taking office, the report came out.",
        "On 14 March, the convoy left.",
        "Children under the age of five were among them.",
        "The boy, aged 12, was treated.",
        "A 7-year-old girl was treated.",
        "Donors pledged $5 million and €300,000 in aid.",
        "It costs 2,000 dollars a month.",
        "More than 90 per cent are women and children.",
        "Prices rose by 45% in a year.",
        "Almost three quarters are women.",
        "The meeting starts at 10:30 and ends at 3 pm.",
        "It was the 3rd convoy this month.",
        "Call +963 11 234 5678 for information.",
        "1. Introduction",
        "2) Camp management",
        "Under resolution 2254 the council acted.",
        "COVID-19 cases were reported.",
        "The camp is 5 km from the border and 300 metres from the road.",
        "One of the officials said the convoy was late.",
        "The fighting lasted two months.",
        "Over the past 72 hours the situation worsened.",
        "It covers the period from 17 April to 1 May 2019.",
        "The M4 highway was closed between 5-7 March.",
        "Phase 2 begins in the 21st century.",
        "One in five children is malnourished.",
        "Each tent holds 6 people per tent.",
        "We don't know how many more women and children, if any, are still in Baghuz.",
        "The war lasted from 2015 to 2019.",
        "Almost two thirds are children.",
        "One half of the camp was flooded.",
        "The convoy left at 10.30 and arrived at 11.45.",
    ],
)
def test_not_a_figure(text):
    assert extract(text, PUBLISHED) == []


# Issue 13: each row of its table, in a sentence as reports write it.
@pytest.mark.parametrize(
    ("text", "span", "estimate"),
    [
        (
            "Half a million people have fled the region.",
            "Half a million",
            Estimate(500000, 500000, 500000, "exact"),
        ),
        (
            "The fighting has forced around half a million people to flee their homes.",
            "around half a million",
            Estimate(450000, 500000, 550000, "approximately"),
        ),
        ("Half a dozen families arrived.", "Half a dozen", Estimate(6, 6, 6, "exact")),
        ("Zero civilians were evacuated.", "Zero", Estimate(0, 0, 0, "exact")),
        (
            "Each week from 5,000 to 7,000 people arrived.",
            "from 5,000 to 7,000",
            Estimate(5000, 6000, 7000, "between"),
        ),
        (
            "From one thousand to one thousand and five hundred people left the town.",
            "From one thousand to one thousand and five hundred",
            Estimate(1000, 1250, 1500, "between"),
        ),
        (
            "30,000+ civilians have fled Baghuz.",
            "30,000+",
            Estimate(30000, 30000, None, "more_than"),
        ),
        ("30.000 people have fled.", "30.000", Estimate(30000, 30000, 30000, "exact")),
        (
            "A quarter of a million people are displaced.",
            "A quarter of a million",
            Estimate(250000, 250000, 250000, "exact"),
        ),
        (
            "A third of a million people are displaced.",
            "A third of a million",
            Estimate(333333, 333333, 333333, "exact"),
        ),
        (
            "One and a half million people are displaced.",
            "One and a half million",
            Estimate(1500000, 1500000, 1500000, "exact"),
        ),
    ],
)
def test_issue_13_words(text, span, estimate):
    (c,) = extract(text, PUBLISHED)
    assert (c.span, c.estimate) == (span, estimate)


def test_numbers_above_the_largest_count_give_no_candidate():
    # An 80-digit number (and one beyond Python's 4,300-digit limit for ints) is not a count;
    # the sentence's other figures are still found.
    for digits in ("9" * 80, "9" * 5000, "10,000,000,000,000,000,000,000"):
        found = extract(f"The war displaced {digits} people and 5,000 others fled.", PUBLISHED)
        assert [c.span for c in found] == ["5,000"]


def test_a_backward_range_drops_only_itself():
    found = extract("7,000-5,000 people fled, and 3,000 people left.", PUBLISHED)
    assert [c.span for c in found] == ["3,000"]


def test_bounds_are_whole_numbers():
    (c,) = extract("About 1,234 people fled.", PUBLISHED)
    assert c.estimate == Estimate(1110, 1234, 1358, "approximately")


@pytest.mark.parametrize(
    ("text", "span", "estimate"),
    [
        (
            "Between 5,000 and 7,000 people fled.",
            "Between 5,000 and 7,000",
            Estimate(5000, 6000, 7000, "between"),
        ),
        (
            "An estimated 20,000 – 25,000 displaced people returned.",
            "An estimated 20,000 – 25,000",
            Estimate(20000, 22500, 25000, "between"),
        ),
        (
            "Estimates range from 14,000 to 30,000 fighters.",
            "from 14,000 to 30,000",
            Estimate(14000, 22000, 30000, "between"),
        ),
        (
            "Some 1.2-1.5 million people were displaced.",
            "Some 1.2-1.5 million",
            Estimate(1200000, 1350000, 1500000, "between"),
        ),
        (
            "Five thousand people fled the town.",
            "Five thousand",
            Estimate(5000, 5000, 5000, "exact"),
        ),
        ("A dozen families arrived.", "A dozen", Estimate(12, 12, 12, "exact")),
        ("Two children died on the way.", "Two", Estimate(2, 2, 2, "exact")),
        (
            "Several hundred people left.",
            "Several hundred",
            Estimate(200, 500, 999, "vague_magnitude"),
        ),
        (
            "Nearly two million people are displaced.",
            "Nearly two million",
            Estimate(1800000, 2000000, 2000000, "nearly"),
        ),
        (
            "Some 30 000 people arrived.",
            "Some 30 000",
            Estimate(27000, 30000, 33000, "approximately"),
        ),
        ("Returnees in 2018: 1.4 M", "1.4 M", Estimate(1400000, 1400000, 1400000, "exact")),
        ("About 2m people fled.", "About 2m", Estimate(1800000, 2000000, 2200000, "approximately")),
        ("Number of individuals: 9,4541", "9,454", Estimate(9454, 9454, 9454, "exact")),
    ],
)
def test_ranges_and_number_words(text, span, estimate):
    (c,) = extract(text, PUBLISHED)
    assert (c.span, c.estimate) == (span, estimate)


@pytest.mark.parametrize(
    ("text", "unit", "population", "size"),
    [
        ("2,300 families were displaced.", "households", "families", None),
        ("Around 71 families have arrived.", "households", "families", None),
        (
            "1,200 households fled, with an average of 5 persons per household.",
            "households",
            "households",
            5.0,
        ),
        ("2,300 people were displaced.", "people", "people", None),
    ],
)
def test_households(text, unit, population, size):
    (c,) = extract(text, PUBLISHED)
    assert (c.unit, c.population, c.household_size) == (unit, population, size)


@pytest.mark.parametrize(
    ("text", "published", "period_text", "start", "end"),
    [
        (
            "5,000 people fled in the past week.",
            "2019-03-22",
            "the past week",
            "2019-03-16",
            "2019-03-22",
        ),
        (
            "Over the past 48 hours, 3,000 people arrived.",
            "2019-03-22",
            "the past 48 hours",
            "2019-03-20",
            "2019-03-22",
        ),
        (
            "At least 29 children died over the past eight weeks.",
            "2019-01-31",
            "the past eight weeks",
            "2018-12-07",
            "2019-01-31",
        ),
        (
            "In the past forty-eight hours, 300 people arrived.",
            "2019-03-22",
            "the past forty-eight hours",
            "2019-03-20",
            "2019-03-22",
        ),
        (
            "In the past dozen days, 300 people arrived.",
            "2019-03-22",
            "the past dozen days",
            "2019-03-11",
            "2019-03-22",
        ),
        (
            "Thirteen children arrived in the past week.",
            "2019-03-22",
            "the past week",
            "2019-03-16",
            "2019-03-22",
        ),
        (
            "Since Wednesday, 2,000 people have arrived.",
            "2019-03-22",
            "Since Wednesday",
            "2019-03-20",
            "2019-03-22",
        ),
        (
            "12,000 women and children have arrived since Wednesday morning.",
            "2019-03-08",
            "since Wednesday morning",
            "2019-03-06",
            "2019-03-08",
        ),
        (
            "In March 2019, 4,000 people were displaced.",
            "2019-04-10",
            "In March 2019",
            "2019-03-01",
            "2019-03-31",
        ),
        (
            "More than 55,000 people have arrived since December.",
            "2019-03-08",
            "since December",
            "2018-12-01",
            "2019-03-08",
        ),
        (
            "Over 25,500 people have fled since 4 December 2018.",
            "2019-02-04",
            "since 4 December 2018",
            "2018-12-04",
            "2019-02-04",
        ),
        (
            "On 14 March, 1,500 people arrived.",
            "2019-03-15",
            "On 14 March",
            "2019-03-14",
            "2019-03-14",
        ),
        (
            "Last night, another 2,000 women and children arrived.",
            "2019-03-21",
            "Last night",
            "2019-03-20",
            "2019-03-21",
        ),
        (
            "Between February 22 and March 1, approximately 15,000 people reached the camp.",
            "2019-03-04",
            "Between February 22 and March 1",
            "2019-02-22",
            "2019-03-01",
        ),
        (
            "Insecurity displaces 104,000 people from February–March.",
            "2019-04-12",
            "February–March",
            "2019-02-01",
            "2019-03-31",
        ),
        (
            "Over 5,200 arrived between 5-7 March.",
            "2019-03-07",
            "5-7 March",
            "2019-03-05",
            "2019-03-07",
        ),
        (
            "About 500 people on Monday left the village.",
            "2019-03-05",
            "on Monday",
            "2019-03-04",
            "2019-03-04",
        ),
        (
            "As of 31 March, the camp hosts 73,041 people.",
            "2019-04-05",
            "As of 31 March",
            None,
            "2019-03-31",
        ),
        (
            "The camp currently hosts more than 35,000 people.",
            "2019-02-04",
            None,
            None,
            "2019-02-04",
        ),
        # "this year" runs from its first day; "by the end of March" ends a count there
        (
            "So far this year, 12,000 people have arrived.",
            "2021-05-26",
            "this year",
            "2021-01-01",
            "2021-05-26",
        ),
        (
            "By the end of March, 9,000 people had returned.",
            "2021-05-26",
            "By the end of March",
            None,
            "2021-03-31",
        ),
    ],
)
def test_relative_periods(text, published, period_text, start, end):
    (c,) = extract(text, date.fromisoformat(published))
    as_date = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    assert (c.period_text, c.period_start, c.period_end) == (
        period_text,
        as_date(start),
        as_date(end),
    )


def test_period_text_is_kept_without_a_publication_date():
    (c,) = extract("5,000 people fled in the past week.")
    assert (c.period_text, c.period_start, c.period_end) == ("the past week", None, None)


@pytest.mark.parametrize(
    ("text", "term", "measure"),
    [
        ("Over 60,000 people, mostly civilians, had flooded out of the enclave.", "left", "flow"),
        ("A total of 29,600 people have fled the town and surrendered.", "surrendered", "flow"),
        ("More than 1,000 fighters remain in detention facilities.", "detained", "stock"),
        (
            "With an estimated 6.2 million people internally displaced in the country.",
            "displaced",
            "stock",
        ),
        ("Some 270,000 people have been displaced in May.", "displaced", "flow"),
        ("Al-Hol camp now hosts more than 40,000 people.", "hosted", "stock"),
        ("There are nearly 5,000 people still inside.", "remain", "stock"),
        ("Another 34,000 civilians were evacuated from Baghouz.", "evacuated", "flow"),
    ],
)
def test_verbs_map_onto_terms(text, term, measure):
    (c,) = extract(text, PUBLISHED)
    assert (c.term, c.measure) == (term, measure)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                [
                    "30,000",
                    "tens of thousands",
                    "between",
                    "and",
                    "March",
                    "since",
                    "the past",
                    "week",
                    "(",
                    ")",
                    "families",
                    "fled",
                    "9,4541",
                    ".",
                    "\n",
                    "1.",
                    "over",
                    "five",
                    "thousand",
                    "-",
                    "–",
                    "said",
                    "as of",
                    "half a",
                    "a quarter of",
                    "million",
                    "from",
                    "to",
                    "30.000",
                    "+",
                    "zero",
                    "9" * 80,
                ]
            ),
        ),
        max_size=30,
    ).map(" ".join),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises(text, published_on):
    for c in extract(text, published_on):
        assert text[c.start : c.end] == c.span
        assert c.term in TERMS


def test_tuning_documents_regression_guard():
    # Floors below what the 1,340 tuning documents score (when d1316–d1344 were turned to
    # tuning: precision 0.937, recall 0.949, measure 0.945, location 0.678, country 0.933,
    # attribution 0.839; the parts turned to tuning last are harder than the first): a rule that
    # breaks what, where or who on whole documents fails here.
    from tests.devset.score import load_documents

    result = score(extract_predictions, load_documents("tuning"))
    checked = result.place_checked
    assert result.recall >= 0.948 and result.precision >= 0.936, (
        result.misses,
        result.false_positives,
    )
    assert result.measure_right / result.matched >= 0.944
    assert result.location_right / checked >= 0.677 and result.country_right / checked >= 0.932
    assert result.attribution_right / checked >= 0.837


def test_second_annotators_answers_are_of_the_records_figures():
    # The agreement between annotators (tests/devset/README.md) is only worth reading while the
    # second annotator's answers are of the figures the records hold: a record's figures changed
    # later must be answered again, and this fails until they are.
    from tests.devset.agreement import agreement, load_answers
    from tests.devset.score import load_documents

    records = {d["id"]: d for d in load_documents()}
    for doc_id, answer in load_answers().items():
        assert [f["span"] for f in answer["figures"]] == [
            f["span"] for f in records[doc_id]["figures"]
        ], doc_id
    result = agreement()
    assert result.matched == result.expected == result.predicted == result.place_checked


def test_no_sentence_of_the_dev_set_raises(monkeypatch):
    # extract() passes over a sentence that raises (one odd sentence must not stop a document);
    # here it must not happen: a rule's slip would drop sentences without a word (d399's title
    # and dateline once did).
    from tests.devset.score import load_documents

    monkeypatch.setattr(x, "_STRICT", True)
    for r in load() + load_documents():
        published = date.fromisoformat(r["published_on"]) if r.get("published_on") else None
        extract(r["text"], published, title=r.get("title"))


def test_dev_set_regression_guard():
    # Floors set below the scores measured when the extractor was written (all 1.0 on the
    # in-sample dev set); they catch regressions, they are not the expected output.
    result = score(extract_predictions)
    assert result.recall >= 0.95, result.misses
    assert result.precision >= 0.95, result.false_positives
    assert result.interval_accuracy >= 0.95
    assert result.not_figures_reported == 0


# --- Speed: the lower-case readings find what the patterns as written find -----------------------

CALENDAR_CASES = [
    "In March 2019, 5,000 people fled; since Monday 300 more.",
    "They may return: 2,000 did on 5 May, and MARCH 5 saw 300 leave.",
    "As of 14 march, 1,200 remained; between January and March 3,000 arrived.",
    "İstanbul hosted 10,000 people in the past week, last month 2,000.",
    "US$ 5 million; No. 12; between the ages of 5 and 17; 1 in 5 children; aged 12.",
]


@pytest.mark.parametrize("sentence", [r["text"] for r in load()] + CALENDAR_CASES)
def test_lower_case_readings_find_the_same(sentence):
    lowered = sentence.lower()
    assert [p.span() for p in x._periods(sentence, lowered)] == [
        p.span() for p in x.PERIOD.finditer(sentence)
    ]
    assert [(p.group(0), p.lastgroup) for p in x._periods(sentence, lowered)] == [
        (p.group(0), p.lastgroup) for p in x.PERIOD.finditer(sentence)
    ]
    if len(lowered) == len(sentence):
        for end in range(len(sentence) + 1):
            start = max(0, end - x.BEFORE_REACH)
            assert bool(x._BEFORE_LOWER.search(lowered, start, end)) == bool(
                x._BEFORE.search(sentence, start, end)
            )


AFTER_CASES = [
    " people", "% of them", " per cent", " years old", " hours", " o'clock", " GMT", "th of May",
    " km", "-year-old", " blankets", " people missing", " ſeconds", " minıtes", " İD", " Seconds",
    " people had been trapped", " Missing", " people still MISSING",
]  # fmt: skip


@pytest.mark.parametrize("after", AFTER_CASES + [r["text"][:40] for r in load()])
def test_the_context_after_a_number_reads_the_same_in_lower_case(after):
    # the quick reading (lower case, people missing looked for apart) says what the patterns say
    expected = x._AFTER.match(after) or x._MISSING_AFTER.match(after)
    assert x._after_is_not_a_figure(after) == bool(expected)


@given(st.text(alphabet=".!?\n \t\"”’')]aA1#•-", max_size=30))
def test_sentence_ends_are_found_as_the_plain_pattern_finds_them(text):
    plain = r"[.!?]+[\"”’')\]]*\s+|\n\s*\n|\n(?=\s*[A-Z0-9\"“•*#-])"
    assert [m.span() for m in x._SENTENCE_END.finditer(text)] == [
        m.span() for m in re.finditer(plain, text)
    ]


PLACE_WORDS_SAMPLE = ["al-", "Hol", "the", "town", "of", "north-west", "x’s-", "ab--", "in", "Baghuz",
                      "-", "ʿ", "people", "fled", "A", "to", "ar-ra-", "Raqqa", "a", "b", "’", "Al"]  # fmt: skip


def _texts_of(words: list[str], max_size: int):
    """Texts made of these words, glued or apart by spaces, hyphens and line breaks."""
    return st.lists(
        st.tuples(st.sampled_from(words), st.sampled_from(["", " ", "  ", "-", "\n"])),
        max_size=max_size,
    ).map(lambda parts: "".join(w + sep for w, sep in parts))


def _mentions_as_found_by(plain_pattern: str, text: str):
    """_PLACE_MENTION finds what the pattern without one of its speed-ups finds."""
    assert plain_pattern != x._PLACE_MENTION.pattern
    assert [(m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(text)] == [
        (m.span(), m.groups()) for m in re.finditer(plain_pattern, text)
    ]


@given(_texts_of(PLACE_WORDS_SAMPLE, 20))
def test_place_mentions_are_found_as_without_possessive_reading(text):
    _mentions_as_found_by(re.sub(r"(?<=[+}])\+", "", x._PLACE_MENTION.pattern), text)


MENTION_END_SAMPLE = ["in", "the", "town", "of", "Al", "al-", "Hol", "Baghuz", "camp", "Camp", "refugee",
                      "province", "’s", "'s", "U.S.", "UN", "The", "ʿ", ".", ",", "north", "North",
                      "fled", "to", "Idlib", "people", "x", "5"]  # fmt: skip


@given(_texts_of(MENTION_END_SAMPLE, 14))
def test_place_mentions_read_up_to_the_last_capital_are_those_finditer_finds(text):
    assert [(m.span(), m.groups()) for m in x._mention_matches(text)] == [
        (m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(text)
    ]


def test_place_mentions_of_the_dev_sets_sentences_are_those_finditer_finds():
    # The last mention is matched again only where a word of place may follow it: every
    # sentence of the dev set's texts gives what finditer gives over it whole.
    from tests.devset.score import load_documents

    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            sentence = text[start:end]
            assert [(m.span(), m.groups()) for m in x._mention_matches(sentence)] == [
                (m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(sentence)
            ], sentence


@given(
    _texts_of(
        MENTION_END_SAMPLE + ["İn", "ın", "ſouth", "5,000", "’", "-", "é", "Éire", "\u00a0"], 14
    )
)
def test_place_mentions_are_found_as_without_the_check_of_their_first_letter(text):
    # Every mention starts with a letter in ASCII: its cue's, direction's or name's, and one the
    # lookahead of six words reads first.
    guard = "(?=[A-Za-z])"
    assert x._PLACE_MENTION.pattern.startswith(rf"\b{guard}")
    _mentions_as_found_by(x._PLACE_MENTION.pattern.replace(guard, "", 1), text)


def test_the_dev_sets_place_mentions_are_found_as_without_the_check_of_their_first_letter():
    from tests.devset.score import load_documents

    plain = re.compile(x._PLACE_MENTION.pattern.replace("(?=[A-Za-z])", "", 1))
    for text in [r["text"] for r in load() + load_documents()]:
        assert [(m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]


CUE_WORDS_SAMPLE = ["In", "IN", "İn", "ın", "into", "TOWARDS", "ſettlement", "of", "fled", "Fleeing", "out",
                    "Displaced", "from", "the", "town", "Al", "Baghuz", "Syria", "people", "a", "-"]  # fmt: skip


@given(_texts_of(CUE_WORDS_SAMPLE, 12))
def test_place_mentions_are_found_as_without_the_quick_check_of_cues(text):
    _mentions_as_found_by(x._PLACE_MENTION.pattern.replace(f"(?={x._CUE_START})", ""), text)


def test_every_cue_has_first_letters_for_the_quick_check():
    # A cue written so that its first letters cannot be read ("neighbou?rhood") would let
    # anything start it: the quick check would pass every word, and places would cost a third more.
    assert "" not in set().union(*map(x._starts, x.LOCATIVE_CUES))


@given(_texts_of(CUE_WORDS_SAMPLE + ["North", "ſouth", "eastern", "Upper", "al-", "ash-"], 12))
def test_place_mentions_are_found_as_without_the_quick_checks_of_directions_and_names(text):
    _mentions_as_found_by(
        x._PLACE_MENTION.pattern.replace(f"(?=[{x._DIRECTION_FIRST}])", "").replace(
            f"(?=[A-Z]|{x._ARTICLE})", ""
        ),
        text,
    )


@given(
    _texts_of(
        CUE_WORDS_SAMPLE
        + ["North", "ſouth", "eastern", "Upper", "al-", "ash-", "as", "el", "their"],
        12,
    )
)
def test_place_mentions_are_found_as_without_the_check_of_their_first_word(text):
    _mentions_as_found_by(x._PLACE_MENTION.pattern.replace(f"(?={x._MENTION_START})", ""), text)


def test_the_dev_sets_place_mentions_are_found_as_without_the_check_of_their_first_word():
    # A lower-case word that starts no cue, direction or article starts no mention: the six
    # words' lookahead is not read after it.
    from tests.devset.score import load_documents

    check = f"(?={x._MENTION_START})"
    assert check in x._PLACE_MENTION.pattern
    plain = re.compile(x._PLACE_MENTION.pattern.replace(check, ""))
    for text in [r["text"] for r in load() + load_documents()]:
        assert [(m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ]


def _mention_pattern_read_case_insensitively() -> str:
    """_PLACE_MENTION with its cues and words of place read case-insensitively as written, not
    grouped by their first letter."""
    cues, words, towards = "|".join(x.LOCATIVE_CUES), x._PLACE_WORDS, x.DIRECTION_WORDS
    pattern = x._PLACE_MENTION.pattern
    by_letter = x._any_case_by_first_letter(towards)
    directions = rf"{by_letter}(?:,?\s+(?i:and)\s+{by_letter})?"
    assert directions in pattern
    pattern = pattern.replace(directions, rf"(?i:(?:{towards})(?:,?\s+and\s+(?:{towards}))?)")
    for grouped, plain in ((cues, f"(?i:{cues})"), (words, f"(?i:{words})")):
        assert x._any_case_by_first_letter(grouped) in pattern
        pattern = pattern.replace(x._any_case_by_first_letter(grouped), plain)
    return pattern


def test_alternatives_read_in_any_case_are_grouped_by_their_first_letter():
    assert x._any_case_by_first_letter(r"in|(?:into|at)\s+x") == (
        r"(?:i(?i:n|nto\s+x)|a(?i:t\s+x)|I(?i:n|nto\s+x)|İ(?i:n|nto\s+x)|ı(?i:n|nto\s+x)|A(?i:t\s+x))"
    )
    assert x._any_case_by_first_letter(r"in|\w+") == r"(?i:in|\w+)"  # (no letter first)
    grouped = re.compile(x._any_case_by_first_letter("IDP|in|into|kebele|settlement"))
    plain = re.compile("(?i:IDP|in|into|kebele|settlement)")
    for text in ("İDP", "ıdp", "Into", "ınto", "\u212aebele", "ſettlement", "SETTLEMENT", "x"):
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


@given(_texts_of(CUE_WORDS_SAMPLE + ["Camp", "İsland", "\u212aebele", "STATE", "to", "At"], 8))
def test_first_letters_in_each_case_alone_read_as_a_class_of_their_cases(text):
    # _in_each_case: a tree whose first letter is each case alone finds what the tree led by the
    # class of its cases finds (the cues' and the words of place's quick checks), and words
    # grouped so what they find read case-insensitively (_any_case_by_first_letter)
    cue_starts = set().union(*map(x._starts, x.LOCATIVE_CUES))
    assert x._CUE_START == x._cased_prefix_tree(cue_starts)
    for words in (cue_starts, ["ka", "se", "i", "in", "is", "into", "at"]):
        checks = (
            (x._cased_prefix_tree(words), x._prefix_tree(words, lambda c: f"[{x._CASES[c]}]")),
            (x._any_case_by_first_letter("|".join(words)), f"(?i:{'|'.join(words)})"),
        )
        for quick, plain in checks:
            for at in range(len(text) + 1):
                found, expected = re.match(quick, text[at:]), re.match(plain, text[at:])
                assert (found and found.span()) == (expected and expected.span())


@given(_texts_of(CUE_WORDS_SAMPLE + ["Camp", "İsland", "ſouth", "STATE", "to", "At", "Nor"], 8))
def test_a_tree_after_capitals_reads_without_them_what_it_reads_with_them(text):
    # _MENTION_START: [A-Z] first, then the tree without its capitals in ASCII
    starts = x._DIRECTION_LETTERS.union(*map(x._starts, x.LOCATIVE_CUES))
    quick = re.compile(f"[A-Z]|{x._cased_prefix_tree(starts, capitals=False)}")
    plain = re.compile(f"[A-Z]|{x._cased_prefix_tree(starts)}")
    assert quick.pattern in x._MENTION_START
    for at in range(len(text) + 1):
        assert bool(quick.match(text, at)) == bool(plain.match(text, at))


def _all_found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups(), m.lastgroup) for m in pattern.finditer(text)]


def _twins_in_ascii() -> dict[str, re.Pattern]:
    return {
        name: value
        for name, value in vars(x).items()
        if name.endswith("_ASCII") and isinstance(value, re.Pattern)
    }


def test_the_twins_in_ascii_are_compiled_with_their_optional_groups_as_alternatives():
    twins = _twins_in_ascii()
    assert {"_PLACE_MENTION_ASCII", "_QUANTITY_ASCII", "_VERB_LOWER_ASCII"} <= set(twins)
    # (an optional character, "x?", is left as it is: re reads it without a loop's counter)
    optional = x._sre_parser.parse("a(?:bc)?d(?P<e>ef)?x?")
    optional.data = x._optional_as_branch(optional.data)
    alternatives = x._sre_parser.parse("a(?:bc|)d(?:(?P<e>ef)|)x?")
    assert x._sre_compiler._code(optional, 0) == x._sre_compiler._code(alternatives, 0)


def test_the_dev_sets_texts_are_read_by_the_twins_as_by_their_patterns_compiled_by_re():
    # _compiled: each twin in ASCII (optional groups compiled as alternatives) finds what its
    # pattern, as re compiles it, finds, over the dev set's sentences, as written and in lower case
    plain = {name: re.compile(p.pattern, p.flags) for name, p in _twins_in_ascii().items()}
    for text in {r["text"] for r in load()}:
        if not x._plain_ascii(text):
            continue
        for read in (text, text.lower()):
            for name, twin in _twins_in_ascii().items():
                assert _all_found(twin, read) == _all_found(plain[name], read), name


@given(_texts_of(CUE_WORDS_SAMPLE + ["Camp", "north", "Upper", "al-", "’s", "the", "and", ","], 12))
def test_optional_groups_compiled_as_alternatives_find_what_re_finds(text):
    for pattern in (x._PLACE_MENTION, x.PERIOD, x._ROLE_BEFORE):
        compiled = x._compiled(pattern.pattern, pattern.flags)
        assert _all_found(compiled, text) == _all_found(pattern, text)
        assert _all_found(compiled, text.lower()) == _all_found(pattern, text.lower())


MENTION_WORDS_SAMPLE = CUE_WORDS_SAMPLE + ["Camp", "CAMP", "camps", "ſettlement", "İsland", "IDP",
                                           "ıdp", "\u212aebele", "Refugee", "district", "Zone",
                                           "North", "ſouth", "eastern", "Upper", "and", "AND", ",",
                                           "north-east", "SOUTHERN", "Central"]  # fmt: skip


@given(_texts_of(MENTION_WORDS_SAMPLE, 14))
def test_place_mentions_are_found_as_with_cues_and_words_of_place_read_case_insensitively(text):
    _mentions_as_found_by(_mention_pattern_read_case_insensitively(), text)
    plain = re.compile(rf"\s(?i:{x._PLACE_WORDS})$")
    for end in range(len(text) + 1):
        assert bool(x._ENDS_WITH_PLACE_WORD.search(text[:end])) == bool(plain.search(text[:end]))


def test_the_dev_sets_place_mentions_are_found_as_with_cues_read_case_insensitively():
    from tests.devset.score import load_documents

    plain = re.compile(_mention_pattern_read_case_insensitively())
    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        mentions = [(m.span(), m.groups()) for m in x._PLACE_MENTION.finditer(text)]
        assert mentions == [(m.span(), m.groups()) for m in plain.finditer(text)]
        found += len(mentions)
    assert found > 1_000


PLACE_WORD_SAMPLE = ["Camp", "CAMP", "camps", "ſettlement", "İsland", "ısland", "IDP", "ıdp", "site",
                     "\u212aebele", "kebele", "reception", "Centre", "Refugee", "district", "Baghuz",
                     "Al", "in", "the", "’s", "Zone", "x"]  # fmt: skip


@given(_texts_of(PLACE_WORD_SAMPLE, 12))
def test_place_mentions_are_found_as_without_the_quick_check_of_words_of_place(text):
    _mentions_as_found_by(x._PLACE_MENTION.pattern.replace(f"(?={x._PLACE_WORD_START})", ""), text)


AFTER_WORDS_SAMPLE = [
    "people", "persons", "individuals", "per", "cent", "percent", "each", "a", "household", "of",
    "US", "dollars", "euros", "pounds", "USD", "%", "pc", "-", "‐", "half", "third", "years", "old",
    "age", "months", "days", "hours", "minutes", "seconds", "nights", "decades", "centuries", "yrs",
    "hrs", "mins", "am", "a.m.", "PM", "p.m", "o'clock", "o’clock", "GMT", "utc", ":", "3", "30",
    "km", "kilometres", "miles", "metres", "kg", "tonnes", "tons", "litres", "MT", "hectares", "ha",
    "sq", "square", "mm", "cm", "degrees", "°", "feet", "ft", "Celsius", "out", "in", "every", "ten",
    "partially", "damaged", "destroyed", "blankets", "tents", "health", "facilities", "heads",
    "livestock", "fish", "farming", "cages", "bodies", "st", "th", "have", "fled", "displaced", ",",
    ".", "(", ")", '"', "”", "’", "ſeconds", "İD", "x", "e", "family", "tent", "1,000", "homes",
]  # fmt: skip


@given(_texts_of(AFTER_WORDS_SAMPLE + ["\u00a0", "\t", " "], 8))
def test_the_context_after_a_number_may_say_it_is_none_only_where_the_quick_check_finds(text):
    # _AFTER_MAY_SAY_NOT is checked first: every text _AFTER_LOWER matches passes it.
    for after in (text, " " + text, "-" + text):
        lowered = after.lower()
        if x._AFTER_LOWER.match(lowered):
            assert x._AFTER_MAY_SAY_NOT.match(lowered)


@given(
    _texts_of(
        AFTER_WORDS_SAMPLE + ["\u00a0", "\t", " ", "in", "town", "were", "was", "have", "been"], 8
    )
)
def test_the_quick_check_after_a_number_matches_where_each_of_its_parts_does(text):
    # Its spaces read once for all its parts: it matches where one of them, each after the
    # spaces, matches.
    parts = re.compile(
        rf"[a-z]|[\s-]\d|\s*(?:{x._prefix_tree(x._AFTER_WORD_STARTS)})|\s*(?:of|in|us)\s"
        r"|\s*(?:people|persons|individuals)?\s*(?:per|each|a\s)"
        rf"|\s*(?:[a-z-]+\s+)?(?:{x._prefix_tree(x._OBJECT_STARTS)})"
        r"|\s*[a-z-]+,\s+(?:[a-z-]+,?\s+){0,3}and\s|\s*\(\s*\d"
        r"|\s*(?:in\s+[a-z]+(?:\s+[a-z]+)?\s+)?(?:were|was|have\s+been|had\s+been)\s+"
        r"(?:[a-z]+\s+)?(?:damaged|destroyed)"
    )
    for after in (text, " " + text, "  " + text.lower()):
        assert bool(x._AFTER_MAY_SAY_NOT.match(after)) == bool(parts.match(after))


@given(_texts_of(AFTER_WORDS_SAMPLE + ["missing", "trapped", "without", "power", "at", "risk", "could",
                                       "not", "return", "joined", "the", "drill", "ıtems", "İN"], 8))  # fmt: skip
def test_what_follows_thousands_of_is_read_as_the_patterns_after_it_read_it(text):
    for after in (text, " " + text):
        expected = x._AFTER_OF.match(after) is not None
        assert x._after_is_not_a_figure(after, x._AFTER_OF_REST, x._AFTER_OF_REST_LOWER) == expected


# Every word and mark the patterns after a number are written with (a new word of a rule among
# them): texts made of them must pass the quick check wherever the patterns match.
AFTER_PATTERN_WORDS = sorted(
    set(re.findall(r"[a-z]+|[%°:’'‐–-]", x._AFTER.pattern.lower().replace("\\s", " ")))
)


@pytest.mark.parametrize("word", AFTER_PATTERN_WORDS)
def test_every_word_of_the_patterns_after_a_number_passes_the_quick_check(word):
    for before in ("", " ", "  ", " - ", "-", " of ", " us ", " x ", " people ", " a ", " 5 "):
        for after in ("", " ", "s", "es", " old", " of age", " of", " x", ".", "5"):
            lowered = (before + word + after).lower()
            if x._AFTER_LOWER.match(lowered):
                assert x._AFTER_MAY_SAY_NOT.match(lowered), lowered


@given(_texts_of(AFTER_PATTERN_WORDS + ["\u00a0", " ", "5", "x"], 6))
def test_texts_of_the_words_after_a_number_pass_the_quick_check_where_the_patterns_match(text):
    for after in (text, " " + text):
        lowered = after.lower()
        if x._AFTER_LOWER.match(lowered):
            assert x._AFTER_MAY_SAY_NOT.match(lowered)


PERIOD_WORDS_SAMPLE = [
    "since", "Since", "SINCE", "ſince", "as", "of", "at", "on", "in", "İn", "ın", "the", "past",
    "last", "LAST", "week", "wee\u212as", "days", "hours", "between", "and", "to", "from", "March",
    "march", "MARCH", "Mar.", "May", "may", "Sept", "Monday", "monday", "weekend", "yesterday",
    "Yesterday", "5", "14", "2019", "1st", "-", "–", "early", "began", "beginning", "of", "year",
    "this", "morning", "’", "“", "people", ",", ".",
]  # fmt: skip


@given(_texts_of(PERIOD_WORDS_SAMPLE, 10))
def test_periods_read_in_lower_case_are_those_period_matches_in_the_sentence(text):
    # _periods gives the groups of a period found in lower case cut from the sentence as written
    # (_PeriodAsWritten), where they are those PERIOD matches there again.
    names = [0, *x.PERIOD.groupindex]
    found = x._periods(text, text.lower())
    for period in found:
        if isinstance(period, x._PeriodAsWritten):
            again = x.PERIOD.match(text, period.start())
            assert [(period.span(g), period.group(g)) for g in names] == [
                (again.span(g), again.group(g)) for g in names
            ]
            assert period.lastgroup == again.lastgroup


@given(_texts_of(CUE_WORDS_SAMPLE + ["village", "Town", "the", "a"], 10))
def test_the_role_before_a_place_is_found_as_without_the_quick_check_of_cues(text):
    quick = f"(?={x._CUE_START})"
    assert quick in x._ROLE_BEFORE.pattern
    plain = re.compile(x._ROLE_BEFORE.pattern.replace(quick, ""))
    for end in range(len(text) + 1):
        found, expected = x._ROLE_BEFORE.search(text, 0, end), plain.search(text, 0, end)
        assert (found and (found.span(), found.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        )


PERIOD_WORDS_SAMPLE = ["as", "of", "at", "since", "Since", "between", "from", "1", "22", "March",
                       "Mar.", "may", "Sept", "on", "Friday", "last", "the", "past", "previous",
                       "in", "during", "for", "over", "weekend", "yesterday", "today", "this",
                       "morning", "overnight", "2019", "and", "to", "-", "week", "ſince", "İn",
                       "throughout", "tonight", "into", "thus", "1st", "–", "OF", "The", "oft"]  # fmt: skip


@given(_texts_of(PERIOD_WORDS_SAMPLE, 12))
def test_periods_are_found_as_without_the_quick_check_of_first_letters(text):
    quick = x._PERIOD_QUICK
    for pattern, subject in ((x.PERIOD, text), (x._PERIOD_LOWER, text.lower())):
        assert quick in pattern.pattern
        plain = re.compile(pattern.pattern.replace(quick, ""), pattern.flags)
        assert [(m.span(), m.groups()) for m in pattern.finditer(subject)] == [
            (m.span(), m.groups()) for m in plain.finditer(subject)
        ]


@given(_texts_of(PERIOD_WORDS_SAMPLE + ["Saturday", "Dec.", "sept", "20١٩", "1898", "night"], 12))
def test_every_period_holds_a_word_or_year_a_sentence_is_checked_for(text):
    # A lower-cased sentence without the words of _PERIOD_WORDS and without a year is not read
    # for periods: every period found holds one.
    for m in x._PERIOD_LOWER.finditer(text.lower()):
        assert x._may_hold_a_period(m.group(0)), m.group(0)


@pytest.mark.parametrize("sentence", [r["text"] for r in load()] + CALENDAR_CASES)
def test_a_sentence_not_read_for_periods_has_none(sentence):
    lowered = sentence.lower()
    if not x._may_hold_a_period(lowered):
        assert not list(x.PERIOD.finditer(sentence))
    for m in x.PERIOD.finditer(sentence):
        assert x._may_hold_a_period(m.group(0).lower()), m.group(0)


def test_the_starts_of_a_pattern_are_read_from_its_parse():
    assert x._starts_of(r"(?:fle(?:d|e)|escap)\b") == {"fled", "flee", "esca"}
    assert x._starts_of(r"(?:are|is)\s+now|to") == {"are", "is", "to"}
    assert x._starts_of(r"a?b+c") == {"abbb", "abbc", "abc", "bbbb", "bbbc", "bbc", "bc"}
    assert x._starts_of(r"[a-b]x|\w+") == {"ax", "bx", ""}
    assert x._starts_of(r"(?<!\w)x(?i:y)|(?=z)zz") == {"x", "zz"}
    quick = x._quick_check(r"fled|flee|escape")
    assert quick.startswith("(?=[ef])")
    passed = [w for w in ("fled", "flee", "escap", "fly", "esc", "ale") if re.match(quick, w)]
    assert passed == ["fled", "flee", "escap"]
    assert x._quick_check(r"fled|\w") == ""


VERB_WORDS_SAMPLE = sorted({w for p in x.VERBS for w in re.findall("[a-z]+", p)}) + [
    "İnternally", "ſtill", "Fled", "TOLL", "5", "and", "the", "people", "-"
]  # fmt: skip


@given(_texts_of(VERB_WORDS_SAMPLE, 12))
def test_verbs_are_found_as_without_the_quick_check_of_first_letters(text):
    quick = x._VERB_QUICK
    for pattern, subject in ((x._VERB, text), (x._VERB_LOWER, text.lower())):
        plain = re.compile(pattern.pattern.replace(quick, "", 1), pattern.flags)
        assert plain.pattern != pattern.pattern
        assert [(m.span(), m.lastgroup) for m in pattern.finditer(subject)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(subject)
        ]


def _verbs_in_order(flags: int) -> re.Pattern:
    """The verbs' patterns as plain alternatives in their order, each named v<its index>."""
    named = {f"v{i}": pattern for i, pattern in enumerate(x.VERBS)}
    return re.compile(rf"(?<!\w)(?=\w)(?:{x._named_alternatives(named)})", flags)


def _verbs_as_found(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], str]]:
    # (span, the verb's pattern: the name before the "_" of its alternative's group)
    return [(m.span(), m.lastgroup.split("_")[0]) for m in pattern.finditer(text)]


def test_patterns_are_cut_into_alternatives_that_start_with_a_letter():
    assert x._top_alternatives(r"a|(?:b|c)d|[|(]x|\|") == ["a", "(?:b|c)d", "[|(]x", "\\|"]
    assert x._letter_first(r"(?:are|is)\s+x") == [("a", r"re\s+x"), ("i", r"s\s+x")]
    assert x._letter_first(r"(?:still\s+)?stay\b|\bgo") == [
        ("s", r"till\s+stay\b"), ("s", r"tay\b"), ("g", "o")
    ]  # fmt: skip
    assert x._letter_first(r"(?<!who\s)(?:took|take)") == [
        ("t", r"(?<!who\st)ook"), ("t", r"(?<!who\st)ake")
    ]  # fmt: skip
    for pattern in (r"\w+", r"(?:a|b)*c", r"x?y", r"(?=a)a", "5", "", r"(?:x)?", "é"):
        with pytest.raises(ValueError):
            x._letter_first(pattern)
    for first in (r"[ab]c", "Ac"):  # (a class, a capital first: the plain alternatives)
        named, names = x._named_by_first_letter({"v0": first, "v1": "d"})
        assert names == {"v0": "v0", "v1": "v1"}
        assert named == x._named_alternatives({"v0": first, "v1": "d"})


def test_the_verbs_are_grouped_by_their_first_letter():
    assert x._VERB.pattern != _verbs_in_order(re.IGNORECASE).pattern
    assert len(x._VERB_GROUPS) > len(x.VERBS)
    assert {x.VERBS[p] for p in x.VERBS} == set(x._VERB_GROUPS.values())


@given(_texts_of(VERB_WORDS_SAMPLE, 12))
def test_verbs_are_found_as_by_their_patterns_in_turn(text):
    for pattern, subject in ((x._VERB, text), (x._VERB_LOWER, text.lower())):
        plain = _verbs_in_order(pattern.flags)
        assert _verbs_as_found(pattern, subject) == _verbs_as_found(plain, subject)


def test_the_dev_sets_verbs_are_found_as_by_their_patterns_in_turn():
    from tests.devset.score import load_documents

    plain, plain_lower = _verbs_in_order(re.IGNORECASE), _verbs_in_order(0)
    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        verbs = _verbs_as_found(x._VERB, text)
        assert verbs == _verbs_as_found(plain, text)
        assert _verbs_as_found(x._VERB_LOWER, text.lower()) == _verbs_as_found(
            plain_lower, text.lower()
        )
        found += len(verbs)
    assert found > 1_000


FIGURE_WORD_SAMPLE = ["five", "FIVE", "Thousand", "ſix", "dozen", "often", "none", "people", "x", "5", "٣",
                      "_", "-", "a", "tens", "Score", "\u212a"]  # fmt: skip


@given(_texts_of(FIGURE_WORD_SAMPLE, 8))
def test_a_text_may_hold_a_figure_where_it_holds_a_digit_or_a_number_word(text):
    expected = bool(x._DIGIT.search(text) or x._NUMBER_WORD.search(text))
    assert x._may_hold_a_figure(text) == expected


WORD_START_SAMPLE = ["5,000", "30", "about", "more", "than", "hundreds", "of", "people", "fled", "said",
                     "since", "March", "march", "last", "week", "in", "Syria", "the", "town", "Al",
                     "al-", "’s", "'", "’", "ʿ", "-", "_", "x", "é", "Baghuz", "two", "a", "dozen",
                     "(", ".", ","]  # fmt: skip


@given(_texts_of(WORD_START_SAMPLE, 12))
def test_patterns_that_start_a_word_find_what_they_find_after_no_word_character(text):
    # \b at their start says what the lookbehind (?<!\w) said: what follows is a word character.
    patterns = [x.QUANTITY, x.QUANTITY_LOWER, x.PERIOD, x._PERIOD_LOWER,
                x._NUMBER_WORD, x._PLACE_MENTION, x._VERB, x._VERB_LOWER]  # fmt: skip
    if x._plain_ascii(text):
        patterns += [twin for pattern, twin in ASCII_TWINS if pattern is not x._NOT_SPANS_AT]
    for pattern in patterns:
        start = re.search(r"\S", pattern.pattern).start()
        assert pattern.pattern.startswith(r"\b", start)
        plain = re.compile(pattern.pattern.replace(r"\b", r"(?<!\w)", 1), pattern.flags)
        for subject in (text, text.lower()):
            assert [(m.span(), m.groups()) for m in pattern.finditer(subject)] == [
                (m.span(), m.groups()) for m in plain.finditer(subject)
            ]


GIVEN_TO_SAMPLE = ["distributed", "Distribution", "relief", "AID", "to", "by", "for", "provided", "food",
                   "delivered", "rations", "designed", "built", "able",
                   "felt", "over", "camp", "ſite", "settlements", "plans", "prepared", "house", "a",
                   "total", "of", "provide", "shelter", "İtems", "people", ",", ".", "5"]  # fmt: skip


@given(_texts_of(GIVEN_TO_SAMPLE, 10))
@example("provide İtems for ")  # (once found by a run: rations and items "for" people)
def test_aid_given_and_quakes_felt_are_found_as_read_case_insensitively(text):
    # (the pattern as written, read case-insensitively as a whole: its words were since extended
    # with "delivered … to", rations "for", and sites "designed", "built" or "able" to host)
    plain = re.compile(
        r"\b(?:distribut(?:ed|ing|ion|es?)\b[^.;:]{0,100}\bto|(?:assistance|relief|aid)\s+to|"
        r"deliver(?:ed|ing|ies|y|s)?\s+(?:[\w-]+\s+){0,6}?(?:items|food|assistance|aid|relief|"
        r"supplies|kits|cash|water)\s+to|"
        r"provid(?:ed|ing|es?)\s+(?:[\w-]+\s+){0,6}?(?:items|food|assistance|aid|relief|supplies|"
        r"kits|cash|water|rations)\s+(?:to|for)|felt\b[^.;:]{0,60}\bby|"
        r"(?:camp|site|shelter|settlement|cent(?:re|er)|facility)s?\s+"
        r"(?:for|to\s+(?:host|house|accommodate|shelter))|"
        r"(?:plans?|prepared|preparing|ready|designed|built|able)\s+to\s+(?:host|house|accommodate|"
        r"shelter)(?:\s+a\s+total\s+of)?|provide\s+shelter\s+for)\s+$",
        re.IGNORECASE,
    )
    for end in range(len(text) + 1):
        assert bool(x._GIVEN_TO_OR_FELT_BY.search(text, 0, end)) == bool(plain.search(text, 0, end))


NAME_SAMPLE = ["Syria", "In", "Kakuma", "Camp", "camp", "Sudan’s", "Sudans", "Sudan's", "Unity", "State",
               "North", "Darfur", "Al-Hol", "U.S", "5", "Bahía", "İdlib", "ſettlement", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(NAME_SAMPLE), min_size=1, max_size=4),
       st.sampled_from([" ", "\u00a0", "\n", "-", ""]))  # fmt: skip
def test_names_of_one_word_are_not_searched_for_what_needs_a_space(words, joint):
    # A name of letters and digits alone has no space: the patterns that need one find nothing.
    name = joint.join(words)
    assert x._ends_with_place_word(name) == bool(x._ENDS_WITH_PLACE_WORD.search(name))
    plain = x._POSSESSIVE.match(name)
    if (
        plain is None
        and (bare := x._POSSESSIVE_BARE.match(name))
        and x._country_named(bare.group(1))
    ):
        plain = bare
    found = x._possessive(name)
    assert (found and found.groups()) == (plain and plain.groups())


NESTED_AND_TRIM_SAMPLE = ["including", "Including", "İNCLUDING", "ıncluding", "among", "them", "of", "whom",
                          "which", "Mostly", "mainly", "ſtill", "STILL", "also", "now", "on", "Monday",
                          "in", "a", "statement", "that", "earlier", "later", "people", ",", "--", "x",
                          "5"]  # fmt: skip


@given(_texts_of(NESTED_AND_TRIM_SAMPLE, 10))
def test_nested_asides_and_trimmed_words_are_found_as_read_case_insensitively(text):
    # Their words grouped by first letter (_any_case_by_first_letter) find what they find read
    # case-insensitively as written.
    nested = re.compile(
        r",\s*(?:including|among\s+them|of\s+whom|of\s+which|mostly|mainly)\s+"
        r"(?:[\w’'-]+\s+){0,2}$|\w--$",
        re.IGNORECASE,
    )
    trim = re.compile(rf"\s\s*{x._TRIM_WORDS}(?:\s+{x._TRIM_WORDS})*\s*$", re.IGNORECASE)
    for start in range(len(text) + 1):
        assert bool(x._NESTED.search(text, start)) == bool(nested.search(text, start))
        assert [m.span() for m in x._SOURCE_TRIM_END.finditer(text, start)] == [
            m.span() for m in trim.finditer(text, start)
        ]


# The patterns that a sentence all in ASCII is read by the twins of (_in_ascii), with texts for each.
ASCII_TWINS = [
    (x.QUANTITY_LOWER, x._QUANTITY_ASCII),
    (x._PERIOD_LOWER, x._PERIOD_LOWER_ASCII),
    (x._NOT_SPANS_AT, x._NOT_SPANS_AT_ASCII),
    (x._PLACE_MENTION, x._PLACE_MENTION_ASCII),
    (x._VERB_LOWER, x._VERB_LOWER_ASCII),
]
ASCII_SAMPLE = sorted({w for p in x.VERBS for w in re.findall("[a-z]+", p)})[::7] + [
    "5", "5,000", "12", "March", "march", "7", "1998", "2019", "10.30", "am", "about", "more", "than",
    "in", "the", "town", "of", "Al", "al-", "Hol", "Baghuz", "camp", "North", "fled", "since",
    "last", "week", "_", "x1", "+44", "(", ")", ".", ",", "-", "\t", "\x0b", "\x1c", "\x1f", "people",
    "’s", "“", "”", "–", "—", "•", "°", "€", "…", "é", "\u00a0",
]  # fmt: skip


def test_texts_all_in_ascii_are_read_by_the_twins_in_ascii():
    assert x._plain_ascii("5,000 people have fled\n\n")
    for separator in "\x1c\x1d\x1e\x1f":  # (Unicode's \s reads them as space)
        assert not x._plain_ascii(f"5,000{separator}people")
        assert not x._plain_ascii(f"5,000{separator}people’s")
    # Marks beyond ASCII that are no letter, digit or space and have no case are read alike.
    assert x._plain_ascii("5,000 people’s homes – “destroyed” • 40°C")
    for c in "éİſ\u212a\u00a0\u2028²":  # (letters, cased or not; spaces; a digit to Unicode's \w)
        assert not x._plain_ascii(f"5,000 people’s {c}")
    assert "’" in x._READ_ALIKE and "–" in x._READ_ALIKE
    for c in x._READ_ALIKE:
        assert not re.match(r"[\w\s]", c) and c.lower() == c == c.upper(), c
        assert not re.match(r"(?i)[a-z]", c) and re.match(rf"(?i){re.escape(c)}", c), c
    assert all(twin.flags & re.ASCII and twin.pattern == p.pattern for p, twin in ASCII_TWINS)
    folding = re.compile(r"[sSſ](?i:ettlement)|(?i:ſ)x")
    assert x._in_ascii(folding) is folding  # (ſ read case-insensitively: s to Unicode only)
    assert x._in_ascii(re.compile(r"[sSſ](?i:ettlement)")).flags & re.ASCII


@given(_texts_of(ASCII_SAMPLE, 14))
def test_the_twins_in_ascii_find_what_the_patterns_find(text):
    for subject in (text, text.lower()):
        if x._plain_ascii(subject):
            for pattern, twin in ASCII_TWINS:
                assert [(m.span(), m.groups()) for m in twin.finditer(subject)] == [
                    (m.span(), m.groups()) for m in pattern.finditer(subject)
                ]


def test_the_twins_in_ascii_find_in_the_dev_sets_sentences_what_the_patterns_find():
    from tests.devset.score import load_documents

    read = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            for subject in (text[start:end], text[start:end].lower()):
                if x._plain_ascii(subject):
                    read += 1
                    for pattern, twin in ASCII_TWINS:
                        assert [(m.span(), m.groups()) for m in twin.finditer(subject)] == [
                            (m.span(), m.groups()) for m in pattern.finditer(subject)
                        ]
    assert read > 1_000


NUMBER_WORDS_SAMPLE = ["five", "Fifteen", "THOUSAND", "ſix", "ſeven", "one", "none", "tens", "dozen",
                       "lakh", "often", "at", "-", "5", "Twenty", "bill", "millions"]  # fmt: skip


@given(_texts_of(NUMBER_WORDS_SAMPLE, 8))
def test_number_words_are_found_as_without_the_quick_check_of_first_letters(text):
    assert x._NUMBER_WORD_QUICK in x._NUMBER_WORD.pattern
    plain = re.compile(x._NUMBER_WORD.pattern.replace(x._NUMBER_WORD_QUICK, ""), re.IGNORECASE)
    assert [m.span() for m in x._NUMBER_WORD.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


PEOPLE_WORDS_SAMPLE = ["people", "IDPs", "Idps", "families", "Households", "and", "their", "other",
                       "displaced", "of", "the", "who", "family", "members", "ſettlers", "Kelvin",
                       "children", "5,000", "“", "’s", "were", "persons", "REFUGEES"]  # fmt: skip


@given(_texts_of(PEOPLE_WORDS_SAMPLE, 10))
def test_who_is_counted_reads_the_same_in_lower_case(text):
    lowered = text.lower()
    if len(lowered) != len(text) or x._FOLDED_APART.search(text):
        return  # read as written
    for at in range(len(text) + 1):
        m, low = x._POPULATION.match(text, at), x._POPULATION_LOWER.match(lowered, at)
        assert (m and (m.span(), m.span("pop"), m.span("head"))) == (
            low and (low.span(), low.span("pop"), low.span("head"))
        )


def test_the_words_before_aid_are_looked_for_as_plain_text_first():
    # _is_not_a_figure looks for "reach" or "help" in lower case before _REACHED: every character
    # that _REACHED reads as one of their letters (case ignored) is that letter in lower case.
    letters = re.compile("[reachlp]", re.IGNORECASE)
    assert all(
        chr(c).lower() in "reachlp" for c in range(sys.maxunicode + 1) if letters.match(chr(c))
    )
    for words in re.findall(r"\(\?:([a-z|]+)\)", x._REACHED.pattern)[0].split("|"):
        assert "reach" in words or "help" in words


CALENDAR_WORDS_SAMPLE = ["March", "march", "MAY", "Mayor", "Sat", "Sunday", "ſunday", "Sept", "sep",
                         "Jun", "june", "Thursday", "THU", "Monday", "mar", "Decade", "-", "5"]  # fmt: skip


@given(_texts_of(CALENDAR_WORDS_SAMPLE, 8))
def test_calendar_words_are_found_as_without_the_quick_check_of_first_letters(text):
    assert x._CALENDAR_QUICK in x._CALENDAR_WORD.pattern
    plain = re.compile(x._CALENDAR_WORD.pattern.replace(x._CALENDAR_QUICK, ""), re.IGNORECASE)
    assert x._CALENDAR_WORD.findall(text) == plain.findall(text)


def test_put_the_toll_at_is_looked_for_by_its_words_first():
    # _attribution tries _PUT_AT only where its last words are: every match of it ends with them.
    assert x._PUT_AT.pattern.endswith(x._PUT_AT_WORDS)
    assert x._PUT_AT.flags == x._PUT_AT_WORDS_ALONE.flags
    assert x._attribution("Nepal police put the death toll at 1,910.") == "Nepal police"
    assert x._attribution("Officials said 5,000 had arrived, putting the camp under strain.") == (
        "Officials"
    )


REPORTING_WORDS_SAMPLE = [*x.REPORTING_VERBS, "Said", "SAYS", "ſays", "sa", "reportedly", "the"]
# (the reporting verbs as \b led them: where a word starts, in their order)
_REPORTING_PLAIN = re.compile(rf"\b(?:{'|'.join(x.REPORTING_VERBS)})\b")


@given(_texts_of(REPORTING_WORDS_SAMPLE + ["_", "5", "é", "’", "ʿ", "\u00a0"], 8))
def test_reporting_verbs_are_found_where_a_word_starts_as_with_a_word_start_first(text):
    # Read where their first letters are, each checked after its letters to start a word.
    assert not x._REPORTING.pattern.startswith("\\b")
    assert [m.span() for m in x._REPORTING.finditer(text)] == [
        m.span() for m in _REPORTING_PLAIN.finditer(text)
    ]


def test_the_dev_sets_reporting_verbs_are_found_as_with_a_word_start_first():
    from tests.devset.score import load_documents

    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        spans = [m.span() for m in x._REPORTING.finditer(text)]
        assert spans == [m.span() for m in _REPORTING_PLAIN.finditer(text)]
        found += len(spans)
    assert found > 1_000
    # Words that are not all lower-case letters are read after \b and the quick check.
    assert x._words_at_a_word_start(["said", r"told\s+\w+"]).startswith(r"\b(?=[st])")


@given(_texts_of(REPORTING_WORDS_SAMPLE, 8))
def test_every_reporting_verb_holds_a_start_a_sentence_is_checked_for(text):
    # A sentence without the first four letters of a reporting verb is not searched for them.
    assert all(any(s in verb for s in x._REPORTING_STARTS) for verb in x.REPORTING_VERBS)
    for m in x._REPORTING.finditer(text):
        assert any(start in m.group(0) for start in x._REPORTING_STARTS)


def test_the_dev_sets_sentences_without_a_start_of_a_reporting_verb_hold_none():
    # The starts are the verbs whole ("report" for "reported" and "reporting"): a sentence with
    # "between" or "government" alone is not searched for a verb.
    from tests.devset.score import load_documents

    assert "report" in x._REPORTING_STARTS and "twee" not in x._REPORTING_STARTS
    searched = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            sentence = text[start:end]
            if any(s in sentence for s in x._REPORTING_STARTS):
                searched += 1
            else:
                assert x._REPORTING.search(sentence) is None, sentence
    assert searched > 100


NOT_THE_FIGURES_SAMPLE = [*x._DISTANCE_WORDS, *x._VENUE_WORDS, *x._SAID_WORDS, "KM", "Said",
                          "ſaid", "north", "a", "news", "in", "from", "the", ",", "5", "kilo"]  # fmt: skip


@given(_texts_of(NOT_THE_FIGURES_SAMPLE, 10))
def test_a_place_not_the_figures_is_found_as_with_its_words_as_one_pattern(text):
    words = re.compile("|".join(x._NOT_THE_FIGURES_STARTS))
    for at in range(len(text) + 1):
        window = text[max(0, at - 60) : at].lower()
        expected = bool(words.search(window) and x._NOT_THE_FIGURES_PLACE.search(window))
        assert x._not_the_figures_place(text, at) == expected


TITLE_WORDS_SAMPLE = ["spokesman", "Spokeswoman", "HEAD", "headed", "chief", "Officials", "the",
                      "UNHCR", "director", "ſecretary", "minister", "s", "of", "-"]  # fmt: skip


@given(_texts_of(TITLE_WORDS_SAMPLE, 8))
def test_titles_are_found_as_without_the_quick_check_of_first_letters(text):
    assert x._TITLE_QUICK in x._TITLE_END.pattern
    plain = re.compile(x._TITLE_END.pattern.replace(x._TITLE_QUICK, ""), re.IGNORECASE)
    for end in range(len(text) + 1):
        found, expected = x._TITLE_END.search(text, 0, end), plain.search(text, 0, end)
        assert (found and found.span()) == (expected and expected.span())


def _plain_dataclass(cls):
    """The frozen dataclass `cls` is, with the __init__ that dataclass writes."""
    import dataclasses

    fields = dataclasses.fields(cls)
    body = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    return dataclasses.dataclass(frozen=True)(
        type(cls.__name__, (), {"__annotations__": dict(cls.__annotations__), **body})
    )


def test_frozen_dataclasses_set_at_once_are_made_as_dataclass_makes_them():
    import dataclasses

    mentions = x._place_mentions("Some 5,000 fled from Baghuz to Idlib province, Syria.")
    candidates = extract(SEED.read_text(), PUBLISHED)
    assert mentions and candidates
    estimates = [c.estimate for c in candidates]
    for cls, made in ((x._Mention, mentions), (x.Candidate, candidates), (Estimate, estimates)):
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        plain = _plain_dataclass(cls)
        for one in made:
            values = [getattr(one, f.name) for f in dataclasses.fields(cls)]
            named = {f.name: v for f, v in zip(dataclasses.fields(cls), values, strict=True)}
            for args, kwargs in ((values, {}), ([], named)):
                at_once, expected = cls(*args, **kwargs), plain(*args, **kwargs)
                assert list(vars(at_once).items()) == list(vars(expected).items())
                assert repr(at_once) == repr(expected).replace(plain.__qualname__, cls.__qualname__)
                assert at_once == one and hash(at_once) == hash(one)
                with pytest.raises(dataclasses.FrozenInstanceError):
                    at_once.start = 0
        required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
        with pytest.raises(TypeError):
            cls(*range(len(required) - 1))
    # A class that needs more than its fields set keeps dataclass's __init__.
    kept = dataclasses.dataclass(frozen=True)(
        type("Kept", (), {"__annotations__": {"a": "int"}, "__post_init__": lambda self: None})
    )
    assert x._set_at_once(kept).__init__ is kept.__init__


CLAUSE_BREAK_SAMPLE = ["a", "B", ",", ";", ":", " ", "  ", "\n", "-", "–", "—", "\u00a0", "town", "Town",
                       "VİLLAGE", "vıllage", "city", "CITY", "cıty", "ſ", "x-y", "of"]  # fmt: skip


@given(_texts_of(CLAUSE_BREAK_SAMPLE, 14))
def test_clause_breaks_are_found_as_the_plain_pattern_finds_them(text):
    plain = re.compile(r"[,;:]|\s[-–—]\s")
    assert plain.pattern != x._CLAUSE_BREAK.pattern
    assert x._CLAUSE_BREAK.split(text) == plain.split(text)
    assert [m.span() for m in x._CLAUSE_BREAK.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@given(_texts_of(CLAUSE_BREAK_SAMPLE, 14), st.sampled_from([0, 1]))
def test_clauses_are_split_as_the_pattern_splits_them(text, maxsplit):
    assert x._clauses(text, maxsplit) == x._CLAUSE_BREAK.split(text, maxsplit)


@given(_texts_of(CLAUSE_BREAK_SAMPLE, 10))
def test_place_words_before_a_population_are_found_as_the_plain_pattern_finds_them(text):
    plain = re.compile(r"(?i:village|town|city)")
    for start in range(len(text) + 1):
        found, expected = x._PLACE_HAD_WORD.search(text, 0, start), plain.search(text, 0, start)
        assert (found and found.span()) == (expected and expected.span())


PRONOUN_SAID_SAMPLE = ["she", "She", "he", "He", "The", "Ashe", "said", "says", "added", "told", "noted",
                       "explained", "shed", "saidhe", "s", "h", ",", "“", "\u00a0"]  # fmt: skip


@given(_texts_of(PRONOUN_SAID_SAMPLE, 10))
def test_a_pronoun_said_is_found_as_the_plain_pattern_finds_it(text):
    plain = re.compile(
        r"\b(?:(?:[Ss]?he|He)\s+(?:said|says|added|told|noted|explained)|(?:said|says|added)\s+s?he)\b"
    )
    for start in range(len(text) + 1):
        found, expected = x._PRONOUN_SAID.search(text, start), plain.search(text, start)
        assert (found and found.span()) == (expected and expected.span())


SOURCE_TRIM_SAMPLE = ["and", "And", "but", "while", "with", "even", "the", "The", "a", "an", "also",
                      "ALSO", "now", "still", "ſtill", "on", "Monday", "in", "week", "that", "UN",
                      "officials", "“", "”", "'", "’", "(", "\n", " ", "\t", "said", "x"]  # fmt: skip


@given(_texts_of(SOURCE_TRIM_SAMPLE, 12), st.sampled_from(["", " ", "\n", " \n"]))
def test_a_source_is_trimmed_as_the_plain_sub_trims_it(text, end):
    for one in (text, text + end, end + text):
        assert x._trim_source(one) == x._SOURCE_TRIM.sub("", one)


SPAN_WORDS_SAMPLE = ["March", "Mar.", "More", "May", "Sept", "September", "June", "Jul", "Aug", "Dec",
                     "Nov", "Oct", "Feb", "Jan", "Apr", "April", "Some", "On", "of", "7", "22", "2019",
                     "10:30", "10.30", "a.m.", "pm", "hrs", "(", ")", "+", "-", "–", "/", "555",
                     "020", "1st", "people", ",", ".", "x10:30", "A22/7/2019", "ID2019-01-01",
                     "_7", "٣", "x+44", "5May", "7March"]  # fmt: skip


@given(_texts_of(SPAN_WORDS_SAMPLE, 14))
def test_spans_that_are_no_figure_start_where_the_quick_search_finds_one(text):
    spans = list(x._NOT_SPANS.finditer(text))
    assert all(x._NOT_SPANS_FIRST.match(text, m.start()) for m in spans)
    first = x._NOT_SPANS_FIRST.search(text)
    after = list(x._NOT_SPANS.finditer(text, first.start())) if first else []
    assert [m.span() for m in after] == [m.span() for m in spans]


@given(_texts_of(SPAN_WORDS_SAMPLE, 14))
def test_spans_that_are_no_figure_are_found_as_finditer_finds_them(text):
    assert x._not_spans(text) == [m.span() for m in x._NOT_SPANS.finditer(text)]


HEADING_WORDS_SAMPLE = ["Jordan", "North", "Kivu:", "Beledweyne:", "More", "than", "10,000", "people",
                        "fled.", ":", "#", "*", "•", "-", "\n", "\n", "\n\n", "\r\n", "\t", " ",
                        "PESHAWAR:", "Situation", "Report"]  # fmt: skip


def _heading_lines_one_by_one(text: str) -> list[tuple[int, int]]:
    found = []
    for at in (0, *(m.end() for m in re.finditer("\n", text))):
        if at < len(text) and text[at] not in "\n\r":
            m = x._HEADING.match(text, at) or x._LEAD_HEADING.match(text, at)
            if m:
                found.append(m.span("h"))
    return found


@given(_texts_of(HEADING_WORDS_SAMPLE, 16))
def test_heading_lines_are_found_as_trying_each_line_finds_them(text):
    assert [m.span("h") for m in x._heading_lines(text)] == _heading_lines_one_by_one(text)


def test_heading_lines_of_the_dev_set_are_found_as_trying_each_line_finds_them():
    from tests.devset.score import load_documents

    for r in load_documents():
        text = r["text"]
        assert [m.span("h") for m in x._heading_lines(text)] == _heading_lines_one_by_one(text)


@given(st.text(alphabet="aAiIsSkK İıſ\u212a’é1", max_size=20))
def test_an_ascii_sentence_has_no_letter_that_ignorecase_reads_apart(text):
    # (the sentence's people are read in lower case where neither finds one)
    assert (text.isascii() or not x._FOLDED_APART.search(text)) == (
        not x._FOLDED_APART.search(text)
    )


OF_A_PEOPLE_WORDS_SAMPLE = ["Syrian", "SYRIAN", "Greek", "town", "island", "of", "Baghuz", "Rhodes",
                            "eRhodes", "the", "1", "é", "_", "’", "\n"]  # fmt: skip


@given(_texts_of(OF_A_PEOPLE_WORDS_SAMPLE, 12))
def test_places_of_a_people_are_found_as_the_pattern_that_starts_a_word_finds_them(text):
    plain = re.compile(
        x._OF_A_PEOPLE.pattern.replace("(?P<people>[A-Z](?<!\\w.)", "\\b(?P<people>[A-Z]")
    )
    assert plain.pattern != x._OF_A_PEOPLE.pattern
    assert [(m.span(), m.groups()) for m in x._OF_A_PEOPLE.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]


ROW_WORDS_SAMPLE = ["2.1", "million", "806,000", "12", "7", "Affected", "people", "People", "need",
                    "aid", "Displaced", "in", "\n", "\n", "\n\n", "\t", " ", "Total:"]  # fmt: skip


@given(_texts_of(ROW_WORDS_SAMPLE, 16))
def test_rows_of_key_figures_are_found_as_finditer_finds_them(text):
    assert [(m.span(), m.groups()) for m in x._numbers_rows(text)] == [
        (m.span(), m.groups()) for m in x._NUMBERS_ROW.finditer(text)
    ]


def test_rows_of_key_figures_of_the_dev_set_are_found_as_finditer_finds_them():
    from tests.devset.score import load_documents

    for text in [r["text"] for r in load_documents()] + [
        "1 2\nA b C d\n3 4\n\nX y Z w\n5 6\nE f G"
    ]:
        assert [(m.span(), m.groups()) for m in x._numbers_rows(text)] == [
            (m.span(), m.groups()) for m in x._NUMBERS_ROW.finditer(text)
        ]


DATELINE_WORDS_SAMPLE = ["GOMA,", "Goma", "Congo,", "North", "Kivu,", "March", "Mar.", "20", "2019",
                         "(Reuters)", "(AFP)", "(UN", "News)", "(", ")", "-", "–", "People", "fled",
                         "MANILA,", "Philippines", "\t", " ", "“We"]  # fmt: skip


@given(_texts_of(DATELINE_WORDS_SAMPLE, 14))
def test_datelines_are_found_at_line_starts_as_finditer_finds_them(text):
    for pattern in (x._DATELINE, x._PLAIN_DATELINE):
        assert [(m.span(), m.groups()) for m in x._at_line_starts(pattern, text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ]
    # A dateline holds its agency's brackets: lines after the last brackets need not be tried.
    assert x._AGENCY_BRACKET.pattern in x._DATELINE.pattern
    last = max((m.start() for m in x._AGENCY_BRACKET.finditer(text)), default=-1)
    assert [m.span() for m in x._at_line_starts(x._DATELINE, text, last)] == [
        m.span() for m in x._DATELINE.finditer(text)
    ]


# --- Rules from the tuning documents (tests/devset/documents.jsonl, split "tuning") ---------------


@pytest.mark.parametrize(
    ("sentence", "term", "attributed_to"),
    [
        # "crossed over into" and a bare "escape" are flight; a report received is no speaker
        ("UNHCR received reports that as many as 18,000 Sudanese have crossed over into Chad.",
         "fled", None),
        ("As many as 5,000 people tried to escape the fighting.", "fled", None),
        # "affecting" is "affected"; "an estimated" is no reporting verb
        ("Extreme flooding affecting an estimated 160,000 individuals.", "affected", None),
        # a reporting verb still names its speaker
        ("UNHCR reports that 2,000 people have arrived.", "arrived", "UNHCR"),
        # "entered" is arrival, "moved from" an evacuation, "staying in" a stock hosted there;
        # "and others are waiting" starts another clause, whose verb is not this figure's
        ("On Sunday 1,633 South Sudanese entered Uganda.", "arrived", None),
        ("Other 75,000 refugees were moved from Adre province.", "evacuated", None),
        ("More than 6,000 South Sudanese are staying in Adjumani and others are waiting to be "
         "transferred to the settlement.", "hosted", None),
        # forced to seek shelter is flight, a crossing too; registered people arrived; a title
        # and a name said after the words are the speaker
        ("The fighting has forced more than 23,500 people to seek shelter in Uganda.", "fled",
         None),
        ('"They are now crossing at a rate of up to 2,500 people a day," said UNHCR spokesperson '
         "Melissa Fleming.", "fled", "UNHCR spokesperson Melissa Fleming"),
        ("More than 5,300 refugees have been registered in Ethiopia.", "arrived", None),
        ("More than 24,000 people remain internally displaced in Maungdaw.", "displaced", None),
        # learnt from d105–d117: speakers named by their reports; a job title alone is still
        # nobody; a bullet is no part of a speaker; "the official figures" name nobody; "saw 55
        # die"
        ("Four deaths were confirmed in the city according to official reports.", "died",
         "official reports"),
        ("The state was hardest hit with 42 deaths, according to its governor.", "died", None),
        ("A quake struck on Wednesday killing at least 18 people, an official said.", "killed",
         "an official"),  # (as d116's record writes it)
        ("• Department of Social Welfare and Development (DSWD) reported that 1,767 families are "
         "still displaced.", "displaced", "Department of Social Welfare and Development (DSWD)"),
        ("According to the official figures, the number of citizens who have died stands at "
         "50,096.", "died", None),
        ("The quake struck close to last week's disaster that saw 55 die as houses toppled.",
         "died", None),
        # learnt from d118–d130: people who vacated a centre left it; headed to safety in
        # evacuation centres, or transported to them, is evacuated; forced from homes is
        # displaced; lives impacted are affected; IDPs already in a place are hosted there
        ("Over 2,000 people have vacated Panatina Pavilion after receiving return packages.",
         "left", None),
        ("Around 90 people headed to safety in evacuation centres on the island.", "evacuated",
         None),
        ("In all, 1,261 residents from Laurel town were already transported to the evacuation "
         "centers.", "evacuated", None),
        ("Worst floods in decades force 145,000 from homes", "displaced", None),
        ("Flooding in the country has now impacted the lives of 1.4 million people.", "affected",
         None),
        ("IOM counts the over 350,000 IDPs already in Baghdad Governorate.", "hosted", None),
        ("The number of internally displaced persons has reduced to 1,530 across six evacuation "
         "centres in Honiara.", "hosted", None),
        # residents living in areas at risk are described, not hosted there; a sentence's end
        # glued to the next is no part of its speaker
        ("Almost 4,000 residents living in areas that are considered as critical areas of Taal "
         "Volcano eruption have been evacuated.", "evacuated", None),
        ("About 3.16 lakh people were evacuated, said Deputy Commissioner Mohammad Masud "
         "Alam.Meanwhile, the rains went on.", "evacuated", "Deputy Commissioner Mohammad Masud Alam"),
    ],
)  # fmt: skip
def test_tuning_terms_and_speakers(sentence, term, attributed_to):
    (c,) = extract(sentence, PUBLISHED)
    assert (c.term, c.attributed_to) == (term, attributed_to)


@pytest.mark.parametrize(
    ("sentence", "location", "country"),
    [
        # a name before a word of place is a place without a cue
        ("Zambezia Province was hit the hardest: close to 50,000 people were displaced.",
         "Zambezia Province", "MOZ"),
        # places named together are one place as written, with their kind after them or not (in
        # their one country)
        ("Flooding affected 160,000 people in Zambézia, Nampula and Niassa.",
         "Zambézia, Nampula and Niassa", "MOZ"),
        ("Flooding affected 160,000 people in Zambézia, Nampula and Niassa provinces.",
         "Zambézia, Nampula and Niassa provinces", "MOZ"),
        # a city written with its country is one place
        ("About 7,200 people are sheltering in Aleppo, Syria.", "Aleppo", "SYR"),
        # a capitalised direction that is part of a country's name
        ("Nearly 3,000 people fled fighting in South Sudan.", "South Sudan", "SSD"),
    ],
)  # fmt: skip
def test_tuning_places(sentence, location, country):
    (c,) = extract(sentence, PUBLISHED)
    assert (c.location, c.country_iso3) == (location, country)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # two weekdays; a period that starts on the date an event began
        ("On Friday and Saturday, 1,326 South Sudanese entered Uganda.", date(2016, 7, 15),
         date(2016, 7, 16)),
        ("This brought the total of those who have fled since the violence began on July 7 to "
         "5,015.", date(2016, 7, 7), date(2016, 7, 19)),
    ],
)  # fmt: skip
def test_tuning_periods(sentence, start, end):
    (c,) = extract(sentence, date(2016, 7, 19))
    assert (c.period_start, c.period_end) == (start, end)


def test_a_title_names_its_country_among_other_words():
    text = "Local authorities have evacuated over 82,000 people to safety."
    (c,) = extract(text, None, title="Humanitarian Bulletin Philippines Issue 1 | February 2018")
    assert (c.location, c.country_iso3) == ("Philippines", "PHL")


def test_a_sample_is_no_figure_and_a_continent_no_place():
    text = "A report based on interviews with 200 Rohingya people; 3,000 people fled in Asia."
    assert [(c.span, c.location) for c in extract(text, PUBLISHED)] == [("3,000", None)]


def test_as_of_a_weekday():
    (c,) = extract("As of Monday, 23,546 South Sudanese refugees had arrived.", date(2014, 1, 7))
    assert c.period_end == date(2014, 1, 6)


@pytest.mark.parametrize(
    ("text", "term", "measure"),
    [
        # the verb whose object the figure is, before a verb that describes its people
        ("As of 2 February, authorities have evacuated more than 82,000 persons living in the "
         "danger zone.", "evacuated", "flow"),
        ("The agency is helping to move hundreds of refugees to a camp.", "evacuated", "flow"),
        # still at the centres that took them in: hosted, as d012's annotator reads it
        ("We still have 8,000 new arrivals at the reception centres.", "hosted", "stock"),
        ("The town hosts over 150,000 refugees living in settlements.", "hosted", "stock"),
        # people sheltering now are counted where they are
        ("Some 7,200 people are seeking refuge in schools.", "hosted", "stock"),
        # an infinitive after "and" is a purpose, not a second act
        ("Some 16,000 decided to remain close to the border and to be able to return later.",
         "remain", "stock"),
        ("Hundreds have decided to join their relatives in the camp.", "arrived", "flow"),
        # registered now is a count; registered then, arrivals
        ("Some 612,000 refugees are registered in Jordan.", "hosted", "stock"),
        ("So far 2,000 people have been registered.", "arrived", "flow"),
        # learnt from d053–d065: still staying is hosted; the base form of evacuate; lives
        # claimed; homes lost; flooding into a country; seeking refuge; moving to a place
        ("3,759 persons are still staying in 13 evacuation centers.", "hosted", "stock"),
        ("Thousands more to evacuate as death toll mounts", "evacuated", "flow"),
        ("The landslide has claimed an estimated 670 lives in the highlands and villages will "
         "be evacuated.", "died", "flow"),
        ("Nearly half a million Bangladeshis have lost their homes.", "displaced", "flow"),
        ("Thousands flood into Iraq following air strikes", "arrived", "flow"),
        ("Thousands of Yazidis seek refuge on Mount Sinjar.", "hosted", "stock"),
        # people who moved to a place arrived there (d158's "5,500 displaced families had moved
        # to Dera Ismail Khan", d169's immigrants who "moved to about 10 refugee-style camps", as
        # DESIGN.md's "made it to the camp"; d063's survivors were read as displaced)
        ("More than 330 people among the survivors moved to the Koro Circle.", "arrived",
         "flow"),
        ("More than 2.11 million people have been directly or indirectly impacted.", "affected",
         "flow"),
        # two quotations joined by "and": the first is the figure's
        ('He said "more than 1,450 people have been evacuated" and "currently there is no '
         'information about the dead".', "evacuated", "flow"),
        ("A total of 3,000 people were relocated to safer areas.", "evacuated", "flow"),
        ("The camp is home to 45,000 people.", "hosted", "stock"),
        # (what happened to them, said after the count: d1256)
        ("The state of Assam has ten dead.", "died", "flow"),
        # (what a place already hosts, not how its people came: d1223)
        ("The southern region is already home to another 116,000 people who fled gang violence.",
         "hosted", "stock"),
        ("The floods left 20,000 people homeless.", "displaced", "flow"),
        ("Over 1,000 people have been rescued.", "evacuated", "flow"),
        ("The official death toll stands at more than 3,300.", "died", "flow"),
        ("Close to 700,000 people have been forced out of their homes.", "displaced", "flow"),
        ("Some 15,962 individuals were internally displaced.", "displaced", "flow"),
        ("Some 15,962 people remain internally displaced.", "displaced", "stock"),
        ("The sites in which 10,405 families live.", "hosted", "stock"),
        ("Floods left 1,500 people sheltered in schools.", "hosted", "stock"),
        # an adverb before "displaced" keeps it a count at a moment; "now in" is where they are
        ("More than 231,000 people are temporarily displaced.", "displaced", "stock"),
        ("About one million are now in Colombia.", "hosted", "stock"),
        ("Gunmen raided the town, shooting dead more than 40 residents.", "killed", "flow"),
        ("About 300,000 residents were hit by the floods.", "affected", "flow"),
        # "stands at" only links: the verb of its subject says what is counted
        ("The number of people who have died in the quakes stands at 50,096.", "died", "flow"),
        ("The camp population stands at 20,000 people.", "hosted", "stock"),
        # where people are now; out of their homes; in need; on the move; lost to a strike
        ("More than 33,000 refugees have taken refuge in the state.", "hosted", "stock"),
        ("Some 47,000 people are now camped out in schools.", "hosted", "stock"),
        ("In all, 1,700,000 persons displaced by the conflict are settled in 900 sites.",
         "hosted", "stock"),
        ("Thousands of residents slept in the open after the quake.", "displaced", "flow"),
        ("Hundreds of families spent the night outside.", "displaced", "flow"),
        ("Hundreds of people there were in urgent need of food.", "affected", "flow"),
        ("Nearly 13 million people are going hungry.", "affected", "flow"),
        ("Another 3,000 people are already moving towards the border.", "fled", "flow"),
        ("The quake left thousands of people homeless and in need of help.", "displaced",
         "flow"),
        ("He lost four members of his family in the strike.", "killed", "flow"),
        ("The death toll rises to 24.", "died", "flow"),
        ("Quake deaths pass 500 with hundreds still missing.", "died", "flow"),
        # learnt from d066–d078: a toll from its event; "was"; people still out of their homes;
        # where people are now; lives lost; moving to a country to escape; deaths before the
        # number; a count whose subject is "the number of" the dead or the displaced
        ("The death toll from Cyclone Winston now stands at 21, and it is feared that number "
         "will rise.", "died", "flow"),
        ("As of 19 September, the total death toll was 39.", "died", "flow"),
        ("A total of 14,431 people remain evacuated.", "displaced", "stock"),
        ("Apart from this, 8438 people are currently in evacuation centres.", "hosted", "stock"),
        ("Over 150 individuals lost their lives in the violence.", "died", "flow"),
        ("These 188 people had migrated to Myanmar when the clashes were at their peak.", "fled",
         "flow"),
        ("The storm led to the deaths of five individuals and the evacuation of the town.",
         "died", "flow"),
        ("We have one fatality in Grenada that happened when a tree fell on a house.", "died",
         "flow"),
        ("The total number of people who died in the earthquake, followed by a tsunami, now "
         "stands at 1,234.", "died", "flow"),
        ("The estimated total number of displaced from Fallujah in just the last three days is "
         "now at a staggering 30,000 people.", "displaced", "flow"),
        ("5,000 people are now at the camp.", "hosted", "stock"),
        # learnt from d079–d091: an evacuation of people; patients flown out; people plucked from roofs
        ("The ministry informed about evacuation of 26,467 residents.", "evacuated", "flow"),
        ("The last 39 hospital patients were flown out Friday night.", "evacuated", "flow"),
        # a toll "due to" its cause, "also" risen; a death of one named by its noun
        ("Meanwhile the death toll due to the severe weather has also risen to 11, the DMC said.",
         "died", "flow"),
        ("Sadly, she said one patient died during the preparation for transport.", "died",
         "flow"),
        ("One man was killed by a falling tree.", "killed", "flow"),
        # seen on the Review page: people forced out of their homes are displaced
        ("A wildfire forced 19,000 people out of their homes and hotels.", "displaced", "flow"),
        ("Helicopters were plucking hundreds from their roofs as floods surged.", "evacuated",
         "flow"),
        # learnt from d092–d104: people still somewhere they were taken in are hosted there;
        # people who left and took refuge somewhere are counted as having left
        ("There are now 25,000 Ivorian refugees in Liberia.", "hosted", "stock"),
        ("4,778 people are still in 120 relief camps, authorities said.", "hosted", "stock"),
        ("At the height of the deluge, there were 14.50 lakh people in over 3,000 relief camps.",
         "hosted", "stock"),
        ("Dozens of civilians were still in the besieged town.", "remain", "stock"),
        ("Some 16,000 people have been forced to leave their villages and take refuge in the "
         "towns of Duékoué, Man and Danané.", "left", "flow"),
        # people who "had sought refuge in" centres, "are in 55 camps", were forced "to shelter
        # in" schools are hosted; a relative clause says who, the main verb what is counted
        ("Over 146,000 IDPs had sought refuge in temporary accommodation centers.", "hosted",
         "stock"),
        ("A total of 1,738 persons are in 55 camps in Thrissur district.", "hosted", "stock"),
        ("The fire has forced thousands of tourists to shelter in schools.", "hosted", "stock"),
        ("Hundreds of people who fled the violence in Palma have been offered temporary shelter "
         "at a transit center in Pemba.", "hosted", "stock"),
        # "the number of …" and what it rose to: the subject's verb, else a count at a moment
        ("The number of people temporarily living in shelters in Rio Grande do Sul, South "
         "Brazil, has reached 80,826, as per figures released Monday.", "hosted", "stock"),
        ("Early January saw the number of registered Ivorian refugees in Liberia rise to 22,000, "
         "leading UNHCR to step up aid to the new arrivals.", "hosted", "stock"),
        ("The number of people who died in the floods has risen to 540.", "died", "flow"),
        # learnt from d105–d117: still affected; hurt in other words; the flight and the
        # expulsion of people; families whose houses collapsed are not housed anywhere
        ("More than 33 million Pakistanis remain affected by the floods.", "affected", "flow"),
        ("In Jajarkot an additional 81 people were left with various degrees of injuries.",
         "injured", "flow"),
        ("Meanwhile 166 people find themselves grappling with injuries.", "injured", "flow"),
        ("The violence triggered the flight of over 35,000 refugees into Lunda Norte.", "fled",
         "flow"),
        ("The situation is complex after the expulsion of 400,000 irregular Congolese migrants.",
         "returned", "flow"),
        ("Since the rains began, some 6,623 families whose houses have collapsed were affected.",
         "affected", "flow"),
        # learnt from d121: displaced by something is the flow it caused
        ("In all, 34,100 people internally displaced by ongoing hostilities.", "displaced",
         "flow"),
        # learnt from d143: a key figure of evacuees counts the people out of their homes now;
        # a year before a toll is no count
        ("Evacuees 92,314", "displaced", "stock"),
        # learnt from d131–d143: ordered to leave; admitted to hospitals; burned; the arrival of;
        # saved from the blazes; the number of victims; arrests are events
        ("Nearly 24,000 people were ordered to leave the area amid fears.", "evacuated", "flow"),
        ("As of 1 October, 310 people have been admitted to hospitals.", "injured", "flow"),
        ("Houston strained under the arrival of tens of thousands of people fleeing submerged "
         "homes.", "arrived", "flow"),
        ("Tebboune said the soldiers saved 100 citizens from the blazes.", "evacuated", "flow"),
        ("In western Germany, the total number of victims in the flood catastrophe climbs to at "
         "least 155.", "died", "flow"),
        ("At least 14 have been arrested for looting in the past two days.", "detained", "flow"),
        ("The 2015 incident killed 19 people, burying a small village.", "killed", "flow"),
        ("In all, 34,100 people remain internally displaced.", "displaced", "stock"),
        # learnt from d144–d156: drowned; people in camps, where they remain or live, or where
        # they were registered; a part "in more than 1,300 evacuation centers" (a number's comma
        # is no clause's end); a murder; burn injuries suffered
        ("One person has drowned in Poland as a result of storm Boris.", "died", "flow"),
        ("Four Years After Devastating 2010 Quake 146,000 Haitians Remain in Camps", "hosted",
         "stock"),
        ("At the height of the crisis, 1.5 million persons lived in makeshift camps.", "hosted",
         "stock"),
        ("SEMA says it has registered about 80,000 Internally Displaced Persons, IDPs, across "
         "four camps located in Guma.", "hosted", "stock"),
        ("Nearly 400,000 people in more than 1,300 evacuation centers.", "hosted", "stock"),
        ("Guma and Logo were affected by the recent murder of about 50 people by suspected "
         "herdsmen.", "killed", "flow"),
        ("She added that 14 villagers had suffered burn injuries.", "injured", "flow"),
        ("The 22 Resettlement Sites in which 10,405 families live.", "hosted", "stock"),
        # common verbs of the terms the dev set had not shown yet
        ("At least 12 people were hurt in the blast.", "injured", "flow"),
        ("At least 300 people were hospitalized.", "injured", "flow"),
        ("Three more succumbed to their injuries on Friday.", "died", "flow"),
        ("Some 4,000 people are being housed in schools.", "hosted", "stock"),
        ("About 2,500 evacuees were accommodated in community halls.", "hosted", "stock"),
        ("An estimated 10,000 people took refuge in churches.", "hosted", "stock"),
        ("Some 5,000 families hurt by the drought.", "affected", "flow"),
        # learnt from d157–d169: back across a border is returned; "living in" says who they
        # are; a state people are left in is no leaving; wounds sustained; people in a camp
        # named with three words, sought refuge in it, or who filled a stadium; pulled out alive;
        # a share "of the N who fled" leaves N its own verb
        ("Thousands of Uzbek refugees trekked back across the Uzbek border on Tuesday.",
         "returned", "flow"),
        ("Officials said about 5,000 refugees crossed back into Kyrgyzstan voluntarily.",
         "returned", "flow"),
        ("On Wednesday, more than 38,000 people living in villages across Karangasem were "
         "evacuated to the 217 shelters.", "evacuated", "flow"),
        ("Ration had been distributed to the 650,000 displaced persons who had reached Bannu and "
         "none of them were left hungry.", "arrived", "flow"),
        ("Meanwhile 20 civilians sustained wounds on Cambodia's side.", "injured", "flow"),
        ("Some 1,200 are in the UNHCR tented camp in Gori.", "hosted", "stock"),
        ("He was an elder among hundreds of immigrants who sought refuge in this government-run "
         "encampment.", "hosted", "stock"),
        ("After 15,000 evacuees filled the Astrodome late Thursday night, the mayor agreed.",
         "hosted", "stock"),
        ("By Friday morning, 3,000 evacuees were in the arena.", "hosted", "stock"),
        ("A full 24 hours later, only 16 people had been pulled out alive.", "evacuated", "flow"),
        ("A quarter of the 400,000 ethnic Uzbeks who fled the violence earlier had streamed "
         "across the border into Uzbekistan.", "fled", "flow"),
        # learnt from d170–d182: a toll's count whatever follows it; people stranded or left
        # somewhere are there now, whatever is done for them; in hospital still is hurt; homes
        # people had to leave; sites that house them; what people are now, said after them
        ("Quake toll 300 in held Kashmir", "died", "flow"),
        ("The death toll has risen to 662 while 82 persons remain missing.", "died", "flow"),
        ("An estimated 15,000 Egyptians are now stranded at this border area awaiting "
         "evacuation help.", "remain", "stock"),
        ("Kedarnath is not a critical area, only 60-70 people are left there now.", "remain",
         "stock"),
        ("Operations resumed to evacuate 22,000 pilgrims still stranded in high altitude areas.",
         "remain", "stock"),
        ("Seventy-one people remain hospitalized.", "injured", "flow"),
        ("Between November 11 and 20, 40,965 people had to leave their homes due to violence.",
         "displaced", "flow"),
        ("I returned from visiting sites housing thousands of displaced people.", "hosted",
         "stock"),
        ("The task is how to shelter up to 5 million residents in Sichuan Province who are now "
         "homeless.", "displaced", "stock"),
        # (people staying at hospitals are there for treatment: hurt, d420)
        ("A total of 387 people are still staying at the hospitals in Pidie, Pidie Jaya and "
         "Biereun for medical treatment.", "injured", "flow"),
        ("About 300 people are staying at the school.", "hosted", "stock"),
        # (people occupying shelters are in them: d397)
        ("There are 240 evacuation centres in the affected divisions with more than 17,000 "
         "evacuees occupying them.", "hosted", "stock"),
        # (stranded by what struck them, they are still there: d604)
        ("At least 5,000 people were stranded by floods.", "remain", "stock"),
        ("Storms hit the eastern Balkans, leaving thousands of people stranded, officials said.",
         "remain", "stock"),
    ],
)  # fmt: skip
def test_the_verb_of_the_figure(text, term, measure):
    (c,) = extract(text, date(2019, 3, 22))
    assert (c.term, c.measure) == (term, measure)


def test_a_part_of_the_dead_is_a_toll_and_one_family_is_not_a_count():
    # Learnt from d101 and d092: "60 of the 200 dead" gives both; "from one family" says who.
    first, second = extract("60 of the 200 dead are said to be children.", date(2017, 8, 14))
    assert (first.span, first.term, second.span, second.term) == ("60", "died", "200", "died")
    text = "Five of the dead are from one family, the Red Cross said in a statement."
    (c,) = extract(text, date(2023, 5, 3))
    assert (c.span, c.term) == ("Five", "died")


def test_a_row_of_key_figures_is_read_with_the_row_of_labels_under_it():
    # Learnt from d099: an OCHA report's box of key figures, as a PDF's text gives it.
    text = (
        "Highlights\n\n2.1 million 1.4 million 806,000 175,500\n\n\n"
        "Affected people People need aid People are food-insecure People displaced\n"
        "Source: UN and Government\n"
    )
    found = extract(text, date(2016, 10, 21))
    assert [(c.span, c.term) for c in found] == [
        ("2.1 million", "affected"), ("1.4 million", "affected"), ("806,000", "affected"),
        ("175,500", "displaced"),
    ]  # fmt: skip
    assert all(text[c.start : c.end] == c.span for c in found)
    assert found[3].sentence == "175,500 People displaced"
    # labels that do not pair one to one with the numbers are not guessed at
    text = "2.1 million 1.4 million 806,000\n\nAffected people People displaced\n"
    assert all(
        c.sentence != "2.1 million Affected people" for c in extract(text, date(2016, 10, 21))
    )


def test_two_counts_joined_by_and_share_the_noun_of_deaths_after_them():
    # Learnt from d100: "at least 238" alone named nobody and was read as affected.
    text = (
        "Gayan and Barmal districts of Paktika were the most affected, with at least 238 and "
        "500 deaths, respectively."
    )
    first, second = extract(text, date(2022, 6, 30))
    assert (first.term, second.term) == ("died", "died")


def test_a_part_given_after_including_takes_the_verb_of_the_whole():
    # Learnt from d085: "residents" alone would read as people who live there (hosted).
    text = "The ministry informed about evacuation of 26,467 residents, including 5,976 children."
    whole, part = extract(text, date(2024, 4, 7))
    assert (whole.term, part.term) == ("evacuated", "evacuated")
    # "including" right after the people, without a comma: the verb after the part is the whole's
    text = "As of 08:05 am, 28,501 people including 6,781 children have been evacuated."
    whole, part = extract(text, date(2024, 4, 7))
    assert (whole.span, whole.term, part.term) == ("28,501", "evacuated", "evacuated")


def test_a_camp_home_to_people_still_hosts_them():
    # "the city of 20,000 people" is a population; a camp "home to" people is who it hosts.
    (c,) = extract("Al Hol camp, home to 70,000 people, is overcrowded.", date(2019, 3, 22))
    assert (c.estimate.best, c.term) == (70_000, "hosted")


@pytest.mark.parametrize(
    "text",
    [
        "UNHCR sent 1,000 blankets and 500 mattresses to the border.",
        "WFP also sent 3,000 welcome meals.",
        "WFP has reached more than 45,000 people in this area with emergency food aid.",
        "The clinic has vaccinated 1,200 children.",
        "Up to 10,000 people are still missing after the floods.",
        "In total, 25,437 homes have been destroyed and 12,202 damaged.",
        "Flash floods swamped dozens of villages in the district.",
        # learnt from d053–d065: a village's people, people buried, one family, towns, pets
        "The impacted village is about 4,000 people and half are accounted for.",
        "The village of Sobanou-Dah had about 429 people before the attack.",
        "They are estimating more than 670 people under the soil at the moment.",
        "She has spent days on the road with three children.",
        "The rains wreaked havoc across hundreds of towns in the state.",
        "Rescuers also saved 10,814 pets and wild animals.",
        "Some 18,738 aftershocks have occurred since the quake.",
        # people trapped or missing, one family, a town's people, a height, a date, camps
        "A policeman said up to 200 people had been trapped inside.",
        "The number of people missing ranged from 231 to 1,700.",
        "The minister said 2,000 people had been reported missing.",
        "Haboub, a father of nine, left.",
        "She walked for five days with her three children.",
        "Kathmandu, a city of about 1 million people, woke up.",
        "The 60-metre (200-foot) tower fell.",
        "Mar 02,2022 - Last updated at Mar 02,2022",
        "There are 500 camps for displaced people in the city.",
        "The region has 17 districts, including 3 in the north.",
        # learnt from d066–d078: kitchens, messages, shops; the people who help
        "Almost 7000 kitchens catering to 9000 shelters were made functional overnight.",
        "The exercise involved more than 45 thousand volunteers, 3 million targeted messages and "
        "2000 emergency workers.",
        "Over 1200 houses and 400 shops were destroyed in Moreh town.",
        # learnt from d079–d091: farmed fish, livestock and shelters' sites; a city's people;
        # people without power
        "The flood also swept away 1,582 fish farming cages and killed 1,174 heads of livestock.",
        "They have been provided shelter at 194 safe locations.",
        "An evacuation order was issued Wednesday night for the city of 20,000 people.",
        "At least 370 people were reported missing in the city of about 300,000 residents.",
        "McAnulty said more than 140,000 people remained without power.",
        # the parts of a count of things, in brackets after each verb; money; temperatures;
        # bodies recovered (not a toll: d055, d079, d091); troops deployed
        "More than 17,100 houses have been destroyed (7,488), damaged (2,714) or flooded (6,978).",
        "An auxiliary dam, part of the billion-dollar project, failed on Monday evening.",
        "Temperatures were expected to hit 45 Celsius (113 Fahrenheit).",
        "Rescuers had recovered 47 dead bodies by late evening on Sunday.",
        "The government has deployed thousands of military personnel to the affected areas.",
        # learnt from d092–d104: remains taken to a mortuary; shacks; cases of a disease; aid
        # handed out to people; a camp's capacity; people at risk; people who felt a quake
        "Over 200 unidentified remains are reported to have been taken to the hospital mortuary.",
        "More than 2 000 RDP homes had been damaged and more than 4 000 shacks swept away.",
        "2,271 cholera cases suspected between 4-19 October alone.",
        "IOM started the distribution of 1,000 tarpaulin coats in Marsh Harbour.",
        "We have begun the distribution of plastic sheeting, blankets, mats and other household "
        "items to more than 10,000 refugees in the Buutuo area.",
        "UNHCR has recently started work on a new camp for 18,000 refugees in the town of Bahn.",
        "UNHCR is building camps to host 18,000 refugees.",
        "112,500 children under five are at risk of acute malnutrition.",
        "The temblor was felt over 500 km away by at least 119 million people.",
        # casualties (killed and injured together) have no term: the dev set's convention
        "The earthquake affected three districts, with 14 casualties reported to date.",
        # learnt from d1286–d1315: a sum in "U.S. dollars", a metropolitan area's people, a
        # hundred metres or more written "700m"
        "The camp's estimated budget stands at about 32 million U.S. dollars.",
        "Irma could slam into the Miami metropolitan area of 6 million people.",
        "A family's house was swept more than 700m by floodwaters.",
        "Some homes have moved up to 300m, the civil defence controller said.",
        # learnt from d105–d117: a place's people ("home to"); people feared trapped, kept from
        # home for a night, or without telecommunications; aid planned for families
        "Efforts have begun in Acapulco, home to around 1 million people, where damage is vast.",
        "The megapolis is home to 20 million people.",
        "Additionally, hundreds are feared to be trapped, but the authorities have not confirmed.",
        "About six people are believed to be trapped in the ground.",
        "There were cars stacked and thousands of people who could not return home last night.",
        "Just under 120,000 were still without telecommunications connection.",
        "The fund supports immediate assistance to some 1,600 families (11,200 beneficiaries).",
        # learnt from d118–d130: people given aid, signed up for it or reached by relief; a
        # target; households whose houses were damaged; specialists sent to help
        "20,800 people assisted with some form of humanitarian assistance since the onset.",
        "Turi said that 3,400 residents have registered with FEMA for economic assistance.",
        "As of 11 October, relief materials had reached 315,000 of those displaced, he said.",
        "The plan sets a target of 17 lakh in Khulna district.",
        "• 1,020 households have been assessed as badly damaged in Guadalcanal Province.",
        "FEMA has already deployed 380 specialists to the island.",
        # learnt from d131–d143: bus lines and counties; items provided to households; metres;
        # a population as the whole a count is out of; a key figure's label of things; blazes;
        # homes destroyed "of these"; relief personnel and aircraft
        "In Zhengzhou, 330 of the city's 339 bus lines have resumed service.",
        "The rain caused damage in 150 counties and districts in the province.",
        "Civil Protection has provided food and non-food items to 12,197 flood-affected households.",
        "The dam is about 50m from the dam that burst on Friday.",
        "The Government estimates the total damage to be around 170 million Tala (US$ 70 million).",
        "Damage was put at 5 billion rupees.",
        "The 2015 incident buried a small village.",
        "About 15 boats were lost, out of a total population of 179,000.",
        "Evacuation shelters 623\nHomes Destroyed 1,484\nHouseholds without tap water 98,400",
        "Dozens of blazes sprang up Monday in the mountainous Kabyle region.",
        "The tremors damaged 8,600 homes, with approximately 1,500 of these totally destroyed.",
        "Authorities have dispatched approximately 2,000 disaster relief personnel and 125 "
        "aircraft to transport water.",
        # shelters counted, not people; aid kits (d122, d127)
        "Considering the intensity of Amphan, the shelter centres have been increased to 14,636.",
        "IOM Iraq has distributed more than 4,100 family NFI kits in Baghdad Governorate.",
        # people missing, far enough after the number (d119)
        "In addition, 31 other people were still reported missing.",
        # households without power (d077)
        "About 2,400 households still face power outages, according to the utility.",
        # one picked out of many (d081; no "one of" in the dev set is a count)
        '"I took side roads," one of the new arrivals, Leonard, 32, said.',
        # learnt from d144–d156: a city's population; a place's residents; soldiers and
        # firefighters, and those already deployed; people trapped, without electricity, or
        # unaccounted for; the people of villages; aid benefitting children; a city's size
        "Tacloban, the provincial capital of Leyte with a population of approximately 220,000 "
        "people, is one of the hardest hit areas.",
        "Mayotte’s 320,000 residents had been ordered into lockdown as cyclone Chido bore down.",
        "Retailleau will travel to Mayotte, alongside 160 soldiers and firefighters to reinforce "
        "the 110 already deployed to the islands.",
        "Although the storm has subsided, hundreds of people in villages in the Karditsa region "
        "were still trapped on their terraces.",
        "Thousands of residents and tourists were without electricity or water supplies.",
        "The agency said 27 villagers remain unaccounted for.",
        "In the area of Thessaly there are large villages in which thousands of people live.",
        "Education kits have been distributed benefitting 1376 children and 38 teachers.",
        "UNICEF donated a generator to pump safe water for the 80,000-populated capital city.",
        # flights and cattle
        "More than 500 flights were cancelled.",
        # learnt from d157–d169: institutions; one family's members; households with no running
        # water; people newly found unaccounted for or trapped; shelter planned; a city's people
        "Thai authorities closed approximately 1,000 educational institutions.",
        "The footage showed a family of two women taking shelter in a drainage ditch.",
        "Officials said 244,620 households had no running water as of noon.",
        "The prefecture said that 38 people were newly found unaccounted for in the district.",
        "An 11-story building toppled backward, trapping an estimated 60 people inside.",
        "Officials made plans to house a total of some 30,000 evacuees at the site.",
        "The exhibition hall was being prepared to accommodate 11,000 more evacuees.",
        "Police said Concepcion is the largest city near the epicenter with more than 200,000 "
        "people.",
        "The Government has allocated 61 million Sri Lanka rupees to support affected communities.",
        "More than half of the village's population of some 200 people fled Beloti.",
        "Over 800,000 children are out of school.",
        "Some 2,000 vaccines were delivered.",
        # aid given and people met, organisations and signatures: no figures of the table
        "Over 3,000 people were trained in hygiene promotion.",
        "About 5,000 people received cash transfers.",
        "A total of 600 children were vaccinated against measles.",
        "Some 800 households received shelter kits.",
        "Around 300 people attended the meeting.",
        "Some 45 partners and 120 organizations are present.",
        "More than 10,000 signatures were collected.",
        # the parts of what was no figure, in the next sentence
        "Some 244,620 households had no running water as of noon. Of them, 211,008 were in "
        "Hiroshima Prefecture, 22,757 in Ehime Prefecture and 9,693 in Okayama Prefecture.",
        "At least 1,200 head of cattle were lost.",
        # learnt from d170–d182: distances in kms, money after a cedi sign, a country's
        # inhabitants, personnel of two forces, barangays, people paid aid
        "The transit centre in Dirkou is about 600 kms south of the Libyan border.",
        "The property is valued at over ¢1.6 million.",
        "Haiti is a poor Caribbean country of more than 11 million inhabitants.",
        "Over 40 choppers and 10,000 army and paramilitary personnel are engaged in the rescue.",
        "The storm swept through 196 barangays (villages) across eight cities.",
        "So far about 108 victims of the disaster are said to have been paid compensation.",
        # a territory's people before the offensive; the people of an affected area; helpers
        # counted by their number or named as soldiers and police; one of a thing
        "According to estimates, some 120,000 ethnic Armenians are believed to be living in the "
        "territory before Azerbaijan mounted the offensive.",
        "Admir Malagic said about a million people lived in the affected area.",
        "The number of personnel mobilized stands at 27,651, federal agents and officers combined.",
        "About 1,100 soldiers and police arrived to help the relief effort.",
        "The camp has only one latrine for women.",
        # a currency sign a space before the number ("$ 5,000" was read so; "₦ 5,000" was not)
        "The property is valued at ₦ 5,000,000.",
        "The property is valued at ¢ 1,600,000.",
    ],
)
def test_things_aid_and_the_missing_are_not_figures(text):
    assert extract(text, date(2019, 3, 22)) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a small count is one where a word of the terms follows it; the verb between two
        # numbers is the second number's
        ("Authorities reported 20 deaths and 24 injured.", [("20", "died"), ("24", "injured")]),
        ("At least 190 people were killed with 584 injured and 37 missing.",
         [("At least 190", "killed"), ("584", "injured")]),
        ("The toll stands at 1,953, including 481 fatalities.",
         [("1,953", "died"), ("481", "died")]),
        # small parts of a toll, listed with their places; a toll's small number
        ("At least 9 fatalities were reported, including 3 in Narok, 2 in Siaya.",
         [("At least 9", "died"), ("3", "died"), ("2", "died")]),
        ("Of those who died, 11 were from Tafea, eight from Efate and five from Tanna.",
         [("11", "died"), ("eight", "died"), ("five", "died")]),
        ("Cyclone death toll rises to 24 in the islands.", [("24", "died")]),
        # learnt from d131–d143: a small count burned; a part killed before another person's
        # verb; key figures labelled before or under their number
        ("Four other soldiers were seriously burned fighting the fires.", [("Four", "injured")]),
        ("Four fatalities were reported, including three hikers killed by falling rocks on the "
         "trail and a truck driver struck by falling rocks.", [("Four", "died"), ("three", "killed")]),
        ("Earthquake fatalities 48\nDisaster-related deaths 11", [("48", "died"), ("11", "died")]),
        ("1,743\nPeople in Evacuation Centers\n\n44\nFatalities",
         [("1,743", "hosted"), ("44", "died")]),
        # learnt from d144–d156: a title's small toll after "kills"; one drowned; a part of the
        # injured in a critical condition; a list's place after "at the"
        ("Indonesia's Merapi volcano kills at least 28", [("at least 28", "killed")]),
        ("He said six injured survivors were taken to a hospital, where three of them remained "
         "in a critical condition.", [("six", "injured"), ("three", "injured")]),
        ("Of those killed, six died in a landslide, four at the Vila Central Hospital and four in "
         "the Billabong building.", [("six", "died"), ("four", "died"), ("four", "died")]),
        # a page number over a heading is no key figure
        ("12\nIntroduction\n\nThe floods began in March.", []),
        # learnt from d118–d130: small counts with an adverb before their term
        ("In all, 377 people were injured, one moderately injured in Bandung Regency, nine "
         "slightly injured in Sukabumi Regency.",
         [("377", "injured"), ("one", "injured"), ("nine", "injured")]),
        # learnt from d118–d130: "the number of deaths" is a toll; a toll first estimated
        ("The number of deaths due to the cyclone has risen to 81 with 18 people missing and 253 "
         "injured.", [("81", "died"), ("253", "injured")]),
        ("The death toll- first estimated to be at least 55- jumped to more than 120 by night.",
         [("at least 55", "died"), ("more than 120", "died")]),
        # learnt from d105–d117: a small count of "more"; a list cut by semicolons, a name with
        # its abbreviation; parts "of which"
        ("In Rukum West, 38 individuals lost their lives, and 85 more were wounded.",
         [("38", "died"), ("85", "injured")]),
        ("The highest number of deaths is in Sindh at 422, followed by 188 in Punjab; and 22 in "
         "Gilgit Baltistan (GB).", [("422", "died"), ("188", "died"), ("22", "died")]),
        ("About 41 deaths have been reported in Azad Jammu and Kashmir and one in Islamabad.",
         [("About 41", "died"), ("one", "died")]),
        ("That day 27 people lost their lives, of which 15 were from Sindh and 4 from Balochistan.",
         [("27", "died"), ("15", "died"), ("4", "died")]),
        # a list of counts, each with its people, whose verb follows the last
        ("Since June, 246 women, 522 men and 399 children have lost their lives.",
         [("246", "died"), ("522", "died"), ("399", "died")]),
        # learnt from d082: the tolls of a list by cause
        ("At least 12 people died due to the storm, 72 from landslides, six from floodwaters, "
         "and eight from the collapse of a bridge.",
         [("At least 12", "died"), ("72", "died"), ("six", "died"), ("eight", "died")]),
        # but not what follows a toll with other words
        ("At least 12 people died due to the storm, 72 houses from the old town fell.",
         [("At least 12", "died")]),
        # one count in two units: the verb after the second is both's
        ("As many as 39,054 people from 6,580 households have been displaced.",
         [("As many as 39,054", "displaced"), ("6,580", "displaced")]),
        # a list's verb, not one further on
        ("Nearly 13 million are going hungry: 5.7 million in Ethiopia, 2.8 million in Kenya and "
         "4.3 million in Somalia, a quarter of the country's population.",
         [("Nearly 13 million", "affected"), ("5.7 million", "affected"),
          ("2.8 million", "affected"), ("4.3 million", "affected")]),
        # learnt from d053–d065: a count and its families; two counts joined by "and", one verb;
        # a count before and after a change; a list of tolls by country
        ("At least 55,095 people or 11,458 families have fled their homes in Marawi City.",
         [("At least 55,095", "fled"), ("11,458", "fled")]),
        ("Nearly half a million Bangladeshis and thousands of Rohingya refugees have lost their "
         "homes.", [("Nearly half a million", "displaced"), ("thousands", "displaced")]),
        ("The number of injured people also increased from 2,059 to 2,421.",
         [("2,059", "injured"), ("2,421", "injured")]),
        ("Eta lashed other countries, with 14 people reported dead in Honduras, five in Panama, "
         "two in Nicaragua and two in Costa Rica.",
         [("14", "died"), ("five", "died"), ("two", "died"), ("two", "died")]),
        # learnt from d066–d078: a part "of whom"; one who died; a part "including" without a
        # comma; a number in words with a hyphen before a noun of fighters; a stray space after
        # a thousands comma; deaths counted and people evacuated in one clause
        ("FBC News reported that 21 people were confirmed dead - at least 10 of whom were "
         "killed in the Western Division.", [("21", "died"), ("at least 10", "killed")]),
        ("Four others were hit by debris and one died after a house collapsed.",
         [("Four", "affected"), ("one", "died")]),
        ("The attack killed 26 soldiers including two from neighbouring Nigeria.",
         [("26", "killed"), ("two", "killed")]),
        ("Fifty-five insurgents from the group were killed, according to authorities.",
         [("Fifty-five", "killed")]),
        ("Over 150 individuals lost their lives and over 60, 000 people were displaced.",
         [("Over 150", "died"), ("over 60, 000", "displaced")]),
        # learnt from d127: lakhs and crores grouped in twos; people taken to shelter centres
        ("Until Wednesday noon, 18,61,060 people and 3,61,505 livestock have been taken to "
         "shelter centres.", [("18,61,060", "evacuated")]),
        ("The floods resulted in at least 5 confirmed deaths and the evacuation of thousands.",
         [("at least 5", "died"), ("thousands", "evacuated")]),
    ],
)  # fmt: skip
def test_counts_side_by_side(text, figures):
    assert [(c.span, c.term) for c in extract(text, date(2019, 3, 22))] == figures


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # learnt from d075: "up to" after a verb of change is where the count went
        ("The government later revised the death toll up to 254.", "exact"),
        ("The toll rose up to 40 overnight.", "exact"),
        ("Up to 254 people may have died.", "up_to"),
    ],
)
def test_up_to_after_a_change_is_the_count_reached(text, qualifier):
    (c,) = extract(text, date(2019, 3, 22))
    assert c.estimate.qualifier == qualifier


def test_a_few_dozen_is_two_to_five_dozens():
    (c,) = extract("Some camps have a few dozen people.", date(2019, 3, 22))
    assert (c.span, c.estimate.low, c.estimate.best, c.estimate.high) == ("a few dozen", 24, 36, 60)


_CONTEXT_WORDS = sorted(x._BEFORE_LAST_WORDS) + [
    "people", "fled", "about", "US$", "$", "€", "No.", "#", "aged", "between the ages of",
    "one in", "out of", "interviews with", "7:", "7.", "A-", "x", "3-", "3", "the", "Some",
]  # fmt: skip


@pytest.mark.parametrize("last", _CONTEXT_WORDS)
@pytest.mark.parametrize("gap", ["", " ", "  ", "\t"])
def test_the_words_before_a_number_are_read_only_where_a_pattern_can_end(last, gap):
    # The quick check before the context patterns never skips a number they would refuse.
    for first in ("", "Some ", "a total of "):
        sentence = f"{first}{last}{gap}5,000 people"
        start = sentence.index("5,000")
        reach = max(0, start - x.BEFORE_REACH)
        if x._BEFORE.search(sentence, reach, start):
            assert x._before_may_say_not(sentence, reach, start), sentence


BEFORE_SAMPLE = ["one", "One", "ONE", "someone", "2", "12", "x1", "in", "In", "ın", "with", "of",
                 "surveyed", "Interviews", "sample", "polled", "out", "per", "aged", "No.", "#",
                 "US$", "$", "₦", "USD", "(", "“", '"', "'", "’", ":", "7:", "7.", "3-", "A-",
                 "x", "ſ", "\u212a", "people", "the", "city", "of", "about"]  # fmt: skip


def _before_may_say_not_as_it_was(sentence, reach, start):
    # The quick check before it knew the marks and the words before "in" and "with".
    if start == 0 or not sentence[start - 1].isspace():
        return start > 0
    tail = sentence[reach:start].rstrip()
    if not tail:
        return False
    last = tail.rsplit(None, 1)[-1]
    if last[-1] in ".#$€£¥" or last[-1].isdigit():
        return True
    return last.lower() in x._BEFORE_LAST_WORDS


@given(
    st.lists(st.tuples(st.sampled_from(BEFORE_SAMPLE), st.sampled_from(["", " ", "  ", "\t"])),
             max_size=6).map(lambda parts: "".join(w + sep for w, sep in parts))
)  # fmt: skip
@settings(max_examples=3000)
def test_the_quick_check_before_the_context_patterns_lets_through_all_they_find(text):
    # A number glued to a mark no pattern ends with ("(5", "“5"), or after "in" or "with" that
    # no ratio or sample goes before, is not tried: the patterns find nothing there either (all
    # the check let through before that they find, it lets through).
    sentence = f"{text}5,000 people"
    start = len(text)
    reach = max(0, start - x.BEFORE_REACH)
    lowered = sentence.lower()
    # the patterns as _is_not_a_figure reads them: in lower case where that keeps every position
    if _before_may_say_not_as_it_was(sentence, reach, start) and (
        x._BEFORE_LOWER.search(lowered, reach, start)
        if len(lowered) == len(sentence)
        else x._BEFORE.search(sentence, reach, start)
    ):
        assert x._before_may_say_not(sentence, reach, start), sentence


def test_the_quick_check_before_the_context_patterns_over_the_dev_sets_numbers():
    # Every number of the dev set's texts whose context before it a pattern finds passes it (as
    # it passed the check before).
    from tests.devset.score import load_documents

    seen = found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for m in x.QUANTITY.finditer(text):
            start = m.start()
            reach = max(0, start - x.BEFORE_REACH)
            seen += 1
            if _before_may_say_not_as_it_was(text, reach, start) and x._BEFORE.search(
                text, reach, start
            ):
                found += 1
                assert x._before_may_say_not(text, reach, start), text[reach : m.end()]
    assert seen > 1000 and found > 20


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        # lakh and crore, as South Asian reports count; a toll passed is more than it
        ("Over 1.2 lakh people are affected.", 120_000, None, "more_than"),
        ("Two lakh people were displaced.", 200_000, 200_000, "exact"),
        ("About 1.5 crore people are affected.", 13_500_000, 16_500_000, "approximately"),
        ("Quake deaths pass 500.", 500, None, "more_than"),
        ("The toll topped 1,000 on Monday.", 1_000, None, "more_than"),
        # learnt from d053–d065
        ("The number of deaths may be greater than 170.", 170, None, "more_than"),
        ("Figures put it at more or less 150 dead.", 135, 165, "approximately"),
        # two decimals before a scale word are a count, not a time of day
        ("More than 2.11 million people were affected.", 2_110_000, None, "more_than"),
        ("About 1.25 million people fled.", 1_125_000, 1_375_000, "approximately"),
    ],
)
def test_counting_words_of_other_places(text, low, high, qualifier):
    (c,) = extract(text, date(2019, 3, 22))
    assert (c.estimate.low, c.estimate.high, c.estimate.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "attributed_to"),
    [
        ("Nepal police put the death toll at 1,910.", "Nepal police"),
        ("The quake killed at least 1,941 people, according to the most recent figures from "
         "Haiti’s civil protection agency.", "Haiti’s civil protection agency"),
        ("More than 33,000 people have taken refuge, John Inaku, director general of the State "
         "Emergency Management Agency, told Reuters.",
         "John Inaku"),
        ("The death toll has risen to 570, authorities in the country say.",
         "authorities in the country"),
        ("In Niger, UNHCR teams are reporting that 450 refugees arrived.", "UNHCR teams"),
        # learnt from d053–d065: media; "saying"; data given by; a title with its office's
        # owner before it, as written; a title before the name, as written
        ("According to local media, at least 2,122 people were killed.", "local media"),
        ("Mocha hit on Sunday, with Myanmar’s junta saying 145 people had been killed.",
         "Myanmar’s junta"),
        ("More than 80,000 people were affected, according to figures given by the disaster "
         "management agency CONRED.", "disaster management agency CONRED"),
        ("At the briefing, the Borno State Commissioner for Information, Prof. Usman Tar, said "
         "over 600,000 people were in the camps.",
         "Borno State Commissioner for Information, Prof. Usman Tar"),
        ("A spokesman for Ukraine's emergency services, Oleksandr Khorunzhyi, said 1,450 people "
         "had been evacuated.", "spokesman for Ukraine's emergency services, Oleksandr Khorunzhyi"),
        # learnt from d066–d078: the sentence's full stop after a quotation's speaker; a
        # speaker who says "I" is nobody the reader can cite
        ('"3.2 lakh people from Ganjam were evacuated," said Chief Minister Naveen Patnaik.',
         "Chief Minister Naveen Patnaik"),
        ("All I can say to you is that we have one fatality in Grenada.", None),
        # learnt from d170–d182: the day in brackets and the weekday before the speaker
        ("The Armenian government on Thursday (Sep 28) announced more than 65,000 Armenians "
         "had fled.", "Armenian government"),
        ("Meanwhile, on Wednesday (Sep 27) Azerbaijan's health ministry announced that a total "
         "of 192 troops were killed.", "Azerbaijan's health ministry"),
        # an update received from an agency; officials after their verb; an agency named in
        # lower case with its acronym; "counted" and "informed"; a clause's "when" before
        ("Nearly 61,500 people remain displaced, according to the latest update received from "
         "the national disaster management agency (BNGRC).",
         "national disaster management agency (BNGRC)"),
        ("This is down from the toll of 430 reported earlier, said officials.", "officials"),
        ("Officials from the national disaster agency had counted 210 dead by Sunday morning.",
         "Officials from the national disaster agency"),
        ("On the night of April 7, the press service of the Ministry of Emergencies informed "
         "about evacuation of 26,467 residents.", "press service of the Ministry of Emergencies"),
        ("This increase from late September when the national government reported over 300 "
         "people had died.", "national government"),
    ],
)  # fmt: skip
def test_speakers_of_other_reports(text, attributed_to):
    (c,) = extract(text, date(2019, 3, 22))
    assert c.attributed_to == attributed_to


def test_counts_in_brackets_are_their_places():
    text = "Floods displaced people in Tana River (3,864), Kisumu (7,704) and Migori (5,022)."
    found = [(c.span, c.location, c.country_iso3) for c in extract(text, date(2021, 5, 24))]
    assert found == [("3,864", "Tana River", "KEN"), ("7,704", "Kisumu", "KEN"),
                     ("5,022", "Migori", "KEN")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # people displaced within the country their name says
        ("More than 240,000 Afghans have been internally displaced.", "Afghanistan", "AFG"),
        # a reception centre is a place of its own
        ("In Mauritania, 471 refugees arrived at the Fassala reception center.",
         "Fassala reception center", "MRT"),
        # learnt from d053–d065: a country's whole name with "of the"; a count listed after
        # its place's name
        ("Thousands of people have fled the fighting in the Democratic Republic of the Congo.",
         "Democratic Republic of the Congo", "COD"),
        ("Affected people by department: Piura 554,784.", "Piura", "PER"),
        # learnt from d066–d078: a border's side and a country's authorities; an adjective of
        # harm between the cue and the place; zones and prefectures
        ("On the Kyrgyz side, 59 people died.", "Kyrgyzstan", "KGZ"),
        ("Kyrgyz authorities have evacuated approximately 5,000 people from border villages.",
         "Kyrgyzstan", "KGZ"),
        ("Thousands of people have fled from conflict-hit Las Anod town in Somalia.",
         "Las Anod town", "SOM"),
        ("In Fiji, at least 10 were killed in the hard-hit Western Division.",
         "Western Division", "FJI"),
        ("The death toll in Ishikawa Prefecture from the quake that struck central Japan rose to "
         "240.", "Ishikawa Prefecture", "JPN"),
        # learnt from d170–d182: names joined by hyphens and a lower-case word; a direction
        # before a country's possessive is the country's; the host named as the subject; a
        # showground; North Macedonia's former name; the islands, towns and crossings of the
        # curated table
        ("More than 40,000 people were displaced in ten days in Port-au-Prince, Haiti.",
         "Port-au-Prince", "HTI"),
        ("Some 5,000 people fled Croix-des-Bouquets.", "Croix-des-Bouquets", "HTI"),
        ("Violence in northern Ethiopia’s Tigray region has driven more than 27,000 Ethiopians "
         "to flee into neighbouring Sudan.", "Tigray region", "ETH"),
        ("Kukes still hosts some 100,000 refugees.", "Kukes", "ALB"),
        ("More than 13,000 are camping under plastic sheets at the Eldoret showground.",
         "Eldoret showground", "KEN"),
        ("About 3,900 Kosovars arrived in the FYR of Macedonia yesterday.", "FYR of Macedonia",
         "MKD"),
        ("Nearly 500 are being sheltered at the transit centre in Dirkou.", "Dirkou", "NER"),
    ],
)  # fmt: skip
def test_places_of_other_reports(text, location, country):
    (c,) = extract(text, date(2019, 3, 22))
    assert (c.location, c.country_iso3) == (location, country)


@pytest.mark.parametrize("kind", sorted(x.NOT_A_FIGURE_CONTEXT))
def test_the_context_patterns_read_the_same_in_lower_case(kind):
    # The patterns are run on lower-cased text too: an escape whose meaning lower case changes
    # (\W → \w) would read another pattern there ("people had been trapped" was missed so).
    for pattern in x.NOT_A_FIGURE_CONTEXT[kind]:
        assert pattern is None or not re.search(r"\\[WSDB]", pattern), pattern


def test_a_speaker_named_as_a_pronoun_is_the_person_named_before():
    text = (
        "The cyclone left houses flattened, Anthea Webb, WFP’s deputy regional director for "
        "Asia, told reporters in Geneva.\n\n"
        "“There are at least 800,000 people in urgent need of food assistance,” she said."
    )
    (c,) = extract(text, date(2023, 5, 19))
    assert c.attributed_to == "Anthea Webb"
    # learnt from d144–d156: "He said" with a capital; an office named before is nobody "he" is
    text = (
        "McAnulty said more than 140,000 people remained without power. A third body was found, "
        "but Authorities said the circumstances remained unclear.\n\n"
        "He said a group of 60 people had been rescued from one large building."
    )
    (c,) = extract(text, date(2023, 2, 15))
    assert c.attributed_to == "McAnulty"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # learnt from d144–d156: a source, state radio and firefighters name who speaks
        ("The toll of 14 was counted in a provisional list, a security source told AFP.",
         "security source"),
        ("Of the dead, only 671 were in Yangon, state radio said.", "state radio"),
        ("More than 1,800 people have been rescued this week, firefighters reported.",
         "firefighters"),
        ("Nearly 10,000 people have crossed into Poland since Thursday, border guards said.",
         "border guards"),
        # a statement names who made it; an office with a possessive before it
        ("At least 50 people were killed, according to a statement from the interior ministry.",
         "interior ministry"),
        ("Some 300 people died, the country's disaster agency said in a statement on Monday.",
         "country's disaster agency"),
        ("More than 1,000 people were evacuated, the governor's office said.", "governor's office"),
        # records name who keeps them; an adverb after a speaker is no part of it
        ("Hospital records 28 dead after the eruption.", "Hospital"),
        ("UNHCR recorded 20,000 arrivals in May.", "UNHCR"),
        ("Bangkok additionally documented injuries to 290 soldiers.", "Bangkok"),
        # a person and the title beside the name, as written ("a spokesman", not "spokesman")
        ("An estimated 50,000 people have fled, said Adrian Edwards, a spokesman for UNHCR.",
         "Adrian Edwards"),
    ],
)  # fmt: skip
def test_a_source_radio_or_firefighters_speak(text, speaker):
    (c,) = extract(text, date(2023, 9, 8))
    assert c.attributed_to == speaker


def test_they_said_is_the_sentence_befores_speaker_and_put_at_reaches_past_its_words():
    # learnt from d168
    text = (
        "Authorities put the official death toll from Saturday's 8.8-magnitude quake at 214, but "
        "said they believed the number would grow. They said 1.5 million Chileans were affected."
    )
    first, second = extract(text, date(2010, 2, 28))
    assert (first.attributed_to, second.attributed_to) == ("Authorities", "Authorities")


def test_figures_released_by_name_who_speaks_and_currently_displaced_is_a_stock():
    # learnt from d118, d163 and d166
    text = (
        "However, provisional figures released by the food and disaster management ministry "
        "said, confirmed at least 223 deaths."
    )
    (c,) = extract(text, date(2007, 11, 17))
    assert c.attributed_to == "food and disaster management ministry"  # (as written, "the" off)
    text = (
        "Based on the data released by the Philippine National Police (PNP), 3,813 are in shelters."
    )
    assert extract(text, date(2022, 5, 1))[0].attributed_to == "Philippine National Police (PNP)"
    (c,) = extract("Currently, nearly 303,000 people have been displaced.", date(2016, 5, 19))
    assert (c.term, c.measure) == ("displaced", "stock")


def test_who_speaks_a_quotation_not_who_speaks_in_it():
    # learnt from d148
    text = (
        '"Initial report says that most houses have been destroyed and more than 100 people '
        'killed due to flood," OCHA`s Kunduz office said in an initial report on Saturday.'
    )
    (c,) = extract(text, date(2014, 5, 4))
    assert (c.span, c.attributed_to) == ("more than 100", "OCHA`s Kunduz office")


def test_the_place_in_the_figures_own_clause_and_not_a_bullet_before():
    # learnt from d145: the place a clause before names is not the figure's
    text = "Of the dead, only 671 were in Yangon, state radio said, since 1991, when 143,000 people died in Bangladesh."
    first, second = extract(text, date(2008, 5, 6))
    assert (first.location, second.location, second.country_iso3) == ("Yangon", "Bangladesh", "BGD")
    # learnt from d153: a bullet's place is not carried to the next bullet (the title's place is)
    text = (
        "Comoros: Humanitarian Situation Report No 5\n\n"
        "  • More than 185,000 people are in need. Most of those are on the island of Grande "
        "Comoros (Ngazidja).\n\n"
        "  • The passage of the cyclone left 19,372 displaced."
    )
    last = extract(text, date(2019, 5, 20), title="Comoros: Humanitarian Situation Report No 5")[-1]
    assert (last.span, last.location, last.country_iso3) == ("19,372", "Comoros", "COM")


def test_a_headline_names_its_speaker_after_its_colon():
    text = "800,000 people affected by Cyclone Mocha in Myanmar: UN\n\nThe storm hit on Sunday."
    (c,) = extract(text, date(2023, 5, 19))
    assert (c.attributed_to, c.location, c.country_iso3) == ("UN", "Myanmar", "MMR")


@pytest.mark.parametrize(
    ("text", "span", "place"),
    [
        ("Nigeria: Maiduguri Flood - Displaced Persons Return Home\n\n"
         "The flood disaster has affected nearly one million people.",
         "nearly one million", ("Maiduguri", "NGA")),
        # learnt from d170–d182: also where the town is the place people fled (not where they went)
        ("Somalia: Thousands flee from conflict-hit Las Anod to Ethiopia\n\n"
         "The conflict has left over 200 people dead.", "over 200", ("Las Anod", "SOM")),
    ],
)  # fmt: skip
def test_a_title_led_by_its_country_gives_the_town_it_names(text, span, place):
    (c,) = [c for c in extract(text, date(2024, 9, 19)) if c.span == span]
    assert (c.location, c.country_iso3) == place


def test_places_named_together_in_a_dateline_country_are_filed_under_it():
    text = (
        "MANILA, Philippines – The DSWD said 51,089 persons have been staying with relatives in "
        "Northern Mindanao and the Autonomous Region in Muslim Mindanao (ARMM)."
    )
    (c,) = extract(text, date(2017, 5, 28))
    assert (c.term, c.location, c.country_iso3) == ("hosted", "Philippines", "PHL")


def test_a_count_and_its_families_share_place_and_period():
    text = (
        "At least 55,095 people or 11,458 families have fled their homes in Marawi City since "
        "Tuesday, May 23."
    )
    first, second = extract(text, date(2017, 5, 28))
    assert (first.location, first.period_start) == ("Marawi City", date(2017, 5, 23))
    assert (second.location, second.period_start) == ("Marawi City", date(2017, 5, 23))


def test_a_sentence_repeated_word_for_word_states_one_claim():
    title = "Mali: More than 800 displaced after attack on two villages"
    found = extract(f"{title}\n\n{title}\n\nHighlights", date(2019, 6, 14))
    assert [c.span for c in found] == ["More than 800"]


def test_the_words_around_a_titles_place_are_set_aside():
    # "in Fresh Bududa Mudslide": the adjectives before a place's name and the disaster's words
    # after it; a name with neither is left to the other readings.
    assert x._without_words_around("Fresh Bududa Mudslide") == "Bududa"
    assert x._without_words_around("Deadly Kerala Floods") == "Kerala"
    assert x._without_words_around("Heavy Rains") == ""
    assert x._without_words_around("Bududa") is None
    assert x._without_words_around("Bududa District") is None


def test_labels_of_things_are_looked_for_where_their_last_words_are():
    # The plain-text check before _LABEL_OF_THINGS: wherever the pattern finds a label before a
    # number in the dev set's texts (and the labels of d143's box), the check lets it through.
    from tests.devset.score import load_documents

    texts = [r["text"] for r in load() + load_documents()] + [
        "Evacuation shelters 623\nHomes Destroyed 1,484\nTotal damaged (estimate) 8,600\n"
        "Households without tap water\n98,400"
    ]
    for text in texts:
        for m in re.finditer(r"\d", text):
            start = m.start()
            if x._LABEL_OF_THINGS.search(text, max(0, start - 50), start):
                tail = text[max(0, start - 16) : start].rstrip().lower()
                assert tail.endswith(x._LABEL_LAST), text[max(0, start - 50) : start]


def test_the_day_a_disaster_struck_starts_the_tolls_that_date_none_of_their_own():
    # learnt from the notes of d144–d156 ("the cyclone 'hit Comoros on 25 April', which starts
    # every flow"): the day the opening gives, the first of several
    text = (
        "More than 185,000 people are in need of assistance following Cyclone Kenneth, which hit "
        "Comoros on 25 April. The government said an aftershock struck on 2 May.\n\n"
        "The passage of the cyclone left seven dead and 19,372 displaced. Some 3,000 people were "
        "evacuated. Since 1 May, 500 people have been injured."
    )
    found = {c.span: c for c in extract(text, date(2019, 5, 20))}
    assert (found["seven"].period_start, found["seven"].period_end) == (
        date(2019, 4, 25),
        date(2019, 5, 20),
    )
    # the words that date it are the period's text, for the reviewer
    assert found["seven"].period_text == "hit Comoros on 25 April"
    # the disaster's own day in the figure's sentence starts the count, which is of the
    # statement's day ("in need following Cyclone Kenneth, which hit Comoros on 25 April")
    assert (found["More than 185,000"].period_start, found["More than 185,000"].period_end) == (
        date(2019, 4, 25),
        date(2019, 5, 20),
    )
    assert found["19,372"].period_start == date(2019, 4, 25)
    # evacuations may come before the storm; a figure's own period is its own
    assert found["Some 3,000"].period_start is None
    assert found["500"].period_start == date(2019, 5, 1)
    # a toll dated by the day it was given runs from the day the disaster struck
    text = "The quake struck on Saturday. On Monday, officials said 300 people had died."
    (c,) = extract(text, date(2023, 10, 9))
    assert (c.period_start, c.period_end) == (date(2023, 10, 7), date(2023, 10, 9))
    # no day of striking in the opening: no start
    (c,) = extract("The storm left seven dead.", date(2019, 5, 20))
    assert c.period_start is None


def test_a_period_that_dates_several_figures_gives_each_its_dates():
    # A sentence's period is resolved once however many figures it dates: each gets the dates
    # resolve_period gives the words alone, and a figure "since" one still ends at the "as of".
    ref = date(2019, 3, 22)
    text = "In the past week, 5,000 people fled, 2,000 were evacuated and 40 were killed."
    week = x.resolve_period("in the past week", ref)
    found = extract(text, ref)
    assert [c.span for c in found] == ["5,000", "2,000", "40"]
    for c in found:
        assert (c.period_start, c.period_end, c.date_precision) == week
    text = "As of 20 March, 5,000 people have been displaced and 300 killed since January."
    first, second = extract(text, ref)
    assert (first.period_text, first.period_end) == ("As of 20 March", date(2019, 3, 20))
    assert (second.period_text, second.period_start, second.period_end) == (
        "since January",
        date(2019, 1, 1),
        date(2019, 3, 20),
    )


def test_a_later_verb_is_looked_for_only_where_and_follows_the_first(monkeypatch):
    # _find_verb reads the verbs after the first only where "and" follows it: over the dev set's
    # sentences, and what follows each of their numbers, it finds what it finds reading them all.
    from tests.devset.score import load_documents

    windows = []
    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            sentence = text[start:end]
            windows.append(sentence)
            windows += [sentence[m.end() :] for m in re.finditer(r"\d+", sentence)]
    found = [x._find_verb(w, False) for w in windows]
    monkeypatch.setattr(x, "_and_after", lambda window, at: True)
    assert [x._find_verb(w, False) for w in windows] == found
    assert sum(v is not None for v in found) > 1000


def test_a_mentions_rank_is_worked_out_at_its_first_read_and_kept():
    # _read_once stands for functools.cached_property: the same value, kept in the instance.
    place = x.places.Place("Goma", "COD", -1.68, 29.22, "city", "geonames")
    mention = x._Mention(0, "at", "Goma", place, (), False)
    assert "rank" not in mention.__dict__
    assert mention.rank == place.rank == mention.__dict__["rank"]
    assert x._Mention(0, "at", "Goma", None, (place,), False).rank == place.rank
    assert x._Mention(0, "at", "Goma", None, (), False).rank == 9
    assert isinstance(x._Mention.rank, x._read_once)


def test_extract_pauses_the_garbage_collector_and_leaves_it_as_it_was():
    # The collector is paused while extract() runs (its passes over the short-lived objects find
    # nothing), resumed after, also when extract() raises, and left off where it was off.
    import gc

    text = "Since Monday, 5,000 people have fled, officials said."
    states = []
    real = x._sentences
    try:
        x._sentences = lambda t: (states.append(gc.isenabled()), real(t))[1]
        assert gc.isenabled()
        found = extract(text, date(2019, 3, 22))
        assert states == [False] and gc.isenabled()
        gc.disable()
        assert extract(text, date(2019, 3, 22)) == found
        assert states == [False, False] and not gc.isenabled()
        gc.enable()
        x._sentences = None  # extract() fails inside: the collector is resumed all the same
        with pytest.raises(TypeError):
            extract(text, date(2019, 3, 22))
        assert gc.isenabled()
    finally:
        x._sentences = real
        gc.enable()
    assert extract.__name__ == "extract" and "Candidate figures" in extract.__doc__
    assert [c.estimate.best for c in found] == [5000]


LIST_NAMES_SAMPLE = ["La", "Libertad", "Ancash", "ancash", "and", "than", ":", ";", ",", "Dhaka", "DHAKA",
                     "İzmir", "ılgaz", "Nord-Kivu", "’s", "5"]  # fmt: skip


@given(st.lists(st.tuples(st.sampled_from(LIST_NAMES_SAMPLE), st.sampled_from(["", " ", "\n"])),
                max_size=8).map(lambda parts: "".join(w + sep for w, sep in parts)))  # fmt: skip
def test_a_name_right_before_a_count_is_looked_for_only_after_a_word_not_in_lower_case(text):
    # The plain check before _NAME_RIGHT_BEFORE lets through every text the pattern matches
    # (the name's last word, which starts with a capital, is in the text's last word).
    sentence = f"{text}5"
    start = len(text)
    if x._NAME_RIGHT_BEFORE.search(sentence, max(0, start - 40), start):
        assert not x._last_word_is_lower(sentence[max(0, start - 40) : start])


def test_names_right_before_the_dev_sets_numbers_pass_the_plain_check():
    from tests.devset.score import load_documents

    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for m in re.finditer(r"\d", text):
            start = m.start()
            if x._NAME_RIGHT_BEFORE.search(text, max(0, start - 40), start):
                found += 1
                assert not x._last_word_is_lower(text[max(0, start - 40) : start])
    assert found > 10


PRONOUN_SAID_SAMPLE = ["he", "she", "He", "She", "said", "says", "added", "told", "noted", "explained",
                       "sa", "id", "ys", "dded", "t", "Said", "SAID", ",", "”"]  # fmt: skip


@given(_texts_of(PRONOUN_SAID_SAMPLE, 8))
def test_a_pronouns_verb_is_looked_for_only_where_one_of_its_verbs_is_written(text):
    # The plain check before _PRONOUN_SAID lets through every text the pattern finds one in.
    if x._PRONOUN_SAID.search(text):
        assert x._may_say_a_pronoun_said(text)


def test_the_dev_sets_sentences_with_a_pronouns_verb_pass_the_plain_check():
    from tests.devset.score import load_documents

    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            if x._PRONOUN_SAID.search(text[start:end]):
                found += 1
                assert x._may_say_a_pronoun_said(text[start:end])
    assert found > 5


AGENT_SAMPLE = ["UNHCR", "authorities", "The government", "council", "has", "have", "already",
                "evacuated", "transferred", "relocated", "registered", "ordered", "the",
                "evacuation", "Evacuated", "ORDERED", "evacuate", "order", ",", ";", "•"]  # fmt: skip


@given(_texts_of(AGENT_SAMPLE, 8))
def test_an_agent_is_looked_for_only_where_one_of_its_verbs_is_written(text):
    # The plain check before _AGENT lets through every text the pattern finds one in.
    if x._AGENT.search(text):
        assert x._may_name_an_agent(text)


def test_the_dev_sets_sentences_with_an_agent_pass_the_plain_check():
    from tests.devset.score import load_documents

    found = 0
    for text in [r["text"] for r in load() + load_documents()]:
        for start, end in x._sentences(text):
            if x._AGENT.search(text[start:end]):
                found += 1
                assert x._may_name_an_agent(text[start:end])
    assert found > 5


PLACE_HAD_SAMPLE = ["The", "village", "Village", "town", "city", "of", "Sobanou-Dah", "Dah", "had", "has", "is",
                    "was", "a", "population", "about", "Is", "\n"]  # fmt: skip


@given(_texts_of(PLACE_HAD_SAMPLE, 10))
def test_a_places_people_are_looked_for_only_after_the_words_the_pattern_ends_with(text):
    # The plain check before _PLACE_HAD lets through every text the pattern finds one at the end of.
    if x._PLACE_HAD.search(text):
        assert x._place_had_last(text)
    assert x._place_had_last("The village of Sobanou-Dah had ")
    assert x._place_had_last("a city of Aleppo is ")


def test_places_people_before_the_dev_sets_numbers_pass_the_plain_check():
    from tests.devset.score import load_documents

    for text in [r["text"] for r in load() + load_documents()] + [
        "The village of Sobanou-Dah had about 429 people before the attack"
    ]:
        for m in re.finditer(r"\d", text):
            start = m.start()
            if x._PLACE_HAD.search(text, max(0, start - 60), start):
                assert x._place_had_last(text[max(0, start - 60) : start])


def test_in_this_country_is_the_country_of_the_place_before():
    text = (
        "More than 40,000 people were displaced in ten days in Port-au-Prince, Haiti. In total, "
        "more than 700,000 people are displaced in this poor Caribbean country."
    )
    found = [(c.span, c.location, c.country_iso3) for c in extract(text, date(2024, 11, 25))]
    assert found == [("More than 40,000", "Port-au-Prince", "HTI"),
                     ("more than 700,000", "Haiti", "HTI")]  # fmt: skip


def test_a_line_wrapped_mid_sentence_does_not_end_it():
    text = (
        "IOM Cranks Up Evacuation Efforts\n\n"
        "The arrival of nearly 6,500 Egyptian migrants alone at the Ras\n"
        "Adjir border crossing between Tunisia and Libya on Friday highlighted\n"
        "the growing numbers. Nearly 500 are being sheltered and given basic humanitarian\n"
        "assistance at the IOM migrant reception and transit centre in\n"
        "Dirkou, about 600 kms south of the Libyan border."
    )
    found = [(c.span, c.location, c.country_iso3) for c in extract(text, date(2011, 3, 5))]
    assert found == [("nearly 6,500", "Ras Adjir border crossing", "TUN"),
                     ("Nearly 500", "Dirkou", "NER")]  # fmt: skip


def test_a_dateline_with_its_country_in_brackets_places_the_story():
    text = (
        "URI (India), Oct 8: More than 300 people were killed on Saturday after a major "
        "earthquake, authorities said."
    )
    (c,) = extract(text, date(2005, 10, 9))
    assert (c.location, c.country_iso3) == ("India", "IND")


def test_a_small_town_of_a_country_the_story_never_names_is_a_place_the_gazetteer_lacks():
    # Arara is a town of 12,000 in Brazil; this Arara is a village on Sudan's border with Chad.
    text = (
        "Chadian refugees return from Sudan\n\nOn Saturday a convoy carrying 221 Chadian "
        "refugees departed from the border village of Arara."
    )
    (c,) = extract(text, date(2007, 3, 10))
    assert (c.location, c.country_iso3, c.latitude) == ("Arara", "SDN", None)


def test_a_places_history_is_no_place_of_the_event():
    text = (
        "A wildfire has destroyed homes in Fort McMurray, forcing 80,000 people out of the area "
        "in the largest fire evacuation in Alberta’s history."
    )
    (c,) = extract(text, date(2016, 5, 4))
    assert (c.location, c.country_iso3) == ("Fort McMurray", "CAN")


def test_an_english_word_between_names_joins_them_only_with_its_hyphen():
    mentions = x._place_mentions("IOM Sees Surge of Displaced from Mosul as Fighting Intensifies")
    assert [m.written for m in mentions] == ["Mosul"]
    mentions = x._place_mentions("Thousands fled to the town of Ras as-Sukhnah.")
    assert [m.written for m in mentions] == ["Ras as-Sukhnah"]


def test_it_said_is_the_sentence_befores_speaker():
    text = (
        "According to the agency, thousands of people from neighboring Somalia arrived in the "
        "Somali region of Ethiopia. So far, it adds, over 91,000 people have been registered."
    )
    found = [(c.span, c.attributed_to) for c in extract(text, date(2023, 3, 1))]
    assert found == [("thousands", "agency"), ("over 91,000", "agency")]


def test_a_thing_named_before_people_leaves_them_counted():
    (c,) = extract("The last 39 hospital patients were flown out Friday night.", date(2023, 8, 19))
    assert (c.span, c.term) == ("39", "evacuated")


@pytest.mark.parametrize(
    ("text", "published_on", "start"),
    [
        # learnt from d170–d182's tuning: a weekday without "on", the first of two days, the
        # night before
        ("Mexico City: At least 65 people were killed Tuesday when a powerful quake hit Mexico.",
         date(2017, 9, 20), date(2017, 9, 19)),
        ("At least 157 people have died by landslide incidents on 21 and 22 July 2024.\n\n"
         "Heavy rains caused three landslides that struck Gofa Zone on 21 and 22 July.",
         date(2024, 7, 23), date(2024, 7, 21)),
        ("The death toll rose to 143.\n\nThe earthquake struck with unrelenting force at "
         "precisely 11:47 PM the previous night.", date(2023, 11, 4), date(2023, 11, 3)),
    ],
)  # fmt: skip
def test_more_ways_of_dating_the_day_a_disaster_struck(text, published_on, start):
    toll = extract(text, published_on)[0]
    assert (toll.period_start, toll.period_end) == (start, published_on)


# --- Learnt from d183–d195 (the fifteenth part, scored once, then tuning) ------------------------


@pytest.mark.parametrize(
    ("text", "published_on", "found"),
    [
        # Albay is named three times, the Philippines twice, but only the Philippines in the
        # opening: a place the opening does not name is not what the document is about
        ("Disaster authorities in the Philippines report that thousands of people have evacuated "
         "their homes.\n\nThe storm made landfall again near Tiwi, Albay. NDRRMC reported severe "
         "flooding in Camarines Sur and Albay. Legazpi in the province of Albay recorded over "
         "270mm of rain.\nNDRRMC said that 1,468,296 people had been affected.",
         date(2020, 11, 2), ("1,468,296", "Philippines", "PHL")),
        # Chennai is named as a place three times without a word of place before it: every time
        # its name is written counts
        ("At least 383 people have died in flooding in Tamil Nadu.\nChennai was hit by the "
         "heaviest rainfall in a century. Chennai received 1,049 mm of rainfall in November. Many "
         "in Chennai say the city needs to prepare.\nAt least 3,50,000 people have been rescued "
         "by multiple agencies.", date(2015, 12, 6), ("At least 3,50,000", "Chennai", "IND")),
    ],
)  # fmt: skip
def test_the_place_a_document_is_about(text, published_on, found):
    last = extract(text, published_on)[-1]
    assert (last.span, last.location, last.country_iso3) == found


def test_a_city_the_document_is_about_outweighs_a_country_named_aside():
    text = (
        "Thousands of Syrian civilians and militants began evacuating from the rebel-held eastern "
        "Aleppo today under a ceasefire deal. A convoy has been sent, according to a tweet from "
        "Syria’s International Red Cross.\nAt the time of writing, the convoy had brought out over "
        "1,000 people from the area, Reuters reports.\nCivilians may stay in the city of Aleppo. "
        "The evacuation concludes years of battle in Aleppo. (Turkey is considering establishing "
        "a camp.)"
    )
    found = [
        (c.span, c.term, c.location, c.country_iso3) for c in extract(text, date(2016, 12, 15))
    ]
    assert found == [
        ("Thousands", "evacuated", "eastern Aleppo", "SYR"),
        ("over 1,000", "evacuated", "eastern Aleppo", "SYR"),
    ]


def test_each_count_of_a_where_clause_is_of_the_place_before_it():
    text = (
        "The Philippine News Agency (PNA) reported that 17 people had died in Bicol Region, where "
        "1.2 million people were affected and 345,044 evacuated, in particular in areas of "
        "Camarines Sur province, where 927,739 were affected and 140,000 evacuated."
    )
    found = [(c.span, c.location) for c in extract(text, date(2020, 11, 2))]
    assert found == [
        ("17", "Bicol Region"), ("1.2 million", "Bicol Region"), ("345,044", "Bicol Region"),
        ("927,739", "Camarines Sur province"), ("140,000", "Camarines Sur province"),
    ]  # fmt: skip


def test_people_who_crossed_into_a_country_left_the_place_named_before():
    text = (
        "As the situation in eastern Ukraine continues to deteriorate, the UN refugee agency "
        "estimates that over 117,000 people are currently displaced inside Ukraine. As of 1 "
        "August, an estimated 168,000 people had also crossed into Russia so far this year."
    )
    crossed = extract(text, date(2014, 8, 5))[-1]
    assert (crossed.term, crossed.location, crossed.country_iso3) == ("fled", "Ukraine", "UKR")
    # "so far this year", as of 1 August: it ends then
    assert (crossed.period_start, crossed.period_end) == (date(2014, 1, 1), date(2014, 8, 1))


def test_a_count_that_rose_from_one_number_to_another_after_other_words_is_two_counts():
    text = (
        "The number of people displaced from the Luhansk and Donetsk regions has risen sharply "
        "since early June from 2,600 to 102,600 in early August."
    )
    assert [c.span for c in extract(text, date(2014, 8, 5))] == ["2,600", "102,600"]


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        ("At least 57 people were killed in forest fires that broke out in the municipality of "
         "Pedrogao Grande in central Portugal on Saturday afternoon.", "Pedrogao Grande", "PRT"),
        ("Three others lost their lives due to suffocation in Figueiro dos Vinhos.",
         "Figueiro dos Vinhos", "PRT"),
        ("Prior to the violence, there were more than 47,000 internally displaced people (IDPs) "
         "in Malakal PoC.", "Malakal PoC", "SSD"),
        ("The natives went on rampage in Nigeria, killing about seven Fulani cattle rustlers in "
         "Kombun community.", "Kombun community", "NGA"),
        ("About 60,000 people are affected by the floods at Tokwe-Mukosi.", "Tokwe-Mukosi", "ZWE"),
    ],
)  # fmt: skip
def test_places_of_the_fifteenth_part(text, location, country):
    (c,) = extract(text, date(2019, 3, 22))
    assert (c.location, c.country_iso3) == (location, country)


def test_places_that_are_a_peoples_or_a_bodys_are_none():
    # "French" is the word of several countries' people; a body of Syria is no place of a figure.
    found = x._place_mentions("a fierce cyclone battered the French Indian Ocean territory")
    assert found == []
    assert x._place_mentions("according to a tweet from Syria’s International Red Cross") == []
    said = "disclosed to journalists, in Jos, that they recorded no fewer than 204 fatalities"
    (c,) = extract(f"On Saturday, Joseph Gwankat {said}.", date(2023, 7, 10))
    assert (c.location, c.attributed_to) == (None, "Joseph Gwankat")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Prior to the violence, there were more than 47,000 internally displaced people (IDPs) "
         "in Malakal PoC.", [("more than 47,000", "hosted", "stock")]),
        ("At the time of writing, the convoy had brought out over 1,000 people from the area.",
         [("over 1,000", "evacuated", "flow")]),
        ("With the massive earthquake and the following tsunamis, the death toll is still raising "
         "and reached 14,294 today.", [("14,294", "died", "flow")]),
        ("With the 12 killed in Mangu yesterday, casualty figure now stands at 231 since May.",
         [("12", "killed", "flow"), ("231", "died", "flow")]),
        ("At least 20 people, including six firefighters, got injured due to the forest fires.",
         [("At least 20", "injured", "flow"), ("six", "injured", "flow")]),
        ("The fire has forced thousands of tourists and island residents to shelter in schools "
         "and indoor stadiums on Sunday after they were evacuated from coastal villages.",
         [("thousands", "hosted", "stock")]),
        ("As of Sunday morning, at least 300 people died in Tamil Nadu followed by 81 in Andhra "
         "Pradesh and two in Puducherry.",
         [("at least 300", "died", "flow"), ("81", "died", "flow"), ("two", "died", "flow")]),
        # no figures: the dead and the missing together, people at risk, people at an event,
        # houses damaged, an island's people, a wind's speed, shelter planned
        ("The total of those killed and missing are now 26,320.", []),
        ("Another 4,000 households downstream Tokwe-Mukosi Dam are at risk.", []),
        ("About 100 people joined the drill.", []),
        ("The government says 119 homes were destroyed by the cyclone and a little over "
         "11-hundred suffered minor damage (1131) .", []),
        ("70-thousand people live on the main island of Tongatapu.", []),
        ("Hurricane Ian could bring winds above 100 mph.", []),
        ("The council ordered the evacuation of 50,000 people, of which 6,000 will be given "
         "shelter in schools.", [("50,000", "evacuated", "flow")]),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_fifteenth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2019, 3, 22))] == found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Interior Ministry official Jorge Gomes was quoted by the Associated Press as saying at "
         "least 16 people died when flames engulfed their vehicles.",
         "Interior Ministry official Jorge Gomes"),
        # who is told listens: "told Al Jazeera" is not the speaker's name
        ("Government forces killed 82 civilians, a UN spokesperson told Al Jazeera.",
         "UN spokesperson"),
        # the body that moved people counted them
        ("In Pinar del Río, the local civil defense council ordered the evacuation of 50,000 "
         "people.", "the local civil defense council"),
        ("UNHCR has transferred about 1,036 people from border areas into Ethiopia.", "UNHCR"),
    ],
)  # fmt: skip
def test_speakers_of_the_fifteenth_part(text, speaker):
    (c,) = extract(text, date(2016, 12, 15))
    assert c.attributed_to == speaker


# --- Learnt from d196–d208 (the sixteenth part, scored once, then tuning) ------------------------


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a possessive printed without its apostrophe; a host named as the subject of "received"
        ("In South Sudans Unity state, Yida settlement has received more than 3,200 arrivals.",
         "Yida settlement", "SSD"),
        ("In western Ethiopias Assosa region, nearly 2,000 Sudanese refugees have arrived from "
         "Blue Nile.", "Assosa region", "ETH"),
        # a name before its possessive is the name ("Peru’s", not a town called Perus)
        ("The death toll jumped to an estimated 510 in the earthquake that devastated cities in "
         "Peru’s southern desert.", "Peru", "PER"),
        # a clock's time is no place; a coast's name before "state of" is not the state
        ("The death toll from Mexico’s 8.1 magnitude earthquake rose to 96 yesterday [Macau time].",
         "Mexico", "MEX"),
        ("Officials have reported that four people were killed in the Gulf coast state of Tabasco.",
         "Tabasco", "MEX"),
        ("The EU is preparing aid for areas around the city Petrinja, where buildings collapsed "
         "and at least seven people died.", "Petrinja", "HRV"),
    ],
)  # fmt: skip
def test_places_of_the_sixteenth_part(text, location, country):
    (c,) = extract(text, date(2019, 3, 22))
    assert (c.location, c.country_iso3) == (location, country)


def test_a_datelines_town_is_more_specific_than_the_titles_country():
    text = (
        "Venezuela landslide leaves 25 dead\n\nLAS TEJERIAS, Venezuela (AFP) — A landslide has "
        "left at least 25 people dead, officials said.\n\nHouses were destroyed, which left the "
        "town of Las Tejerias covered with mud.\n\nInterior Minister Remigio Ceballos said at "
        "least 25 people had died in the disaster.\n\nDozens of people have died in recent months "
        "in the crisis-hit South American nation."
    )
    found = [(c.span, c.location) for c in extract(text, date(2022, 10, 11))]
    assert found[2:] == [("at least 25", "Las Tejerias"), ("Dozens", "Venezuela")]


def test_a_datelines_town_the_gazetteer_lacks_places_the_story_when_named_again():
    text = (
        "Aid rushed to survivors after Afghan landslide kills hundreds\n\nAAB BAREEK, "
        "Afghanistan: Aid groups Sunday rushed to help survivors of a landslide.\n\nMuch of Aab "
        "Bareek village in Badakhshan province was swallowed Friday.\n\nGovernment officials said "
        "the current death toll was at least 300."
    )
    toll = extract(text, date(2014, 5, 5))[-1]
    assert (toll.span, toll.location, toll.country_iso3) == ("at least 300", "Aab Bareek", "AFG")


def test_a_count_across_several_regions_is_the_countrys():
    text = (
        "Philippines: Typhoon Yutu update\n\nTyphoon Yutu made landfall over Dinapigue, Isabela "
        "province.\nYutu affected more than 567,000 people in 1,921 barangays across five regions "
        "(DROMIC 18 November)."
    )
    affected = extract(text, date(2018, 11, 20))[-1]
    assert (affected.location, affected.attributed_to) == ("Philippines", "DROMIC")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("That’s an average of 550 refugees per day.", [("550", "arrived", "flow")]),
        ("Chiapas state civil defense director Luis Manuel Garcia Moreno said the number of deaths "
         "there had risen from 15 to 16.", [("15", "died", "flow"), ("16", "died", "flow")]),
        ("“Unfortunately so far we have 25 people who were recovered dead,” he said.",
         [("25", "died", "flow")]),
        ("At a school turned into a shelter, a couple hundred people have been sleeping in "
         "classrooms.", [("a couple hundred", "hosted", "stock")]),
        ("At least 20 people have been confirmed dead, scores injured.",
         [("At least 20", "died", "flow"), ("scores", "injured", "flow")]),
        ("In the past two weeks, staff at Haj Ali emergency site oversaw the registration of more "
         "than 6,700 individuals.", [("more than 6,700", "arrived", "flow")]),
        ("Key figures:\n  • The death toll: 32 (as of 9 p.m. – April 19)\n  • Affected: 625 people\n"
         "  • Houses damaged: 145\n  • Houses completely destroyed: 66",
         [("32", "died", "flow"), ("625", "affected", "flow")]),
        ("Jan Buledai said at least 285 people were killed in Awaran and another 43 in Kech.",
         [("at least 285", "killed", "flow"), ("43", "killed", "flow")]),
        # no figures: people at an effort, houses destroyed, money in currency codes
        ("Around a thousand people had joined the rescue efforts.", []),
        ("Almost 210,500 houses were damaged, of which 14,795 were totally destroyed.", []),
        ("Damage to agriculture is estimated at PHP 2.9 billion (CHF 55 million).", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_sixteenth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2019, 3, 22))] == found


def test_a_count_that_jumped_past_a_number_is_more_than_it():
    (c,) = extract("On Wednesday, they confirmed that fatalities have jumped past 300.")
    assert (c.estimate.low, c.estimate.high, c.estimate.qualifier) == (300, None, "more_than")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "reported to be 12 years old" is said of the girl; the police speak
        ("Among the dead was a young girl in Petrinja, reported to be 12 years old, and at least "
         "five people in a nearby village, said Croatian police.", "Croatian police"),
        # initials do not end a sentence
        ("Seventeen persons were killed as the storm hit the coast, Special Relief Commissioner "
         "P.K. Mohapatra said on Sunday.", "Special Relief Commissioner P.K. Mohapatra"),
        ("Then Chiapas state civil defense director Luis Manuel Garcia Moreno said 16 died.",
         "Chiapas state civil defense director Luis Manuel Garcia Moreno"),
        # a report cited by its number
        ("Mangkhut affected more than 3.0 million people across 5,917 barangays (NDRRMC #56).",
         "NDRRMC"),
    ],
)  # fmt: skip
def test_speakers_of_the_sixteenth_part(text, speaker):
    assert extract(text, date(2013, 10, 13))[0].attributed_to == speaker


def test_a_count_with_grouped_digits_after_a_full_stop_opens_a_sentence():
    text = "Yutu affected 567,000 people (DROMIC 18 November). 66,165 houses were damaged."
    assert [text[a:b] for a, b in x._sentences(text)] == [
        "Yutu affected 567,000 people (DROMIC 18 November). ",
        "66,165 houses were damaged.",
    ]
    assert len(list(x._sentences("About approx. 5,000 people fled."))) == 1


def test_a_departments_or_a_clocks_name_is_no_place():
    assert x._place_mentions("The Foreign Relations Department said 95 people had died.") == []
    assert x._place_mentions("The toll rose to 96 yesterday [Macau time].") == []


# --- Learnt from d209–d221 (the seventeenth part, scored once, then tuning) ----------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Officials said they discovered the remains of two more people on Tuesday, bringing the "
         "death toll to 81.", [("81", "died", "flow")]),
        ("The state administration said it has so far shifted more than 94,000 persons to "
         "temporary shelters.", [("more than 94,000", "evacuated", "flow")]),
        # the same count in another unit, in brackets, is the count's before it
        ("This natural disaster affected 45,681 people (8,543 households) and caused the "
         "displacement of 17,792 people (3,210 households) who were settled in three sites.",
         [("45,681", "affected", "flow"), ("8,543", "affected", "flow"),
          ("17,792", "displaced", "flow"), ("3,210", "displaced", "flow")]),
        ("By Friday morning, 3,000 evacuees were in the arena and the exhibition hall was being "
         "prepared to accommodate 11,000 more evacuees.", [("3,000", "hosted", "stock")]),
        ("Morakot destroyed the homes of 7,000 people and stranded thousands in villages in the "
         "mountainous south. Rescuers are working to save another 1,900 people still stuck.",
         [("7,000", "displaced", "flow"), ("thousands", "remain", "stock"),
          ("1,900", "remain", "stock")]),
        # no figures: speeds, rain, houses, people unaccounted for or threatened, shelter
        # planned, room in a tent
        ("It will make landfall with winds ranging between 115 kmph to 125 kmph, and rainfall "
         "reached 236 millimeters in parts of Recife.", []),
        ("A total of 13,503 single-family homes were destroyed, in addition to 275 "
         "multiple-family residences. Another 5,100 remain threatened.", []),
        ("The number of unaccounted for people increased by 171 and currently stands at 870.", []),
        ("Rouhani said an estimated 11,000 homes in rural areas and 4,500 in cities have been "
         "destroyed.", []),
        ("A spokesman said the agency was preparing to provide refuge for as many as 40,000 "
         "people. “We have to fit 37 people in one tent,” he said.", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_seventeenth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2019, 3, 22))] == found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a place before a bracket that counts something else first
        ("So far, 32 accommodation centres have been activated in Sofala province: Beira (14 "
         "centres, 9,437 individuals), Buzi (10 centres, 3,344 individuals).",
         [("Beira", "MOZ"), ("Buzi", "MOZ")]),
        # people who sought safety in a country left the place named before
        ("UNHCR has said that an estimated 23,000 persons in the northwestern part of Nigeria, "
         "have been forced to seek safety and security in Niger in the last one month.",
         [("northwestern part of Nigeria", "NGA")]),
        # what the place is (a capital of a state) does not place the figure
        ("The torrential rains that have hit the Recife region since Tuesday, capital of the "
         "state of Pernambuco (northeast Brazil), have killed at least 34 people.",
         [("Recife region", "BRA")]),
        ("He lost three family members in Dogonu Koyu, a village beside Lake Van where he said 15 "
         "people died.", [("Dogonu Koyu", None), ("Dogonu Koyu", None)]),
    ],
)  # fmt: skip
def test_places_of_the_seventeenth_part(text, places):
    assert [(c.location, c.country_iso3) for c in extract(text, date(2019, 3, 22))] == places


def test_an_estimate_of_a_number_is_about_it():
    (c,) = extract("INGD shows that an estimate of 176,475 individuals had been affected.")
    assert (c.span, c.estimate.qualifier) == ("an estimate of 176,475", "approximately")
    # (and "an estimate" before it, as a story writes it: d613)
    (c,) = extract("There are an estimate 9000 refugees in Somare.", date(2018, 3, 26))
    assert (c.span, c.estimate.qualifier) == ("an estimate 9000", "approximately")


def test_each_clause_of_a_sentence_has_its_own_speaker():
    text = (
        "The Civil Protection department in Rome indicated nearly 400 people were being treated "
        "for injuries in hospitals and local media reported some 40 of them were in critical "
        "condition."
    )
    found = [(c.span, c.location, c.attributed_to) for c in extract(text, date(2016, 8, 26))]
    # (where the department sits is not where the injured are)
    assert found[0] == ("nearly 400", None, "Civil Protection department in Rome")
    assert found[1][2] == "local media"


def test_an_earlier_sentence_that_names_several_places_places_no_later_figure():
    text = (
        "The number of people killed rose to 267 including 190 deaths in Rieti province and 57 "
        "deaths in Ascoli Piceno province. At least 2,000 people have been left homeless."
    )
    homeless = extract(text, date(2016, 8, 26))[-1]
    assert (homeless.span, homeless.location) == ("At least 2,000", None)


# --- Learnt from d222–d234 (the eighteenth part, scored once, then tuning) -----------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an aside between dashes is set apart, and a count inside it is nested in the one before
        ("Preliminary reports indicate that more than 400 civilians – including women, children "
         "and older people, along with 12 aid workers – have been killed in the past three days.",
         [("more than 400", "killed", "flow"), ("12", "killed", "flow")]),
        ("During the siege, the combatants held hundreds hostage.", [("hundreds", "detained", "stock")]),
        ("Partners identified 26,159 displaced persons across eight sites in the Yagoua "
         "sub-division.", [("26,159", "hosted", "stock")]),
        # no figures: a year, a country's people, things destroyed in a list, money in a currency
        # code, people who may have been buried, others missing with an aside
        ("An eruption by La Soufrière in 1902 killed more than 1,000 people.",
         [("more than 1,000", "killed", "flow")]),
        ("St. Vincent and the Grenadines, which has a population of just over 100,000, has not "
         "experienced volcanic activity since 1979.", []),
        ("In Mandalay alone, the earthquake destroyed 1,591 homes, 670 Buddhist monasteries, 60 "
         "schools, three bridges, and 290 pagodas.", []),
        ("The NDMO are requesting SBD 885,000 from donors; the damage is some FJD 10m.", []),
        ("Survivors said that as many as 1,500 people might have been buried in the mudslide.", []),
        ("Fourteen people have died and 102 others, including 22 army personnel, were missing.",
         [("Fourteen", "died", "flow")]),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_eighteenth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2019, 3, 22))] == found


def test_places_of_the_eighteenth_part():
    # a number word before "people died in" a place the gazetteer lacks; the place right after
    # a count and its verb
    text = (
        "Seven people died in Pakyong district, four people died in Mangan and three persons lost "
        "their lives in Gangtok, according to the SSDMA."
    )
    found = [(c.span, c.location) for c in extract(text, date(2023, 10, 6))]
    assert found == [("Seven", "Pakyong district"), ("four", "Mangan"), ("three", "Gangtok")]


def test_the_opening_teaches_its_places_before_its_figures_are_read():
    text = (
        "Civilian deaths have been reported from Zamzam camp near Al Fasher in North Darfur. "
        "Estimates indicate that more than 400,000 people have fled Zamzam, seeking safety in Al "
        "Fasher, with additional reports of displaced people arriving in Jebel Marra in Central "
        "Darfur State."
    )
    (fled,) = extract(text, date(2025, 4, 15))
    assert (fled.term, fled.location) == ("fled", "Zamzam")


def test_a_figure_nothing_places_takes_the_country_the_document_names_most():
    text = (
        "The situation in Slovenia is particularly dramatic. Several places were cut off.\n\n"
        "The day before, three people had probably died because of the storm.\n\nIn Dravograd "
        "near the border with Austria, 110 people had to be brought to safety.\n\nThe damage in "
        "Slovenia is heartbreaking. EU help to Slovenia was pledged."
    )
    died = extract(text, date(2023, 8, 5))[0]
    assert (died.span, died.location, died.country_iso3) == ("three", "Slovenia", "SVN")


# --- Learnt from d235–d247 (the nineteenth part, scored once, then tuning) -----------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a toll named with two phrases before its verb; a toll "rising to"
        ("The death toll in Himachal Pradesh due to heavy rains rose to 60 on Tuesday.",
         [("60", "died", "flow")]),
        ("The quake left a devastating impact, with the death toll rising to 143 and numerous "
         "individuals suffering injuries.", [("143", "died", "flow")]),
        # a toll "at" a number, and people not home yet
        ("Death toll across Japan from Typhoon Hagibis at 47, with 38,000 yet to go home",
         [("47", "died", "flow"), ("38,000", "displaced", "stock")]),
        # a speaker's change of a toll: two tolls, the later one's term the earlier's
        ("The official raised the death toll from 44 to 50 and said 27 people were still "
         "missing and 37 had been injured.",
         [("44", "died", "flow"), ("50", "died", "flow"), ("37", "injured", "flow")]),
        # others after "with" keep their own verb
        ("The death toll from floods and landslides has risen to 148, with 59 people still "
         "missing.", [("148", "died", "flow")]),
        ("The quake resulted in severe damage in Mandalay, with reports indicating 2,376 "
         "injuries and at least 90 people still missing.", [("2,376", "injured", "flow")]),
        # who the people are ("affected by the floods") is not what happened to them
        ("A total of 41,418 victims affected by the floods in eight states have been evacuated "
         "to 405 temporary relief centres as of noon today.", [("41,418", "evacuated", "flow")]),
        # the same people counted in families take the count's term
        ("The relief centres in Selangor accommodated 18,149 victims from 2,279 families from "
         "nine affected districts.", [("18,149", "hosted", "stock"), ("2,279", "hosted", "stock")]),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_nineteenth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2024, 5, 14))] == found


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "A total of 437 victims have been evacuated as of noon today.",
            (None, date(2021, 12, 20)),
        ),
        ("As of 9.30 am yesterday, 300 people had died.", (None, date(2021, 12, 19))),
    ],
)
def test_as_of_today_ends_a_count_on_that_day(text, period):
    (found,) = extract(text, date(2021, 12, 20))
    assert (found.period_start, found.period_end) == period


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a country's people's word before "city of": that country's city, not Brazil's Bahia
        ("The heavy rain hit the Argentine city of Bahía Blanca, killing 10 people.",
         "Bahía Blanca", "ARG"),
        # a toll's own place, not the place of what raised it
        ("The death toll in Himachal Pradesh rose to 60 on Tuesday after a fresh landslide in "
         "Shimla caused several houses to collapse.", "Himachal Pradesh", "IND"),
        # places of one country named together with their kind: as written
        ("Preliminary figures indicate that at least 800 people have been killed in Kunar, "
         "Laghman, Nangarhar and Nuristan provinces.",
         "Kunar, Laghman, Nangarhar and Nuristan provinces", "AFG"),
        # nothing else placing it, the people's word names the country
        ("OCHA: Earthquake Directly Affects Over 12,000 Afghans", "Afghanistan", "AFG"),
    ],
)  # fmt: skip
def test_places_of_the_nineteenth_part(text, location, country):
    (found,) = extract(text, date(2024, 5, 14))
    assert (found.location, found.country_iso3) == (location, country)


def test_places_named_together_with_a_wider_place_beside_them_are_that_places():
    text = "More than 12,000 people have fled Nord Kivu and Ituri provinces in eastern DRC."
    (fled,) = extract(text, date(2019, 5, 14))
    assert (fled.location, fled.country_iso3) == ("eastern DRC", "COD")


# --- Learnt from d248–d260 (the twentieth part, scored once, then tuning) ------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the verb after a count's parts, not its people's word or the verb before it
        ("All 12,000 residents of Moria, including some 4,000 children, managed to evacuate the "
         "Centre in time.", [("12,000", "evacuated", "flow"), ("some 4,000", "evacuated", "flow")]),
        ("The fires have now left 11,500 asylum seekers, including 2,200 women and 4,000 "
         "children, without adequate shelter.",
         [("11,500", "displaced", "flow"), ("2,200", "displaced", "flow"),
          ("4,000", "displaced", "flow")]),
        # people in care centres; hurt people taken to hospitals or treatment centres
        ("Approximately 10,620 people have congregated in at least ten care centre sites.",
         [("Approximately 10,620", "hosted", "stock")]),
        ("Another 427 people are in a single care centre in East New Britain.",
         [("427", "hosted", "stock")]),
        ("The government said that over 100 burn patients were transported to various hospitals.",
         [("over 100", "injured", "flow")]),
        ("98 people were confirmed dead and 123 (who were badly burnt) were taken to various "
         "treatment centers.", [("98", "died", "flow"), ("123", "injured", "flow")]),
        # families who moved on from sites left them
        ("A total of 2,092 displaced families moved on from the spontaneous sites of Mujioga.",
         [("2,092", "left", "flow")]),
        # small counts: a title's "Kills 36", "11 of them died", "six of his neighbours were killed"
        ("Brazil Downpour Kills 36; Dozens Missing", [("36", "killed", "flow")]),
        ("Unfortunately, 11 of them died as a result of the disaster.", [("11", "died", "flow")]),
        ("Another resident said six of his neighbours were killed after the dam burst.",
         [("six", "killed", "flow")]),
        # a count set apart by double hyphens
        ("The minister confirmed that four people--three men and one woman--were killed.",
         [("four", "killed", "flow"), ("three", "killed", "flow")]),
        # no figures: incidents, a site's capacity, shelters of people, power out for people
        ("UNHCR recorded 451 protection incidents in Rutshuru.", []),
        ("The site of Bujari is still under construction, with a planned capacity of 130 "
         "households.", []),
        ("The fire caused extensive damage to thousands of asylumseekers’ shelters.", []),
        ("Entire neighbourhoods remain under water, power is out for tens of thousands.", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_twentieth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2023, 10, 9))] == found


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a country's capital: named after it, named as "the capital of", or not named at all
        ("A burst dam killed at least 28 people in Cameroon’s capital Yaounde, authorities said.",
         "Yaounde", "CMR"),
        ("An explosion at Guinea's main fuel depot in the capital of Conakry left at least 13 "
         "people dead.", "Conakry", "GIN"),
        ("Massive Fuel Depot Explosion in Guinea's Capital Kills At Least 13", "Conakry", "GIN"),
        # (a capital's name shorter than its country's)
        ("Explosion in Mozambique's Capital Kills At Least 13", "Maputo", "MOZ"),
        # "St" is Saint
        ("In St Elizabeth, the minister confirmed that 40 people were killed.", "St Elizabeth",
         "JAM"),
    ],
)  # fmt: skip
def test_places_of_the_twentieth_part(text, location, country):
    found = extract(text, date(2023, 10, 9))[0]
    assert (found.location, found.country_iso3) == (location, country)


def test_a_capital_named_beside_an_office_or_a_distance_is_not_the_figures_place():
    text = (
        "Nine people were gravely wounded, said the mayor of Mayotte’s capital Mamoudzou. Most "
        "are in Kapise, about 100-kilometres south of the capital Lilongwe."
    )
    found = extract(text, date(2024, 12, 16))[0]
    assert (found.location, found.country_iso3) == ("Mayotte", "MYT")


def test_the_place_a_document_names_most_read_as_another_places_other_name_is_its_countrys():
    text = (
        "UNHCR is supporting the Government of Greece after a fire destroyed the centre in Moria, "
        "Lesvos.\n\nThe fires in Moria spread.\n\nAll 12,000 residents of Moria managed to "
        "evacuate the Centre in time."
    )
    found = extract(text, date(2020, 9, 11))[0]
    assert (found.location, found.country_iso3) == ("Moria", "GRC")


@pytest.mark.parametrize(
    "text",
    [
        "On 5 November 2021, a fire incident occurred in Freetown. The tanker exploded, killing "
        "nearly a hundred people.",
        "A colonial-era dam gave way on Friday. The wave killed at least 28 people.",
    ],
)
def test_the_day_a_disaster_struck_starts_its_tolls(text):
    published = date(2021, 11, 8)
    (toll,) = extract(text, published)
    struck = date(2021, 11, 5)
    assert (toll.period_start, toll.period_end) == (struck, published)


# --- Learnt from d261–d273 (the twenty-first part, scored once, then tuning) ---------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('"We have 29 dead people identified," said the incident commander.',
         [("29", "died", "flow")]),
        ("Affected population: around 20,000 persons including approx. 10,000 children",
         [("around 20,000", "affected", "flow"), ("approx. 10,000", "affected", "flow")]),
        # being detained is an event, as an arrest; investigations and a nation's people are none
        ("Officials reported that 1,678 people had been detained in the past 24 hours and that "
         "more than 300 criminal investigations are underway.", [("1,678", "detained", "flow")]),
        ("The upheaval began over a hike in fuel prices in the oil- and gas-rich nation of 19 "
         "million.", []),
        # "and that" opens another thing said, with a verb of its own
        ("The government said that at least 30 families were affected by the flooding and that "
         "there were an unknown number missing.", [("at least 30", "affected", "flow")]),
        # people who found refuge, or are scattered across sites
        ("Some 48,000 have found refuge in 18 urban sites in N'Djamena, and 37,000 people are "
         "scattered across 10 rural sites along the Logone River.",
         [("Some 48,000", "hosted", "stock"), ("37,000", "hosted", "stock")]),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_twenty_first_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2022, 1, 12))] == found


def test_a_state_named_as_one_is_the_province_not_the_country_of_that_name():
    (displaced,) = extract(
        "More than 3,000 people were displaced in Niger State.", date(2025, 5, 31)
    )
    assert (displaced.location, displaced.country_iso3) == ("Niger State", "NGA")


def test_a_place_the_gazetteer_lacks_takes_the_country_of_the_provinces_the_document_names():
    text = (
        "The death toll from the floods in Mokwa Local Government Area has risen to 151.\n\n"
        "The disaster is one of the worst flooding incidents in recent memory in Niger State."
    )
    toll = extract(text, date(2025, 5, 31))[0]
    assert (toll.location, toll.country_iso3) == ("Mokwa Local Government Area", "NGA")


def test_people_who_fled_into_a_country_left_the_place_the_paragraph_before_names():
    text = (
        "Intercommunal clashes that erupted in Cameroon's Far North region have driven at least "
        "100,000 people from their homes, UNHCR said today.\n\nUNHCR estimates that more than "
        "85,000 people have fled into neighbouring Chad in recent days."
    )
    fled = extract(text, date(2021, 12, 17))[1]
    assert (fled.span, fled.location, fled.country_iso3) == (
        "more than 85,000",
        "Far North region",
        "CMR",
    )


# --- Learnt from d274–d286 (the twenty-second part, scored once, then tuning) --------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # counts joined by "and", each with its place, share the verb after the last
        ("An estimated 2,400 families (14,400 people) in Hadramaut Governorate and 2,000 families "
         "(18,000 people) in Shabwah Governorate are reportedly displaced and living in public "
         "buildings.",
         [("An estimated 2,400", "displaced", "stock"), ("14,400", "displaced", "stock"),
          ("2,000", "displaced", "stock"), ("18,000", "displaced", "stock")]),
        # out of their homes, camped in the open; taken in, in emergency accommodation
        ("Up to 4,000 people were camped on a hill behind Gizo.",
         [("Up to 4,000", "displaced", "flow")]),
        ("Mr Hurley said 2000 people are in emergency accommodation after their houses were "
         "flooded.", [("2000", "hosted", "stock")]),
        # a count of the homeless at a moment
        ("The prime minister also said that the total number of homeless was approximately "
         "28,000.", [("approximately 28,000", "displaced", "stock")]),
        # asylum-seekers where they asked for it
        ("As of March 2019, some 29,500 Nicaraguans had formally filed asylum applications. But "
         "with reception capacity overstretched, 26,000 others are waiting to have their claims "
         "formalized.", [("some 29,500", "hosted", "stock"), ("26,000", "hosted", "stock")]),
        # a town's people evacuated; people whose presence was confirmed (a typo's "more then")
        ("The state ordered the evacuation of Arys’ population of 45,000.",
         [("45,000", "evacuated", "flow")]),
        ("A survey in the Aflao area confirmed the presence of more then 6,000 refugees.",
         [("more then 6,000", "hosted", "stock")]),
        # the number of people fleeing, past a mark: its subject's first verb, not its purpose's
        ("The number of Togolese fleeing post-election instability to take refuge in neighbouring "
         "countries has now passed 40,000.", [("40,000", "fled", "flow")]),
        # one death; one of two counts killed together; a headline's "kill"
        ("Only one death has been reported in Tabasco so far.", [("one", "died", "flow")]),
        ("Five adults are known to have drowned in Hadramaut and one adult and two children were "
         "reportedly killed when their home collapsed.",
         [("Five", "died", "flow"), ("one", "died", "flow"), ("two", "killed", "flow")]),
        ("Mudslides and floods kill 15, dozens missing in the south", [("15", "killed", "flow")]),
        # no figures: trees, a force's strength, a toll feared, people food is meant for
        ("Streets were flooded, hundreds of trees brought down.", []),
        ("Mr Berlusconi praised the work of the 8,500-strong rescue service.", []),
        ("He had feared that the death toll might be as heavy as 1,000.", []),
        ("WFP has started distribution of food covering 150,000 people for two weeks.", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_twenty_second_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2015, 11, 6))] == found


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a country's capital, its country named with "Republic of", or no country named
        ("At least 20 people died as violent storms brought flooding to the Republic of "
         "Macedonia’s capital Skopje.", "Skopje", "MKD"),
        ("Eight people have died and 150,000 others have been affected by flooding in the capital "
         "Ouagadougou.", "Ouagadougou", "BFA"),
        # where a speaker told the press is not the figures' place
        ("“At least eight more people were found dead by their relatives,” Munira Nazariyeva told "
         "IRIN in the Tajik capital Dushanbe on 8 May.", None, None),
        # a photo's credit after a country
        ("Floods and mud flows have displaced over 15,000 people in Tajikistan OCHA", "Tajikistan",
         "TJK"),
        # the households' place, after the same count in people in brackets
        ("An estimated 2,400 families (14,400 people) in Hadramaut Governorate are displaced.",
         "Hadramaut Governorate", "YEM"),
        # Hadramaut as English writes it (ISO 3166-2: Ḩaḑramawt)
        ("Five adults are known to have drowned in Hadramaut.", "Hadramaut", "YEM"),
        # a town's people
        ("The state ordered the evacuation of Arys’ population of 45,000.", "Arys", "KAZ"),
        # the islands' state as news writes it
        ("At least 28 people had been confirmed dead in the Solomons.", "Solomons", "SLB"),
    ],
)  # fmt: skip
def test_places_of_the_twenty_second_part(text, location, country):
    found = extract(text, date(2016, 8, 7))[0]
    assert (found.location, found.country_iso3) == (location, country)


def test_a_titles_place_takes_the_words_after_its_longest_name():
    text = "Some of the thousands left homeless by a tsunami camped out on higher ground."
    (found,) = extract(text, date(2007, 4, 3), title="Thousands Camped Out On Higher Ground In "
                       "Solomon Islands")  # fmt: skip
    assert (found.location, found.country_iso3) == ("Solomon Islands", "SLB")


def test_a_country_named_for_a_persons_nation_is_not_the_figures_country():
    text = (
        "HONIARA, Solomon Islands (AP) - At least 28 people had been confirmed dead in the "
        "Solomons. The victims included a bishop and three worshippers killed when a wave hit a "
        "church on the island of Simbo and a New Zealand man who drowned."
    )
    killed = extract(text, date(2007, 4, 3))[1]
    assert (killed.span, killed.location, killed.country_iso3) == ("three", "Simbo", "SLB")


def test_a_place_named_three_times_in_the_documents_one_country_is_its_place():
    # (its opening lines a heading and a photo's caption that name only the country)
    text = (
        "Mudslides and floods kill 15, dozens missing in the south\n\n"
        "Floods and mud flows have displaced over 15,000 people in Tajikistan OCHA\n"
        "Mudslides and floods have killed at least 15 people in the southern Tajik town of Kulob."
        "\n\n“Seven people have been reported dead so far,” a spokesperson said.\n\n"
        "Heavy rains caused an overflow of the small river Tebalai in Kulob. More than 1,500 "
        "houses were damaged in Kulob and nearby villages."
    )
    dead = next(c for c in extract(text, date(2010, 5, 9)) if c.span == "Seven")
    assert (dead.location, dead.country_iso3) == ("Kulob", "TJK")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the speaker after a relay's "As … reported,"
        ("As RFE/RL’s Kazakh Service reported, Prime Minister Askar Mamin said the two people "
         "killed in the blasts were a local civilian and a military officer.",
         "Prime Minister Askar Mamin"),
        # "as" before the speaker is not its name
        ("“Entire families are underneath,” said the prime minister, as the interior ministry "
         "reported a toll of more than 1 000 dead.", "interior ministry"),
        # reported by nobody named
        ("Only one death has been reported in Tabasco so far.", None),
        ("In Abyan Governorate there are reports of 160 displaced families sheltered in schools.",
         None),
    ],
)  # fmt: skip
def test_speakers_of_the_twenty_second_part(text, speaker):
    assert extract(text, date(2019, 6, 25))[0].attributed_to == speaker


def test_a_figure_nothing_places_takes_the_one_place_the_first_paragraph_names():
    text = (
        "ITALIAN PRIME minister Silvio Berlusconi yesterday confirmed that the death toll in the "
        "powerful earthquake that hit the central Italian region of Abruzzo has now risen to 260."
        "\nThe prime minister also said that the total number of homeless was approximately "
        "28,000. Italy has responded really well to this tragedy."
    )
    homeless = extract(text, date(2009, 4, 10))[1]
    assert (homeless.location, homeless.country_iso3) == ("Abruzzo", "ITA")


# --- Learnt from d287–d299 (the twenty-third part, scored once, then tuning) ---------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a toll's phrase with what the disaster did; the number of victims raised to a count
        ("The death toll from Cyclone Shaheen that crashed through Oman, on Thursday rose to 14 "
         "after the discovery of a body.", [("14", "died", "flow")]),
        ("Omani state television made the announcement, increasing the number of victims in the "
         "country to 12.", [("12", "died", "flow")]),
        # people put in temporary accommodation, sent back, who swam across, who entered
        ("The severe storm destroyed homes and forced more than 5,000 people into temporary "
         "accommodation.", [("more than 5,000", "displaced", "flow")]),
        ("Spain has sent 2,700 people back to Morocco, out of the more than 6,000 who swam from "
         "the North African country into the Spanish enclave of Ceuta.",
         [("2,700", "returned", "flow"), ("more than 6,000", "arrived", "flow")]),
        ("About 1,500 children were among those to enter the territory.",
         [("About 1,500", "arrived", "flow")]),
        ("Currently, 45 persons have been transferred to a shelter.",
         [("45", "evacuated", "flow")]),
        # an arrest is an event, whoever made it
        ("Security forces reportedly detained 516 people while dispersing the protesters.",
         [("516", "detained", "flow")]),
        # how many are displaced at a moment; the same count again after "these"
        ("As of early November, the number of people displaced in Rakhine State has surpassed "
         "115,000. Notwithstanding these 115,000 people, there are also many others who are "
         "unable to move.",
         [("115,000", "displaced", "stock"), ("115,000", "displaced", "stock")]),
        # a toll's parts in brackets; things destroyed, and their parts, no figures
        ("Government sources indicate that 167 people were killed (78 in June and 89 in October); "
         "and 10,100 private, public and religious buildings were burned or destroyed (4,800 in "
         "June and 5,300 in October).",
         [("167", "killed", "flow"), ("78", "killed", "flow"), ("89", "killed", "flow")]),
        # a count of the dead, then another count and its state
        ("In North Bank Region, five children have been reported dead and one is in critical "
         "condition.", [("five", "died", "flow")]),
        ("One other person is also reported dead in the West Coast Region.",
         [("One", "died", "flow")]),
        # money in tögrög
        ("To further support recovery efforts, MNT 400 million has been allocated.", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_twenty_third_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2012, 11, 8))] == found


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # Karakalpakstan as English writes it, named after "republic of"
        ("At least 18 people were killed during last week’s unrest in Uzbekistan’s autonomous "
         "republic of Karakalpakstan.", "Karakalpakstan", "UZB"),
        # Mongolia's soum and aimag are words of place
        ("Heavy rain caused a flash flood in Uliastai soum, Zavkhan aimag of Mongolia, affecting "
         "449 people.", "Uliastai soum", "MNG"),
        # the capital of the Congo Republic, which the Democratic Republic of Congo faces
        ("AT LEAST 200 people have been killed after an arms dump exploded in the Congo "
         "Republic’s capital.", "Brazzaville", "COG"),
    ],
)  # fmt: skip
def test_places_of_the_twenty_third_part(text, location, country):
    found = extract(text, date(2022, 7, 4))[0]
    assert (found.location, found.country_iso3) == (location, country)


def test_a_name_several_countries_share_is_read_in_the_country_of_the_provinces_named():
    # (before a country the document names as where people went on to)
    text = (
        "The entry of migrants through the Darien border area exceeds 124,500 people.\n\n"
        "The vast majority of these migrants have left the country, mainly to the United States. "
        "But between Darién and Chiriquí there are a total of 3,207."
    )
    first = extract(text, date(2021, 11, 5))[0]
    assert (first.location, first.country_iso3) == ("Darien", "PAN")


def test_a_towns_other_name_that_is_part_of_a_regions_name_is_not_that_region():
    # geonames calls a town of the United States "Highlands"; the text's region is Papua New
    # Guinea's
    text = (
        "As Papua New Guinea approached its elections, violence erupted in parts of the Highlands "
        "region. Enga, Hela and the Southern Highlands are the worst affected provinces.\n\n"
        "14,000 people displaced"
    )
    last = extract(text, date(2022, 8, 29))[-1]
    assert last.country_iso3 == "PNG"


def test_a_full_stop_glued_to_the_next_sentence_ends_it():
    text = (
        "At least 4 people have died in flash floods in northern Tunisia over the last few days."
        "Tunisia's Ministry of Interior said that 2 people died near Bou Argoub.The Ministry of "
        "Interior said that 197 mm of rain fell in Nabeul."
    )
    found = [(c.span, c.location) for c in extract(text, date(2018, 9, 24))]
    assert found == [("At least 4", "northern Tunisia"), ("2", "Bou Argoub")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Citing Uzbekistan’s authorities, media reports say at least 18 people were killed.",
         "Uzbekistan’s authorities"),
        ("“In Nukus, 18 people died,” the Russian news agency RIA Novosti on Monday quoted Abror "
         "Mamatov, an official from Uzbekistan’s Prosecutor-General’s Office, as saying.",
         "Abror Mamatov"),
        ("Eleven deaths related to the storm have already been confirmed by the Chief of Staff of "
         "the National Civil Protection (Estado Mayor Nacional de la Defensa Civil).",
         "Chief of Staff of the National Civil Protection"),
    ],
)  # fmt: skip
def test_speakers_of_the_twenty_third_part(text, speaker):
    assert extract(text, date(2022, 7, 4))[0].attributed_to == speaker


# --- Learnt from d300–d312 (the twenty-fourth part, scored once, then tuning) --------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # people stuck, stranded (a title's too) or waiting somewhere: remain
        ("Thousands stranded in Greece after EU border closures",
         [("Thousands", "remain", "stock")]),
        ("Tens of thousands of refugees and migrants are stuck in camps and ports across Greece.",
         [("Tens of thousands", "remain", "stock")]),
        ("Their arrival helped swell the number of those stuck across the country to over 42,000.",
         [("over 42,000", "remain", "stock")]),
        ("At a muddy tent city near the border town of Idomeni, 12,000 people waited to cross to "
         "Macedonia.", [("12,000", "remain", "stock")]),
        # homeless now, and the same count expected later
        ("UN OCHA reports that 45,000 people are homeless, and this number is expected to rise to "
         "75,000 upon the return of those currently staying with relatives.",
         [("45,000", "displaced", "stock"), ("75,000", "displaced", "stock")]),
        # a table's cell under its label
        ("ESTIMATED NUMBERS AT A GLANCE |\nTotal Population Injured |\n30,000\n|\nUN OCHA / GOI",
         [("30,000", "injured", "flow")]),
        # people who sought medical help; a part of a toll and when it happened
        ("At least 189 Kyrgyzstanis sought medical help.", [("At least 189", "injured", "flow")]),
        ("One death and five injuries have been recorded.",
         [("One", "died", "flow"), ("five", "injured", "flow")]),
        ("Heavy rains have killed at least 16 people so far in June, including six this weekend.",
         [("at least 16", "killed", "flow"), ("six", "killed", "flow")]),
        # no figures: money in the hundreds of millions, a depth, people who live in towns
        ("The damage is estimated by the government to be in the hundreds of millions of dollars.",
         []),
        ("In some places the water was up to 3m (10ft) deep.", []),
        ("Some 200,000 people live in the 12 towns along the river that could eventually be "
         "affected.", []),
    ],
)  # fmt: skip
def test_terms_and_non_figures_of_the_twenty_fourth_part(text, found):
    assert [(c.span, c.term, c.measure) for c in extract(text, date(2016, 3, 12))] == found


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a people's word of Central Asia's; a side that speaks
        ("At least 189 Kyrgyzstanis sought medical help.", "Kyrgyzstan", "KGZ"),
        ("The Tajik side unofficially reported more than 150 wounded.", "Tajikistan", "TJK"),
        # the economic capital; a port named after "port of"
        ("Heavy rains in Ivory Coast have killed at least 16 people so far in June in the economic "
         "capital Abidjan.", "Abidjan", "CIV"),
        ("Further south, more than 3500 people waited at the main port of Piraeus near Athens.",
         "Piraeus", "GRC"),
        # Italy's regions as English writes them
        ("At least 18 people have been killed in flooding on the Italian island of Sardinia.",
         "Sardinia", "ITA"),
        # the Balkan route is no place (nor Turkmenistan's Balkan province)
        ("Hundreds more people had reached Greece, days after shutdowns along the Balkan route.",
         "Greece", "GRC"),
    ],
)  # fmt: skip
def test_places_of_the_twenty_fourth_part(text, location, country):
    found = extract(text, date(2016, 3, 12))[0]
    assert (found.location, found.country_iso3) == (location, country)


def test_a_speaker_is_named_without_the_adverb_before_its_verb():
    (wounded,) = extract("The Tajik side unofficially reported more than 150 wounded.")
    assert wounded.attributed_to == "Tajik side"


def test_a_state_of_disaster_is_no_place():
    text = "• 02 persons have been confirmed dead; • A 30 day State of Natural Disaster has been declared."
    (dead,) = extract(text, date(2020, 12, 18), title="Fiji: Severe Tropical Cyclone Yasa")
    assert (dead.location, dead.country_iso3) == ("Fiji", "FJI")


# --- Learnt from d313–d325 (the twenty-fifth part, scored once, then tuning) ---------------------


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # Portugal's autonomous regions as English writes them, not the Ohio town of Madeira
        ("Floods and mudslides have killed at least 32 people on the Portuguese holiday island of "
         "Madeira.", "Madeira", "PRT"),
        ("Storms left 40 people homeless in the Azores.", "Azores", "PRT"),
    ],
)  # fmt: skip
def test_places_of_the_twenty_fifth_part(text, location, country):
    found = extract(text, date(2010, 2, 21))[0]
    assert (found.location, found.country_iso3) == (location, country)


def test_people_who_fled_a_place_the_gazetteer_lacks_are_of_the_countrys_story_not_their_name():
    text = (
        "Over 20,000 Palestinian civilians have fled Nahr al-Bared on buses and by foot.\n\n"
        "With no end in sight to the stand-off in Nahr al-Bared refugee camp in northern Lebanon, "
        "aid agencies have delivered relief."
    )
    (fled,) = extract(text)
    assert (fled.location, fled.country_iso3) == ("Nahr al-Bared", "LBN")
    # where they went is named, the name of the people says the country they left
    (crossed,) = extract(
        "Some 18,000 Sudanese have crossed into Chad to escape fighting in the Jebel Marra region."
    )
    assert crossed.country_iso3 == "SDN"


def test_one_count_in_two_units_set_apart_by_commas_shares_the_verb_after_the_second():
    families, people = extract(
        "Some 309 families, or about 1,500 people, have fled Nahr al-Bared for the camps of Borj "
        "Barajneh, Shatila and Mar Elias, located in and around Beirut."
    )
    assert (families.unit, families.term, families.measure) == ("households", "fled", "flow")
    assert (people.unit, people.term) == ("people", "fled")
    assert (families.location, families.country_iso3) == (people.location, people.country_iso3)


def test_people_given_aid_delivered_to_them_are_no_figure():
    text = (
        "The ICRC has delivered food and hygiene kits to scores of displaced Palestinian families "
        "in and around various refugee camps."
    )
    assert extract(text) == []
    # a count of the same people, not of aid, is still one
    (fled,) = extract("Scores of displaced Palestinian families have fled the camps.")
    assert fled.term == "fled"


def test_he_also_said_is_the_person_who_spoke_before():
    text = (
        "Ali Belkhir, the head of public health, said the floods had hit the town. Belkhir "
        "confirmed that 29 people have died. He also said that 84 people were injured."
    )
    died, injured = extract(text, date(2008, 10, 2))
    assert died.attributed_to == injured.attributed_to == "Belkhir"


def test_a_part_of_a_count_is_of_the_counts_place():
    text = (
        "In Cochabamba 18,200 families were affected with at least 2,000 of them homeless, and in "
        "Beni more than 4,000 families were affected."
    )
    affected, homeless, beni = extract(text, title="More Deaths in Ongoing Bolivian Floods")
    assert [c.location for c in (affected, homeless, beni)] == ["Cochabamba", "Cochabamba", "Beni"]
    assert homeless.term == "displaced"
    # a part that names a place of its own keeps it
    (dead, western) = extract(
        "21 people were confirmed dead - at least 10 of whom were killed in the hard-hit Western "
        "Division.",
        title="Death toll continues to rise in Fiji",
    )
    assert western.location == "Western Division"


def test_a_count_the_next_count_is_set_beside_with_with_takes_no_place_of_that_count():
    text = (
        "People are fleeing deadly clashes that erupted in Yumbi, Mai-Ndombe Province, western "
        "DRC. The reignited dispute is reported to have killed dozens, with around 150 injured "
        "arriving in Congo-Brazzaville."
    )
    killed, injured = extract(text, date(2019, 1, 4))
    assert (injured.location, injured.country_iso3) == ("Congo-Brazzaville", "COG")
    assert killed.location == "Yumbi"  # the place the sentence before names


def test_estimates_that_indicate_are_who_speaks_and_there_are_displaced_people_is_a_stock():
    outside, inside = extract(
        "Official estimates now indicate that there are more displaced people outside the capital "
        "(78,000) than those in the various settlements in Dili (69,000).",
        date(2006, 6, 16),
    )
    assert outside.attributed_to == inside.attributed_to == "Official estimates"
    assert (outside.term, outside.measure) == ("displaced", "stock")
    # people newly displaced over a period are a flow
    (newly,) = extract(
        "There were 126,000 newly displaced people in the country between July 7 and Aug. 9.",
        date(2021, 8, 12),
    )
    assert newly.measure == "flow"


def test_people_an_operation_reaches_out_to_are_no_figure():
    text = (
        "UNHCR has stepped up its emergency relief operation and has started reaching out to tens "
        "of thousands of people who fled violence in Dili."
    )
    assert extract(text, date(2006, 6, 16)) == []


def test_a_quotation_that_goes_on_after_its_speaker_is_still_theirs():
    text = (
        '"The whole facade and the stairs of the flat where I live are totally broken," said '
        'resident Tomas Hinojo. "The hardest things happened right where I live. Three of the '
        'victims killed are my neighbors."\n'
        "Spanish experts said the quakes caused so much damage because they were shallow."
    )
    (three,) = extract(text, date(2011, 5, 12))
    assert three.attributed_to == "resident Tomas Hinojo"


def test_small_counts_of_the_dead_and_the_gravely_hurt_and_a_citys_population():
    text = (
        "The dead included one child. Thirty people were hospitalized, three of them in serious "
        "condition, and an additional 260 were treated for light injuries. Officials estimated "
        "that about 30,000 people spent the night outdoors, almost a third of the city's 90,000 "
        "population."
    )
    found = [(c.span, c.term) for c in extract(text, date(2011, 5, 12))]
    assert found == [
        ("one", "died"), ("Thirty", "injured"), ("three", "injured"), ("260", "injured"),
        ("about 30,000", "displaced"),
    ]  # fmt: skip


def test_a_sentence_led_by_in_and_a_place_the_gazetteer_lacks_is_of_that_place():
    (isolated,) = extract("In Alaibri, 2,000 persons have been isolated by flood.")
    assert isolated.location == "Alaibri"
    (other,) = extract("In Addition, 2,000 persons have been isolated by flood.")
    assert other.location is None


def test_the_department_of_a_place_names_it_not_the_city_a_distance_is_measured_from():
    text = (
        "And in the department of Quetzaltenango, 125 miles (200 kilometers) west of Guatemala "
        "City, a boulder loosened by rains crushed a house, killing two children and two adults."
    )
    children, adults = extract(text, date(2010, 5, 29))
    assert children.location == adults.location == "Quetzaltenango"


def test_a_spokesman_for_a_body_after_a_quotation_and_people_in_hospital():
    (dead,) = extract(
        '"We have confirmed 32 dead, but we are still trying to figure out how many people are '
        "missing,\" said a spokesman for Funchal's civil protection service."
    )
    assert dead.attributed_to == "spokesman for Funchal's civil protection service"
    _, hospital = extract(
        "In addition to the 32 dead, a further 68 people were in hospital, said João Cunha e Silva."
    )
    assert hospital.term == "injured"


def test_places_listed_in_the_first_paragraph_are_no_place_of_the_story():
    text = (
        "The president of Dominican Republic has declared a State of Emergency in the provinces of "
        "Puerto Plata, La Vega, Espaillat and María Trinidad Sánchez after weeks of floods.\n\n"
        "A landslide warning has also been issued in the provinces of Espaillat, Santiago, La Vega, "
        "Puerto Plata and Montecristi.\n\n"
        "According to reports, 3,798 people have been displaced.\n\n"
        "Around 132 communities in the provinces of La Vega, Puerto Plata and Espaillat are cut off."
    )
    (displaced,) = extract(text, date(2016, 11, 23), title="Dominican Red Cross Responds to Floods")
    assert (displaced.location, displaced.country_iso3) == ("Dominican Republic", "DOM")


# --- Learnt from d326–d338 (the twenty-sixth part, scored once, then tuning) ---------------------


def test_a_direction_alone_is_no_place_a_countrys_direction_is_the_country():
    text = (
        "Hurricane Otto left ten people dead and directly affected more than 10,000 people as it "
        "swept through Costa Rica’s North on November 25."
    )
    dead, affected = extract(text, title="Hurricane Otto Strikes Northern Costa Rica")
    assert dead.term == "died"
    assert (affected.location, affected.country_iso3) == ("Costa Rica", "CRI")
    # the title's "Northern" is not Fiji's, Ghana's or Sierra Leone's Northern province
    (evacuated,) = extract(
        "Nearly 5,500 residents were evacuated.", title="Hurricane Otto Strikes Northern Costa Rica"
    )
    assert evacuated.country_iso3 == "CRI"
    # a count that opens the sentence names no community
    (five,) = extract("Five community members lost their lives, and we are all in mourning.")
    assert five.location is None
    # a list of directions before their word of place is still read
    (sheltering,) = extract(
        "More than 1,541 people were sheltering in 52 evacuation centres in Central, Western and "
        "Eastern divisions.",
        title="Fiji: Tropical Cyclone Harold",
    )
    assert sheltering.country_iso3 == "FJI"


def test_gorno_badakhshan_and_a_security_service_that_speaks():
    text = (
        "“During the special operation in Gorno-Badakhshan, 12 troops were killed and 30 militants "
        "were killed,” the security service said in a statement read on state television."
    )
    troops, militants = extract(text)
    assert (troops.location, troops.country_iso3) == ("Gorno-Badakhshan", "TJK")
    assert troops.attributed_to == militants.attributed_to == "security service"


def test_terms_learnt_from_the_twenty_sixth_part():
    found = lambda text: [(c.span, c.term, c.measure) for c in extract(text, date(2012, 5, 29))]  # noqa: E731
    assert found("At least seven people were missing and 350 were left injured by the tremor.") == [
        ("350", "injured", "flow")
    ]
    assert found("Hundreds of Benin flood victims find shelter in UNHCR tents.") == [
        ("Hundreds", "hosted", "stock")
    ]
    assert found(
        "Hundreds of flood victims in the town of Ouinhi are living opposite a health clinic in "
        "UNHCR-supplied tents after fleeing their submerged villages."
    ) == [("Hundreds", "hosted", "stock")]
    assert found(
        "Ten families consisting of around 150 people had already been transported to the mainland."
    ) == [("Ten", "evacuated", "flow"), ("around 150", "evacuated", "flow")]
    assert found(
        "Flooding has affected 59,613 families with 33,407 families displaced in 20 evacuation "
        "centres."
    ) == [("59,613", "affected", "flow"), ("33,407", "hosted", "stock")]
    assert found("The disaster killed 43, injured 11 and destroyed 13 houses.") == [
        ("43", "killed", "flow"),
        ("11", "injured", "flow"),
    ]
    # capacity and money are no figures
    assert (
        found(
            "The Red Cross has set up 100 UNHCR tents, each of which are designed to house at least "
            "five people."
        )
        == []
    )
    assert (
        found("The President ordered the disbursement of 200 Million to help the bereaved.") == []
    )


def test_a_summarys_citation_attributes_the_sentences_before_it():
    text = (
        "A volcano eruption in Fogo Island, Cabo Verde, began on 23 Nov 2014. An estimated 1,000 "
        "people have been evacuated from the area. Lava had destroyed 90 buildings. (UN, 8 Dec "
        "2014) As of 6 Feb, 1,076 people had been displaced. (IFRC, 13 Feb 2015)\n\n"
        "Some 300 people remain in shelters."
    )
    evacuated, displaced, remain = extract(text)
    assert (evacuated.attributed_to, displaced.attributed_to) == ("UN", "IFRC")
    assert remain.attributed_to is None  # the next paragraph cites nobody


def test_speakers_learnt_from_the_twenty_sixth_part():
    (five,) = extract(
        "Al-Massae reported a woman and her child were killed when a house collapsed, while Akhbar "
        "al-Youm said that it could only confirm that at least five people had been killed."
    )
    assert five.attributed_to == "Akhbar al-Youm"
    (seven,) = extract(
        '"Another catastrophe: floods kill seven," headlined the Arabic-language daily al-Massae.'
    )
    assert seven.attributed_to == "Arabic-language daily al-Massae"
    dead, _ = extract("Official figures so far mention 45 dead, 29 were in Vendée alone.")
    assert dead.attributed_to == "Official figures"
    (toll,) = extract(
        "The quakes struck northwest Iran, killing at least 180 people, according to a preliminary "
        "toll by officials."
    )
    assert toll.attributed_to == "officials"


def test_markup_left_in_a_pages_text_holds_no_figure():
    text = (
        '<a><img src="https://example.org/uploads/2015/09/97168118.jpg" alt="A flooded street" '
        'width="320" class="size-medium"/></a>\nOfficial figures mention 45 dead.'
    )
    assert [c.span for c in extract(text)] == ["45"]
    # a comparison is no markup
    assert [c.span for c in extract("Fewer than 5 < 6 people were hurt, and 300 people fled.")][
        -1
    ] == "300"


def test_a_figure_nothing_places_takes_the_place_of_the_figure_before_it():
    text = (
        "At least 12 Tajik troops and 30 rebel fighters were killed in a military operation close "
        "to the Afghan border, officials said.\n\n"
        "Some 40 fighters have been arrested while 23 troops were also wounded, the statement added."
    )
    troops, fighters, arrested, wounded = extract(text)
    assert troops.country_iso3 == "TJK"
    assert [c.country_iso3 for c in (fighters, arrested, wounded)] == ["TJK", "TJK", "TJK"]
    assert arrested.place_note == "the place of the figure before: “At least 12”"
    # a count across countries stays no one place's
    text = "Floods hit Malawi. The death toll in Malawi and Mozambique rose to 300."
    (toll,) = extract(text)
    assert (toll.location, toll.country_iso3) == (None, None)


def test_a_small_towns_name_in_a_story_of_other_countries_is_of_the_country_named_first():
    text = (
        "Rescuers raced to reach a remote village in Kyrgyzstan today after a strong earthquake "
        "near the border with China. The quake rased the village of Nura in the isolated Alaisky "
        "district. Emergency officials said that more than 100 people had been injured in "
        "Nura, close to the point where the borders of Kyrgyzstan, Tajikistan and China intersect."
    )
    (injured,) = extract(text)
    assert (injured.location, injured.country_iso3) == ("Nura", "KGZ")  # not Nura, Kazakhstan
    # ("mostly in Nura": most of them there, the whole count Kyrgyzstan's)
    (injured,) = extract(text.replace("injured in", "injured, mostly in"))
    assert (injured.location, injured.country_iso3) == ("Kyrgyzstan", "KGZ")


def test_a_storm_that_barrelled_into_an_island_on_a_day_starts_the_toll_there():
    text = (
        "The most powerful storm in the country's recorded history barrelled into Fiji's main "
        "island of Viti Levu late on Saturday, destroying entire villages.\n\n"
        "The death toll from Cyclone Winston now stands at 21."
    )
    (toll,) = extract(text, date(2016, 2, 23))
    assert (toll.period_start, toll.period_end) == (date(2016, 2, 20), date(2016, 2, 23))


# --- Learnt from d339–d351 (the twenty-seventh part, scored once, then tuning) -------------------


def test_where_a_spokesperson_spoke_is_no_place_of_the_figures():
    text = (
        "In Geneva, Switzerland, UN High Commissioner for Refugees spokesman Babar Baloch said that "
        "more than 3,300 people had fled, after gunmen stormed into Solhan on Saturday."
    )
    (fled,) = extract(text, date(2021, 6, 10), title="Thousands flee Burkina Faso massacre")
    assert fled.country_iso3 == "BFA"  # not Geneva's
    # an authority's count of the place it names is that place's
    (dead,) = extract("In San Salvador, authorities reported 61 dead.")
    assert dead.location == "San Salvador"


def test_terms_and_places_learnt_from_the_twenty_seventh_part():
    found = lambda text, title=None: [  # noqa: E731
        (c.span, c.term, c.measure, c.location)
        for c in extract(text, date(2013, 9, 18), title=title)
    ]
    assert found(
        "At least 138 men, women and children were “executed,” and nearly 40 were seriously "
        "wounded, Baloch said."
    ) == [("At least 138", "killed", "flow", None), ("nearly 40", "injured", "flow", None)]
    assert (
        found(
            "The death toll by the floods and landslides had reached 57 people early on 18 September."
        )[0][1]
        == "died"
    )
    assert found(
        "An estimated 36 000 people have been evacuated country-wide, ca. 20 000 of them in "
        "Veracruz.",
        title="Mexico - Tropical Cyclones INGRID and MANUEL - UPDATE",
    ) == [
        ("An estimated 36 000", "evacuated", "flow", "Mexico"),
        ("ca. 20 000", "evacuated", "flow", "Veracruz"),
    ]
    assert found("It resulted in the killing of two IDPs and the injury of five others.") == [
        ("two", "killed", "flow", None),
        ("five", "injured", "flow", None),
    ]
    assert found("An additional 284 families sought safety in Lahj.")[0][1:3] == ("hosted", "stock")
    # counts joined by "and" after their words share the place after both
    assert [c.location for c in extract(
        "UNHCR found 578 families in need for NFIs (Non-Food Items) and 68 families in need for "
        "EESKs in Al Munirah district."
    )] == ["Al Munirah district", "Al Munirah district"]  # fmt: skip


def test_yemens_governorates_as_reports_write_them():
    from tracker import places

    for name in ("Lahj", "Amanat Al Asimah", "Hodeidah", "Socotra", "Saada"):
        assert places.lookup(name)[0].country_iso3 == "YEM", name


# --- Learnt from d352–d364 (the twenty-eighth part, scored once, then tuning) --------------------


def test_a_country_heading_above_a_title_led_by_it_gives_the_titles_place():
    text = (
        "Niger\nNiger – Forced displacement and insecurity increase in Tillabéri region, update\n"
        "- The updated evaluation is: 105 civilians killed and 10,600 people forcibly displaced."
    )
    title = "Niger – Forced displacement and insecurity increase in Tillabéri region, update"
    assert [(c.location, c.country_iso3) for c in extract(text, date(2021, 1, 7), title=title)] == [
        ("Tillabéri region", "NER"),
        ("Tillabéri region", "NER"),
    ]


def test_an_ambiguous_name_is_read_in_the_country_of_the_documents_people_or_places():
    text = (
        "Clashes in Tripoli have led over 2,000 households to flee their homes. A total of 61 "
        "people have been killed, according to the Libyan Ministry of Health."
    )
    assert {c.country_iso3 for c in extract(text, date(2018, 9, 4))} == {"LBY"}
    # with nothing to settle it, the reviewer still chooses
    (fled,) = extract("Clashes in Tripoli have led over 2,000 households to flee their homes.")
    assert fled.country_iso3 is None and "choose one" in fled.place_note


def test_victims_a_disaster_left_are_affected():
    found = lambda text: [(c.span, c.term, c.measure) for c in extract(text)]  # noqa: E731
    assert found(
        "In the Toukoura district alone there are more than 2,800 homes destroyed by the floods "
        "and 16,574 victims."
    ) == [("16,574", "affected", "flow")]
    assert found("Floods in the capital have left thousands of victims.") == [
        ("thousands", "affected", "flow")
    ]
    # people who are somewhere are still so counted
    assert found("There are 78,000 displaced people in the capital.")[0][1:] == (
        "displaced",
        "stock",
    )


def test_where_most_of_a_count_was_is_not_the_place_of_the_whole():
    (dead,) = extract(
        "Four deaths have already occurred on Peruvian territory, mainly in the Piura area."
    )
    assert (dead.location, dead.country_iso3) == ("Peru", "PER")
    assert "most of them" in dead.place_note
    (killed,) = extract("Floods killed 40 people in Peru, mostly in Piura.")
    assert killed.location == "Peru"
    (hurt,) = extract(
        "More than 100 people had been injured, mostly in Nura, a village close to the point where "
        "the borders of Kyrgyzstan, Tajikistan and China intersect.",
        title="Earthquake in Kyrgyzstan",
    )
    assert hurt.country_iso3 == "KGZ"


def test_places_listed_with_their_counts_label_each_count():
    text = (
        "In Kelantan, 26,000 evacuees were recorded in Tumpat, making it the worst affected of the "
        "districts, followed by Kota Baru, with 24,034 evacuees. Kuala Krai had 5,200 evacuees; "
        "Gua Musang, 5,150; Tanah Merah, 3,548 and Pasir Puteh, 192."
    )
    found = [(c.span, c.location, c.measure) for c in extract(text, date(2014, 12, 27))]
    assert found == [
        ("26,000", "Tumpat", "stock"),  # "the worst affected" ranks the place: no verb of theirs
        ("24,034", "Kota Baru", "stock"),
        ("5,200", "Kuala Krai", "stock"),
        ("5,150", "Gua Musang", "stock"),
        ("3,548", "Tanah Merah", "stock"),
        ("192", "Pasir Puteh", "stock"),
    ]


def test_an_office_named_for_its_state_is_not_a_place():
    (housed,) = extract(
        "Kelantan Welfare Department director Nik Omar Nik Abdul Rahman said all the evacuees, "
        "from 20,177 families, were being housed at 254 relief centres throughout the state."
    )
    assert housed.location != "Kelantan Welfare Department"


def test_words_of_change_learnt_from_the_twenty_eighth_part():
    found = lambda text: [(c.span, c.term, c.measure) for c in extract(text)]  # noqa: E731
    assert found(
        "Flash floods have so far claimed 34 lives and forced the evacuations of tens of "
        "thousands of people."
    )[1] == ("tens of thousands", "evacuated", "flow")
    assert found(
        "The mudflows also carried away people relaxing by the river, blocking approximately "
        "1,400 vacationers in the Abshir-Ata and Kezart jailoos."
    ) == [("approximately 1,400", "remain", "stock")]
    # a country's population is no count of the table, nor are people missing
    assert found("Fiji has a population of about 930,000.") == []
    assert found("Arms circulate in New Caledonia with a population of less than 300,000.") == []
    # (not households counted with their people: "over 30,000 households with a population of
    # over 600,000 were registered in the camps")
    assert (
        found(
            "The office reported that a man had drowned, while four fishermen and a toddler were "
            "missing."
        )
        == []
    )
    assert found(
        "A cyclone has left one person dead, five more missing and thousands in shelters."
    ) == [
        ("one", "died", "flow"),
        ("thousands", "hosted", "stock"),
    ]


def test_he_after_a_speaker_with_a_long_title_is_that_speaker():
    text = (
        "Cambodian Prime Minister Samdech Techo Hun Sen said on Wednesday that flash floods have "
        'so far claimed 34 lives.\n\n"To date, 34 people were killed, including 18 in Banteay '
        'Meanchey province," he said.'
    )
    speakers = {c.attributed_to for c in extract(text, date(2020, 10, 21))}
    assert speakers == {"Cambodian Prime Minister Samdech Techo Hun Sen"}


def test_places_named_together_as_their_word_of_place_do_not_speak():
    (hit,) = extract(
        "VRCS assessments conducted in Penama, Malampa and Torba provinces revealed that around "
        "1,913 households experienced total house destruction."
    )
    assert hit.attributed_to is None
    assert hit.location == "Penama, Malampa and Torba provinces"


def test_a_paragraphs_end_ends_its_sentence_before_a_digit():
    text = (
        "Meanwhile, in the area around Walia, more than 60,000 people have been affected.\n\n"
        "4 choses to retain quickly from inundations au #Tchad"
    )
    (hit,) = extract(text)
    assert hit.location == "Walia"


def test_a_town_named_before_its_region_is_the_figures_place():
    (dead,) = extract(
        "At least 11 people were killed in floods caused by heavy rain that hit Erbil in the "
        "Kurdistan region (northern Iraq) at dawn on Friday."
    )
    assert (dead.location, dead.country_iso3) == ("Erbil", "IRQ")
    (hurt,) = extract(
        "There were 338 households heavily affected in Khatlon province (Khuroson district)."
    )
    assert (hurt.location, hurt.country_iso3) == ("Khuroson district", "TJK")


def test_countries_named_together_give_a_count_no_one_place():
    title = "Ecuador, Peru authorities assess damage after earthquake that killed at least 15"
    (toll,) = extract(title)
    assert (toll.location, toll.country_iso3) == (None, None)
    (lead,) = extract(
        "Ecuadorian and Peruvian authorities worked on Sunday, after the quake left at least 15 "
        "dead.",
        title=title,
    )
    assert (lead.location, lead.country_iso3) == (None, None)


# --- Learnt from d365–d377 (the twenty-ninth part, scored once, then tuning) ---------------------


def test_the_island_is_not_iceland():
    text = (
        "Erika was a tropical storm that struck the Caribbean island of Dominica. The deaths in "
        "Petite Savanne add to the 8 other deaths reported elsewhere on the Island."
    )
    (dead,) = extract(text)
    assert dead.country_iso3 == "DMA"


def test_a_small_town_of_several_countries_is_of_the_one_country_the_document_names():
    text = (
        "The death toll in Dominica following the passage of Tropical storm Erika was 35. Two "
        "children and an elderly man died in Good Hope."
    )
    children = extract(text)[-1]
    assert (children.location, children.country_iso3) == ("Good Hope", "DMA")
    assert "the country the document names" in children.place_note
    # a city of several countries stays the reviewer's choice
    (fled,) = extract("Storm Erika hit Dominica. Clashes in Tripoli led 2,000 families to flee.")
    assert fled.country_iso3 is None and "choose one" in fled.place_note


def test_a_region_of_several_countries_is_the_place_of_no_one_country():
    found = lambda text, title=None: [  # noqa: E731
        (c.location, c.country_iso3) for c in extract(text, title=title)
    ]
    assert found(
        "Tropical Storm Nate has killed at least 22 people in Central America with torrential "
        "rains."
    ) == [("Central America", None)]
    assert found("An estimated 350,000 people were affected in the West African region.") == [
        ("West African region", None)
    ]
    # where people came from is none of their places
    assert found(
        "By early morning on Friday hundreds more people, many from the Middle East and Africa, "
        "had reached Greek islands.",
        title="Migrants stranded in Greece",
    ) != [("Middle East", None)]


def test_animals_and_kilograms_are_no_people():
    text = (
        "Further, the flood has devastated at least 1,706 hectares of agricultural land and "
        "145,115 kgs of stored food. In addition, 253 small ruminants, 4,119 cattle heads and 500 "
        "chickens have been washed away by the water. It has been reported that 44 people have "
        "been killed."
    )
    assert [c.span for c in extract(text)] == ["44"]


def test_a_countrys_capital_after_a_verb_of_striking_is_the_place():
    (dead,) = extract(
        "More than 120 people were killed as the worst floods in years battered DR Congo's "
        "capital Kinshasa, authorities said."
    )
    assert (dead.location, dead.country_iso3) == ("Kinshasa", "COD")


def test_a_disaster_named_with_its_day_starts_the_tolls_it_caused():
    text = (
        "Taipei, April 3 (CNA) In the aftermath of a strong earthquake Wednesday morning, officials "
        "in Taiwan had reported a total of 9 deaths, all in Hualien County, and 821 people injured."
    )
    found = [(c.span, c.period_start, c.period_end) for c in extract(text, date(2024, 4, 3))]
    assert found == [
        ("9", date(2024, 4, 3), date(2024, 4, 3)),
        ("821", date(2024, 4, 3), date(2024, 4, 3)),
    ]
    # a year alone dates no day
    (hurt,) = extract("The earthquake of 2015 in Nepal injured 821 people.", date(2016, 1, 5))
    assert hurt.period_start is None


# --- Learnt from d378–d390 (the thirtieth part, scored once, then tuning) ------------------------


def test_words_and_places_learnt_from_the_thirtieth_part():
    (came,) = extract("At the beginning of the month, a thousand Central Africans flocked to Chad.")
    assert (came.term, came.measure) == ("arrived", "flow")
    (came,) = extract(
        "Since the beginning of April, several waves of Central African refugees totaling 1,209 "
        "people have arrived in Chad, mainly in the border village of Sourou."
    )
    assert (came.location, came.country_iso3) == ("Chad", "TCD")
    # a crosshead's disaster is no place
    text = (
        "The recent destruction caused by Tropical Cyclone Dineo follows weeks of severe weather "
        "in Mozambique.\n44 Killed in Floods Since January\nHeavy rains have hit the south."
    )
    (toll,) = extract(text)
    assert toll.location != "Floods Since January" and toll.country_iso3 == "MOZ"
    (hit,) = extract(
        "In Mozambique the provincial government of Inhambane estimates that about 653,000 people "
        "have been affected overall."
    )
    assert hit.attributed_to == "provincial government of Inhambane"


def test_a_capital_named_by_its_peoples_word_is_where_people_are():
    found = extract(
        "The death toll in floods which left thousands homeless in the Malian capital, Bamako, has "
        "risen to 34, officials said.",
        date(2013, 8, 30),
    )
    assert [(c.span, c.location, c.country_iso3) for c in found][0] == (
        "thousands",
        "Bamako",
        "MLI",
    )


def test_a_tolls_parts_after_a_colon_are_its_parts():
    found = extract(
        "A total of 9 deaths have been confirmed: 1 in Massinga, 2 in Inhambane city, 2 in "
        "Jangamo and 4 in Morrumbene."
    )
    assert [(c.span, c.term) for c in found][:3] == [("9", "died"), ("1", "died"), ("2", "died")]
    # (a time after a colon is no part: "as of 14:00, 12 dead" is read apart)
    assert [c.span for c in extract("The death toll stood at 12 at 09:30 on Friday.")] == ["12"]


# --- Learnt from d391–d403 (the thirty-first part, scored once, then tuning) ---------------------


def test_a_saints_name_with_its_full_stop_is_one_place():
    (dead,) = extract(
        "Tropical Storm Tomas killed at least five people on the island of St. Lucia, an "
        "emergency official said Tuesday."
    )
    assert (dead.location, dead.country_iso3) == ("St. Lucia", "LCA")


def test_the_finest_place_of_the_opening_places_the_counts_nothing_else_places():
    text = (
        "The city of Uvira, centre of the eponymous territory, in South Kivu province of the "
        "Democratic Republic of the Congo (DRC), experienced heavy rainfalls during the night of "
        "16 to 17 April 2020. The rains also affected neighbouring Maniema. Initial rapid "
        "assessments show that the floods caused at least 38 deaths."
    )
    (dead,) = extract(text)
    assert (dead.location, dead.country_iso3) == ("Uvira", "COD")


def test_a_region_after_its_countrys_possessive_is_the_place():
    found = extract(
        "The death toll from flash floods in Russia's southern Krasnodar region has risen to 134 "
        "from 103, police have said.",
        date(2012, 7, 7),
    )
    assert {(c.location, c.country_iso3) for c in found} == {("Krasnodar region", "RUS")}
    (dead,) = extract("Fighting in Senegal's southern Casamance region has killed more than 690.")
    assert (dead.location, dead.country_iso3) == ("southern Casamance region", "SEN")


def test_this_year_over_a_line_break_is_read_as_written_on_one_line():
    # (the quick check before the periods' pattern looked for "this year" with one space only)
    one = extract("So far this year, 5,000 people have been displaced.", date(2019, 3, 22))
    two = extract("So far this\nyear, 5,000 people have been displaced.", date(2019, 3, 22))
    assert (
        [(c.period_start, c.period_end) for c in two]
        == [(c.period_start, c.period_end) for c in one]
        == [(date(2019, 1, 1), date(2019, 3, 22))]
    )


# --- Learnt from d404–d416 (the thirty-second part, scored once, then tuning) --------------------


def test_a_town_named_in_its_country_is_of_that_country():
    title = "Hundreds Evacuated After a Massive Landslide Hits the town of Ask in Norway"
    (fled,) = extract(title)
    assert (fled.location, fled.country_iso3) == ("Ask", "NOR")  # not Ask, Poland


def test_a_generic_region_is_of_the_named_country_that_has_one_so_called():
    text = (
        "The Bagre Dam, located in Burkina Faso, caused flooding in Ghana. In the Northern region, "
        "10,567 people were affected."
    )
    (hit,) = extract(text)
    assert (hit.location, hit.country_iso3) == ("Northern region", "GHA")  # not Malawi's


# --- Learnt from d417–d429 (the thirty-third part, scored once, then tuning) ---------------------


def test_a_town_named_before_its_province_is_of_the_provinces_country():
    (came,) = extract(
        "On the Niger side, more than 9,000 people have moved to Abala, Tillaberi region."
    )
    assert (came.location, came.country_iso3) == ("Abala", "NER")  # not Abala, Ethiopia


def test_a_name_that_opens_with_a_provinces_word_is_no_office_of_that_province():
    text = (
        "Military operations in six Divisions of the North West region of Cameroon; Boyo, Bui, "
        "Momo, Mezam, Donga Mantung and Ngo Ketunjia are responsible for 2,775 displacement."
    )
    (moved,) = extract(text)
    assert moved.country_iso3 == "CMR"  # not Benin, whose department is Donga
    (dead,) = extract("The Bicol Regional Police Office has reported a total of 20 fatalities.")
    assert (dead.location, dead.country_iso3) == ("Bicol", "PHL")


def test_a_month_and_its_year_are_not_read_as_a_day_of_the_month():
    # "January 2020" was read as 20 January (the day's digits matched the year's first two)
    (fled,) = extract(
        "Since January 2020, fighting has forced 16,631 families to flee.", date(2021, 2, 18)
    )
    assert (fled.period_start, fled.period_end) == (date(2020, 1, 1), date(2021, 2, 18))
    (count,) = extract("As of March 2019, 29,500 people were displaced.", date(2019, 4, 2))
    assert count.period_end == date(2019, 3, 31)


def test_an_english_as_or_an_before_a_name_is_no_arabic_article():
    (came,) = extract("Some have also made it as far as Marib city (201 HHs).", date(2021, 2, 18))
    assert came.location == "Marib city"  # was "as Marib city"
    # ("an Andean community" is no place at all: a region's word, d252)
    places = [m.written for m in x._place_mentions("A landslide swept over an Aymara community.")]
    assert places == ["Aymara community"]
    places = [m.written for m in x._place_mentions("Fighting in Ras as-Sukhnah.")]
    assert places == ["Ras as-Sukhnah"]


def test_a_place_the_gazetteer_lacks_is_of_the_country_of_the_place_named_most():
    text = (
        "A fire at an oil depot raged out of control in the Cuban city of Matanzas. Firefighters "
        "were still trying to put out the fire in Matanzas. Authorities said about 800 people "
        "were evacuated from the Dubrocq neighborhood closest to the fire. President Miguel "
        "Díaz-Canel thanked Mexico, Venezuela, Russia and Chile for their offers of aid. Cuba’s "
        "Ministry of Health reported that 121 people were injured."
    )
    left, _ = extract(text)
    assert (left.location, left.country_iso3) == ("Dubrocq neighborhood", "CUB")


def test_a_count_after_a_countrys_sentence_is_of_that_country_not_the_titles_region():
    title = "Central America - Hurricane JULIA, update (ECHO Daily Flash of 11 October 2022)"
    text = (
        f"{title}\n\n  • In Guatemala, four are missing and 11 others sustained injuries. About "
        "1,165 people were displaced to evacuation centres."
    )
    hurt, left = extract(text, date(2022, 10, 11), title=title)
    assert {(c.location, c.country_iso3) for c in (hurt, left)} == {("Guatemala", "GTM")}


def test_a_magnitude_identified_dead_and_a_districts_population_are_no_figures():
    text = (
        "A 6.5 M Earthquake shook Sigli City, Aceh Province, Indonesia. The total population in "
        "Pidie District is around 425,974 while in Pidie Jaya District, it is 151,472. As of 18 "
        "December, the death toll is 103 people where 100 people have been identified. In "
        "align to that, 19,130 houses were reportedly damaged where 17,673 of it are in Pidie Jaya."
    )
    assert [c.span for c in extract(text)] == ["103"]
    # (a camp's population is the people it hosts)
    (hosted,) = extract("As of 31 March, the population of Al Hol camp is 73,041.")
    assert (hosted.span, hosted.term) == ("73,041", "hosted")


def test_a_toll_named_with_two_long_phrases_is_the_tolls_whatever_follows():
    (dead,) = extract(
        "The death toll in the Plateau Christmas Eve attack in Bokkos and Barkin-Ladi has risen "
        "to 195 as the search for missing persons is still ongoing."
    )
    assert (dead.term, dead.measure) == ("died", "flow")  # not "remain" (those still missing)


def test_the_speaker_is_named_before_what_it_is():
    (dead,) = extract(
        "However, the Nigerian Red Cross, a Non-Governmental Organization in Bokkos disclosed "
        "that 161 deaths were recorded."
    )
    assert dead.attributed_to == "Nigerian Red Cross"
    (dead,) = extract("The Red Crescent, a humanitarian organisation, said 12 people died.")
    assert dead.attributed_to == "Red Crescent"
    (dead,) = extract("In Geneva, a UN agency said that 161 deaths were recorded.")
    assert dead.attributed_to == "UN agency"  # a place before is no speaker


def test_displacements_in_the_plural_are_displacement():
    found = extract(
        "In Mali, the violence has led to massive population displacements towards the town of "
        "Ménaka (931 households, i.e. more than 5,000 people)."
    )
    assert [(c.span, c.term, c.measure) for c in found] == [
        ("931", "displaced", "flow"),
        ("more than 5,000", "displaced", "flow"),
    ]


def test_hhs_are_households_and_made_it_as_far_as_is_arriving():
    found = extract("Some have also made it as far as Marib city (201 HHs).", date(2021, 2, 18))
    assert [(c.span, c.unit, c.term, c.location) for c in found] == [
        ("201", "households", "arrived", "Marib city")
    ]
    (lived,) = extract("Around 227 HH lived in the site before.")
    assert lived.unit == "households"


def test_a_small_count_of_the_injured_or_of_them_in_critical_condition_is_a_figure():
    (hurt, dead) = extract(
        "Interior Minister Pance Toskovski revealed that among the victims, more than 20 of the "
        "injured and three of the deceased were under 18."
    )
    assert [(c.span, c.term) for c in (hurt, dead)] == [
        ("more than 20", "injured"),
        ("three", "died"),
    ]
    text = (
        "More than 150 people were hospitalized in Skopje. Health Minister Arben Taravari "
        "reported that 20 of them remain in critical condition."
    )
    assert [(c.span, c.term) for c in extract(text)] == [
        ("More than 150", "injured"),
        ("20", "injured"),
    ]


def test_sandbags_and_employees_are_no_people_struck_and_a_source_learnt_from_speaks():
    text = (
        "204 people have been evacuated from the flood-hit households in Karnak village, "
        "Kazinform has learned from the Ministry of Emergencies. 13,000 sandbags were laid to "
        "prevent further flooding of households. 430 employees of the ministry of emergencies "
        "are involved in this work."
    )
    (left,) = extract(text)
    assert (left.span, left.attributed_to) == ("204", "Ministry of Emergencies")


def test_a_caravan_that_leaves_a_town_is_people_leaving():
    (went,) = extract("Mexico: New migrant caravan of thousands leaves Tapachula for the U.S.")
    assert (went.term, went.measure) == ("left", "flow")
    (hurt,) = extract("Cyclone leaves 25 dead in Fiji")
    assert hurt.term == "died"


def test_tolls_of_people_who_lost_their_lives_and_of_a_list_of_places():
    (title,) = extract(
        "Flood disaster: Number of people who lost their lives in 3 cities rise to 70"
    )
    assert (title.span, title.term) == ("70", "died")
    (lead,) = extract(
        "The number of people who lost their lives in the flood disasters in Kastamonu, Sinop "
        "and Bartın increased to 70."
    )
    assert (lead.span, lead.term) == ("70", "died")
    homeless, toll = extract(
        "The death toll in floods which left thousands homeless in the Malian capital, Bamako, "
        "has risen to 34, officials said."
    )
    assert [(c.span, c.term) for c in (homeless, toll)] == [
        ("thousands", "displaced"),
        ("34", "died"),
    ]
    (hurt,) = extract("Eight people continue to be treated at the hospital.")
    assert hurt.term == "injured"


def test_spectators_are_counted_only_where_something_befell_them():
    text = (
        "Cisse Lancine, a local sports journalist, estimated there were between 20,000 and "
        "30,000 spectators. At least 50 spectators were killed in the crush."
    )
    (dead,) = extract(text)
    assert (dead.span, dead.term) == ("At least 50", "killed")


def test_a_country_named_only_as_the_owner_of_a_ministry_is_not_where_the_people_were():
    text = (
        "A fire raged out of control in the Cuban city of Matanzas. Cuba’s Ministry of Health "
        "reported that 121 people were injured."
    )
    (hurt,) = extract(text)
    assert (hurt.location, hurt.country_iso3) == ("Matanzas", "CUB")
    (dead,) = extract("Malawi's government said 50 people died.")
    assert (dead.location, dead.country_iso3) == ("Malawi", "MWI")  # nothing else places them


# --- Learnt from d430–d442 (the thirty-fourth part, scored once, then tuning) --------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "With an average Sudanese family comprising six members, many were left homeless.",
        "About 200 people were nearby at the time of the explosion, eyewitnesses said.",
        "The fire broke out at 3 a.m., with around 500 people packed inside the small venue.",
        "Emergency teams have carried out dozens of rescues.",
        "The storm affected dozens of infrastructures (37 schools affected).",
        "The Khovd river has been above flood stage (2.40m) since late June.",
        "Roads were buried by mud as high as 1 to 4 m.",
        "Masud Ghadipasha said 384 burial permits had already been issued.",
        "Its millions of volunteers are active in over 181 countries.",
    ],
)
def test_household_sizes_people_present_rescues_and_lengths_are_no_figures(sentence):
    assert extract(sentence) == []


def test_media_reports_speak_as_written_and_an_agencys_dash_is_no_part_of_the_speaker():
    found = extract("According to media reports, 3 people have died in Verkhovyna District.")
    assert [c.attributed_to for c in found] == ["media reports"]
    (dead,) = extract(
        "Jakarta, MINA – Indonesian National Search And Rescue Agency (Basarnas) on Monday "
        "reported 21 people died due to flash floods."
    )
    assert dead.attributed_to == "Indonesian National Search And Rescue Agency (Basarnas)"


# --- Learnt from d443–d455 (the thirty-fifth part, scored once, then tuning) ---------------------


def test_the_openings_place_places_counts_in_a_story_that_never_names_its_country():
    text = (
        "Tragedy has again struck Kasese District as flash floods, triggered by the Nyamwamba "
        "River bursting its banks, swept through the valley.\n\n"
        "The disaster has seen the river sweep through 13 villages, leaving two people dead.\n\n"
        "The Uganda Red Cross reported that the affected villages include Kitoro Cell."
    )
    (dead,) = extract(text)
    assert (dead.location, dead.country_iso3) == ("Kasese District", "UGA")


def test_a_months_short_name_is_no_place():
    (hit,) = extract(
        "Guatemala was devastated by the passing of hurricanes Eta and Iota in Nov. 2020, when "
        "1.7 million people were affected."
    )
    assert (hit.location, hit.country_iso3) == ("Guatemala", "GTM")


def test_houses_damaged_house_nobody_and_a_bullets_dash_is_no_part_of_the_speaker():
    (hit,) = extract(
        "- The Indonesian National Board for Disaster Management (BNPB) reports 11,650 affected "
        "people and eight houses severely damaged across Pasuruan Regency."
    )
    assert (hit.term, hit.measure) == ("affected", "flow")
    assert hit.attributed_to == "Indonesian National Board for Disaster Management (BNPB)"
    (hurt,) = extract("He added that more than 60 people needed urgent hospitalisation.")
    assert hurt.term == "injured"


def test_missing_feared_dead_are_dead_and_a_places_people_present_are_no_figures():
    (dead,) = extract("Mudslide buries Philippine villages; 1,500 missing, feared dead")
    assert (dead.span, dead.term) == ("1,500", "died")
    for sentence, spans in (
        (
            "Only jumbles of steel were left to show that the community of some 2,500 people "
            "ever existed.",
            [],
        ),
        ("About 100 people also were visiting the village for a women's group meeting.", []),
        (
            "Thousands of people are fleeing the town of Titao (population of 155,000).",
            ["Thousands"],
        ),
    ):
        assert [c.span for c in extract(sentence)] == spans
    (hosted,) = extract(
        "Two villages were inundated, and about 3,000 evacuees were at a municipal hall."
    )
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_a_relief_agency_after_its_says_speaks():
    (dead,) = extract("Floods kill 24 in Ghana, says relief agency")
    assert (dead.location, dead.attributed_to) == ("Ghana", "relief agency")


def test_displace_in_the_present_and_a_toll_following_heavy_rains():
    (moved,) = extract("Flood waters displace hundreds and threaten world heritage site of Shibam.")
    assert moved.term == "displaced"
    (dead,) = extract(
        "The death toll from floods sweeping through southwestern Yemen following heavy rains has "
        "risen to 49, officials have said."
    )
    assert (dead.span, dead.term, dead.attributed_to) == ("49", "died", "officials")


def test_people_kidnapped_or_taken_by_rebels_are_no_figures():
    found = extract(
        "Violent attacks have resulted in the killing of at least 335 civilians, while several "
        "dozen are reported kidnapped."
    )
    assert [c.span for c in found] == ["at least 335"]
    assert extract("Apparently eight members of the community have been taken by the rebels.") == []


def test_an_atoll_is_a_place_and_evacuations_are_evacuating():
    (left,) = extract("While in Arno atoll, 36 homes were damaged with 246 people displaced.")
    assert (left.location, left.country_iso3) == ("Arno atoll", "MHL")
    moved, _ = extract(
        "Besides 4,430 evacuations, Leon reported that 25 people were moved to shelters."
    )
    assert (moved.span, moved.term) == ("4,430", "evacuated")


# --- Learnt from d456–d481 (the thirty-sixth and thirty-seventh parts, scored once, then tuning) -


def test_a_country_before_the_body_that_speaks_there_is_the_place():
    found = extract(
        "Flash floods hit several communities in Costa Rica, El Salvador, Guatemala, Honduras and "
        "Nicaragua from 5 to 18 October , In El Salvador Civil Protection reported 15 people "
        "injured and six dead.",
        date(2018, 12, 11),
    )
    assert [(c.location, c.country_iso3, c.attributed_to) for c in found] == [
        ("El Salvador", "SLV", "Civil Protection")
    ] * 2


def test_places_named_together_take_the_country_an_earlier_sentence_names():
    text = (
        "Floods hit Costa Rica, El Salvador, Guatemala, Honduras and Nicaragua.\n\n"
        "In Honduras, the rains have caused flooding and landslides across the country. Most "
        "damage has been reported in Francisco Morazán, Valle, and Choluteca departments, where "
        "a red alert was issued by the government. 12,076 people have been affected by the floods."
    )
    (affected,) = extract(text, date(2018, 12, 11))
    assert (affected.location, affected.country_iso3) == ("Honduras", "HND")
    # (and none where the earlier sentence names another country)
    (affected,) = extract(text.replace("In Honduras", "In Guatemala"), date(2018, 12, 11))
    assert affected.country_iso3 is None


def test_a_titles_counts_over_two_countries_take_the_places_the_lead_gives_them():
    text = (
        "More Floods in Haiti and Dominican Republic – 5 Dead, 3,000 Displaced\n\n"
        "At least 5 people have died in Haiti, over 3,000 people have been displaced in the "
        "Dominican Republic and hundreds of homes damaged in Nicaragua after heavy rain."
    )
    found = extract(text)
    assert [(c.span, c.country_iso3) for c in found] == [
        ("5", "HTI"), ("3,000", "DOM"), ("At least 5", "HTI"), ("over 3,000", "DOM")
    ]  # fmt: skip


def test_a_country_and_its_neighbour_named_together_place_no_count():
    found = extract(
        "Cyclone Remal kills 10 in Bangladesh, India\n\n"
        "At least 10 people were killed in Bangladesh and neighboring India due to Cyclone Remal."
    )
    assert [(c.span, c.country_iso3) for c in found] == [("10", None), ("At least 10", None)]


def test_people_hosted_from_a_country_are_not_placed_there_and_a_day_first_dateline():
    text = (
        "RAS AJDIR, 14 March 2011 (IRIN) - A bus eventually took him to Choucha transit camp, "
        "25km from the frontier town of Ras Ajdir.\n"
        "Currently 17,000 people live at Choucha camp, 10,000 from Bangladesh."
    )
    hosted, part = extract(text)
    assert (hosted.location, hosted.country_iso3) == ("Choucha camp", "TUN")
    assert (part.location, part.country_iso3) == ("Choucha camp", "TUN")
    assert hosted.period_end == date(2011, 3, 14)  # the dateline's day, day first


def test_people_who_fled_fighting_in_a_capital_left_that_capital():
    (fled,) = extract(
        "A UNHCR team arrived in the Cameroon border town of Kousséri and estimates that up to "
        "20,000 people have crossed the river border with Chad since Saturday to escape fighting "
        "in the Chadian capital of N'Djamena."
    )
    assert (fled.location, fled.country_iso3) == ("N'Djamena", "TCD")


def test_a_title_led_by_the_country_people_fled_to_places_them_where_they_left():
    (fled,) = extract("Ghana: Hundreds of Togolese Flee to Ghana\n\nThe story goes on.")
    assert (fled.location, fled.country_iso3) == ("Togo", "TGO")
    assert fled.place_note == "the country that “Togolese” names"  # (the word, not the words after)


def test_a_country_is_more_specific_than_its_world_region():
    (dead,) = extract(
        "It was the deadliest quake in South America since one in Colombia in 1999 killed more "
        "than 1,000 people."
    )
    assert (dead.location, dead.country_iso3) == ("Colombia", "COL")


def test_most_of_whom_in_a_country_leaves_the_count_to_the_region():
    (dead,) = extract(
        "Tropical Storm Amanda has killed at least 20 people in Central America, most of whom in "
        "El Salvador, as it swept across several countries."
    )
    assert (dead.location, dead.country_iso3) == ("Central America", None)


def test_a_quotation_glued_to_the_sentence_before_is_read_apart():
    text = (
        "In El Salvador, officials said some 7,000 people have taken refuge in 154 shelters as "
        'torrential rain damaged roads."We have 15 people dead and seven missing," El Salvador '
        "Interior Minister Mario Duran told reporters on Monday."
    )
    hosted, dead = extract(text)
    assert (hosted.attributed_to, hosted.country_iso3) == ("officials", "SLV")
    assert (dead.term, dead.attributed_to) == (
        "died", "El Salvador Interior Minister Mario Duran"
    )  # fmt: skip


def test_a_ministry_of_another_country_than_the_datelines_places_its_own_count():
    text = (
        "KAN, Kyrgyzstan — A powerful earthquake killed at least 14 people in Central Asia’s "
        "densely populated Ferghana Valley on Wednesday.\n"
        "Uzbekistan’s Emergency Situations Ministry said 86 people were treated for injuries."
    )
    region, hurt = extract(text, date(2011, 7, 20))
    assert (region.location, region.country_iso3) == ("Central Asia", None)
    assert (hurt.location, hurt.country_iso3) == ("Uzbekistan", "UZB")


def test_a_toll_that_includes_counts_and_across_the_nation_named_before():
    text = (
        "Devastating floods in South America\n\n"
        "More than 170,000 people have been evacuated across South America and at least 10 people "
        "have died due to devastating floods.\n\n"
        "The toll includes four people in Brazil, two in Argentina and four in Paraguay.\n\n"
        "A state of emergency has been declared in eight regions of Paraguay, with river levels in "
        "the capital of Asuncion reaching their highest peak since 1992.\n\n"
        "Though more than 140,000 people have evacuated across the nation, many Paraguayans were "
        "reluctant to leave their homes."
    )
    found = extract(text)
    assert [(c.span, c.term, c.country_iso3) for c in found] == [
        ("More than 170,000", "evacuated", None), ("at least 10", "died", None),
        ("four", "died", "BRA"), ("two", "died", "ARG"), ("four", "died", "PRY"),
        ("more than 140,000", "evacuated", "PRY"),
    ]  # fmt: skip


def test_the_west_coast_of_a_country_is_a_part_of_it_as_written():
    (moved,) = extract(
        "Following renewed hostilities on the west coast of Yemen, IOM’s Displacement Tracking "
        "Matrix (DTM) estimates that more than 1,000 households (HHs) were displaced between 11 "
        "and 14 November 2021."
    )
    assert (moved.location, moved.country_iso3) == ("west coast of Yemen", "YEM")


def test_the_town_before_its_name_and_its_population_in_brackets():
    text = (
        "On June 28th, parts of the town Dorohoi (with a population of about 30,000 inhabitants), "
        "county Botosani, in the north-east of the country got flooded. About 1,700 persons have "
        "been evacuated from their houses, 6 persons died in the town."
    )
    found = extract(text, date(2010, 7, 9))
    assert [(c.span, c.location) for c in found] == [("About 1,700", "Dorohoi"), ("6", "Dorohoi")]


def test_parts_of_a_toll_across_a_governorate():
    found = extract(
        "In Tunisia, according to media reports, there are three fatalities, of which two across "
        "Kasserine Governorate and one in the Tunis City area."
    )
    assert [(c.span, c.term, c.location) for c in found] == [
        ("three", "died", "Tunisia"),
        ("two", "died", "Kasserine Governorate"),
        ("one", "died", "Tunis City area"),
    ]


def test_what_aid_or_a_site_could_serve_is_no_figure():
    assert extract("These supplies will be enough for 14,000 refugees.") == []
    assert extract("The site in Maltam could host up to 100,000 people and has wells.") == []
    (hosted,) = extract("The site in Maltam hosts 10,000 people.")
    assert hosted.term == "hosted"


def test_people_placed_in_a_camp_are_hosted_and_more_villages_are_another_subject():
    people, families = extract(
        "The majority of inhabitants (546 people, 168 families) are placed in an emergency camp "
        "of 34 tents, others are settled with their friends."
    )
    assert [(c.term, c.unit) for c in (people, families)] == [
        ("hosted", "people"), ("hosted", "households")
    ]  # fmt: skip
    (hit,) = extract(
        "At least 23,000 people have been affected by floods and more villages are still being "
        "reported daily."
    )
    assert (hit.term, hit.measure) == ("affected", "flow")


def test_floods_that_affect_thousands_and_shortages_for_thousands():
    _, hit = extract("Papua New Guinea floods, landslides kill at least 23, affect thousands")
    assert hit.term == "affected"
    _, short = extract(
        "Landslides have caused about two dozen deaths over the past week while king tides have "
        "brought on fresh water and food shortages for thousands of people in coastal areas."
    )
    assert (short.span, short.term) == ("thousands", "affected")


def test_one_life_claimed_one_dead_in_a_title_and_one_man_in_a_country_died():
    dead, moved = extract(
        "Heavy flooding in northern Ghana's Upper West region claimed one life and displaced "
        "hundreds, officials confirmed Saturday."
    )
    assert (dead.span, dead.term, dead.attributed_to) == ("one", "died", "officials")
    assert moved.attributed_to == "officials"  # (the floods claimed; the officials confirmed)
    dead, _ = extract("One dead, hundreds displaced by flooding in northern Ghana")
    assert (dead.span, dead.term) == ("One", "died")
    (dead,) = extract("One man in Tajikistan died after jumping from his window.")
    assert (dead.term, dead.country_iso3) == ("died", "TJK")


def test_people_who_found_shelter_are_hosted():
    (hosted,) = extract(
        "In Buruienesti about 100 persons found shelter in a Caritas social center."
    )
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_a_town_some_kms_away_is_not_the_figures_place():
    (fled,) = extract(
        "This followed an attack last Friday on the village of Awatche, some 25 kms from Bambari, "
        "which forced some 900 people to flee."
    )
    assert fled.location == "Awatche"


def test_an_island_the_gazetteer_reads_elsewhere_in_the_country_after_it():
    (dead,) = extract(
        "The waves that roared inland on Santa Cruz Island, in the eastern Solomons on Wednesday "
        "were too fast to outrun for five elderly villagers, who died."
    )
    assert (dead.location, dead.country_iso3) == ("Santa Cruz Island", "SLB")


def test_la_palma_is_the_canary_island():
    (moved,) = extract("As many as 800 more residents evacuated in La Palma as lava approaches")
    assert (moved.location, moved.country_iso3) == ("La Palma", "ESP")


def test_a_telephone_number_is_no_figure():
    assert (
        extract("People have been asked to contact a hotline number (0255101115) for help.") == []
    )
    (moved,) = extract("About 1255101 people were moved.")  # (no zero first: a count)
    assert moved.estimate.best == 1255101


def test_people_who_marched_are_no_figure():
    assert extract("About 200 people marched along a road in the village of Imzouren.") == []
    (moved,) = extract("About 200 people fled along a road in the village of Imzouren.")
    assert moved.term == "fled"


# --- Learnt from d482–d507 (the thirty-eighth and thirty-ninth parts, scored once, then tuning) --


def test_a_short_name_in_brackets_is_the_place_before_it_not_a_country():
    text = (
        "A total of 2,452,738 individuals were affected in Ilocos (Region 1), Cordillera "
        "Administrative Region (CAR), and National Capital Region (NCR). The death toll stood at "
        "25 while 13 were still missing: eight in CAR."
    )
    found = extract(text, date(2023, 8, 1))
    assert [(c.span, c.country_iso3) for c in found][:2] == [("2,452,738", "PHL"), ("25", "PHL")]
    assert {c.country_iso3 for c in found} == {"PHL"}
    # (the country itself, where the document means it)
    (killed,) = extract("Fighting killed 25 people in the Central African Republic (CAR).")
    assert killed.country_iso3 == "CAF"


def test_a_city_dateline_gives_its_country_to_a_story_that_names_none():
    text = (
        "PESHAWAR: The Provincial Disaster Management Authority of Khyber Pakhtunkhwa issued "
        "details of causalities.\n\nThe deceased include four men, three women, and four children, "
        "according to PDMA."
    )
    found = extract(text, date(2025, 6, 27))
    assert [(c.span, c.country_iso3) for c in found] == [
        ("four", "PAK"), ("three", "PAK"), ("four", "PAK")
    ]  # fmt: skip
    assert "PESHAWAR:" in found[0].place_note
    # (a word in capitals that is no city's gives nothing)
    found = extract(text.replace("PESHAWAR:", "UPDATE:"), date(2025, 6, 27))
    assert {c.country_iso3 for c in found} == {None}


def test_a_disasters_place_the_gazetteer_lacks_is_a_place():
    (died, injured) = extract(
        "It released an initial damage report, confirming that landslides and flash floods in "
        "Swat have claimed 11 lives and injured 6 people.",
        date(2025, 6, 27),
    )
    assert (died.location, injured.location) == ("Swat", "Swat")
    # (not a word of a title that goes on after a country's name)
    (evacuated,) = extract("Mudflows in Kyrgyzstan Lead to Evacuation of 1,300 People")
    assert evacuated.location == "Kyrgyzstan"


def test_a_place_before_a_local_government_area_is_a_town_of_the_storys_country():
    text = (
        "The killings in Benue State have continued with over 200 persons killed yesterday in "
        "Yelwata, Guma Local Government Area of the state.\n\nTwo soldiers were also killed in a "
        "separate attack in Guma LGA."
    )
    found = extract(text, date(2025, 6, 15))
    assert [(c.location, c.country_iso3) for c in found] == [
        ("Yelwata", "NGA"), ("Guma LGA", "NGA")
    ]  # fmt: skip


def test_officers_who_passed_away_are_counted():
    (died,) = extract(
        "At least two Guardia Civil officers passed away when their barracks were flooded in "
        "Paiporta.",
        date(2024, 10, 30),
    )
    assert (died.span, died.term, died.location) == ("At least two", "died", "Paiporta")


def test_a_number_that_is_part_of_a_name_is_no_figure():
    found = extract(
        "On May 27, Humanity 1 rescued approximately one hundred migrants from two boats."
    )
    assert [c.span for c in found] == ["approximately one hundred"]
    # (a title's capitalised verb before its count is no name)
    assert [c.span for c in extract("Floods Kill 12 In Kenya")] == ["12"]


def test_places_listed_after_a_cue_share_its_role():
    text = (
        "A series of migrant arrivals occurred on the island of Lampedusa between May 27 and 28 "
        "2024.\n\nLater that same day, 93 more migrants arrived on the island. This group, which "
        "included two women and 117 minors, claimed to be from Egypt, Sudan, Syria, and Tunisia."
        "\n\nThe night of May 28 saw an additional 143 migrants reaching Lampedusa. The coast "
        "guard brought a body to Lampedusa."
    )
    found = extract(text)
    assert [(c.span, c.location) for c in found if c.span in ("two", "117")] == [
        ("two", "Lampedusa"), ("117", "Lampedusa")
    ]  # fmt: skip


def test_a_title_with_its_offices_words_speaks_where_no_one_is_named():
    found = extract(
        "At least 26 people have been killed and dozens more injured in wildfires that devastated "
        "14 districts of northern Algeria on Wednesday, the interior minister said."
    )
    assert [c.attributed_to for c in found] == ["interior minister"] * 2
    # (a title alone names one of an office the text does not name: as written, d175, d600)
    (killed,) = extract("At least 26 people have been killed in wildfires, a spokesman said.")
    assert killed.attributed_to == "a spokesman"
    (killed, homeless) = extract(
        "At least 13 people have been killed and 15,096 others have been left homeless by flash "
        "floods in Kilwa, an official said on Saturday."
    )
    assert killed.attributed_to == homeless.attributed_to == "an official"
    # (but not a possessive's: "its spokesman" speaks for what the text named before)
    (killed,) = extract("At least 26 people have been killed in wildfires, its spokesman said.")
    assert killed.attributed_to is None


def test_an_according_to_that_names_no_one_leaves_the_speaker_to_the_verb():
    found = extract(
        "According to an earlier toll, four people in Souk Ahras had suffered burns and 41 others "
        "had breathing difficulties, authorities said."
    )
    assert [c.attributed_to for c in found] == ["authorities"] * len(found)
    assert found
    (affected,) = extract(
        "According to preliminary evaluations, reported in the flash update, 228,000 people were "
        "affected."
    )
    assert affected.attributed_to is None


def test_the_speaker_before_a_clause_of_which_and_a_present_confirm():
    (rescued,) = extract(
        "The Kenya Red Cross, which is leading in the mission said their desk had recorded 110 "
        "as rescued."
    )
    assert rescued.attributed_to == "Kenya Red Cross"
    (fled,) = extract(
        "Local crisis committees in southeast confirm some 11,280 people have fled fighting in "
        "Ubari."
    )
    assert fled.attributed_to == "Local crisis committees in southeast"


def test_people_a_place_has_with_a_participle_after_are_what_it_says():
    (affected,) = extract(
        "The department of Likouala has approximately 34,543 people affected (Bétou, Epéna and "
        "Dongou districts)."
    )
    assert (affected.term, affected.measure) == ("affected", "flow")
    (hosted,) = extract("The camp has 34,543 people.")
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_affected_before_places_is_their_adjective_not_the_verb():
    (hosted,) = extract(
        "“About 600 families in affected villages are living in tents in their yards,”"
    )
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_people_who_spend_the_night_in_schools_are_hosted():
    (hosted,) = extract(
        "Thousands of tourists had to spend the night in schools, sports halls and on ferries."
    )
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_there_were_reports_that_says_nothing_of_a_stock():
    (displaced,) = extract(
        "After the city centre was retaken, there were reports that a further 1,500 people were "
        "displaced."
    )
    assert displaced.measure == "flow"
    (displaced,) = extract("There were 78,000 displaced people in the city.")
    assert displaced.measure == "stock"


def test_a_known_place_before_what_is_there_after_in_a():
    (died,) = extract(
        "Five people died in an unnamed Paiporta nursing home and one person is missing.",
        date(2024, 10, 30),
    )
    assert (died.location, died.country_iso3) == ("Paiporta", "ESP")


def test_a_count_nothing_places_takes_the_part_of_the_country_the_figure_before_names():
    text = (
        "Mudslides in Kyrgyzstan destroyed at least 900 homes in southern Kyrgyzstan, and killed "
        "at least 12 people in southern Kyrgyzstan.\n\nAbout 600 families are living in tents in "
        "their yards."
    )
    found = extract(text, date(2008, 1, 30))
    assert found[-1].span == "About 600"
    assert (found[-1].location, found[-1].country_iso3) == ("southern Kyrgyzstan", "KGZ")
    assert "the figure before" in found[-1].place_note


def test_a_province_whose_name_starts_with_a_direction_is_not_a_part_of_a_country():
    (injured,) = extract(
        "West Azerbaijan governor Mohammad Sadegh Motamedian said 816 people were injured.",
        date(2023, 1, 29),
    )
    assert (injured.location, injured.country_iso3) == ("West Azerbaijan", "IRN")


def test_the_country_on_the_other_side_of_a_border_is_not_the_figures():
    found = extract(
        "A 5.9-magnitude earthquake hit northwestern Iran overnight, killing at least three people "
        "and injuring more than 800 in the region near the border with Turkey.",
        date(2023, 1, 29),
    )
    assert {(c.location, c.country_iso3) for c in found} == {("northwestern Iran", "IRN")}


def test_a_country_named_by_its_peoples_word_is_filed_under_its_name():
    (killed,) = extract(
        "Monday morning marked the outbreak of the hostilities, triggered by Thai F-16 airstrikes "
        "following Bangkok's accusation that Phnom Penh launched a border attack that killed one "
        "soldier."
    )
    assert (killed.location, killed.country_iso3) == ("Thailand", "THA")


def test_one_person_perishing_is_a_death():
    (died,) = extract(
        "The Emergency Operations Center has reported additional fatalities, with one person "
        "perishing in Higüey, after being swept away by floodwaters."
    )
    assert (died.span, died.term, died.location) == ("one", "died", "Higüey")


def test_a_toll_that_brings_the_number_killed_to_a_small_count():
    (killed,) = extract(
        "Wednesday’s toll brings the total number of people killed by wildfires this summer to 30."
    )
    assert (killed.span, killed.term) == ("30", "killed")
    assert extract("The number of schools closed rose to 30.") == []


def test_people_reported_missing_on_a_day_are_no_figure():
    assert (
        extract("A total of 76 people were Tuesday morning reported missing after the floods.")
        == []
    )


def test_land_in_rai_is_no_count_of_people():
    found = extract(
        "A total of 9 districts have experienced flooding 53,209 households and 14,138 rai of "
        "agricultural land has been damaged."
    )
    assert [c.span for c in found] == ["53,209"]


def test_people_counted_by_the_families_they_came_from():
    (died,) = extract(
        "Flash floods have left 73 people trapped, with 17 from two families from Punjab "
        "confirmed drowned in Fizagat, Deputy Commissioner said.",
        date(2025, 6, 27),
    )
    assert (died.span, died.term) == ("17", "died")
    # (the same people in households are a figure of their own)
    found = extract("The DMC said that 27,621 persons from 7,526 families have been displaced.")
    assert [c.span for c in found] == ["27,621", "7,526"]


def test_people_internally_displaced_are_of_the_country_their_peoples_word_names():
    (displaced,) = extract(
        "Population displacement has rapidly increased across the country since 2017. Today, "
        "over 170 000 Burkinabe citizens are internally displaced.\n\nAt least 4 500 persons have "
        "left Central Mali looking for safety in Burkina Faso’s volatile Nord Region.\n\nMALI\n\n"
        "Since the end of 2017, UNHCR has been informed of movements into Mali.",
        date(2019, 6, 5),
    )[:1]
    assert (displaced.term, displaced.location, displaced.country_iso3) == (
        "displaced", "Burkina Faso", "BFA"
    )  # fmt: skip


def test_families_composed_of_individuals_share_the_verb_after():
    found = extract(
        "The NDRRMC said that a total of 668,974 families composed of 2,452,738 individuals were "
        "affected by Egay."
    )
    assert [(c.span, c.unit, c.term) for c in found] == [
        ("668,974", "households", "affected"), ("2,452,738", "people", "affected")
    ]  # fmt: skip


# --- Learnt from d508–d533 (the fortieth and forty-first parts, scored once, then tuning) -------


def test_a_countrys_own_spokesman_speaks_of_it_where_a_briefing_city_does_not():
    text = (
        "Floods in Poland and the Czech Republic have killed at least 32 people, officials said."
        "\n\nIn Poland, civil defense spokesman Captain Leszek Korpus said 20,000 had been "
        "evacuated."
    )
    evacuated = extract(text, date(1997, 7, 10))[-1]
    assert (evacuated.span, evacuated.location, evacuated.country_iso3) == (
        "20,000", "Poland", "POL"
    )  # fmt: skip
    # (a city where a spokesman briefs is no place of the counts)
    (fled,) = extract(
        "In Geneva, Switzerland, UNHCR spokesman Babar Baloch said that more than 3,300 people "
        "had fled Mali."
    )
    assert fled.location == "Mali"


def test_a_short_name_of_a_place_the_document_named_is_that_place():
    text = (
        "Medical staff move a patient of the IMSS Hospital in Tula de Allende, Hidalgo state, "
        "Mexico.\n\nMore than 40 other patients in the public hospital in the town of Tula were "
        "evacuated by emergency service workers."
    )
    (evacuated,) = extract(text, date(2021, 9, 7))
    assert (evacuated.location, evacuated.country_iso3) == ("Tula", "MEX")
    assert "Tula de Allende" in evacuated.place_note
    # (alone, Tula is Russia's city)
    (alone,) = extract("More than 40 patients were evacuated in the town of Tula.")
    assert alone.country_iso3 == "RUS"


def test_a_name_written_without_its_article_is_not_read_as_the_place_that_has_one():
    from tracker.places import lookup

    assert [p.country_iso3 for p in lookup("El Oro")][0] == "ECU"
    assert [p.country_iso3 for p in lookup("Oro")][0] == "PNG"
    (died,) = extract(
        "More than 70 people have been reported dead in Oro Province.",
        date(2007, 11, 20),
        title="Tropical Cyclone GUBA Hits Oro Province, PNG",
    )
    assert died.country_iso3 == "PNG"
    (arrived,) = extract(
        "According to Libyan authorities, some 65,000 Sudanese have arrived in Kufra."
    )
    assert (arrived.location, arrived.country_iso3) == ("Kufra", "LBY")


def test_people_who_sought_refuge_in_a_country_fled_the_one_they_came_from():
    (fled,) = extract(
        "At least 35,000 people from Nigeria have sought refuge in Cameroon from repeated Boko "
        "Haram attacks.",
        date(2019, 2, 7),
    )
    assert (fled.term, fled.measure, fled.location) == ("fled", "flow", "Nigeria")
    (seeking,) = extract(
        "Attacks have led to at least 35,000 people from Nigeria seeking refuge in Cameroon."
    )
    assert (seeking.term, seeking.location) == ("fled", "Nigeria")
    # (a shelter they sought refuge in is where they are)
    (hosted,) = extract("Some 2,000 people sought refuge in the Sacred Heart school.")
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_a_citation_in_brackets_with_its_day_in_figures_names_the_source():
    text = (
        "At least 35,000 people from Nigeria have sought refuge in Cameroon (ACF 31/01/2019; UN "
        "News 01/02/2019). Rann was home to a camp housing up to 80,000 IDPs (UN News 22/01/2019)."
    )
    fled, hosted = extract(text, date(2019, 2, 7))
    assert (fled.attributed_to, hosted.attributed_to) == ("ACF", "UN News")


def test_a_comma_glued_to_a_word_and_a_date_without_its_space():
    (treated,) = extract(
        "Since the fires broke out Wednesday,864 people have received medical treatment, the "
        "health minister said.",
        date(2021, 8, 1),
    )
    assert (treated.span, treated.term) == ("864", "injured")
    found = extract(
        "August 1,2021 The death toll from wildfires in southern Turkey rose to eight.",
        date(2021, 8, 1),
    )
    assert [c.span for c in found] == ["eight"]
    # (a footnote's mark glued to a grouped number is still read off it)
    (affected,) = extract("BNGRC reported around 433,9851 people affected by the cyclone.")
    assert affected.span == "around 433,985"


def test_people_taken_to_another_part_of_a_town_or_to_safe_areas_were_evacuated():
    (taken,) = extract(
        "Over 1,100 residents were taken to another part of Bodrum aboard nearly 20 boats, "
        "mayor Ahmet Aras said."
    )
    assert (taken.term, taken.measure) == ("evacuated", "flow")
    (moved,) = extract(
        "The Iranian Red Crescent transported 500 people to safe areas after the flood and "
        "landslides affected the Imamzadeh Davoud."
    )
    assert moved.term == "evacuated"


def test_the_parts_of_a_toll_in_brackets_keep_its_term():
    found = extract(
        "AFAD reports 39 people dead (35 in Elazig, 4 in Malatya Province) and more than 1,600 "
        "injured.",
        date(2020, 1, 27),
    )
    assert [(c.span, c.term) for c in found] == [
        ("39", "died"), ("35", "died"), ("4", "died"), ("more than 1,600", "injured")
    ]  # fmt: skip
    # (a part in brackets with a verb of its own keeps it)
    found = extract("The storm killed 12 people (10 died in Galle, 2 were injured in Matara).")
    assert found[-1].term == "injured"


def test_another_count_after_a_count_of_buildings_and_magnitudes_are_no_figures():
    found = extract(
        "The Ministry has confirmed 205 buildings have collapsed and another 3,047 are damaged. "
        "21 aftershocks of more than 4 M have been reported in the area.",
        date(2020, 1, 27),
    )
    assert found == []
    (displaced,) = extract("Some 205 houses were destroyed and another 3,047 people are displaced.")
    assert displaced.span == "3,047"


def test_a_toll_from_a_disaster_named_in_six_words_and_the_missing_are_no_toll():
    found = extract(
        "The DMC said that the death toll from last week's devastating floods and landslides "
        "reached 202, with 96 people still missing. The rains in Tehran province triggered "
        "landslides, killing 7 people and missing 14 others.",
        date(2017, 5, 31),
    )
    assert [(c.span, c.term) for c in found] == [("202", "died"), ("7", "killed")]


def test_heads_of_families_are_households_and_people_staying_in_a_building_are_hosted():
    found = extract(
        "As a result of the eruption of Mount Ruang, 272 heads of families or 828 people were "
        "displaced, with details of 45 people being in the Tagulandang District BPU building and "
        "783 people being in the homes of friends and relatives.",
        date(2024, 4, 17),
    )
    assert [(c.span, c.unit, c.term, c.measure) for c in found] == [
        ("272", "households", "displaced", "flow"),
        ("828", "people", "displaced", "flow"),
        ("45", "people", "hosted", "stock"),
        ("783", "people", "hosted", "stock"),
    ]


def test_several_others_still_missing_are_other_people_than_the_dead():
    (died,) = extract(
        "At least 10 people have been confirmed dead and several others are still missing after "
        "floods wreaked havoc in eastern Uganda."
    )
    assert (died.term, died.measure) == ("died", "flow")


def test_a_towns_former_population_and_fires_still_burning_are_no_figures():
    found = extract(
        "According to Ukrinform, 5,000 people from Vovchansk district have been evacuated. "
        "Vovchansk, which had a population of almost 17,000 before the full-scale invasion, came "
        "under Russian occupation. More than 40,000 hectares had been destroyed by the 191 still "
        "active fires in Chile’s central-south region.",
        date(2024, 5, 14),
    )
    assert [c.span for c in found] == ["5,000"]


def test_a_key_figures_source_on_the_line_under_it_is_its_source():
    text = (
        "Highlights\n\n4,333 Households affected\nSource: CDEMA Situation Report No.3\n\n800 "
        "Persons evacuated\nSource: Source: CDEMA Situation Report No.1\n\nSituation Overview"
    )
    found = extract(text, date(2018, 10, 24))
    assert [(c.span, c.attributed_to) for c in found] == [
        ("4,333", "CDEMA Situation Report No.3"), ("800", "CDEMA Situation Report No.1")
    ]  # fmt: skip


def test_a_count_each_in_several_places_is_one_figure_for_each_place():
    found = extract(
        "Five people were killed in Ganjam while three each were killed in Puri and Balasore "
        "districts, two in Nayagarh and one each in Jagatsinghpur, Khurda and Bhadrak."
    )
    assert [(c.span, c.location, c.country_iso3) for c in found] == [
        ("Five", "Ganjam", "IND"), ("three", "Puri", "IND"), ("three", "Balasore", "IND"),
        ("two", "Nayagarh", "IND"), ("one", "Jagatsinghpur", "IND"), ("one", "Khurda", "IND"),
        ("one", "Bhadrak", "IND"),
    ]  # fmt: skip
    # (after a place with its word of place, too)
    found = extract(
        "Khalifi said that seven people died in Tata province and two each in Tiznit and "
        "Errachidia due to severe storms."
    )
    assert [(c.span, c.location, c.term) for c in found] == [
        ("seven", "Tata province", "died"), ("two", "Tiznit", "died"), ("two", "Errachidia", "died")
    ]  # fmt: skip


def test_people_swept_away_died_and_houses_swept_away_are_no_figure():
    found = extract(
        "The Ministry said that one person was swept away by floods in Takilsa and 2 people near "
        "Bou Argoub. The agency said more than 100 houses were seriously damaged and 42 were "
        "swept away, while four roads were damaged."
    )
    assert [(c.span, c.term) for c in found] == [("one", "died"), ("2", "died")]
    # (people after a count of houses are people)
    (killed,) = extract("More than 100 houses were destroyed and 42 were killed.")
    assert (killed.span, killed.term) == ("42", "killed")


def test_the_parts_of_a_toll_after_a_semicolon_are_figures_of_their_places():
    found = extract(
        "The authorities confirmed that two people have died; one in the Western and one in the "
        "Northern Division."
    )
    assert [(c.span, c.term) for c in found] == [("two", "died"), ("one", "died"), ("one", "died")]
    assert found[-1].location == "Northern Division"


def test_another_count_after_a_count_of_homes_or_roads_counts_the_same_things():
    found = extract(
        "The government reported that 84 homes were destroyed and another 180 affected. The "
        "damage includes 37,108 collapsed homes and 27,920 that were left inhabitable. At least "
        "18 main roads were closed and another dozen were only partially open."
    )
    assert found == []
    (displaced,) = extract("Some 84 homes were destroyed and another 180 people were displaced.")
    assert displaced.span == "180"


def test_people_missing_in_quotes_and_households_reached_by_aid_are_no_figures():
    found = extract(
        'Two days after this deluge, the firefighters still counted eight people "missing". The '
        "distributions of essential household items reached 4,074 households."
    )
    assert found == []
    # (people a toll reached are)
    (died,) = extract("The death toll reached 202 on Wednesday.")
    assert died.span == "202"


def test_a_total_of_damaged_houses_and_people_per_toilet_are_no_figures():
    found = extract(
        "Houses partially damaged totaled 4,019 while 1,594 houses were completely destroyed. "
        "Based on the figures Sezer presented, about 83 people use the same toilet and shower."
    )
    assert found == []
    (displaced,) = extract("The displaced totaled 4,019 people.")
    assert displaced.span == "4,019"


def test_counts_based_on_an_assessment_by_a_body_are_the_assessments():
    found = extract(
        "Based on the assessment conducted by CoES and Tajikistan Red Crescent Society, 170 "
        "households were reported as affected by the event, comprising 256 families or 1,890 "
        "people."
    )
    assert {c.attributed_to for c in found} == {
        "assessment conducted by CoES and Tajikistan Red Crescent Society"
    }
    # (what it was based on names no one: no speaker)
    (affected,) = extract("Based on preliminary reports, 170 households were affected.")
    assert affected.attributed_to is None


def test_people_found_dead_and_the_injured_after_the_killed_in_words_are_figures():
    found = extract(
        "Tiloeva said the tremors killed three children and seriously injured 19. One person was "
        "found dead in Gorgol after being washed away, according to the CCPSSA."
    )
    assert [(c.span, c.term) for c in found] == [
        ("three", "killed"), ("19", "injured"), ("One", "died")
    ]  # fmt: skip
    # (bodies found are no toll)
    assert extract("Six bodies have been found.") == []


def test_spains_regions_named_in_english_are_spains_under_a_title_of_france():
    found = extract(
        "According to authorities, 13 people died: five in Valencia, four in Catalonia, two in "
        "Andalusia, one in the central region of Castile and Leon, and another one in Asturias.",
        date(2020, 1, 24),
        title="Storm Gloria: Death toll rises to 13, over 1 500 evacuated in France",
    )
    assert {(c.location, c.country_iso3) for c in found if c.span in ("four", "two")} == {
        ("Catalonia", "ESP"), ("Andalusia", "ESP")
    }  # fmt: skip


# --- Learnt from d534–d543 (the forty-second to forty-fifth parts, scored once, then tuning) -----


def test_a_title_cased_headline_ends_its_place_at_a_word_that_links_clauses():
    text = (
        "Uruguay – Evacuations in Artigas After River Overflows\n\n"
        "As of 13 April, 2017, the total number of people displaced in that department stood at "
        "1,675."
    )
    (displaced,) = extract(text, title="Uruguay – Evacuations in Artigas After River Overflows")
    assert (displaced.location, displaced.country_iso3) == ("Artigas", "URY")
    # ("Death Toll From Storm in Northern Greece Rises to Seven": a region, with its direction)
    title = "Death Toll From Storm in Northern Greece Rises to Seven"
    hurt = extract(f"{title}\n\nThe government said 23 people remained hospitalized.", title=title)[
        -1
    ]
    assert (hurt.span, hurt.location, hurt.country_iso3) == ("23", "Northern Greece", "GRC")


def test_people_housed_at_a_named_school_are_placed_at_it():
    text = (
        "According to the CDC, 12 persons including eight children are currently being housed at "
        "the Kwakwani Primary School, while six persons including five children are being "
        "accommodated at the Kwakwani Secondary School hostel."
    )
    got = [(c.span, c.term, c.location) for c in extract(text, date(2021, 6, 2))]
    assert got == [
        ("12", "hosted", "Kwakwani Primary School"),
        ("eight", "hosted", "Kwakwani Primary School"),
        ("six", "hosted", "Kwakwani Secondary School hostel"),
        ("five", "hosted", "Kwakwani Secondary School hostel"),
    ]


def test_a_small_town_abroad_is_read_in_the_one_country_a_story_names():
    text = (
        "Floods in Jordan kill 11\n\nTo the east, three people were killed near Dabaa on the "
        "Desert Highway, one of Jordan’s three main north-south arteries."
    )
    killed = extract(text, date(2018, 11, 11), title="Floods in Jordan kill 11")[-1]
    assert (killed.span, killed.location, killed.country_iso3) == ("three", "Dabaa", "JOR")


def test_a_place_said_to_lie_in_a_region_is_the_place_of_the_counts():
    (affected,) = extract(
        "In some localities of Telimele, a prefecture located in lower Guinea, around 1,700 "
        "people have been affected by the violent storms and the heavy rains.",
        date(2015, 8, 12),
    )
    assert (affected.location, affected.country_iso3) == ("Telimele", "GIN")


def test_water_sources_calls_and_an_areas_population_are_no_figures():
    assert extract("In addition, 685 water sources have been destroyed by the floods.") == []
    assert extract("Recent census estimates the population of this area at 238,134 people.") == []
    assert (
        extract(
            "The fire department said it had received more than 1,200 calls for assistance "
            "throughout northern Greece."
        )
        == []
    )
    # (households that lost their dwellings are displaced)
    (lost,) = extract("4,925 households have lost their dwellings in the six prefectures.")
    assert (lost.term, lost.unit) == ("displaced", "households")


def test_the_dead_from_several_countries_are_placed_where_they_died():
    text = (
        "Storm kills seven in Greece\n\nSix of the dead were tourists: two each from Russia, the "
        "Czech Republic and Romania."
    )
    dead = extract(text, date(2019, 7, 11), title="Storm kills seven in Greece")[1:]
    assert dead and all(c.country_iso3 == "GRC" for c in dead)


def test_a_camp_home_to_people_who_fled_hosts_them():
    (hosted,) = extract(
        "The camp is home to nearly 23,000 Yazidis who fled their homes in 2014.",
        date(2023, 2, 5),
    )
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_parts_of_a_toll_with_their_country_in_brackets_and_a_total_across_countries():
    text = (
        "Media report, as of 15 July, 15 fatalities across both countries, of which eight in the "
        "Namangan Region (Uzbekistan) and seven in the Aksy District (Kyrgyzstan)."
    )
    got = [
        (c.span, c.location, c.country_iso3, c.attributed_to)
        for c in extract(text, date(2021, 7, 15))
    ]
    assert got == [
        ("15", None, None, "Media"),
        ("eight", "Namangan Region", "UZB", "Media"),
        ("seven", "Aksy District", "KGZ", "Media"),
    ]


def test_a_total_before_its_parts_after_a_colon_is_no_parts_place():
    got = extract(
        "On Friday the number of fatalities reached 13: five in Valencia, four in Catalonia, "
        "two in Andalusia and two in Murcia.",
        date(2020, 1, 24),
    )
    assert [(c.span, c.location) for c in got][:2] == [("13", "Spain"), ("five", "Valencia")]
    # (a province an earlier sentence names, which holds the parts, is the total's)
    text = (
        "Massinga, Jangamo and Morrumbene are the worst affected districts in Inhambane "
        "province. A total of 9 deaths have been confirmed: 1 in Massinga, 2 in Jangamo and 6 in "
        "Morrumbene."
    )
    total = extract(text, date(2017, 2, 16))[0]
    assert (total.span, total.country_iso3) == ("9", "MOZ") and "Inhambane" in total.location


def test_a_delegate_named_beside_a_province_service_speaks_of_the_town_named():
    got = extract(
        "On Tuesday, Alvaro Farfan, the Cundinamarca fire department delegate, confirmed that an "
        "avalanche of mud and water left at least six dead, six injured and several missing in "
        "the town of Quetame.",
        date(2023, 7, 19),
    )
    assert [(c.span, c.location, c.attributed_to) for c in got] == [
        ("at least six", "Quetame", "Alvaro Farfan"),
        ("six", "Quetame", "Alvaro Farfan"),
    ]


def test_a_place_named_in_another_is_the_finer_one():
    (killed,) = extract(
        "The UN's humanitarian office said that Friday floods in the Maqbnah district in Taiz "
        "city killed 15 people.",
        date(2024, 8, 14),
    )
    assert (killed.location, killed.country_iso3) == ("Maqbnah district", "YEM")
    # (not where a relative clause goes on from the wider place)
    text = (
        "Dozens of people wander through the Bayrakli neighborhood in Izmir, where hours earlier "
        "an earthquake shook the Turkish coast, causing at least 24 deaths in the city."
    )
    assert extract(text, date(2020, 10, 31))[-1].location == "Izmir"


def test_a_titles_place_of_the_event_it_names_places_the_counts():
    title = "Iran revises down death toll from Kerman attacks to 84"
    hurt = extract(f"{title}\n\nThe minister put the number of the injured at 284.", title=title)
    assert [(c.span, c.location, c.country_iso3) for c in hurt] == [
        ("84", "Kerman", "IRN"), ("284", "Kerman", "IRN")
    ]  # fmt: skip
    title = "Philippines Zamboanga siege survivors feel forgotten"
    (killed,) = extract(f"{title}\n\nSome 100 rebels were killed.", title=title)
    assert (killed.location, killed.country_iso3) == ("Zamboanga", "PHL")
    # (a volcano's or a river's name before the disaster is no place of people)
    title = "Koshi flood ebbs; rescuers search for missing in Bihar"
    (hit,) = extract(f"{title}\n\nMore than one million people were affected.", title=title)
    assert hit.location == "Bihar"


def test_a_clause_led_by_a_place_the_gazetteer_lacks_and_its_count_is_placed_there():
    text = (
        "Nepal Earthquake\n\nIn Jajarkot, 105 people died. Meanwhile, in the neighboring Rukum "
        "West, 38 individuals lost their lives, and 85 more were wounded."
    )
    got = [(c.span, c.location, c.country_iso3) for c in extract(text, date(2023, 11, 4))]
    assert got[1:] == [("38", "Rukum West", "NPL"), ("85", "Rukum West", "NPL")]
    # (a word that leads a clause is no place: "In addition, 38 people died")
    (died,) = extract("Floods hit Nepal. In addition, 38 people died.", date(2023, 11, 4))
    assert died.location == "Nepal"


def test_a_generic_province_after_a_countrys_possessive_is_that_countrys():
    (died,) = extract("Floods in Rwanda’s Western Province killed 18 people.", date(2023, 5, 3))
    assert (died.location, died.country_iso3) == ("Western Province", "RWA")
    (died,) = extract("Floods in Sri Lanka’s Western Province killed 18 people.", date(2023, 5, 3))
    assert died.country_iso3 == "LKA"


# --- Learnt from d544–d559 (the forty-sixth and forty-seventh parts, scored once, then tuning) --


def test_evacuees_listed_by_their_centre_are_hosted_there_in_the_country_of_the_bodies_named():
    text = (
        "As of this afternoon the NDMO has activated six evacuation centers, which is occupying 73 "
        "households and 312 individuals in the Western Division.\n\nThey are Andrews Primary "
        "School with 183 evacuees, Saioni Church with 33 evacuees, and Nalele Community Hall with "
        "69 evacuees.\n\nThe Fiji Red Cross have also supplied dignity kits.\n\n“You may call 917 "
        "if you require assistance in evacuation from flood prone areas.”"
    )
    got = [(c.span, c.term, c.location, c.country_iso3) for c in extract(text, date(2024, 12, 27))]
    assert got == [
        ("73", "hosted", "Western Division", "FJI"),
        ("312", "hosted", "Western Division", "FJI"),
        ("183", "hosted", "Andrews Primary School", "FJI"),
        ("33", "hosted", "Saioni Church", "FJI"),
        ("69", "hosted", "Nalele Community Hall", "FJI"),
    ]  # (and 917, a telephone's number, is none)


def test_families_with_individuals_share_the_verb_and_place_after_them():
    text = (
        "Of the total individuals displaced, 132 families with 426 individuals have taken refuge "
        "in displacement centres of Mueda, and 45 families with 187 individuals have taken refuge "
        "in displacement centres of Metuge."
    )
    got = [(c.span, c.unit, c.term, c.location) for c in extract(text, date(2024, 2, 7))]
    assert got == [
        ("132", "households", "hosted", "Mueda"),
        ("426", "people", "hosted", "Mueda"),
        ("45", "households", "hosted", "Metuge"),
        ("187", "people", "hosted", "Metuge"),
    ]


def test_a_count_after_an_including_aside_has_its_own_verb():
    got = extract(
        "Four people died, including three children, and about 30 suffered minor injuries.",
        date(2019, 6, 11),
    )
    assert [(c.span, c.term) for c in got] == [
        ("Four", "died"), ("three", "died"), ("about 30", "injured")
    ]  # fmt: skip
    # (a list that goes on inside the aside keeps the whole's verb)
    got = extract(
        "Some 5,000 people, including 1,398 in Pernier, 1,239 in Carrefour and 900 in Jacmel, "
        "have been displaced.",
        date(2019, 6, 11),
    )
    assert {c.term for c in got} == {"displaced"} and len(got) == 4


def test_who_fired_is_no_place_and_the_hurt_after_a_verb_are_counted():
    text = (
        "UNRWA condemns an attack on an UNRWA school in Maghazi sheltering approximately 1,000 "
        "Internally Displaced Persons (IDPs). The shelter was struck by explosive ordnance "
        "believed to have been fired by Israel, which injured one IDP. Al-Aqsa Hospital in Deir "
        "El Baleh was also reportedly shelled, killing five people and wounding at least 70."
    )
    got = [(c.span, c.term, c.location, c.country_iso3) for c in extract(text, date(2014, 7, 22))]
    assert got == [
        ("approximately 1,000", "hosted", "Maghazi", "PSE"),
        ("one", "injured", "Maghazi", "PSE"),
        ("five", "killed", "Deir El Baleh", "PSE"),
        ("at least 70", "injured", "Deir El Baleh", "PSE"),
    ]


def test_a_count_in_brackets_right_after_a_place_is_that_places():
    text = (
        "Support has been delivered to refugee camps in Flores, with the largest concentrations "
        "in Konga Village (1,219 people), Bokang Village (606 people), and Hokeng Village (647 "
        "people), Indonesia's minister said."
    )
    got = [(c.span, c.location) for c in extract(text, date(2024, 11, 6))]
    assert got == [
        ("1,219", "Konga Village"), ("606", "Bokang Village"), ("647", "Hokeng Village")
    ]  # fmt: skip


def test_a_speaker_after_a_day_and_people_who_lost_lives():
    (died,) = extract(
        "On 21 July 2022 Niger Civil Protection reported a total of 17 fatalities.",
        date(2022, 9, 10),
    )
    assert died.attributed_to == "Niger Civil Protection"
    (died,) = extract(
        "Floods have taken their toll on the population of Niger, where as many as 168 people "
        "have lost lives.",
        date(2022, 9, 10),
    )
    assert (died.term, died.measure) == ("died", "flow")


def test_a_capitals_dateline_is_the_desks_and_the_story_the_countrys():
    text = (
        "San Salvador, Nov. 1 (EFE) – The rains of Tropical Storm Pilar in El Salvador left 3 "
        "dead, government authorities reported.\n\nJosué García, director of shelters, said "
        "that more than 550 people are in shelters, including 172 minors."
    )
    got = [(c.span, c.location, c.country_iso3) for c in extract(text, date(2023, 11, 1))]
    assert got[1:] == [("more than 550", "El Salvador", "SLV"), ("172", "El Salvador", "SLV")]


def test_a_city_named_to_say_where_a_town_lies_is_not_the_counts_place():
    got = extract(
        "In Kumanovo, northeast from Skopje, over 200 households were flooded.", date(2003, 1, 17)
    )
    assert [(c.span, c.location) for c in got] == [("over 200", "Kumanovo")]
    # (nor are towns and villages people)
    assert extract("More than 176 town and villages have been affected by floods.") == []


def test_refugees_who_lost_everything_in_a_camp_fire_are_displaced():
    (lost,) = extract(
        "UNHCR said 12,000 Rohingya refugees “lost everything again” after more than 2,000 "
        "shelters were destroyed.",
        date(2023, 3, 6),
    )
    assert (lost.term, lost.measure) == ("displaced", "flow")


def test_a_time_of_day_before_its_day_does_not_end_the_sentence():
    (died,) = extract(
        "A total of 18 people have died from wildfires as of 9 a.m. Wednesday, according to the "
        "Central Disaster and Safety Countermeasures Headquarters.",
        date(2025, 3, 26),
    )
    assert died.attributed_to == "Central Disaster and Safety Countermeasures Headquarters"
    # (a time that ends a sentence still ends it)
    got = extract("The fire started at 9 a.m. The blaze killed 5 people, police said.")
    assert [(c.span, c.attributed_to) for c in got] == [("5", "police")]


def test_as_per_an_offices_update_names_the_office():
    got = extract(
        "As per DMC’s update of 23 December, 19,072 families have been affected and 2 deaths "
        "have also been reported.",
        date(2019, 12, 23),
    )
    assert {c.attributed_to for c in got} == {"DMC"}
    # (figures released on a day name no one)
    (hosted,) = extract(
        "The number of people living in shelters has reached 80,826, as per figures released "
        "Monday.",
        date(2024, 5, 14),
    )
    assert hosted.attributed_to is None


def test_a_speaker_who_pointed_out_and_a_report_of_this_sunday():
    got = extract(
        "Calvimontes pointed out that in total there are 43 deaths and 5,542 families evacuated.",
        date(2024, 3, 8),
    )
    assert {c.attributed_to for c in got} == {"Calvimontes"}
    (died,) = extract(
        "The Government of Bolivia reported this Sunday that there are already 43 deaths.",
        date(2024, 3, 8),
    )
    assert died.period_end == date(2024, 3, 3)


def test_a_town_of_two_countries_is_read_in_the_province_named_after_it():
    (hurt,) = extract(
        "Fourteen people were injured in Mpanda, Bubanza, after heavy rain on 21 January.",
        date(2020, 1, 30),
    )
    assert (hurt.location, hurt.country_iso3) == ("Mpanda", "BDI")


# --- Learnt from d576–d582 (the fiftieth and fifty-first parts, scored once, then tuning) --------


def test_a_headline_opening_with_a_common_word_is_not_a_town_named_the_same():
    # "The Village" is a Florida town; "Village to be moved" is a headline's first word
    (moved,) = extract(
        "Village to be moved after landslide\n\nMore than 500 villagers have been moved to "
        "makeshift tents.",
        date(2013, 1, 14),
    )
    assert (moved.location, moved.country_iso3) == (None, None)


def test_a_reports_dated_heading_gives_its_place_and_several_places_are_its_province():
    got = extract(
        "Far North Region Situation Report (August 1-31, 2022).\n\n"
        "• About 3,836 households are affected by the floods.\n\n"
        "• Approximately 1,281 new households newly displaced due to insecurity in Mayo-Tsanaga "
        "and Logone et Chari",
        date(2022, 10, 4),
    )
    assert [(c.location, c.country_iso3) for c in got] == [("Far North Region", "CMR")] * 2
    # (a heading that is a sentence stays one: no title, no place)
    (affected,) = extract(
        "Floods were reported (see the map of 2022).\n\nAbout 3,836 households are affected.",
        date(2022, 10, 4),
    )
    assert affected.location is None


def test_a_flow_of_water_in_cubic_metres_is_not_a_count_of_people():
    got = extract(
        "The spills reached their peak on 22 September with a flow of 1200 m3 / s which dropped "
        "to 320 m3 on 26 September 2017, and about 700,000 cubic metres were released.",
        date(2017, 10, 2),
    )
    assert got == []


def test_a_tea_estate_is_a_place_of_the_district_named_before_and_centres_accommodate():
    got = extract(
        "A severe landslide occurred in Meeriyabedda area in Badulla District on 29 October "
        "2014. The impact of landslide affected around 330 people of 57 families in Ampitikanda "
        "tea estate.\n\nAs of 30th October 2014 these two centers accommodate 522 people.",
        date(2014, 10, 31),
    )
    assert [(c.location, c.country_iso3) for c in got[:2]] == [
        ("Ampitikanda tea estate", "LKA")
    ] * 2
    assert (got[2].term, got[2].measure) == ("hosted", "stock")


def test_people_given_shelter_to_or_harboured_are_hosted():
    got = extract(
        "The department is still providing shelter to 931 households. The 15 camps in Karonga "
        "are harbouring 530 families.",
        date(2020, 3, 23),
    )
    assert [(c.term, c.measure) for c in got] == [("hosted", "stock")] * 2


def test_a_city_written_as_a_name_before_a_dash_is_a_dateline():
    # Blantyre is Malawi's, far larger than Scotland's
    (hosted,) = extract(
        "Blantyre — The department is still providing shelter to 931 households in the "
        "country's three districts.",
        date(2020, 3, 23),
    )
    assert hosted.country_iso3 == "MWI"
    # (a word that is no city is no dateline)
    (hosted,) = extract(
        "Flooding — The department is still providing shelter to 931 households.",
        date(2020, 3, 23),
    )
    assert hosted.country_iso3 is None


def test_late_december_and_january_this_year_are_their_months():
    late, january = extract(
        "Over 257 households were affected by floods in Nkhotakota late December, 2019 and in "
        "January this year, rains left 2,068 households displaced in Karonga.",
        date(2020, 3, 23),
    )
    assert (late.period_start, late.period_end) == (date(2019, 12, 1), date(2019, 12, 31))
    assert (january.period_start, january.period_end) == (date(2020, 1, 1), date(2020, 1, 31))


def test_a_lady_of_68_is_one_killed_not_68():
    got = extract(
        "One lady of 68 was killed, three people were injured, and 101 refugees were left "
        "homeless.",
        date(2013, 12, 29),
    )
    assert [(c.span, c.term) for c in got] == [
        ("One", "killed"), ("three", "injured"), ("101", "displaced")
    ]  # fmt: skip


def test_an_assessment_that_indicates_is_no_speaker():
    (affected,) = extract(
        "Most recent assessment from Mae La refugee camp indicates that 57 houses were destroyed "
        "by the fire, affecting over 750 refugees.",
        date(2013, 12, 29),
    )
    assert affected.attributed_to is None
    # (an agency's assessment names its agency)
    (affected,) = extract(
        "UNHCR said its assessment indicates that over 750 refugees were affected.",
        date(2013, 12, 29),
    )
    assert affected.attributed_to == "UNHCR"


def test_dozens_of_fire_engines_are_no_people():
    assert extract("The fire was put out using helicopters and dozens of fire engines.") == []


def test_people_who_have_been_moved_to_tents_are_evacuated_and_who_moved_arrived():
    (moved,) = extract("More than 500 villagers have been moved to makeshift tents.")
    assert moved.term == "evacuated"
    (went,) = extract("More than 330 people among the survivors moved to the town.")
    assert went.term == "arrived"


def test_two_counts_of_one_noun_share_it():
    got = extract("Nkhotakota and Mchinji camps are home to 181 and 220 households respectively.")
    assert [(c.span, c.unit) for c in got] == [("181", "households"), ("220", "households")]


def test_counts_given_respectively_take_the_places_in_their_order():
    got = extract(
        "Nkhotakota and Mchinji camps are home to 181 and 220 households respectively.",
        date(2020, 3, 23),
    )
    assert [c.location for c in got] == ["Nkhotakota", "Mchinji"]
    got = extract(
        "Gayan and Barmal districts of Paktika were the most affected, with at least 238 and 500 "
        "deaths, respectively."
    )
    assert [(c.location, c.country_iso3) for c in got] == [("Gayan", "AFG"), ("Barmal", "AFG")]
    # (without "respectively", the counts are the place's together)
    got = extract("Gayan and Barmal districts of Paktika had 238 and 500 deaths.")
    assert {c.location for c in got} == {"Paktika"}


# --- Learnt from d583–d598 (the fifty-second and fifty-third parts, scored once, then tuning) ----


def test_a_decrease_of_n_is_a_difference_and_a_month_no_town():
    got = extract(
        "The department reports 23,884 people displaced by floods, a decrease of 14,432 "
        "individuals from 2 August (38,316 people affected on that date).",
        date(2013, 8, 5),
    )
    assert [c.span for c in got] == ["23,884", "38,316"]
    assert got[1].location is None  # not August, California


def test_people_relocated_in_camps_or_with_relatives_are_hosted():
    got = extract(
        "In Mon State, the figure dropped to 1,857 people relocated in three camps. In Rakhine "
        "State, only 39 people continue to be relocated with relatives in Minbya.",
        date(2013, 8, 5),
    )
    assert [(c.term, c.measure) for c in got] == [("hosted", "stock")] * 2
    # (people who have been relocated somewhere were moved there)
    (moved,) = extract("A first group of 81 asylum-seekers have been relocated in southern Malawi.")
    assert (moved.term, moved.measure) == ("evacuated", "flow")


def test_places_that_continue_to_report_are_no_speaker_and_a_body_that_does_is_one():
    (displaced,) = extract(
        "In the Ayeyawady region, Tharbaung and Maubin townships continue to report 1,079 people "
        "displaced in safer places.",
        date(2013, 8, 5),
    )
    assert displaced.attributed_to is None
    (displaced,) = extract("The Red Cross continues to report 1,079 people displaced.")
    assert displaced.attributed_to == "Red Cross"


def test_people_still_missing_in_a_district_or_whose_condition_is_not_known_are_no_figure():
    got = extract(
        "Some 52 people in the district are still missing, he said. One person has come back, "
        "but the condition of nine others is not known.",
        date(2006, 8, 29),
    )
    assert [c.span for c in got] == []
    # (people rescued from under the rubble are counted)
    (rescued,) = extract("Three people were rescued from under the rubble.")
    assert rescued.span == "Three"


def test_a_clause_led_by_a_month_is_led_by_no_place():
    (killed,) = extract(
        "In May, as many as six people were killed in gunfire exchanges between tribes in Enga.",
        date(2018, 11, 29),
    )
    assert killed.location == "Enga"


def test_n_or_more_is_at_least_n_and_official_statistics_are_no_speaker():
    died, hurt = extract("At least 5 people have died, with a further 180 or more injured.")
    e = hurt.estimate
    assert (e.low, e.best, e.high, e.qualifier) == (180, 180, None, "at_least")
    (hosted,) = extract(
        "Official statistics indicated that the areas shelter more than 2 million displaced people."
    )
    assert hosted.attributed_to is None


def test_one_person_who_reportedly_died_is_counted():
    (died,) = extract(
        "Areas of Tarija saw record rain. One person reportedly died in the flooding."
    )
    assert (died.span, died.term) == ("One", "died")


def test_a_number_grouped_by_spaces_before_a_comma_is_one_number():
    got = extract("The total number of IDPs has now reached 700 000, with 527 263 in Gedeo.")
    assert [c.estimate.best for c in got] == [700_000, 527_263]
    # (a comma and a digit after it still end no such number: "1 200,500" is no count of 1,200)
    assert extract("Some 1 200,500 people fled.") == []


def test_others_destroyed_after_houses_are_houses():
    got = extract(
        "Over 2,218 houses were totally destroyed with 3,743 others destroyed and 40 people "
        "displaced."
    )
    assert [c.span for c in got] == ["40"]


def test_families_living_near_a_road_whose_homes_were_hit_are_affected_not_hosted():
    (hit,) = extract(
        "The dwellings of about 164 families living nearby an international road were also "
        "damaged or destroyed."
    )
    assert (hit.term, hit.measure) == ("affected", "flow")


def _holds_a_reporting_word(sentence: str) -> bool:
    # _speaker's quick check for a sentence all in ASCII
    words = sentence.encode().translate(x._LETTERS_ALONE).split()
    return not x._REPORTING_WORDS.isdisjoint(words)


_REPORTING_SAMPLE = [*x.REPORTING_VERBS, "reporter", "Said", "_said", "said2", "UN", "people"]
_MARKS = [" ", ", ", ".", "\n", '"', "-", "(", "_", "5", "'"]


@given(st.lists(st.tuples(st.sampled_from(_MARKS), st.sampled_from(_REPORTING_SAMPLE)), max_size=6))
def test_a_sentence_without_a_reporting_word_has_no_reporting_verb(pairs):
    text = "".join(mark + word for mark, word in pairs) + "."
    if text.isascii() and not _holds_a_reporting_word(text):
        assert x._REPORTING.search(text) is None


def test_the_dev_sets_sentences_without_a_reporting_word_have_no_reporting_verb():
    from tests.devset.score import load_documents

    for text in [r["text"] for r in load() + load_documents()]:
        for sentence in [text, *re.split(r"(?<=[.!?])\s+", text)]:
            if sentence.isascii() and not _holds_a_reporting_word(sentence):
                assert x._REPORTING.search(sentence) is None


def test_a_footnote_after_a_number_starts_with_a_character_isdigit_reads_as_one():
    # _is_not_a_figure asks after[:1].isdigit() before the match's groups and _FOOTNOTE: every
    # character _FOOTNOTE starts with (\d, a decimal digit in any script) is one str.isdigit says
    # is a digit.
    digit = re.compile(x._FOOTNOTE.pattern.removeprefix("^")[:2])
    assert digit.pattern == r"\d"
    assert all(chr(c).isdigit() for c in range(sys.maxunicode + 1) if digit.match(chr(c)))


@given(
    _texts_of(["missing", "Missing", "unaccounted", "population of", "people", "5,000", "of"], 8),
    st.integers(-5, 80),
    st.integers(-5, 80),
)
def test_the_words_looked_for_before_a_number_are_looked_for_in_the_sentence_first(text, a, b):
    # _is_not_a_figure looks for "issing", "ccounted" and "population of" in the whole sentence
    # before it looks for them in the window before a number: a word in a window of the sentence
    # is in the sentence.
    for word in ("issing", "ccounted", "population of"):
        if text.find(word, max(0, a), b) >= 0:
            assert word in text


def _verbs_searched_one_after_another(verbs: re.Pattern, text: str) -> list:
    # as _find_verb reads a window's verbs: each searched for from the end of the one before
    chain, hit = [], verbs.search(text)
    while hit is not None:
        assert hit.end() > hit.start()  # (a verb is never empty: the next search moves on)
        chain.append((hit.span(), hit.lastgroup))
        hit = verbs.search(text, hit.end())
    return chain


@given(_texts_of(VERB_WORDS_SAMPLE, 12))
def test_verbs_searched_from_the_end_of_the_one_before_are_those_finditer_finds(text):
    lowered = text.lower()
    for verbs, read in ((x._VERB, text), (x._VERB_LOWER, lowered), (x._VERB_LOWER_ASCII, lowered)):
        assert _verbs_searched_one_after_another(verbs, read) == [
            (m.span(), m.lastgroup) for m in verbs.finditer(read)
        ]


def test_the_dev_sets_verbs_searched_one_after_another_are_those_finditer_finds():
    from tests.devset.score import load_documents

    for text in [r["text"] for r in load() + load_documents()]:
        for verbs, read in ((x._VERB, text), (x._VERB_LOWER, text.lower())):
            assert _verbs_searched_one_after_another(verbs, read) == [
                (m.span(), m.lastgroup) for m in verbs.finditer(read)
            ]


# --- Learnt from d599–d605 (the fifty-fourth and fifty-fifth parts, scored once, then tuning) ----


def test_a_short_name_in_brackets_made_of_the_initials_before_it_is_no_place():
    # "KIRA" is Kira, Uganda, in the gazetteer: here the assessment’s short name, so the
    # title’s Kenya gives the country of the Tana Delta
    got = extract(
        "Tana Delta: 352 households were displaced by the clashes.",
        date(2013, 1, 4),
        title="Tana Delta Renewed Clashes: Inter Agency Kenya Initial Rapid Assessment (KIRA) "
        "Preliminary Findings",
    )
    assert [(c.location, c.country_iso3) for c in got] == [("Tana Delta", "KEN")]
    assert x._initials_before("the Kenya Initial Rapid Assessment (", 35, "KIRA")
    assert not x._initials_before("people who fled Goma (", 20, "DRC")


def test_sites_listed_with_counts_of_households_and_people_are_each_counts_place():
    got = extract(
        "The mission visited five sites with the following statistics on displaced population; "
        "Bulanazi 34 households, 170 people, Tarasaa 352 households, 1856 people.",
        date(2013, 1, 4),
    )
    assert [(c.span, c.location) for c in got] == [
        ("34", "Bulanazi"), ("170", "Bulanazi"), ("352", "Tarasaa"), ("1856", "Tarasaa"),
    ]  # fmt: skip


def test_reports_from_a_place_are_of_what_happened_there():
    (homeless,) = extract(
        "Reports from northwest district of Magu in Mwanza region said 152 people were left "
        "homeless after 89 houses were demolished by floods on Friday.",
        date(2020, 2, 2),
    )
    assert (homeless.location, homeless.country_iso3) == ("Magu", "TZA")
    # (people who fled from a place left it, as before)
    (fled,) = extract("Some 152 people fled from the district of Magu in Mwanza region.")
    assert fled.location == "Magu"


def test_two_counts_each_in_a_place_before_their_shared_word_of_place():
    got = extract(
        "Local media reported that 282 people have been evacuated, of which 120 in the Eastern "
        "and 162 in the Central divisions.",
        date(2016, 12, 16),
    )
    assert [(c.span, c.location) for c in got][1:] == [
        ("120", "Eastern division"), ("162", "Central division"),
    ]  # fmt: skip


def test_a_speaker_before_an_aside_of_the_day_speaks():
    (evacuated,) = extract(
        "Local media, as of 16 December early morning (UTC), reported that 282 people have been "
        "evacuated.",
        date(2016, 12, 20),
    )
    assert evacuated.attributed_to == "Local media"


def test_people_in_a_shelter_in_a_list_of_counts_are_hosted_there():
    got = extract(
        "There is one death registered in San Cristobal, 773 houses affected, 3 865 people "
        "displaced, 40 people in a shelter in San Cristobal, 16 uncommunicated communities.",
        date(2018, 5, 8),
    )
    assert [(c.span, c.term, c.measure) for c in got] == [
        ("one", "died", "flow"), ("3 865", "displaced", "flow"), ("40", "hosted", "stock"),
    ]  # fmt: skip


def test_reported_before_who_people_are_is_said_of_them_by_no_one_named():
    got = extract(
        "On 14 November, a group of reported Syrian Ezidi refugees comprised of 20 families (71 "
        "individuals) arrived in KR-I from Lebanon through Erbil airport.",
        date(2024, 11, 20),
    )
    assert [c.attributed_to for c in got] == [None, None]
    # (and a body that reported speaks)
    (arrived,) = extract("UNHCR reported 71 Syrian refugees arrived through Erbil airport.")
    assert arrived.attributed_to == "UNHCR"


def test_a_count_around_the_country_is_the_countrys_and_an_open_citation_cites():
    got = extract(
        "Around 50,000 people are facing water disruptions in the Central Division as a result "
        "of damage to the water pumping stations at Fiji's Waimanu and Wainibukur. A total of "
        "2,327 people are currently being housed at 119 evacuation centres around the country. "
        "(RNZ, 22 Dec 2016",
        date(2016, 12, 23),
    )
    # (people facing water disruptions are no figure: test_people_facing_water_disruptions_…)
    assert [(c.span, c.location, c.country_iso3, c.attributed_to) for c in got] == [
        ("2,327", "Fiji", "FJI", "RNZ"),
    ]  # fmt: skip


def test_a_part_of_a_region_of_several_countries_is_one_and_gives_way_to_the_country_before():
    text = (
        "At least 10 people were killed as storms and floods hit large areas of the eastern "
        "Balkans, officials said on Monday.\n\n"
        "In neighbouring Romania, thousands of people were stranded as the flooding swept 12 "
        "counties.\n\n"
        "Three women and a man drowned in their homes there, police said."
    )
    got = extract(text, date(2005, 7, 4), title="Flood waters devastate eastern Balkans")
    assert [(c.span, c.location, c.country_iso3) for c in got] == [
        ("At least 10", "eastern Balkans", None),
        ("thousands", "Romania", "ROU"),
        ("Three", "Romania", "ROU"),
    ]


def test_one_person_injured_is_counted_and_keeps_its_verb_before_another_count():
    got = extract(
        "Three people died including a young girl, one person was injured and one person is "
        "still missing.",
        date(2018, 5, 8),
    )
    assert [(c.span, c.term) for c in got] == [("Three", "died"), ("one", "injured")]
    (hurt,) = extract("One person was wounded in the blast.")
    assert (hurt.term, hurt.measure) == ("injured", "flow")


def test_a_sum_after_dollar_and_its_currency_and_a_lines_list_marks_are_no_figures():
    assert extract("The damage stands at $FJD10.7 million, or over $US 5.3 million.") == []
    got = extract(
        "Field visits in 1)2 Old Sites where affected HH might have arrived, 2) 2 new sites where "
        "affected HH have been integrated, 3) Communities hosting affected HH and 4) displacement "
        "in Urban settings.",
        date(2013, 1, 4),
    )
    assert [c.span for c in got] == []
    # (counts in brackets after their places are no list's marks)
    got = extract("People were displaced in Kasese (1,200), Bundibugyo (300) and Kabarole (450).")
    assert [c.span for c in got] == ["1,200", "300", "450"]


def test_residents_counted_again_in_households_take_the_verb_after_both():
    got = extract(
        "The rain was so fierce that some 203,200 residents in 92,200 households in Kumamoto and "
        "Kagoshima prefectures were ordered to evacuate.",
        date(2020, 7, 5),
    )
    assert [(c.span, c.term, c.measure) for c in got] == [
        ("some 203,200", "evacuated", "flow"), ("92,200", "evacuated", "flow"),
    ]  # fmt: skip
    got = extract("About 72,317 residents in 20,192 households were affected by the quakes.")
    assert [c.term for c in got] == ["affected", "affected"]
    # (residents a place holds are still hosted there)
    (hosted,) = extract("The camp now has 12,000 residents.")
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_the_number_of_idps_that_reached_n_counts_people_displaced():
    got = extract(
        "The total number of IDPs since the eruption of violence in this region in April 2018 has "
        "now reached 700 000, with 527 263 in Gedeo and 170 467 in West Guji.",
        date(2018, 6, 19),
    )
    assert [(c.term, c.measure) for c in got] == [("displaced", "flow")] * 3
    (stock,) = extract("The number of IDPs in the camps has reached 12,000.", date(2018, 6, 19))
    assert (stock.term, stock.measure) == ("displaced", "stock")


def test_a_place_that_shelters_or_houses_people_counts_them_and_a_key_figures_label_does_not():
    (hosted,) = extract("The camp shelters more than 12,000 displaced people.")
    assert (hosted.span, hosted.term, hosted.measure) == ("more than 12,000", "hosted", "stock")
    (hosted,) = extract("The school houses 500 families.")
    assert (hosted.span, hosted.unit, hosted.term) == ("500", "households", "hosted")
    assert extract("Evacuation shelters 623\nHomes destroyed 1,484") == []


def test_reports_and_figures_of_a_body_named_in_lower_case_speak_as_written():
    got = extract(
        "The total number of IDPs has now reached 700 000, according to government reports.",
        date(2018, 6, 19),
    )
    assert [c.attributed_to for c in got] == ["government reports"]
    (killed,) = extract(
        "According to the latest government figures, 500 people have been killed.",
        date(2018, 6, 19),
    )
    assert killed.attributed_to == "latest government figures"
    # (a body's name keeps only the body)
    (killed,) = extract("According to UNHCR figures, 500 people have fled.", date(2018, 6, 19))
    assert killed.attributed_to == "UNHCR"


def test_a_body_that_estimates_after_and_speaks_and_a_long_name_beside_its_title_speaks():
    got = extract(
        "There are still 55,000 refugees in Kosovo and local authorities estimate that some "
        "40,000 are displaced in FYROM.",
        date(1999, 8, 1),
    )
    assert [c.attributed_to for c in got] == [None, "local authorities"]
    (dead,) = extract(
        "“We regret to announce that six people have been found dead as a result of the floods,” "
        "Brig Gen Dr Ali Salem Al Tunaiji, director general of the Ministry of Interior's Federal "
        "Central Operations, said on Friday.",
        date(2024, 4, 20),
    )
    assert dead.attributed_to == "Brig Gen Dr Ali Salem Al Tunaiji"


def test_a_name_with_its_small_words_before_a_bracketed_count_is_the_counts_place():
    got = extract(
        "As many as 278,748 residents, mostly in Davao Oriental (113,553) and Davao del Norte "
        "(114,580) were affected in the flood and landslide.",
        date(2022, 2, 1),
    )
    assert [(c.span, c.location, c.country_iso3) for c in got][2] == (
        "114,580", "Davao del Norte", "PHL",
    )  # fmt: skip


def test_a_neighbouring_country_is_not_the_country_a_document_names():
    text = (
        "Heavy rain and flooding that began around 24 January displaced 366 people and destroyed "
        "48 homes in Ntahangwa.\n\n"
        "Fourteen people were injured in Mpanda, Bubanza, after heavy rain on 21 January.\n\n"
        "Heavy rain recently affected parts of neighbouring Rwanda, where at least 13 people have "
        "died in floods or landslides since early February."
    )
    got = extract(text, date(2020, 2, 14))
    assert [c.country_iso3 for c in got] == [None, "BDI", "RWA"]  # (Ntahangwa is no town of Rwanda)


def test_small_counts_in_brackets_after_listed_places_are_each_places():
    got = extract(
        "People were also displaced in Bubanza (43), Musigati (25) in Bubanza Province, after 30 "
        "homes were destroyed.",
        date(2020, 2, 14),
    )
    assert [(c.span, c.term, c.location) for c in got] == [
        ("43", "displaced", "Bubanza"), ("25", "displaced", "Musigati"),
    ]  # fmt: skip
    # (a small number in brackets with no people before it is no count)
    assert extract("Floods hit Bubanza (43 mm of rain) and Musigati (25).") == []


def test_a_country_named_by_its_regions_word_is_no_place_of_its_own():
    text = (
        "Earthquakes killed three people in southeastern Tajikistan at the weekend. The "
        "earthquakes struck the Central Asian state on Saturday, and 19 people were injured in "
        "the Central Asian state."
    )
    got = extract(text, date(2021, 5, 3))
    assert [c.location for c in got] == ["southeastern Tajikistan", "southeastern Tajikistan"]
    assert {c.country_iso3 for c in got} == {"TJK"}


def test_a_massacre_named_by_its_place_places_the_toll():
    got = extract(
        "The toll from Saturday's attack has risen to 160, officials said.",
        date(2019, 3, 26),
        title="Ogossagou massacre: Mali President vows security beef-up as toll hits 160",
    )
    assert [(c.location, c.country_iso3) for c in got][-1] == ("Ogossagou", "MLI")
    # (a word saying what the quake was is no place: "Powerful earthquake strikes …")
    (dead,) = extract(
        "More than 2,000 people died.", date(2023, 10, 8),
        title="Powerful earthquake strikes western Afghanistan",
    )  # fmt: skip
    assert dead.location == "western Afghanistan"


def test_people_from_these_settlements_are_of_the_place_named_before():
    text = (
        "Yesterday, August 27, Tajikistan was subjected to heavy rains. Mudslides led to serious "
        "destruction in the cities of Dushanbe, Vakhdat and Hissar.\n\n"
        "The mixing of water and mud affected people's lives, and 13 people became victims of "
        "the disaster, the Committee for Emergency Situations told Asia-Plus.\n\n"
        "On this day at 21:15 in the territory of Vakhdat, as a result of mudslides, the rural "
        "jamoats named after N.Rozik, Simiganj, Chuyangaron and Romit suffered.\n\n"
        "More than 100 households from these settlements were temporarily evacuated to safer "
        "places."
    )
    evacuated = extract(text, date(2023, 8, 28))[-1]
    assert (evacuated.span, evacuated.location) == ("More than 100", "Vakhdat")
    assert evacuated.country_iso3 == "TJK"


# --- Learnt from d606–d616 (the fifty-sixth and fifty-seventh parts, scored once, then tuning) --


def test_a_town_that_names_a_province_of_its_country_is_not_read_in_another_country():
    text = (
        "Kong Duong blamed the flooding on water flowing from Thailand to the west.\n\n"
        "“In Pailin, we evacuated 407 families—or 1,655 people—from their homes since Saturday,” "
        "Mr. Vy said."
    )
    got = extract(text, date(2013, 10, 14))
    assert [(c.location, c.country_iso3) for c in got] == [("Pailin", "KHM")] * 2
    assert x._a_province_too(x.places.lookup("Pailin")[0])
    assert not x._a_province_too(x.places.lookup("Moyale")[0])


def test_a_headlines_place_after_its_cue_is_one_though_the_gazetteer_lacks_it():
    (dead,) = extract(
        "Two people died in the quake.",
        date(2016, 11, 15),
        title="Stranded tourists choppered out of Kaikoura",
    )
    assert dead.location == "Kaikoura"
    # (but "at Least" is none)
    (dead,) = extract(
        "Fifty people died.", date(2010, 3, 1), title="Xynthia Storm Hits France, at Least 50 Dead"
    )
    assert dead.location == "France"


def test_people_given_aid_who_are_said_to_be_displaced_are_counted():
    (displaced,) = extract(
        "UNDP has supported almost 4000 people displaced by the eruption of Mount Bagana.",
        date(2023, 9, 19),
    )
    assert (displaced.span, displaced.term) == ("almost 4000", "displaced")
    assert extract("WFP has assisted 5,000 people with food.", date(2023, 9, 19)) == []
    # (and a government is no place: "support from the Governments of Australia, …")
    assert "Governments of Australia" not in [
        m.written for m in x._place_mentions("With support from the Governments of Australia.")
    ]


def test_people_along_with_whom_others_did_something_did_it_too():
    (left,) = extract(
        "Fatima and Antonio Soares decided to leave their home along with dozens of other "
        "residents on Saturday.",
        date(2022, 3, 26),
    )
    assert (left.term, left.measure) == ("left", "flow")


def test_a_count_that_will_pass_the_n_mark_is_more_than_n():
    (refugees,) = extract(
        "The count of Congolese refugees will Tuesday pass the 50,000 mark, UNHCR staff say.",
        date(1999, 3, 9),
    )
    assert (refugees.estimate.low, refugees.estimate.high) == (50_000, None)
    assert refugees.estimate.qualifier == "more_than"


# --- Learnt from d617–d624 (the fifty-eighth part, scored once, then tuning) ---------------------


def test_places_named_together_are_the_figures_place_as_written():
    (returned,) = extract(
        "According to local authorities, some 4,000 persons have reportedly returned from "
        "Kharkiv region to Slavyansk and Kramatorsk during last seven days.",
        date(2014, 7, 18),
    )
    assert (returned.location, returned.country_iso3) == ("Slavyansk and Kramatorsk", "UKR")
    assert returned.latitude is None  # (a list of places has no one point)
    # from the list's first name, where the gazetteer reads a later one first
    (affected,) = extract(
        "More than 15,000 people were affected in Suceava, Iasi, Neamt, and Bacau.",
        date(2010, 7, 1),
    )
    assert affected.location == "Suceava, Iasi, Neamt, and Bacau"
    # (a country's name glued to its province is not one of the list)
    (fled,) = extract(
        "Thousands of people have fled Sudans South Kordofan and Blue Nile states.",
        date(2012, 5, 11),
    )
    assert fled.location == "South Kordofan and Blue Nile states"
    # (names the gazetteer lacks, or reads in another country too, and names of several words)
    text = (
        "Mass displacement has been reported from Zamzam camp near Al Fasher in North Darfur. "
        "More than 400 civilians have been killed in Zamzam and Um Kadadah in North Darfur."
    )
    (killed,) = extract(text, date(2025, 4, 15), title="Sudan: North Darfur State Flash Update")
    assert (killed.location, killed.country_iso3) == ("Zamzam and Um Kadadah", "SDN")
    (affected,) = extract(
        "Overall 17,700 people were affected in the 6 northern departments of Gracias a Dios, "
        "Colón, Atlántida, Cortés, Yoro and Islas de la Bahía.",
        date(2020, 11, 10),
        title="Honduras: Floods",
    )
    assert (
        affected.location == "Gracias a Dios, Colón, Atlántida, Cortés, Yoro and Islas de la Bahía"
    )
    # (a body's name is no list of places)
    (families,) = extract(
        "The Department of Social Welfare and Development said 10,232 families were affected.",
        date(2020, 11, 10),
        title="Philippines: Typhoon",
    )
    assert families.location == "Philippines"
    # countries named together are still no one place
    (dead,) = extract("At least 24 people died in Guatemala, El Salvador and Honduras.", None)
    assert (dead.location, dead.country_iso3) == (None, None)


def test_a_sum_after_any_currency_code_is_money():
    text = (
        "The rapid assessment estimated a total damage of LSL 4.07 million (around US$ 346,000), "
        "which comprises of LSL 2.8 million related to damage on property. At least 1,418 "
        "people were affected."
    )
    assert [c.span for c in extract(text, date(2018, 4, 4))] == ["At least 1,418"]
    # (codes that are English words are not read as money: "all 300 residents")
    (everyone,) = extract("All 300 residents were evacuated.", date(2018, 4, 4))
    assert everyone.estimate.best == 300


def test_habitations_are_no_people():
    assert extract("A total of 3,418 habitations have collapsed.", date(2008, 2, 28)) == []


def test_a_title_naming_a_country_two_share_is_the_one_the_place_lies_in():
    text = (
        "This came following an all-night downpour following which major roads in the centre of "
        "Kinshasa, a city of some 15 million people, were submerged for hours. The death toll- "
        "first estimated to be at least 55- jumped to more than 120 by night."
    )
    got = extract(text, date(2022, 12, 14), title="Congo's worst floods kills over 120")
    assert [(c.span, c.location, c.country_iso3) for c in got] == [
        ("at least 55", "Kinshasa", "COD"),
        ("more than 120", "Kinshasa", "COD"),
    ]


def test_an_unknown_places_country_is_not_the_one_across_the_border():
    (sheltered,) = extract(
        "More than 5 000 people had taken shelter in tents on higher ground at Schuckmannsburg "
        "in the north-east Caprivi region, on the border with Zambia.",
        date(2009, 4, 13),
        title="Thousands homeless after Namibia floods",
    )
    assert sheltered.country_iso3 == "NAM"


def test_a_place_the_gazetteer_lacks_in_a_named_unit_is_the_figures_place():
    (dead,) = extract(
        "The two other deaths occurred in Barhoum in Msila province, after the Soubella river "
        "burst its banks.",
        date(2023, 9, 1),
    )
    assert (dead.location, dead.country_iso3) == ("Barhoum", "DZA")
    (sheltered,) = extract(
        "More than 5 000 people had taken shelter in tents on higher ground at Schuckmannsburg "
        "in the north-east Caprivi region.",
        date(2009, 4, 13),
        title="Thousands homeless after Namibia floods",
    )
    assert (sheltered.location, sheltered.country_iso3) == ("Schuckmannsburg", "NAM")


def test_a_place_named_as_where_the_one_before_lies_is_not_the_figures():
    (dead,) = extract(
        "In Gangapur village of Banke district three people were killed as they were swept away "
        "by floods.",
        date(2017, 8, 15),
    )
    assert dead.location == "Gangapur village"
    (found,) = extract(
        "In the village of Kuma in Kumamoto, 14 people were found dead in a flooded care home.",
        date(2020, 7, 5),
    )
    assert found.location == "Kuma"
    # ("the Georgia town of Gori" is Gori)
    (fled,) = extract("Some 450 people fled the Georgia town of Gori.", date(2008, 8, 12))
    assert fled.location == "Gori"


def test_a_total_with_most_of_it_in_a_place_is_not_that_places():
    text = (
        "A total of 5,796 households have been displaced, with most IDPs in Monze (Western "
        "Province), Mumbwa (Central Province) and Kafue (Lusaka Province)."
    )
    (displaced,) = extract(text, date(2008, 2, 28), title="UNICEF Zambia: Floods situation report")
    assert (displaced.location, displaced.country_iso3) == ("Zambia", "ZMB")


def test_people_now_in_need_are_affected_not_hosted():
    (needy,) = extract(
        "At least 300 families are now in need of urgent humanitarian assistance.",
        date(2019, 11, 24),
    )
    assert (needy.term, needy.measure) == ("affected", "flow")
    # (people now in a camp are hosted there)
    (hosted,) = extract("About 2,000 people are now in Mbera camp.", date(2019, 11, 24))
    assert (hosted.term, hosted.measure) == ("hosted", "stock")


def test_helpers_named_with_capitals_are_no_figure():
    text = (
        "Around 800 people have been displaced. Around 450 Armed Forces personnel are working in "
        "the affected area."
    )
    assert [c.span for c in extract(text, date(2024, 1, 1))] == ["Around 800"]


def test_what_places_could_hold_is_no_figure():
    text = (
        "The authority said that 20 hotels have the capacity to house an additional 1,885 people, "
        "if needed. Some 900 people were evacuated."
    )
    assert [c.span for c in extract(text, date(2024, 1, 1))] == ["Some 900"]


def test_people_facing_water_disruptions_or_shortages_are_no_figure():
    assert extract("Around 50,000 people are facing water disruptions.", date(2024, 1, 1)) == []
    assert extract("About 2,400 households still face water shortages.", date(2024, 1, 1)) == []


def test_a_disaster_that_claims_a_number_claims_lives():
    (dead,) = extract("Dominican floods claim at least 363, hundreds missing", date(2004, 5, 26))
    assert (dead.span, dead.term) == ("at least 363", "died")
    # (people who claim are speakers)
    (fled,) = extract("Officials claim 5,000 people fled.", date(2004, 5, 26))
    assert fled.term == "fled"


def test_places_an_earlier_sentence_names_together_are_the_figures_as_written():
    title = "Central African Republic: Floods - Aug 2019"
    text = (
        "The city of Paoua and Poumadji village experienced floods overnight from 19 to 20 August "
        "2019. These floods caused significant material and human damage. One death and five "
        "injuries have been recorded."
    )
    got = extract(text, None, title=title)
    assert [(c.location, c.country_iso3) for c in got] == [
        ("Paoua and Poumadji village", "CAF")
    ] * 2
    # (not where most of something was: the country's, then)
    text = (
        "In Honduras, the rains have caused flooding. Most damage has been reported in Francisco "
        "Morazán, Valle, and Choluteca departments. Some 12,076 people were affected."
    )
    (affected,) = extract(text, None, title="Honduras: Floods")
    assert affected.location == "Honduras"


def test_refugees_counted_without_a_verb_are_hosted_where_they_are():
    (refugees,) = extract(
        "The total number of refugees is estimated at 15000 increasing from two weeks ago.",
        date(2018, 3, 20),
    )
    assert (refugees.term, refugees.measure) == ("hosted", "stock")
    # (and still those who fled, with the verb)
    (fled,) = extract("Some 16,000 refugees fled into Congo-Brazzaville.", date(2018, 3, 20))
    assert fled.term == "fled"


def test_a_bare_count_after_households_counts_households():
    got = extract(
        "800 families in Rangamati and 500 in Bandarban have taken refuge in emergency shelters.",
        date(2017, 6, 15),
    )
    assert [(c.span, c.unit) for c in got] == [("800", "households"), ("500", "households")]
    got = extract(
        "In particular, 12,583 families were reported displaced in the Asunción area, of which "
        "11,005 are hosted in 118 shelters.",
        date(2019, 5, 1),
    )
    assert [(c.span, c.unit) for c in got] == [("12,583", "households"), ("11,005", "households")]
    # (not people in brackets after them, nor the dead)
    got = extract(
        "A total of 3,556 households (21,336) were affected and 12 died.", date(2019, 5, 1)
    )
    assert [(c.span, c.unit) for c in got] == [
        ("3,556", "households"), ("21,336", "people"), ("12", "people")
    ]  # fmt: skip


def test_people_transferred_by_others_were_evacuated():
    (moved,) = extract(
        "As of Thursday evening, 15,500 refugees had been transferred away from the unsafe border "
        "area to the Bubukwanga transit centre.",
        date(2013, 7, 19),
    )
    assert (moved.term, moved.measure) == ("evacuated", "flow")


def test_a_war_costing_the_lives_of_people_killed_them():
    (dead,) = extract(
        "The war in the country has cost the lives of over 500,000 people.", date(2019, 1, 8)
    )
    assert (dead.term, dead.measure) == ("killed", "flow")


def test_people_someone_tried_to_save_were_not_saved():
    (stranded,) = extract(
        "Rescue teams struggled overnight to save at least 35 people stranded by the high waters.",
        date(2005, 7, 4),
    )
    assert (stranded.term, stranded.measure) == ("remain", "stock")
    # (but those they managed to save were)
    (saved,) = extract("Rescue teams had managed to save 14 people.", date(2024, 8, 10))
    assert saved.term == "evacuated"


# Learnt from d625–d631 (the fifty-ninth and sixtieth parts, scored once, then turned to tuning).


def test_a_count_in_the_country_is_the_country_all_the_documents_places_lie_in():
    text = (
        "Officials said 4,300 people have been affected by the floods in the country.\n\n"
        "Relief teams were sent to the Galle district, and more rain is expected near Trincomalee."
    )
    (affected,) = extract(text, date(2018, 10, 10))
    assert (affected.location, affected.country_iso3) == ("Sri Lanka", "LKA")
    # (but not when the places lie in two countries)
    text = text.replace("the Galle district", "Chennai")
    (affected,) = extract(text, date(2018, 10, 10))
    assert affected.country_iso3 is None


def test_a_place_above_which_something_happens_is_the_figures_place():
    (dead, evacuated) = extract(
        "Three people died and hundreds more were evacuated as the fire in the hills above "
        "Limassol spread overnight.",
        date(2025, 7, 24),
    )
    assert [(c.location, c.country_iso3) for c in (dead, evacuated)] == [("Limassol", "CYP")] * 2


def test_the_number_of_displaced_people_standing_at_a_count_is_a_stock():
    got = extract(
        "The government said the number of displaced people now stands at 4,020, against 5,300 "
        "a week ago.",
        date(2007, 5, 20),
    )
    assert [(c.span, c.term, c.measure) for c in got] == [
        ("4,020", "displaced", "stock"), ("5,300", "displaced", "stock")
    ]  # fmt: skip


def test_units_listed_after_their_plural_word_are_the_figures_place_as_written():
    (displaced,) = extract(
        "The departments of Durazno, Soriano and Treinta y Tres are the worst hit, with about "
        "9,000 people displaced.",
        date(2007, 5, 20),
    )
    assert (displaced.location, displaced.country_iso3) == (
        "Durazno, Soriano and Treinta y Tres", "URY"
    )  # fmt: skip
    # (a first name of several words, joined by a small word)
    (affected,) = extract(
        "Honduras: Floods and Landslides\n\nOverall 17,700 people were affected in the "
        "departments of Gracias a Dios, Atlántida and Cortés.",
        date(2020, 3, 2),
    )
    assert (affected.location, affected.country_iso3) == (
        "Gracias a Dios, Atlántida and Cortés", "HND"
    )  # fmt: skip


def test_the_total_number_of_everyone_is_not_the_place_the_sentence_before_names():
    text = (
        "Uruguay: Floods Situation Report\n\n"
        "In the City of Mercedes, Soriano Department, flood waters have been slower to recede. "
        "According to the authorities, the total number of displaced persons stands at 6,100."
    )
    (total,) = extract(text, date(2007, 5, 20))
    assert (total.location, total.country_iso3) == ("Uruguay", "URY")
    # (a count the sentence does not give as the total still takes it)
    (there,) = extract(text.replace(" total ", " "), date(2007, 5, 20))
    assert there.location == "City of Mercedes"


def test_people_in_square_brackets_after_households_share_their_verb():
    sentence = "An elder said 1,500 families [9,000 people] in the district have left their homes."
    got = extract(sentence, date(2010, 5, 12))
    assert [(c.span, c.unit, c.term) for c in got] == [
        ("1,500", "households", "left"), ("9,000", "people", "left")
    ]  # fmt: skip
    assert got[0].sentence == sentence  # (quoted as written)


def test_children_going_back_to_school_are_not_people_returning_home():
    got = extract(
        "There are about 12,000 displaced children, including 4,500 pupils who were able to "
        "return to school last week.",
        date(2025, 1, 28),
    )
    assert [(c.span, c.term, c.measure) for c in got] == [
        ("about 12,000", "displaced", "stock"), ("4,500", "displaced", "stock")
    ]  # fmt: skip
    # (but people who return to their villages have returned)
    (back,) = extract("Some 4,500 people were able to return to their villages.", date(2025, 1, 28))
    assert back.term == "returned"


def test_displacement_that_affects_people_displaced_them():
    (displaced,) = extract(
        "Forced displacement affects 21,000 people in the north, the agency said.",
        date(2025, 1, 28),
    )
    assert (displaced.term, displaced.measure) == ("displaced", "flow")
    # (a flood that affects them does not)
    (affected,) = extract("The floods affect 21,000 people in the north.", date(2025, 1, 28))
    assert affected.term == "affected"


def test_people_belonging_to_households_share_the_verb_after_both():
    got = extract(
        "Some 8,100 displaced persons belonging to 1,900 families have been housed in 20 "
        "relocation centres.",
        date(2018, 10, 10),
    )
    assert [(c.span, c.unit, c.term, c.measure) for c in got] == [
        ("Some 8,100", "people", "hosted", "stock"), ("1,900", "households", "hosted", "stock")
    ]  # fmt: skip


def test_the_day_a_speaker_spoke_is_not_part_of_the_speaker():
    (affected,) = extract(
        "The Disaster Management Centre yesterday announced that 5,700 persons have been "
        "affected by the floods.",
        date(2018, 10, 10),
    )
    assert affected.attributed_to == "Disaster Management Centre"


def test_a_member_of_an_office_beside_a_name_is_the_persons_title():
    (displaced,) = extract(
        "Rana Haddad, a member of the UNHCR media office, explained that 21,000 people were "
        "displaced from the camps.",
        date(2025, 1, 28),
    )
    assert displaced.attributed_to == "Rana Haddad"


def test_men_counted_after_officers_are_helpers_not_people_hit():
    got = extract(
        "Five officers and 90 men with rescue boats have been deployed, and 400 people have been "
        "affected.",
        date(2018, 10, 10),
    )
    assert [c.span for c in got] == ["400"]
    # (but civilians after them, and men who were killed, are counted)
    for sentence in ("Three officers and 12 civilians were killed.",
                     "Three officers and 12 men were killed."):  # fmt: skip
        assert "12" in [c.span for c in extract(sentence, date(2018, 10, 10))]


def test_she_indicated_is_the_person_named_before():
    text = (
        "Rana Haddad, a spokesperson for the agency, explained that 21,000 people were displaced."
        "\n\nShe indicated that there are about 9,000 displaced children."
    )
    got = extract(text, date(2025, 1, 28))
    assert [c.attributed_to for c in got] == ["Rana Haddad", "Rana Haddad"]


def test_a_body_named_in_full_before_its_acronym_is_the_speaker():
    (displaced,) = extract(
        "AMMAN, Feb. 3 (XNA) – The media office of the United Nations Relief and Works Agency for "
        "Palestine Refugees (UNRWA) stated that 21,000 refugees have been displaced.",
        date(2025, 2, 3),
    )
    assert displaced.attributed_to == (
        "The media office of the United Nations Relief and Works Agency for Palestine Refugees "
        "(UNRWA)"
    )
    # (a long subject that is no body's name still names no one)
    (displaced,) = extract(
        "The people who had lived in the camps for many years before the most recent wave of "
        "raids stated that 21,000 refugees have been displaced.",
        date(2025, 2, 3),
    )
    assert displaced.attributed_to is None


# Learnt from d632–d652 (the sixty-first to sixty-third parts, scored once, then turned to tuning).


def test_a_place_the_gazetteer_lacks_takes_the_country_through_a_place_it_also_lacks():
    (came,) = extract(
        "Over 3,000 families have shifted to Jalozai camp near Nowshera district of Khyber "
        "Pakhtunkhwa.",
        date(2014, 11, 7),
    )
    assert (came.term, came.location, came.country_iso3) == ("arrived", "Jalozai camp", "PAK")


def test_a_province_of_two_words_after_a_district_says_where_it_lies():
    for sentence in ("About 2,000 people fled to Nowshera district of Khyber Pakhtunkhwa.",
                     "About 2,000 people fled to Nowshera district, Khyber Pakhtunkhwa."):  # fmt: skip
        mentions = [(m.written, m.reading and m.reading.country_iso3)
                    for m in x._place_mentions(sentence)]  # fmt: skip
        assert mentions == [("Nowshera district", None), ("Khyber Pakhtunkhwa", "PAK")]
    # (a province of two words alone, with no place before it, is not read as one)
    assert x._place_mentions("Khyber Pakhtunkhwa officials met on Monday.") == []


def test_a_regional_state_is_a_word_of_place():
    (died,) = extract(
        "An official in Binishangul Gumz regional state said 20 civilians died in the ambush.",
        date(2022, 3, 4),
    )
    assert died.location == "Binishangul Gumz regional state"


def test_where_a_part_of_a_count_is_gives_the_country_not_the_place_of_the_whole():
    (displaced,) = extract(
        "UNHCR estimates that about half of the 40,000 people displaced since late February "
        "were in the Somali capital of Mogadishu.",
        date(2011, 4, 8),
    )
    assert (displaced.location, displaced.country_iso3) == ("Somalia", "SOM")
    # (not where all of them went: "a quarter of the 400,000 who fled … streamed into Uzbekistan")
    (fled,) = extract(
        "A quarter of the 400,000 ethnic Uzbeks who fled the violence in Osh had streamed across "
        "the border into Uzbekistan.",
        date(2010, 6, 25),
    )
    assert fled.location == "Osh"


def test_people_on_an_island_reported_missing_are_no_figure():
    got = extract(
        "The cyclone killed at least 30 people. Forty people on the island are reported missing.",
        date(2004, 3, 10),
    )
    assert [c.span for c in got] == ["at least 30"]


def test_a_disasters_victims_are_the_people_it_hit_and_those_in_centres_are_hosted():
    (hit,) = extract("The number of flood victims increased to 7,100.", date(2017, 1, 26))
    assert (hit.term, hit.measure) == ("affected", "flow")
    hosted, families = extract(
        "The number of flood victims increased to 7,100 from 2,200 families in 48 centres.",
        date(2017, 1, 26),
    )
    assert {(c.term, c.measure) for c in (hosted, families)} == {("hosted", "stock")}
    # (victims with no disaster's word before them are the dead, as before)
    (dead,) = extract("The number of victims increased to 69.", date(2017, 1, 26))
    assert dead.term == "died"


def test_families_losing_their_homes_are_displaced():
    _, lost = extract(
        "The storms resulted in 41,000 families experiencing a loss of their assets and 21,000 "
        "families losing their homes.",
        date(2019, 5, 1),
    )
    assert (lost.span, lost.term) == ("21,000", "displaced")


def test_sums_in_a_named_currency_and_people_assisted_are_no_figures():
    got = extract(
        "The Federation launched an appeal for 2 million Swiss francs to support the Red Cross "
        "in assisting 45,000 people affected by the typhoon. At least 31 people were killed.",
        date(2006, 10, 3),
    )
    assert [c.span for c in got] == ["At least 31"]
    got = extract("They pledged 5 million Canadian dollars after 40 people died.", date(2020, 1, 1))
    assert [c.span for c in got] == ["40"]


def test_a_name_the_gazetteer_lacks_after_arrived_in_is_where_people_went():
    (came,) = extract(
        "Colombia: floods and clashes\n\nIn the last month, 140 indigenous people had arrived in "
        "Charco Azul fleeing combats.",
        date(2008, 10, 24),
        title="Colombia: floods and clashes",
    )
    assert (came.location, came.country_iso3) == ("Charco Azul", "COL")
    # (not whom people fled from, nor a body's short name)
    (fled,) = extract("Colombia: clashes\n\nSome 300 people fled from Boko Haram.",
                      date(2015, 1, 1), title="Colombia: clashes")  # fmt: skip
    assert fled.location == "Colombia"


def test_a_sum_after_another_and_a_slash_is_no_figure():
    got = extract(
        "The appeal seeks 2 million Swiss francs (US$ 1.6 million/euro 1.3 million) for 40,000 "
        "people displaced by the storm.",
        date(2006, 10, 3),
    )
    assert [c.span for c in got] == ["40,000"]


def test_a_sentence_before_that_names_a_world_region_and_a_country_gives_the_country():
    text = (
        "The storm, which caused havoc across South-East Asia, slammed into central Vietnam "
        "on Sunday. An estimated 900,000 residents were affected."
    )
    (hit,) = extract(text, date(2006, 10, 3))
    assert (hit.location, hit.country_iso3) == ("central Vietnam", "VNM")


def test_vacant_places_a_depth_in_metres_and_a_pages_code_are_no_figures():
    got = extract(
        "There are some 4,500 vacant places in collective centres. Some 3,000 refugees arrived "
        "on Monday.",
        date(1999, 11, 2),
    )
    assert [c.span for c in got] == ["Some 3,000"]
    got = extract('"The water in my house rose to 2.5m," he said. Twelve people died.',
                  date(2017, 11, 16))  # fmt: skip
    assert [c.span for c in got] == ["Twelve"]
    got = extract("[mappress mapid=”204″]\n\nAbout 2,000 people were evacuated.", date(2013, 10, 3))
    assert [c.span for c in got] == ["About 2,000"]
    # (millions of people after water that rose are still people)
    (fled,) = extract("As the water rose to 3.5m people fled.", date(2017, 11, 16))
    assert fled.span == "3.5m"


def test_an_eruption_that_disrupted_the_lives_of_people_affected_them():
    (hit,) = extract(
        "The eruption disrupted the lives of about 25 000 people in three provinces.",
        date(2006, 8, 22),
    )
    assert (hit.term, hit.measure) == ("affected", "flow")


def test_the_population_of_a_countrys_largest_city_is_no_figure():
    got = extract(
        "At least two people were killed in Hue, the country’s third largest with about 400,000 "
        "people.",
        date(2006, 10, 1),
    )
    assert [c.span for c in got] == ["At least two"]
    got = extract(
        "A third of the province -- the country’s second-largest, with some 3.1 million "
        "residents -- is underwater, and 8,000 people were evacuated.",
        date(2003, 5, 1),
    )
    assert [c.span for c in got] == ["8,000"]


def test_reports_that_suggest_indicate_or_claim_speak_and_floods_that_claim_a_toll_do_not():
    (hit,) = extract("Reports suggest that over 9,000 people have been affected.", date(2022, 9, 1))
    assert hit.attributed_to == "Reports"
    (hit,) = extract("Media reports claim that as many as 4,100 people have been affected.",
                     date(2013, 10, 3))  # fmt: skip
    assert hit.attributed_to == "Media reports"
    (dead,) = extract("Haitian floods claim at least 210 lives.", date(2004, 5, 28))
    assert dead.attributed_to is None


def test_people_who_moved_out_of_a_place_left_it():
    (left,) = extract("Some 12,000 people moved out of Bara during the last three weeks.",
                      date(2014, 11, 7))  # fmt: skip
    assert (left.term, left.measure) == ("left", "flow")


def test_people_a_storm_sent_into_shelters_are_a_flow():
    (sent,) = extract("The storm sent some 1,500 people into shelters.", date(2012, 10, 26))
    # (evacuated, as the record it comes from reads "sent into shelters")
    assert (sent.term, sent.measure) == ("evacuated", "flow")
    # (people in shelters now are a stock, as before)
    (there,) = extract("Some 1,500 people are in shelters.", date(2012, 10, 26))
    assert (there.term, there.measure) == ("hosted", "stock")


def test_people_who_crossed_from_one_place_back_to_another_returned_there():
    (back,) = extract("Several hundred people have also crossed from Ingushetia back to Chechnya.",
                      date(1999, 11, 2))  # fmt: skip
    assert (back.term, back.location, back.country_iso3) == ("returned", "Chechnya", "RUS")


def test_a_place_a_count_excludes_is_not_its_place():
    (hosted,) = extract(
        "Ethiopia: displacement update\n\nSome 1,500,000 displaced people are settled in 900 sites "
        "across the country (this excludes sites in Gambela Region, which were not covered).",
        date(2018, 4, 17),
        title="Ethiopia: displacement update",
    )
    assert hosted.location == "Ethiopia"


# Learnt from d653–d676 (the sixty-fourth to sixty-seventh parts, scored once, then turned to tuning).


def test_sums_in_won_winds_in_kmh_tablets_gardens_and_a_profiles_population_are_no_figures():
    text = (
        "The quake caused damage of at least 3.1 billion won. Winds of 180 kmh hit the coast. "
        "Some 500,000 aqua tablets, 40,000 quilts were sent, and 150 food gardens were destroyed."
        "\n\n• Total population: 98,000, of which most are farmers.\n\nAt least 12 people died."
    )
    assert [c.span for c in extract(text, date(2017, 11, 17))] == ["At least 12"]


def test_a_centres_capacity_and_relief_provided_for_people_are_no_figures():
    got = extract(
        "Its initial capacity is 6,000 but the centre now hosts 14,500 individuals.",
        date(2022, 8, 11),
    )
    assert [c.span for c in got] == ["14,500"]
    got = extract(
        "UNHCR is ready to provide relief for 3,000 displaced persons in Gao. Some 1,200 people "
        "fled to Niger.",
        date(2014, 5, 23),
    )
    assert [c.span for c in got] == ["Some 1,200"]


def test_shelters_in_a_headline_are_no_place_and_details_provided_by_a_body_are_its_words():
    title = "Quake Toll Hits 41; Nearly 2,000 People at Shelters"
    got = extract(f"{title}\n\nThe quake struck Hokkaido on Thursday.", date(2018, 9, 11),
                  title=title)  # fmt: skip
    assert "Shelters" not in {c.location for c in got}
    (dead,) = extract(
        "According to details provided by the NDMA, 13 people died.", date(2015, 8, 6)
    )
    assert dead.attributed_to == "NDMA"


# Learnt from d653–d676 again, in the twenty-seventh session (their location errors).


def test_a_district_of_a_province_is_read_in_the_provinces_country_wherever_it_is_named_again():
    # A capital's dateline is the desk's; the story's first paragraph names its place.
    text = (
        "REPUBLIKA.CO.ID, JAKARTA - The National Disaster Mitigation Agency (BNPB) has announced "
        "that Mount Sinabung in the Karo district of North Sumatra has erupted again on "
        "Wednesday.\n\nThe number of refugees currently stands at 4,729 displaced people.\n\n"
        "The land for relocation is in Merek sub-district, Karo district."
    )
    (refugees,) = extract(text, date(2017, 5, 17))
    assert (refugees.location, refugees.country_iso3) == ("Karo district", "IDN")  # not India


def test_a_local_community_is_no_place_and_residents_from_a_named_place_are_of_it():
    (fled,) = extract(
        "Local community organizations estimate 2,000 residents from Lay Kaw Kaw fled their "
        "homes to seek safety.",
        date(2021, 12, 17),
    )
    assert fled.location == "Lay Kaw Kaw"
    # (a cause after "from" is no place)
    got = extract("More than 40 people died from Typhoon Flooding.", date(2021, 12, 17))
    assert {c.location for c in got} == {None}


def test_a_count_from_places_named_together_is_of_the_list_not_of_its_last_name():
    got = extract(
        "Official assessments from Morobe, Madang and Eastern Highlands indicated 21 total "
        "deaths and 30 people with injuries.",
        date(2023, 4, 20),
    )
    assert [(c.location, c.country_iso3) for c in got] == [
        ("Morobe, Madang and Eastern Highlands", "PNG")
    ] * 2


def test_a_governor_of_a_province_is_no_place():
    got = extract(
        "Governor of Gulf Province, Chris Haiveta, said that as many as 60,000 people have been "
        "affected by flooding.",
        date(2023, 4, 20),
    )
    assert [c.location for c in got] != ["Governor of Gulf Province"]


def test_a_place_the_gazetteer_lacks_takes_the_country_of_the_known_places_of_the_document():
    text = (
        "Following is an excerpt from UNRWA Situation Report #9 on the situation in Ein El "
        "Hilweh\n\nIntense clashes erupted again inside Ein el Hilweh camp on Wednesday. This "
        "followed a meeting in Beirut on the evening of Tuesday 12 September.\n\n"
        "Media reported that seven armed individuals were killed in fighting on 13 September."
    )
    (killed,) = extract(text, date(2023, 9, 14))
    assert (killed.location, killed.country_iso3) == ("Ein El Hilweh", "LBN")
    # A short name of a longer one named before, which the gazetteer lacks: its country too.
    text = (
        "A 7.0-magnitude earthquake hit Lushan County of Ya’an City in southwest China’s Sichuan "
        "Province on Saturday.\n\nAccording to Lushan County authorities, 10 schoolchildren were "
        "killed."
    )
    (children,) = extract(text, date(2013, 4, 22))
    assert (children.location, children.country_iso3) == ("Lushan County", "CHN")


def test_a_city_named_as_the_owner_of_a_government_is_not_the_documents_main_place():
    text = (
        "Relief effort continues\n\nThe magnitude 5.4 earthquake struck the south-eastern port "
        "city of Pohang on Wednesday, the government said.\n\nAccording to authorities, 1,789 "
        "have been displaced.\n\nIt was felt even by some in Seoul. The Seoul city government "
        "also provided relief goods."
    )
    (displaced,) = extract(text, date(2017, 11, 17), title="Relief effort continues")
    assert displaced.location == "Pohang"


def test_people_evacuated_from_their_homes_in_a_place_left_that_place():
    (evacuated,) = extract(
        "Hundreds of families were evacuated from their homes in Pailin province over the weekend "
        "as the storm brought torrential rain after causing serious flooding in Kampot and "
        "Battambang provinces.",
        date(2020, 11, 16),
    )
    assert (evacuated.location, evacuated.country_iso3) == ("Pailin province", "KHM")


def test_a_place_after_its_countrys_possessive_is_the_place_of_the_count():
    (killed,) = extract("Indonesia's Merapi volcano kills at least 28", date(2010, 10, 27))
    assert (killed.location, killed.country_iso3) == ("Merapi", "IDN")
    # (with the possessive's quotation mark as some pages print it)
    (dead,) = extract(
        "A fire at a wedding celebration in Iraq‘s Nineveh province has claimed the lives of at "
        "least 113 people.",
        date(2023, 9, 27),
    )
    assert (dead.location, dead.country_iso3) == ("Nineveh province", "IRQ")
    # (not a body of the country: "Malawi's government")
    (died,) = extract("Malawi's government said 12 people died.", date(2023, 3, 14))
    assert died.location == "Malawi"


def test_facilities_properties_and_a_towns_population_are_no_figures():
    text = (
        "The tremors also affected 407 public facilities. Another 1,213 personal properties were "
        "also affected. The most affected township is Longmen Township (population: 20,000). "
        "Some 300 people were displaced."
    )
    assert [c.span for c in extract(text, date(2017, 11, 17))] == ["Some 300"]


def test_a_thousands_comma_with_a_stray_space_after_it_joins_the_number():
    got = extract(
        "221 households were completely damaged and 1, 429 rendered homeless. The authorities "
        "evacuated 12, 364 families (58,400 persons).",
        date(2019, 8, 18),
    )
    assert [(c.span, c.estimate.best) for c in got] == [
        ("1, 429", 1429), ("12, 364", 12364), ("58,400", 58400)
    ]  # fmt: skip
    # (not a child's age before a count, a headline's two counts, nor a list of numbers)
    got = extract("This includes 5,633 children under 5, 413 pregnant women.", date(2024, 9, 25))
    assert [c.estimate.best for c in got] == [5633, 413]
    got = extract("Guatemala Volcano Toll Rises To 75, 200 Still Missing", date(2018, 6, 9))
    assert [c.estimate.best for c in got] == [75]


def test_a_place_named_as_the_worst_hit_is_the_place_of_the_count_after_it():
    got = extract(
        "Maradi is the most affected region, with 270,505 people affected, followed by Zinder "
        "(173,784 people).",
        date(2024, 9, 22),
    )
    assert [(c.location, c.country_iso3) for c in got] == [("Maradi", "NER"), ("Zinder", "NER")]
    (victims,) = extract(
        "Segamat remained the worst hit, as the number of flood victims increased to 6,609.",
        date(2006, 12, 26),
    )
    assert (victims.location, victims.country_iso3) == ("Segamat", "MYS")
    # (not a sector of the economy)
    got = extract("Agriculture is the most affected sector, with 5,000 farmers hit.", None)
    assert {c.location for c in got} == {None}


def test_the_governments_that_support_a_response_are_no_place_of_its_counts():
    (evacuated,) = extract(
        "With support from the Governments of Australia, New Zealand and the United States, UNDP "
        "and the State of Emergency Controller’s Office and Regional Disaster Centre have "
        "coordinated relief efforts in two temporary evacuation care centers in Torokina and "
        "Wakunai, where more than 3900 people have evacuated.",
        date(2023, 12, 1),
    )
    assert evacuated.country_iso3 is None  # (the reviewer says; not the United States)


# Learnt from d677–d719 (the sixty-eighth to seventy-third parts, scored once, then turned to
# tuning).


def test_people_who_benefited_or_were_reached_or_fed_and_relief_items_are_no_figures():
    text = (
        "15,600 people have already benefited from Red Crescent relief and rescue services. "
        "Relief included 1,350 tents, 1,350 lanterns, 23,300 tins of canned food and 3,600 loaves "
        "of bread, and 228 response teams were involved. Over four lakh people are provided with "
        "food. 1 million people reached with WFP general food assistance. Around 1,000 shrimp "
        "farms had been washed away. At least 21 people died."
    )
    assert [c.span for c in extract(text, date(2014, 10, 13))] == ["At least 21"]


def test_people_still_in_need_people_who_refuse_to_leave_and_people_treated_for_wounds():
    got = extract(
        "Some 30,000 people are still in dire need of urgent emergency assistance. But 70 "
        "Chaiten residents refuse to leave. Four people were treated for gunshot wounds.",
        date(2009, 5, 29),
    )
    assert [(c.term, c.measure) for c in got] == [
        ("affected", "flow"), ("remain", "stock"), ("injured", "flow")
    ]  # fmt: skip


def test_a_place_whose_name_holds_and_is_one_place():
    (evacuated,) = extract(
        "Rescue teams have also evacuated over 100 families from six villages in the path of "
        "floodwaters in Sistan and Baluchestan province.",
        date(2017, 1, 28),
    )
    assert (evacuated.location, evacuated.country_iso3) == (
        "Sistan and Baluchestan province", "IRN"
    )  # fmt: skip
    (dead,) = extract("Floods in Jammu and Kashmir killed 12 people.", date(2014, 9, 8))
    assert (dead.location, dead.country_iso3) == ("Jammu and Kashmir", "IND")
    # (two places named together stay two: "Punjab and Sindh")
    (evacuated,) = extract("Floods in Punjab and Sindh forced 5,000 to evacuate.", None)
    assert evacuated.location == "Punjab and Sindh"


# Learnt from d720–d733 (the seventy-fourth and seventy-fifth parts, scored once, then turned
# to tuning).


def test_tens_of_millions_and_a_toll_that_surpasses_a_number():
    (affected,) = extract("Tens of millions of people were affected by floods.", date(2020, 8, 13))
    assert (affected.estimate.low, affected.estimate.best, affected.estimate.high) == (
        20_000_000, 50_000_000, 99_999_999
    )  # fmt: skip
    (dead,) = extract("Hurricane Helene's death toll surpasses 150 people.", date(2024, 10, 1))
    assert (dead.term, dead.measure, dead.estimate.low) == ("died", "flow", 150)


# Learnt in the twenty-eighth session from the tuning documents' location errors.


def test_a_word_of_place_joined_by_a_hyphen_ends_the_place_it_follows():
    (dead,) = extract(
        "The disaster had claimed 10 lives in Serasan Sub-district, the team said.",
        date(2023, 3, 7),
    )
    assert dead.location == "Serasan Sub-district"  # not "Serasan Sub"


def test_a_verb_right_before_the_next_count_is_that_counts():
    displaced, dead = extract(
        "Floods in southern Chad have forced 10,000 people from their homes and killed three, "
        "the United Nations said.",
        date(2008, 8, 25),
    )
    assert (displaced.term, dead.term) == ("displaced", "killed")


def test_a_ward_is_a_word_of_place():
    (displaced,) = extract(
        "A total of 665 individuals were displaced from their communities in Madagali ward.",
        date(2022, 5, 10),
    )
    assert displaced.location == "Madagali ward"


def test_a_countrys_people_are_counted_in_the_country_not_the_documents_place():
    text = (
        "Since mid-June, more than 100 million Chinese have been affected by the flooding.\n\n"
        "Nearly 15 million people have been affected by flooding in Anhui province. Farmers in "
        "Anhui Province have lost everything."
    )
    nationwide, anhui = extract(text, date(2003, 7, 20))
    assert (nationwide.location, nationwide.country_iso3) == ("China", "CHN")
    assert anhui.location == "Anhui province"


def test_a_tribal_district_is_a_place_and_a_provinces_body_names_its_country():
    text = (
        "Authorities in Bajaur tribal district have ordered residents of several villages to "
        "evacuate.\n\nThe Khyber Pakhtunkhwa Provincial Disaster Management Authority (PDMA) "
        "reported that more than 24,000 families have already left Bajaur."
    )
    (left,) = extract(text, date(2025, 8, 15))
    assert (left.location, left.country_iso3) == ("Bajaur", "PAK")


def test_a_place_in_an_including_aside_after_the_wholes_verb_is_the_asides():
    whole, part = extract(
        "Over 28,000 people have been affected in Sindh, including nearly 3,000 people left "
        "homeless in Hyderabad.",
        date(2009, 1, 28),
    )
    assert (whole.location, part.location) == ("Sindh", "Hyderabad")


def test_a_countrys_coast_in_a_title_is_in_that_country_and_an_island_still_reeling_is_no_count():
    text = (
        "Hurricane Paloma Hits Cuba's South Coast\n\n"
        "Paloma slammed into the island as a Category 4 hurricane Saturday, while authorities "
        "scrambled to evacuate hundreds of thousands of people and protect crops on an island "
        "still reeling from two other devastating storms."
    )
    (evacuated,) = extract(text, date(2008, 11, 9))
    assert (evacuated.term, evacuated.measure) == ("evacuated", "flow")  # not "remain"
    assert (evacuated.location, evacuated.country_iso3) == ("Cuba's South Coast", "CUB")


def test_a_directions_word_alone_is_no_province():
    # (Cameroon's North province is named so, but a story of Korea's "North" is not it)
    (dead,) = extract(
        "Scores of people are dead, and the North's official KCNA news agency said thousands of "
        "homes were destroyed.",
        date(2002, 9, 2),
    )
    assert dead.country_iso3 is None
    # (with its word of place it is the province)
    (fled,) = extract("Some 3,000 people fled to the North region.", date(2014, 5, 2))
    assert (fled.location, fled.country_iso3) == ("North region", "CMR")


def test_regions_named_together_are_of_the_country_the_title_names():
    text = (
        "Philippines: Abra Earthquake - Flash Update No. 3\n\n"
        "According to the NDRRMC, a total of 48,477 people are currently displaced across the "
        "Cordillera and Ilocos Regions following the earthquake."
    )
    (displaced,) = extract(text, date(2022, 8, 1))
    assert displaced.country_iso3 == "PHL"  # (not Paraguay's Cordillera department)


def test_a_place_the_gazetteer_lacks_is_of_the_one_country_of_the_places_it_knows():
    text = (
        "The storm swept across the Philippines, China, Laos and Vietnam this week.\n\n"
        "Floods hit the northern province of Yen Bai and the capital Hanoi. More than 100 people "
        "were injured in Van Chan district."
    )
    (injured,) = extract(text, date(2018, 7, 20))
    assert (injured.location, injured.country_iso3) == ("Van Chan district", "VNM")
    # (not people who crossed a border: "residents from Lay Kaw Kaw" in a story of refugees in
    # Thailand's Mae Sot are not Thailand's)
    text = (
        "Refugees from Myanmar crossed into Thailand, where Mae Sot hosts them.\n\n"
        "Some 2,000 residents from Lay Kaw Kaw fled their homes to seek safety."
    )
    (fled,) = extract(text, date(2021, 12, 17))
    assert fled.country_iso3 != "THA"


def test_counts_joined_by_and_share_the_verb_after_them_and_a_site_that_held_people_hosted_them():
    adults, children = extract(
        "The CPU has also said that 19 adults and 24 children have sought refuge at "
        "Tshituripasi Police Post after their homes were destroyed by the rains.",
        date(2013, 1, 22),
    )
    assert [(c.term, c.measure) for c in (adults, children)] == [("hosted", "stock")] * 2
    (held,) = extract(
        "The government opened Menik Farm as an IDP site in 2009 and, at its peak, later that "
        "year, it held 225,000 people.",
        date(2012, 9, 25),
    )
    assert (held.term, held.measure) == ("hosted", "stock")


def test_a_place_in_a_which_clause_with_its_own_count_is_not_the_next_counts():
    got = extract(
        "Libya's flood disaster, which killed thousands in the city of Derna, also displaced more "
        "than 43,000 people, the International Organization for Migration said.",
        date(2023, 9, 21),
    )
    displaced = next(c for c in got if c.span == "more than 43,000")
    assert (displaced.location, displaced.country_iso3) == ("Libya", "LBY")


def test_a_local_stations_dateline_and_the_press_abbreviations_of_provinces_and_states():
    text = (
        "EASTERN KENTUCKY (WKYT/AP) - The governor gave another update on the flooding.\n\n"
        "At least 24 people died in the floods."
    )
    (dead,) = extract(text, date(2022, 7, 29))
    assert (dead.location, dead.country_iso3) == ("Eastern Kentucky", "USA")
    title = (
        "N.S. wildfires: Province ‘on edge’ as thousands evacuated, states of emergency declared"
    )
    (evacuated,) = extract(title, date(2023, 5, 29), title=title)
    assert (evacuated.location, evacuated.country_iso3) == ("N.S.", "CAN")
    assert evacuated.attributed_to is None  # ("states of emergency" is nobody stating)


def test_a_towns_place_an_earlier_sentence_names_is_finer_than_the_titles_province():
    text = (
        "Sardinia floods\n\n"
        "The storm hit the town of Arzachena overnight. Two people died when their car was "
        "swept away."
    )
    got = extract(text, date(2013, 11, 19), title="Sardinia floods")
    assert [c.location for c in got] == ["Arzachena"]


def test_a_headlines_counts_are_of_the_one_place_below_its_country_that_it_names():
    title = "Uganda: 10 Dead, Scores Missing As Floods Hit Eastern Uganda"
    (dead,) = extract(f"{title}\n\nThe rains went on.", date(2019, 12, 9), title=title)
    assert dead.location == "Eastern Uganda"
    # (named after the next count's words: "Five dead and 100 injured in earthquakes that hit …")
    title = "Iran: Five dead and 100 injured in earthquakes that hit Hormozgan province"
    dead, _ = extract(f"{title}\n\nThe quakes hit on Saturday.", date(2022, 7, 2), title=title)
    assert dead.location == "Hormozgan province"
    # (not a people's name: "fighting between army and Kachin rebels")
    title = "Thousands flee in Myanmar amid fighting between army and Kachin rebels"
    (fled,) = extract(f"{title}\n\nThe fighting went on.", date(2018, 5, 1), title=title)
    assert fled.location == "Myanmar"


def test_people_gone_missing_and_babies_born_are_no_figures():
    (dead,) = extract(
        "One man died in Saga while two people in Gifu went missing.", date(2011, 9, 21)
    )
    assert dead.term == "died"
    got = extract("Twelve refugee babies have been born over the past two weeks.", date(2009, 1, 1))
    assert got == []


def test_aid_planned_a_villages_size_and_a_reports_increase_are_no_figures():
    for text in (
        "An Emergency Health Kit to treat 10,000 people for three months was sent.",
        "The operation supports the humanitarian interventions for 12,936 men, women and "
        "children affected by floods.",
        "A DREF operation was launched to address the urgent needs of 5,000 people.",
        "The village constitutes about 80 households, two middle schools and a health centre.",
    ):
        assert extract(text, date(2020, 9, 23)) == [], text
    (evacuated,) = extract(
        "To date, 43,540 (32,700 increase since the prior report) people were evacuated.",
        date(2022, 9, 21),
    )
    assert evacuated.estimate.best == 43_540


def test_a_dateline_glued_to_the_count_by_a_hyphen_leaves_the_count():
    (dead,) = extract("KUAKATA-At least 16 people died after the cyclone.", date(2022, 10, 25))
    assert (dead.estimate.low, dead.estimate.qualifier) == (16, "at_least")
    # (a code's number stays none: "COVID-19")
    (dead,) = extract("The COVID-19 outbreak killed 12 people.", date(2020, 5, 1))
    assert dead.estimate.best == 12


def test_people_provided_with_shelter_are_hosted():
    (sheltered,) = extract(
        "In addition, 6,400 people were provided with emergency sheltering over the past week.",
        date(2019, 4, 1),
    )
    assert (sheltered.term, sheltered.measure) == ("hosted", "stock")
    # (other aid given is no count of the table)
    assert extract("About 5,000 people were provided with food parcels.", date(2019, 4, 1)) == []


def test_a_toll_that_reached_a_count_far_from_its_subject_is_a_toll():
    (dead,) = extract(
        "Sapporo- The death toll from a powerful earthquake that severely damaged the northernmost "
        "Japan prefecture of Hokkaido last week reached 41 on Monday.",
        date(2018, 9, 11),
    )
    assert (dead.estimate.best, dead.term) == (41, "died")  # not people who "reached" a place


# Learnt from d734–d776 (the seventy-sixth to eighty-first parts, scored once, then turned to
# tuning).


def test_deportations_homicides_people_ordered_out_or_on_their_way_and_shelter_given():
    cases = {
        "Some 2,735 migrants were deported by land from Mexico via Guatemala.": "returned",
        "4.1K GUATEMALANS DEPORTED FROM THE UNITED STATES IN JANUARY 2020": "returned",
        "In Honduras, 1,225 homicides have been registered since March.": "killed",
        "Thousands of people are being ordered out of their homes in Townsville.": "evacuated",
        "Around 10,000 people had lost shelter and property.": "displaced",
        "The Red Crescent has provided emergency sheltering for 13,348 affected people.": "hosted",
        "Thousands more Central Americans are on the way to Tijuana.": "fled",
    }
    for text, term in cases.items():
        (c,) = extract(text, date(2020, 2, 10))
        assert c.term == term, text
    # (shelter to be given is not given: the people's own word says what they are)
    (displaced,) = extract(
        "It remains unclear how the government will grapple with providing temporary shelter for "
        "the 70,000 displaced.",
        date(2017, 11, 14),
    )
    assert displaced.term == "displaced"


def test_a_year_before_a_count_a_life_claimed_at_least_and_a_resort_citys_people():
    (dead,) = extract(
        "In April 2018 at least 14 people were killed in the floods.", date(2019, 4, 28)
    )
    assert (dead.estimate.low, dead.period_start) == (14, date(2018, 4, 1))
    (dead,) = extract("The rain has claimed at least one life.", date(2016, 4, 6))
    assert (dead.term, dead.estimate.low) == ("died", 1)
    assert extract("It hit Mazatlán, a resort city of nearly 500,000.", date(2018, 10, 23)) == []
    # (a sum's scale after its digits is still no count: "$US 5.3 million")
    assert extract("The damage stands at over $US 5.3 million.", date(2016, 12, 22)) == []


def test_irans_azerbaijan_provinces_and_a_peoples_return_to_their_country():
    (dead,) = extract(
        "The earthquake which struck Miyaneh County, East Azerbaijan, killed five people.",
        date(2019, 11, 23),
    )
    assert dead.country_iso3 == "IRN"  # (not the country Azerbaijan)
    (returned,) = extract(
        "The 4,171 Guatemalans deported from the United States in January 2020 is the highest "
        "January total recorded.",
        date(2020, 2, 10),
    )
    assert (returned.location, returned.country_iso3) == ("Guatemala", "GTM")
    # (a people's word before who they are says no country they return to)
    (returned,) = extract(
        "Thousands of Uzbek refugees from Kyrgyzstan trekked back across the border.",
        date(2010, 6, 22),
    )
    assert returned.country_iso3 != "UZB"


def test_a_line_in_capitals_is_read_as_its_words():
    (returned,) = extract(
        "4.1K GUATEMALANS DEPORTED FROM THE UNITED STATES IN JANUARY 2020", date(2020, 2, 10)
    )
    assert (returned.term, returned.country_iso3) == ("returned", "GTM")
    (stranded,) = extract("2.2K MIGRANTS STRANDED IN MATAMOROS", date(2020, 2, 10))
    assert (stranded.location, stranded.country_iso3) == ("Matamoros", "MEX")


def test_a_countrys_provinces_named_together_after_its_possessive():
    (dead,) = extract(
        "At least three people died after rivers in Armenia’s northern Lori and Tavush "
        "provinces overflew their banks.",
        date(2024, 5, 26),
    )
    assert (dead.location, dead.country_iso3) == ("Lori and Tavush provinces", "ARM")


def test_a_place_in_what_a_report_notes_with_its_own_count_is_not_the_counts_before():
    got = extract(
        "Yemen floods\n\nThe DTM found that at least 596 families had been forced out of their "
        "homes during the week, noting that the city of Hudaydah recorded the largest "
        "displacement figures with 568 families affected.",
        date(2020, 8, 12),
        title="Yemen floods",
    )
    assert got[0].location == "Yemen" and got[-1].location == "Hudaydah"


def test_bih_is_bosnia_and_a_part_of_households_is_in_households_but_one_person():
    (arrived,) = extract(
        "In 2020, 16,150 migrant arrivals were registered in BiH.", date(2021, 1, 1)
    )
    assert arrived.country_iso3 == "BIH"
    whole, part = extract(
        "Some 12,583 families were displaced, of which 11,005 are hosted in camps.",
        date(2020, 1, 1),
    )
    assert (whole.unit, part.unit) == ("households", "households")
    got = extract(
        "At least 1,418 people (314 households) were impacted, including one person killed.",
        date(2018, 4, 4),
    )
    assert got[-1].unit == "people"


# Learnt from d777–d794 (the eighty-second to eighty-fourth parts, scored once, then turned to
# tuning).


def test_aid_benefited_from_a_places_people_a_tents_room_and_things_are_no_counts():
    for text in (
        "Over 17, 000 people benefited from food security interventions.",
        "These areas are inhabited by approximately 100,814,666 people.",
        "Some 2,000 tents were brought in, each capable of sheltering up to 10 people.",
        "The floods destroyed 7,450 homes and 298 aqueducts.",
    ):
        assert extract(text, date(2011, 1, 17)) == [], text


def test_a_places_people_who_were_made_homeless_or_are_without_shelter_are_displaced():
    for text in (
        "Teresopolis has more than 3,000 people who were made homeless by the slides.",
        "Alagoas had nearly 26,000 people without shelter.",
    ):
        (c,) = extract(text, date(2011, 1, 17))
        assert (c.term, c.measure) == ("displaced", "flow"), text


def test_a_countrys_island_of_a_name_a_headlines_rain_and_a_ministrys_justice():
    dead, _ = extract(
        "A powerful earthquake killed at least 42 people and injured hundreds on Indonesia’s "
        "island of Sulawesi on Friday.",
        date(2021, 1, 15),
    )
    assert (dead.location, dead.country_iso3) == ("Sulawesi", "IDN")
    title = "Rain slows Brazil mudslide rescue effort"
    (homeless,) = extract(
        f"{title}\n\nMore than 3,000 people were made homeless by the slides.",
        date(2011, 1, 17),
        title=title,
    )
    assert homeless.location != "Rain"  # (Rain, Bavaria)
    (affected,) = extract(
        "According to the Ministry of Interior and Justice, more than 2.4 million persons have "
        "been impacted.",
        date(2010, 12, 10),
    )
    assert affected.location != "Justice"  # (Justice, Illinois)


def test_places_named_together_whose_last_name_is_two_words_before_their_plural_word():
    (dead,) = extract(
        "One person was killed by floods in Montserrado, Bong, Rivercess, Sinoe, and Grand Bassa "
        "Counties.",
        date(2023, 9, 10),
    )
    assert dead.location == "Montserrado, Bong, Rivercess, Sinoe, and Grand Bassa Counties"


def test_the_west_of_a_country_and_its_central_part_are_its_parts():
    (sheltered,) = extract(
        "Intense rain in the west of Fiji has left several thousand in shelters.", date(2016, 4, 6)
    )
    assert (sheltered.location, sheltered.country_iso3) == ("west of Fiji", "FJI")
    (displaced,) = extract(
        "So far, 362,753 people were displaced in the central part of the Philippines.",
        date(2015, 12, 18),
    )
    assert displaced.location == "central part of the Philippines"


def test_a_speaker_named_with_initials_keeps_them():
    (fled,) = extract(
        "Thousands more Central Americans are on the way to Tijuana, according to the latest "
        "estimates from U.S. Customs and Border Protection field offices.",
        date(2018, 11, 21),
    )
    assert fled.attributed_to == "U.S. Customs and Border Protection field offices"  # not "U"


def test_an_ambiguous_district_none_of_whose_readings_is_in_the_documents_country_is_of_it():
    found = extract(
        "Flash Update: fighting in Southern Afghanistan\n\nAround 300 families have been newly "
        "displaced yesterday within Nawa district.",
        date(2020, 10, 18),
    )
    assert (found[-1].location, found[-1].country_iso3) == ("Nawa district", "AFG")
    # a city's name without a word of place stays the reviewer's choice
    (fled,) = extract("Storm Erika hit Dominica. Clashes in Tripoli led 2,000 families to flee.")
    assert fled.country_iso3 is None and "choose one" in fled.place_note


def test_a_name_between_a_count_and_its_residents_is_their_place():
    (stay,) = extract(
        "The volcano in Chile erupted a year ago, but 70 Chaiten residents refuse to leave.",
        date(2009, 5, 29),
    )
    assert (stay.location, stay.country_iso3) == ("Chaiten", "CHL")
    hosted = extract(
        "An earthquake struck western Greece on Sunday.\n\nSports halls provided shelter to "
        "thousands of Kefalonia residents.",
        date(2014, 2, 4),
    )[-1]
    assert (hosted.location, hosted.country_iso3) == ("Kefalonia", "GRC")
    # a people's name is not a place
    (fled,) = extract("In Lebanon, 2,000 Syrian residents fled the camp.", date(2014, 2, 4))
    assert fled.location != "Syrian"


def test_a_place_after_its_countrys_possessive_and_an_adjective_is_of_that_country():
    (marooned,) = extract(
        "Hundreds of villagers are marooned along rivers in Zimbabwe’s remote Binga District.",
        date(2017, 2, 14),
    )
    # not Binga, DR Congo, which the gazetteer knows
    assert (marooned.location, marooned.country_iso3) == ("Binga District", "ZWE")


def test_a_subdivision_is_a_word_of_place():
    (displaced,) = extract(
        "Approximately 3,500 individuals displaced due to inter-community tensions in Akwaya "
        "subdivision, South-West region.",
        date(2024, 2, 9),
    )
    assert displaced.location == "Akwaya subdivision"


def test_a_distance_aside_does_not_hide_the_verb_after_it():
    (moved,) = extract(
        "About 58,000 residents from Malinao town in Albay province, 330 kilometers south of "
        "Manila, moved to shelters and evacuation centers, said a municipal official.",
        date(2019, 12, 3),
    )
    assert (moved.term, moved.measure) == ("evacuated", "flow")
    assert (moved.location, moved.country_iso3) == ("Malinao town", "PHL")


def test_people_sent_into_shelters_by_a_verb_before_them_are_evacuated():
    (forced,) = extract(
        "Lisa’s passage forced 5,000 people into emergency shelters.", date(2016, 12, 20)
    )
    assert (forced.term, forced.measure) == ("evacuated", "flow")
    (taken,) = extract("Authorities took 60,000 people to cyclone shelters.", date(2016, 5, 21))
    assert (taken.term, taken.measure) == ("evacuated", "flow")
    # those already in them are hosted
    (crammed,) = extract(
        "Tens of thousands were already crammed into emergency shelters.", date(2007, 11, 3)
    )
    assert (crammed.term, crammed.measure) == ("hosted", "stock")


def test_a_country_named_for_its_envoy_is_not_the_documents_country():
    found = extract(
        "Six persons reported dead in Amboasary.\n\nA delegation with the participation of the UK "
        "ambassador visited the areas affected.",
        date(2022, 2, 26),
    )
    assert found[0].country_iso3 != "GBR"


def test_a_persian_ezafe_between_hyphens_is_part_of_the_name():
    fled, displaced = extract(
        "Up to 2,058 families have fled their houses over the past week from Qala-e-Zal and its "
        "vicinity. He added that 1,850 families have been displaced due to the war in Qala-e-Zal "
        "district.",
        date(2017, 5, 8),
    )
    # not Qala, Malta
    assert (fled.location, fled.country_iso3) == ("Qala-e-Zal", None)
    assert (displaced.location, displaced.country_iso3) == ("Qala-e-Zal district", None)


def test_a_country_a_region_borders_is_not_where_people_left():
    (left,) = extract(
        "Thousands of households have left their residences due to clashes in some districts in "
        "northern part of Takhar province, bordering Tajikistan.",
        date(2019, 10, 10),
    )
    assert left.country_iso3 == "AFG"


def test_people_of_a_country_who_returned_from_another_are_counted_at_home():
    (back,) = extract("1,235 undocumented Afghans returned from Pakistan", date(2018, 7, 2))
    assert (back.location, back.country_iso3) == ("Afghanistan", "AFG")


def test_a_town_before_its_province_in_brackets_is_of_the_provinces_country():
    found = extract(
        "Of the deported Afghans, 2,515 were deported through Islam Qala (Herat) and 4,244 were "
        "deported through Milak (Nimroz).",
        date(2018, 7, 2),
    )
    assert [(c.location, c.country_iso3) for c in found] == [
        ("Islam Qala", "AFG"),
        ("Milak", "AFG"),  # not Milak, India
    ]


def test_a_count_in_brackets_after_a_word_is_the_place_befores():
    found = extract(
        "A total of 30 accommodation centres have been activated, 12 in Buzi (hosting 4,464 "
        "individuals), 8 in Nhamatanda (hosting 5,060 individuals) and 5 in Gorongosa (hosting "
        "5,323 individuals).",
        date(2020, 2, 17),
    )
    assert [(c.span, c.location) for c in found] == [
        ("4,464", "Buzi"),
        ("5,060", "Nhamatanda"),
        ("5,323", "Gorongosa"),
    ]


def test_a_relative_clauses_verb_right_before_the_next_count_is_that_counts():
    found = extract(
        "Some 7,000 rescuers dug through shattered homes looking for survivors of an earthquake "
        "in Yunnan province that killed at least 381 people.",
        date(2014, 8, 4),
    )
    assert [(c.span, c.term) for c in found] == [("at least 381", "killed")]


def test_things_a_population_and_registrations_are_no_figures():
    for sentence in (
        "Zhangye local authorities have collected 60,000 packets of instant noodles.",
        "The National Weather Service was investigating reports of almost 100 tornadoes.",
        "A 300-room temporary shelter will be set up in Cornwall.",
        "Ning'er County, covering 3,670 square kilometres, has a population of 190,000.",
        "The government has earmarked RMB 7M (US 843,000) as a relief fund for the victims.",
        "Nearly 45,000 individuals have registered with Red Cross across the province to-date.",
    ):
        assert extract(sentence, date(2020, 1, 1)) == [], sentence
    # people in the same words are figures
    (fled,) = extract("In the camp, 1,000 people fled.", date(2020, 1, 1))
    assert fled.estimate.best == 1000


def test_people_an_operation_plans_to_assist_are_no_figure():
    found = extract(
        "Number of people affected: 7,000 Number of people to be assisted: 3,525 in Waterberg "
        "District.",
        date(2014, 3, 24),
    )
    assert [c.span for c in found] == ["7,000"]


def test_people_intercepted_arrived_flown_to_a_place_arrived_and_expelled_returned():
    (stopped,) = extract(
        "Almost 7,000 asylum seekers have been intercepted at the border over the past six weeks.",
        date(2017, 8, 16),
    )
    assert (stopped.term, stopped.measure) == ("arrived", "flow")
    (flew,) = extract("80 Galena evacuees flew to Fairbanks for shelter.", date(2013, 5, 30))
    assert (flew.term, flew.measure) == ("arrived", "flow")
    (sent,) = extract("About 1,400 had been rapidly expelled to Haiti.", date(2021, 9, 23))
    assert (sent.term, sent.measure) == ("returned", "flow")


def test_a_list_with_a_short_name_in_brackets_is_one_list():
    found = extract(
        "The Central African Republic (CAR) has suffered recurrent bouts of civil conflict, which "
        "has led to almost 700,000 internally displaced persons (IDPs), and has pushed more than "
        "500,000 people to seek refuge in neighboring Cameroon, Democratic Republic of the Congo "
        "(DRC), and Chad.",
        date(2019, 9, 17),
    )
    # the countries people went to are not where the displaced are, nor where refugees left
    assert all(c.country_iso3 != "COD" for c in found), found
    (died,) = extract(
        "The death toll from the earthquake in West Nusa Tenggara (NTB) and Bali rose to 436.",
        date(2018, 8, 13),
    )
    assert (died.location, died.country_iso3) == ("West Nusa Tenggara (NTB) and Bali", "IDN")


def test_people_held_in_places_are_detained_and_a_part_of_a_count_shares_its_verb():
    (held,) = extract("It is reported that more than 18,000 people are held in 14 locations.")
    assert (held.term, held.measure) == ("detained", "stock")
    part, whole = extract(
        "The vast majority of people (14,000 of 15,135) have returned to their own homes.",
        date(2017, 10, 23),
    )
    assert (part.term, whole.term) == ("returned", "returned")


def test_aid_planned_sums_and_things_are_no_figures():
    for sentence in (
        "The Egyptian government will compensate each family with 1,500 Egyptian pounds.",
        "The Civil Defence asked the Red Cross to provide support for 700 families.",
        "The fund will meet the immediate emergency needs of 70,700 migrants.",
        "IOM assessed 728 hromadas hosting IDPs.",
        "UNICEF has prepositioned 40,000 water purification tablets.",
        "In all, 164 local government units declared a state of calamity.",
        "The agency has submitted more than 12,000 names to third countries.",
    ):
        assert extract(sentence, date(2020, 1, 1)) == [], sentence


def test_oriental_mindoro_and_an_offices_department_are_read_as_english_writes_them():
    (hit,) = extract(
        "Almost 100,000 residents in Oriental Mindoro have now been affected by the oil spill.",
        date(2023, 3, 10),
    )
    assert (hit.location, hit.country_iso3) == ("Oriental Mindoro", "PHL")
    (dead,) = extract(
        "Government officials in the Sindh Relief Department say some 100 people have died.",
        date(2014, 3, 14),
    )
    assert dead.location != "Sindh Relief Department"  # an office, not a department of France's


def test_a_count_throughout_the_province_is_the_one_province_the_document_names():
    found = extract(
        "Thousands left homeless in flood-stricken Sindh\n\nNearly half a million people were "
        "displaced by flooding in Badin, with close to 900,000 affected throughout the province.",
        date(2003, 8, 4),
    )
    whole = next(c for c in found if c.span == "close to 900,000")
    assert whole.location == "Sindh"


def test_the_wilaya_of_a_name_is_a_place():
    found = extract(
        "Heavy rains kill at least 43 people in eastern Algeria\n\nIn the wilaya of Mila, 15 "
        "children died last Monday as they were caught up in flooded wadis.",
        date(2020, 8, 10),
    )
    children = next(c for c in found if c.span == "15")
    assert (children.location, children.country_iso3) == ("Mila", "DZA")


def test_the_place_a_destination_lies_in_is_a_destination_too():
    found = extract(
        "Thousands of people have fled the Central African Republic into Chad.\n\nA further 555 "
        "refugees have crossed to Yamba village in eastern Cameroon, he said.",
        date(2016, 7, 9),
    )
    # people who fled are filed where they left, not in the region of the village they reached
    assert (found[-1].span, found[-1].country_iso3) == ("555", "CAF")


def test_an_agencys_letters_and_a_village_named_as_a_country_are_not_those_places():
    found = extract(
        "Floods: 7,924 Households Displaced, NEMA orders Evacuation of Communities\n\nFloods in "
        "Nigeria left an estimated 47,544 people homeless.",
        date(2013, 9, 26),
    )
    assert {c.country_iso3 for c in found} == {"NGA"}  # not Néma, Mauritania
    found = extract(
        "Three people have been killed by floods in Bomet County, Kenya. The floods have displaced "
        "at least 124 families.\n\nRiver Nzoia broke its banks, flooding Angola, Shibale and "
        "Shitukhumi villages.",
        date(2020, 4, 28),
    )
    assert "AGO" not in {c.country_iso3 for c in found}


def test_a_number_in_words_then_in_figures_is_one_count_and_more_things_are_no_figures():
    (households,) = extract("Six thousand (6,000) households were affected.", date(2021, 11, 30))
    assert households.estimate.best == 6000
    for sentence in (
        "The floods reportedly killed seven; 2,217 farmlands were reportedly submerged.",
        "Flooding hit 129 Local Government Areas (LGAs) of 12 States.",
        "More than 50 elementary schools and a dozen colleges were affected.",
    ):
        assert all(c.estimate.best not in (2217, 129, 12) for c in extract(sentence)), sentence


def test_people_departed_a_place_and_a_places_families_counted_before_its_name():
    (left,) = extract("An estimated 18,787 people departed Rukban.", date(2019, 9, 25))
    assert (left.term, left.location) == ("left", "Rukban")
    (back,) = extract("Some 250 Kessab families have returned to their homes.", date(2014, 6, 17))
    assert (back.term, back.location) == ("returned", "Kessab")


def test_other_places_are_no_place_named():
    (hosted,) = extract(
        "Other camps in Jordan include Zaatari Camp, with a population of over 100,000.",
        date(2014, 4, 30),
    )
    assert hosted.location != "Other camps"


def test_a_new_subject_after_and_people_transported_and_people_in_monasteries():
    died, affected = extract(
        "Three people lost their lives and the total number of affected people is around 70,000."
    )
    assert (died.term, affected.term) == ("died", "affected")
    (moved,) = extract(
        "As of 13 January 2014, 7,212 have been transported from Nadapal entry point to Kakuma.",
        date(2014, 1, 13),
    )
    assert (moved.term, moved.measure) == ("evacuated", "flow")
    sheltered = extract(
        "In Kutkai, there are some 200 people in Tar Yao monastery and more than 230 in Maharsi "
        "monastery.",
        date(2019, 8, 20),
    )
    assert [(c.term, c.measure) for c in sheltered] == [("hosted", "stock")] * 2


def test_family_members_money_aid_and_things_from_the_103rd_to_108th_parts_are_no_figures():
    for sentence in (
        "His wife and three children were rescued, said the mayor.",
        "193,101 CHF has been allocated for the delivery of immediate assistance for up to 5,000 "
        "people.",
        "The Red Cross has been meeting the humanitarian needs of 1,000 families in Pando.",
        "Officials said 1,800 people in Illapel were left without drinking water.",
        "They stole about 200 cows and one hundred motorcycles.",
        "He released 15 million reals to help the most affected cities.",
    ):
        assert extract(sentence, date(2020, 1, 1)) == [], sentence


def test_a_place_the_gazetteer_lacks_takes_the_country_its_peoples_word_names():
    (sheltered,) = extract(
        "Aid arrived from Turkey and Qatar.\n\nSome 5,000 people are sheltering at the Emirates "
        "Jordanian Camp.",
        date(2014, 4, 30),
    )
    assert (sheltered.location, sheltered.country_iso3) == ("Emirates Jordanian Camp", "JOR")


def test_parts_a_sentence_says_the_count_before_includes_take_its_term():
    whole, *parts = extract(
        "IOM reports that 59,245 people have been newly displaced by renewed fighting. These "
        "include 53,100 in Timbuktu region, 4,062 in Gao and 2,083 in Mopti.",
        date(2015, 6, 5),
    )
    assert whole.term == "displaced"
    assert [(c.estimate.best, c.term) for c in parts] == [
        (53100, "displaced"),
        (4062, "displaced"),
        (2083, "displaced"),
    ]


def test_car_listed_after_numbered_regions_is_the_philippines_cordillera():
    found = extract(
        "More than 714,200 people were affected in the Regions I, II, III, CALABARZON, V and CAR.",
        date(2022, 9, 28),
    )
    assert found[0].country_iso3 == "PHL"
    # (the Central African Republic otherwise)
    (fled,) = extract("Some 8,000 people fled fighting in CAR.", date(2022, 9, 28))
    assert fled.country_iso3 == "CAF"


def test_people_washed_away_died_and_people_on_their_way_to_safety_are_evacuated():
    (gone,) = extract(
        "In Lhuentse, 23 people camped near a stream were washed away by a flash flood on Thursday.",
        date(2023, 7, 21),
    )
    assert (gone.term, gone.measure) == ("died", "flow")
    (out,) = extract("Five residents are already on their way to safety.", date(2022, 5, 4))
    assert (out.term, out.measure) == ("evacuated", "flow")


def test_a_paragraph_led_by_its_place_places_its_counts_under_a_countrys_heading():
    text = (
        "Papua New Guinea\nPapua New Guinea — Displacement Update (May 2022)\n\n"
        "Kolem community in Tari LLG: The community was attacked on 3 May. About 40 homes were "
        "burnt and an estimated 900 people were displaced.\n\n"
        "Across the province, some 300 families remain in host villages."
    )
    title = "Papua New Guinea — Displacement Update (May 2022)"
    led, other = extract(text, date(2022, 5, 25), title=title)
    assert (led.location, led.country_iso3) == ("Kolem community", "PNG")
    assert "earlier sentence" in led.place_note
    # a paragraph that names no place of its own keeps the heading's country
    assert (other.location, other.country_iso3) == ("Papua New Guinea", "PNG")


def test_a_place_after_south_sudans_possessive_is_of_south_sudan_not_of_sudan():
    for text in (
        "Over 900 people have been forced from South Sudan’s Rubkona County by floods.",
        "Over 900 people were displaced in South Sudan’s Rubkona County.",
    ):
        (found,) = extract(text, date(2022, 9, 20))
        assert found.country_iso3 == "SSD", text
    # a direction before a country's possessive is still the country's part
    (tigray,) = extract("Some 900 people fled northern Ethiopia’s Tigray region.", date(2021, 1, 5))
    assert (tigray.location, tigray.country_iso3) == ("Tigray region", "ETH")


def test_a_months_short_name_by_a_day_or_a_year_is_no_town():
    # "Mar" is also Mary, Turkmenistan, in the gazetteer; "Katanga" (figures/places.csv) is the
    # Democratic Republic of the Congo's former province
    text = (
        "OCHA/ICVA mission to Central Katanga, DR Congo, 15-18 Mar 2006\n\n"
        "Over 150,000 people are known to have fled their homes in Katanga in the last six months."
    )
    (fled,) = extract(
        text, None, title="OCHA/ICVA mission to Central Katanga, DR Congo, 15-18 Mar 2006"
    )
    assert (fled.location, fled.country_iso3) == ("Katanga", "COD")
    assert not [
        m for m in x._place_mentions("Mission report, 15-18 Mar 2006") if m.written == "Mar"
    ]


def test_people_who_fled_under_a_refugee_situations_title_fled_the_refugees_country():
    title = "Central African refugee situation: Democratic Republic of the Congo - May 2017"
    text = (
        f"{title}\n\nLocal authorities reported around 21,500 asylum seekers having crossed the "
        "border into DRC. Some 3,000 refugees are hosted in Bili."
    )
    fled, hosted = extract(text, date(2017, 5, 31), title=title)
    assert (fled.term, fled.location, fled.country_iso3) == (
        "fled",
        "Central African Republic",
        "CAF",
    )
    assert "the title names" in fled.place_note
    # those the country reporting hosts stay where they are
    assert hosted.country_iso3 == "COD"


def test_areas_and_parts_of_a_place_are_its_place():
    (out,) = extract(
        "Brazil landslides leave towns isolated\n\nDays of heavy rain have devastated areas of "
        "Santa Catarina state, forcing more than 54,000 people out of their homes.",
        date(2008, 11, 25),
        title="Brazil landslides leave towns isolated",
    )
    assert (out.location, out.country_iso3) == ("Santa Catarina state", "BRA")
    (hit,) = extract(
        "Floods hit parts of Luzon, affecting at least 338,000 people.", date(2014, 7, 17)
    )
    assert (hit.location, hit.country_iso3) == ("Luzon", "PHL")


def test_a_place_the_gazetteer_lacks_near_a_known_town_is_the_place():
    (dead,) = extract(
        "At least 150 people died after an oil tanker burst into flames in Ahmadpur Sharqia, near "
        "Bahawalpur on Sunday.",
        date(2017, 6, 26),
    )
    assert (dead.location, dead.country_iso3) == ("Ahmadpur Sharqia", "PAK")
    # a name the gazetteer knows keeps its own reading
    (known,) = extract(
        "At least 15 people died in Pakistan, near Gujranwala, on Sunday.", date(2017, 6, 26)
    )
    assert (known.location, known.country_iso3) == ("Gujranwala", "PAK")


def test_people_who_crossed_a_border_two_paragraphs_after_their_place_left_it():
    text = (
        "Clashes that erupted in Cameroon's Far North region have driven thousands from their "
        "homes, the agency said.\n\n"
        "Aid groups are rushing supplies to the border, where shelters are full.\n\n"
        "The flow into Chad has sped up: last week 30,000 people had crossed into Chad."
    )
    *_, crossed = extract(text, date(2021, 12, 17))
    assert (crossed.span, crossed.term, crossed.location, crossed.country_iso3) == (
        "30,000",
        "fled",
        "Far North region",
        "CMR",
    )


def test_a_country_named_once_beside_a_far_place_is_not_the_storys_country():
    text = (
        "Casualties from days of torrential rain stood at 30 people dead as of Sunday, authorities "
        "said.\n"
        "The rain battered Seoul, Gyeonggi and Gangwon earlier last week and then moved south. A "
        "typhoon was moving north from the southwest of Okinawa, Japan, and is expected to reach "
        "Jeju on Monday.\n"
        "Two men were found dead after a landslide in Jangsu, North Jeolla Province, and a man was "
        "swept away in Damyang, South Jeolla Province."
    )
    dead, *_ = extract(text, date(2020, 8, 9))
    assert (dead.span, dead.country_iso3) == ("30", "KOR")
    assert dead.place_note == "the country of most places the document names"
    # a story that names its one country again and again keeps it
    (hit,) = extract(
        "Floods in Japan killed 12 people, Japan's agency said. Japan has sent troops to Okinawa.",
        date(2020, 8, 9),
    )
    assert hit.country_iso3 == "JPN"


def test_a_place_written_in_capitals_is_named_as_the_gazetteer_writes_it():
    # one series with the same place written in any other sentence ("HAITI" and "Haiti" would
    # be two)
    title = "HAITI: Floods leave thousands homeless"
    *_, homeless = extract(f"{title}\n\nThe storm left 3,000 people homeless.", date(2008, 9, 3),
                           title=title)  # fmt: skip
    assert (homeless.span, homeless.location, homeless.country_iso3) == ("3,000", "Haiti", "HTI")
    # an acronym stays as written
    (fled,) = extract("Some 8,000 people fled fighting in the DRC last week.", date(2012, 1, 3))
    assert fled.location == "DRC"


@pytest.mark.parametrize(
    "text, term, measure",
    [
        # a count at a moment (d1027, d1095): at the end of a year
        ("At the end of 1998, about 280,000 people were internally displaced in Georgia.",
         "displaced", "stock"),
        ("Some 60,000 Guineans were internally displaced at year's end.", "displaced", "stock"),
        # where the displaced live now (d390, d1082); not a clause of its own after "and" (d846)
        ("Thousands of displaced Libyans are still living in abandoned construction sites.",
         "displaced", "stock"),
        ("The fighting displaced over 45,000 persons and the IDPs were living in deplorable "
         "conditions.", "displaced", "flow"),
        # people already displaced (d1026)
        ("They joined the more than 3.6 million people already displaced within the region.",
         "displaced", "stock"),
        # "there could be" is a count of now, as "there are" (d1099)
        ("There could be as many as 100,000 displaced people in Klay, according to government "
         "figures.", "displaced", "stock"),
        # a list's count with no verb of its own, in shelters (d1041)
        ("As of 16 July, there were 20 dead, over 500 000 people affected in six regions (24 348 "
         "in NCR, 1 372 in Central Luzon) and 423 119 people inside 605 evacuation centres.",
         "hosted", "stock"),
        # people of a faith are the people counted, who are where they are taken in (d1060)
        ("About 3,400 displaced Muslims are crowded into this camp.", "hosted", "stock"),
        # displaced by something, now: the flow it caused (d500, d973)
        ("Thousands of people are displaced by the floods.", "displaced", "flow"),
        ("An estimated 2,000 people are displaced from these conflicts.", "displaced", "flow"),
    ],
)  # fmt: skip
def test_words_that_say_a_count_is_of_a_moment_or_of_a_period(text, term, measure):
    *_, last = extract(text, date(2020, 1, 21))  # (the sentence's last figure is the one)
    assert (last.term, last.measure) == (term, measure)


def test_a_candidate_offers_the_other_places_its_document_names_nearest_first():
    # For the reviewer: where the rules chose another place than the one wanted, it is most
    # often among these (the sentence's own places first, then the title's, then the others).
    title = "Floods in Kenya: thousands displaced"
    text = (f"{title}\n\nSome 3,000 people fled Garissa town to Dadaab camp, officials said. In "
            "Mombasa, 200 families were evacuated.")  # fmt: skip
    thousands, fled, evacuated = extract(text, date(2024, 5, 10), title=title)
    assert (fled.location, fled.place_options) == (
        "Garissa town",
        ("Dadaab camp", "Kenya", "Mombasa"),
    )
    assert (evacuated.location, evacuated.place_options[0]) == ("Mombasa", "Kenya")
    assert thousands.location == "Kenya" and "Kenya" not in thousands.place_options
    # one place named is no choice
    (alone,) = extract("Some 3,000 people fled Garissa town.", date(2024, 5, 10))
    assert alone.place_options == ()


def test_a_candidate_offers_the_places_its_sentence_names_together_as_one():
    # Annotators most often file a count of several places under all of them, as written: the
    # list is offered first, and its later names are not lists of their own (d1169).
    text = ("Floods hit northern Argentina, affecting 31,651 people in Chaco, Corrientes, "
            "Santiago del Estero, Tucumán, Santa Fe and Entre Ríos.")  # fmt: skip
    (c,) = extract(text, date(2024, 5, 10))
    listed = "Chaco, Corrientes, Santiago del Estero, Tucumán, Santa Fe and Entre Ríos"
    assert c.place_options[0] == listed
    assert not any(o.startswith("Tucumán,") for o in c.place_options)


def test_where_a_body_is_based_is_neither_the_figures_place_nor_the_speaker():
    # Learnt from d1117: "the independent news website …, based in the Netherlands, said that
    # dozens … may have died" filed a Turkmen storm's dead under the Netherlands, said by "based
    # in the Netherlands".
    text = ("Local media reported that at least 10 people died in the April 27 disaster, while "
            "the independent news website and human rights organization, based in the "
            "Netherlands, said that dozens of people may have died.")  # fmt: skip
    for c in extract(text, date(2020, 5, 1)):
        assert c.country_iso3 != "NLD" and "Netherlands" not in (c.attributed_to or "")
    (killed,) = extract("The monitoring group, headquartered in Britain, said 40 people were "
                        "killed in Idlib.", date(2020, 5, 1))  # fmt: skip
    assert (killed.location, killed.country_iso3, killed.attributed_to) == ("Idlib", "SYR", None)


def test_a_place_named_from_its_hyphenated_direction_is_read_whole():
    # Learnt from d1134: the title "Severe Flooding Impacted North-West Department, Haiti" filed
    # its counts under "West Department", Cameroon's West region.
    title = "Severe Flooding Impacted North-West Department, Haiti"
    (families,) = extract(f"{title}\n\nAlmost 2,500 families need temporary shelter.",
                          date(2022, 2, 5), title=title)  # fmt: skip
    assert (families.location, families.country_iso3) == ("North-West Department", "HTI")
