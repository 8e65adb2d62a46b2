"""What a file is, from its first bytes: programs, the MP4 family by brand, WebM, PDF, Word documents, images.

The name and the browser's MIME type are never trusted. Videos are handed to
:func:`evident.earning.media.video.probe_video`; the rest is checked here.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import filetype
from PIL import Image, UnidentifiedImageError

from evident.earning.media.messages import not_what_it_claims, quoted
from evident.earning.media.types import CONTENT_TYPES, MediaInfo, MediaRefused
from evident.earning.media.video import probe_video

# Pillow's own bomb check fires at about 89 megapixels; phones take 50.
IMAGE_MAX_PIXELS = 80_000_000

# ISO base media (MP4 family) brands, from the ``ftyp`` box.
_QUICKTIME_BRANDS = {"qt  "}
_M4V_BRANDS = {"M4V ", "M4VH", "M4VP"}
_NOT_VIDEO_BRANDS = {
    "heic": "an iPhone photo in HEIC format",
    "heix": "an iPhone photo in HEIC format",
    "mif1": "a HEIF photo",
    "avif": "an AVIF image",
    "M4A ": "a sound recording (M4A) without any picture",
    "M4B ": "an audiobook (M4B)",
    "crx ": "a camera RAW photo",
}


def inspect_file(path: Path, *, filename: str) -> MediaInfo:
    """Decide what the file at ``path`` is from its bytes. ``filename`` is only used in messages.

    Raises MediaRefused for anything that is not a video (MP4, MOV, WebM,
    M4V), a PDF, a Word document (DOCX), or a JPEG or PNG image, and for
    such files that are damaged.
    """
    with path.open("rb") as handle:
        head = handle.read(8192)
    if not head:
        raise MediaRefused(
            f"{quoted(filename)} is empty. The upload may have been interrupted: choose the file again.", "empty"
        )
    looks_like = _dangerous(head)
    if looks_like:
        raise not_what_it_claims(filename, looks_like, "executable")
    brand = _iso_brand(head)
    if brand is not None:
        if brand in _NOT_VIDEO_BRANDS:
            raise not_what_it_claims(filename, _NOT_VIDEO_BRANDS[brand], "unsupported_type")
        extension = "mov" if brand in _QUICKTIME_BRANDS else "m4v" if brand in _M4V_BRANDS else "mp4"
        return probe_video(path, filename=filename, extension=extension)
    guess = filetype.guess(head)
    found = guess.extension if guess is not None else None
    if found == "webm":
        return probe_video(path, filename=filename, extension="webm")
    if found == "pdf":
        return _check_pdf(path, filename=filename)
    if found in {"jpg", "png", "apng"}:
        return _check_image(path, filename=filename)
    if head[:4] == b"PK\x03\x04":
        return _check_zip(path, filename=filename)
    raise not_what_it_claims(filename, _describe_other(found, head), "unsupported_type")


def _dangerous(head: bytes) -> str:
    """A description when ``head`` starts a program or script, else ""."""
    if head[:2] == b"MZ":
        return "a Windows program"
    if head[:4] == b"\x7fELF":
        return "a Linux program"
    if head[:4] in {b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe"}:
        return "a Mac program"
    if head[:4] == b"\xca\xfe\xba\xbe":
        return "a Mac or Java program"
    if head[:2] == b"#!":
        return "a script (a small program)"
    if head[:4] == b"\x4c\x00\x00\x00" and head[4:8] == b"\x01\x14\x02\x00":
        return "a Windows shortcut, not the file itself"
    return ""


def _iso_brand(head: bytes) -> str | None:
    """The major brand of an ISO base media file (MP4, MOV, HEIC…), or None."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    return head[8:12].decode("latin-1")


_OTHER_KINDS = {
    "zip": "a compressed archive (ZIP)",
    "rar": "a compressed archive (RAR)",
    "7z": "a compressed archive (7z)",
    "gz": "a compressed archive (gzip)",
    "tar": "an archive (tar)",
    "doc": "an older Word document (.doc)",
    "xls": "an Excel spreadsheet",
    "ppt": "a PowerPoint presentation",
    "heic": "an iPhone photo in HEIC format",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "tif": "a TIFF image",
    "bmp": "a BMP image",
    "psd": "a Photoshop file",
    "mkv": "a Matroska (MKV) video",
    "avi": "an AVI video",
    "wmv": "a Windows Media video",
    "flv": "a Flash video",
    "mpg": "an MPEG video",
    "mp3": "a sound recording (MP3) without any picture",
    "m4a": "a sound recording (M4A) without any picture",
    "wav": "a sound recording (WAV) without any picture",
    "ogg": "a sound recording (Ogg) without any picture",
    "flac": "a sound recording (FLAC) without any picture",
    "sqlite": "a database file",
    "rtf": "a Rich Text document",
}


def _describe_other(found: str | None, head: bytes) -> str:
    if found in _OTHER_KINDS:
        return _OTHER_KINDS[found]
    if found is not None:
        return f"a file of a kind we don't take ({found.upper()})"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "an older Office file or a password-protected document"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return "a plain text file"
    return "a file we could not recognise"


def _check_pdf(path: Path, *, filename: str) -> MediaInfo:
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - 4096))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise MediaRefused(
            f"{quoted(filename)} is a PDF that seems cut off: the end of the file is missing. "
            "Save or download it again and upload the new copy.",
            "damaged_document",
        )
    return MediaInfo(kind="document", content_type=CONTENT_TYPES["pdf"], extension="pdf")


def _check_zip(path: Path, *, filename: str) -> MediaInfo:
    """A DOCX is a ZIP holding ``word/document.xml``; any other ZIP is an archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        raise MediaRefused(
            f"{quoted(filename)} seems damaged: it could not be opened. Save it again and upload the new copy.",
            "damaged_document",
        ) from None
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        if "word/vbaProject.bin" in names:
            raise MediaRefused(
                f"{quoted(filename)} is a Word document with macros, which we can't accept. "
                "Save it as a plain Word document (.docx) or as a PDF and upload that file.",
                "macro_document",
            )
        return MediaInfo(kind="document", content_type=CONTENT_TYPES["docx"], extension="docx")
    if any(n.startswith("xl/") for n in names):
        looks_like = "an Excel spreadsheet"
    elif any(n.startswith("ppt/") for n in names):
        looks_like = "a PowerPoint presentation"
    elif "mimetype" in names:
        looks_like = "an OpenDocument file"
    else:
        looks_like = "a compressed archive (ZIP)"
    raise not_what_it_claims(filename, looks_like, "archive" if looks_like.endswith("(ZIP)") else "unsupported_type")


def _check_image(path: Path, *, filename: str) -> MediaInfo:
    damaged = MediaRefused(
        f"{quoted(filename)} looks like an image but could not be opened: it may be damaged. "
        "Save it again as a JPEG or PNG image and upload that file.",
        "damaged_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image_format = image.format
                width, height = image.size
                if width * height > IMAGE_MAX_PIXELS:
                    raise _too_many_pixels(filename, width, height)
                image.verify()
            # verify() leaves the image unusable: reopen for the orientation.
            with Image.open(path) as image:
                orientation = image.getexif().get(0x0112, 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(filename, 0, 0) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise damaged from None
    extension = {"JPEG": "jpg", "PNG": "png"}.get(image_format or "")
    if extension is None:
        raise damaged
    if orientation in {5, 6, 7, 8}:  # EXIF says the camera was turned: shown rotated.
        width, height = height, width
    return MediaInfo(
        kind="image", content_type=CONTENT_TYPES[extension], extension=extension, width=width, height=height
    )


def _too_many_pixels(filename: str, width: int, height: int) -> MediaRefused:
    size = f" ({width:,} × {height:,} pixels)" if width else ""
    return MediaRefused(
        f"{quoted(filename)} is too large an image{size}: we take up to {IMAGE_MAX_PIXELS // 1_000_000} megapixels. "
        "Save a smaller copy, for example 4000 pixels wide, and upload that.",
        "image_too_large",
    )
