"""`wijkkit kit NAME`: one kit into build/kits/NAME/ (or --out), card decks in one layout.

Part of the command line (generator/cli.py parses the arguments): it reads the project, asks the kit builder for
the documents and prints what it wrote. The kit builder itself (generator/kits/) knows nothing of the command line.
"""

from __future__ import annotations

import time
from pathlib import Path

from .problems import Problem, report


def run_kit(
    root: Path, name: str, *, layout: str = "fold", out: Path | None = None, files: str = "both", fmt: str = "text"
) -> int:
    """Exit code 0 done, 1 problems (content, an unknown kit, text that does not fit), printed in `fmt`."""
    from .kits.build import build_kit
    from .project import read_project

    started = time.perf_counter()
    result = read_project(root)
    if result.problems:
        report(result.problems, fmt)
        return 1
    catalog = result.catalog
    kit = catalog.kit_by_id.get(name)
    if kit is None:
        known = ", ".join(k.id for k in catalog.kits) or "geen"
        report([Problem(f"kit/{name}.yaml", 1, 1, f"er is geen kit '{name}' in kit/", f"Bekende kits: {known}.")], fmt)
        return 1
    built = build_kit(
        catalog,
        kit,
        site_url=result.settings.site_url,
        layouts=(layout,),
        fmt=files,
        combined_layout=layout,
        two_cores=True,
    )
    if built.problems:
        report(built.problems, fmt)
        return 1
    target = out if out is not None else root / "build" / "kits" / kit.id
    built.write(target)
    seconds = time.perf_counter() - started
    documents = sorted(built.files)
    print("\n".join(str(target / name) for name in documents))
    print(f"ok: {len(documents)} bestanden voor kit '{kit.id}' in {target} ({seconds:.1f} s)")
    return 0
