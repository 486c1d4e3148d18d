"""Whatever a contributor (or a broken editor) puts in a file, the checker answers with problems, never a crash."""

from __future__ import annotations

import datetime as dt
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import parse
from generator.model import KINDS
from generator.problems import Problem
from generator.validate import validate

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PATHS = [f"{k.folder}/record.yaml" if k.folder else k.file for k in KINDS] + ["content/elders/x.yaml"]


def _check(text: str, path: str) -> None:
    document, problems = parse(text, path)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    if document is None:
        assert problems, "a file without a document must say why"
        return
    catalog, problems = validate([document], today=dt.date(2026, 11, 24))
    assert (catalog is None) == bool(problems)
    for problem in problems:
        assert problem.file == path and problem.line >= 1 and problem.column >= 1 and problem.message


@SETTINGS
@given(st.text(), st.sampled_from(PATHS))
def test_any_text(text: str, path: str) -> None:
    _check(text, path)


@SETTINGS
@given(st.binary(), st.sampled_from(PATHS))
def test_any_bytes(raw: bytes, path: str) -> None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # read() refuses these before parsing; covered by the not-utf8 example
    _check(text, path)


FIELD_NAMES = sorted({name for kind in KINDS for name in kind.model.model_fields} | {"id", "x", "steps", "do"})
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(string.printable, max_size=30),
    st.sampled_from(["all", "GM0344", "08:00", "definitief", "a-b"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=6),
    max_leaves=25,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=12), st.sampled_from(PATHS))
def test_any_structure(data: dict, path: str) -> None:
    """Plausible-looking records with random fields and types: every problem still has a location."""
    _check(yaml.safe_dump(data, allow_unicode=True), path)
