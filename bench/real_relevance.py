#!/usr/bin/env python3
"""kbsearch against the plain baseline on the real-article relevance collection.

Usage:
  bench/real_relevance.py --bigcorpus ../shared/bigcorpus --work /tmp/realrel \
      [--build build] [--reuse-indexes] [--save NAME.json] [--compare OLD.json]

Unpacks bigcorpus into WORK/corpus, removes each known item's text from its
article (tests/relevance/real/known-items.tsv), writes the queries and
judgments, indexes the 27,065 articles with kbsearch and with the plain baseline
(bench/relevance_baseline.cc), runs every query through `kbsearch eval` with the
query's language given (--lang) and without it, and through the baseline, and
prints MRR@10 per language and query type side by side. --save keeps the
per-query results; --compare prints an earlier saved run beside this one.
The collection: tests/relevance/real/README.md. Nothing of bigcorpus is written
outside WORK.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
COLLECTION = os.path.join(TOP, "tests", "relevance", "real")
LANGS = ["th", "sv", "sw", "tr", "pt"]
TYPES = ["short", "description", "sentence"]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def unpack(bigcorpus, corpus):
    if os.path.isdir(corpus):
        shutil.rmtree(corpus)
    os.makedirs(corpus)
    for lang in LANGS:
        subprocess.run(["tar", "-xzf", os.path.join(bigcorpus, f"{lang}.tar.gz"), "-C", corpus], check=True)


def cut_known_items(corpus):
    """Removes each known item's text from its article; returns id -> (lang, type, text)."""
    items = {}
    by_file = {}
    for qid, lang, qtype, doc, line, start, length, sha in read_tsv(os.path.join(COLLECTION, "known-items.tsv")):
        by_file.setdefault((lang, doc), []).append((qid, qtype, int(line), int(start), int(length), sha))
    for (lang, doc), cuts in by_file.items():
        path = os.path.join(corpus, lang, doc + ".md")
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        for qid, qtype, line, start, length, sha in sorted(cuts, key=lambda c: (c[2], -c[3])):
            raw = lines[line - 1]
            piece = raw[start:start + length]
            if hashlib.sha1(piece).hexdigest()[:12] != sha:
                sys.exit(f"{qid}: {path} line {line} is not the text the collection was made from")
            lines[line - 1] = (raw[:start] + raw[start + length:]).replace(b"  ", b" ").strip()
            items[qid] = (lang, qtype, piece.decode("utf-8"))
        with open(path, "wb") as f:
            f.write(b"\n".join(lines))
    return items


def write_queries(work, items):
    # A tab inside the text is typed as a space: the query files are TSV.
    queries = [(qid, lang, qtype, text.replace("\t", " ")) for qid, (lang, qtype, text) in items.items()]
    known = {row[0]: row[3] for row in read_tsv(os.path.join(COLLECTION, "known-items.tsv"))}
    qrels = [(qid, known[qid], 2) for qid in items]
    for qid, lang, text in read_tsv(os.path.join(COLLECTION, "short-queries.tsv")):
        queries.append((qid, lang, "short", text))
    qrels += [tuple(row) for row in read_tsv(os.path.join(COLLECTION, "short-qrels.tsv"))]
    types = {}
    with open(os.path.join(work, "queries-lang.tsv"), "w", encoding="utf-8") as with_lang, \
            open(os.path.join(work, "queries-nolang.tsv"), "w", encoding="utf-8") as without:
        for qid, lang, qtype, text in sorted(queries):
            with_lang.write(f"{qid}\t{lang}\t{text}\n")
            without.write(f"{qid}\t\t{text}\n")
            types[qid] = (lang, qtype)
    with open(os.path.join(work, "qrels.tsv"), "w", encoding="utf-8") as f:
        for qid, doc, grade in qrels:
            f.write(f"{qid}\t{doc}\t{grade}\n")
    return types


def timed(label, command, **kwargs):
    began = time.monotonic()
    result = subprocess.run(command, check=True, **kwargs)
    print(f"{label}: {time.monotonic() - began:.1f} s", file=sys.stderr)
    return result


def evaluate(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return {q["id"]: q for q in json.loads(out)["queries"]}


def table(runs, types):
    """MRR@10 per language x type for each named run, Markdown."""
    names = list(runs)
    header = "| lang | type | queries | " + " | ".join(names) + " |"
    lines = [header, "|" + "---|" * (3 + len(names))]
    cells = [(lang, qtype) for lang in LANGS for qtype in TYPES] + [("all", qtype) for qtype in TYPES] + [("all", "all")]
    for lang, qtype in cells:
        ids = [q for q, (l, t) in types.items() if lang in ("all", l) and qtype in ("all", t)]
        if not ids:
            continue
        row = [f"{sum(runs[n][q]['rr'] for q in ids) / len(ids):.3f}" for n in names]
        lines.append(f"| {lang} | {qtype} | {len(ids)} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bigcorpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    ap.add_argument("--reuse-indexes", action="store_true", help="keep WORK's indexes (only the queries change)")
    ap.add_argument("--save", help="write this run's per-query results here")
    ap.add_argument("--compare", help="a run saved earlier with --save, printed beside this one")
    args = ap.parse_args()
    if not os.path.isdir(args.bigcorpus):
        sys.exit(f"{args.bigcorpus}: no such directory (the real-article collection needs ../shared/bigcorpus)")
    os.makedirs(args.work, exist_ok=True)
    corpus = os.path.join(args.work, "corpus")
    kbsearch = os.path.join(args.build, "kbsearch")
    baseline = os.path.join(args.build, "bench", "relevance_baseline")
    kb_db, base_db = os.path.join(args.work, "kbsearch-db"), os.path.join(args.work, "baseline-db")
    if not args.reuse_indexes or not os.path.isdir(corpus):
        unpack(args.bigcorpus, corpus)
        items = cut_known_items(corpus)
        with open(os.path.join(args.work, "known-items.json"), "w", encoding="utf-8") as f:
            json.dump(items, f, ensure_ascii=False)
    else:
        with open(os.path.join(args.work, "known-items.json"), encoding="utf-8") as f:
            items = {k: tuple(v) for k, v in json.load(f).items()}
    types = write_queries(args.work, items)
    if not args.reuse_indexes or not os.path.isdir(kb_db):
        shutil.rmtree(kb_db, ignore_errors=True)
        shutil.rmtree(base_db, ignore_errors=True)
        timed("kbsearch index", [kbsearch, "index", "--db", kb_db, "--commit-every", "5000", corpus],
              stdout=subprocess.DEVNULL)
        timed("baseline index", [baseline, "index", "--db", base_db, corpus])
    qrels = os.path.join(args.work, "qrels.tsv")
    runs = {}
    for name, queries in (("kbsearch --lang", "queries-lang.tsv"), ("kbsearch", "queries-nolang.tsv")):
        began = time.monotonic()
        runs[name] = evaluate([kbsearch, "eval", "--db", kb_db, "--queries", os.path.join(args.work, queries),
                               "--qrels", qrels, "--json"])
        print(f"{name} eval: {time.monotonic() - began:.1f} s", file=sys.stderr)
    runs["baseline"] = evaluate([baseline, "eval", "--db", base_db, "--queries",
                                 os.path.join(args.work, "queries-lang.tsv"), "--qrels", qrels])
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump(runs, f, ensure_ascii=False)
    if args.compare:
        with open(args.compare, encoding="utf-8") as f:
            before = json.load(f)
        shown = {"baseline": runs["baseline"]}
        for name in ("kbsearch --lang", "kbsearch"):
            shown[f"{name} before"] = before[name]
            shown[f"{name} after"] = runs[name]
        print(table(shown, types))
    else:
        print(table(runs, types))


if __name__ == "__main__":
    main()
