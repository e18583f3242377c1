"""The version of the distribution (grounded-summarizer): its one source."""

__version__ = "0.1.0"
