#include "markdown/front_matter.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>


#include "analysis/language_tag.h"
#include "kbsearch/error.h"
#include "util/calendar_date.h"

namespace kbsearch::markdown {
namespace {

// The line starting at `pos` without its terminator, and the position after it.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t* next) {
  std::size_t eol = text.find('\n', pos);
  if (eol == std::string_view::npos) eol = text.size();
  *next = eol < text.size() ? eol + 1 : eol;
  std::string_view line = text.substr(pos, eol - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw InputError(path, "front matter: " + reason);
}

// A field of the wrong shape; parse_fields adds the file and the line.
struct FieldError {
  std::string message;
};

std::string scalar(const YAML::Node& node, const char* key) {
  if (!node.IsScalar()) throw FieldError{std::string("'") + key + "' must be a single value"};
  std::string value = node.as<std::string>();
  if (value.find('\n') != std::string::npos) {
    throw FieldError{std::string("'") + key + "' must be on one line"};
  }
  return value;
}

std::string checked_lang(const std::string& value) {
  std::optional<std::string> lang = analysis::language_of_tag(value);
  if (!lang) throw FieldError{"'lang' must be a language code such as sv or pt-BR, not '" + value + "'"};
  return *std::move(lang);
}

std::string checked_date(const std::string& value) {
  // Accept a full timestamp too ("2026-03-01T10:00:00Z") but keep the date.
  std::string date = value.substr(0, 10);
  if (!util::is_calendar_date(date) || (value.size() > 10 && value[10] != 'T' && value[10] != ' ')) {
    throw FieldError{"'updated' must be a date like 2026-03-01, not '" + value + "'"};
  }
  return date;
}

void check_tag_count(std::size_t count) {
  if (count > kMaxTags) {
    throw FieldError{"'tags' has " + std::to_string(count) + " tags; the limit is " + std::to_string(kMaxTags)};
  }
}

std::vector<std::string> tag_list(const YAML::Node& node) {
  std::vector<std::string> tags;
  auto add = [&tags](const std::string& tag) {
    const auto first = tag.find_first_not_of(" \t");
    const auto last = tag.find_last_not_of(" \t");
    if (first != std::string::npos) tags.push_back(tag.substr(first, last - first + 1));
  };
  if (node.IsSequence()) {
    for (const auto& item : node) add(scalar(item, "tags"));
  } else if (node.IsScalar()) {
    // "tags: billing, invoice" is a common hand-written form.
    const std::string all = node.as<std::string>();
    std::size_t begin = 0;
    for (std::size_t comma; (comma = all.find(',', begin)) != std::string::npos; begin = comma + 1) {
      add(all.substr(begin, comma - begin));
    }
    add(all.substr(begin));
  } else if (!node.IsNull()) {
    throw FieldError{"'tags' must be a list such as [billing, invoice]"};
  }
  check_tag_count(tags.size());
  return tags;
}

FrontMatter parse_fields(const std::string& yaml, const std::string& path, std::size_t first_line) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::DeepRecursion& e) {
    fail(path, "nests too deeply at line " + std::to_string(first_line + e.mark.line) +
                   " (hostile or broken YAML)");
  } catch (const YAML::Exception& e) {
    fail(path, "invalid YAML at line " + std::to_string(first_line + e.mark.line) + ": " + e.msg);
  }
  FrontMatter fm;
  if (root.IsNull()) return fm;
  if (!root.IsMap()) fail(path, "must be a mapping of 'key: value' lines");
  try {
    for (const auto& field : root) {
      const std::string key = field.first.as<std::string>();
      const YAML::Node& value = field.second;
      if (value.IsNull()) continue;
      try {
        if (key == "id") fm.id = scalar(value, "id");
        else if (key == "title") fm.title = scalar(value, "title");
        else if (key == "lang") fm.lang = checked_lang(scalar(value, "lang"));
        else if (key == "updated") fm.updated = checked_date(scalar(value, "updated"));
        else if (key == "group") fm.group = scalar(value, "group");
        else if (key == "tags") fm.tags = tag_list(value);
        // Other keys belong to other tools (layouts, authors...): ignored.
      } catch (const FieldError& e) {
        fail(path, "line " + std::to_string(first_line + value.Mark().line) + ": " + e.message);
      }
    }
  } catch (const YAML::Exception& e) {
    fail(path, "line " + std::to_string(first_line + e.mark.line) + ": " + e.msg);
  }
  if (fm.id && fm.id->empty()) fail(path, "'id' is empty");
  return fm;
}

}  // namespace

FrontMatter checked_fields(const FrontMatter& given, const std::string& name) {
  FrontMatter fm = given;
  const auto one_line = [&name](const std::optional<std::string>& value, const char* key) {
    if (value && value->find_first_of("\r\n") != std::string::npos) {
      throw InputError(name, std::string("'") + key + "' must be on one line");
    }
  };
  one_line(fm.id, "id");
  one_line(fm.title, "title");
  one_line(fm.group, "group");
  for (const std::string& tag : fm.tags) one_line(tag, "tags");
  try {
    check_tag_count(fm.tags.size());
    if (fm.lang) fm.lang = checked_lang(*fm.lang);
    if (fm.updated) fm.updated = checked_date(*fm.updated);
  } catch (const FieldError& e) {
    throw InputError(name, e.message);
  }
  if (fm.id && fm.id->empty()) throw InputError(name, "'id' is empty");
  return fm;
}

SplitArticle split_front_matter(std::string_view text, const std::string& path) {
  SplitArticle split;
  split.body = text;
  std::size_t pos = 0;
  if (!is_fence(line_at(text, 0, &pos), false)) return split;

  const std::size_t yaml_begin = pos;
  std::size_t line_number = 2;
  while (pos < text.size()) {
    std::size_t next;
    const std::string_view line = line_at(text, pos, &next);
    if (is_fence(line, true)) {
      const std::string yaml(text.substr(yaml_begin, pos - yaml_begin));
      split.front_matter = parse_fields(yaml, path, 2);
      split.body = text.substr(next);
      split.body_line = line_number + 1;
      return split;
    }
    pos = next;
    ++line_number;
  }
  fail(path, "starts with '---' on line 1 but has no closing '---' line");
}

}  // namespace kbsearch::markdown
