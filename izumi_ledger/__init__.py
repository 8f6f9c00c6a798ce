"""izumi: a checked ledger of a Japanese ward budget."""

__version__ = "0.1.0"
