#include "util/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kbsearch::util {
namespace {

TEST(FindInvalidUtf8, AcceptsWellFormedTextInEveryScript) {
  EXPECT_EQ(find_invalid_utf8("Återställ lösenordet"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("รหัสผ่าน"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("İLK ADIM ğüşöç"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("😀"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
}

TEST(FindInvalidUtf8, GivesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("abc\x80zz"), 3u);             // lone continuation byte
  EXPECT_EQ(find_invalid_utf8("ok \xC3"), 3u);               // truncated sequence
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);              // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);         // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);      // past U+10FFFF
  EXPECT_EQ(find_invalid_utf8("lösen\xFFord"), 6u);
}

TEST(FindInvalidUtf8, FindsABadByteWhereverLongRunsOfASCIIOrOfOtherScriptsEnd) {
  EXPECT_EQ(find_invalid_utf8("abcdefghijklmnop\x80"), 16u);  // after two whole ASCII chunks
  EXPECT_EQ(find_invalid_utf8("abcdefghij\xC3"), 10u);        // in the tail after a chunk
  EXPECT_EQ(find_invalid_utf8("abcdefgö\xFF" "abcdefgh"), 9u);  // in a chunk with non-ASCII
  EXPECT_EQ(find_invalid_utf8("รหัสผ่าน\xE0\xB8"), 24u);          // at the end of a Thai run
  EXPECT_EQ(find_invalid_utf8("รหัส\xC0\xAFผ่าน"), 12u);          // inside a Thai run
  EXPECT_EQ(find_invalid_utf8("abcdefgh รหัสผ่าน ğüşöç abcdefgh"), std::string_view::npos);
}

TEST(DecodeUtf8, DecodesEveryLengthOfSequence) {
  const std::string text = "aöรห😀";  // 1, 2, 3, 3 and 4 bytes
  std::vector<CodePoint> decoded;
  for (std::size_t i = 0; i < text.size(); i += decoded.back().size) decoded.push_back(decode_utf8(text, i));
  ASSERT_EQ(decoded.size(), 5u);
  EXPECT_EQ(decoded[0].code, U'a');
  EXPECT_EQ(decoded[1].code, U'ö');
  EXPECT_EQ(decoded[2].code, U'ร');
  EXPECT_EQ(decoded[3].code, U'ห');
  EXPECT_EQ(decoded[4].code, U'😀');
  EXPECT_EQ(decoded[4].size, 4u);
}

TEST(DecodeUtf8, AStrayOrCutSequenceIsOneCharacterOfItsOwnByte) {
  // A continuation byte alone, a lead byte before ASCII, a sequence cut by
  // the end: each decodes as one byte, so a scan always moves on.
  const std::string stray = std::string("\x80") + "abc", lead = std::string("\xC3") + "a";
  EXPECT_EQ(decode_utf8(stray, 0).size, 1u);
  EXPECT_EQ(decode_utf8(stray, 0).code, 0x80u);
  EXPECT_EQ(decode_utf8(lead, 0).size, 1u);
  EXPECT_EQ(decode_utf8("\xE0\xB8", 0).size, 1u);
  const std::string cut = "รหั\xE0\xB8";
  std::size_t steps = 0;
  for (std::size_t i = 0; i < cut.size(); i += decode_utf8(cut, i).size) ++steps;
  EXPECT_EQ(steps, 5u);
}

TEST(IsWhiteSpace, KnowsTheSpacesPhonesAndImesType) {
  // Ordinary, no-break, narrow no-break and ideographic spaces, a tab.
  for (const std::string space : {" ", "\xC2\xA0", "\xE2\x80\xAF", "\xE3\x80\x80", "\t"}) {
    EXPECT_TRUE(is_white_space(decode_utf8(space, 0).code)) << space;
  }
  // Letters, and the zero-width space, which is not white space: Thai
  // writers put it between words that still read as one line.
  for (const std::string other : {"a", "ş", "ก", "\xE2\x80\x8B"}) {
    EXPECT_FALSE(is_white_space(decode_utf8(other, 0).code)) << other;
  }
}

TEST(Utf8Prefix, NeverCutsACharacterInTwo) {
  const std::string thai = "รหัสผ่าน";  // 8 characters of 3 bytes
  EXPECT_EQ(utf8_prefix(thai, 24), thai);
  EXPECT_EQ(utf8_prefix(thai, 7), "รห");
  EXPECT_EQ(utf8_prefix(thai, 6), "รห");
  EXPECT_EQ(utf8_prefix("kör", 2), "k");
  EXPECT_EQ(utf8_prefix("kör", 3), "kö");
}

TEST(HasThai, FindsAThaiCharacterAnywhere) {
  EXPECT_TRUE(has_thai("iPhoneไม่ซิงค์"));
  EXPECT_TRUE(has_thai("ราคา ฿100"));  // ฿ U+0E3F is in the Thai block too
  EXPECT_FALSE(has_thai("lösenord şifre senha"));
  EXPECT_FALSE(has_thai("\xE0"));  // a lone lead byte at the end
  EXPECT_FALSE(has_thai("ກະແຈ"));  // Lao (U+0E80..), the next block
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length("kör"), 3u);
  EXPECT_EQ(utf8_length("รหัสผ่าน"), 8u);
  EXPECT_EQ(utf8_length(""), 0u);
}

TEST(Utf16Length, CountsTwoUnitsForCharactersPastTheBasicPlane) {
  EXPECT_EQ(utf16_length("şifre"), 5u);
  EXPECT_EQ(utf16_length("återställ"), 9u);
  EXPECT_EQ(utf16_length("รหัสผ่าน"), 8u);
  EXPECT_EQ(utf16_length("🔒 senha"), 8u);  // U+1F512 is a surrogate pair
  EXPECT_EQ(utf16_length(""), 0u);
}

}  // namespace
}  // namespace kbsearch::util
