"""The displacement figures tracker: sourced quantitative claims with their uncertainty."""

__version__ = "0.1.0"
