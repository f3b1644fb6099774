"""DOC 11x: acronyms whose letters do not fit their name, or that are never defined.

Most capitalised abbreviations in a policy are common knowledge (MRI, CT),
trial names (VAPOUR, FREE), product codes or statistics (CI, HR), which a
checker cannot tell from an omission. So an undefined acronym is reported
only when the policy defines one a single slip away from it (ASN where ASNR
is defined); everything else stays silent.
"""
from __future__ import annotations

from kb.read.acronyms import definitions, defined_elsewhere, fits, initials, long_form, near_miss, used
from . import finding, rule
from .helpers import locate


@rule("DOC111", "acronym-mismatch", "warning")
def acronym_mismatch(kb):
    """An acronym whose letters do not fit the name it is defined for.

    What: a name followed by an acronym in brackets, where the acronym's
    letters cannot be read off the name in order (each letter starting a word
    of the name, or following the previous letter inside the same word), and
    that acronym fits its name nowhere else in the policy. A warning when the name's initials give a different acronym of the same
    length (the likely intended one); otherwise info, since some acronyms come
    from another language or an older name.

    Why: readers search the text by acronym; a wrong one (a typo, or the
    acronym of a neighbouring organisation) sends them to the wrong body or
    hides a copy-paste error in a list of organisations.

    Example: `the Congress of Neurological Surgeons (CAN)`: the initials are CNS.

    Fix: correct the acronym (here `(CNS)`), or the name if the acronym is right.
    """
    doc = kb.doc
    found = [(s, d) for s in doc.sentences for d in definitions(s.text)]
    # An acronym that fits its name somewhere is only being reused elsewhere ("the society (ACR)").
    fitting = {d.abbr for _, d in found if d.words and fits(d.letters, d.words)}
    for s, d in found:
        if not d.words or d.abbr in fitting:
            continue
        name = long_form(d.words) or d.words[-len(d.letters):]
        guess = initials(name)
        confident = len(guess) == len(d.letters) and guess != d.letters
        line, col = locate(doc, s.line, s.end_line, f"({d.abbr}", word=False)
        yield finding(acronym_mismatch, line,
                      f"the letters of '{d.abbr}' do not fit the name '{' '.join(name)}'",
                      column=col, severity=None if confident else "info",
                      suggestion=(f"the name's initials give '{guess}': write ({guess}), or correct the name"
                                  if confident else f"check that '{d.abbr}' is the acronym of '{' '.join(name)}'"))


def _defined(doc) -> dict[str, str]:
    """Acronym -> the name it is defined for (first definition wins)."""
    out: dict[str, str] = {}
    for s in doc.sentences:
        for d in definitions(s.text):
            out.setdefault(d.abbr, " ".join(long_form(d.words) or d.words))
        for abbr in defined_elsewhere(s.text):
            out.setdefault(abbr, "")
    return out


@rule("DOC112", "acronym-undefined", "warning")
def acronym_undefined(kb):
    """An acronym used but never defined, one slip away from one that is.

    What: an all-capital acronym of three letters or more that the policy never
    defines, while it does define one that differs by a dropped letter or two
    swapped letters. Reported once, where it is first used; info rather than
    a warning when the dropped letter is the first (OVCF defined, VCF used),
    since that often names the broader thing on purpose. Other undefined
    acronyms are left alone: most are common knowledge, trial names or codes.

    Why: in a list of organisations or measures, such an acronym is almost
    always a typo for the defined one; readers cannot look it up.

    Example: `American Society of Neuroradiology (ASNR)` ... later `The ACR, ASN, ASSR, SIR, and SNIS ...`

    Fix: write the defined acronym (here ASNR), or define the new one where it is first used.
    """
    doc = kb.doc
    defined = _defined(doc)
    seen: set[str] = set(defined)  # each acronym is judged once, at its first use
    for s in doc.sentences:
        for abbr, _ in used(s.text):
            if abbr in seen:
                continue
            seen.add(abbr)
            intended = near_miss(abbr, set(defined))
            if intended is None:
                continue
            line, col = locate(doc, s.line, s.end_line, abbr)
            name = f" ({defined[intended]})" if defined[intended] else ""
            # Dropping the first letter often names the broader thing on purpose (OVCF -> VCF).
            broader = intended[1:] == abbr
            yield finding(acronym_undefined, line,
                          f"'{abbr}' is used but never defined; the policy defines {intended}{name}",
                          column=col, severity="info" if broader else None,
                          suggestion=f"write {intended} if that is meant, or define {abbr} where it is first used")


RULES = (acronym_mismatch, acronym_undefined)
