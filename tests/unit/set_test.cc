// SetObject: the open-addressing table (CPython's slot order, dummies, resize), Python element
// equality, and the invariants the golden tests cannot see directly (fill/used bookkeeping).
#include <gtest/gtest.h>

#include <string>

#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/set.h"
#include "vm/str.h"

namespace gilvm::vm {
namespace {

class SetTest : public ::testing::Test {
 protected:
  Interpreter interp;
  ThreadState& ts = interp.main_thread();

  std::string ReprOf(Value v) {
    std::string s;
    EXPECT_TRUE(ReprString(ts, v, &s));
    return s;
  }
};

TEST_F(SetTest, SmallIntsSitAtTheirHash) {
  RootedPtr<SetObject> s(ts, NewSet(ts, interp.types.set));
  for (int64_t v : {3, 1, 2}) ASSERT_TRUE(SetAdd(ts, s.get(), Value::Int(v)));
  EXPECT_EQ(ReprOf(Value::Obj(s.get())), "{1, 2, 3}");
  EXPECT_EQ(s->table.size(), SetObject::kMinSize);
  EXPECT_EQ(s->fill, 3u);
}

TEST_F(SetTest, GrowsWhenThreeFifthsFull) {
  RootedPtr<SetObject> s(ts, NewSet(ts, interp.types.set));
  for (int64_t v = 0; v < 4; ++v) ASSERT_TRUE(SetAdd(ts, s.get(), Value::Int(v)));
  EXPECT_EQ(s->table.size(), 8u);
  ASSERT_TRUE(SetAdd(ts, s.get(), Value::Int(4)));
  EXPECT_EQ(s->table.size(), 32u);  // used*4 = 20 -> next power of two above
}

TEST_F(SetTest, NumericElementsAreOne) {
  RootedPtr<SetObject> s(ts, NewSet(ts, interp.types.set));
  ASSERT_TRUE(SetAdd(ts, s.get(), Value::Int(1)));
  ASSERT_TRUE(SetAdd(ts, s.get(), Value::Float(1.0)));
  ASSERT_TRUE(SetAdd(ts, s.get(), Value::Bool(true)));
  EXPECT_EQ(s->size(), 1u);
  EXPECT_EQ(SetContains(ts, s.get(), Value::Float(1.0)), 1);
  EXPECT_EQ(ReprOf(Value::Obj(s.get())), "{1}");
}

TEST_F(SetTest, UnhashableRaises) {
  RootedPtr<SetObject> s(ts, NewSet(ts, interp.types.set));
  Root l(ts, Value::Obj(NewList(ts)));
  EXPECT_FALSE(SetAdd(ts, s.get(), l.get()));
  ASSERT_NE(ts.exc, nullptr);
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.TypeError));
  ClearException(ts);
}

TEST_F(SetTest, UpdateFromSetKeepsTableWhenSizesMatch) {
  RootedPtr<SetObject> a(ts, NewSet(ts, interp.types.set));
  for (int64_t v : {7, 0, 3}) ASSERT_TRUE(SetAdd(ts, a.get(), Value::Int(v)));
  RootedPtr<SetObject> b(ts, NewSet(ts, interp.types.frozenset));
  ASSERT_TRUE(SetUpdate(ts, b.get(), Value::Obj(a.get())));
  EXPECT_EQ(ReprOf(Value::Obj(b.get())), "frozenset({0, 3, 7})");
  size_t pos = 0;
  Value key;
  int n = 0;
  while (SetNext(b.get(), &pos, &key)) ++n;
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace gilvm::vm
