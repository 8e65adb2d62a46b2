"""Real, tiny media for tests: videos made with PyAV, a PDF, a DOCX, images, a fake program.

Keep them small (160×120, a few frames a second): a 2-second video takes a
few hundredths of a second to make.
"""

from __future__ import annotations

import math
import struct
import zipfile
import zlib
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.video.stream import VideoStream
from PIL import Image, ImageDraw

_CONTAINERS = {"mp4": "mp4", "mov": "mov", "webm": "webm", "m4v": "ipod"}
_VIDEO_CODECS = {"h264": "libx264", "mpeg4": "mpeg4", "vp9": "libvpx-vp9"}
_AUDIO_RATE = 48_000
# One period of a 480 Hz tone at 48 kHz is exactly 100 samples.
_TONE = b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * i / 100))) for i in range(100))


def make_video(
    path: Path,
    *,
    seconds: float = 2.0,
    size: tuple[int, int] = (320, 240),
    container: str = "mp4",
    codec: str = "h264",
    audio: bool = True,
    fps: int = 10,
    rotation: int = 0,
    live: bool = False,
) -> Path:
    """A moving square on a changing background, with a tone when ``audio``.

    ``container``: mp4, mov, webm or m4v; ``codec``: h264, mpeg4 or vp9.
    Sound is AAC, except Opus in WebM. ``rotation`` sets the display rotation
    flag as phones do for portrait video. ``live`` (WebM only) leaves the
    duration out of the header, as browsers' MediaRecorder does.
    """
    width, height = size
    options = {"live": "1"} if live else {}
    with av.open(str(path), "w", format=_CONTAINERS[container], options=options) as out:
        video = out.add_stream(_VIDEO_CODECS[codec], rate=fps)
        assert isinstance(video, VideoStream)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        if rotation:
            video.set_display_rotation(rotation)
        sound = out.add_stream("libopus" if container == "webm" else "aac", rate=_AUDIO_RATE) if audio else None
        assert sound is None or isinstance(sound, AudioStream)
        if sound is not None:
            sound.layout = "mono"
        for index in range(max(1, round(seconds * fps))):
            image = Image.new("RGB", size, ((index * 9) % 256, 60, 120))
            x = (index * 6) % max(1, width - height // 4)
            ImageDraw.Draw(image).rectangle([x, height // 8, x + height // 4, height // 8 + height // 4], fill="yellow")
            frame = av.VideoFrame.from_image(image)
            frame.pts = index
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if sound is not None:
            step = sound.codec_context.frame_size or 960
            total = round(seconds * _AUDIO_RATE)
            tone = _TONE * (step // 100 + 2)
            for start in range(0, total, step):
                count = min(step, total - start)
                chunk = av.AudioFrame(format="s16", layout="mono", samples=count)
                offset = (start % 100) * 2
                chunk.planes[0].update(tone[offset : offset + count * 2])
                chunk.sample_rate, chunk.pts = _AUDIO_RATE, start
                out.mux(sound.encode(chunk))
            out.mux(sound.encode(None))
    return path


def make_pdf(path: Path, text: str = "Lesson plan") -> Path:
    """A minimal valid one-page PDF, with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(body))
    return path


def make_png(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    image = Image.new("RGB", size, (30, 120, 200))
    ImageDraw.Draw(image).ellipse([4, 4, size[0] - 4, size[1] - 4], fill="white")
    image.save(path, "PNG")
    return path


def make_jpeg(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, (200, 120, 30)).save(path, "JPEG", quality=80)
    return path


_CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>"
)


def make_docx(path: Path, text: str = "Reflection on the lesson", *, macros: bool = False) -> Path:
    """A minimal valid Word document (the three parts Word needs); with a macro part when ``macros``."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES_XML)
        archive.writestr("_rels/.rels", _RELS_XML)
        archive.writestr("word/document.xml", document)
        if macros:
            archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0fake macros")
    return path


def make_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/one.txt", "not evidence")
    return path


def make_executable(path: Path) -> Path:
    """The start of a Windows program: a DOS header whose e_lfanew points at "PE\\0\\0"."""
    header = bytearray(b"MZ" + b"\x90\x00" + b"\x00" * 56)
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    body = bytes(header) + b"\x00" * (0x80 - len(header)) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 400
    path.write_bytes(body)
    return path


def make_image_bomb(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (ten gigapixels by default)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    )
    return path
