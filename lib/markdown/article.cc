#include "markdown/article.h"

#include <array>

#include "analysis/normalizers.h"
#include "kbsearch/analyzer.h"
#include "kbsearch/error.h"
#include "markdown/front_matter.h"
#include "util/calendar_date.h"
#include "util/utf8.h"

namespace kbsearch::markdown {
namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::size_t kMaxIdBytes = 200;  // leaves room for the id term prefix
constexpr std::size_t kLanguageSampleBytes = 16 * 1024;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string shorten_title(std::string title) {
  if (title.size() <= kMaxTitleBytes) return title;
  std::string_view cut = util::utf8_prefix(title, kMaxTitleBytes);
  const auto space = cut.find_last_of(' ');
  if (space != std::string_view::npos && space > kMaxTitleBytes / 2) cut = cut.substr(0, space);
  return std::string(cut) + "…";
}

// "Publication date" labels of the customer exports, in their languages.
constexpr std::array<std::string_view, 7> kPublicationLabels = {
    "Publiceringsdatum", "Yayın tarihi", "Tarehe ya kuchapishwa", "Data de publicação",
    "วันที่เผยแพร่", "Publication date", "Published"};

// Drops a last paragraph of the form "<label>:" or "<label>: <date>" and
// returns the date, if any.
std::string take_publication_label(Section& last) {
  std::string& prose = last.prose;
  const auto para_start = prose.rfind("\n\n");
  const std::size_t begin = para_start == std::string::npos ? 0 : para_start + 2;
  const std::string_view para = trim(std::string_view(prose).substr(begin));
  const auto colon = para.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view label = trim(para.substr(0, colon));
  bool known = false;
  for (auto l : kPublicationLabels) known = known || label == l;
  if (!known) return {};
  const std::string_view value = trim(para.substr(colon + 1));
  if (!value.empty() && !util::is_calendar_date(value)) return {};  // other text: leave it
  prose.erase(para_start == std::string::npos ? 0 : para_start);
  return std::string(value);
}

std::string identify(const Article& article) {
  std::string sample = article.title;
  for (const auto& section : article.sections) {
    if (sample.size() >= kLanguageSampleBytes) break;
    sample.append("\n").append(section.heading).append("\n").append(section.prose);
  }
  const std::string lang = identify_language(util::utf8_prefix(sample, kLanguageSampleBytes));
  return lang.empty() ? "und" : lang;
}

void take_given(FrontMatter& fm, const FrontMatter& given, const std::string& path) {
  if (given.id && fm.id && analysis::to_nfc(*fm.id) != analysis::to_nfc(*given.id)) {
    throw InputError(path, "the front matter's id '" + *fm.id + "' is not the article's id");
  }
  for (auto field : {&FrontMatter::id, &FrontMatter::title, &FrontMatter::lang, &FrontMatter::updated,
                     &FrontMatter::group}) {
    if (given.*field) fm.*field = given.*field;
  }
  if (!given.tags.empty()) fm.tags = given.tags;
}

}  // namespace

Article parse_article(std::string_view text, const std::string& path,
                      const std::string& default_id, const FrontMatter& given) {
  std::string without_controls;
  if (text.find("\xE2\x80") != std::string_view::npos || text.find("\xE2\x81") != std::string_view::npos) {
    without_controls = text;
    if (util::remove_bidi_controls(without_controls)) text = without_controls;
  }
  SplitArticle split = split_front_matter(text, path);
  FrontMatter& fm = split.front_matter;
  take_given(fm, given, path);
  MarkdownDocument doc = parse_markdown(split.body);

  Article article;
  article.sections = std::move(doc.sections);
  const std::string published = take_publication_label(article.sections.back());

  article.id = analysis::to_nfc(fm.id ? *fm.id : default_id);
  if (article.id.size() > kMaxIdBytes) {
    throw InputError(path, "id is " + std::to_string(article.id.size()) +
                               " bytes; the limit is " + std::to_string(kMaxIdBytes));
  }
  if (fm.title && !trim(*fm.title).empty()) article.title = std::string(trim(*fm.title));
  else if (!doc.first_heading.empty()) article.title = doc.first_heading;
  else article.title = doc.first_line;
  article.title = shorten_title(std::move(article.title));

  article.updated = fm.updated ? *fm.updated : published;
  article.group = fm.group ? *fm.group : article.id;
  article.tags = std::move(fm.tags);
  if (fm.lang) {
    article.lang = *fm.lang;
  } else {
    article.lang = identify(article);
    article.lang_identified = true;
  }
  return article;
}

}  // namespace kbsearch::markdown
