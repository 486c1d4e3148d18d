"""Catalog → Markdown pages with front matter, for any site engine that reads a folder of Markdown.

This package knows nothing of MkDocs or Zensical: it renders Jinja2 templates (templates/*.md.j2) into text.
"""

from .plan import DuplicatePage, PageSpec, plan, render_pages

__all__ = ["DuplicatePage", "PageSpec", "plan", "render_pages"]
