/*
 * put_articles_c DB DIR: puts every DIR/ID.md into the index DB through the
 * C API (kbsearch_indexer_put), id ID, text the file's, and commits. One of
 * the four doors of doors_test.py.
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kbsearch/kbsearch_c.h"

static int fail(const char *doing, kbsearch_status status) {
  fprintf(stderr, "put_articles_c: %s: %s [%s]\n", doing, kbsearch_errmsg(),
          kbsearch_status_name(status));
  return 1;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The whole file, NUL-terminated, or NULL. */
static char *read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) return NULL;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  rewind(file);
  char *text = malloc((size_t)size + 1);
  if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
    text[size] = '\0';
  } else {
    free(text);
    text = NULL;
  }
  fclose(file);
  return text;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: put_articles_c DB DIR\n");
    return 2;
  }
  DIR *dir = opendir(argv[2]);
  if (dir == NULL) {
    perror(argv[2]);
    return 1;
  }
  char *names[256];
  size_t count = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL && count < 256) {
    size_t length = strlen(entry->d_name);
    if (length > 3 && strcmp(entry->d_name + length - 3, ".md") == 0) {
      names[count++] = strdup(entry->d_name);
    }
  }
  closedir(dir);
  qsort(names, count, sizeof names[0], by_name);

  kbsearch_indexer *indexer;
  kbsearch_status status = kbsearch_indexer_open(argv[1], NULL, &indexer);
  if (status != KBSEARCH_OK) return fail("opening the index", status);
  int failed = 0;
  for (size_t i = 0; i < count && !failed; ++i) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", argv[2], names[i]);
    char *text = read_file(path);
    if (text == NULL) {
      perror(path);
      failed = 1;
      break;
    }
    names[i][strlen(names[i]) - 3] = '\0'; /* the id: the name without .md */
    kbsearch_article article;
    kbsearch_article_init(&article, sizeof article);
    article.id = names[i];
    article.markdown = text;
    status = kbsearch_indexer_put(indexer, &article);
    free(text);
    if (status != KBSEARCH_OK) failed = fail(names[i], status);
  }
  if (!failed) {
    status = kbsearch_indexer_commit(indexer, NULL);
    if (status != KBSEARCH_OK) failed = fail("committing", status);
  }
  kbsearch_indexer_close(indexer);
  for (size_t i = 0; i < count; ++i) free(names[i]);
  return failed;
}
