"""Store rows (tuples, columns in ``store_rows.COLUMNS`` order) as Arrow tables, the form DuckDB inserts.

Used by the store, and by the analysis workers, which send the rows of a chunk of documents back as Arrow
tables: a few buffers to pickle instead of thousands of small tuples, and no conversion left for the
process that writes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import pyarrow as pa

from pipeline.store_rows import COLUMNS, Rows

_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)


def arrow_tables(rows: Rows, schemas: Mapping[str, pa.Schema]) -> dict[str, pa.Table]:
    """One Arrow table per table with rows (``schemas``: the store's, ``Store._schema``)."""
    out = {}
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        schema = schemas[table]
        arrays = [
            arrow_array(values, schema.field(name).type)
            for name, values in zip(COLUMNS[table], zip(*table_rows, strict=True), strict=True)
        ]
        out[table] = pa.Table.from_arrays(arrays, schema=schema)
    return out


def arrow_array(values: Sequence[Any], type_: pa.DataType) -> pa.Array:
    """``pa.array(values, type_)``; naive datetimes go through their microseconds (the same values: Arrow
    reads a naive datetime as wall-clock time) because Arrow's first datetime conversion in a process loads
    time-zone data for 0.2 s."""
    naive = pa.types.is_timestamp(type_) and type_.tz is None and type_.unit == "us"
    if naive and all(type(v) is datetime and v.tzinfo is None for v in values):
        return pa.array([(v - _EPOCH) // _MICROSECOND for v in values], pa.int64()).cast(type_)
    return pa.array(list(values), type_)
