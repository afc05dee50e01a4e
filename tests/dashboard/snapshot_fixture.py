"""A small hand-made snapshot in the layout of ``pipeline/snapshot_schema.py``, so the dashboard tests do not
depend on the pipeline. Fictional people and places; the shapes mirror what the pipeline produces: a
month-precise visit, a span "later that year", a dated signing, a planned tour dated by "tomorrow", a
recurring meeting, an undated statement, and a sentence carrying HTML / script / markdown (untrusted text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline.snapshot_schema import SNAPSHOT_TABLES

SCRIPT_SENTENCE = (
    'Brill said <script>alert("owned")</script> **bold** [click](javascript:alert(1)) <b>loud</b>.'
)

DOCS: dict[str, dict[str, Any]] = {
    "docA": {
        "source": "fixtures/a.txt",
        "title": "Brill and Vey renew defence ties",
        "url": "https://example.org/a",
        "publisher": "Example Wire",
        "published": date(2011, 5, 10),
        "published_source": "metadata",
        "published_note": None,
        "text": (
            "LISBON, May 10, 2011 - Minister Ana Brill visited Portugal in April 2009. "
            "Fighting broke out in Portugal later that year. "
            "Brill and General Tomas Vey signed a memorandum today. "
            "Vey plans to tour Camp Alder tomorrow. "
            "Brill and Vey will meet once a year."
        ),
    },
    "docB": {
        "source": "fixtures/b.txt",
        "title": "Reprint: Vey to tour Camp Alder",
        "url": None,
        "publisher": None,
        "published": date(2011, 5, 10),
        "published_source": "near_duplicate",
        "published_note": "inherited from near-duplicate docA (similarity 0.91)",
        "text": "Vey plans to tour Camp Alder tomorrow. Vey called for dialogue.",
    },
    "docC": {
        "source": "fixtures/c.html",
        "title": "<i>Scripted</i> statement",
        "url": "javascript:alert(1)",
        "publisher": None,
        "published": date(2012, 1, 3),
        "published_source": "dateline",
        "published_note": None,
        "text": "JAN. 3, 2012 - " + SCRIPT_SENTENCE + " It happened yesterday.",
    },
}

BRILL = ("ana-brill", "Ana Brill", "person", "FIN", "GOV")
VEY = ("tomas-vey", "Tomas Vey", "person", "PRT", "MIL")
PORTUGAL = ("portugal", "Portugal", "country", "PRT", None)

# event_id, type, label, date_value, start, end, precision, status, actors,
# [(doc, sentence, trigger, date_text, date_value, explanation)]
EVENTS: list[tuple[Any, ...]] = [
    (
        "ev-visit",
        "VISIT",
        "Brill visits Portugal",
        "2009-04",
        date(2009, 4, 1),
        date(2009, 4, 30),
        "month",
        "occurred",
        [BRILL, PORTUGAL],
        [
            (
                "docA",
                "Minister Ana Brill visited Portugal in April 2009.",
                "visited",
                "April 2009",
                "2009-04",
                "April 2009 = 2009-04 (absolute)",
            )
        ],
    ),
    (
        "ev-war",
        "MILITARY_FORCE",
        "Fighting in Portugal",
        "2009",
        date(2009, 5, 1),
        date(2009, 12, 31),
        "month",
        "occurred",
        [PORTUGAL],
        [
            (
                "docA",
                "Fighting broke out in Portugal later that year.",
                "Fighting",
                "later that year",
                "2009",
                "later that year = after April 2009, in 2009",
            )
        ],
    ),
    (
        "ev-memo",
        "AGREEMENT_SIGNED",
        "Brill and Vey sign memorandum",
        "2011-05-10",
        date(2011, 5, 10),
        date(2011, 5, 10),
        "day",
        "occurred",
        [BRILL, VEY],
        [
            (
                "docA",
                "Brill and General Tomas Vey signed a memorandum today.",
                "signed",
                "today",
                "2011-05-10",
                "today = publication date 2011-05-10",
            )
        ],
    ),
    (
        "ev-tour",
        "VISIT",
        "Vey to tour Camp Alder",
        "2011-05-11",
        date(2011, 5, 11),
        date(2011, 5, 11),
        "day",
        "planned",
        [VEY],
        [
            (
                "docA",
                "Vey plans to tour Camp Alder tomorrow.",
                "tour",
                "tomorrow",
                "2011-05-11",
                "tomorrow = publication date 2011-05-10 + 1 day",
            ),
            (
                "docB",
                "Vey plans to tour Camp Alder tomorrow.",
                "tour",
                "tomorrow",
                "2011-05-11",
                "tomorrow = publication date 2011-05-10 + 1 day",
            ),
        ],
    ),
    (
        "ev-yearly",
        "MEETING",
        "Brill and Vey to meet yearly",
        "P1Y",
        date(2011, 1, 1),
        date(2011, 12, 31),
        "year",
        "recurring",
        [BRILL, VEY],
        [
            (
                "docA",
                "Brill and Vey will meet once a year.",
                "meet",
                "once a year",
                "P1Y",
                "once a year = every year",
            )
        ],
    ),
    (
        "ev-dialogue",
        "STATEMENT",
        "Vey calls for dialogue",
        None,
        None,
        None,
        "none",
        "occurred",
        [VEY],
        [("docB", "Vey called for dialogue.", "called", None, None, "")],
    ),
    (
        "ev-script",
        "STATEMENT",
        "<b>Scripted</b> statement",
        "2012-01-02",
        date(2012, 1, 2),
        date(2012, 1, 2),
        "day",
        "occurred",
        [BRILL],
        [
            (
                "docC",
                SCRIPT_SENTENCE + " It happened yesterday.",
                "said",
                "yesterday",
                "2012-01-02",
                "yesterday = publication date 2012-01-03 - 1 day",
            )
        ],
    ),
]


def _frames(events: list[tuple[Any, ...]]) -> dict[str, pd.DataFrame]:
    ev_rows, m_rows, a_rows = [], [], []
    for event_id, etype, label, value, start, end, precision, status, actors, mentions in events:
        doc_ids = sorted({m[0] for m in mentions})
        sentences = " ".join(m[1] for m in mentions)
        ev_rows.append(
            {
                "event_id": event_id,
                "event_type": etype,
                "plover": "CONSULT",
                "cameo": "042",
                "label": label,
                "date_value": value,
                "start": start,
                "end": end,
                "precision": precision,
                "status": status,
                "n_docs": len(doc_ids),
                "n_mentions": len(mentions),
                "actor_names": [a[1] for a in actors],
                "actor_countries": [a[3] for a in actors if a[3]],
                "doc_ids": doc_ids,
                "date_text": mentions[0][3],
                "explanation": mentions[0][5],
                "search_text": f"{label} {sentences}".lower(),
            }
        )
        for i, (doc, sentence, trigger, date_text, dvalue, explanation) in enumerate(mentions):
            text = DOCS[doc]["text"]
            s0 = text.index(sentence.split(" It happened")[0])
            t0 = text.index(trigger, s0)
            d0 = text.index(date_text, s0) if date_text else None
            m_rows.append(
                {
                    "event_id": event_id,
                    "mention_id": f"{doc}:{t0}:{etype}",
                    "doc_id": doc,
                    "sentence": sentence,
                    "sentence_start": s0,
                    "trigger": trigger,
                    "trigger_start": t0,
                    "trigger_end": t0 + len(trigger),
                    "date_text": date_text,
                    "date_start": d0,
                    "date_end": d0 + len(date_text) if date_text else None,
                    "date_value": dvalue,
                    "date_rule": "fixture_rule" if date_text else None,
                    "date_source": "sentence" if date_text else "none",
                    "status": status,
                    "explanation": explanation,
                }
            )
            del i
        for actor_id, name, kind, country, sector in actors:
            role = "actor" if (actor_id, name, kind, country, sector) == actors[0] else "recipient"
            a_rows.append(
                {
                    "event_id": event_id,
                    "actor_id": actor_id,
                    "name": name,
                    "kind": kind,
                    "country": country,
                    "sector": sector,
                    "role": role,
                }
            )
    d_rows = [
        {"doc_id": doc_id, **{k: v for k, v in doc.items() if k != "text"}, "n_chars": len(doc["text"])}
        for doc_id, doc in DOCS.items()
    ]
    return {
        "events": pd.DataFrame(ev_rows),
        "mentions": pd.DataFrame(m_rows),
        "event_actors": pd.DataFrame(a_rows),
        "documents": pd.DataFrame(d_rows),
    }


def write_snapshot(
    snapshot_dir: Path, events: list[tuple[Any, ...]] | None = None, empty: bool = False
) -> Path:
    """Write the fixture (or an empty snapshot) as Parquet with exactly the SNAPSHOT_TABLES column types."""
    snapshot_dir.mkdir(parents=True, exist_ok=True)
    frames = _frames(EVENTS if events is None else events)
    con = duckdb.connect()
    for table, columns in SNAPSHOT_TABLES.items():
        frame = frames[table]
        select = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in columns.items())
        con.register("frame", frame)
        where = "WHERE FALSE" if empty else ""
        path = str(snapshot_dir / f"{table}.parquet")
        con.execute(f"COPY (SELECT {select} FROM frame {where}) TO '{path}' (FORMAT parquet)")
        con.unregister("frame")
    con.close()
    return snapshot_dir
