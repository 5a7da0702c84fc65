"""House style: the organization's logo, colours, fonts, page size and Word reference.

Read from the ``[style]`` table of ``briefing.toml`` (see :mod:`briefing.config`)
by :func:`load_style`, checked there, and handed to the writers. Every setting
is optional: ``HouseStyle()`` is briefing's own look, and a value left out
keeps the writer's default (for Word, the reference document's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError

# Page sizes in points (1/72 inch), portrait.
PAGE_SIZES = {
    "A4": (595.2756, 841.8898),
    "A5": (419.5276, 595.2756),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}
DEFAULT_PAGE_SIZE = "A4"
# Fonts shipped with briefing that a PDF font setting may name instead of a file.
BUILTIN_PDF_FONTS = ("DejaVu Sans Condensed",)
LOGO_FORMATS = ("PNG", "JPEG")
COLOR_PATTERN = re.compile(r"#[0-9A-Fa-f]{6}")

STYLE_KEYS = {"logo", "colors", "fonts", "page_size", "reference_docx"}
COLOR_KEYS = {"heading", "accent", "banner"}
# Word and HTML take font names; the PDF takes TrueType files (or a built-in family).
FONT_NAME_KEYS = {"body", "heading"}
FONT_FILE_KEYS = {"pdf_body", "pdf_body_bold", "pdf_body_italic", "pdf_body_bold_italic", "pdf_heading"}


@dataclass(frozen=True)
class Colors:
    """CSS hex colours ("#1F3864"); None keeps the writer's default."""

    heading: str | None = None  # title and headings
    accent: str | None = None  # rules, quote bars, table header row
    banner: str | None = None  # the handling marking banner


@dataclass(frozen=True)
class Fonts:
    """Font names for Word and HTML, TrueType files (or a built-in family) for the PDF."""

    body: str | None = None
    heading: str | None = None
    pdf_body: Path | str | None = None  # a .ttf path, or one of BUILTIN_PDF_FONTS
    pdf_body_bold: Path | None = None  # faces left out fall back to pdf_body
    pdf_body_italic: Path | None = None
    pdf_body_bold_italic: Path | None = None
    pdf_heading: Path | str | None = None  # default: the bold body face


@dataclass(frozen=True)
class HouseStyle:
    """How a brief looks. ``HouseStyle()`` is briefing's own look."""

    logo: Path | None = None  # PNG or JPEG at the top of the first page
    colors: Colors = field(default_factory=Colors)
    fonts: Fonts = field(default_factory=Fonts)
    page_size: str | None = None  # a key of PAGE_SIZES; None: A4 (Word: the reference's own)
    reference_docx: Path | None = None  # Word styles and page setup; None: the built-in one

    @property
    def page_points(self) -> tuple[float, float]:
        """The page's (width, height) in points."""
        return PAGE_SIZES[self.page_size or DEFAULT_PAGE_SIZE]


def load_style(config: dict) -> HouseStyle:
    """The house style from a loaded ``briefing.toml`` (see :func:`briefing.config.load_config`).

    Relative paths resolve against the folder of the configuration file. A bad
    value raises :class:`UsageError` naming the file and the key.
    """
    table = config.get("style") or {}
    where = config.get("config_path") or "briefing.toml"
    base = Path(config["config_path"]).resolve().parent if config.get("config_path") else Path.cwd()
    if not isinstance(table, dict):
        raise UsageError(f"{where}: 'style' must be a table ([style])")
    _check_keys(table, STYLE_KEYS, where, "style")
    colors = table.get("colors") or {}
    fonts = table.get("fonts") or {}
    for name, value in (("colors", colors), ("fonts", fonts)):
        if not isinstance(value, dict):
            raise UsageError(f"{where}: style.{name} must be a table ([style.{name}])")
    _check_keys(colors, COLOR_KEYS, where, "style.colors")
    _check_keys(fonts, FONT_NAME_KEYS | FONT_FILE_KEYS, where, "style.fonts")
    return HouseStyle(
        logo=_logo(table.get("logo"), base, where),
        colors=Colors(**{key: _color(value, where, f"style.colors.{key}") for key, value in colors.items()}),
        fonts=Fonts(**{key: _font(key, value, base, where) for key, value in fonts.items()}),
        page_size=_page_size(table.get("page_size"), where),
        reference_docx=_reference(table.get("reference_docx"), base, where),
    )


def _check_keys(table: dict, known: set, where: str, name: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(f"{where}: unknown {name} setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")


def _file(value, base: Path, where: str, key: str) -> Path:
    """An existing file named by ``value``, relative to the configuration's folder."""
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where}: {key} must be a file name in quotes")
    path = base / Path(value).expanduser()
    if not path.is_file():
        raise UsageError(f"{where}: {key} = {value!r}: file {path} not found")
    return path


def _logo(value, base: Path, where: str) -> Path | None:
    if value is None:
        return None
    path = _file(value, base, where, "style.logo")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
            kind = image.format
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        raise UsageError(f"{where}: style.logo {path} is not a readable image ({exc}); use a PNG or JPEG") from None
    if kind not in LOGO_FORMATS:
        raise UsageError(f"{where}: style.logo {path} is {kind}; use a PNG or JPEG")
    return path


def _color(value, where: str, key: str) -> str:
    if not isinstance(value, str) or not COLOR_PATTERN.fullmatch(value.strip()):
        raise UsageError(f"{where}: {key} = {value!r} is not a colour; write it as \"#RRGGBB\", e.g. \"#1F3864\"")
    return value.strip().upper()


def _font(key: str, value, base: Path, where: str) -> str | Path:
    name = f"style.fonts.{key}"
    if key in FONT_NAME_KEYS:
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{where}: {name} must be a font name in quotes, e.g. \"Georgia\"")
        return " ".join(value.split())
    if key in ("pdf_body", "pdf_heading") and isinstance(value, str) and value.strip() in BUILTIN_PDF_FONTS:
        return value.strip()
    path = _file(value, base, where, name)
    try:
        from reportlab.pdfbase.ttfonts import TTFontFile

        TTFontFile(str(path))
    except Exception as exc:  # reportlab raises TTFError and struct errors for a bad file
        builtins = ", ".join(BUILTIN_PDF_FONTS)
        raise UsageError(f"{where}: {name} {path} is not a usable TrueType font ({exc}); "
                         f"give a .ttf file or one of: {builtins}") from None
    return path


def _page_size(value, where: str) -> str | None:
    if value is None:
        return None
    sizes = {name.lower(): name for name in PAGE_SIZES}
    if not isinstance(value, str) or value.strip().lower() not in sizes:
        raise UsageError(f"{where}: style.page_size = {value!r} is not known; choose one of: {', '.join(PAGE_SIZES)}")
    return sizes[value.strip().lower()]


def _reference(value, base: Path, where: str) -> Path | None:
    if value is None:
        return None
    path = _file(value, base, where, "style.reference_docx")
    import zipfile

    if path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
        raise UsageError(f"{where}: style.reference_docx {path} is not a Word .docx file; "
                         "copy the built-in one with 'briefing templates copy reference.docx DEST'")
    return path


REFERENCE_NAME = "reference.docx"


def copy_reference(dest: Path, *, force: bool = False) -> Path:
    """Copy the built-in Word reference document to ``dest`` (a folder or a file) to edit in Word."""
    import shutil

    from .render.docx import reference_docx
    from .templates import copy_target

    target = copy_target(dest, REFERENCE_NAME, ".docx", force=force)
    shutil.copyfile(reference_docx(), target)
    return target
