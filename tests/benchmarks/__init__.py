"""Benchmarks (issue 9): ``python -m tests.benchmarks``; see README.md, "Benchmarks"."""
