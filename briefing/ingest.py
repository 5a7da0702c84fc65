"""Reading an article: from a file, standard input or bytes to a :class:`~briefing.model.Source`.

Ingest refuses what is not an article's text (empty, binary, too large,
undecodable), decodes what is, reduces HTML pages to the article with
trafilatura, and finds page debris and stated metadata
(:mod:`briefing.ingest_layout`). Every refusal is an
:class:`~briefing.errors.InputError` whose message is one line naming the input,
what is wrong and what to do.

For a plain-text input ``source.text`` is exactly the decoded file (a BOM
dropped), so offsets index the file: line endings and whitespace are kept.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Optional

from .errors import InputError
from .ingest_layout import read_layout
from .ingest_meta import parse_date
from .model import Source

DEFAULT_MAX_BYTES = 5_000_000
STDIN = "-"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_HTML_WORDS = 10  # fewer words extracted from a page means no article was found

# Byte-order marks, longest first so UTF-32's is not taken for UTF-16's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's mess ratio: above GARBLED a decoding is nonsense, below CLEAN it reads.
GARBLED, CLEAN, GARBLE_SAMPLE = 0.25, 0.1, 20000
# Single-byte encodings preferred when charset-normalizer finds several equally likely:
# articles in this tool are mostly English and Western European text.
PREFERRED_ENCODINGS = ("cp1252", "latin_1")

# (signature, offset, what the file is, what to do): magic bytes of files people mistake for articles.
MAGIC_SIGNATURES = (
    (b"%PDF-", 0, "a PDF document", "copy the article's text into a .txt file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office file (Word .doc)",
     "save it as plain text (.txt) and read that"),
    (b"{\\rtf", 0, "an RTF document", "save it as plain text (.txt) and read that"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", "give the article's text, not a picture of it"),
    (b"\xff\xd8\xff", 0, "a JPEG image", "give the article's text, not a picture of it"),
    (b"GIF87a", 0, "a GIF image", "give the article's text, not a picture of it"),
    (b"GIF89a", 0, "a GIF image", "give the article's text, not a picture of it"),
    (b"II*\x00", 0, "a TIFF image", "give the article's text, not a picture of it"),
    (b"MM\x00*", 0, "a TIFF image", "give the article's text, not a picture of it"),
    (b"\x7fELF", 0, "an executable program (ELF)", "give the article's text file"),
    (b"\xcf\xfa\xed\xfe", 0, "an executable program (Mach-O)", "give the article's text file"),
    (b"\xfe\xed\xfa\xce", 0, "an executable program (Mach-O)", "give the article's text file"),
    (b"\x1f\x8b", 0, "a gzip archive", "decompress it and give the article inside"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", "extract it and give the article inside"),
    (b"Rar!\x1a\x07", 0, "a RAR archive", "extract it and give the article inside"),
    (b"SQLite format 3\x00", 0, "an SQLite database", "give the article's text file"),
    (b"ftyp", 4, "a video or audio file (MP4)", "give the article's text file"),
    (b"ID3", 0, "an MP3 audio file", "give the article's text file"),
)
# What a zip file is, by the folder its first entries sit in.
ZIP_KINDS = (
    (b"word/", "a Word document (.docx)", "save it as plain text (.txt) and read that"),
    (b"xl/", "an Excel workbook (.xlsx)", "copy the article's text into a .txt file"),
    (b"ppt/", "a PowerPoint file (.pptx)", "copy the article's text into a .txt file"),
    (b"application/epub", "an EPUB e-book", "copy the article's text into a .txt file"),
    (b"content.xml", "an OpenDocument file", "save it as plain text (.txt) and read that"),
)
_HTML_START_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL
)
_SPACES = {" ", "\n", "\r", "\t"}


def read_article(path: str | os.PathLike, *, encoding: Optional[str] = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The article in the file at ``path``; ``"-"`` reads bytes from standard input."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        return source_from_bytes(data, path=None, encoding=encoding, max_bytes=max_bytes)
    name = str(path)
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{name} is a folder, not a file: give the path of the article file inside it")
    if not p.exists():
        raise InputError(f"{name} does not exist: check the path and the current folder")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(_too_large(name, size, max_bytes))
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"cannot read {name}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}; check the file") from None
    return source_from_bytes(data, path=name, encoding=encoding, max_bytes=max_bytes)


def source_from_bytes(data: bytes, *, path: Optional[str] = None, encoding: Optional[str] = None,
                      max_bytes: int = DEFAULT_MAX_BYTES, html: Optional[bool] = None) -> Source:
    """The article in ``data``: refused, decoded, reduced from HTML, and laid out.

    ``html=None`` treats ``data`` as HTML when ``path`` ends in ``.html``/``.htm`` or
    the bytes plainly start an HTML document.
    """
    name = path or "standard input"
    if len(data) > max_bytes:
        raise InputError(_too_large(name, len(data), max_bytes))
    _refuse_binary(data, name)
    text, used = decode(data, name, encoding)
    if not text.strip():
        raise InputError(f"{name} is empty (or only whitespace): give a file with the article's text")
    sha = hashlib.sha256(data).hexdigest()
    if html is None:
        html = is_html(data, path)
    if html:
        return _source_from_html(text, name=name, path=path, sha256=sha, encoding=used)
    return _source(text, path=path, sha256=sha, encoding=used)


def source_from_text(text: str, *, path: Optional[str] = None) -> Source:
    """The article in ``text`` (already decoded); its sha256 is that of the UTF-8 bytes."""
    if not text.strip():
        raise InputError(f"{path or 'the text'} is empty (or only whitespace): give the article's text")
    return _source(text, path=path, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                   encoding=None)


def analysis_text(source: Source, *, keep: Iterable[str] = ()) -> str:
    """``source.text`` with what the analysis must not read blanked out, offsets unchanged.

    Every debris span becomes spaces (its newlines kept), and so does every
    control, format or invisible character: control codes, zero-width spaces and
    joiners, bidi overrides and isolates, soft hyphens and stray BOMs. Those stay
    in ``source.text`` (deleting them would move every later offset) but would
    otherwise split or glue tokens unpredictably. Other Unicode spaces (no-break,
    thin) become plain spaces. The result has the same length as ``source.text``.

    ``keep`` names debris kinds to leave readable, e.g. ``("headline",)`` for an
    analysis that wants the headline's attributions too.
    """
    chars = [_analysable(c) for c in source.text]
    kept = set(keep)
    for d in source.debris:
        if d.kind in kept:
            continue
        for i in range(d.start, min(d.end, len(chars))):
            if chars[i] not in ("\n", "\r"):
                chars[i] = " "
    return "".join(chars)


def _analysable(c: str) -> str:
    if c in _SPACES or c.isprintable():
        return c
    category = unicodedata.category(c)
    if category in ("Zl", "Zp"):
        return "\n"
    if category in ("Cc", "Cf", "Zs", "Co", "Cs", "Cn"):
        return " "
    return c


def decode(data: bytes, name: str, encoding: Optional[str] = None) -> tuple[str, str]:
    """``data`` as text, and the name of the codec used (see the module docs)."""
    if encoding:
        text, codec = _decode_as(data, name, encoding), _codec_name(encoding, name)
        _refuse_garbled(data, text, name, codec)
        return text, codec
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec), codec
    if b"\x00" in data:
        raise InputError(f"{name} contains NUL bytes, so it is binary, not text: give the article as a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _detect(data)
    if codec is None:
        raise InputError(
            f"cannot tell which text encoding {name} uses (it may not be text): "
            f"save it as UTF-8 or name the encoding with --encoding"
        )
    return _decode_as(data, name, codec), codec


def _refuse_garbled(data: bytes, text: str, name: str, forced: str) -> None:
    """Refuse a forced encoding that turns the bytes into nonsense when another reads them cleanly.

    Most bytes decode without error as utf-16 or latin-1, so a wrong --encoding
    would otherwise give a brief of gibberish. Only a clear case is refused:
    garbled under the forced codec, clean under the detected one.
    """
    from charset_normalizer.md import mess_ratio

    if mess_ratio(text[:GARBLE_SAMPLE], maximum_threshold=1.0) < GARBLED:
        return
    try:
        detected, codec = decode(data, name)
    except InputError:
        return
    if codec != forced and mess_ratio(detected[:GARBLE_SAMPLE], maximum_threshold=1.0) < CLEAN:
        raise InputError(f"{name} decoded as {forced} is garbled text but reads cleanly as {codec}: "
                         f"drop --encoding or give the right one")


def _detect(data: bytes) -> Optional[str]:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    # Equally likely guesses: prefer a Western encoding that decodes the bytes.
    tied = [m for m in results if m.chaos <= best.chaos and m.coherence >= best.coherence]
    for preferred in PREFERRED_ENCODINGS:
        if any(preferred in m.could_be_from_charset for m in tied):
            try:
                data.decode(preferred)
                return preferred
            except UnicodeDecodeError:
                continue
    return best.encoding


def _codec_name(encoding: str, name: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown text encoding {encoding!r} for {name}: name one Python knows, "
            f"such as utf-8, utf-16, cp1252 or latin-1"
        ) from None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    codec = _codec_name(encoding, name)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid {codec} (byte {exc.start}): give the right --encoding or save the file as UTF-8"
        ) from None
    # utf-16/utf-32 with a BOM and a forced utf-8-sig leave no BOM; a forced utf-8 would.
    return text[1:] if text.startswith("\ufeff") else text


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"{name} is larger than {max_bytes:,} bytes ({size:,} or more), too large for an article: "
        f"raise the limit with --max-bytes if it really is one"
    )


def _refuse_binary(data: bytes, name: str) -> None:
    """Refuse files whose magic bytes show they are not text, naming what they are."""
    if data.startswith(b"PK\x03\x04"):
        what, fix = "a zip archive", "extract it and give the article inside"
        head = data[:4000]
        for marker, kind, kind_fix in ZIP_KINDS:
            if marker in head:
                what, fix = kind, kind_fix
                break
        raise InputError(f"{name} is {what}, not text: {fix}")
    for signature, offset, what, fix in MAGIC_SIGNATURES:
        if data[offset:offset + len(signature)] == signature:
            raise InputError(f"{name} is {what}, not text: {fix}")
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        what = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[data[8:12]]
        raise InputError(f"{name} is {what}, not text: give the article's text file")
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        raise InputError(f"{name} is an executable program (Windows), not text: give the article's text file")


def is_html(data: bytes, path: Optional[str] = None) -> bool:
    """Whether to read ``data`` as an HTML page: by the file's suffix, or by how it starts."""
    if path and path.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:2048]
    for bom, codec in BOMS:
        if head.startswith(bom):
            head = head[len(bom):].decode(codec.replace("-sig", ""), "ignore").encode("utf-8")
            break
    return bool(_HTML_START_RE.match(head))


def _source(text: str, *, path: Optional[str], sha256: str, encoding: Optional[str]) -> Source:
    layout = read_layout(text)
    return Source(
        text=text, title=layout.title, publisher=layout.publisher, published=layout.published,
        author=layout.author, path=path, sha256=sha256, encoding=encoding, debris=layout.debris,
    )


def _source_from_html(page: str, *, name: str, path: Optional[str], sha256: str, encoding: str) -> Source:
    """The article inside an HTML page, with the page's metadata filling what the text does not say."""
    import trafilatura  # heavy: imported only for HTML input

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    # On a page with no article trafilatura falls back to stray words such as "Home".
    if len(body.split()) < MIN_HTML_WORDS:
        raise InputError(
            f"no article text found in the HTML page {name}: save the article's text as a .txt file and read that"
        )
    # One blank line between paragraphs, as in pasted text, so paragraphs read as such.
    text = "\n\n".join(p.strip() for p in body.split("\n") if p.strip())
    layout = read_layout(text)
    return Source(
        text=text,
        title=_meta(doc, "title") or layout.title,
        publisher=_meta(doc, "sitename") or layout.publisher,
        published=parse_date(_meta(doc, "date") or "") or layout.published,
        author=_meta(doc, "author") or layout.author,
        url=_meta(doc, "url"),
        path=path,
        sha256=sha256,
        encoding=encoding,
        debris=layout.debris,
    )


def _meta(doc, key: str) -> Optional[str]:
    value = getattr(doc, key, None)
    return value.strip() if isinstance(value, str) and value.strip() else None
