"""The layout measurements on small hand-made documents, so a check that finds nothing is known to be able to."""

from __future__ import annotations

from generator.kits.build import renderer
from generator.kits.layout import blank_pages, headings_at_page_end, overflows

PAGE = "<style>@page { size: 100mm 100mm; margin: 10mm }</style>"


def _layout(body: str):
    return renderer().layout(
        f"<!DOCTYPE html><html lang='nl'><head><title>t</title>{PAGE}</head><body>{body}</body></html>"
    )


def test_overflow_names_the_first_field_past_the_edge() -> None:
    box = "<div data-fit='case:x:back' style='height: 30mm; overflow: hidden'>{}</div>"
    fits = _layout(box.format("<p data-field='case:x:dilemma'>Kort.</p>"))
    assert overflows(fits) == []
    long = "<p data-field='case:x:dilemma'>Kort.</p>" + "".join(
        f"<p data-field='case:x:questions.{i}'>Een vraag die de ruimte vult.</p>" for i in range(12)
    )
    (found,) = overflows(_layout(box.format(long)))
    assert (found.kind, found.record_id, found.box) == ("case", "x", "case:x:back")
    assert found.path[0] == "questions" and found.path[1] > 0 and found.by_mm > 0


def test_absolutely_placed_parts_do_not_count_as_overflow() -> None:
    body = (
        "<div data-fit='principle:p:front' style='position: relative; height: 30mm; padding-bottom: 20mm'>"
        "<p data-field='principle:p:title'>Titel</p>"
        "<div style='position: absolute; bottom: 0; height: 20mm'>QR</div></div>"
    )
    assert overflows(_layout(body)) == []


def test_a_heading_at_the_bottom_of_a_page_is_found() -> None:
    filler = "<p style='margin: 0; line-height: 10mm'>regel</p>" * 5
    tall = "<p style='margin: 0; line-height: 30mm'>tekst</p>"
    body = filler + f"<h2 style='margin: 0; line-height: 10mm; break-after: auto'>Kop</h2>{tall}"
    assert headings_at_page_end(_layout(body)) == [(1, "Kop")]
    kept = filler + f"<h2 style='margin: 0; line-height: 10mm; break-after: avoid'>Kop</h2>{tall}"
    assert headings_at_page_end(_layout(kept)) == []


def test_blank_pages_are_found() -> None:
    body = "<p>een</p><div style='break-before: page'></div><p style='break-before: page'>drie</p>"
    assert blank_pages(_layout(body)) == [2]
