"""kbsearch serve: the real binary on a loopback port, over an index of
articles written out here in all five languages. Every endpoint, every
error path, reindexing and rollback while requests flow, and SIGTERM with
a request in flight."""

import fcntl
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.parse

import pytest

CLI = os.environ["KBSEARCH_CLI"]

# One article per language on resetting a password (one translation group,
# sharing the error code E-40213), and invoices in Swedish and Portuguese.
ARTICLES = {
    "reset-password-th": ("th", ["account", "password"], "ลืมรหัสผ่าน",
                          "หากคุณลืมรหัสผ่าน ให้คลิกลิงก์รีเซ็ตรหัสผ่านในหน้าเข้าสู่ระบบ รหัสข้อผิดพลาด E-40213"),
    "reset-password-sv": ("sv", ["account", "password"], "Glömt lösenordet",
                          "Om du har glömt ditt lösenord klickar du på länken för att återställa det. Felkod E-40213."),
    "reset-password-tr": ("tr", ["account", "password"], "Şifrenizi mi unuttunuz",
                          "Şifrenizi unuttuysanız giriş sayfasındaki sıfırlama bağlantısına tıklayın. Hata kodu E-40213."),
    "reset-password-sw": ("sw", ["account", "password"], "Umesahau nenosiri",
                          "Ikiwa umesahau nenosiri lako, bofya kiungo cha kuweka upya nenosiri. Msimbo wa hitilafu E-40213."),
    "reset-password-pt": ("pt", ["account", "password"], "Esqueceu a senha",
                          "Se você esqueceu a senha, clique no link para redefinir a senha. Código de erro E-40213."),
    "invoices-sv": ("sv", ["billing"], "Fakturor och betalning",
                    "Du hittar alla fakturor under Betalning i kontoinställningarna."),
    "invoices-pt": ("pt", ["billing"], "Faturas e pagamento",
                    "Você encontra todas as faturas em Pagamento nas configurações da conta."),
}


def article_text(article_id, title=None):
    lang, tags, default_title, body = ARTICLES[article_id]
    group = article_id.rsplit("-", 1)[0]
    return (f"---\nid: {article_id}\nlang: {lang}\ngroup: {group}\ntags: [{', '.join(tags)}]\n"
            f"updated: 2026-11-0{len(article_id) % 9 + 1}\n---\n# {title or default_title}\n\n{body}\n")


def run_cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=True).stdout


def make_index(root):
    articles = root / "articles"
    articles.mkdir()
    for article_id in ARTICLES:
        (articles / f"{article_id}.md").write_text(article_text(article_id), encoding="utf-8")
    db = root / "db"
    run_cli("index", "--db", str(db), str(articles))
    return articles, db


class Server:
    def __init__(self, db, *options):
        self.process = subprocess.Popen([CLI, "serve", "--db", str(db), "--port", "0", *options],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert line.startswith("listening on http://127.0.0.1:"), line + self.process.stderr.read()
        self.port = int(line.rsplit(":", 1)[1])

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode()
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            answer = None
            if response.getheader("Content-Type", "").startswith("application/json"):
                answer = json.loads(data.decode("utf-8"))
            return response.status, response, answer if answer is not None else data.decode("utf-8")
        finally:
            connection.close()

    def get(self, path, **params):
        query = urllib.parse.urlencode(params, doseq=True)
        return self.request("GET", path + ("?" + query if query else ""))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=60)
        self.process.stdout.close()
        self.process.stderr.close()
        return code


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return make_index(tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="module")
def server(index):
    running = Server(index[1], "--cors-origin", "https://help.example")
    yield running
    assert running.stop() == 0


def assert_error(answer, status, expected_status, code):
    assert status == expected_status, answer
    assert set(answer) == {"error"} and answer["error"]["code"] == code, answer
    assert answer["error"]["message"]


# --- endpoints ---------------------------------------------------------------

@pytest.mark.parametrize("lang,query,expected", [
    ("th", "ลืมรหัสผ่าน", "reset-password-th"),
    ("sv", "glömt lösenord", "reset-password-sv"),
    ("tr", "şifremi unuttum", "reset-password-tr"),
    ("sw", "nenosiri", "reset-password-sw"),
    ("pt", "esqueci a senha", "reset-password-pt"),
])
def test_search_answers_as_the_cli_does(server, index, lang, query, expected):
    status, _, answer = server.get("/search", q=query, lang=lang)
    assert status == 200
    assert answer["hits"][0]["id"] == expected
    assert "<mark>" in answer["hits"][0]["snippet_html"]
    cli = json.loads(run_cli("search", "--db", str(index[1]), "--lang", lang, "--json", query))
    assert answer == cli


def test_search_parameters(server):
    status, _, answer = server.get("/search", q="E-40213", lang="tr", limit=2, offset=1, all_translations="true",
                                   facets="false", snippets="false", sort="updated")
    assert status == 200
    assert [hit["rank"] for hit in answer["hits"]] == [2, 3]
    assert answer["facets"] == {"lang": [], "tags": []}
    assert all(hit["snippet"] == "" for hit in answer["hits"])
    status, _, answer = server.get("/search", q="E-40213", all_translations="true")
    assert answer["total"] == 5
    assert {f["value"]: f["count"] for f in answer["facets"]["lang"]} == {l: 1 for l in ("th", "sv", "tr", "sw", "pt")}


def test_repeated_tags_are_alternatives(server):
    status, _, answer = server.get("/search", q="E-40213 fakturor faturas", tag=["billing"], all_translations="true")
    assert status == 200
    assert sorted(hit["id"] for hit in answer["hits"]) == ["invoices-pt", "invoices-sv"]
    status, _, answer = server.get("/search", q="E-40213 fakturor faturas", tag=["billing", "password"],
                                   all_translations="true")
    assert len(answer["hits"]) == 7


def test_post_search_takes_every_field(server):
    status, _, answer = server.request("POST", "/search", {
        "query": "faturas", "lang": "pt", "limit": 1, "offset": 0, "tags": ["billing"], "sort": "relevance",
        "all_translations": True, "facets": True, "snippets": True, "snippet_chars": 30,
        "mark_pre": "[", "mark_post": "]", "recency_bonus": 0.5, "recency_days": 30})
    assert status == 200, answer
    hit = answer["hits"][0]
    assert hit["id"] == "invoices-pt"
    assert "[faturas]" in hit["snippet_html"]
    assert len(hit["snippet"]) <= 40
    assert answer["facets"]["tags"] == [{"value": "billing", "count": 1}]


@pytest.mark.parametrize("header,lang", [
    ("sv-SE,sv;q=0.9,en;q=0.8", "sv"),
    ("pt-BR", "pt"),
    ("en-US,th-TH;q=0.7,tr;q=0.5", "th"),
    ("de, tr;q=0.2, SW;q=0.9", "sw"),
    ("tr;q=0, pt;q=0.1", "pt"),
])
def test_accept_language_picks_the_translation(server, header, lang):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request("GET", "/search?q=E-40213", headers={"Accept-Language": header})
    answer = json.loads(connection.getresponse().read())
    connection.close()
    assert answer["hits"][0]["lang"] == lang


def test_lang_parameter_wins_over_accept_language(server):
    status, _, answer = server.request("GET", "/search?q=E-40213&lang=tr", headers={"Accept-Language": "sv"})
    assert answer["hits"][0]["lang"] == "tr"


@pytest.mark.parametrize("lang,typed,word,expected", [
    ("th", "ลืมรหัสผ", "ผ่าน", "reset-password-th"),
    ("sv", "glömt lösen", "lösenord", "reset-password-sv"),
    ("tr", "şifreni", "şifrenizi", "reset-password-tr"),
    ("sw", "umesahau nenos", "nenosiri", "reset-password-sw"),
    ("pt", "esqueceu a sen", "senha", "reset-password-pt"),
])
def test_suggest_completes_as_the_cli_does(server, index, lang, typed, word, expected):
    status, _, answer = server.get("/suggest", q=typed, lang=lang)
    assert status == 200, answer
    assert answer["completions"][0]["word"].startswith(word)
    assert answer["completions"][0]["query"].startswith(typed)
    assert answer["results"]["hits"][0]["id"] == expected
    cli = json.loads(run_cli("suggest", "--db", str(index[1]), "--lang", lang, "--json", typed))
    assert answer == cli


def test_suggest_parameters_and_errors(server):
    status, _, answer = server.get("/suggest", q="fak", lang="sv", limit=1, completions=1, snippets="false")
    assert status == 200, answer
    assert len(answer["completions"]) == 1 and answer["completions"][0]["word"].startswith("fak")
    assert [hit["id"] for hit in answer["results"]["hits"]] == ["invoices-sv"]
    assert answer["results"]["hits"][0]["snippet"] == ""
    status, _, answer = server.request("GET", "/suggest?q=fatu", headers={"Accept-Language": "pt-BR"})
    assert answer["results"]["hits"][0]["id"] == "invoices-pt"
    status, _, answer = server.get("/suggest", q="sen", completions=50)
    assert_error(answer, status, 400, "invalid_query")
    status, _, answer = server.get("/suggest", q="(sen")
    assert_error(answer, status, 400, "invalid_query")
    status, _, answer = server.get("/suggest", lang="sv")
    assert_error(answer, status, 400, "missing_parameter")
    status, _, answer = server.get("/suggest", q="sen", n="3")
    assert_error(answer, status, 400, "unknown_parameter")


def test_get_article(server):
    status, _, answer = server.get("/articles/reset-password-sw")
    assert status == 200
    assert answer["title"] == "Umesahau nenosiri"
    assert answer["lang"] == "sw" and answer["group"] == "reset-password"
    assert answer["tags"] == ["account", "password"]
    assert "E-40213" in answer["sections"][0]["text"]
    status, _, answer = server.get("/articles/no-such-article")
    assert_error(answer, status, 404, "not_found")


def test_analyze(server):
    status, _, answer = server.get("/analyze", lang="tr", text="Kullanıcıların şifreleri")
    assert status == 200 and answer["lang"] == "tr"
    assert [t["term"] for t in answer["tokens"]] == ["kullanıcıların", "şifreleri"]
    assert [(t["start"], t["end"]) for t in answer["tokens"]] == [(0, 17), (18, 28)]
    cli = json.loads(run_cli("analyze", "--lang", "tr", "--json", "Kullanıcıların şifreleri"))
    assert answer == cli
    status, _, answer = server.get("/analyze", lang="th", text="ลืมรหัสผ่าน")
    assert len(answer["tokens"]) >= 2
    assert "".join(t["text"] for t in answer["tokens"]) == "ลืมรหัสผ่าน"
    status, _, answer = server.get("/analyze", lang="12", text="ord")
    assert_error(answer, status, 400, "unknown_language")
    status, _, answer = server.get("/analyze", text="ord")
    assert_error(answer, status, 400, "missing_parameter")


def test_health(server):
    status, _, answer = server.get("/health")
    assert status == 200
    assert answer["status"] == "ok" and answer["articles"] == 7 and answer["generation"] >= 1
    assert answer["languages"] == ["pt", "sv", "sw", "th", "tr"]


def test_metrics(server):
    server.get("/search", q="nenosiri")
    server.get("/suggest", q="nenos")
    server.get("/nowhere")
    status, response, text = server.get("/metrics")
    assert status == 200 and response.getheader("Content-Type").startswith("text/plain")
    lines = text.splitlines()
    count = next(l for l in lines if l.startswith('kbsearch_http_requests_total{endpoint="search",status="200"}'))
    assert int(count.split()[-1]) >= 1
    assert any(l.startswith('kbsearch_http_requests_total{endpoint="suggest",status="200"}') for l in lines)
    assert any(l.startswith('kbsearch_http_requests_total{endpoint="none",status="404"}') for l in lines)
    assert any(l.startswith('kbsearch_http_request_duration_seconds_bucket{endpoint="search",le="+Inf"}')
               for l in lines)
    assert any(l.startswith("kbsearch_index_generation ") and int(l.split()[-1]) >= 1 for l in lines)
    assert "kbsearch_index_articles 7" in lines


def test_cors(server):
    status, response, _ = server.request("GET", "/health", headers={"Origin": "https://help.example"})
    assert response.getheader("Access-Control-Allow-Origin") == "https://help.example"
    status, response, _ = server.request("GET", "/health", headers={"Origin": "https://evil.example"})
    assert response.getheader("Access-Control-Allow-Origin") is None
    status, response, _ = server.request("OPTIONS", "/search", headers={
        "Origin": "https://help.example", "Access-Control-Request-Method": "POST"})
    assert status == 204
    assert "POST" in response.getheader("Access-Control-Allow-Methods")


# --- errors ------------------------------------------------------------------

@pytest.mark.parametrize("params,status,code,words", [
    ({"q": "(senha"}, 400, "invalid_query", "character 1"),
    ({"q": "senha )"}, 400, "invalid_query", "character 7"),
    ({"q": "x" * 5000}, 400, "invalid_query", ""),
    ({"q": "senha", "lang": "12"}, 400, "invalid_query", "unknown language code '12'"),
    ({"q": "senha", "limit": "ten"}, 400, "invalid_parameter", "limit"),
    ({"q": "senha", "limit": "-1"}, 400, "invalid_parameter", "limit"),
    ({"q": "senha", "limit": "100000"}, 400, "invalid_query", ""),
    ({"q": "senha", "facets": "maybe"}, 400, "invalid_parameter", "facets"),
    ({"q": "senha", "sort": "random"}, 400, "invalid_parameter", "sort"),
    ({"q": "senha", "colour": "red"}, 400, "unknown_parameter", "colour"),
    ({"q": "senha", "lang": ["pt", "sv"]}, 400, "invalid_parameter", "lang"),
    ({"q": "senha", "tag": 'a"b'}, 400, "invalid_parameter", "tag"),
    ({"lang": "pt"}, 400, "missing_parameter", "q"),
])
def test_bad_search_parameters(server, params, status, code, words):
    got, _, answer = server.get("/search", **params)
    assert got == status, answer
    assert answer["error"]["code"] == code, answer
    assert words in answer["error"]["message"]


def test_invalid_utf8_is_a_client_error(server):
    status, _, answer = server.request("GET", "/search?q=senha%FF%FE")
    assert_error(answer, status, 400, "invalid_query")
    status, _, answer = server.request("GET", "/articles/%FF")
    assert status in (400, 404) and "error" in answer


@pytest.mark.parametrize("body,code", [
    (b"{not json", "invalid_json"),
    (b"[1, 2]", "invalid_json"),
    (b'{"query": 5}', "invalid_parameter"),
    (b'{"query": "senha", "limit": -3}', "invalid_parameter"),
    (b'{"query": "senha", "limit": 2.5}', "invalid_parameter"),
    (b'{"query": "senha", "tags": [1]}', "invalid_parameter"),
    (b'{"query": "senha", "facets": "yes"}', "invalid_parameter"),
    (b'{"query": "senha", "colour": "red"}', "unknown_parameter"),
    (b'{"lang": "pt"}', "missing_parameter"),
    (b'{"query": "(senha"}', "invalid_query"),
])
def test_bad_search_bodies(server, body, code):
    status, _, answer = server.request("POST", "/search", body, {"Content-Type": "application/json"})
    assert_error(answer, status, 400, code)


def test_limits(server):
    status, _, answer = server.request("POST", "/search", b'{"query": "' + b"a" * (100 * 1024) + b'"}')
    assert_error(answer, status, 413, "payload_too_large")
    status, _, answer = server.request("PUT", "/articles/x", b"a" * (9 << 20))
    assert_error(answer, status, 413, "payload_too_large")
    status, _, answer = server.request("GET", "/search?q=" + "a" * 9000)
    assert_error(answer, status, 414, "uri_too_long")
    status, _, answer = server.request("GET", "/articles/" + "a" * 2000)
    assert_error(answer, status, 414, "uri_too_long")
    status, _, answer = server.get("/analyze", lang="sv", text="ord " * 2100)
    assert status in (400, 414) and "error" in answer


def test_wrong_method_and_unknown_path(server):
    status, response, answer = server.request("DELETE", "/search")
    assert_error(answer, status, 405, "method_not_allowed")
    assert response.getheader("Allow") == "GET, HEAD, POST, OPTIONS"
    status, response, answer = server.request("PATCH", "/health", b"{}")
    assert_error(answer, status, 405, "method_not_allowed")
    status, _, answer = server.request("POST", "/articles/reset-password-sv", b"text")
    assert_error(answer, status, 405, "method_not_allowed")
    for path in ("/nowhere", "/index.html", "/articles/", "/search/more"):  # / is the search page
        status, _, answer = server.get(path)
        assert_error(answer, status, 404, "not_found")


def test_writes_refused_without_a_token_file(server):
    status, _, answer = server.request("PUT", "/articles/new", b"# New\n\nText.")
    assert_error(answer, status, 403, "writes_disabled")
    status, _, answer = server.request("DELETE", "/articles/reset-password-sv")
    assert_error(answer, status, 403, "writes_disabled")
    assert server.get("/articles/new")[0] == 404


def test_malformed_http_gets_a_json_error(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(b"BREW /search HTTP/1.1\r\nHost: x\r\n\r\n")
        # The head and the body may come in separate segments (the server
        # sets TCP_NODELAY): read the head, then as much body as it says.
        data = b""
        while b"\r\n\r\n" not in data and (chunk := s.recv(65536)):
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        while length and len(body) < int(length.group(1)) and (chunk := s.recv(65536)):
            body += chunk
        reply = (head + b"\r\n\r\n" + body).decode("utf-8", "replace")
    assert reply.startswith("HTTP/1.1 400")
    assert '"error"' in reply


def test_the_server_survives_every_error(server):
    assert server.get("/health")[0] == 200


# --- writes ------------------------------------------------------------------

@pytest.fixture()
def writable(tmp_path):
    articles, db = make_index(tmp_path)
    token = tmp_path / "token"
    token.write_text("s3cret-token\n")
    running = Server(db, "--write-token", str(token))
    yield running, db
    assert running.stop() == 0


def test_put_and_delete_articles(writable):
    server, _ = writable
    auth = {"Authorization": "Bearer s3cret-token"}
    text = "---\ntitle: Kuweka upya nenosiri\ntags: [account]\n---\n# Kuweka upya\n\nBofya kiungo cha barua pepe."
    status, _, answer = server.request("PUT", "/articles/put-sw", text.encode(), {"Authorization": "Bearer wrong"})
    assert_error(answer, status, 401, "unauthorized")
    status, _, answer = server.request("PUT", "/articles/put-sw", text.encode())
    assert_error(answer, status, 401, "unauthorized")
    status, _, answer = server.request("PUT", "/articles/put-sw", text.encode(), auth)
    assert status == 201 and answer["added"] == 1, answer
    status, _, answer = server.get("/articles/put-sw")
    assert answer["title"] == "Kuweka upya nenosiri" and answer["markdown"] == text
    status, _, answer = server.get("/search", q="barua pepe", lang="sw")
    assert answer["hits"][0]["id"] == "put-sw"
    status, _, answer = server.request("PUT", "/articles/put-sw", text.encode(), auth)
    assert status == 200 and answer["unchanged"] == 1

    for bad in (b"# Mbaya\n\n\xff\xfe", b"---\ntitle: [unclosed\n---\ntext", b"nul \x00 byte"):
        status, _, answer = server.request("PUT", "/articles/put-sw", bad, auth)
        assert_error(answer, status, 400, "invalid_article")
    status, _, answer = server.get("/articles/put-sw")
    assert answer["markdown"] == text  # nothing lost
    status, _, answer = server.request("PUT", "/articles/reset-password-sv", b"# Mine\n", auth)
    assert_error(answer, status, 400, "invalid_article")  # owned by its file

    status, _, answer = server.request("DELETE", "/articles/put-sw", None, auth)
    assert status == 200 and answer["deleted"] == 1
    assert server.get("/articles/put-sw")[0] == 404
    status, _, answer = server.request("DELETE", "/articles/put-sw", None, auth)
    assert_error(answer, status, 404, "not_found")
    assert server.get("/health")[2]["articles"] == 7


def test_put_waits_for_the_index_lock(writable):
    server, db = writable
    auth = {"Authorization": "Bearer s3cret-token"}
    with open(db / "kbsearch.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        release = threading.Timer(1.0, lambda: fcntl.flock(lock, fcntl.LOCK_UN))
        release.start()
        started = time.monotonic()
        status, _, answer = server.request("PUT", "/articles/after-lock", b"# Baada\n\nMaandishi.", auth)
        release.join()
    assert status == 201, answer
    assert time.monotonic() - started >= 0.9


def test_put_answers_503_while_the_index_stays_locked(writable):
    server, db = writable
    with open(db / "kbsearch.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        status, response, answer = server.request("PUT", "/articles/locked", b"# Locked\n",
                                                  {"Authorization": "Bearer s3cret-token"})
    assert_error(answer, status, 503, "index_locked")
    assert response.getheader("Retry-After")
    assert server.get("/articles/locked")[0] == 404


# --- the index changing under the server ---------------------------------------

def test_reindex_rebuild_and_rollback_while_serving(tmp_path):
    articles, db = make_index(tmp_path)
    server = Server(db, "--threads", "4")
    failures, answers = [], []
    done = threading.Event()

    def keep_asking():
        while not done.is_set():
            try:
                status, _, answer = server.get("/search", q="E-40213", lang="sv")
                if status != 200:
                    failures.append(answer)
                else:
                    answers.append(answer["hits"][0]["title"])
                status, _, answer = server.get("/articles/reset-password-sv")
                if status != 200:
                    failures.append(answer)
            except Exception as error:  # noqa: BLE001 - any failure is a failed request
                failures.append(repr(error))

    clients = [threading.Thread(target=keep_asking) for _ in range(3)]
    for client in clients:
        client.start()

    def wait_for_title(title):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if server.get("/articles/reset-password-sv")[2]["title"] == title:
                return
            time.sleep(0.05)
        raise AssertionError("never saw " + title)

    try:
        source = articles / "reset-password-sv.md"
        generation = server.get("/health")[2]["generation"]
        source.write_text(article_text("reset-password-sv", "Lösenordet nollställt"), encoding="utf-8")
        run_cli("index", "--db", str(db), str(articles))
        wait_for_title("Lösenordet nollställt")
        assert server.get("/search", q="nollställt", lang="sv")[2]["hits"][0]["id"] == "reset-password-sv"

        source.write_text(article_text("reset-password-sv", "Byggt om på nytt"), encoding="utf-8")
        run_cli("index", "--db", str(db), "--rebuild", str(articles))
        wait_for_title("Byggt om på nytt")
        assert server.get("/health")[2]["generation"] == generation + 1

        run_cli("rollback", "--db", str(db))
        wait_for_title("Lösenordet nollställt")
        health = server.get("/health")[2]
        assert health["generation"] == generation and health["articles"] == 7
        time.sleep(0.3)
    finally:
        done.set()
        for client in clients:
            client.join()
        code = server.stop()
    assert failures == []
    assert len(answers) > 10
    assert {"Glömt lösenordet", "Lösenordet nollställt", "Byggt om på nytt"} >= set(answers)
    assert code == 0


# --- load and shutdown ----------------------------------------------------------

def read_http_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")))
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head.decode(), json.loads(body)


def test_sigterm_finishes_requests_in_flight(index):
    server = Server(index[1], "--threads", "4")
    body = json.dumps({"query": "nenosiri", "lang": "sw"}).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(b"POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
        time.sleep(0.3)  # the request is read in part: in flight
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None, "exited with a request in flight"
        s.sendall(body[10:])
        head, answer = read_http_response(s)
    assert head.startswith("HTTP/1.1 200"), head
    assert answer["hits"][0]["id"] == "reset-password-sw"
    assert server.process.wait(timeout=30) == 0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=5).close()
    server.stop()


def test_sigint_stops_an_idle_server(index):
    server = Server(index[1])
    assert server.get("/health")[0] == 200
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=30) == 0
    server.stop()


def test_connections_over_the_limit_get_503(index):
    server = Server(index[1], "--threads", "1", "--max-in-flight", "1")
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as held:
            held.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            head, answer = read_http_response(held)  # kept alive: it holds the one worker
            assert head.startswith("HTTP/1.1 200")
            status, response, answer = server.get("/health")
            assert_error(answer, status, 503, "overloaded")
            assert response.getheader("Retry-After")
        deadline = time.monotonic() + 30
        while server.get("/health")[0] != 200:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        assert server.stop() == 0


def test_a_request_that_waited_past_the_time_limit_gets_503(index):
    server = Server(index[1], "--threads", "1", "--max-in-flight", "2", "--time-limit-ms", "300")
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as held:
            held.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            read_http_response(held)
            waiting = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            waiting.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            time.sleep(0.6)
        head, answer = read_http_response(waiting)  # served once the held connection closed
        waiting.close()
        assert head.startswith("HTTP/1.1 503"), head
        assert answer["error"]["code"] == "overloaded" and "time limit" in answer["error"]["message"]
    finally:
        assert server.stop() == 0
