/*
 * query_c DB QUERIES: answers each `lang<TAB>query` line of QUERIES through
 * the C API (kbsearch_searcher_search, default request) with one line of
 * JSON, {"ids": [...], "highlights": [[[start, end], ...] per hit]}, the
 * highlights in bytes. One of the four doors of doors_test.py.
 */
#define _XOPEN_SOURCE 700

#include <stdio.h>
#include <string.h>

#include "kbsearch/kbsearch_c.h"

static int fail(const char *doing, kbsearch_status status) {
  fprintf(stderr, "query_c: %s: %s [%s]\n", doing, kbsearch_errmsg(), kbsearch_status_name(status));
  return 1;
}

/* A JSON string: the ids are UTF-8, so only quotes, backslashes and
 * control characters need escaping. */
static void print_json_string(const char *s) {
  putchar('"');
  for (; *s != '\0'; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: query_c DB QUERIES\n");
    return 2;
  }
  FILE *queries = fopen(argv[2], "r");
  if (queries == NULL) {
    perror(argv[2]);
    return 1;
  }
  kbsearch_searcher *searcher;
  kbsearch_status status = kbsearch_searcher_open(argv[1], NULL, &searcher);
  if (status != KBSEARCH_OK) return fail("opening the index", status);
  char line[4096];
  int failed = 0;
  while (!failed && fgets(line, sizeof line, queries) != NULL) {
    line[strcspn(line, "\n")] = '\0';
    char *tab = strchr(line, '\t');
    if (tab == NULL) continue;
    *tab = '\0';
    kbsearch_request request;
    kbsearch_request_init(&request, sizeof request);
    request.lang = line;
    request.query = tab + 1;
    kbsearch_results *results;
    status = kbsearch_searcher_search(searcher, &request, &results);
    if (status != KBSEARCH_OK) {
      failed = fail(request.query, status);
      break;
    }
    size_t hits = kbsearch_results_hit_count(results);
    printf("{\"ids\": [");
    for (size_t i = 0; i < hits; ++i) {
      if (i > 0) printf(", ");
      print_json_string(kbsearch_results_hit(results, i)->id);
    }
    printf("], \"highlights\": [");
    for (size_t i = 0; i < hits; ++i) {
      const kbsearch_hit *hit = kbsearch_results_hit(results, i);
      printf("%s[", i > 0 ? ", " : "");
      for (size_t j = 0; j < hit->highlight_count; ++j) {
        printf("%s[%zu, %zu]", j > 0 ? ", " : "", hit->highlights[j].start,
               hit->highlights[j].end);
      }
      printf("]");
    }
    printf("]}\n");
    kbsearch_results_free(results);
  }
  kbsearch_searcher_close(searcher);
  fclose(queries);
  return failed;
}
