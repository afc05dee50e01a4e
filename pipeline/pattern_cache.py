"""Compiled rule patterns kept on disk between processes, as Python keeps the bytecode of modules.

The rule files compile to about a thousand large regular expressions, and the ``re`` module compiles in
pure Python: 0.55 of the 0.85 s that every ``dateline`` process spends before its first article, paid
again by every ingest and every worker pool. What is kept is what ``re`` computes from a pattern (its
compiled code, flags and group names) and hands to the C engine, ``_sre.compile``, which checks the code
before it runs it. The file is named after the interpreter's version and the engine's magic number, so
another Python never reads it; any doubt (another interpreter, a file that cannot be read or written, a
damaged entry) falls back to ``re.compile``.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython 3.11-3.13: the steps of ``re._compiler.compile``, kept apart
    import _sre
    from re import _compiler, _parser

    _USABLE = sys.implementation.name == "cpython" and callable(getattr(_compiler, "_code", None))
except ImportError:  # another interpreter: plain ``re.compile``
    _USABLE = False

# Entries kept in the file: those this process used, then older ones (another lexicon, another command).
_MAX_ENTRIES = 6000

# (flags as compiled, code, number of groups - 1, group index, group names): ``_sre.compile``'s arguments
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _default_dir() -> Path:
    explicit = os.environ.get("DATELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def _compile_parts(pattern: str, flags: int) -> Compiled:
    """What ``re._compiler.compile`` hands to ``_sre.compile``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


class PatternCache:
    """Patterns compiled once per machine; ``save`` (at exit, after a miss) writes what was compiled."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stored: dict[tuple[str, int], Compiled] = self._read() if path is not None else {}
        self.used: dict[tuple[str, int], Compiled] = {}
        self.missed = 0
        self._saving = False

    @classmethod
    def default(cls) -> PatternCache:
        if not _USABLE or os.environ.get("DATELINE_CACHE_DIR") == "off":
            return cls(None)
        tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
        return cls(_default_dir() / f"patterns-{tag}.marshal")

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the file when it has the pattern."""
        if not _USABLE:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        entry = self.stored.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, *entry)
            except (TypeError, ValueError, RuntimeError, OverflowError):  # damaged: compile it again
                self.stored.pop(key, None)
            else:
                self.used[key] = entry
                return compiled
        try:
            entry = _compile_parts(pattern, flags)
            compiled = _sre.compile(pattern, *entry)
        except re.error:
            raise
        except Exception:  # ``re``'s internals changed under us: the public way (raises what it raises)
            return re.compile(pattern, flags)
        self.used[key] = entry
        self.missed += 1
        if self.path is not None and not self._saving:
            self._saving = True
            atexit.register(self.save)
        return compiled

    def _read(self) -> dict[tuple[str, int], Compiled]:
        assert self.path is not None
        try:
            entries = marshal.loads(self.path.read_bytes())
            return {(pattern, flags): tuple(rest) for pattern, flags, *rest in entries}  # type: ignore[misc]
        except (OSError, EOFError, ValueError, TypeError):
            return {}

    def save(self) -> None:
        """Write the patterns used here, then older ones, atomically; a cache that cannot be written is
        only a slower start."""
        if self.path is None or not self.missed:
            return
        kept = dict(self.used)
        for key, entry in self.stored.items():
            if len(kept) >= _MAX_ENTRIES:
                break
            kept.setdefault(key, entry)
        payload = marshal.dumps([(pattern, flags, *entry) for (pattern, flags), entry in kept.items()])
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, self.path)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return
        self.missed = 0


_DEFAULT: PatternCache | None = None


def compile_rule(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a rule's pattern through the process's cache (created on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = PatternCache.default()
    return _DEFAULT.compile(pattern, flags)
