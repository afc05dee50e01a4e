"""Turn a rule match into an (underspecified) TIMEX3 value: normalise each group, fill the template.

A template is ``{group}`` substitutions followed by value functions written ``NAME(arg,...)`` (innermost
first), e.g. ``DURATION({num},{vague},{unit})`` -> ``PT5H``. A function returning None rejects the match
(e.g. a year range whose second year is not after the first).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.timex.rules import Rule, SubPattern

_FIELD = re.compile(r"\{([a-z][a-z0-9_]*)\}")

_DURATION_UNITS = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "fortnight": ("", "W"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
    "weekend": ("", "WE"),
}


def _norm_day(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return f"{int(digits):02d}"


def _norm_year2(text: str) -> str:
    if len(text) == 4:
        return text
    value = int(text)
    return f"{2000 + value if value < 50 else 1900 + value}"


def _norm_number(text: str) -> str:
    return text.replace(",", "")


def _norm_ampm(text: str) -> str:
    return "pm" if text.lower().startswith("p") else "am"


def _norm_decade2(text: str) -> str:
    digit = text[1]
    return ("20" if digit in "012" else "19") + digit


NORMS: dict[str, Callable[[str], str]] = {
    "day": _norm_day,
    "pad2": lambda t: f"{int(t):02d}",
    "as_is": lambda t: t,
    "year2": _norm_year2,
    "number": _norm_number,
    "ampm": _norm_ampm,
    "first3": lambda t: t[:3],
    "decade2": _norm_decade2,
}


def normalise(sub: SubPattern, text: str) -> str:
    """The value part of a matched sub-pattern: table entry, else its norm function, else the text."""
    if sub.table is not None:
        key = re.sub(r"\s+", " ", text.lower().replace("’", "'")).rstrip(".")
        if key in sub.table.values:
            return sub.table.values[key]
    if sub.norm:
        return NORMS[sub.norm](text)
    return text


def _duration(num: str, vague: str, unit: str) -> str | None:
    unit = unit.lower()
    plural = unit.endswith("/pl")
    unit = unit.removesuffix("/pl")
    if unit not in _DURATION_UNITS:  # a bare plural matched by a raw group: "Decades", "centuries"
        unit, plural = re.sub(r"ies$", "y", unit).removesuffix("s"), True
        if unit not in _DURATION_UNITS:
            return None
    amount = vague or num or ("X" if plural else "1")
    if unit == "fortnight" and amount != "X":
        amount = _number(float(amount) * 2)
    prefix, letter = _DURATION_UNITS[unit]
    return f"P{prefix}{amount}{letter}"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _half_duration(num: str, unit: str, num2: str, unit2: str, unit3: str, unit4: str) -> str | None:
    """ "an hour and a half" PT1H30M, "two and a half years" P2.5Y -> months, "half an hour" PT30M."""
    if unit3 or unit4:
        amount, name = 0.5, (unit3 or unit4).removesuffix("/pl")
    else:
        amount, name = float(num or num2 or 1) + 0.5, (unit or unit2).removesuffix("/pl")
    smaller = {"hour": (60, "minute"), "day": (24, "hour"), "year": (12, "month"), "month": (None, None)}
    factor, lower = smaller.get(name, (None, None))
    if factor:
        return _duration(_number(amount * factor), "", lower)
    return _duration(_number(amount), "", name)


def _clock(hour: str, minute: str, second: str, ampm: str) -> str | None:
    h = int(hour)
    if ampm:
        if h > 12 or h == 0:
            return None
        h = h % 12 + (12 if ampm == "pm" else 0)
    if h > 24:
        return None
    text = f"{h:02d}:{minute or '00'}"
    return text + (f":{second}" if second else "")


def _every(season: str, month: str, part: str, weekend: str) -> str:
    """ "every summer" XXXX-SU, "every January" XXXX-01, "every morning" XXXX-XX-XXTMO, "every weekend"."""
    if season:
        return f"XXXX-{season}"
    if month:
        return f"XXXX-{month}"
    if part:
        return f"XXXX-XX-XXT{part}"
    return "XXXX-WXX-WE"


def _first(*args: str) -> str:
    return next((a for a in args if a), "")


def _century_of(first: str, second: str) -> str | None:
    full = first[:2] + second[2:]
    return full if int(full) > int(first) else None


FUNCTIONS: dict[str, Callable[..., str | None]] = {
    "DURATION": _duration,
    "HALFDURATION": _half_duration,
    "CLOCK": _clock,
    "FIRST": _first,
    "CENTURYOF": _century_of,
    "MINUS1": lambda n: f"{int(n) - 1:02d}" if n else None,
    "DEC19": lambda d: f"19{d}" if d else "",
    "HALF": lambda w: "H1" if w.lower() == "first" else "H2",
    "DAYSHIFT": lambda s: s or "+0",
    "TWODAYS": lambda w: "+2" if "after" in w else "-2",
    "PARTOR": lambda part, default: part or default or None,
    "NX": lambda num, vague: vague or num or "1",
    "FIRSTLAST": lambda first, last: "START" if first else ("END" if last else None),
    "SHIFTDIR": lambda s: {"last": "past", "next": "future", "this": "this", "this coming": "future"}.get(
        re.sub(r"\s+", " ", s.lower()), "past" if "past" in s.lower() else "tense"
    ),
    "GENERICDAY": lambda w: "PRESENT_REF" if w.lower() == "today" else "FUTURE_REF",
    "BEFOREAFTER": lambda w: "-" if w.lower() in ("before", "earlier", "previous", "preceding") else "+",
    "OTHER": lambda num, other: "2" if other else num,
    "DAYPART": lambda day: f"-{day}" if day and day != "XX" else "",
    "YEAROF": lambda unit: {"quarter": "4", "month": "12", "week": "52"}.get(unit.lower(), "1"),
    "BASIS": lambda adj: {"daily": "P1D", "weekly": "P1W", "monthly": "P1M"}.get(adj.lower(), "P1Y"),
    "NOON": lambda w: {"midnight": "24:00", "midday": "MI"}.get(w.lower(), "12:00"),
    "PARTAMPM": lambda part: "am" if part.lower() == "morning" else "pm",
    "REFDIR": lambda w: "ref-past" if w.lower() in ("previous", "preceding") else "ref-future",
    "EVERY": _every,
    "YEAR2": _norm_year2,
    "PARTOFYEAR": lambda half, n: (
        ("H1" if half == "first" else "H2") if half else (f"Q{n}" if int(n) <= 4 else None)
    ),
    "QUARTERHALF": lambda unit, n: (
        (f"Q{n}" if int(n) <= 4 else None) if unit == "quarter" else (f"H{n}" if int(n) <= 2 else None)
    ),
}


_CALL = re.compile("(" + "|".join(sorted(FUNCTIONS, key=len, reverse=True)) + r")\(([^()]*)\)")


def _call(found: re.Match[str]) -> str:
    func = FUNCTIONS[found.group(1)]
    result = func(*found.group(2).split(","))
    if result is None:
        raise _Reject
    return result


class _Reject(Exception):
    pass


def fill(template: str, rule: Rule, match: re.Match[str]) -> str | None:
    """The value of ``template`` for ``match`` of ``rule``; None when a value function rejects it."""
    if not template:
        return ""

    def field(found: re.Match[str]) -> str:
        name = found.group(1)
        sub = rule.groups.get(name)
        text = match.group(name) if name in match.re.groupindex else None
        if text is None:
            return sub.default if sub else ""
        return normalise(sub, text) if sub else text

    value = _FIELD.sub(field, template)
    try:
        while True:
            value, count = _CALL.subn(_call, value)
            if not count:
                return value
    except _Reject:
        return None
