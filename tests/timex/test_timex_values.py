"""The value validator the property tests and golden specs rely on must itself accept and refuse correctly."""

from __future__ import annotations

import pytest

try:
    from timex_values import is_valid_mod, is_valid_value
except ImportError:  # pragma: no cover - if tests/timex becomes a package
    from .timex_values import is_valid_mod, is_valid_value

VALID = [
    ("2010", "DATE"), ("2010-09", "DATE"), ("2010-09-15", "DATE"), ("XXXX-XX-XX", "DATE"),
    ("XXXX", "DATE"), ("XXXX-09-09", "DATE"), ("2010-W37", "DATE"), ("2010-W37-WE", "DATE"),
    ("XXXX-WXX-5", "DATE"), ("2010-SU", "DATE"), ("XXXX-FA", "DATE"), ("2010-Q3", "DATE"),
    ("2016-H1", "DATE"), ("199", "DATE"), ("19", "DATE"), ("PAST_REF", "DATE"), ("PRESENT_REF", "DATE"),
    ("FUTURE_REF", "DATE"), ("2012-02-29", "DATE"),
    ("2010-09-15T15:00", "TIME"), ("2010-09-15TNI", "TIME"), ("2004-09-28T22:14:00", "TIME"),
    ("2010-09-15T15:00-04:00", "TIME"), ("2010-09-15T15:00Z", "TIME"), ("XXXX-XX-XXTMO", "TIME"),
    ("PT5H", "DURATION"), ("P2Y", "DURATION"), ("PXY", "DURATION"), ("PXDE", "DURATION"),
    ("P1DE", "DURATION"), ("P1CE", "DURATION"), ("PT90M", "DURATION"), ("PTXH", "DURATION"),
    ("PXX", "DURATION"), ("P1Y6M", "DURATION"), ("P2.5Y", "DURATION"), ("PT1H30M", "DURATION"),
    ("P1Y", "SET"), ("P1W", "SET"), ("PT1H", "SET"), ("XXXX-WXX-1", "SET"), ("XXXX-XX-XXTMO", "SET"),
    ("XXXX-SU", "SET"), ("XXXX-01", "SET"),
]  # fmt: skip

INVALID = [
    ("2010-13", "DATE"), ("2010-02-30", "DATE"), ("2011-02-29", "DATE"), ("2010-9-15", "DATE"),
    ("20100915", "DATE"), ("2010-W54", "DATE"), ("TODAY", "DATE"), ("", "DATE"), ("P2Y", "DATE"),
    ("2010-09-15 ", "DATE"), ("2010-09-15T25:00", "TIME"), ("2010", "TIME"), ("P", "DURATION"),
    ("PT", "DURATION"), ("P1YT", "DURATION"), ("2010-09-15", "DURATION"), ("P2", "DURATION"),
    ("PAST_REF", "DURATION"), ("2010-09-15", "INTERVAL"), ("tomorrow", "SET"), ("2019-09-20", "SET"),
    ("2010-W37-1", "SET"),
]  # fmt: skip


@pytest.mark.parametrize("value,kind", VALID)
def test_accepts_timex3_values(value: str, kind: str) -> None:
    assert is_valid_value(value, kind)


@pytest.mark.parametrize("value,kind", INVALID)
def test_refuses_malformed_values(value: str, kind: str) -> None:
    assert not is_valid_value(value, kind)


def test_mods() -> None:
    assert is_valid_mod(None) and is_valid_mod("APPROX") and is_valid_mod("MORE_THAN")
    assert not is_valid_mod("approx") and not is_valid_mod("SOMETIMES")
