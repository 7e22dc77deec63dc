"""The talking book: opened as a reading system would, timed against the MP3s it holds, and checked by epubcheck."""

from __future__ import annotations

import array
import itertools
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from reader.book.build import build_book, file_size, listening_time
from reader.book.narration import ENCODER_DELAY_FRAMES, narrate
from reader.book.package import clock
from reader.book.xhtml import content_document, section_linker
from reader.library import open_guide
from reader.render import Block
from reader.speech.engine import Audio
from reader.speech.espeak import EspeakEngine, espeak_available
from reader.speech.export import ExportCancelled
from reader.speech.fake import FakeEngine
from reader.speech.prepare import PAUSES, Script, prepare_blocks, prepare_section
from reader.speech.pronounce import load_lexicon
from tests.clirun import run_cli
from tests.packkit import write_pack_folder

from .conftest import CONTENT

needs_espeak = pytest.mark.skipif(not espeak_available(), reason="libespeak-ng is not installed")
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
needs_epubcheck = pytest.mark.skipif(not (EPUBCHECK.is_file() and shutil.which("java")),
                                     reason="epubcheck is not installed (scripts/setup.sh --tests installs it)")
NS = {"x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL", "o": "http://www.idpf.org/2007/opf",
      "e": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def _seconds(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _text(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _epubcheck(book: Path) -> str:
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(book)], capture_output=True, text=True,
                            timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "No errors or warnings detected." in output, output
    return output


@pytest.fixture(scope="module")
def spoken_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole guide with real speech, made once for the module (about 10 s)."""
    if not espeak_available():
        pytest.skip("libespeak-ng is not installed")
    folder = tmp_path_factory.mktemp("book")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COPRODUCTION_READER_HOME", str(folder / "home"))
        guide = open_guide(CONTENT)
        lexicon, _problem = load_lexicon()
        build_book(guide, folder / "guide.epub", engine=EspeakEngine(), lexicon=lexicon)
    return folder / "guide.epub"


@pytest.mark.slow
@needs_espeak
def test_the_book_is_the_guide_sentence_by_sentence_in_time(spoken_book: Path, guide) -> None:
    import miniaudio

    lexicon, _problem = load_lexicon()
    with zipfile.ZipFile(spoken_book) as book:
        first = book.infolist()[0]
        assert (first.filename, first.compress_type, book.read(first)) == ("mimetype", zipfile.ZIP_STORED,
                                                                          b"application/epub+zip")
        package = ET.fromstring(book.read("EPUB/package.opf"))
        nav = ET.fromstring(book.read("EPUB/nav.xhtml"))
        toc = nav.find(".//x:nav[@id='toc']", NS)
        listed = {(a.get("href"), _text(a)) for a in toc.iter(f"{{{NS['x']}}}a")}
        assert listed == {(f"{section.id}.xhtml", section.title) for section in guide}
        assert nav.find(".//x:nav[@id='landmarks']", NS) is not None

        overlays = {m.get("refines"): _seconds(m.text) for m in package.iterfind(".//o:meta", NS)
                    if m.get("property") == "media:duration" and m.get("refines")}
        total = next(_seconds(m.text) for m in package.iterfind(".//o:meta", NS)
                     if m.get("property") == "media:duration" and not m.get("refines"))
        assert len(overlays) == len(guide) and abs(total - sum(overlays.values())) < 0.01
        assert "-epub-media-overlay-active" in book.read("EPUB/book.css").decode()

        decoded_total = 0.0
        for section in guide:
            script = prepare_section(section, guide, lexicon)
            page = ET.fromstring(book.read(f"EPUB/{section.id}.xhtml"))
            spans = {span.get("id"): span for span in page.iter(f"{{{NS['x']}}}span") if span.get("id")}
            pars = ET.fromstring(book.read(f"EPUB/{section.id}.smil")).findall(".//s:par", NS)
            # Every sentence read aloud is in exactly one par, in order, pointing at its own words.
            assert len(pars) == len(script)
            for par, utterance in zip(pars, script.utterances, strict=True):
                document, fragment = par.find("s:text", NS).get("src").split("#")
                assert document == f"{section.id}.xhtml"
                assert _text(spans[fragment]) == re.sub(r"\s+", " ", utterance.display)
            # Clips follow each other with no gap and no overlap; each holds its sentence and its pause.
            clips = [(_seconds(a.get("clipBegin")), _seconds(a.get("clipEnd")))
                     for a in (par.find("s:audio", NS) for par in pars)]
            assert clips[0][0] == 0
            for (begin, end), (next_begin, _next_end) in itertools.pairwise(clips):
                assert begin < end and abs(next_begin - end) < 0.0015
            for (begin, end), utterance in zip(clips, script.utterances, strict=True):
                assert end - begin > utterance.pause_at(175) / 1000
            assert abs(clips[-1][1] - overlays[f"#mo-{section.id}"]) < 0.0015
            mp3 = miniaudio.decode(book.read(f"EPUB/audio/{section.id}.mp3"), nchannels=1)
            decoded_total += mp3.num_frames / mp3.sample_rate
        assert abs(decoded_total - total) <= total * 0.01, (decoded_total, total)

        foreword = ET.fromstring(book.read("EPUB/foreword.smil")).findall(".//s:par", NS)
        page = ET.fromstring(book.read("EPUB/foreword.xhtml"))
        spans = {span.get("id"): _text(span) for span in page.iter(f"{{{NS['x']}}}span") if span.get("id")}
        heard = [spans[par.find("s:text", NS).get("src").split("#")[1]] for par in foreword[:2]]
        # The heading is read first, as read-aloud does; the foreword's own text starts with its epigraph.
        assert heard == ["Foreword", '"Sharing our strengths, stretching our vision"']


@pytest.mark.slow
@needs_espeak
@needs_epubcheck
def test_epubcheck_passes_the_spoken_guide(spoken_book: Path) -> None:
    _epubcheck(spoken_book)


@pytest.mark.slow
@needs_epubcheck
def test_text_only_book_passes_epubcheck_with_no_audio_and_says_so(guide, tmp_path: Path) -> None:
    result = build_book(guide, tmp_path / "text.epub")
    assert result.duration_ms == 0 and result.sentences > 300
    with zipfile.ZipFile(result.path) as book:
        names = book.namelist()
        package = book.read("EPUB/package.opf").decode()
    assert not [n for n in names if n.endswith((".smil", ".mp3"))]
    assert "auditory" not in package and "media:" not in package and "synchronizedAudioText" not in package
    assert '<meta property="schema:accessMode">textual</meta>' in package
    _epubcheck(result.path)


@pytest.mark.slow
@needs_espeak
@needs_epubcheck
def test_a_book_with_a_content_pack_from_the_command_passes_epubcheck(tmp_path: Path, user_home: Path) -> None:
    folder = write_pack_folder(tmp_path / "stories", sections=[
        ("lunch-club", "The lunch club", "Carers planned the **lunch club. Everyone** cooks.\n\n"
         "- Everyone decides\n- See [the foreword](section:foreword#p2) and [the web](https://example.org)\n\n"
         "| Day | What |\n|:--|--:|\n| Monday | Soup |\n"),
    ])
    assert run_cli("pack", "create", folder, "--out", tmp_path / "stories.zip", home=user_home).returncode == 0
    assert run_cli("pack", "add", tmp_path / "stories.zip", home=user_home).returncode == 0
    out = tmp_path / "with pack.epub"
    result = run_cli("talking-book", "--out", out, "--section", "lunch-club", "--section", "foreword",
                     home=user_home)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"Saved .*with pack\.epub: \d+\.\d MB, \d+ min \d+ s of listening, 2 sections\.\n",
                        result.stdout)
    assert "Foreword" in result.stderr and "100%" in result.stderr  # progress
    with zipfile.ZipFile(out) as book:
        page = book.read("EPUB/lunch-club.xhtml").decode()
        spine = re.findall(r'idref="x-([^"]+)"', book.read("EPUB/package.opf").decode())
    assert spine == ["foreword", "lunch-club"]  # reading order, whatever order they were named in
    assert '<a href="foreword.xhtml#p2">' in page and 'href="https://example.org"' in page
    assert '<strong>lunch club.</strong></span> <span id="p1.s2"><strong>Everyone</strong>' in page
    _epubcheck(out)


def test_sentences_split_inside_emphasis_and_links_keep_well_formed_markup() -> None:
    markup = ('<h1 id="title">Notes</h1>\n<p id="p1">One <em>two. Three</em> four. '
              '<a href="section:other#gone">Five.</a> <a href="section:missing">Six.</a></p>')
    blocks = (Block("title", "heading", "Notes"), Block("p1", "paragraph", "One two. Three four. Five. Six."))
    utterances = prepare_blocks("notes", blocks)
    link = section_linker({"notes": "notes.xhtml", "other": "other.xhtml"}, {"other": {"p1"}})
    document = content_document("Notes", "en-GB", "chapter", markup, utterances,
                                {b.anchor: b.text for b in blocks}, link)
    assert document.sentence_ids == ("title.s1", "p1.s1", "p1.s2", "p1.s3", "p1.s4")
    page = ET.fromstring(document.xhtml)
    spans = {s.get("id"): _text(s) for s in page.iter(f"{{{NS['x']}}}span")}
    assert spans == {"title.s1": "Notes", "p1.s1": "One two.", "p1.s2": "Three four.", "p1.s3": "Five.",
                     "p1.s4": "Six."}
    assert '<span id="p1.s1">One <em>two.</em></span> <span id="p1.s2"><em>Three</em> four.</span>' in document.xhtml
    # A link to a section in the book loses an anchor it does not have; one to a section left out loses its href.
    assert '<a href="other.xhtml">Five.</a>' in document.xhtml and "<a>Six.</a>" in document.xhtml
    assert page.get("lang") == "en-GB" and page.find(".//x:section", NS).get(EPUB_TYPE) == "chapter"


def test_clock_values_and_plain_figures() -> None:
    assert (clock(0), clock(1634.4), clock(3_723_456.7)) == ("0:00:00.000", "0:00:01.634", "1:02:03.457")
    assert (file_size(24_365), file_size(9_502_383), file_size(12)) == ("24 KB", "9.5 MB", "1 KB")
    assert (listening_time(1_576_047), listening_time(3_723_456)) == ("26 min 16 s", "1 h 02 min")


def test_cancel_leaves_no_file_and_keeps_an_old_one(guide, tmp_path: Path) -> None:
    target = tmp_path / "guide.epub"
    target.write_bytes(b"an older book")
    cancel = threading.Event()

    def progress(done: int, total: int, title: str) -> None:
        if done >= 3:
            cancel.set()

    with pytest.raises(ExportCancelled):
        build_book(guide, target, engine=FakeEngine(word_ms=5), progress=progress, cancel=cancel)
    assert target.read_bytes() == b"an older book"
    assert [p.name for p in tmp_path.iterdir()] == ["guide.epub"]


def test_a_failing_voice_leaves_no_file(guide, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="refuses"):
        build_book(guide, tmp_path / "guide.epub", engine=FakeEngine(word_ms=5, fail_on="Sharing"))
    assert not list(tmp_path.iterdir())


def test_pauses_are_kept_in_the_clips(guide, tmp_path: Path) -> None:
    result = build_book(guide, tmp_path / "foreword.epub", sections=[guide.get("foreword")],
                        engine=FakeEngine(word_ms=5))
    with zipfile.ZipFile(result.path) as book:
        pars = ET.fromstring(book.read("EPUB/foreword.smil")).findall(".//s:par", NS)
    audio = pars[0].find("s:audio", NS)
    # The title: the encoder's lead-in, its words, the fake engine's 200 ms, and the heading's pause.
    length = _seconds(audio.get("clipEnd")) - _seconds(audio.get("clipBegin"))
    assert abs(length - (ENCODER_DELAY_FRAMES / 22050 + 0.005 + 0.2 + PAUSES["title"] / 1000)) < 0.002


class _SilenceThenTone:
    """An engine whose first sentence is silent and whose second is a loud tone: its onset is easy to find."""

    name = "Two sentences"

    def synthesise(self, text: str, voice: str = "", rate: int = 175, volume: int = 100,
                   cancel: threading.Event | None = None) -> Audio:
        if "first" in text:
            return Audio(bytes(2 * 22050 // 2), 22050)
        return Audio(array.array("h", [8000, -8000] * 11025).tobytes(), 22050)


def test_a_clip_starts_where_its_sound_is_heard_in_the_decoded_mp3() -> None:
    import miniaudio

    blocks = (Block("p1", "paragraph", "The first one. The second one."),)
    script = Script("s", "S", tuple(prepare_blocks("s", blocks)))
    narration = narrate(_SilenceThenTone(), script)
    decoded = miniaudio.decode(narration.mp3, nchannels=1, sample_rate=22050)
    samples = array.array("h", decoded.samples)
    onset = next(i for i, value in enumerate(samples) if abs(value) > 1000) / 22050
    assert abs(narration.clips[1].begin_ms / 1000 - onset) < 0.005, (narration.clips[1], onset)


@pytest.mark.slow
def test_missing_voice_gives_read_alouds_message_and_text_only_still_works(tmp_path: Path, user_home: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "none")
    result = run_cli("talking-book", "--out", tmp_path / "book.epub", home=user_home)
    assert result.returncode == 1 and "Reading aloud needs the eSpeak NG voice" in result.stderr
    assert not list(tmp_path.glob("*.epub*"))
    result = run_cli("talking-book", "--text-only", "--quiet", "--out", tmp_path / "book.epub", home=user_home)
    assert re.fullmatch(r"Saved .*book\.epub: \d+ KB, text only, 18 sections\.\n", result.stdout), result.stderr
    assert zipfile.is_zipfile(tmp_path / "book.epub")
    bad = run_cli("talking-book", "--out", tmp_path / "book.zip", home=user_home)
    assert bad.returncode == 2 and "must end in .epub" in bad.stderr
