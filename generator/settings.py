"""mkdocs.yml as the project's settings: read once, by `read_project`, so check, build, kit and serve agree.

Why here and not in site/: the Markdown policy (which extensions render contributed text) and the site address (for
QR codes and open data) are needed by the check and the kits as much as by the site engine. A problem in the file is
a Problem with file and line, like any content problem, so `wijkkit check` reports it too.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

CONFIG_FILE = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """MkDocs configurations may carry tags such as `!!python/name:` or `!ENV`, which a safe loader refuses. Any
    tag is accepted and its value read as plain YAML: nothing is imported or looked up, and the settings Wijkkit
    needs (site_url, markdown_extensions, repo_url) are plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True)
class Settings:
    """The few settings the page writer, the export and the kits need from mkdocs.yml."""

    site_url: str
    repo_url: str | None
    edit_uri: str | None

    def edit_url(self, path: str) -> str | None:
        """Where to edit a project file (a record's YAML, a page's Markdown) in the repository's web editor."""
        if not self.repo_url or not self.edit_uri:
            return None
        return self.repo_url.rstrip("/") + "/" + posixpath.join(self.edit_uri.strip("/"), path)


def read_config(root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """mkdocs.yml as a mapping, or the problems that stop it being read."""
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [
            Problem(
                CONFIG_FILE,
                1,
                1,
                "mkdocs.yml ontbreekt",
                "Zet mkdocs.yml terug uit de repository (git checkout mkdocs.yml).",
            )
        ]
    except (OSError, UnicodeDecodeError) as error:
        return None, [
            Problem(
                CONFIG_FILE,
                1,
                1,
                f"mkdocs.yml kan niet gelezen worden: {error}",
                "Sla het bestand op als UTF-8 en controleer de rechten.",
            )
        ]
    try:
        config = yaml.load(text, Loader=_TolerantLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [
            Problem(
                CONFIG_FILE,
                line,
                column,
                f"mkdocs.yml is geen geldige YAML: {reason}",
                "Vergelijk de regel met de versie in de repository; gebruik spaties, geen tabs.",
            )
        ]
    if not isinstance(config, dict):
        return None, [
            Problem(
                CONFIG_FILE,
                1,
                1,
                "mkdocs.yml bevat geen instellingen (sleutel: waarde)",
                "Zet mkdocs.yml terug uit de repository.",
            )
        ]
    return config, []


def settings(config: dict[str, Any]) -> tuple[Settings | None, list[Problem]]:
    site_url = config.get("site_url")
    if not isinstance(site_url, str) or not site_url.startswith(("http://", "https://")):
        return None, [
            Problem(
                CONFIG_FILE,
                _line_of(config, "site_url"),
                1,
                "site_url ontbreekt of begint niet met https://",
                "Kits en open data hebben het adres van de site nodig: site_url: https://…/",
            )
        ]
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    return Settings(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        repo_url=repo_url if isinstance(repo_url, str) else None,
        edit_uri=edit_uri if isinstance(edit_uri, str) else None,
    ), []


def _line_of(config: dict[str, Any], key: str) -> int:
    return list(config).index(key) + 1 if key in config else 1
