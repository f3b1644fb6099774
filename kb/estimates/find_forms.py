"""The printed forms an estimate's interval takes, as patterns (pure data for ``kb.estimates.find``).

An interval's name and bounds (``95% CI, 0.70 to 2.12``, ``[1.6-3.9]``, ``95%-CI``), the measure or difference words
before it, and the context that makes a number no estimate (a spread, a P value, a threshold, a time point).
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from .numbers import MEASURE, MEASURE_WORDS, MINUS, NUM

# The hyphen U+2010 parts bounds too ("95%CI 1.71\u20102.12").
SEP = r"\s*(?:to|\u2013|\u2014|\u2012|\u2010|-|,)\s*"
# After an interval's label a semicolon may part the bounds too ("HR=2.28 95%CI 1.27; 4.09"): the label says the
# two numbers are its bounds. Not in unlabelled forms, where "(2.6; 1.74 to 3.37)" is a value and its interval.
SEP_LABELLED = r"\s*(?:to|\u2013|\u2014|\u2012|\u2010|-|,|;)\s*"
# A unit of measurement as printed after a value: "kg", "kcal", "mmol/l", "ng/mL", "cm/sec", "IU/kg", "L", an area
# ("cm2", "m\u00b2"), "units" ("0.017 unit, 95% CI ...").
UNIT_WORD = (r"(?:c?m(?:2|\u00b2)|[\u00b5\u03bcnmcd]?(?:mol|g|L|l)|kg|kcal|IU|U|mm ?Hg|cm|mm|m|ms|sec|s|min|h|hrs?|bpm|"
             r"units?)")
MEASURE_UNIT = rf"(?:{UNIT_WORD}(?:\s?/\s?(?:{UNIT_WORD}|m2|m\u00b2|day|d|week|year))*(?![\w/\u00b2]))"
# A bound may carry a plus sign ("[-3.0 to +2.7]"): it is left outside the number, which stays a plain decimal. The
# lower bound may carry the unit the upper one does ("95% CI -56.5 cm2 to -6.3 cm2", "-2.34 mmHg to 4.29 mmHg"),
# only before "to": with a dash or a comma after it a unit is too easily the next thing's.
BOUND_LOW = rf"(?:\+\s?)?(?P<low>{NUM})(?:\s?%|\s?{MEASURE_UNIT}(?=\s+to\s))?"
BOUND_HIGH = rf"(?:\+\s?)?(?P<high>{NUM})(?:\s?%)?"
# "C.I." ends in a point, so the word boundary that closes the other names cannot follow it.
INTERVAL_NAME = r"(?:(?:CI|CrI|Cl|UI|confidence intervals?|credible intervals?|uncertainty intervals?)\b|C\.I\.)"
# A "the" before the level belongs to the interval's label: "(mean: 3.0%; the 95% CI: 2.3 to 3.7%)".
ANCHOR = lazy(
    rf"(?:\bthe\s+)?(?P<level>\d{{2}}(?:\.\d+)?)\s?%[\s-]?{INTERVAL_NAME}"  # "95% CI", "95%-CI"
    r"(?:\s*[(\[](?:CI|CrI|UI)[)\]])?"  # "95% confidence interval (CI) 2.90-14.95", "... [CI] = 23.0-31.0"
    rf"\s*(?:[,:=]\s*)?(?P<open>[\[(])?\s*(?:from\s+)?(?P<bounds>{BOUND_LOW}{SEP_LABELLED}{BOUND_HIGH})(?(open)\s*[\])])",
    re.IGNORECASE)
# The interval's name with its level after it or with none: "CI 95%: 7.56-343.73", "(CI 95% -2.11 to 0.19)",
# "(OR of 0.47; CI: 0.38-0.57", "CI [0.27-1.24]". Only the abbreviation, and only where the measure's value is read
# before it (``find_estimates``): a bare "CI" might be a cardiac index.
ANCHOR_LOOSE = lazy(
    rf"(?<![\w%-])(?:CI|C\.I\.)(?:\s*\(?(?P<level>\d{{2}}(?:\.\d+)?)\s?%\)?)?"
    rf"\s*(?:[,:=]\s*)?(?P<open>[\[(])?\s*(?P<bounds>{BOUND_LOW}{SEP}{BOUND_HIGH})(?(open)\s*[\])])")
# Words that qualify a measure or name the group it is for, before its name: "(Summary OR = 11.6, 95% CI ...)",
# "(National AOR = 2.97, 95% CI ...)", "[DM: HR 6.59, ...; non-DM: HR 4.42, ...]". The measure's name stays
# required; with no name, only "mean" or "median" may stand before the value ("(mean 30.3 days, 95% CI ...)").
QUALIFIER = r"(?:[^\W\d_][\w'\u2010-]*:?\s+){0,4}?"
# An interval with no "95% CI" label, in parentheses after its estimate: "(2.6; 1.74 to 3.37; ...)".
BARE = lazy(rf"\(\s*(?P<value>{NUM})\s*;\s*{BOUND_LOW}\s+to\s+{BOUND_HIGH}\s*(?=[;)])")
# "difference 0.04 kg", "between-group difference of -2.6": a difference said in words, which names no measure
# of its own but says the number is one.
DIFFERENCE_WORDS = (r"(?i:(?:(?:mean|median|between[- ]groups?|adjusted|absolute)\s+)?differences?"
                     r"(?:\s+(?:between|in)\s+(?:the\s+)?(?:means|groups))?(?:\s*(?:of|was|=|:))?)")
INSIDE = lazy(rf"^\s*(?:{QUALIFIER}(?P<name>{MEASURE})\s*(?:=|:|,|\bof\b)?\s*|(?P<said>{DIFFERENCE_WORDS})\s*|"
               # "(ANCOVA; estimate: -0.63; 95% CI ...)", "(difference estimate: 0.22, 95% CI ...)"
               rf"(?i:mean|median|(?:difference\s+)?estimate):?\s+)?\+?(?P<value>{NUM})\s*"
               r"(?P<unit>%|percentage points?|points?|mm ?Hg|kg|cm|mm|days?|weeks?|months?|years?|hours?|"
               rf"{MEASURE_UNIT})?"
               # "-8.2 points on a 0-100 scale, 95% CI"
               r"(?:\s+on\s+(?:a|the)\s+[^,;()]{1,40}?\s+scale)?\s*[;,:]?\s*$")
# A rate's denominator is no estimate: in '8.6/1,000 (95% CI 6.3-10.9)' the number after the slash (or the digits
# after a thousands comma) is left alone.
OUTSIDE = lazy(
    rf"(?:(?P<name>{MEASURE}|{DIFFERENCE_WORDS})\s*(?:=|:|,|\bof\b|\bwas\b)?\s*)?"
    rf"(?<![\w./])(?<!\d,)(?<![\w.][{MINUS}])(?P<value>{NUM})\s*"
    # a unit of measurement only after a measure's name: "mean difference -4.2 mm Hg (95% CI ...)", but not
    # the time point in "pain at 12 months (95% CI ...)"
    r"(?P<unit>%|percentage points?|points?|(?(name)(?:mm ?Hg|kg|cm|mm|days?|weeks?|months?|years?|"
    rf"{MEASURE_UNIT})))?"
    # "was 0.018 higher (95% CI: 0.001, 0.036) than when they received placebo": a difference said by its
    # comparative. Only the words that make the printed number the difference's sign ("0.4 lower" would be -0.4,
    # not the 0.4 printed), and not after a percentage (often a relative change).
    r"(?:(?<!%)\s+(?P<more>higher|greater|more)(?!\s+(?:than|likely)\b))?\s*$")
# An unnamed value with its unit right before an interval's parenthesis: read only where the bounds carry the same
# unit (``kb.estimates.find_guards.value_before``). No measure's name and no comparative: those groups never match.
UNIT_OUTSIDE = lazy(rf"(?P<name>(?!x)x)?(?<![\w./])(?<!\d,)(?<![\w.][{MINUS}])(?P<value>{NUM})\s*(?P<unit>{MEASURE_UNIT})"
                    r"(?P<more>(?!x)x)?\s*$")
# A mean and the "\u00b1" of its standard deviation right before the number an interval follows.
SPREAD_BEFORE = lazy(rf"(?<![\w.])(?P<value>{NUM})\s*(?:\u00b1|\+/-)\s*$")
P_BEFORE = lazy(r"(?<![A-Za-z])[Pp]\s*(?:-?\s*values?)?\s*[=<>\u2264\u2265]\s*$")
# A comparison sign before the number: a threshold ('Patients with CD4 < 350' over '(95% CI 1.19 to 5.02)', a WHO
# evidence table read as lines), never an estimate, which is printed as a value.
THRESHOLD_BEFORE = lazy(r"[<>\u2264\u2265]\s*$")
# 'was 0.027 at day 90 (95% credible interval, -0.146 to 0.199)': the number after a time's word names the day or
# week the result is for, not the result; so does an age ('a cumulative risk of 6.02% by age 50 (95% credible
# interval 4.58% to 7.42%)').
TIME_BEFORE = lazy(r"\b(?:[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Vv]isit|[Cc]ycle|[Aa]ged?)\s*$")
# "PE: 49%, " or "aOR 2.5," right before an unparenthesised "95% CI ...".
NAMED_TAIL = lazy(rf"(?P<name>{MEASURE})\s*(?:=|:|,|\bof\b|\bwas\b)?\s*(?P<value>{NUM})\s*(?P<unit>%)?\s*[;,]?\s*$")
# "the mean difference between groups at 12 months was 3.2, 95% CI ...", "difference in change from baseline to 12
# months: 3.2, 95%-CI from 0.50 to 5.8": the measure or difference named earlier in the clause, a verb or a colon,
# the value and a comma before an unparenthesised interval. No bracket, p or "\u00b1" between the name and the value.
SAID_TAIL = lazy(rf"(?:{MEASURE}|{DIFFERENCE_WORDS})(?:(?![Pp]\b)[^.;:()\[\]\u00b1=<>])" "{0,60}?"
                 rf"(?:\b(?:was|were|is)|(?<![\d%]\s)\bof|:)\s*(?P<value>{NUM})\s*(?P<unit>%)?\s*[;,]?\s*$")
# "0.51 times the rate", "2.3 times the odds", "1.8-fold risk": a ratio in words.
TIMES = lazy(rf"(?<![\w.])(?P<value>{NUM})\s*(?:times|-fold)\s+(?:(?:the|as|higher|lower|greater|increased|"
                    r"reduced|high|likely)\s+){0,3}(?P<word>rate|risk|odds|hazard|incidence)\b", re.IGNORECASE)
TIMES_MEASURE = {"rate": "IRR", "incidence": "IRR", "risk": "RR", "odds": "OR", "hazard": "HR"}
# A measure's name, its value and a bracketed interval with no "95% CI" label: "aOR: 2.5 [1.6-3.9]".
NAMED_BARE = lazy(
    rf"(?P<name>{MEASURE})\s*(?:=|:|,)?\s*(?P<value>{NUM})\s*[\[(]\s*(?P<low>{NUM})(?:\s?%)?"
    rf"\s*(?:to|\u2013|\u2014|\u2010|-|,)\s*(?P<high>{NUM})(?:\s?%)?\s*[\])]")
# What every NAMED_BARE match holds (its value's last digit, the bracket, the low bound's first character):
# a cheap search that spares most sentences the scan for a measure's name at every position.
NAMED_BARE_CUE = lazy(rf"\d\s*[\[(]\s*[{MINUS}.\d]")
P_VALUE = lazy(r"(?<![A-Za-z])[Pp]\s*(?:-?\s*values?)?\s*(?P<op><=|>=|[=<>\u2264\u2265])\s*(?P<num>\d*\.\d+|\d+)"
         r"(?:(?:\s*[\u00d7x\u22c5\u00b7]\s*10\s*(?:\^|\*\*)?\s*|[eE])(?P<exp>[-\u2212\u2013]\s*\d{1,3}))?")
I_SQUARED = lazy(rf"\bI\s?(?:\u00b2|\^2|2|-squared)\s*(?:=|:|,|\bof\b|\bwas\b)?\s*(?P<v>{NUM})\s?%")
# The interval announced in the measure's label, the numbers after it: "The mean difference (95% CI) was 2.1 (0.5 to
# 3.7)", "AMTD (95% CI) Q1-Q3 vs Q4: -0.21 (-0.64 to 0.23)", an abbreviation the text defined standing for the measure.
# The name may be plural ("The LS mean differences (95% CI) versus placebo were -4.3 kg (-4.8, -3.8)") or a difference
# in words ("treatment difference [95% CI] 7.2% [1.1% to 13.4%]"), the value may carry its unit, and it may follow the
# label directly or after a comma ("relative rate (95% CI) 0.54 (0.40-0.72)", "difference (95% CI), 5.5 (4.3-6.7)").
# The label says the pair is its bounds, so a semicolon may part them ("=-0.90 kg (-1.50; -0.30)").
HEADED = lazy(
    rf"(?P<name>(?i:{MEASURE_WORDS})s\b|{MEASURE}|(?i:differences?)\b|\b[A-Z]{{2,6}}\b)\s*[(\[]\s*"
    r"(?P<level>\d{2}(?:\.\d+)?)\s?%\s*(?:CI|confidence intervals?)\s*[)\]]"
    # "mean difference [95% CI] = 0.01 [-0.12 to 0.14]": the same form in square brackets
    rf"(?:[^;.()]{{0,80}}?(?:\b(?:was|were|is|of)|[:=])|\s*,)?\s*(?P<value>{NUM})\s*(?P<unit>%|{MEASURE_UNIT})?\s*[(\[]\s*"
    rf"{BOUND_LOW}{SEP_LABELLED}{BOUND_HIGH}\s*(?=[;)\]]|,\s*[Pp]\b)")
CLAUSE_END = lazy(r"[;.](?:\s|$)")
COMPARATIVE_AFTER = lazy(r"^\s*(?:more|fewer|less|greater|higher|lower)\b", re.IGNORECASE)
