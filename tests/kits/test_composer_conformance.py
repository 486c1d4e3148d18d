"""One logic, two languages: the session composer's JavaScript against the build's Python.

The composer (theme/assets/javascripts/composer-plan.js) computes clock times, fitted steps, guide texts, groups,
material quantities, card numbers, sheets and the validator's warnings in the browser; the build computes them in
generator/schedule.py, generator/kits/plan.py and generator/validate.py. Every shipped kit and every edge case in
tests/kits/conformance/*.json goes through both, and the results must be equal field by field: the whole kit plan
and the context of every document as its template gets it. The fixtures also hold values worked out by hand
(`expect`), checked against both sides, so two equal mistakes do not pass.

Then one context, rendered by Jinja2 (the build) and by Nunjucks (the browser) from the same template files, must
give the same HTML (whitespace aside): the browser prints the build's documents, not look-alikes.

Node.js runs the composer's own files, unchanged (tests/kits/conformance/harness.js).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import composer
from generator.catalog import Catalog
from generator.kitfiles import COMBINED, kit_outputs
from generator.kits import build as kit_build
from generator.kits.plan import plan_kit
from generator.load import parse
from generator.markup import to_html
from generator.model import Kit
from generator.site import composer as site_composer
from generator.validate import validate

from .conftest import SITE_URL

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "kits" / "conformance"
HARNESS = FIXTURES / "harness.js"
VENDOR = ROOT / "theme" / "assets" / "javascripts" / "vendor"
NUNJUCKS_SHA256 = "93769288b3eb63fff02d40406ba4d2d49f48b70f31576cdc330ee7f626856f3f"  # vendor/README.md
EDGE = sorted(FIXTURES.glob("*.json"))
# a fixture with "plan": false is a kit the validator refuses, which the build never plans
PLANNED = [p for p in EDGE if json.loads(p.read_text(encoding="utf-8")).get("plan", True)]
LAYOUTS = ("fold", "duplex")  # what the browser prints; the print shop's sheets come from the PDF build


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "Node.js is missing (apt-get install nodejs): the composer's JavaScript cannot be checked"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node


@dataclasses.dataclass
class Case:
    name: str
    kit: Kit
    catalog: Catalog | None  # None: the build does not plan this kit
    raw: dict[str, Any]  # the kit as the browser gets it: a dump, or the fixture as written
    expect: dict[str, Any]


def _edge(catalog: Catalog, path: Path) -> Case:
    fixture = json.loads(path.read_text(encoding="utf-8"))
    kit = Kit.model_validate(fixture["kit"])
    with_kit = dataclasses.replace(catalog, kits=(*catalog.kits, kit)) if fixture.get("plan", True) else None
    return Case(path.stem, kit, with_kit, fixture["kit"], fixture.get("expect", {}))


@pytest.fixture(scope="module")
def cases(catalog: Catalog) -> list[Case]:
    shipped = [Case(k.id, k, catalog, k.model_dump(mode="json"), {}) for k in catalog.kits]
    return shipped + [_edge(catalog, path) for path in EDGE]


def _capture(plan: Any, files: list[Any]) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The context each document's template gets from the build (render_html), and the template and HTML."""
    seen: list[tuple[str, dict[str, Any]]] = []
    original = kit_build.render_template

    def spy(name: str, **context: Any) -> str:
        seen.append((name, context))
        return original(name, **context)

    kit_build.render_template = spy
    try:
        html = [kit_build.render_html(plan, file) for file in files]
    finally:
        kit_build.render_template = original
    return [composer.jsonable(context) for _, context in seen], [name for name, _ in seen], html


def _files(kit: Kit) -> list[Any]:
    return [f for f in kit_outputs(kit, LAYOUTS) if f.document != COMBINED]


@dataclasses.dataclass
class Both:
    python: dict[str, Any]
    browser: dict[str, Any]


@pytest.fixture(scope="module")
def results(cases: list[Case], catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Both]:
    node = _node()
    folder = tmp_path_factory.mktemp("conformance")
    data = folder / "gegevens.json"
    data.write_text(json.dumps(site_composer.composer_data(catalog, SITE_URL), ensure_ascii=False), encoding="utf-8")
    python: dict[str, Any] = {}
    jobs = []
    for case in cases:
        files = _files(case.kit)
        if case.catalog is not None:
            plan = plan_kit(case.catalog, case.kit, SITE_URL)
            contexts, templates, _ = _capture(plan, files)
            python[case.name] = {"plan": composer.jsonable(plan), "contexts": contexts, "templates": templates}
        jobs.append({"kit": case.raw, "files": [{"document": f.document, "layout": f.layout} for f in files]})
    request = folder / "request.json"
    request.write_text(json.dumps({"plans": jobs}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [node, str(HARNESS), str(data), str(request)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    browser = json.loads(run.stdout)["plans"]
    return {case.name: Both(python.get(case.name, {}), out) for case, out in zip(cases, browser)}


def _differences(a: Any, b: Any, where: str = "") -> Iterator[str]:
    """Field by field: where the two values differ, as a path ('agenda.items[3].steps[1].minutes')."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(a.keys() | b.keys()):
            if key not in a or key not in b:
                yield f"{where}.{key}: only in {'Python' if key in a else 'the browser'}"
            else:
                yield from _differences(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{where}: {len(a)} items in Python, {len(b)} in the browser"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from _differences(x, y, f"{where}[{i}]")
    elif a != b or type(a) is not type(b):
        yield f"{where}: Python {a!r}, browser {b!r}"


def _names() -> list[str]:
    return ["bewonersavond", "ontbijtsessie", "teamoverleg", *(p.stem for p in PLANNED)]


@pytest.mark.parametrize("name", _names())
def test_the_browser_plans_every_kit_as_the_build_does(results: dict[str, Both], name: str) -> None:
    both = results[name]
    found = list(_differences(both.python["plan"], both.browser["plan"], "plan"))
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize("name", _names())
def test_every_document_gets_the_same_context_in_the_browser(results: dict[str, Both], name: str) -> None:
    both = results[name]
    assert len(both.python["contexts"]) == len(both.browser["contexts"])
    for template, ours, theirs in zip(both.python["templates"], both.python["contexts"], both.browser["contexts"]):
        assert theirs["template"] == template
        found = list(_differences(ours, theirs["context"], template))
        assert not found, "\n".join(found[:40])


def test_the_shipped_kits_are_all_compared(results: dict[str, Both], catalog: Catalog) -> None:
    assert {k.id for k in catalog.kits} <= results.keys()
    assert len(EDGE) >= 5


# ---------------------------------------------------------------------------------------------------------------
# values worked out by hand, on both sides


def _observed(plan: dict[str, Any]) -> dict[str, Any]:
    items = plan["agenda"]["items"]
    return {
        "start": plan["agenda"]["start"],
        "end": plan["agenda"]["end"],
        "duration": plan["agenda"]["duration"],
        "participants": plan["participants"],
        "date": plan["date"],
        "blocks": [[i["start"], i["end"]] for i in items],
        "steps": [[[s["start"], s["minutes"]] for s in i["steps"]] for i in items],
        "guides": [i["guide"] for i in items],
        "cues": [i["cue"] for i in items],
        "materials": [[m["quantity"], m["basis"]] for m in plan["materials"]],
        "case_numbers": plan["case_numbers"],
        "principle_numbers": [p["number"] for p in plan["principles"]],
    }


@pytest.mark.parametrize("path", EDGE, ids=[p.stem for p in EDGE])
def test_the_edge_cases_come_out_as_worked_out_by_hand(results: dict[str, Both], path: Path) -> None:
    expect = json.loads(path.read_text(encoding="utf-8"))["expect"]
    both = results[path.stem]
    sides = [("Python", both.python["plan"])] if both.python else []
    for side, plan in [*sides, ("browser", both.browser["plan"])]:
        observed = _observed(plan)
        for key, value in expect.items():
            if key in ("problems", "composer_only"):
                continue
            if key == "guides":  # null: a guide not worked out by hand
                assert [g for g, e in zip(observed[key], value) if e is not None] == [
                    e for e in value if e is not None
                ], side
                continue
            assert observed[key] == value, (side, key)


def test_ten_people_in_threes_are_three_groups_of_3_3_and_4(results: dict[str, Both]) -> None:
    for side in ("python", "browser"):
        plan = getattr(results["ten-in-threes"], side)["plan"]
        assert plan["materials"][0]["basis"] == "3 groepen (3 + 3 + 4)", side


# ---------------------------------------------------------------------------------------------------------------
# the validator's rules, in its words


def _validator_messages(catalog_root: Path, raw: dict[str, Any]) -> list[str]:
    """What `wijkkit check` says about this kit (and nothing about the rest of the content)."""
    from generator.load import discover, load_all

    found = discover(catalog_root)
    documents, _ = load_all(found.yaml_files, jobs=1)
    documents = [d for d in documents if not d.path.startswith("kit/")]
    doc, problems = parse(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), f"kit/{raw['id']}.yaml")
    assert doc is not None, problems
    _, problems = validate([*documents, doc])
    return sorted(p.message for p in problems if p.file == f"kit/{raw['id']}.yaml")


@pytest.mark.parametrize("path", EDGE, ids=[p.stem for p in EDGE])
def test_the_composer_warns_as_the_validator_does(results: dict[str, Both], path: Path, root: Path) -> None:
    fixture = json.loads(path.read_text(encoding="utf-8"))
    expect = fixture["expect"]
    browser = [p["message"] for p in results[path.stem].browser["problems"]]
    composer_only = set(expect.get("composer_only", []))
    assert sorted(m for m in browser if m not in composer_only) == sorted(expect["problems"])
    assert sorted(m for m in browser if m in composer_only) == sorted(composer_only)
    assert _validator_messages(root, fixture["kit"]) == sorted(expect["problems"])


# ---------------------------------------------------------------------------------------------------------------
# one template set, two engines

_SPACE = re.compile(r"\s+")
_BETWEEN_TAGS = re.compile(r">\s+<")


def normalise(html: str) -> str:
    """Whitespace aside: Jinja2's and Nunjucks' block trimming differ in where they leave a newline."""
    return _BETWEEN_TAGS.sub("><", _SPACE.sub(" ", html)).strip()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_jinja2_and_nunjucks_render_one_context_alike(catalog: Catalog, tmp_path: Path) -> None:
    """Every document of every shipped kit, in both office layouts: the context dumped from the build, rendered by
    the build (Jinja2) and by the browser's engine (Nunjucks) from the same template files."""
    node = _node()
    data = tmp_path / "gegevens.json"
    data.write_text(json.dumps(site_composer.composer_data(catalog, SITE_URL), ensure_ascii=False), encoding="utf-8")
    jobs, expected, names = [], [], []
    for kit in catalog.kits:
        plan = plan_kit(catalog, kit, SITE_URL)
        files = _files(kit)
        contexts, templates, html = _capture(plan, files)
        for file, context, template, page in zip(files, contexts, templates, html):
            markdown = {text: to_html(text) for text in set(_strings(context)) if text}
            jobs.append({"template": template, "context": context, "markdown": markdown})
            expected.append(page)
            names.append(f"{kit.id}/{file.stem}")
    request = tmp_path / "request.json"
    request.write_text(json.dumps({"renders": jobs}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [node, str(HARNESS), str(data), str(request)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    rendered = json.loads(run.stdout)["renders"]
    assert len(rendered) == len(expected) >= 20
    identical = sum(ours == theirs for ours, theirs in zip(expected, rendered))
    print(f"{identical} of {len(expected)} documents byte-identical before normalising whitespace")
    for name, ours, theirs in zip(names, expected, rendered):
        a, b = normalise(ours), normalise(theirs)
        if a != b:
            at = (
                next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
                if any(x != y for x, y in zip(a, b))
                else min(len(a), len(b))
            )
            pytest.fail(
                f"{name}: Jinja2 and Nunjucks differ at {at}:\n  Jinja2:   …{a[max(0, at - 80) : at + 80]}…\n"
                f"  Nunjucks: …{b[max(0, at - 80) : at + 80]}…"
            )


def test_the_vendored_nunjucks_is_the_published_file() -> None:
    data = (VENDOR / "nunjucks.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == NUNJUCKS_SHA256
    assert data.startswith(b"/*! Browser bundle of nunjucks 3.2.4")
    assert NUNJUCKS_SHA256 in (VENDOR / "README.md").read_text(encoding="utf-8")
    assert "BSD" in (VENDOR / "LICENSE-nunjucks").read_text(encoding="utf-8") or "Redistribution" in (
        VENDOR / "LICENSE-nunjucks"
    ).read_text(encoding="utf-8")


def test_no_kit_can_take_the_composers_address(root: Path) -> None:
    """workshopkits/samenstellen/ is the composer: a kit with that id would replace it."""
    raw = json.loads((FIXTURES / "one-block.json").read_text(encoding="utf-8"))["kit"]
    messages = _validator_messages(root, {**raw, "id": "samenstellen"})
    assert "id 'samenstellen' is de naam van een pagina van de site zelf" in messages
