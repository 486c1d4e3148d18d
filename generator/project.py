"""The project on disk → a Catalog (with the settings from mkdocs.yml) or problems, in one call.

Every command that needs content (check, build, kit, serve) goes through `read_project`, so they all see the same
content and report the same problems: discovery, loading, validation, the settings, and the links between pages —
everything that can stop a build except the kit layout, which `wijkkit check` adds from its cache.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .load import discover, load_and_check, read
from .markup import Policy
from .problems import Problem, sort_problems
from .settings import Settings, read_config, settings
from .validate import PageText, check_text_alone, validate


@dataclass(frozen=True)
class Result:
    """What reading the project gave: a catalog (and the settings) when there were no problems."""

    catalog: Catalog | None
    problems: list[Problem]  # when there are errors: all of them, with any warnings
    files: int  # how many files were read
    warnings: list[Problem] = field(default_factory=list)  # with a catalog: what is worth a look but stops nothing
    config: dict[str, Any] | None = None  # mkdocs.yml as read
    settings: Settings | None = None


def find_root(start: Path | None = None) -> Path | None:
    """The project root: the nearest folder, from `start` upwards, holding mkdocs.yml and content/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder
    return None


def read_project(root: Path, *, today: dt.date | None = None, jobs: int | None = None) -> Result:
    """Read and validate everything under content/ and kit/.

    The cyclic garbage collector is paused meanwhile: loading creates hundreds of thousands of objects that all stay
    alive, so every collection would be wasted work (about a tenth of the time on 5,000 records).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_project(root, today=today, jobs=jobs)
    finally:
        if was_enabled:
            gc.enable()


def _read_project(root: Path, *, today: dt.date | None, jobs: int | None) -> Result:
    config, config_problems = read_config(root)
    site, settings_problems = settings(config) if config is not None else (None, [])
    found = discover(root)
    policy = Policy.from_config(config)
    documents, problems, prechecked = load_and_check(
        found.yaml_files, jobs=jobs, check=functools.partial(check_text_alone, policy=policy)
    )
    problems = found.problems + problems
    pages = []
    for path, rel in found.pages:
        text, page_problems = read(path, rel)
        problems.extend(page_problems)
        if text is not None:
            pages.append(PageText(rel, text))
    unreadable = sorted({problem.file for problem in problems})
    catalog, validation_problems = validate(
        documents, pages, today=today, unreadable=unreadable, policy=policy, prechecked=prechecked
    )
    problems.extend(validation_problems)
    problems.extend(config_problems + settings_problems)
    files = len(found.yaml_files) + len(found.pages)
    if catalog is not None and catalog.pages:
        from .pages.links import link_problems  # pages the engine would refuse in strict mode: check equals build

        problems.extend(link_problems(catalog))
    if catalog is None or any(p.is_error for p in problems):
        return Result(None, sort_problems(problems), files, config=config)
    return Result(catalog, [], files, config=config, settings=site, warnings=sort_problems(problems))
