"""flexdash: Autodesk Flex token analytics on a local DuckDB store.

The core (everything outside ``app.tui``) never imports Textual.
"""

__version__ = "0.1.0"
