"""HTML of an event's detail: each mention's sentence with the trigger and the date expression highlighted.

Article text is untrusted. Every string from the snapshot goes through ``html.escape`` before it meets markup,
and the result is shown with ``st.html`` (no markdown pass), so ``<script>``, tags and ``**markdown**`` in a
sentence appear literally. Links are made only for http(s) URLs.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

TRIGGER_STYLE = "background:#ffe08a;border-radius:3px;padding:0 2px;font-weight:600"
DATE_STYLE = "background:#bfe3ff;border-radius:3px;padding:0 2px;font-weight:600"

PUBDATE_SOURCES = {
    "metadata": "from the article's metadata",
    "html": "from the page's HTML",
    "dateline": "from the article's dateline",
    "near_duplicate": "inherited from a near-duplicate article",
    "none": "unknown: relative dates in this article could not be resolved",
}


def _text(value: Any) -> str:
    """A snapshot value as display text: NULL/NaN become ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _day(value: Any) -> str:
    if isinstance(value, datetime | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)


def _offset(value: Any) -> int | None:
    text = _text(value)
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def locate(
    sentence: str, needle: str, start: int | None, sentence_start: int | None
) -> tuple[int, int] | None:
    """Where ``needle`` sits in ``sentence``: the stored document offset when it checks out, else the first
    occurrence (offsets can drift if a sentence was re-cleaned), else None."""
    if not needle:
        return None
    if start is not None and sentence_start is not None:
        rel = start - sentence_start
        if rel >= 0 and sentence[rel : rel + len(needle)] == needle:
            return rel, rel + len(needle)
    found = sentence.find(needle)
    return (found, found + len(needle)) if found >= 0 else None


def highlight(sentence: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Escaped sentence with ``<mark>`` around each (start, end, kind) span; overlapping spans are skipped."""
    styles = {"trigger": TRIGGER_STYLE, "date": DATE_STYLE}
    out: list[str] = []
    cursor = 0
    for start, end, kind in sorted(spans):
        if start < cursor or end <= start or end > len(sentence):
            continue
        out.append(html.escape(sentence[cursor:start]))
        out.append(
            f'<mark class="dl-{kind}" style="{styles.get(kind, "")}" title="{kind}">'
            f"{html.escape(sentence[start:end])}</mark>"
        )
        cursor = end
    out.append(html.escape(sentence[cursor:]))
    return "".join(out)


def mention_sentence_html(mention: Mapping[str, Any]) -> str:
    sentence = _text(mention.get("sentence"))
    base = _offset(mention.get("sentence_start"))
    spans = []
    trig = locate(sentence, _text(mention.get("trigger")), _offset(mention.get("trigger_start")), base)
    if trig:
        spans.append((*trig, "trigger"))
    when = locate(sentence, _text(mention.get("date_text")), _offset(mention.get("date_start")), base)
    if when:
        spans.append((*when, "date"))
    return highlight(sentence, spans)


def safe_link(url: str, text: str) -> str:
    """An anchor for http(s) URLs only; anything else (javascript:, data:, a file path) stays plain text."""
    if url.lower().startswith(("http://", "https://")):
        href = html.escape(url, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{html.escape(text)}</a>'
    return html.escape(text)


def event_dating(event: Mapping[str, Any] | None) -> str:
    """What a mention without a date of its own says about its date: the event's, when the event is dated
    (another mention, or the passage, dated it), else that it is undated."""
    value = _text((event or {}).get("date_value"))
    start, end = _day((event or {}).get("start")), _day((event or {}).get("end"))
    if not start:
        return "undated (no mention of this event gives a date)"
    when = value or (start if start == end or not end else f"{start} – {end}")
    date_text = _text((event or {}).get("date_text"))
    how = f"“{html.escape(date_text)}” in another mention" if date_text else "another mention"
    return f"dated through the event ({html.escape(when)}, from {how})"


def mention_html(mention: Mapping[str, Any], event: Mapping[str, Any] | None = None) -> str:
    """One mention: the highlighted sentence, then where it comes from and how it was dated (a mention
    without its own date expression shows the event's date: it is the same event)."""
    title = _text(mention.get("title")) or _text(mention.get("source")) or _text(mention.get("doc_id"))
    url = _text(mention.get("url"))
    published = _day(mention.get("published"))
    pub_source = _text(mention.get("published_source")) or "none"
    note = _text(mention.get("published_note"))
    pub = f"published {html.escape(published)}" if published else "publication date unknown"
    pub += f" ({html.escape(PUBDATE_SOURCES.get(pub_source, pub_source))}"
    pub += f": {html.escape(note)})" if note else ")"
    date_text = _text(mention.get("date_text"))
    value = _text(mention.get("date_value"))
    explanation = _text(mention.get("explanation"))
    dating = f"<span class='dl-through'>{event_dating(event)}</span>"
    if date_text or value:
        dating = (
            f"<b>{html.escape(date_text)}</b> → {html.escape(value)}" if date_text else html.escape(value)
        )
        if explanation:
            dating += f" <span style='color:#555'>({html.escape(explanation)})</span>"
        rule = _text(mention.get("date_rule"))
        if rule:
            dating += f" <span style='color:#888'>rule {html.escape(rule)}</span>"
    source = _text(mention.get("source"))
    link = safe_link(url, title) if url else html.escape(title)
    return (
        '<div class="dl-mention" style="border-left:3px solid #ccc;padding:4px 0 6px 10px;margin:8px 0">'
        '<div class="dl-sentence" style="font-size:15px;line-height:1.5">'
        f"{mention_sentence_html(mention)}</div>"
        f'<div style="font-size:13px;color:#333;margin-top:4px">Date: {dating}</div>'
        f'<div style="font-size:13px;color:#555">Source: {link} · {pub}'
        + (
            f' · <code style="word-break:break-all">{html.escape(source)}</code>'
            if source and source != title
            else ""
        )
        + "</div></div>"
    )


def event_header_html(event: Mapping[str, Any]) -> str:
    """Label, type with its PLOVER / CAMEO codes, status, date with precision and the dating explanation."""
    start, end = _day(event.get("start")), _day(event.get("end"))
    when = "undated"
    if start:
        when = start if start == end or not end else f"{start} – {end}"
        when += f" (value {_text(event.get('date_value'))}, precision {_text(event.get('precision'))})"
    codes = " / ".join(html.escape(_text(event.get(k))) for k in ("plover", "cameo") if _text(event.get(k)))
    explanation = _text(event.get("explanation"))
    date_text = _text(event.get("date_text"))
    return (
        '<div class="dl-event"><div style="font-size:20px;font-weight:600">'
        f"{html.escape(_text(event.get('label')))}</div>"
        f'<div style="font-size:14px;margin-top:2px"><b>{html.escape(_text(event.get("event_type")))}</b>'
        + (f" ({codes})" if codes else "")
        + f" · {html.escape(_text(event.get('status')))} · {html.escape(when)}</div>"
        + (
            f'<div style="font-size:14px;margin-top:2px">Date: <mark class="dl-date" style="{DATE_STYLE}">'
            f"{html.escape(date_text)}</mark> · {html.escape(explanation)}</div>"
            if date_text
            else ""
        )
        + '<div style="font-size:13px;color:#555">'
        + f"{html.escape(_text(event.get('n_docs')))} source document(s), "
        f"{html.escape(_text(event.get('n_mentions')))} mention(s)</div></div>"
    )


def actors_frame(actors: pd.DataFrame) -> pd.DataFrame:
    """Actors with their codes (country + sector, the CAMEO actor code convention: ``RUSGOV``)."""
    frame = actors.copy()
    if frame.empty:
        return pd.DataFrame(columns=["name", "role", "kind", "code"])
    frame["code"] = frame["country"].fillna("").astype(str) + frame["sector"].fillna("").astype(
        str
    ).str.replace("+", "", regex=False)
    return frame[["name", "role", "kind", "country", "sector", "code"]]
