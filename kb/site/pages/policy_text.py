"""The policy as published, one paragraph per source line, with citations and findings linked.

Every shown line has the anchor ``L<line>`` and every citation marker the
anchor ``m<line>-<column>``, so reference pages and findings can point at
the exact place. The policy's own characters are escaped; the only markup on
this page is ours: headings, superscripts, emphasis and links.
"""
from __future__ import annotations

import re

from kb.site.pages import links
from kb.site.pages.text import attr, link, plain, safe_url, tooltip

PATH = links.POLICY
TITLE = "Policy text"

_SUP = re.compile(r"<sup>(.*?)</sup>", re.IGNORECASE)
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1(?!\*)")
_BULLET = re.compile(r"^[-*+]\s+")
_ENTRY_NUMBER = re.compile(r"^(\[?)(\d{1,5})([\].)])")
_DIGITS = re.compile(r"\d+")


def _words(text: str) -> str:
    """Plain text with the policy's emphasis kept as ours (math dollars and \\pm read as text)."""
    text = text.replace("\\pm", "\u00b1").replace("$", "")
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        out.append(_spaced(text[pos:m.start()]))
        mark = {1: "*", 2: "**", 3: "***"}[len(m.group(1))]
        out.append(f"{mark}{plain(m.group(2))}{mark}")
        pos = m.end()
    out.append(_spaced(text[pos:]))
    return "".join(out)


def _spaced(text: str) -> str:
    """``plain`` but keeping one space at either end, so pieces join as they were printed."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() and text.strip() else ""
    return lead + plain(text) + tail


def inline(text: str) -> str:
    """One stretch of a policy line (no citation markers in it) as safe Markdown."""
    out, pos = [], 0
    tokens = sorted([(m.start(), m.end(), "sup", m.group(1)) for m in _SUP.finditer(text)]
                    + [(m.start(), m.end(), "url", m.group(1)) for m in _AUTOLINK.finditer(text)])
    for start, end, kind, value in tokens:
        if start < pos:
            continue
        out.append(_words(text[pos:start]))
        if kind == "sup":
            out.append(f"<sup>{plain(value)}</sup>")
        else:
            url = safe_url(value)
            out.append(link(plain(value), url) if url else plain(value))
        pos = end
    out.append(_words(text[pos:]))
    return "".join(out)


def _marker(page: str, marker, kb) -> str:
    """A citation marker as printed, each number a link to its reference page."""
    if kb.doc.citation_style != "numbered":
        return _named_marker(page, marker, kb)
    inner, pos, parts = marker.inner, 0, []
    for m in _DIGITS.finditer(inner):
        parts.append(plain(inner[pos:m.start()]))
        n = int(m.group(0))
        parts.append(link(m.group(0), links.rel(page, links.reference_path(n))) if n in kb.references
                     else m.group(0))
        pos = m.end()
    parts.append(plain(inner[pos:]))
    body = "&#91;" + "".join(parts) + "&#93;"
    tag = "sup" if marker.raw.lower().startswith("<sup") else "span"
    anchor = links.marker_anchor(marker.line, marker.column)
    return f'<{tag} id="{anchor}" class="kb-cite">{body}</{tag}>'


def _named_marker(page: str, marker, kb) -> str:
    """An author-year citation as printed, a link to its (first) entry's page: its words are the citation."""
    first = next((n for n in marker.numbers if n in kb.references), None)
    body = link(plain(marker.raw), links.rel(page, links.reference_path(first))) if first else plain(marker.raw)
    anchor = links.marker_anchor(marker.line, marker.column)
    return f'<span id="{anchor}" class="kb-cite">{body}</span>'


def _line_body(page: str, kb, number: int, raw: str, markers, flags_at: dict) -> str:
    pieces, pos = [], 0
    for marker in sorted(markers, key=lambda m: m.column):
        start = marker.column - 1
        if start < pos or raw[start:start + len(marker.raw)] != marker.raw:
            continue  # the parser's place does not match the text: show it as text
        pieces.append(("text", raw[pos:start]))
        pieces.append(("marker", marker))
        pos = start + len(marker.raw)
    pieces.append(("text", raw[pos:]))
    first = pieces[0][1].lstrip() if pieces[0][0] == "text" else ""
    entry = kb.references.get(int(m.group(2))) if (m := _ENTRY_NUMBER.match(first)) else None
    out = []
    for i, (kind, value) in enumerate(pieces):
        if kind == "marker":
            out.append(_marker(page, value, kb) + "".join(" " + b for b in flags_at.pop(value.column, ())))
            continue
        if i == 0:
            value = _BULLET.sub("", value.lstrip())
            if entry is not None and entry.line == number:
                n = _ENTRY_NUMBER.match(value)
                out.append(link(f"**{entry.number}**", links.rel(page, links.reference_path(entry.number)))
                           + plain(n.group(3)) + " ")
                value = value[n.end():].lstrip()
        out.append(inline(value))
    return "".join(out).strip()


def _flag(page: str, anchor: str, f) -> str:
    """A finding's flag: a link to it in the report, its message as the tooltip."""
    return (link(f"\u2691 {plain(f.code)}", links.rel(page, links.REPORT, anchor))
            + f'{{.kb-badge .kb-{attr(f.severity)} title="{tooltip(f.code + ": " + f.message)}"}}')


def _worst(items) -> str:
    order = ("error", "warning", "info")
    return min((f.severity for _, f in items), key=lambda s: order.index(s) if s in order else 3)


def _line(page: str, site, number: int, raw: str, markers, heading=None) -> str:
    """One line of the policy; ``heading`` is the section it opens, as the parser read it (not a '#' in code)."""
    kb = site.kb
    items = site.findings_by_line.get(number, [])
    anchor = links.line_anchor(number)
    if heading is not None:
        level = min(heading.level + 1, 6)
        flags = "".join(" " + _flag(page, a, f) for a, f in items)
        return f"{'#' * level} {plain(heading.title)}{flags} {{: #{anchor} }}"
    # A finding at a citation marker's column gets its flag right after that marker; others at the end.
    columns = {m.column for m in markers}
    flags_at: dict[int, list] = {}
    for a, f in items:
        flags_at.setdefault(f.column if f.column in columns else -1, []).append(_flag(page, a, f))
    indent = min((len(raw) - len(raw.lstrip(" \t"))) // 2, 4)
    classes = [".kb-line"] + ([f".kb-indent-{indent}"] if indent else [])
    if items:
        classes.append(f".kb-flag-{attr(_worst(items))}")
    body = _line_body(page, kb, number, raw, markers, flags_at)
    rest = "".join(" " + b for column in sorted(flags_at) for b in flags_at[column])
    return f"[{number}](#{anchor}){{.kb-ln}} {body}{rest}\n{{: #{anchor} {' '.join(classes)} }}"


_CITATIONS = ("Numbers in brackets are citations: each links to its reference.",
              "Citations by author and year, as printed, each link to the entry they name.")


def pages(site) -> dict[str, str]:
    kb = site.kb
    by_line: dict[int, list] = {}
    for marker in kb.doc.markers:
        by_line.setdefault(marker.line, []).append(marker)
    shown = [(i, raw) for i, raw in enumerate(kb.doc.lines, 1) if raw.strip()]
    head = (f"# {TITLE}\n\nThe policy exactly as published, line by line. The grey number before each "
            f"line is its line number in the source file, {plain(kb.path)}, and links to that line. "
            f"{_CITATIONS[kb.doc.citation_style != 'numbered']} "
            "A flag \u2691 marks a finding of the checks; it links to the finding in the "
            f"[report]({links.rel(PATH, links.REPORT)}).\n")
    heads = {section.line: section for section in kb.doc.sections}
    body = "\n\n".join(_line(PATH, site, i, raw, by_line.get(i, ()), heads.get(i)) for i, raw in shown)
    return {PATH: head + "\n" + body + "\n"}


def nav(site) -> list:
    return [{TITLE: PATH}]
