"""The tables (Source, Series, Figure, Revision) and the words they allow, as str enums.

Enum values are the words users see in CSV, CLI and UI; the database stores them as plain text so
bulk loads (executemany, COPY) write the same words the CSV holds. Sources and figures carry a
natural key (`Source.key`, `Figure.fingerprint`) under a unique index, so two writers can never
store the same source, or the same figure, twice.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class SourceKind(str, enum.Enum):
    news = "news"
    un_agency = "un_agency"
    ngo = "ngo"
    government = "government"
    other = "other"


class Reliability(str, enum.Enum):
    """The Admiralty scale for sources: A completely reliable … E unreliable, F cannot be judged."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Measure(str, enum.Enum):
    flow = "flow"
    stock = "stock"


class Unit(str, enum.Enum):
    people = "people"
    households = "households"


class DatePrecision(str, enum.Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Status(str, enum.Enum):
    candidate = "candidate"
    accepted = "accepted"
    rejected = "rejected"
    retracted = "retracted"


class Role(str, enum.Enum):
    """What a member of a team may do; each role may do all that the ones before it may."""

    viewer = "viewer"  # read, chart, download
    editor = "editor"  # also enter figures, ingest documents, edit candidates
    reviewer = "reviewer"  # also accept, reject, retract, reopen, edit accepted figures, sources
    admin = "admin"  # also members and merges


ROLE_ORDER = [r.value for r in Role]


class Origin(str, enum.Enum):
    entered = "entered"
    extracted = "extracted"
    imported = "imported"


RELIABILITY_MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

CREDIBILITY_MEANING = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def _text(length: int | None = None, **kwargs):
    return Field(sa_type=sa.String(length) if length else sa.Text, **kwargs)


def natural_key(*parts: object) -> str:
    """A short, stable digest of values (None and "" alike), for a unique index of any length of
    text: PostgreSQL cannot index long text itself."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def source_key(title: str, publisher: str | None, url: str | None, published_on) -> str:
    """What makes two sources the same: title, publisher, url and publication date. Kind and
    reliability are the tracker's grading of the source, kept on the one row."""
    day = published_on.isoformat() if hasattr(published_on, "isoformat") else published_on
    return natural_key(title, publisher, url, day)


class Source(SQLModel, table=True):
    """Where figures were published. A merged source keeps its row and points to the one that
    now holds its figures (nothing is deleted)."""

    # A unique index, not a constraint: an upgrade can add it to SQLite without rebuilding tables.
    __table_args__ = (sa.Index("ux_source_key", "key", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    # source_key() of the row; empty only for duplicates that an earlier release let in.
    key: str | None = Field(default=None, sa_type=sa.String(32))
    title: str = _text()
    publisher: str | None = _text(default=None)
    url: str | None = _text(default=None)
    published_on: date | None = None
    kind: SourceKind = _text(20, default=SourceKind.other)
    reliability: Reliability = _text(1, default=Reliability.F)
    merged_into: int | None = Field(default=None, foreign_key="source.id")


class Series(SQLModel, table=True):
    """What a figure measures: charts, consensus and checks work per series.

    An unknown location is stored as "" so that the unique key groups such figures together.
    """

    __table_args__ = (sa.UniqueConstraint("location", "population", "term", "measure"),)

    id: int | None = Field(default=None, primary_key=True)
    location: str = _text(default="")
    population: str = _text()
    term: str = _text(40)
    measure: Measure = _text(10)


class Figure(SQLModel, table=True):
    """One sourced quantitative claim, its estimate and its life."""

    # Few indexes on purpose: each one slows bulk imports; views filter by series and status.
    __table_args__ = (
        sa.Index("ix_figure_series_status", "series_id", "status"),
        sa.Index("ux_figure_fingerprint", "fingerprint", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    status: Status = _text(12, default=Status.accepted)
    series_id: int = Field(foreign_key="series.id")
    source_id: int = Field(foreign_key="source.id")
    country_iso3: str | None = _text(3, default=None, index=True)
    unit: Unit = _text(12, default=Unit.people)
    household_size: float | None = None
    period_start: date | None = None
    period_end: date | None = None
    date_precision: DatePrecision | None = _text(8, default=None)
    low: float | None = None
    best: float | None = None
    high: float | None = None
    qualifier: str = _text(20)  # a tracker.estimate.Qualifier value
    credibility: int = 6
    quote: str = _text()
    attributed_to: str | None = _text(default=None)
    notes: str | None = _text(default=None)
    origin: Origin = _text(10, default=Origin.entered)
    revision: int = 1
    created_by: str = _text()
    created_at: datetime = Field(sa_type=sa.DateTime())  # UTC, to the second
    # figure_fingerprint() of the row; empty only for duplicates that an earlier release let in.
    fingerprint: str | None = Field(default=None, sa_type=sa.String(32))
    # Where the figure is, in decimal degrees (WGS 84): from the gazetteer, or set by a person.
    latitude: float | None = None
    longitude: float | None = None


def figure_fingerprint(
    source_id: int, series_id: int, quote: str, period_start, period_end, low, best, high,
    qualifier: str, unit: str,
) -> str:  # fmt: skip
    """What makes two figures the same claim: same source, quote, series, period and estimate.

    Numbers and dates are given as the CSV writes them (30000, 63.9, 2019-03-22).
    """
    return natural_key(source_id, series_id, quote, period_start, period_end, low, best, high,
                       qualifier, unit)  # fmt: skip


class Revision(SQLModel, table=True):
    """One change to a figure: who, when, what (field: [old, new] as JSON), why."""

    __table_args__ = (sa.UniqueConstraint("figure_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    figure_id: int = Field(foreign_key="figure.id", index=True)
    revision: int
    action: str = _text(20)
    changed_by: str = _text()
    changed_at: datetime = Field(sa_type=sa.DateTime())  # UTC
    changes: str = _text(default="{}")
    reason: str | None = _text(default=None)


class Member(SQLModel, table=True):
    """A person of a team deployment, by the e-mail they sign in with. A removed member keeps
    the row (removed_at set), so their name stays on the work they did."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(sa_type=sa.String(320), unique=True)  # lower case
    role: Role = _text(10)
    added_by: str = _text()
    added_at: datetime = Field(sa_type=sa.DateTime())  # UTC
    removed_at: datetime | None = Field(default=None, sa_type=sa.DateTime())


MEMBER = Member.__table__
