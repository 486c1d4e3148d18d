"""The kit rules that need a real layout (a card text that does not fit, a programme longer than one A4), run by
`wijkkit check` too, so that check equals build.

Why a cache: laying out three kits takes WeasyPrint several seconds, and most changes (a new municipal example) touch
no kit at all. The result for one kit is stored under a key made of everything its layout depends on — the kit, the
principles, cases and werkvormen it prints, the site address, the templates, the print CSS, this package's code and
the WeasyPrint version — so a check lays out only the kits whose inputs changed. The cache lives in the user's cache
folder (XDG_CACHE_HOME), not in the project, so copies of the project share it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from ..catalog import Catalog
from ..model import Kit
from ..problems import Problem

PACKAGE = Path(__file__).resolve().parent
INPUT_FILES = ("*.py", "templates/*", "static/*")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wijkkit" / "kit-layout"


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    roots = [PACKAGE, PACKAGE.parent]
    files = [p for pattern in INPUT_FILES for p in sorted(PACKAGE.glob(pattern))]
    files += [PACKAGE.parent / name for name in ("schedule.py", "kitfiles.py", "markup.py", "firewall.py")]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(roots[1])).encode() + b"\0" + path.read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("weasyprint").encode())
    except Exception:  # noqa: BLE001, S110 - a missing distribution only weakens the key
        pass
    return digest.digest()


def key(catalog: Catalog, kit: Kit, site_url: str, code: bytes) -> str:
    """Everything the layout of `kit` depends on, hashed."""
    werkvormen = sorted({b.werkvorm for b in kit.blocks if b.werkvorm})
    inputs = {
        "kit": kit.model_dump(mode="json"),
        "principles": [p.model_dump(mode="json") for p in catalog.kit_principles[kit.id]],
        "cases": [c.model_dump(mode="json") for c in catalog.kit_cases[kit.id]],
        "werkvormen": [catalog.werkvorm_by_id[w].model_dump(mode="json") for w in werkvormen],
        "site_url": site_url,
    }
    digest = hashlib.sha256(code)
    digest.update(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def kit_problems(catalog: Catalog, site_url: str) -> list[Problem]:
    """The layout problems of every kit, from the cache where the inputs did not change."""
    folder = cache_dir()
    code = _code_digest()
    problems: list[Problem] = []
    for kit in catalog.kits:
        entry = folder / f"{key(catalog, kit, site_url, code)}.json"
        try:
            problems.extend(Problem(**item) for item in json.loads(entry.read_text(encoding="utf-8")))
            continue
        except (OSError, ValueError, TypeError):
            pass
        found = _lay_out(catalog, kit, site_url)
        problems.extend(found)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps([asdict(p) for p in found], ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, entry)
        except OSError:
            pass  # a read-only home: the check still works, only slower next time
    return problems


def _lay_out(catalog: Catalog, kit: Kit, site_url: str) -> list[Problem]:
    try:
        from .build import build_kit
    except (ImportError, OSError) as error:
        return [
            Problem(
                "pyproject.toml",
                1,
                1,
                f"de PDF-maker WeasyPrint kan niet starten: {error}",
                "Installeer Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0), of controleer "
                "zonder kits: wijkkit check --no-kits.",
            )
        ]
    return list(build_kit(catalog, kit, site_url=site_url, fmt="html").problems)
