"""The dashboard's commands in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from app import textsafe

PERIODS = [(7, "last 7 days"), (30, "last 30 days"), (90, "last 90 days"), (365, "last 365 days")]


class DashboardCommands(Provider):
    """Show a pane, pick a team or a period, refresh."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        out = []
        for pane in app.pane_classes:
            out.append(
                (f"Show {pane.title}", partial(app.action_show, pane.pane_id), f"switch to the {pane.title} pane")
            )
        out.append(("Team: all teams", partial(app.set_team, None), "every team"))
        for team in app.known_teams:
            # the palette reads names as markup: a team's name is shown as text
            shown = textsafe.textual_markup(team)
            out.append((f"Team: {shown}", partial(app.set_team, team), f"show {shown} only"))
        for days, label in PERIODS:
            out.append((f"Period: {label}", partial(app.set_period_days, days), f"the {label} up to as-of"))
        out.append(("Refresh now", app.action_refresh, "read the store again"))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
