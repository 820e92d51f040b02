#include "index/document_data.h"

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kbsearch/error.h"

namespace kbsearch::index {

namespace {

[[noreturn]] void unreadable(const std::string& why) {
  throw IndexUnusableError("stored article data is unreadable (" + why +
                           "); rebuild the index with 'kbsearch index --rebuild'");
}

[[noreturn]] void unreadable(const std::exception& e) { unreadable(std::string(e.what())); }

// The sections' format: this byte (JSON, as earlier versions wrote them,
// starts with '['), the number of sections, and for each its level and its
// heading, anchor, prose and code, each text its length and its bytes;
// numbers as LEB128 (7 bits a byte, low bits first). Read for every hit with
// a snippet, where parsing JSON took a tenth of the query.
constexpr char kSectionsFormat = '\x01';
constexpr std::uint64_t kMaxLevel = 6;

void put_number(std::string& out, std::uint64_t n) {
  for (; n >= 0x80; n >>= 7) out += static_cast<char>((n & 0x7F) | 0x80);
  out += static_cast<char>(n);
}

// Reads what encode_article_sections wrote, checking each number and length
// against the bytes left, so damaged data is an error, never a crash.
class SectionReader {
 public:
  explicit SectionReader(std::string_view data) : data_(data), at_(1) {}

  std::uint64_t number(std::uint64_t max) {
    std::uint64_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (at_ == data_.size() || shift > 63) unreadable("a section number is cut short");
      const auto byte = static_cast<unsigned char>(data_[at_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) break;
    }
    if (n > max) unreadable("a section number is out of range");
    return n;
  }

  std::string text() {
    const std::uint64_t size = number(data_.size());
    if (size > data_.size() - at_) unreadable("a section text is cut short");
    std::string out(data_.substr(at_, size));
    at_ += size;
    return out;
  }

  void expect_end() const {
    if (at_ != data_.size()) unreadable("bytes after the last section");
  }

 private:
  std::string_view data_;
  std::size_t at_;
};

}  // namespace

std::string encode_article_fields(const markdown::Article& article, const std::string& path) {
  const nlohmann::json fields = {{"id", article.id},       {"title", article.title},
                                 {"lang", article.lang},   {"path", path},
                                 {"group", article.group}, {"updated", article.updated},
                                 {"tags", article.tags}};
  return fields.dump();
}

std::string encode_article_sections(const markdown::Article& article) {
  std::string out(1, kSectionsFormat);
  put_number(out, article.sections.size());
  for (const auto& s : article.sections) {
    put_number(out, static_cast<std::uint64_t>(s.level));
    for (const std::string* text : {&s.heading, &s.anchor, &s.prose, &s.code}) {
      put_number(out, text->size());
      out += *text;
    }
  }
  return out;
}

StoredArticle decode_article_fields(const std::string& value) {
  try {
    const nlohmann::json j = nlohmann::json::parse(value);
    StoredArticle a;
    a.id = j.at("id").get<std::string>();
    a.title = j.at("title").get<std::string>();
    a.lang = j.at("lang").get<std::string>();
    a.path = j.at("path").get<std::string>();
    a.group = j.at("group").get<std::string>();
    a.updated = j.at("updated").get<std::string>();
    a.tags = j.at("tags").get<std::vector<std::string>>();
    return a;
  } catch (const std::exception& e) {
    unreadable(e);
  }
}

std::vector<markdown::Section> decode_article_sections(const std::string& data) {
  if (!data.empty() && data[0] == kSectionsFormat) {
    SectionReader in(data);
    // Each section takes at least five bytes: a damaged count cannot
    // allocate more sections than the data could hold.
    std::vector<markdown::Section> sections(in.number((data.size() - 1) / 5));
    for (markdown::Section& section : sections) {
      section.level = static_cast<int>(in.number(kMaxLevel));
      for (std::string* text : {&section.heading, &section.anchor, &section.prose, &section.code}) {
        *text = in.text();
      }
    }
    in.expect_end();
    return sections;
  }
  // Written as JSON by kbsearch before 2026-12-02.
  try {
    std::vector<markdown::Section> sections;
    for (const auto& s : nlohmann::json::parse(data)) {
      markdown::Section section;
      section.heading = s.at("heading").get<std::string>();
      section.level = s.at("level").get<int>();
      section.anchor = s.at("anchor").get<std::string>();
      section.prose = s.at("prose").get<std::string>();
      section.code = s.at("code").get<std::string>();
      sections.push_back(std::move(section));
    }
    return sections;
  } catch (const std::exception& e) {
    unreadable(e);
  }
}

}  // namespace kbsearch::index
