"""The package's own error: a usage or input problem the CLI prints as one line."""
from __future__ import annotations


class KbError(Exception):
    """Bad input or usage. Printed as 'path:line: message', exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message
