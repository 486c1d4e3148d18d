"""A deterministic synthetic Wijkkit project of any size, for benchmarks.

N municipal examples spread over all twelve provinces, with principles, cases and sources in proportions like the
real content (one principle per 50 examples, a case per 20, a source per 10, never fewer than the shipped
content) and text lengths like the shipped records. The shipped content and kits are copied in too, so the tree
also exercises kits and every reference kind. Same N and seed → byte-identical tree.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

WORDS = [
    "bewoners",
    "wijk",
    "team",
    "gemeente",
    "vertrouwen",
    "samen",
    "buurt",
    "zorg",
    "welzijn",
    "jongeren",
    "ouderen",
    "vrijwilligers",
    "initiatief",
    "ontmoeting",
    "netwerk",
    "huis",
    "school",
    "sport",
    "plein",
    "dorp",
    "kern",
    "gesprek",
    "vraag",
    "hulp",
    "steun",
    "aanpak",
    "plan",
    "doel",
    "ruimte",
    "tijd",
    "kracht",
    "eigen",
    "kleine",
    "grote",
    "nieuwe",
    "oude",
    "goede",
    "snelle",
    "rustige",
    "open",
    "directe",
    "lokale",
    "sociale",
    "praktische",
    "vaste",
    "maken",
    "doen",
    "helpen",
    "vragen",
    "luisteren",
    "bouwen",
    "zoeken",
    "vinden",
    "delen",
    "leren",
    "proberen",
    "starten",
    "kiezen",
    "werken",
    "met",
    "voor",
    "door",
    "in",
    "op",
    "bij",
    "na",
    "over",
    "onder",
    "tussen",
    "zonder",
    "en",
    "of",
    "maar",
    "want",
    "dus",
    "ook",
    "nog",
    "al",
    "wel",
    "niet",
    "vaak",
    "soms",
]


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _text(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        sentence = _sentence(rng)
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)


def _block(text: str, indent: int = 2) -> str:
    """A YAML literal block, wrapped at ~100 characters."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) > 100:
            lines.append(pad + line.rstrip())
            line = ""
        line += word + " "
    lines.append(pad + line.rstrip())
    return "|\n" + "\n".join(lines)


def _strong(path: Path) -> bool:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return bool(data.get("date")) and data.get("kind") not in ("opinie", "blog")


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def generate(target: Path, n_examples: int, *, repo: Path, seed: int = 2026) -> dict[str, int]:
    """Write a project with `n_examples` examples to `target` (replaced if it exists). Returns counts per kind."""
    rng = random.Random(seed * 100_003 + n_examples)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(repo / "content", target / "content")
    if (repo / "kit").is_dir():
        shutil.copytree(repo / "kit", target / "kit")
    shutil.copy2(repo / "mkdocs.yml", target / "mkdocs.yml")
    for extra in ("theme", "schema"):
        if (repo / extra).is_dir():
            shutil.copytree(repo / extra, target / extra)
    content = target / "content"

    real_principles = sorted(p.stem for p in (content / "principles").glob("*.yaml"))
    real_sources = sorted(p.stem for p in (content / "sources").glob("*.yaml"))
    tags = ["vertrouwen", "bewoners", "burgerkracht", "samenwerking", "preventie", "lokale-aanpak"]

    # municipalities: the real register holds every current municipality; examples are spread over them
    register = yaml.safe_load((content / "municipalities.yaml").read_text(encoding="utf-8"))
    codes = [m["code"] for m in register["municipalities"] if not m.get("merged")]

    n_principles = max(0, n_examples // 50 - len(real_principles))
    n_sources = max(0, n_examples // 10 - len(real_sources))
    n_cases = max(0, n_examples // 20 - 11)
    sources = list(real_sources)
    for i in range(n_sources):
        sid = f"proefbron-{i + 1:05d}"
        sources.append(sid)
        (content / "sources" / f"{sid}.yaml").write_text(
            f"id: {sid}\ntitle: {_q(_sentence(rng, 4, 9))}\nauthors: [Proefauteur {i % 97}]\n"
            f"publisher: Proefuitgever\ndate: {2010 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}\nkind: artikel\n"
            f"url: https://example.org/{sid}\n"
            f"summary: {_block(_text(rng, 300))}\n",
            encoding="utf-8",
        )
    principles = list(real_principles)
    for i in range(n_principles):
        pid = f"proefprincipe-{i + 1:04d}"
        principles.append(pid)
        items = lambda count, size: "".join(f"  - {_q(_text(rng, size)[:size])}\n" for _ in range(count))
        (content / "principles" / f"{pid}.yaml").write_text(
            f"id: {pid}\nnumber: {15 + i}\ntitle: {_q(_sentence(rng, 3, 5)[:58])}\n"
            f"summary: {_q(_sentence(rng, 10, 16)[:158])}\nbody: {_block(_text(rng, 1400))}\n"
            f"in_practice:\n{items(3, 150)}pitfalls:\n{items(2, 150)}questions:\n{items(4, 110)}"
            f"related: [{rng.choice(real_principles)}]\nsources:\n  - source: {rng.choice(sources)}\n    note: p. "
            f"{i % 40 + 1}\n"
            f"tags: [{rng.choice(tags)}]\n",
            encoding="utf-8",
        )
    for i in range(n_cases):
        cid = f"proefcasus-{i + 1:05d}"
        items = "".join(f"  - {_q(_sentence(rng, 8, 14)[:130])}\n" for _ in range(3))
        (content / "cases" / f"{cid}.yaml").write_text(
            f"id: {cid}\ntitle: {_q(_sentence(rng, 3, 5)[:58])}\nsetting: stadswijk\ncomposite: true\n"
            f"situation: {_block(_text(rng, 550)[:650])}\ndilemma: {_q(_sentence(rng, 14, 22)[:270])}\n"
            f"questions:\n{items}principles: [{rng.choice(principles)}, {rng.choice(real_principles)}]\n"
            f"sources:\n  - source: {rng.choice(sources)}\ntags: [{rng.choice(tags)}]\n",
            encoding="utf-8",
        )
    existing = len(list((content / "examples").glob("*.yaml")))
    # an example never rests on an opinion or an undated page alone (the checker refuses it): cite strong sources
    strong = sources[len(real_sources) :] + [
        sid for sid in real_sources if _strong(content / "sources" / f"{sid}.yaml")
    ]
    for i in range(max(0, n_examples - existing)):
        eid = f"proefvoorbeeld-{i + 1:05d}"
        lessons = "".join(f"  - {_q(_sentence(rng))}\n" for _ in range(2))
        (content / "examples" / f"{eid}.yaml").write_text(
            f"id: {eid}\nmunicipality: {codes[i % len(codes)]}\n"
            f"title: {_q(_sentence(rng, 4, 8)[:98])}\nstatus: "
            f"{rng.choice(['verkenning', 'pilot', 'definitief', 'gestopt'])}\n"
            f"summary: {_q(_text(rng, 200)[:290])}\nas_of: {2014 + i % 12}\nperiod: {{start: {2012 + i % 2}}}\n"
            f"teams: {1 + i % 20}\narea: {rng.choice(['wijk', 'kern', 'gebied', 'hele-gemeente'])}\n"
            f"lead: {rng.choice(['gemeente', 'welzijnsorganisatie', 'combinatie'])}\naccess: [voordeur, inloop]\n"
            f"goal: {_q(_sentence(rng))}\ntarget_group: {_q(_sentence(rng))}\napproach: {_block(_text(rng, 800))}\n"
            f"team: [wijkverpleegkundige, opbouwwerker, consulent]\nworking_elements:\n  - {_q(_sentence(rng))}\n"
            f"principles:\n  - id: {rng.choice(principles)}\n    how: {_q(_sentence(rng))}\n"
            f"evidence: {rng.choice(['anekdotisch', 'beschreven', 'geevalueerd'])}\nlessons:\n{lessons}"
            f"sources:\n  - source: {rng.choice(strong)}\ntags: [{rng.choice(tags)}, {rng.choice(tags)}]\n"
            f"last_reviewed: 2026-{1 + i % 10:02d}-{1 + i % 28:02d}\n",
            encoding="utf-8",
        )
    return {
        "examples": max(n_examples, existing),
        "principles": len(principles),
        "cases": 11 + n_cases,
        "sources": len(sources),
        "records": sum(1 for _ in target.glob("content/*/*.yaml")) + sum(1 for _ in target.glob("kit/*.yaml")),
    }
