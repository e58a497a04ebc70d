"""Budgets and alerts: thresholds from a TOML file (config.py), evaluated
as of an instant on the reports' own numbers (evaluate.py), ``flexdash
check`` (command.py). Core: never imports Textual."""
