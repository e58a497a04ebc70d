"""`flexdash import`: the importer (importer.py) and its command (command.py)."""

from app.ingest.importer import FileResult, import_into, import_paths

__all__ = ["FileResult", "import_into", "import_paths"]
