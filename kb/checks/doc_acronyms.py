"""DOC 11x: acronyms whose letters do not fit their name, or that are never defined.

Most capitalised abbreviations in a policy are common knowledge (MRI, CT),
trial names (VAPOUR, FREE), product codes or statistics (CI, HR), which a
checker cannot tell from an omission. So an undefined acronym is reported
only when the policy defines one a single slip away from it (ASN where ASNR
is defined); everything else stays silent.
"""
from __future__ import annotations

import re
from collections import Counter

from kb.patterns import lazy
from kb.read.acronyms import (defined_elsewhere, defined_in_rows, fits, fits_other_name, initials, long_form,
                              near_miss, used)
from . import finding, rule
from .helpers import locate

# What brackets hold that is no acronym: a supplementary file's type "(DOCX)", a genotype "(QQ)",
# figure panels "(A-C)".
FILE_TYPES = frozenset("""DOC DOCX PDF XLS XLSX CSV TSV TXT RTF ZIP GZ TAR TIF TIFF PNG JPG JPEG GIF EPS SVG PPT
    PPTX AVI MOV MP3 MP4 MPG MPEG WAV WMV XML HTML HTM PS FASTA FAS NEX NEXUS PHY BAM VCF SBML MAT""".split())
# This many acronyms that do not fit their names show a document translated from another language.
_TRANSLATED = 3
_NOT_ACRONYM = re.compile(r"^(?:([A-Z])\1+|[A-Z][-\u2013][A-Z])$")


def _parts_fit(d) -> bool:
    """'Area Under the Receiver Operating Characteristic Curve (AUC-ROC)': a compound of two acronyms, each read
    off the name on its own (AUC, ROC), though not in the name's order."""
    parts = [p for p in d.abbr.split("-") if p]
    # A one-letter part fits only as a word of the name itself: 'IFN-I' for 'type I IFN'.
    return len(parts) >= 2 and all(p in d.words if len(p) < 2 else fits(p, d.words) for p in parts)


def _no_acronym(abbr: str) -> bool:
    return abbr in FILE_TYPES or bool(_NOT_ACRONYM.match(abbr))


# A study's or trial's name: its acronym is coined to be said ('ACHOIS' from 'Australian CarboHydrate Intolerance
# Study'), not read off the initials, so a mismatch is no sign of a slip.
_COINED = lazy(r"\b(?:study|trial|survey|project|programme|program|initiative|cohort)\b")
# 'Spanish Society of Pneumology and Thoracic Surgery (SEPAR)': a national body of a country that does not speak
# English, named in translation; its acronym is that of its own name (Sociedad Española de Neumología y Cirugía
# Torácica).
_TRANSLATED_BODY = lazy(r"^(?:Spanish|French|German|Italian|Dutch|Portuguese|Brazilian|Mexican|Argentin(?:e|ian)|"
                        r"Chilean|Colombian|Peruvian|Japanese|Chinese|Korean|Swedish|Norwegian|Danish|Finnish|"
                        r"Icelandic|Polish|Czech|Slovak|Hungarian|Romanian|Turkish|Greek|Russian|Ukrainian|Belgian|"
                        r"Swiss|Austrian|Iranian|Thai|Indonesian|Vietnamese)\b")


@rule("DOC111", "acronym-mismatch", "warning")
def acronym_mismatch(kb):
    """An acronym whose letters do not fit the name it is defined for.

    What: a name followed by an acronym in brackets, where the acronym's
    letters cannot be read off the name in order (each letter starting a word
    of the name, or following the previous letter inside the same word), and
    that acronym fits its name nowhere else in the policy. A warning when the name's initials give a different acronym of the same
    length and the same first letter (the likely intended one), and the name
    is words rather than a product or gene code; otherwise info, since some
    acronyms come from another language or an older name, and a bracket after
    a product often names its supplier (`MCF10A (ATCC)`); so is an acronym with a
    letter the name does not hold at all (`Netherlands Cancer Registry (NKR)`, from
    the Dutch name), and so is a national body of a country that does not speak English, named in translation
    (`Spanish Society of Pneumology and Thoracic Surgery (SEPAR)`, from the Spanish name). In a document
    where three or more acronyms do not fit their
    names (a translation: `Care Management (CG)` from "Gestão do Cuidado"), every
    mismatch is info, and so is one for a study's or trial's name (`Australian Carbohydrate Intolerance Study in
    Pregnant Women (ACHOIS)`): such names are coined from letters inside words, not from initials.
    A compound whose parts each fit the name (`AUC-ROC` for
    'area under the receiver operating characteristic curve', `IFN-I` for 'type I IFN') fits. File types
    (`(DOCX)`), genotypes (`(QQ)`) and figure panels (`(A-C)`) are no acronyms.

    Why: readers search the text by acronym; a wrong one (a typo, or the
    acronym of a neighbouring organisation) sends them to the wrong body or
    hides a copy-paste error in a list of organisations.

    Example: `the Congress of Neurological Surgeons (CAN)`: the initials are CNS.

    Fix: correct the acronym (here `(CNS)`), or the name if the acronym is right.
    """
    doc = kb.doc
    found = [(s, d) for s in doc.sentences for d in s.acronym_definitions]
    # An acronym that fits its name somewhere is only being reused elsewhere ("the society (ACR)").
    fitting = {d.abbr for s, d in found if d.words and (fits(d.letters, d.words) or _parts_fit(d)
                                                        or fits_other_name(s.text, d))}
    unfit = [(s, d) for s, d in found if d.words and d.abbr not in fitting and not _no_acronym(d.abbr)]
    translated = len({d.abbr for _, d in unfit}) >= _TRANSLATED
    for s, d in unfit:
        name = long_form(d.words) or d.words[-len(d.letters):]
        guess = initials(name)
        # A slip keeps the first letter (CAN for CNS); a bracket after a product, a cell line or a gene
        # ("MCF10A (ATCC)", "IRF3 (IBL)") names its supplier, not the name's acronym.
        # A letter the name does not hold at all (NKR for 'Netherlands Cancer Registry', from the Dutch name)
        # shows an acronym from another language or an older name, not a slip.
        spelled = " ".join(name).lower()
        confident = (not translated and len(guess) == len(d.letters) and guess != d.letters and guess[0] == d.letters[0]
                     and not any(ch.isdigit() for word in name for ch in word)
                     and all(ch in spelled for ch in d.letters.lower()) and not _COINED.search(spelled)
                     and not _TRANSLATED_BODY.match(name[0]))
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
        for d in s.acronym_definitions:
            if "|" in d.words:  # brackets read across a table's cells ('NADPH (not enriched | | Carbonyl ...)')
                continue
            out.setdefault(d.abbr, " ".join(long_form(d.words) or d.words))
        for abbr in defined_elsewhere(s.text):
            out.setdefault(abbr, "")
    for abbr in defined_in_rows(doc.lines):
        out.setdefault(abbr, "")
    return out


@rule("DOC112", "acronym-undefined", "warning")
def acronym_undefined(kb):
    """An acronym used but never defined, one slip away from one that is.

    What: an all-capital acronym of three letters or more that the policy never
    defines, while it does define one that differs by a dropped letter or two
    swapped letters, and nothing shows it is a term of its own (printed in the
    defined one's paragraph, the same letters but for a hyphen, a shorter form used
    in three sentences or more: PBS beside PBST, or a name joined to another by a
    slash: ATM/p38/MAPK, TEM/SEM; the start of a name of capitalised words: 'CLC Genomics Workbench'; a
    table row of other undefined codes: '| PGK | PPA |'). A definition read across a table's cells defines
    nothing. Reported once, where it is
    first used; info rather than
    a warning when the dropped letter is the first (OVCF defined, VCF used), or
    the last with the name's last word (PDGFR for '... growth factor
    receptors', PDGF used), since that names the broader thing on purpose. Other undefined
    acronyms are left alone: most are common knowledge (USA, DNA, HIV, WHO, SAS are never reported), trial
    names or codes, and so is the head of a defined compound acronym (LDL where LDL-C is defined).

    Why: in a list of organisations or measures, such an acronym is almost
    always a typo for the defined one; readers cannot look it up.

    Example: `American Society of Neuroradiology (ASNR)` ... later `The ACR, ASN, ASSR, SIR, and SNIS ...`

    Fix: write the defined acronym (here ASNR), or define the new one where it is first used.
    """
    doc = kb.doc
    defined = _defined(doc)
    in_sentence = [used(s.text) for s in doc.sentences]  # read once: counted here, then walked in order
    uses: Counter = Counter(a for found in in_sentence for a in {a for a, _ in found})
    together = [{a for a, _ in used(p.text)} for p in doc.paragraphs]
    slashed = {m.group(1) or m.group(2) for s in doc.sentences if "/" in s.text for m in _SLASHED.finditer(s.text)}
    joined = {m.group(1) or m.group(2) for s in doc.sentences for m in _JOINED.finditer(s.text)}
    charged = {m.group(1) for s in doc.sentences for m in _CHARGED.finditer(s.text)}
    seen: set[str] = set(defined)  # each acronym is judged once, at its first use
    for s, found in zip(doc.sentences, in_sentence):
        for abbr, _ in found:
            if abbr in seen or abbr in _COMMON or _head_of_defined(abbr, defined):
                continue
            seen.add(abbr)
            intended = near_miss(abbr, set(defined))
            if intended is None:
                continue
            broader = _broader(abbr, intended, defined[intended])
            line, col = locate(doc, s.line, s.end_line, abbr)
            row = doc.lines[line - 1]
            if not broader and (_deliberate(abbr, intended, uses, together) or abbr in slashed or abbr in joined
                                or abbr in charged or _in_sequence(s.text, abbr) or _in_contributions(doc, line)
                                or _named_thing(s.text, abbr) or _among_codes(row, s.text, abbr, defined)):
                continue
            name = f" ({defined[intended]})" if defined[intended] else ""
            unsure = broader or _substance_or_molecule(s.text, abbr)
            yield finding(acronym_undefined, line,
                          f"'{abbr}' is used but never defined; the policy defines {intended}{name}",
                          column=col, severity="info" if unsure else None,
                          suggestion=f"write {intended} if that is meant, or define {abbr} where it is first used")


# Acronyms no reader needs defined and no writer mistypes: a country in a supplier's address ('Grand Island, NY,
# USA' beside a defined USDA), the nucleic acids, the best-known diseases and bodies, and the largest journal's
# name ('*PLoS ONE*', printed under an article's title, beside a defined NOE), the analyses of variance ('a one-way
# ANOVA' beside a defined ANCOVA), the summaries every results table prints ('means ± SEM' beside a defined
# SERM) and the commonest clinical measures and scans.
_COMMON = frozenset({"USA", "UAE", "USSR", "DNA", "RNA", "HIV", "AIDS", "WHO", "ONE", "ANOVA", "ANCOVA", "MANOVA",
                     "MANCOVA", "SD", "SE", "SEM", "IQR", "BMI", "MRI", "ECG", "EKG", "EEG",
                     # statistical packages named with their maker ('generated using SAS, SAS Inc., Cary NC' beside a
                     # defined SSA)
                     "SAS", "SPSS",
                     # the code sets a payer's policy lists its codes in ('Added: CPT code 0237U' beside a defined CPVT)
                     "CPT", "HCPCS", "ICD"})


# An authors' contributions statement names the authors by their initials ('Methodology: DEC, JFE, FF, AGM, AVS.',
# CRediT roles): AVS is a person beside a defined VAS, not a slip.
_CONTRIBUTIONS = lazy(r"\bcontribut|\bCRediT\b", re.IGNORECASE)


def _in_contributions(doc, line: int) -> bool:
    section = doc.section_at(line)
    return section is not None and _CONTRIBUTIONS.search(section.title) is not None


def _head_of_defined(abbr: str, defined) -> bool:
    """'lower LDL' where only 'low-density lipoprotein cholesterol (LDL-C)' is defined: the undefined acronym is the
    head of a defined compound one (LDL of LDL-C, HDL of HDL-C), the thing the compound measures, not a slip."""
    return any(d.startswith(abbr + "-") for d in defined)

# An acronym joined by a slash to another name is one of a list of identifiers (a pathway 'ATM/p38/MAPK',
# methods 'TEM/SEM'); a slip for a defined acronym is not set in such a list.
_SLASHED = lazy(r"(?<![A-Za-z0-9-])([A-Z]{2,7})(?=/[A-Za-z0-9])|(?<=[A-Za-z0-9]/)([A-Z]{2,7})(?![A-Za-z0-9-])")


# An acronym joined by a hyphen or dash to another capital code names one method with it ('SDS–PAGE', 'RT-PCR');
# a slip for a defined acronym is not built into such a compound.
_JOINED = lazy(r"(?<![A-Za-z0-9-])([A-Z]{2,7})(?=[-\u2010\u2013][A-Z]{2,}(?![a-z]))"
               r"|(?<=[A-Z]{2}[-\u2010\u2013])([A-Z]{2,7})(?![A-Za-z0-9])")
# A charge after an acronym ('regenerating NAD⁺', 'NADP+'): a chemical species (the oxidised form beside a
# defined NADH), not a slip.
_CHARGED = lazy(r"(?<![A-Za-z0-9])([A-Z]{2,7})(?:\u207a|\u207b|\+|<sup>\s*\d?[+\u2212-]\s*</sup>)(?![\w+])")
# A nucleotide sequence printed in codon-wide groups ('5′-TTT TGC GGC-3′', 'GGG ATA A'): its groups are bases.
_BASES = lazy(r"(?<![A-Za-z0-9])[ACGTU]+(?:[ \u00a0][ACGTU]+){2,}(?![A-Za-z0-9])")


def _in_sequence(text: str, abbr: str) -> bool:
    """The acronym is a group of a nucleotide sequence, three groups or more of bases in a row (a primer)."""
    if abbr.strip("ACGTU"):
        return False
    return any(abbr in m.group(0).split() for m in _BASES.finditer(text))


# What a molecule's name stands before: 'FAP activity', 'ATM loss', 'MET expression'. A gene or protein symbol
# (FAP beside a defined AFP) looks like a slip for an acronym of the same letters and is none.
# Words a measure or a class of drugs also stands before ('levels', 'pathway', 'receptor': corpus 23's real slip
# '*FGR* pathway amplification' for FGF) are left out.
_MOLECULE_AFTER = lazy(r"\s+(?:activity|activation|loss|expression|mutations?|mutants?|signal(?:l)?ing|"
                       r"genes?|proteins?|kinases?|deficiency|knock(?:down|out)|amplification|overexpression|"
                       r"phosphorylation|transcripts?|mRNA|alleles?|locus|promoter)\b")
# ... a gene's symbol with digits beside it in a list ('downregulates PD-L1 and MET', 'SMAD4'), or an amount before
# a reagent ('20% FCS in PBS', '0.1 mM EDTA'). A hormone's short symbol ('FSH, E2, PGR and LH', corpus 29's real slip
# for a defined PRG) is no gene's: two capitals at least before the digit.
_GENE_NEIGHBOUR = r"(?:[A-Z]{2,}[A-Za-z]*\d[\w-]*|[A-Z]+-[A-Z]+\d\w*)"
_AMOUNT_BEFORE = lazy(r"\d\s*(?:%|mM|\u00b5M|\u03bcM|nM|M|mg|\u00b5g|\u03bcg|ng|g/l|mg/ml|U/ml|U|v/v|w/v)\s*$")


def _substance_or_molecule(text: str, abbr: str) -> bool:
    """The slip is worth a look only, not a warning: where it stands it names a molecule or a reagent (a gene or
    protein's symbol before 'activity', 'loss', 'expression'; listed beside a gene's symbol with digits; an amount
    before it), and such symbols share letters with acronyms by chance."""
    for m in re.finditer(rf"(?<![A-Za-z0-9-]){re.escape(abbr)}(?![A-Za-z0-9-])", text):
        if _MOLECULE_AFTER.match(text, m.end()) or _AMOUNT_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            return True
        near = rf"{_GENE_NEIGHBOUR}(?:,\s*|\s+(?:and|or)\s+)$"
        after = rf"^(?:,\s*|\s+(?:and|or)\s+){_GENE_NEIGHBOUR}"
        if re.search(near, text[max(0, m.start() - 24):m.start()]) or re.match(after, text[m.end():m.end() + 24]):
            return True
    return False


def _deliberate(abbr: str, intended: str, uses: Counter, together: list[set]) -> bool:
    """Signs that the undefined acronym is a term of its own, not a slip for the defined one.

    Printed in the defined one's paragraph (codons 'AUG, UAG, UGA'; 'VCS such as CVS'), the same
    letters but for a hyphen (E-RG, ERG), or a shorter form used again and again
    (PBS beside PBST): a slip is made once.
    """
    if any(abbr in group and intended in group for group in together):
        return True
    if intended.replace("-", "") == abbr:
        return True
    return len(intended) == len(abbr) + 1 and uses[abbr] >= 3


# An acronym opening a name of capitalised words is part of that name, a product's or a firm's ('CLC Genomics
# Workbench', 'SAS Institute'), not a slip for a defined acronym.
_NAMED_THING = r"(?<![\w-]){abbr}\s+[A-Z][a-z]+\s+[A-Z][a-z]+"


def _named_thing(text: str, abbr: str) -> bool:
    return re.search(_NAMED_THING.format(abbr=re.escape(abbr)), text) is not None


def _among_codes(row: str, table: str, abbr: str, defined: dict[str, str]) -> bool:
    """A table of codes ('| 0606 | PGK | \u25a0 | 0344 | PPA |', enzymes by their gene codes): another capital code in
    the slip's printed row is neither defined nor common, or the table (the reader's sentence may hold all of it)
    holds five more such codes: it names things by codes, not by the defined acronyms. One other undefined code in
    another row is no such table: it may be a slip of its own ('UTRI' and 'LRTI' rows beside a defined URTI)."""
    if not row.lstrip().startswith("|"):
        return False
    if any(other != abbr and other not in defined and other not in _COMMON for other, _ in used(row)):
        return True
    return len({other for other, _ in used(table) if other != abbr and other not in defined
                and other not in _COMMON}) >= 5


def _broader(abbr: str, intended: str, name: str) -> bool:
    """The undefined acronym names part of the defined thing on purpose.

    The first letter dropped (OVCF defined, VCF used), or the last letter with the name's last
    word ('platelet derived growth factor receptors (PDGFR)', then PDGF: the factor itself).
    """
    words = name.split()
    return intended[1:] == abbr or (intended[:-1] == abbr and len(words) >= 2
                                    and words[-1][:1].upper() == intended[-1])


RULES = (acronym_mismatch, acronym_undefined)
