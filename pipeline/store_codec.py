"""DocumentAnalysis <-> JSON, so the store can give dedup back exactly what ``analyze`` produced.

The store keeps each document's analysis as one JSON value beside the relational tables. Rebuilding events
from it is lossless (spans, roles, time expressions, explanations) and keeps working when the data model
gains a field: the decoder reads the dataclass type hints, fills what it finds, leaves new fields at their
defaults.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.model import DocumentAnalysis


def to_jsonable(value: Any) -> Any:
    """The JSON form of a model object (dataclasses -> dicts, tuples -> lists, dates -> ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        encode = _encoder(type(value))
        return encode(value) if encode else value
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def dumps(analysis: DocumentAnalysis) -> str:
    return json.dumps(_encoder(DocumentAnalysis)(analysis), ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=256)
def _encoder(tp: Any) -> Callable[[Any], Any] | None:
    """A function giving the JSON form of a ``tp`` value, or None when the value is already JSON (str, int,
    float, bool): built once per type from its hints, so encoding does no per-value type tests."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _encoder(options[0]) if len(options) == 1 else to_jsonable
        return None if inner is None else (lambda v: None if v is None else inner(v))
    if origin in (tuple, list):
        item = _encoder((typing.get_args(tp) or (Any,))[0])
        return list if item is None else (lambda v: [item(x) for x in v])
    if tp is date:
        return date.isoformat
    if dataclasses.is_dataclass(tp):
        names = [f.name for f in dataclasses.fields(tp)]
        hints = typing.get_type_hints(tp)
        plan = [(name, _encoder(hints[name])) for name in names]

        def encode(value: Any) -> dict[str, Any]:
            out = {}
            for name, enc in plan:
                x = getattr(value, name)
                out[name] = x if enc is None else enc(x)
            return out

        return encode
    return None if tp in (str, int, float, bool) else to_jsonable


def loads(text: str) -> DocumentAnalysis:
    return _decoder(DocumentAnalysis)(json.loads(text))


def from_jsonable(tp: Any, value: Any) -> Any:
    """The ``tp`` value (a model dataclass, usually) whose JSON form is ``value``."""
    return _decoder(tp)(value)


def _identity(value: Any) -> Any:
    return value


@lru_cache(maxsize=256)
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function turning the JSON form of ``tp`` back into ``tp``, built once per type (rebuilding events
    decodes every stored analysis, so the type hints are read once, not once per value)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _identity
        return lambda v: None if v is None else inner(v)
    if origin in (tuple, list):
        item = _decoder((typing.get_args(tp) or (Any,))[0])
        if origin is tuple:
            return lambda v: None if v is None else tuple(item(x) for x in v)
        return lambda v: None if v is None else [item(x) for x in v]
    if tp is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if dataclasses.is_dataclass(tp):
        names = {f.name for f in dataclasses.fields(tp)}
        fields = {k: _decoder(h) for k, h in typing.get_type_hints(tp).items() if k in names}

        def build(value: Any) -> Any:
            if value is None:
                return None
            return tp(**{k: fields[k](v) for k, v in value.items() if k in fields})

        return build
    return _identity
