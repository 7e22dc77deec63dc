"""Put on ``PYTHONPATH`` by the tests: every Python process they start runs with the network forbidden."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import netguard

netguard.install()
del sys.path[0]
