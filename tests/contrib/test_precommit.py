"""pre-commit: the hook other repositories use is valid, and this repository's hook stops a commit with a problem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pre_commit import clientlib  # a test dependency: missing, the suite fails to collect, as it should


def test_hook_manifest_offers_wijkkit_check(root: Path) -> None:
    hooks = clientlib.load_manifest(str(root / ".pre-commit-hooks.yaml"))
    hook = next(hook for hook in hooks if hook["id"] == "wijkkit-check")
    assert hook["entry"] == "wijkkit check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False


def test_repository_config_is_valid_and_needs_no_downloads(root: Path) -> None:
    config = clientlib.load_config(str(root / ".pre-commit-config.yaml"))
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert "wijkkit-check" in {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_commit_with_a_phone_number_is_stopped_in_dutch(root: Path, project: Path, tmp_path: Path) -> None:
    shutil.copy2(root / ".pre-commit-config.yaml", project / ".pre-commit-config.yaml")
    (project / ".venv").symlink_to(Path(sys.executable).parent.parent)
    _git(project, "init", "-q")
    _git(project, "add", "content", ".pre-commit-config.yaml")
    example = next(
        p
        for p in sorted((project / "content/examples").glob("*.yaml"))
        if "\nlessons:" not in p.read_text(encoding="utf-8")
    )
    example.write_text(
        example.read_text(encoding="utf-8") + "lessons: [Bel 06-12345678 voor meer informatie.]\n", encoding="utf-8"
    )
    _git(project, "add", str(example))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "wijkkit-check", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "telefoonnummer gevonden: '06-12345678'" in run.stdout
    assert f"content/examples/{example.name}:" in run.stdout
