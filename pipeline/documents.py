"""Load articles from files into ``Document`` records: find files, read them, clean the text, date them.

Inputs: ``.txt``; ``.md``/``.markdown`` (markup removed, YAML front matter read as metadata);
``.html``/``.htm`` (article text via ``trafilatura``, stored as title line + body so it reads like a .txt
article; title from the page; publication date from the page's metadata via ``htmldate``); ``.jsonl`` (one
article per line: ``{"id"?, "title"?, "url"?, "published"?, "source"?, "text"}``). Beside any non-JSONL file
an optional ``NAME.meta.json`` (or ``NAME.txt.meta.json``) gives ``title``, ``url``, ``source`` (the outlet)
and ``published``; it overrides what the file itself says. ``.meta.json`` files are never documents.

Errors. Everything a user can get wrong raises or reports ``DocumentError(path, line, message)``, whose text
is ``path:line: message``. One file can hold good and bad articles (JSONL), so there are two ways to load:
- ``load_file(path) -> list[Document]`` is strict: any problem raises ``DocumentError`` (the first one); the
  exception's ``partial`` attribute is a ``LoadResult`` with the good documents and all errors of the file.
- ``load_file_partial(path) -> LoadResult`` never raises ``DocumentError``: ``.documents`` holds every good
  article, ``.errors`` one ``DocumentError`` per bad line or file. ``load_paths(paths)`` does the same for
  files and folders (``discover``), which is what ``dateline ingest`` wants: one line per error, go on.
Near-duplicate date inheritance (``pipeline.near_duplicates.inherit_dates``) is a separate, batch-level step.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cleaning import clean_text, markdown_to_text, split_front_matter
from pipeline.model import Document
from pipeline.pubdate import find_publication_date

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentError",
    "LoadResult",
    "clean_text",
    "discover",
    "load_file",
    "load_file_partial",
    "load_paths",
    "make_document",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
META_SUFFIX = ".meta.json"
_MAX_TITLE = 200


class DocumentError(Exception):
    """A file, or a JSONL line, that cannot become a document; ``str()`` is ``path:line: message``."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        self.partial: LoadResult | None = None
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


@dataclass
class LoadResult:
    """Documents read, and the errors met, in file order."""

    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.documents.extend(other.documents)
        self.errors.extend(other.errors)


def _is_meta(path: Path) -> bool:
    return path.name.lower().endswith(META_SUFFIX)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and not _is_meta(path)


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Files to load: folders walked recursively (sorted, hidden files and folders skipped, only supported
    suffixes, no ``.meta.json``); files named explicitly are kept as given, so an unsupported one gets a clear
    error from ``load_file``. A path that does not exist raises ``DocumentError``. No file is listed twice."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            batch: list[Path] = []
            for folder, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                batch.extend(Path(folder) / f for f in filenames if not f.startswith("."))
            files = sorted(f for f in batch if _supported(f))
        elif path.is_file():
            files = [] if _is_meta(path) else [path]
        else:
            raise DocumentError(path, None, "no such file or directory")
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the usual encoding of older news pages."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read(path: Path) -> str:
    try:
        return _decode(path.read_bytes())
    except OSError as exc:
        raise DocumentError(path, None, f"cannot read the file: {exc.strerror or exc}") from exc


def _sidecar(path: Path) -> dict[str, Any]:
    """The ``.meta.json`` beside ``path`` (``a.meta.json`` or ``a.txt.meta.json``), or ``{}``."""
    for meta in (path.with_name(path.stem + META_SUFFIX), path.with_name(path.name + META_SUFFIX)):
        if not meta.is_file():
            continue
        try:
            data = json.loads(_read(meta))
        except json.JSONDecodeError as exc:
            raise DocumentError(meta, exc.lineno, f"metadata is not valid JSON: {exc.msg}") from exc
        if not isinstance(data, dict):
            raise DocumentError(meta, None, "metadata must be a JSON object (title, url, source, published)")
        return data
    return {}


def _first_line_title(text: str) -> str | None:
    """A headline-like first line: short, and not ending as a sentence does (a stop, maybe inside a closing
    quote: a lede that ends 'calling the talks "productive."' is no headline)."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            ending = line.rstrip("\"”’')]")
            sentence_end = ending.endswith((".", ":", ",")) or (
                ending != line and ending.endswith(("!", "?"))
            )
            return line if len(line) <= _MAX_TITLE and not sentence_end else None
    return None


def _one_line(value: Any, lexicon_dir: Path | None) -> str | None:
    if value is None:
        return None
    text = " ".join(clean_text(str(value), lexicon_dir).split())
    return text or None


def make_document(
    text: str,
    source: str,
    metadata: Mapping[str, Any] | None = None,
    html: str | None = None,
    lexicon_dir: Path | None = None,
) -> Document:
    """Build the stored Document.

    The cleaned ``text`` is what is stored (every offset refers to it) and ``doc_id`` is its sha256;
    title/url/publisher come from ``metadata`` (title falls back to a headline-like first line); the
    publication date from ``pipeline.pubdate`` (``html`` lets it read the page's metadata). Raises
    ``DocumentError`` if no text is left after cleaning.
    """
    metadata = metadata or {}
    cleaned = clean_text(text, lexicon_dir)
    if not cleaned.strip():
        raise DocumentError(source, None, "no article text (empty after cleaning)")
    published, published_source, note = find_publication_date(cleaned, metadata, html, lexicon_dir)
    title = _one_line(metadata.get("title"), lexicon_dir) or _first_line_title(cleaned)
    return Document(
        doc_id=hashlib.sha256(cleaned.encode("utf-8")).hexdigest(),
        source=source,
        text=cleaned,
        title=title,
        url=_one_line(metadata.get("url"), lexicon_dir),
        published=published,
        published_source=published_source,
        published_note=note,
        publisher=_one_line(metadata.get("source"), lexicon_dir),
    )


def _html_parts(path: Path, html: str) -> tuple[str, str | None]:
    """Article text and title of an HTML page (trafilatura; whole-page text if no main text is found)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
        title = getattr(extracted, "title", None) if extracted is not None else None
        if not body.strip():
            body = trafilatura.html2txt(html) or ""
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        raise DocumentError(path, None, f"cannot extract the article text from the HTML: {exc}") from exc
    if not body.strip():
        raise DocumentError(path, None, "no article text found in the HTML")
    body = "\n\n".join(line for line in body.split("\n") if line.strip())  # paragraphs, as in .txt articles
    if title and not body.lstrip().startswith(title.strip()):
        body = f"{title.strip()}\n\n{body}"
    return body, title


def _load_single(path: Path, lexicon_dir: Path | None) -> Document:
    raw = _read(path)
    suffix = path.suffix.lower()
    metadata: dict[str, Any] = {}
    html: str | None = None
    if suffix in (".md", ".markdown"):
        try:
            front, raw = split_front_matter(raw)
        except ValueError as exc:
            raise DocumentError(path, 1, str(exc)) from exc
        raw, heading = markdown_to_text(raw)
        metadata = {"title": heading, **front} if heading else dict(front)
    elif suffix in (".html", ".htm"):
        html = raw
        raw, title = _html_parts(path, html)
        metadata = {"title": title} if title else {}
    metadata.update({k: v for k, v in _sidecar(path).items() if v is not None})
    if not raw.strip():
        raise DocumentError(path, None, "the file is empty")
    return make_document(raw, str(path), metadata, html, lexicon_dir)


def _load_jsonl(path: Path, lexicon_dir: Path | None) -> LoadResult:
    result = LoadResult()
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(
                DocumentError(path, number, f"not valid JSON ({exc.msg}, column {exc.colno})")
            )
            continue
        if not isinstance(record, dict):
            result.errors.append(DocumentError(path, number, 'expected a JSON object with a "text" field'))
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            result.errors.append(DocumentError(path, number, 'missing or empty "text" (a non-empty string)'))
            continue
        name = record.get("id")
        source = f"{path}#{name}" if name not in (None, "") else f"{path}#L{number}"
        try:
            result.documents.append(make_document(text, source, record, None, lexicon_dir))
        except DocumentError as exc:
            result.errors.append(DocumentError(path, number, exc.message))
    return result


def load_file_partial(path: Path | str, lexicon_dir: Path | None = None) -> LoadResult:
    """Load one file, collecting errors instead of raising them (see the module docstring)."""
    path = Path(path)
    if _is_meta(path):
        return LoadResult()
    if not _supported(path):
        supported = ", ".join(SUPPORTED_SUFFIXES)
        return LoadResult(errors=[DocumentError(path, None, f"unsupported file type (expected {supported})")])
    try:
        if path.suffix.lower() == ".jsonl":
            return _load_jsonl(path, lexicon_dir)
        return LoadResult(documents=[_load_single(path, lexicon_dir)])
    except DocumentError as exc:
        return LoadResult(errors=[exc])


def load_file(path: Path | str, lexicon_dir: Path | None = None) -> list[Document]:
    """Load one file strictly: raise the first ``DocumentError`` met (its ``partial`` keeps the good ones)."""
    result = load_file_partial(path, lexicon_dir)
    if result.errors:
        error = result.errors[0]
        error.partial = result
        raise error
    return result.documents


def load_paths(paths: Iterable[Path | str], lexicon_dir: Path | None = None) -> LoadResult:
    """Discover and load files and folders; missing paths and bad files become errors, the rest loads."""
    result = LoadResult()
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(discover([path]))
        except DocumentError as exc:
            result.errors.append(exc)
    seen: set[Path] = set()
    for file in files:
        if file.resolve() not in seen:
            seen.add(file.resolve())
            result.extend(load_file_partial(file, lexicon_dir))
    return result
