#include "request_params.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "http_error.h"

namespace kbsearch::serve {

namespace {

[[noreturn]] void bad_param(const std::string& name, const std::string& why) {
  throw HttpError(400, "invalid_parameter", name + ": " + why);
}

// Whole numbers as sent: digits only, no sign or space, at most nine of
// them (the library's limits are far below; this keeps the parse exact).
std::size_t parse_count(const std::string& name, const std::string& text) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    bad_param(name, "must be a whole number from 0 to 999999999, not '" + text + "'");
  }
  return static_cast<std::size_t>(std::stoul(text));
}

bool parse_flag(const std::string& name, const std::string& text) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  bad_param(name, "must be true or false, not '" + text + "'");
}

double parse_number(const std::string& name, const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(value >= 0) || value > 1e6) {
    bad_param(name, "must be a number from 0 to 1000000, not '" + text + "'");
  }
  return value;
}

SortOrder parse_sort(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "updated") return SortOrder::kUpdated;
  bad_param("sort", "must be relevance or updated, not '" + text + "'");
}

}  // namespace

void check_params(const httplib::Request& req, std::initializer_list<const char*> known,
                  std::initializer_list<const char*> repeatable) {
  const auto among = [](std::initializer_list<const char*> names, const std::string& name) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
  };
  for (auto it = req.params.begin(); it != req.params.end(); it = req.params.upper_bound(it->first)) {
    if (!among(known, it->first)) {
      throw HttpError(400, "unknown_parameter", "unknown parameter '" + it->first + "'");
    }
    if (req.params.count(it->first) > 1 && !among(repeatable, it->first)) {
      bad_param(it->first, "given more than once");
    }
  }
}

std::string text_param(const httplib::Request& req, const char* name, const std::string& fallback) {
  return req.has_param(name) ? req.get_param_value(name) : fallback;
}

std::size_t count_param(const httplib::Request& req, const char* name, std::size_t fallback) {
  return req.has_param(name) ? parse_count(name, req.get_param_value(name)) : fallback;
}

bool flag_param(const httplib::Request& req, const char* name, bool fallback) {
  return req.has_param(name) ? parse_flag(name, req.get_param_value(name)) : fallback;
}

std::string with_tag_filters(std::string query, const std::vector<std::string>& tags) {
  for (const std::string& tag : tags) {
    if (tag.empty() || tag.find('"') != std::string::npos) {
      bad_param("tag", "must be a tag, not empty nor holding '\"'");
    }
    query += " tag:\"" + tag + "\"";
  }
  return query;
}

SearchRequest search_request_from_params(const httplib::Request& req) {
  check_params(req,
               {"q", "lang", "limit", "offset", "tag", "sort", "all_translations", "facets", "snippets",
                "snippet_chars", "mark_pre", "mark_post", "recency_bonus", "recency_days"},
               {"tag"});
  if (!req.has_param("q")) throw HttpError(400, "missing_parameter", "q: the query is required");
  SearchRequest request;
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < req.get_param_value_count("tag"); ++i) tags.push_back(req.get_param_value("tag", i));
  request.query = with_tag_filters(req.get_param_value("q"), tags);
  request.lang = text_param(req, "lang");
  request.limit = count_param(req, "limit", request.limit);
  request.offset = count_param(req, "offset", request.offset);
  request.sort = parse_sort(text_param(req, "sort", "relevance"));
  request.all_translations = flag_param(req, "all_translations", request.all_translations);
  request.facets = flag_param(req, "facets", request.facets);
  request.snippets = flag_param(req, "snippets", request.snippets);
  if (req.has_param("snippet_chars")) request.snippet_chars = count_param(req, "snippet_chars", 0);
  if (req.has_param("mark_pre")) request.mark_pre = req.get_param_value("mark_pre");
  if (req.has_param("mark_post")) request.mark_post = req.get_param_value("mark_post");
  if (req.has_param("recency_bonus")) {
    request.recency_bonus = parse_number("recency_bonus", req.get_param_value("recency_bonus"));
  }
  if (req.has_param("recency_days")) {
    request.recency_days = static_cast<int>(count_param(req, "recency_days", 0));
  }
  return request;
}

SearchRequest search_request_from_json(const std::string& body) {
  nlohmann::json in;
  try {
    in = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, "invalid_json", std::string("the body is not JSON: ") + e.what());
  }
  if (!in.is_object()) throw HttpError(400, "invalid_json", "the body must be a JSON object");
  // Each field checked for its JSON type, then read as the query string's.
  const auto field = [&](const char* name, nlohmann::json::value_t type) -> const nlohmann::json* {
    const auto it = in.find(name);
    if (it == in.end() || it->is_null()) return nullptr;
    const bool number = type == nlohmann::json::value_t::number_float;
    if (number ? !it->is_number() : it->type() != type) {
      bad_param(name, std::string("must be a JSON ") + (number ? "number" : nlohmann::json(type).type_name()));
    }
    return &*it;
  };
  const auto count = [&](const char* name) -> const nlohmann::json* {
    const nlohmann::json* value = field(name, nlohmann::json::value_t::number_float);
    if (value && (!value->is_number_unsigned() || value->get<std::uint64_t>() > 999999999u)) {
      bad_param(name, "must be a whole number from 0 to 999999999");
    }
    return value;
  };
  using type = nlohmann::json::value_t;
  static const char* const known[] = {"query",    "lang",          "limit",        "offset",
                                      "tags",     "sort",          "all_translations", "facets",
                                      "snippets", "snippet_chars", "mark_pre",     "mark_post",
                                      "recency_bonus", "recency_days"};
  for (const auto& item : in.items()) {
    if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return item.key() == k; })) {
      throw HttpError(400, "unknown_parameter", "unknown field '" + item.key() + "'");
    }
  }
  SearchRequest request;
  const nlohmann::json* query = field("query", type::string);
  if (!query) throw HttpError(400, "missing_parameter", "query: the query is required");
  std::vector<std::string> tags;
  if (const nlohmann::json* list = field("tags", type::array)) {
    for (const nlohmann::json& tag : *list) {
      if (!tag.is_string()) bad_param("tags", "must be a list of strings");
      tags.push_back(tag.get<std::string>());
    }
  }
  request.query = with_tag_filters(query->get<std::string>(), tags);
  if (const auto* v = field("lang", type::string)) request.lang = v->get<std::string>();
  if (const auto* v = count("limit")) request.limit = v->get<std::size_t>();
  if (const auto* v = count("offset")) request.offset = v->get<std::size_t>();
  if (const auto* v = field("sort", type::string)) request.sort = parse_sort(v->get<std::string>());
  if (const auto* v = field("all_translations", type::boolean)) request.all_translations = v->get<bool>();
  if (const auto* v = field("facets", type::boolean)) request.facets = v->get<bool>();
  if (const auto* v = field("snippets", type::boolean)) request.snippets = v->get<bool>();
  if (const auto* v = count("snippet_chars")) request.snippet_chars = v->get<std::size_t>();
  if (const auto* v = field("mark_pre", type::string)) request.mark_pre = v->get<std::string>();
  if (const auto* v = field("mark_post", type::string)) request.mark_post = v->get<std::string>();
  if (const auto* v = field("recency_bonus", type::number_float)) {
    request.recency_bonus = parse_number("recency_bonus", v->dump());
  }
  if (const auto* v = count("recency_days")) request.recency_days = v->get<int>();
  return request;
}

std::string accepted_language(const std::string& header, const std::vector<std::string>& languages) {
  struct Choice {
    std::string primary;
    double q;
  };
  std::vector<Choice> choices;
  std::size_t start = 0;
  while (start <= header.size()) {
    const std::size_t comma = std::min(header.find(',', start), header.size());
    const std::string item = header.substr(start, comma - start);
    start = comma + 1;
    const std::size_t semicolon = item.find(';');
    std::string tag = item.substr(0, semicolon);
    tag.erase(std::remove_if(tag.begin(), tag.end(), [](unsigned char c) { return std::isspace(c); }), tag.end());
    double q = 1;
    if (semicolon != std::string::npos) {
      const std::size_t eq = item.find("q=", semicolon);
      if (eq != std::string::npos) q = std::strtod(item.c_str() + eq + 2, nullptr);
    }
    std::string primary = tag.substr(0, tag.find('-'));
    std::transform(primary.begin(), primary.end(), primary.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!primary.empty() && q > 0) choices.push_back({primary, q});
  }
  std::stable_sort(choices.begin(), choices.end(), [](const Choice& a, const Choice& b) { return a.q > b.q; });
  for (const Choice& c : choices) {
    if (std::find(languages.begin(), languages.end(), c.primary) != languages.end()) return c.primary;
  }
  return {};
}

}  // namespace kbsearch::serve
