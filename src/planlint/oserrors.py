"""The common OS errors in the message's language.

``exc.strerror`` is English ("No such file or directory") whatever the
message around it; a Danish sentence gets a Danish reason.
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: ("filen eller mappen findes ikke", "no such file or directory"),
    errno.EACCES: ("adgang nægtet", "permission denied"),
    errno.EPERM: ("handlingen er ikke tilladt", "operation not permitted"),
    errno.EISDIR: ("det er en mappe", "it is a directory"),
    errno.ENOTDIR: ("en del af stien er ikke en mappe", "a part of the path is not a directory"),
    errno.ENOSPC: ("der er ikke mere plads på disken", "no space left on the device"),
    errno.EROFS: ("filsystemet er skrivebeskyttet", "the file system is read-only"),
    errno.EEXIST: ("filen findes allerede", "the file already exists"),
    errno.ENAMETOOLONG: ("navnet er for langt", "the name is too long"),
    errno.ELOOP: ("for mange symbolske links (en løkke?)", "too many symbolic links (a loop?)"),
    errno.EMFILE: ("for mange åbne filer", "too many open files"),
    errno.EIO: ("ind-/uddatafejl", "input/output error"),
    errno.EDQUOT: ("diskkvoten er opbrugt", "disk quota exceeded"),
}


def reason(exc: OSError) -> tuple[str, str]:
    """(Danish, English) for an OS error: a translation of the common ones, else the system's words."""
    known = _REASONS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        return known
    said = exc.strerror or type(exc).__name__
    return said, said
