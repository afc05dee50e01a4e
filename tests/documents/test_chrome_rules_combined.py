"""The page-chrome line rules are matched as one alternation: it must drop exactly the lines the rules
drop one by one, including rules with backreferences and named groups (kept apart)."""

from __future__ import annotations

from pipeline.cleaning import clean_text, load_chrome_rules

RULES = """# test rules
click (here )?to enlarge\\.?
(share|print|tweet)\\.?
(?P<word>\\w{4,}) (?P=word)
(.{6,40}) \\1
copyright \\d{4}.*
inline: \\s*\\(photo: [^()\\n]{1,20}\\)\\s*$
"""

LINES = [
    "Click to enlarge.",
    "click here to enlarge",
    "Share",
    "Shared values matter.",
    "again again",
    "Pentagon briefing Pentagon briefing",
    "Copyright 2010 Reuters",
    "The copyright 2010 law passed.",
    "Gates met Serdyukov at the Pentagon.",
    "print",
    "Printed matter",
]


def test_one_alternation_drops_the_lines_each_rule_drops(tmp_path):
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "page_chrome.txt").write_text(RULES, encoding="utf-8")
    rules = load_chrome_rules(lexicon / "page_chrome.txt")
    assert len(rules.line_any) < len(rules.line)  # the plain rules were joined
    one_by_one = [line for line in LINES if not any(r.fullmatch(line) for r in rules.line)]
    assert clean_text("\n".join(LINES), lexicon).split("\n") == one_by_one
    assert one_by_one == [
        "Shared values matter.",
        "The copyright 2010 law passed.",
        "Gates met Serdyukov at the Pentagon.",
        "Printed matter",
    ]
