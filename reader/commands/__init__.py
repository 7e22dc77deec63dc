"""Sub-commands of ``coproduction-reader``: one module each, listed in ``reader.cli.COMMANDS``."""
