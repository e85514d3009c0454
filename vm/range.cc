// RangeObject: construction, O(1) indexing and membership, slicing, iteration and equality.
#include "vm/range.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// Items in range(start, stop, step), computed in 128 bits so extreme bounds cannot overflow.
int64_t RangeLength(int64_t start, int64_t stop, int64_t step) {
  __int128 lo = start, hi = stop, st = step;
  if (st > 0 && lo < hi) return static_cast<int64_t>((hi - lo - 1) / st + 1);
  if (st < 0 && lo > hi) return static_cast<int64_t>((lo - hi - 1) / (-st) + 1);
  return 0;
}

}  // namespace

RangeObject::RangeObject(TypeObject* t, int64_t start, int64_t stop, int64_t step)
    : Object(t, Kind::kRange), start(start), stop(stop), step(step), length(RangeLength(start, stop, step)) {}

RangeObject* NewRange(ThreadState& ts, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) {
    RaiseValueError(ts, "range() arg 3 must not be zero");
    return nullptr;
  }
  return ts.interp.heap.New<RangeObject>(ts.interp.types.range, start, stop, step);
}

Value RangeGetItem(ThreadState& ts, RangeObject* r, Value key) {
  if (IsSlice(key)) {
    int64_t start, stop, step, n;
    if (!SliceIndices(ts, As<SliceObject>(key), r->length, &start, &stop, &step, &n)) return Value::Null();
    __int128 nstep = static_cast<__int128>(r->step) * step;
    if (nstep > INT64_MAX || nstep < INT64_MIN)
      return RaiseOverflowError(ts, "range step too large (big integers are not supported yet)");
    int64_t first = r->start + start * r->step;
    // As CPython: the slice's stop position mapped through the range (it may lie outside it).
    __int128 last = static_cast<__int128>(r->start) + static_cast<__int128>(stop) * r->step;
    if (last > INT64_MAX || last < INT64_MIN) last = nstep > 0 ? INT64_MAX : INT64_MIN;
    RangeObject* out = NewRange(ts, first, static_cast<int64_t>(last), static_cast<int64_t>(nstep));
    if (out) out->length = n;
    return out ? Value::Obj(out) : Value::Null();
  }
  if (!key.is_intlike() && !(key.is_object() && !LookupInType(TypeOf(ts.interp, key), ts.interp.names.__index__).is_null()))
    return RaiseTypeError(ts, absl::StrCat("range indices must be integers or slices, not ", TypeName(ts, key)));
  int64_t i;
  if (!ToIndex(ts, key, &i)) return Value::Null();
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) return RaiseIndexError(ts, "range object index out of range");
  return Value::Int(r->At(i));
}

namespace {

// Position of integer v in r, or -1.
int64_t IntPosition(const RangeObject* r, int64_t v) {
  if (r->length == 0) return -1;
  __int128 off = static_cast<__int128>(v) - r->start;
  if (off % r->step != 0) return -1;
  __int128 pos = off / r->step;
  return pos >= 0 && pos < r->length ? static_cast<int64_t>(pos) : -1;
}

}  // namespace

int RangeContains(ThreadState& ts, RangeObject* r, Value v) {
  if (v.is_intlike()) return IntPosition(r, v.as_int()) >= 0;
  Root keep(ts, Value::Obj(r));
  for (int64_t i = 0; i < r->length; ++i) {
    int eq = Equal(ts, Value::Int(r->At(i)), v);
    if (eq != 0) return eq;
  }
  return 0;
}

bool RangeEqual(const RangeObject* a, const RangeObject* b) {
  if (a->length != b->length) return false;
  if (a->length == 0) return true;
  if (a->start != b->start) return false;
  return a->length == 1 || a->step == b->step;
}

namespace {

RangeObject* Self(const CallArgs& a) { return As<RangeObject>(a.argv[0]); }

Value RangeRepr(ThreadState& ts, const CallArgs& a) {
  RangeObject* r = Self(a);
  if (r->step == 1) return NewStrValue(ts, absl::StrCat("range(", r->start, ", ", r->stop, ")"));
  return NewStrValue(ts, absl::StrCat("range(", r->start, ", ", r->stop, ", ", r->step, ")"));
}

Value RangeLen(ThreadState& ts, const CallArgs& a) { return Value::Int(Self(a)->length); }

Value RangeGetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "range.__getitem__", 2, 2)) return Value::Null();
  return RangeGetItem(ts, Self(a), a.argv[1]);
}

Value RangeContainsM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "range.__contains__", 2, 2)) return Value::Null();
  int r = RangeContains(ts, Self(a), a.argv[1]);
  return r < 0 ? Value::Null() : Value::Bool(r);
}

Value RangeIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kRange, a.argv[0])); }

Value RangeReversed(ThreadState& ts, const CallArgs& a) {
  RangeObject* r = Self(a);
  IteratorObject* it = NewIterator(ts, IterKind::kRange, a.argv[0]);
  it->index = r->length ? r->At(r->length - 1) : 0;
  it->step = -r->step;
  return Value::Obj(it);
}

Value RangeEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsRange(a.argv[1])) return ts.interp.not_implemented;
  return Value::Bool(RangeEqual(Self(a), As<RangeObject>(a.argv[1])));
}

Value RangeNe(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsRange(a.argv[1])) return ts.interp.not_implemented;
  return Value::Bool(!RangeEqual(Self(a), As<RangeObject>(a.argv[1])));
}

Value RangeHash(ThreadState& ts, const CallArgs& a) {
  RangeObject* r = Self(a);
  std::vector<Value> parts{Value::Int(r->length), Value::None(), Value::None()};
  if (r->length > 0) parts[1] = Value::Int(r->start);
  if (r->length > 1) parts[2] = Value::Int(r->step);
  Root t(ts, Value::Obj(NewTuple(ts, std::move(parts))));
  int64_t h;
  if (!Hash(ts, t.get(), &h)) return Value::Null();
  return Value::Int(h);
}

Value RangeCount(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "range.count", 2, 2)) return Value::Null();
  if (a.argv[1].is_intlike()) return Value::Int(IntPosition(Self(a), a.argv[1].as_int()) >= 0);
  int64_t n = 0;
  for (int64_t i = 0; i < Self(a)->length; ++i) {
    int eq = Equal(ts, Value::Int(Self(a)->At(i)), a.argv[1]);
    if (eq < 0) return Value::Null();
    n += eq;
  }
  return Value::Int(n);
}

Value RangeIndex(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "range.index", 2, 2)) return Value::Null();
  int64_t pos = -1;
  if (a.argv[1].is_intlike()) {
    pos = IntPosition(Self(a), a.argv[1].as_int());
  } else {
    for (int64_t i = 0; i < Self(a)->length && pos < 0; ++i) {
      int eq = Equal(ts, Value::Int(Self(a)->At(i)), a.argv[1]);
      if (eq < 0) return Value::Null();
      if (eq) pos = i;
    }
  }
  if (pos >= 0) return Value::Int(pos);
  std::string r;
  if (!ReprString(ts, a.argv[1], &r)) return Value::Null();
  return RaiseValueError(ts, absl::StrCat(r, " is not in range"));
}

Value RangeNew(ThreadState& ts, const CallArgs& a) {
  CallArgs rest{a.argv + 1, a.nargs - 1, nullptr};
  if (!NoKeywords(ts, a, "range") || !ArgCountBetween(ts, rest, "range", 1, 3)) return Value::Null();
  int64_t v[3] = {0, 0, 1};
  for (size_t i = 0; i < rest.nargs; ++i)
    if (!ToIndex(ts, rest.argv[i], &v[i])) return Value::Null();
  RangeObject* r = rest.nargs == 1 ? NewRange(ts, 0, v[0], 1) : NewRange(ts, v[0], v[1], v[2]);
  return r ? Value::Obj(r) : Value::Null();
}

}  // namespace

void InitRangeType(Interpreter& in) {
  TypeObject* t = in.types.range;
  AddMethod(in, t, "__repr__", RangeRepr);
  AddMethod(in, t, "__len__", RangeLen);
  AddMethod(in, t, "__getitem__", RangeGetItemM);
  AddMethod(in, t, "__contains__", RangeContainsM);
  AddMethod(in, t, "__iter__", RangeIter);
  AddMethod(in, t, "__reversed__", RangeReversed);
  AddMethod(in, t, "__eq__", RangeEq);
  AddMethod(in, t, "__ne__", RangeNe);
  AddMethod(in, t, "__hash__", RangeHash);
  AddMethod(in, t, "count", RangeCount);
  AddMethod(in, t, "index", RangeIndex);
  AddStaticMethod(in, t, "__new__", RangeNew);
}

}  // namespace gilvm::vm
