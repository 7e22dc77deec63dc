"""Relevance: does the reader's search put the passage that answers a question first?

Run from the project folder: ``python bench/relevance.py [--show]``.
:data:`QUESTIONS` are what a community group might type, written from the guide's own text,
each with the passages (``section#anchor``) that answer it. For the reader's search and, as a
peer on the same passages, SQLite FTS5 (porter stemming, bm25, every word required, any word
when none has them all) it prints top-1, top-3, mean reciprocal rank (over the first 10) and
repeats in the top 5 (a passage whose words are the same, or nearly, as one above it).
``--show`` lists each question's first five results. ``tests/test_relevance.py`` runs the same
set and holds the reader to top-3 for every question and no repeats.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (what is typed, the passages that answer it)
QUESTIONS: list[tuple[str, set[str]]] = [
    ("what is co-production", {"foreword#p2", "words#co-production", "words#p2"}),  # the entry, or its words
    ("what does co-production actually mean", {"introduction#p1", "foreword#p2", "words#p2"}),
    ("how do we join the network", {"introduction#p5"}),
    ("is the network free to join", {"introduction#p5"}),
    ("who developed this resource", {"foreword#p5"}),
    ("examples of co-design", {"introduction#p2", "examples#p4"}),
    ("co-commissioning examples", {"introduction#p2", "examples#p3"}),
    ("working with third sector organisations", {"introduction#p2", "examples#p5"}),
    ("support for people living with disabilities", {"introduction#p3", "examples#p6"}),
    ("training and support for unpaid carers", {"introduction#p3", "examples#p6"}),
    ("lived experience", {"introduction#p3", "examples#p6"}),
    ("housing and community safety", {"introduction#p4", "examples#p8"}),
    ("challenging inequalities in local communities", {"introduction#p4", "examples#p8"}),
    ("co-production star", {"introduction#p4", "examples#p7", "words#p3"}),
    ("combined assets of people and communities", {"introduction#p4"}),
    ("permanent secretary interview", {"foreword#p6", "examples#p10"}),
    ("scottish approach to public services", {"foreword#p6"}),
    ("health and social care partnerships", {"foreword#p4"}),
    ("community empowerment legislation", {"foreword#p4"}),
    ("carers and families in strategic planning", {"foreword#p4"}),
    ("prevention and reducing inequalities", {"foreword#p3"}),
    ("better outcomes for people and communities", {"foreword#p3"}),
    ("national co-production conference 2014", {"foreword#p2"}),
    ("sharing our strengths", {"foreword#p1", "foreword#p2"}),
    ("policies and legislation", {"introduction#p1", "examples#p9"}),
    ("reforming public services in scotland", {"introduction#p5", "foreword#p3"}),
    ("people powered health and wellbeing", {"introduction#p3", "examples#p6"}),
    ("glasgow disability alliance", {"introduction#p3", "examples#p6"}),
    ("lochside neighbourhood group", {"introduction#p4", "examples#p8"}),
    ("feet first dadswork", {"introduction#p2", "examples#p5"}),
    ("young scot", {"introduction#p2", "examples#p4", "young-scot#p1"}),
    ("north lanarkshire evoc", {"introduction#p2", "examples#p3"}),
    ("joint improvement team", {"foreword#p5", "foreword#p12"}),
    ("working together on an equal basis", {"foreword#p2"}),
    ("learn debate and exchange ideas", {"introduction#p5"}),
    ("carers", {"foreword#p4", "introduction#p3", "examples#p6"}),
    ("spreading good practice across public services", {"introduction#p4", "examples#p7"}),
    ("confidence and skills", {"introduction#p3", "examples#p6", "words#p10"}),
]
DEPTH = 10  # results looked at for the reciprocal rank


@dataclass
class Answer:
    """One engine's results for one question: passage keys and their texts, best first."""

    question: str
    wanted: set[str]
    keys: list[str]
    texts: list[str]

    @property
    def rank(self) -> int | None:
        return next((i for i, key in enumerate(self.keys[:DEPTH], 1) if key in self.wanted), None)

    @property
    def repeats(self) -> int:
        """Results in the top 5 that say (nearly) the same as one above them."""
        from reader.search.ranking import alike, fingerprint

        seen: list[frozenset[str]] = []
        count = 0
        for text in self.texts[:5]:
            words = fingerprint(text)
            count += any(alike(words, other) for other in seen)
            seen.append(words)
        return count


@dataclass
class Scores:
    answers: list[Answer] = field(default_factory=list)

    def share(self, within: int) -> float:
        return sum(1 for a in self.answers if a.rank is not None and a.rank <= within) / len(self.answers)

    @property
    def mrr(self) -> float:
        return sum(1 / a.rank for a in self.answers if a.rank) / len(self.answers)

    @property
    def repeats(self) -> int:
        return sum(a.repeats for a in self.answers)

    def line(self, name: str) -> str:
        count = len(self.answers)
        return (f"{name:<16} top-1 {self.share(1):6.1%} ({round(self.share(1) * count)}/{count})   "
                f"top-3 {self.share(3):6.1%} ({round(self.share(3) * count)}/{count})   "
                f"MRR {self.mrr:.3f}   repeats in top 5: {self.repeats}")


def reader_scores(index, questions=QUESTIONS) -> Scores:
    """The reader's search (a :class:`reader.search.SearchIndex`) on every question."""
    from reader.render import render_section

    texts: dict[str, str] = {}
    for section in index.sections:
        for block in render_section(section).blocks:
            texts[f"{section.id}#{block.anchor}"] = block.text
    scores = Scores()
    for question, wanted in questions:
        hits = index.search(question, limit=DEPTH).results
        keys = [f"{hit.section}#{hit.anchor}" for hit in hits]
        scores.answers.append(Answer(question, wanted, keys, [texts.get(key, "") for key in keys]))
    return scores


def fts_scores(guide, questions=QUESTIONS) -> Scores:
    """SQLite FTS5 on the same passages: every word required, else any word; bm25 order."""
    from reader.search.build import documents

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(key UNINDEXED, text, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO p VALUES (?, ?)", ((d["key"], d["text"]) for section in guide
                                                   for d in documents(section, guide)))
    scores = Scores()
    for question, wanted in questions:
        words = ['"' + word.replace('"', "") + '"' for word in question.split()]
        rows = []
        for joiner in (" ", " OR "):
            rows = db.execute("SELECT key, text FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?",
                              (joiner.join(words), DEPTH)).fetchall()
            if rows:
                break
        scores.answers.append(Answer(question, wanted, [r[0] for r in rows], [r[1] for r in rows]))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list each question's first five results")
    args = parser.parse_args()

    from reader.library import open_guide
    from reader.search import SearchIndex

    guide = open_guide(include_packs=False)
    with tempfile.TemporaryDirectory() as folder, \
            SearchIndex.open_or_build(guide, roots=[Path(folder) / "index"]) as index:
        ours = reader_scores(index)
    peer = fts_scores(guide)
    print(f"{len(QUESTIONS)} questions on the guide ({sum(1 for _ in guide)} sections); "
          f"an answer counts when it is one of the question's passages.")
    print(ours.line("Reader (Whoosh)"))
    print(peer.line("SQLite FTS5"))
    missed = [a for a in ours.answers if a.rank is None or a.rank > 3]
    for answer in missed:
        print(f"  not in the top 3: {answer.question!r} → {answer.keys[:3]} (rank {answer.rank})")
    for answer in ours.answers:
        if answer.repeats:
            print(f"  repeats: {answer.question!r} → {answer.keys[:5]}")
    if args.show:
        for answer in ours.answers:
            marks = ["*" if key in answer.wanted else " " for key in answer.keys[:5]]
            print(f"\n{answer.question}  (rank {answer.rank})")
            for mark, key in zip(marks, answer.keys[:5], strict=True):
                print(f"  {mark} {key}")


if __name__ == "__main__":
    main()
