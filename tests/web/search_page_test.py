"""The search page of `kbsearch serve`, end to end in headless Chromium (issue 20).

The real server runs on a loopback port over the articles of corpus/ (ten
topics in the five languages) and twelve Portuguese articles about reports
written out below, enough for two pages of results. Chromium, driven by
Selenium through chromedriver, types queries into the page letter by letter,
as a person does, and the tests check what the page shows: the results
appearing while typing, the completions, the highlights, the facets as
filters, "Did you mean", paging, the URL and the back button, the keyboard.

ctest passes the CLI in KBSEARCH_CLI. The browser tests skip with a message
where Selenium, Chromium or chromedriver is missing or Chromium cannot start.
Each language's test leaves a screenshot, search-page-LANG.png, in its
pytest temporary directory (the README's docs/search-page.png is one).
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

SOURCE_DIR = Path(__file__).resolve().parents[2]
WEB_DIR = SOURCE_DIR / "tools" / "kbsearch" / "web"

# Twelve Portuguese articles that all say "relatório": with the page's ten
# results a page, a search for it has a second page. The last has a title
# that is HTML, which the page must show as text.
REPORTS = [
    ("Exportar o relatório mensal", "O relatório mensal reúne as horas registradas por toda a equipe."),
    ("Agendar um relatório semanal", "Você pode receber o relatório semanal por e-mail toda segunda-feira."),
    ("Baixar um relatório em PDF", "Clique em Baixar para salvar o relatório em PDF no seu computador."),
    ("Filtrar um relatório por projeto", "Use os filtros no topo do relatório para ver apenas um projeto."),
    ("Compartilhar um relatório com clientes",
     "Um link público permite que clientes vejam o relatório sem entrar no Orbit."),
    ("Entender os gráficos do relatório", "Cada gráfico do relatório mostra as horas por dia ou por pessoa."),
    ("Fuso horário nos relatórios", "O relatório usa o fuso horário definido nas configurações da conta."),
    ("Abrir o relatório no Excel", "O arquivo CSV do relatório abre no Excel e no LibreOffice."),
    ("Quem pode ver um relatório", "Somente administradores veem o relatório com os valores de cada pessoa."),
    ("O relatório está vazio", "Se o relatório estiver vazio, verifique o intervalo de datas escolhido."),
    ("Gerar um relatório pela API", "A API devolve o relatório em JSON com uma linha por registro."),
    ('<img src=x onerror="window.pwned=1"> Relatório de <b>custos</b>',
     "O relatório de custos separa os impostos de cada fatura."),
]
HOSTILE_TITLE = REPORTS[-1][0]

# What a person types in each language, a prefix of it after which the page
# must already complete the word and show results, and the article that
# must be found, whose snippet marks forms of the word.
TYPED = [
    ("pt", "senha", "senh", "reset-password/pt.md"),
    ("sv", "lösenord", "lösen", "reset-password/sv.md"),
    ("tr", "şifre", "şifr", "reset-password/tr.md"),
    ("sw", "nenosiri", "nenos", "reset-password/sw.md"),
    ("th", "รหัสผ่าน", "รหัสผ่", "reset-password/th.md"),
]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_SECONDS = 15


def write_reports(directory):
    directory.mkdir()
    for number, (title, sentence) in enumerate(REPORTS, 1):
        title_yaml = title.replace("'", "''")
        (directory / f"relatorio-{number}.md").write_text(
            f"---\nid: relatorio-{number}\ntitle: '{title_yaml}'\nlang: pt\ntags: [reports]\n"
            f"updated: 2026-03-{number:02d}\n---\n\n{sentence}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of `kbsearch serve` over corpus/ and REPORTS."""
    cli = os.environ["KBSEARCH_CLI"]
    work = tmp_path_factory.mktemp("web")
    write_reports(work / "reports")
    db = work / "db"
    indexed = subprocess.run([cli, "index", "--db", str(db), str(SOURCE_DIR / "corpus" / "articles"),
                              str(work / "reports")], capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stderr

    with open(work / "serve.stderr", "wb") as stderr:
        process = subprocess.Popen([cli, "serve", "--db", str(db), "--port", "0"],
                                   stdout=subprocess.PIPE, stderr=stderr, text=True)
    first_line = []
    reader = threading.Thread(target=lambda: first_line.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(30)
    match = re.fullmatch(r"listening on (http://127\.0\.0\.1:\d+)\n", first_line[0] if first_line else "")
    if not match:
        process.kill()
        process.wait()
        pytest.fail(f"kbsearch serve printed {first_line!r}, stderr: {(work / 'serve.stderr').read_text()}")
    yield match.group(1)
    process.send_signal(signal.SIGTERM)
    # 0 after SIGTERM; in the sanitized build, also nothing found to report.
    assert process.wait(30) == 0, (work / "serve.stderr").read_text()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium whose user prefers Brazilian Portuguese."""
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason=f"{sys.executable} has no selenium (Debian: python3-selenium)")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium and chromium-driver are not installed (scripts/setup-debian.sh installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="kbsearch-chromium-")
    options.add_argument("--user-data-dir=" + profile)
    options.add_argument("--window-size=1100,900")
    options.add_experimental_option("prefs", {"intl.accept_languages": "pt-BR,pt,en"})
    # Only the server is sanitized: an AddressSanitizer runtime preloaded
    # into Chromium (as the Python tests of the library need) would break it.
    environment = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "ASAN_OPTIONS")}
    try:
        driver = webdriver.Chrome(service=Service(chromedriver, env=environment), options=options)
    except WebDriverException as e:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium cannot run here: {e.msg}")
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


# --- helpers ------------------------------------------------------------------

def wait_until(driver, condition, what):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait
    # The page redraws its results and facets on every answer, so an element
    # read while the condition is checked can be replaced under it: try again.
    wait = WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException])
    return wait.until(lambda d: condition(), message=what)


def by_css(driver, selector):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, selector)


def type_letter_by_letter(box, text):
    for character in text:
        box.send_keys(character)


def url_state(driver):
    return {k: v[0] for k, v in parse_qs(urlsplit(driver.current_url).query).items()}


def status(driver):
    return by_css(driver, "#status")[0].text


def hit_links(driver):
    return [a.get_attribute("href") for a in by_css(driver, "#results .hit h3 a")]


def shows_article(driver, article):
    """Whether a hit links to `article` (a path's end), at any section."""
    return any(urlsplit(href).path.endswith(article) for href in hit_links(driver))


def wait_for_answer(driver):
    """Waits until the page has asked the server for what the box holds and
    shown the answer (the URL follows the box as the page sends it)."""
    wait_until(driver, lambda: driver.execute_script(
        "return new URLSearchParams(location.search).get('q') === document.getElementById('q').value"
        " && document.getElementById('results').getAttribute('aria-busy') === 'false'"),
        "the answer for what is typed")


def wait_for_status(driver, pattern):
    wait_until(driver, lambda: re.search(pattern, status(driver)), f"status matching {pattern!r}")


def open_page(driver, server, query=""):
    driver.get(server + "/" + query)
    wait_until(driver, lambda: driver.execute_script("return document.readyState") == "complete", "the page")
    return by_css(driver, "#q")[0]


# --- the page as files ----------------------------------------------------------

def test_serves_the_page_and_its_files_from_the_binary(server):
    for path, name, content_type in [("/", "index.html", "text/html"), ("/app.js", "app.js", "text/javascript"),
                                     ("/style.css", "style.css", "text/css")]:
        with urllib.request.urlopen(server + path) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == content_type + "; charset=utf-8"
            assert response.read() == (WEB_DIR / name).read_bytes(), path
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server + "/index.html.bak")
    assert missing.value.code == 404


# --- the page in Chromium -----------------------------------------------------

def test_the_language_comes_from_the_browser(server, browser):
    open_page(browser, server)
    assert browser.execute_script("return navigator.languages[0]") == "pt-BR"
    assert by_css(browser, "#lang")[0].get_attribute("value") == "pt"


@pytest.mark.parametrize("lang,word,prefix,article", TYPED, ids=[t[0] for t in TYPED])
def test_typing_shows_results_and_highlights(server, browser, tmp_path, lang, word, prefix, article):
    from selenium.webdriver.common.keys import Keys

    box = open_page(browser, server, "?lang=" + lang)
    type_letter_by_letter(box, prefix)

    # The unfinished word is completed from the index, and results show
    # before the user presses anything.
    wait_for_answer(browser)
    completions = [o.text for o in by_css(browser, "#completions [role=option]")]
    assert any(c.casefold().startswith(word.casefold()) for c in completions), completions
    assert box.get_attribute("aria-expanded") == "true"
    assert shows_article(browser, article), f"{article} not shown while {prefix!r} is typed"

    type_letter_by_letter(box, word[len(prefix):])
    wait_for_answer(browser)
    assert url_state(browser) == {"q": word, "lang": lang}
    assert shows_article(browser, article), f"{article} not shown for {word!r} as typed"

    box.send_keys(Keys.ENTER)
    wait_for_answer(browser)
    assert re.fullmatch(rf"\d+ results? for “{word}”", status(browser)), status(browser)
    assert by_css(browser, "#status")[0].get_attribute("aria-live") == "polite"
    assert not by_css(browser, "#completions")[0].is_displayed()
    assert by_css(browser, "#facet-languages a"), "no language facet"

    hit = next(h for h in by_css(browser, "#results .hit")
               if urlsplit(h.find_element("css selector", "h3 a").get_attribute("href")).path.endswith(article))
    assert hit.get_attribute("lang") == lang
    assert hit.get_attribute("dir") == "auto"
    marks = [m.text for m in hit.find_elements("css selector", ".snippet mark")]
    assert marks, f"no highlight in {hit.text!r}"
    for mark in marks:
        assert word.casefold() in mark.casefold(), f"{mark!r} highlighted for {word!r}"
    browser.save_screenshot(str(tmp_path / f"search-page-{lang}.png"))


def test_a_language_facet_filters_and_unfilters(server, browser):
    open_page(browser, server, "?q=orbit&lang=")
    wait_for_status(browser, r"for “orbit”$")
    unfiltered = status(browser)
    assert len(by_css(browser, "#facet-languages a")) == 5
    facet = next(a for a in by_css(browser, "#facet-languages a") if a.get_attribute("data-filter") == "lang:sv")
    assert facet.text == "Svenska"
    facet.click()

    wait_until(browser, lambda: url_state(browser).get("q") == "orbit lang:sv", "the filter in the query")
    wait_for_status(browser, r"for “orbit lang:sv”$")
    assert {h.get_attribute("lang") for h in by_css(browser, "#results .hit")} == {"sv"}
    assert by_css(browser, "#lang")[0].get_attribute("value") == "sv"
    [active] = by_css(browser, "#facet-languages a[aria-current=true]")
    assert active.get_attribute("data-filter") == "lang:sv"
    assert by_css(browser, "#q")[0].get_attribute("value") == "orbit lang:sv"

    active.click()
    wait_until(browser, lambda: url_state(browser).get("q") == "orbit", "the filter taken out")
    wait_for_status(browser, r"for “orbit”$")
    assert status(browser) == unfiltered
    assert len(by_css(browser, "#facet-languages a")) == 5
    assert not by_css(browser, "#facet-languages a[aria-current=true]")


def test_a_tag_facet_filters(server, browser):
    open_page(browser, server, "?q=orbit&lang=sv")
    wait_for_status(browser, r"for “orbit”$")
    tag = next(a for a in by_css(browser, "#facet-tags a") if a.get_attribute("data-filter") == "tag:billing")
    tag.click()
    wait_for_status(browser, r"for “orbit tag:billing”$")
    details = [d.text for d in by_css(browser, "#results .hit .details")]
    assert details and all("billing" in d.split(" · ") for d in details), details


def test_did_you_mean_searches_the_respelling(server, browser):
    box = open_page(browser, server, "?lang=pt")
    type_letter_by_letter(box, "senhq\n")
    wait_until(browser, lambda: by_css(browser, "#did-you-mean")[0].is_displayed(), "Did you mean")
    suggestion = by_css(browser, "#suggestion")[0]
    assert suggestion.text == "senha"
    suggestion.click()

    wait_until(browser, lambda: url_state(browser).get("q") == "senha", "the respelling searched")
    wait_for_status(browser, r"results? for “senha”")
    assert box.get_attribute("value") == "senha"
    assert not by_css(browser, "#did-you-mean")[0].is_displayed()
    assert {m.text.casefold() for m in by_css(browser, "#results mark")} <= {"senha", "senhas"}


def test_paging_and_the_back_button(server, browser):
    open_page(browser, server, "?q=relatório&lang=pt")
    wait_for_status(browser, rf"Results 1–10 of {len(REPORTS)} for “relatório”")
    first_page = hit_links(browser)
    assert len(first_page) == 10
    assert not by_css(browser, "#previous")[0].is_displayed()

    by_css(browser, "#next")[0].click()
    wait_for_status(browser, rf"Results 11–{len(REPORTS)} of {len(REPORTS)}")
    second_page = hit_links(browser)
    assert len(second_page) == len(REPORTS) - 10
    assert not set(first_page) & set(second_page)
    assert url_state(browser)["offset"] == "10"
    assert by_css(browser, "#results")[0].get_attribute("start") == "11"
    assert not by_css(browser, "#next")[0].is_displayed()

    browser.back()
    wait_for_status(browser, r"Results 1–10 of")
    assert hit_links(browser) == first_page


def test_titles_are_text_not_html(server, browser):
    open_page(browser, server, "?q=custos&lang=pt")
    wait_for_status(browser, r"results? for “custos”")
    titles = [a.text for a in by_css(browser, "#results .hit h3 a")]
    assert HOSTILE_TITLE in titles
    assert not by_css(browser, "#results img, #results b")
    assert browser.execute_script("return window.pwned") is None


def test_keyboard_alone(server, browser):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server, "?lang=pt")
    active = lambda: browser.switch_to.active_element
    by_css(browser, "body")[0].send_keys(Keys.TAB)
    assert active().get_attribute("id") == "q"

    type_letter_by_letter(active(), "sen")
    wait_for_answer(browser)
    assert by_css(browser, "#completions [role=option]"), "no completions of 'sen'"
    active().send_keys(Keys.ARROW_DOWN)
    [chosen] = by_css(browser, "#completions [aria-selected=true]")
    assert by_css(browser, "#q")[0].get_attribute("aria-activedescendant") == chosen.get_attribute("id")
    picked = chosen.text
    active().send_keys(Keys.ENTER)
    wait_until(browser, lambda: url_state(browser).get("q") == picked, "the picked completion searched")
    wait_for_status(browser, rf"results? for “{re.escape(picked)}”")
    assert not by_css(browser, "#completions")[0].is_displayed()

    # Escape closes the completions and leaves the box as typed.
    type_letter_by_letter(active(), " con")
    wait_for_answer(browser)
    assert by_css(browser, "#completions")[0].is_displayed(), "no completions of 'con'"
    active().send_keys(Keys.ESCAPE)
    assert not by_css(browser, "#completions")[0].is_displayed()
    assert active().get_attribute("value") == picked + " con"
    active().send_keys(Keys.BACKSPACE * len(" con") + Keys.ENTER)
    wait_for_answer(browser)
    assert url_state(browser)["q"] == picked

    # Box, language, button, then the first facet: Enter follows it, and
    # the focus stays on it, outlined, after the page is redrawn.
    active().send_keys(Keys.TAB)
    assert active().get_attribute("id") == "lang"
    active().send_keys(Keys.TAB)
    assert active().tag_name == "button"
    active().send_keys(Keys.TAB)
    facet = active()
    filter_ = facet.get_attribute("data-filter")
    assert filter_.startswith("lang:")
    facet.send_keys(Keys.ENTER)
    wait_until(browser, lambda: filter_ in url_state(browser).get("q", ""), "the facet followed")
    wait_until(browser, lambda: active().get_attribute("data-filter") == filter_, "the focus kept on the facet")
    assert browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle") != "none"
