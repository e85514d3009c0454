// ListObject's Python methods: indexing and slicing (with slice assignment), the mutators,
// lexicographic comparison, repr and a stable merge sort.
#include "vm/list.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/bigint.h"
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
#include "vm/subclass.h"

namespace gilvm::vm {

ListObject* NewList(ThreadState& ts, std::vector<Value> items) {
  return ts.interp.heap.New<ListObject>(ts.interp.types.list, std::move(items));
}

bool SequenceIndex(ThreadState& ts, Value key, int64_t size, const char* what, int64_t* out) {
  int64_t i;
  // As CPython, an index past Py_ssize_t is an IndexError here, not the usual OverflowError.
  if (IsBigInt(key)) return RaiseIndexError(ts, "cannot fit 'int' into an index-sized integer"), false;
  if (!ToIndex(ts, key, &i)) return false;
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    RaiseIndexError(ts, absl::StrCat(what, " index out of range"));
    return false;
  }
  *out = i;
  return true;
}

// A list or tuple whose items can be read directly: the built-in itself, or a subclass that
// does not override __iter__ (one that does is iterated through it, as in CPython).
bool PlainSequence(ThreadState& ts, Value v) {
  if (!IsList(v) && !IsTuple(v)) return false;
  TypeObject* t = v.as_object()->type;
  if (t->is_builtin) return true;
  TypeObject* builtin = IsList(v) ? ts.interp.types.list : ts.interp.types.tuple;
  return LookupInType(t, ts.interp.names.__iter__).Is(LookupInType(builtin, ts.interp.names.__iter__));
}

bool CollectIterable(ThreadState& ts, Value iterable, RootedVector& out) {
  if (PlainSequence(ts, iterable)) {
    const auto& items = IsList(iterable) ? As<ListObject>(iterable)->items : As<TupleObject>(iterable)->items;
    ChargeItemsGrowth(ts.interp.heap, out.items(), items.size(), /*may_collect=*/false);
    out.items().insert(out.items().end(), items.begin(), items.end());
    return true;
  }
  Root it(ts, GetIter(ts, iterable));
  if (it.get().is_null()) return false;
  for (;;) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r <= 0) return r == 0;
    if (out.items().size() == out.items().capacity()) {  // list(range(10**9)) grows only this
      Root keep(ts, v);
      ChargeItemsGrowth(ts.interp.heap, out.items(), 1, /*may_collect=*/true);
    }
    out.push_back(v);
  }
}

bool ListExtend(ThreadState& ts, ListObject* l, Value iterable) {
  RootedVector items(ts);
  if (!CollectIterable(ts, iterable, items)) return false;
  ChargeItemsGrowth(ts.interp.heap, l->items, items.items().size(), /*may_collect=*/false);
  l->items.insert(l->items.end(), items.items().begin(), items.items().end());
  return true;
}

namespace {

// The positions a slice selects, as CPython's PySlice_GetIndicesEx gives them.
struct SliceRange {
  int64_t start, stop, step, length;
};

bool ResolveSlice(ThreadState& ts, Value key, int64_t size, SliceRange* r) {
  return SliceIndices(ts, As<SliceObject>(key), size, &r->start, &r->stop, &r->step, &r->length);
}

std::vector<Value> SliceItems(const std::vector<Value>& items, const SliceRange& r) {
  std::vector<Value> out;
  out.reserve(r.length);
  for (int64_t i = 0, p = r.start; i < r.length; ++i, p += r.step) out.push_back(items[p]);
  return out;
}

Value BadIndexType(ThreadState& ts, const char* what, Value key) {
  return RaiseTypeError(ts, absl::StrCat(what, " indices must be integers or slices, not ", TypeName(ts, key)));
}

bool IsIndexable(ThreadState& ts, Value key) {
  return key.is_intlike() ||
         (key.is_object() && !LookupInType(TypeOf(ts.interp, key), ts.interp.names.__index__).is_null());
}

}  // namespace

Value ListGetItem(ThreadState& ts, ListObject* l, Value key) {
  if (key.is_int()) {
    int64_t i = key.as_int(), n = static_cast<int64_t>(l->size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return RaiseIndexError(ts, "list index out of range");
    return l->items[i];
  }
  if (IsSlice(key)) {
    SliceRange r;
    if (!ResolveSlice(ts, key, l->size(), &r)) return Value::Null();
    return Value::Obj(NewList(ts, SliceItems(l->items, r)));
  }
  if (!IsIndexable(ts, key)) return BadIndexType(ts, "list", key);
  int64_t i;
  if (!SequenceIndex(ts, key, l->size(), "list", &i)) return Value::Null();
  return l->items[i];
}

namespace {

bool AssignSlice(ThreadState& ts, ListObject* l, Value key, Value value) {
  // As CPython: the slice's errors come before the value's.
  SliceRange r;
  if (!ResolveSlice(ts, key, l->size(), &r)) return false;
  // The new items: an exact list's or tuple's own (nothing runs before they are used), or a copy.
  RootedVector copied(ts);
  const Value* src;
  int64_t n;
  if (IsExact(value, ts.interp.types.list) && value.as_object() != l) {
    src = As<ListObject>(value)->items.data();
    n = static_cast<int64_t>(As<ListObject>(value)->size());
  } else if (IsExact(value, ts.interp.types.tuple)) {
    src = As<TupleObject>(value)->items.data();
    n = static_cast<int64_t>(As<TupleObject>(value)->size());
  } else {
    if (value.is_object() && value.as_object() == l) {
      copied.items() = l->items;  // a[:] = a
    } else if (!IsList(value) && !IsTuple(value) &&
               LookupInType(TypeOf(ts.interp, value), ts.interp.names.__iter__).is_null() &&
               LookupInType(TypeOf(ts.interp, value), ts.interp.names.__getitem__).is_null()) {
      RaiseTypeError(ts, r.step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
      return false;
    } else if (!CollectIterable(ts, value, copied)) {
      return false;
    }
    src = copied.items().data();
    n = static_cast<int64_t>(copied.size());
  }
  // Iterating the source may have resized the list since the slice was resolved.
  int64_t now = static_cast<int64_t>(l->size());
  if (r.step == 1) {
    // CPython's list_ass_slice: the bounds, clamped to the list as it is now.
    int64_t start = std::min(r.start, now);
    int64_t stop = std::clamp(r.stop, start, now);
    if (stop - start == n) {
      std::copy(src, src + n, l->items.begin() + start);
      return true;
    }
    ChargeItemsGrowth(ts.interp.heap, l->items, static_cast<size_t>(n), /*may_collect=*/false);
    l->items.erase(l->items.begin() + start, l->items.begin() + stop);
    l->items.insert(l->items.begin() + start, src, src + n);
    return true;
  }
  // CPython writes to the positions resolved before the source was read, even past the end of
  // a list that shrank meanwhile; gilvm does so while they fit, and resolves again otherwise.
  int64_t last = r.start + (r.length - 1) * r.step;
  bool fits = r.length == 0 || std::max(r.start, last) < now;
  if (n != r.length || (!fits && (!ResolveSlice(ts, key, now, &r) || n != r.length))) {
    if (ts.exc != nullptr) return false;
    RaiseValueError(ts, absl::StrCat("attempt to assign sequence of size ", n, " to extended slice of size ", r.length));
    return false;
  }
  for (int64_t i = 0, p = r.start; i < n; ++i, p += r.step) l->items[p] = src[i];
  return true;
}

bool DeleteSlice(ThreadState& ts, ListObject* l, Value key) {
  SliceRange r;
  if (!ResolveSlice(ts, key, l->size(), &r)) return false;
  if (r.length == 0) return true;
  if (r.step < 0) {  // the same positions, walked upwards
    r.start = r.start + (r.length - 1) * r.step;
    r.step = -r.step;
  }
  std::vector<Value> kept;
  kept.reserve(l->size() - r.length);
  int64_t next = r.start, taken = 0;
  for (int64_t i = 0; i < static_cast<int64_t>(l->size()); ++i) {
    if (i == next && taken < r.length) {
      next += r.step;
      ++taken;
      continue;
    }
    kept.push_back(l->items[i]);
  }
  l->items.swap(kept);
  return true;
}

}  // namespace

bool ListSetItem(ThreadState& ts, ListObject* l, Value key, Value value) {
  if (IsSlice(key)) return AssignSlice(ts, l, key, value);
  if (!IsIndexable(ts, key)) return !BadIndexType(ts, "list", key).is_null();
  int64_t i;
  if (!SequenceIndex(ts, key, l->size(), "list assignment", &i)) return false;
  l->items[i] = value;
  return true;
}

bool ListDelItem(ThreadState& ts, ListObject* l, Value key) {
  if (IsSlice(key)) return DeleteSlice(ts, l, key);
  if (!IsIndexable(ts, key)) return !BadIndexType(ts, "list", key).is_null();
  int64_t i;
  if (!SequenceIndex(ts, key, l->size(), "list assignment", &i)) return false;
  l->items.erase(l->items.begin() + i);
  return true;
}

// ---------------------------------------------------------------------------------------------
// comparison

// Finds the first differing item (sizes re-read each step: __eq__ may mutate a list), then
// compares sizes or that pair.
Value SequenceCompare(ThreadState& ts, Value a, Value b, CmpOp op) {
  bool equality = op == CmpOp::kEq || op == CmpOp::kNe;
  if (equality && SequenceItems(a).size() != SequenceItems(b).size()) return Value::Bool(op == CmpOp::kNe);
  // Leading items that are one object, or two ints, are settled here, with no call that could
  // run Python code (heapq's (priority, item) tuples are settled by their first item).
  size_t i = 0;
  std::span<const Value> as = SequenceItems(a), bs = SequenceItems(b);  // nothing runs in this loop
  for (size_t n = std::min(as.size(), bs.size()); i < n; ++i) {
    Value x = as[i], y = bs[i];
    if (x.Is(y)) continue;
    if (!x.is_int() || !y.is_int()) break;
    if (x.as_int() == y.as_int()) continue;
    return Value::Bool(equality ? op == CmpOp::kNe : CompareOrdered(x.as_int(), y.as_int(), op));
  }
  if (!ts.EnterRecursion(" in comparison")) return Value::Null();
  for (; i < SequenceItems(a).size() && i < SequenceItems(b).size(); ++i) {
    Value x = SequenceItems(a)[i], y = SequenceItems(b)[i];
    Root rx(ts, x), ry(ts, y);
    int eq = Equal(ts, x, y);
    if (eq < 0) return ts.LeaveRecursion(), Value::Null();
    if (eq) continue;
    Value r;
    if (op == CmpOp::kEq) r = Value::Bool(false);
    else if (op == CmpOp::kNe) r = Value::Bool(true);
    else r = RichCompare(ts, x, y, op);
    ts.LeaveRecursion();
    return r;
  }
  ts.LeaveRecursion();
  return Value::Bool(CompareOrdered<size_t>(SequenceItems(a).size(), SequenceItems(b).size(), op));
}

// ---------------------------------------------------------------------------------------------
// sort

namespace {

// A stable merge sort over positions whose comparisons may fail: after the first error every
// comparison answers "false" and the error is reported at the end.
class Sorter {
 public:
  Sorter(ThreadState& ts, const std::vector<Value>& keys) : ts_(ts), keys_(keys) {
    // Keys all of one plain kind compare without RichCompare, as CPython's pre-checked
    // unsafe_*_compare do: the outcome is the same, without a dispatch per comparison.
    bool ints = true, strs = true;
    for (Value k : keys) {
      ints = ints && k.is_int();
      strs = strs && IsStr(k) && k.as_object()->type == ts.interp.types.str;
      if (!ints && !strs) break;
    }
    kind_ = ints ? KeyKind::kInt : strs ? KeyKind::kStr : KeyKind::kAny;
  }

  bool Sort(std::vector<size_t>& order) {
    std::vector<size_t> tmp(order.size());
    constexpr size_t kRun = 32;
    for (size_t lo = 0; lo < order.size(); lo += kRun) InsertionSort(order, lo, std::min(lo + kRun, order.size()));
    for (size_t width = kRun; width < order.size() && ok_; width *= 2) {
      for (size_t lo = 0; lo + width < order.size(); lo += 2 * width)
        Merge(order, tmp, lo, lo + width, std::min(lo + 2 * width, order.size()));
    }
    return ok_;
  }

 private:
  // keys[a] < keys[b]; the later element is always `a`, as CPython compares.
  bool Less(size_t a, size_t b) {
    if (!ok_) return false;
    if (kind_ == KeyKind::kInt) return keys_[a].as_int() < keys_[b].as_int();
    if (kind_ == KeyKind::kStr) return As<StrObject>(keys_[a])->view() < As<StrObject>(keys_[b])->view();
    int r = LessThan(ts_, keys_[a], keys_[b]);
    if (r < 0) ok_ = false;
    return r > 0;
  }

  void InsertionSort(std::vector<size_t>& v, size_t lo, size_t hi) {
    for (size_t i = lo + 1; i < hi && ok_; ++i) {
      size_t pivot = v[i];
      size_t l = lo, r = i;
      while (l < r) {  // binary search for the first element greater than pivot
        size_t m = (l + r) / 2;
        if (Less(pivot, v[m])) r = m;
        else l = m + 1;
      }
      for (size_t j = i; j > l; --j) v[j] = v[j - 1];
      v[l] = pivot;
    }
  }

  void Merge(std::vector<size_t>& v, std::vector<size_t>& tmp, size_t lo, size_t mid, size_t hi) {
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = Less(v[j], v[i]) ? v[j++] : v[i++];
    while (i < mid) tmp[k++] = v[i++];
    while (j < hi) tmp[k++] = v[j++];
    std::copy(tmp.begin() + lo, tmp.begin() + hi, v.begin() + lo);
  }

  enum class KeyKind { kInt, kStr, kAny };
  ThreadState& ts_;
  const std::vector<Value>& keys_;
  KeyKind kind_;
  bool ok_ = true;
};

}  // namespace

bool ListSort(ThreadState& ts, ListObject* l, Value key, bool reverse) {
  Root keep(ts, Value::Obj(l));
  // Python code run by comparisons sees an empty list, as in CPython; changes are detected.
  RootedVector items(ts);
  items.items().swap(l->items);
  RootedVector keys(ts);
  bool ok = true;
  if (key.is_none() || key.is_null()) {
    keys.items() = items.items();
  } else {
    for (size_t i = 0; i < items.size() && ok; ++i) {
      Value k = Call(ts, key, &items.items()[i], 1);
      if (k.is_null()) ok = false;
      else keys.push_back(k);
    }
  }
  if (ok) {
    if (reverse) {
      std::reverse(items.items().begin(), items.items().end());
      std::reverse(keys.items().begin(), keys.items().end());
    }
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    ok = Sorter(ts, keys.items()).Sort(order);
    if (ok) {
      std::vector<Value> sorted;
      sorted.reserve(order.size());
      for (size_t i : order) sorted.push_back(items[i]);
      if (reverse) std::reverse(sorted.begin(), sorted.end());
      items.items().swap(sorted);
    }
  }
  bool modified = !l->items.empty();
  l->items.swap(items.items());
  if (ok && modified) {
    RaiseValueError(ts, "list modified during sort");
    return false;
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// list's methods

namespace {

ListObject* Self(const CallArgs& a) { return As<ListObject>(a.argv[0]); }

bool OneArg(ThreadState& ts, const CallArgs& a, std::string_view fname) {
  return NoKeywords(ts, a, fname) && ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, fname, 1, 1);
}

Value ListRepr(ThreadState& ts, const CallArgs& a) {
  ListObject* l = Self(a);
  ReprGuard guard(ts, l);
  if (!guard.entered()) return NewStrValue(ts, "[...]");
  std::string out = "[";
  for (size_t i = 0; i < l->size(); ++i) {
    std::string s;
    Value item = l->items[i];
    Root keep(ts, item);
    if (!ReprString(ts, item, &s)) return Value::Null();
    if (i > 0) out += ", ";
    out += s;
  }
  out += "]";
  return NewStrValue(ts, out);
}

Value ListLen(ThreadState& ts, const CallArgs& a) { return Value::Int(static_cast<int64_t>(Self(a)->size())); }

Value ListGetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "list.__getitem__", 2, 2)) return Value::Null();
  return ListGetItem(ts, Self(a), a.argv[1]);
}
Value ListSetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "__setitem__", 3, 3)) return Value::Null();
  return ListSetItem(ts, Self(a), a.argv[1], a.argv[2]) ? Value::None() : Value::Null();
}
Value ListDelItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "__delitem__", 2, 2)) return Value::Null();
  return ListDelItem(ts, Self(a), a.argv[1]) ? Value::None() : Value::Null();
}

Value ListContains(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "list.__contains__", 2, 2)) return Value::Null();
  ListObject* l = Self(a);
  for (size_t i = 0; i < l->size(); ++i) {
    int eq = Equal(ts, l->items[i], a.argv[1]);
    if (eq != 0) return eq < 0 ? Value::Null() : Value::Bool(true);
  }
  return Value::Bool(false);
}

Value ListIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kList, a.argv[0])); }
Value ListReversed(ThreadState& ts, const CallArgs& a) {
  return Value::Obj(NewIterator(ts, IterKind::kListReverse, a.argv[0]));
}

Value ListAppend(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "list.append")) return Value::Null();
  ChargeItemsGrowth(ts.interp.heap, Self(a)->items, 1, /*may_collect=*/true);  // arguments are rooted
  Self(a)->items.push_back(a.argv[1]);
  return Value::None();
}

Value ListExtendM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "list.extend")) return Value::Null();
  return ListExtend(ts, Self(a), a.argv[1]) ? Value::None() : Value::Null();
}

Value ListInsert(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "list.insert") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "insert", 2, 2)) return Value::Null();
  int64_t i;
  if (!ToIndex(ts, a.argv[1], &i)) return Value::Null();
  ListObject* l = Self(a);
  int64_t n = static_cast<int64_t>(l->size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  ChargeItemsGrowth(ts.interp.heap, l->items, 1, /*may_collect=*/true);  // arguments are rooted
  l->items.insert(l->items.begin() + i, a.argv[2]);
  return Value::None();
}

Value ListPop(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "list.pop") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "pop", 0, 1))
    return Value::Null();
  ListObject* l = Self(a);
  int64_t i = -1;
  if (a.nargs > 1 && !ToIndex(ts, a.argv[1], &i)) return Value::Null();
  if (l->items.empty()) return RaiseIndexError(ts, "pop from empty list");
  int64_t n = static_cast<int64_t>(l->size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return RaiseIndexError(ts, "pop index out of range");
  Value v = l->items[i];
  l->items.erase(l->items.begin() + i);
  return v;
}

// The first position in [start, stop) equal to x, or -1 (-2 raised).
int64_t FindItem(ThreadState& ts, const CallArgs& a, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(SequenceItems(a.argv[0]).size()); ++i) {
    int eq = Equal(ts, SequenceItems(a.argv[0])[i], a.argv[1]);
    if (eq < 0) return -2;
    if (eq) return i;
  }
  return -1;
}

bool ClampBounds(ThreadState& ts, const CallArgs& a, int64_t n, int64_t* start, int64_t* stop) {
  *start = 0;
  *stop = n;
  if (a.nargs > 2 && !ToIndex(ts, a.argv[2], start)) return false;
  if (a.nargs > 3 && !ToIndex(ts, a.argv[3], stop)) return false;
  if (*start < 0) *start = std::max<int64_t>(0, *start + n);
  if (*stop < 0) *stop = std::max<int64_t>(0, *stop + n);
  return true;
}

Value SeqIndex(ThreadState& ts, const CallArgs& a, const char* kind) {
  if (!NoKeywords(ts, a, kind) || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "index", 1, 3))
    return Value::Null();
  int64_t start, stop;
  if (!ClampBounds(ts, a, SequenceItems(a.argv[0]).size(), &start, &stop)) return Value::Null();
  int64_t i = FindItem(ts, a, start, stop);
  if (i == -2) return Value::Null();
  if (i >= 0) return Value::Int(i);
  if (IsTuple(a.argv[0])) return RaiseValueError(ts, "tuple.index(x): x not in tuple");
  std::string r;
  if (!ReprString(ts, a.argv[1], &r)) return Value::Null();
  return RaiseValueError(ts, absl::StrCat(r, " is not in list"));
}

Value SeqCount(ThreadState& ts, const CallArgs& a) {
  int64_t count = 0;
  for (size_t i = 0; i < SequenceItems(a.argv[0]).size(); ++i) {
    int eq = Equal(ts, SequenceItems(a.argv[0])[i], a.argv[1]);
    if (eq < 0) return Value::Null();
    count += eq;
  }
  return Value::Int(count);
}

Value ListIndex(ThreadState& ts, const CallArgs& a) { return SeqIndex(ts, a, "list.index"); }
Value ListCount(ThreadState& ts, const CallArgs& a) {
  return OneArg(ts, a, "list.count") ? SeqCount(ts, a) : Value::Null();
}

Value ListRemove(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "list.remove")) return Value::Null();
  int64_t i = FindItem(ts, a, 0, INT64_MAX);
  if (i == -2) return Value::Null();
  if (i < 0) return RaiseValueError(ts, "list.remove(x): x not in list");
  Self(a)->items.erase(Self(a)->items.begin() + i);
  return Value::None();
}

Value ListReverse(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "list.reverse", 1, 1)) return Value::Null();
  std::reverse(Self(a)->items.begin(), Self(a)->items.end());
  return Value::None();
}

Value ListCopy(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "list.copy", 1, 1)) return Value::Null();
  return Value::Obj(NewList(ts, Self(a)->items));
}

Value ListClear(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "list.clear", 1, 1)) return Value::Null();
  Self(a)->items.clear();
  return Value::None();
}

Value ListSortM(ThreadState& ts, const CallArgs& a) {
  Value out[2];
  CallArgs rest{a.argv + 1, a.nargs - 1, a.kwnames};
  if (!ParseArgs(ts, rest, Params{"sort", {"key", "reverse"}, 0, 0, 0}, out)) return Value::Null();
  int reverse = out[1].is_null() ? 0 : IsTrue(ts, out[1]);
  if (reverse < 0) return Value::Null();
  return ListSort(ts, Self(a), out[0].is_null() ? Value::None() : out[0], reverse) ? Value::None() : Value::Null();
}

Value ListAdd(ThreadState& ts, const CallArgs& a) {
  // Other operands get their __radd__ first; BinaryOp words the error.
  if (a.nargs != 2 || !IsList(a.argv[1])) return ts.interp.not_implemented;
  std::vector<Value> items = Self(a)->items;
  const auto& more = As<ListObject>(a.argv[1])->items;
  items.insert(items.end(), more.begin(), more.end());
  return Value::Obj(NewList(ts, std::move(items)));
}

Value ListIAdd(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  if (!ListExtend(ts, Self(a), a.argv[1])) return Value::Null();
  return a.argv[0];
}

// n copies of items, or Null with MemoryError/OverflowError for absurd sizes.
bool Repeat(ThreadState& ts, const std::vector<Value>& items, Value count, std::vector<Value>* out, bool* ok) {
  *ok = false;
  if (!count.is_intlike() &&
      !(count.is_object() && !LookupInType(TypeOf(ts.interp, count), ts.interp.names.__index__).is_null()))
    return true;  // NotImplemented
  int64_t n;
  if (!ToIndex(ts, count, &n)) return false;
  if (n <= 0 || items.empty()) return *ok = true;
  if (static_cast<uint64_t>(n) > (uint64_t{1} << 40) / items.size() ||
      !ts.interp.heap.Fits(items.size() * n * sizeof(Value))) {  // before trying to allocate
    RaiseMemoryError(ts);
    return false;
  }
  out->reserve(items.size() * n);
  for (int64_t i = 0; i < n; ++i) out->insert(out->end(), items.begin(), items.end());
  return *ok = true;
}

Value ListMul(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  std::vector<Value> out;
  bool ok;
  if (!Repeat(ts, Self(a)->items, a.argv[1], &out, &ok)) return Value::Null();
  if (!ok) return ts.interp.not_implemented;
  return Value::Obj(NewList(ts, std::move(out)));
}

Value ListIMul(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  std::vector<Value> out;
  bool ok;
  if (!Repeat(ts, Self(a)->items, a.argv[1], &out, &ok)) return Value::Null();
  if (!ok) return ts.interp.not_implemented;
  Self(a)->items.swap(out);
  return a.argv[0];
}

template <CmpOp op>
Value ListCompare(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsList(a.argv[1])) return ts.interp.not_implemented;
  return SequenceCompare(ts, a.argv[0], a.argv[1], op);
}

Value ListInit(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "list") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "list", 0, 1))
    return Value::Null();
  Self(a)->items.clear();
  if (a.nargs > 1 && !ListExtend(ts, Self(a), a.argv[1])) return Value::Null();
  return Value::None();
}

Value ListNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "list.__new__(X): X is not a type object");
  return Value::Obj(NewOfType<ListObject>(ts.interp.heap, As<TypeObject>(a.argv[0])));
}

}  // namespace

void InitListType(Interpreter& in) {
  TypeObject* t = in.types.list;
  AddMethod(in, t, "__repr__", ListRepr);
  AddMethod(in, t, "__len__", ListLen);
  AddMethod(in, t, "__getitem__", ListGetItemM);
  AddMethod(in, t, "__setitem__", ListSetItemM);
  AddMethod(in, t, "__delitem__", ListDelItemM);
  AddMethod(in, t, "__contains__", ListContains);
  AddMethod(in, t, "__iter__", ListIter);
  AddMethod(in, t, "__reversed__", ListReversed);
  AddMethod(in, t, "__add__", ListAdd);
  AddMethod(in, t, "__iadd__", ListIAdd);
  AddMethod(in, t, "__mul__", ListMul);
  AddMethod(in, t, "__rmul__", ListMul);
  AddMethod(in, t, "__imul__", ListIMul);
  AddMethod(in, t, "__eq__", ListCompare<CmpOp::kEq>);
  AddMethod(in, t, "__ne__", ListCompare<CmpOp::kNe>);
  AddMethod(in, t, "__lt__", ListCompare<CmpOp::kLt>);
  AddMethod(in, t, "__le__", ListCompare<CmpOp::kLe>);
  AddMethod(in, t, "__gt__", ListCompare<CmpOp::kGt>);
  AddMethod(in, t, "__ge__", ListCompare<CmpOp::kGe>);
  AddMethod(in, t, "__init__", ListInit);
  AddStaticMethod(in, t, "__new__", ListNew);
  AddMethod(in, t, "append", ListAppend);
  AddMethod(in, t, "extend", ListExtendM);
  AddMethod(in, t, "insert", ListInsert);
  AddMethod(in, t, "pop", ListPop);
  AddMethod(in, t, "remove", ListRemove);
  AddMethod(in, t, "index", ListIndex);
  AddMethod(in, t, "count", ListCount);
  AddMethod(in, t, "reverse", ListReverse);
  AddMethod(in, t, "copy", ListCopy);
  AddMethod(in, t, "clear", ListClear);
  AddMethod(in, t, "sort", ListSortM);
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

// Shared with tuple.cc.
Value SeqIndexMethod(ThreadState& ts, const CallArgs& a) { return SeqIndex(ts, a, "tuple.index"); }
Value SeqCountMethod(ThreadState& ts, const CallArgs& a) {
  return OneArg(ts, a, "tuple.count") ? SeqCount(ts, a) : Value::Null();
}

}  // namespace gilvm::vm
