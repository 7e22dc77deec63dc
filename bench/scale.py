"""How the reader scales with content packs: 0, 1, 10 and 100 packs of 100 realistic sections.

For each size it prints the start to painted text and the memory then (the real ``python -m
reader``, median of a few runs), the time of the real ``pack add`` command for the last pack,
the time a new process takes to open the library and its search index, the search latency and
the memory after 50 queries. Nothing is asserted.

Packs are written with :mod:`bench.corpus`'s real English text, zipped with the app's own
``pack create`` and, to keep the build step short, installed before the timed one by unpacking
their checked zips into the packs folder (exactly what ``pack add`` leaves there); the last pack
of each size goes through the real ``pack add`` command. The search index is built in-process.

Usage: python bench/scale.py [--sizes 0,1,10,100] [--runs 3]

Quick mode, only the real ``pack add`` of the Nth pack into a library holding N-1: ``--add-only N``.
The library is built once in ``--library FOLDER`` and reused by later runs; after each timed add the
pack is removed again (not timed). ``--against FOLDER`` (another copy of the project, such as an
older commit) times its ``pack add`` too, alternating with this one, each pair on the same library.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS_PER_PACK = 100
QUERIES = ("carers", "volunteers planning", "\"the service\"", "health housing", "licence",
           "module", "policy", "return value", "copyright notice", "function arguments")

# Runs in a fresh process: open the library and the index, then search 50 times.
_OPEN_AND_SEARCH = r"""
import json, sys, time
start = time.perf_counter()
from reader.library import open_library
from reader.search import SearchIndex
guide = open_library().guide
loaded = time.perf_counter()
index = SearchIndex.open_or_build(guide)
opened = time.perf_counter()
queries = json.loads(sys.argv[1])
latencies = []
for number in range(50):
    began = time.perf_counter()
    index.search(queries[number % len(queries)])
    latencies.append(time.perf_counter() - began)
# Peak memory of this program: not ru_maxrss, which Linux keeps from the (large) parent across exec.
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
print(json.dumps({"library": loaded - start, "open": opened - start, "action": index.report.action,
                  "latencies": latencies, "rss": rss, "sections": len(guide)}))
"""


def write_pack(folder: Path, number: int, pool: list[str]) -> None:
    """A pack folder of SECTIONS_PER_PACK sections: a heading and 2–4 paragraphs each."""
    from bench.corpus import KINDS, TAGS

    rng = random.Random(number)
    folder.mkdir(parents=True)
    (folder / "sections").mkdir()
    name = f"pack-{number:03d}"
    manifest = [f"name: {name}", f'title: "Benchmark pack {number}"', "language: en-GB", "sections:"]
    for index in range(1, SECTIONS_PER_PACK + 1):
        section_id = f"p{number:03d}-s{index:03d}"
        chosen = [rng.choice(pool) for _ in range(rng.randint(2, 4))]
        heading = " ".join(chosen[0].split()[:rng.randint(3, 6)]).strip(".,;:").replace("#", "")
        body = (f"---\nsummary: Section {index} of pack {number}.\n---\n## {heading}\n\n"
                + "\n\n".join(p.replace("*", "").replace("`", "").replace("<", "") for p in chosen) + "\n")
        (folder / "sections" / f"{section_id}.md").write_text(body, encoding="utf-8")
        tags = ", ".join(rng.sample(TAGS, rng.randint(1, 2)))
        manifest += [f"  - id: {section_id}", f"    file: sections/{section_id}.md",
                     f'    title: "Pack {number}, section {index}"', f"    kind: {rng.choice(KINDS)}",
                     f"    tags: [{tags}]"]
    (folder / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(env: dict[str, str], *args: str) -> tuple[float, float]:
    """The real command's wall-clock time and its CPU time (which a busy machine inflates less)."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True, timeout=600)
    return time.perf_counter() - started, _children_cpu() - cpu


def _seconds(timing: tuple[float, float] | None) -> str:
    return "-" if timing is None else f"{timing[0]:.2f} s (CPU {timing[1]:.2f} s)"


def start_to_paint(env: dict[str, str]) -> tuple[float, float]:
    env = dict(env, COPRODUCTION_READER_STARTUP_PROBE="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    result = subprocess.run([sys.executable, "-m", "reader"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=600, check=True)
    probe = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    return probe["painted_at"] - started, probe["max_rss_kb"] / 1024


def open_and_search(env: dict[str, str]) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _OPEN_AND_SEARCH, json.dumps(QUERIES)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1200, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["process"] = time.perf_counter() - started
    return figures


def _library(folder: Path, packs: int) -> tuple[dict[str, str], Path]:
    """A user folder holding ``packs - 1`` installed packs and the last one's zip, made once and reused."""
    env = dict(os.environ, COPRODUCTION_READER_HOME=str(folder / "home"),
               COPRODUCTION_READER_INDEX=str(folder / "no-index"))
    last = folder / "zips" / f"pack-{packs:03d}.zip"
    if last.is_file():
        return env, last
    from bench.corpus import source_paragraphs
    from reader.packs import create

    os.environ.update(env)
    from reader.packs import packs_dir

    pool = source_paragraphs()
    for number in range(1, packs + 1):
        source = folder / "sources" / f"pack-{number:03d}"
        write_pack(source, number, pool)
        out = folder / "zips" / f"pack-{number:03d}.zip"
        out.parent.mkdir(parents=True, exist_ok=True)
        create(source, out)
        if number < packs:
            with zipfile.ZipFile(out) as archive:
                archive.extractall(packs_dir() / f"pack-{number:03d}")
        print(f"\rbuilding the library: {number}/{packs} packs", end="", flush=True)
    print()
    subprocess.run([sys.executable, "-m", "reader", "pack", "list"], cwd=ROOT, env=env, check=True,
                   capture_output=True)  # lists the unpacked packs once, as the next start would
    return env, last


def add_only(packs: int, folder: Path, against: Path | None, runs: int) -> None:
    """Time the real ``pack add`` of the last pack (then remove it, untimed), alternating copies."""
    env, zip_path = _library(folder, packs)
    copies = [("this copy", ROOT)] + ([("against", against.resolve())] if against else [])
    times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in copies}
    # Each copy adds into a library of its own: two versions of the reader sharing one would each
    # find the other's library cache "from another version" and list all the packs again every time.
    scratch = Path(tempfile.mkdtemp(prefix="scale-add-"))
    envs: dict[str, dict[str, str]] = {}
    for number, (label, _) in enumerate(copies):
        home = scratch / f"home-{number}"
        shutil.copytree(folder / "home", home, symlinks=True)
        envs[label] = dict(env, COPRODUCTION_READER_HOME=str(home))

    def once(label: str, root: Path) -> tuple[float, float]:
        started, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([sys.executable, "-m", "reader", "pack", "add", str(zip_path)], cwd=root, env=envs[label],
                       check=True, capture_output=True, timeout=600)
        timing = time.perf_counter() - started, _children_cpu() - cpu
        subprocess.run([sys.executable, "-m", "reader", "pack", "remove", f"pack-{packs:03d}"], cwd=root,
                       env=envs[label], check=True, capture_output=True, timeout=600)
        return timing

    def floor() -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, timeout=60)
        return time.perf_counter() - started

    floors: list[float] = []
    try:
        for label, root in copies:  # a warm-up each: bytecode written, files in the page cache, cache listed
            once(label, root)
        for _ in range(runs):
            for label, root in copies:
                times[label].append(once(label, root))
            floors.append(floor())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    # How fast the machine is in the same runs: its load moves every figure above, and this with them.
    print(f"python -c pass, between the adds: median {statistics.median(floors) * 1000:.1f} ms")
    for label, root in copies:
        print(f"pack add of pack {packs} into {packs - 1} packs ({label}, {root}): "
              f"median {statistics.median(t for t, _ in times[label]):.3f} s "
              f"(CPU {statistics.median(c for _, c in times[label]):.3f} s), "
              f"min {min(t for t, _ in times[label]):.3f} s over {runs} runs")
    if against:
        ratios = sorted(new[0] / old[0] for new, old in zip(times["this copy"], times["against"], strict=True))
        cpu = sorted(new[1] / old[1] for new, old in zip(times["this copy"], times["against"], strict=True))
        print(f"ratio this/against, pair by pair: wall median {statistics.median(ratios):.2f} "
              f"(min {ratios[0]:.2f}, max {ratios[-1]:.2f}), CPU median {statistics.median(cpu):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0,1,10,100", help="numbers of packs, comma-separated, ascending")
    parser.add_argument("--runs", type=int, default=3, help="start-up runs per size (median printed)")
    parser.add_argument("--add-only", type=int, metavar="N", help="time only the add of the Nth pack")
    parser.add_argument("--library", type=Path, help="with --add-only: where the library is kept (made once)")
    parser.add_argument("--against", type=Path, help="with --add-only: another copy of the project to compare")
    args = parser.parse_args()
    if args.add_only:
        from bench.startup import compile_reader

        compile_reader()
        with tempfile.TemporaryDirectory() as scratch:
            add_only(args.add_only, args.library or Path(scratch), args.against, args.runs)
        return
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    from bench.corpus import source_paragraphs
    from bench.startup import compile_reader

    compile_reader()

    pool = source_paragraphs()
    rows = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        env = dict(os.environ, COPRODUCTION_READER_HOME=str(scratch / "home"),
                   COPRODUCTION_READER_INDEX=str(scratch / "index"))
        os.environ.update(env)
        # A second user with no packs (and its own index), started alternately for the start ratio.
        empty = dict(env, COPRODUCTION_READER_HOME=str(scratch / "home-empty"),
                     COPRODUCTION_READER_INDEX=str(scratch / "index-empty"))
        cli(empty, "index")
        from reader.packs import create, packs_dir
        from reader.search import SearchIndex

        installed = 0
        for size in sizes:
            add_seconds = None
            while installed < size:
                installed += 1
                source = scratch / "sources" / f"pack-{installed:03d}"
                write_pack(source, installed, pool)
                out = scratch / "zips" / f"pack-{installed:03d}.zip"
                out.parent.mkdir(exist_ok=True)
                if installed < size:
                    create(source, out)
                    with zipfile.ZipFile(out) as archive:
                        archive.extractall(packs_dir() / f"pack-{installed:03d}")
                else:
                    # The packs unpacked above are listed once, as the reader's next start would
                    # (``pack add`` records each pack it installs; unpacking by hand does not).
                    from reader.library import open_library

                    open_library()
                    # The last one through the real commands, with no index to update (as after
                    # a fresh install); the index is then built, and the add timed again updating it
                    cli(env, "pack", "create", str(source), "--out", str(out))
                    no_index = dict(env, COPRODUCTION_READER_INDEX=str(scratch / f"no-index-{size}"))
                    add_seconds = cli(no_index, "pack", "add", str(out))
            started = time.perf_counter()
            from reader.library import open_library

            SearchIndex.open_or_build(open_library().guide).close()
            build = time.perf_counter() - started
            add_indexed = None
            if add_seconds is not None:
                add_indexed = cli(env, "pack", "add", "--replace", str(out))
            # Alternating with a reader that has no packs, so a busy machine slows both alike.
            paints, plain = [], []
            for _ in range(args.runs):
                paints.append(start_to_paint(env))
                plain.append(start_to_paint(empty))
            searched = open_and_search(env)
            latencies = sorted(searched["latencies"])
            rows.append({
                "packs": size, "sections": searched["sections"],
                "paint": statistics.median(t for t, _ in paints), "paint_rss": statistics.median(m for _, m in paints),
                "plain": statistics.median(t for t, _ in plain),
                "add": add_seconds, "add_indexed": add_indexed, "build": build, "library": searched["library"],
                "open": searched["open"],
                "process": searched["process"], "median_q": statistics.median(latencies),
                "p95_q": latencies[int(len(latencies) * 0.95) - 1], "rss": searched["rss"]})
            row = rows[-1]
            print(f"{size:>3} packs ({row['sections']} sections): paint {row['paint'] * 1000:.0f} ms "
                  f"(no packs, alternating: {row['plain'] * 1000:.0f} ms, ratio {row['paint'] / row['plain']:.2f}x) "
                  f"({row['paint_rss']:.0f} MiB); pack add {_seconds(add_seconds)} (replacing it, index "
                  f"updated: {_seconds(add_indexed)}); index build {build:.1f} s; "
                  f"new process: library {row['library']:.2f} s, library+index open {row['open']:.2f} s "
                  f"({searched['action']}); "
                  f"search median {row['median_q'] * 1000:.1f} ms, p95 {row['p95_q'] * 1000:.1f} ms; "
                  f"memory after 50 queries {row['rss']:.0f} MiB", flush=True)
    base = rows[0]
    print(f"\nRelative to {base['packs']} packs ({os.cpu_count()} cores, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    for row in rows[1:]:
        print(f"  {row['packs']:>3} packs: start {row['paint'] / base['paint']:.2f}x, "
              f"index open {row['open'] / base['open']:.2f}x, memory after queries {row['rss'] / base['rss']:.2f}x")


if __name__ == "__main__":
    main()
