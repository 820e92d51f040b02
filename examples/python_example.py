"""Indexes a help desk's articles, given as dicts, and searches them.

    python3 examples/python_example.py DB_DIR [QUERY [LANG]]

The core of README's "Use from Python". The articles would come from the
help desk's own database (an Odoo or Frappe model); each dict holds
Index.put()'s arguments.
"""

import sys

import kbsearch

ARTICLES = [
    {
        "id": "help-1042-sv",  # your database's key
        "markdown": "# Glömt lösenordet?\n\n"
        "Klicka på **Glömt lösenordet?** på inloggningssidan och ange din e-postadress.\n",
        "lang": "sv",  # optional, as title, updated, group and tags
        "group": "help-1042",  # translations share a group
        "tags": ["account"],
    },
    {
        "id": "help-1042-pt",
        "markdown": "# Esqueceu a senha?\n\n"
        "Clique em **Esqueci a senha** na página de login e informe o seu e-mail.\n",
        "lang": "pt",
        "group": "help-1042",
        "tags": ["account"],
    },
    {
        "id": "help-2001-tr",
        "markdown": "# Faturanızı indirin\n\n"
        "Faturalarınızı Ayarlar → Faturalandırma sayfasından PDF olarak indirebilirsiniz.\n",
        "lang": "tr",
        "tags": ["billing"],
    },
]


def main(db_dir, query="glömt lösenordet", lang="sv"):
    # Commits at the end of the block; an exception inside discards the puts.
    with kbsearch.Index(db_dir) as index:
        index.put_many(ARTICLES)

    with kbsearch.Searcher(db_dir) as searcher:
        try:
            results = searcher.search(query, lang=lang)
        except kbsearch.QueryError as e:  # "(senha": '(' at character 1 is never closed
            print(f"python_example: {e}", file=sys.stderr)
            return 1
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}?")
    for hit in results.hits:
        words = [hit.snippet[start:end] for start, end in hit.highlights]
        print(f"{hit.rank}. {hit.title} [{hit.lang}] {hit.id}  languages: {', '.join(hit.languages)}")
        print(f"   {hit.snippet}\n   matched: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
