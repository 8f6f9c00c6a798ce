"""Benchmarks of izumi: start-up against the floor of its stack, and growth with ledger size."""
