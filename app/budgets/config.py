"""The budgets file: TOML validated with pydantic, every error made readable
(the file, the key, what is expected).

Path: ``--config PATH``; else ``$FLEXDASH_CONFIG``; else
``~/.config/flexdash/budgets.toml`` (a missing default file means no
budgets; a missing file that was named is an error). Example::

    [[team_balance]]            # a team's balance is low
    team = "architecture"       # optional: every team when left out
    below_share = 0.2           # of the tokens of its valid packs
    below_runway_days = 30      # balance x 30 / burn_30d (R21)
    severity = "critical"       # or "warning" (the default)

    [[tokens_at_risk]]          # tokens projected to expire unused (R21)
    above = 500

    [[monthly_spend]]           # this month's cost (R23), a team or a group (R25)
    group = "Structures"
    budget = 5000.00
    currency = "USD"

    [[user_monthly_tokens]]     # one user's tokens this month
    above = 300
"""

from __future__ import annotations

import os
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import UsageError

ENV = "FLEXDASH_CONFIG"
DEFAULT = Path("~/.config/flexdash/budgets.toml")

Severity = Literal["warning", "critical"]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    severity: Severity = "warning"


class TeamBalance(_Rule):
    team: str | None = None
    below_share: float | None = Field(default=None, gt=0, le=1)
    below_runway_days: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one_threshold(self):
        if self.below_share is None and self.below_runway_days is None:
            raise ValueError("give below_share (0 to 1) or below_runway_days (days), or both")
        return self


class TokensAtRisk(_Rule):
    team: str | None = None
    above: int = Field(ge=0)


class MonthlySpend(_Rule):
    team: str | None = None
    group: str | None = None
    budget: Decimal = Field(gt=0)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")

    @model_validator(mode="after")
    def _team_or_group(self):
        if self.team is not None and self.group is not None:
            raise ValueError("give team or group, not both (neither: every team)")
        return self


class UserMonthlyTokens(_Rule):
    user: str | None = None
    above: int = Field(ge=0)


class Budgets(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    team_balance: list[TeamBalance] = []
    tokens_at_risk: list[TokensAtRisk] = []
    monthly_spend: list[MonthlySpend] = []
    user_monthly_tokens: list[UserMonthlyTokens] = []

    @property
    def empty(self) -> bool:
        return not (self.team_balance or self.tokens_at_risk or self.monthly_spend or self.user_monthly_tokens)


def config_path(given: str | None) -> tuple[Path, bool]:
    """(path, named): ``named`` when the admin chose it (then it must exist)."""
    if given:
        return Path(given).expanduser(), True
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser(), True
    return DEFAULT.expanduser(), False


def load(given: str | None = None) -> tuple[Budgets, Path]:
    """The budgets, and where they came from. UsageError (exit 2) for a
    file that cannot be read or does not validate."""
    path, named = config_path(given)
    if not path.exists():
        if named:
            raise UsageError(f"{path}: no such budgets file")
        return Budgets(), path
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Budgets.model_validate(data), path
    except ValidationError as exc:
        raise UsageError(f"{path}: " + readable(exc)) from None


def readable(exc: ValidationError) -> str:
    """pydantic's errors as 'key: what is expected (got ...)', one per line."""
    lines = []
    for err in exc.errors():
        key = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in err["loc"]).replace(".[", "[")
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown key"
        got = err.get("input")
        shown = "" if err["type"] in ("missing", "value_error") or isinstance(got, dict) else f" (got {got!r})"
        lines.append(f"{key or '(top level)'}: {message}{shown}")
    return "invalid budgets:\n  " + "\n  ".join(lines)
