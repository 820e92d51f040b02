// The plain-Xapian peer: Xapian's own TermGenerator and QueryParser.
#include <xapian.h>

#include <filesystem>
#include <stdexcept>

#include "peers.h"

namespace kbsearch::bench {
namespace {

constexpr Xapian::valueno kSlotLang = 0;
constexpr Xapian::valueno kSlotTags = 1;

// Snowball's stemmer for the language; Thai and Swahili have none.
Xapian::Stem stemmer_for(const std::string& lang) {
  try {
    return Xapian::Stem(lang);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem("none");
  }
}

class PlainXapian : public PeerEngine {
 public:
  void build(const std::string& path, const std::vector<PeerArticle>& articles) override {
    std::filesystem::remove_all(path);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    for (const PeerArticle& a : articles) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.set_stemmer(stemmer_for(a.lang));
      generator.index_text(a.title, 3, "S");  // title words weighted 3, like kbsearch
      generator.index_text(a.title, 3);
      generator.increase_termpos();
      generator.index_text(a.body);
      doc.add_boolean_term("Q" + a.id);
      doc.add_boolean_term("L" + a.lang);
      std::string tags;
      for (const std::string& tag : a.tags) {
        doc.add_boolean_term("K" + tag);
        tags += (tags.empty() ? "" : "\n") + tag;
      }
      doc.add_value(kSlotLang, a.lang);
      doc.add_value(kSlotTags, tags);
      doc.set_data(a.title + "\n" + a.body);  // what a hit shows, as kbsearch stores it
      db.replace_document("Q" + a.id, doc);
    }
    db.commit();
  }

  void open(const std::string& path) override { db_ = Xapian::Database(path); }

  std::size_t search(const QuerySpec& q, const QueryOptions& options) override {
    Xapian::QueryParser parser;
    parser.set_database(db_);
    parser.set_stemmer(stemmer_for(q.lang));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.add_boolean_prefix("lang", "L");
    parser.add_boolean_prefix("tag", "K");
    parser.add_prefix("title", "S");
    std::string text;
    for (const std::string& w : q.words) text += (text.empty() ? "" : " ") + w;
    if (q.phrase) text = "\"" + text + "\"";
    if (q.prefix) text += "*";
    if (!q.filter_field.empty()) text += " " + q.filter_field + ":" + q.filter_value;
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    Xapian::Enquire enquire(db_);
    try {
      enquire.set_query(parser.parse_query(text, flags));
    } catch (const Xapian::QueryParserError& e) {
      throw std::runtime_error("plain Xapian: " + e.get_description());
    }
    Xapian::ValueCountMatchSpy langs(kSlotLang), tags(kSlotTags);
    Xapian::doccount check_at_least = 0;
    if (options.facets) {
      enquire.add_matchspy(&langs);
      enquire.add_matchspy(&tags);
      check_at_least = static_cast<Xapian::doccount>(options.facet_max_matches) + 1;
    }
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(options.limit), check_at_least);
    std::size_t bytes = 0;
    if (options.snippets) {
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        bytes += mset.snippet(it.get_document().get_data(), 160).size();
      }
    }
    snippet_bytes_ += bytes;
    return mset.size();
  }

 private:
  Xapian::Database db_;
  std::size_t snippet_bytes_ = 0;  // keeps the snippets from being optimised away
};

}  // namespace

std::unique_ptr<PeerEngine> make_plain_xapian() { return std::make_unique<PlainXapian>(); }

}  // namespace kbsearch::bench
