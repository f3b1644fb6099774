"""Markup the standard library's HTML parser nests otherwise than a browser does.

HTML lets a page leave out ``</head>`` (minifiers do: bioRxiv's pages open ``<head>...<body ...>`` with no end
tag between). A browser closes the head where the body starts; ``html.parser`` keeps the ``<body>`` inside the
``<head>``, so dropping the head, as the importer does, dropped the whole page, and the import said it found no
reference list. The body is moved out of the head first.
"""
from __future__ import annotations


def lift_body(soup) -> bool:
    """Move a ``<body>`` the parser nested inside ``<head>`` to follow it; True when one was moved."""
    head, body = soup.find("head"), soup.find("body")
    if head is None or body is None or head not in body.parents:
        return False
    head.insert_after(body.extract())
    return True
