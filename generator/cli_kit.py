"""`wijkkit kit NAME`: one kit into build/kits/NAME/ (or --out), card decks in one layout.

Part of the command line (generator/cli.py parses the arguments): it reads the project, asks the kit builder for
the documents and prints what it wrote. The kit builder itself (generator/kits/) knows nothing of the command line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .problems import format_text


def run_kit(root: Path, name: str, *, layout: str = "fold", out: Path | None = None, fmt: str = "both") -> int:
    """Exit code 0 done, 1 problems (content, an unknown kit, mkdocs.yml without site_url, text that does not fit)."""
    from .kits.build import build_kit
    from .kits.siteurl import SiteUrlError, read_site_url
    from .project import read_project

    started = time.perf_counter()
    result = read_project(root)
    if result.problems:
        print(format_text(result.problems), file=sys.stderr)
        return 1
    catalog = result.catalog
    kit = catalog.kit_by_id.get(name)
    if kit is None:
        known = ", ".join(k.id for k in catalog.kits) or "geen"
        print(f"wijkkit kit: er is geen kit '{name}' in kit/.\n    hint: Bekende kits: {known}.", file=sys.stderr)
        return 1
    try:
        site_url = read_site_url(root)
    except SiteUrlError as error:
        print(f"wijkkit kit: {error}", file=sys.stderr)
        return 1
    built = build_kit(catalog, kit, site_url=site_url, layouts=(layout,), fmt=fmt, combined_layout=layout)
    if built.problems:
        print(format_text(built.problems), file=sys.stderr)
        return 1
    target = out if out is not None else root / "build" / "kits" / kit.id
    built.write(target)
    seconds = time.perf_counter() - started
    documents = sorted(built.files)
    print("\n".join(str(target / name) for name in documents))
    print(f"ok: {len(documents)} bestanden voor kit '{kit.id}' in {target} ({seconds:.1f} s)")
    return 0
