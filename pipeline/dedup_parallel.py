"""Greedy clustering split into independent parts that run in two processes.

A mention is only ever compared with events that share a blocking key with it (``dedup._block_keys``), so
mentions linked by no chain of shared keys can never meet: each connected part of the key graph clusters
alone exactly as it would inside the whole corpus (same candidates, in the same relative order). The parts
are dealt to a forked child and to this process, and the events are put back in the order the serial
clustering creates them (by their first mention), so the result is identical to ``Clustering`` over all.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.dedup import Clustering, build_event
from pipeline.dedup_match import Features
from pipeline.dedup_rules import DedupRules
from pipeline.model import Event

# Below this many mentions a second process costs more (fork, sending the events back) than it saves.
PARALLEL_MIN_MENTIONS = 4000

# (index of the event's first mention, indices of its mentions, its block keys as text)
Clusters = list[tuple[int, list[int], list[str]]]


def cluster_events(
    items: Sequence[Features],
    rules: DedupRules,
    lexicon_dir: Path | None,
    key_text: Callable[[tuple], str],
    processes: int | None = None,
) -> list[tuple[Event, list[str]]]:
    """Events of ``items`` (in reading order) with their sorted block keys (``key_text`` of each), in the
    order serial clustering creates them."""
    if processes is None:
        processes = min(2, os.cpu_count() or 1)
    if processes < 2 or len(items) < PARALLEL_MIN_MENTIONS or not _can_fork():
        return _build(items, _cluster(items, range(len(items)), rules, key_text), rules, lexicon_dir)
    child_share, own_share = _deal(components(items, rules))
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_child, args=(writer, items, child_share, rules, key_text), daemon=True
    )
    child.start()
    writer.close()
    found = _cluster(items, own_share, rules, key_text)
    try:
        payload = reader.recv_bytes()
    except EOFError:
        payload = b""
    finally:
        reader.close()
        child.join()
    if child.exitcode != 0 or not payload:  # the child failed: do its share here
        found += _cluster(items, child_share, rules, key_text)
    else:
        found += pickle.loads(payload)
    return _build(items, found, rules, lexicon_dir)


def components(items: Sequence[Features], rules: DedupRules) -> list[list[int]]:
    """Indices of ``items`` grouped by connected part of the key graph (index and lookup keys alike)."""
    from pipeline.dedup import _block_keys

    parent: dict[object, object] = {}

    def find(x: object) -> object:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for n, item in enumerate(items):
        index, lookup = _block_keys(item, rules)
        a = find(n)
        for key in index | lookup:
            b = find(key)
            if b != a:
                parent[b] = a
    groups: dict[object, list[int]] = {}
    for n in range(len(items)):
        groups.setdefault(find(n), []).append(n)
    return list(groups.values())


def _deal(parts: list[list[int]]) -> tuple[list[int], list[int]]:
    """Two shares of about the same work, each in reading order. The work of a part grows faster than its
    size (its mentions meet each other), so parts are weighed by their size squared, largest first."""
    shares: tuple[list[int], list[int]] = ([], [])
    work = [0, 0]
    for part in sorted(parts, key=len, reverse=True):
        i = 0 if work[0] <= work[1] else 1
        shares[i].extend(part)
        work[i] += len(part) ** 2
    return sorted(shares[0]), sorted(shares[1])


def _cluster(
    items: Sequence[Features], share: Sequence[int], rules: DedupRules, key_text: Callable[[tuple], str]
) -> Clusters:
    clustering = Clustering(rules)
    members: list[list[int]] = []
    for n in share:
        cid = clustering.add(items[n])
        if cid == len(members):
            members.append([])
        members[cid].append(n)
    return [
        (m[0], m, sorted(key_text(k) for k in c.keys))
        for m, c in zip(members, clustering.clusters, strict=True)
    ]


def _build(
    items: Sequence[Features], found: Clusters, rules: DedupRules, lexicon_dir: Path | None
) -> list[tuple[Event, list[str]]]:
    """Events in the order serial clustering creates them: by their first mention."""
    return [
        (build_event([items[n] for n in m], rules, lexicon_dir), keys)
        for _, m, keys in sorted(found, key=lambda x: x[0])
    ]


def _child(writer, items, share, rules, key_text) -> None:  # noqa: ANN001
    try:
        writer.send_bytes(pickle.dumps(_cluster(items, share, rules, key_text), pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()
