"""Search speed: Whoosh (as the reader uses it) beside SQLite FTS5, on the guide and on 10,000 sections.

Run from the project folder: ``python bench/search.py [--sections N] [--repeat R]``.
Prints build time, index size, cold open time and median / p95 latency per query type
(extracts included), with the FTS5 figure and the ratio Whoosh/FTS5 beside each. It never
asserts: timings vary by machine. Everything is built in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from reader.library import open_guide  # noqa: E402

# Query types: (Whoosh query, FTS5 query). FTS5 has no fuzzy search: it runs the misspelling as typed.
GUIDE_QUERIES = {
    "single word": [("disability", "disability"), ("carers", "carers"), ("commissioning", "commissioning"),
                    ("co-design", '"co design"'), ("outcomes", "outcomes"), ("partnership", "partnership")],
    "two words": [("public services", "public services"), ("people outcomes", "people outcomes"),
                  ("young scot", "young scot"), ("health wellbeing", "health wellbeing"),
                  ("community capacity", "community capacity"),
                  ("co-production network", '"co production" network')],
    "three words": [("public services people", "public services people"),
                    ("young scot project", "young scot project"),
                    ("community health wellbeing", "community health wellbeing")],
    "phrase": [('"public services"', '"public services"'), ('"lived experience"', '"lived experience"'),
               ('"people who use services"', '"people who use services"'),
               ('"third sector"', '"third sector"'), ('"building capacity"', '"building capacity"')],
    "prefix": [("commiss*", "commiss*"), ("partner*", "partner*"), ("co-des*", '"co" + des*'),
               ("comm*", "comm*"), ("deliver*", "deliver*")],
    "fuzzy": [("comissioning", "comissioning"), ("disabilty", "disabilty"), ("partnrship", "partnrship"),
              ("wellbeeing", "wellbeeing"), ("outcomse", "outcomse")],
}
CORPUS_QUERIES = {
    "single word": [("function", "function"), ("argument", "argument"), ("license", "license"),
                    ("encoding", "encoding"), ("timeout", "timeout"), ("directory", "directory")],
    "two words": [("return value", "return value"), ("file object", "file object"),
                  ("default encoding", "default encoding"), ("socket timeout", "socket timeout"),
                  ("source code", "source code"), ("string argument", "string argument")],
    "three words": [("return value type", "return value type"), ("file object method", "file object method"),
                    ("default string encoding", "default string encoding"),
                    ("socket timeout error", "socket timeout error")],
    "phrase": [('"return value"', '"return value"'), ('"file object"', '"file object"'),
               ('"keyword arguments"', '"keyword arguments"'), ('"the source code"', '"the source code"'),
               ('"if the argument is"', '"if the argument is"')],
    "prefix": [("encod*", "encod*"), ("direct*", "direct*"), ("licen*", "licen*"), ("co*", "co*"),
               ("th*", "th*")],
    "fuzzy": [("fucntion", "fucntion"), ("arguement", "arguement"), ("encodnig", "encodnig"),
              ("directroy", "directroy"), ("licence", "licence")],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def cold_open(content: Path, index_root: Path) -> dict[str, float]:
    """Open the built index in a fresh interpreter: import, load content, verify and open, first search."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
t0 = time.perf_counter()
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
import corpus
guide = corpus.load(__import__('pathlib').Path({str(content)!r}))
t1 = time.perf_counter()
import whoosh.index
t2 = time.perf_counter()
from reader.search import SearchIndex
ix = SearchIndex.open_or_build(guide, roots=[__import__('pathlib').Path({str(index_root)!r})])
t3 = time.perf_counter()
ix.search("public")
t4 = time.perf_counter()
assert ix.report.action == "opened", ix.report
print(json.dumps({{"load content": t1 - t0, "import whoosh": t2 - t1, "check + open": t3 - t2,
                   "first search": t4 - t3}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


_MEMORY = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from pathlib import Path
import corpus
if {mapped!r}:  # as Whoosh opens an index by default: files mapped into memory
    from whoosh.filedb.filestore import FileStorage
    plain = FileStorage.__init__
    FileStorage.__init__ = lambda self, path, supports_mmap=True, **kw: plain(self, path, supports_mmap=True, **kw)
from reader.search import SearchIndex
index = SearchIndex.open_or_build(corpus.load(Path({content!r})), roots=[Path({index_root!r})])
queries = {queries!r}
times = []
for number in range(50):
    started = time.perf_counter()
    index.search(queries[number % len(queries)])
    times.append(time.perf_counter() - started)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
print(json.dumps({{"median": statistics.median(times), "peak": peak}}))
"""
#: bench/scale.py's queries, so the memory figures compare with its.
MEMORY_QUERIES = ["carers", "volunteers planning", '"the service"', "health housing", "licence", "module", "policy",
                  "return value", "copyright notice", "function arguments"]


def memory(content: Path, index_root: Path, rounds: int = 2) -> None:
    """Peak memory and median search time after 50 searches in a new process: the index read with
    plain file reads (as the reader does) and mapped into memory (Whoosh's default), alternating."""
    if not Path("/proc/self/status").exists():
        return
    found: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for _ in range(rounds):
        for mapped in (False, True):
            code = _MEMORY.format(root=str(ROOT), bench=str(Path(__file__).resolve().parent), mapped=mapped,
                                  content=str(content), index_root=str(index_root), queries=MEMORY_QUERIES)
            out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
            found[mapped].append(json.loads(out.stdout))
    print("\nafter 50 searches in a new process (content loaded whole, as bench/scale.py does not; aim <= 120 MiB"
          " in bench/scale.py)")
    for mapped, runs in found.items():
        print(f"  index {'mapped into memory' if mapped else 'read (as the reader does)':<26} peak "
              + ", ".join(f"{run['peak']:.0f}" for run in runs) + " MiB;  median search "
              + ", ".join(f"{run['median'] * 1000:.1f}" for run in runs) + " ms")


def fts_build(database: Path, guide) -> float:
    from reader.search.build import documents

    started = time.perf_counter()
    db = sqlite3.connect(database)
    db.execute("CREATE VIRTUAL TABLE p USING fts5(section UNINDEXED, title, kind UNINDEXED, tags UNINDEXED,"
               " anchor UNINDEXED, text, tokenize='porter unicode61 remove_diacritics 2')")
    with db:
        db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)",
                       ((d["section"], d["title"], d["kind"], d["tags"], d["anchor"], d["text"])
                        for section in guide for d in documents(section, guide)))
    db.execute("INSERT INTO p(p) VALUES ('optimize')")
    db.commit()
    db.close()
    return time.perf_counter() - started


def fts_search(db: sqlite3.Connection, text: str, limit: int = 20) -> int:
    try:
        db.execute("SELECT section, title, anchor, bm25(p) AS score, "
                          "snippet(p, 5, '<b>', '</b>', '…', 32) FROM p WHERE p MATCH ? "
                          "ORDER BY score LIMIT ?", (text, limit)).fetchall()
        total = db.execute("SELECT count(*) FROM p WHERE p MATCH ?", (text,)).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    return total


def measure(ours, theirs, queries, repeat: int) -> tuple[list[float], list[int], list[float], list[int]]:
    """Each query run by both engines in turn (so the machine's load falls on both alike)."""
    times: tuple[list[float], list[float]] = ([], [])
    totals: tuple[list[int], list[int]] = ([], [])
    for _ in range(repeat):
        for query in queries:
            for side, function in enumerate((ours, theirs)):
                started = time.perf_counter()
                totals[side].append(function(query))
                times[side].append(time.perf_counter() - started)
    return times[0], totals[0], times[1], totals[1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f} ms"


def ratio(a: float, b: float) -> str:
    return f"{a / b:6.1f}x" if b > 0 else "   n/a"


def breakdown(index, queries: dict, repeat: int) -> None:
    """Where a search's time goes, and what each of the reader's changes to plain Whoosh saves."""
    from whoosh import query as wq
    from whoosh.highlight import ContextFragmenter, HtmlFormatter

    from reader.search.query import ExpansionOr, plan

    searcher = index._searcher
    reader = searcher.reader()

    def median_ms(function) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
        return statistics.median(times) * 1000

    def plain_whoosh(q):
        """Undo our rewrites: phrases as position checks, expansions as Whoosh's default union."""
        if isinstance(q, ExpansionOr):
            return wq.Or(list(q.subqueries))
        if isinstance(q, wq.Term) and q.fieldname == "pairs":
            return wq.Phrase("text", q.text.split(" "))
        if isinstance(q, wq.And) and any(isinstance(s, wq.Phrase) for s in q.subqueries):
            return next(s for s in q.subqueries if isinstance(s, wq.Phrase))
        if isinstance(q, wq.CompoundQuery):
            return type(q)([plain_whoosh(s) for s in q.subqueries])
        return q

    print(f"\nwhere the time goes (median per query, {repeat} runs; ms)")
    print("  (search+count: scoring as the reader does it, a posting list at a time where it can;"
          " plain Whoosh: its own search)")
    print(f"{'query type':<14}{'parse+plan':>11}{'search+count':>14}{'extracts':>10}{'whole search':>14}   "
          f"{'plain Whoosh search+count':>26}{'Whoosh highlighter':>20}")
    print("  (whole search: index.search as the reader calls it, with the ranking rules: phrases checked,"
          " help after the guide, near-identical passages folded)")
    for kind, pairs in queries.items():
        if kind == "fuzzy":
            continue
        rows = []
        for text, _ in pairs:
            found = plan(text, index._parser, reader)
            if found.query is None:
                continue
            parse = median_ms(lambda text=text: plan(text, index._parser, reader))
            ours = median_ms(lambda q=found.query: index._score(searcher, q, None, 60)[0])
            results = searcher.search(found.query, limit=20, optimize=False)
            texts = [hit["text"] for hit in results]
            extracts = median_ms(lambda texts=texts, h=found.highlighter: [h.extract(t) for t in texts])
            raw = plain_whoosh(found.query)
            plain = median_ms(lambda raw=raw: len(searcher.search(raw, limit=20)))
            raw_results = searcher.search(raw, limit=20, terms=True)
            raw_results.fragmenter = ContextFragmenter(maxchars=220)
            raw_results.formatter = HtmlFormatter(tagname="b")
            highlighted = median_ms(lambda r=raw_results: [hit.highlights("text") for hit in r])
            whole = median_ms(lambda text=text: index.search(text))
            rows.append((parse, ours, extracts, whole, plain, highlighted))
        columns = [statistics.median(column) for column in zip(*rows, strict=True)]
        print(f"{kind:<14}{columns[0]:>11.2f}{columns[1]:>14.2f}{columns[2]:>10.2f}{columns[3]:>14.2f}   "
              f"{columns[4]:>26.2f}{columns[5]:>20.2f}")


def aims(figures: dict[str, tuple[float, float, float]]) -> None:
    """The speed aims beside what was measured in this run (median, FTS5 median, p95 per query type)."""
    print("\naims (this run)")
    for kind in ("two words", "three words"):
        ours, fts, _ = figures[kind]
        print(f"  {kind:<12} median {ours / fts:5.1f}x FTS5 ({ms(ours).strip()} vs {ms(fts).strip()}); aim <= 3x")
    print(f"  {'prefix':<12} p95 {ms(figures['prefix'][2]).strip()}; aim <= 20 ms")
    print(f"  {'misspelling':<12} median {ms(figures['fuzzy'][0]).strip()}, p95 {ms(figures['fuzzy'][2]).strip()};"
          " aim <= 10 ms")
    ours, fts, _ = figures["phrase"]
    print(f"  {'phrase':<12} median {ours / fts:5.1f}x FTS5 ({ms(ours).strip()} vs {ms(fts).strip()}); exact")


def run_one(name: str, guide, content: Path, queries: dict, repeat: int, work: Path) -> None:
    from reader.search import SearchIndex

    print(f"\n## {name}: {len(guide)} sections")
    index_root = work / f"{name}-index"
    started = time.perf_counter()
    index = SearchIndex.open_or_build(guide, roots=[index_root])
    whoosh_build = time.perf_counter() - started
    assert index.report is not None
    documents = index.report.documents
    database = work / f"{name}.sqlite"
    fts_time = fts_build(database, guide)
    whoosh_size, fts_size = folder_size(index_root), database.stat().st_size
    print(f"passages indexed         {documents}")
    print(f"build (incl. rendering)  Whoosh {whoosh_build:8.2f} s   FTS5 {fts_time:8.2f} s   "
          f"ratio {ratio(whoosh_build, fts_time)}")
    print(f"index size               Whoosh {whoosh_size / 1e6:8.2f} MB  FTS5 {fts_size / 1e6:8.2f} MB  "
          f"ratio {ratio(whoosh_size, fts_size)}")
    cold = cold_open(content, index_root)
    started = time.perf_counter()
    db = sqlite3.connect(database)
    fts_search(db, "public")
    fts_cold = time.perf_counter() - started
    print("cold open (new process)  " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in cold.items())
          + f";  FTS5 connect + first search {fts_cold * 1000:.1f} ms")
    print(f"\n{'query type':<14}{'Whoosh median':>15}{'FTS5':>11}{'ratio':>8}   "
          f"{'Whoosh p95':>12}{'FTS5':>11}{'ratio':>8}   matches (first query)")
    everything: list[float] = []
    figures: dict[str, tuple[float, float, float]] = {}
    first_use: dict[str, float] = {}
    for kind, pairs in queries.items():
        for warm in pairs:  # fill caches once, as a session does after the first keystrokes
            started = time.perf_counter()
            index.search(warm[0])
            first_use[kind] = max(first_use.get(kind, 0.0), time.perf_counter() - started)
        w_times, w_totals, f_times, f_totals = measure(lambda q: index.search(q[0]).total,
                                                       lambda q: fts_search(db, q[1]), pairs, repeat)
        figures[kind] = (statistics.median(w_times), statistics.median(f_times), percentile(w_times, 0.95))
        everything += w_times
        w_med, f_med = statistics.median(w_times), statistics.median(f_times)
        w_p95, f_p95 = percentile(w_times, 0.95), percentile(f_times, 0.95)
        note = " (FTS5: no fuzzy search, finds 0)" if kind == "fuzzy" else ""
        print(f"{kind:<14}{ms(w_med):>15}{ms(f_med):>11}{ratio(w_med, f_med):>8}   "
              f"{ms(w_p95):>12}{ms(f_p95):>11}{ratio(w_p95, f_p95):>8}   "
              f"{w_totals[0]} / {f_totals[0]}{note}")
    print(f"{'all queries':<14}{ms(statistics.median(everything)):>15}{'':>19}   "
          f"{ms(percentile(everything, 0.95)):>12}")
    print("first use, slowest query (word lists and misspelling tables made then kept): "
          + ", ".join(f"{kind} {seconds * 1000:.0f} ms" for kind, seconds in first_use.items()))
    aims(figures)
    breakdown(index, queries, max(3, repeat // 2))
    db.close()
    index.close()
    if name == "corpus":
        memory(content, index_root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=10_000, help="sections in the generated corpus")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--skip-corpus", action="store_true", help="only the guide")
    args = parser.parse_args()
    print(f"# Search benchmark — Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"{platform.machine()}")
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        work = Path(tmp)
        guide = open_guide()
        run_one("guide", guide, ROOT / "content", GUIDE_QUERIES, args.repeat, work)
        if not args.skip_corpus:
            content = work / "corpus"
            started = time.perf_counter()
            facts = corpus.write_corpus(content, args.sections)
            big = corpus.load(content)
            print(f"\n(corpus: {facts['sections']} sections, {facts['words']} words from {facts['pool']} "
                  f"distinct paragraphs, written and loaded in {time.perf_counter() - started:.1f} s)")
            run_one("corpus", big, content, CORPUS_QUERIES, max(3, args.repeat // 4), work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
