"""Data flows one way: load → validate → catalog → render (pages, kits) → write. The imports must say so.

A module that imports against the flow makes a small change ripple through the program: a model that imports a
renderer, a renderer that imports the other renderer, or anything that imports the command line. This reads every
module's imports (relative ones resolved) and refuses those.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"

RENDERERS = ("generator.pages", "generator.kits", "generator.site", "generator.engines")
CLI = ("generator.cli", "generator.cli_kit")

# (modules, imports they must not make)
RULES = [
    (
        (
            "generator.model",
            "generator.catalog",
            "generator.load",
            "generator.validate",
            "generator.schema",
            "generator.problems",
            "generator.textcheck",
            "generator.markup",
            "generator.firewall",
            "generator.urls",
            "generator.settings",
            "generator.schedule",
            "generator.kitfiles",
            "generator.facts",
            "generator.export",
        ),
        (*RENDERERS, "generator.export", "generator.scaffold", "generator.fromissue", *CLI),
    ),
    (("generator.pages",), ("generator.kits", "generator.site", "generator.engines", *CLI)),
    (("generator.kits",), ("generator.pages", "generator.site", "generator.engines", *CLI)),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Absolute names of the modules `path` imports, relative imports resolved, also those inside functions."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)  # 'from . import urls'
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


MODULES = {module_name(p): p for p in sorted(GENERATOR.rglob("*.py"))}


@pytest.mark.parametrize(("modules", "forbidden"), RULES, ids=lambda v: v[0] if isinstance(v, tuple) else v)
def test_imports_follow_the_flow(modules: tuple[str, ...], forbidden: tuple[str, ...]) -> None:
    bad = []
    for name, path in MODULES.items():
        if not _under(name, modules) or (name in forbidden and name in modules):
            continue
        for target in imports(path):
            if _under(target, forbidden) and not _under(target, (name,)):
                bad.append(f"{name} imports {target}")
    assert not bad, "\n".join(bad)


def test_nothing_imports_the_command_line() -> None:
    bad = [
        f"{name} imports {target}"
        for name, path in MODULES.items()
        if not _under(name, CLI)
        for target in imports(path)
        if _under(target, CLI)
    ]
    assert not bad, "\n".join(bad)


def test_the_import_reader_sees_relative_and_local_imports() -> None:
    """The check itself: a relative import inside a function (as the CLI's lazy imports are) is found."""
    assert "generator.project.read_project" in imports(GENERATOR / "cli.py")
    assert "generator.kitfiles" in imports(GENERATOR / "pages" / "views.py")
