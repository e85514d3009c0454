// DictObject: the compact table (insertion order, Python key equality, deletion, resize) and
// dict's Python methods through the object protocol.
#include <gtest/gtest.h>

#include <string>

#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {
namespace {

class DictTest : public ::testing::Test {
 protected:
  Interpreter interp;
  ThreadState& ts = interp.main_thread();

  std::string ReprOf(Value v) {
    std::string s;
    EXPECT_TRUE(ReprString(ts, v, &s));
    return s;
  }
  Value S(const char* text) { return NewStrValue(ts, text); }
};

TEST_F(DictTest, SetGetAndOrder) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  Root a(ts, S("a")), b(ts, S("b"));
  ASSERT_TRUE(DictSet(ts, d.get(), b.get(), Value::Int(2)));
  ASSERT_TRUE(DictSet(ts, d.get(), a.get(), Value::Int(1)));
  Value out;
  EXPECT_EQ(DictGet(ts, d.get(), a.get(), &out), 1);
  EXPECT_EQ(out.as_int(), 1);
  EXPECT_EQ(ReprOf(Value::Obj(d.get())), "{'b': 2, 'a': 1}");
}

TEST_F(DictTest, NumericKeysAreOneKey) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(1), Value::Int(10)));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Float(1.0), Value::Int(20)));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Bool(true), Value::Int(30)));
  EXPECT_EQ(d->size(), 1u);
  EXPECT_EQ(ReprOf(Value::Obj(d.get())), "{1: 30}");
}

TEST_F(DictTest, ManyInsertsAndDeletes) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(i), Value::Int(i * 2)));
  for (int i = 0; i < 10000; i += 2) ASSERT_EQ(DictDel(ts, d.get(), Value::Int(i)), 1);
  EXPECT_EQ(d->size(), 5000u);
  Value out;
  EXPECT_EQ(DictGet(ts, d.get(), Value::Int(4), &out), 0);
  ASSERT_EQ(DictGet(ts, d.get(), Value::Int(9999), &out), 1);
  EXPECT_EQ(out.as_int(), 19998);
  EXPECT_EQ(DictDel(ts, d.get(), Value::Int(4)), 0);
}

TEST_F(DictTest, StrFastPathsMatchGenericLookup) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  StrObject* key = Intern(interp, "name");
  DictSetStr(d.get(), key, Value::Int(7));
  Root plain(ts, S("name"));  // a different, non-interned object with the same text
  Value out;
  ASSERT_EQ(DictGet(ts, d.get(), plain.get(), &out), 1);
  EXPECT_EQ(out.as_int(), 7);
  EXPECT_EQ(DictGetStr(d.get(), As<StrObject>(plain.get())).as_int(), 7);
  EXPECT_TRUE(DictDelStr(d.get(), key));
  EXPECT_TRUE(DictGetStr(d.get(), key).is_null());
}

TEST_F(DictTest, UnhashableKeyRaises) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  Root l(ts, Value::Obj(NewList(ts)));
  EXPECT_FALSE(DictSet(ts, d.get(), l.get(), Value::None()));
  ASSERT_TRUE(ExceptionMatches(ts, interp.exc.TypeError));
  ClearException(ts);
}

TEST_F(DictTest, MissingKeyRaisesKeyError) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  EXPECT_TRUE(GetItem(ts, Value::Obj(d.get()), Value::Int(3)).is_null());
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.KeyError));
  ClearException(ts);
}

TEST_F(DictTest, ReprOfSelfContainingDict) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(1), Value::Obj(d.get())));
  EXPECT_EQ(ReprOf(Value::Obj(d.get())), "{1: {...}}");
}

TEST_F(DictTest, EqualityIgnoresOrder) {
  RootedPtr<DictObject> a(ts, NewDict(ts));
  RootedPtr<DictObject> b(ts, NewDict(ts));
  ASSERT_TRUE(DictSet(ts, a.get(), Value::Int(1), Value::Int(2)));
  ASSERT_TRUE(DictSet(ts, a.get(), Value::Int(3), Value::Int(4)));
  ASSERT_TRUE(DictSet(ts, b.get(), Value::Int(3), Value::Int(4)));
  ASSERT_TRUE(DictSet(ts, b.get(), Value::Int(1), Value::Int(2)));
  EXPECT_EQ(Equal(ts, Value::Obj(a.get()), Value::Obj(b.get())), 1);
  ASSERT_TRUE(DictSet(ts, b.get(), Value::Int(1), Value::Int(5)));
  EXPECT_EQ(Equal(ts, Value::Obj(a.get()), Value::Obj(b.get())), 0);
}

TEST_F(DictTest, IterationDetectsSizeChange) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(1), Value::Int(1)));
  Root it(ts, GetIter(ts, Value::Obj(d.get())));
  Value out;
  ASSERT_EQ(IterNext(ts, it.get(), &out), 1);
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(2), Value::Int(2)));
  EXPECT_EQ(IterNext(ts, it.get(), &out), -1);
  EXPECT_TRUE(ExceptionMatches(ts, interp.exc.RuntimeError));
  ClearException(ts);
}

TEST_F(DictTest, ClearEmptiesTheTable) {
  RootedPtr<DictObject> d(ts, NewDict(ts));
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(1), Value::Int(1)));
  DictClear(d.get());
  EXPECT_EQ(d->size(), 0u);
  ASSERT_TRUE(DictSet(ts, d.get(), Value::Int(2), Value::Int(2)));
  EXPECT_EQ(ReprOf(Value::Obj(d.get())), "{2: 2}");
}

}  // namespace
}  // namespace gilvm::vm
