"""Expand the generator's templates (``dictionaries/synth/grammar.tsv``) into Thai text.

A template is text with ``{symbol}`` slots; a slot names another symbol of the grammar (one of its
weighted alternatives is chosen) or a built-in value supplied by the caller (a string, or a function of
the random generator).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import cache

from ocr_pipeline.resources import load_table

Builtin = str | Callable[[random.Random], str]
_SLOT = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


@cache
def grammar() -> dict[str, tuple[tuple[str, float], ...]]:
    """symbol -> ((expansion, weight), ...), in file order."""
    rules: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in load_table("synth/grammar.tsv"):
        symbol, text = row[0], row[1]
        weight = float(row[2]) if len(row) > 2 and row[2] else 1.0
        rules[symbol].append(("" if text == "<empty>" else text, weight))
    return {k: tuple(v) for k, v in rules.items()}


def has_symbol(symbol: str) -> bool:
    return symbol in grammar()


def choose(rng: random.Random, symbol: str, exclude: set[str] | frozenset[str] = frozenset()) -> str:
    """One raw alternative of ``symbol`` (slots not expanded), avoiding ``exclude`` when possible."""
    alts = [a for a in grammar()[symbol] if a[0] not in exclude] or list(grammar()[symbol])
    return rng.choices([a[0] for a in alts], weights=[a[1] for a in alts])[0]


def expand(rng: random.Random, template: str, builtins: Mapping[str, Builtin], depth: int = 0) -> str:
    """Fill every slot of ``template``; spaces are collapsed and the ends stripped.

    >>> expand(random.Random(1), "ปี {fy}", {"fy": "๒๕๖๖"})
    'ปี ๒๕๖๖'
    """
    if depth > 8:
        raise RecursionError(f"grammar loops at {template!r}")

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name in builtins:
            value = builtins[name]
            return value(rng) if callable(value) else value
        if name in grammar():
            return expand(rng, choose(rng, name), builtins, depth + 1)
        raise KeyError(f"unknown template slot {{{name}}}")

    return " ".join(_SLOT.sub(fill, template).split())


def generate(
    rng: random.Random, symbol: str, builtins: Mapping[str, Builtin], exclude: set[str] | frozenset[str] = frozenset()
) -> tuple[str, str]:
    """(expanded text, the raw alternative chosen) for ``symbol``."""
    raw = choose(rng, symbol, exclude)
    return expand(rng, raw, builtins), raw


def topics() -> list[str]:
    """Topic keys: symbols ``<key>.measure`` that also have ``.step`` and ``.result``."""
    keys = [s[: -len(".measure")] for s in grammar() if s.endswith(".measure")]
    return [k for k in keys if f"{k}.step" in grammar() and f"{k}.result" in grammar()]
