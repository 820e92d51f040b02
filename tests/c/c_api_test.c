/*
 * The C API (kbsearch_c.h) from a C99 program, as an application uses it:
 * indexes corpus/ into a temporary directory, searches it in all five
 * languages, puts, gets and removes articles, analyses text, and feeds bad
 * input to every function, checking after each error that the index still
 * answers. Everything it gets is freed, so LeakSanitizer (the sanitized
 * build) checks the ownership rules of the header too.
 *
 * No test framework: a failed CHECK prints where and the last kbsearch
 * message, and exits non-zero.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, symlink, clock_gettime */

#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kbsearch/kbsearch_c.h"

#define CHECK(condition)                                                                  \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n  last kbsearch message: %s\n", __FILE__, \
              __LINE__, #condition, kbsearch_errmsg());                                   \
      exit(1);                                                                            \
    }                                                                                     \
  } while (0)

/* The call returns `expected`, and, unless that is KBSEARCH_OK, leaves a
 * message that contains `needle`. */
#define CHECK_STATUS(call, expected, needle) \
  check_status((call), (expected), (needle), #call, __FILE__, __LINE__)
#define CHECK_OK(call) CHECK_STATUS(call, KBSEARCH_OK, "")

static void check_status(kbsearch_status got, kbsearch_status expected, const char *needle,
                         const char *call, const char *file, int line) {
  if (got != expected) {
    fprintf(stderr, "%s:%d: %s returned %s, not %s\n  message: %s\n", file, line, call,
            kbsearch_status_name(got), kbsearch_status_name(expected), kbsearch_errmsg());
    exit(1);
  }
  if (expected != KBSEARCH_OK && strstr(kbsearch_errmsg(), needle) == NULL) {
    fprintf(stderr, "%s:%d: %s: the message \"%s\" does not contain \"%s\"\n", file, line, call,
            kbsearch_errmsg(), needle);
    exit(1);
  }
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int list_contains(const char *const *list, size_t count, const char *value) {
  size_t i;
  for (i = 0; i < count; ++i) {
    if (strcmp(list[i], value) == 0) return 1;
  }
  return 0;
}

/* The UTF-16 code units and the code points of the first `bytes` bytes of
 * UTF-8 text `s`. */
static void count_units(const char *s, size_t bytes, size_t *utf16, size_t *code_points) {
  size_t i;
  *utf16 = *code_points = 0;
  for (i = 0; i < bytes; ++i) {
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) == 0x80) continue; /* a continuation byte */
    ++*code_points;
    *utf16 += c >= 0xF0 ? 2 : 1; /* four bytes: past U+FFFF, a surrogate pair */
  }
}

static size_t code_points(const char *s) {
  size_t utf16, points;
  count_units(s, strlen(s), &utf16, &points);
  return points;
}

/* A hit's highlights lie in its snippet, in order, apart, and say where in
 * UTF-16 code units and code points as they do in bytes. */
static void check_highlights(const kbsearch_hit *hit) {
  size_t i, utf16, points;
  for (i = 0; i < hit->highlight_count; ++i) {
    const kbsearch_highlight *h = &hit->highlights[i];
    CHECK(h->start < h->end && h->end <= strlen(hit->snippet));
    CHECK(i == 0 || h->start > hit->highlights[i - 1].end);
    count_units(hit->snippet, h->start, &utf16, &points);
    CHECK(h->start_utf16 == utf16 && h->start_code_point == points);
    count_units(hit->snippet, h->end, &utf16, &points);
    CHECK(h->end_utf16 == utf16 && h->end_code_point == points);
  }
}

/* The paths this test works in, under a fresh temporary directory. */
static char work_dir[256], db_dir[300], bad_dir[300];

static void write_file(const char *path, const char *bytes) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  CHECK(fputs(bytes, f) >= 0);
  CHECK(fclose(f) == 0);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

static kbsearch_results *search(kbsearch_searcher *searcher, const char *lang, const char *query) {
  kbsearch_request request;
  kbsearch_results *results = NULL;
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = query;
  request.lang = lang;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  return results;
}

/* The rank of article `id` among the hits of the query, 0 if not there. */
static size_t rank_of(kbsearch_searcher *searcher, const char *lang, const char *query,
                      const char *id) {
  kbsearch_results *results = search(searcher, lang, query);
  size_t i, rank = 0;
  for (i = 0; i < kbsearch_results_hit_count(results) && rank == 0; ++i) {
    if (strcmp(kbsearch_results_hit(results, i)->id, id) == 0) rank = i + 1;
  }
  kbsearch_results_free(results);
  return rank;
}

/* What every error below must leave alone: the indexed articles. */
static void check_still_found(void) {
  kbsearch_searcher *searcher = NULL;
  CHECK_OK(kbsearch_searcher_open(db_dir, NULL, &searcher));
  CHECK(rank_of(searcher, "sv", "glömt lösenordet", "reset-password-sv") == 1);
  CHECK(rank_of(searcher, "th", "ลืมรหัสผ่าน", "reset-password-th") == 1);
  kbsearch_searcher_close(searcher);
}

static void test_version_and_status_names(void) {
  CHECK(strcmp(kbsearch_errmsg(), "") == 0); /* no failure yet on this thread */
  CHECK(strcmp(kbsearch_version(), KBSEARCH_EXPECTED_VERSION) == 0);
  CHECK(strcmp(kbsearch_status_name(KBSEARCH_OK), "KBSEARCH_OK") == 0);
  CHECK(strcmp(kbsearch_status_name(KBSEARCH_QUERY_ERROR), "KBSEARCH_QUERY_ERROR") == 0);
  CHECK(strcmp(kbsearch_status_name(KBSEARCH_SHARD_UNAVAILABLE), "KBSEARCH_SHARD_UNAVAILABLE") ==
        0);
  CHECK(strcmp(kbsearch_status_name(99), "KBSEARCH_UNKNOWN_STATUS") == 0);
}

/* corpus/ and a directory with one file that is not UTF-8. */
static void test_index_corpus(void) {
  char bad_file[400];
  const char *paths[2];
  kbsearch_index_options options;
  kbsearch_indexer *indexer = NULL;
  kbsearch_report *report = NULL;

  snprintf(bad_file, sizeof bad_file, "%s/latin1.md", bad_dir);
  write_file(bad_file, "# Senha\n\nVoc\xea esqueceu a senha?\n"); /* Latin-1 ê */

  CHECK_OK(kbsearch_index_options_init(&options, sizeof options));
  CHECK(options.size == sizeof options);
  CHECK(options.max_file_bytes == 8u << 20 && options.rebuild == 0 && options.threads == 0);
  options.threads = 2;
  CHECK_OK(kbsearch_indexer_open(db_dir, &options, &indexer));
  paths[0] = KBSEARCH_SOURCE_DIR "/corpus";
  paths[1] = bad_dir;
  CHECK_OK(kbsearch_indexer_index(indexer, paths, 2, &report));
  CHECK(report->added >= 50); /* ten articles in five languages, and the seeds */
  CHECK(report->added_id_count == report->added);
  for (size_t i = 1; i < report->added_id_count; ++i) {
    CHECK(strcmp(report->added_ids[i - 1], report->added_ids[i]) < 0); /* sorted */
  }
  CHECK(report->updated_id_count == 0 && report->deleted_id_count == 0 && report->warning_count == 0);
  CHECK(report->updated == 0 && report->deleted == 0 && report->unchanged == 0);
  CHECK(report->failed == 1 && report->error_count == 1);
  CHECK(strcmp(report->errors[0].path, bad_file) == 0);
  CHECK(strstr(report->errors[0].message, "invalid UTF-8") != NULL);
  CHECK(report->generation == 1 && !report->dry_run && report->seconds > 0);
  kbsearch_report_free(report);

  /* A second run finds nothing changed. */
  CHECK_OK(kbsearch_indexer_index(indexer, paths, 1, &report));
  CHECK(report->added == 0 && report->unchanged >= 50 && report->failed == 0);
  CHECK(report->errors == NULL || report->error_count == 0);
  CHECK(report->added_id_count == 0 && report->reanalysed == 0);
  kbsearch_report_free(report);
  kbsearch_indexer_close(indexer);
}

/* follow_links and max_depth reach the directory walk. */
static void test_walk_options(void) {
  char walk_db[400], tree[400], path[500], outside[400];
  const char *paths[1];
  kbsearch_index_options options;
  kbsearch_indexer *indexer = NULL;
  kbsearch_report *report = NULL;

  snprintf(walk_db, sizeof walk_db, "%s/walk-db", work_dir);
  snprintf(tree, sizeof tree, "%s/tree", work_dir);
  snprintf(path, sizeof path, "%s/1", tree);
  CHECK(mkdir(tree, 0700) == 0 && mkdir(path, 0700) == 0);
  snprintf(path, sizeof path, "%s/1/2", tree);
  CHECK(mkdir(path, 0700) == 0);
  snprintf(path, sizeof path, "%s/1/2/deep.md", tree);
  write_file(path, "# Ndani kabisa\n\nMakala hii iko ndani ya folda mbili.\n");
  snprintf(outside, sizeof outside, "%s/outside.md", work_dir);
  write_file(outside, "# Nje\n\nMakala hii iko nje ya folda.\n");
  snprintf(path, sizeof path, "%s/link.md", tree);
  CHECK(symlink(outside, path) == 0);
  paths[0] = tree;

  CHECK_OK(kbsearch_index_options_init(&options, sizeof options));
  CHECK(!options.follow_links && options.max_depth == 100);
  CHECK_OK(kbsearch_indexer_open(walk_db, &options, &indexer));
  CHECK_OK(kbsearch_indexer_index(indexer, paths, 1, &report));
  CHECK(report->added == 1 && report->failed == 1);
  CHECK(ends_with(report->errors[0].path, "/link.md"));
  CHECK(strstr(report->errors[0].message, "outside the indexed directory") != NULL);
  kbsearch_report_free(report);
  kbsearch_indexer_close(indexer);

  options.follow_links = 1;
  options.max_depth = 1;
  CHECK_OK(kbsearch_indexer_open(walk_db, &options, &indexer));
  CHECK_OK(kbsearch_indexer_index(indexer, paths, 1, &report));
  CHECK(report->added == 1 && report->deleted == 0 && report->failed == 1);
  CHECK(ends_with(report->errors[0].path, "/1/2"));
  CHECK(strstr(report->errors[0].message, "more than 1 directories deep") != NULL);
  kbsearch_report_free(report);
  kbsearch_indexer_close(indexer);
}

struct language_case {
  const char *lang, *query, *expected_id, *highlighted, *title;
};

/* A user forgot their password, in each language. */
static const struct language_case forgot_password[] = {
    {"th", "ลืมรหัสผ่าน", "reset-password-th", "ลืมรหัสผ่าน", "รีเซ็ตหรือเปลี่ยนรหัสผ่าน"},
    {"sv", "glömt lösenordet", "reset-password-sv", "lösenordet", "Återställ eller byt ditt lösenord"},
    {"tr", "şifremi unuttum", "reset-password-tr", "unuttum", "Şifrenizi sıfırlama veya değiştirme"},
    {"sw", "nenosiri", "reset-password-sw", "nenosiri", "Kuweka upya au kubadilisha nenosiri lako"},
    {"pt", "esqueci a senha", "reset-password-pt", "senha", "Redefinir ou alterar sua senha"},
};

static void test_search_five_languages(kbsearch_searcher *searcher) {
  size_t c, i, count;
  for (c = 0; c < sizeof forgot_password / sizeof forgot_password[0]; ++c) {
    const struct language_case *t = &forgot_password[c];
    kbsearch_results *results = search(searcher, t->lang, t->query);
    const kbsearch_hit *hit = kbsearch_results_hit(results, 0);
    const kbsearch_facet *facets;
    const char *const *query_languages;
    char path_end[64], marked[128];
    int highlighted = 0;

    CHECK(hit != NULL);
    CHECK(kbsearch_results_total(results) >= kbsearch_results_hit_count(results));
    CHECK(hit->rank == 1 && hit->score > 0);
    CHECK(strcmp(hit->id, t->expected_id) == 0);
    CHECK(strcmp(hit->lang, t->lang) == 0);
    CHECK(strcmp(hit->title, t->title) == 0);
    CHECK(strcmp(hit->group, "reset-password") == 0);
    CHECK(strcmp(hit->updated, "2026-01-14") == 0);
    snprintf(path_end, sizeof path_end, "/reset-password/%s.md", t->lang);
    CHECK(ends_with(hit->path, path_end));
    CHECK(hit->tag_count == 2 && list_contains(hit->tags, 2, "password") && hit->tags[2] == NULL);
    CHECK(hit->language_count == 5 && strcmp(hit->languages[0], "pt") == 0 &&
          strcmp(hit->languages[4], "tr") == 0 && hit->languages[5] == NULL);
    CHECK(hit->section_anchor[0] != '\0');
    /* The query's word is highlighted where it is in the snippet, and
     * marked in its HTML. */
    CHECK(hit->highlight_count > 0);
    check_highlights(hit);
    for (i = 0; i < hit->highlight_count; ++i) {
      const kbsearch_highlight *h = &hit->highlights[i];
      if (h->end - h->start == strlen(t->highlighted) &&
          memcmp(hit->snippet + h->start, t->highlighted, h->end - h->start) == 0) {
        highlighted = 1;
      }
    }
    CHECK(highlighted);
    snprintf(marked, sizeof marked, "<mark>%s</mark>", t->highlighted);
    CHECK(strstr(hit->snippet_html, marked) != NULL);

    query_languages = kbsearch_results_query_languages(results, &count);
    CHECK(count == 1 && strcmp(query_languages[0], t->lang) == 0 && query_languages[1] == NULL);
    facets = kbsearch_results_language_facets(results, &count);
    CHECK(count >= 1 && strcmp(facets[0].value, t->lang) == 0 && facets[0].count >= 1);
    CHECK(facets[count].value == NULL);
    facets = kbsearch_results_tag_facets(results, &count);
    for (i = 0; i < count && strcmp(facets[i].value, "password") != 0; ++i) continue;
    CHECK(i < count && facets[i].count >= 1);
    CHECK(strcmp(kbsearch_results_suggestion(results), "") == 0);
    CHECK(!kbsearch_results_phrases_as_words(results));
    CHECK(kbsearch_results_facets_exact(results));
    CHECK(kbsearch_results_missing_shards(results, &count)[0] == NULL && count == 0);
    CHECK(kbsearch_results_hit(results, kbsearch_results_hit_count(results)) == NULL);
    kbsearch_results_free(results);
  }
}

static void test_request_fields(kbsearch_searcher *searcher) {
  kbsearch_request request;
  kbsearch_results *results;
  const kbsearch_hit *first;
  char first_id[128];
  size_t i, count;

  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  CHECK(request.query == NULL && request.lang == NULL && request.offset == 0 &&
        request.limit == 10 && request.sort == KBSEARCH_SORT_RELEVANCE &&
        !request.all_translations && request.facets && request.snippets);
  CHECK(request.recency_bonus < 0 && request.recency_days == 0 && request.snippet_chars == 0 &&
        request.mark_pre == NULL && request.mark_post == NULL &&
        request.facet_max_matches == 0); /* all the searcher's */

  /* Facets: exact while at most facet_max_matches articles match, else
   * estimated and flagged. "app" is in 35 articles. */
  request.query = "app";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(kbsearch_results_facets_exact(results));
  kbsearch_results_free(results);
  request.facet_max_matches = 5;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(!kbsearch_results_facets_exact(results));
  CHECK(kbsearch_results_language_facets(results, &count) != NULL && count >= 2);
  kbsearch_results_free(results);
  CHECK_OK(kbsearch_request_init(&request, sizeof request));

  /* Pages: offset 1 is the second hit. */
  request.query = "senha";
  request.lang = "pt";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  first = kbsearch_results_hit(results, 0);
  snprintf(first_id, sizeof first_id, "%s", first->id);
  CHECK(kbsearch_results_hit_count(results) >= 2);
  kbsearch_results_free(results);
  request.offset = 1;
  request.limit = 1;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(kbsearch_results_hit_count(results) == 1);
  CHECK(kbsearch_results_hit(results, 0)->rank == 2);
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, first_id) != 0);
  kbsearch_results_free(results);

  /* Most recently updated first: api-keys, updated last of all articles. */
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "Orbit";
  request.lang = "sv";
  request.sort = KBSEARCH_SORT_UPDATED;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "api-keys-sv") == 0);
  for (i = 1; i < kbsearch_results_hit_count(results); ++i) {
    CHECK(strcmp(kbsearch_results_hit(results, i - 1)->updated,
                 kbsearch_results_hit(results, i)->updated) >= 0);
  }
  kbsearch_results_free(results);

  /* One hit per translation group, or every translation. */
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "RESET_LINK_EXPIRED";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(kbsearch_results_hit_count(results) == 1);
  kbsearch_results_free(results);
  request.all_translations = 1;
  request.facets = 0;
  request.snippets = 0;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(kbsearch_results_hit_count(results) == 5);
  for (i = 0; i < 5; ++i) {
    const kbsearch_hit *hit = kbsearch_results_hit(results, i);
    CHECK(strcmp(hit->group, "reset-password") == 0);
    CHECK(strcmp(hit->snippet, "") == 0 && hit->highlight_count == 0);
  }
  CHECK(kbsearch_results_language_facets(results, &count) != NULL && count == 0);
  CHECK(kbsearch_results_tag_facets(results, NULL)[0].value == NULL);
  kbsearch_results_free(results);

  /* A misspelt word gets a suggestion; quoted words not in sequence are
   * searched side by side, and the results say so. */
  results = search(searcher, "pt", "senah");
  CHECK(strcmp(kbsearch_results_suggestion(results), "senha") == 0);
  kbsearch_results_free(results);
  results = search(searcher, "sv", "\"lösenord glömt\"");
  CHECK(kbsearch_results_phrases_as_words(results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "reset-password-sv") == 0);
  kbsearch_results_free(results);
}

/* What a request chooses for itself, over what its searcher was opened
 * with: snippet length, highlight marks, recency. */
static void test_per_request_options(kbsearch_searcher *searcher) {
  kbsearch_search_options options;
  kbsearch_searcher *recent = NULL;
  kbsearch_request request;
  kbsearch_results *results;
  const kbsearch_hit *hit;
  char best_id[128];

  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "glömt lösenordet";
  request.lang = "sv";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(code_points(kbsearch_results_hit(results, 0)->snippet) > 40);
  kbsearch_results_free(results);
  request.snippet_chars = 40;
  request.mark_pre = "[[";
  request.mark_post = "]]";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  hit = kbsearch_results_hit(results, 0);
  CHECK(code_points(hit->snippet) <= 40);
  check_highlights(hit);
  CHECK(strstr(hit->snippet_html, "[[lösenordet]]") != NULL);
  CHECK(strstr(hit->snippet_html, "<mark>") == NULL);
  kbsearch_results_free(results);

  /* Relevance alone, then a recency bonus large enough to put the most
   * recently updated article (api-keys, 2026-05-12) first. */
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "Orbit";
  request.lang = "sv";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  snprintf(best_id, sizeof best_id, "%s", kbsearch_results_hit(results, 0)->id);
  CHECK(strcmp(best_id, "api-keys-sv") != 0);
  kbsearch_results_free(results);
  request.recency_bonus = 100;
  request.recency_days = 3650;
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "api-keys-sv") == 0);
  kbsearch_results_free(results);

  /* The same through the searcher's options, which a request overrides. */
  CHECK_OK(kbsearch_search_options_init(&options, sizeof options));
  CHECK(strcmp(options.mark_pre, "<mark>") == 0 && strcmp(options.mark_post, "</mark>") == 0);
  CHECK(options.snippet_chars == 160 && options.recency_bonus == 0 && options.facet_max_matches == 1000);
  options.snippet_chars = 40;
  options.mark_pre = "<em>";
  options.mark_post = "</em>";
  options.recency_bonus = 100;
  options.recency_days = 3650;
  CHECK_OK(kbsearch_searcher_open(db_dir, &options, &recent));
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "glömt lösenordet";
  request.lang = "sv";
  CHECK_OK(kbsearch_searcher_search(recent, &request, &results));
  hit = kbsearch_results_hit(results, 0);
  CHECK(code_points(hit->snippet) <= 40);
  CHECK(strstr(hit->snippet_html, "<em>lösenordet</em>") != NULL);
  kbsearch_results_free(results);
  request.snippet_chars = 160;
  CHECK_OK(kbsearch_searcher_search(recent, &request, &results));
  CHECK(code_points(kbsearch_results_hit(results, 0)->snippet) > 40);
  kbsearch_results_free(results);
  request.query = "Orbit";
  CHECK_OK(kbsearch_searcher_search(recent, &request, &results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "api-keys-sv") == 0);
  kbsearch_results_free(results);
  request.recency_bonus = 0; /* off, for this request */
  CHECK_OK(kbsearch_searcher_search(recent, &request, &results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, best_id) == 0);
  kbsearch_results_free(results);
  kbsearch_searcher_close(recent);
}

static void test_get_and_languages(kbsearch_searcher *searcher) {
  kbsearch_stored_article *article = NULL;
  const char *const *languages = NULL;
  const char *five[] = {"pt", "sv", "sw", "th", "tr"};
  size_t i, count = 0;
  int heading_found = 0;

  CHECK_OK(kbsearch_searcher_get(searcher, "reset-password-sv", &article));
  CHECK(strcmp(article->id, "reset-password-sv") == 0);
  CHECK(strcmp(article->title, "Återställ eller byt ditt lösenord") == 0);
  CHECK(strcmp(article->lang, "sv") == 0 && strcmp(article->group, "reset-password") == 0);
  CHECK(strcmp(article->updated, "2026-01-14") == 0);
  CHECK(article->tag_count == 2 && strcmp(article->tags[0], "account") == 0);
  CHECK(ends_with(article->path, "/reset-password/sv.md"));
  CHECK(strcmp(article->markdown, "") == 0); /* a file's article */
  for (i = 0; i < article->section_count; ++i) {
    const kbsearch_section *s = &article->sections[i];
    if (strcmp(s->heading, "Återställ ett glömt lösenord") == 0) {
      heading_found = 1;
      CHECK(s->level == 2 && strcmp(s->anchor, "återställ-ett-glömt-lösenord") == 0);
      CHECK(strstr(s->text, "Glömt lösenordet?") != NULL);
    }
  }
  CHECK(heading_found);
  kbsearch_stored_article_free(article);

  CHECK_OK(kbsearch_searcher_languages(searcher, &languages, &count));
  for (i = 0; i < 5; ++i) CHECK(list_contains(languages, count, five[i]));
  for (i = 1; i < count; ++i) CHECK(strcmp(languages[i - 1], languages[i]) < 0);
  CHECK(languages[count] == NULL);
}

static const char kAirplaneSw[] =
    "# Kutumia Orbit katika hali ya ndegeni\n\n"
    "Ukiwa safarini 🔒 bila mtandao, washa hali ya ndegeni na makala zilizohifadhiwa "
    "zitafunguka.\n\n"
    "## Mipangilio\n\nFungua **Mipangilio**, au andika:\n\n```\norbit offline --enable\n```\n";
static const char kAirplanePt[] =
    "# Usar o Orbit no modo avião\n\n"
    "Em viagem, sem internet, ative o modo avião: os artigos salvos continuam abrindo.\n";

/* Search as you type: the last word completed from the corpus's words, the
 * hits those of the completed query; a plain search has no completions. */
static void test_suggest(kbsearch_searcher *searcher) {
  kbsearch_suggest_request request;
  kbsearch_results *results = NULL;
  const kbsearch_completion *completions;
  size_t count = 99, i;
  CHECK_OK(kbsearch_suggest_request_init(&request, sizeof request));
  CHECK(request.completions == 5 && request.limit == 5 && request.snippets == 1 && request.lang == NULL);
  request.query = "glömt lösen";
  request.lang = "sv";
  CHECK_OK(kbsearch_suggest(searcher, &request, &results));
  completions = kbsearch_results_completions(results, &count);
  CHECK(count >= 1 && count <= 5 && completions[count].query == NULL);
  for (i = 0; i < count; ++i) {
    CHECK(strncmp(completions[i].word, "lösen", strlen("lösen")) == 0);
    CHECK(strncmp(completions[i].query, "glömt ", strlen("glömt ")) == 0);
    CHECK(strcmp(completions[i].query + strlen("glömt "), completions[i].word) == 0);
    CHECK(i == 0 || completions[i].frequency <= completions[i - 1].frequency);
  }
  CHECK(completions[0].frequency > 0);
  CHECK(kbsearch_results_hit_count(results) >= 1 && kbsearch_results_hit_count(results) <= 5);
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "reset-password-sv") == 0);
  kbsearch_results_free(results);

  /* Thai typed without spaces, its last word unfinished. */
  request.query = "ลืมรหัสผ";
  request.lang = "th";
  CHECK_OK(kbsearch_suggest(searcher, &request, &results));
  completions = kbsearch_results_completions(results, &count);
  CHECK(count >= 1 && strcmp(completions[0].query, "ลืมรหัสผ่าน") == 0);
  kbsearch_results_free(results);

  request.completions = 11;
  CHECK_STATUS(kbsearch_suggest(searcher, &request, &results), KBSEARCH_QUERY_ERROR, "completions");
  CHECK(results == NULL);
  CHECK_STATUS(kbsearch_suggest(searcher, NULL, &results), KBSEARCH_INVALID_ARGUMENT, "request");

  results = search(searcher, "sv", "lösenord");
  CHECK(kbsearch_results_completions(results, &count)[0].query == NULL && count == 0);
  kbsearch_results_free(results);
  CHECK(kbsearch_results_completions(NULL, &count) == NULL && count == 0);
}

static void test_documents_api(void) {
  const char *tags[] = {"mobile", "offline"};
  kbsearch_indexer *indexer = NULL;
  kbsearch_searcher *searcher = NULL;
  kbsearch_stored_article *article = NULL;
  kbsearch_report *report = NULL;
  kbsearch_article sw, pt;
  int removed = -1;

  CHECK_OK(kbsearch_article_init(&sw, sizeof sw));
  CHECK(sw.id == NULL && sw.markdown == NULL && sw.title == NULL && sw.tags == NULL &&
        sw.tag_count == 0);
  sw.id = "faq-airplane-sw";
  sw.markdown = kAirplaneSw;
  sw.title = "Hali ya ndegeni";
  sw.lang = "sw";
  sw.updated = "2026-04-01";
  sw.group = "faq-airplane";
  sw.tags = tags;
  sw.tag_count = 2;
  CHECK_OK(kbsearch_article_init(&pt, sizeof pt));
  pt.id = "faq-airplane-pt";
  pt.markdown = kAirplanePt; /* language identified, title from the heading */
  pt.group = "faq-airplane";

  CHECK_OK(kbsearch_indexer_open(db_dir, NULL, &indexer));
  CHECK_OK(kbsearch_searcher_open(db_dir, NULL, &searcher));
  CHECK_OK(kbsearch_indexer_put(indexer, &sw));
  CHECK_OK(kbsearch_indexer_put(indexer, &pt));
  CHECK(rank_of(searcher, "sw", "ndegeni", "faq-airplane-sw") == 0); /* staged, not committed */
  CHECK_OK(kbsearch_indexer_commit(indexer, &report));
  CHECK(report->added == 2 && report->updated == 0 && report->deleted == 0);
  kbsearch_report_free(report);

  /* The searcher, open since before the commit, sees it. */
  CHECK(rank_of(searcher, "sw", "ndegeni", "faq-airplane-sw") == 1);
  {
    /* The padlock, past U+FFFF, is two UTF-16 code units but one code
     * point: the offsets after it differ. */
    kbsearch_results *results = search(searcher, "sw", "washa ndegeni");
    const kbsearch_hit *hit = kbsearch_results_hit(results, 0);
    CHECK(strcmp(hit->id, "faq-airplane-sw") == 0 && strstr(hit->snippet, "🔒") != NULL);
    CHECK(hit->highlight_count == 2);
    check_highlights(hit);
    CHECK(hit->highlights[0].start_utf16 == hit->highlights[0].start_code_point + 1);
    kbsearch_results_free(results);
  }
  CHECK(rank_of(searcher, "pt", "modo avião", "faq-airplane-pt") == 1);

  CHECK_OK(kbsearch_searcher_get(searcher, "faq-airplane-sw", &article));
  CHECK(strcmp(article->id, "faq-airplane-sw") == 0);
  CHECK(strcmp(article->title, "Hali ya ndegeni") == 0);
  CHECK(strcmp(article->lang, "sw") == 0 && strcmp(article->updated, "2026-04-01") == 0);
  CHECK(strcmp(article->group, "faq-airplane") == 0);
  CHECK(article->tag_count == 2 && strcmp(article->tags[0], "mobile") == 0 &&
        strcmp(article->tags[1], "offline") == 0 && article->tags[2] == NULL);
  CHECK(strcmp(article->path, "") == 0 && strcmp(article->markdown, kAirplaneSw) == 0);
  CHECK(article->section_count == 2);
  CHECK(strstr(article->sections[0].text, "washa hali ya ndegeni") != NULL);
  CHECK(strcmp(article->sections[1].heading, "Mipangilio") == 0);
  CHECK(article->sections[1].level == 2);
  CHECK(strcmp(article->sections[1].code, "orbit offline --enable") == 0);
  kbsearch_stored_article_free(article);
  CHECK_OK(kbsearch_searcher_get(searcher, "faq-airplane-pt", &article));
  CHECK(strcmp(article->lang, "pt") == 0);
  CHECK(strcmp(article->title, "Usar o Orbit no modo avião") == 0);
  kbsearch_stored_article_free(article);

  /* The same article again changes nothing. */
  CHECK_OK(kbsearch_indexer_put(indexer, &sw));
  CHECK_OK(kbsearch_indexer_commit(indexer, &report));
  CHECK(report->unchanged == 1 && report->added == 0 && report->updated == 0);
  kbsearch_report_free(report);

  /* Remove one; a missing id is no error, but says so. */
  CHECK_OK(kbsearch_indexer_remove(indexer, "faq-airplane-pt", &removed));
  CHECK(removed == 1);
  CHECK_OK(kbsearch_indexer_remove(indexer, "no-such-article", &removed));
  CHECK(removed == 0);
  CHECK_OK(kbsearch_indexer_remove(indexer, "faq-airplane-pt", NULL)); /* already staged */
  CHECK_OK(kbsearch_indexer_commit(indexer, &report));
  CHECK(report->deleted == 1 && report->added == 0);
  kbsearch_report_free(report);
  CHECK(rank_of(searcher, "pt", "modo avião", "faq-airplane-pt") == 0);
  CHECK_STATUS(kbsearch_searcher_get(searcher, "faq-airplane-pt", &article), KBSEARCH_NOT_FOUND,
               "faq-airplane-pt");
  CHECK(article == NULL);
  CHECK(rank_of(searcher, "sw", "ndegeni", "faq-airplane-sw") == 1);

  /* Discarded changes, and those of an indexer closed without a commit,
   * never reach the index. */
  pt.id = "faq-airplane-pt-2";
  CHECK_OK(kbsearch_indexer_put(indexer, &pt));
  CHECK_OK(kbsearch_indexer_discard(indexer));
  CHECK_OK(kbsearch_indexer_commit(indexer, NULL));
  CHECK_OK(kbsearch_indexer_put(indexer, &pt));
  kbsearch_indexer_close(indexer);
  CHECK(rank_of(searcher, "pt", "modo avião", "faq-airplane-pt-2") == 0);
  kbsearch_searcher_close(searcher);
}

static void test_analyze(void) {
  kbsearch_tokens *tokens = NULL;
  const kbsearch_token *t;
  const char *thai = "ลืมรหัสผ่าน";
  const char *thai_words[] = {"ลืม", "รหัส", "ผ่าน"};
  size_t i, parts = 0;

  CHECK_OK(kbsearch_analyze("tr", "Şifremi unuttum", &tokens));
  CHECK(kbsearch_tokens_count(tokens) == 2);
  t = kbsearch_tokens_get(tokens, 0);
  CHECK(strcmp(t->text, "Şifremi") == 0 && strcmp(t->term, "şifremi") == 0);
  CHECK(strcmp(t->stem, "şifre") == 0 && strcmp(t->folded, "sifremi") == 0);
  CHECK(strcmp(t->folded_stem, "sifre") == 0);
  CHECK(t->start == 0 && t->end == 8 && t->position == 0 && !t->part && !t->stop);
  t = kbsearch_tokens_get(tokens, 1);
  CHECK(strcmp(t->term, "unuttum") == 0 && strcmp(t->stem, "unut") == 0);
  CHECK(strcmp(t->folded, "") == 0); /* nothing to fold */
  CHECK(t->start == 9 && t->end == 16 && t->position == 1);
  CHECK(kbsearch_tokens_get(tokens, 2) == NULL);
  kbsearch_tokens_free(tokens);

  /* Thai has no spaces between words: the segmenter finds them, and the
   * offsets point at each in the input. */
  CHECK_OK(kbsearch_analyze("th", thai, &tokens));
  CHECK(kbsearch_tokens_count(tokens) == 3);
  for (i = 0; i < 3; ++i) {
    t = kbsearch_tokens_get(tokens, i);
    CHECK(strcmp(t->text, thai_words[i]) == 0 && t->position == i);
    CHECK(t->end - t->start == strlen(thai_words[i]));
    CHECK(memcmp(thai + t->start, thai_words[i], t->end - t->start) == 0);
    CHECK(strcmp(t->stem, "") == 0);
  }
  kbsearch_tokens_free(tokens);

  /* A Swedish compound: its parts, at its position and offsets. */
  CHECK_OK(kbsearch_analyze("sv", "kundsupportförfrågningar", &tokens));
  CHECK(strcmp(kbsearch_tokens_get(tokens, 0)->term, "kundsupportförfrågningar") == 0);
  for (i = 1; i < kbsearch_tokens_count(tokens); ++i) {
    t = kbsearch_tokens_get(tokens, i);
    CHECK(t->part && t->position == 0 && t->start == 0 && t->end == 26);
    if (strcmp(t->term, "kund") == 0 || strcmp(t->term, "förfrågningar") == 0) ++parts;
  }
  CHECK(parts == 2);
  kbsearch_tokens_free(tokens);
}

/* Every function refuses NULL handles and arguments, and structs not set
 * up by their init function, saying which; out-parameters are NULL after. */
static void test_invalid_arguments(void) {
  kbsearch_indexer *indexer = NULL;
  kbsearch_searcher *searcher = NULL;
  kbsearch_results *results = NULL;
  kbsearch_report *report = NULL;
  kbsearch_stored_article *article = NULL;
  kbsearch_tokens *tokens = NULL;
  kbsearch_index_options index_options;
  kbsearch_search_options search_options;
  kbsearch_request request;
  kbsearch_article put;
  const char *const *languages = NULL;
  const char *paths[] = {NULL};
  const char *tags[] = {"ok", NULL};
  size_t count = 99;
  int removed = 99, generation = 99;

  CHECK_OK(kbsearch_article_init(&put, sizeof put));
  CHECK_STATUS(kbsearch_index_options_init(NULL, sizeof index_options), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_index_options_init: options is NULL");
  CHECK_STATUS(kbsearch_index_options_init(&index_options, 0), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_index_options of size 0");
  CHECK_STATUS(kbsearch_search_options_init(&search_options, sizeof search_options + 8),
               KBSEARCH_INVALID_ARGUMENT, "newer kbsearch_c.h");
  CHECK_STATUS(kbsearch_request_init(NULL, sizeof request), KBSEARCH_INVALID_ARGUMENT,
               "request is NULL");
  CHECK_STATUS(kbsearch_article_init(NULL, sizeof put), KBSEARCH_INVALID_ARGUMENT,
               "article is NULL");

  CHECK_STATUS(kbsearch_indexer_open(NULL, NULL, &indexer), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_indexer_open: db_dir is NULL");
  CHECK(indexer == NULL);
  CHECK_STATUS(kbsearch_indexer_open(db_dir, NULL, NULL), KBSEARCH_INVALID_ARGUMENT,
               "indexer is NULL");
  memset(&index_options, 0, sizeof index_options); /* never initialised */
  CHECK_STATUS(kbsearch_indexer_open(db_dir, &index_options, &indexer), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_index_options_init(&x, sizeof x)");
  /* Options the library itself refuses (kbsearch::InvalidArgumentError). */
  CHECK_OK(kbsearch_index_options_init(&index_options, sizeof index_options));
  index_options.shards = 2;
  index_options.shard = 3;
  CHECK_STATUS(kbsearch_indexer_open(db_dir, &index_options, &indexer), KBSEARCH_INVALID_ARGUMENT,
               "shard 3/2: is not one of shards 1 to 2");
  CHECK(indexer == NULL);
  CHECK_STATUS(kbsearch_indexer_index(NULL, paths, 0, &report), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_indexer_index: indexer is NULL");
  CHECK_STATUS(kbsearch_indexer_put(NULL, &put), KBSEARCH_INVALID_ARGUMENT, "indexer is NULL");
  CHECK_STATUS(kbsearch_indexer_remove(NULL, "x", &removed), KBSEARCH_INVALID_ARGUMENT,
               "indexer is NULL");
  CHECK(removed == 0);
  CHECK_STATUS(kbsearch_indexer_commit(NULL, &report), KBSEARCH_INVALID_ARGUMENT,
               "indexer is NULL");
  CHECK_STATUS(kbsearch_indexer_discard(NULL), KBSEARCH_INVALID_ARGUMENT, "indexer is NULL");
  CHECK_STATUS(kbsearch_rollback(NULL, 0, &generation), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_rollback: db_dir is NULL");
  CHECK(generation == 0);

  CHECK_OK(kbsearch_indexer_open(db_dir, NULL, &indexer));
  CHECK_STATUS(kbsearch_indexer_index(indexer, NULL, 1, &report), KBSEARCH_INVALID_ARGUMENT,
               "paths is NULL");
  CHECK_STATUS(kbsearch_indexer_index(indexer, paths, 1, &report), KBSEARCH_INVALID_ARGUMENT,
               "paths[0] is NULL");
  CHECK(report == NULL);
  CHECK_STATUS(kbsearch_indexer_index(indexer, paths, 0, NULL), KBSEARCH_INVALID_ARGUMENT,
               "report is NULL");
  CHECK_STATUS(kbsearch_indexer_put(indexer, NULL), KBSEARCH_INVALID_ARGUMENT, "article is NULL");
  put.markdown = "# x";
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INVALID_ARGUMENT,
               "article->id is NULL");
  put.id = "x";
  put.markdown = NULL;
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INVALID_ARGUMENT,
               "article->markdown is NULL");
  put.markdown = "# x";
  put.tag_count = 2;
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INVALID_ARGUMENT,
               "article->tags is NULL");
  put.tags = tags;
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INVALID_ARGUMENT,
               "article->tags[1] is NULL");
  put.size = 0;
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_article_init(&x, sizeof x)");
  CHECK_STATUS(kbsearch_indexer_remove(indexer, NULL, NULL), KBSEARCH_INVALID_ARGUMENT,
               "id is NULL");
  CHECK_OK(kbsearch_indexer_commit(indexer, NULL)); /* nothing was staged */
  kbsearch_indexer_close(indexer);

  CHECK_STATUS(kbsearch_searcher_open(NULL, NULL, &searcher), KBSEARCH_INVALID_ARGUMENT,
               "db_path is NULL");
  CHECK_STATUS(kbsearch_searcher_open(db_dir, NULL, NULL), KBSEARCH_INVALID_ARGUMENT,
               "searcher is NULL");
  memset(&search_options, 0, sizeof search_options);
  CHECK_STATUS(kbsearch_searcher_open(db_dir, &search_options, &searcher),
               KBSEARCH_INVALID_ARGUMENT, "kbsearch_search_options_init");
  CHECK_OK(kbsearch_search_options_init(&search_options, sizeof search_options));
  search_options.mark_post = NULL;
  CHECK_STATUS(kbsearch_searcher_open(db_dir, &search_options, &searcher),
               KBSEARCH_INVALID_ARGUMENT, "options->mark_post is NULL");
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.query = "senha";
  CHECK_STATUS(kbsearch_searcher_search(NULL, &request, &results), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_searcher_search: searcher is NULL");
  CHECK_STATUS(kbsearch_searcher_get(NULL, "x", &article), KBSEARCH_INVALID_ARGUMENT,
               "searcher is NULL");
  CHECK_STATUS(kbsearch_searcher_languages(NULL, &languages, &count), KBSEARCH_INVALID_ARGUMENT,
               "searcher is NULL");
  CHECK(languages == NULL && count == 0);

  CHECK_OK(kbsearch_searcher_open(db_dir, NULL, &searcher));
  CHECK_STATUS(kbsearch_searcher_search(searcher, NULL, &results), KBSEARCH_INVALID_ARGUMENT,
               "request is NULL");
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, NULL), KBSEARCH_INVALID_ARGUMENT,
               "results is NULL");
  request.sort = 7;
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_INVALID_ARGUMENT,
               "request->sort is 7");
  request.sort = KBSEARCH_SORT_RELEVANCE;
  request.query = NULL;
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_INVALID_ARGUMENT,
               "request->query is NULL");
  request.size = 0;
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_INVALID_ARGUMENT,
               "kbsearch_request_init(&x, sizeof x)");
  CHECK(results == NULL);
  CHECK_STATUS(kbsearch_searcher_get(searcher, NULL, &article), KBSEARCH_INVALID_ARGUMENT,
               "id is NULL");
  CHECK_STATUS(kbsearch_searcher_get(searcher, "x", NULL), KBSEARCH_INVALID_ARGUMENT,
               "article is NULL");
  CHECK_STATUS(kbsearch_searcher_languages(searcher, NULL, NULL), KBSEARCH_INVALID_ARGUMENT,
               "languages is NULL");
  kbsearch_searcher_close(searcher);

  CHECK_STATUS(kbsearch_analyze(NULL, "x", &tokens), KBSEARCH_INVALID_ARGUMENT, "lang is NULL");
  CHECK_STATUS(kbsearch_analyze("sv", NULL, &tokens), KBSEARCH_INVALID_ARGUMENT, "text is NULL");
  CHECK_STATUS(kbsearch_analyze("sv", "x", NULL), KBSEARCH_INVALID_ARGUMENT, "tokens is NULL");

  /* Accessors and destructors take NULL calmly. */
  CHECK(kbsearch_results_total(NULL) == 0 && kbsearch_results_hit_count(NULL) == 0);
  CHECK(kbsearch_results_hit(NULL, 0) == NULL && kbsearch_results_suggestion(NULL) == NULL);
  CHECK(kbsearch_results_language_facets(NULL, &count) == NULL && count == 0);
  CHECK(kbsearch_results_query_languages(NULL, NULL) == NULL);
  CHECK(kbsearch_tokens_count(NULL) == 0 && kbsearch_tokens_get(NULL, 0) == NULL);
  kbsearch_indexer_close(NULL);
  kbsearch_searcher_close(NULL);
  kbsearch_results_free(NULL);
  kbsearch_report_free(NULL);
  kbsearch_stored_article_free(NULL);
  kbsearch_tokens_free(NULL);
  check_still_found();
}

/* Each C++ error class arrives as its status, with its message. */
static void test_errors(void) {
  char missing[400], stub[400], extra[400], extra_file[500];
  kbsearch_indexer *indexer = NULL, *second = NULL;
  kbsearch_searcher *searcher = NULL;
  kbsearch_results *results = NULL;
  kbsearch_stored_article *article = NULL;
  kbsearch_tokens *tokens = NULL;
  kbsearch_report *report = NULL;
  kbsearch_index_options index_options;
  kbsearch_search_options search_options;
  kbsearch_request request;
  kbsearch_article put;
  struct timespec before, after;
  int generation = 0;

  /* Bad articles: nothing staged, nothing lost. */
  CHECK_OK(kbsearch_indexer_open(db_dir, NULL, &indexer));
  CHECK_OK(kbsearch_article_init(&put, sizeof put));
  put.id = "bad-utf8";
  put.markdown = "# Senha\n\nVoc\xea esqueceu a senha?\n";
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INPUT_ERROR,
               "article 'bad-utf8': invalid UTF-8");
  put.id = "reset-password-sv"; /* indexed from its file: only the file changes it */
  put.markdown = "# Lösenord\n\nText.\n";
  CHECK_STATUS(kbsearch_indexer_put(indexer, &put), KBSEARCH_INPUT_ERROR, "reset-password-sv");
  CHECK_STATUS(kbsearch_indexer_remove(indexer, "reset-password-th", NULL), KBSEARCH_INPUT_ERROR,
               "reset-password-th");
  CHECK_OK(kbsearch_indexer_commit(indexer, &report));
  CHECK(report->added == 0 && report->updated == 0 && report->deleted == 0);
  kbsearch_report_free(report);
  check_still_found();

  /* A file run while articles are staged is refused. */
  put.id = "staged";
  CHECK_OK(kbsearch_indexer_put(indexer, &put));
  {
    const char *paths[] = {KBSEARCH_SOURCE_DIR "/corpus"};
    CHECK_STATUS(kbsearch_indexer_index(indexer, paths, 1, &report), KBSEARCH_ERROR,
                 "changes are staged: commit() or discard() them");
    CHECK(report == NULL);
  }
  CHECK_OK(kbsearch_indexer_discard(indexer));

  /* One indexer an index: a second waits as long as it is told to, then
   * gives up. */
  CHECK_OK(kbsearch_index_options_init(&index_options, sizeof index_options));
  index_options.wait_seconds = 0.3;
  CHECK(clock_gettime(CLOCK_MONOTONIC, &before) == 0);
  CHECK_STATUS(kbsearch_indexer_open(db_dir, &index_options, &second), KBSEARCH_INDEX_LOCKED,
               "is locked by");
  CHECK(clock_gettime(CLOCK_MONOTONIC, &after) == 0);
  CHECK((after.tv_sec - before.tv_sec) + (after.tv_nsec - before.tv_nsec) / 1e9 >= 0.3);
  CHECK(second == NULL);
  kbsearch_indexer_close(indexer);
  check_still_found();

  /* Queries the parser or the limits reject. */
  CHECK_OK(kbsearch_search_options_init(&search_options, sizeof search_options));
  search_options.max_limit = 3;
  CHECK_OK(kbsearch_searcher_open(db_dir, &search_options, &searcher));
  CHECK_OK(kbsearch_request_init(&request, sizeof request));
  request.limit = 3;
  request.query = "(senha";
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_QUERY_ERROR,
               "query \"(senha\": '(' at character 1 is never closed");
  CHECK(results == NULL);
  request.query = "senha";
  request.limit = 4;
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_QUERY_ERROR,
               "the limit is 3");
  request.limit = 3;
  request.lang = "not a language"; /* the request's language; kbsearch_analyze's is below */
  CHECK_STATUS(kbsearch_searcher_search(searcher, &request, &results), KBSEARCH_QUERY_ERROR,
               "unknown language code 'not a language'");
  CHECK_STATUS(kbsearch_searcher_get(searcher, "no-such-article", &article), KBSEARCH_NOT_FOUND,
               "no-such-article");
  CHECK(article == NULL);
  /* The searcher still answers after its errors. */
  request.lang = "pt";
  request.query = "esqueci a senha";
  CHECK_OK(kbsearch_searcher_search(searcher, &request, &results));
  CHECK(strcmp(kbsearch_results_hit(results, 0)->id, "reset-password-pt") == 0);
  kbsearch_results_free(results);
  kbsearch_searcher_close(searcher);

  /* Indexes that are not there, or do not answer. */
  snprintf(missing, sizeof missing, "%s/no-such-index", work_dir);
  CHECK_STATUS(kbsearch_searcher_open(missing, NULL, &searcher), KBSEARCH_INDEX_UNUSABLE,
               "no-such-index");
  CHECK(searcher == NULL);
  snprintf(stub, sizeof stub, "%s/unreachable.stub", work_dir);
  write_file(stub, "remote 127.0.0.1:1\n"); /* a shard server where none listens */
  CHECK_STATUS(kbsearch_searcher_open(stub, NULL, &searcher), KBSEARCH_SHARD_UNAVAILABLE,
               "shard server is down");

  CHECK_STATUS(kbsearch_analyze("not a language", "text", &tokens), KBSEARCH_LANGUAGE_ERROR,
               "unknown language code 'not a language'");
  CHECK(tokens == NULL);

  /* Rollback needs a generation to go back to; a rebuild leaves one. */
  CHECK_STATUS(kbsearch_rollback(db_dir, 0, &generation), KBSEARCH_ERROR,
               "no previous generation");
  check_still_found();
  snprintf(extra, sizeof extra, "%s/extra", work_dir);
  CHECK(mkdir(extra, 0700) == 0);
  snprintf(extra_file, sizeof extra_file, "%s/glasogon.md", extra);
  write_file(extra_file, "# Glasögonläge\n\nSlå på glasögonläget under Inställningar.\n");
  index_options.rebuild = 1;
  CHECK_OK(kbsearch_indexer_open(db_dir, &index_options, &indexer));
  {
    const char *paths[] = {KBSEARCH_SOURCE_DIR "/corpus", extra};
    CHECK_OK(kbsearch_indexer_index(indexer, paths, 2, &report));
  }
  /* Every article analysed afresh; only the new one counted as a change. */
  CHECK(report->generation == 2 && report->added == 1 && report->unchanged == 0 && report->reanalysed >= 50);
  kbsearch_report_free(report);
  kbsearch_indexer_close(indexer);
  CHECK_OK(kbsearch_searcher_open(db_dir, NULL, &searcher));
  CHECK(rank_of(searcher, "sv", "glasögonläget", "glasogon") == 1);
  CHECK_OK(kbsearch_rollback(db_dir, 0, &generation));
  CHECK(generation == 1);
  CHECK(rank_of(searcher, "sv", "glasögonläget", "glasogon") == 0); /* followed the switch */
  kbsearch_searcher_close(searcher);
  check_still_found();
}

/* kbsearch_errmsg() belongs to the thread that failed. */
static void *fail_in_thread(void *unused) {
  kbsearch_searcher *searcher = NULL;
  (void)unused;
  CHECK(strcmp(kbsearch_errmsg(), "") == 0); /* this thread has not failed yet */
  CHECK_STATUS(kbsearch_searcher_open(NULL, NULL, &searcher), KBSEARCH_INVALID_ARGUMENT,
               "db_path is NULL");
  return NULL;
}

static void test_message_per_thread(void) {
  kbsearch_tokens *tokens = NULL;
  pthread_t thread;
  CHECK_STATUS(kbsearch_analyze("not a language", "text", &tokens), KBSEARCH_LANGUAGE_ERROR, "");
  CHECK(pthread_create(&thread, NULL, fail_in_thread, NULL) == 0);
  CHECK(pthread_join(thread, NULL) == 0);
  CHECK(strstr(kbsearch_errmsg(), "unknown language code") != NULL);
}

int main(void) {
  const char *tmp = getenv("TMPDIR");
  kbsearch_searcher *searcher = NULL;

  snprintf(work_dir, sizeof work_dir, "%s/kbsearch-c-api-XXXXXX", tmp != NULL ? tmp : "/tmp");
  CHECK(mkdtemp(work_dir) != NULL);
  snprintf(db_dir, sizeof db_dir, "%s/db", work_dir);
  snprintf(bad_dir, sizeof bad_dir, "%s/bad", work_dir);
  CHECK(mkdir(bad_dir, 0700) == 0);

  test_version_and_status_names();
  test_index_corpus();
  test_walk_options();
  CHECK_OK(kbsearch_searcher_open(db_dir, NULL, &searcher));
  test_search_five_languages(searcher);
  test_request_fields(searcher);
  test_per_request_options(searcher);
  test_get_and_languages(searcher);
  test_suggest(searcher);
  kbsearch_searcher_close(searcher);
  test_documents_api();
  test_analyze();
  test_invalid_arguments();
  test_errors();
  test_message_per_thread();

  CHECK(nftw(work_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0);
  puts("c_api_test: all checks passed");
  return 0;
}
