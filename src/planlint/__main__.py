"""``python -m planlint`` works the same as ``planlint``."""

from .cli import run

run()
