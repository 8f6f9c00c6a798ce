"""The izumi command line: parse options, call the library, render, choose an exit status."""
