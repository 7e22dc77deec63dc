"""The Qt user interface: thin widgets that forward intent to the core and show its state."""
