// ListObject and tuple: indexing, slicing, slice assignment, sorting, comparison and repr.
#include <gtest/gtest.h>

#include <string>

#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {
namespace {

class ListTest : public ::testing::Test {
 protected:
  Interpreter interp;
  ThreadState& ts = interp.main_thread();

  std::string ReprOf(Value v) {
    std::string s;
    EXPECT_TRUE(ReprString(ts, v, &s));
    return s;
  }
  ListObject* Range(int n) {
    std::vector<Value> items;
    for (int i = 0; i < n; ++i) items.push_back(Value::Int(i));
    return NewList(ts, std::move(items));
  }
  Value Slice(Value a, Value b, Value c) { return Value::Obj(NewSlice(ts, a, b, c)); }
};

TEST_F(ListTest, IndexingAndNegativeIndexes) {
  RootedPtr<ListObject> l(ts, Range(5));
  EXPECT_EQ(GetItem(ts, Value::Obj(l.get()), Value::Int(-1)).as_int(), 4);
  EXPECT_TRUE(GetItem(ts, Value::Obj(l.get()), Value::Int(5)).is_null());
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.IndexError));
  ClearException(ts);
}

TEST_F(ListTest, ExtendedSlices) {
  RootedPtr<ListObject> l(ts, Range(10));
  Root s(ts, Slice(Value::None(), Value::None(), Value::Int(-3)));
  Root r(ts, GetItem(ts, Value::Obj(l.get()), s.get()));
  EXPECT_EQ(ReprOf(r.get()), "[9, 6, 3, 0]");
}

TEST_F(ListTest, SliceAssignmentAndDeletion) {
  RootedPtr<ListObject> l(ts, Range(5));
  Root s(ts, Slice(Value::Int(1), Value::Int(3), Value::None()));
  Root repl(ts, Value::Obj(Range(4)));
  ASSERT_TRUE(SetItem(ts, Value::Obj(l.get()), s.get(), repl.get()));
  EXPECT_EQ(ReprOf(Value::Obj(l.get())), "[0, 0, 1, 2, 3, 3, 4]");
  Root every_other(ts, Slice(Value::None(), Value::None(), Value::Int(2)));
  ASSERT_TRUE(DelItem(ts, Value::Obj(l.get()), every_other.get()));
  EXPECT_EQ(ReprOf(Value::Obj(l.get())), "[0, 2, 3]");
}

TEST_F(ListTest, ExtendedSliceAssignmentChecksSize) {
  RootedPtr<ListObject> l(ts, Range(4));
  Root s(ts, Slice(Value::None(), Value::None(), Value::Int(2)));
  Root repl(ts, Value::Obj(Range(3)));
  EXPECT_FALSE(SetItem(ts, Value::Obj(l.get()), s.get(), repl.get()));
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.ValueError));
  ClearException(ts);
}

TEST_F(ListTest, SortIsStableAndReverses) {
  RootedPtr<ListObject> l(ts, NewList(ts));
  for (int i = 0; i < 200; ++i) l->items.push_back(Value::Int((i * 7919) % 101));
  ASSERT_TRUE(ListSort(ts, l.get(), Value::None(), false));
  for (size_t i = 1; i < l->size(); ++i) EXPECT_LE(l->items[i - 1].as_int(), l->items[i].as_int());
  ASSERT_TRUE(ListSort(ts, l.get(), Value::None(), true));
  for (size_t i = 1; i < l->size(); ++i) EXPECT_GE(l->items[i - 1].as_int(), l->items[i].as_int());
}

TEST_F(ListTest, SortOfMixedTypesRaises) {
  RootedPtr<ListObject> l(ts, NewList(ts));
  l->items.push_back(Value::Int(1));
  l->items.push_back(NewStrValue(ts, "a"));
  EXPECT_FALSE(ListSort(ts, l.get(), Value::None(), false));
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.TypeError));
  ClearException(ts);
  EXPECT_EQ(l->size(), 2u);  // the items survive a failed sort
}

TEST_F(ListTest, ComparisonIsLexicographic) {
  RootedPtr<ListObject> a(ts, Range(3));
  RootedPtr<ListObject> b(ts, Range(4));
  EXPECT_EQ(LessThan(ts, Value::Obj(a.get()), Value::Obj(b.get())), 1);
  EXPECT_EQ(Equal(ts, Value::Obj(a.get()), Value::Obj(b.get())), 0);
}

TEST_F(ListTest, ReprOfSelfContainingList) {
  RootedPtr<ListObject> l(ts, NewList(ts));
  l->items.push_back(Value::Obj(l.get()));
  EXPECT_EQ(ReprOf(Value::Obj(l.get())), "[[...]]");
}

TEST_F(ListTest, TupleReprAndHash) {
  RootedPtr<TupleObject> one(ts, NewTuple(ts, {Value::Int(1)}));
  EXPECT_EQ(ReprOf(Value::Obj(one.get())), "(1,)");
  RootedPtr<TupleObject> pair(ts, NewTuple(ts, {Value::Int(1), Value::Int(2)}));
  int64_t h;
  ASSERT_TRUE(Hash(ts, Value::Obj(pair.get()), &h));
  EXPECT_EQ(h, -3550055125485641917);  // hash((1, 2)) in CPython 3.11
  RootedPtr<TupleObject> empty(ts, NewTuple(ts, {}));
  ASSERT_TRUE(Hash(ts, Value::Obj(empty.get()), &h));
  EXPECT_EQ(h, 5740354900026072187);
}

TEST_F(ListTest, ConcatenationErrorMessage) {
  RootedPtr<ListObject> l(ts, Range(1));
  EXPECT_TRUE(BinaryOp(ts, Value::Obj(l.get()), Value::Int(1), static_cast<uint32_t>(BinOp::kAdd)).is_null());
  ASSERT_TRUE(ExceptionMatches(ts, interp.exc.TypeError));
  ExceptionObject* e = FetchException(ts);
  Root keep(ts, Value::Obj(e));
  std::string msg;
  ASSERT_TRUE(StrString(ts, keep.get(), &msg));
  EXPECT_EQ(msg, "can only concatenate list (not \"int\") to list");
}

}  // namespace
}  // namespace gilvm::vm
