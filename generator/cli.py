"""`wijkkit`: the command line. Thin on purpose: it parses arguments, calls one module, prints, and exits.

Exit codes: 0 done, 1 content problems (or a failed build), 2 wrong usage. Heavy modules are imported inside the
command that needs them, so `wijkkit check` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import FORMATS, HINT, report, report_ok

# argparse's own words, in Dutch: a contributor who mistypes an option should not get an English error. argparse
# looks its messages up through gettext (as `argparse._`) at call time; Python ships no Dutch catalog for it.
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekend: %s",
    "expected one argument": "hier hoort een waarde achter",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n" + HINT + "'%(prog)s --help' laat zien wat kan.\n",
}


def _root(args: argparse.Namespace) -> Path:
    from .project import find_root

    root = find_root(Path(args.root) if args.root else None)
    if root is None:
        where = args.root or Path.cwd()
        print(
            f"wijkkit: geen Wijkkit-project gevonden in {where} of een map daarboven "
            "(een project heeft een map content/ en een bestand mkdocs.yml).\n"
            f"{HINT}Ga met 'cd' naar de map van het project, of geef die op met --root.",
            file=sys.stderr,
        )
        raise SystemExit(1)
    return root


def summary(counts: dict[str, int]) -> str:
    from .model import KIND_BY_NAME

    parts = []
    for name, count in counts.items():
        singular, plural = KIND_BY_NAME[name].label
        parts.append(f"{count} {singular if count == 1 else plural}")
    return "ok: " + ", ".join(parts)


def cmd_check(args: argparse.Namespace) -> int:
    from .project import read_project

    result = read_project(_root(args))
    problems = result.problems
    if not problems and not args.no_kits and result.catalog.kits:
        from .kits.fitcheck import kit_problems  # the layout rules the build applies: check equals build

        problems = kit_problems(result.catalog, result.settings.site_url)
    if problems:
        report(problems, args.format)
        return 1
    if result.warnings:  # worth a look, but nothing stops: exit 0
        report(result.warnings, args.format)
        if args.format == "text":
            print(summary(result.catalog.counts()))
    else:
        report_ok(args.format, summary(result.catalog.counts()))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    out = Path(args.out)
    for path in write_schemas(out):
        print(path)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .site.build import run_build

    return run_build(_root(args), engine=args.engine, kits=not args.no_kits, fmt=args.format)


def cmd_serve(args: argparse.Namespace) -> int:
    from .site.serve import run_serve

    return run_serve(_root(args), host=args.host, port=args.port, fmt=args.format)


def cmd_kit(args: argparse.Namespace) -> int:
    from .cli_kit import run_kit

    return run_kit(
        _root(args),
        args.name,
        layout=args.layout,
        out=Path(args.out) if args.out else None,
        files=args.files,
        fmt=args.format,
    )


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import run_new

    return run_new(_root(args), args.what, municipality=args.gemeente, title=args.titel)


def cmd_from_issue(args: argparse.Namespace) -> int:
    from .fromissue import run_from_issue

    return run_from_issue(
        _root(args), args.issue, number=args.number, comment_file=args.comment, github_output=args.github_output
    )


def _format_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="hoe problemen worden gemeld: text (standaard), github (meldingen in een pull request) of json",
    )


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="wijkkit",
        description=(
            "Wijkkit: kennisbank en workshopkit voor sociale wijkteams. Controleert de inhoud en bouwt site en kits."
        ),
    )
    main.add_argument("--root", help="map van het project (standaard: de huidige map of een map daarboven)")
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMANDO")

    check = sub.add_parser("check", help="controleer alle inhoud en meld elk probleem met bestand en regel")
    check.add_argument(
        "--no-kits",
        action="store_true",
        help="sla de opmaak van de workshopkits over (die wordt bewaard, dus alleen de eerste keer traag)",
    )
    _format_option(check)
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="schrijf de JSON Schema's voor editors")
    schema.add_argument("--out", default="schema", help="map voor de schema's (standaard: schema)")
    schema.set_defaults(func=cmd_schema)

    build = sub.add_parser("build", help="controleer en bouw de site en de kits in site/")
    build.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs", help="welke sitegenerator")
    build.add_argument("--no-kits", action="store_true", help="sla de workshopkits over (sneller)")
    _format_option(build)
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="bekijk de site op http://127.0.0.1:8000 terwijl je schrijft")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    _format_option(serve)
    serve.set_defaults(func=cmd_serve)

    kit = sub.add_parser("kit", help="maak de documenten van één workshopkit")
    kit.add_argument("name", metavar="NAAM", help="naam van de kit, bijvoorbeeld ontbijtsessie")
    from .kitfiles import DEFAULT_LAYOUT, LAYOUTS

    kit.add_argument(
        "--layout",
        choices=list(LAYOUTS),
        default=DEFAULT_LAYOUT,
        help="de kaarten: " + ", ".join(f"{name} ({layout.label})" for name, layout in LAYOUTS.items()),
    )
    kit.add_argument("--out", help="map voor de bestanden (standaard: build/kits/NAAM)")
    kit.add_argument(
        "--files",
        choices=["html", "pdf", "both"],
        default="both",
        help="welke bestanden: html, pdf of both (standaard)",
    )
    _format_option(kit)
    kit.set_defaults(func=cmd_kit)

    new = sub.add_parser("new", help="begin een nieuw record vanuit een sjabloon")
    new.add_argument(
        "what",
        choices=["voorbeeld", "principe", "casus", "bron"],
        metavar="SOORT",
        help="voorbeeld, principe, casus of bron",
    )
    new.add_argument("--gemeente", help="naam of CBS-code van de gemeente (voor een voorbeeld)")
    new.add_argument("--titel", help="titel van het nieuwe record")
    new.set_defaults(func=cmd_new)

    issue = sub.add_parser("from-issue", help="maak een praktijkvoorbeeld van een issue met het formulier")
    issue.add_argument("issue", metavar="BESTAND", help="bestand met de tekst van het issue, of - voor standaardinvoer")
    issue.add_argument("--number", type=int, help="nummer van het issue (komt in het bestand)")
    issue.add_argument("--comment", metavar="BESTAND", help="schrijf hier de reactie voor het issue (Markdown)")
    issue.add_argument("--github-output", metavar="BESTAND", help="schrijf hier ok= en id= (voor GitHub Actions)")
    issue.set_defaults(func=cmd_from_issue)
    return main


def main(argv: list[str] | None = None) -> int:
    argparse._ = lambda text: ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
