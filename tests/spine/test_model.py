"""The model is the single source of truth: documented in Dutch, exported as JSON Schema, read into a linked Catalog."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from generator.model import KINDS
from generator.project import read_project
from generator.schema import models_in, schema_text

ROOT = Path(__file__).resolve().parents[2]
BASE = Path(__file__).parent / "base"
DUTCH_WORDS = re.compile(
    r"\b(de|het|een|van|en|of|voor|met|is|op|die|wat|je|in|als|niet|hoe|waar|wie|bij|deze|dit|hoeveel|wordt|zijn|aan|naar|uit|om|te|er)\b",
    re.IGNORECASE,
)


def all_models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    todo = [kind.model for kind in KINDS]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            todo.extend(models_in(info.annotation))
    return seen


FIELDS = [(model.__name__, name, info) for model in all_models() for name, info in model.model_fields.items()]


@pytest.mark.parametrize(("model", "name", "info"), FIELDS, ids=[f"{m}.{n}" for m, n, _ in FIELDS])
def test_every_field_has_a_dutch_description_and_label(model: str, name: str, info) -> None:
    assert info.description and DUTCH_WORDS.search(info.description), f"{model}.{name} needs a Dutch description"
    assert info.title, f"{model}.{name} needs a Dutch label (title)"


def test_every_model_has_a_dutch_summary() -> None:
    for model in all_models():
        assert DUTCH_WORDS.search(model.nl), f"{model.__name__}.nl must describe the record in Dutch"


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_committed_schema_is_current(kind) -> None:
    """schema/*.json is what editors use; it must match the model (run `make schema` after changing it)."""
    committed = ROOT / "schema" / f"{kind.name}.json"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), f"run 'make schema': {committed} is stale"
    schema = json.loads(committed.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


def test_example_schema_validates_like_the_checker() -> None:
    """An editor using the exported schema flags the same mistakes: unknown field, bad enum, bad code."""
    schema = json.loads((ROOT / "schema" / "example.json").read_text(encoding="utf-8"))
    good = {
        "id": "x",
        "municipality": "GM0344",
        "title": "T",
        "status": "pilot",
        "summary": "S",
        "evidence": "anekdotisch",
        "sources": [{"source": "b"}],
        "last_reviewed": "2026-01-01",
    }
    jsonschema.Draft202012Validator(schema).validate(good)
    for bad in ({**good, "samenvatting": "x"}, {**good, "status": "klaar"}, {**good, "municipality": "GM344"}):
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


@pytest.fixture(scope="module")
def catalog():
    result = read_project(BASE)
    assert result.problems == []
    return result.catalog


def test_backlinks(catalog) -> None:
    uses = catalog.uses["samen-doen"]
    assert [c.id for c in uses.cases] == ["het-veldje"]
    assert [e.id for e in uses.examples] == ["utrecht-wijkteams"]
    assert [k.id for k in uses.kits] == ["korte-sessie"]
    assert [e.id for e in catalog.examples_in["GM0344"]] == ["utrecht-wijkteams"]
    assert catalog.examples_in["GM0518"] == ()
    cited = {(c.kind, c.record.id) for c in catalog.cited_by["bron-een"]}
    assert cited == {
        ("principle", "eerst-vertrouwen"),
        ("case", "het-veldje"),
        ("example", "utrecht-wijkteams"),
        ("source", "bron-twee"),
    }
    # `related` is written once but works both ways
    assert [p.id for p in catalog.related_to["samen-doen"]] == ["eerst-vertrouwen"]
    assert [p.id for p in catalog.kit_principles["korte-sessie"]] == ["eerst-vertrouwen", "samen-doen"]
    assert {c.record.id for c in catalog.tagged["bewoners"]} == {"samen-doen", "het-veldje", "utrecht-wijkteams"}


def test_stable_order(catalog) -> None:
    assert [p.number for p in catalog.principles] == [1, 2]
    assert [m.name for m in catalog.municipalities] == ["'s-Gravenhage", "Utrecht"]  # 's-Gravenhage sorts under G
    again = read_project(BASE).catalog
    assert [(k, [r.id for r in rs]) for k, rs in again.records()] == [
        (k, [r.id for r in rs]) for k, rs in catalog.records()
    ]


def test_catalog_is_immutable(catalog) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalog.principles = ()
    with pytest.raises(TypeError):
        catalog.principle_by_id["nieuw"] = None
    with pytest.raises(ValidationError):  # frozen records refuse assignment
        catalog.principles[0].title = "Anders"


def test_where_points_at_the_field(catalog) -> None:
    assert catalog.where("principle", "samen-doen", "summary") == ("content/principles/samen-doen.yaml", 4, 10)


def test_shipped_content_is_valid() -> None:
    result = read_project(ROOT)
    assert result.problems == [], "\n".join(p.as_text() for p in result.problems)
    assert len(result.catalog.principles) >= 12 and len(result.catalog.cases) >= 8
