"""Files → documents with line marks, or problems. Reads, never judges content.

Safety first: only plain YAML data (strings, numbers, booleans, null, dates, lists, mappings) gets through.
Anchors, aliases, custom tags and duplicate keys are refused rather than resolved, because each of them lets a
file mean something other than what a reviewer reads. libyaml's C parser is used when PyYAML was built with it;
the pure-Python parser gives identical results, only slower.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Problem, line_col
from .textcheck import is_reserved_name
from .yamlerrors import explain_yaml_error

MAX_BYTES = 256 * 1024
CONTENT_DIRS = ("content", "kit")

try:  # libyaml when available: about seven times faster on many small files
    _Loader: type = yaml.CSafeLoader
    LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    LIBYAML = False

_T = "tag:yaml.org,2002:"
STR_TAG, MAP_TAG, SEQ_TAG = _T + "str", _T + "map", _T + "seq"
_SCALAR_TAGS = {_T + name for name in ("int", "float", "bool", "null", "timestamp")}
_CONSTRUCT = SafeConstructor.yaml_constructors
_CONSTRUCTOR = SafeConstructor()

_TAG_NAMES = {_T + "int": "getal", _T + "float": "getal", _T + "timestamp": "datum", _T + "bool": "ja/nee-waarde"}


def _yaml11_only(tag: str, value: str) -> bool:
    """YAML 1.1 oddities that YAML 1.2 (and the editor schema) read as text: `no`, `on`, `19:30` (base 60).

    Without this, `start: 19:30` would silently become the number 1170 and `title: No` the value false.
    """
    if tag == _T + "bool":
        return value.lower() not in ("true", "false")
    if tag in (_T + "int", _T + "float"):
        return ":" in value
    return False


# Text, spaces, then '#' and a non-space: in `title: Wijkteams #1` YAML reads '#1' as a comment and drops it.
# A real comment starts '# ', so only files with this pattern pay for the check below.
_MAYBE_CUT = re.compile(r"\S[ \t]+#[^\s#]")

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]


@dataclass(frozen=True)
class Marks:
    """Where each value and key of a document starts (1-based line, column), and how text values were written."""

    values: dict[Path_, Mark]
    keys: dict[Path_, Mark]
    styles: dict[Path_, tuple[str, int]]  # text written as a block (| or >, with its indent) or quoted


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: its data and its text. Line marks are computed on first use.

    Most documents never need a line number (they have no problems), so marks are not built while loading: that
    halves the loading work on a large tree. When a problem needs a location, the text is composed again.
    """

    path: str  # project-relative, with forward slashes
    data: dict[str, Any]
    text: str = field(repr=False)
    _marks: list[Marks] = field(default_factory=list, repr=False, compare=False)

    @property
    def marks(self) -> Marks:
        if not self._marks:
            builder = _Builder(self.path, self.text, record=True)
            builder.build(_compose(self.text), ())
            self._marks.append(Marks(builder.marks, builder.key_marks, builder.styles))
        return self._marks[0]

    def locate(self, path: Iterable[str | int], *, key: bool = False) -> Mark:
        """Line and column of the nearest existing part of `path`: a missing field points at its parent."""
        marks = self.marks
        path = tuple(path)
        while path:
            where = (marks.keys if key else marks.values).get(path) or marks.values.get(path)
            if where:
                return where
            path = path[:-1]
        return marks.values.get((), (1, 1))

    def locate_in_text(self, path: Path_, offset: int) -> Mark:
        """Line and column of character `offset` inside a text value, exact for | blocks and one-line values."""
        line, column = self.locate(path)
        value = self.get(path)
        if not isinstance(value, str):
            return line, column
        before = value[:offset]
        newlines = before.count("\n")
        style, indent = self.marks.styles.get(path, ("", 0))
        if style == "|":  # literal block: text lines map one-to-one to file lines below the key
            return line + 1 + newlines, len(before) - (before.rfind("\n") + 1) + indent + 1
        if newlines == 0 and style in ("", "'", '"'):
            return line, column + offset + (1 if style else 0)
        return line, column

    def offset_to_mark(self, offset: int) -> Mark:
        """Line and column of a character offset in the file's text."""
        return line_col(self.text, offset)

    def get(self, path: Path_) -> Any:
        value: Any = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


class _Builder:
    """Turns a composed node tree into plain Python data while recording marks and refusing unsafe constructs."""

    def __init__(self, rel: str, text: str, *, record: bool = False) -> None:
        self.rel = rel
        self.text = text
        self.record = record  # record marks (second pass, only for documents with problems)
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.styles: dict[Path_, tuple[str, int]] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._maybe_cut = _MAYBE_CUT.search(text) is not None

    def problem(self, node: Any, message: str, hint: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.rel, mark.line + 1, mark.column + 1, message, hint))

    def build(self, node: Any, path: Path_) -> Any:
        if self.record:
            mark = node.start_mark
            self.marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            tag = node.tag
            if tag == STR_TAG:
                if self.record and node.style:
                    self.styles[path] = (node.style, self._block_indent(mark.line) if node.style in "|>" else 0)
                if self._maybe_cut and not node.style:
                    self._cut_by_comment(node)
                return node.value
            if tag in _SCALAR_TAGS:
                if _yaml11_only(tag, node.value):
                    return node.value
                try:
                    return _CONSTRUCT[tag](_CONSTRUCTOR, node)
                except (ValueError, OverflowError, yaml.YAMLError):
                    what = _TAG_NAMES.get(tag, tag)
                    self.problem(
                        node,
                        f"'{node.value}' lijkt een {what} maar is geen geldige {what}",
                        "Schrijf een datum als JJJJ-MM-DD, of zet tekst tussen aanhalingstekens.",
                    )
                    return node.value
            self._bad_tag(node)
            return node.value
        if id(node) in self._seen:
            self.problem(
                node,
                "verwijzing naar een eerder deel van het bestand (YAML-alias)",
                "Schrijf de waarde gewoon nog een keer uit; ankers (&) en aliassen (*) zijn niet toegestaan.",
            )
            return None
        self._seen.add(id(node))
        if isinstance(node, MappingNode):
            if node.tag != MAP_TAG:
                self._bad_tag(node)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    self.problem(
                        key_node,
                        "een veldnaam moet een woord zijn, geen lijst of blok",
                        "Schrijf veldnamen als 'naam: waarde'.",
                    )
                    continue
                if key_node.tag == _T + "merge":
                    self.problem(
                        key_node,
                        "samenvoegsleutel '<<' is niet toegestaan",
                        "Schrijf de velden gewoon uit in plaats van ze met << over te nemen.",
                    )
                    continue
                if key_node.tag not in (STR_TAG, *_SCALAR_TAGS):
                    self._bad_tag(key_node)
                key = key_node.value  # the key as written: 'on:' stays "on", never True
                if key in result:
                    self.problem(
                        key_node,
                        f"veld '{key}' staat twee keer in dezelfde lijst van velden "
                        f"(eerder op regel {self._first_line(node, key)})",
                        "Houd één van de twee; YAML zou de eerste stilletjes weggooien. Wil je er echt "
                        "twee, zoals twee bronnen? Begin dan elk met '- ' (streepje en spatie).",
                    )
                    continue
                child = path + (key,)
                if self.record:
                    self.key_marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, SequenceNode):
            if node.tag != SEQ_TAG:
                self._bad_tag(node)
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - PyYAML has no other node kinds

    @staticmethod
    def _first_line(node: MappingNode, key: str) -> int:
        return next(k.start_mark.line + 1 for k, _ in node.value if isinstance(k, ScalarNode) and k.value == key)

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, split only when a check needs them (most files never do)."""
        return self.text.splitlines()

    def _cut_by_comment(self, node: ScalarNode) -> None:
        """Refuse text that YAML silently shortened at ' #' (`title: Wijkteams #1 in Deventer` → "Wijkteams")."""
        end = node.end_mark
        line = self.lines[end.line] if end.line < len(self.lines) else ""
        rest = line[end.column :]
        if not re.match(r"[ \t]+#[^\s#]", rest):
            return
        comment = rest.strip()
        if node.start_mark.line == end.line:
            whole = (node.value + rest).strip().replace("\\", "\\\\").replace('"', '\\"')
            hint = f'Zet de hele tekst tussen aanhalingstekens: {line[: node.start_mark.column]}"{whole}"'
        else:
            hint = "Zet de hele tekst tussen dubbele aanhalingstekens, of schrijf hem onder een regel met alleen '>-'."
        self.problems.append(
            Problem(
                self.rel,
                end.line + 1,
                end.column + len(rest) - len(rest.lstrip()) + 1,
                f"de tekst stopt bij '#': YAML leest '{comment}' als commentaar en houdt alleen '{node.value}' over",
                hint,
            )
        )

    def _block_indent(self, line: int) -> int:
        """Indentation of a block scalar's content: that of its first non-blank line."""
        for text in self.lines[line + 1 :]:
            if text.strip():
                return len(text) - len(text.lstrip(" "))
        return 0

    def _bad_tag(self, node: Any) -> None:
        tag = node.tag.replace(_T, "!!")
        self.problem(
            node,
            f"YAML-tag '{tag}' is niet toegestaan",
            "Haal de tag weg; alleen gewone tekst, getallen, datums, lijsten en velden zijn toegestaan.",
        )


# Where a node can start: line start, after "key:", "- ", "[", "{" or ",". Emphasis in Markdown text (" *vet*") does
# not match, so most files skip the scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[:\-,\[{])[ \t]*[&*][^\s*]", re.MULTILINE)


def _anchor_problems(text: str, rel: str) -> list[Problem]:
    """Anchors and aliases are found with the scanner, which is cheap, only when the text could contain one."""
    if ("&" not in text and "*" not in text) or not _MAYBE_ANCHOR.search(text):
        return []
    problems = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                what = "anker (&)" if isinstance(token, yaml.AnchorToken) else "alias (*)"
                mark = token.start_mark
                problems.append(
                    Problem(
                        rel,
                        mark.line + 1,
                        mark.column + 1,
                        f"YAML-{what} '{token.value}' is niet toegestaan",
                        "Schrijf waarden uit in plaats van ze met & en * te hergebruiken; "
                        "zet tekst die met & of * begint tussen aanhalingstekens.",
                    )
                )
    except yaml.YAMLError:
        return problems  # the parser reports the syntax error with a better message
    return problems


def _compose(text: str) -> Any:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse(text: str, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file's text. Returns a document only when the file has no problems at all."""
    tab = text.find("\t")
    if tab >= 0:
        line, column = line_col(text, tab)
        return None, [
            Problem(
                rel,
                line,
                column,
                "tab-teken gevonden",
                "Gebruik spaties in plaats van tabs (YAML staat tabs voor inspringen niet toe).",
            )
        ]
    problems = _anchor_problems(text, rel)
    if problems:
        return None, problems
    try:
        node = _compose(text)
    except yaml.YAMLError as exc:
        return None, [explain_yaml_error(exc, rel, text)]
    if node is None:
        return None, [Problem(rel, 1, 1, "bestand is leeg", "Vul het bestand in of verwijder het.")]
    builder = _Builder(rel, text)
    data = builder.build(node, ())
    if not isinstance(data, dict):
        what = "een lijst" if isinstance(data, list) else "één losse waarde"
        builder.problems.append(
            Problem(
                rel,
                1,
                1,
                f"het bestand bevat {what}, geen velden",
                "Een record begint met velden, zoals 'id: mijn-voorbeeld'.",
            )
        )
    if builder.problems:
        return None, builder.problems
    return YamlFile(rel, data, text), []


def read(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Bytes → text: refuses oversized and non-UTF-8 files; accepts a UTF-8 BOM and CRLF line ends."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Problem(
                    rel,
                    1,
                    1,
                    f"bestand is te groot: {size // 1024} KiB, max {MAX_BYTES // 1024} KiB",
                    "Splits de tekst of haal ingeplakte data weg; één record hoort klein te zijn.",
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, 1, 1, f"bestand kan niet gelezen worden: {exc.strerror}", "Controleer de rechten.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                rel,
                line,
                column,
                f"geen UTF-8: byte 0x{raw[exc.start]:02x} is ongeldig",
                "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan met codering').",
            )
        ]
    return text, []


def load_file(path: Path, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    text, problems = read(path, rel)
    if text is None:
        return None, problems
    return parse(text, rel)


_CHECK: Callable[[YamlFile], Any] | None = None  # a check run on each loaded file, in the worker that loaded it


def _load_chunk(items: list[tuple[str, str]]) -> list[tuple[YamlFile | None, list[Problem], Any]]:
    found = []
    for path, rel in items:
        document, problems = load_file(Path(path), rel)
        found.append((document, problems, _CHECK(document) if _CHECK and document is not None else None))
    return found


# ---------------------------------------------------------------------------------------------------------------
# Finding files


@dataclass
class Found:
    """What discovery found: YAML files to load, Markdown pages, and problems with file names or locations."""

    yaml_files: list[tuple[Path, str]] = field(default_factory=list)
    pages: list[tuple[Path, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _walk(root: Path, folder: Path, found: Found, visited: set[Path]) -> Iterator[tuple[Path, str]]:
    real = folder.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        rel = path.relative_to(root).as_posix()
        if is_reserved_name(entry.name):
            found.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"'{entry.name}' is een naam die Windows niet toestaat",
                    f"Windows gebruikt '{entry.name.split('.')[0]}' voor een apparaat; wie het "
                    "project op Windows ophaalt, krijgt een fout. Kies een andere naam.",
                )
            )
            continue
        if entry.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root.resolve()):
                found.problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "symbolische koppeling wijst buiten het project",
                        "Kopieer het bestand naar de juiste map in plaats van ernaar te linken.",
                    )
                )
                continue
            if not target.exists():
                found.problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "symbolische koppeling wijst naar niets",
                        "Verwijder de koppeling of laat hem naar een bestaand bestand wijzen.",
                    )
                )
                continue
        if entry.is_dir():
            yield from _walk(root, path, found, visited)
        elif entry.is_file():
            yield path, rel
        else:  # reading a named pipe waits forever; a socket or device is no content either
            found.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "dit is geen gewoon bestand (maar een pipe, socket of apparaat)",
                    "Verwijder het; in content/ en kit/ horen alleen .yaml- en .md-bestanden.",
                )
            )


def _ignored(name: str) -> bool:
    """Files an editor or a file manager leaves beside yours without asking (hidden files are skipped earlier)."""
    return name.endswith("~") or name.lower() in ("thumbs.db", "desktop.ini")


def discover(root: Path) -> Found:
    """Every file under content/ and kit/; a file in a format we do not read is a problem, never skipped silently."""
    found = Found()
    visited: set[Path] = set()
    for top in CONTENT_DIRS:
        if not (root / top).is_dir():
            continue
        for path, rel in _walk(root, root / top, found, visited):
            suffix = path.suffix
            if suffix == ".yaml":
                found.yaml_files.append((path, rel))
            elif suffix.lower() in (".yml", ".yaml"):
                found.problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        f"bestandsnaam eindigt op '{suffix}'",
                        f"Hernoem het bestand naar {path.stem}.yaml (Wijkkit leest alleen .yaml).",
                    )
                )
            elif suffix == ".md" and rel.startswith("content/pages/"):
                found.pages.append((path, rel))
            elif not _ignored(path.name):
                found.problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "dit bestand wordt niet gelezen",
                        "Records zijn .yaml-bestanden; Markdown-pagina's horen in content/pages/. Afbeeldingen en "
                        "documenten komen niet op de site: link naar de publicatie in een bron.",
                    )
                )
    return found


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def load_all(files: list[tuple[Path, str]], *, jobs: int | None = None) -> tuple[list[YamlFile], list[Problem]]:
    """Load many files, in parallel processes when there are enough of them to pay for the start-up."""
    documents, problems, _ = load_and_check(files, jobs=jobs)
    return documents, problems


def load_and_check(
    files: list[tuple[Path, str]], *, jobs: int | None = None, check: Callable[[YamlFile], Any] | None = None
) -> tuple[list[YamlFile], list[Problem], dict[str, Any]]:
    """`load_all`, and `check(document)` for every loaded file in the process that loaded it: the per-file checks
    then share the parallel processes (and the parsed data stays where it is). Returns the checks by file path."""
    global _CHECK
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    items = [(str(path), rel) for path, rel in files]
    _CHECK = check
    try:
        results = _load_parallel(items, jobs) if jobs > 1 and len(items) >= PARALLEL_FROM else _load_chunk(items)
    finally:
        _CHECK = None
    documents: list[YamlFile] = []
    problems: list[Problem] = []
    checks: dict[str, Any] = {}
    for document, file_problems, checked in results:
        if document is not None:
            documents.append(document)
            if checked is not None:
                checks[document.path] = checked
        problems.extend(file_problems)
    return documents, problems, checks


def _load_parallel(items: list[tuple[str, str]], jobs: int) -> list[tuple[YamlFile | None, list[Problem], Any]]:
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    size = -(-len(items) // jobs)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with context.Pool(len(chunks) - 1) as pool:
        pending = pool.map_async(_load_chunk, chunks[1:])
        results = _load_chunk(chunks[0])  # the parent works too instead of waiting
        for part in pending.get():
            results.extend(part)
    return results
