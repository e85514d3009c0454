// TupleObject: Python's tuple, an immutable sequence.
//
// Invariants:
//  - `items` is filled at construction (or right after, before the tuple escapes to Python code)
//    and never changes afterwards.
#pragma once

#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct TupleObject : Object {
  TupleObject(TypeObject* t, std::vector<Value> items) : Object(t, Kind::kTuple), items(std::move(items)) {}
  void Trace(Tracer& t) override { t.VisitAll(items); }
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return items.capacity() * sizeof(Value); }
  size_t size() const { return items.size(); }
  std::vector<Value> items;
};

TupleObject* NewTuple(ThreadState& ts, std::vector<Value> items);
inline bool IsTuple(Value v) { return IsObjectOfKind(v, Kind::kTuple); }
void InitTupleType(Interpreter& interp);

}  // namespace gilvm::vm
