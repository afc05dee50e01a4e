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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def dumps(analysis: DocumentAnalysis) -> str:
    return json.dumps(to_jsonable(analysis), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> DocumentAnalysis:
    return _decoder(DocumentAnalysis)(json.loads(text))


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
