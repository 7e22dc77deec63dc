"""Reading aloud: time from Play to the first sound, and audio export speed.

Play → first sound is measured from ``Narrator.play()`` to the moment the first frames of
speech are handed to the sound device (the device plays them at once; a real sound card adds
its own buffer, about one period of 30 ms, which is also printed). "Cold" opens the sound
device; "warm" finds it open (playing again within a few seconds of stopping). Export speed is
seconds of audio written per second of work. Uses eSpeak NG and, unless --device is given,
the silent real-time device. Nothing is asserted. Usage: python bench/speech.py [--runs N] [--device]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import open_guide  # noqa: E402
from reader.speech.engine import open_engine  # noqa: E402
from reader.speech.export import export_script, export_scripts  # noqa: E402
from reader.speech.narrator import Narrator  # noqa: E402
from reader.speech.player import BUFFER_MS, Player  # noqa: E402
from reader.speech.prepare import prepare_section  # noqa: E402


def first_sound(narrator: Narrator, index: int, timeout: float = 10.0) -> float:
    started = time.monotonic()
    narrator.play(index)
    deadline = started + timeout
    while time.monotonic() < deadline:
        player = narrator.player
        if player is not None and player.first_audio_at is not None and player.first_audio_at >= started:
            return player.first_audio_at - started
        time.sleep(0.0005)
    raise RuntimeError("no sound within the time limit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--device", action="store_true", help="use the real default sound device")
    args = parser.parse_args()
    backend = None if args.device else "null"
    guide = open_guide()
    started = time.perf_counter()
    engine = open_engine()
    opened = time.perf_counter() - started
    scripts = [prepare_section(section, guide) for section in guide]
    longest = max(scripts, key=lambda s: max(len(u.text) for u in s))

    cold: list[float] = []
    warm: list[float] = []
    for run in range(args.runs):
        script = scripts[run % len(scripts)]
        index = min(2, len(script) - 1)

        narrator = Narrator(engine, player_factory=lambda rate: Player(rate, backend=backend))
        narrator.load(script)
        cold.append(first_sound(narrator, index))
        narrator.stop()
        narrator.player.first_audio_at = None  # type: ignore[union-attr]
        warm.append(first_sound(narrator, index))
        narrator.close()

    sentence_ms = []
    for utterance in longest.utterances:
        began = time.perf_counter()
        engine.synthesise(utterance.text)
        sentence_ms.append((time.perf_counter() - began) * 1000)

    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for name in ("foreword.wav", "foreword.mp3"):
            began = time.perf_counter()
            result = export_script(engine, scripts[0], Path(folder) / name)
            rows.append((name, result.duration_ms / 1000, time.perf_counter() - began, result.size))
        began = time.perf_counter()
        results = export_scripts(engine, scripts, Path(folder) / "guide", "mp3")
        rows.append((f"whole guide, {len(results)} MP3 files", sum(r.duration_ms for r in results) / 1000,
                     time.perf_counter() - began, sum(r.size for r in results)))

    device = "the default sound device" if args.device else "a silent real-time device"
    print(f"Reading aloud with {engine.name} on {os.cpu_count()} cores, {device}:")
    print(f"  engine opened in {opened * 1000:.0f} ms")
    print(f"  Play → first sound handed to the device, over {args.runs} runs "
          f"(a sound card adds about {BUFFER_MS} ms):")
    for label, values in (("cold (device opened)", cold), ("warm (device open)", warm)):
        values = sorted(values)
        print(f"    {label}: median {statistics.median(values) * 1000:.0f} ms, "
              f"fastest {values[0] * 1000:.0f} ms, slowest {values[-1] * 1000:.0f} ms")
    print(f"  one sentence synthesised: median {statistics.median(sentence_ms):.1f} ms, "
          f"longest {max(sentence_ms):.1f} ms ({len(sentence_ms)} sentences of “{longest.title}”)")
    print("  export (audio seconds per second of work):")
    for name, audio_s, work_s, size in rows:
        print(f"    {name}: {audio_s:.0f} s of audio in {work_s:.2f} s = {audio_s / work_s:.0f}× real time, "
              f"{size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
