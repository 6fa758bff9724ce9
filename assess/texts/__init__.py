"""User-facing text in Chinese and English; see :mod:`assess.texts.catalog`.

The definition modules are imported here so the catalog is complete whichever is read.
"""

from assess.texts import labels as labels
from assess.texts import safety as safety
from assess.texts.catalog import CATALOG, Text, Texts, enum_text, parse_label, text

__all__ = ["CATALOG", "Text", "Texts", "enum_text", "labels", "parse_label", "safety", "text"]
