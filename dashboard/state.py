"""The analyst's view (filters, lanes, open event) <-> URL query parameters and widget values.

Pure functions, so the round trip is tested without Streamlit. A link reproduces a view: ``?actor=A&actor=B
&type=VISIT&from=2008-01-01&q=tour&lanes=type&event=<id>``. Values from the URL are untrusted: bad dates and
unknown lane modes are dropped here, and every value reaches SQL only as a bound parameter (``queries``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dashboard.queries import Filters

LANE_MODES = ("actor", "type")
MAX_TEXT = 200  # a search longer than this is cut: it cannot be meant, and it costs a scan per word

# URL parameter / widget key of each multi-valued filter -> Filters attribute.
MULTI: dict[str, str] = {
    "actor": "actors",
    "country": "countries",
    "type": "types",
    "status": "statuses",
    "doc": "doc_ids",
}


@dataclass(frozen=True)
class View:
    filters: Filters = field(default_factory=Filters)
    lanes: str = "actor"
    event: str | None = None


def _values(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    raw = params.get(key, [])
    values = [raw] if isinstance(raw, str) else list(raw)
    seen: dict[str, None] = {}
    for value in values:
        value = str(value).strip()
        if value:
            seen.setdefault(value, None)
    return list(seen)


def _date(params: Mapping[str, str | Sequence[str]], key: str) -> date | None:
    for value in _values(params, key)[:1]:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def view_from_params(params: Mapping[str, str | Sequence[str]]) -> View:
    """Parse URL parameters (one string or a list per key) into a View, ignoring what does not parse."""
    multi = {attr: tuple(_values(params, key)) for key, attr in MULTI.items()}
    text = " ".join(_values(params, "q"))[:MAX_TEXT]
    since, until = _date(params, "from"), _date(params, "to")
    if since and until and since > until:
        since, until = until, since
    filters = Filters(**multi, since=since, until=until, text=text)
    lanes = next(iter(_values(params, "lanes")), "actor")
    event = next(iter(_values(params, "event")), None)
    return View(filters=filters, lanes=lanes if lanes in LANE_MODES else "actor", event=event)


def params_from_view(view: View) -> dict[str, list[str]]:
    """The URL parameters of a view; defaults are left out so a plain view has a plain URL."""
    params: dict[str, list[str]] = {}
    for key, attr in MULTI.items():
        values = getattr(view.filters, attr)
        if values:
            params[key] = list(values)
    if view.filters.since:
        params["from"] = [view.filters.since.isoformat()]
    if view.filters.until:
        params["to"] = [view.filters.until.isoformat()]
    if view.filters.text.strip():
        params["q"] = [view.filters.text.strip()]
    if view.lanes != "actor":
        params["lanes"] = [view.lanes]
    if view.event:
        params["event"] = [view.event]
    return params


def widget_values(view: View) -> dict[str, Any]:
    """Session-state value of every widget key, to seed the widgets from a URL."""
    values: dict[str, Any] = {key: list(getattr(view.filters, attr)) for key, attr in MULTI.items()}
    values.update(
        {"from": view.filters.since, "to": view.filters.until, "q": view.filters.text, "lanes": view.lanes}
    )
    values["event"] = view.event
    return values


def view_from_widgets(values: Mapping[str, Any]) -> View:
    """The view the widgets currently show (inverse of ``widget_values``)."""
    since, until = values.get("from"), values.get("to")
    if since and until and since > until:
        since, until = until, since
    filters = Filters(
        **{attr: tuple(values.get(key) or ()) for key, attr in MULTI.items()},
        since=since,
        until=until,
        text=str(values.get("q") or "")[:MAX_TEXT],
    )
    lanes = values.get("lanes") or "actor"
    return View(
        filters=filters, lanes=lanes if lanes in LANE_MODES else "actor", event=values.get("event") or None
    )
