"""``coproduction-reader screenshot --theme/--preset``: each look can be rendered and checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from reader import themes

ROOT = Path(__file__).resolve().parents[2]


def _shoot(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", "screenshot", "--out", str(tmp_path / "shot.png"),
                           "--width", "1000", "--height", "700", *arguments], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def _page_colour(path: Path) -> QColor:
    image = QImage(str(path))
    assert not image.isNull()
    # Bottom right of the page, left of the scroll bar and above the status line.
    return image.pixelColor(image.width() - 40, image.height() - 60)


@pytest.mark.parametrize("name", list(themes.THEMES))
def test_each_theme_is_rendered(tmp_path: Path, qapp, name: str) -> None:
    result = _shoot(tmp_path, "--theme", name, "--text-size", "200")
    assert result.returncode == 0, result.stderr
    assert _page_colour(tmp_path / "shot.png") == QColor(themes.THEMES[name].base)


def test_a_preset_sets_its_theme_and_an_explicit_theme_wins(tmp_path: Path, qapp) -> None:
    assert _shoot(tmp_path, "--preset", "low-vision").returncode == 0
    assert _page_colour(tmp_path / "shot.png") == QColor("#000000")
    assert _shoot(tmp_path, "--preset", "low-vision", "--theme", "sepia").returncode == 0
    assert _page_colour(tmp_path / "shot.png") == QColor(themes.SEPIA.base)


def test_unknown_theme_or_preset_is_a_usage_error(tmp_path: Path) -> None:
    for arguments in (("--theme", "purple"), ("--preset", "tiny")):
        result = _shoot(tmp_path, *arguments)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "invalid choice" in result.stderr


def _count(path: Path, colour: str, left: int = 0) -> int:
    """Pixels of ``colour`` right of ``left`` (every fourth pixel each way: enough to see a mark)."""
    image, wanted = QImage(str(path)), QColor(colour)
    return sum(image.pixelColor(x, y) == wanted
               for x in range(left, image.width(), 4) for y in range(0, image.height(), 4))


def test_a_search_and_an_opened_match_are_drawn(tmp_path: Path, qapp) -> None:
    light = themes.THEMES["light"]
    result = _shoot(tmp_path, "--search", "young scot")
    assert result.returncode == 0, result.stderr
    assert _count(tmp_path / "shot.png", light.search_background, left=700) > 20  # the words marked in results
    result = _shoot(tmp_path, "--search", '"young scot"', "--open-result", "1", "--interface-size", "300")
    assert result.returncode == 0, result.stderr
    # The panel gave way to the page, where the match is chosen (the selection's colour, not the results').
    assert _count(tmp_path / "shot.png", light.selection_background) > 20
    result = _shoot(tmp_path, "--search", "zzzqqq")
    assert result.returncode == 1 and "no results" in result.stderr
