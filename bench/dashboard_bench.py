"""Dashboard at scale: 1,000,000 synthetic events in a snapshot, measured against naive peers in the same run.

Targets (issue "Dashboard"): filter query <= 50 ms, payload sent to the browser <= 1 MB, first chart in
headless Chromium <= 3 s, a filter change <= 1 s. Peers: the same filters with pandas over an in-memory frame,
and the raw-marks query (one row per event, what the chart would ship without server-side bins).

``python -m bench.dashboard_bench [--events N] [--no-browser]`` (``python -m bench`` runs it with the
defaults); writes ``bench/results/dashboard_bench.json``. Times are medians of repeated calls (7 per view),
with the load average before and after: on the shared 2 cores, others' jobs move them by up to 2x.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dashboard import lookups, queries, state, text_index
from dashboard import view as views
from dashboard.queries import Filters
from dashboard.text_index import build_text_index
from pipeline.model import EVENT_TYPES
from pipeline.snapshot_schema import SNAPSHOT_TABLES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "dashboard_bench.json"
TARGETS = {"filter_ms": 50.0, "payload_bytes": 1_000_000, "first_chart_s": 3.0, "filter_change_s": 1.0}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
N_ACTORS, N_COUNTRIES, N_DOCS = 5000, 60, 100_000

# Synthetic events: 1990-2025, 80 % day-precise, 15 % month, 5 % year; 1-3 actors from a Zipf-ish pool.
EVENTS_SQL = f"""
WITH base AS (
  SELECT i, hash(i) AS h, hash(i * 7 + 1) AS h2, hash(i * 13 + 5) AS h3 FROM range($n) r(i)
), dated AS (
  SELECT *, DATE '1990-01-01' + CAST(h % 13000 AS INTEGER) AS day,
         CASE WHEN h2 % 100 < 80 THEN 'day' WHEN h2 % 100 < 95 THEN 'month' ELSE 'year' END AS precision,
         CAST(floor(pow((h3 % 10000) / 10000.0, 3) * {N_ACTORS}) AS INTEGER) AS a1,
         CAST(h2 % {N_ACTORS} AS INTEGER) AS a2, CAST(h3 % 3 AS INTEGER) AS n_extra
  FROM base
)
SELECT 'e' || i AS event_id,
       $types[1 + CAST(h % {len(EVENT_TYPES)} AS INTEGER)] AS event_type,
       'CONSULT' AS plover, '042' AS cameo,
       'Actor ' || a1 || ' ' || lower($types[1 + CAST(h % {len(EVENT_TYPES)} AS INTEGER)]) || ' ' || i
           AS label,
       CASE precision WHEN 'day' THEN strftime(day, '%Y-%m-%d') WHEN 'month' THEN strftime(day, '%Y-%m')
            ELSE strftime(day, '%Y') END AS date_value,
       CASE precision WHEN 'day' THEN day WHEN 'month' THEN date_trunc('month', day)::DATE
            ELSE date_trunc('year', day)::DATE END AS start,
       CASE precision WHEN 'day' THEN day
            WHEN 'month' THEN (date_trunc('month', day) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
            ELSE (date_trunc('year', day) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE END AS "end",
       precision,
       CASE WHEN h2 % 100 < 70 THEN 'occurred' WHEN h2 % 100 < 85 THEN 'planned' WHEN h2 % 100 < 92
            THEN 'recurring' WHEN h2 % 100 < 97 THEN 'ongoing' ELSE 'cancelled' END AS status,
       1 + CAST(h2 % 3 AS INTEGER) AS n_docs, 1 + CAST(h % 4 AS INTEGER) AS n_mentions,
       list_distinct(['Actor ' || a1] || CASE WHEN n_extra > 0 THEN ['Actor ' || a2] ELSE [] END)
           AS actor_names,
       list_distinct([$countries[1 + a1 % {N_COUNTRIES}], $countries[1 + a2 % {N_COUNTRIES}]])
           AS actor_countries,
       ['d' || (h % {N_DOCS})] AS doc_ids,
       'on ' || strftime(day, '%B %d') AS date_text,
       'absolute date' AS explanation,
       lower('Actor ' || a1 || ' met Actor ' || a2 || ' to discuss topic ' || (h3 % 997)) AS search_text
FROM dated
"""


def write_synthetic_snapshot(snapshot_dir: Path, n_events: int) -> None:
    import pycountry

    countries = [c.alpha_3 for c in list(pycountry.countries)[:N_COUNTRIES]]
    snapshot_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar=false")
    params = {"n": n_events, "types": list(EVENT_TYPES), "countries": countries}
    con.execute(f"CREATE TABLE events AS {EVENTS_SQL}", params)
    con.execute("""CREATE TABLE mentions AS
        SELECT event_id, event_id || ':m' AS mention_id, doc_ids[1] AS doc_id,
        'Actor met another actor ' || date_text || '.' AS sentence, 0 AS sentence_start, 'met' AS trigger,
        6 AS trigger_start, 9 AS trigger_end, date_text, 24 AS date_start, 24 + length(date_text) AS date_end,
        date_value, 'synthetic' AS date_rule, 'sentence' AS date_source, status, explanation FROM events""")
    con.execute("""CREATE TABLE event_actors AS SELECT event_id, lower(replace(a, ' ', '-')) AS actor_id,
        a AS name, 'person' AS kind, actor_countries[1] AS country, 'GOV' AS sector, 'actor' AS role
        FROM (SELECT event_id, unnest(actor_names) AS a, actor_countries FROM events)""")
    con.execute(f"""CREATE TABLE documents AS
        SELECT 'd' || i AS doc_id, 'synthetic/' || i || '.txt' AS source,
        'Synthetic article ' || i AS title, NULL AS url, NULL AS publisher,
        DATE '1990-01-01' + CAST(i % 13000 AS INTEGER) AS published, 'metadata' AS published_source,
        NULL AS published_note, 2000 AS n_chars FROM range({N_DOCS}) r(i)""")
    for table, columns in SNAPSHOT_TABLES.items():
        select = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in columns.items())
        path = str(snapshot_dir / f"{table}.parquet")
        con.execute(f"COPY (SELECT {select} FROM {table}) TO '{path}' (FORMAT parquet)")
    con.close()


def filter_cases(con: duckdb.DuckDBPyConnection) -> dict[str, Filters]:
    top_actor = lookups.options(con, limit=5)["actors"][0]
    return {
        "no filter": Filters(),
        "one actor": Filters(actors=(top_actor,)),
        "type + status": Filters(types=("VISIT", "MEETING"), statuses=("planned",)),
        "country": Filters(countries=("AFG",)),
        "date range (1 year)": Filters(since=date(2008, 1, 1), until=date(2008, 12, 31)),
        "text search": Filters(text="topic 42"),
        "actor + 2 months": Filters(actors=(top_actor,), since=date(2008, 3, 1), until=date(2008, 4, 30)),
    }


def _ms(fn: Any, repeat: int = 5) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _pandas_peer(frame: pd.DataFrame, f: Filters) -> pd.Series:
    """The naive peer: the same filters and the same aggregation (events per actor lane, quarter and type)
    with pandas over the whole frame in memory."""
    mask = frame["start"].notna()
    if f.actors:
        wanted = set(f.actors)
        mask &= frame["actor_names"].map(lambda names: bool(wanted.intersection(names)))
    if f.countries:
        wanted_c = set(f.countries)
        mask &= frame["actor_countries"].map(lambda codes: bool(wanted_c.intersection(codes)))
    if f.types:
        mask &= frame["event_type"].isin(f.types)
    if f.statuses:
        mask &= frame["status"].isin(f.statuses)
    if f.since:
        mask &= frame["end"] >= pd.Timestamp(f.since)
    if f.until:
        mask &= frame["start"] <= pd.Timestamp(f.until)
    for term in f.text.lower().split():
        mask &= frame["search_text"].str.contains(term, regex=False)
    lanes = frame.loc[mask, ["actor_names", "start", "event_type"]].explode("actor_names")
    top = lanes["actor_names"].value_counts().index[: queries.MAX_LANES]
    lanes = lanes[lanes["actor_names"].isin(top)]
    return lanes.groupby(["actor_names", lanes["start"].dt.to_period("Q"), "event_type"]).size()


def arrow_bytes(frame: pd.DataFrame) -> int:
    sink = io.BytesIO()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return len(sink.getvalue())


def measure_queries(snapshot_dir: Path) -> dict[str, Any]:
    """Per filter: ``views.timeline`` (everything one view of the page needs: counts, overview, chart
    marks or bins, the table's first rows, the undated list), then the peers, then the page payload."""
    os.environ["DATELINE_DB"] = str(snapshot_dir.with_suffix(".duckdb"))
    started = time.perf_counter()
    db = queries.open_snapshot(snapshot_dir, text_index=False)
    before = _table_bytes(db)
    index_started = time.perf_counter()
    build_text_index(db)
    index = {
        "build_s": round(time.perf_counter() - index_started, 2),
        "mb": round((_table_bytes(db) - before) / 1e6, 1),
        "tokens_postings": db.execute("SELECT count(*), sum(len(eids)) FROM text_index").fetchone(),
    }
    load_s = time.perf_counter() - started
    con = db.cursor()
    cases = filter_cases(con)
    ours = {name: _ms(lambda f=f: views.timeline(con, f), repeat=7) for name, f in cases.items()}
    searches = text_searches(con)  # before peers and AppTests (after them, the first search ran 2x slower)
    frame = con.execute(
        "SELECT * EXCLUDE (eid, d, m) REPLACE (event_type::VARCHAR AS event_type) FROM events"
    ).df()
    rows = []
    for name, f in cases.items():
        ours_ms, data = ours[name]
        pandas_ms, _ = _ms(lambda f=f: _pandas_peer(frame, f), repeat=2)
        raw_ms, raw = _ms(lambda f=f: queries.event_marks(con, f), repeat=2)
        rows.append({
            "filter": name, "dated": data["dated"], "binned": data["binned"], "unit": data["unit"],
            "chart_rows": len(data["marks"]), "timeline_ms": round(ours_ms, 1),
            "pandas_ms": round(pandas_ms, 1), "raw_marks_ms": round(raw_ms, 1), "raw_marks_rows": len(raw),
            "payload_bytes": page_payload(name, f), "raw_marks_payload_bytes": arrow_bytes(raw),
        })  # fmt: skip
    return {"snapshot_load_s": round(load_s, 2), "text_index": index, "filters": rows, "searches": searches}


def _table_bytes(con: duckdb.DuckDBPyConnection) -> int:
    sql = "SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'"
    return int(con.execute(sql).fetchone()[0])


TEXT_SEARCHES = ("topic 42", "actor 4999", "actor 42", "topic 42 4999", "topic 4", "4", "actor", "zzz")


def text_searches(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Free-text searches from rare to in-every-event, then one with no hit. Per search: the plan
    ``text_index.plan_search`` picks, the selection as ``view.narrow`` makes it (``ours_ms``) against its
    naive peer, ``contains`` on every event into the same temp table (``scan_ms``), which must select the
    same events, and the whole view (``view_ms``, ``view.timeline``)."""
    sql = 'CREATE OR REPLACE TEMP TABLE expected AS SELECT eid, d, m, event_type, start, "end", ars'
    rows = []
    for text, f in ((text, Filters(text=text)) for text in TEXT_SEARCHES):
        ours_ms, (src, _) = _ms(lambda f=f: views.narrow(con, f), repeat=7)
        scan = " AND ".join(f"contains(search_text, '{t}')" for t in text.split())  # our own constants
        scan_ms, _ = _ms(lambda q=f"{sql} FROM events WHERE {scan}": con.execute(q), repeat=7)
        n, differ = con.execute(
            f"""SELECT (SELECT count(*) FROM {src}), (SELECT count(*) FROM (SELECT eid FROM {src}
               EXCEPT ALL SELECT eid FROM expected UNION ALL SELECT eid FROM expected EXCEPT ALL
               SELECT eid FROM {src}))"""
        ).fetchone()
        if differ:
            raise AssertionError(f"the planned search and contains() disagree on {text!r}")
        view_ms, _ = _ms(lambda f=f: views.timeline(con, f), repeat=5)
        plan = text_index.plan_search(con, text.split()).kind
        rows.append({
            "text": text, "plan": plan, "events": n, "ours_ms": round(ours_ms, 1),
            "scan_ms": round(scan_ms, 1), "view_ms": round(view_ms, 1),
        })  # fmt: skip
    return rows


def page_payload(name: str, filters: Filters) -> int:
    """Bytes of the chart and table elements the app sends for this view (AppTest renders the real page;
    DATELINE_DB is already set)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
    at.query_params.update(state.params_from_view(state.View(filters=filters)))
    at.run()
    if at.exception:
        raise RuntimeError(f"{name}: {at.exception[0].message}")
    nodes = [*at.get("vega_lite_chart"), *at.dataframe, *at.get("html")]
    return sum(node.proto.ByteSize() for node in nodes)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _filter_change(page: Any) -> tuple[float, str]:
    """Seconds from choosing an event type in the sidebar to the redrawn page (new counts, script idle,
    chart drawn)."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    caption = page.get_by_text(re.compile(r"dated events?")).first
    before = caption.inner_text()
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Event type").click()
    page.keyboard.type("VISIT")  # the option list is virtualised: filter it so the option is drawn
    option = page.get_by_role("option", name="VISIT", exact=True)
    expect(option).to_be_visible(timeout=30_000)
    started = time.perf_counter()
    option.click()
    expect(caption).not_to_have_text(before, timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    expect(page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first).to_be_visible()
    return round(time.perf_counter() - started, 2), caption.inner_text()


def measure_browser(db: Path) -> dict[str, Any]:
    """Real server (`dateline dashboard`) and headless Chromium: first chart, then a filter change."""
    from playwright.sync_api import expect, sync_playwright

    port = _free_port()
    env = {**os.environ, "DATELINE_DB": str(db)}
    cmd = [str(Path(sys.executable).parent / "dateline"), "dashboard", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(url + "_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        result: dict[str, Any] = {}
        chart = "stVegaLiteChart"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            # 1: the first visitor after the server started (imports, snapshot load, queries);
            # 2: a new browser on the running server, default view (its data is cached server-side);
            # 3: a new browser on a view nobody asked for yet (queries run, nothing cached).
            for label, query in (
                ("first_chart_cold_server_s", ""),
                ("first_chart_s", ""),
                ("first_chart_uncached_view_s", "?status=planned&lanes=type"),
            ):
                context = browser.new_context(viewport={"width": 1500, "height": 1100})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url + query)
                expect(page.get_by_test_id(chart).first.locator("canvas, svg").first).to_be_visible(
                    timeout=120_000
                )
                result[label] = round(time.perf_counter() - started, 2)
                if label == "first_chart_s":
                    result["filter_change_s"], result["after_filter"] = _filter_change(page)
                context.close()
            browser.close()
        return result
    finally:
        server.terminate()
        server.wait(timeout=30)


def _print_queries(report: dict[str, Any]) -> None:
    loads = f"{report['load_average_before']} -> {report['load_average_after']}"
    print(f"   load average {loads}; snapshot load {report['snapshot_load_s']} s")
    print(f"   text index (part of the load): {report['text_index']}")
    print(
        f"   {'filter':22} {'dated':>9} {'rows':>6} {'ours ms':>8} {'pandas':>8} {'raw ms':>8} "
        f"{'payload':>9} {'raw payload':>12}"
    )
    for r in report["filters"]:
        print(
            f"   {r['filter']:22} {r['dated']:>9,} {r['chart_rows']:>6} {r['timeline_ms']:>8} "
            f"{r['pandas_ms']:>8} {r['raw_marks_ms']:>8} {r['payload_bytes']:>9,} "
            f"{r['raw_marks_payload_bytes']:>12,}"
        )
    for r in report["searches"]:
        print(
            f"   search {r['text']!r:15} {r['plan']:5} {r['events']:>9,} events: selection {r['ours_ms']} ms"
            f" (scan {r['scan_ms']}), view {r['view_ms']} ms"
        )
    print(f"   summary {report['summary']}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard_bench")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dateline-dash-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        write_synthetic_snapshot(db.with_suffix(".parquet"), args.events)
        print(f"   {args.events:,} synthetic events in {time.perf_counter() - started:.1f} s", flush=True)
        report: dict[str, Any] = {
            "events": args.events,
            # shared machine: the other engineers' load changes every number here by up to 2x
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "targets": TARGETS,
            **measure_queries(db.with_suffix(".parquet")),
        }
        rows, med = report["filters"], statistics.median
        report["summary"] = {
            "filter_ms_max": max(r["timeline_ms"] for r in rows),
            "filter_ms_median": med(r["timeline_ms"] for r in rows),
            "payload_bytes_max": max(r["payload_bytes"] for r in rows),
            "pandas_over_ours_median": round(med(r["pandas_ms"] / r["timeline_ms"] for r in rows), 1),
            "raw_payload_over_ours_max": round(
                max(r["raw_marks_payload_bytes"] / r["payload_bytes"] for r in rows), 1
            ),
        }
        report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        _print_queries(report)
        RESULTS.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
        if not args.no_browser and Path("/usr/bin/chromium").exists():
            report["browser"] = measure_browser(db)
            print(f"   browser {report['browser']}")
    RESULTS.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    summary, browser = report["summary"], report.get("browser", {})
    ok = summary["filter_ms_max"] <= TARGETS["filter_ms"]
    ok = ok and summary["payload_bytes_max"] <= TARGETS["payload_bytes"]
    ok = ok and browser.get("first_chart_s", 0) <= TARGETS["first_chart_s"]
    ok = ok and browser.get("filter_change_s", 0) <= TARGETS["filter_change_s"]
    print(f"   targets {'met' if ok else 'NOT met'}; results in {RESULTS.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
