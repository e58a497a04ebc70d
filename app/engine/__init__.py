"""The billing engine: windows, draw-down and denials (R7-R16), as of an
instant (R4). See docs/architecture.md ("Models", "Core APIs")."""

from app.engine.recompute import RunSummary, recompute, stored_as_of, use_results_as_of

__all__ = ["RunSummary", "recompute", "stored_as_of", "use_results_as_of"]
