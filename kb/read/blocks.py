"""The policy's block structure, read by a Markdown parser (markdown-it-py) that keeps source line numbers.

Only the shape comes from here: which lines are headings (ATX ``## Title`` and
setext ``Title`` over ``=====``), at which level, and which lines are code or
HTML (so a ``#`` line inside a fenced block or an HTML comment is not a
section). Markers, estimates and reference entries are still read with
patterns, line by line, from the text itself.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based line of the title text
    last_line: int  # the underline of a setext heading; else the same line
    level: int  # 1-6; for a bold line, 0 (the caller decides where it belongs)
    text: str  # the title as written (inline Markdown kept)
    bold: bool = False  # a paragraph that is one line of bold text only ('**References**')


@functools.cache
def _parser(inline: bool = False):
    from markdown_it import MarkdownIt

    # CommonMark is what MkDocs' readers agree on for blocks; tables need not be recognised to find headings.
    # The blocks are read without their inline content, two thirds of the parser's time: only a one-line
    # paragraph's inline content is read (with the inline parser), to see whether it is all bold.
    return MarkdownIt("commonmark") if inline else MarkdownIt("commonmark").disable("inline")


def _close_open_comment(text: str) -> str:
    """An HTML comment never closed would hide the rest of the policy from a Markdown reader (its block runs to
    the end); a policy's author means no such thing, so the opener is defused (same length, same lines)."""
    start = text.rfind("<!--")
    if start >= 0 and "-->" not in text[start + 4:]:
        return text[:start] + "<!~~" + text[start + 4:]
    return text


def headings(text: str) -> list[Heading]:
    """Every heading of ``text`` in order, with bold-only one-line paragraphs marked ``bold``."""
    env: dict = {}  # the link reference definitions the blocks hold, for the inline parser
    tokens = _parser().parse(_close_open_comment(text), env)
    out = []
    for k, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            inline = tokens[k + 1]
            out.append(Heading(token.map[0] + 1, token.map[1], int(token.tag[1]), inline.content.strip()))
        elif token.type == "paragraph_open" and token.map and token.map[1] - token.map[0] == 1 and token.level == 0:
            inline = tokens[k + 1]
            if _may_be_bold(inline.content) and _only_bold(_parser(inline=True).parseInline(inline.content, env)[0]
                                                           .children or []):
                out.append(Heading(token.map[0] + 1, token.map[0] + 1, 0, inline.content.strip(), bold=True))
    return out


def _may_be_bold(content: str) -> bool:
    """Only a paragraph that opens and closes with emphasis marks can be all bold (spares the inline parser)."""
    stripped = content.strip()
    return stripped[:2] in ("**", "__") and stripped[-2:] in ("**", "__")


def _only_bold(children) -> bool:
    """strong_open, text, strong_close and nothing else but blank text."""
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip())]
    return kinds == ["strong_open", "text", "strong_close"]
