"""Settings become the page's stylesheet: what the reader chose is what Qt is told."""

from __future__ import annotations

import re

import pytest

from reader import reading_style, zoom
from reader.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


def _rule(css: str, tag: str) -> str:
    match = re.search(rf"^{tag} \{{(.*)\}}$", css, re.MULTILINE)
    assert match, f"no rule for {tag}"
    return match.group(1)


def test_defaults_give_a_plain_left_aligned_page(settings: Settings) -> None:
    style = reading_style.from_settings(settings)
    assert style.theme.name == "light" and style.font.key == "sans" and style.unit == "px"
    assert style.size == zoom.pixels(100)
    css = style.css()
    p = _rule(css, "p")
    assert "text-align: left" in p and "justify" not in css
    assert "line-height: 160%" in p
    assert "letter-spacing: 0px" in p and "word-spacing: 0px" in p
    assert f"font-size: {zoom.pixels(100)}px" in p
    assert "text-decoration: underline" in _rule(css, "a"), "links must not rely on colour alone"


def test_spacing_and_font_settings_reach_every_block(settings: Settings) -> None:
    settings.set("text_size", 200)
    settings.set("font_family", "atkinson")
    settings.set("line_spacing", 2.0)
    settings.set("letter_spacing", 0.12)
    settings.set("word_spacing", 0.16)
    settings.set("paragraph_spacing", 2.0)
    settings.set("theme", "dark")
    css = reading_style.from_settings(settings).css()
    size = zoom.pixels(200)  # 36 px
    p = _rule(css, "p")
    assert f"font-size: {size}px" in p
    assert "font-family: 'Atkinson Hyperlegible'" in p
    assert "line-height: 200%" in p
    assert f"letter-spacing: {0.12 * size:.2f}".rstrip("0") in p
    assert f"word-spacing: {0.16 * size:.2f}".rstrip("0") in p
    assert f"margin-bottom: {2 * size}px" in p
    for tag in ("li", "h1", "h2", "td", "blockquote"):
        assert "line-height: 200%" in _rule(css, tag)
    h1 = _rule(css, "h1")
    assert f"font-size: {1.6 * size:.1f}".rstrip("0").rstrip(".") in h1
    assert "#e6e6e6" in _rule(css, "body") and "#8ab4f8" in _rule(css, "a")


def test_print_style_is_large_dark_on_white_in_points(settings: Settings) -> None:
    settings.set("theme", "high-contrast")
    settings.set("font_family", "opendyslexic")
    settings.set("line_spacing", 1.8)
    style = reading_style.for_print(settings)
    assert style.theme.base == "#ffffff" and style.theme.text == "#1a1a1a"
    assert style.unit == "pt" and style.size == 18
    assert style.font.key == "opendyslexic" and style.line_spacing == 1.8
    css = style.css()
    assert "font-size: 18pt" in _rule(css, "p") and "#1a1a1a" in _rule(css, "body")
    assert "#ffffff" not in _rule(css, "body")


def test_print_size_follows_text_size_within_limits() -> None:
    assert reading_style.print_points(50) == 18
    assert reading_style.print_points(100) == 18
    assert reading_style.print_points(200) == 36
    assert reading_style.print_points(400) == 48


def test_reading_options_are_all_registered() -> None:
    from reader.settings import REGISTRY

    assert set(reading_style.READING_OPTIONS) <= set(REGISTRY)
    assert "last_section" not in reading_style.READING_OPTIONS
