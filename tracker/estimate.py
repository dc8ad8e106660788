"""Estimates (low, best, high and a qualifier) and the words of quantity that produce them.

Pure: no database, no network. `parse_estimate` follows the conventions table of DESIGN.md.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass


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


class EstimateError(ValueError):
    """Words that are not a quantity, or bounds that do not fit together."""


@dataclass(frozen=True)
class Estimate:
    """How many: any bound may be None (unknown or open)."""

    low: float | None
    best: float | None
    high: float | None
    qualifier: str

    def problems(self) -> list[tuple[str, str]]:
        """(field, message) for every way these bounds break the conventions; empty when valid."""
        return bound_problems(self.low, self.best, self.high, self.qualifier)


def bound_problems(
    low: float | None, best: float | None, high: float | None, qualifier: str | None
) -> list[tuple[str, str]]:
    """Check one estimate: finite, not negative, ordered, and shaped as its qualifier says."""
    found: list[tuple[str, str]] = []
    bounds = {"low": low, "best": best, "high": high}
    for field, value in bounds.items():
        if value is None:
            continue
        if not math.isfinite(value):
            found.append((field, f"{value} is not a finite number"))
        elif value < 0:
            found.append((field, f"{value:g} is negative; counts of people are 0 or more"))
    if found:
        return found
    if qualifier not in QUALIFIER_BOUNDS:
        known = ", ".join(QUALIFIER_BOUNDS)
        return [("qualifier", f"{qualifier or '(empty)'!s} is not a qualifier; use one of {known}")]
    given = [v for v in (low, best, high) if v is not None]
    if given != sorted(given):
        found.append(("best", "bounds must satisfy low ≤ best ≤ high"))
    shape = QUALIFIER_BOUNDS[qualifier]
    for letter, field in (("L", "low"), ("B", "best"), ("H", "high")):
        value = bounds[field]
        if letter in shape and value is None:
            found.append((field, f"a {qualifier} estimate needs {field}"))
        elif letter not in shape and value is not None:
            found.append((field, f"a {qualifier} estimate leaves {field} empty (open)"))
    if qualifier == "exact" and not found and not (low == best == high):
        found.append(("best", "an exact estimate has low = best = high"))
    return found
