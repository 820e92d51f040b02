/*
 * kbsearch_c.h: the C API of kbsearch.
 *
 * For programs in C, and for other languages through their C foreign
 * function interfaces (PHP FFI, Go cgo, Ruby FFI, Python ctypes). It is a
 * thin layer over the C++ API (kbsearch/indexer.h, searcher.h, analyzer.h):
 * the same objects, options and errors, converted, with nothing decided
 * here that the C++ library does not decide. Read those headers for what
 * indexing and searching do; this one says how to reach them from C.
 * C99; compiles as C++ too.
 *
 * CONVENTIONS (they hold for every function below unless it says otherwise)
 *
 * Strings.  Every string, in and out, is NUL-terminated UTF-8. Strings the
 * library returns are never NULL: a field that is absent is "" (an article
 * without an update date, a word without a stem).
 *
 * Status.  A function that can fail returns a kbsearch_status: KBSEARCH_OK
 * (0) or the kind of failure, one code per C++ error class (see the enum).
 * On failure its out-parameters are set to NULL (or 0) when they are not
 * NULL themselves, and kbsearch_errmsg() says what went wrong. A NULL
 * handle or a NULL required argument is KBSEARCH_INVALID_ARGUMENT, never a
 * crash. No C++ exception crosses this API, not even std::bad_alloc
 * (KBSEARCH_OUT_OF_MEMORY). Accessors that cannot fail (kbsearch_results_*,
 * kbsearch_tokens_*) return 0 or NULL for a NULL handle or an index out of
 * range, and leave kbsearch_errmsg() alone.
 *
 * Ownership.  What a function hands out through a `T **` out-parameter is
 * the caller's: free it with the function named for it (kbsearch_*_close
 * or kbsearch_*_free; each accepts NULL). Everything reached through such
 * an object (a hit, a token, a string, an array) belongs to that object:
 * it is valid until the object is freed, and is never freed by the caller.
 * Objects are independent of each other: results, reports, stored
 * articles and tokens stay valid after the searcher or indexer that made
 * them is closed, and may be freed in any order.
 *
 * Lists.  An array comes with a count. An array of strings also ends with a
 * NULL pointer, and so is never NULL itself; any other array may be NULL
 * when its count is 0.
 *
 * Thread safety, as for the C++ types.  An indexer or a searcher is used by
 * one thread at a time; open one searcher per thread (opening is cheap).
 * An index has one indexer at a time: it holds the index's write lock, in
 * this process or another. Results, reports, stored articles and tokens are
 * not changed after they are returned, so any number of threads may read
 * them; free each once. Functions without a handle (kbsearch_analyze,
 * kbsearch_rollback, the _init functions...) may be called from any thread.
 *
 * ABI growth.  The structs the caller fills (kbsearch_index_options,
 * kbsearch_search_options, kbsearch_request, kbsearch_article) begin with a
 * `size` that their init function records: always call it first, with
 * sizeof the struct, then set fields:
 *
 *     kbsearch_request request;
 *     kbsearch_request_init(&request, sizeof request);
 *     request.query = "glömt lösenordet";
 *
 * Fields are only ever appended to these structs, so a program built
 * against an older kbsearch_c.h works with a newer library: the size tells
 * the library which fields the program knows, and the others keep their
 * defaults. (A struct from a newer header than the library's is refused,
 * KBSEARCH_INVALID_ARGUMENT.) The structs the library fills (kbsearch_hit,
 * kbsearch_token, kbsearch_report, kbsearch_stored_article) are only read
 * through pointers the library gives, one at a time, so fields may be
 * appended to them too. The small structs that come in arrays
 * (kbsearch_highlight, kbsearch_facet, kbsearch_file_error,
 * kbsearch_section) keep their layout, since a program steps through the
 * array with its own idea of their size; what they lack would come as a
 * new array beside them.
 *
 * Not here (use the C++ API or the command line): an indexing progress
 * callback; keep-whole word lists and synonyms (set them with `kbsearch
 * index --keep-whole/--synonyms`: they are stored in the index, and runs
 * that do not set them keep them); the stage-by-stage analysis of `kbsearch
 * analyze --explain`; sharding administration (Indexer::update_side,
 * shard_directory); language identification; evaluation measures.
 */
#ifndef KBSEARCH_KBSEARCH_C_H
#define KBSEARCH_KBSEARCH_C_H

#include <stddef.h>
#include <stdint.h>

/* Marks the functions of this API as exported from a shared library, even
 * when the rest of the library is built with hidden symbols. */
#if defined(__GNUC__) || defined(__clang__)
#define KBSEARCH_C_API __attribute__((visibility("default")))
#else
#define KBSEARCH_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Status codes, messages, version
 * ------------------------------------------------------------------------ */

/* What a call did. The values never change; new ones may be added, and a
 * caller treats a code it does not know as KBSEARCH_ERROR. */
typedef enum kbsearch_status {
  KBSEARCH_OK = 0,
  /* Any other failure (kbsearch::Error): rollback with no previous
   * generation, put on a dry run, index() while changes are staged... */
  KBSEARCH_ERROR = 1,
  /* A NULL handle or required argument, a struct not set up by its init
   * function, an option value out of its range or at odds with another
   * (kbsearch::InvalidArgumentError: shard 3 of 2, a synonym of too many
   * words, a quality check's rank of 0). The caller's mistake: the message
   * names the argument. */
  KBSEARCH_INVALID_ARGUMENT = 2,
  KBSEARCH_OUT_OF_MEMORY = 3,
  /* An article that cannot be indexed (kbsearch::InputError): a missing or
   * invalid id, text that is not UTF-8 or holds NUL bytes, broken front
   * matter, an id owned by a file. The message names the article. */
  KBSEARCH_INPUT_ERROR = 4,
  /* A query the searcher cannot answer as written (kbsearch::QueryError):
   * unbalanced parentheses, over the limits, an unknown language. The
   * message quotes the query and says where. */
  KBSEARCH_QUERY_ERROR = 5,
  /* A malformed language code for kbsearch_analyze
   * (kbsearch::LanguageError). */
  KBSEARCH_LANGUAGE_ERROR = 6,
  /* kbsearch_searcher_get: the index has no article of that id. */
  KBSEARCH_NOT_FOUND = 7,
  /* Another indexer, in this process or another, holds the index's write
   * lock (kbsearch::IndexLockedError); the message names its process. */
  KBSEARCH_INDEX_LOCKED = 8,
  /* The index is missing, unreadable or corrupt
   * (kbsearch::IndexUnusableError); the message says what fixes it. The
   * next two codes are particular cases of it. */
  KBSEARCH_INDEX_UNUSABLE = 9,
  /* The index was written with another schema version
   * (kbsearch::IndexVersionError): rebuild it (index options `rebuild`). */
  KBSEARCH_INDEX_VERSION = 10,
  /* A shard of a sharded index does not answer, nor any of its replicas
   * (kbsearch::ShardUnavailableError). */
  KBSEARCH_SHARD_UNAVAILABLE = 11
} kbsearch_status;

/* The name of a status as written above ("KBSEARCH_QUERY_ERROR"), or
 * "KBSEARCH_UNKNOWN_STATUS" for any other number. A static string. */
KBSEARCH_C_API const char *kbsearch_status_name(int status);

/* What went wrong in the last call on this thread that failed: a message
 * for people, saying what to do where there is something to do. "" before
 * any failure. Successful calls do not change it, so read it right after a
 * call returned a status other than KBSEARCH_OK. The string belongs to the
 * library and stays valid until the next kbsearch call on this thread.
 *
 * Why per thread and not per handle (as sqlite3_errmsg): the calls that
 * fail without a handle to hang a message on, opening one and passing a
 * NULL one, need it as much as the others, and a handle is used by one
 * thread at a time anyway. libgit2's git_error_last() works the same way.
 * Go: goroutines move between threads, so make the call and read the
 * message with the goroutine locked to its thread (runtime.LockOSThread),
 * as git2go does. */
KBSEARCH_C_API const char *kbsearch_errmsg(void);

/* The library's version ("0.1.0"). A static string. */
KBSEARCH_C_API const char *kbsearch_version(void);

/* ------------------------------------------------------------------------
 * Indexing
 * ------------------------------------------------------------------------ */

/* An open index, for writing. Holds the index's write lock until closed. */
typedef struct kbsearch_indexer kbsearch_indexer;

/* Options for kbsearch_indexer_open. Fields are only ever appended; always
 * call kbsearch_index_options_init first. */
typedef struct kbsearch_index_options {
  size_t size; /* set by kbsearch_index_options_init: leave it alone */
  /* Files larger than this are reported as errors rather than read, and
   * put articles larger than this are refused. Default 8 MiB. */
  uint64_t max_file_bytes;
  /* Non-zero: write a new generation and switch readers to it atomically
   * (at the end of kbsearch_indexer_index, or at commit), keeping the
   * previous one for kbsearch_rollback. Also the way to move an index of
   * another schema version (KBSEARCH_INDEX_VERSION) to this one. */
  int rebuild;
  /* Non-zero: index() reports what would change without writing anything
   * (no lock is taken); put() fails. */
  int dry_run;
  /* Symbolic links to article files are followed inside the indexed
   * directory only (default 0); non-zero: to files anywhere (never to
   * devices or pipes). */
  int follow_links;
  /* Directories nested deeper than this under an indexed directory are
   * reported as file errors and not walked; the articles indexed from them
   * before stay. Default 100. */
  unsigned max_depth;
  /* Threads that parse and analyse articles; 0 (default): one per core. */
  unsigned threads;
  /* How long to wait for another writer's lock before failing with
   * KBSEARCH_INDEX_LOCKED; default 0, fail at once. */
  double wait_seconds;
  /* 0 (default): index() commits once, at the end. N: after every N
   * changed articles, bounding memory; readers then see the run in
   * batches, each whole. */
  size_t commit_every;
  /* Changed articles Xapian holds in memory before writing them to the
   * database files (still invisible to readers). Default 250; 0: Xapian's
   * own default. */
  size_t flush_every;
  /* Sharding (README "Scaling out"). N > 0: the index is N shards; a new
   * directory becomes one, an existing one must have N already. 0
   * (default): unsharded, or the count of an index sharded already. */
  unsigned shards;
  /* With shards: write only this shard (1..shards). 0 (default): all. */
  unsigned shard;
} kbsearch_index_options;

/* Fills `options` with the defaults, `size` being sizeof *options as the
 * caller compiled it. */
KBSEARCH_C_API kbsearch_status kbsearch_index_options_init(kbsearch_index_options *options,
                                                           size_t size);

/* Opens, or creates, the index in directory `db_dir`, with `options` (NULL:
 * the defaults), and sets *indexer to it. Fails with KBSEARCH_INDEX_LOCKED
 * when another indexer holds the index (after options->wait_seconds), and
 * KBSEARCH_INDEX_UNUSABLE or KBSEARCH_INDEX_VERSION when the directory is
 * not a kbsearch index of this version and options->rebuild is not set. */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_open(const char *db_dir,
                                                     const kbsearch_index_options *options,
                                                     kbsearch_indexer **indexer);

/* Closes the index and releases its lock. Changes staged by put and remove
 * and not committed are dropped, as an uncommitted transaction is. */
KBSEARCH_C_API void kbsearch_indexer_close(kbsearch_indexer *indexer);

/* A file that was not indexed, and why: see kbsearch::FileError. */
typedef struct kbsearch_file_error {
  const char *path;    /* the file, as found under the path given */
  const char *message; /* why it was not indexed */
} kbsearch_file_error;

/* What an index() run or a commit did; see kbsearch::IndexReport. Read
 * only; free with kbsearch_report_free. */
typedef struct kbsearch_report {
  size_t added;     /* articles new to the index */
  size_t updated;   /* articles whose file (or put text and fields) changed */
  size_t deleted;   /* articles whose file disappeared, or removed */
  size_t unchanged; /* files skipped because their content and analysis
                       are current; puts that changed nothing */
  size_t failed;    /* files that could not be indexed: see errors */
  /* Files whose articles belong to shards this run does not write. */
  size_t elsewhere;
  const kbsearch_file_error *errors; /* error_count of them, one per failed file */
  size_t error_count;
  int dry_run;    /* non-zero: nothing was written */
  int generation; /* the generation readers now open */
  /* Wall time of the run, and of its parts (reading files, analysing
   * them summed over threads, writing the index). */
  double seconds;
  double read_seconds;
  double analyze_seconds;
  double write_seconds;
  /* Articles of unchanged text analysed afresh: every one in a rebuild,
   * all after a change of the analysis (keep-whole lists, version). */
  size_t reanalysed;
  /* The ids counted in added, updated and deleted, sorted
   * (added_id_count == added, and so on). */
  const char *const *added_ids;
  size_t added_id_count;
  const char *const *updated_ids;
  size_t updated_id_count;
  const char *const *deleted_ids;
  size_t deleted_id_count;
  /* Not errors: files of the same text under different ids, each warning
   * naming both (kbsearch::IndexReport::warnings). */
  const kbsearch_file_error *warnings;
  size_t warning_count;
} kbsearch_report;

KBSEARCH_C_API void kbsearch_report_free(kbsearch_report *report);

/* Indexes `path_count` files (.md, .markdown, .txt) and directories
 * (recursively), incrementally, and sets *report to what it did. A file
 * that cannot be indexed is not a failure of the call: it is counted in
 * the report's `failed` and listed in its `errors`, and the article indexed
 * from it before stays. Fails only when the index itself does, or when
 * put or remove changes are staged (commit or discard them first). */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_index(kbsearch_indexer *indexer,
                                                      const char *const *paths, size_t path_count,
                                                      kbsearch_report **report);

/* An article given by the application (the documents API); see
 * kbsearch::Article. Fields are only ever appended; always call
 * kbsearch_article_init first. */
typedef struct kbsearch_article {
  size_t size;          /* set by kbsearch_article_init: leave it alone */
  const char *id;       /* required; unique in the index, at most 200 bytes */
  const char *markdown; /* required: Markdown, optionally with front matter */
  /* The fields below take the place of the front matter's; NULL (the
   * default) or "": unset. */
  const char *title;   /* default: the front matter's, else the first heading */
  const char *lang;    /* "sv", "pt-BR"...; default: front matter's, else identified */
  const char *updated; /* YYYY-MM-DD */
  const char *group;   /* translation group; default: the id */
  /* tag_count tags; when there are any, they replace the front matter's. */
  const char *const *tags;
  size_t tag_count;
} kbsearch_article;

/* Sets every field of `article` unset, `size` being sizeof *article. */
KBSEARCH_C_API kbsearch_status kbsearch_article_init(kbsearch_article *article, size_t size);

/* Analyses `article` as a file would be and stages it, replacing the
 * article of that id; nothing reaches the index before commit. The strings
 * are copied: the caller may free them on return. KBSEARCH_INPUT_ERROR
 * (naming the id) for an invalid id, text that is not UTF-8 or is over
 * max_file_bytes, broken front matter or fields, an id owned by a file;
 * nothing is staged then, and what was staged before stays. Staging the same text and fields again changes nothing. */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_put(kbsearch_indexer *indexer,
                                                    const kbsearch_article *article);

/* Stages the removal of article `id`. *removed (if `removed` is not NULL)
 * becomes 1, or 0 when the index, with the changes staged so far, has no
 * such article. KBSEARCH_INPUT_ERROR when the id is owned by a file. */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_remove(kbsearch_indexer *indexer, const char *id,
                                                       int *removed);

/* Writes the changes staged by put and remove in one atomic commit:
 * readers see all of them or none. *report (if `report` is not NULL)
 * counts them: added, updated, deleted, unchanged. */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_commit(kbsearch_indexer *indexer,
                                                       kbsearch_report **report);

/* Drops the staged changes. */
KBSEARCH_C_API kbsearch_status kbsearch_indexer_discard(kbsearch_indexer *indexer);

/* Switches readers of the index in `db_dir` back to the generation before
 * the current one (kept by a rebuild), and sets *generation (if not NULL)
 * to its number. Takes the write lock, waiting up to `wait_seconds`.
 * KBSEARCH_ERROR when there is no previous generation. */
KBSEARCH_C_API kbsearch_status kbsearch_rollback(const char *db_dir, double wait_seconds,
                                                 int *generation);

/* ------------------------------------------------------------------------
 * Searching
 * ------------------------------------------------------------------------ */

/* An open index, for searching: a database directory, or a Xapian stub
 * file listing shards. Sees new commits and generations on its next call. */
typedef struct kbsearch_searcher kbsearch_searcher;

/* Options for kbsearch_searcher_open; see kbsearch::SearchOptions for what
 * each does. Fields are only ever appended; always call
 * kbsearch_search_options_init first. */
typedef struct kbsearch_search_options {
  size_t size; /* set by kbsearch_search_options_init: leave it alone */
  /* Weights of a word's match in the title alone and in code, relative to
   * the article's text (defaults 0.5, 0.5). */
  double title_weight;
  double code_weight;
  /* Bonuses for the query's words in sequence, and close together
   * (defaults 1, 0.5); for hits in the preferred language (default 4; 0:
   * no preference); for recently updated articles, falling to 0 at
   * recency_days old (default 0: off; 365 days). */
  double phrase_bonus;
  double proximity_bonus;
  double language_bonus;
  double recency_bonus;
  int recency_days;
  /* Typo tolerance from words of this many characters (default 5). */
  size_t typo_min_chars;
  /* Hostile-query limits (4096 bytes, 64 words, 1000 hits a page, 100
   * words per prefix*): queries over them fail with KBSEARCH_QUERY_ERROR. */
  size_t max_query_bytes;
  size_t max_query_words;
  size_t max_limit;
  size_t max_prefix_expansions;
  /* Snippet length in characters (default 160). */
  size_t snippet_chars;
  /* Put around each highlight in a hit's snippet_html as they are, while
   * the text between is escaped (defaults "<mark>", "</mark>"): they are
   * yours to make safe for where you show them. Copied when the searcher
   * opens. */
  const char *mark_pre;
  const char *mark_post;
  /* Sharded indexes: non-zero, answer without the shards that do not
   * (naming them in kbsearch_results_missing_shards); 0 (default), fail
   * with KBSEARCH_SHARD_UNAVAILABLE. */
  int allow_missing_shards;
  /* How long a remote shard has to connect and answer (default 10000). */
  unsigned shard_timeout_ms;
  /* How often a searcher of remote shards connects afresh (default 60). */
  double reconnect_seconds;
  /* Facets and the total are counted over at most this many matches
   * (default 1000); past it they are estimated, and
   * kbsearch_results_facets_exact says 0. */
  size_t facet_max_matches;
} kbsearch_search_options;

/* Fills `options` with the defaults, `size` being sizeof *options. */
KBSEARCH_C_API kbsearch_status kbsearch_search_options_init(kbsearch_search_options *options,
                                                            size_t size);

/* Opens the index at `db_path` (a directory or a stub file), with `options`
 * (NULL: the defaults), and sets *searcher to it. KBSEARCH_INDEX_UNUSABLE
 * when the index is missing or unreadable, KBSEARCH_INDEX_VERSION when it
 * is of another schema version, KBSEARCH_SHARD_UNAVAILABLE when a shard
 * does not answer. */
KBSEARCH_C_API kbsearch_status kbsearch_searcher_open(const char *db_path,
                                                      const kbsearch_search_options *options,
                                                      kbsearch_searcher **searcher);

KBSEARCH_C_API void kbsearch_searcher_close(kbsearch_searcher *searcher);

typedef enum kbsearch_sort {
  KBSEARCH_SORT_RELEVANCE = 0, /* best match first (default) */
  KBSEARCH_SORT_UPDATED = 1    /* most recently updated first, then best match */
} kbsearch_sort;

/* One search; see kbsearch::SearchRequest. Fields are only ever appended;
 * always call kbsearch_request_init first. */
typedef struct kbsearch_request {
  size_t size;       /* set by kbsearch_request_init: leave it alone */
  const char *query; /* required: the query language of README.md */
  /* The user's language: the query is analysed for it alone and its
   * translations are preferred. NULL (default) or "": every indexed
   * language the query could be written in. */
  const char *lang;
  size_t offset; /* first hit to return (0-based rank); default 0 */
  size_t limit;  /* hits to return; default 10 */
  /* A kbsearch_sort. An int, not the enum, so that any number a caller
   * stores is one the library can check (and a foreign interface has no
   * enum size to guess). */
  int sort;
  int all_translations; /* non-zero: every translation; 0 (default): one hit per group */
  int facets;           /* count languages and tags over all matches (default 1) */
  int snippets;         /* build snippets, find the best section (default 1) */
  /* For this request instead of the searcher's options of the same name,
   * so that one searcher serves requests that ask differently. Each
   * default means "the searcher's". */
  double recency_bonus; /* negative (default -1): the searcher's; 0: off for this request */
  int recency_days;     /* 0 or less (default 0): the searcher's */
  size_t snippet_chars; /* 0 (default): the searcher's */
  const char *mark_pre; /* NULL (default): the searcher's */
  const char *mark_post;
  size_t facet_max_matches; /* 0 (default): the searcher's */
} kbsearch_request;

/* Fills `request` with the defaults (no query yet), `size` being sizeof
 * *request. */
KBSEARCH_C_API kbsearch_status kbsearch_request_init(kbsearch_request *request, size_t size);

/* A page of ranked hits with the facts about the whole search. */
typedef struct kbsearch_results kbsearch_results;

/* Searches, and sets *results to the answer. KBSEARCH_QUERY_ERROR for a
 * query that does not parse, is over the limits, or has an unknown
 * language; KBSEARCH_SHARD_UNAVAILABLE when a shard does not answer. */
KBSEARCH_C_API kbsearch_status kbsearch_searcher_search(kbsearch_searcher *searcher,
                                                        const kbsearch_request *request,
                                                        kbsearch_results **results);

/* A query word in a hit's snippet, as [start, end) offsets in the units
 * each language's strings count: UTF-8 bytes (C, Go, PHP, Ruby's
 * bytesize), UTF-16 code units (JavaScript, Java, C#) and code points
 * (Python's str, Ruby's String#[]; they differ from UTF-16 past U+FFFF,
 * emoji for one). A highlight covers whole characters as a reader sees
 * them (a Thai consonant with its vowel and tone marks). */
typedef struct kbsearch_highlight {
  size_t start;
  size_t end;
  size_t start_utf16;
  size_t end_utf16;
  size_t start_code_point;
  size_t end_code_point;
} kbsearch_highlight;

/* One ranked article; see kbsearch::Hit. Belongs to its results. */
typedef struct kbsearch_hit {
  size_t rank; /* 1-based, across pages */
  const char *id;
  const char *lang;
  const char *title;
  const char *path; /* the article's file; "" for an article put by the application */
  const char *group;
  const char *updated; /* YYYY-MM-DD, or "" */
  double score;
  /* A passage of the best matching text, cut at word boundaries ("" when
   * the request asked for no snippets); the query's words in it, in order,
   * neither overlapping nor touching; and the snippet ready for HTML:
   * escaped (& < > " '), each highlight between the marks. */
  const char *snippet;
  const kbsearch_highlight *highlights;
  size_t highlight_count;
  const char *snippet_html;
  const char *const *tags;
  size_t tag_count;
  const char *const *languages; /* every language the article exists in, sorted */
  size_t language_count;
  /* The section the snippet comes from: its heading ("" for the text
   * before the first heading) and its anchor, to link as path#anchor. */
  const char *section_heading;
  const char *section_anchor;
} kbsearch_hit;

/* A facet value and the number of matching articles that have it. */
typedef struct kbsearch_facet {
  const char *value;
  size_t count;
} kbsearch_facet;

/* Matching hits (translation groups, unless all_translations): exact when
 * kbsearch_results_facets_exact says so, else an estimate. */
KBSEARCH_C_API size_t kbsearch_results_total(const kbsearch_results *results);

/* Non-zero when facets were asked for and every match was counted (no
 * more than facet_max_matches matched): the facets and the total are
 * exact. 0: they are estimates (or no facets were asked for). */
KBSEARCH_C_API int kbsearch_results_facets_exact(const kbsearch_results *results);

/* The hits on this page, and hit i of them (0-based; NULL past the end). */
KBSEARCH_C_API size_t kbsearch_results_hit_count(const kbsearch_results *results);
KBSEARCH_C_API const kbsearch_hit *kbsearch_results_hit(const kbsearch_results *results, size_t i);

/* The language and tag facets, most frequent first (none unless the
 * request asked for facets). *count (if `count` is not NULL) is set to
 * their number; the array also ends with a facet whose value is NULL. */
KBSEARCH_C_API const kbsearch_facet *kbsearch_results_language_facets(
    const kbsearch_results *results, size_t *count);
KBSEARCH_C_API const kbsearch_facet *kbsearch_results_tag_facets(const kbsearch_results *results,
                                                                 size_t *count);

/* A respelling of the query with words the index contains, when some of
 * its words are not in it; "" otherwise. */
KBSEARCH_C_API const char *kbsearch_results_suggestion(const kbsearch_results *results);

/* The languages the query was analysed for. */
KBSEARCH_C_API const char *const *kbsearch_results_query_languages(
    const kbsearch_results *results, size_t *count);

/* Non-zero when no article had the query's "quoted words" in sequence, so
 * they were searched as words side by side. */
KBSEARCH_C_API int kbsearch_results_phrases_as_words(const kbsearch_results *results);

/* Shards that did not answer (only with allow_missing_shards): the results
 * lack their articles. */
KBSEARCH_C_API const char *const *kbsearch_results_missing_shards(
    const kbsearch_results *results, size_t *count);

KBSEARCH_C_API void kbsearch_results_free(kbsearch_results *results);

/* Search as you type; see kbsearch::SuggestRequest. Fields are only ever
 * appended; always call kbsearch_suggest_request_init first. */
typedef struct kbsearch_suggest_request {
  size_t size;       /* set by kbsearch_suggest_request_init: leave it alone */
  const char *query; /* required: what the user has typed; its last word may be unfinished */
  const char *lang;  /* the user's language, as kbsearch_request's (default NULL: any) */
  size_t completions; /* at most this many completions (default 5, at most 10) */
  size_t limit;       /* hits for the first completion's query (default 5) */
  int snippets;       /* build snippets (default 1) */
} kbsearch_suggest_request;

/* Fills `request` with the defaults (no query yet), `size` being sizeof
 * *request. */
KBSEARCH_C_API kbsearch_status kbsearch_suggest_request_init(kbsearch_suggest_request *request,
                                                             size_t size);

/* A completion of the typed query's last word; see kbsearch::Completion.
 * Belongs to its results. */
typedef struct kbsearch_completion {
  const char *query; /* the typed query with its last word completed */
  const char *word;  /* the completed word as articles write it, case-folded */
  size_t frequency;  /* articles with the word: what ranks completions */
} kbsearch_completion;

/* Completes the last word of request->query from the index's words and
 * sets *results to the top articles of the first completion's query (of
 * the typed query when there is none), without facets; the completions
 * are kbsearch_results_completions(*results). KBSEARCH_QUERY_ERROR as for
 * kbsearch_searcher_search, and for more than 10 completions. */
KBSEARCH_C_API kbsearch_status kbsearch_suggest(kbsearch_searcher *searcher,
                                                const kbsearch_suggest_request *request,
                                                kbsearch_results **results);

/* The completions of a kbsearch_suggest answer, best first (none for a
 * kbsearch_searcher_search answer). *count (if `count` is not NULL) is set
 * to their number; the array also ends with one whose query is NULL. */
KBSEARCH_C_API const kbsearch_completion *kbsearch_results_completions(const kbsearch_results *results,
                                                                       size_t *count);

/* A section of a stored article; see kbsearch::StoredSection. */
typedef struct kbsearch_section {
  const char *heading; /* "" for the text before the first heading */
  int level;           /* 1-6 for headings, 0 for the text before the first */
  const char *anchor;  /* link as path#anchor */
  const char *text;    /* paragraphs separated by a blank line */
  const char *code;    /* the section's code blocks */
} kbsearch_section;

/* An article as the index stores it; see kbsearch::StoredArticle. Read
 * only; free with kbsearch_stored_article_free. */
typedef struct kbsearch_stored_article {
  const char *id;
  const char *title;
  const char *lang;
  const char *updated; /* YYYY-MM-DD, or "" */
  const char *group;
  const char *const *tags;
  size_t tag_count;
  const char *path;     /* the file it was read from; "" for a put article */
  const char *markdown; /* a put article's text as given; "" for a file's */
  const kbsearch_section *sections;
  size_t section_count;
} kbsearch_stored_article;

/* Sets *article to the stored article `id`; KBSEARCH_NOT_FOUND (and
 * *article NULL) when the index has none. */
KBSEARCH_C_API kbsearch_status kbsearch_searcher_get(kbsearch_searcher *searcher, const char *id,
                                                     kbsearch_stored_article **article);

KBSEARCH_C_API void kbsearch_stored_article_free(kbsearch_stored_article *article);

/* Sets *languages to the languages present in the index, sorted, and
 * *count (if `count` is not NULL) to their number. The list belongs to the
 * searcher: valid until the next kbsearch_searcher_languages on it, or its
 * close. */
KBSEARCH_C_API kbsearch_status kbsearch_searcher_languages(kbsearch_searcher *searcher,
                                                           const char *const **languages,
                                                           size_t *count);

/* ------------------------------------------------------------------------
 * Analysis: the terms kbsearch indexes for a text (`kbsearch analyze`)
 * ------------------------------------------------------------------------ */

/* The tokens of one analysed text. */
typedef struct kbsearch_tokens kbsearch_tokens;

/* One token; see kbsearch::Token. Belongs to its tokens. */
typedef struct kbsearch_token {
  const char *text;        /* the token exactly as in the input */
  const char *term;        /* normalized, case-folded: what exact search matches */
  const char *stem;        /* "" where the language has no stemmer */
  const char *folded;      /* accent-folded term; "" when it equals term */
  const char *folded_stem; /* stem of the folded term; "" when it equals stem */
  size_t start;            /* byte offsets of text in the input: [start, end) */
  size_t end;
  unsigned position; /* word position, from 0 */
  int part;          /* non-zero: a part of the preceding word, at its position */
  int stop;          /* non-zero: a stop word (indexed, not required in queries) */
} kbsearch_token;

/* Analyses `text` with the recipe of language `lang` (an ISO 639-1 code:
 * th, sv, tr, sw and pt are tuned, others get the generic recipe) and sets
 * *tokens to the result. Invalid UTF-8 in text separates words.
 * KBSEARCH_LANGUAGE_ERROR for a malformed language code. */
KBSEARCH_C_API kbsearch_status kbsearch_analyze(const char *lang, const char *text,
                                                kbsearch_tokens **tokens);

/* The number of tokens, and token i of them (0-based; NULL past the end). */
KBSEARCH_C_API size_t kbsearch_tokens_count(const kbsearch_tokens *tokens);
KBSEARCH_C_API const kbsearch_token *kbsearch_tokens_get(const kbsearch_tokens *tokens, size_t i);

KBSEARCH_C_API void kbsearch_tokens_free(kbsearch_tokens *tokens);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KBSEARCH_KBSEARCH_C_H */
