"""Pure parts of the dashboard: SQL over the snapshot, chart layout, detail HTML, URL state, export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from snapshot_fixture import write_snapshot

from dashboard import charts, detail, export, lookups, queries, state, view
from dashboard.queries import Filters
from pipeline.commands.dashboard import command


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(write_snapshot(tmp_path / "s.parquet"))


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["event_id"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(countries=("PRT",)), {"ev-visit", "ev-war", "ev-memo", "ev-tour", "ev-yearly"}),
        (Filters(since=date(2011, 5, 11)), {"ev-tour", "ev-yearly", "ev-script"}),  # overlap, not start
        (Filters(until=date(2009, 4, 15)), {"ev-visit"}),
        (Filters(doc_ids=("docB",)), {"ev-tour"}),
        (Filters(text="brill VEY"), {"ev-memo", "ev-yearly"}),  # every word, actor names included
        (Filters(text="100%"), set()),  # no LIKE wildcards
    ],
)
def test_filters_select_events(con, filters: Filters, expected: set[str]) -> None:
    assert ids(queries.event_marks(con, filters)) == expected


def test_undated_events_ignore_the_date_range_but_not_other_filters(con) -> None:
    assert ids(queries.event_table(con, Filters(since=date(2020, 1, 1)), dated=False)) == {"ev-dialogue"}
    assert ids(queries.event_table(con, Filters(actors=("Ana Brill",)), dated=False)) == set()


def test_many_events_become_time_bins(con) -> None:
    few = view.timeline(con, Filters(), "actor", max_marks=100)
    many = view.timeline(con, Filters(), "actor", max_marks=3)
    assert not few["binned"] and len(few["marks"]) == 9
    assert many["binned"] and many["unit"] == "week"  # ~1,000 days in <= 160 bins
    assert many["marks"]["n_events"].sum() == 9  # (event, lane) pairs, counted per bin
    assert {"start", "end", "event_type", "breakdown"} <= set(many["marks"].columns)
    assert many["overview"]["n_events"].sum() == 6


def test_bin_unit_keeps_bins_under_the_cap() -> None:
    assert queries.bin_unit(date(2010, 1, 1), date(2010, 3, 1)) == "day"
    assert queries.bin_unit(date(1990, 1, 1), date(2010, 1, 1)) == "quarter"
    assert queries.bin_unit(date(1, 1, 1), date(9999, 1, 1)) == "decade"


def test_minor_lanes_merge_into_other(con, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "MAX_LANES", 1)
    lanes = set(queries.event_marks(con, Filters())["lane"])
    assert lanes == {"Ana Brill", queries.OTHER_LANE}


def test_layout_packs_overlapping_marks_into_sub_rows() -> None:
    day = pd.Timestamp("2011-05-10")
    marks = pd.DataFrame(
        {
            "event_id": ["a", "b", "c"],
            "lane": ["L", "L", "L"],
            "lane_order": [1, 1, 1],
            "label": ["signing", "meeting", "far later"],
            "event_type": ["VISIT"] * 3,
            "status": ["occurred", "planned", "occurred"],
            "precision": ["day", "day", "year"],
            "date_value": ["2011-05-10", "2011-05-10", "2015"],
            "start": [day, day, pd.Timestamp("2015-01-01")],
            "end": [day, day, pd.Timestamp("2015-12-31")],
        }
    )
    frame = charts.layout(marks).set_index("event_id")
    assert frame.loc["a", "slot"] != frame.loc["b", "slot"]  # same day: stacked
    assert frame.loc["c", "slot"].endswith(charts.SEP + "0")  # free space further right: first row
    assert bool(frame.loc["c", "is_span"]) and not bool(frame.loc["a", "is_span"])
    assert frame.loc["c", "end_draw"] == pd.Timestamp("2016-01-01")
    assert frame.loc["b", "short_label"] == "Planned: meeting"


def test_chart_spec_has_event_lanes_tooltips_and_params(con) -> None:
    data = view.timeline(con, Filters(), "actor")
    spec = charts.timeline_chart(data["marks"], binned=False, lane_title="actor").to_dict()
    assert {p["name"] for p in spec["params"]} == {*charts.PICK_PARAMS, "types"}
    assert charts.overview_chart(data["overview"]).to_dict()["params"][0]["name"] == "brush"
    text = json.dumps(spec)
    for title in ("Event", "Date", "Date expression", "Actors", "Sources"):
        assert f'"title": "{title}"' in text
    assert charts.TYPE_COLOURS["VISIT"] in text


def test_highlight_escapes_and_marks_spans() -> None:
    out = detail.highlight("<b>x</b> met *y*", [(9, 12, "trigger")])
    assert (
        out
        == '&lt;b&gt;x&lt;/b&gt; <mark class="dl-trigger" style="'
        + detail.TRIGGER_STYLE
        + '" title="trigger">met</mark> *y*'
    )


def test_locate_falls_back_to_the_text_when_offsets_drift() -> None:
    assert detail.locate("Vey will tour it", "tour", 109, 100) == (9, 13)
    assert detail.locate("Vey will tour it", "tour", 50, 0) == (9, 13)
    assert detail.locate("Vey will tour it", "visit", 9, 0) is None


def test_only_http_links_are_links() -> None:
    assert detail.safe_link("javascript:alert(1)", "x") == "x"
    assert detail.safe_link('https://a.org/"x', "t").startswith('<a href="https://a.org/&quot;x"')


@pytest.mark.parametrize(
    "params",
    [
        {
            "actor": ["A", "B"],
            "type": "VISIT",
            "from": "2008-01-01",
            "q": "tour",
            "lanes": "type",
            "event": "e1",
        },
        {},
    ],
)
def test_url_round_trip(params: dict) -> None:
    view = state.view_from_params(params)
    assert state.view_from_params(state.params_from_view(view)) == view
    assert state.view_from_widgets(state.widget_values(view)) == view


def test_bad_url_values_are_dropped() -> None:
    view = state.view_from_params({"from": "yesterday", "to": "2010-02-30", "lanes": "<svg>", "q": "x" * 999})
    assert view.filters.since is None and view.filters.until is None
    assert view.lanes == "actor" and len(view.filters.text) == state.MAX_TEXT


def test_export_csv_json_png(con) -> None:
    frame = lookups.export_events(con, Filters(actors=("Tomas Vey",)))
    rows = json.loads(export.events_json(frame))
    assert {r["event_id"] for r in rows} == {"ev-memo", "ev-tour", "ev-yearly", "ev-dialogue"}
    tour = next(r for r in rows if r["event_id"] == "ev-tour")
    assert tour["start"] == "2011-05-11" and tour["doc_ids"] == ["docA", "docB"]
    csv = export.events_csv(frame).decode()
    assert "docA; docB" in csv and "search_text" not in csv
    data = view.timeline(con, Filters(), "actor")
    chart = charts.export_chart(data["marks"], data["overview"], binned=False, lane_title="actor")
    assert export.chart_png(chart, scale=1).startswith(b"\x89PNG")


def test_dashboard_command_serves_on_localhost_headless() -> None:
    argv = command(Path("app.py"), 8600)
    joined = " ".join(argv)
    assert "streamlit run app.py" in joined
    for flag in (
        "--server.address 127.0.0.1",
        "--server.port 8600",
        "--server.headless true",
        "--browser.gatherUsageStats false",
    ):
        assert flag in joined


@pytest.mark.parametrize(
    "filters",
    [
        Filters(actors=("Ana Brill",)),
        Filters(actors=("Ana Brill", "Tomas Vey")),  # an event of both actors is one event, not two
        Filters(actors=("Ana Brill",), types=("VISIT",), since=date(2009, 1, 1)),
        Filters(countries=("PRT",), statuses=("planned",)),
        Filters(actors=("nobody",)),
    ],
)
def test_narrowed_views_equal_the_plain_filter(con, filters: Filters) -> None:
    """Actor / country views are read from the sorted index tables: the same events as the plain SQL."""
    src, rest = view.narrow(con, filters)
    assert src == "sel"
    assert ids(queries.event_table(con, rest, src=src)) == ids(queries.event_table(con, filters))
    narrowed = queries.counts(con, rest, src)
    assert narrowed["dated"] == len(queries.event_table(con, filters))


def test_legend_selection_is_a_param_of_every_main_view(con) -> None:
    data = view.timeline(con, Filters(), "actor")
    for binned, marks in (
        (False, data["marks"]),
        (True, queries.binned_marks(con, Filters(), "actor", "year")),
    ):
        spec = charts.timeline_chart(
            marks, binned=binned, lane_title="actor", legend_types=["VISIT", "OTHER"]
        )
        spec = spec.to_dict()
        legend = [p for p in spec["params"] if p["name"] == "types"]
        assert legend and legend[0]["bind"] == "legend"
        assert "types" in charts.click_params(marks, binned=binned)
        assert "OTHER" in json.dumps(spec)  # every type of the snapshot stays in the legend to click


def test_a_mention_without_its_own_date_shows_the_events_date() -> None:
    mention = {"sentence": "and will tour the base", "trigger": "tour", "date_text": None, "date_value": None}
    event = {"start": date(2010, 9, 16), "end": date(2010, 9, 16), "date_value": "2010-09-16",
             "date_text": "tomorrow"}  # fmt: skip
    shown = detail.mention_html(mention, event)
    assert "dated through the event (2010-09-16" in shown and "tomorrow" in shown
    assert "undated" not in shown
    assert "undated" in detail.mention_html(mention, {"start": None, "end": None})


def test_a_lane_switch_reusing_the_base_equals_a_fresh_view(con) -> None:
    f = Filters(actors=("Tomas Vey",))
    base = {k: v for k, v in view.timeline(con, f, "actor").items() if k in view.BASE_KEYS}
    reused, fresh = view.timeline(con, f, "type", base=base), view.timeline(con, f, "type")
    lanes = {"MEETING", "VISIT", "AGREEMENT_SIGNED"}
    assert set(reused["marks"]["lane"]) == set(fresh["marks"]["lane"]) == lanes
    pd.testing.assert_frame_equal(reused["marks"], fresh["marks"])


def test_overview_has_one_bar_per_bin_standing_on_zero(con) -> None:
    strip = view.timeline(con, Filters(), "actor")["overview"]
    assert not strip.duplicated(["start"]).any()  # one bar per bin, coloured by its commonest type
    encoding = charts.overview_chart(strip).to_dict()["encoding"]
    assert encoding["y2"] == {"datum": 0}  # a ranged-x bar without a base is drawn as a thin line


@pytest.mark.parametrize("lanes", ["actor", "type"])
@pytest.mark.parametrize(
    "filters", [Filters(), Filters(types=("VISIT", "MEETING")), Filters(statuses=("planned",))]
)
def test_pre_aggregates_answer_like_the_raw_events(con, monkeypatch, filters: Filters, lanes: str) -> None:
    fast = {
        "counts": queries.counts(con, filters),
        "overview": queries.overview(con, filters, "month"),
        "bins": queries.binned_marks(con, filters, lanes, "month"),
    }
    monkeypatch.setattr(queries, "USE_AGGREGATES", False)
    assert fast["counts"] == queries.counts(con, filters)
    pd.testing.assert_frame_equal(fast["overview"], queries.overview(con, filters, "month"))
    pd.testing.assert_frame_equal(fast["bins"], queries.binned_marks(con, filters, lanes, "month"))
