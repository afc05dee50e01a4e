"""Re-export of the TIMEX3 value validator, which now lives in the package (``pipeline.timex.validate``).

Kept so that existing test imports (``from timex_values import ...``) and the golden specs, which load this
file by path, keep working.
"""

from __future__ import annotations

from pipeline.timex.validate import (
    DATE_RE,
    DURATION_RE,
    MODS,
    SET_RE,
    TIME_RE,
    TIMEX_TYPES,
    is_valid_mod,
    is_valid_value,
)

__all__ = [
    "DATE_RE",
    "DURATION_RE",
    "MODS",
    "SET_RE",
    "TIME_RE",
    "TIMEX_TYPES",
    "is_valid_mod",
    "is_valid_value",
]
