#include "util/flat_string_map.h"

#include <gtest/gtest.h>

#include <string>

namespace kbsearch::util {
namespace {

TEST(FlatStringMap, FindsWhatWasInsertedByAnyViewOfTheKey) {
  FlatStringMap<int> map;
  EXPECT_EQ(map.find("kund"), nullptr);
  map.insert("kund", 1);
  map.insert("", 2);
  map.insert("kundsupportförfrågningar", 3);
  const std::string key = "xkundx";
  ASSERT_NE(map.find(std::string_view(key).substr(1, 4)), nullptr);
  EXPECT_EQ(*map.find(std::string_view(key).substr(1, 4)), 1);
  EXPECT_EQ(*map.find(""), 2);
  EXPECT_EQ(*map.find("kundsupportförfrågningar"), 3);
  EXPECT_EQ(map.find("kun"), nullptr);
  EXPECT_EQ(map.find("kundsupportförfrågninga"), nullptr);
  EXPECT_EQ(map.size(), 3u);
}

TEST(FlatStringMap, ValuesStayWhereTheyAreWhileTheTableGrows) {
  FlatStringMap<std::string> map;
  const std::string* first = &map.insert("w0", "v0");
  for (int i = 1; i < 10000; ++i) map.insert("w" + std::to_string(i), "v" + std::to_string(i));
  EXPECT_EQ(first, map.find("w0"));
  for (int i = 0; i < 10000; ++i) {
    const std::string* v = map.find("w" + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, "v" + std::to_string(i));
  }
}

TEST(FlatStringMap, ClearForgetsEverything) {
  FlatStringMap<int> map;
  for (int i = 0; i < 3000; ++i) map.insert(std::to_string(i), i);
  map.clear();
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.find("7"), nullptr);
  map.insert("7", 70);
  EXPECT_EQ(*map.find("7"), 70);
}

}  // namespace
}  // namespace kbsearch::util
