"""Rendering: one module per output form (view.py chooses among them by format)."""
