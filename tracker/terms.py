"""The table of figure terms: what happened to the people counted, and whether it is a flow or a stock.

Series group on these words, so a source's own verb is mapped onto one of them ("were forced to
flee" → fled). The table grows here, in code, as IDMC's HELIX keeps its figure terms.
"""

from __future__ import annotations

# term → the measure it usually goes with (a cumulative flow is still a flow).
TERMS: dict[str, str] = {
    "fled": "flow",
    "displaced": "flow",
    "evacuated": "flow",
    "left": "flow",
    "arrived": "flow",
    "returned": "flow",
    "surrendered": "flow",
    "died": "flow",
    "killed": "flow",
    "injured": "flow",
    "affected": "flow",
    "hosted": "stock",
    "remain": "stock",
    "detained": "stock",
}


def known_terms() -> str:
    """The known terms, for error messages."""
    return ", ".join(sorted(TERMS))
