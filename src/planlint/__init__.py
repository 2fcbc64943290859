"""planlint: the linter for Danish boligsociale helhedsplaner.

The public API for plugin authors: ``hookimpl`` (mark hook implementations),
``planlint.rule`` (``rule``, ``Example``, ``rules_of``), ``planlint.findings``
(``Finding``, ``Message``, ``Severity``) and ``planlint.model`` (the plan).
"""

#: the one version: pyproject.toml reads it (dynamic), the CLI, SARIF and JSON print it, and
#: CHANGELOG.md's newest section is headed by it (tests/test_version.py)
__version__ = "0.2.0"

from .hookspecs import hookimpl  # noqa: E402  (cheap: pluggy only)

__all__ = ["__version__", "hookimpl"]
