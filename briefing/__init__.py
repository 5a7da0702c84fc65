"""briefing: turn a news article into a structured policy brief."""

__version__ = "0.1.0"
