"""Benchmarks: each module measures Dateline against a peer in the same run and reports the ratio."""
