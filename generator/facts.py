"""Facts about records that both the site and the open data state, computed in one place.

Why a module of its own: the site shows an example's completeness and the open data exports it; when each computed
it, the two disagreed (the JSON counted 'onbekend' as filled, the site as missing). Neither renderer may import the
other, so the one definition sits below both.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Example, marked


@dataclass(frozen=True)
class Completeness:
    """Which of the fields marked `completeness` on the model an example fills; labels are the fields' titles."""

    filled: tuple[str, ...]
    missing: tuple[str, ...]
    missing_fields: tuple[str, ...] = ()  # the field names behind `missing`, for the open data

    @property
    def total(self) -> int:
        return len(self.filled) + len(self.missing)

    @property
    def percent(self) -> int:
        return round(100 * len(self.filled) / self.total) if self.total else 100


def completeness(example: Example) -> Completeness:
    """'onbekend' (the sources do not say) is a gap like an empty field."""
    filled, missing, names = [], [], []
    for field in marked(Example, "completeness"):
        value = getattr(example, field)
        label = Example.model_fields[field].title
        if value and value != "onbekend":
            filled.append(label)
        else:
            missing.append(label)
            names.append(field)
    return Completeness(tuple(filled), tuple(missing), tuple(names))
