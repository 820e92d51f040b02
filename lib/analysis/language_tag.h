// Language tags as people and programs write them: "pt", "pt-BR", "pt_BR",
// "PT" and "por-BR" are one language to kbsearch, the primary subtag of a
// BCP 47 tag. Every door that takes a language (a request, the lang: filter,
// front matter, the documents API, index options, the analyzer) reads it
// here, so they accept and reject the same tags.
#ifndef KBSEARCH_LIB_ANALYSIS_LANGUAGE_TAG_H
#define KBSEARCH_LIB_ANALYSIS_LANGUAGE_TAG_H

#include <optional>
#include <string>
#include <string_view>

namespace kbsearch::analysis {

// The language `tag` names, as the lowercase code ICU lists ("pt" for
// "pt-BR", "und" for undetermined), or nullopt when the tag is malformed or
// names no language ICU knows ("xx").
std::optional<std::string> language_of_tag(std::string_view tag);

// What to write instead, for the end of an error message.
inline constexpr const char* kLanguageTagAdvice =
    "use an ISO 639-1 code such as th, sv, tr, sw, pt, or a tag such as pt-BR";

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_LANGUAGE_TAG_H
