#include "capi/status.h"

#include <new>

#include "kbsearch/error.h"

namespace kbsearch::capi {

namespace {

// The message of the last failure on this thread, which kbsearch_errmsg()
// returns: t_message's text, or a static one when even copying the message
// ran out of memory.
thread_local std::string t_message;
thread_local const char* t_errmsg = "";

kbsearch_status fail(kbsearch_status status, const char* message) noexcept {
  try {
    t_message = message;
    t_errmsg = t_message.c_str();
  } catch (...) {
    t_errmsg = kbsearch_status_name(status);
  }
  return status;
}

}  // namespace

void invalid_argument(const char* function, const std::string& problem) {
  throw Failure(KBSEARCH_INVALID_ARGUMENT, std::string(function) + ": " + problem);
}

// Most derived classes first: IndexVersionError and ShardUnavailableError
// are IndexUnusableErrors, and all are kbsearch::Errors.
kbsearch_status fail_with_current_exception() noexcept {
  try {
    throw;
  } catch (const Failure& e) {
    return fail(e.status(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(KBSEARCH_OUT_OF_MEMORY, "out of memory");
  } catch (const IndexVersionError& e) {
    return fail(KBSEARCH_INDEX_VERSION, e.what());
  } catch (const ShardUnavailableError& e) {
    return fail(KBSEARCH_SHARD_UNAVAILABLE, e.what());
  } catch (const IndexUnusableError& e) {
    return fail(KBSEARCH_INDEX_UNUSABLE, e.what());
  } catch (const IndexLockedError& e) {
    return fail(KBSEARCH_INDEX_LOCKED, e.what());
  } catch (const InvalidArgumentError& e) {
    return fail(KBSEARCH_INVALID_ARGUMENT, e.what());
  } catch (const InputError& e) {
    return fail(KBSEARCH_INPUT_ERROR, e.what());
  } catch (const QueryError& e) {
    return fail(KBSEARCH_QUERY_ERROR, e.what());
  } catch (const LanguageError& e) {
    return fail(KBSEARCH_LANGUAGE_ERROR, e.what());
  } catch (const std::exception& e) {  // kbsearch::Error, and the standard library's
    return fail(KBSEARCH_ERROR, e.what());
  } catch (...) {  // the library translates foreign errors; this is the last guard
    return fail(KBSEARCH_ERROR, "unknown error");
  }
}

}  // namespace kbsearch::capi

const char* kbsearch_status_name(int status) {
  switch (status) {
    case KBSEARCH_OK: return "KBSEARCH_OK";
    case KBSEARCH_ERROR: return "KBSEARCH_ERROR";
    case KBSEARCH_INVALID_ARGUMENT: return "KBSEARCH_INVALID_ARGUMENT";
    case KBSEARCH_OUT_OF_MEMORY: return "KBSEARCH_OUT_OF_MEMORY";
    case KBSEARCH_INPUT_ERROR: return "KBSEARCH_INPUT_ERROR";
    case KBSEARCH_QUERY_ERROR: return "KBSEARCH_QUERY_ERROR";
    case KBSEARCH_LANGUAGE_ERROR: return "KBSEARCH_LANGUAGE_ERROR";
    case KBSEARCH_NOT_FOUND: return "KBSEARCH_NOT_FOUND";
    case KBSEARCH_INDEX_LOCKED: return "KBSEARCH_INDEX_LOCKED";
    case KBSEARCH_INDEX_UNUSABLE: return "KBSEARCH_INDEX_UNUSABLE";
    case KBSEARCH_INDEX_VERSION: return "KBSEARCH_INDEX_VERSION";
    case KBSEARCH_SHARD_UNAVAILABLE: return "KBSEARCH_SHARD_UNAVAILABLE";
  }
  return "KBSEARCH_UNKNOWN_STATUS";
}

const char* kbsearch_errmsg(void) { return kbsearch::capi::t_errmsg; }
