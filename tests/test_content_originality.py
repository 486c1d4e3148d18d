"""Content must be written in our own words: no text may share 8 or more consecutive words with a seed article.

The seed articles (2013-2015) live outside the repository, in ../shared/seeds/ next to the repo root; set
WIJKKIT_SEEDS to point elsewhere. Where the folder is absent (a clone without the seeds) the check is skipped with
the reason printed; when WIJKKIT_SEEDS names a folder without seeds, it fails, because someone asked for the check.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
RUN = 8  # the shortest shared run of words that counts as copying

# Citations are not copying: a source record's title is quoted as published.
QUOTED_FIELDS = {("sources", "title")}

_PUNCT = re.compile(r"[^\w\s]+")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def seeds_dir() -> Path:
    override = os.environ.get("WIJKKIT_SEEDS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def words(text: str) -> list[str]:
    """Lowercase, drop accents and punctuation, split on whitespace."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _PUNCT.sub(" ", text).replace("_", " ").split()


class SeedIndex:
    """Every run of RUN consecutive words in the seeds, mapped to the seed it comes from."""

    def __init__(self, seeds: dict[str, str], run: int = RUN) -> None:
        self.run = run
        self.grams: dict[tuple[str, ...], str] = {}
        for name, text in seeds.items():
            tokens = words(text)
            for i in range(len(tokens) - run + 1):
                self.grams.setdefault(tuple(tokens[i : i + run]), name)

    def shared(self, text: str) -> list[tuple[str, str]]:
        """The longest shared runs in `text`, as (seed name, shared words), one per overlapping stretch."""
        tokens = words(text)
        hits: list[tuple[str, str]] = []
        i = 0
        while i <= len(tokens) - self.run:
            seed = self.grams.get(tuple(tokens[i : i + self.run]))
            if seed is None:
                i += 1
                continue
            end = i + self.run
            while end < len(tokens) and tuple(tokens[end - self.run + 1 : end + 1]) in self.grams:
                end += 1
            hits.append((seed, " ".join(tokens[i:end])))
            i = end
        return hits


def texts_in(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a YAML value, with its field path (e.g. `steps[2].do`)."""
    if isinstance(value, str):
        yield path or "(document)", value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_in(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from texts_in(item, f"{path}[{n}]")


def content_texts(root: Path = CONTENT) -> Iterator[tuple[str, str, str]]:
    """(file relative to the repo, field, text) for every YAML string and every page under `root`."""
    for file in sorted(root.rglob("*.yaml")):
        kind = file.relative_to(root).parts[0] if len(file.relative_to(root).parts) > 1 else ""
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)
        for field, text in texts_in(data):
            if (kind, field) not in QUOTED_FIELDS:
                yield _rel(file), field, text
    for file in sorted((root / "pages").glob("*.md")):
        yield _rel(file), "(pagina)", file.read_text(encoding="utf-8")


def _rel(file: Path) -> str:
    try:
        return file.relative_to(REPO).as_posix()
    except ValueError:
        return file.as_posix()


@pytest.fixture(scope="module")
def seed_index() -> SeedIndex:
    folder = seeds_dir()
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))} if folder.is_dir() else {}
    if not seeds:
        reason = f"no seed articles found in {folder} (set WIJKKIT_SEEDS to their folder)"
        if os.environ.get("WIJKKIT_SEEDS"):
            pytest.fail(reason)
        print(reason)
        pytest.skip(reason)
    return SeedIndex(seeds)


def test_no_content_copies_a_seed(seed_index: SeedIndex) -> None:
    problems = [
        f"{file}: {field}: shares {len(shared.split())} words with seed {seed}: '{shared}'"
        for file, field, text in content_texts()
        for seed, shared in seed_index.shared(text)
    ]
    assert not problems, "Text copied from a seed article; rewrite it in your own words:\n" + "\n".join(problems)


def test_checker_detects_a_copied_run_from_a_real_seed(seed_index: SeedIndex) -> None:
    gram = next(iter(seed_index.grams))
    copied = "Wij schreven dit zelf, maar toen: " + " ".join(gram).upper() + "! En verder eigen woorden."
    hits = seed_index.shared(copied)
    assert hits and hits[0][1] == " ".join(gram)


def test_checker_finds_runs_of_eight_and_not_of_seven() -> None:
    index = SeedIndex({"seed.txt": "Een twee drie vier vijf zes zeven acht negen tien."})
    assert index.shared("Nul, een twee drie vier vijf zes zeven acht; klaar.") == [
        ("seed.txt", "een twee drie vier vijf zes zeven acht")
    ]
    assert index.shared("Een twee drie vier vijf zes zeven, en dan iets anders.") == []
    # the whole shared stretch is reported once, punctuation, case and accents do not hide it
    assert index.shared("één Twee-drie vier, vijf zes ZEVEN acht negen tien") == [
        ("seed.txt", "een twee drie vier vijf zes zeven acht negen tien")
    ]


def test_checker_reads_yaml_fields_and_pages(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "cases" / "x.yaml").write_text("id: x\nquestions:\n  - een vraag\n  - nog een\n", encoding="utf-8")
    (tmp_path / "pages" / "home.md").write_text("# Home\n", encoding="utf-8")
    found = [(Path(f).name, field, text) for f, field, text in content_texts(tmp_path)]
    assert found == [
        ("x.yaml", "id", "x"),
        ("x.yaml", "questions[0]", "een vraag"),
        ("x.yaml", "questions[1]", "nog een"),
        ("home.md", "(pagina)", "# Home\n"),
    ]
