"""assess: self-assessment of a national ETDZ against the 2025 work plan (逐项对标)."""

__version__ = "0.1.0"
