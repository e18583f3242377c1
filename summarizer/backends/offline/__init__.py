"""The offline baseline: deterministic rules, no network, no model."""
