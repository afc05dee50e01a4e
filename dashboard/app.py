"""Dateline dashboard: a timeline of events the analyst filters, and traces to the sentences that state them.

``streamlit run dashboard/app.py`` (or ``dateline dashboard``). Reads the Parquet snapshot of the store
named by ``DATELINE_DB`` (never the live DuckDB file, which the pipeline locks). ``main()`` wires ``*_ui()``
functions that draw widgets and return values; data comes from ``dashboard.queries`` behind the caches
below, keyed on the snapshot's version so a new ingest shows up on the next rerun.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from dashboard import charts, detail, export, lookups, queries, state
from dashboard import view as views
from pipeline.config import Settings

Version = tuple[int, int]
LANE_TITLES = {"actor": "actor", "type": "event type"}


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(snapshot_dir: str, version: Version) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(Path(snapshot_dir))


def _cursor(snapshot_dir: str, version: Version) -> duckdb.DuckDBPyConnection:
    # One shared in-memory database; a cursor per use, because Streamlit sessions run in parallel threads.
    return _connection(snapshot_dir, version).cursor()


@st.cache_data(max_entries=4, show_spinner=False)
def _options(snapshot_dir: str, version: Version) -> dict[str, Any]:
    return lookups.options(_cursor(snapshot_dir, version))


@st.cache_resource(show_spinner=False)
def _bases() -> dict[Any, dict[str, Any]]:
    """Lane-independent parts of recent views (counts, overview, tables), shared by the sessions: a lane
    switch re-queries only the marks. Entries are never mutated; a new snapshot version is a new key."""
    return {}


@st.cache_data(max_entries=64, show_spinner=False)
def _timeline(snapshot_dir: str, version: Version, filters: queries.Filters, lanes: str) -> dict[str, Any]:
    # a cursor of its own: ``timeline`` fills a temp table that another session's thread must not see
    bases, key = _bases(), (snapshot_dir, version, filters)
    data = views.timeline(_cursor(snapshot_dir, version), filters, lanes, base=bases.get(key))
    while len(bases) >= 32:  # oldest first (dicts keep insertion order); racing sessions only recompute
        bases.pop(next(iter(bases)), None)
    bases[key] = {k: data[k] for k in views.BASE_KEYS}
    return data


def _ms_to_date(value: Any) -> date | None:
    """Vega-Lite hands temporal selections back as epoch milliseconds (UTC)."""
    try:
        return datetime.fromtimestamp(float(value) / 1000, tz=UTC).date()
    except (TypeError, ValueError, OverflowError):
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


def _on_chart_select() -> None:
    selection = st.session_state["timeline"].get("selection", {})
    picked = [p.get("event_id") for key in charts.PICK_PARAMS for p in selection.get(key) or []]
    fresh = [p for p in picked if p and p != st.session_state.get("event")]
    if fresh:
        st.session_state["event"] = fresh[0]
    types = [p["event_type"] for p in selection.get("types") or [] if p.get("event_type")]
    if types != st.session_state.get("_legend_types", []):
        # a click in the legend filters to that type (only a new legend selection does: a click on an
        # event leaves the type filter alone, and so does a selection the redrawn chart drops)
        st.session_state["_legend_types"] = types
        if types:
            st.session_state["type"] = types
    bins = selection.get("bin") or []
    if bins:  # a click on a time bin zooms the date range to it: individual events appear once few enough
        start, end = _ms_to_date(bins[0].get("start")), _ms_to_date(bins[0].get("end"))
        if start and end:
            st.session_state["from"], st.session_state["to"] = start, end - timedelta(days=1)


def _on_table_select() -> None:
    rows = st.session_state["table"].get("selection", {}).get("rows") or []
    ids = st.session_state.get("_table_ids", [])
    if rows and rows[0] < len(ids):
        st.session_state["event"] = ids[rows[0]]


def _on_brush() -> None:
    """A brush on the overview becomes the date range (cleared brush: whole extent again)."""
    brush = st.session_state["overview"].get("selection", {}).get("brush") or {}
    extent = [_ms_to_date(v) for v in brush.get("start") or []]
    if len(extent) == 2 and all(extent):
        st.session_state["from"], st.session_state["to"] = min(extent), max(extent)
    elif not brush:
        st.session_state["from"] = st.session_state["to"] = None


def _reset_filters() -> None:
    for key, value in state.widget_values(state.View()).items():
        st.session_state[key] = value


def restore_view_from_url() -> None:
    """Seed the widgets from the URL once per session; afterwards the widgets own the view."""
    if st.session_state.get("_url_loaded"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    for key, value in state.widget_values(state.view_from_params(params)).items():
        st.session_state[key] = value
    st.session_state["_url_loaded"] = True


def sync_url(view: state.View) -> None:
    params = state.params_from_view(view)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if params != current:
        st.query_params.from_dict(params)


def _choices(key: str, known: list[Any]) -> list[Any]:
    """Known options plus whatever the URL / session already selected (a stale link stays visible)."""
    current = [v for v in st.session_state.get(key) or [] if v not in known]
    return list(known) + current


def filters_ui(opts: dict[str, Any]) -> state.View:
    """The sidebar: lanes, filters and a reset; returns the view they describe."""
    sb = st.sidebar
    sb.radio("Lanes", list(state.LANE_MODES), format_func=LANE_TITLES.get, horizontal=True, key="lanes")
    sb.multiselect("Actor", _choices("actor", opts["actors"]), key="actor", placeholder="Any actor")
    sb.multiselect(
        "Actor's country", _choices("country", opts["countries"]), key="country", placeholder="Any"
    )
    sb.multiselect("Event type", _choices("type", opts["types"]), key="type", placeholder="Any type")
    sb.multiselect("Status", _choices("status", opts["statuses"]), key="status", placeholder="Any status")
    wide = {"min_value": date(1, 1, 1), "max_value": date(9999, 12, 31), "format": "YYYY-MM-DD"}
    left, right = sb.columns(2)
    left.date_input("From", value=None, key="from", **wide)
    right.date_input("To", value=None, key="to", **wide)
    sb.text_input("Search", key="q", placeholder="words in the label or sentences", max_chars=state.MAX_TEXT)
    docs = opts["documents"]
    titles = {
        row.doc_id: f"{row.title} ({row.published:%Y-%m-%d})" if pd.notna(row.published) else row.title
        for row in docs.itertuples()
    }
    sb.multiselect(
        "Source document",
        _choices("doc", list(titles)),
        key="doc",
        format_func=lambda d: titles.get(d, d),
        placeholder="Any document",
    )
    sb.button("Reset filters", on_click=_reset_filters)
    return state.view_from_widgets(
        {key: st.session_state.get(key) for key in state.widget_values(state.View())}
    )


def missing_ui(settings: Settings, empty: bool) -> None:
    st.title("Dateline")
    what = "The event store is empty" if empty else f"No event snapshot at `{settings.snapshot_dir}` yet"
    st.info(
        f"{what}. Build it from articles, then reload this page:\n\n"
        f"```\ndateline ingest data/articles --db {settings.db_path}\n```\n\n"
        "(`make run` does both: ingest the sample articles and start this dashboard), "
        "or paste an article under **Add an article** in the sidebar."
    )


def timeline_ui(data: dict[str, Any], view: state.View, lane_title: str, types: list[str]) -> None:
    """The main chart (events or bins) and the overview strip whose brush sets the date range."""
    shown = f"{data['dated']:,} dated event{'s' if data['dated'] != 1 else ''}"
    if data["undated"]:
        shown += f" · {data['undated']:,} undated (listed below)"
    if view.filters.since or view.filters.until:
        shown += f" · zoomed to {view.filters.since or '…'} – {view.filters.until or '…'}"
    st.caption(shown)
    if data["binned"]:
        st.caption(
            f"Too many events to draw one by one: counts per {data['unit']}. Narrow the filters, click a "
            "bar or brush the overview to zoom; individual events appear once few enough are in range."
        )
    if data["dated"]:
        chart = charts.timeline_chart(
            data["marks"], binned=data["binned"], lane_title=lane_title, legend_types=types
        )
        pick = charts.click_params(data["marks"], binned=data["binned"])
        st.altair_chart(chart, key="timeline", on_select=_on_chart_select, selection_mode=pick)
    else:
        st.warning("No dated event matches these filters.")
    if not data["overview"].empty:
        zoom = (view.filters.since, view.filters.until) if view.filters.since and view.filters.until else None
        overview = charts.overview_chart(data["overview"], zoom)
        st.altair_chart(overview, key="overview", on_select=_on_brush, selection_mode=["brush"])


def export_ui(snapshot_dir: str, version: Version, filters: queries.Filters, chart_png: Any) -> None:
    frame = functools.partial(lookups.export_events, _cursor(snapshot_dir, version), filters)
    cols = st.columns(4)
    cols[0].download_button(
        "Events CSV", lambda: export.events_csv(frame()), "dateline-events.csv", "text/csv"
    )
    cols[1].download_button(
        "Events JSON", lambda: export.events_json(frame()), "dateline-events.json", "application/json"
    )
    cols[2].download_button(
        "Chart PNG", lambda: export.chart_png(chart_png()), "dateline-timeline.png", "image/png"
    )
    cols[3].download_button(
        "Chart SVG", lambda: export.chart_svg(chart_png()), "dateline-timeline.svg", "image/svg+xml"
    )


def events_ui(table: pd.DataFrame, undated: pd.DataFrame, dated_total: int, con: Any) -> str | None:
    """The linked table, the undated list and an event picker; returns the open event's id."""
    ids = table["event_id"].tolist()
    st.session_state["_table_ids"] = ids
    labels = {r.event_id: f"{r.start:%Y-%m-%d} · {r.label}" for r in table.itertuples()}
    labels.update({r.event_id: f"undated · {r.label}" for r in undated.itertuples()})
    current = st.session_state.get("event")
    if current and current not in labels:
        row = lookups.event(con, current)
        labels[current] = row["label"] if row else f"unknown event {current}"
    st.selectbox(
        "Open event",
        list(labels),
        key="event",
        index=None,
        placeholder="Pick an event, click one on the chart or a row below",
        format_func=lambda e: labels.get(e, e),
    )
    shown = table.assign(actors=table["actor_names"].map(lambda a: ", ".join(a)))
    columns = ["start", "label", "event_type", "status", "actors", "date_text", "n_docs"]
    st.dataframe(
        shown[columns],
        key="table",
        on_select=_on_table_select,
        selection_mode="single-row",
        hide_index=True,
        column_config={
            "start": st.column_config.DateColumn("date"),
            "date_text": "date expression",
            "n_docs": "sources",
        },
    )
    if dated_total > len(table):
        st.caption(
            f"First {len(table):,} of {dated_total:,} in date order: narrow the filters to see the rest."
        )
    if not undated.empty:
        with st.expander(f"Undated events ({len(undated):,})"):
            shown = undated.assign(actors=undated["actor_names"].map(lambda a: ", ".join(a)))
            st.dataframe(shown[["label", "event_type", "status", "actors", "n_docs"]], hide_index=True)
    return st.session_state.get("event")


def detail_ui(con: Any, event_id: str) -> None:
    """The open event: header, every mention's sentence with highlights and provenance, the actors."""
    try:
        row = lookups.event(con, event_id)
        if row is None:
            st.warning("This event is not in the current snapshot (the store may have been rebuilt).")
            return
        mentions = lookups.mentions(con, event_id)
        actors = lookups.event_actors(con, event_id)
    except duckdb.Error as exc:
        st.warning(f"The snapshot changed while reading it ({type(exc).__name__}); reload the page.")
        return
    st.html(detail.event_header_html(row))
    sentences = [detail.mention_html(m, row) for m in mentions.to_dict(orient="records")]
    st.html("".join(sentences) or "<p>No mention.</p>")
    st.dataframe(detail.actors_frame(actors), hide_index=True)


def add_article_ui(settings: Settings) -> None:
    """Paste or upload an article; it goes through ``pipeline.run.ingest_text`` like ``dateline ingest``."""
    with st.sidebar.expander("Add an article"), st.form("add_article", clear_on_submit=True):
        title = st.text_input("Title (optional)")
        text = st.text_area("Article text", height=160)
        upload = st.file_uploader("…or a file", type=["txt", "md", "html", "htm"])
        published = st.date_input("Publication date (optional)", value=None, format="YYYY-MM-DD")
        if not st.form_submit_button("Add to the timeline"):
            return
    if upload is not None:
        text = upload.getvalue().decode("utf-8", errors="replace")
        if upload.name.lower().endswith((".html", ".htm")):
            import trafilatura

            text = trafilatura.extract(text) or text
        title = title or Path(upload.name).stem
    if not text.strip():
        st.sidebar.error("Paste some text or choose a file first.")
        return
    from pipeline.run import ingest_text  # the pipeline loads only when an article is added

    try:
        with st.sidebar, st.spinner("Reading the article…"):
            result = ingest_text(text, title or None, published, settings)
    except Exception as exc:  # the analyst sees a message, not a traceback
        if "lock" in str(exc).lower():
            st.sidebar.error(
                f"The event store `{settings.db_path}` is locked by another process (probably a running "
                "`dateline ingest`). Try again when it has finished."
            )
        else:
            st.sidebar.error(f"The article could not be added: {type(exc).__name__}: {exc}")
        return
    failures = getattr(result, "failures", None)
    if failures:
        st.sidebar.error("The article could not be added: " + "; ".join(map(str, failures)))
        return
    summary = result.summary() if hasattr(result, "summary") else result
    st.session_state["_flash"] = f"Article added: {summary}."
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="Dateline", layout="wide")
    settings = Settings()
    add_article_ui(settings)
    if flash := st.session_state.pop("_flash", None):
        st.toast(flash)
    snapshot_dir = str(settings.snapshot_dir)
    version = queries.snapshot_version(settings.snapshot_dir)
    try:
        opts = _options(snapshot_dir, version) if version else None
    except queries.SnapshotMissing:
        opts = None
    if not opts or not opts["n_events"]:
        missing_ui(settings, empty=opts is not None)
        return
    restore_view_from_url()
    view = filters_ui(opts)
    sync_url(view)
    st.title("Dateline")
    data = _timeline(snapshot_dir, version, view.filters, view.lanes)
    lane_title = LANE_TITLES[view.lanes]
    # the legend lists the types drawn; once a type filter is on, every type, so another can be clicked
    timeline_ui(data, view, lane_title, opts["types"] if view.filters.types else [])
    for_export = functools.partial(
        charts.export_chart, data["marks"], data["overview"], binned=data["binned"], lane_title=lane_title
    )
    export_ui(snapshot_dir, version, view.filters, for_export)
    events_and_detail_ui(snapshot_dir, version, data, view)


@st.fragment
def events_and_detail_ui(snapshot_dir: str, version: Version, data: dict[str, Any], view: state.View) -> None:
    """Below the charts, in a fragment: picking an event (picker or table row) reruns only this part, not
    the queries, charts and sidebar above (a click on the chart still reruns the page)."""
    con = _cursor(snapshot_dir, version)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Events")
        event_id = events_ui(data["table"], data["undated_table"], data["dated"], con)
    sync_url(dataclasses.replace(view, event=event_id or None))  # a fragment rerun skips main's sync
    with right:
        st.subheader("Detail")
        if event_id:
            detail_ui(con, event_id)
        else:
            st.caption(
                "Select an event to see every sentence that states it, how it was dated, and its sources."
            )


if __name__ == "__main__":
    main()
