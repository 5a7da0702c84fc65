"""Errors a user can act on, each with its own exit code.

Library code raises these; the CLI prints ``str(error)`` on one line and exits
with ``error.exit_code``. Messages say what failed and what to do.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error briefing reports to a user."""

    exit_code = 1


class UsageError(BriefingError):
    """The command line or configuration asks for something that cannot be done."""

    exit_code = 2


class InputError(BriefingError):
    """The article (or brief JSON) cannot be read or is not usable."""

    exit_code = 3


class TemplateError(BriefingError):
    """An audience template is missing or fails to render."""

    exit_code = 4


class OutputError(BriefingError):
    """An output file cannot be written."""

    exit_code = 5


class PipelineError(BriefingError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 6
