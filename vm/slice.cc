// SliceObject and CPython's slice arithmetic (PySlice_Unpack + PySlice_AdjustIndices).
#include "vm/slice.h"

#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/bigint.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

SliceObject* NewSlice(ThreadState& ts, Value start, Value stop, Value step) {
  return ts.interp.heap.New<SliceObject>(ts.interp.types.slice, start, stop, step);
}

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// A bound that is neither an int nor None: through __index__, or a TypeError. Out of line, so
// that the usual bounds cost SliceIndices no call (the call's register saving was most of it).
[[gnu::noinline]] bool ObjectSliceBound(ThreadState& ts, Value v, int64_t* out) {
  if (!(v.is_object() && !LookupInType(TypeOf(ts.interp, v), ts.interp.names.__index__).is_null())) {
    RaiseTypeError(ts, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  // A bound beyond int64 clamps, as CPython's does at Py_ssize_t.
  if (IsBigInt(v)) return *out = IntRef(v)->negative() ? kMin : kMax, true;
  return ToIndex(ts, v, out);
}

inline bool SliceBound(ThreadState& ts, Value v, int64_t dflt, int64_t* out) {
  if (v.is_intlike()) {
    *out = v.as_int();
    return true;
  }
  if (v.is_none()) {
    *out = dflt;
    return true;
  }
  return ObjectSliceBound(ts, v, out);
}

int64_t Adjust(int64_t i, int64_t length, int64_t step) {
  if (i < 0) {
    i += length;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? length - 1 : length;
  }
  return i;
}

}  // namespace

bool SliceIndices(ThreadState& ts, SliceObject* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                  int64_t* slicelength) {
  if (!SliceBound(ts, s->step, 1, step)) return false;
  if (*step == 0) {
    RaiseValueError(ts, "slice step cannot be zero");
    return false;
  }
  if (*step < -kMax) *step = -kMax;  // so that -step cannot overflow
  if (!SliceBound(ts, s->start, *step < 0 ? kMax : 0, start)) return false;
  if (!SliceBound(ts, s->stop, *step < 0 ? kMin : kMax, stop)) return false;
  *start = Adjust(*start, length, *step);
  *stop = Adjust(*stop, length, *step);
  if (*step < 0) {
    *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  } else {
    *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  }
  return true;
}

namespace {

SliceObject* Self(const CallArgs& a) { return As<SliceObject>(a.argv[0]); }

Value SliceRepr(ThreadState& ts, const CallArgs& a) {
  std::string s[3];
  SliceObject* sl = Self(a);
  if (!ReprString(ts, sl->start, &s[0]) || !ReprString(ts, sl->stop, &s[1]) || !ReprString(ts, sl->step, &s[2]))
    return Value::Null();
  return NewStrValue(ts, absl::StrCat("slice(", s[0], ", ", s[1], ", ", s[2], ")"));
}

Value SliceIndicesM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "slice.indices", 2, 2)) return Value::Null();
  int64_t length;
  if (!ToIndex(ts, a.argv[1], &length)) return Value::Null();
  if (length < 0) return RaiseValueError(ts, "length should not be negative");
  int64_t start, stop, step, n;
  if (!SliceIndices(ts, Self(a), length, &start, &stop, &step, &n)) return Value::Null();
  return Value::Obj(NewTuple(ts, {Value::Int(start), Value::Int(stop), Value::Int(step)}));
}

Value SliceEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsSlice(a.argv[1])) return ts.interp.not_implemented;
  SliceObject *x = Self(a), *y = As<SliceObject>(a.argv[1]);
  for (auto [p, q] : {std::pair{x->start, y->start}, {x->stop, y->stop}, {x->step, y->step}}) {
    int eq = Equal(ts, p, q);
    if (eq <= 0) return eq < 0 ? Value::Null() : Value::Bool(false);
  }
  return Value::Bool(true);
}

Value SliceNew(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "slice") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "slice", 1, 3))
    return Value::Null();
  if (a.nargs == 2) return Value::Obj(NewSlice(ts, Value::None(), a.argv[1], Value::None()));
  return Value::Obj(NewSlice(ts, a.argv[1], a.argv[2], a.nargs > 3 ? a.argv[3] : Value::None()));
}

}  // namespace

void InitSliceType(Interpreter& in) {
  TypeObject* t = in.types.slice;
  AddMethod(in, t, "__repr__", SliceRepr);
  AddMethod(in, t, "indices", SliceIndicesM);
  AddMethod(in, t, "__eq__", SliceEq);
  AddStaticMethod(in, t, "__new__", SliceNew);
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

}  // namespace gilvm::vm
