"""Altair specs of the timeline: pure functions of the frames ``dashboard.queries`` returns.

The main view has one lane per actor (or per event type); inside a lane, events that would overlap on
screen (mark plus label) are packed into sub-rows, so a day with five events still reads. Status is drawn
twice, for colour-blind readers: filled = occurred, hollow = planned (or cancelled), and the shape says
recurring (diamond), ongoing (square), cancelled (cross). A day-precise date is a point, a coarser one
("March 2008", "later that year") a bar over its interval. Below, an overview strip of counts per time bin
carries a brush that zooms the main view. The colour legend filters: a click on a type is a selection
(param ``types``) that the app turns into the event-type filter, so the server re-queries (binned views too).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from dashboard.layout import SEP as SEP  # re-exported: a lane's name is the slot's middle part
from dashboard.layout import layout

# Fixed colours so a type keeps its colour whatever the filters. Okabe-Ito first (colour-blind safe), then
# Paul Tol's muted scheme; related types share a hue family (consult = blues, agree = greens, conflict =
# reds), which still reads when two neighbouring hues are hard to tell apart.
TYPE_COLOURS: dict[str, str] = {
    "VISIT": "#0072B2",
    "MEETING": "#56B4E9",
    "PHONE_CALL": "#332288",
    "INVITATION": "#44AA99",
    "AGREEMENT": "#009E73",
    "AGREEMENT_SIGNED": "#117733",
    "JOINT_EXERCISE": "#E69F00",
    "PERSONNEL_EXCHANGE": "#DDCC77",
    "COOPERATION": "#999933",
    "SUSPENSION": "#CC79A7",
    "MILITARY_FORCE": "#D55E00",
    "STATEMENT": "#882255",
    "OTHER": "#888888",
}
STATUS_SHAPES: dict[str, str] = {
    "occurred": "circle",
    "planned": "circle",
    "recurring": "diamond",
    "ongoing": "square",
    "cancelled": "cross",
}
HOLLOW_STATUSES = ("planned", "cancelled")
STATUS_KEY = "● occurred   ○ planned   ◆ recurring   ■ ongoing   ✕ cancelled   ▬ month/year-precise date"
SLOT_PX = 22  # height of one sub-row
MAX_LABELLED = 150  # above this many marks, labels go to the tooltip only
EVENT_COLUMNS = (
    "event_id", "slot", "start", "end_draw", "is_span", "label_x", "label_left", "label_start", "label_end",
    "short_label", "label", "event_type", "status", "date_display", "date_text", "actors", "n_docs",
)  # fmt: skip
# click params -> the layer each lives in (Streamlit's frontend does not draw one param shared by views)
PICK_PARAMS = {
    "pick": "ev_points",
    "pick_span": "ev_spans",
    "pick_text": "ev_text_right",
    "pick_text_left": "ev_text_left",
}
TOP_AXIS_ROWS = 14  # more sub-rows than this: repeat the time axis above the chart
NO_FRAME = alt.ViewBackground(stroke=None)
# Streamlit's default "fit" squeezes the plot to make room for title and legend; fit the width only.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def type_scale(types: list[str] | None = None) -> alt.Scale:
    domain = list(TYPE_COLOURS)
    for extra in types or []:
        if extra not in TYPE_COLOURS:
            domain.append(extra)
    return alt.Scale(domain=domain, range=[TYPE_COLOURS.get(t, "#888888") for t in domain])


def _y(slots: list[str]) -> alt.Y:
    # Show the lane name on its first sub-row only; a grid line above it separates the lanes.
    first_row = f"split(datum.value, '{SEP}')[2] == '0'"
    axis = alt.Axis(
        title=None,
        labelExpr=f"{first_row} ? split(datum.value, '{SEP}')[1] : ''",
        labelLimit=180,
        labelFontSize=12,
        ticks=False,
        domain=False,
        grid=True,
        bandPosition=0,
        gridOpacity={"condition": {"test": first_row, "value": 0.5}, "value": 0},
    )
    return alt.Y("slot:N", sort=slots, axis=axis, scale=alt.Scale(paddingInner=0, paddingOuter=0))


def _x(field: str = "start", axis: bool = True) -> alt.X:
    """The time axis. The layers of the event view resolve their axes independently (to put one on top
    as well), so only one layer draws the bottom axis and the others say ``axis=False``."""
    bottom = alt.Axis(labelOverlap=True, grid=True, gridOpacity=0.25, labelFontSize=12) if axis else None
    return alt.X(f"{field}:T", scale=alt.Scale(type="utc"), title=None, axis=bottom)


def _size(width: Any, height: int) -> dict[str, Any]:
    """Height always; width only when fixed (in the app Streamlit sizes the chart to its container)."""
    return {"height": height} if width is alt.Undefined else {"width": width, "height": height}


def _legend(present: list[str]) -> alt.Legend:
    return alt.Legend(
        title="Event type (click to filter)",
        orient="top",
        values=present,
        symbolType="circle",
        columns=min(len(present), 5),  # rows of five rather than entries cut off at the right edge
    )


def _types_param(views: list[str]) -> alt.TopLevelSelectionParameter:
    """A click on a type in the legend selects it; the app makes it the event-type filter (a rerun)."""
    return alt.TopLevelSelectionParameter(
        name="types",
        select=alt.PointSelectionConfig(type="point", fields=["event_type"]),
        bind="legend",
        views=views,
    )


def _legend_values(types: list[str], legend_types: list[str] | None, colour: alt.Scale) -> list[str]:
    """The legend's entries: every type of the snapshot when known (so that after a click the others stay
    there to click), else the types drawn; in palette order."""
    wanted = list(dict.fromkeys([*(legend_types or []), *types]))
    order = list(colour.domain)
    return sorted(wanted, key=lambda t: order.index(t) if t in order else len(order))


def _title(lane_title: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(
        f"Events by {lane_title}",
        subtitle=subtitle,
        anchor="start",
        fontSize=14,
        subtitleFontSize=12,
        subtitleColor="#444",
    )


def event_view(
    marks: pd.DataFrame,
    lane_title: str,
    width: Any,
    interactive: bool = True,
    legend_types: list[str] | None = None,
) -> alt.LayerChart:
    """Individual events: spans, points and labels, packed in lanes. Params: ``pick`` / ``pick_span`` (click
    a point / a bar) and ``types`` (the legend)."""
    labelled = len(marks) <= MAX_LABELLED
    frame = layout(marks, labels=labelled)
    slots = sorted(frame["slot"].unique().tolist())
    types = frame["event_type"].unique().tolist()
    colour = type_scale([*types, *(legend_types or [])])
    present = _legend_values(types, legend_types, colour)
    hollow = " || ".join(f"datum.status == '{s}'" for s in HOLLOW_STATUSES)
    # colour fills (white when hollow) and carries the legend; stroke keeps hollow marks in their colour
    fill = alt.condition(
        hollow, alt.value("white"), alt.Color("event_type:N", scale=colour, legend=_legend(present))
    )
    stroke = alt.Stroke("event_type:N", scale=colour, legend=None)
    tooltip = [
        alt.Tooltip("label:N", title="Event"),
        alt.Tooltip("date_display:N", title="Date"),
        alt.Tooltip("date_text:N", title="Date expression"),
        alt.Tooltip("actors:N", title="Actors"),
        alt.Tooltip("n_docs:Q", title="Sources"),
        alt.Tooltip("event_type:N", title="Type"),
        alt.Tooltip("status:N", title="Status"),
    ]
    # only what the marks, tooltips and the click need: every column is shipped to the browser
    frame = frame[[c for c in EVENT_COLUMNS if c in frame.columns]]
    base = alt.Chart(frame).encode(y=_y(slots), tooltip=tooltip)
    spans = (
        base.transform_filter("datum.is_span")
        .mark_bar(height=11, cornerRadius=3, strokeWidth=1.5, clip=True, cursor="pointer")
        .encode(
            x=_x(axis=False),
            x2="end_draw:T",
            color=fill,
            stroke=stroke,
        )
        .properties(name="ev_spans")
    )
    shapes = alt.Scale(domain=list(STATUS_SHAPES), range=list(STATUS_SHAPES.values()))
    points = (
        base.transform_filter("!datum.is_span")
        .mark_point(size=130, strokeWidth=2, filled=True, clip=True, cursor="pointer")
        .encode(
            x=_x(),
            shape=alt.Shape("status:N", scale=shapes, legend=None),  # the subtitle is the key (shows hollow)
            color=fill,
            stroke=stroke,
        )
        .properties(name="ev_points")
    )
    # Drawn first, so below the marks: invisible points that stretch the x domain to where labels end (and a
    # little past the first / last mark), and carry the top axis of a tall chart. On top they would take
    # the clicks meant for the events.
    plain = alt.Chart(frame).encode(y=_y(slots))
    layers: list[alt.Chart] = [
        plain.mark_point(opacity=0).encode(x=_x("label_end", axis=False)),
        plain.mark_point(opacity=0).encode(x=_x("label_start", axis=False)),
    ]
    if len(slots) > TOP_AXIS_ROWS:  # a tall chart: the time axis on top as well, where the eye starts
        top_axis = alt.Axis(orient="top", labelOverlap=True, grid=False, labelFontSize=12, title=None)
        layers.append(
            plain.mark_point(opacity=0).encode(x=alt.X("start:T", scale=alt.Scale(type="utc"), axis=top_axis))
        )
    if labelled:  # a label is clickable too
        for name, side, align, dx in (
            ("ev_text_right", "!datum.label_left", "left", 9),
            ("ev_text_left", "datum.label_left", "right", -9),
        ):
            layers.append(
                base.transform_filter(side)
                .mark_text(align=align, dx=dx, fontSize=12, color="#222", clip=True, cursor="pointer")
                .encode(x=_x("label_x", axis=False), text="short_label:N")
                .properties(name=name)
            )
    layers += [spans, points]
    chart = (
        alt.layer(*layers)
        .resolve_axis(x="independent")
        .properties(
            **_size(width, max(SLOT_PX * len(slots), 80)), title=_title(lane_title, STATUS_KEY), view=NO_FRAME
        )
    )
    if not interactive:  # a picture (export): no selections to declare
        return chart
    # One click param per layer: Streamlit's frontend does not draw a param shared by two views.
    chart.params = [
        alt.TopLevelSelectionParameter(
            name=name,
            select=alt.PointSelectionConfig(type="point", fields=["event_id"], on="click"),
            views=[view],
        )
        for name, view in PICK_PARAMS.items()
        if labelled or not view.startswith("ev_text")
    ] + [_types_param(["ev_points"])]
    return chart


def binned_view(
    bins: pd.DataFrame,
    lane_title: str,
    width: Any,
    interactive: bool = True,
    legend_types: list[str] | None = None,
) -> alt.Chart:
    """Too many events to draw: one bar per (lane, time bin), colour = the commonest type, shade = count.
    Param ``bin``: a click on a bar zooms the date range to it."""
    frame = bins.copy()
    frame["slot"] = [
        f"{o:03d}{SEP}{lane}{SEP}0" for o, lane in zip(frame["lane_order"], frame["lane"], strict=True)
    ]
    frame = frame[["slot", "start", "end", "n_events", "event_type", "breakdown"]]  # shipped to the browser
    slots = sorted(frame["slot"].unique().tolist())
    types = frame["event_type"].unique().tolist()
    colour = type_scale([*types, *(legend_types or [])])
    subtitle = (
        "Counts per time bin (colour: commonest type, shade: number of events). Click a bar to zoom in."
    )
    chart = (
        alt.Chart(frame, name="ev_bins")
        .mark_bar(height=SLOT_PX - 6, clip=True, cursor="zoom-in")
        .encode(
            x=_x(),
            x2="end:T",
            y=_y(slots),
            color=alt.Color(
                "event_type:N", scale=colour, legend=_legend(_legend_values(types, legend_types, colour))
            ),
            opacity=alt.Opacity("n_events:Q", scale=alt.Scale(type="log", range=[0.4, 1]), legend=None),
            tooltip=[
                alt.Tooltip("start:T", title="From", format="%Y-%m-%d"),
                alt.Tooltip("end:T", title="To (excl.)", format="%Y-%m-%d"),
                alt.Tooltip("n_events:Q", title="Events", format=","),
                alt.Tooltip("breakdown:N", title="By type"),
            ],
        )
        .properties(
            **_size(width, max(SLOT_PX * len(slots), 80)),
            title=_title(lane_title, subtitle),
            view=NO_FRAME,
        )
    )
    if not interactive:
        return chart
    legend = alt.selection_point(name="types", fields=["event_type"], bind="legend")
    return chart.add_params(alt.selection_point(name="bin", fields=["start", "end"], on="click"), legend)


def click_params(marks: pd.DataFrame, *, binned: bool) -> list[str]:
    """The params of ``timeline_chart`` a click sets (what ``st.altair_chart(selection_mode=...)`` wants)."""
    if binned:
        return ["bin", "types"]
    return [
        n for n, view in PICK_PARAMS.items() if len(marks) <= MAX_LABELLED or not view.startswith("ev_text")
    ] + ["types"]


def timeline_chart(
    marks: pd.DataFrame,
    *,
    binned: bool,
    lane_title: str,
    width: Any = alt.Undefined,
    legend_types: list[str] | None = None,
) -> alt.TopLevelMixin:
    """The main view: individual events, or time bins when there are too many. ``legend_types``: every
    type the analyst may filter to from the legend (default: the types drawn)."""
    view = binned_view if binned else event_view
    chart = view(marks, lane_title, width, legend_types=legend_types)
    return chart.properties(autosize=FIT_WIDTH)


def overview_chart(
    counts: pd.DataFrame,
    zoom: tuple[date, date] | None = None,
    width: Any = alt.Undefined,
    interactive: bool = True,
) -> alt.Chart:
    """Events per time bin over the whole extent, with a brush (param ``brush``): brushing sets the date
    range, so the main view re-queries and shows individual events once few enough are in range."""
    brush_value = None
    if zoom:
        brush_value = {"x": [alt.DateTime(year=d.year, month=d.month, date=d.day, utc=True) for d in zoom]}
    brush = alt.selection_interval(name="brush", encodings=["x"], value=brush_value)
    colour = type_scale(counts["event_type"].unique().tolist())
    years = (
        (pd.to_datetime(counts["end"]).max() - pd.to_datetime(counts["start"]).min()).days / 365
        if len(counts)
        else 0
    )
    # every tick says its year: whole years (a step that keeps about a dozen) or, on short spans, months
    fmt = "%Y" if years > 4 else "%b %Y"
    if years > 4:
        ticks = alt.TimeIntervalStep(interval="year", step=max(1, round(years / 12)))
    else:
        months = years * 12
        ticks = alt.TimeIntervalStep(interval="month", step=max(1, round(months / 12)))
    chart = (
        alt.Chart(
            counts,
            title=alt.TitleParams(
                "Overview: drag across it to zoom", fontSize=12, anchor="start", color="#444"
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "start:T",
                scale=alt.Scale(type="utc"),
                title=None,
                axis=alt.Axis(labelOverlap=True, format=fmt, tickCount=ticks),
            ),
            x2="end:T",
            y=alt.Y("n_events:Q", title=None, axis=alt.Axis(tickCount=2, grid=False)),
            y2=alt.datum(0),  # with x and x2 given, a bar needs its base too, or it is a thin line at y
            color=alt.Color("event_type:N", scale=colour, legend=None),
            tooltip=[
                alt.Tooltip("start:T", title="From", format="%Y-%m-%d"),
                alt.Tooltip("n_events:Q", title="Events", format=","),
                alt.Tooltip("event_type:N", title="Commonest type"),
            ],
        )
        .properties(**_size(width, 55), view=NO_FRAME)
    )
    return chart.add_params(brush).properties(autosize=FIT_WIDTH) if interactive else chart


def export_chart(
    marks: pd.DataFrame, counts: pd.DataFrame, *, binned: bool, lane_title: str
) -> alt.VConcatChart:
    """Main view over the overview, fixed width, for PNG / SVG files (no browser to size them)."""
    view = binned_view if binned else event_view
    main = view(marks, lane_title, 1000, interactive=False)
    return alt.vconcat(main, overview_chart(counts, width=1000, interactive=False), spacing=16)
