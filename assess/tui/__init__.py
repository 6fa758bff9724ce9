"""The interactive assessment in the terminal (Textual): ``assess open FILE``."""
