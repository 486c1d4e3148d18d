"""`wijkkit from-issue`: an issue made with the form 'Praktijkvoorbeeld voorstellen' → content/examples/<id>.yaml.

Reads the issue body (a file, or '-' for standard input: never a command-line argument, so the contributor's text
never passes through a shell), writes the example (and a new source, when the issue describes one), runs the same
check as `wijkkit check` and says in Dutch what is wrong, per question of the form. When anything is wrong the
files are removed again: a pull request is only ever made of records that pass.

The workflow .github/workflows/praktijkvoorbeeld.yml runs this on every issue with the label 'praktijkvoorbeeld'.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from ..model import Example, Source
from ..names import slugify
from ..problems import HINT, Problem
from ..scaffold.emit import record_yaml
from .answers import Known, Record, Trouble, example_id, new_id, read_answers
from .questions import questions

EXAMPLES = "content/examples"
SOURCES = "content/sources"


@dataclass(frozen=True)
class Outcome:
    """What from-issue did: the files it wrote (kept only when `ok`) and what the contributor must change."""

    ok: bool
    files: tuple[str, ...]
    troubles: tuple[Trouble, ...]
    record_id: str = ""
    title: str = ""


def _known(root: Path) -> tuple[Known | None, list[Problem]]:
    from ..project import read_project

    result = read_project(root)
    if result.catalog is None:
        return None, result.problems
    c = result.catalog
    return Known(c.municipalities, c.sources, c.principles, c.tags, frozenset(e.id for e in c.examples)), []


def _label_of_line(text: str, line: int, labels: dict[str, str], fallback: str) -> str:
    """The question a line of a written file answers: the top-level field the line belongs to."""
    lines = text.split("\n")
    for index in range(min(line, len(lines)) - 1, -1, -1):
        key = lines[index].split(":", 1)[0]
        if lines[index][:1].isalpha() and key in labels:
            return labels[key]
    return fallback


def _source_data(record: Record, known: Known, today: dt.date) -> dict | None:
    data = dict(record.source)
    if not data:
        return None
    title = str(data.get("title", ""))
    base = slugify(title, str(data.get("date", ""))[:4]) if title else "bron"
    data = {"id": new_id(base or "bron", {s.id for s in known.sources}), **data}
    if isinstance(data.get("date"), int):
        data["date"] = str(data["date"])
    if data.get("url"):
        data["accessed"] = today
    return {name: data[name] for name in Source.model_fields if name in data}


def make_records(root: Path, body: str, *, number: int | None = None, today: dt.date | None = None) -> Outcome:
    """Write the record(s) an issue body describes, check the project, and keep them only when all is well."""
    today = today or dt.date.today()
    known, problems = _known(root)
    if known is None:
        files = sorted({p.file for p in problems})
        return Outcome(
            False,
            (),
            (
                Trouble(
                    "",
                    "de inhoud van Wijkkit zelf heeft nu problemen ("
                    + ", ".join(files[:3])
                    + "), dus je voorbeeld kan niet gecontroleerd worden",
                    "Een beheerder van Wijkkit lost dit op; daarna draait de controle opnieuw.",
                ),
            ),
        )
    record = read_answers(body, known)
    if record.troubles and not record.example:
        return Outcome(False, (), tuple(record.troubles))
    source = _source_data(record, known, today)
    example = dict(record.example)
    if source:
        refs = list(example.get("sources", []))
        if not any(ref.get("source") in (source["id"], source["title"]) for ref in refs):
            refs.insert(0, {"source": source["id"]})
        example["sources"] = [
            {**ref, "source": source["id"]} if ref.get("source") == source["title"] else ref for ref in refs
        ]
    if not example.get("sources") and not any(t.label == "Bronnen" for t in record.troubles):
        record.troubles.append(
            Trouble(
                "Bronnen",
                "er staat geen bron bij",
                "Noem minstens één bron onder 'Bronnen', of beschrijf een nieuwe bron onder "
                "'Nieuwe bron': elk voorbeeld moet controleerbaar zijn.",
            )
        )
    if record.troubles:
        return Outcome(False, (), tuple(record.troubles))

    municipality = next((m for m in known.municipalities if m.code == example.get("municipality")), None)
    record_id = example_id(municipality, str(example.get("title", "")), known.example_ids)
    example = {"id": record_id, **example, "last_reviewed": today}
    made_by = f"Gemaakt uit issue #{number} met wijkkit from-issue." if number else "Gemaakt met wijkkit from-issue."
    header = "yaml-language-server: $schema=../../schema/{kind}.json\n" + made_by
    texts = {f"{EXAMPLES}/{record_id}.yaml": record_yaml(Example, example, header=header.format(kind="example"))}
    if source:
        texts[f"{SOURCES}/{source['id']}.yaml"] = record_yaml(Source, source, header=header.format(kind="source"))

    written = []
    try:
        for rel, text in texts.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
            written.append(path)
        troubles = _check(root, texts)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    if troubles:
        for path in written:
            path.unlink(missing_ok=True)
        return Outcome(False, (), tuple(troubles), record_id, str(example.get("title", "")))
    return Outcome(True, tuple(texts), (), record_id, str(example.get("title", "")))


def _check(root: Path, texts: dict[str, str]) -> list[Trouble]:
    from ..project import read_project

    labels = {q.example_field: q.label for q in questions() if not q.id.startswith("source_")}
    source_labels = {q.path[1]: q.label for q in questions() if q.id.startswith("source_")}
    result = read_project(root)
    troubles = []
    for problem in result.problems:
        if problem.file in texts:
            is_source = problem.file.startswith(SOURCES)
            label = _label_of_line(
                texts[problem.file],
                problem.line,
                source_labels if is_source else labels,
                "Nieuwe bron" if is_source else "",
            )
        else:
            label = ""
        troubles.append(Trouble(label, problem.message, problem.hint))
    return troubles


# ---------------------------------------------------------------------------------------------------------------
# Reporting, in Dutch, for the terminal and for the comment on the issue


def comment(outcome: Outcome) -> str:
    if outcome.ok:
        made = "\n".join(f"- `{path}`" for path in outcome.files)
        return (
            "Bedankt! Je voorbeeld is gecontroleerd en in orde. Wijkkit maakte deze bestanden:\n\n"
            f"{made}\n\nIemand van Wijkkit leest het voorstel nog na voordat het op de site komt.\n"
        )
    lines = ["Bedankt voor je voorbeeld! Voordat het op de site kan, moet er nog iets veranderen:", ""]
    for trouble in outcome.troubles:
        where = f"**{trouble.label}**: " if trouble.label else ""
        lines.append(f"- {where}{trouble.message}.")
        if trouble.hint:
            lines.append(f"  {trouble.hint}")
    lines += [
        "",
        (
            "Pas je issue aan (klik rechtsboven bij je tekst op ··· en dan op *Edit*) en sla het op; de "
            "controle draait dan vanzelf opnieuw."
        ),
    ]
    return "\n".join(lines) + "\n"


def run_from_issue(
    root: Path,
    source: str,
    *,
    number: int | None = None,
    comment_file: str | None = None,
    github_output: str | None = None,
    today: dt.date | None = None,
) -> int:
    """0: the record(s) are written and pass the check; 1: refused, with the reasons on stderr (and in the comment)."""
    try:
        body = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(
            f"wijkkit from-issue: kan '{source}' niet lezen: {error}\n"
            f"{HINT}Geef het bestand met de tekst van het issue, of '-' om die via standaardinvoer te geven.",
            file=sys.stderr,
        )
        return 1
    outcome = make_records(root, body, number=number, today=today)
    text = comment(outcome)
    if comment_file:
        Path(comment_file).write_text(text, encoding="utf-8")
    if github_output:
        with open(github_output, "a", encoding="utf-8") as out:
            out.write(f"ok={'true' if outcome.ok else 'false'}\n")
            if outcome.ok:
                out.write(f"id={outcome.record_id}\n")
    if outcome.ok:
        print("\n".join(f"Gemaakt: {path}" for path in outcome.files))
        return 0
    for trouble in outcome.troubles:
        where = f"{trouble.label}: " if trouble.label else ""
        print(f"wijkkit from-issue: {where}{trouble.message}", file=sys.stderr)
        if trouble.hint:
            print(f"{HINT}{trouble.hint}", file=sys.stderr)
    return 1
