"""The reading-aloud service without Qt: cached scripts, the pronunciation list, where reading starts."""

from __future__ import annotations

import json
from pathlib import Path

from reader.render import render_section
from reader.speech.pronounce import Pronunciation
from reader.speech.scripts import SpeechScripts, start_index


def test_a_sections_script_is_prepared_once_until_the_content_changes(guide, tmp_path: Path) -> None:
    service = SpeechScripts(report=lambda problem: None, user_file=tmp_path / "mine.json")
    first = service.section(guide, "foreword")
    assert service.section(guide, "foreword") is first
    service.forget()
    assert service.section(guide, "foreword") is not first


def test_reading_starts_at_the_next_block_with_words_after_a_portrait(guide) -> None:
    section = guide.get("foreword")
    rendered = render_section(section, guide)
    service = SpeechScripts(report=lambda problem: None)
    script = service.section(guide, "foreword", rendered)
    anchors = [block.anchor for block in rendered.blocks]
    silent = [anchor for anchor in anchors if script.index_at(anchor, 0) is None]
    assert silent, "the foreword has a portrait with nothing to say"
    index = start_index(script, silent[0], 0, anchors)
    assert anchors.index(script.utterances[index].anchor) > anchors.index(silent[0])
    assert start_index(script, "", 0, anchors) == 0
    spoken = script.utterances[3]
    assert start_index(script, spoken.anchor, spoken.start, anchors) == 3


def test_a_damaged_pronunciation_list_is_reported_once_and_kept_aside_when_saved(guide, tmp_path: Path) -> None:
    mine = tmp_path / "pronunciations.json"
    mine.write_text("{not json", encoding="utf-8")
    reported: list[str] = []
    service = SpeechScripts(report=reported.append, user_file=mine)
    service.section(guide, "foreword")
    service.section(guide, "introduction")
    assert len(reported) == 1 and "could not be read" in reported[0]  # the shipped list is used meanwhile
    entries, problem = service.user_entries()
    assert entries == [] and problem

    service.save_user_entries([Pronunciation("Lochside", "Loch-side")])
    kept = list(tmp_path.glob("pronunciations.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert json.loads(mine.read_text(encoding="utf-8")) == [{"word": "Lochside", "say": "Loch-side"}]
    assert service.lexicon().say("lochside") == "Loch-side"  # the new list is used from now on
