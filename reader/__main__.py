"""``python -m reader``: the same entry point as the console script."""

from reader.cli import main

raise SystemExit(main())
