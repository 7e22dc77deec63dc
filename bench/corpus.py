"""A large content folder of real English text for benchmarks, made from text that ships with
Python and Debian (standard-library docstrings, Python's help topics, licence texts).

Nothing here is committed or downloaded: the folder is written to a temporary place on each run.
The same seed gives the same corpus, so figures can be compared between runs.
"""

from __future__ import annotations

import ast
import random
import re
import sysconfig
from pathlib import Path

KINDS = ("examples", "introduction", "help", "glossary", "foreword")
TAGS = ("co-design", "co-commissioning", "co-delivery", "policy", "carers", "health", "housing",
        "disability", "third-sector", "building-capacity")
_WORDS = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _prose(text: str) -> list[str]:
    """Paragraphs of running text from a docstring or a document: no code, no tables."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().splitlines()]
        code_like = (">>>", "...", "$", "|", "+-", "==", "--", "..")
        if not lines or any(line.startswith(code_like) for line in lines):
            continue
        paragraph = " ".join(lines)
        words = paragraph.split()
        letters = sum(ch.isalpha() or ch.isspace() for ch in paragraph)
        if len(words) >= 8 and letters / len(paragraph) > 0.88:
            found.append(" ".join(words))
    return found


def _stdlib_docstrings() -> list[str]:
    root = Path(sysconfig.get_paths()["stdlib"])
    paragraphs = []
    for path in sorted(root.rglob("*.py")):
        if {"site-packages", "test", "tests", "idle_test"} & set(path.parts):
            continue
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    paragraphs.extend(_prose(doc))
    return paragraphs


def _help_topics() -> list[str]:
    try:
        from pydoc_data.topics import topics
    except ImportError:
        return []
    return [p for text in topics.values() for p in _prose(text)]


def _licences() -> list[str]:
    folder = Path("/usr/share/common-licenses")
    if not folder.is_dir():
        return []
    return [p for path in sorted(folder.iterdir()) if path.is_file()
            for p in _prose(path.read_text(encoding="utf-8", errors="replace"))]


def source_paragraphs() -> list[str]:
    """Distinct paragraphs of 40–140 words (short ones joined, long ones split at sentences)."""
    pieces = list(dict.fromkeys(_stdlib_docstrings() + _help_topics() + _licences()))
    paragraphs, current = [], []
    for piece in pieces:
        for sentence in _SENTENCE_END.split(piece):
            current.append(sentence)
            if sum(len(s.split()) for s in current) >= 40:
                text = " ".join(current)
                words = text.split()
                while len(words) > 140:
                    paragraphs.append(" ".join(words[:100]))
                    words = words[100:]
                paragraphs.append(" ".join(words))
                current = []
    return paragraphs


def load(folder: Path):
    """The corpus as a guide. Its manifest (10,000 sections) is larger than the reader accepts from
    an unknown folder; this one was just written here, so the cap is raised for it alone."""
    from reader import loader

    cap = loader.MAX_MANIFEST_BYTES
    loader.MAX_MANIFEST_BYTES = max(cap, (folder / "manifest.yaml").stat().st_size)
    try:
        return loader.load_guide(folder)
    finally:
        loader.MAX_MANIFEST_BYTES = cap


def write_corpus(folder: Path, sections: int = 10_000, seed: int = 1) -> dict[str, int]:
    """Write ``manifest.yaml`` and one Markdown file per section (a heading and 2–4 paragraphs)."""
    rng = random.Random(seed)
    pool = source_paragraphs()
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    manifest = ['name: bench', 'title: "Benchmark corpus"', "language: en-GB", "sections:"]
    words = 0
    for number in range(1, sections + 1):
        section_id = f"s{number:05d}"
        chosen = [rng.choice(pool) for _ in range(rng.randint(2, 4))]
        heading = " ".join(chosen[0].split()[:rng.randint(3, 6)]).strip(".,;:").replace("#", "")
        body = f"## {heading}\n\n" + "\n\n".join(p.replace("*", "").replace("`", "") for p in chosen) + "\n"
        words += sum(len(_WORDS.findall(p)) for p in chosen)
        (folder / "sections" / f"{section_id}.md").write_text(body, encoding="utf-8")
        tags = ", ".join(rng.sample(TAGS, rng.randint(1, 2)))
        manifest += [f"  - id: {section_id}", f"    file: sections/{section_id}.md",
                     f"    title: \"Section {number}\"", f"    kind: {rng.choice(KINDS)}",
                     f"    tags: [{tags}]"]
    (folder / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return {"sections": sections, "words": words, "pool": len(pool)}
