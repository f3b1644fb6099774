"""The site in a real browser (Debian's Chromium through Playwright), served from 127.0.0.1 only.

A reader opens the home page, goes from a criterion to one of its references
and back to the sentence that cites it, from a criterion to a study and on to
its report, sees the forest plots load, searches for an author, follows a
finding; no request may leave the local server. Screenshots go to
test-results/site/ for a person to look at.
"""
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from sitetools import ROOT, build_in_process, kb_site

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-results" / "site"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    path = shutil.which("chromium")
    if not path:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; under CI the browser tests must run (./scripts/test installs it)")
        pytest.skip("Chromium is not installed (./scripts/test installs it with apt-get)")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(chromium):
    return {"executable_path": chromium, "args": FLAGS}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The bundled policy (its own evidence and forest plots) with two test-only rules, served locally."""
    from site_rules import RULES

    out = tmp_path_factory.mktemp("browser") / "site"
    build_in_process(out, extra_rules=RULES)
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_url):
    """The served site. Defined here so pytest-playwright's own fallback fixture (an instance method,
    deprecated as a session fixture by pytest) is never used."""
    return site_url


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory):
    from hostile import hostile_policy

    folder = tmp_path_factory.mktemp("hostile-browser")
    out = folder / "site"
    policy = hostile_policy(folder)
    assert kb_site(policy, "-o", out).returncode == 0
    server = _serve(out)
    yield f"http://127.0.0.1:{server.server_address[1]}/", policy
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_page(page):
    """A page whose requests are recorded; anything not on 127.0.0.1 is blocked and fails the test."""
    outside, dialogs = [], []

    def route(r):
        url = r.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page
    assert outside == [], f"requests left the local server: {outside}"
    assert dialogs == [], f"a script opened a dialog: {dialogs}"


def shot(page, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_home_page_shows_the_policy_at_a_glance(local_page, site_url):
    page = local_page
    page.goto(site_url)
    assert page.locator("h1").inner_text().startswith("Percutaneous Vertebroplasty")
    assert page.get_by_text("Next review:").is_visible()
    assert page.locator("article a[href='report/#error']").count() == 1  # open errors link to the report
    shot(page, "home")
    shot(page, "home-full", full_page=True)
    page.locator("article").get_by_role("link", name="I.A.5", exact=True).click()
    page.wait_for_url("**/criteria/I/A/5/")
    assert page.locator("h1").inner_text().startswith("Criterion I.A.5")


def loaded_images(page) -> list[tuple[str, int]]:
    """(src, natural width) of every image in the article, once each has finished loading or failing."""
    page.wait_for_function("[...document.querySelectorAll('article img')].every(i => i.complete)")
    return page.locator("article img").evaluate_all("els => els.map(i => [i.getAttribute('src'), i.naturalWidth])")


def test_forest_plots_load_on_their_page_and_on_a_criterion_page(local_page, site_url):
    page = local_page
    page.goto(site_url + "forest/vertebroplasty-vs-conservative-care-pain/")
    images = loaded_images(page)
    assert len(images) == 1 and images[0][0].endswith("/vertebroplasty-vs-conservative-care-pain.svg")
    assert images[0][1] > 0, "the figure loaded"
    assert page.locator("article table").first.get_by_text("Klazen (2010)").count() == 2  # 1 month and 1 year
    shot(page, "forest-page", full_page=True)
    page.goto(site_url + "criteria/I/B/")
    images = loaded_images(page)
    assert images and all(width > 0 for _, width in images), images
    assert any("vertebroplasty-vs-conservative-care-pain.svg" in src for src, _ in images)
    page.locator("article img").first.scroll_into_view_if_needed()
    shot(page, "criterion-forest")
    page.goto(site_url + "forest/")
    shot(page, "forest-index")


def test_from_a_criterion_to_a_study_and_on_to_its_report(local_page, site_url):
    page = local_page
    page.goto(site_url + "criteria/I/B/")
    shot(page, "criterion-evidence", full_page=True)
    page.locator("article table").get_by_role("link", name="VERTOS II", exact=True).first.click()
    page.wait_for_url("**/studies/vertos-ii/")
    assert page.locator("h1").inner_text().startswith("Study: VERTOS II")
    shot(page, "study", full_page=True)
    page.locator("article").get_by_role("link", name="16", exact=True).first.click()
    page.wait_for_url("**/references/16/")
    assert "Klazen" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="VERTOS II", exact=True).count() >= 1  # and back to the study
    shot(page, "reference-with-study", full_page=True)


def test_from_a_criterion_to_a_reference_and_back_to_the_citing_sentence(local_page, site_url):
    page = local_page
    page.goto(site_url + "criteria/I/")
    shot(page, "criterion", full_page=True)
    page.locator("article table").get_by_role("link", name="5", exact=True).first.click()
    page.wait_for_url("**/references/5/")
    assert "Buchbinder" in page.locator("h1").inner_text()
    shot(page, "reference")
    page.get_by_role("link", name="line 156").click()
    page.wait_for_url("**/policy/#m156-236")
    marker = page.locator("#m156-236")
    assert marker.is_visible()
    box, viewport = marker.bounding_box(), page.viewport_size
    assert 0 <= box["y"] <= viewport["height"], "the citation is on screen"
    assert "Buchbinder 2009" in page.locator("#L156").inner_text()
    highlight = marker.evaluate("el => getComputedStyle(el).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent"), "the citation landed on is highlighted"
    shot(page, "policy-text-at-citation")


def test_search_finds_a_reference_by_its_first_author(local_page, site_url):
    page = local_page
    page.goto(site_url)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Kallmes", delay=40)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    paths = [urlsplit(h).path for h in hrefs]
    assert paths[0] == "/references/6/", paths  # the reference itself comes first
    shot(page, "search")


def test_a_finding_is_flagged_in_the_text_and_leads_to_the_report(local_page, site_url):
    page = local_page
    page.goto(site_url + "policy/#L276")
    line = page.locator("#L276")
    assert "kb-flag-error" in line.get_attribute("class")
    shot(page, "policy-text-finding")
    line.get_by_role("link", name="\u2691 TST902").click()
    page.wait_for_url("**/report/#f-tst902-276-486")
    assert page.locator("#f-tst902-276-486").is_visible() or page.locator("#f-tst902-276-486").count() == 1
    shot(page, "report")


@pytest.mark.parametrize("path,name", [("worklist/", "worklist"), ("rules/TST901/", "rule"), ("codes/", "codes"),
                                       ("downloads/", "downloads"), ("references/", "references-index"),
                                       ("criteria/", "criteria-index"), ("studies/", "studies-index"),
                                       ("evidence-map/", "evidence-map"), ("criteria/I/A/3/a/", "criterion-inherited")])
def test_every_kind_of_page_renders(local_page, site_url, path, name):
    page = local_page
    page.goto(site_url + path)
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text()
    shot(page, name)


def test_a_download_is_served_as_a_file_of_the_site(local_page, site_url):
    response = local_page.request.get(site_url + "downloads/references.bib")
    assert response.ok and "@article{buchbinder2009" in response.text()


LIVE_MARKUP = """() => {
    const handlers = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name)));
    const links = [...document.querySelectorAll('[href], [src], [action]')].filter(
        e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')));
    const frames = document.querySelectorAll('article iframe, article object, article embed, article img, article script');
    return handlers.length + links.length + frames.length;
}"""


def hostile_pages(hostile_url):
    """The policy text, a reference whose title is hostile, one whose reviewed kind has a hostile reason,
    a criterion page and the findings report (a waiver with a hostile reason)."""
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages import links

    kb = load_knowledge_base(hostile_url[1])
    reviewed = next(n for n, (_, why) in kb.kinds.items() if why.startswith("reviewed:"))
    criterion = links.criterion_path(kb.doc.statements[0].id).replace("index.md", "")
    return ["policy/", "references/3/", f"references/{reviewed}/", criterion, "report/"]


def test_hostile_text_stays_text_in_the_browser(local_page, hostile_url):
    page = local_page
    url, _ = hostile_url
    for path in hostile_pages(hostile_url):
        page.goto(url + path)
        page.wait_for_load_state("load")
        assert page.locator("h1").count() == 1, path
        assert page.evaluate("window.kbPwned") is None, f"a script ran on {path}"
        assert page.evaluate(LIVE_MARKUP) == 0, path
    page.goto(url + "policy/")
    assert page.get_by_text("A sentence with <script>alert(1)</script>").count() == 1
    shot(page, "hostile-policy")
    page.goto(url + "references/3/")
    assert page.get_by_text("<script>window.kbPwned='title'</script>", exact=False).count() >= 1  # shown as text
    shot(page, "hostile-reference")
    page.goto(url)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Marks", delay=40)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    shot(page, "hostile-search")
    assert page.evaluate("document.querySelectorAll('.md-search-result img, .md-search-result script').length") == 0
    assert page.evaluate("window.kbPwned") is None


VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_FITS = "document.documentElement.scrollWidth <= window.innerWidth + 1"  # nothing pushes the page sideways


def _scrolls(locator) -> bool:
    return locator.evaluate("el => el.scrollWidth > el.clientWidth + 1")


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_criterion_page_opens_with_what_was_found_on_any_screen(local_page, site_url, screen):
    page = local_page
    page.set_viewport_size(VIEWPORTS[screen])
    page.goto(site_url + "criteria/I/B/")
    found = page.locator("h2", has_text="What the evidence found")
    evidence = page.locator("h2#evidence")
    assert found.bounding_box()["y"] < evidence.bounding_box()["y"], "the summary comes before the counts"
    summary = page.locator(".md-typeset__scrollwrap", has=page.locator("th", has_text="certainty")).first
    assert summary.get_by_text("favours vertebroplasty").count() >= 1
    assert page.get_by_text("Suggested by rules; confirm at review.", exact=False).count() >= 1
    assert page.evaluate(PAGE_FITS)
    hint = summary.evaluate("el => getComputedStyle(el, '::before').content")
    if screen == "phone":
        assert _scrolls(summary), "the wide summary table scrolls inside its box"
        assert "scrolls sideways" in hint
    else:
        assert "scrolls sideways" not in hint
    found.scroll_into_view_if_needed()
    shot(page, f"criterion-found-{screen}")
    shot(page, f"criterion-found-{screen}-full", full_page=True)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_study_page_says_what_it_found_on_any_screen(local_page, site_url, screen):
    page = local_page
    page.set_viewport_size(VIEWPORTS[screen])
    page.goto(site_url + "studies/vertos-ii/")
    assert page.locator("h2", has_text="What it found").is_visible()
    table = page.locator("article table").nth(1)
    assert table.get_by_text("favours vertebroplasty").count() == 2
    assert page.locator("article").get_by_text("supports").count() == 0
    assert page.locator("article li", has_text="Treatment of symptomatic").get_by_text("for", exact=True).count() == 1
    assert page.evaluate(PAGE_FITS)
    shot(page, f"study-{screen}", full_page=True)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_forest_page_keeps_its_figure_legible_on_any_screen(local_page, site_url, screen):
    page = local_page
    page.set_viewport_size(VIEWPORTS[screen])
    page.goto(site_url + "forest/vertebroplasty-vs-conservative-care-all-outcomes/")
    (src, natural), = loaded_images(page)
    assert natural > 0
    figure, image = page.locator("article a.kb-figure"), page.locator("article a.kb-figure img")
    width = image.bounding_box()["width"]
    assert page.evaluate(PAGE_FITS)
    if screen == "phone":
        # The figure is drawn 10 inches wide with 9-point text: at 900 px its labels are about 11 px high.
        assert width >= 900 and _scrolls(figure), "full size, in a box that scrolls sideways"
        assert "scrolls sideways" in figure.evaluate("el => getComputedStyle(el, '::before').content")
    else:
        assert abs(width - figure.bounding_box()["width"]) < 2  # as wide as the text column
    svg = page.request.get(urljoin(page.url, src)).text()
    assert "favours vertebroplasty" in svg and "favours conservative care" in svg
    criteria = page.locator("article h2#criteria-it-bears-on + ul")
    assert criteria.get_by_role("link", name="I", exact=True).count() == 1  # the overview bears on I too
    shot(page, f"forest-{screen}")
    shot(page, f"forest-{screen}-full", full_page=True)


def test_navigation_labels_end_on_a_whole_word(local_page, site_url):
    from kb.knowledge.base import load_knowledge_base
    from kb.paths import resolve_policy

    kb = load_knowledge_base(resolve_policy(None))
    page = local_page
    checked = set()
    for path in ("criteria/", "criteria/I/A/5/", "criteria/I/A/3/", "criteria/I/A/4/"):  # the nav is pruned
        page.goto(site_url + path)
        labels = page.locator("nav.md-nav--primary .md-nav__link").evaluate_all(
            "els => els.map(e => e.textContent.trim())")
        for label in labels:
            sid, _, name = label.partition(" ")
            if sid not in kb.statements:
                continue
            words = kb.statements[sid].text.split()
            shown = name.rstrip("\u2026").split()
            n = len(shown)
            last_ok = n and words[n - 1].startswith(shown[-1]) and not words[n - 1][len(shown[-1]):].strip(",;:.()")
            assert n and shown[:-1] == words[:n - 1] and last_ok, f"{label!r} is not whole words of criterion {sid}"
            checked.add(sid)
    assert len(checked) >= 20, sorted(checked)
