// TupleObject: Python's tuple, an immutable sequence.
//
// Invariants:
//  - `items` has its length from construction. It is filled then (or right after, before the
//    tuple escapes to Python code) and never changes afterwards.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <span>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct TupleObject : Object {
  // The items live right after the object's own layout (TupleObject, or Subclassed<TupleObject>
  // for a user subclass), in the same heap block: `tail_offset` bytes from `this`. NewTuple and
  // NewTupleOfType pass it; the items are copied in before the tuple can be traced.
  TupleObject(TypeObject* t, size_t tail_offset, std::span<const Value> values)
      : Object(t, Kind::kTuple),
        items(reinterpret_cast<Value*>(reinterpret_cast<char*>(this) + tail_offset), values.size()) {
    std::copy(values.begin(), values.end(), items.begin());
  }
  void Trace(Tracer& t) override { t.VisitAll(items); }
  size_t size() const { return items.size(); }
  std::span<Value> items;
};

TupleObject* NewTuple(ThreadState& ts, std::span<const Value> items);
inline TupleObject* NewTuple(ThreadState& ts, std::initializer_list<Value> items) {
  return NewTuple(ts, std::span<const Value>(items.begin(), items.size()));
}
// A tuple of class `cls` (tuple itself, or a user subclass of it).
TupleObject* NewTupleOfType(ThreadState& ts, TypeObject* cls, std::span<const Value> items);
inline bool IsTuple(Value v) { return IsObjectOfKind(v, Kind::kTuple); }
void InitTupleType(Interpreter& interp);

}  // namespace gilvm::vm
