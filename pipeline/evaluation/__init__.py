"""Scoring Dateline against hand-annotated gold files (TempEval-3 for time expressions)."""
