"""The Qt user interface: thin widgets that forward intent to the core and show its state."""

from reader.ui.qt_workarounds import protect_none

protect_none()
