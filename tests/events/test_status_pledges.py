"""A pledge of money or goods announces a transfer still to come; a past transfer is not one."""

from __future__ import annotations

import pytest

from pipeline.events.status import decide_status, status_cues


def status(marked: str) -> str:
    before, rest = marked.split("[", 1)
    trigger, after = rest.split("]", 1)
    return decide_status(before, trigger, after, status_cues(), verb=True)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("Australia has [pledged 20 million] dollars in reconstruction aid", "planned"),
        ("The donors have [pledged 3 million] euros for flood relief", "planned"),
        ("Australia [provided 20 million] dollars in reconstruction aid", "occurred"),
        ("Australia has [provided 20 million] dollars in reconstruction aid", "occurred"),
    ],
)
def test_pledged_aid_is_planned(marked: str, expected: str) -> None:
    assert status(marked) == expected
