"""Plain values from the pipeline's dataclasses and back, for the page cache and the distributed run.

Written generically over ``dataclasses.fields`` and the type hints, so a field added to ``model.py``
needs no change here: ``to_plain`` turns any dataclass into dicts, lists and scalars that JSON can hold,
``from_plain`` builds it again from its annotations (tuples, ``X | None``, nested lists and dicts of
dataclasses). A value that does not fit the class (a field missing without a default, a wrong shape)
raises ``SerialError``, so the cache treats a stale entry as a miss instead of guessing.

>>> from ocr_pipeline.model import Word
>>> plain = to_plain(Word("๑", (1, 2, 3, 4), 91.5))
>>> plain
{'text': '๑', 'box': [1, 2, 3, 4], 'conf': 91.5, 'space_before': False}
>>> from_plain(Word, plain) == Word("๑", (1, 2, 3, 4), 91.5)
True
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
import types
import typing
from typing import Any, TypeVar, Union

T = TypeVar("T")


class SerialError(ValueError):
    """The plain value does not fit the class it should become."""


def to_plain(value: Any) -> Any:
    """Dataclasses as dicts of their fields, tuples as lists; scalars as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise SerialError(f"cannot make a plain value of {type(value).__name__}")


def dumps(value: Any) -> str:
    """Compact JSON of ``to_plain(value)`` (floats round-trip exactly)."""
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))


def from_plain(cls: Any, data: Any) -> Any:
    """Build a value of type ``cls`` (a dataclass or a type annotation) from ``to_plain`` output."""
    try:
        return _build(cls, data)
    except SerialError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise SerialError(f"{exc.__class__.__name__}: {exc}") from exc


def _build(tp: Any, data: Any) -> Any:
    if tp is Any or tp is object:
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build_dataclass(tp, data)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Union or (sys.version_info >= (3, 10) and origin is types.UnionType):
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _build(arg, data)
            except (SerialError, TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise SerialError(f"{data!r} fits none of {tp}: {'; '.join(errors)}")
    if origin in (list, set, frozenset) or tp in (list, set, frozenset):
        _expect(data, list, tp)
        item = args[0] if args else Any
        built = [_build(item, v) for v in data]
        return built if (origin or tp) is list else (origin or tp)(built)
    if origin is tuple or tp is tuple:
        _expect(data, list, tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        if args:
            if len(args) != len(data):
                raise SerialError(f"{tp} needs {len(args)} items, got {len(data)}")
            return tuple(_build(a, v) for a, v in zip(args, data))
        return tuple(data)
    if origin is dict or tp is dict:
        _expect(data, dict, tp)
        value_type = args[1] if len(args) == 2 else Any
        return {k: _build(value_type, v) for k, v in data.items()}
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise SerialError(f"expected a number, got {data!r}")
        return float(data)
    if tp in (int, str, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise SerialError(f"expected {tp.__name__}, got {data!r}")
        return data
    if tp is type(None):
        if data is not None:
            raise SerialError(f"expected null, got {data!r}")
        return None
    return data  # a type this module does not know: kept as the plain value


def _build_dataclass(cls: type, data: Any) -> Any:
    _expect(data, dict, cls)
    hints = _hints(cls)
    kwargs = {}
    later = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SerialError(f"{cls.__name__}.{f.name} is missing")
            continue
        value = _build(hints.get(f.name, Any), data[f.name])
        if f.init:
            kwargs[f.name] = value
        else:
            later[f.name] = value
    obj = cls(**kwargs)
    for name, value in later.items():
        object.__setattr__(obj, name, value)
    return obj


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules.get(cls.__module__)
    return typing.get_type_hints(cls, vars(module) if module else None)


def _expect(data: Any, kind: type, tp: Any) -> None:
    if not isinstance(data, kind):
        raise SerialError(f"{tp} needs a {kind.__name__}, got {type(data).__name__}")
