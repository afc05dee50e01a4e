"""tag() never emits an invalid TIMEX3 value and never raises because one expression fails to anchor."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.timex import resolve, tag
from pipeline.timex.validate import is_valid_mod, is_valid_value

DCT = date(2010, 9, 15)


def test_the_package_validator_is_the_one_the_tests_use() -> None:
    from tests.timex import timex_values

    assert timex_values.is_valid_value is is_valid_value


def test_a_failing_expression_is_dropped_and_the_others_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    real = resolve._handle

    def flaky(cand, ctx):  # noqa: ANN001, ANN202 - same signature as the real handler
        if cand.value.startswith("UNDEF-DCT-day+1"):
            raise ValueError("boom")
        return real(cand, ctx)

    monkeypatch.setattr(resolve, "_handle", flaky)
    found = tag("They met yesterday and meet again tomorrow.", DCT)
    assert [(t.text, t.value) for t in found] == [("yesterday", "2010-09-14")]


def test_an_invalid_value_is_never_emitted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolve, "_handle", lambda cand, ctx: resolve.Result("2010-02-30"))
    assert tag("They met on Feb. 30 and again on March 3, 2010.", DCT) == []


def test_out_of_range_arithmetic_is_dropped_not_raised() -> None:
    found = tag("in the 99th century, 9,000 centuries later", DCT)
    assert all(is_valid_value(t.value, t.type) and is_valid_mod(t.mod) for t in found)
