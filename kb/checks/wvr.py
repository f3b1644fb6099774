"""WVR: the waiver file itself. Its rule is judged after the others, by ``kb.checks.waivers``."""
from __future__ import annotations

from . import rule


@rule("WVR001", "unused-waiver", "warning")
def unused_waiver(kb):
    """A waiver that matches no finding.

    What: a row of the policy's `waivers.csv` names a code and a line (or a
    citation number) where that check, which ran, found nothing. The finding
    sits on the waiver's line in the policy (or on the cited entry's line) and
    names the waiver file and row. Waivers for checks left out with `--select`
    or `--ignore`, or for a check that crashed, are not judged.

    Why: a waiver that no longer matches usually means the text moved or was
    fixed; left in place it could silently hide a new finding later, or it
    records an acceptance nobody can find any more.

    Example: `waivers.csv` row `REF122,412,,address lost upstream,JD,2026-05-11`
    after line 412 gained its address.

    Fix: delete the row if the finding was fixed, or correct its line or citation.
    """
    # Run on its own this rule sees no findings to compare with, so it finds
    # nothing here: kb.checks.waivers.apply_waivers fills its result after the other rules.
    return ()


RULES = (unused_waiver,)
