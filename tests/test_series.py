"""Tests for tracker.series: people frames, consensus per series and date, consistency flags."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.series import (
    CONSENSUS_COLUMNS,
    analyse,
    consensus,
    flags,
    people_frame,
    series_label,
)

NAN = math.nan


def fig(figure_id: int, **fields) -> dict:
    """One figure row: an accepted, exact people flow in Baghuz unless `fields` say otherwise."""
    row = {
        "figure_id": figure_id,
        "series_id": 1,
        "location": "Baghuz",
        "population": "civilians",
        "term": "fled",
        "measure": "flow",
        "unit": "people",
        "household_size": NAN,
        "period_start": None,
        "period_end": "2019-03-22",
        "low": NAN,
        "best": NAN,
        "high": NAN,
        "qualifier": "exact",
        "credibility": 2,
        "source_reliability": "B",
        "status": "accepted",
    }
    row.update(fields)
    return row


def exact(figure_id: int, n: float, **fields) -> dict:
    return fig(figure_id, low=n, best=n, high=n, **fields)


def stock(figure_id: int, date: str, low: float, best: float, high: float, **fields) -> dict:
    fields = {"term": "remain", "measure": "stock", "period_end": date, **fields}
    return fig(figure_id, low=low, best=best, high=high, **fields)


def flow(figure_id: int, start: str | None, end: str, low, best, high, **fields) -> dict:
    return fig(
        figure_id, period_start=start, period_end=end, low=low, best=best, high=high, **fields
    )


def frame(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows))
    for column in ("period_start", "period_end"):
        df[column] = pd.to_datetime(df[column])
    for column in ("household_size", "low", "best", "high"):
        df[column] = df[column].astype(float)
    return df


def only(result: pd.DataFrame) -> pd.Series:
    assert len(result) == 1, result
    return result.iloc[0]


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)


# --- labels and people -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        (("Baghuz", "civilians", "fled", "flow"), "Baghuz · civilians · fled (flow)"),
        (("Al Hol camp", "IDPs", "hosted", "stock"), "Al Hol camp · IDPs · hosted (stock)"),
        (("", "IS fighters", "remain", "stock"), "(no location) · IS fighters · remain (stock)"),
    ],
)  # fmt: skip
def test_series_label(fields, label):
    assert series_label(*fields) == label


@pytest.mark.parametrize(
    ("unit", "size", "low", "high", "people", "converted", "unconverted"),
    [
        ("people", NAN, 100, 200, (100, 200), False, False),
        ("households", 5.0, 100, 200, (500, 1000), True, False),
        ("households", 5.0, 100, NAN, (500, NAN), True, False),
        ("households", NAN, 100, 200, (NAN, NAN), False, True),
    ],
)
def test_people_frame_converts_households_with_a_size(
    unit, size, low, high, people, converted, unconverted
):
    out = only(people_frame(frame(fig(1, unit=unit, household_size=size, low=low, high=high))))
    assert same(out["people_low"], people[0]) and same(out["people_high"], people[1])
    assert bool(out["converted"]) is converted
    assert bool(out["households_unconverted"]) is unconverted
    assert out["date"] == pd.Timestamp("2019-03-22")


def test_people_frame_keeps_the_input():
    df = frame(fig(1, unit="households", household_size=6.0, low=10, best=10, high=10))
    people_frame(df)
    assert list(df.columns)[-1] == "status" and df.loc[0, "low"] == 10


# --- consensus ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bounds", "expected", "agreement"),
    [
        # one figure: its own interval
        ([(100, 100, 100)], (100, 100, 100), "single"),
        # overlapping: the intersection
        ([(90, 100, 110), (100, 105, 120)], (100, None, 110), "agree"),
        ([(900, 1000, 1100), (950, 1000, 1000), (NAN, 1000, 1000)], (950, 1000, 1000), "agree"),
        # open bounds: an open high is +inf, an open low -inf
        ([(30000, 30000, NAN), (NAN, 35000, 40000)], (30000, None, 40000), "agree"),
        # all open on one side: the consensus stays open there
        ([(30000, 30000, NAN), (32000, 32000, NAN)], (32000, None, NAN), "agree"),
        ([(NAN, NAN, 500), (NAN, NAN, 400)], (NAN, None, 400), "agree"),
        # apart: the hull, open where any figure is open
        ([(450, 500, 550), (2700, 3000, 3300)], (450, None, 3300), "disagree"),
        ([(NAN, 500, 500), (2700, 3000, 3300)], (NAN, None, 3300), "disagree"),
        ([(34000, 34000, 34000), (37000, 37000, NAN)], (34000, None, NAN), "disagree"),
    ],
)
def test_consensus_interval(bounds, expected, agreement):
    rows = [stock(i + 1, "2019-03-04", *b) for i, b in enumerate(bounds)]
    out = only(consensus(frame(*rows)))
    low, best, high = expected
    assert same(out["low"], low) and same(out["high"], high)
    if best is not None:
        assert out["best"] == pytest.approx(best)
    assert out["agreement"] == agreement
    assert out["figure_ids"] == " ".join(str(i + 1) for i in range(len(bounds)))
    lo = -math.inf if math.isnan(out["low"]) else out["low"]
    hi = math.inf if math.isnan(out["high"]) else out["high"]
    assert lo <= out["best"] <= hi


@pytest.mark.parametrize(
    ("weights", "best"),
    [
        # equal weights: the plain mean
        (((2, "B"), (2, "B")), 150),
        # confirmed by a completely reliable source (1.0) against improbable, unreliable (0.04)
        (((1, "A"), (5, "E")), (100 * 1.0 + 200 * 0.04) / 1.04),
        (((5, "E"), (1, "A")), (100 * 0.04 + 200 * 1.0) / 1.04),
        # cannot be judged (6, F): 0.25 against 1.0
        (((6, "F"), (1, "A")), (100 * 0.25 + 200 * 1.0) / 1.25),
    ],
)
def test_consensus_best_weighs_credibility_and_reliability(weights, best):
    (c1, r1), (c2, r2) = weights
    df = frame(
        stock(1, "2019-03-04", 50, 100, 250, credibility=c1, source_reliability=r1),
        stock(2, "2019-03-04", 50, 200, 250, credibility=c2, source_reliability=r2),
    )
    assert only(consensus(df))["best"] == pytest.approx(best)


def test_consensus_best_is_moved_into_the_intersection_before_weighing():
    # Both bests lie outside [120, 130]; each is moved to the nearest end, then averaged.
    df = frame(stock(1, "2019-03-04", 100, 110, 130), stock(2, "2019-03-04", 120, 150, 200))
    out = only(consensus(df))
    assert (out["low"], out["best"], out["high"]) == (120, 125, 130)


def test_consensus_best_of_a_figure_without_best_is_its_middle():
    out = only(consensus(frame(stock(1, "2019-03-04", 100, NAN, 300))))
    assert out["best"] == 200
    out = only(consensus(frame(stock(1, "2019-03-04", NAN, NAN, 300))))
    assert out["best"] == 300


def test_consensus_several_sources_on_one_date_and_others_apart():
    df = frame(
        # 17 March: Reuters 34,000 and Rudaw 37,000 evacuated, both "since January"
        exact(3, 34000, period_start="2019-01-09", period_end="2019-03-17", term="evacuated"),
        exact(1, 37000, period_start="2019-01-09", period_end="2019-03-17", term="evacuated"),
        fig(
            2,
            period_start="2019-01-09",
            period_end="2019-03-17",
            low=30000,
            best=35000,
            high=40000,
            term="evacuated",
        ),  # fmt: skip
        # another date, another series
        stock(4, "2019-03-18", 70000, 70000, 70000, series_id=2),
        stock(5, "2019-03-17", 60000, 60000, 60000, series_id=2),
        # a candidate and a figure without a date are left out
        stock(6, "2019-03-18", 1, 1, 1, series_id=2, status="candidate"),
        stock(7, None, 1, 1, 1, series_id=2),
    )
    out = consensus(df)
    assert out[["series_id", "figure_ids", "agreement"]].values.tolist() == [
        [1, "1 2 3", "disagree"],
        [2, "5", "single"],
        [2, "4", "single"],
    ]
    assert out["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2019-03-17",
        "2019-03-17",
        "2019-03-18",
    ]
    assert (out.loc[0, "low"], out.loc[0, "high"]) == (30000, 40000)


def test_consensus_keeps_periods_apart_on_one_end_date():
    # "5,000 in the past week" and "30,000 since the offensive began" end on the same day.
    df = frame(
        exact(1, 5000, period_start="2019-03-16"),
        fig(2, low=30000, best=30000, qualifier="more_than"),
    )
    out = consensus(df)
    assert out["agreement"].tolist() == ["single", "single"]
    assert out["figure_ids"].tolist() == ["2", "1"]


def test_consensus_households():
    df = frame(
        # 100 families of 5 agree with 480–520 people
        stock(1, "2019-03-04", 100, 100, 100, unit="households", household_size=5.0),
        stock(2, "2019-03-04", 480, 500, 520),
        # without a size, households stay on their own row, in households
        stock(3, "2019-03-04", 71 * 0.9, 71, 71 * 1.1, unit="households"),
    )
    out = consensus(df).set_index("unit", drop=False)
    assert out.loc["people", ["low", "best", "high"]].tolist() == [500, 500, 500]
    assert out.loc["people", "figure_ids"] == "1 2"
    assert out.loc["households", "best"] == pytest.approx(71)
    assert out.loc["households", "figure_ids"] == "3"


def test_consensus_statuses():
    df = frame(stock(1, "2019-03-04", 10, 10, 10, status="candidate"))
    assert consensus(df).empty
    assert only(consensus(df, statuses=("accepted", "candidate")))["figure_ids"] == "1"
    assert only(consensus(df, statuses="candidate"))["figure_ids"] == "1"
    assert consensus(df, statuses=["rejected"]).empty


def test_consensus_of_nothing_has_the_columns():
    out = consensus(frame(stock(1, None, 10, 10, 10)))
    assert out.empty
    assert list(out.columns) == CONSENSUS_COLUMNS
    full = consensus(frame(stock(1, "2019-03-04", 10, 10, 10)))
    assert list(full.columns) == CONSENSUS_COLUMNS
    assert (out.dtypes == full.dtypes).all()


# Cumulative flows (same known start): never fewer than an earlier solid low.
@pytest.mark.parametrize(
    ("later", "expected", "agreement", "raised"),
    [
        # growing: untouched
        ((12000, 12000, 12000), (12000, 12000, 12000), "single", False),
        # "more than 8,000": its low is raised to the earlier 10,000
        ((8000, 8000, NAN), (10000, 10000, NAN), "single", True),
        # "up to 11,000": low raised, high kept
        ((NAN, 11000, 11000), (10000, 11000, 11000), "single", True),
        # wholly below: contradicts the floor, high opens
        ((9000, 9000, 9000), (10000, 10000, NAN), "disagree", True),
    ],
)
def test_consensus_cumulative_floor(later, expected, agreement, raised):
    df = frame(
        exact(1, 10000, period_start="2018-12-01", period_end="2019-03-01", term="arrived"),
        flow(2, "2018-12-01", "2019-03-08", *later, term="arrived"),
    )
    out = consensus(df).iloc[1]
    assert all(same(a, b) for a, b in zip(out[["low", "best", "high"]], expected, strict=True))
    assert out["agreement"] == agreement
    assert bool(out["raised"]) is raised
    assert (out["floor_figure_id"] == 1) if raised else pd.isna(out["floor_figure_id"])


def test_consensus_floor_skips_disagreeing_rows_and_unknown_starts():
    df = frame(
        # 1 March disagrees with itself: not solid, sets no floor
        exact(1, 10000, period_start="2018-12-01", period_end="2019-03-01"),
        exact(2, 20000, period_start="2018-12-01", period_end="2019-03-01"),
        exact(3, 9000, period_start="2018-12-01", period_end="2019-03-08"),
        # unknown start: not cumulative
        exact(4, 10000, period_end="2019-03-01"),
        exact(5, 5000, period_end="2019-03-08"),
    )
    out = consensus(df)
    assert not out["raised"].any()
    assert out["low"].tolist() == [10000, 5000, 10000, 9000]


# --- flags -------------------------------------------------------------------------------------


def kinds(df: pd.DataFrame) -> list[tuple[str, str]]:
    out = flags(df)
    assert list(out.columns) == ["series_id", "kind", "figure_ids", "message"]
    assert all("\n" not in m for m in out["message"])
    return sorted(zip(out["kind"], out["figure_ids"], strict=True))


def test_a_consistent_series_raises_nothing():
    df = frame(
        # overlapping estimates for one day
        flow(1, "2019-03-01", "2019-03-07", 4500, 5000, 5500),
        flow(2, "2019-03-01", "2019-03-07", 5000, 5000, NAN),
        # cumulative counts that grow, by several sources
        exact(3, 9000, period_start="2019-03-01", period_end="2019-03-14"),
        flow(4, "2019-03-01", "2019-03-21", 13500, 15000, 16500),
        flow(5, "2019-03-01", "2019-03-31", 20000, 20000, NAN),
        # weekly flows inside their total, which fit
        exact(6, 4000, period_start="2019-03-08", period_end="2019-03-14"),
        exact(7, 6000, period_start="2019-03-15", period_end="2019-03-21"),
        exact(8, 5000, period_start="2019-03-22", period_end="2019-03-28"),
        # a stock that falls is no contradiction
        stock(9, "2019-03-01", 10000, 10000, 10000, series_id=2),
        stock(10, "2019-03-08", 3000, 3000, 3000, series_id=2),
    )
    assert kinds(df) == []
    assert set(consensus(df)["agreement"]) == {"agree", "single"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # two stocks of one date that do not overlap: named with their numbers
        (
            [stock(1, "2019-03-04", 450, 500, 550), stock(2, "2019-03-04", 2700, 3000, 3300)],
            [("estimates_disagree", "1 2")],
        ),
        # only the figures that miss another are listed
        (
            [stock(1, "2019-03-04", 450, 500, 550), stock(2, "2019-03-04", 2700, 3000, 3300),
             stock(3, "2019-03-04", NAN, 1000, NAN)],
            [("estimates_disagree", "1 2")],
        ),
        # flows of one period
        (
            [exact(1, 138, period_start="2018-12-01", period_end="2019-03-21"),
             flow(2, "2018-12-01", "2019-03-21", 189, 210, 210)],
            [("estimates_disagree", "1 2")],
        ),
        # touching intervals overlap
        ([stock(1, "2019-03-04", 100, 100, 200), stock(2, "2019-03-04", 200, 300, 300)], []),
        # different dates never disagree
        ([stock(1, "2019-03-04", 100, 100, 100), stock(2, "2019-03-05", 300, 300, 300)], []),
        # different series never disagree
        ([stock(1, "2019-03-04", 100, 100, 100),
          stock(2, "2019-03-04", 300, 300, 300, series_id=2)], []),
        # "more than 30,000" and "up to 5,000" miss each other on their known bounds
        ([stock(1, "2019-03-04", 30000, 30000, NAN), stock(2, "2019-03-04", NAN, 5000, 5000)],
         [("estimates_disagree", "1 2")]),
        # but an open bound on its own is no flag: "more than 30,000" and "less than 50,000"
        ([stock(1, "2019-03-04", 30000, 30000, NAN), stock(2, "2019-03-04", NAN, NAN, 50000)], []),
        ([stock(1, "2019-03-04", NAN, 30000, NAN), stock(2, "2019-03-04", 60, 60, 60)], []),
        # people and unconverted households are not compared
        ([stock(1, "2019-03-04", 100, 100, 100),
          stock(2, "2019-03-04", 300, 300, 300, unit="households")], []),
        # converted households are
        ([stock(1, "2019-03-04", 100, 100, 100),
          stock(2, "2019-03-04", 300, 300, 300, unit="households", household_size=5.0)],
         [("estimates_disagree", "1 2")]),
        # rejected figures are not checked
        ([stock(1, "2019-03-04", 100, 100, 100),
          stock(2, "2019-03-04", 300, 300, 300, status="rejected")], []),
    ],
)  # fmt: skip
def test_estimates_disagree(rows, expected):
    assert kinds(frame(*rows)) == expected


def test_estimates_disagree_message_names_figures_and_numbers():
    df = frame(stock(1, "2019-03-04", 450, 500, 550), stock(2, "2019-03-04", 2700, 3000, 3300))
    row = only(flags(df))
    assert row["series_id"] == 1
    assert row["message"] == (
        "figures on 2019-03-04 do not overlap: figure 2 says at least 2,700, figure 1 at most 550"
    )


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        # the later count is wholly below the earlier
        ((10000, 10000, 10000), (9000, 9000, 9000), [("cumulative_decrease", "1 2")]),
        ((10000, 10000, 11000), (8000, 9000, 9999), [("cumulative_decrease", "1 2")]),
        # overlapping: a later estimate may be lower, but not wholly below
        ((9000, 10000, 11000), (8500, 9500, 10500), []),
        ((10000, 10000, 10000), (9000, 10000, 10000), []),
        # open bounds never cause it: "up to 12,000" earlier, "more than 8,000" later
        ((NAN, 12000, 12000), (8000, 8000, NAN), []),
        ((10000, 10000, NAN), (NAN, 9000, NAN), []),
        ((NAN, NAN, 12000), (NAN, NAN, 5000), []),
    ],
)
def test_cumulative_decrease(earlier, later, expected):
    df = frame(
        flow(1, "2018-12-01", "2019-03-01", *earlier, term="arrived"),
        flow(2, "2018-12-01", "2019-03-08", *later, term="arrived"),
    )
    assert kinds(df) == expected


@pytest.mark.parametrize(
    "starts",
    [
        # different starts: not the same count
        ("2018-12-01", "2018-12-15"),
        # unknown starts: not known to be the same
        (None, None),
    ],
)
def test_no_cumulative_decrease_without_a_shared_known_start(starts):
    df = frame(
        exact(1, 10000, period_start=starts[0], period_end="2019-03-01"),
        exact(2, 9000, period_start=starts[1], period_end="2019-03-08"),
    )
    assert [k for k, _ in kinds(df) if k == "cumulative_decrease"] == []


def test_cumulative_decrease_names_the_highest_earlier_low_once_per_later_figure():
    df = frame(
        exact(1, 10000, period_start="2018-12-01", period_end="2019-03-01"),
        exact(2, 12000, period_start="2018-12-01", period_end="2019-03-05"),
        exact(3, 11000, period_start="2018-12-01", period_end="2019-03-08"),
        exact(4, 9000, period_start="2018-12-01", period_end="2019-03-09"),
    )
    out = flags(df)
    assert out["figure_ids"].tolist() == ["2 3", "2 4"]
    assert out["message"].iloc[0] == (
        "figure 3 (2019-03-08, at most 11,000) is below figure 2 (2019-03-05, at least 12,000), "
        "both counted from 2018-12-01"
    )


@pytest.mark.parametrize(
    ("total", "weeks", "expected"),
    [
        # four weeks of 4,000 inside a month of "about 10,000" (high 11,000)
        ((9000, 10000, 11000), [4000, 4000, 4000, 4000], [("flows_exceed_total", "1 2 3 4 5")]),
        # they fit
        ((9000, 15000, 16000), [4000, 4000, 4000, 4000], []),
        # open high of the total: nothing to exceed
        ((9000, 10000, NAN), [4000, 4000, 4000, 4000], []),
        # open lows add nothing: "up to 4,000" each
        ((9000, 10000, 11000), [NAN, NAN, NAN, 4000], []),
        # a single week alone above the total
        ((900, 1000, 1100), [NAN, 2000, NAN, NAN], [("flows_exceed_total", "1 3")]),
    ],
)
def test_flows_exceed_total(total, weeks, expected):
    rows = [flow(1, "2019-03-01", "2019-03-31", *total)]
    for i, low in enumerate(weeks):
        start = pd.Timestamp("2019-03-01") + pd.Timedelta(days=7 * i)
        end = start + pd.Timedelta(days=6)
        rows.append(flow(i + 2, str(start.date()), str(end.date()), low, low, NAN))
    assert kinds(frame(*rows)) == expected


def test_flows_exceed_total_message():
    df = frame(
        flow(1, "2019-03-01", "2019-03-31", 9000, 10000, 11000),
        exact(2, 6000, period_start="2019-03-01", period_end="2019-03-07"),
        exact(3, 6000, period_start="2019-03-15", period_end="2019-03-21"),
    )
    assert only(flags(df))["message"] == (
        "flows 2, 3 inside figure 1 (2019-03-01 to 2019-03-31) add up to at least 12,000, "
        "more than its high 11,000"
    )


@pytest.mark.parametrize(
    "inner",
    [
        # growing cumulative counts inside a later one are never added up
        [("2019-03-01", "2019-03-07", 5000), ("2019-03-01", "2019-03-14", 9000)],
        # overlapping windows ("the past 7 days" on two days) are not added up
        [("2019-03-02", "2019-03-08", 6000), ("2019-03-05", "2019-03-11", 6000)],
    ],
)
def test_flows_exceed_total_never_adds_overlapping_flows(inner):
    rows = [exact(1, 10000, period_start="2019-03-01", period_end="2019-03-21")]
    rows += [exact(i + 2, n, period_start=a, period_end=b) for i, (a, b, n) in enumerate(inner)]
    assert kinds(frame(*rows)) == []


def test_cumulative_decrease_wins_over_flows_exceed_total():
    # Figure 2 starts with figure 1 and ends later, yet is below it: both kinds would apply.
    df = frame(
        exact(1, 10000, period_start="2019-03-01", period_end="2019-03-07"),
        exact(2, 8000, period_start="2019-03-01", period_end="2019-03-14"),
    )
    assert kinds(df) == [("cumulative_decrease", "1 2")]


def test_flags_households():
    df = frame(
        stock(1, "2019-03-04", 10, 10, 10, unit="households"),
        stock(2, "2019-03-04", 30, 30, 30, unit="households"),
    )
    assert only(flags(df))["message"].endswith(
        "figure 2 says at least 30 households, figure 1 at most 10 households"
    )


def test_analyse_is_consensus_and_flags():
    df = frame(
        stock(1, "2019-03-04", 450, 500, 550),
        stock(2, "2019-03-04", 2700, 3000, 3300),
        exact(3, 10000, period_start="2018-12-01", period_end="2019-03-01"),
        exact(4, 9000, period_start="2018-12-01", period_end="2019-03-08"),
    )
    both = analyse(df)
    pd.testing.assert_frame_equal(both[0], consensus(df))
    pd.testing.assert_frame_equal(both[1], flags(df))


def test_input_order_does_not_matter():
    rows = [
        stock(5, "2019-03-04", 450, 500, 550),
        stock(12, "2019-03-04", 2700, 3000, 3300),
        exact(3, 10000, period_start="2018-12-01", period_end="2019-03-01"),
        exact(40, 9000, period_start="2018-12-01", period_end="2019-03-08"),
        stock(7, "2019-03-02", 1, 1, 1, series_id=3),
    ]
    a = consensus(frame(*rows))
    b = consensus(frame(*reversed(rows)))
    pd.testing.assert_frame_equal(a, b)
    assert a["figure_ids"].tolist() == ["5 12", "3", "40", "7"]


@pytest.mark.parametrize(
    "ids",
    [
        (2, 1, 3),
        # ids far apart, and ids that repeat: the plain sort must give the same groups
        (2_000_000_000, 1, 3),
        (2, 2, 3),
    ],
)
def test_any_figure_ids(ids):
    df = frame(
        stock(ids[0], "2019-03-04", 100, 100, 100),
        stock(ids[1], "2019-03-04", 300, 300, 300),
        stock(ids[2], "2019-03-05", 300, 300, 300),
    )
    first = " ".join(map(str, sorted(ids[:2])))
    assert consensus(df)["figure_ids"].tolist() == [first, str(ids[2])]
    assert kinds(df) == [("estimates_disagree", first)]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2019-03-01", "2019-03-07", "figures for 2019-03-01 to 2019-03-07 do not overlap"),
        ("2019-03-04", "2019-03-04", "figures on 2019-03-04 do not overlap"),
        (None, "2019-03-04", "figures for the period ending 2019-03-04 do not overlap"),
    ],
)
def test_estimates_disagree_message_names_the_period(start, end, words):
    df = frame(
        exact(1, 500, period_start=start, period_end=end),
        exact(2, 3000, period_start=start, period_end=end),
    )
    assert only(flags(df))["message"].startswith(words)


def test_message_numbers_keep_a_decimal_where_there_is_one():
    df = frame(
        stock(1, "2019-03-04", 63.9, 71, 78.1, unit="households"),
        stock(2, "2019-03-04", 1234.5, 1234.5, 1234.5, unit="households"),
    )
    assert only(flags(df))["message"].endswith(
        "figure 2 says at least 1,234.5 households, figure 1 at most 78.1 households"
    )


def test_dates_with_a_time_of_day_still_group():
    # Not whole days: the packed sort key does not apply, the plain sort must give the same.
    df = frame(
        stock(2, "2019-03-04 12:00", 100, 100, 100),
        stock(1, "2019-03-04 12:00", 300, 300, 300),
        stock(3, "2019-03-05 06:00", 300, 300, 300),
    )
    assert consensus(df)["figure_ids"].tolist() == ["1 2", "3"]
    assert kinds(df) == [("estimates_disagree", "1 2")]


# --- properties --------------------------------------------------------------------------------

bound = st.one_of(st.just(NAN), st.integers(0, 10_000).map(float))


@st.composite
def figure_bounds(draw) -> tuple[float, float, float]:
    low, high = draw(bound), draw(bound)
    if not math.isnan(low) and not math.isnan(high) and low > high:
        low, high = high, low
    best = draw(st.one_of(st.just(NAN), st.floats(0, 10_000)))
    return low, best, high


def stocks(bounds, weights=None) -> pd.DataFrame:
    weights = weights or [(2, "B")] * len(bounds)
    return frame(
        *(
            stock(i + 1, "2019-03-04", *b, credibility=c, source_reliability=r)
            for i, (b, (c, r)) in enumerate(zip(bounds, weights, strict=True))
        )
    )


def as_interval(low: float, high: float) -> tuple[float, float]:
    return (-math.inf if math.isnan(low) else low, math.inf if math.isnan(high) else high)


weight = st.tuples(st.integers(1, 6), st.sampled_from("ABCDEF"))


@settings(max_examples=150, deadline=None)
@given(st.lists(figure_bounds(), min_size=1, max_size=6), st.data())
def test_property_consensus_lies_within_the_hull(bounds, data):
    weights = data.draw(st.lists(weight, min_size=len(bounds), max_size=len(bounds)))
    out = only(consensus(stocks(bounds, weights)))
    lows = [as_interval(lo, hi)[0] for lo, _, hi in bounds]
    highs = [as_interval(lo, hi)[1] for lo, _, hi in bounds]
    low, high = as_interval(out["low"], out["high"])
    assert min(lows) <= low and high <= max(highs)
    if not math.isnan(out["best"]):
        assert low - 1e-9 <= out["best"] <= high + 1e-9
        assert min(lows) <= out["best"] <= max(highs)


@settings(max_examples=150, deadline=None)
@given(st.lists(figure_bounds(), min_size=1, max_size=5), figure_bounds())
def test_property_an_agreeing_figure_never_widens_the_consensus(bounds, extra):
    before = only(consensus(stocks(bounds)))
    low, high = as_interval(before["low"], before["high"])
    new_low, new_high = as_interval(extra[0], extra[2])
    # The new figure agrees: it meets an agreeing consensus, or lies inside a disagreeing span.
    if before["agreement"] == "disagree" or new_low > high or new_high < low:
        new_low = min(max(new_low, low), high)
        new_high = max(min(new_high, high), new_low)
    nan_if_inf = [NAN if math.isinf(x) else x for x in (new_low, new_high)]
    after = only(consensus(stocks([*bounds, (nan_if_inf[0], extra[1], nan_if_inf[1])])))
    a_low, a_high = as_interval(after["low"], after["high"])
    assert low <= a_low and a_high <= high
    assert (after["agreement"] == "disagree") == (before["agreement"] == "disagree")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), figure_bounds()), min_size=1, max_size=10))
def test_property_cumulative_counts_never_fall_below_an_earlier_solid_low(reports):
    day = pd.Timestamp("2019-03-01")
    rows = [
        flow(i + 1, "2018-12-01", str((day + pd.Timedelta(days=d)).date()), *b)
        for i, (d, b) in enumerate(reports)
    ]
    out = consensus(frame(*rows))
    floor = -math.inf
    for low, best, agreement in zip(out["low"], out["best"], out["agreement"], strict=True):
        assert (not math.isnan(low) and low >= floor) or floor == -math.inf
        if not math.isnan(best):
            assert best >= floor
        if agreement != "disagree" and not math.isnan(low):
            floor = max(floor, low)
