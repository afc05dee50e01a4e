"""Sub-commands of ``dateline``; each module has ``register(subparsers)``."""
