#include "index/file_walker.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace kbsearch::index {
namespace fs = std::filesystem;

bool is_article_file(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown" || ext == ".txt";
}

namespace {

std::string id_for(const fs::path& file, const fs::path& root) {
  fs::path rel = file.lexically_relative(root);
  rel.replace_extension();
  return rel.generic_string();
}

void walk_directory(const fs::path& root, WalkResult& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  bool complete = !ec;
  if (ec) out.errors.push_back({root.string(), "cannot list directory: " + ec.message()});
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    // Hidden files and directories (.git, editor backups) are not articles.
    if (entry.path().filename().string().rfind('.', 0) == 0) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    std::error_code type_ec;
    const bool article = is_article_file(entry.path().string());
    if (article && entry.is_symlink(type_ec) && !fs::exists(entry.path(), type_ec)) {
      out.errors.push_back({entry.path().string(), "broken symbolic link"});
      continue;
    }
    // is_regular_file follows a link to a file; links to directories are
    // not descended into (the iterator does not follow them).
    if (!article || !entry.is_regular_file(type_ec)) continue;
    const fs::path file = entry.path().lexically_normal();
    out.files.push_back({file.string(), root.string(), id_for(file, root)});
  }
  if (ec) {
    complete = false;
    out.errors.push_back({root.string(), "directory listing stopped: " + ec.message()});
  }
  if (complete) out.roots.push_back(root.string());
}

}  // namespace

WalkResult find_article_files(const std::vector<std::string>& paths) {
  WalkResult out;
  for (const auto& given : paths) {
    std::error_code ec;
    const fs::path abs = fs::absolute(given, ec).lexically_normal();
    const fs::file_status status = fs::status(abs, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back({given, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(abs, out);
    } else if (fs::is_regular_file(status)) {
      if (!is_article_file(abs.string())) {
        out.errors.push_back({given, "not an article file (expected .md, .markdown or .txt)"});
        continue;
      }
      const fs::path parent = abs.parent_path();
      out.files.push_back({abs.string(), parent.string(), id_for(abs, parent)});
    } else {
      out.errors.push_back({given, "not a regular file or directory"});
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ArticleFile& a, const ArticleFile& b) { return a.path < b.path; });
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const ArticleFile& a, const ArticleFile& b) { return a.path == b.path; }),
                  out.files.end());
  return out;
}

}  // namespace kbsearch::index
