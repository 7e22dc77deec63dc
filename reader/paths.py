"""The one place that knows where things live.

Bundled files (``content/``, ``index/``) sit beside the package in a checkout or an
editable install, or inside the bundle of a frozen build. An installed wheel carries the
guide inside the package (``reader/bundled/content``, copied there by ``setup.py``) and
keeps its search index in the user's cache, never writing inside the installation. User files go to the
platform's folders through ``platformdirs``; ``COPRODUCTION_READER_HOME`` puts them all
under one folder instead (for a portable copy on a USB stick, and for tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader import APP_ID

HOME_ENV = "COPRODUCTION_READER_HOME"
CONTENT_ENV = "COPRODUCTION_READER_CONTENT"
INDEX_ENV = "COPRODUCTION_READER_INDEX"


PACKAGE = Path(__file__).resolve().parent


def installed_bundle() -> Path | None:
    """The guide's folder inside an installed wheel; None in a checkout or an editable install."""
    bundled = PACKAGE / "bundled"
    return bundled if (bundled / "content").is_dir() else None


def app_root() -> Path:
    """The folder holding ``content/`` (and ``index/``): the bundle when frozen, the package's
    ``bundled/`` folder in an installed wheel, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return installed_bundle() or PACKAGE.parent


def content_dir() -> Path:
    override = os.environ.get(CONTENT_ENV)
    return Path(override) if override else app_root() / "content"


def translations_dir() -> Path:
    """The extracted catalogue (``coproduction-reader.ts``) and compiled translations (``*.qm``)."""
    return app_root() / "translations"


def bundled_index_dir() -> Path:
    """Where set-up builds the search index (``COPRODUCTION_READER_INDEX`` moves it, as tests do).

    An installed wheel has none: its folder may be read-only, and files written there would
    outlive an uninstall, so the first start builds the index in the user's cache instead."""
    override = os.environ.get(INDEX_ENV)
    if override:
        return Path(override)
    if installed_bundle() is not None and not getattr(sys, "_MEIPASS", None):
        return cache_dir() / "index"
    return app_root() / "index"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def _platform_dir(kind: str) -> Path:
    """The platform's folder of ``kind`` (config, data or cache): platformdirs is imported only when
    no home folder is set, so a portable copy starts without it."""
    import platformdirs

    found: str = getattr(platformdirs, f"user_{kind}_dir")(APP_ID, appauthor=False)
    return Path(found)


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else _platform_dir("config")


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else _platform_dir("data")


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else _platform_dir("cache")


def settings_file() -> Path:
    return config_dir() / "settings.json"
