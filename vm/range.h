// RangeObject: Python's range, an immutable arithmetic progression.
//
// Invariants:
//  - step != 0; `length` is the number of items, computed once at construction.
//  - Items are start + i * step for 0 <= i < length; they never overflow int64 because they lie
//    between start and stop.
#pragma once

#include <cstdint>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct RangeObject : Object {
  RangeObject(TypeObject* t, int64_t start, int64_t stop, int64_t step);
  int64_t start, stop, step;
  int64_t length;
  int64_t At(int64_t i) const { return start + i * step; }
};

// Null with ValueError "range() arg 3 must not be zero" pending when step is 0.
RangeObject* NewRange(ThreadState& ts, int64_t start, int64_t stop, int64_t step);
inline bool IsRange(Value v) { return IsObjectOfKind(v, Kind::kRange); }

// range[key] for an int or slice key.
Value RangeGetItem(ThreadState& ts, RangeObject* r, Value key);
// `v in r`: O(1) for ints; other values compare item by item. 1, 0, -1 raised.
int RangeContains(ThreadState& ts, RangeObject* r, Value v);
bool RangeEqual(const RangeObject* a, const RangeObject* b);

void InitRangeType(Interpreter& interp);

}  // namespace gilvm::vm
