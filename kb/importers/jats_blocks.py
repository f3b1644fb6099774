"""JATS block content (sections, paragraphs, lists, tables, figures) to Markdown blocks.

Every block is one or more lines; a paragraph is always a single line, so a
marker's line in the Markdown is known from the block it sits in.
"""
from __future__ import annotations

from kb.importers.jats_inline import BLOCKS, Context, add_child, as_printed, inline, local, squash

_CAPTIONED = ("fig", "supplementary-material", "boxed-text", "chem-struct-wrap")


def _child(el, tag: str):
    return next((c for c in el if local(c.tag) == tag), None)


def _text(el, ctx: Context) -> str:
    return squash(inline(el, ctx)) if el is not None else ""


def heading(level: int, title: str) -> str:
    return f"{'#' * min(level, 6)} {title}"


def paragraph(el, ctx: Context) -> list[str]:
    """A ``<p>``: its inline text, split where a block (a list, table or figure) sits inside it."""
    blocks, run = [], [el.text or ""]
    children = list(el)
    for k, child in enumerate(children):
        if local(child.tag) in BLOCKS:
            if squash("".join(run)):
                blocks.append(squash("".join(run)))
            blocks.extend(block(child, ctx, 2))
            run = [child.tail or ""]
        else:
            add_child(run, as_printed(children, k, ctx), ctx)
    if squash("".join(run)):
        blocks.append(squash("".join(run)))
    return blocks


def _caption_line(el, ctx: Context) -> str:
    """``**Label. Title.** caption text`` for a figure, table or supplementary file."""
    label = _text(_child(el, "label"), ctx)
    caption = _child(el, "caption")
    title = _text(_child(caption, "title"), ctx) if caption is not None else ""
    rest = " ".join(_text(c, ctx) for c in caption if local(c.tag) != "title") if caption is not None else ""
    head = ". ".join(p for p in (label, title) if p)
    line = (f"**{head}**" if head else "") + (" " + squash(rest) if squash(rest) else "")
    return line.strip()


def _grid(table, ctx: Context) -> list[list[str]]:
    """Rows of cell texts; merged cells are filled with empty cells so the columns line up."""
    rows, below = [], {}  # below: column -> rows a rowspan still covers
    for tr in (t for t in table.iter() if local(t.tag) == "tr"):
        row, col = [], 0
        for cell in (c for c in tr if local(c.tag) in ("td", "th")):
            while below.get(col, 0) > 0:
                below[col] -= 1
                row.append("")
                col += 1
            span, down = _int(cell.get("colspan")), _int(cell.get("rowspan"))
            if span > 1 or down > 1:
                ctx.notes["merged"] += 1
            for k in range(span):
                row.append(_text(cell, ctx).replace("|", "\\|") if k == 0 else "")
                if down > 1:
                    below[col] = down - 1
                col += 1
        for c in sorted(k for k, v in below.items() if k >= col and v > 0):
            row.extend([""] * (c - len(row)) + [""])
            below[c] -= 1
        rows.append(row)
    return rows


def _int(value) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def table_wrap(el, ctx: Context) -> list[str]:
    out = [_caption_line(el, ctx)] if _caption_line(el, ctx) else []
    tables = [t for t in el.iter() if local(t.tag) == "table"]
    if not tables:
        ctx.notes["table-image"] += 1
    for table in tables:
        rows = [r for r in _grid(table, ctx) if any(c.strip() for c in r)]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        out.append("\n".join(lines))
    foot = _child(el, "table-wrap-foot")
    if foot is not None:  # the footnotes stay one block under their table, a line each
        notes = [_text(item, ctx) for item in foot.iter() if local(item.tag) == "p"]
        if any(notes):
            out.append("\n".join(n for n in notes if n))
    return out


def list_block(el, ctx: Context) -> list[str]:
    ordered = (el.get("list-type") or "").startswith("order")
    lines = []
    for k, item in enumerate((c for c in el if local(c.tag) == "list-item"), 1):
        text = squash(" ".join(inline(c, ctx) for c in item if local(c.tag) != "label"))
        label = _text(_child(item, "label"), ctx)
        lines.append(f"{k}. {text}" if ordered and not label else f"- {label + ' ' if label else ''}{text}")
    return ["\n".join(lines)] if lines else []


def _only_references(el) -> bool:
    """A section that holds the reference list and no prose of its own (Europe PMC puts it in the body)."""
    lists = [d for d in el.iter() if local(d.tag) == "ref-list"]
    if not lists:
        return False
    in_lists = sum(1 for lst in lists for d in lst.iter() if local(d.tag) == "p")
    return sum(1 for d in el.iter() if local(d.tag) == "p") == in_lists


def section(el, ctx: Context, level: int) -> list[str]:
    if _only_references(el):
        return []  # the list is printed once, under the article's own References heading
    title = _child(el, "title")
    out = [heading(level, _text(title, ctx))] if title is not None and _text(title, ctx) else []
    for child in el:
        if local(child.tag) not in ("title", "label"):
            out.extend(block(child, ctx, level + 1))
    return out


def block(el, ctx: Context, level: int) -> list[str]:
    """Markdown blocks for one block-level element; ``level`` is the heading level a section here gets."""
    tag = local(el.tag)
    if tag == "p":
        return paragraph(el, ctx)
    if tag in ("sec", "app", "ack"):
        return section(el, ctx, level)
    if tag == "list":
        return list_block(el, ctx)
    if tag == "table-wrap":
        return table_wrap(el, ctx)
    if tag in ("table-wrap-group", "fig-group"):
        return [b for c in el for b in block(c, ctx, level)]
    if tag in _CAPTIONED:
        if tag == "fig":
            ctx.notes["figure"] += 1
        line = _caption_line(el, ctx)
        inner = [b for c in el if local(c.tag) not in ("label", "caption", "title") for b in block(c, ctx, level)]
        return ([line] if line else []) + inner
    if tag == "disp-formula":
        text = _text(el, ctx)
        return [text] if text else []
    if tag in ("disp-quote", "statement", "verse-group", "speech", "def-list", "glossary"):
        return [b for c in el for b in block(c, ctx, level)] or ([_text(el, ctx)] if _text(el, ctx) else [])
    if tag in ("graphic", "media"):
        ctx.notes[tag] += 1
        return []
    if tag in ("title", "label", "object-id", "caption", "ref-list"):
        return []
    text = _text(el, ctx)
    return [text] if text else []
