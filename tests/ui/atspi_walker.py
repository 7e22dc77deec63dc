"""See the reader as a screen reader on Linux does: over AT-SPI, from another process.

Run by the system Python (Debian's ``python3-pyatspi``) inside ``dbus-run-session``:
starts a private X server (Xvfb), starts the reader on it with Qt's Linux accessibility
switched on, presses the named menu items through AT-SPI as Orca would, then prints the
application's accessibility tree as JSON (role, name, description, text, states) and
stops both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]

TEXT_LIMIT = 400


def start_x_server() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            raise RuntimeError("Xvfb did not start")
        number += chunk
    os.close(read)
    return server, f":{number.decode().strip()}"


def find_application(name: str, timeout: float) -> object | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for application in pyatspi.Registry.getDesktop(0):
            if application is not None and name in (application.name or ""):
                frames = [child for child in application if child is not None]
                if frames:
                    return application
        time.sleep(0.2)
    return None


def walk(node: object, depth: int = 0) -> dict:
    info = {"role": node.getRoleName(), "name": node.name or "", "description": node.description or "",
            "states": sorted(pyatspi.stateToString(s) for s in node.getState().getStates())}
    relations = {}
    for relation in node.getRelationSet():
        targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
        relations[pyatspi.relationToString(relation.getRelationType())] = [t.name for t in targets if t is not None]
    if relations:
        info["relations"] = relations
    try:
        text = node.queryText()
        info["text"] = text.getText(0, min(text.characterCount, TEXT_LIMIT))
    except NotImplementedError:
        pass
    if depth < 30:
        info["children"] = [walk(child, depth + 1) for child in node if child is not None]
    return info


def find(node: object, role: str, name: str) -> object | None:
    if node.getRoleName() == role and node.name == name:
        return node
    for child in node:
        if child is not None and (found := find(child, role, name)) is not None:
            return found
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app-python", required=True)
    parser.add_argument("--home", required=True)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--press", action="append", default=[], help="name of a menu item to activate")
    args = parser.parse_args()

    server, display = start_x_server()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               COPRODUCTION_READER_HOME=args.home)
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen([args.app_python, "-m", "reader"], cwd=args.cwd, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        application = find_application("coproduction-reader", timeout=30)
        if application is None:
            print(json.dumps({"error": "the reader never appeared on the accessibility bus"}))
            return 1
        for item in args.press:
            target = find(application, "menu item", item)
            if target is None:
                print(json.dumps({"error": f"no menu item {item!r}"}))
                return 1
            target.queryAction().doAction(0)
            time.sleep(0.5)
        time.sleep(0.3)
        print(json.dumps(walk(application)))
        return 0
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
