"""The contribution form's page and data, without a browser: built from the schema, vendored files as shipped."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from generator.contribute import DATA, PAGE
from generator.model import KIND_BY_NAME
from generator.pages.plan import render_pages
from generator.project import read_project
from generator.schema import schema_for

VENDOR = Path(__file__).resolve().parents[2] / "theme/assets/javascripts/vendor"
EDIT = "https://github.com/wijkkit/wijkkit/edit/main/"


@pytest.fixture(scope="module")
def pages(root: Path) -> dict[str, str]:
    result = read_project(root)
    assert result.catalog is not None, result.problems
    return render_pages(result.catalog, lambda path: EDIT + path)


def test_every_field_of_the_schema_is_in_the_form_with_its_label(pages: dict[str, str]) -> None:
    page = pages[PAGE]
    schema = schema_for(KIND_BY_NAME["example"])
    fields = set(re.findall(r'data-field="([^"]+)"', page))
    for name, node in schema["properties"].items():
        nested = schema["$defs"].get(
            next((o["$ref"].rsplit("/", 1)[-1] for o in node.get("anyOf", []) if "$ref" in o), ""), {}
        )
        if nested.get("type") == "object":
            assert {f"{name}.{child}" for child in nested["properties"]} <= fields, name
        else:
            assert name in fields, f"the form has no field for {name}"
        if node.get("description"):
            assert node["description"].replace("'", "&#39;") in page or name in (
                "municipality",
                "other_municipalities",
                "tags",
            )
    for required in schema["required"]:
        block = page[page.index(f'data-field="{required}"') :]
        assert "(verplicht)" in block[: block.index("</label>" if "<label" in block[:400] else "</legend>")], required


def test_without_javascript_the_form_opens_the_issue_form(pages: dict[str, str]) -> None:
    page = pages[PAGE]
    assert (
        '<form class="wk-formulier" id="wk-formulier" method="get" action="https://github.com/wijkkit/wijkkit/issues/new"'
        in page
    )
    assert '<input type="hidden" name="template" value="praktijkvoorbeeld.yml">' in page
    assert 'name="example_title"' in page and 'name="municipality"' in page


def test_the_page_holds_no_script_style_or_event_attribute(pages: dict[str, str]) -> None:
    page = pages[PAGE]
    assert "<script" not in page and "<link" not in page  # assets/javascripts/paginascripts.js loads them
    assert not re.search(r"\son[a-z]+=|\sstyle=", page)


def test_the_loader_is_on_every_page_but_loads_the_form_only_with_the_form(root: Path) -> None:
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "assets/javascripts/paginascripts.js" in config["extra_javascript"]
    loader = (root / "theme/assets/javascripts/paginascripts.js").read_text(encoding="utf-8")
    assert '"wk-formulier": {' in loader and "if (!page) return;" in loader
    assert loader.index("wk-formulier") < loader.index("vendor/ajv2020.min.js")


def test_the_data_file_has_the_register_and_where_github_is(pages: dict[str, str]) -> None:
    data = json.loads(pages[DATA])
    assert data["repository"] == "https://github.com/wijkkit/wijkkit" and data["branch"] == "main"
    codes = {m["code"] for m in data["municipalities"]}
    assert {"GM0193", "GM0160"} <= codes
    assert data["issue"]["template"] == "praktijkvoorbeeld.yml"
    assert {q["id"] for q in data["questions"]} >= {"municipality", "example_title", "sources", "source_title"}


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("ajv2020.min.js", None),
        (
            "ajv-i18n-nl.js",
            ("/* --- begin ajv-i18n/localize/nl/index.js --- */\n", "/* --- end ajv-i18n/localize/nl/index.js --- */"),
        ),
    ],
)
def test_vendored_files_are_the_published_ones(name: str, marker: tuple[str, str] | None) -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    expected = re.search(rf"\| `{re.escape(name)}` \|[^\n]*`([0-9a-f]{{64}})`", readme).group(1)
    text = (VENDOR / name).read_bytes()
    if marker:
        start, end = (m.encode() for m in marker)
        text = text[text.index(start) + len(start) : text.index(end)]
    assert hashlib.sha256(text).hexdigest() == expected
    assert (VENDOR / "LICENSE-ajv").is_file() and (VENDOR / "LICENSE-ajv-i18n").is_file()


def test_contributing_and_the_bijdragen_page_lead_with_the_form(root: Path) -> None:
    import yaml

    site_url = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    form_url = site_url.rstrip("/") + "/" + PAGE.removesuffix(".md") + "/"
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    head = contributing[: contributing.index("## Inhoud")]
    assert form_url in head  # the first thing a contributor reads
    assert contributing.index("## Met het formulier op de site") < contributing.index("### A. Op de website van GitHub")
    page = (root / "content/pages/bijdragen.md").read_text(encoding="utf-8")
    assert page.index("bijdragen/voorbeeld.md") < page.index("content/examples/")
