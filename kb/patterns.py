"""Regular expressions compiled on first use rather than when their module is imported.

Compiling the package's few hundred patterns took a large share of start-up, and
a command uses only some of them (``kb info`` none of the checks', a check only
those its text calls for). ``lazy(pattern, flags)`` is written where
``re.compile(pattern, flags)`` was and is used the same way (``.search``,
``.finditer``, ``.sub``, ``.pattern``); the pattern is compiled when a method is
first called, once. It is not an ``re.Pattern``: pass its ``.pattern`` (and
``flags``) to the ``re`` module's functions, or call its own methods.
"""
from __future__ import annotations

import re


class LazyPattern:
    """A regular expression compiled when one of its methods is first used."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str):
        # Called only for attributes not yet found on the instance: compile, then keep the attribute (a bound
        # method of the compiled pattern) so later calls cost no more than on a compiled pattern.
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self.flags), name)
        setattr(self, name, value)
        return value

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}{', ' + str(self.flags) if self.flags else ''})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, deferred until the pattern is first used."""
    return LazyPattern(pattern, flags)
