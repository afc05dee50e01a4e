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
    return _decode(DocumentAnalysis, json.loads(text))


@lru_cache(maxsize=64)
def _hints(cls: type) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin in (tuple, list):
        (item, *_) = typing.get_args(tp) or (Any,)
        return (
            tuple(_decode(item, v) for v in value) if origin is tuple else [_decode(item, v) for v in value]
        )
    if tp is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{k: _decode(hints[k], v) for k, v in value.items() if k in hints})
    return value
