#include "search/query_parser.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kbsearch/error.h"
#include "util/utf8.h"

namespace kbsearch::search {
namespace {

using Kind = QueryNode::Kind;

// A tree in one line, e.g. SEQ(W"reset password" NOT(W"sms") F(tag=billing)):
// W words, Q quoted phrase, P prefix, F filter; "title:" before a leaf
// searched in the title only.
std::string render(const QueryNode& node) {
  const std::string field = node.field.empty() ? "" : node.field + ":";
  auto children = [&node](const char* name) {
    std::string out = std::string(name) + "(";
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      out += (i ? " " : "") + render(node.children[i]);
    }
    return out + ")";
  };
  switch (node.kind) {
    case Kind::kWords: return field + "W\"" + node.text + "\"";
    case Kind::kPhrase: return field + "Q\"" + node.text + "\"";
    case Kind::kPrefix: return field + "P\"" + node.text + "\"";
    case Kind::kFilter: return "F(" + node.field + "=" + node.text + ")";
    case Kind::kSeq: return children("SEQ");
    case Kind::kAnd: return children("AND");
    case Kind::kOr: return children("OR");
    case Kind::kNot: return children("NOT");
  }
  return "?";
}

// What every tree must satisfy, whatever the query: the builder relies on
// each leaf's text being the query's own bytes at its offset (it maps the
// analysed tokens back into the query for "did you mean"), on no node being
// empty, and on whole characters.
void check_shape(const std::string& query, const QueryNode& node, bool top) {
  SCOPED_TRACE(render(node));
  switch (node.kind) {
    case Kind::kWords:
    case Kind::kPhrase:
    case Kind::kPrefix:
    case Kind::kFilter:
      EXPECT_TRUE(node.children.empty());
      EXPECT_FALSE(node.text.empty());
      ASSERT_LE(node.offset + node.text.size(), query.size());
      EXPECT_EQ(query.compare(node.offset, node.text.size(), node.text), 0) << "offset " << node.offset;
      EXPECT_EQ(util::find_invalid_utf8(node.text), std::string::npos);
      EXPECT_TRUE(node.field.empty() || node.field == "title" || node.kind == Kind::kFilter);
      if (node.kind == Kind::kFilter) {
        EXPECT_TRUE(node.field == "lang" || node.field == "tag" || node.field == "group") << node.field;
      }
      if (node.kind == Kind::kWords) {  // spaces only between words
        EXPECT_NE(node.text.front(), ' ');
        EXPECT_NE(node.text.back(), ' ');
      }
      return;
    case Kind::kNot: EXPECT_EQ(node.children.size(), 1u); break;
    case Kind::kSeq:
      if (!top) {
        EXPECT_GE(node.children.size(), 2u) << "an inner sequence of one is its child";
      }
      break;
    case Kind::kAnd:
    case Kind::kOr: EXPECT_GE(node.children.size(), 2u); break;
  }
  EXPECT_LT(node.offset, query.size() + 1);
  for (const QueryNode& child : node.children) check_shape(query, child, false);
}

std::string parse(const std::string& query, const ParseLimits& limits = {}) {
  const QueryNode root = parse_query(query, limits);
  EXPECT_EQ(root.kind, Kind::kSeq) << query;
  check_shape(query, root, true);
  return render(root);
}

// The reason of the QueryError the query throws, or "no error: <tree>".
std::string error(const std::string& query, const ParseLimits& limits = {}) {
  try {
    return "no error: " + parse(query, limits);
  } catch (const QueryError& e) {
    const std::string prefix = "query \"" + query + "\": ";
    const std::string message = e.what();
    EXPECT_EQ(e.query(), query);
    EXPECT_EQ(message.compare(0, prefix.size(), prefix), 0) << message;
    return message.substr(prefix.size());
  }
}

// --- words -------------------------------------------------------------------

TEST(QueryParser, EmptyAndBlankQueriesAreAnEmptySequence) {
  EXPECT_EQ(parse(""), "SEQ()");
  EXPECT_EQ(parse("   "), "SEQ()");
  EXPECT_EQ(parse("\t\n \u00A0\u3000"), "SEQ()");
}

TEST(QueryParser, TheTopIsASequenceEvenOfOne) {
  EXPECT_EQ(parse("password"), "SEQ(W\"password\")");
  EXPECT_EQ(parse("sms OR email"), "SEQ(OR(W\"sms\" W\"email\"))");
}

TEST(QueryParser, NeighbouringWordsAreOneNodeWithTheirSpacingAsTyped) {
  EXPECT_EQ(parse("reset password"), "SEQ(W\"reset password\")");
  EXPECT_EQ(parse("  reset  my\tpassword "), "SEQ(W\"reset  my\tpassword\")");
  const QueryNode root = parse_query("  reset  my password");
  ASSERT_EQ(root.children.size(), 1u);
  EXPECT_EQ(root.children[0].offset, 2u);
}

TEST(QueryParser, ThaiWrittenWithoutSpacesStaysOneRun) {
  EXPECT_EQ(parse("ลืมรหัสผ่าน"), "SEQ(W\"ลืมรหัสผ่าน\")");
  EXPECT_EQ(parse("ลืมรหัสผ่าน เข้าสู่ระบบไม่ได้"), "SEQ(W\"ลืมรหัสผ่าน เข้าสู่ระบบไม่ได้\")");
}

TEST(QueryParser, WordsInEveryLanguageAreText) {
  EXPECT_EQ(parse("Återställ lösenordet"), "SEQ(W\"Återställ lösenordet\")");
  EXPECT_EQ(parse("não consigo entrar"), "SEQ(W\"não consigo entrar\")");
  EXPECT_EQ(parse("SLA'lar İade süreci"), "SEQ(W\"SLA'lar İade süreci\")");
  EXPECT_EQ(parse("nenosiri limesahaulika"), "SEQ(W\"nenosiri limesahaulika\")");
}

TEST(QueryParser, UnicodeSpacesSeparateWords) {
  // No-break, ideographic, thin and medium mathematical spaces.
  EXPECT_EQ(parse("-sms\u00A0kod"), "SEQ(NOT(W\"sms\") W\"kod\")");
  EXPECT_EQ(parse("a\u3000-b"), "SEQ(W\"a\" NOT(W\"b\"))");
  EXPECT_EQ(parse("a\u2009OR\u205Fb"), "SEQ(OR(W\"a\" W\"b\"))");
  EXPECT_EQ(parse("a\u202FAND\u2000b"), "SEQ(AND(W\"a\" W\"b\"))");
  // A zero-width space is no space: it is inside a word.
  EXPECT_EQ(parse("a\u200B-b"), "SEQ(W\"a\u200B-b\")");
}

TEST(QueryParser, PunctuationInsideWordsIsText) {
  EXPECT_EQ(parse("E-40213 wi-fi"), "SEQ(W\"E-40213 wi-fi\")");
  EXPECT_EQ(parse("http://example.com/a-b C:\\dir note: x"), "SEQ(W\"http://example.com/a-b C:\\dir note: x\")");
  EXPECT_EQ(parse("f(x) a(b)c"), "SEQ(W\"f(x) a(b)c\")");
  EXPECT_EQ(parse("a*b *x"), "SEQ(W\"a*b *x\")");
  EXPECT_EQ(parse("14\" skärm"), "SEQ(W\"14\" skärm\")");
  EXPECT_EQ(parse("a)b"), "SEQ(W\"a)b\")");
  EXPECT_EQ(parse(")a"), "SEQ(W\")a\")");
}

// --- phrases -------------------------------------------------------------------

TEST(QueryParser, QuotedTextIsAPhrase) {
  EXPECT_EQ(parse("\"reset password\""), "SEQ(Q\"reset password\")");
  EXPECT_EQ(parse("forgot \"reset  password\" now"), "SEQ(W\"forgot\" Q\"reset  password\" W\"now\")");
  EXPECT_EQ(parse("\"รหัสผ่าน\" -ผู้ใช้"), "SEQ(Q\"รหัสผ่าน\" NOT(W\"ผู้ใช้\"))");
  // Operators, '-', '*', '(' and fields inside quotes are text.
  EXPECT_EQ(parse("\"a OR -b pass* (c) tag:x\""), "SEQ(Q\"a OR -b pass* (c) tag:x\")");
}

TEST(QueryParser, APhraseOffsetIsItsFirstWord) {
  const QueryNode root = parse_query("x “lösenord glömt”");
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_EQ(root.children[1].offset, 5u);  // after "x " and the 3-byte quote
}

TEST(QueryParser, CurlyQuotesOpenAndCloseInAnyPairing) {
  EXPECT_EQ(parse("“redefinir senha”"), "SEQ(Q\"redefinir senha\")");
  EXPECT_EQ(parse("”glömt lösenord”"), "SEQ(Q\"glömt lösenord\")");  // Swedish
  EXPECT_EQ(parse("„Passwort vergessen“"), "SEQ(Q\"Passwort vergessen\")");
  EXPECT_EQ(parse("\"mixed” x"), "SEQ(Q\"mixed\" W\"x\")");
}

TEST(QueryParser, AQuoteLeftOpenIsDroppedAndTheRestReadAsAQuery) {
  // A pasted sentence that starts with a quote is its words, not a phrase
  // that no article holds (a Swahili sentence from a parliamentary report).
  EXPECT_EQ(parse("\"Mheshimiwa Spika, katika mwaka 2020/21"), "SEQ(W\"Mheshimiwa Spika, katika mwaka 2020/21\")");
  EXPECT_EQ(parse("sms \"reset password"), "SEQ(W\"sms\" W\"reset password\")");
  EXPECT_EQ(parse("sms “reset -sso"), "SEQ(W\"sms\" W\"reset\" NOT(W\"sso\"))");
  // A field's quoted value left open still runs to the end.
  EXPECT_EQ(parse("title:\"reset password"), "SEQ(title:Q\"reset password\")");
}

TEST(QueryParser, EmptyPhrasesAreDroppedButStillSeparateWords) {
  EXPECT_EQ(parse("\"\""), "SEQ()");
  EXPECT_EQ(parse("\"   \""), "SEQ()");
  EXPECT_EQ(parse("a \"\" b"), "SEQ(W\"a\" W\"b\")");
  EXPECT_EQ(parse("a \""), "SEQ(W\"a\")");
}

TEST(QueryParser, AQuoteOpensOnlyWhereAWordCouldStart) {
  // Inside a word a quote is text (inches, a stray key), and a closing
  // quote ends the phrase even if a word follows at once.
  EXPECT_EQ(parse("say\"hello\" x"), "SEQ(W\"say\"hello\" x\")");
  EXPECT_EQ(parse("\"a b\"c"), "SEQ(Q\"a b\" W\"c\")");
}

// --- exclusion -----------------------------------------------------------------

TEST(QueryParser, MinusBeforeAWordExcludesIt) {
  EXPECT_EQ(parse("reset password -sms"), "SEQ(W\"reset password\" NOT(W\"sms\"))");
  // Only that one word.
  EXPECT_EQ(parse("-sms code"), "SEQ(NOT(W\"sms\") W\"code\")");
  EXPECT_EQ(parse("-\"two words\" x"), "SEQ(NOT(Q\"two words\") W\"x\")");
  EXPECT_EQ(parse("x -(sms OR email)"), "SEQ(W\"x\" NOT(OR(W\"sms\" W\"email\")))");
  EXPECT_EQ(parse("x -pass*"), "SEQ(W\"x\" NOT(P\"pass\"))");
  EXPECT_EQ(parse("x -tag:billing"), "SEQ(W\"x\" NOT(F(tag=billing)))");
  EXPECT_EQ(parse("(-x)"), "SEQ(NOT(W\"x\"))");
  const QueryNode root = parse_query("ab -cd");
  EXPECT_EQ(root.children[1].offset, 3u);
  EXPECT_EQ(root.children[1].children[0].offset, 4u);
}

TEST(QueryParser, MinusInsideOrAloneIsText) {
  EXPECT_EQ(parse("E-40213"), "SEQ(W\"E-40213\")");
  // A lone '-' is kept as text: the analyzer finds no word in it.
  EXPECT_EQ(parse("-"), "SEQ(W\"-\")");
  EXPECT_EQ(parse("a - b"), "SEQ(W\"a - b\")");
  EXPECT_EQ(parse("a -"), "SEQ(W\"a -\")");
  EXPECT_EQ(parse("git --force"), "SEQ(W\"git --force\")");
  EXPECT_EQ(parse("(a -)"), "SEQ(W\"a -\")");
  EXPECT_EQ(parse("-\u00A0x"), "SEQ(W\"-\u00A0x\")");
}

TEST(QueryParser, MinusBeforeNothingIsDropped) {
  EXPECT_EQ(parse("a -\"\" b"), "SEQ(W\"a\" W\"b\")");
  EXPECT_EQ(parse("a -() b"), "SEQ(W\"a\" W\"b\")");
}

TEST(QueryParser, MinusMakesAnOperatorTheExcludedWord) {
  EXPECT_EQ(parse("a -OR b"), "SEQ(W\"a\" NOT(W\"OR\") W\"b\")");
  EXPECT_EQ(parse("-AND"), "SEQ(NOT(W\"AND\"))");
}

// --- AND and OR ----------------------------------------------------------------

TEST(QueryParser, OrAndAndJoinTheirNeighbours) {
  EXPECT_EQ(parse("sms OR email"), "SEQ(OR(W\"sms\" W\"email\"))");
  EXPECT_EQ(parse("sms AND email"), "SEQ(AND(W\"sms\" W\"email\"))");
  EXPECT_EQ(parse("a OR b OR c"), "SEQ(OR(W\"a\" W\"b\" W\"c\"))");
  EXPECT_EQ(parse("\"a b\" OR tag:x"), "SEQ(OR(Q\"a b\" F(tag=x)))");
  EXPECT_EQ(parse("(a) OR (b c)"), "SEQ(OR(W\"a\" W\"b c\"))");
}

TEST(QueryParser, AndBindsTighterThanOrAndSequencesTighterThanBoth) {
  EXPECT_EQ(parse("a b OR c AND d"), "SEQ(OR(W\"a b\" AND(W\"c\" W\"d\")))");
  EXPECT_EQ(parse("a AND b OR c"), "SEQ(OR(AND(W\"a\" W\"b\") W\"c\"))");
  EXPECT_EQ(parse("a b AND c -d"), "SEQ(AND(W\"a b\" SEQ(W\"c\" NOT(W\"d\"))))");
  EXPECT_EQ(parse("(a OR b) AND c"), "SEQ(AND(OR(W\"a\" W\"b\") W\"c\"))");
  EXPECT_EQ(parse("(sms OR email) code"), "SEQ(OR(W\"sms\" W\"email\") W\"code\")");
}

TEST(QueryParser, OperatorsWithoutTwoOperandsAreWords) {
  EXPECT_EQ(parse("OR"), "SEQ(W\"OR\")");
  EXPECT_EQ(parse("AND"), "SEQ(W\"AND\")");
  EXPECT_EQ(parse("sms OR"), "SEQ(W\"sms OR\")");
  EXPECT_EQ(parse("OR sms"), "SEQ(W\"OR sms\")");
  EXPECT_EQ(parse("AND AND"), "SEQ(W\"AND AND\")");
  EXPECT_EQ(parse("a AND AND b"), "SEQ(W\"a AND AND b\")");
  EXPECT_EQ(parse("a OR OR OR b"), "SEQ(W\"a OR OR OR b\")");
  EXPECT_EQ(parse("AND a OR b"), "SEQ(OR(W\"AND a\" W\"b\"))");
  EXPECT_EQ(parse("a OR b OR"), "SEQ(OR(W\"a\" W\"b OR\"))");
  // At the edge of a group: the operand on the other side is not in it.
  EXPECT_EQ(parse("a (OR b)"), "SEQ(W\"a\" W\"OR b\")");
  EXPECT_EQ(parse("(a OR) b"), "SEQ(W\"a OR\" W\"b\")");
  // Next to '-' or nothing.
  EXPECT_EQ(parse("a OR -b"), "SEQ(W\"a OR\" NOT(W\"b\"))");
  EXPECT_EQ(parse("a OR \"\" b"), "SEQ(W\"a OR\" W\"b\")");
  EXPECT_EQ(parse("a AND () b"), "SEQ(W\"a AND\" W\"b\")");
}

TEST(QueryParser, AnExclusionCanBeTheLeftOperand) {
  EXPECT_EQ(parse("-a OR b"), "SEQ(OR(NOT(W\"a\") W\"b\"))");
}

TEST(QueryParser, OnlyUpperCaseStandaloneOperators) {
  EXPECT_EQ(parse("sms or email"), "SEQ(W\"sms or email\")");
  EXPECT_EQ(parse("sms And email"), "SEQ(W\"sms And email\")");
  EXPECT_EQ(parse("ORDER ANDROID"), "SEQ(W\"ORDER ANDROID\")");
  EXPECT_EQ(parse("a OR(b)"), "SEQ(W\"a OR(b)\")");
}

// --- fields --------------------------------------------------------------------

TEST(QueryParser, FiltersTakeTheirValue) {
  EXPECT_EQ(parse("lang:sv tag:billing group:reset-password"),
            "SEQ(F(lang=sv) F(tag=billing) F(group=reset-password))");
  EXPECT_EQ(parse("reset password -sms tag:billing"),
            "SEQ(W\"reset password\" NOT(W\"sms\") F(tag=billing))");
  // The value runs to a space or a ')' closing a group, and may contain
  // what would elsewhere be syntax.
  EXPECT_EQ(parse("(tag:a:b*)"), "SEQ(F(tag=a:b*))");
  EXPECT_EQ(parse("tag:-x"), "SEQ(F(tag=-x))");
  const QueryNode root = parse_query("ab lang:sv");
  EXPECT_EQ(root.children[1].offset, 8u);  // the value
}

TEST(QueryParser, FieldNamesAreCaseInsensitiveAndStoredLowerCase) {
  EXPECT_EQ(parse("Lang:sv TAG:x Group:g TiTlE:y"), "SEQ(F(lang=sv) F(tag=x) F(group=g) title:W\"y\")");
}

TEST(QueryParser, FilterValuesMayBeQuoted) {
  EXPECT_EQ(parse("tag:\"two words\" x"), "SEQ(F(tag=two words) W\"x\")");
  EXPECT_EQ(parse("tag:“två ord” x"), "SEQ(F(tag=två ord) W\"x\")");
  EXPECT_EQ(parse("tag:\"left open"), "SEQ(F(tag=left open))");
}

TEST(QueryParser, UnknownFieldNamesAreText) {
  EXPECT_EQ(parse("note: x"), "SEQ(W\"note: x\")");
  EXPECT_EQ(parse("author:bo x"), "SEQ(W\"author:bo x\")");
  EXPECT_EQ(parse("xtag:a"), "SEQ(W\"xtag:a\")");
  EXPECT_EQ(parse(":tag"), "SEQ(W\":tag\")");
}

TEST(QueryParser, TitleAppliesToOneWordPhraseOrPrefix) {
  EXPECT_EQ(parse("title:password reset"), "SEQ(title:W\"password\" W\"reset\")");
  EXPECT_EQ(parse("title:\"reset password\""), "SEQ(title:Q\"reset password\")");
  EXPECT_EQ(parse("title:pass*"), "SEQ(title:P\"pass\")");
  EXPECT_EQ(parse("title:OR x"), "SEQ(title:W\"OR\" W\"x\")");
  EXPECT_EQ(parse("-title:sms"), "SEQ(NOT(title:W\"sms\"))");
  EXPECT_EQ(parse("title:lösenord OR title:รหัสผ่าน"), "SEQ(OR(title:W\"lösenord\" title:W\"รหัสผ่าน\"))");
  const QueryNode root = parse_query("title:abc");
  EXPECT_EQ(root.children[0].offset, 6u);
}

TEST(QueryParser, TitleBeforeAGroupAppliesToEveryWordInIt) {
  // Beyond the one-word rule: "title:(" cannot be read as anything else.
  EXPECT_EQ(parse("title:(reset pass* OR \"new password\" -sms tag:x)"),
            "SEQ(OR(SEQ(title:W\"reset\" title:P\"pass\") "
            "SEQ(title:Q\"new password\" NOT(title:W\"sms\") F(tag=x))))");
  EXPECT_EQ(parse("title:(a (b))"), "SEQ(SEQ(title:W\"a\" title:W\"b\"))");
}

// --- prefixes ------------------------------------------------------------------

TEST(QueryParser, AStarEndingAWordMakesAPrefix) {
  EXPECT_EQ(parse("pass*"), "SEQ(P\"pass\")");
  EXPECT_EQ(parse("reset pass* now"), "SEQ(W\"reset\" P\"pass\" W\"now\")");
  EXPECT_EQ(parse("lösen**"), "SEQ(P\"lösen\")");
  EXPECT_EQ(parse("(รหัส*)"), "SEQ(P\"รหัส\")");
  EXPECT_EQ(parse("a*b*"), "SEQ(P\"a*b\")");
  EXPECT_EQ(parse("AND*"), "SEQ(P\"AND\")");
}

// --- parentheses ---------------------------------------------------------------

TEST(QueryParser, GroupsOfOneAreTheirChild) {
  EXPECT_EQ(parse("(a)"), "SEQ(W\"a\")");
  EXPECT_EQ(parse("(a b) c"), "SEQ(W\"a b\" W\"c\")");
  EXPECT_EQ(parse("((a))"), "SEQ(W\"a\")");
  EXPECT_EQ(parse("(a -b) c"), "SEQ(SEQ(W\"a\" NOT(W\"b\")) W\"c\")");
}

TEST(QueryParser, AGroupStartsOnlyAtAWordAndEndsOnlyAtItsEnd) {
  EXPECT_EQ(parse("(a)(b)"), "SEQ(W\"a\" W\"b\")");
  EXPECT_EQ(parse("(f(x))"), "SEQ(W\"f(x)\")");
  EXPECT_EQ(parse("(a \"b\")\"c\""), "SEQ(SEQ(W\"a\" Q\"b\") Q\"c\")");
  // Sentence punctuation after ')' ends a word too: a pasted sentence.
  EXPECT_EQ(parse("cotação (RFQs). As"), "SEQ(W\"cotação\" W\"RFQs\" W\". As\")");
  EXPECT_EQ(parse("(a)!"), "SEQ(W\"a\" W\"!\")");
}

TEST(QueryParser, EmptyGroupsAreDropped) {
  EXPECT_EQ(parse("()"), "SEQ()");
  EXPECT_EQ(parse("a ( ) b"), "SEQ(W\"a\" W\"b\")");
  EXPECT_EQ(parse("(())"), "SEQ()");
}

TEST(QueryParser, NestingUpToTheLimitIsFine) {
  EXPECT_EQ(parse("((((((((a))))))))"), "SEQ(W\"a\")");
  EXPECT_EQ(parse("(a)", ParseLimits{1}), "SEQ(W\"a\")");
  EXPECT_EQ(parse("a b", ParseLimits{0}), "SEQ(W\"a b\")");
}

// --- errors --------------------------------------------------------------------

TEST(QueryParser, UnmatchedParenthesesNameTheirCharacter) {
  EXPECT_EQ(error("a (b c"), "'(' at character 3 is never closed");
  EXPECT_EQ(error("(a (b) c"), "'(' at character 1 is never closed");
  EXPECT_EQ(error("a b)"), "unmatched ')' at character 4");
  EXPECT_EQ(error(")"), "unmatched ')' at character 1");
  EXPECT_EQ(error("(a b))"), "unmatched ')' at character 6");
  // Text after ')' keeps the group open: ')' closes only at a word's end.
  EXPECT_EQ(error("(a)b"), "'(' at character 1 is never closed");
}

TEST(QueryParser, PositionsCountCharactersNotBytes) {
  EXPECT_EQ(error("lösenord )"), "unmatched ')' at character 10");
  EXPECT_EQ(error("รหัสผ่าน (ลืม"), "'(' at character 10 is never closed");
  EXPECT_EQ(error("“ö” tag:"), "tag: needs a value at character 5");
  EXPECT_EQ(error("ğüş *"), "'*' needs a word before it at character 5");
}

TEST(QueryParser, AFieldWithoutAValueIsAnError) {
  EXPECT_EQ(error("tag:"), "tag: needs a value at character 1");
  EXPECT_EQ(error("x lang: sv"), "lang: needs a value at character 3");
  EXPECT_EQ(error("(group:)"), "group: needs a value at character 2");
  EXPECT_EQ(error("title:"), "title: needs a value at character 1");
  EXPECT_EQ(error("Tag:\"\""), "tag: needs a value at character 1");
  EXPECT_EQ(error("tag:\"  \" x"), "tag: needs a value at character 1");
  EXPECT_EQ(error("tag:\u3000x"), "tag: needs a value at character 1");
}

TEST(QueryParser, AStarWithoutAWordIsAnError) {
  EXPECT_EQ(error("*"), "'*' needs a word before it at character 1");
  EXPECT_EQ(error("a ***"), "'*' needs a word before it at character 3");
  EXPECT_EQ(error("(*)"), "'*' needs a word before it at character 2");
  EXPECT_EQ(error("title:*"), "'*' needs a word before it at character 7");
  EXPECT_EQ(error("a -*"), "'*' needs a word before it at character 4");
}

TEST(QueryParser, NestingDeeperThanTheLimitIsAnError) {
  EXPECT_EQ(error("(((((((((a)))))))))"), "parentheses nested more than 8 deep at character 9");
  // Depth is the nesting at a point, not the number of groups.
  EXPECT_EQ(error("(((a))) (((((((((b)))))))))"), "parentheses nested more than 8 deep at character 17");
  EXPECT_EQ(error("((a))", ParseLimits{1}), "parentheses nested more than 1 deep at character 2");
}

TEST(QueryParser, TheLeftmostErrorIsReported) {
  EXPECT_EQ(error(") *"), "unmatched ')' at character 1");
  EXPECT_EQ(error("* )"), "'*' needs a word before it at character 1");
}

TEST(CharacterPosition, CountsCodePointsFromOne) {
  EXPECT_EQ(character_position("abc", 0), 1u);
  EXPECT_EQ(character_position("abc", 2), 3u);
  EXPECT_EQ(character_position("kör x", 4), 4u);
  EXPECT_EQ(character_position("รหัส x", 13), 6u);
  EXPECT_EQ(character_position("ab", 2), 3u);  // just past the end
}

// --- hostile input -------------------------------------------------------------

// Far longer than the searcher accepts (max_query_bytes), to show that
// neither a run of '(' nor a long flat query makes the parser recurse.
TEST(QueryParser, LongInputsAreHandledWithoutDeepRecursion) {
  EXPECT_EQ(error(std::string(1'000'000, '(')), "parentheses nested more than 8 deep at character 9");
  EXPECT_EQ(error(std::string(1'000'000, ')')), "unmatched ')' at character 1");

  std::string flat;
  for (int i = 0; i < 20'000; ++i) flat += "ord OR (a -b) \"c d\" tag:x pass* ";
  const QueryNode root = parse_query(flat);
  ASSERT_EQ(root.children.size(), 1u);
  EXPECT_EQ(root.children[0].kind, Kind::kOr);
  EXPECT_EQ(root.children[0].children.size(), 20'001u);

  std::string nested;
  for (int i = 0; i < 20'000; ++i) nested += "((((((((a))))))))";
  EXPECT_EQ(parse_query(nested).children.size(), 20'000u);

  const std::string words(1'000'000, 'a');
  EXPECT_EQ(parse_query(words + " " + words).children[0].text.size(), 2'000'001u);
}

// Random strings of the query language's own pieces: every one parses into
// a well-formed tree or throws QueryError naming a character in the query.
TEST(QueryParser, RandomQueriesParseOrThrowQueryError) {
  const std::vector<std::string> pieces = {
      "(", ")", "\"", "“", "”", "„", "-", "*", ":", "AND", "OR", "a", "ö", "ร", "ผ่าน", "'", " ", " ",
      "\u00A0", "\u3000", "tag", "title", "lang:", "group:", "tag:", "title:", "x", "(-", "*)", "\t"};
  std::mt19937 random(20240611);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  int parsed = 0, rejected = 0;
  for (int i = 0; i < 50'000; ++i) {
    std::string query;
    for (int n = length(random); n > 0; --n) query += pieces[pick(random)];
    SCOPED_TRACE(query);
    try {
      const QueryNode root = parse_query(query);
      ASSERT_EQ(root.kind, Kind::kSeq);
      check_shape(query, root, true);
      ++parsed;
    } catch (const QueryError& e) {
      const std::string message = e.what();
      const std::size_t at = message.find(" at character ");
      ASSERT_NE(at, std::string::npos) << message;
      const std::size_t position = std::stoul(message.substr(at + 14));
      EXPECT_GE(position, 1u);
      EXPECT_LE(position, util::utf8_length(query));
      ++rejected;
    }
    if (HasFatalFailure()) return;
  }
  // Both outcomes are common, so both paths were exercised.
  EXPECT_GT(parsed, 10'000);
  EXPECT_GT(rejected, 10'000);
}

}  // namespace
}  // namespace kbsearch::search
