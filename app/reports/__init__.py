"""``flexdash report NAME``: the machine-readable reports of the data
contract, as polars frames (:func:`build`) and as text (:func:`render`).

The dashboard calls the same functions, so the numbers on screen are the
numbers ``flexdash report`` prints. Core module: never imports Textual.
"""

from app.reports.params import ReportParams
from app.reports.render import FORMATS, render
from app.reports.runner import build, query
from app.reports.spec import NAMES, REPORTS

__all__ = ["FORMATS", "NAMES", "REPORTS", "ReportParams", "build", "query", "render"]
