"""Shared fixtures: the samples and their analysis, computed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEOUL = SAMPLES / "us-secretaries-of-state-and-defense-in-seoul.txt"


@pytest.fixture(scope="session")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seoul_brief(nlp):
    from briefing.analysis import analyze
    from briefing.ingest import read_article

    return analyze(read_article(SEOUL), nlp=nlp)


@pytest.fixture(scope="session")
def sample_briefs(nlp):
    from briefing.analysis import analyze
    from briefing.ingest import read_article

    return {p.name: analyze(read_article(p), nlp=nlp) for p in sorted(SAMPLES.glob("*.txt"))}
