"""Handing a checked ledger to other tools: CSV, JSON, SQLite, Excel and open-data packages."""
