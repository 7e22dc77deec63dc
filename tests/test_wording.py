"""Plain words: counts without "(s)", and settings as a reader would say them."""

from __future__ import annotations

from reader import typography, wording


def test_counts_say_one_or_many() -> None:
    assert wording.count(1, "new section") == "1 new section"
    assert wording.count(3, "new section") == "3 new sections"
    assert wording.count(0, "passage") == "0 passages"
    assert wording.count(2, "child", "children") == "2 children"


def test_spacing_previews_in_words() -> None:
    assert wording.setting_label("letter_spacing", 0.0) == "Letter spacing: normal"
    assert wording.setting_label("letter_spacing", 0.04) == "Letter spacing: a little more"
    assert wording.setting_label("letter_spacing", 0.12) == "Letter spacing: more"
    assert wording.setting_label("letter_spacing", typography.LETTER_SPACING.maximum) == "Letter spacing: much more"
    assert wording.setting_label("paragraph_spacing", typography.PARAGRAPH_SPACING.minimum).endswith(": less")


def test_other_previews() -> None:
    assert wording.setting_label("text_size", 100) == "Text size: normal"
    assert wording.setting_label("interface_size", 200) == "Interface size: 200%"
    assert wording.setting_label("line_length", 60) == "Longest line: 60 characters"
    assert wording.setting_label("ruler_lines", 1) == "Lines the ruler leaves clear: 1 line"


def test_short_labels_have_no_units_in_brackets() -> None:
    for label in wording.SHORT_LABELS.values():
        assert "(" not in label and len(label) <= 30
