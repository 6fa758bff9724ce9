"""User-facing text in Chinese and English; see :mod:`assess.texts.catalog`.

Enum and field labels (:mod:`assess.texts.labels`) are loaded with the package, since
``Texts.label`` finds them by id; every other definition module is imported where it is used,
so the core modules may define their messages here without an import cycle.
"""

from assess.texts import labels as labels
from assess.texts.catalog import (
    CATALOG,
    Text,
    Texts,
    capitalised,
    enum_text,
    parse_label,
    text,
)

__all__ = ["CATALOG", "Text", "Texts", "capitalised", "enum_text", "parse_label", "text"]
