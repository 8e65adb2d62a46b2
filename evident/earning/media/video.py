"""What an evidence file is, decided from its content, and its web copies.

The name and the browser's MIME type are never trusted: a file is sniffed
(``filetype`` plus our own checks), then opened by the library that would
play or show it. PyAV probes videos (length, size, codecs) and makes the web
copy and poster; Pillow checks images. Refusals carry a message for the
educator that says what to do next.

Everything here works on local paths and knows nothing of the database:
services call :func:`inspect_file` and :func:`check_for_requirement` on a
finished upload, the processing task calls :func:`make_web_copies`.
"""

from __future__ import annotations

import math
import warnings
import zipfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.container
import filetype
from av.audio.resampler import AudioResampler
from av.audio.stream import AudioStream
from av.packet import Packet
from av.stream import Stream
from av.video.frame import VideoFrame
from av.video.stream import VideoStream
from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

from evident.catalog.models import Requirement

CONTENT_TYPES = {
    "mp4": "video/mp4",
    "m4v": "video/mp4",  # an MP4 with Apple's brand: browsers play it as MP4
    "mov": "video/quicktime",
    "webm": "video/webm",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "jpg": "image/jpeg",
    "png": "image/png",
}
KINDS = {"mp4": "video", "m4v": "video", "mov": "video", "webm": "video", "pdf": "document", "docx": "document"}
KINDS |= {"jpg": "image", "png": "image"}
DEFAULT_FILE_TYPES: dict[str, list[str]] = {
    Requirement.EvidenceKind.VIDEO: ["mp4", "mov", "webm", "m4v"],
    Requirement.EvidenceKind.DOCUMENT: ["pdf", "docx"],
    Requirement.EvidenceKind.IMAGE: ["jpg", "png"],
}
DESCRIPTIONS = {
    "mp4": "an MP4 video",
    "m4v": "an M4V video",
    "mov": "a QuickTime (MOV) video",
    "webm": "a WebM video",
    "pdf": "a PDF document",
    "docx": "a Word document",
    "jpg": "a JPEG image",
    "png": "a PNG image",
}

# Web copies: what every browser plays, small enough to stream in a school.
WEB_MAX_SIDE = 1280
WEB_MAX_FPS = 30
POSTER_QUALITY = 85
# Pillow's own bomb check fires at about 89 megapixels; phones take 50.
IMAGE_MAX_PIXELS = 80_000_000
# Containers round; a "10:00" recording is often 10:00.4.
DURATION_GRACE_SECONDS = 1.0

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
_WEB_AUDIO_RATES = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000}


@dataclass(frozen=True)
class MediaInfo:
    """What a file turned out to be. Sizes are as displayed (rotation applied)."""

    kind: str
    content_type: str
    extension: str
    duration_seconds: float | None = None
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    # The original will not play everywhere: not H.264 (8-bit 4:2:0) with
    # AAC or no sound in an MP4 container.
    needs_transcode: bool = False


@dataclass(frozen=True)
class WebCopies:
    video: Path | None
    poster: Path


class MediaRefused(Exception):
    """A file we cannot take; ``message`` says why in plain words and what to do."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# Inspection -----------------------------------------------------------------------------------------------------


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
            f"{_quoted(filename)} is empty. The upload may have been interrupted: choose the file again.", "empty"
        )
    looks_like = _dangerous(head)
    if looks_like:
        raise _not_what_it_claims(filename, looks_like, "executable")
    brand = _iso_brand(head)
    if brand is not None:
        if brand in _NOT_VIDEO_BRANDS:
            raise _not_what_it_claims(filename, _NOT_VIDEO_BRANDS[brand], "unsupported_type")
        extension = "mov" if brand in _QUICKTIME_BRANDS else "m4v" if brand in _M4V_BRANDS else "mp4"
        return _probe_video(path, filename=filename, extension=extension)
    guess = filetype.guess(head)
    found = guess.extension if guess is not None else None
    if found == "webm":
        return _probe_video(path, filename=filename, extension="webm")
    if found == "pdf":
        return _check_pdf(path, filename=filename)
    if found in {"jpg", "png", "apng"}:
        return _check_image(path, filename=filename)
    if head[:4] == b"PK\x03\x04":
        return _check_zip(path, filename=filename)
    raise _not_what_it_claims(filename, _describe_other(found, head), "unsupported_type")


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


def _probe_video(path: Path, *, filename: str, extension: str) -> MediaInfo:
    damaged = MediaRefused(
        f"{_quoted(filename)} looks like a video but could not be played: it may be damaged or incomplete. "
        "Export the recording again from your camera or phone app and upload that file.",
        "damaged_video",
    )
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, UnicodeDecodeError, ValueError):
        raise damaged from None
    with container:
        if not container.streams.video:
            raise _not_what_it_claims(filename, "a sound recording without any picture", "no_picture")
        stream = container.streams.video[0]
        try:
            frame = next(container.decode(stream), None)
        except (av.FFmpegError, ValueError):
            raise damaged from None
        if frame is None or not frame.width or not frame.height:
            raise damaged
        duration = _duration(container, stream)
        audio = container.streams.audio[0] if container.streams.audio else None
        video_codec = stream.codec_context.name
        audio_codec = audio.codec_context.name if audio is not None else None
        width, height = _display_size(frame, stream)
        web_ready = extension in {"mp4", "m4v"} and _video_is_web_ready(stream) and audio_codec in {None, "aac"}
    return MediaInfo(
        kind="video",
        content_type=CONTENT_TYPES[extension],
        extension=extension,
        duration_seconds=duration,
        width=width,
        height=height,
        video_codec=video_codec,
        audio_codec=audio_codec,
        needs_transcode=not web_ready,
    )


def _video_is_web_ready(stream: VideoStream) -> bool:
    # 10-bit or 4:2:2 H.264 is valid but most browsers will not play it.
    return stream.codec_context.name == "h264" and stream.codec_context.pix_fmt in {"yuv420p", "yuvj420p"}


def _duration(container: av.container.InputContainer, stream: VideoStream) -> float | None:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    # Browser recordings (MediaRecorder WebM) carry no duration: read the
    # packets (no decoding) for the last timestamp.
    last = 0.0
    container.seek(0)
    for packet in container.demux(stream):
        if packet.pts is not None and packet.time_base:
            end = (packet.pts + (packet.duration or 0)) * packet.time_base
            last = max(last, float(end))
    return last or None


def _display_size(frame: VideoFrame, stream: VideoStream) -> tuple[int, int]:
    width, height = frame.width, frame.height
    aspect = stream.sample_aspect_ratio
    if aspect and aspect != 1:
        width = round(width * aspect)
    if abs(frame.rotation) in {90, 270}:
        return height, width
    return width, height


def _check_pdf(path: Path, *, filename: str) -> MediaInfo:
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - 4096))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise MediaRefused(
            f"{_quoted(filename)} is a PDF that seems cut off: the end of the file is missing. "
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
            f"{_quoted(filename)} seems damaged: it could not be opened. Save it again and upload the new copy.",
            "damaged_document",
        ) from None
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        if "word/vbaProject.bin" in names:
            raise MediaRefused(
                f"{_quoted(filename)} is a Word document with macros, which we can't accept. "
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
    raise _not_what_it_claims(filename, looks_like, "archive" if looks_like.endswith("(ZIP)") else "unsupported_type")


def _check_image(path: Path, *, filename: str) -> MediaInfo:
    damaged = MediaRefused(
        f"{_quoted(filename)} looks like an image but could not be opened: it may be damaged. "
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
        f"{_quoted(filename)} is too large an image{size}: we take up to {IMAGE_MAX_PIXELS // 1_000_000} megapixels. "
        "Save a smaller copy, for example 4000 pixels wide, and upload that.",
        "image_too_large",
    )


# Messages -------------------------------------------------------------------------------------------------------

_CLAIMED = dict.fromkeys(("mp4", "mov", "webm", "m4v", "mkv", "avi", "3gp", "wmv"), "video")
_CLAIMED |= dict.fromkeys(("pdf", "docx", "doc"), "document")
_CLAIMED |= dict.fromkeys(("jpg", "jpeg", "png", "heic", "gif"), "image")
_NOUNS = {"video": "a video", "document": "a document", "image": "an image"}
_ADVICE = {
    "video": "Export the recording again from your camera or phone app and upload that file.",
    "document": "Save it again as a PDF or Word (.docx) document and upload that file.",
    "image": "Save it again as a JPEG or PNG image and upload that file.",
}


def _quoted(filename: str) -> str:
    name = Path(filename).name or "This file"
    if len(name) > 80:
        name = name[:77] + "…"
    return f"“{name}”"


def _not_what_it_claims(filename: str, looks_like: str, code: str) -> MediaRefused:
    """A refusal worded after what the name promised (the name decides nothing else)."""
    claimed = _CLAIMED.get(Path(filename).suffix.lower().lstrip("."))
    if claimed is not None:
        return MediaRefused(
            f"{_quoted(filename)} is not {_NOUNS[claimed]}: it looks like {looks_like}. {_ADVICE[claimed]}", code
        )
    return MediaRefused(
        f"{_quoted(filename)} looks like {looks_like}, which we can't take as evidence. "
        "Upload a video (MP4, MOV, WebM), a PDF or Word document, or a JPEG or PNG image.",
        code,
    )


def _megabytes(size: int) -> str:
    value = size / 1024 / 1024
    if value >= 1024:
        return f"{value / 1024:,.1f} GB".replace(".0 GB", " GB")
    return f"{value:,.0f} MB" if value >= 10 else f"{value:,.1f} MB"


def _minutes(seconds: float) -> str:
    whole = math.ceil(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


# Checking against a requirement ---------------------------------------------------------------------------------


def accepted_file_types(requirement: Requirement) -> list[str]:
    """The canonical extensions the requirement takes: its own list, else its kind's defaults."""
    listed = []
    for item in requirement.file_types:
        extension = str(item).strip().lower().lstrip(".")
        extension = "jpg" if extension == "jpeg" else extension
        if extension and extension not in listed:
            listed.append(extension)
    return listed or list(DEFAULT_FILE_TYPES.get(requirement.evidence_kind, []))


def check_for_requirement(info: MediaInfo, *, size: int, filename: str, requirement: Requirement) -> None:
    """Raise MediaRefused unless the inspected file fits ``requirement``.

    A video requirement takes only videos. The detected extension must be in
    :func:`accepted_file_types`; ``size`` (bytes) within the requirement's
    ``max_file_mb`` and ``EARNING_MAX_UPLOAD_BYTES``; a video's length within
    ``max_video_minutes`` (with a second's grace for container rounding).
    """
    name = _quoted(filename)
    if requirement.evidence_kind not in DEFAULT_FILE_TYPES:
        raise MediaRefused(
            f"This requirement asks for {requirement.get_evidence_kind_display().lower()}, not a file.", "not_files"
        )
    accepted = accepted_file_types(requirement)
    listed = ", ".join(t.upper() for t in accepted)
    if requirement.evidence_kind == Requirement.EvidenceKind.VIDEO and info.kind != "video":
        raise MediaRefused(
            f"{name} is {DESCRIPTIONS[info.extension]}, but this requirement asks for a video. "
            f"Upload the recording itself ({listed}).",
            "wrong_kind",
        )
    if info.extension not in accepted:
        raise MediaRefused(
            f"{name} is {DESCRIPTIONS[info.extension]}; this requirement takes {listed} files. "
            "Save or export it as one of those and upload it again.",
            "file_type",
        )
    limit = int(settings.EARNING_MAX_UPLOAD_BYTES)
    if requirement.max_file_mb:
        limit = min(limit, requirement.max_file_mb * 1024 * 1024)
    if size > limit:
        advice = (
            "Trim the recording, or export it at a lower resolution (720p is plenty), and upload it again."
            if info.kind == "video"
            else "Save a smaller copy (for example with compressed pictures) and upload it again."
        )
        raise MediaRefused(
            f"{name} is {_megabytes(size)}; this requirement takes files up to {_megabytes(limit)}. {advice}",
            "too_large",
        )
    if info.kind == "video" and requirement.max_video_minutes and info.duration_seconds is not None:
        allowed = requirement.max_video_minutes * 60
        if info.duration_seconds > allowed + DURATION_GRACE_SECONDS:
            unit = "minute" if requirement.max_video_minutes == 1 else "minutes"
            raise MediaRefused(
                f"{name} is {_minutes(info.duration_seconds)} long; this requirement takes videos up to "
                f"{requirement.max_video_minutes} {unit}. Trim it to the part that shows what the requirement "
                "asks for (most phones and computers can trim a video without extra software) and upload it again.",
                "too_long",
            )


# Web copies -----------------------------------------------------------------------------------------------------


def make_web_copies(original: Path, workdir: Path, info: MediaInfo) -> WebCopies:
    """Make what browsers show in ``workdir``: a web video when needed, and a JPEG poster.

    A video that is not already H.264/AAC in MP4 is converted: H.264
    (yuv420p, even sides, longest side at most 1280, at most 30 frames a
    second, keyframes every 2 s) with AAC sound, in an MP4 whose index comes
    first so playback starts before the download ends. Streams that are
    already web-ready (H.264 from a MOV, AAC) are copied, not re-encoded.
    The poster is a frame about 10% in. For an image the poster is a small,
    upright copy. Documents have no web copies (ValueError). The original is
    only read. Raises av.FFmpegError or OSError when the media cannot be read.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    poster = workdir / "poster.jpg"
    if info.kind == "image":
        with Image.open(original) as image:
            _save_poster(ImageOps.exif_transpose(image), poster)
        return WebCopies(video=None, poster=poster)
    if info.kind != "video":
        raise ValueError(f"No web copies for {info.kind} files.")
    web = None
    if info.needs_transcode:
        web = workdir / "web.mp4"
        _transcode(original, web)
    _video_poster(web or original, poster, info.duration_seconds)
    return WebCopies(video=web, poster=poster)


def _even_fit(width: int, height: int, aspect: Fraction | None) -> tuple[int, int]:
    display_width = width * aspect if aspect else Fraction(width)
    scale = min(Fraction(1), Fraction(WEB_MAX_SIDE) / max(display_width, Fraction(height)))
    return max(2, round(display_width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def _transcode(source: Path, target: Path) -> None:
    with (
        av.open(str(source), metadata_errors="ignore") as inp,
        av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as out,
    ):
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        ain = inp.streams.audio[0] if inp.streams.audio else None
        copy_video = _video_is_web_ready(vin)
        copy_audio = ain is not None and ain.codec_context.name == "aac"
        video = _VideoOut(out, vin, copy=copy_video)
        audio = _AudioOut(out, ain, copy=copy_audio) if ain is not None else None
        streams = [s for s in (vin, ain) if s is not None]
        for packet in inp.demux(streams):
            if packet.stream is vin:
                video.feed(packet)
            elif audio is not None:
                audio.feed(packet)
        video.flush()
        if audio is not None:
            audio.flush()


class _VideoOut:
    """The web video stream: copied packets, or decoded, fitted and encoded frames."""

    def __init__(self, out: av.container.OutputContainer, source: VideoStream, *, copy: bool) -> None:
        self.out, self.source, self.copy = out, source, copy
        self.last_slot = -1
        self.last_pts: int | None = None
        self.rotation_set = False
        if copy:
            self.stream = out.add_stream_from_template(source)
            return
        rate = source.average_rate or source.guessed_rate or Fraction(WEB_MAX_FPS)
        rate = min(rate, Fraction(WEB_MAX_FPS))
        self.stream = out.add_stream("libx264", rate=rate, options={"preset": "veryfast", "crf": "23"})
        self.width, self.height = _even_fit(
            source.codec_context.width, source.codec_context.height, source.sample_aspect_ratio
        )
        self.stream.width, self.stream.height = self.width, self.height
        self.stream.pix_fmt = "yuv420p"
        self.stream.gop_size = max(1, round(rate * 2))
        # Keep the source's timestamps: phones record at a variable frame rate.
        if source.time_base:
            self.stream.codec_context.time_base = source.time_base

    def feed(self, packet: Packet[Stream]) -> None:
        if self.copy:
            if packet.dts is not None:
                packet.stream = self.stream
                self.out.mux(packet)
            return
        try:
            frames = self.source.decode(packet)
        except av.InvalidDataError:
            return  # a damaged packet (a recording cut short): skip it, keep the rest
        for frame in frames:
            self._encode(frame)

    def _encode(self, frame: VideoFrame) -> None:
        if frame.pts is None or (self.last_pts is not None and frame.pts <= self.last_pts):
            return
        # At most WEB_MAX_FPS: a frame is kept when it opens a new 1/30 s slot.
        slot = math.floor(frame.time * WEB_MAX_FPS + 0.5) if frame.time is not None else self.last_slot + 1
        if slot <= self.last_slot:
            return
        if not self.rotation_set:
            # Phones store portrait video sideways with a rotation flag; the
            # web copy keeps the flag (browsers honour it) rather than turning pixels.
            if frame.rotation:
                self.stream.set_display_rotation(frame.rotation)
            self.rotation_set = True
        self.last_slot, self.last_pts = slot, frame.pts
        fitted = frame.reformat(self.width, self.height, "yuv420p")
        fitted.pts, fitted.time_base = frame.pts, frame.time_base
        self.out.mux(self.stream.encode(fitted))

    def flush(self) -> None:
        if not self.copy:
            self.out.mux(self.stream.encode(None))


class _AudioOut:
    """The web audio stream: copied AAC, or anything else resampled and encoded to AAC."""

    def __init__(self, out: av.container.OutputContainer, source: AudioStream, *, copy: bool) -> None:
        self.out, self.source, self.copy = out, source, copy
        if copy:
            self.stream: AudioStream = out.add_stream_from_template(source)
            return
        rate = source.codec_context.sample_rate
        rate = rate if rate in _WEB_AUDIO_RATES else 48000
        layout = "mono" if source.codec_context.layout.nb_channels == 1 else "stereo"
        self.stream = out.add_stream("aac", rate=rate)
        self.stream.layout = layout
        self.stream.bit_rate = 128_000
        self.resampler = AudioResampler(format="fltp", layout=layout, rate=rate, frame_size=1024)

    def feed(self, packet: Packet[Stream]) -> None:
        if self.copy:
            if packet.dts is not None:
                packet.stream = self.stream
                self.out.mux(packet)
            return
        try:
            frames = self.source.decode(packet)
        except av.InvalidDataError:
            return  # as for video: lose a moment of sound, not the whole copy
        for frame in frames:
            for chunk in self.resampler.resample(frame):
                self.out.mux(self.stream.encode(chunk))

    def flush(self) -> None:
        if self.copy:
            return
        for chunk in self.resampler.resample(None):
            self.out.mux(self.stream.encode(chunk))
        self.out.mux(self.stream.encode(None))


def _video_poster(video: Path, poster: Path, duration: float | None) -> None:
    """Save the frame about 10% in (the first frame of a very short or unseekable video)."""
    target = (duration or 0) * 0.1
    frame = None
    with av.open(str(video), metadata_errors="ignore") as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        if target > 0.5:
            try:
                container.seek(int(target * av.time_base))
            except av.FFmpegError:
                container.seek(0)
        for decoded in container.decode(stream):
            frame = decoded
            if decoded.time is None or decoded.time >= target:
                break
    if frame is None:
        with av.open(str(video), metadata_errors="ignore") as container:
            frame = next(container.decode(video=0), None)
    if frame is None:
        raise ValueError("The video has no frame to show.")
    image: Image.Image = frame.to_image()  # type: ignore[no-untyped-call]  # PyAV 18 leaves to_image untyped
    if frame.rotation:
        # rotation is counter-clockwise, as Pillow's rotate()
        image = image.rotate(frame.rotation, expand=True)
    _save_poster(image, poster)


def _save_poster(image: Image.Image, poster: Path) -> None:
    copy = image.convert("RGB")
    copy.thumbnail((WEB_MAX_SIDE, WEB_MAX_SIDE))
    copy.save(poster, "JPEG", quality=POSTER_QUALITY, optimize=True)
