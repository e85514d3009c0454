// ListObject: Python's list, a mutable sequence.
//
// Invariants:
//  - Code that iterates `items` while calling back into Python (comparisons, __eq__, key
//    functions) re-reads the size after each call: Python code may mutate the list meanwhile.
//  - list.sort() detects mutation during the sort and raises ValueError as CPython does.
#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include "vm/heap.h"
#include "vm/object.h"
#include "vm/tuple.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct ListObject : Object {
  ListObject(TypeObject* t, std::vector<Value> items = {}) : Object(t, Kind::kList), items(std::move(items)) {}
  void Trace(Tracer& t) override { t.VisitAll(items); }
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return items.capacity() * sizeof(Value); }
  size_t size() const { return items.size(); }
  std::vector<Value> items;
};

ListObject* NewList(ThreadState& ts, std::vector<Value> items = {});

// Charges the heap for `items` growing by `more` values: call it before the growth. Free unless
// the vector must reallocate; may throw std::bad_alloc under a heap limit. With `may_collect`
// (Heap::ChargeGrowthOrCollect) it may collect first: only where everything needed is rooted.
inline void ChargeItemsGrowth(Heap& heap, const std::vector<Value>& items, size_t more, bool may_collect) {
  size_t need = items.size() + more;
  if (need <= items.capacity()) [[likely]] return;
  size_t cap = std::max(need, 2 * items.capacity());  // the vector's geometric growth
  size_t bytes = (cap - items.capacity()) * sizeof(Value);
  if (may_collect) heap.ChargeGrowthOrCollect(bytes);
  else heap.ChargeGrowth(bytes);
}
inline bool IsList(Value v) { return IsObjectOfKind(v, Kind::kList); }
// The items of a list or a tuple as they are now. A list's move when it grows: after running
// Python code, take them again.
inline std::span<const Value> SequenceItems(Value list_or_tuple) {
  if (IsList(list_or_tuple)) return static_cast<ListObject*>(list_or_tuple.as_object())->items;
  return static_cast<TupleObject*>(list_or_tuple.as_object())->items;
}
void InitListType(Interpreter& interp);

}  // namespace gilvm::vm
