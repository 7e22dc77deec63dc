"""Settings become the page's stylesheet: what the reader chose is what Qt is told."""

from __future__ import annotations

import re

import pytest

from reader import reading_style, zoom
from reader.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


def _rule(css: str, selector: str) -> str:
    match = re.search(rf"^{re.escape(selector)} \{{(.*)\}}$", css, re.MULTILINE)
    assert match, f"no rule for {selector}"
    return match.group(1)


BLOCKS = "p, li, td, th, dt, dd, blockquote"


def test_defaults_give_a_plain_left_aligned_page(settings: Settings) -> None:
    style = reading_style.from_settings(settings)
    assert style.theme.name == "light" and style.font.key == "sans"
    assert style.size == zoom.pixels(100)
    css = style.css()
    blocks = _rule(css, BLOCKS)
    assert "text-align: left" in blocks and "justify" not in css
    assert f"line-height: {zoom.LINE_HEIGHT_PERCENT}%" in blocks
    assert "letter-spacing: 0px" in blocks and "word-spacing: 0px" in blocks
    assert f"font-size: {zoom.pixels(100)}px" in blocks
    assert "text-decoration: underline" in _rule(css, "a"), "links must not rely on colour alone"


def test_spacing_and_font_settings_reach_every_block(settings: Settings) -> None:
    for name, value in (("text_size", 200), ("font_family", "atkinson"), ("line_spacing", 2.0),
                        ("letter_spacing", 0.12), ("word_spacing", 0.16), ("paragraph_spacing", 2.0),
                        ("theme", "dark")):
        settings.set(name, value)
    css = reading_style.from_settings(settings).css()
    size = zoom.pixels(200)  # 36 px
    blocks = _rule(css, BLOCKS)
    assert f"font-size: {size}px" in blocks
    assert "font-family: 'Atkinson Hyperlegible'" in blocks
    assert "line-height: 200%" in blocks
    assert "letter-spacing: 4.32px" in blocks and "word-spacing: 5.76px" in blocks
    assert f"margin-bottom: {2 * size}px" in _rule(css, "p, li")
    h1 = _rule(css, ".h1")
    assert "font-family: 'Atkinson Hyperlegible'" in h1 and "letter-spacing:" in h1
    assert "line-height: 162%" in h1
    assert "#e6e6e6" in _rule(css, "body") and "#8ab4f8" in _rule(css, "a")


def test_headings_grow_less_at_large_text_sizes(settings: Settings) -> None:
    normal = reading_style.from_settings(settings, text_size=100)
    huge = reading_style.from_settings(settings, text_size=400)
    assert normal.heading_size(1) / normal.size == pytest.approx(1.6, abs=0.02)
    assert huge.heading_size(1) / huge.size < 1.2
    assert huge.text_percent == 400 and huge.size == zoom.pixels(400)


def test_print_style_is_large_dark_on_white(settings: Settings) -> None:
    settings.set("theme", "high-contrast")
    settings.set("font_family", "opendyslexic")
    settings.set("line_spacing", 1.8)
    style = reading_style.for_print(settings)
    assert style.theme.base == "#ffffff" and style.theme.text == "#1a1a1a"
    assert style.size == pytest.approx(24.0), "18 point at 96 pixels an inch"
    assert style.font.key == "opendyslexic" and style.line_spacing == 1.8 and style.line_length == 0
    css = style.css()
    assert "font-size: 24px" in _rule(css, BLOCKS) and "#1a1a1a" in _rule(css, "body")


def test_print_size_follows_text_size_within_limits() -> None:
    assert reading_style.print_points(50) == 18
    assert reading_style.print_points(100) == 18
    assert reading_style.print_points(200) == 36
    assert reading_style.print_points(400) == 48


def test_character_width_includes_spacing(settings: Settings) -> None:
    settings.set("letter_spacing", 0.12)
    style = reading_style.from_settings(settings)
    assert style.character_width(9.0) == pytest.approx(9.0 + 0.12 * zoom.pixels(100))


def test_reading_options_are_all_registered() -> None:
    from reader.settings import REGISTRY

    assert set(reading_style.READING_OPTIONS) <= set(REGISTRY)
    assert "last_section" not in reading_style.READING_OPTIONS
