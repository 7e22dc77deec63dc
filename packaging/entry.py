"""The built app's entry point: portable mode first (see reader.portable), then the usual command line."""

import sys

from reader import portable
from reader.cli import main

if __name__ == "__main__":
    portable.apply(portable.program_folder())
    sys.exit(main())
