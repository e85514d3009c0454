// TupleObject's Python methods: indexing and slicing, concatenation, repetition, comparison,
// hash and repr (with the one-element "(1,)" form).
#include "vm/tuple.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/subclass.h"

namespace gilvm::vm {

namespace {

template <typename Layout>
TupleObject* NewTupleLayout(Heap& heap, TypeObject* cls, std::span<const Value> items) {
  return heap.NewWithTail<Layout>(items.size() * sizeof(Value), cls, sizeof(Layout), items);
}

}  // namespace

TupleObject* NewTuple(ThreadState& ts, std::span<const Value> items) {
  return NewTupleLayout<TupleObject>(ts.interp.heap, ts.interp.types.tuple, items);
}

TupleObject* NewTupleOfType(ThreadState& ts, TypeObject* cls, std::span<const Value> items) {
  if (cls->is_builtin) return NewTupleLayout<TupleObject>(ts.interp.heap, cls, items);
  return NewTupleLayout<Subclassed<TupleObject>>(ts.interp.heap, cls, items);
}

Value TupleGetItem(ThreadState& ts, TupleObject* t, Value key) {
  if (key.is_int()) {
    int64_t i = key.as_int(), n = static_cast<int64_t>(t->size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return RaiseIndexError(ts, "tuple index out of range");
    return t->items[i];
  }
  if (IsSlice(key)) {
    int64_t start, stop, step, len;
    if (!SliceIndices(ts, As<SliceObject>(key), t->size(), &start, &stop, &step, &len)) return Value::Null();
    if (step == 1 && len == static_cast<int64_t>(t->size()) && t->type == ts.interp.types.tuple) return Value::Obj(t);
    std::vector<Value> out;
    out.reserve(len);
    for (int64_t i = 0, p = start; i < len; ++i, p += step) out.push_back(t->items[p]);
    return Value::Obj(NewTuple(ts, std::move(out)));
  }
  if (!key.is_intlike() && !(key.is_object() && !LookupInType(TypeOf(ts.interp, key), ts.interp.names.__index__).is_null()))
    return RaiseTypeError(ts, absl::StrCat("tuple indices must be integers or slices, not ", TypeName(ts, key)));
  int64_t i;
  if (!SequenceIndex(ts, key, t->size(), "tuple", &i)) return Value::Null();
  return t->items[i];
}

Value TupleFromIterable(ThreadState& ts, Value iterable) {
  if (IsTuple(iterable) && iterable.as_object()->type == ts.interp.types.tuple) return iterable;
  RootedVector items(ts);
  if (!CollectIterable(ts, iterable, items)) return Value::Null();
  return Value::Obj(NewTuple(ts, items.items()));
}

namespace {

TupleObject* Self(const CallArgs& a) { return As<TupleObject>(a.argv[0]); }

Value TupleRepr(ThreadState& ts, const CallArgs& a) {
  TupleObject* t = Self(a);
  if (t->size() == 0) return NewStrValue(ts, "()");
  ReprGuard guard(ts, t);
  if (!guard.entered()) return NewStrValue(ts, "(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->size(); ++i) {
    std::string s;
    if (!ReprString(ts, t->items[i], &s)) return Value::Null();
    if (i > 0) out += ", ";
    out += s;
  }
  out += t->size() == 1 ? ",)" : ")";
  return NewStrValue(ts, out);
}

Value TupleLen(ThreadState& ts, const CallArgs& a) { return Value::Int(static_cast<int64_t>(Self(a)->size())); }

Value TupleGetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "tuple.__getitem__", 2, 2)) return Value::Null();
  return TupleGetItem(ts, Self(a), a.argv[1]);
}

Value TupleContains(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "tuple.__contains__", 2, 2)) return Value::Null();
  for (Value v : Self(a)->items) {
    int eq = Equal(ts, v, a.argv[1]);
    if (eq != 0) return eq < 0 ? Value::Null() : Value::Bool(true);
  }
  return Value::Bool(false);
}

Value TupleIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kTuple, a.argv[0])); }

Value TupleHashM(ThreadState& ts, const CallArgs& a) {
  int64_t h;
  // Hash() on a tuple subclass would come back here through __hash__; hash the items directly.
  Root plain(ts, Value::Obj(NewTuple(ts, Self(a)->items)));
  if (!Hash(ts, plain.get(), &h)) return Value::Null();
  return Value::Int(h);
}

Value TupleAdd(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsTuple(a.argv[1])) return ts.interp.not_implemented;
  std::vector<Value> items(Self(a)->items.begin(), Self(a)->items.end());
  std::span<const Value> more = As<TupleObject>(a.argv[1])->items;
  items.insert(items.end(), more.begin(), more.end());
  return Value::Obj(NewTuple(ts, std::move(items)));
}

Value TupleMul(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  Value count = a.argv[1];
  if (!count.is_intlike() &&
      !(count.is_object() && !LookupInType(TypeOf(ts.interp, count), ts.interp.names.__index__).is_null()))
    return ts.interp.not_implemented;
  int64_t n;
  if (!ToIndex(ts, count, &n)) return Value::Null();
  const auto& items = Self(a)->items;
  if (n == 1 && Self(a)->type == ts.interp.types.tuple) return a.argv[0];
  std::vector<Value> out;
  if (n > 0 && !items.empty()) {
    if (static_cast<uint64_t>(n) > (uint64_t{1} << 40) / items.size() ||
        !ts.interp.heap.Fits(items.size() * n * sizeof(Value)))  // before trying to allocate
      return RaiseMemoryError(ts);
    out.reserve(items.size() * n);
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  }
  return Value::Obj(NewTuple(ts, std::move(out)));
}

template <CmpOp op>
Value TupleCompare(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsTuple(a.argv[1])) return ts.interp.not_implemented;
  return SequenceCompare(ts, a.argv[0], a.argv[1], op);
}

Value TupleNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "tuple.__new__(X): X is not a type object");
  if (!NoKeywords(ts, a, "tuple") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "tuple", 0, 1))
    return Value::Null();
  auto* type = As<TypeObject>(a.argv[0]);
  RootedVector items(ts);
  if (a.nargs > 1) {
    if (type == ts.interp.types.tuple) return TupleFromIterable(ts, a.argv[1]);
    if (!CollectIterable(ts, a.argv[1], items)) return Value::Null();
  }
  return Value::Obj(NewTupleOfType(ts, type, items.items()));
}

}  // namespace

void InitTupleType(Interpreter& in) {
  TypeObject* t = in.types.tuple;
  AddMethod(in, t, "__repr__", TupleRepr);
  AddMethod(in, t, "__len__", TupleLen);
  AddMethod(in, t, "__getitem__", TupleGetItemM);
  AddMethod(in, t, "__contains__", TupleContains);
  AddMethod(in, t, "__iter__", TupleIter);
  AddMethod(in, t, "__hash__", TupleHashM);
  AddMethod(in, t, "__add__", TupleAdd);
  AddMethod(in, t, "__mul__", TupleMul);
  AddMethod(in, t, "__rmul__", TupleMul);
  AddMethod(in, t, "__eq__", TupleCompare<CmpOp::kEq>);
  AddMethod(in, t, "__ne__", TupleCompare<CmpOp::kNe>);
  AddMethod(in, t, "__lt__", TupleCompare<CmpOp::kLt>);
  AddMethod(in, t, "__le__", TupleCompare<CmpOp::kLe>);
  AddMethod(in, t, "__gt__", TupleCompare<CmpOp::kGt>);
  AddMethod(in, t, "__ge__", TupleCompare<CmpOp::kGe>);
  AddStaticMethod(in, t, "__new__", TupleNew);
  AddMethod(in, t, "index", SeqIndexMethod);
  AddMethod(in, t, "count", SeqCountMethod);
}

}  // namespace gilvm::vm
