"""A small HTML reader for the site tests (standard library only): elements, attributes, text, links.

Enough to ask what a visitor would see without JavaScript: is this row in the table, does this link exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Elements by tag and attributes; `class_="x"` matches one class among several."""
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if all(_matches(element, key.rstrip("_"), value) for key, value in attrs.items()):
                found.append(element)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    @property
    def text(self) -> str:
        """The words a reader sees; heading permalinks ('¶') left out."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif "headerlink" not in child.attrs.get("class", "").split():
                parts.append(child.text)
        return " ".join("".join(parts).split())

    def links(self) -> list[str]:
        return [a.attrs["href"] for a in self.find_all("a") if "href" in a.attrs]


def _matches(element: Element, key: str, value: str) -> bool:
    actual = element.attrs.get(key)
    if actual is None:
        return False
    if key == "class":
        return value in actual.split()
    return actual == value


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v if v is not None else "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(source: str) -> Element:
    builder = _Builder()
    builder.feed(source)
    builder.close()
    return builder.root


def page(site: Path, url: str) -> Element:
    """The page at a site URL such as 'principes/x/' or 'bronnen/#id' (the anchor is ignored)."""
    path = url.split("#")[0]
    return parse((site / path / "index.html").read_text(encoding="utf-8"))
