"""The one error type for "the command cannot do its job" (exit status 2).

A leaf module: everything that can stop a run with a usage error (the
command line, the configuration, the rule packs, the plugin loader, the
formatters, the report, ``schema`` and ``init``) imports it from here, and
the command line turns it into one sentence in the user's language.
"""

from __future__ import annotations


class UsageError(Exception):
    """The command cannot do its job (exit status 2); one sentence per language."""

    def __init__(self, da: str, en: str):
        super().__init__(en)
        self.da = da
        self.en = en
