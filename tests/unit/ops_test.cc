// The object protocol on built-in values: repr/str, truth, hashing, comparisons, arithmetic and
// their CPython error messages.
#include <gtest/gtest.h>

#include <string>

#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {
namespace {

class OpsTest : public ::testing::Test {
 protected:
  Interpreter interp;
  ThreadState& ts = interp.main_thread();

  std::string ReprOf(Value v) {
    std::string s;
    EXPECT_TRUE(ReprString(ts, v, &s));
    return s;
  }
  // The message of the pending exception (cleared), checking its type.
  std::string TakeError(TypeObject* type) {
    EXPECT_TRUE(ExceptionMatches(ts, type));
    ExceptionObject* e = FetchException(ts);
    if (e == nullptr) return "";
    Root keep(ts, Value::Obj(e));
    std::string s;
    EXPECT_TRUE(StrString(ts, keep.get(), &s));
    return s;
  }
  Value S(const char* text) { return NewStrValue(ts, text); }
};

TEST_F(OpsTest, ReprOfScalars) {
  EXPECT_EQ(ReprOf(Value::None()), "None");
  EXPECT_EQ(ReprOf(Value::Bool(true)), "True");
  EXPECT_EQ(ReprOf(Value::Int(-5)), "-5");
  Root s(ts, S("it's"));
  EXPECT_EQ(ReprOf(s.get()), "\"it's\"");
}

TEST_F(OpsTest, Truth) {
  EXPECT_EQ(IsTrue(ts, Value::Int(0)), 0);
  EXPECT_EQ(IsTrue(ts, Value::Float(0.5)), 1);
  Root empty(ts, S(""));
  EXPECT_EQ(IsTrue(ts, empty.get()), 0);
  Root l(ts, Value::Obj(NewList(ts, {Value::None()})));
  EXPECT_EQ(IsTrue(ts, l.get()), 1);
}

TEST_F(OpsTest, HashesMatchCPython) {
  int64_t h;
  ASSERT_TRUE(Hash(ts, Value::Int(-1), &h));
  EXPECT_EQ(h, -2);
  ASSERT_TRUE(Hash(ts, Value::Float(1.0), &h));
  EXPECT_EQ(h, 1);
  Root l(ts, Value::Obj(NewList(ts)));
  EXPECT_FALSE(Hash(ts, l.get(), &h));
  EXPECT_EQ(TakeError(interp.exc.TypeError), "unhashable type: 'list'");
}

TEST_F(OpsTest, MixedNumericComparisons) {
  EXPECT_EQ(Equal(ts, Value::Int(1), Value::Float(1.0)), 1);
  EXPECT_EQ(LessThan(ts, Value::Int(1), Value::Float(1.5)), 1);
  Value nan = Value::Float(std::nan(""));
  Value r = RichCompare(ts, nan, nan, CmpOp::kEq);
  EXPECT_FALSE(r.as_bool());
  EXPECT_EQ(Equal(ts, nan, nan), 1);  // identity first, as containers compare
}

TEST_F(OpsTest, UnorderableTypes) {
  Root s(ts, S("a"));
  EXPECT_TRUE(RichCompare(ts, Value::Int(1), s.get(), CmpOp::kLt).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "'<' not supported between instances of 'int' and 'str'");
  Value r = RichCompare(ts, Value::Int(1), s.get(), CmpOp::kEq);
  ASSERT_TRUE(r.is_bool());
  EXPECT_FALSE(r.as_bool());
}

TEST_F(OpsTest, ArithmeticFastPathsAndErrors) {
  Value r = BinaryOp(ts, Value::Int(7), Value::Int(2), static_cast<uint32_t>(BinOp::kFloorDiv));
  EXPECT_EQ(r.as_int(), 3);
  r = BinaryOp(ts, Value::Int(1), Value::Float(0.5), static_cast<uint32_t>(BinOp::kAdd));
  EXPECT_DOUBLE_EQ(r.as_float(), 1.5);
  r = BinaryOp(ts, Value::Bool(true), Value::Bool(false), static_cast<uint32_t>(BinOp::kOr));
  EXPECT_TRUE(r.is_bool());
  Root s(ts, S("a"));
  EXPECT_TRUE(BinaryOp(ts, Value::Int(1), s.get(), static_cast<uint32_t>(BinOp::kAdd)).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_TRUE(BinaryOp(ts, s.get(), Value::Int(1), static_cast<uint32_t>(BinOp::kAdd)).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "can only concatenate str (not \"int\") to str");
  EXPECT_TRUE(BinaryOp(ts, Value::Int(1), s.get(), static_cast<uint32_t>(BinOp::kAdd) | kInplace).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "unsupported operand type(s) for +=: 'int' and 'str'");
}

TEST_F(OpsTest, UnaryErrors) {
  Root s(ts, S("a"));
  EXPECT_TRUE(Negative(ts, s.get()).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "bad operand type for unary -: 'str'");
  EXPECT_EQ(Absolute(ts, Value::Int(-3)).as_int(), 3);
}

TEST_F(OpsTest, SubscriptErrors) {
  EXPECT_TRUE(GetItem(ts, Value::Int(1), Value::Int(0)).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "'int' object is not subscriptable");
  Root t(ts, Value::Obj(NewTuple(ts, {Value::Int(1)})));
  EXPECT_FALSE(SetItem(ts, t.get(), Value::Int(0), Value::Int(2)));
  EXPECT_EQ(TakeError(interp.exc.TypeError), "'tuple' object does not support item assignment");
  Root key(ts, S("x"));
  Root l(ts, Value::Obj(NewList(ts)));
  EXPECT_TRUE(GetItem(ts, l.get(), key.get()).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "list indices must be integers or slices, not str");
}

TEST_F(OpsTest, LengthAndIteration) {
  EXPECT_EQ(Length(ts, Value::Int(1)), -1);
  EXPECT_EQ(TakeError(interp.exc.TypeError), "object of type 'int' has no len()");
  EXPECT_TRUE(GetIter(ts, Value::Int(1)).is_null());
  EXPECT_EQ(TakeError(interp.exc.TypeError), "'int' object is not iterable");
  EXPECT_EQ(Contains(ts, Value::Int(1), Value::Int(1)), -1);
  EXPECT_EQ(TakeError(interp.exc.TypeError), "argument of type 'int' is not iterable");
}

TEST_F(OpsTest, RangeSemantics) {
  Root r(ts, Value::Obj(NewRange(ts, 0, 20, 5)));
  EXPECT_EQ(ReprOf(r.get()), "range(0, 20, 5)");
  EXPECT_EQ(Length(ts, r.get()), 4);
  EXPECT_EQ(Contains(ts, r.get(), Value::Int(15)), 1);
  EXPECT_EQ(Contains(ts, r.get(), Value::Int(16)), 0);
  EXPECT_EQ(GetItem(ts, r.get(), Value::Int(-1)).as_int(), 15);
  Root it(ts, GetIter(ts, r.get()));
  int64_t sum = 0;
  Value v;
  while (IterNext(ts, it.get(), &v) == 1) sum += v.as_int();
  EXPECT_EQ(sum, 30);
}

TEST_F(OpsTest, AttributeErrors) {
  StrObject* name = Intern(interp, "nope");
  EXPECT_TRUE(GetAttr(ts, Value::Int(1), name).is_null());
  EXPECT_EQ(TakeError(interp.exc.AttributeError), "'int' object has no attribute 'nope'");
  EXPECT_TRUE(GetAttrOrNull(ts, Value::Int(1), name).is_null());
  EXPECT_EQ(ts.exc, nullptr);
  EXPECT_TRUE(GetAttr(ts, Value::Obj(interp.types.int_), name).is_null());
  EXPECT_EQ(TakeError(interp.exc.AttributeError), "type object 'int' has no attribute 'nope'");
  EXPECT_FALSE(SetAttr(ts, Value::Obj(interp.types.int_), name, Value::None()));
  EXPECT_EQ(TakeError(interp.exc.TypeError), "cannot set 'nope' attribute of immutable type 'int'");
}

TEST_F(OpsTest, ExceptionStrAndRepr) {
  Root e(ts, Value::Obj(NewException(ts, interp.exc.ValueError, "bad")));
  EXPECT_EQ(ReprOf(e.get()), "ValueError('bad')");
  std::string s;
  ASSERT_TRUE(StrString(ts, e.get(), &s));
  EXPECT_EQ(s, "bad");
}

}  // namespace
}  // namespace gilvm::vm
