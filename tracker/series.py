"""Series analysis: figures of one series as people over time, one consensus reading per date, and
flags where the figures of a series contradict each other.

Everything here is pure pandas/numpy over a frame with one row per figure (see `people_frame`);
work is vectorised over all series at once, never a Python loop per figure.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Admiralty-scale weights for the consensus best. "Cannot be judged" (6, F) sits between
# "possibly true" and "doubtful": it neither trusts nor distrusts the figure.
CREDIBILITY_WEIGHT: dict[int, float] = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5}
RELIABILITY_WEIGHT: dict[str, float] = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
UNKNOWN_WEIGHT = 0.5

# What `consensus` and `flags` read: one row per figure, any order. Dates are datetime64 (NaT =
# unknown; stocks have no period_start), bounds floats (NaN = open), credibility 1–6, source
# reliability "A"–"F"; the series columns only name the series in labels.
FIGURE_COLUMNS = [
    "figure_id", "series_id", "location", "population", "term", "measure", "unit",
    "household_size", "period_start", "period_end", "low", "best", "high", "qualifier",
    "credibility", "source_reliability", "status",
]  # fmt: skip
CONSENSUS_COLUMNS = [
    "series_id", "unit", "period_start", "date", "low", "best", "high", "agreement",
    "figure_ids", "raised", "floor_figure_id",
]  # fmt: skip
AGREEMENTS = ["agree", "disagree", "single"]
UNITS = ["people", "households"]
FLAG_COLUMNS = ["series_id", "kind", "figure_ids", "message"]

_DAY_NS = 86_400_000_000_000
# Stand-in for a missing period_start in integer keys; real dates are far from it.
_NO_DATE = np.iinfo(np.int64).min


def series_label(location: str | None, population: str, term: str, measure: str) -> str:
    """A short human name for a series, e.g. "Baghuz · civilians · fled (flow)"."""
    return f"{location or '(no location)'} · {population} · {term} ({measure})"


def people_factor(unit: pd.Series, household_size: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Households → people, the one rule: per figure, the factor that turns its bounds into
    people (the household size, for households with one; else 1), and whether it must stay in
    households (households without a size)."""
    households = (unit == "households").to_numpy(dtype=bool)
    size = pd.to_numeric(household_size, errors="coerce").to_numpy(dtype=float)
    has_size = ~np.isnan(size)
    return np.where(households & has_size, size, 1.0), households & ~has_size


def people_frame(figures: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of `figures` with the estimate in people and the date of each figure.

    Adds `people_low`, `people_best`, `people_high` (each bound × household_size for household
    figures with a size; NaN for household figures without one, which cannot be counted in
    people), `converted` (households turned into people), `households_unconverted` (households
    without a size: charted on their own, never mixed with people) and `date` (= period_end).
    """
    out = figures.copy()
    factor, unconverted = people_factor(out["unit"], out["household_size"])
    for bound in ("low", "best", "high"):
        # A household figure without a size cannot be counted in people: NaN.
        out[f"people_{bound}"] = out[bound].to_numpy(dtype=float) * np.where(
            unconverted, np.nan, factor
        )
    households = (out["unit"] == "households").to_numpy(dtype=bool)
    out["converted"] = households & ~unconverted
    out["households_unconverted"] = unconverted
    out["date"] = out["period_end"]
    return out


def _weights(figures: pd.DataFrame) -> np.ndarray:
    """Credibility weight × source reliability weight, per figure."""
    cred_table = np.full(8, UNKNOWN_WEIGHT)
    for level, weight in CREDIBILITY_WEIGHT.items():
        cred_table[level] = weight
    cred = pd.to_numeric(figures["credibility"], errors="coerce").to_numpy(dtype=float)
    # Anything off the scale (or missing) indexes entry 0, the unknown weight.
    cred_idx = np.where((cred >= 1) & (cred <= 6), cred, 0).astype(np.int64)
    codes, uniques = pd.factorize(figures["source_reliability"])
    rel = [RELIABILITY_WEIGHT.get(u, UNKNOWN_WEIGHT) for u in uniques]
    rel_table = np.array([*rel, UNKNOWN_WEIGHT])
    # factorize marks a missing reliability -1, which indexes the last entry (cannot be judged).
    return cred_table[cred_idx] * rel_table[codes]


def _group_starts(*keys: np.ndarray) -> np.ndarray:
    """Start positions of runs of equal keys in arrays already sorted by those keys."""
    n = len(keys[0])
    change = np.zeros(n, dtype=bool)
    if n:
        change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


def _join_ids(ids: np.ndarray, starts: np.ndarray) -> pd.Series:
    """The ids of each group (delimited by `starts`) joined by " ", as one str Series.

    Arrow's list join does it in C: text for a million ids in tens of milliseconds, where a
    Python join per group would take a second.
    """
    text = pc.cast(pa.array(ids, type=pa.int64()), pa.string())
    offsets = pa.array(np.append(starts, len(ids)), type=pa.int64())
    return pc.binary_join(pa.LargeListArray.from_arrays(offsets, text), " ").to_pandas()


def _dates(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype="datetime64[ns]").view(np.int64)


class _Groups:
    """Figures with a period_end, sorted by series, unit, period_start, period_end, figure_id.

    Per-figure arrays (`rows` are positions in the input frame) and, per period group (one
    series, unit and period), the group's keys; `starts` and `counts` delimit the groups.
    """

    def __init__(self, figures: pd.DataFrame, statuses: Collection[str]) -> None:
        start, end = _dates(figures["period_start"]), _dates(figures["period_end"])
        status = figures["status"]
        # A bare "accepted" means that one status, not its letters.
        statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses)
        # One status (the usual "accepted") compares faster than isin.
        chosen = status == next(iter(statuses)) if len(statuses) == 1 else status.isin(statuses)
        keep = chosen.to_numpy(dtype=bool) & (end != _NO_DATE)
        households = (figures["unit"] == "households").to_numpy(dtype=bool)
        size = figures["household_size"].to_numpy(dtype=float)
        unconverted = households & np.isnan(size)
        sid = figures["series_id"].to_numpy(dtype=np.int64)
        fid = figures["figure_id"].to_numpy(dtype=np.int64)
        self.rows, self.starts = _sort_groups(keep, sid, unconverted, start, end, fid)
        rows = self.rows
        self.n = n = len(rows)
        self.counts = np.diff(np.append(self.starts, n))
        self.group_of = np.repeat(np.arange(len(self.starts)), self.counts)
        self.figure_id = fid[rows]
        # People where a household size converts them, households where none is given.
        factor = np.where(households & ~unconverted, size, 1.0)[rows]
        self.low = figures["low"].to_numpy(dtype=float)[rows] * factor
        self.best = figures["best"].to_numpy(dtype=float)[rows] * factor
        self.high = figures["high"].to_numpy(dtype=float)[rows] * factor

        first = rows[self.starts]
        self.series_id = sid[first]
        self.households = unconverted[first].astype(np.int64)
        self.start = start[first]
        self.has_start = self.start != _NO_DATE
        self.end = end[first]
        self.flow = (figures["measure"] == "flow").to_numpy(dtype=bool)[first]

    # Per group extremes, shared by consensus and flags when `analyse` computes both.
    @cached_property
    def max_low(self) -> np.ndarray:
        return np.fmax.reduceat(self.low, self.starts) if self.n else np.zeros(0)

    @cached_property
    def min_high(self) -> np.ndarray:
        return np.fmin.reduceat(self.high, self.starts) if self.n else np.zeros(0)

    @cached_property
    def low_id(self) -> np.ndarray:
        """The (smallest) figure id holding each group's highest low."""
        return _holder(self, self.low, self.max_low)

    @cached_property
    def high_id(self) -> np.ndarray:
        return _holder(self, self.high, self.min_high)


def _rows_of_ids(id_field: np.ndarray, kept: np.ndarray, ids: np.ndarray) -> np.ndarray | None:
    """Rows holding the ids `ids` (sorted keys' low bits), or None where ids repeat or spread."""
    if int(id_field[kept].max()) > 4 * len(kept) + 1024:
        return None
    row_of = np.full(int(id_field[kept].max()) + 1, -1, dtype=np.int64)
    row_of[id_field[kept]] = kept
    # A repeated id takes one slot for several rows.
    if np.count_nonzero(row_of >= 0) != len(kept):
        return None
    return row_of[ids]


def _sort_groups(
    keep: np.ndarray,
    sid: np.ndarray,
    unconverted: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    fid: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Kept rows in order of series, unit, start, end and figure id, and where groups start.

    Where the keys fit in 63 bits (whole-day dates, ids in a compact range), they are packed into
    one integer and sorted once, several times faster than a lexsort.
    """
    kept = np.flatnonzero(keep)
    if len(kept) == 0:
        return kept, kept
    big = np.iinfo(np.int64).max
    known = keep & (start != _NO_DATE)
    dated = start != _NO_DATE
    start_day, end_day = start // _DAY_NS, end // _DAY_NS
    # Dates with a time of day would not survive packing as days; they take the lexsort.
    whole_days = ((start_day * _DAY_NS == start) | ~dated).all() and (
        (end_day * _DAY_NS == end) | ~keep
    ).all()
    if whole_days:
        # Widths come from all rows, not only the kept ones: a bit more room, but plain
        # reductions run several times faster than masked ones.
        first_day = min(np.where(keep, end_day, big).min(), np.where(dated, start_day, big).min())
        start_day -= first_day - 1
        start_day[~known] = 0
        end_day -= first_day
        end_day[~keep] = 0
        fid_min, sid_min = fid.min(), sid.min()
        fields = [(sid, sid_min), (unconverted, 0), (start_day, 0), (end_day, 0), (fid, fid_min)]
        bits = [max(int(f.max()) - int(lo), 1).bit_length() for f, lo in fields]
        if sum(bits) <= 63:
            key = sid - sid_min
            for (f, lo), width in zip(fields[1:], bits[1:], strict=True):
                key <<= width
                key |= f - lo if lo else f
            key[~keep] = big
            # Sorting the keys themselves is several times faster than argsort; the figure id
            # in their low bits leads back to the row where ids are unique and compact.
            ordered = np.sort(key)[: len(kept)]
            rows = _rows_of_ids(fid - fid_min, kept, ordered & ((1 << bits[-1]) - 1))
            if rows is None:
                rows = np.argsort(key)[: len(kept)]
                ordered = key[rows]
            ordered >>= bits[-1]
            return rows, np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    rows = kept[np.lexsort((fid[kept], end[kept], start[kept], unconverted[kept], sid[kept]))]
    starts = _group_starts(sid[rows], unconverted[rows], start[rows], end[rows])
    return rows, starts


def consensus(figures: pd.DataFrame, statuses: Collection[str] = ("accepted",)) -> pd.DataFrame:
    """One consensus estimate per series, unit and period, from the figures with `statuses`.

    The rule. Figures are grouped by series and period (period_start and period_end; for a stock
    only the date, period_end); figures without a period_end are left out. Household figures
    with a household size count as people (each bound × size, as in `people_frame`); those
    without one form their own rows (`unit` "households"), never mixed with people.
    An open bound counts as unbounded: an open low as -inf, an open high as +inf. If the intervals
    of a group overlap (the highest low is at most the lowest high), the consensus interval is
    their intersection [highest low, lowest high] and `agreement` is "agree" ("single" for one
    figure); a bound stays open only when every figure leaves it open. If they do not overlap, the
    consensus spans them all, [lowest low, highest high], open where any figure is open, and
    `agreement` is "disagree". The best is a weighted mean of the figures' best values, each
    first moved to the nearest point of the consensus interval, so it always lies inside it; a
    figure without a best uses the middle of its known bounds. A figure's weight is its
    credibility weight (1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5) times its source's
    reliability weight (A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5).

    Cumulative flows: flows of a series with the same known period_start count the same people
    from the same day, so a later one can never be fewer. Along such a run, ordered by
    period_end, the low and best of each row are raised to the highest low of the earlier rows
    that are not "disagree" (the floor). A row whose high is below the floor contradicts it: its
    high becomes open and its agreement "disagree". Raised rows have `raised` True and
    `floor_figure_id` names the figure whose low set the floor. Flows with an unknown start and
    stocks are never raised.

    Columns (CONSENSUS_COLUMNS), one row per series, unit and period, sorted by them: series_id,
    unit ("people" | "households", categorical), period_start (NaT for stocks and flows of
    unknown start), date (period_end), low, best, high (NaN = open), agreement ("agree" |
    "disagree" | "single", categorical), figure_ids (ids joined by " ", ascending), raised
    (bool), floor_figure_id (Int64, <NA> unless raised).
    """
    return _consensus(_Groups(figures, statuses), figures)


def _consensus(g: _Groups, figures: pd.DataFrame) -> pd.DataFrame:
    if g.n == 0:
        return _empty_consensus()
    starts, counts = g.starts, g.counts
    low, high = g.low, g.high
    max_low, min_high = g.max_low, g.min_high
    # np.minimum/np.maximum propagate NaN: the hull is open where any figure is open.
    min_low = np.minimum.reduceat(low, starts)
    max_high = np.maximum.reduceat(high, starts)
    overlap = ~(max_low > min_high)
    c_low = np.where(overlap, max_low, min_low)
    c_high = np.where(overlap, min_high, max_high)

    # A figure without a best ("less than N") stands at the middle of its known bounds.
    middle = np.where(np.isnan(low) | np.isnan(high), np.fmax(low, high), (low + high) / 2)
    point = np.where(np.isnan(g.best), middle, g.best)
    point = np.fmin(np.fmax(point, c_low[g.group_of]), c_high[g.group_of])
    has_point = ~np.isnan(point)
    weight = np.where(has_point, _weights(figures)[g.rows], 0.0)
    total = np.add.reduceat(weight, starts)
    weighted = np.add.reduceat(np.where(has_point, point * weight, 0.0), starts)
    with np.errstate(invalid="ignore", divide="ignore"):
        c_best = np.where(total > 0, weighted / total, np.nan)
    # Rounding in the mean may step just outside a point interval; the rule says inside.
    c_best = np.fmin(np.fmax(c_best, c_low), c_high)

    # Codes into AGREEMENTS: agree, disagree, single.
    agreement = np.where(overlap, 0, 1)
    agreement[counts == 1] = 2
    c_low, c_best, c_high, raised, floor_id, agreement = _cumulative_floor(
        g, c_low, c_best, c_high, agreement, g.low_id
    )
    return pd.DataFrame(
        {
            "series_id": g.series_id,
            "unit": pd.Categorical.from_codes(g.households, categories=UNITS),
            "period_start": g.start.view("datetime64[ns]"),
            "date": g.end.view("datetime64[ns]"),
            "low": c_low,
            "best": c_best,
            "high": c_high,
            "agreement": pd.Categorical.from_codes(agreement, categories=AGREEMENTS),
            "figure_ids": _join_ids(g.figure_id, starts),
            "raised": raised,
            "floor_figure_id": pd.array(floor_id, dtype="Int64"),
        }
    )


def _holder(g: _Groups, values: np.ndarray, extreme: np.ndarray) -> np.ndarray:
    """Per group, the smallest figure id whose value equals the group's extreme (-1 if none)."""
    if g.n == 0:
        return np.zeros(0, dtype=np.int64)
    big = np.iinfo(np.int64).max
    at = values == extreme[g.group_of]
    found = np.minimum.reduceat(np.where(at, g.figure_id, big), g.starts)
    return np.where(found == big, -1, found)


def _earlier_record(
    block: np.ndarray, values: np.ndarray, ids: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the highest value of the earlier rows of its block, and the id it came from.

    Rows are in block order; NaN values never set a record. Returns NaN (and NaN id) where no
    earlier row has a value.
    """
    frame = pd.DataFrame({"value": values, "id": np.where(np.isnan(values), np.nan, ids)})
    by_block = frame.groupby(block, sort=False)
    record = by_block["value"].cummax().groupby(block, sort=False).ffill()
    holder = frame["id"].where(frame["value"] == record).groupby(block, sort=False).ffill()
    before = record.groupby(block, sort=False).shift(1).to_numpy(dtype=float)
    before_id = holder.groupby(block, sort=False).shift(1).to_numpy(dtype=float)
    return before, before_id


def _runs(g: _Groups) -> tuple[np.ndarray, np.ndarray]:
    """Per period group: whether it is a cumulative flow (a flow of known start), and its run
    (the block of groups of one series, unit and start, which the sort keeps together by date)."""
    run = g.flow & g.has_start
    run_starts = _group_starts(g.series_id, g.households, g.start, run)
    block = np.repeat(np.arange(len(run_starts)), np.diff(np.append(run_starts, len(run))))
    return run, block


def _cumulative_floor(g, c_low, c_best, c_high, agreement, low_id):
    """Raise cumulative rows to the highest solid low before them (see `consensus`)."""
    run, block = _runs(g)
    solid = run & (agreement != 1)
    floor, floor_id = _earlier_record(block, np.where(solid, c_low, np.nan), low_id)
    floor = np.where(run, floor, np.nan)
    below = floor > c_high
    raised = (floor > c_low) | (np.isnan(c_low) & ~np.isnan(floor))
    new_low = np.where(raised, floor, c_low)
    new_best = np.where(raised, np.fmax(c_best, floor), c_best)
    new_high = np.where(below, np.nan, c_high)
    agreement = np.where(below, 1, agreement)
    floor_id = np.where(raised, floor_id, np.nan)
    return new_low, new_best, new_high, raised, floor_id, agreement


def _empty_consensus() -> pd.DataFrame:
    units, agreements = pd.CategoricalDtype(UNITS), pd.CategoricalDtype(AGREEMENTS)
    dtypes = [np.int64, units, "datetime64[ns]", "datetime64[ns]", float, float, float]
    dtypes += [agreements, "str", bool, "Int64"]
    columns = zip(CONSENSUS_COLUMNS, dtypes, strict=True)
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns})


def _nums(values: np.ndarray, households: np.ndarray) -> list[str]:
    """Numbers for messages: thousands separated, one decimal only where there is one."""
    values = np.asarray(values, dtype=float)
    text = [
        f"{v:,.0f}" if whole else f"{v:,.1f}"
        for v, whole in zip(values.tolist(), (values == np.round(values)).tolist(), strict=True)
    ]
    for i in np.flatnonzero(households).tolist():
        text[i] += " households"
    return text


def _days(ns: np.ndarray) -> list[str]:
    """ISO dates; formatted once per distinct date, as flags share few dates."""
    unique, inverse = np.unique(np.asarray(ns, dtype=np.int64), return_inverse=True)
    text = np.datetime_as_string(unique.view("datetime64[ns]"), "D")
    return text[inverse].tolist()


def flags(figures: pd.DataFrame, statuses: Collection[str] = ("accepted",)) -> pd.DataFrame:
    """Contradictions between the figures with `statuses` of each series, one row per flag.

    Kinds (household figures without a size are checked among themselves, apart from people):
    - `estimates_disagree`: figures for the same period (a stock's date, or a flow's start and
      end) whose intervals do not overlap: the highest low is above the lowest high. The flag
      lists every figure of the period that misses another one.
    - `cumulative_decrease`: two flows with the same known period_start, where the one that
      ends later is wholly below the one that ends earlier (its high under the other's low).
      One flag per later figure, naming the earlier figure with the highest low.
    - `flows_exceed_total`: flows that lie inside another flow's period and whose lows add up to
      more than its high. Only flows that can be added without counting a day twice are added:
      the periods that contain no other period and overlap no neighbour (weeks inside a month,
      not the growing "since December" counts inside each other); a period with several
      figures adds its highest low. A total already flagged as a `cumulative_decrease` is not
      flagged again.
    An open bound never causes a flag: an open low adds nothing, an open high bounds nothing.
    Figures without a period_end are not checked. Columns (FLAG_COLUMNS), sorted by series:
    series_id, kind, figure_ids (ids joined by " ", ascending), message (one line).
    """
    return _flags(_Groups(figures, statuses))


def analyse(
    figures: pd.DataFrame, statuses: Collection[str] = ("accepted",)
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`consensus` and `flags` of the same figures, sorting them only once."""
    g = _Groups(figures, statuses)
    return _consensus(g, figures), _flags(g)


def _flags(g: _Groups) -> pd.DataFrame:
    max_low, min_high, low_id, high_id = g.max_low, g.min_high, g.low_id, g.high_id
    decrease = _cumulative_decrease(g, max_low, low_id)
    parts = [
        _estimates_disagree(g, max_low, min_high, low_id, high_id),
        decrease,
        _flows_exceed_total(g, max_low, min_high, low_id, high_id, decrease["later_id"]),
    ]
    out = pd.DataFrame(
        {
            "series_id": np.concatenate([p["series_id"] for p in parts]).astype(np.int64),
            "kind": [p["kind"] for p in parts for _ in range(len(p["message"]))],
            "figure_ids": [x for p in parts for x in p["figure_ids"]],
            "message": [x for p in parts for x in p["message"]],
        }
    )
    return out.sort_values("series_id", kind="stable")[FLAG_COLUMNS].reset_index(drop=True)


def _period_texts(g: _Groups, groups: np.ndarray) -> list[str]:
    """ "on 2019-03-04" for a stock or a one-day flow, "for 2019-03-01 to 2019-03-07" for a
    flow, "for the period ending 2019-03-04" for a flow of unknown start."""
    ends = _days(g.end[groups])
    begins = _days(np.where(g.has_start[groups], g.start[groups], 0))
    span = g.flow[groups] & g.has_start[groups] & (g.start[groups] != g.end[groups])
    unknown = g.flow[groups] & ~g.has_start[groups]
    return [
        f"for {b} to {e}" if s else (f"for the period ending {e}" if u else f"on {e}")
        for s, u, b, e in zip(span.tolist(), unknown.tolist(), begins, ends, strict=True)
    ]


def _estimates_disagree(g: _Groups, max_low, min_high, low_id, high_id) -> dict:
    bad = max_low > min_high
    involved = bad[g.group_of] & ((g.low > min_high[g.group_of]) | (g.high < max_low[g.group_of]))
    picked = np.flatnonzero(involved)
    ids = _join_ids(g.figure_id[picked], _group_starts(g.group_of[picked])).tolist()
    groups = np.flatnonzero(bad)
    messages = [
        f"figures {when} do not overlap: figure {a} says at least {lo}, figure {z} at most {hi}"
        for when, a, lo, z, hi in zip(
            _period_texts(g, groups),
            low_id[groups].tolist(),
            _nums(max_low[groups], g.households[groups]),
            high_id[groups].tolist(),
            _nums(min_high[groups], g.households[groups]),
            strict=True,
        )
    ]
    return {
        "series_id": g.series_id[groups],
        "kind": "estimates_disagree",
        "figure_ids": ids,
        "message": messages,
    }


def _cumulative_decrease(g: _Groups, max_low: np.ndarray, low_id: np.ndarray) -> dict:
    run, block = _runs(g)
    groups = np.arange(len(g.starts))
    before, before_group = _earlier_record(block, np.where(run, max_low, np.nan), groups)
    # Each figure against the highest low of the earlier-ending flows of its run.
    prior = before[g.group_of]
    hit = np.flatnonzero(g.high < prior)
    later = g.figure_id[hit]
    source = before_group[g.group_of[hit]].astype(np.int64)
    mine = g.group_of[hit]
    earlier = low_id[source]
    messages = [
        f"figure {b_id} ({b_end}, at most {b_hi}) is below figure {a_id} "
        f"({a_end}, at least {a_lo}), both counted from {st}"
        for b_id, b_end, b_hi, a_id, a_end, a_lo, st in zip(
            later.tolist(),
            _days(g.end[mine]),
            _nums(g.high[hit], g.households[mine]),
            earlier.tolist(),
            _days(g.end[source]),
            _nums(prior[hit], g.households[mine]),
            _days(g.start[mine]),
            strict=True,
        )
    ]
    pair = np.sort(np.column_stack([earlier, later]), axis=1)
    return {
        "series_id": g.series_id[mine],
        "kind": "cumulative_decrease",
        "figure_ids": [f"{a} {z}" for a, z in pair.tolist()],
        "message": messages,
        "later_id": later,
    }


def _flows_exceed_total(g: _Groups, max_low, min_high, low_id, high_id, decreased) -> dict:
    periods = np.flatnonzero(g.flow & g.has_start)
    m = len(periods)
    result = {
        "series_id": np.zeros(0, np.int64),
        "kind": "flows_exceed_total",
        "figure_ids": [],
        "message": [],
    }
    if m == 0:
        return result
    start_day = g.start[periods] // _DAY_NS
    end_day = g.end[periods] // _DAY_NS
    block_starts = _group_starts(g.series_id[periods], g.households[periods])
    block = np.repeat(np.arange(len(block_starts)), np.diff(np.append(block_starts, m)))

    # A period contains another when a period of its block starts no earlier and ends no later;
    # ordered by start descending (end ascending), those are exactly the rows before it.
    order = np.lexsort((end_day, -start_day, block))
    ends = pd.Series(end_day[order].astype(float))
    earlier_min = ends.groupby(block[order]).cummin().groupby(block[order]).shift(1)
    contains = np.empty(m, dtype=bool)
    contains[order] = (earlier_min <= ends).to_numpy()

    # Periods containing no other are ordered alike by start and end; keep those clear of both
    # neighbours, so no two kept periods share a day and their lows may be added.
    minimal = np.flatnonzero(~contains)
    t_block, t_start, t_end = block[minimal], start_day[minimal], end_day[minimal]
    same_prev = np.r_[False, t_block[1:] == t_block[:-1]]
    same_next = np.r_[t_block[1:] == t_block[:-1], False]
    clear_prev = ~same_prev | (np.r_[0, t_end[:-1]] < t_start)
    clear_next = ~same_next | (np.r_[t_start[1:], 0] > t_end)
    tiles = minimal[clear_prev & clear_next]

    # Tiles are sorted by (block, day): one searchsorted per bound finds the tiles inside a
    # period, and prefix sums add their lows.
    key = block.astype(np.int64) << 32
    offset = 1 << 31
    tile_start_key = key[tiles] + start_day[tiles] + offset
    tile_end_key = key[tiles] + end_day[tiles] + offset
    prefix = np.r_[0.0, np.cumsum(np.nan_to_num(max_low[periods][tiles], nan=0.0))]
    outer = np.flatnonzero(contains & ~np.isnan(min_high[periods]))
    lo = np.searchsorted(tile_start_key, key[outer] + start_day[outer] + offset, "left")
    hi = np.searchsorted(tile_end_key, key[outer] + end_day[outer] + offset, "right")
    total = prefix[np.maximum(hi, lo)] - prefix[lo]
    outer_id = high_id[periods][outer]
    over = (hi > lo) & (total > min_high[periods][outer]) & ~np.isin(outer_id, decreased)
    outer, lo, hi, total, outer_id = outer[over], lo[over], hi[over], total[over], outer_id[over]

    tile_id = low_id[periods][tiles]
    tile_known = ~np.isnan(max_low[periods][tiles])
    grp = periods[outer]
    ids, messages = [], []
    for o_id, a, z, tot, hi_value, b, e in zip(
        outer_id.tolist(),
        lo.tolist(),
        hi.tolist(),
        _nums(total, g.households[grp]),
        _nums(min_high[grp], g.households[grp]),
        _days(g.start[grp]),
        _days(g.end[grp]),
        strict=True,
    ):
        # Flows with an open low added nothing, so they are not named.
        inner = sorted(tile_id[a:z][tile_known[a:z]].tolist())
        ids.append(" ".join(map(str, sorted([*inner, o_id]))))
        messages.append(
            f"flows {', '.join(map(str, inner))} inside figure {o_id} ({b} to {e}) add up to "
            f"at least {tot}, more than its high {hi_value}"
        )
    result.update(series_id=g.series_id[grp], figure_ids=ids, message=messages)
    return result
