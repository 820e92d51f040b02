#!/usr/bin/env python3
"""Load test of `kbsearch serve`: wrk against /search and /suggest, and the
same requests answered in process, on a generated knowledge base.

Usage:
  bench/load_test.py --build build --dir /tmp/bench20k [--articles 20000]
      [--connections 1,8,64] [--seconds 10] [--threads N]

DIR/articles is the corpus bench_search generates (made here with it when
missing); DIR/index-serve is indexed with `kbsearch index` when missing or
unusable. Requests: every query of bench/query_sets.cc (printed by
build/bench/print_queries) as GET /search with its language (facets and
snippets: the default search), and every prefix of those queries typed
letter by letter (a letter with its combining marks, so Thai vowels and tone
marks come with their consonant) as GET /suggest. wrk (Debian package wrk)
sends them in turn over keep-alive connections for --seconds each, at each
connection count, and reports throughput and p50/p99 latency. In process, the
same requests go through one Searcher in one thread of this script (the
Python package over the C API, results made into Python objects as the
server makes them into JSON): the server's overhead is its p50 over the
in-process p50 at one connection. Answers other than 200 are counted in the table.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WRK_SCRIPT = r"""
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local paths = {}
local next_path = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  -- Each wrk thread starts at another place in the list.
  next_path = (id * 7919) % #paths
end
function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
"""


def letters(text):
    """Splits text into letters, each with the combining marks after it."""
    out = []
    for ch in text:
        if out and unicodedata.category(ch).startswith("M"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def typed_prefixes(query):
    """Every prefix of a query typed letter by letter, operators left out."""
    words = re.sub(r'["*()]|\b(lang|tag):\S+', " ", query).split()
    text = " ".join(words)
    pieces = letters(text)
    return ["".join(pieces[: i + 1]) for i in range(len(pieces)) if not pieces[i].isspace()]


def percentile(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(p * (len(s) - 1) + 0.5))]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def prepare(args, kbsearch):
    articles = os.path.join(args.dir, "articles")
    if not os.path.isdir(articles):
        print(f"generating {args.articles} articles in {articles}", file=sys.stderr)
        run([os.path.join(args.build, "bench", "bench_search"), f"--articles={args.articles}",
             f"--dir={args.dir}", "--benchmark_filter=^$"], stdout=subprocess.DEVNULL)
    index = os.path.join(args.dir, "index-serve")
    usable = os.path.isdir(index) and subprocess.run(
        [kbsearch, "search", "--db", index, "--limit", "1", "--no-snippets", "--no-facets", "senha"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if not usable:
        print(f"indexing {articles} into {index}", file=sys.stderr)
        run([kbsearch, "index", "--db", index, "--rebuild", "--threads", "2", articles],
            stdout=subprocess.DEVNULL)
    return index


def query_list(args):
    out = run([os.path.join(args.build, "bench", "print_queries")], capture_output=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def in_process(build, index, endpoint, lines):
    """p50, p99 (ms) and answers/s of the same requests through the Python
    package (the C API in this process), one Searcher, one thread."""
    sys.path.insert(0, os.path.join(TOP, "python"))
    os.environ.setdefault("KBSEARCH_LIBRARY", os.path.abspath(os.path.join(build, "libkbsearch.so.0")))
    import kbsearch

    searcher = kbsearch.Searcher(index)
    call = searcher.search if endpoint == "search" else searcher.suggest
    took = []
    for measured in (False, True, True, True):  # the first pass warms the caches
        for lang, q in lines:
            start = time.perf_counter()
            call(q, lang=lang)
            if measured:
                took.append(1000.0 * (time.perf_counter() - start))
    searcher.close()
    return percentile(took, 0.5), percentile(took, 0.99), 1000.0 * len(took) / sum(took)


def start_server(kbsearch, index, threads):
    cmd = [kbsearch, "serve", "--db", index, "--port", "0"]
    if threads:
        cmd += ["--threads", str(threads)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = server.stdout.readline()
    match = re.match(r"listening on (http://\S+)", first)
    if not match:
        server.kill()
        sys.exit(f"kbsearch serve did not start: {first!r}")
    return server, match.group(1)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, paths_file, script, connections, seconds):
    # wrk's own 2 s timeout would count a slow answer as a failure; a
    # server that answers late is measured, not failed.
    out = run(["wrk", "--latency", "--timeout", "60s", "-t", str(min(2, connections)), "-c", str(connections),
               "-d", f"{seconds}s", "-s", script, url, "--", paths_file], capture_output=True).stdout
    # Answers other than 200 (the server's 503 when connections wait past its
    # time limit for a worker) and socket errors are counted, not hidden.
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    failed = f"{int(bad.group(1)) if bad else 0} of {total}" + (f" ({errors.group(1)})" if errors else "")
    dist = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return to_ms(dist["50"]), to_ms(dist["99"]), rps, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--connections", default="1,8,64")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--threads", type=int, default=0, help="server worker threads (default: the server's)")
    args = ap.parse_args()
    kbsearch = os.path.join(args.build, "kbsearch")
    index = prepare(args, kbsearch)
    queries = query_list(args)
    search_lines = [(lang, q) for _, lang, q in queries]
    suggest_lines = [(lang, p) for _, lang, q in queries for p in typed_prefixes(q)]
    endpoints = {
        "search": (search_lines, lambda lang, q: "/search?" + urllib.parse.urlencode({"q": q, "lang": lang})),
        "suggest": (suggest_lines, lambda lang, q: "/suggest?" + urllib.parse.urlencode({"q": q, "lang": lang})),
    }
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "paths.lua")
        with open(script, "w") as f:
            f.write(WRK_SCRIPT)
        server, url = start_server(kbsearch, index, args.threads)
        try:
            rows = []
            for name, (lines, path_of) in endpoints.items():
                paths_file = os.path.join(tmp, name + ".paths")
                with open(paths_file, "w", encoding="utf-8") as f:
                    f.writelines(path_of(lang, q) + "\n" for lang, q in lines)
                p50, p99, rate = in_process(args.build, index, name, lines)
                rows.append((name, "in process, 1 thread", len(lines), p50, p99, rate, None, ""))
                wrk(url, paths_file, script, 1, 2)  # warm-up
                for c in [int(c) for c in args.connections.split(",")]:
                    s50, s99, srate, failed = wrk(url, paths_file, script, c, args.seconds)
                    rows.append((name, f"server, {c} connection{'s' if c > 1 else ''}", len(lines), s50, s99,
                                 srate, s50 / p50 if c == 1 else None, failed))
        finally:
            server.terminate()
            server.wait()
    articles = sum(len(files) for _, _, files in os.walk(os.path.join(args.dir, "articles")))
    print(f"\n{articles} articles; {len(search_lines)} searches, {len(suggest_lines)} typed prefixes\n")
    print("| endpoint | client | requests in the list | p50 ms | p99 ms | answers/s | p50 / in process | not 200 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, client, n, p50, p99, rate, ratio, failed in rows:
        print(f"| /{name} | {client} | {n} | {p50:.2f} | {p99:.2f} | {rate:.0f} | "
              f"{'' if ratio is None else f'{ratio:.2f}'} | {failed} |")


if __name__ == "__main__":
    main()
