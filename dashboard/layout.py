"""Where each event sits on the timeline: its lane's sub-row, its label's side, the dates that draw it.

Greedy interval packing in screen space (pure pandas, no Altair): each mark claims [x(start), x(end)] plus
its label's width in its lane and takes the first free sub-row, so a day with five events still reads.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

SEP = "\u241f"  # joins lane and sub-row into one y value ("Gates␟0"); never in a name
LABEL_CHARS = 42  # labels longer than this are cut (the tooltip has the full label)
CHAR_PX = 6.9  # average width of a label character at font size 12
MIN_SPAN_DAYS = 30  # the x domain covers at least this many days
LEFT_LABELS_AFTER = 0.6  # marks beyond this share of the width take their label on the left


def _marked(label: Any, status: str) -> str:
    """Short label that says the status when the shape alone would not ("Planned: ..."), once."""
    text = _short(label)
    word = {"recurring": "Recurring", "planned": "Planned", "cancelled": "Cancelled"}.get(status)
    if word and not text.lower().startswith(word.lower()):
        text = _short(f"{word}: {text}")
    return text


def _short(label: Any) -> str:
    label = " ".join(str(label or "").split())
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def layout(marks: pd.DataFrame, width_px: int = 900, labels: bool = True) -> pd.DataFrame:
    """Add ``slot`` (lane + sub-row), ``end_draw`` (exclusive end), ``label_x`` and display columns.

    Greedy interval packing in screen space: each mark claims [x(start), x(end) + label width] in its lane and
    takes the first sub-row free there. Packing at the full extent stays valid when the brush zooms in.
    """
    frame = marks.copy()
    if frame.empty:
        for column in (
            "slot",
            "end_draw",
            "label_x",
            "label_left",
            "label_end",
            "label_start",
            "short_label",
            "is_span",
            "date_display",
        ):
            frame[column] = pd.Series(dtype="object")
        return frame
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"]).fillna(frame["start"])
    frame["end_draw"] = frame["end"] + pd.Timedelta(days=1)
    frame["is_span"] = frame["end"] > frame["start"]  # "March 2008", "June 6-8": an interval, not a day
    frame["short_label"] = (
        [_marked(lab, st) for lab, st in zip(frame["label"], frame["status"], strict=True)] if labels else ""
    )
    frame["date_display"] = [
        _date_display(v, s, e, p)
        for v, s, e, p in frame[["date_value", "start", "end", "precision"]].itertuples(index=False)
    ]
    first = frame["start"].min()
    days0 = (frame["start"] - first).dt.days.astype(float)
    days1 = (frame["end_draw"] - first).dt.days.astype(float)
    label_px = frame["short_label"].str.len() * CHAR_PX + 12 if labels else pd.Series(0.0, index=frame.index)
    # Marks in the right part of the chart get their label on the left, so labels rarely stretch the domain;
    # those that still would are kept inside by an invisible layer at ``label_end``. The stretch rescales the
    # axis, hence the iteration.
    span_days = max(days1.max(), 1.0)
    for _ in range(3):
        px_per_day = width_px / span_days
        x0 = days0 * px_per_day
        x1 = pd.concat([days1 * px_per_day, x0 + 10], axis=1).max(axis=1)
        left = (x0 > LEFT_LABELS_AFTER * width_px) & (x0 - label_px > 0)
        claim0 = x0.where(~left, x0 - label_px - 6)
        claim1 = x1.where(left, x1 + label_px + 6)
        span_days = max(claim1.max() / px_per_day, days1.max(), 1.0)
    frame["label_left"] = left
    frame["label_x"] = frame["start"].where(left | ~frame["is_span"], frame["end_draw"])
    # a mark at the very edge is not cut in half, and a short extent still shows days, not hours
    pad = max(12 / px_per_day, (MIN_SPAN_DAYS - span_days) / 2)
    frame["label_end"] = first + pd.to_timedelta(claim1 / px_per_day + pad, unit="D")
    frame["label_start"] = first + pd.to_timedelta(claim0 / px_per_day - pad, unit="D")
    lane_ends: dict[str, list[float]] = {}
    row_of: dict[Any, int] = {}
    for idx in sorted(frame.index, key=lambda i: (frame.at[i, "lane_order"], frame.at[i, "lane"], claim0[i])):
        ends = lane_ends.setdefault(frame.at[idx, "lane"], [])
        row = next((r for r, end in enumerate(ends) if end <= claim0[idx]), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = claim1[idx]
        row_of[idx] = row
    frame["slot"] = [
        f"{order:03d}{SEP}{lane}{SEP}{row_of[idx]}"
        for idx, order, lane in zip(frame.index, frame["lane_order"], frame["lane"], strict=True)
    ]
    return frame


def _date_display(value: Any, start: Any, end: Any, precision: str) -> str:
    if precision == "day" or pd.isna(end) or start == end:
        return f"{start:%Y-%m-%d}" + (f" ({value})" if value and str(value) != f"{start:%Y-%m-%d}" else "")
    return f"{value} ({start:%Y-%m-%d} – {end:%Y-%m-%d})"
