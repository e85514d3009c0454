// SliceObject: Python's slice, the value `a[i:j:k]` passes to __getitem__.
//
// Invariants:
//  - start, stop and step are arbitrary Values (None when omitted) and never change.
//  - SliceIndices is CPython's PySlice_GetIndicesEx: it clamps to a sequence of `length` items
//    and is the one place every sequence type turns a slice into positions.
#pragma once

#include <cstdint>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct SliceObject : Object {
  SliceObject(TypeObject* t, Value start, Value stop, Value step)
      : Object(t, Kind::kSlice), start(start), stop(stop), step(step) {}
  void Trace(Tracer& t) override {
    t.Visit(start);
    t.Visit(stop);
    t.Visit(step);
  }
  Value start, stop, step;
};

SliceObject* NewSlice(ThreadState& ts, Value start, Value stop, Value step);
inline bool IsSlice(Value v) { return IsObjectOfKind(v, Kind::kSlice); }

// Resolves `slice` against a sequence of `length` items. False with TypeError/ValueError pending
// ("slice indices must be integers or None or have an __index__ method", "slice step cannot be
// zero").
bool SliceIndices(ThreadState& ts, SliceObject* slice, int64_t length, int64_t* start, int64_t* stop,
                  int64_t* step, int64_t* slicelength);

void InitSliceType(Interpreter& interp);

}  // namespace gilvm::vm
