"""End to end in a real browser: ``dateline ingest`` builds a store from data/articles, ``dateline dashboard``
serves it, Debian's Chromium (driven by Playwright) shows it. Waits use Playwright's ``expect`` (it retries),
never sleeps."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DATELINE = str(Path(sys.executable).parent / "dateline")
TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"dateline dashboard exited with {server.returncode}")
        try:
            if urllib.request.urlopen(url + "_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.25)  # polling the health endpoint, as DESIGN.md prescribes (not a wait on the page)
    raise TimeoutError(f"{url} did not become healthy in {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, articles_dir: Path) -> Iterator[str]:
    """A store built by the real pipeline from data/articles, served by the real command."""
    db = tmp_path_factory.mktemp("e2e-store") / "dateline.duckdb"
    ingest = subprocess.run(
        [DATELINE, "ingest", str(articles_dir), "--db", str(db)], capture_output=True, text=True, timeout=600
    )
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    port = _free_port()
    env = {**os.environ, "DATELINE_DB": str(db)}
    proc = subprocess.Popen(
        [DATELINE, "dashboard", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def dash(server: str):
    """A dashboard page (not pytest-playwright's ``page``, which wants browsers it downloaded)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium at /usr/bin/chromium (make browser)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1300})
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(server)
        yield page
        browser.close()


def _idle(page) -> None:
    """Streamlit shows its status widget while a script run is in flight."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()


def _pick(page, widget, option: re.Pattern) -> None:
    """Open a select widget and click an option. A rerun that lands meanwhile redraws the widget and closes
    its list, so open it again (up to three times) rather than wait blindly."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    _idle(page)  # a script run still in flight (the page's first) can redraw the widget under the click
    for attempt in range(3):
        widget.click()
        try:
            page.get_by_role("option", name=option).first.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def _main_chart(page):
    return page.get_by_test_id("stVegaLiteChart").first


def _chart_label(page) -> str:
    """The accessible description Vega gives the rendered chart (its axis labels, lane names...)."""
    from playwright.sync_api import expect

    img = _main_chart(page).get_by_role("img").first
    expect(img).to_be_visible()
    return img.get_attribute("aria-label") or ""


def test_the_chart_renders_and_an_actor_filter_changes_it(dash, output_dir: Path) -> None:
    from playwright.sync_api import expect

    page = dash
    expect(_main_chart(page)).to_be_visible()
    caption = page.get_by_text(re.compile(r"\d+ dated events?")).first
    expect(caption).to_be_visible()
    before_caption, before_chart = caption.inner_text(), _chart_label(page)
    actor = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Actor").first
    _pick(page, actor, re.compile("Serdyukov"))
    page.keyboard.press("Escape")  # a multiselect stays open for more choices
    expect(caption).not_to_have_text(before_caption)
    _idle(page)
    expect(page).to_have_url(re.compile(r"actor=.*Serdyukov"))
    expect(_main_chart(page).get_by_role("img").first).not_to_have_attribute("aria-label", before_chart)
    page.screenshot(path=str(output_dir / "filtered_by_actor.png"))


def test_selecting_the_fort_belvoir_event_shows_tomorrow_and_its_date(dash, output_dir: Path) -> None:
    from playwright.sync_api import expect

    page = dash
    expect(_main_chart(page)).to_be_visible()
    caption = page.get_by_text(re.compile(r"\d+ dated events?")).first
    before = caption.inner_text()
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.fill("Belvoir")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Belvoir"))
    expect(caption).not_to_have_text(before)  # the rerun has drawn the filtered view
    _idle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Open event")
    _pick(page, picker, re.compile(r"^2010-09-16"))
    detail = page.locator(".dl-event")
    expect(detail).to_contain_text("2010-09-16")
    tomorrow = page.locator("mark.dl-date", has_text="tomorrow").first
    expect(tomorrow).to_be_visible()
    expect(page.locator(".dl-sentence", has_text="Fort Belvoir").first).to_be_visible()
    expect(page.get_by_text("publication date 2010-09-15 + 1 day").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"event="))
    # the sentence's second 'tour' has no date of its own: it is the same event, dated by the first
    through = page.locator(".dl-through", has_text="dated through the event (2010-09-16").first
    expect(through).to_be_visible()
    through.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / "fort_belvoir_second_mention.png"), full_page=False)
    tomorrow.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / "fort_belvoir_detail.png"), full_page=False)


def test_one_source_article_reads_on_its_own(dash, output_dir: Path) -> None:
    """The seed article alone (the March 2008 visit, the 2008 war, the 2010-09-15 signings, the planned
    tour), then a click on the chart opens the tour."""
    from playwright.sync_api import expect

    page = dash
    expect(_main_chart(page)).to_be_visible()
    caption = page.get_by_text(re.compile(r"\d+ dated events?")).first
    before, before_chart = caption.inner_text(), _chart_label(page)
    docs = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Source document")
    _pick(page, docs, re.compile("Gates, Serdyukov Renew"))
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"doc="))
    expect(caption).not_to_have_text(before)
    _idle(page)
    expect(_main_chart(page).get_by_role("img").first).not_to_have_attribute("aria-label", before_chart)
    expect(page.get_by_test_id("stDataFrame").first).to_contain_text("Gates visits Russia")
    page.screenshot(path=str(output_dir / "seed_article.png"), full_page=False)
    # a click on the chart opens the event: the point dated by "tomorrow" (Vega's SVG marks carry the tooltip)
    point = _main_chart(page).locator("g.ev_points_marks path[aria-label*='Date expression: tomorrow']").first
    point.click()
    expect(page.locator(".dl-event")).to_contain_text("2010-09-16")
    expect(page.locator("mark.dl-date", has_text="tomorrow").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"event="))


def test_a_click_in_the_legend_filters_to_that_type(dash, output_dir: Path) -> None:
    from playwright.sync_api import expect

    page = dash
    expect(_main_chart(page)).to_be_visible()
    caption = page.get_by_text(re.compile(r"\d+ dated events?")).first
    before, before_chart = caption.inner_text(), _chart_label(page)
    legend = _main_chart(page).locator("g.role-legend-label text", has_text=re.compile(r"^VISIT$")).first
    legend.click()
    expect(page).to_have_url(re.compile(r"type=VISIT"))
    expect(caption).not_to_have_text(before)
    _idle(page)
    expect(_main_chart(page).get_by_role("img").first).not_to_have_attribute("aria-label", before_chart)
    types = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Event type")
    expect(types).to_contain_text("VISIT")
    expect(page.get_by_test_id("stDataFrame").first).not_to_contain_text("MEETING")
    page.screenshot(path=str(output_dir / "legend_filter.png"))
