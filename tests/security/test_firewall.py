"""The output firewall on its own: hand-made bad pages must be refused, the site's own markup must pass.

These are the canaries: each page carries one way script or a foreign resource gets into HTML. If the firewall stops
refusing any of them, the layers before it are the only protection left, and this test says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import firewall

PAGE = "<!doctype html><html lang=nl><head><title>t</title></head><body>{}</body></html>"

BAD_PAGES = {
    "event handler": '<p onmouseover="alert(1)">x</p>',
    "event handler in svg": "<svg><g onload=alert(1)></g></svg>",
    "event handler, odd case": '<img src="a.png" OnErRoR="alert(1)">',
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "javascript link with tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "javascript link with leading space": '<a href=" javascript:alert(1)">x</a>',
    "javascript link with control char": '<a href="&#x01;javascript:alert(1)">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data html link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "form action": '<form action="javascript:alert(1)"><button>x</button></form>',
    "formaction": '<button formaction="https://evil.example/">x</button>',
    "svg xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg use": '<svg><use href="javascript:alert(1)"></use></svg>',
    "svg animate": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    "srcset from another host": '<img alt="" srcset="https://evil.example/a.png 1x">',
    "image from another host": '<img alt="" src="https://evil.example/pixel.png">',
    "protocol-relative image": '<img alt="" src="//evil.example/pixel.png">',
    "inline script": "<script>alert(1)</script>",
    "script from another host": '<script src="https://cdn.example/lib.js"></script>',
    "script outside assets": '<script src="data/wijkkit.json.js"></script>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "style attribute": '<p style="background:url(https://evil.example/x)">x</p>',
    "style element": "<style>body{background:url(https://evil.example/x)}</style>",
    "stylesheet from another host": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "math": '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
}


@pytest.mark.parametrize("name", BAD_PAGES)
def test_a_bad_page_is_refused(name: str) -> None:
    found = firewall.violations(PAGE.format(BAD_PAGES[name]))
    assert found, f"the firewall let through: {name}"


GOOD_PAGES = {
    "links and images of the site": '<a href="../principes/">x</a><a href="https://example.org">y</a>'
    '<img src="../assets/images/logo.svg" alt="">',
    "QR code as a data image": '<img alt="QR" src="data:image/png;base64,iVBORw0KGgo=">',
    "card positions": '<div style="left: 105mm; top: 148.5mm"></div><td style="text-align: right;">1</td>',
    "config as json": '<script id="__config" type="application/json">{"base": ".."}</script>',
    "mail link": '<a href="https://example.org/#contact">contact</a>',
}


@pytest.mark.parametrize("name", GOOD_PAGES)
def test_the_sites_own_markup_passes(name: str) -> None:
    assert firewall.violations(PAGE.format(GOOD_PAGES[name])) == []


def test_the_themes_own_inline_scripts_pass_and_others_do_not() -> None:
    theme = firewall.theme_scripts()
    assert theme, "no inline scripts found in the engine templates"
    own = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'  # noqa: E501 - a literal as it is written elsewhere
    assert firewall.violations(PAGE.format(f"<script>{own}</script>")) == []
    changed = own.replace("location.hash", "location.search")
    assert firewall.violations(PAGE.format(f"<script>{changed}</script>"))


def test_a_script_file_must_exist_in_the_site(tmp_path: Path) -> None:
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/javascripts/tabel.js").write_text("//", encoding="utf-8")
    page = PAGE.format('<script src="../assets/javascripts/{}"></script>')
    assert firewall.violations(page.format("tabel.js"), here="x/index.html", site=tmp_path) == []
    assert firewall.violations(page.format("elders.js"), here="x/index.html", site=tmp_path)


def test_check_folder_names_the_page(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok/index.html").write_text(PAGE.format("<p>goed</p>"), encoding="utf-8")
    (tmp_path / "fout").mkdir()
    (tmp_path / "fout/index.html").write_text(PAGE.format('<p onclick="x()">fout</p>'), encoding="utf-8")
    found = firewall.check_folder(tmp_path)
    assert list(found) == ["fout/index.html"]
    assert "onclick" in found["fout/index.html"][0].message
