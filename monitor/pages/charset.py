"""Turn page bytes into text: BOM, HTTP charset, <meta>, then a check that the claim holds.

`decode` never raises; a declaration that does not fit the bytes falls back to detection.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# GB2312 and GBK pages routinely use characters outside their declared set; GB18030 is a superset.
_GB_LABELS = frozenset([
    "gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb18030",
    "euc-cn", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58",
])  # fmt: skip
_ALIASES = {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "utf-16": "utf-8",  # a <meta> read from bytes cannot be UTF-16 (WHATWG)
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",  # browsers read Latin-1 labels as windows-1252
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_SINGLE_BYTE = frozenset({"cp1252", "iso8859-15", "cp1251", "koi8-r", "iso8859-2"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", re.IGNORECASE)
_ASCII = bytes(range(128))
# Browsers look for <meta charset> in the first 1 KB; real pages overrun that.
_HEAD_BYTES = 16_384
_DETECT_BYTES = 200_000  # detection on more than this costs time and gains nothing


def normalise(label: str | None) -> str | None:
    """The Python codec for a charset label, GB labels widened to gb18030; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _GB_LABELS:
        return "gb18030"
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared(content: bytes, content_type: str | None = None) -> str | None:
    """The charset the HTTP header or else the markup claims, normalised; None if neither does."""
    if content_type:
        match = _HTTP_CHARSET.search(content_type)
        if match and (name := normalise(match.group(1))):
            return name
    head = content[:_HEAD_BYTES]
    in_markup = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if in_markup:
        return normalise(in_markup.group(1).decode("ascii", "replace"))
    return None


def decode(content: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text; a charset that the bytes contradict is overruled."""
    if not content:
        return ""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, "replace")
    # Valid UTF-8 is self-evident: GBK or Big5 text almost never forms valid UTF-8 sequences.
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_not_utf8(content, content_type)


def for_parser(content: bytes, content_type: str | None = None) -> str | bytes:
    """What to hand lexbor: the bytes themselves when they are UTF-8 (it reads those natively,
    which spares a decode and an encode), else the text `decode` makes of them."""
    if content.startswith(_BOM_STARTS):
        return decode(content, content_type)
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:  # not decode(): its second try would copy content into an error
        return _decode_not_utf8(content, content_type)
    return content


def _decode_not_utf8(content: bytes, content_type: str | None) -> str:
    """decode's answer for bytes without a BOM that are not UTF-8."""
    claim = declared(content, content_type)
    if claim and claim != "utf-8" and claim not in _SINGLE_BYTE:
        try:
            return content.decode(claim)
        except UnicodeDecodeError:
            pass
    high = len(content.translate(None, _ASCII))  # non-ASCII bytes: counted only when needed
    text = content.decode("utf-8", "replace")
    if _clean(text, high):
        return text
    if claim in _SINGLE_BYTE:
        return _detect(content) or content.decode(claim, "replace")
    candidates: tuple[str | None, ...] = (claim, "gb18030")
    for candidate in candidates:
        if candidate and candidate != "utf-8":
            guess = content.decode(candidate, "replace")
            if _clean(guess, high):
                return guess
    return _detect(content) or text


def _clean(text: str, high: int) -> bool:
    """Few enough replacement characters for a stray bad byte, not a wrong charset."""
    return text.count("\ufffd") <= 1 + high // 400


def _detect(content: bytes) -> str | None:
    best = charset_normalizer.from_bytes(content[:_DETECT_BYTES]).best()
    if best is None or not best.encoding:
        return None
    encoding = normalise(best.encoding) or best.encoding
    try:
        return content.decode(encoding, "replace")
    except LookupError:
        return None
