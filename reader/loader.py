"""Load a content folder (``manifest.yaml`` plus Markdown sections) strictly.

Any problem stops loading with a :class:`ContentError` naming the file and, where
there is one, the line: a group writing its own pack must be told exactly what to fix.
"""

from __future__ import annotations

import functools
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.model import Guide, Section
from reader.translatable import QT_TR_NOOP, Text

if TYPE_CHECKING:  # imported when first needed: a start-up listing from the library cache needs neither
    import frontmatter
    import yaml

MANIFEST_NAME = "manifest.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SECTION_KEYS = {"id", "file", "title", "kind", "tags", "parent", "replaces"}
FRONT_MATTER_KEYS = {"id", "summary", "source"}
_LINE_KEY = "__line__"


class ContentError(Exception):
    """A content folder that cannot be loaded; ``str()`` is the message for the user."""

    def __init__(self, message: str, path: Path, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(Text(QT_TR_NOOP("{where}: {message}"), where=where, message=message))


@functools.cache
def _safe_loader() -> type:
    """PyYAML's C parser when it was built with libyaml (about ten times faster); the same safe
    constructors either way, so the results and the lines in error messages are the same."""
    import yaml

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


@functools.cache
def _line_loader() -> Any:
    """A safe YAML loader that records each mapping's 1-based line number."""
    import yaml

    def construct_mapping_with_line(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
        mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)
        mapping[_LINE_KEY] = node.start_mark.line + 1
        return mapping

    loader: Any = type("LineLoader", (_safe_loader(),), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping_with_line)
    return loader


def _yaml_error_line(error: yaml.YAMLError, offset: int = 0) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 + offset if mark is not None else None


def _yaml_problem(error: yaml.YAMLError, offset: int = 0) -> str:
    """YAML's own words, plus where the unfinished value began when that is another line."""
    problem = str(getattr(error, "problem", None) or error)
    context, mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and mark is not None and mark.line + 1 + offset != _yaml_error_line(error, offset):
        problem += f" ({context} that starts on line {mark.line + 1 + offset})"
    return problem


# These keep every content file quick to read and parse, whatever it holds.
MAX_MANIFEST_BYTES = 256 * 1024  # 500 sections take about 100 KB
MAX_SECTION_FILE_BYTES = 320 * 1024  # the section's text (capped at 256 KB) and its front matter


def read_content_file(path: Path, limit: int = MAX_SECTION_FILE_BYTES) -> str:
    """A content file's text: an ordinary file of at most ``limit`` bytes, in UTF-8; ContentError if not."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(Text(QT_TR_NOOP("is not an ordinary file")), path)
        if info.st_size > limit:
            raise ContentError(Text(QT_TR_NOOP("is too large ({size:,} KB; at most {limit:,} KB)"),
                                    size=info.st_size // 1024, limit=limit // 1024), path)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise ContentError(Text(QT_TR_NOOP("is too large (more than {limit:,} KB)"), limit=limit // 1024), path)
        return data.decode("utf-8")
    except FileNotFoundError:
        raise ContentError(Text(QT_TR_NOOP("file not found")), path) from None
    except UnicodeDecodeError as error:
        raise ContentError(Text(QT_TR_NOOP("not UTF-8 text (byte {start})"), start=error.start), path) from None
    except OSError as error:
        raise ContentError(Text(QT_TR_NOOP("cannot be read ({strerror})"), strerror=error.strerror), path) from None


@functools.cache
def _front_matter_handler() -> Any:
    """python-frontmatter's YAML handler, with the C parser."""
    import frontmatter
    import yaml

    class FrontMatter(frontmatter.YAMLHandler):  # type: ignore[misc,name-defined]  # untyped library
        def load(self, fm: str, **kwargs: object) -> Any:
            kwargs.setdefault("Loader", _safe_loader())
            return yaml.load(fm, **kwargs)  # type: ignore[arg-type]

    return FrontMatter()


def parse_front_matter(text: str) -> frontmatter.Post:
    """``frontmatter.loads``, with YAML front matter read by the C parser where there is one."""
    import frontmatter

    handler = frontmatter.detect_format(text, frontmatter.handlers)
    return frontmatter.loads(text, handler=_front_matter_handler()
                             if isinstance(handler, frontmatter.default_handlers.YAMLHandler) else handler)


@functools.cache
def _boundaries() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Front matter's YAML boundary (python-frontmatter's) and JSON's: compiled when first read."""
    return re.compile(r"^-{3,}\s*$", re.MULTILINE), re.compile(r"^(?:{|})$", re.MULTILINE)


def body_of(text: str) -> str:
    """What ``parse_front_matter(text).content`` gives, without parsing the front matter's YAML
    (the first page shown needs its body, not its summary: importing YAML costs more than that)."""
    text = text.strip()
    yaml_boundary, json_boundary = _boundaries()
    if json_boundary.match(text):
        return parse_front_matter(text).content  # another format: let the library decide
    if not yaml_boundary.match(text):
        return text
    parts = yaml_boundary.split(text, 2)
    return parts[2].strip() if len(parts) == 3 else text


def read_body(path: Path) -> str:
    """A section's Markdown without its front matter, read when it is shown, searched or spoken."""
    return body_of(read_content_file(path))


def read_manifest(folder: Path) -> dict[str, Any]:
    """Parse and check the manifest's shape; sections keep their line numbers under ``__line__``."""
    import yaml

    path = folder / MANIFEST_NAME
    try:
        manifest = yaml.load(read_content_file(path, MAX_MANIFEST_BYTES), Loader=_line_loader())
    except RecursionError:
        raise ContentError(Text(QT_TR_NOOP("malformed YAML: nested too deeply")), path) from None
    except yaml.YAMLError as error:
        raise ContentError(Text(QT_TR_NOOP("malformed YAML: {yaml_problem}"), yaml_problem=_yaml_problem(error)), path,
                           _yaml_error_line(error)) from None
    if not isinstance(manifest, dict):
        raise ContentError(Text(QT_TR_NOOP("the manifest must be a mapping with a 'sections' list")), path, 1)
    sections = manifest.get("sections")
    if not isinstance(sections, list) or not sections:
        raise ContentError(Text(QT_TR_NOOP("'sections' must be a non-empty list")), path, manifest.get(_LINE_KEY))
    return manifest


def _owner_phrase(owner: str) -> str:
    return (Text(QT_TR_NOOP("the bundled guide")) if owner == "guide"
            else Text(QT_TR_NOOP("the content pack '{name}'"), name=owner))


def _check_entry(entry: Any, path: Path, index: int, seen: dict[str, int],
                 known: Mapping[str, str]) -> int:
    if not isinstance(entry, dict):
        raise ContentError(Text(QT_TR_NOOP("section {index} must be a mapping of id, file, title, kind, tags"),
                                index=index + 1),
                           path)
    line: int = entry[_LINE_KEY]
    unknown = set(entry) - SECTION_KEYS - {_LINE_KEY}
    if unknown:
        raise ContentError(Text(QT_TR_NOOP("unknown keys: {names} (allowed: {allowed})"),
                                names=", ".join(sorted(unknown)), allowed=", ".join(sorted(SECTION_KEYS))), path, line)
    section_id = entry.get("id")
    if not isinstance(section_id, str) or not ID_PATTERN.match(section_id):
        raise ContentError(Text(QT_TR_NOOP("section id {section_id!r} must be lower-case letters, digits and hyphens"),
                                section_id=section_id), path, line)
    if section_id in seen:
        raise ContentError(Text(QT_TR_NOOP("duplicate section id '{section_id}' (first used on line {seen})"),
                                section_id=section_id, seen=seen[section_id]), path, line)
    if section_id in known:
        raise ContentError(Text(QT_TR_NOOP("section id '{section_id}' is already used by {owner}: choose "
                                           "another id"), section_id=section_id,
                                owner=_owner_phrase(known[section_id])), path, line)
    seen[section_id] = line
    for key in ("title", "kind", "file"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(Text(QT_TR_NOOP("section '{section_id}' has no {key}"),
                                    section_id=section_id, key=key), path, line)
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        raise ContentError(Text(QT_TR_NOOP("section '{section_id}': tags must be a list of words"),
                                section_id=section_id), path, line)
    replaces = entry.get("replaces")
    if replaces is not None and (not isinstance(replaces, str) or replaces not in known):
        raise ContentError(Text(QT_TR_NOOP("section '{section_id}' replaces {replaces}, which is not a section "
                                           "of the guide or of another pack"),
                                section_id=section_id, replaces=repr(replaces)), path, line)
    return line


def _resolve_file(folder: Path, name: str, manifest_path: Path, line: int, root: Path | None = None) -> Path:
    """``name`` inside ``folder`` (``root``: the folder already resolved, so it is resolved once)."""
    candidate = (folder / name).resolve()
    if Path(name).is_absolute() or not candidate.is_relative_to(root or folder.resolve()):
        raise ContentError(Text(QT_TR_NOOP("file '{name}' is outside the content folder"),
                                name=name), manifest_path, line)
    if not candidate.is_file():
        raise ContentError(Text(QT_TR_NOOP("file '{name}' is missing"), name=name), manifest_path, line)
    return candidate


def _read_section_file(path: Path, section_id: str) -> tuple[str, dict[str, Any]]:
    import yaml

    text = read_content_file(path)
    try:
        post = parse_front_matter(text)
    except RecursionError:
        raise ContentError(Text(QT_TR_NOOP("malformed front matter: nested too deeply")), path) from None
    except yaml.YAMLError as error:
        # python-frontmatter hands YAML the text from the opening --- line on, so lines match the file.
        raise ContentError(Text(QT_TR_NOOP("malformed front matter: {yaml_problem}"),
                                yaml_problem=_yaml_problem(error)), path,
                           _yaml_error_line(error)) from None
    metadata = dict(post.metadata)
    unknown = set(metadata) - FRONT_MATTER_KEYS
    if unknown:
        raise ContentError(Text(QT_TR_NOOP("unknown front matter keys: {names} (allowed: {allowed})"),
                                names=", ".join(sorted(unknown)), allowed=", ".join(sorted(FRONT_MATTER_KEYS))),
                           path, 2)
    if "id" in metadata and metadata["id"] != section_id:
        raise ContentError(Text(QT_TR_NOOP("front matter id '{front_id}' does not match the manifest's '{section_id}'"),
                                front_id=metadata['id'], section_id=section_id), path, 2)
    if not post.content.strip():
        raise ContentError(Text(QT_TR_NOOP("the section has no text")), path)
    return post.content, metadata


def _body_line(path: Path, line: int | None) -> int | None:
    """A line of the section's body as a line of its file (front matter comes first)."""
    if line is None:
        return None
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return line
    if not head.startswith("---"):
        return line
    closing = head.find("\n---", 3)
    return line + head.count("\n", 0, closing) + 2 if closing >= 0 else line


def load_guide(folder: Path, pack: str = "guide", known: Mapping[str, str] | None = None,
               manifest: dict[str, Any] | None = None) -> Guide:
    """Read ``folder/manifest.yaml`` and every section it lists, in order.

    ``known`` maps the ids of sections the reader already shows (the bundled guide, other
    packs) to the pack holding them: a pack may not reuse one, but may place a section under one.
    ``manifest`` is the manifest already read by :func:`read_manifest`, so it is parsed once.
    """
    from reader.packs.structure import StructureProblem, check_text, check_title

    known = known or {}
    manifest_path = folder / MANIFEST_NAME
    if manifest is None:
        manifest = read_manifest(folder)
    seen: dict[str, int] = {}
    sections: list[Section] = []
    root = folder.resolve()
    for index, entry in enumerate(manifest["sections"]):
        line = _check_entry(entry, manifest_path, index, seen, known)
        path = _resolve_file(folder, entry["file"], manifest_path, line, root)
        body, metadata = _read_section_file(path, entry["id"])
        try:  # the same caps for the bundled guide and every pack: nothing loaded can hang the reader
            check_title(entry["title"])
        except StructureProblem as problem:
            raise ContentError(Text(QT_TR_NOOP("section '{section_id}': {message}"),
                                    section_id=entry['id'], message=problem.message), manifest_path, line) from None
        try:
            check_text(body)
        except StructureProblem as problem:
            raise ContentError(problem.message, path, _body_line(path, problem.line)) from None
        sections.append(Section(
            id=entry["id"],
            title=entry["title"].strip(),
            kind=entry["kind"].strip(),
            path=path,
            body=body,
            tags=tuple(t.strip() for t in entry.get("tags", [])),
            parent=entry.get("parent"),
            replaces=entry.get("replaces"),
            summary=str(metadata.get("summary", "")),
            pack=pack,
        ))
    for section in sections:
        if section.parent is not None and section.parent not in seen and section.parent not in known:
            raise ContentError(Text(QT_TR_NOOP("section '{id}' names an unknown parent '{parent}'"),
                                    id=section.id, parent=section.parent),
                               manifest_path, seen[section.id])
    title = manifest.get("title")
    language = manifest.get("language")
    return Guide(title if isinstance(title, str) else folder.name, sections,
                 language if isinstance(language, str) and language.strip() else "en-GB")
