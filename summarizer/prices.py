"""What a run costs in money: a price table per model, and the cost of the tokens a run used.

The table (``data/prices.json``) gives USD per million tokens for input, cached input and output; a
user's file of the same shape extends it (``--prices``, ``SUMMARIZER_PRICES``). A cached prompt token
is priced at the cached rate; a model the table does not know has no cost (None), never a guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError

MILLION = 1_000_000


@dataclass(frozen=True)
class Price:
    input: float
    cached_input: float | None
    output: float

    def cost(self, prompt_tokens: int, cached_tokens: int, completion_tokens: int) -> float:
        cached = min(cached_tokens, prompt_tokens)
        fresh = prompt_tokens - cached
        cached_rate = self.cached_input if self.cached_input is not None else self.input
        return (fresh * self.input + cached * cached_rate + completion_tokens * self.output) / MILLION


@dataclass(frozen=True)
class PriceTable:
    models: dict[str, Price]
    chars_per_token: float

    def price_of(self, model: str | None) -> Price | None:
        """The model's price: its own name, else the longest name in the table it starts with."""
        if not model:
            return None
        if model in self.models:
            return self.models[model]
        known = [name for name in self.models if model.startswith(name)]
        return self.models[max(known, key=len)] if known else None

    def cost(
        self, model: str | None, prompt_tokens: int, cached_tokens: int, completion_tokens: int
    ) -> float | None:
        price = self.price_of(model)
        if price is None or not (prompt_tokens or completion_tokens):
            return None
        return round(price.cost(prompt_tokens, cached_tokens, completion_tokens), 6)


def load_prices(extra: Path | None = None) -> PriceTable:
    """The packaged table, extended by a user's file (its entries win)."""
    if extra is None:
        return _packaged()
    return _with_user_file(extra.resolve())


@lru_cache(maxsize=1)
def _packaged() -> PriceTable:
    text = resources.files("summarizer").joinpath("data", "prices.json").read_text(encoding="utf-8")
    return _parse(json.loads(text), "summarizer/data/prices.json")


def _with_user_file(path: Path) -> PriceTable:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError("prices file not found", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the prices file: {error}", path=path) from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"not valid JSON ({error.msg}, line {error.lineno})", path=path) from None
    user = _parse(data, str(path))
    base = _packaged()
    return PriceTable(
        {**base.models, **user.models},
        user.chars_per_token if "chars_per_token" in data else base.chars_per_token,
    )


def _parse(data: Any, name: str) -> PriceTable:
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, dict):
        raise ConfigError(
            'expected {"models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}, …}}', path=name
        )
    table: dict[str, Price] = {}
    for model, raw in models.items():
        try:
            table[model] = Price(
                input=float(raw["input"]),
                cached_input=None if raw.get("cached_input") is None else float(raw["cached_input"]),
                output=float(raw["output"]),
            )
        except (KeyError, TypeError, ValueError):
            raise ConfigError(
                f"model {model!r} needs numbers for input and output (USD per million tokens)", path=name
            ) from None
    return PriceTable(table, float(data.get("chars_per_token", 1.5)))
