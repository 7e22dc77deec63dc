"""Co-production Reader: an offline, accessible reader for the Co-production guide.

The ``reader`` package is the core and imports no Qt, so every rule can be tested
without a display; ``reader.ui`` is the only place that touches Qt.
"""

__version__ = "0.1.0"
APP_NAME = "Co-production Reader"
APP_ID = "coproduction-reader"
