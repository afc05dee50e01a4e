"""The timex benchmark's inputs: the seed fallback gold and the conversion of dateparser's output to spans."""

from __future__ import annotations

from datetime import date

import pytest

from bench import timex_bench


def test_seed_fallback_gold_has_exact_offsets(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(timex_bench, "DEV_GOLD", tmp_path / "missing.jsonl")
    source, gold = timex_bench.load_gold()
    assert source.endswith("seeds.json") and len(gold) == 3  # seed 001, seed 000 dated, seed 000 undated
    for doc in gold.values():
        assert doc["timexes"], doc["id"]
        previous_end = 0
        for t in doc["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"]
            assert t["start"] >= previous_end
            previous_end = t["end"]
    later = [t for d in gold.values() for t in d["timexes"] if t["text"] == "later that year"]
    assert later and later[0]["value"] == "2008"


def test_dateparser_results_become_ordered_spans() -> None:
    pytest.importorskip("dateparser")
    tag = timex_bench.dateparser_tagger(["en"])
    text = "The talks began on March 3, 2008 and ended on March 5, 2008."
    spans = tag(text, date(2010, 9, 15))
    assert spans, "dateparser found nothing"
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]
        assert s["type"] == "DATE" and len(s["value"]) == 10
    assert [s["start"] for s in spans] == sorted(s["start"] for s in spans)
    assert "2008-03-03" in {s["value"] for s in spans}
