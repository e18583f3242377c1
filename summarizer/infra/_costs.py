"""Cost estimates: a small price table, overridable, and a meter fed by the call hook.

Prices are **estimates**: list prices in USD per 1M tokens, copied by hand on
`PRICES_AS_OF` from the provider's pricing page; they drift. Override or extend them
with a JSON or TOML file named by ``SUMMARIZER_PRICES``::

    {"gpt-4.1-mini": {"input": 0.40, "output": 1.60}, "my-local-model": {"input": 0, "output": 0}}

A model not in the table (a local one, say) costs 0 and is reported as "unknown price".
The meter counts every HTTP attempt it is shown, so retries and re-asks are paid for.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer._errors import ConfigurationError
from summarizer._schema import Usage
from summarizer.backends._openai import CallRecord
from summarizer.infra._cache import FileSettings

PRICES_AS_OF = "2025-08-01"
UNKNOWN_PRICE = "unknown price"


@dataclass(frozen=True)
class Price:
    """USD per 1M input (prompt) and output (completion) tokens."""

    input: float
    output: float


BUILTIN_PRICES: dict[str, Price] = {
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4o-mini": Price(0.15, 0.60),
    "o4-mini": Price(1.10, 4.40),
    "gpt-5": Price(1.25, 10.00),
    "gpt-5-mini": Price(0.25, 2.00),
    "gpt-5-nano": Price(0.05, 0.40),
}


def _parse_price_file(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".toml":
        import tomllib  # Python 3.11+

        return tomllib.loads(text)
    return dict(json.loads(text))


def load_prices(path: Path | None = None) -> dict[str, Price]:
    """Built-in prices, overridden by ``path`` or the file ``SUMMARIZER_PRICES`` names."""
    path = path or FileSettings().prices
    prices = dict(BUILTIN_PRICES)
    if path is None:
        return prices
    try:
        raw = _parse_price_file(Path(path))
        prices.update({m: Price(float(p["input"]), float(p["output"])) for m, p in raw.items()})
    except (OSError, ValueError, KeyError, TypeError, ImportError) as err:
        raise ConfigurationError(
            f"cannot read the price file {path} ({type(err).__name__}: {err}); it must map "
            'each model to {"input": USD per 1M tokens, "output": USD per 1M tokens} '
            "(fix it or unset SUMMARIZER_PRICES)"
        ) from err
    return prices


def price_of(model: str, prices: dict[str, Price]) -> Price | None:
    """The price of ``model``: exact name, else the longest known prefix (dated snapshots)."""
    if model in prices:
        return prices[model]
    known = [name for name in prices if model.startswith(name + "-")]
    return prices[max(known, key=len)] if known else None


def estimate(model: str, usage: Usage, prices: dict[str, Price]) -> float | None:
    """Estimated USD for ``usage`` on ``model``; ``None`` when the price is unknown."""
    price = price_of(model, prices)
    if price is None:
        return None
    return (usage.prompt_tokens * price.input + usage.completion_tokens * price.output) / 1e6


def format_cost(cost: float | None) -> str:
    """``$0.0123`` (an estimate), or "unknown price"."""
    return UNKNOWN_PRICE if cost is None else f"${cost:,.4f}"


class UsageMeter:
    """A call hook that sums usage per model over every attempt (thread-safe)."""

    def __init__(self, prices: dict[str, Price] | None = None) -> None:
        self.prices = prices if prices is not None else load_prices()
        self.by_model: dict[str, Usage] = {}
        self._lock = threading.Lock()

    def __call__(self, record: CallRecord) -> None:
        with self._lock:
            seen = self.by_model.get(record.model, Usage())
            self.by_model[record.model] = seen.add(record.usage.model_copy(update={"calls": 1}))

    @property
    def usage(self) -> Usage:
        """Usage summed over every model."""
        total = Usage()
        for usage in self.by_model.values():
            total = total.add(usage)
        return total

    @property
    def cost(self) -> float | None:
        """Estimated USD over every model; ``None`` if any model's price is unknown."""
        costs = [estimate(m, u, self.prices) for m, u in self.by_model.items()]
        if any(c is None for c in costs):
            return None
        return sum(c for c in costs if c is not None)
