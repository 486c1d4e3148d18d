"""The published site's address, read from mkdocs.yml: QR codes on cards and programmes point there.

The site helper owns mkdocs.yml. MkDocs configurations may carry tags such as `!!python/name:` or `!ENV`, which a
safe loader refuses; this reader accepts any tag and ignores its value, because only `site_url` matters here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"


class SiteUrlError(Exception):
    """site_url is missing or unusable; the message is Dutch and meant for the user."""


class _TolerantLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_site_url(root: Path) -> str:
    """'https://…/' from mkdocs.yml, always ending in '/'."""
    path = root / CONFIG_FILE
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError) as error:
        raise SiteUrlError(f"{CONFIG_FILE}: kan het bestand niet lezen: {error}") from error
    site_url = config.get("site_url") if isinstance(config, dict) else None
    if not isinstance(site_url, str) or not site_url.startswith(("http://", "https://")):
        raise SiteUrlError(
            f"{CONFIG_FILE}: site_url ontbreekt of is geen webadres. De QR-codes op de kaarten verwijzen naar de "
            "gepubliceerde site.\n    hint: Zet in mkdocs.yml bijvoorbeeld 'site_url: https://wijkkit.nl/'."
        )
    return site_url if site_url.endswith("/") else site_url + "/"
