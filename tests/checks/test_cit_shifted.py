"""CIT106: from some number on, the text fits the entry after the one each marker cites (an entry inserted).

One policy with a sentence per entry, each on its own topic; the same text with an entry inserted into the
list (renumbered) while the markers keep their numbers; and one where too few markers are affected to tell.
"""
from .cit_fixtures import BODY_LINE, findings

TOPICS = [("Melting glaciers in a warming climate", "Glaciers are melting faster in the warming climate"),
          ("Volcanic eruptions and global cooling", "Volcanic eruptions bring global cooling"),
          ("Coral bleaching on tropical reefs", "Coral bleaching spreads across tropical reefs"),
          ("Desert locusts swarming after rainfall", "Desert locusts start swarming after heavy rainfall"),
          ("Mangrove forests protect coastlines", "Mangrove forests protect coastlines from storms"),
          ("Penguin colonies on shrinking ice", "Penguin colonies depend on shrinking sea ice"),
          ("Salmon migration upstream to spawn", "Salmon migration upstream ends where they spawn"),
          ("Honeybee pollination of orchard crops", "Honeybee pollination sustains orchard crops"),
          ("Tornado forecasting with doppler radar", "Tornado forecasting improved with doppler radar")]
INSERTED = "Earthworm burrowing improves farmland drainage"


def _entry(i: int, title: str) -> str:
    return f"Author{'BCDEFGHIJKLMN'[i]} A. {title}. *J Nature*. {2000 + i};{i + 1}(2):1-9."


def _body(n: int) -> str:
    return " ".join(f"{sentence} [{i}]." for i, (_, sentence) in enumerate(TOPICS[:n], 1))


def _entries(titles: list[str]) -> list[str]:
    return [_entry(i, t) for i, t in enumerate(titles)]


def test_cit106_clean_when_each_marker_cites_the_entry_its_sentence_is_about():
    assert findings(_body(9), _entries([t for t, _ in TOPICS]), "CIT106") == []


def test_cit106_an_entry_inserted_without_renumbering_the_markers_is_info():
    titles = [t for t, _ in TOPICS]
    shifted = titles[:2] + [INSERTED] + titles[2:]  # entry 3 inserted: markers [3]-[9] now cite the one before
    found = findings(_body(9), _entries(shifted), "CIT106")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "info", (3, 4))]
    assert "from reference 3 on" in found[0].message and "inserted" in found[0].message


def test_cit106_silent_when_too_few_markers_fit_the_next_entry():
    titles = [t for t, _ in TOPICS]
    shifted = titles[:6] + [INSERTED] + titles[6:]  # only [7]-[9] moved: three numbers could be chance
    assert findings(_body(9), _entries(shifted), "CIT106") == []
