"""Qt interface: one module per screen, each binding widgets to calls into ``core``."""
