"""Editor support: VS Code knows which schema checks which file, and every editor writes files the same way."""

from __future__ import annotations

import configparser
import json
from fnmatch import fnmatch
from pathlib import Path

import pytest

from generator.model import KINDS, Kind


@pytest.fixture(scope="module")
def settings(root: Path) -> dict:
    return json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_gets_its_own_schema_in_vscode(root: Path, settings: dict, kind: Kind) -> None:
    sample = f"{kind.folder}/voorbeeld.yaml" if kind.folder else kind.file
    matching = [
        schema
        for schema, globs in settings["yaml.schemas"].items()
        if any(fnmatch(sample, pattern) for pattern in ([globs] if isinstance(globs, str) else globs))
    ]
    assert matching == [f"./schema/{kind.name}.json"]
    assert (root / matching[0]).is_file()


def test_vscode_recommends_the_yaml_extension(root: Path) -> None:
    extensions = json.loads((root / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_editorconfig_utf8_lf_two_spaces_for_yaml(root: Path) -> None:
    config = configparser.ConfigParser()
    # 'root = true' stands before any section, which configparser does not allow
    config.read_string("[preamble]\n" + (root / ".editorconfig").read_text(encoding="utf-8"))
    every = config["*"]
    assert every["charset"] == "utf-8" and every["end_of_line"] == "lf"
    assert every["insert_final_newline"] == "true" and every["indent_style"] == "space"
    yaml_section = next(name for name in config.sections() if "yaml" in name)
    assert config[yaml_section]["indent_size"] == "2"


def test_scaffolded_files_follow_the_editorconfig(project: Path, wijkkit) -> None:
    wijkkit("new", "voorbeeld", "--gemeente", "Zwolle", "--titel", "Buurtteams")
    raw = (project / "content/examples/zwolle-buurtteams.yaml").read_bytes()
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    assert b"\r" not in raw and b"\t" not in raw
    assert not any(line.endswith(b" ") for line in raw.split(b"\n"))
    raw.decode("utf-8")
