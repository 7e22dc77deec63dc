"""The one place that knows where things live.

Bundled files (``content/``, ``index/``) sit beside the package in a checkout or an
editable install, or inside the bundle of a frozen build. User files go to the
platform's folders through ``platformdirs``; ``COPRODUCTION_READER_HOME`` puts them all
under one folder instead (for a portable copy on a USB stick, and for tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from reader import APP_ID

HOME_ENV = "COPRODUCTION_READER_HOME"
CONTENT_ENV = "COPRODUCTION_READER_CONTENT"
INDEX_ENV = "COPRODUCTION_READER_INDEX"


def app_root() -> Path:
    """The folder holding ``content/`` and ``index/``: the bundle when frozen, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    override = os.environ.get(CONTENT_ENV)
    return Path(override) if override else app_root() / "content"


def bundled_index_dir() -> Path:
    """Where set-up builds the search index (``COPRODUCTION_READER_INDEX`` moves it, as tests do)."""
    override = os.environ.get(INDEX_ENV)
    return Path(override) if override else app_root() / "index"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.json"
