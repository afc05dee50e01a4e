"""Dateline pipeline: news articles in, dated and attributed events out."""
