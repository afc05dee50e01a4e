"""Text cleaning: the one place that decides what the stored document text is.

Every offset downstream (sentences, time expressions, actors, events) refers to the text this module returns,
so cleaning runs once, before anything else, and is deterministic. It repairs what scraped news text really
contains: HTML entities (also broken ones: ``"& ldquo;"``, ``"&#8217"`` without its semicolon, double-escaped
``"&amp;rsquo;"``), UTF-8 read as Windows-1252 (``"â€™"``), stray inline tags, odd Unicode spaces, and
lines of page chrome ("Click to enlarge", share buttons, government-site banners) listed as patterns in
``data/lexicon/page_chrome.txt``. Paragraph breaks (blank lines) and line breaks are kept: they end sentences.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

# "&name;", "&#8217;", "&#x2019;", the same without ";" and "& name;" (a space slipped in by a bad scraper).
_ENTITY = re.compile(
    r"&(?:#(?P<num>\d{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));?"
    r"|&[ \t](?P<sname>[A-Za-z][A-Za-z0-9]{1,31});"
)
# Runs that look like UTF-8 bytes decoded as Windows-1252 ("â€™" for "’", "Ã©" for "é").
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)  # noqa: E501
_BLOCK_TAG = re.compile(
    r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote|tr|figcaption)\s*)>", re.IGNORECASE
)
_INLINE_TAG = re.compile(
    r"</?(?:p|br|div|span|a|em|strong|b|i|u|li|ul|ol|h[1-6]|img|figure|figcaption|blockquote|font|sup|sub"
    r"|table|tr|td|th|tbody|thead|small|center|section|article|header|footer)"
    r"""(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>]+))?){0,30}\s*/?>""",
    re.IGNORECASE,
)
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]|[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x0c\x0b\x85]")
_LINE_BREAK_CHARS = "\r\u2028\u2029\x0c\x0b\x85"  # what ``_LINE_BREAKS`` can match first
_SPACE_RUN = re.compile(" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?P<")  # "\1", "(?P=name)"; named groups too


@dataclass(frozen=True)
class ChromeRules:
    """Compiled page-chrome patterns: whole-line rules and inline rules."""

    line: tuple[re.Pattern[str], ...]
    inline: tuple[re.Pattern[str], ...]

    @cached_property
    def line_any(self) -> tuple[re.Pattern[str], ...]:
        """``line`` as few patterns as possible: one alternation of every rule without backreferences
        (it fullmatches a line exactly when one of them does; one scan per line instead of one per rule),
        then the others as they are."""
        plain = [p for p in self.line if not _BACKREFERENCE.search(p.pattern)]
        rest = [p for p in self.line if _BACKREFERENCE.search(p.pattern)]
        if len(plain) < 2:
            return self.line
        try:
            joined = re.compile("|".join(f"(?:{p.pattern})" for p in plain), re.IGNORECASE | re.MULTILINE)
        except re.error:  # e.g. one group name in two rules: keep them apart
            return self.line
        return (joined, *rest)


def default_lexicon_dir() -> Path:
    """The configured lexicon folder (``Settings().lexicon_dir``)."""
    from pipeline.config import Settings

    return Settings().lexicon_dir


@lru_cache(maxsize=8)
def load_chrome_rules(path: Path) -> ChromeRules:
    """Read ``page_chrome.txt``; a bad pattern is reported with its file and line number."""
    whole: list[re.Pattern[str]] = []
    inline: list[re.Pattern[str]] = []
    if not path.exists():
        return ChromeRules((), ())
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        rule = raw.strip()
        if not rule or rule.startswith("#"):
            continue
        is_inline = rule.startswith("inline:")
        pattern = rule.removeprefix("inline:").strip()
        try:
            compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise ValueError(f"{path}:{number}: bad page-chrome pattern {pattern!r}: {exc}") from exc
        if is_inline:
            inline.append(compiled)
        else:
            whole.append(compiled)
    return ChromeRules(tuple(whole), tuple(inline))


def _entity(match: re.Match[str]) -> str:
    if match["num"] is not None:
        candidate = f"&#{match['num']};"
    elif match["hex"] is not None:
        candidate = f"&#x{match['hex']};"
    else:
        candidate = f"&{match['name'] or match['sname']};"
    decoded = html.unescape(candidate)
    return match.group(0) if decoded == candidate else decoded


def unescape_entities(text: str) -> str:
    """Decode HTML entities, also without ";", with a space after "&", or escaped twice ("&amp;rsquo;")."""
    for _ in range(3):
        if "&" not in text:
            break
        decoded = _ENTITY.sub(_entity, text)
        if decoded == text:
            break
        text = decoded
    return text


def _fix_mojibake_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded as Windows-1252 ("donâ€™t" -> "don’t"); leaves real text alone."""
    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text:
        return text
    return _MOJIBAKE.sub(_fix_mojibake_run, text)


def strip_tags(text: str) -> str:
    """Remove inline HTML tags left in plain text; block-level closers become line breaks."""
    if "<" not in text:
        return text
    text = _BLOCK_TAG.sub("\n", text)
    return _INLINE_TAG.sub("", text)


def clean_text(raw: str, lexicon_dir: Path | None = None) -> str:
    """Return the text Dateline stores for ``raw``: decoded, whitespace-normalised, without page chrome.

    Spaces are collapsed inside lines and lines are stripped; line breaks stay, and runs of blank lines
    become one blank line (a paragraph break). The result is idempotent: ``clean_text(clean_text(x)) ==
    clean_text(x)``, which keeps doc_ids stable when a cleaned text is ingested again.
    """
    rules = load_chrome_rules((lexicon_dir or default_lexicon_dir()) / "page_chrome.txt")
    text = strip_tags(_unify_line_breaks(raw))
    for _ in range(3):  # each repair can expose another ("&#31;" -> control char; "Â\x1f¡" -> "Â¡" -> "¡")
        spaced = _INVISIBLE.sub("", _SPACES.sub(" ", text))
        repaired = unicodedata.normalize("NFC", fix_mojibake(strip_tags(unescape_entities(spaced))))
        if repaired != spaced:  # (else these three find nothing: most texts need no repair at all)
            repaired = _unify_line_breaks(_INVISIBLE.sub("", _SPACES.sub(" ", repaired)))
        if repaired == text:
            break
        text = repaired
    for pattern in rules.inline:
        text = pattern.sub("", text)
    lines: list[str] = []
    for line in text.split("\n"):
        line = (_SPACE_RUN.sub(" ", line) if "  " in line else line).strip()
        if line and any(rule.fullmatch(line) for rule in rules.line_any):
            continue
        lines.append(line)
    text = "\n".join(lines)
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip("\n")


def _unify_line_breaks(text: str) -> str:
    """Every line break as "\\n". The characters are looked for first: a plain scan for each is several
    times faster than the pattern's (an alternation) over a text that has none, as most have."""
    return _LINE_BREAKS.sub("\n", text) if any(c in text for c in _LINE_BREAK_CHARS) else text


# --- Markdown ---------------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+", re.MULTILINE)


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (``---`` ... ``---``) from a Markdown text; bad YAML raises ValueError."""
    match = _FRONT_MATTER.match(markdown.lstrip("\ufeff"))
    if not match:
        return {}, markdown
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError("front matter is not a mapping of keys to values")
    return data, markdown.lstrip("\ufeff")[match.end() :]


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text of a Markdown article (markup removed, paragraphs kept) and its first heading, if any."""
    heading = _MD_HEADING.search(markdown)
    title = _MD_EMPHASIS.sub(r"\2", heading.group(1)).strip() if heading else None
    text = _MD_FENCE.sub("", markdown)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1• ", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return text, title
