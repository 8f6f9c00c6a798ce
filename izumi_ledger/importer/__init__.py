"""Reading a budget document's text (as extracted from its PDF, or a web page) into a ledger."""
