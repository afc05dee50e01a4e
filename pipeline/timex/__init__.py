"""The temporal tagger: find every time expression of a text and normalise it to TIMEX3.

``tag(text, dct)`` runs the two steps of HeidelTime's design: ``extract`` finds expressions with rules kept
as data (``data/lexicon/timex``) and emits underspecified values; ``resolve`` anchors them to the publication
date (deictic) or to the discourse's reference time (anaphoric), in one pass over the text.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.model import TimeExpression

if TYPE_CHECKING:
    from pipeline.timex.rules import Grammar


def timex_dir(lexicon_dir: Path | None = None) -> Path:
    """Where the tagger's rule files live: ``<lexicon_dir>/timex`` (default: the settings' lexicon)."""
    if lexicon_dir is None:
        from pipeline.config import DEFAULT_SETTINGS

        lexicon_dir = DEFAULT_SETTINGS.lexicon_dir
    return Path(lexicon_dir) / "timex"


def tag(text: str, dct: date | None, lexicon_dir: Path | None = None) -> list[TimeExpression]:
    """TIMEX3 expressions of ``text``: sorted, non-overlapping, offsets into ``text``, tids t1, t2...

    ``dct`` is the publication date; without it deictic values ("tomorrow") stay underspecified
    (``XXXX-XX-XX``) and carry ``underspecified=True``.
    """
    from pipeline.timex.extract import extract
    from pipeline.timex.resolve import resolve

    grammar = _grammar(lexicon_dir)
    return resolve(text, extract(text, grammar), dct, grammar)


@lru_cache(maxsize=8)
def _grammar(lexicon_dir: Path | None) -> Grammar:
    # Cached by the argument too: resolving the folder's real path costs a few system calls per document.
    from pipeline.timex.rules import load_grammar

    return load_grammar(timex_dir(lexicon_dir).resolve())


__all__ = ["tag", "timex_dir"]
