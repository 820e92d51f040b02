#include "index/file_walker.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "util/utf8.h"

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

// A name that would become a broken id: not UTF-8 (every id is), or with a
// control character (a newline would split every line-based report).
std::string unusable_name(const std::string& name) {
  if (util::find_invalid_utf8(name) != std::string::npos) return "the name is not valid UTF-8";
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return "the name holds a control character";
  }
  return {};
}

bool inside(const fs::path& dir, const fs::path& path) {
  const auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return d == dir.end();
}

// A link to an article file is followed to a regular file inside the
// walked directory only: a link to /etc/shadow in a tree indexed as root
// would make it searchable. The user may allow links out of the tree, never
// to devices or pipes.
std::string refused_link(const fs::path& link, const fs::path& canonical_root, const WalkOptions& options) {
  std::error_code ec;
  const fs::path target = fs::canonical(link, ec);
  if (ec) return "broken symbolic link";
  if (!fs::is_regular_file(target, ec)) return "symbolic link to " + target.string() + ", not a regular file";
  if (!options.follow_links && !inside(canonical_root, target)) {
    return "symbolic link to " + target.string() + ", outside the indexed directory (--follow-links to index it)";
  }
  return {};
}

void walk_directory(const fs::path& root, const WalkOptions& options, WalkResult& out) {
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  struct Pending {
    fs::path dir;
    unsigned depth;
  };
  std::vector<Pending> pending{{root, 0}};
  while (!pending.empty()) {
    const Pending at = std::move(pending.back());
    pending.pop_back();
    // The listing is read whole and closed before descending, so a deep
    // tree holds no open directories.
    std::vector<fs::directory_entry> entries;
    ec.clear();
    for (fs::directory_iterator it(at.dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      out.errors.push_back({util::printable_utf8(at.dir.string()),
                            "cannot list directory: " + ec.message() + " (the articles indexed from it stay)"});
      out.unknown.push_back(at.dir.string());
      continue;
    }
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      // Hidden files and directories (.git, editor backups) are not articles.
      if (name.rfind('.', 0) == 0) continue;
      std::error_code type_ec;
      const bool link = entry.is_symlink(type_ec);
      const bool dir = !link && entry.is_directory(type_ec);
      const bool article = is_article_file(name);
      if (!dir && !article) continue;
      const std::string unusable = unusable_name(name);
      if (!unusable.empty()) {
        out.errors.push_back({util::printable_utf8(entry.path().string()), unusable + ": rename it to index it"});
        continue;
      }
      if (dir) {
        if (at.depth + 1 > options.max_depth) {
          out.errors.push_back({entry.path().string(), "nested more than " + std::to_string(options.max_depth) +
                                                           " directories deep: not walked (raise --max-depth)"});
          out.unknown.push_back(entry.path().string());
        } else {
          pending.push_back({entry.path(), at.depth + 1});
        }
        continue;
      }
      // Links to directories are never followed, so link loops cannot trap
      // the walk.
      if (link && fs::is_directory(entry.path(), type_ec)) continue;
      if (link) {
        const std::string refused = refused_link(entry.path(), canonical_root, options);
        if (!refused.empty()) {
          out.errors.push_back({entry.path().string(), refused});
          continue;
        }
      } else if (!entry.is_regular_file(type_ec)) {
        continue;  // a pipe or device named like an article
      }
      const fs::path file = entry.path().lexically_normal();
      out.files.push_back({file.string(), root.string(), id_for(file, root)});
    }
  }
  out.roots.push_back(root.string());
}

}  // namespace

WalkResult find_article_files(const std::vector<std::string>& paths, const WalkOptions& options) {
  WalkResult out;
  for (const auto& given : paths) {
    std::error_code ec;
    const fs::path abs = fs::absolute(given, ec).lexically_normal();
    const fs::file_status status = fs::status(abs, ec);
    if (util::find_invalid_utf8(abs.string()) != std::string::npos) {
      out.errors.push_back({util::printable_utf8(given), "the path is not valid UTF-8: rename it to index it"});
    } else if (ec || !fs::exists(status)) {
      out.errors.push_back({given, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      walk_directory(abs, options, out);
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
  std::sort(out.unknown.begin(), out.unknown.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end(),
                              [](const ArticleFile& a, const ArticleFile& b) { return a.path == b.path; }),
                  out.files.end());
  return out;
}

}  // namespace kbsearch::index
