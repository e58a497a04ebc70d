"""What the help screen (`?`, F1) says: each pane declares its own
:class:`PaneHelp` beside its class (so a new pane brings its help), and the
rule ids every pane cites are explained here once, in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PaneHelp:
    """``what``: one paragraph; ``columns``: header -> meaning, in the
    table's order; ``rules``: the rule ids the pane applies; ``source``:
    where its numbers come from; ``keys``: the pane's own keys -> what they do."""

    what: str
    columns: dict[str, str] = field(default_factory=dict)
    rules: tuple[str, ...] = ()
    source: str = ""
    keys: dict[str, str] = field(default_factory=dict)


# Every rule id the dashboard cites, as an admin would say it
# (../shared/spec/flex-rules.md has the exact rules).
RULES = {
    "R1": "Every instant is absolute: logs carry their UTC offset.",
    "R2": "A timestamp without an offset is refused unless the import is told the zone.",
    "R3": "Daily totals group windows by the day they opened, in UTC unless you pick a zone.",
    "R4": "Everything is computed as of one instant: later events are ignored.",
    "R5": "A session runs from its first to its last event; with no logout it is 'unterminated'.",
    "R6": "Versions with idle detection stop counting after 15 minutes without activity.",
    "R7": "A user's use of one product is merged across devices and versions.",
    "R8": "Five minutes of use or less cost nothing.",
    "R9": "More than five minutes opens a 24-hour window; a new one only after it ends and use goes on.",
    "R10": "A window costs the product's daily rate in force when it opens.",
    "R11": "A plug-in with a rate is charged on its own; one opened with its host is an auto-start.",
    "R12": "The team named in the log pays; otherwise the team that assigned the product first.",
    "R12b": "A product missing from the rate table is not charged until its rate is imported.",
    "R13": "A pack is valid one year from its purchase day; what is left then expires unused.",
    "R14": "Charges draw from the pack that expires first, then the smallest, then by pack id.",
    "R15": "A team's balance is what is left in its valid packs.",
    "R16": "A window is denied when the team's balance is below the rate: the user cannot run it.",
    "R17": "A product not assigned to a listed user is denied ('not assigned').",
    "R18": "On Linux only 2020 and later versions of Linux products run; others are denied.",
    "R18b": "A session refused before charging gets one reason, the first that applies.",
    "R19": "One device at a time, at most three within 30 days: reported, not charged.",
    "R20": "A named subscription may cost less than the tokens a user burns.",
    "R21": "Runway and tokens at risk come from the last 30 days of use.",
    "R22": "Idle savings: what the tokens would be with idle detection everywhere.",
    "R23": "A charge costs what its tokens cost in the packs they came from.",
    "R24": "The vendor's bill is matched against these charges.",
    "R25": "Groups of users are reported together.",
}

GLOBAL_KEYS = {
    "1-9 or the pane's letter": "switch pane (the footer and the list below name them)",
    "t": "choose the team (the list opens; Enter picks, Esc closes)",
    "d": "type the period's first day (Tab to its last day; Enter applies; Esc back)",
    "/": "filter the pane's table as you type (Enter keeps it; Esc on the table clears it)",
    "s": "sort (Usage); a click on any header sorts by it, again to reverse; ▲ ▼ mark it",
    "Enter": "open the row: the why view (Usage, Alerts), the team's chart (Balances)",
    "Esc": "close this help, the palette, the why view, the team list; leave a field",
    "ctrl+r": "read the store again now (it also refreshes by itself)",
    "ctrl+p": "command palette: every pane, team, period, theme",
    "? or F1": "this help",
    "q": "quit",
}

TIMES = (
    "Times are UTC (the header says so). The period is inclusive days, UTC. "
    "The dashboard reads the store read-only and refreshes a few seconds after an import."
)
