// put_articles_cpp DB DIR: puts every DIR/ID.md into the index DB through
// the C++ documents API (Indexer::put), id ID, text the file's, and
// commits. One of the four doors of doors_test.py.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "kbsearch/kbsearch.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: put_articles_cpp DB DIR\n";
    return 2;
  }
  try {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[2])) {
      if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    kbsearch::Indexer indexer(argv[1]);
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      kbsearch::Article article;
      article.id = file.stem().string();
      article.markdown = text.str();
      indexer.put(article);
    }
    indexer.commit();
  } catch (const std::exception& e) {
    std::cerr << "put_articles_cpp: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
