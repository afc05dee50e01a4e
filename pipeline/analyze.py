"""Everything the per-document stages find in one document: sentences -> time expressions -> actors ->
event mentions -> anchored event mentions. Pure: the same document always gives the same analysis, so it can
run in worker processes (or on a Dask cluster) and be cached by ``doc_id``.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, DocumentAnalysis


def analyze(document: Document, lexicon_dir: Path | None = None) -> DocumentAnalysis:
    """Run the per-document pipeline on one document."""
    # Imported here: each stage loads its resources lazily, and workers pay only for what they use.
    from pipeline.events.actors import resolve_actors
    from pipeline.events.anchor import anchor_events
    from pipeline.events.extract import extract_events
    from pipeline.events.purposes import drop_trip_purposes
    from pipeline.sentences import split_sentences
    from pipeline.timex import tag

    text = document.text
    warnings: list[str] = []
    if document.published is None:
        warnings.append("no publication date: relative dates stay unresolved; events they date are undated")
    sentences = split_sentences(text, lexicon_dir)
    timexes = tag(text, document.published, lexicon_dir)
    actors, actor_mentions = resolve_actors(text, sentences, lexicon_dir)
    mentions = extract_events(document, sentences, timexes, actors, actor_mentions, lexicon_dir)
    mentions = anchor_events(mentions, timexes, sentences, document, lexicon_dir)
    mentions = drop_trip_purposes(mentions, text)  # (statuses are final once dated)
    if not mentions and text.strip():
        warnings.append("no event found")
    return DocumentAnalysis(
        document=document,
        sentences=tuple(sentences),
        timexes=tuple(timexes),
        actors=tuple(actors),
        actor_mentions=tuple(actor_mentions),
        event_mentions=tuple(mentions),
        warnings=tuple(warnings),
    )
