"""Hear the reader as a blind user does: the real reader and GNOME Orca on a private, silent desktop.

One :class:`OrcaSession` owns, for its lifetime, a private D-Bus session (``dbus-run-session``), the
accessibility bus, a virtual X server (Xvfb), a window manager (openbox: without one, focus moves
differently from a desktop), the reader (xcb, Qt's Linux accessibility switched on) and Orca. Orca
writes every utterance to its debug log as ``SPEECH OUTPUT: '…'``; :meth:`OrcaSession.press` sends
keys with ``xdotool`` and returns the utterances that follow, waiting for them to settle.

Everything is private: HOME, XDG folders, the runtime folder and Orca's settings live in a folder
of the caller's; speech-dispatcher speaks into a null ALSA device, so nothing is heard and no
sound card is needed. Nothing here uses the network (X and D-Bus are local sockets, Xvfb does
not listen on TCP).

Traps this works around (see also the team's platform notes):
- the stock ``/usr/bin/orca`` launcher opens its debug file fully buffered, so the log looks empty
  until Orca exits: a copy of it with ``buffering=1`` is run instead;
- the launcher refuses to start while any other Orca of the same user runs, even on another
  display: the copy skips that check (this Orca lives on its own bus and display);
- key echo ("left control", "tab") would mix with what the reader says: it is off in the settings.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ORCA_LAUNCHER = Path("/usr/bin/orca")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"
TOOLS = {"dbus-run-session": "dbus", "Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool",
         "speech-dispatcher": "speech-dispatcher"}
SPEECH = re.compile(r"(?:^|- )SPEECH OUTPUT: '(.*)'(?: ?\{.*\}| voice=.*)?$")
WINDOW_TITLE = "Co-production Reader"


def missing() -> str | None:
    """Why Orca cannot be run here (naming the Debian package), or None when it can."""
    for tool, package in TOOLS.items():
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package})"
    if not ORCA_LAUNCHER.exists():
        return "Orca is not installed (Debian package orca)"
    if not BUS_LAUNCHER.exists():
        return "the accessibility bus is not installed (Debian package at-spi2-core)"
    return None


def parse_speech(log: str) -> list[str]:
    """The utterances in a piece of Orca's debug log, in order."""
    found = []
    for line in log.splitlines():
        match = SPEECH.search(line)
        if match:
            found.append(match.group(1))
    return found


class OrcaSession:
    """The reader and Orca on a private desktop; use as a context manager.

    Args:
        folder: an empty folder this session may fill (home, logs, settings).
        app: the command that starts the reader.
        app_env: extra environment for the reader (its home folder, say).
        cwd: the reader's working folder.
    """

    def __init__(self, folder: Path, app: Sequence[str], app_env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> None:
        self.folder = folder
        self.app_command = list(app)
        self.app_env = dict(app_env or {})
        self.cwd = cwd
        self.log_path = folder / "orca-debug.log"
        self.app_log_path = folder / "reader.log"
        self._processes: list[subprocess.Popen] = []
        self._bus: subprocess.Popen | None = None
        self._offset = 0
        self.greeting: list[str] = []
        self.env: dict[str, str] = {}

    # Start and stop -------------------------------------------------------------------------------

    def __enter__(self) -> OrcaSession:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        home = self.folder / "home"
        runtime = self.folder / "runtime"
        prefs = self.folder / "orca-prefs"
        for folder in (home, runtime, prefs):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        (home / ".asoundrc").write_text("pcm.!default { type null }\nctl.!default { type hw card 0 }\n")
        self._write_orca_settings(prefs)
        launcher = self._write_launcher()

        self.env = {key: value for key, value in os.environ.items()
                    if key not in ("WAYLAND_DISPLAY", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS",
                                   "XAUTHORITY", "SESSION_MANAGER")}
        self.env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / ".config"),
                        XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
                        LANG="C.UTF-8", NO_AT_BRIDGE="0")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus()
        self._spawn([str(BUS_LAUNCHER), "--launch-immediately"], "bus-launcher")
        self.env["DISPLAY"] = self._start_x_server()
        self._spawn(["openbox", "--sm-disable"], "openbox")

        app_env = dict(self.env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       QT_ACCESSIBILITY="1", **self.app_env)
        self._spawn(self.app_command, "reader", env=app_env, cwd=self.cwd, log=self.app_log_path)
        if not self._wait_for(lambda: self.window_id() is not None, 60):
            raise RuntimeError(f"the reader's window never appeared: {self.app_log()[-2000:]}")

        self._spawn([SYSTEM_PYTHON, str(launcher), "--debug-file", str(self.log_path), "-u", str(prefs),
                     "-d", "braille", "-d", "braille-monitor"], "orca")
        # Orca is ready when it has spoken about the focused window.
        if not self._wait_for(lambda: parse_speech(self._log()), 60):
            raise RuntimeError(f"Orca said nothing after starting: {self._log()[-3000:]}")
        self.greeting = self.settle(quiet=1.0, timeout=10)

    def stop(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self._processes):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self._processes.clear()
        if self._bus is not None:
            if self._bus.stdin:
                self._bus.stdin.close()
            try:
                self._bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._bus.kill()
                self._bus.wait(timeout=5)
            if self._bus.stdout:
                self._bus.stdout.close()
            self._bus = None

    # Listening and pressing -----------------------------------------------------------------------

    def settle(self, quiet: float = 0.8, timeout: float = 5.0) -> list[str]:
        """Wait until Orca has been quiet for ``quiet`` seconds; return what it said since the last call."""
        deadline = time.monotonic() + timeout
        size = self.log_path.stat().st_size if self.log_path.exists() else 0
        last_change = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.log_path.stat().st_size
            if now != size:
                size, last_change = now, time.monotonic()
            elif time.monotonic() - last_change >= quiet:
                break
        return self.heard()

    def heard(self) -> list[str]:
        """Every utterance since the last call."""
        data = self.log_path.read_bytes()
        # Only whole lines: Orca may be in the middle of writing one.
        end = data.rfind(b"\n", self._offset) + 1
        if end <= self._offset:
            return []
        chunk = data[self._offset:end].decode("utf-8", "replace")
        self._offset = end
        return parse_speech(chunk)

    def press(self, *keys: str, wait: float = 8.0, quiet: float = 0.8) -> list[str]:
        """Press keys (xdotool names, e.g. ``ctrl+f``, ``Down``) one after another; return what Orca said.

        Waits up to ``wait`` seconds for the first utterance, then until Orca has been quiet for
        ``quiet`` seconds, so a slow announcement is not cut off and a silent key costs only ``wait``.
        On a machine busy with other tests Orca has taken more than three seconds to say a text size.
        """
        self.heard()
        start = self.log_path.stat().st_size
        self._run(["xdotool", "key", "--delay", "150", *keys])
        self._wait_for(lambda: self.log_path.stat().st_size != start
                       and parse_speech(self.log_path.read_bytes()[start:].decode("utf-8", "replace")), wait)
        return self.settle(quiet=quiet, timeout=wait + 5)

    def type_text(self, text: str, **kwargs: float) -> list[str]:
        """Type text into the focused control; return what Orca said."""
        self.heard()
        self._run(["xdotool", "type", "--delay", "60", text])
        return self.settle(**kwargs)

    def orca_key(self, key: str, **kwargs: float) -> list[str]:
        """Press one of Orca's own commands: Insert (the Orca key) held with ``key``."""
        self.heard()
        self._run(["xdotool", "keydown", "Insert", "key", key, "keyup", "Insert"])
        return self.settle(**kwargs)

    def window_id(self) -> str | None:
        found = self._run(["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE], check=False)
        return found.split()[0] if found else None

    def window_title(self) -> str:
        window = self.window_id()
        return (self._run(["xdotool", "getwindowname", window], check=False) or "").strip() if window else ""

    def app_log(self) -> str:
        return self.app_log_path.read_text("utf-8", "replace") if self.app_log_path.exists() else ""

    def app_running(self) -> bool:
        return any(p.args == self.app_command and p.poll() is None for p in self._processes)

    # Helpers --------------------------------------------------------------------------------------

    def _log(self) -> str:
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""

    def _start_bus(self) -> str:
        """A private session bus that lives until this session closes its stdin."""
        self._bus = subprocess.Popen(
            ["dbus-run-session", "--", "sh", "-c", 'printf "%s\\n" "$DBUS_SESSION_BUS_ADDRESS"; exec cat >/dev/null'],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env)
        assert self._bus.stdout is not None
        address = self._bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-run-session did not start a bus")
        return address

    def _start_x_server(self) -> str:
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten",
                                   "tcp"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=self.env)
        self._processes.append(server)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                os.close(read)
                raise RuntimeError("Xvfb did not start")
            number += chunk
        os.close(read)
        return f":{number.decode().strip()}"

    def _spawn(self, command: list[str], name: str, env: dict[str, str] | None = None, cwd: Path | None = None,
               log: Path | None = None) -> subprocess.Popen:
        output = open(log or self.folder / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        try:
            process = subprocess.Popen(command, env=env or self.env, cwd=cwd, stdin=subprocess.DEVNULL,
                                       stdout=output, stderr=subprocess.STDOUT)
        finally:
            output.close()
        self._processes.append(process)
        return process

    def _run(self, command: list[str], check: bool = True) -> str | None:
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            if check:
                raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()}")
            return None
        return result.stdout

    @staticmethod
    def _wait_for(condition: Callable[[], object], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.1)
        return bool(condition())

    def _write_launcher(self) -> Path:
        """A copy of Orca's launcher with a line-buffered debug log and no check for other Orcas."""
        source = ORCA_LAUNCHER.read_text()
        patched = source.replace("debug.debugFile = open(args.debug_file, 'w')",
                                 "debug.debugFile = open(args.debug_file, 'w', buffering=1)")
        patched = patched.replace("    if otherOrcas():\n", "    if False:\n")
        if patched.count("buffering=1") != 1 or "if False:" not in patched:
            raise RuntimeError("Orca's launcher has changed; the session cannot patch it")
        launcher = self.folder / "orca-launcher.py"
        launcher.write_text(patched)
        return launcher

    @staticmethod
    def _write_orca_settings(prefs: Path) -> None:
        quiet = {"enableKeyEcho": False, "enableEchoByCharacter": False, "enableEchoByWord": False,
                 "enableBraille": False, "enableSound": False, "firstStart": False}
        profile = {"profile": ["Default", "default"], "pronunciations": {}, "keybindings": {}, **quiet}
        settings = {"general": dict(quiet), "profiles": {"default": profile}, "pronunciations": {},
                    "keybindings": {}}
        (prefs / "user-settings.conf").write_text(json.dumps(settings, indent=2))


def transcript(steps: Iterable[tuple[str, list[str]]]) -> str:
    """A readable record of a walk: each step's keys, then what Orca said."""
    lines = []
    for label, said in steps:
        lines.append(f"## {label}")
        lines.extend(f"  {utterance}" for utterance in said) if said else lines.append("  (silence)")
    return "\n".join(lines) + "\n"
