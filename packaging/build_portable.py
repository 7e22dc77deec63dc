"""Build the portable app: ``python packaging/build_portable.py`` (needs ``pip install '.[build]'``).

Makes ``dist/portable/coproduction-reader/`` (a folder that runs without Python on a computer
like this one) and a zip of it beside, then prints their sizes. Build on each operating system
for that system: PyInstaller does not cross-compile. See docs/portable.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SPEC = ROOT / "packaging" / "coproduction-reader.spec"
NAME = "coproduction-reader"
MARKER_TEXT = """This file makes this copy of Co-production Reader portable.

While it is here, the reader keeps your settings and added content in the folder
"user-data" beside it, and writes nothing else on the computer. Delete this file to
keep them in your user folders instead (for a copy installed on one computer).
"""


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def zip_folder(folder: Path, out: Path) -> None:
    """Zip with links kept as links, so the zip unpacks to the same folder (and no bigger)."""
    out.unlink(missing_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (0o120777 << 16)
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, name)


def build_index(folder: Path) -> None:
    """Index content/ alone: never the builder's own added content or settings."""
    shutil.rmtree(folder, ignore_errors=True)
    with tempfile.TemporaryDirectory() as home:
        env = {key: value for key, value in os.environ.items() if not key.startswith("COPRODUCTION_READER_")}
        env.update({"COPRODUCTION_READER_HOME": home, "COPRODUCTION_READER_INDEX": str(folder)})
        subprocess.run([sys.executable, "-m", "reader", "index", "--rebuild"], check=True, cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL)
    (folder / ".lock").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put the build (default dist/)")
    parser.add_argument("--installed", action="store_true",
                        help="leave out the 'portable' file: user data goes to the usual user folders")
    parser.add_argument("--no-zip", action="store_true", help="do not make the zip")
    parser.add_argument("--console", action="store_true",
                        help="on Windows and macOS, keep a console window so sub-commands can print")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is needed: pip install '.[build]'", file=sys.stderr)
        return 1
    from reader import __version__

    work = ROOT / "build" / "pyinstaller"
    dist = args.dist / "portable"
    index = work / "index"
    build_index(index)
    env = dict(os.environ, READER_BUILD_INDEX=str(index))
    if args.console:
        env["READER_BUILD_CONSOLE"] = "1"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT, env=env)
    built = time.perf_counter() - started
    folder = dist / NAME
    marker = folder / "portable"
    if args.installed:
        marker.unlink(missing_ok=True)
    else:
        marker.write_text(MARKER_TEXT, encoding="utf-8")
    shutil.rmtree(folder / "user-data", ignore_errors=True)
    size = folder_size(folder)
    print(f"Built {folder} in {built:.0f} s: {size / 1e6:.1f} MB")
    if not args.no_zip:
        system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
        out = args.dist / f"{NAME}-{__version__}-{system}-{platform.machine().lower()}.zip"
        zip_folder(folder, out)
        print(f"Zipped to {out}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
