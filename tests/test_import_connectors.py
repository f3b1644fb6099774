"""A criteria list's connector ('-AND-', '-OR-') set bold or large between its items is no heading, in any
importer (UnitedHealthcare's drug programs printed every one as a top heading)."""
from __future__ import annotations

from kb.importers.blocks import bold_heading
from kb.importers.pdf_layout import _Layout
from importtools import layout_line


def test_a_bold_connector_line_is_no_heading():
    assert not bold_heading("**-AND-**") and not bold_heading("**- OR -**") and not bold_heading("**AND/OR**")
    assert bold_heading("**Coverage Rationale**")  # clean: a bold title is one


def test_a_large_connector_line_is_no_heading():
    body = [layout_line("Diagnosis of moderate-to-severe chronic atopic dermatitis", 100 + 12 * i) for i in range(8)]
    big = [layout_line("-AND-", 200, size=14.0), layout_line("Asthma", 230, size=14.0)]
    layout = _Layout(10.0, body + big)
    assert not layout.is_heading(big[0]) and layout.is_heading(big[1])
