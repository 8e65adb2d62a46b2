from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import av
from django.test import SimpleTestCase, override_settings
from PIL import Image

from evident.catalog.models import Requirement
from evident.earning import media
from evident.earning.media import MediaInfo, MediaRefused, check_for_requirement, inspect_file, make_web_copies
from evident.earning.tests import samples

SMALL = (160, 120)


def requirement(kind: str = "video", **fields: object) -> Requirement:
    """An unsaved requirement: the checks read only its fields."""
    values: dict[str, object] = {"evidence_kind": kind, "file_types": [], "passing_score": 2, "title": "Evidence"}
    values.update(fields)
    return Requirement(**values)


class MediaTestCase(SimpleTestCase):
    folder: Path

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.folder = Path(tempfile.mkdtemp(prefix="evident-media-test-"))

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.folder, ignore_errors=True)
        super().tearDownClass()

    def path(self, name: str) -> Path:
        return self.folder / name

    def refused(self, path: Path, filename: str) -> MediaRefused:
        with self.assertRaises(MediaRefused) as caught:
            inspect_file(path, filename=filename)
        return caught.exception


class InspectTests(MediaTestCase):
    def test_it_recognises_each_video_container_from_its_content(self):
        cases = [("mp4", "h264", "video/mp4"), ("mov", "mpeg4", "video/quicktime"), ("webm", "vp9", "video/webm")]
        cases.append(("m4v", "h264", "video/mp4"))
        for container, codec, content_type in cases:
            with self.subTest(container=container):
                path = samples.make_video(self.path(f"any.{container}"), size=SMALL, container=container, codec=codec)
                # The name says nothing true: the content decides.
                info = inspect_file(path, filename="clip.bin")
                assert info.kind == "video"
                assert info.extension == container
                assert info.content_type == content_type
                assert info.video_codec == codec
                assert info.audio_codec == ("opus" if container == "webm" else "aac")
                assert (info.width, info.height) == SMALL
                assert info.duration_seconds is not None
                assert abs(info.duration_seconds - 2.0) < 0.1

    def test_it_says_which_videos_need_a_web_copy(self):
        cases = [
            ("mp4", "h264", False),  # H.264 + AAC in MP4 plays everywhere
            ("m4v", "h264", False),
            ("mov", "h264", True),  # right codecs, wrong container
            ("mov", "mpeg4", True),
            ("webm", "vp9", True),
        ]
        for container, codec, needs in cases:
            with self.subTest(container=container, codec=codec):
                path = samples.make_video(self.path(f"n.{container}"), size=SMALL, container=container, codec=codec)
                assert inspect_file(path, filename="x").needs_transcode is needs

    def test_it_measures_a_browser_recording_that_has_no_duration(self):
        path = samples.make_video(self.path("recorded.webm"), size=SMALL, container="webm", codec="vp9", live=True)
        with av.open(str(path)) as container:
            assert container.duration is None
        info = inspect_file(path, filename="recorded.webm")
        assert info.duration_seconds is not None
        assert abs(info.duration_seconds - 2.0) < 0.1

    def test_it_reads_a_video_without_sound(self):
        path = samples.make_video(self.path("silent.mp4"), size=SMALL, audio=False)
        info = inspect_file(path, filename="silent.mp4")
        assert info.audio_codec is None
        assert info.needs_transcode is False

    def test_it_reports_a_portrait_phone_video_as_portrait(self):
        path = samples.make_video(self.path("portrait.mov"), size=SMALL, container="mov", rotation=-90)
        info = inspect_file(path, filename="portrait.mov")
        assert (info.width, info.height) == (120, 160)

    def test_it_recognises_documents_and_images(self):
        cases: list[tuple[Callable[[Path], Path], str, str, str]] = [
            (samples.make_pdf, "pdf", "document", "application/pdf"),
            (samples.make_docx, "docx", "document", media.CONTENT_TYPES["docx"]),
            (samples.make_png, "png", "image", "image/png"),
            (samples.make_jpeg, "jpg", "image", "image/jpeg"),
        ]
        for make, extension, kind, content_type in cases:
            with self.subTest(extension=extension):
                path = make(self.path(f"sample.{extension}"))
                info = inspect_file(path, filename="renamed.mp4")
                assert (info.kind, info.extension, info.content_type) == (kind, extension, content_type)
        info = inspect_file(samples.make_png(self.path("wide.png"), size=(64, 48)), filename="wide.png")
        assert (info.width, info.height) == (64, 48)

    def test_it_refuses_a_program_renamed_mp4(self):
        refusal = self.refused(samples.make_executable(self.path("lesson.mp4")), "lesson.mp4")
        assert refusal.code == "executable"
        assert refusal.message == (
            "“lesson.mp4” is not a video: it looks like a Windows program. "
            "Export the recording again from your camera or phone app and upload that file."
        )

    def test_it_refuses_other_programs_and_scripts(self):
        for content, looks_like in [
            (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "a Linux program"),
            (b"\xcf\xfa\xed\xfe" + b"\x00" * 60, "a Mac program"),
            (b"#!/bin/sh\nrm -rf ~\n", "a script"),
        ]:
            with self.subTest(looks_like=looks_like):
                path = self.path("plan.pdf")
                path.write_bytes(content)
                refusal = self.refused(path, "plan.pdf")
                assert refusal.code == "executable"
                assert "is not a document" in refusal.message
                assert looks_like in refusal.message

    def test_it_refuses_archives_and_macro_documents(self):
        refusal = self.refused(samples.make_zip(self.path("photos.zip")), "photos.zip")
        assert refusal.code == "archive"
        assert "compressed archive" in refusal.message
        refusal = self.refused(samples.make_docx(self.path("plan.docx"), macros=True), "plan.docx")
        assert refusal.code == "macro_document"
        assert "macros" in refusal.message

    def test_it_refuses_unknown_and_empty_files(self):
        path = self.path("notes.txt")
        path.write_text("Just some notes about my lesson.")
        refusal = self.refused(path, "notes.txt")
        assert refusal.code == "unsupported_type"
        assert "plain text" in refusal.message
        path = self.path("empty.mp4")
        path.write_bytes(b"")
        assert self.refused(path, "empty.mp4").code == "empty"

    def test_it_refuses_a_video_that_does_not_decode(self):
        good = samples.make_video(self.path("good.mp4"), size=SMALL).read_bytes()
        cases = {
            "garbage after the header": good[:40] + bytes(range(256)) * 20,
            "cut off": good[: len(good) // 3],
        }
        for label, content in cases.items():
            with self.subTest(label):
                path = self.path("broken.mp4")
                path.write_bytes(content)
                refusal = self.refused(path, "broken.mp4")
                assert refusal.code == "damaged_video"
                assert "could not be played" in refusal.message

    def test_it_refuses_a_sound_recording_without_picture(self):
        path = self.path("sound.mp4")
        with av.open(str(path), "w", format="mp4") as out:
            stream = out.add_stream("aac", rate=48000)
            frame = av.AudioFrame(format="fltp", layout="stereo", samples=1024)
            for plane in frame.planes:
                plane.update(bytes(plane.buffer_size))
            frame.sample_rate, frame.pts = 48000, 0
            out.mux(stream.encode(frame))
            out.mux(stream.encode(None))
        refusal = self.refused(path, "lesson.mp4")
        assert refusal.code == "no_picture"
        assert "without any picture" in refusal.message

    def test_it_refuses_decompression_bombs(self):
        refusal = self.refused(samples.make_image_bomb(self.path("bomb.png")), "photo.png")
        assert refusal.code == "image_too_large"
        with mock.patch.object(media.sniff, "IMAGE_MAX_PIXELS", 1000):
            refusal = self.refused(samples.make_png(self.path("big.png"), size=(64, 48)), "big.png")
        assert refusal.code == "image_too_large"
        assert "64 × 48 pixels" in refusal.message

    def test_it_refuses_damaged_images_and_documents(self):
        png = samples.make_png(self.path("ok.png")).read_bytes()
        path = self.path("damaged.png")
        path.write_bytes(png[:30] + b"\x00" * 40 + png[70:])
        assert self.refused(path, "damaged.png").code == "damaged_image"
        pdf = samples.make_pdf(self.path("ok.pdf")).read_bytes()
        path = self.path("cut.pdf")
        path.write_bytes(pdf[: len(pdf) // 2])
        refusal = self.refused(path, "cut.pdf")
        assert refusal.code == "damaged_document"
        assert "cut off" in refusal.message


class CheckForRequirementTests(MediaTestCase):
    def check(self, info: MediaInfo, req: Requirement, *, size: int = 1000, filename: str = "file") -> None:
        check_for_requirement(info, size=size, filename=filename, requirement=req)

    def refusal(self, info: MediaInfo, req: Requirement, *, size: int = 1000, filename: str = "file") -> MediaRefused:
        with self.assertRaises(MediaRefused) as caught:
            self.check(info, req, size=size, filename=filename)
        return caught.exception

    def test_it_refuses_a_pdf_renamed_mp4_for_a_video_requirement(self):
        path = samples.make_pdf(self.path("lesson.mp4"))
        info = inspect_file(path, filename="lesson.mp4")
        refusal = self.refusal(info, requirement("video"), filename="lesson.mp4")
        assert refusal.code == "wrong_kind"
        assert refusal.message.startswith("“lesson.mp4” is a PDF document, but this requirement asks for a video.")

    def test_it_takes_the_default_types_of_the_requirements_kind(self):
        video = MediaInfo(kind="video", content_type="video/webm", extension="webm", duration_seconds=5)
        self.check(video, requirement("video"))
        pdf = MediaInfo(kind="document", content_type="application/pdf", extension="pdf")
        self.check(pdf, requirement("document"))
        png = MediaInfo(kind="image", content_type="image/png", extension="png")
        assert self.refusal(png, requirement("document")).code == "file_type"
        self.check(png, requirement("image"))

    def test_it_follows_the_authors_list_of_types(self):
        jpg = MediaInfo(kind="image", content_type="image/jpeg", extension="jpg")
        # Authors write extensions loosely; "JPEG" means jpg.
        self.check(jpg, requirement("document", file_types=["pdf", ".JPEG"]))
        mov = MediaInfo(kind="video", content_type="video/quicktime", extension="mov", duration_seconds=5)
        refusal = self.refusal(mov, requirement("video", file_types=["mp4"]), filename="a.mov")
        assert refusal.code == "file_type"
        assert refusal.message.startswith("“a.mov” is a QuickTime (MOV) video; this requirement takes MP4 files.")

    def test_it_refuses_a_file_for_a_written_or_link_requirement(self):
        pdf = MediaInfo(kind="document", content_type="application/pdf", extension="pdf")
        assert self.refusal(pdf, requirement("written")).code == "not_files"
        assert self.refusal(pdf, requirement("link")).code == "not_files"

    def test_it_refuses_files_over_the_size_limits(self):
        pdf = MediaInfo(kind="document", content_type="application/pdf", extension="pdf")
        req = requirement("document", max_file_mb=5)
        self.check(pdf, req, size=5 * 1024 * 1024)
        refusal = self.refusal(pdf, req, size=5 * 1024 * 1024 + 1, filename="plan.pdf")
        assert refusal.code == "too_large"
        assert "“plan.pdf” is 5.0 MB; this requirement takes files up to 5.0 MB." in refusal.message
        with override_settings(EARNING_MAX_UPLOAD_BYTES=1024 * 1024):
            refusal = self.refusal(pdf, req, size=2 * 1024 * 1024)
        assert "up to 1.0 MB" in refusal.message

    def test_it_refuses_an_over_long_video_and_says_so(self):
        # 61 one-frame-a-second frames: a minute and a second, made in a blink.
        path = samples.make_video(self.path("long.mp4"), seconds=62, fps=1, size=SMALL, audio=False)
        info = inspect_file(path, filename="long.mp4")
        assert info.duration_seconds is not None
        assert info.duration_seconds > 61
        refusal = self.refusal(info, requirement("video", max_video_minutes=1), filename="long.mp4")
        assert refusal.code == "too_long"
        assert refusal.message.startswith("“long.mp4” is 1 min 2 s long; this requirement takes videos up to 1 minute.")
        assert "Trim" in refusal.message
        self.check(info, requirement("video", max_video_minutes=2))

    def test_it_allows_a_second_of_rounding_on_the_length(self):
        req = requirement("video", max_video_minutes=1)
        self.check(MediaInfo(kind="video", content_type="video/mp4", extension="mp4", duration_seconds=60.8), req)
        late = MediaInfo(kind="video", content_type="video/mp4", extension="mp4", duration_seconds=61.2)
        assert self.refusal(late, req).code == "too_long"


class WebCopyTests(MediaTestCase):
    def test_it_converts_mpeg4_in_mov_to_h264_mp4_with_a_poster(self):
        original = samples.make_video(self.path("lesson.mov"), size=SMALL, container="mov", codec="mpeg4")
        before = original.read_bytes()
        info = inspect_file(original, filename="lesson.mov")
        copies = make_web_copies(original, self.path("out-mov"), info)
        assert copies.video is not None
        web = inspect_file(copies.video, filename="web.mp4")
        assert (web.extension, web.video_codec, web.audio_codec) == ("mp4", "h264", "aac")
        assert web.needs_transcode is False
        assert (web.width, web.height) == SMALL
        assert web.duration_seconds is not None
        assert abs(web.duration_seconds - 2.0) < 0.1
        data = copies.video.read_bytes()
        assert 0 < data.find(b"moov") < data.find(b"mdat"), "the index must come first (faststart)"
        with Image.open(copies.poster) as poster:
            assert poster.format == "JPEG"
            assert poster.size == SMALL
        assert original.read_bytes() == before

    def test_it_makes_only_a_poster_for_h264_mp4(self):
        original = samples.make_video(self.path("ready.mp4"), size=SMALL)
        copies = make_web_copies(original, self.path("out-mp4"), inspect_file(original, filename="ready.mp4"))
        assert copies.video is None
        with Image.open(copies.poster) as poster:
            assert poster.format == "JPEG"

    def test_it_fits_a_large_video_within_1280_with_even_sides(self):
        original = samples.make_video(
            self.path("big.mov"), seconds=0.5, fps=4, size=(1922, 1082), container="mov", codec="mpeg4", audio=False
        )
        copies = make_web_copies(original, self.path("out-big"), inspect_file(original, filename="big.mov"))
        assert copies.video is not None
        with av.open(str(copies.video)) as container:
            context = container.streams.video[0].codec_context
            assert (context.width, context.height, context.pix_fmt) == (1280, 720, "yuv420p")

    def test_it_converts_webm_and_keeps_a_phones_rotation(self):
        original = samples.make_video(self.path("clip.webm"), size=SMALL, container="webm", codec="vp9")
        copies = make_web_copies(original, self.path("out-webm"), inspect_file(original, filename="clip.webm"))
        assert copies.video is not None
        assert inspect_file(copies.video, filename="web.mp4").audio_codec == "aac"
        # H.264 in MOV is copied into MP4, rotation flag and all.
        original = samples.make_video(self.path("portrait.mov"), size=SMALL, container="mov", rotation=-90)
        copies = make_web_copies(original, self.path("out-portrait"), inspect_file(original, filename="p.mov"))
        assert copies.video is not None
        web = inspect_file(copies.video, filename="web.mp4")
        assert (web.width, web.height) == (120, 160)
        with Image.open(copies.poster) as poster:
            assert poster.size == (120, 160)

    def test_it_copies_what_there_is_of_a_recording_cut_short(self):
        whole = samples.make_video(self.path("whole.webm"), size=SMALL, container="webm", codec="vp9").read_bytes()
        cut = self.path("cut.webm")
        cut.write_bytes(whole[: int(len(whole) * 0.7)])
        copies = make_web_copies(cut, self.path("out-cut"), inspect_file(cut, filename="cut.webm"))
        assert copies.video is not None
        web = inspect_file(copies.video, filename="web.mp4")
        assert web.duration_seconds is not None
        assert 0.5 < web.duration_seconds < 2.0

    def test_it_makes_an_upright_poster_for_an_image_and_none_for_a_document(self):
        original = samples.make_png(self.path("photo.png"), size=(2000, 100))
        copies = make_web_copies(original, self.path("out-png"), inspect_file(original, filename="photo.png"))
        assert copies.video is None
        with Image.open(copies.poster) as poster:
            assert poster.size == (1280, 64)
        pdf = samples.make_pdf(self.path("plan.pdf"))
        with self.assertRaises(ValueError):
            make_web_copies(pdf, self.path("out-pdf"), inspect_file(pdf, filename="plan.pdf"))
