"""Cost estimates: maintained model prices, overridable, and a meter fed by the call hook.

Prices are **estimates** in USD per 1M tokens. They come from `genai-prices`
(maintained by Pydantic, the data bundled with the package: no network at run time),
matched on the model name (dated snapshots such as ``gpt-4.1-mini-2025-04-14``
included). Override or extend them with a JSON or TOML file named by
``SUMMARIZER_PRICES``::

    {"gpt-4.1-mini": {"input": 0.40, "output": 1.60}, "my-local-model": {"input": 0, "output": 0}}

A model neither knows (a local one, say) costs 0 and is reported as "unknown price".
A local model that shares a hosted model's name is priced as the hosted one: set it to
0 in the file. The meter counts every HTTP attempt it is shown, so retries and re-asks
are paid for.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer._errors import ConfigurationError
from summarizer._schema import Usage
from summarizer.infra._records import CallRecord
from summarizer.infra._settings import FileSettings

UNKNOWN_PRICE = "unknown price"


@dataclass(frozen=True)
class Price:
    """USD per 1M input (prompt) and output (completion) tokens."""

    input: float
    output: float


def prices_source() -> str:
    """Where the prices come from, for reports: ``genai-prices 0.2.3``."""
    from importlib.metadata import version

    return f"genai-prices {version('genai-prices')}"


def _parse_price_file(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".toml":
        import tomllib

        return tomllib.loads(text)
    return dict(json.loads(text))


def load_prices(path: Path | None = None) -> dict[str, Price]:
    """The overrides of ``path`` or of the file ``SUMMARIZER_PRICES`` names ({} without one)."""
    path = path or FileSettings().prices
    if path is None:
        return {}
    try:
        raw = _parse_price_file(Path(path))
        return {m: Price(float(p["input"]), float(p["output"])) for m, p in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigurationError(
            f"cannot read the price file {path} ({type(err).__name__}: {err}); it must map "
            'each model to {"input": USD per 1M tokens, "output": USD per 1M tokens} '
            "(fix it or unset SUMMARIZER_PRICES)"
        ) from err


@lru_cache(maxsize=256)
def maintained_price(model: str) -> Price | None:
    """genai-prices' price of ``model`` (its base tier), or ``None`` if it does not know it."""
    import genai_prices  # imported on first use: ~0.2 s of CPU

    probe = 1000  # small enough for the base tier of tiered (long-context) prices
    try:
        calc = genai_prices.calc_price(
            genai_prices.Usage(input_tokens=probe, output_tokens=probe), model
        )
    except LookupError:
        return None
    scale = 1_000_000 / probe
    return Price(float(calc.input_price) * scale, float(calc.output_price) * scale)


def price_of(model: str, prices: dict[str, Price]) -> Price | None:
    """The price of ``model``: an override (exact name, else the longest prefix that is
    followed by ``-``, for dated snapshots), else genai-prices', else ``None``."""
    if model in prices:
        return prices[model]
    known = [name for name in prices if model.startswith(name + "-")]
    if known:
        return prices[max(known, key=len)]
    return maintained_price(model)


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
