"""A mistyped command gets a Dutch answer that says what is missing and where to look, never English argparse."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.kitfiles import LAYOUTS


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "dit ontbreekt nog: COMMANDO"),
        (["new", "voorbeeld", "--gemeente"], "argument --gemeente: hier hoort een waarde achter"),
        (
            ["kit", "ontbijtsessie", "--layout", "gevouwen"],
            "argument --layout: ongeldige keuze: 'gevouwen' (kies uit " + ", ".join(f"'{n}'" for n in LAYOUTS) + ")",
        ),
        (["check", "--formaat", "json"], "onbekend: --formaat json"),
    ],
)
def test_usage_errors_are_dutch_with_a_hint(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: wijkkit")
    assert "fout: " + says in err
    assert "hint: 'wijkkit" in err and "--help' laat zien wat kan." in err
    assert "error" not in err and "usage" not in err
