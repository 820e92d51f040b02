#!/usr/bin/env python3
"""Chooses the known-item queries of the real-article relevance collection.

Usage: bench/make_known_items.py BIGCORPUS_DIR > tests/relevance/real/known-items.tsv

BIGCORPUS_DIR is an unpacked ../shared/bigcorpus (th/ sv/ sw/ tr/ pt/). For each
language it picks 100 "description" items (an article's first prose paragraph,
cut to its leading sentences: what a "describe your problem" box or a chat bot
sends) and 100 "sentence" items (one sentence from further down: what a user
pastes), each from a different article. The harness (bench/real_relevance.py)
removes the item's text from its article before indexing, so the article must
be found from the rest of it, as a known item.

The output holds no corpus text, only where the text is: query_id, lang, type,
doc_id, line (1-based), byte offset and byte length in that line, and the first
12 hex digits of the text's SHA-1, so a changed corpus is noticed. Picks are
deterministic: articles are visited in the order of the SHA-1 of their id.
"""
import hashlib
import os
import re
import sys

LANGS = ["th", "sv", "sw", "tr", "pt"]
PER_TYPE = 100
# Prose only: no Markdown syntax, tables, HTML or links in the cut text.
MARKUP = re.compile(r"[|<>`*\[\]{}#_\\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
THAI = re.compile(r"[\u0e00-\u0e7f]")


def words(text):
    return len(text.split())


def sentences(paragraph, lang):
    if lang == "th":
        # Thai writes no sentence punctuation; a space ends a clause or sentence.
        return [s for s in paragraph.split(" ") if s]
    return [s for s in SENTENCE_END.split(paragraph) if s]


def fits_sentence(s, lang):
    if lang == "th":
        return 40 <= len(s) <= 200 and len(THAI.findall(s)) >= 0.6 * len(s)
    return 8 <= words(s) <= 30 and s[-1] in ".!?"


def description_of(paragraph, lang):
    """The paragraph's leading sentences, as long as a description is."""
    limit_ok = (lambda t: len(t) <= 200) if lang == "th" else (lambda t: words(t) <= 40)
    text = ""
    for s in sentences(paragraph, lang):
        longer = (text + " " + s) if text else s
        if not limit_ok(longer):
            break
        text = longer
    if not text:
        return None
    enough = len(text) >= 60 if lang == "th" else words(text) >= 8
    return text if enough else None


def parse(path):
    with open(path, "rb") as f:
        raw = f.read()
    lines = raw.decode("utf-8").split("\n")
    title, body_from = "", 0
    if lines and lines[0] == "---":
        for i in range(1, len(lines)):
            if lines[i].startswith("title:"):
                title = lines[i][6:].strip().strip('"')
            if lines[i] == "---":
                body_from = i + 1
                break
    return title, lines, body_from


def prose_lines(lines, body_from, title):
    """(index, text) of lines that are prose paragraphs, not the title again."""
    for i in range(body_from, len(lines)):
        line = lines[i].strip()
        if not line or line != lines[i].rstrip("\r") or MARKUP.search(line):
            continue
        if re.match(r"^(\d+[.)]|[-+]) ", line) or line == title:
            continue
        yield i, line


def unique(text, corpus):
    return corpus.count(text) == 1


def main():
    root = sys.argv[1]
    out = sys.stdout
    for lang in LANGS:
        folder = os.path.join(root, lang)
        names = sorted(n for n in os.listdir(folder) if n.endswith(".md"))
        texts = {}
        for n in names:
            with open(os.path.join(folder, n), encoding="utf-8") as f:
                texts[n] = f.read()
        corpus = "\n\x00\n".join(texts[n] for n in names)
        order = sorted(names, key=lambda n: hashlib.sha1(n.encode()).hexdigest())
        picked = {"desc": [], "sent": []}
        for n in order:
            if all(len(v) >= PER_TYPE for v in picked.values()):
                break
            doc_id = n[:-3]
            title, lines, body_from = parse(os.path.join(folder, n))
            prose = list(prose_lines(lines, body_from, title))
            if not prose:
                continue
            kind = "desc" if len(picked["desc"]) <= len(picked["sent"]) else "sent"
            if len(picked[kind]) >= PER_TYPE:
                kind = "sent" if kind == "desc" else "desc"
            if kind == "desc":
                # The first paragraph long enough to describe (not a date line).
                first = [(i, line, description_of(line, lang)) for i, line in prose[:3]]
                first = [f for f in first if f[2] is not None and f[1].startswith(f[2])]
                if not first:
                    continue
                i, line, text = first[0]
                start = 0
            else:
                candidates = []
                for i, line in prose[2:]:
                    at = 0
                    for s in sentences(line, lang):
                        at = line.find(s, at)
                        if fits_sentence(s, lang):
                            candidates.append((i, line, at, s))
                        at += len(s)
                if not candidates:
                    continue
                i, line, start, text = candidates[len(candidates) // 2]
            if not unique(text, corpus):
                continue
            raw_line = lines[i].encode("utf-8")
            byte_start = len(line[:start].encode("utf-8"))
            byte_len = len(text.encode("utf-8"))
            assert raw_line[byte_start:byte_start + byte_len].decode("utf-8") == text
            sha = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            picked[kind].append((doc_id, i + 1, byte_start, byte_len, sha))
        for kind in ("desc", "sent"):
            if len(picked[kind]) < PER_TYPE:
                sys.exit(f"{lang}: only {len(picked[kind])} {kind} items")
            for k, (doc_id, line_no, start, length, sha) in enumerate(picked[kind], 1):
                qtype = "description" if kind == "desc" else "sentence"
                out.write(f"{lang}-{kind}-{k:03d}\t{lang}\t{qtype}\t{doc_id}\t{line_no}\t{start}\t{length}\t{sha}\n")


if __name__ == "__main__":
    main()
