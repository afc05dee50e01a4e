"""Downloads: the filtered events as CSV or JSON, the chart as PNG or SVG (vl-convert, no browser needed).

Called lazily by the download buttons, so nothing is built unless the analyst clicks.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import altair as alt
import pandas as pd

LIST_SEPARATOR = "; "


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN/NaT as null, numpy arrays/scalars as Python."""
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def events_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]


def events_json(frame: pd.DataFrame) -> bytes:
    return json.dumps(events_records(frame), ensure_ascii=False, indent=1).encode("utf-8")


def events_csv(frame: pd.DataFrame) -> bytes:
    """CSV with list columns joined by "; " and dates as YYYY-MM-DD (spreadsheets read both)."""
    records = events_records(frame)
    flat = pd.DataFrame(
        [
            {k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
            for row in records
        ],
        columns=list(frame.columns),
    )
    return flat.to_csv(index=False).encode("utf-8")


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(chart.to_json(), scale=scale)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_json())
