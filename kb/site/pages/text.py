"""The one escaping helper for every generated page, and the few safe builders around it.

Text from the policy or a curated file must reach the reader as the same
characters and never as markup. Python-Markdown passes character references
such as ``&#91;`` straight through to the HTML, so every character that could
open HTML, a link, an image, emphasis, a code span, an attribute list or a
table cell is written as one. Whitespace is collapsed to single spaces so no
block (heading, list, quote, code) can start inside the text, and a leading
character that would start one on its own is encoded too.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

# Characters that mean something to Markdown, its extensions or HTML, anywhere in a line.
_ALWAYS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>|\"~^$"}
_ALWAYS["&"] = "&amp;"
_TABLE = str.maketrans(_ALWAYS)
# A block opens only at the start of a line: "# h", "> q", "- item", "+ item", "1. item", "===".
_BLOCK_START = re.compile(r"^(?:[#>+=:-]|\d+[.)])")
_SPACE = re.compile(r"\s+")


def plain(text: object) -> str:
    """``text`` as inert Markdown: it renders as exactly these characters, one line, no markup."""
    if text is None:
        return ""
    s = _SPACE.sub(" ", str(text)).strip().translate(_TABLE)
    m = _BLOCK_START.match(s)
    if m:
        last = m.end() - 1  # encode the character that makes it a block marker
        s = s[:last] + f"&#{ord(s[last])};" + s[last + 1:]
    return s


def attr(text: object) -> str:
    """Text for an HTML attribute value."""
    return html.escape(_SPACE.sub(" ", str(text or "")).strip(), quote=True)


_NAV_CHARS = re.compile(r"[^\w\s.,;:()'\u2019/+\-\u2013\u00b7\u2026]")


def nav_title(text: object, limit: int = 90) -> str:
    """A navigation title: letters, digits and plain punctuation only.

    The theme prints it in the page's <title> through Jinja's ``striptags``,
    which decodes character references: an escaped ``&lt;/title&gt;`` would come
    back as markup there, so nothing that could form a tag or a reference may
    reach it at all.
    """
    return cut_at_word(_NAV_CHARS.sub("", _SPACE.sub(" ", str(text or "")).strip()), limit)


_TRAILING = re.compile(r"[\s,;:(\-\u2013/+\u00b7]+$")


# Words a short name should not end on: "I.A.4.a Use of narcotic or" reads as a cut, "Use of narcotic" does not.
_FUNCTION_WORDS = frozenset("a an the of or and to for in on at by with from that than whether is are be as any "
                            "no not more most such its their this these has have".split())


def short_name(text: str, limit: int) -> str:
    """A few words of ``text`` as a name: whole words within ``limit``, not ending on a function word."""
    s = cut_at_word(_SPACE.sub(" ", text or "").strip(), limit)
    if not s.endswith("\u2026"):
        return s
    words = s[:-1].split(" ")
    while len(words) > 1 and words[-1].lower().strip(",;:()") in _FUNCTION_WORDS:
        words.pop()
    return _TRAILING.sub("", " ".join(words)) + "\u2026"


def cut_at_word(s: str, limit: int) -> str:
    """``s`` if it fits, else its longest start of whole words that fits with an ellipsis, never part of a word."""
    if len(s) <= limit:
        return s
    head = s[: limit - 1]  # room for the ellipsis
    if not s[limit - 1].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]  # drop the word the cut would split (one longer word is cut hard)
    return _TRAILING.sub("", head) + "\u2026"


_TITLE_CHARS = re.compile(r"[^\w\s.,;:()'\u2019/+\-\u2013\u00b7]")


def title(text: object, limit: int = 80) -> str:
    """A short heading or label: letters, digits and plain punctuation only, then escaped.

    Headings feed the page title, the table of contents and the search index;
    keeping them to harmless characters is simpler than trusting every consumer.
    """
    return plain(cut_at_word(_TITLE_CHARS.sub("", _SPACE.sub(" ", str(text or "")).strip()), limit))


_TIP_CHARS = re.compile(r"[^\w\s.,;:()'/%=+\-\u2013]")


def tooltip(text: object, limit: int = 160) -> str:
    """Text for a ``title="..."`` in an attribute list: words and plain punctuation only, no quotes."""
    return cut_at_word(_TIP_CHARS.sub("", _SPACE.sub(" ", str(text or "")).strip()), limit)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown link destination, or None (javascript:, data:, junk)."""
    if not url:
        return None
    url = url.strip().strip("<>")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode what could end the destination or start markup: spaces, quotes, brackets, parens.
    return quote(url, safe=":/?#=&%.,;@!$'+-_~")


def link(label: str, target: str | None) -> str:
    """A Markdown link whose label is already safe (from ``plain`` or ``title``); text only without a target."""
    return f"[{label}]({target})" if target else label


def pubmed_url(pmid: str | None) -> str | None:
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid and pmid.isdigit() else None


def doi_url(doi: str | None) -> str | None:
    if not doi or not re.fullmatch(r"10\.\d{3,9}/\S+", doi):
        return None
    return "https://doi.org/" + quote(doi, safe="/:;.-_")


def code_block(text: str) -> str:
    """A literal block (indented code, core Markdown): every line indented, so no line can end it early."""
    return "\n".join("    " + line for line in text.rstrip().splitlines())


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A Markdown table from cells that are already safe (``plain`` encodes pipes)."""
    if not rows:
        return ""
    align = align or ["---"] * len(header)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(c if c else " " for c in row) + " |" for row in rows]
    return "\n".join(lines)


def shorten(text: str | None, limit: int) -> str:
    return cut_at_word(_SPACE.sub(" ", text or "").strip(), limit)
