"""The billing codes (CPT, HCPCS) the policy lists."""
from __future__ import annotations

from kb.site.pages import links
from kb.site.pages.text import link, plain, table

PATH = links.CODES


def pages(site) -> dict[str, str]:
    kb = site.kb
    rows = [[plain(c.system), f"**{plain(c.code)}**", plain(c.description),
             link(str(c.line), links.policy_line(PATH, kb.doc.lines, c.line))] for c in kb.doc.codes]
    body = (table(["system", "code", "description", "line"], rows, ["---", "---", "---", "---:"])
            if rows else "The policy lists no billing codes.")
    return {PATH: "# Codes\n\nThe procedure codes the policy applies to, as listed in its Codes table.\n\n"
                  + body + "\n"}


def nav(site) -> list:
    return [{"Codes": PATH}]
