"""PyAV's part: probing a video (length, size, codecs) and making the web copies.

Web copies are what browsers show: a web video when the original will not
play everywhere, and a JPEG poster (for an image too, from Pillow).
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import av
import av.container
from av.audio.resampler import AudioResampler
from av.audio.stream import AudioStream
from av.packet import Packet
from av.stream import Stream
from av.video.frame import VideoFrame
from av.video.stream import VideoStream
from PIL import Image, ImageOps

from evident.earning.media.messages import not_what_it_claims, quoted
from evident.earning.media.types import CONTENT_TYPES, MediaInfo, MediaRefused, WebCopies

# Web copies: what every browser plays, small enough to stream in a school.
WEB_MAX_SIDE = 1280
WEB_MAX_FPS = 30
POSTER_QUALITY = 85
_WEB_AUDIO_RATES = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000}


# Probing --------------------------------------------------------------------------------------------------------


def probe_video(path: Path, *, filename: str, extension: str) -> MediaInfo:
    damaged = MediaRefused(
        f"{quoted(filename)} looks like a video but could not be played: it may be damaged or incomplete. "
        "Export the recording again from your camera or phone app and upload that file.",
        "damaged_video",
    )
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, UnicodeDecodeError, ValueError):
        raise damaged from None
    with container:
        if not container.streams.video:
            raise not_what_it_claims(filename, "a sound recording without any picture", "no_picture")
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
