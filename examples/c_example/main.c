/*
 * c_example: kbsearch from C. Opens the index in INDEX_DIR (creating it if
 * need be), puts two articles into it as an application keeping them in
 * its own database would, commits them, then searches for QUERY and prints
 * the best hits with the query's words in [brackets].
 *
 *   c_example INDEX_DIR QUERY [LANG]
 *
 * LANG (for example "sv") is the user's language: the query is analysed
 * for it and its translations are preferred; without it, every indexed
 * language is tried. Exit status 1 on any error, with the library's
 * message on stderr.
 */
#include <stdio.h>

#include <kbsearch/kbsearch_c.h>

/* Says what failed and why, and returns the exit status. kbsearch_errmsg()
 * describes the last failed call on this thread: read it before the next. */
static int fail(const char *doing, kbsearch_status status) {
  fprintf(stderr, "c_example: %s: %s [%s]\n", doing, kbsearch_errmsg(),
          kbsearch_status_name(status));
  return 1;
}

/* Two translations of one help-desk article, as its database has them. */
static kbsearch_status put_articles(kbsearch_indexer *indexer) {
  static const char *const tags[] = {"account", "password"};
  static const struct {
    const char *id, *lang, *markdown;
  } articles[] = {
      {"help-1042-sv", "sv",
       "# Glömt lösenordet?\n\nKlicka på **Glömt lösenordet?** på inloggningssidan, så "
       "skickar vi en länk som återställer ditt lösenord.\n"},
      {"help-1042-pt", "pt",
       "# Esqueceu a senha?\n\nClique em **Esqueceu a senha?** na tela de login e enviaremos "
       "um link para redefinir a sua senha.\n"},
  };
  size_t i;
  for (i = 0; i < sizeof articles / sizeof articles[0]; ++i) {
    kbsearch_article article;
    kbsearch_status status = kbsearch_article_init(&article, sizeof article);
    if (status != KBSEARCH_OK) return status;
    article.id = articles[i].id;
    article.markdown = articles[i].markdown;
    article.lang = articles[i].lang;
    article.group = "help-1042"; /* translations share a group */
    article.tags = tags;
    article.tag_count = 2;
    status = kbsearch_indexer_put(indexer, &article); /* staged */
    if (status != KBSEARCH_OK) return status;
  }
  return kbsearch_indexer_commit(indexer, NULL); /* both, atomically */
}

static int index_articles(const char *index_dir) {
  kbsearch_indexer *indexer;
  kbsearch_status status = kbsearch_indexer_open(index_dir, NULL, &indexer);
  int exit_status = 0;
  if (status != KBSEARCH_OK) return fail("opening the index to write", status);
  status = put_articles(indexer);
  if (status != KBSEARCH_OK) exit_status = fail("putting articles", status);
  kbsearch_indexer_close(indexer); /* drops whatever a failure left staged */
  return exit_status;
}

static void print_snippet(const kbsearch_hit *hit) {
  size_t at = 0, i;
  for (i = 0; i < hit->highlight_count; ++i) {
    const kbsearch_highlight *h = &hit->highlights[i];
    printf("%.*s[%.*s]", (int)(h->start - at), hit->snippet + at, (int)(h->end - h->start),
           hit->snippet + h->start);
    at = h->end;
  }
  printf("%s\n", hit->snippet + at);
}

static int search(const char *index_dir, const char *query, const char *lang) {
  kbsearch_searcher *searcher;
  kbsearch_results *results;
  kbsearch_request request;
  size_t i;
  kbsearch_status status = kbsearch_searcher_open(index_dir, NULL, &searcher);
  if (status != KBSEARCH_OK) return fail("opening the index", status);

  kbsearch_request_init(&request, sizeof request); /* the defaults, before any field */
  request.query = query;
  request.lang = lang;
  request.limit = 5;
  status = kbsearch_searcher_search(searcher, &request, &results);
  if (status != KBSEARCH_OK) {
    int exit_status = fail("searching", status);
    kbsearch_searcher_close(searcher);
    return exit_status;
  }
  for (i = 0; i < kbsearch_results_hit_count(results); ++i) {
    const kbsearch_hit *hit = kbsearch_results_hit(results, i);
    printf("%zu. %s [%s] %s\n   ", hit->rank, hit->title, hit->lang, hit->id);
    print_snippet(hit);
  }
  printf("%zu %s\n", kbsearch_results_total(results),
         kbsearch_results_total(results) == 1 ? "match" : "matches");
  kbsearch_results_free(results); /* the hits and their strings with it */
  kbsearch_searcher_close(searcher);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: c_example INDEX_DIR QUERY [LANG]\n");
    return 2;
  }
  if (index_articles(argv[1]) != 0) return 1;
  return search(argv[1], argv[2], argc == 4 ? argv[3] : NULL);
}
