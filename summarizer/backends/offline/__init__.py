"""The offline baseline: deterministic rules, no network, no model."""

from summarizer.backends.offline._backend import OFFLINE, OfflineBackend

__all__ = ["OFFLINE", "OfflineBackend"]
