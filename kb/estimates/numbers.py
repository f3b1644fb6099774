"""Numbers as policies print them: minus signs of several kinds, leading dots,
thousands separators, number words; and the names of effect measures."""
from __future__ import annotations

import re

MINUS = "-\u2212\u2013\u2012\u2014"  # hyphen, minus sign, en dash, figure dash, em dash
# A signed decimal: "-0.39", "\u22120.39", ".56", "1,328", "16.81"; in e-notation too ("1.55e7", an upper bound
# R prints for a wide interval: read as "1.55", "2.67 - 1.55e7" ran backwards).
NUM = rf"(?:[{MINUS}]\s?)?(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][+-]?\d+\b)?|(?:[{MINUS}]\s?)?\.\d+"

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# 'Fifty three (79%) out of 67': the tens and the units are joined by a hyphen or, in some prints, a space.
WORD_NUMBER = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
              r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|" \
              r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" \
              r"one|two|three|four|five|six|seven|eight|nine|ten)"


def to_float(text: str) -> float:
    """'\u22120.39' -> -0.39, '.56' -> 0.56, '1,328' -> 1328.0, '12 577' -> 12577.0, '27%' -> 27.0."""
    t = re.sub(r"[,\s\u2009\u202f]", "", text.strip().rstrip("%"))  # '12 577', '12\u2009577': thousands
    if t and t[0] in MINUS:
        t = "-" + t[1:]
    return float(t)


# A currency sign printed with an amount: "(\u00a395, 95% CI -\u00a31410 to \u00a31599)", "\u20ac344 (95%CI: [\u20ac-883; \u20ac1,573])",
# "1,586.01\u20ac (95% CI ...)". ("$" never reaches here: the reader drops it with TeX's markup.)
_CURRENCY = re.compile(r"[\u00a3\u20ac](?=\s?[-\u2212\u2013]?\d)|(?<=\d)\s?\u20ac")
_SIGN_SPACE = re.compile(rf"^([{MINUS}])\s+(?=\d)")


def without_currency(text: str) -> str:
    """The text with its currency signs as spaces, so the amounts read as numbers at the same offsets."""
    return _CURRENCY.sub(lambda m: " " * len(m.group(0)), text) if "\u00a3" in text or "\u20ac" in text else text


def sign_joined(number: str) -> str:
    """'- 1410' (the minus of '-\u00a31410' once its sign is a space) -> '-1410'."""
    return _SIGN_SPACE.sub(r"\1", number)


def word_or_number(text: str) -> int | None:
    """'Thirteen' -> 13, 'twenty-four' -> 24, '16' -> 16, '34 614' -> 34614; None if it is neither."""
    t = text.strip().lower().replace(",", "")
    if t.replace(" ", "").isdigit() and re.fullmatch(r"\d{1,3}(?: \d{3})*|\d+", t):
        return int(t.replace(" ", ""))
    if "-" in t or " " in t:
        tens, _, ones = t.replace(" ", "-").partition("-")
        if tens in WORDS and ones in WORDS:
            return WORDS[tens] + WORDS[ones]
    return WORDS.get(t)


# (canonical, pattern). Order matters: the longer names first; abbreviations
# are matched case-sensitively so that the word "or" is not an odds ratio.
_MEASURE_NAMES = (
    ("SMD", r"standardi[sz]ed mean difference|standard mean difference"),
    ("WMD", r"weighted mean difference"),
    ("MD", r"mean difference"),
    ("RD", r"(?:absolute )?risk difference"),
    # "relative rate" is a rate ratio too ("relative rate (95% CI) 0.54 (0.40-0.72)"); its reduction is not
    ("IRR", r"(?:incidence )?rate ratio|relative rate\b(?!\s+reduction)"),
    ("RRR", r"relative (?:risk |rate )?reduction"),  # a percentage (1 - RR), not a ratio: no scale, no null
    ("RR", r"relative risk|risk ratio"),
    ("PR", r"prevalence ratio"),
    ("OR", r"odds ratio"),
    ("HR", r"hazard ratio"),
    ("GMR", r"geometric mean ratio"),
    ("kappa", r"(?:Cohen's |Fleiss'? )?kappa\b|\u03ba"),
    ("ICC", r"intra-?class correlation(?: coefficient)?"),
    ("beta", r"\u03b2(?![\w\u2010-])|(?:beta|regression) coefficient"),
    ("PE", r"(?:protective|vaccine) efficacy"),
)
# Adjusted ratios ("aOR", "AOR", "adRR") and a subdistribution "sHR" are the same measures; "PE" / "VE" is a protective efficacy in per cent.
_ABBREVIATIONS = {"SMD": "SMD", "WMD": "WMD", "MD": "MD", "RD": "RD", "ARD": "RD", "IRR": "IRR", "RR": "RR",
                  "OR": "OR", "HR": "HR", "aOR": "OR", "aHR": "HR", "AOR": "OR", "AHR": "HR", "adOR": "OR", "adHR": "HR", "adRR": "RR", "sHR": "HR", "aRR": "RR", "aIRR": "IRR", "PE": "PE",
                  "VE": "PE", "GMR": "GMR", "ICC": "ICC"}
MEASURE_WORDS = "|".join(p for _, p in _MEASURE_NAMES)
MEASURE_ABBR = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
# A measure as printed: "odds ratio [OR]", "mean difference [MD]", "MD", "relative risk", "prevalence ratio [PR]".
# The words carry the meaning, so any short abbreviation the text gives after them is part of the name. An
# abbreviation joined to a word or a sign after it is another term's: high-risk HPV "HR-HPV", hormone receptor
# "HR-positive", "HR+", "HR\u2212".
MEASURE = (rf"(?:(?i:{MEASURE_WORDS})(?:\s*[\[(][A-Za-z]{{1,5}}[\])])?"
           rf"|\b(?:{MEASURE_ABBR})\b(?![\u2010-][A-Za-z]|[+\u2212]))")


def canonical_measure(printed: str) -> str:
    """The canonical code of a measure as printed, or '' if it names none."""
    for code, pattern in _MEASURE_NAMES:
        if re.search(pattern, printed, re.IGNORECASE):
            return code
    m = re.search(rf"\b({MEASURE_ABBR})\b", printed)
    return _ABBREVIATIONS[m.group(1)] if m else ""
