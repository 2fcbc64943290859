"""planlint: the linter for Danish boligsociale helhedsplaner.

The public API for plugin authors: ``hookimpl`` (mark hook implementations),
``planlint.rule`` (``rule``, ``Example``, ``rules_of``), ``planlint.findings``
(``Finding``, ``Message``, ``Severity``) and ``planlint.model`` (the plan).
"""

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Imported on first use: ``planlint --version`` and ``--help`` never import pluggy.
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'planlint' has no attribute {name!r}")
