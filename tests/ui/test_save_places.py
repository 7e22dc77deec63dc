"""Save dialogs open in Music (audio) and Documents (PDF), then where the reader last saved, after a restart too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from reader.ui import look, save_places
from reader.ui.audio_export import FileChooser
from tests.ui.test_places import Answers


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    made = {"music": tmp_path / "Music", "documents": tmp_path / "Documents"}
    for folder in made.values():
        folder.mkdir()
    locations = {QStandardPaths.StandardLocation.MusicLocation: made["music"],
                 QStandardPaths.StandardLocation.DocumentsLocation: made["documents"]}
    monkeypatch.setattr(save_places.QStandardPaths, "writableLocation",
                        lambda location: str(locations.get(location, "")))
    monkeypatch.setattr(look, "system_theme", lambda app=None: "light")
    return made


def test_audio_starts_in_music_and_remembers_the_folder_chosen(folders, tmp_path: Path) -> None:
    assert FileChooser().folder == str(folders["music"])
    elsewhere = tmp_path / "Talks"
    elsewhere.mkdir()
    save_places.remember("audio", elsewhere)
    assert FileChooser().folder == str(elsewhere), "a new session offers the folder used last"


def test_pdf_starts_in_documents_then_where_the_last_one_went(folders, make_window, tmp_path: Path) -> None:
    window = make_window(1280, 720)
    window.comfort.prompts = Answers()
    window.open_section("foreword")
    window.comfort.prompts.pdf_path = tmp_path / "Large print" / "foreword.pdf"
    (tmp_path / "Large print").mkdir()
    assert window.comfort.export_pdf() is not None
    assert window.comfort.prompts.suggested.parent == folders["documents"]
    window.close()

    again = make_window(1280, 720)  # after a restart
    again.comfort.prompts = Answers()
    again.comfort.export_pdf()
    assert again.comfort.prompts.suggested.parent == tmp_path / "Large print"


def test_a_remembered_folder_that_has_gone_falls_back_to_documents(folders, tmp_path: Path) -> None:
    gone = tmp_path / "USB stick"
    save_places.remember("pdf", gone)
    assert save_places.start("pdf") == folders["documents"]


def test_talking_book_starts_in_documents_then_where_the_last_book_went(folders, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.talking_book import BookChooser

    offered: list[Path] = []
    shelf = tmp_path / "Books"
    shelf.mkdir()

    def dialog(parent, title, start, filters):  # the user types a name without .epub in another folder
        offered.append(Path(start))
        return str(shelf / "Our guide"), filters

    monkeypatch.setattr(save_places.QFileDialog, "getSaveFileName", dialog)
    assert BookChooser().save_file("Co-production.epub") == shelf / "Our guide.epub"
    assert offered[0] == folders["documents"] / "Co-production.epub"
    BookChooser().save_file("Co-production.epub")  # a new window, as after a restart
    assert offered[1] == shelf / "Co-production.epub", "the folder used last is offered again"
