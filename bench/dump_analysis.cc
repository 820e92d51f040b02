// Prints every field of every token the analysis makes of a set of files,
// for comparing two builds of the library (bench/compare_analysis.sh): a
// change to the analysis that must not change its output is checked by
// diffing the two dumps over a large real corpus.
//
//   dump_analysis LANG FILE...
//
// For each file, in one language: the tokens of the whole text, of each
// paragraph, and of a mutated copy (apostrophes, hyphens, underscores,
// digits and invalid bytes put in at fixed places), each by analyze() and
// by the last stage of explain(); then the same again with a keep-whole
// list of adjacent words from the file itself, so the merge filter runs
// on real text. Only the public API is used, so the program compiles
// against an older library unchanged.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kbsearch/analyzer.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t at; (at = text.find("\n\n", begin)) != std::string::npos; begin = at + 2) {
    out.push_back(text.substr(begin, at - begin));
  }
  out.push_back(text.substr(begin));
  return out;
}

// Every 37th byte replaced by one of the marks the filters care about,
// invalid bytes among them. Deterministic, so both builds see the same text.
std::string mutated(std::string text) {
  static const std::vector<std::string> kMarks = {"'", "\u2019", "-",      "_", "\xff",
                                                  "7", ".",      "\u2010", "@", "\xc3"};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % 37 == 36) out += kMarks[(i / 37) % kMarks.size()];
    else out += text[i];
  }
  return out;
}

void print(std::ostream& out, const std::string& label, const std::vector<kbsearch::Token>& tokens) {
  out << label << ' ' << tokens.size() << '\n';
  for (const kbsearch::Token& t : tokens) {
    out << t.start << '\t' << t.end << '\t' << t.position << '\t' << t.part << t.stop << '\t' << t.text << '\t'
        << t.term << '\t' << t.stem << '\t' << t.folded << '\t' << t.folded_stem << '\n';
  }
}

std::size_t dump(std::ostream& out, kbsearch::Analyzer& analyzer, const std::string& label,
                 const std::string& text) {
  const std::vector<kbsearch::Token> tokens = analyzer.analyze(text);
  print(out, label + " analyze", tokens);
  const std::vector<kbsearch::AnalysisStage> stages = analyzer.explain(text);
  out << label << " stages " << stages.size() << '\n';
  print(out, label + " explain", stages.back().tokens);
  return tokens.size() + stages.back().tokens.size();
}

// Up to 20 words made of two adjacent tokens of `text` (nothing between
// them), taken from the analysis without a list: the same for both builds
// when that analysis is.
std::vector<std::string> adjacent_pairs(kbsearch::Analyzer& analyzer, const std::string& text) {
  std::vector<std::string> words;
  const std::vector<kbsearch::Token> tokens = analyzer.analyze(text);
  for (std::size_t i = 1; i < tokens.size() && words.size() < 20; ++i) {
    const kbsearch::Token& a = tokens[i - 1];
    const kbsearch::Token& b = tokens[i];
    if (!a.part && !b.part && a.end == b.start) words.push_back(a.text + b.text);
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: dump_analysis LANG FILE...\n";
    return 2;
  }
  const std::string lang = argv[1];
  kbsearch::Analyzer plain(lang);
  std::size_t count = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string text = read_file(argv[i]);
    const std::string name = argv[i];
    kbsearch::AnalyzerOptions options;
    options.keep_whole = adjacent_pairs(plain, text);
    kbsearch::Analyzer keeping(lang, options);
    std::cout << name << " keep-whole";
    for (const std::string& w : options.keep_whole) std::cout << ' ' << w;
    std::cout << '\n';
    for (kbsearch::Analyzer* analyzer : {&plain, &keeping}) {
      const std::string label = name + (analyzer == &plain ? "" : " keep-whole");
      count += dump(std::cout, *analyzer, label + " whole", text);
      count += dump(std::cout, *analyzer, label + " mutated", mutated(text));
      const std::vector<std::string> paras = paragraphs(text);
      for (std::size_t p = 0; p < paras.size(); ++p) {
        count += dump(std::cout, *analyzer, label + " paragraph " + std::to_string(p), paras[p]);
      }
    }
  }
  std::cerr << "tokens " << count << '\n';
  return 0;
}
