"""Regular expressions compiled on first use rather than when their module is imported.

Compiling the package's few hundred patterns took a large share of start-up, and
a command uses only some of them (``kb info`` none of the checks', a check only
those its text calls for). ``lazy(pattern, flags)`` is written where
``re.compile(pattern, flags)`` was and is used the same way (``.search``,
``.finditer``, ``.sub``, ``.pattern``); the pattern is compiled when a method is
first called, once. It is not an ``re.Pattern``: pass its ``.pattern`` (and
``flags``) to the ``re`` module's functions, or call its own methods.

``lazy(..., gated=True)`` also tests, before each ``search``, ``match``,
``fullmatch``, ``finditer`` or ``findall``, whether the text holds one of the
literal strings every match contains (``kb.needles``), and answers "no match"
without running the pattern when it does not: the same answer, for a pattern
tried on every sentence that only a few can match. Patterns whose needles
are common words gain nothing from it, so it is asked for where measured.
"""
from __future__ import annotations

import re


class LazyPattern:
    """A regular expression compiled when one of its methods is first used."""

    def __init__(self, pattern: str, flags: int = 0, gated: bool = False):
        self.pattern = pattern
        self.flags = flags
        self.gated = gated

    def __getattr__(self, name: str):
        # Called only for attributes not yet found on the instance: compile, then keep the attribute (a bound
        # method of the compiled pattern) so later calls cost no more than on a compiled pattern.
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self.flags), name)
        if self.gated and name in _NO_MATCH:
            value = _gated(value, name, self.pattern, int(self.flags))
        setattr(self, name, value)
        return value

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags, self.gated)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}{', ' + str(self.flags) if self.flags else ''})"


def lazy(pattern: str, flags: int = 0, *, gated: bool = False) -> LazyPattern:
    """``re.compile(pattern, flags)``, deferred until the pattern is first used (``gated``: see the module's note)."""
    return LazyPattern(pattern, flags, gated)


# What each gated method answers when the pattern cannot match: a fresh empty result each time.
_NO_MATCH = {"search": lambda: None, "match": lambda: None, "fullmatch": lambda: None,
             "finditer": lambda: iter(()), "findall": list}


def _gated(method, name: str, pattern: str, flags: int):
    """``method`` behind a test of the text for the pattern's needles; the method itself when there are none."""
    from kb.needles import may_match, needles

    found = needles(pattern, flags)
    if found is None:
        return method
    empty = _NO_MATCH[name]

    def call(string, *args, **kwargs):
        if may_match(string, found):
            return method(string, *args, **kwargs)
        return empty()

    return call
