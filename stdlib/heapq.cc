// _heapq: the list functions of heapq (heappush, heappop, heapreplace, heappushpop, heapify),
// native as CPython's are; stdlib/lib/heapq.py imports them and adds the rest.
//
// Invariants:
//  - Every comparison is `a < b` through RichCompare, made in the order CPython's C module
//    makes them, so heaps end up in the same shape and a user __lt__ sees the same calls.
//  - A comparison may run Python code that changes the heap: the items are read again after it,
//    and a change of size raises RuntimeError, as CPython's does. The items compared are rooted.
#include <string>

#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/exception_types.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// a < b, as a truth value: 1, 0, or -1 with the exception pending.
int Less(ThreadState& ts, Value a, Value b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? 1 : 0;
  Value result = RichCompare(ts, a, b, CmpOp::kLt);
  if (result.is_null()) return -1;
  if (result.is_bool()) return result.as_bool() ? 1 : 0;  // the usual answer: nothing to root
  Root keep(ts, result);
  return IsTrue(ts, result);
}

bool ChangedSize(ThreadState& ts, const ListObject* heap, size_t size) {
  if (heap->items.size() == size) return false;
  Raise(ts, ts.interp.exc.RuntimeError, "list changed size during iteration");
  return true;
}

// Moves heap[pos] up towards startpos while it is smaller than its parent. false: raised.
bool SiftDown(ThreadState& ts, ListObject* heap, size_t startpos, size_t pos) {
  size_t size = heap->items.size();
  if (pos >= size) {
    RaiseIndexError(ts, "index out of range");
    return false;
  }
  while (pos > startpos) {
    size_t parentpos = (pos - 1) >> 1;
    Root item(ts, heap->items[pos]);
    Root parent(ts, heap->items[parentpos]);
    int less = Less(ts, item.get(), parent.get());
    if (less < 0 || ChangedSize(ts, heap, size)) return false;
    if (less == 0) break;
    std::swap(heap->items[parentpos], heap->items[pos]);
    pos = parentpos;
  }
  return true;
}

// Moves the smaller child up until a leaf is reached, then sifts the item there back down
// (fewer comparisons than stopping early; CPython's order). false: raised.
bool SiftUp(ThreadState& ts, ListObject* heap, size_t pos) {
  size_t endpos = heap->items.size();
  size_t startpos = pos;
  size_t limit = endpos >> 1;  // the first position without children
  while (pos < limit) {
    size_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      Root left(ts, heap->items[childpos]);
      Root right(ts, heap->items[childpos + 1]);
      int less = Less(ts, left.get(), right.get());
      if (less < 0 || ChangedSize(ts, heap, endpos)) return false;
      if (less == 0) ++childpos;
    }
    std::swap(heap->items[childpos], heap->items[pos]);
    pos = childpos;
  }
  return SiftDown(ts, heap, startpos, pos);
}

// The argument checks of the C functions, with their messages. `count` positional arguments,
// the first a list; null with TypeError pending otherwise.
ListObject* HeapArgument(ThreadState& ts, const CallArgs& a, const char* name, size_t count) {
  if (a.kwnames != nullptr && a.kwnames->size() > 0) {
    RaiseTypeError(ts, absl::StrCat("_heapq.", name, "() takes no keyword arguments"));
    return nullptr;
  }
  if (a.nargs != count) {
    if (count == 1) RaiseTypeError(ts, absl::StrCat("_heapq.", name, "() takes exactly one argument (", a.nargs, " given)"));
    else RaiseTypeError(ts, absl::StrCat(name, " expected ", count, " arguments, got ", a.nargs));
    return nullptr;
  }
  if (!IsList(a.argv[0])) {
    // Argument Clinic's wording, which names None itself rather than its type.
    RaiseTypeError(ts, absl::StrCat(name, "() argument", count == 1 ? "" : " 1", " must be list, not ",
                                    a.argv[0].is_none() ? "None" : TypeName(ts, a.argv[0])));
    return nullptr;
  }
  return As<ListObject>(a.argv[0]);
}

Value HeapPush(ThreadState& ts, const CallArgs& a) {
  ListObject* heap = HeapArgument(ts, a, "heappush", 2);
  if (heap == nullptr) return Value::Null();
  ChargeItemsGrowth(ts.interp.heap, heap->items, 1, /*may_collect=*/true);  // the arguments are rooted
  heap->items.push_back(a.argv[1]);
  if (!SiftDown(ts, heap, 0, heap->items.size() - 1)) return Value::Null();
  return Value::None();
}

Value HeapPop(ThreadState& ts, const CallArgs& a) {
  ListObject* heap = HeapArgument(ts, a, "heappop", 1);
  if (heap == nullptr) return Value::Null();
  if (heap->items.empty()) return RaiseIndexError(ts, "index out of range");
  Value last = heap->items.back();
  heap->items.pop_back();
  if (heap->items.empty()) return last;
  Root smallest(ts, heap->items[0]);
  heap->items[0] = last;
  if (!SiftUp(ts, heap, 0)) return Value::Null();
  return smallest.get();
}

Value HeapReplace(ThreadState& ts, const CallArgs& a) {
  ListObject* heap = HeapArgument(ts, a, "heapreplace", 2);
  if (heap == nullptr) return Value::Null();
  if (heap->items.empty()) return RaiseIndexError(ts, "index out of range");
  Root smallest(ts, heap->items[0]);
  heap->items[0] = a.argv[1];
  if (!SiftUp(ts, heap, 0)) return Value::Null();
  return smallest.get();
}

Value HeapPushPop(ThreadState& ts, const CallArgs& a) {
  ListObject* heap = HeapArgument(ts, a, "heappushpop", 2);
  if (heap == nullptr) return Value::Null();
  Value item = a.argv[1];
  if (heap->items.empty()) return item;
  Root top(ts, heap->items[0]);
  int less = Less(ts, top.get(), item);
  if (less < 0) return Value::Null();
  if (less == 0) return item;
  if (heap->items.empty()) return RaiseIndexError(ts, "index out of range");  // emptied by __lt__
  Root smallest(ts, heap->items[0]);
  heap->items[0] = item;
  if (!SiftUp(ts, heap, 0)) return Value::Null();
  return smallest.get();
}

// n with all but its highest set bit cleared (n >= 1).
size_t TopBit(size_t n) {
  size_t bit = 1;
  while (n > 1) {
    n >>= 1;
    bit <<= 1;
  }
  return bit;
}

Value Heapify(ThreadState& ts, const CallArgs& a) {
  ListObject* heap = HeapArgument(ts, a, "heapify", 1);
  if (heap == nullptr) return Value::Null();
  size_t n = heap->items.size();
  if (n <= 2500) {
    for (size_t i = n / 2; i-- > 0;)
      if (!SiftUp(ts, heap, i)) return Value::Null();
    return Value::None();
  }
  // A heap bigger than the L1 cache is built row by row from the bottom, each sift followed up
  // its left spine while it is a right child (CPython's cache_friendly_heapify, same order).
  size_t m = n / 2;                    // the first childless position
  size_t leftmost = TopBit(m + 1) - 1;  // the leftmost position in m's row
  size_t mhalf = m / 2;                // the parent of the first childless position
  auto sift_spine = [&](size_t i) {
    for (size_t j = i;; j >>= 1) {
      if (!SiftUp(ts, heap, j)) return false;
      if (!(j & 1)) return true;
    }
  };
  for (size_t i = leftmost; i-- > mhalf;)
    if (!sift_spine(i)) return Value::Null();
  for (size_t i = m; i-- > leftmost;)
    if (!sift_spine(i)) return Value::Null();
  return Value::None();
}

ModuleObject* MakeHeapqModule(ThreadState& ts) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_heapq"));
  AddFunctions(in, m->dict, {
      {"heappush", HeapPush},
      {"heappop", HeapPop},
      {"heapreplace", HeapReplace},
      {"heappushpop", HeapPushPop},
      {"heapify", Heapify},
  });
  return m.get();
}

}  // namespace

void RegisterHeapqModule(Interpreter& in) { in.native_modules["_heapq"] = MakeHeapqModule; }

}  // namespace gilvm::stdlib
