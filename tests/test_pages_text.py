"""The one escaping helper: hostile text from a policy or curated file renders as plain characters.

Rendered with Python-Markdown and the site's own extensions, then read back
with an HTML parser: no element, attribute or link may come from the text.
"""
import html
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from kb.site.pages.text import code_block, doi_url, plain, pubmed_url, safe_url, table, title

from sitetools import ROOT

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<https://evil.example/x.js>",
    "`code` and ``more`` and a lone `",
    "a | pipe | in | a | cell",
    "**bold** _under_ *star* ~~strike~~",
    "{: onclick=alert(1) } {#id .cls}",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "    indented code",
    "line one\n\n# two\n<script>x</script>",
    "&lt;script&gt; already escaped &amp;",
    "<!-- comment --> <div markdown=1>*x*</div>",
    "[ref]: javascript:alert(1)\n[ref]",
    "\\<script\\>",
    "Tom & Jerry <3 \"quotes\" 'single'",
]


def _extensions():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    out = []
    for ext in config["markdown_extensions"]:
        out.append(next(iter(ext)) if isinstance(ext, dict) else ext)
    return out


def render(text: str) -> str:
    return markdown.markdown(text, extensions=_extensions())


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parsed(markup: str) -> Elements:
    p = Elements()
    p.feed(markup)
    return p


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_in_a_paragraph_makes_no_markup(text):
    result = parsed(render(f"Before {plain(text)} after."))
    assert result.tags == ["p"], result.tags
    assert result.attrs == []
    assert " ".join(text.split()) in "".join(result.text)


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_at_the_start_of_a_block_stays_a_paragraph(text):
    result = parsed(render(plain(text)))
    assert result.tags == ["p"]
    assert "".join(result.text) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_in_a_table_cell_stays_in_its_cell(text):
    markup = render(table(["a", "b", "c"], [["left", plain(text), "right"]]))
    result = parsed(markup)
    assert sorted(set(result.tags)) == ["table", "tbody", "td", "th", "thead", "tr"]
    assert result.tags.count("td") == 3
    assert " ".join(text.split()) in "".join(result.text)


@pytest.mark.parametrize("text", HOSTILE)
def test_titles_and_links_labels_are_inert(text):
    result = parsed(render(f"## {title(text, 500)}\n\n[{plain(text)}](page.md)"))
    assert [t for t in result.tags if t not in ("h2", "p", "a")] == []
    assert [a for a in result.attrs if a[0] == "href"] == [("href", "page.md")]


def test_javascript_and_other_schemes_never_become_links():
    for url in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<b>",
                "vbscript:x", "//evil.example/x", "http:/missing-host", "", None):
        assert safe_url(url) is None, url
    assert safe_url("https://www.nice.org.uk/guidance/ta279") == "https://www.nice.org.uk/guidance/ta279"


def test_a_url_cannot_break_out_of_its_link():
    url = safe_url('https://example.org/a b)"<script>(x')
    markup = render(f"[label]({url})")
    result = parsed(markup)
    assert result.tags == ["p", "a"]
    assert dict(result.attrs)["href"].startswith("https://example.org/a%20b%29%22%3Cscript%3E%28x")


def test_identifier_links_only_for_well_formed_identifiers():
    assert pubmed_url("19657121") == "https://pubmed.ncbi.nlm.nih.gov/19657121/"
    assert pubmed_url("1965712x") is None and pubmed_url("javascript:1") is None
    assert doi_url("10.1056/NEJMoa0900429") == "https://doi.org/10.1056/NEJMoa0900429"
    assert doi_url("javascript:alert(1)") is None
    assert "(" not in doi_url("10.1016/S0140-6736(09)60010-6")


def test_code_blocks_show_their_text_literally_even_with_fences_inside():
    text = "<sup>[5]</sup> ```\n<script>x</script>\n````"
    result = parsed(render(code_block(text)))
    assert result.tags == ["pre", "code"]
    assert "".join(result.text).strip() == text


def test_title_keeps_words_and_drops_markup_characters():
    assert html.unescape(title("Buchbinder (2009)")) == "Buchbinder (2009)"
    assert "<" not in html.unescape(title("<b>x</b>"))
    assert title("x" * 200, 20).endswith("\u2026")


def test_a_navigation_title_cannot_carry_a_tag_or_a_character_reference():
    """The theme prints nav titles in <title> through striptags, which decodes &lt; back into '<'."""
    from kb.site.pages.text import nav_title

    hostile = "x</title><script>alert(1)</script> &lt;b&gt; O'Brien (2015) – trial"
    cleaned = nav_title(hostile)
    assert not set(cleaned) & set("<>&\"`")
    assert cleaned.endswith("O'Brien (2015) – trial")


def test_labels_are_cut_at_a_word_never_inside_one():
    from kb.site.pages.text import cut_at_word, nav_title, short_name

    assert cut_at_word("Patient has a recent painful fracture", 24) == "Patient has a recent\u2026"
    assert cut_at_word("Percutaneous vertebroplasty, kyphoplasty", 28) == "Percutaneous\u2026"  # no trailing comma
    assert cut_at_word("short enough", 12) == "short enough"
    assert short_name("Use of narcotic or nonnarcotic analgesic medication", 24) == "Use of narcotic\u2026"
    label = nav_title("I.A.5.e " + short_name("Active osteomyelitis whether or not treated", 34))
    assert label == "I.A.5.e Active osteomyelitis\u2026"
    for text in ("Mechanical vertebral augmentation, including vertebroplasty", "Known allergy to any of the"):
        for limit in range(12, 40):  # from the first word up: a single longer word is cut hard
            cut = cut_at_word(text, limit)
            assert len(cut) <= limit and all(w.rstrip("\u2026,") in text.split() or w.rstrip("\u2026,") + ","
                                             in text.split() for w in cut.split())
