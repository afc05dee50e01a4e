"""Publication date of a document, with where it came from.

Order of trust: the caller's metadata (``.meta.json``, JSONL ``published``, Markdown front matter) > the
HTML page's own metadata (``htmldate`` with ``extensive_search=False``: meta tags, JSON-LD, ``<time>``;
never a date guessed from the body) > a dateline or date line at the top of the text > none. A document
without one is NOT dated today: it stays ``None`` with source ``"none"``; its relative expressions stay
unresolved.

Text rules look only at the header (the first lines, ``data/lexicon/pubdate.yaml``) and accept only full
dates (day, month and year), in these forms, best first:
- a labelled line: ``Published: Sept. 15, 2010``, ``Release Date: 9/28/2004 10:14:00 PM``,
  ``News | Nov. 22, 2013``;
- a dateline opening a paragraph: ``WASHINGTON, Sept. 15, 2010 —``, ``HELSINKI, Finland, Oct. 21, 2008 –``,
  ``HEIDELBERG, Germany (Dec. 3, 2007) --``, ``8/8/2012 - BARKSDALE AIR FORCE BASE, La. (AFNS) --``,
  ``Sept. 15, 2010 —``;
- a line holding only a date: ``Friday, August 15, 2014``, ``Feb. 15, 2017 , DOD News``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PUBLISHED_KEYS = ("published", "date", "published_at", "publication_date", "pubdate", "datePublished", "dct")
_RANK = {"label": 0, "dateline": 1, "dateonly": 2}


@dataclass(frozen=True)
class HeaderDate:
    """A publication date found in the text: where (offsets into the text), which rule, and the value."""

    start: int
    end: int
    text: str
    value: date
    kind: str  # label | dateline | dateonly


@dataclass(frozen=True)
class DateGrammar:
    """Compiled patterns built from ``pubdate.yaml``."""

    months: dict[str, int]
    date: re.Pattern[str]
    label_line: re.Pattern[str]
    section_line: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_dashed: re.Pattern[str]  # "KUWAIT CITY – Jan. 8, 2019 –": the date between dashes
    date_first: re.Pattern[str]
    date_only: re.Pattern[str]
    max_lines: int
    max_chars: int
    max_line_chars: int


def _alternation(words: list[str]) -> str:
    """Case-insensitive alternation, longest first, spaces matching any whitespace."""
    return (
        "(?i:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


@lru_cache(maxsize=8)
def load_grammar(path: Path) -> DateGrammar:
    """Build the header-date patterns from the vocabulary file (cached per path)."""
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    months = {str(k).lower(): int(v) for k, v in data["months"].items()}
    month = rf"(?P<month>{_alternation(list(months))})\.?"
    weekday = rf"(?:(?:{_alternation(data['weekdays'])})\.?,?\s+)?"
    # Month D, YYYY | D Month YYYY | YYYY-MM-DD | M/D/YYYY or M.D.YYYY (US order unless first number > 12).
    date_rx = (
        rf"{weekday}(?:{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_alternation(list(months))})\.?,?\s+(?P<year2>\d{{4}})"
        r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
        r"|(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?P=sep)(?P<ny>\d{4}))"
    )
    time_rx = (
        r"(?:(?:,|\s*[|•·@])?\s*(?:at\s+)?\d{1,2}(?::\d{2}){1,2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
    )
    dash = _alternation([str(d) for d in data["dashes"]])
    place = r"[A-Z][\w.'’&/-]*(?:\s+[\w.'’&/-]+){0,6}?(?:,\s+[A-Z][A-Za-z.'’ ]{1,30}?){0,2}"
    agency = r"(?:\s*\([A-Za-z][\w .&/-]{0,30}\))?"
    return DateGrammar(
        months=months,
        date=re.compile(date_rx),
        label_line=re.compile(rf"(?:{_alternation(data['labels'])})\s*[:|]?\s*(?:on\s+)?(?P<d>{date_rx}).*"),
        section_line=re.compile(rf"[^|\d]{{1,40}}\|\s*(?P<d>{date_rx}){time_rx}\s*"),
        dateline=re.compile(
            rf"{place}{agency}(?:,\s*|\s+\(\s*)(?P<d>{date_rx})\)?{agency}\s*(?:{dash})\s",
        ),
        dateline_dashed=re.compile(rf"{place}{agency}\s+(?:{dash})\s+(?P<d>{date_rx})\s*(?:{dash}|:)\s"),
        date_first=re.compile(rf"(?P<d>{date_rx}){time_rx}\s*(?:{dash})\s"),
        date_only=re.compile(rf"(?P<d>{date_rx}){time_rx}\s*(?:[,|•·]\s*[^\d|]{{1,60}})?"),
        max_lines=int(data.get("max_header_lines", 15)),
        max_chars=int(data.get("max_header_chars", 3000)),
        max_line_chars=int(data.get("max_date_line_chars", 90)),
    )


def _grammar(lexicon_dir: Path | None) -> DateGrammar:
    if lexicon_dir is None:
        from pipeline.cleaning import default_lexicon_dir

        lexicon_dir = default_lexicon_dir()
    return load_grammar(lexicon_dir / "pubdate.yaml")


def _make_date(year: str, month: int, day: str) -> date | None:
    try:
        value = date(int(year), month, int(day))
    except ValueError:
        return None
    return value if 1800 <= value.year <= 2200 else None


def _date_from_match(match: re.Match[str], months: Mapping[str, int]) -> date | None:
    if match["month"]:
        return _make_date(match["year"], months[match["month"].lower()], match["day"])
    if match["month2"]:
        return _make_date(match["year2"], months[match["month2"].lower()], match["day2"])
    if match["iy"]:
        return _make_date(match["iy"], int(match["im"]), match["id"])
    first, second = int(match["n1"]), int(match["n2"])
    if first > 12:  # 28/9/2004 can only be day/month
        first, second = second, first
    return _make_date(match["ny"], first, str(second))


def parse_date(text: str, lexicon_dir: Path | None = None) -> date | None:
    """Parse a complete date (day, month and year): ``2010-09-15``, ``Sept. 15, 2010``, ``15 September 2010``,
    ``9/15/2010``, ``2010-09-15T10:00:00Z``, an RFC 2822 date...; None if a part is missing.

    Our own grammar first (fast, strict); dateparser with ``STRICT_PARSING`` and required day/month/year for
    other formats, so "2019" or "September 2010" never become a made-up day.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    grammar = _grammar(lexicon_dir)
    match = grammar.date.fullmatch(text) or grammar.date.match(text)
    if match:
        return _date_from_match(match, grammar.months)
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "MDY"},
    )
    return parsed.date() if parsed else None


def _header_lines(text: str, grammar: DateGrammar) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text[: grammar.max_chars].split("\n"):
        if line.strip():
            lines.append((offset, line))
            if len(lines) >= grammar.max_lines:
                break
        offset += len(line) + 1
    return lines


def find_header_date(text: str, lexicon_dir: Path | None = None) -> HeaderDate | None:
    """The publication date stated at the top of ``text`` (labelled line, dateline or date line), if any."""
    grammar = _grammar(lexicon_dir)
    found: list[tuple[int, int, HeaderDate]] = []
    best = len(_RANK)  # rank of the best line so far: a later line wins only with a better (smaller) one
    for offset, line in _header_lines(text, grammar):
        if best == 0:
            break
        short = len(line) <= grammar.max_line_chars
        attempts = (
            ("label", grammar.label_line.fullmatch if short else None),
            ("label", grammar.section_line.fullmatch if short else None),
            ("dateline", grammar.dateline.match),
            ("dateline", grammar.dateline_dashed.match),
            ("dateline", grammar.date_first.match),
            ("dateonly", grammar.date_only.fullmatch if short else None),
        )
        for kind, matcher in attempts:
            if _RANK[kind] >= best:
                break  # (attempts go by rank)
            match = matcher(line) if matcher else None
            if not match:
                continue
            inner = grammar.date.fullmatch(match["d"])
            value = _date_from_match(inner, grammar.months) if inner else None
            if value is None:
                continue
            start, end = offset + match.start(), offset + match.end()
            header = HeaderDate(start, end, text[start:end].strip(), value, kind)
            found.append((_RANK[kind], offset, header))
            best = _RANK[kind]
            break
    return min(found, key=lambda item: item[:2])[2] if found else None


def _metadata_date(metadata: Mapping[str, Any], lexicon_dir: Path | None) -> tuple[date | None, str | None]:
    for key in PUBLISHED_KEYS:
        raw = metadata.get(key)
        if raw is None or raw == "":
            continue
        if isinstance(raw, datetime):
            return raw.date(), f"metadata field {key!r}"
        if isinstance(raw, date):
            return raw, f"metadata field {key!r}"
        value = parse_date(str(raw), lexicon_dir)
        if value is not None:
            return value, f"metadata field {key!r}"
        return None, f"metadata field {key!r} = {raw!r} is not a full date (day, month, year); ignored"
    return None, None


def _html_date(html: str) -> date | None:
    import htmldate

    found = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None


def _disagreement(note: str, value: date, header: HeaderDate | None) -> str:
    """Keep a trace when the text's own dateline gives another day than the trusted source."""
    if header is None or header.value == value:
        return note
    return f"{note}; the text's {header.kind} {header.text!r} says {header.value.isoformat()}"


def find_publication_date(
    text: str,
    metadata: Mapping[str, Any],
    html: str | None = None,
    lexicon_dir: Path | None = None,
) -> tuple[date | None, str, str | None]:
    """Return ``(published, source, note)``; source is ``metadata``, ``html``, ``dateline`` or ``none``.

    ``text`` is the cleaned document text; the note says which field or line gave the date, and flags a
    metadata value that could not be read or a dateline that disagrees with the metadata.
    """
    header = find_header_date(text, lexicon_dir)
    value, note = _metadata_date(metadata, lexicon_dir)
    if value is not None:
        return value, "metadata", _disagreement(note or "metadata", value, header)
    problems = [note] if note else []
    if html:
        html_value = _html_date(html)
        if html_value is not None:
            said = "; ".join([*problems, "HTML metadata (htmldate, no body search)"])
            return html_value, "html", _disagreement(said, html_value, header)
    if header is not None:
        said = f"{header.kind} {header.text!r}"
        return header.value, "dateline", "; ".join([*problems, said])
    return None, "none", "; ".join(problems) or None
