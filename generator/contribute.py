"""The contribution form at /bijdragen/voorbeeld/: its fields, read from the JSON Schema of an example, and its data.

Nothing here names a field by hand: labels, descriptions, required marks, lengths, limits and choices come from
`schema_for(example)` (the schema editors and the open data use, exported from the model), and the kind of control
from the issue form's questions (generator/fromissue/questions.py), which are derived from the same model. So a field
added to the model shows up in the form, the issue form and `from-issue` alike; a test holds the form to the schema.

The page works without JavaScript as an ordinary HTML form that opens GitHub's issue form with the answers filled
in (each control is named after its question); with JavaScript (theme/assets/javascripts/bijdragen-*.js) it checks
every answer against the same schema, shows the page and the YAML as they will be, and offers GitHub's new-file page
and a download. The register of municipalities and the sources come as a JSON file the page fetches.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import urls
from .catalog import Catalog
from .fromissue.issueform import LABEL, TEMPLATE, TITLE_PREFIX
from .fromissue.questions import NEW_SOURCE, Question, example_questions, source_questions
from .model import KIND_BY_NAME, WEAK_SOURCE_KINDS, Example, Source, marked
from .schema import schema_for

PAGE = "bijdragen/voorbeeld.md"  # → /bijdragen/voorbeeld/
DATA = "bijdragen/voorbeeld/gegevens.json"  # fetched by the page as 'gegevens.json'
MAX_URL = 8000  # longer links are cut by browsers or refused by GitHub (HTTP 414): offer download and copy instead
SKIPPED_BY_ISSUE = ("id", "last_reviewed")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class FormField:
    """One control (or group of controls) of the form."""

    path: str  # where the value goes: 'title', 'period.start'
    label: str
    description: str
    required: bool
    # municipality, municipalities, text, textarea, int, bool, select, checkboxes, lines, principles, sources, tags,
    # id or date
    widget: str
    name: str = ""  # the issue form question id, so the form also works without JavaScript
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    group: str = ""  # the label of the enclosing field, for nested fields ('Looptijd')
    group_description: str = ""  # on the first field of a group: what the enclosing field is

    @property
    def html_id(self) -> str:
        return "wk-veld-" + self.path.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Form:
    fields: tuple[FormField, ...]
    source_fields: tuple[FormField, ...]
    facts: tuple[Choice, ...]  # the fields a source can support ('supports')
    issue_url: str | None
    edit_base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The schema of a property with $ref and the Optional anyOf [X, null] unwrapped."""
    for option in node.get("anyOf", []):
        if option.get("type") != "null":
            node = {**node, **option}
            break
    ref = node.get("$ref")
    if ref:
        node = {**schema["$defs"][ref.rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


WIDGETS = {
    "municipality": "municipality",
    "municipalities": "municipalities",
    "text": "text",
    "markdown": "textarea",
    "int": "int",
    "bool": "bool",
    "choice": "select",
    "choices": "checkboxes",
    "lines": "lines",
    "commas": "lines",
    "tags": "tags",
    "principles": "principles",
    "sources": "sources",
}


def _fields(schema: dict[str, Any], questions: list[Question], model: Any, *, prefix: str = "") -> list[FormField]:
    """The form's fields in the schema's order. pydantic leaves `title` out of a property that is only a $ref (an
    enum such as status); the label then comes from the model field the schema was exported from."""
    by_path = {".".join(q.path[1:] if prefix else q.path): q for q in questions}
    out: list[FormField] = []
    required = set(schema.get("required", ()))
    for name, raw in schema["properties"].items():
        node = _resolve(schema, raw)
        label = raw.get("title") or model.model_fields[name].title or name
        description = raw.get("description") or node.get("description") or ""
        if node.get("type") == "object" and "properties" in node:
            for index, (child, child_raw) in enumerate(node["properties"].items()):
                child_node = _resolve(schema, child_raw)
                question = by_path.get(f"{name}.{child}")
                made = _field(
                    f"{name}.{child}",
                    child_raw.get("title") or child,
                    child_raw.get("description", ""),
                    name in required and child in node.get("required", ()),
                    child_node,
                    question,
                    group=label,
                )
                out.append(replace(made, group_description=description) if index == 0 else made)
            continue
        question = by_path.get(name)
        if name == "id":
            out.append(FormField(name, label, description, True, "id", max_length=None))
        elif node.get("format") == "date" and question is None:
            out.append(FormField(name, label, description, name in required, "date"))
        elif question is not None:
            out.append(_field(name, label, description, name in required, node, question))
    return out


def _field(
    path: str,
    label: str,
    description: str,
    required: bool,
    node: dict[str, Any],
    question: Question | None,
    group: str = "",
) -> FormField:
    widget = WIDGETS[question.answer] if question else "text"
    if question and question.answer == "text" and question.textarea:
        widget = "textarea"
    choices = tuple(Choice(str(c), str(c)) for c in (question.choices if question else ()))
    if widget in ("municipality", "municipalities") and question is not None:
        description = question.description  # the form takes a name, not only a code
    if widget == "tags":
        description = "Een paar trefwoorden waarop lezers je voorbeeld kunnen vinden."  # the model points at a file
    return FormField(
        path,
        label,
        description,
        required,
        widget,
        name=question.id if question else "",
        choices=choices,
        max_length=node.get("maxLength"),
        minimum=node.get("minimum"),
        maximum=node.get("maximum"),
        group=group,
    )


def _repo(edit_url: Any) -> tuple[str, str] | None:
    """(repository URL, branch) from the site's edit links ('…/wijkkit/edit/main/content/…'), or None."""
    probe = edit_url("content/examples/x.yaml")
    if not probe or "/edit/" not in probe:
        return None
    repo, _, rest = probe.partition("/edit/")
    return repo, rest.split("/", 1)[0]


def form(catalog: Catalog, edit_url: Any) -> Form:
    schema = schema_for(KIND_BY_NAME["example"])
    source_schema = schema_for(KIND_BY_NAME["source"])
    fields = _fields(schema, example_questions(), Example)
    source_schema = {
        **source_schema,
        "properties": {k: source_schema["properties"][k] for k in NEW_SOURCE},
        "required": [r for r in source_schema.get("required", []) if r in NEW_SOURCE],
    }
    source_fields = _fields(source_schema, source_questions(), Source, prefix="source")
    source_fields = [
        FormField(
            f"source.{f.path}",
            f.label,
            f.description,
            f.required,
            f.widget,
            f.name,
            f.choices,
            f.max_length,
            f.minimum,
            f.maximum,
        )
        for f in source_fields
    ]
    # the id (made from municipality and title) and the review date are filled in already: they go last
    fields = [f for f in fields if f.widget not in ("id", "date")] + [f for f in fields if f.widget in ("id", "date")]
    facts = tuple(Choice(name, Example.model_fields[name].title or name) for name in marked(Example, "fact"))
    repo = _repo(edit_url)
    issue_url = f"{repo[0]}/issues/new" if repo else None
    return Form(tuple(fields), tuple(source_fields), facts, issue_url, f"{repo[0]}/new/{repo[1]}" if repo else None)


def page_context(catalog: Catalog, edit_url: Any) -> dict[str, Any]:
    return {
        "form": form(catalog, edit_url),
        "template": TEMPLATE,
        "title_prefix": TITLE_PREFIX,
        "principles": catalog.principles,
        "tags": catalog.tags,
        "sources": catalog.sources,
    }


def _merged(merger: Any, names: dict[str, str]) -> dict[str, Any]:
    """Where a former municipality went: one successor, or several after a split ('into' may be a list)."""
    into = [merger.into] if isinstance(merger.into, str) else list(merger.into)
    return {"into": into, "into_name": " en ".join(names.get(code, code) for code in into), "year": merger.year}


def form_data(catalog: Catalog, edit_url: Any) -> dict[str, Any]:
    """gegevens.json: what the form's script needs and the page does not print: the register, the sources with what
    decides whether they can stand alone, the ids in use, and where GitHub is."""
    names = {m.code: m.name for m in catalog.municipalities}
    repo = _repo(edit_url)
    return {
        "repository": repo[0] if repo else None,
        "branch": repo[1] if repo else None,
        "issue": {"template": TEMPLATE, "label": LABEL, "title_prefix": TITLE_PREFIX},
        "max_url": MAX_URL,
        "schemas": {
            "example": f"../../{urls.SCHEMA_FOLDER}/example.json",
            "source": f"../../{urls.SCHEMA_FOLDER}/source.json",
        },
        "folders": {"example": KIND_BY_NAME["example"].folder, "source": KIND_BY_NAME["source"].folder},
        "municipalities": [
            {
                "code": m.code,
                "name": m.name,
                "province": m.province,
                "aliases": list(m.aliases),
                **({"merged": _merged(m.merged, names)} if m.merged else {}),
            }
            for m in catalog.municipalities
        ],
        "sources": [
            {"id": s.id, "title": s.title, "url": s.url, "weak": s.kind in WEAK_SOURCE_KINDS or not s.date}
            for s in catalog.sources
        ],
        "weak_kinds": sorted(WEAK_SOURCE_KINDS),
        "example_ids": sorted(e.id for e in catalog.examples),
        "facts": list(marked(Example, "fact")),
        "questions": [
            {"id": q.id, "path": list(q.path), "answer": q.answer} for q in [*example_questions(), *source_questions()]
        ],
    }
