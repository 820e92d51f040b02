#!/usr/bin/env python3
"""Compare the rankings and snippets of two kbsearch builds, query by query.

For a change that must not change results (a refactoring of the analysis or
of the reader), this indexes the same articles with each build's `kbsearch`
and answers the same queries with each (`search --queries`, snippets and
facets on, as a user gets them), then compares every answer field by field:
ids, ranks, scores, snippets, highlights, sections, facets, suggestions.

    bench/compare_builds.py --before OLD/build --after NEW/build --work /tmp/cmp \\
        --set corpus tests/relevance/queries.tsv \\
        --set /tmp/realrel/corpus tests/relevance/real/short-queries.tsv \\
        --sample 1000

A query file is `id<TAB>lang<TAB>query` (the relevance collections) or
`lang<TAB>query`. --sample N indexes the first N articles (by name) of each
language directory of a corpus instead of all of them. Exits 1 on any
difference, naming the first few.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def sample_tree(corpus, per_dir, into):
    """A copy of `corpus` with at most `per_dir` article files per directory."""
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        articles = sorted(f for f in files if f.endswith((".md", ".markdown", ".txt")))
        if per_dir:
            articles = articles[:per_dir]
        target = os.path.join(into, os.path.relpath(root, corpus))
        os.makedirs(target, exist_ok=True)
        for name in articles:
            shutil.copyfile(os.path.join(root, name), os.path.join(target, name))


def query_lines(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3:
                lines.append(fields[1] + "\t" + fields[2])
            elif len(fields) == 2:
                lines.append(line.rstrip("\n"))
    return lines


def answers(kbsearch, db, queries):
    out = subprocess.run(
        [kbsearch, "search", "--db", db, "--queries", "-", "-n", "10"],
        input="\n".join(queries) + "\n", capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"{kbsearch} search failed ({out.returncode}): {out.stderr}")
    result = []
    for line in out.stdout.splitlines():
        answer = json.loads(line)
        answer.pop("took_ms", None)  # the only field that may differ
        result.append(answer)
    return result


def first_difference(a, b, path=""):
    if type(a) is not type(b):
        return path or "/"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key}"
            found = first_difference(a[key], b[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} against {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}/{i}")
            if found:
                return found
        return None
    return None if a == b else path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="build directory holding kbsearch")
    parser.add_argument("--after", required=True, help="build directory holding kbsearch")
    parser.add_argument("--work", required=True, help="scratch directory (emptied)")
    parser.add_argument("--set", nargs=2, action="append", required=True,
                        metavar=("CORPUS", "QUERIES"), help="articles and the queries over them")
    parser.add_argument("--sample", type=int, default=0,
                        help="index at most this many articles per directory (0: all)")
    args = parser.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    differences = []
    compared_queries = compared_hits = 0
    for n, (corpus, queries_file) in enumerate(args.set):
        articles = os.path.join(args.work, f"articles-{n}")
        sample_tree(corpus, args.sample, articles)
        queries = query_lines(queries_file)
        results = {}
        for side, build in (("before", args.before), ("after", args.after)):
            kbsearch = os.path.join(build, "kbsearch")
            db = os.path.join(args.work, f"{side}-{n}")
            subprocess.run([kbsearch, "index", "--db", db, "--quiet", articles], check=True)
            results[side] = answers(kbsearch, db, queries)
        for query, before, after in zip(queries, results["before"], results["after"]):
            compared_queries += 1
            compared_hits += len(before.get("hits", []))
            where = first_difference(before, after)
            if where:
                differences.append(f"{queries_file}: {query!r}: differs at {where}")
        if len(results["before"]) != len(results["after"]):
            differences.append(f"{queries_file}: {len(results['before'])} answers against "
                               f"{len(results['after'])}")
    print(f"{compared_queries} queries, {compared_hits} hits compared "
          f"(ids, ranks, scores, snippets, highlights, facets, suggestions)")
    for line in differences[:10]:
        print("DIFFERENT: " + line)
    if differences:
        print(f"{len(differences)} queries answered differently")
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
