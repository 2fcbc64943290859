"""``python -m planlint`` works the same as ``planlint``."""

from .launch import run

run()
