// ClosestName: CPython 3.11's "Did you mean" choice (vm/suggestions.h).
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "vm/suggestions.h"

namespace gilvm::vm {
namespace {

using Names = std::vector<std::string_view>;

TEST(ClosestName, NearestWithinAThirdOfTheCharacters) {
  EXPECT_EQ(ClosestName("prnt", Names{"print", "int", "repr"}), "print");
  EXPECT_EQ(ClosestName("Pi", Names{"e", "pi", "tau"}), "pi");   // a case change costs 1
  EXPECT_EQ(ClosestName("nrom", Names{"norm"}), "");             // a swap is two edits: 4 > 3
  EXPECT_EQ(ClosestName("a", Names{"b", "cd"}), "");             // one substitution in two letters is too far
  EXPECT_EQ(ClosestName("a", Names{"ab"}), "ab");                // one insertion is not
  EXPECT_EQ(ClosestName("x", Names{"x"}), "");                   // the name itself is not offered
  EXPECT_EQ(ClosestName("SOME_VALUE", Names{"some_value"}), ""); // every letter's case: 10 > 7
}

TEST(ClosestName, FirstOfEquallyNearCandidatesWins) {
  EXPECT_EQ(ClosestName("cat", Names{"bat", "hat", "cart"}), "bat");
  EXPECT_EQ(ClosestName("cat", Names{"cart", "bat"}), "cart");
  EXPECT_EQ(ClosestName("cat", Names{"cart", "Cat"}), "Cat");  // nearer beats earlier
}

TEST(ClosestName, LimitsOnCandidatesAndLength) {
  std::vector<std::string> many(750, "other");
  many[10] = "prints";
  Names views(many.begin(), many.end());
  EXPECT_EQ(ClosestName("print", views), "");  // 750 candidates: none offered
  views.pop_back();
  EXPECT_EQ(ClosestName("print", views), "prints");
  std::string long_a(41, 'a'), long_b(41, 'b');
  long_b[0] = 'a';
  EXPECT_EQ(ClosestName(long_a + "x", Names{long_a + "y"}), long_a + "y");  // only the differing tail counts
  EXPECT_EQ(ClosestName(long_a, Names{long_b}), "");
}

}  // namespace
}  // namespace gilvm::vm
