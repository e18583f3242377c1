"""How sure a figure is: seeded bootstrap intervals over cases, and paired differences.

The dev suite has 24 cases, so a mean moves by several points when one case
changes. Every interval here resamples *cases* with replacement (a case is the
unit that varies), with a fixed seed, so the same scores always give the same
interval.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from statistics import fmean

RESAMPLES = 1000
SEED = 13
LEVEL = 0.95

Interval = tuple[float, float]


def _samples(n: int, resamples: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    return [rng.choices(range(n), k=n) for _ in range(resamples)]


def _percentiles(values: list[float]) -> Interval:
    values.sort()
    tail = (1 - LEVEL) / 2
    lo = values[round(tail * (len(values) - 1))]
    hi = values[round((1 - tail) * (len(values) - 1))]
    return lo, hi


def mean_interval(
    values: Sequence[float | None], *, resamples: int = RESAMPLES, seed: int = SEED
) -> Interval | None:
    """Percentile bootstrap 95 % interval of the mean of the defined values (``None`` if none)."""
    if not any(v is not None for v in values):
        return None
    means = []
    for sample in _samples(len(values), resamples, seed):
        picked = [v for i in sample if (v := values[i]) is not None]
        if picked:
            means.append(fmean(picked))
    return _percentiles(means)


def bootstrap_intervals(
    cases: Sequence[Mapping[str, Mapping[str, float | None]]],
    sections: Sequence[str],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, dict[str, list[float]]]:
    """``{section: {metric: [low, high]}}``: a 95 % interval of each aggregate mean.

    Cases are resampled with replacement, ``resamples`` times, with ``seed``; a case
    where a metric is undefined is left out of that metric's mean, as in `aggregate`.
    """
    out: dict[str, dict[str, list[float]]] = {}
    if not cases:
        return out
    samples = _samples(len(cases), resamples, seed)
    for section in sections:
        names = list(dict.fromkeys(n for c in cases for n in c.get(section, {})))
        for name in names:
            values = [c.get(section, {}).get(name) for c in cases]
            if not any(v is not None for v in values):
                continue
            means = []
            for sample in samples:
                picked = [v for i in sample if (v := values[i]) is not None]
                if picked:
                    means.append(fmean(picked))
            lo, hi = _percentiles(means)
            out.setdefault(section, {})[name] = [round(lo, 4), round(hi, 4)]
    return out


def paired_difference(
    a: Sequence[float | None],
    b: Sequence[float | None],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> tuple[float, Interval] | None:
    """Mean of ``b - a`` over the cases where both are defined, and its 95 % interval.

    Paired: the same cases are resampled for both runs, so case difficulty cancels
    out. ``None`` when no case has both values.
    """
    deltas = [y - x for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    if not deltas:
        return None
    interval = mean_interval(deltas, resamples=resamples, seed=seed)
    assert interval is not None
    return fmean(deltas), interval


def beyond_noise(interval: Interval | None) -> bool | None:
    """Whether a difference's interval excludes zero (``None`` when there is no interval)."""
    if interval is None:
        return None
    lo, hi = interval
    return lo > 1e-12 or hi < -1e-12
