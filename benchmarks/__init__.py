"""Benchmarks that measure briefing against annotated corpora (not shipped with the package)."""
