// ListObject: Python's list, a mutable sequence.
//
// Invariants:
//  - Code that iterates `items` while calling back into Python (comparisons, __eq__, key
//    functions) re-reads the size after each call: Python code may mutate the list meanwhile.
//  - list.sort() detects mutation during the sort and raises ValueError as CPython does.
#pragma once

#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct ListObject : Object {
  ListObject(TypeObject* t, std::vector<Value> items = {}) : Object(t, Kind::kList), items(std::move(items)) {}
  void Trace(Tracer& t) override { t.VisitAll(items); }
  size_t ExtraBytes() const override { return items.capacity() * sizeof(Value); }
  size_t size() const { return items.size(); }
  std::vector<Value> items;
};

ListObject* NewList(ThreadState& ts, std::vector<Value> items = {});
inline bool IsList(Value v) { return IsObjectOfKind(v, Kind::kList); }
void InitListType(Interpreter& interp);

}  // namespace gilvm::vm
