"""`python -m generator.scaffold example`: print a template as CONTRIBUTING.md shows it, to paste there."""

import sys

from .render import render

sys.stdout.write(render(sys.argv[1] if len(sys.argv) > 1 else "example"))
