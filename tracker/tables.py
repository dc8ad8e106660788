"""The tables (Source, Series, Figure, Revision) and the words they allow, as str enums.

Enum values are the words users see in CSV, CLI and UI; the database stores them as plain text so
bulk loads (executemany, COPY) write the same words the CSV holds.
"""

from __future__ import annotations

import enum
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


class Source(SQLModel, table=True):
    """Where figures were published."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = _text()
    publisher: str | None = _text(default=None)
    url: str | None = _text(default=None)
    published_on: date | None = None
    kind: str = _text(20, default=SourceKind.other.value)
    reliability: str = _text(1, default=Reliability.F.value)


class Series(SQLModel, table=True):
    """What a figure measures: charts, consensus and checks work per series.

    An unknown location is stored as "" so that the unique key groups such figures together.
    """

    __table_args__ = (sa.UniqueConstraint("location", "population", "term", "measure"),)

    id: int | None = Field(default=None, primary_key=True)
    location: str = _text(default="")
    population: str = _text()
    term: str = _text(40)
    measure: str = _text(10)


class Figure(SQLModel, table=True):
    """One sourced quantitative claim, its estimate and its life."""

    # Few indexes on purpose: each one slows bulk imports; views filter by series and status.
    __table_args__ = (sa.Index("ix_figure_series_status", "series_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    status: str = _text(12, default=Status.accepted.value)
    series_id: int = Field(foreign_key="series.id")
    source_id: int = Field(foreign_key="source.id")
    country_iso3: str | None = _text(3, default=None, index=True)
    unit: str = _text(12, default=Unit.people.value)
    household_size: float | None = None
    period_start: date | None = None
    period_end: date | None = None
    date_precision: str | None = _text(8, default=None)
    low: float | None = None
    best: float | None = None
    high: float | None = None
    qualifier: str = _text(20)
    credibility: int = 6
    quote: str = _text()
    attributed_to: str | None = _text(default=None)
    notes: str | None = _text(default=None)
    origin: str = _text(10, default=Origin.entered.value)
    revision: int = 1
    created_by: str = _text()
    created_at: datetime = Field(sa_type=sa.DateTime())  # UTC, to the second


class Revision(SQLModel, table=True):
    """One change to a figure: who, when, what (field: [old, new] as JSON), why."""

    __table_args__ = (sa.UniqueConstraint("figure_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    figure_id: int = Field(foreign_key="figure.id", index=True)
    revision: int
    action: str = _text(12)
    changed_by: str = _text()
    changed_at: datetime = Field(sa_type=sa.DateTime())  # UTC
    changes: str = _text(default="{}")
    reason: str | None = _text(default=None)
