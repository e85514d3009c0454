// SetObject: Python's set and frozenset, an open-addressing hash table laid out as CPython's
// (so that iteration order, which real scripts print, is the same).
//
// Invariants:
//  - `table` has a power-of-two size (at least kMinSize). A slot is empty (key Null, hash 0), a
//    dummy left by a deletion (key Null, hash -1; no real hash is -1), or active (key set).
//    `fill` counts active + dummy slots, `used` active ones. fill*5 < (size-1)*3 after every
//    insertion (the table grows before it gets fuller).
//  - Probing is CPython's: from hash & mask, up to kLinearProbes neighbours in a row (when they
//    fit without wrapping), then the perturbed jump i = i*5 + 1 + perturb, perturb >>= 5.
//    Growth, merging of whole sets and difference follow CPython's sizing rules, so element
//    order matches CPython wherever hashes are deterministic (ints, floats, tuples of them).
//  - Elements compare with Python equality (vm/ops.h Equal) and hash with Hash: 1, 1.0 and
//    True are one element. A lookup may run user __eq__, which may mutate the set; the lookup
//    then starts over, and iterations that call Python re-check bounds at each step.
//  - Mutating a set never allocates GC objects (only its C++ vector), so it never collects.
//  - A frozenset is never mutated once its constructor returns; `hash` caches its hash (-1:
//    not computed yet).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct IteratorObject;

struct SetObject : Object {
  struct Entry {
    int64_t hash = 0;
    Value key;  // Null: empty (hash 0) or dummy (hash -1)
  };
  static constexpr size_t kMinSize = 8;
  static constexpr size_t kLinearProbes = 9;

  explicit SetObject(TypeObject* t) : Object(t, Kind::kSet), table(kMinSize) {}
  void Trace(Tracer& t) override {
    for (const Entry& e : table) t.Visit(e.key);
  }
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override { return table.capacity() * sizeof(Entry); }
  size_t size() const { return used; }
  size_t mask() const { return table.size() - 1; }

  std::vector<Entry> table;
  size_t fill = 0;
  size_t used = 0;
  size_t finger = 0;         // where pop() looks next
  uint64_t generation = 0;   // bumped when the table is replaced (resize, clear)
  int64_t hash = -1;         // frozenset's cached hash
};

// A new empty set of `type` (set, frozenset or a subclass).
SetObject* NewSet(ThreadState& ts, TypeObject* type);
inline bool IsAnySet(Value v) { return IsObjectOfKind(v, Kind::kSet); }

// s.add(key): false on error (unhashable, or a raising __eq__).
bool SetAdd(ThreadState& ts, SetObject* s, Value key);
// s |= iterable (any iterable; sets and dicts take CPython's fast, order-defining paths).
bool SetUpdate(ThreadState& ts, SetObject* s, Value iterable);
// key in s: 1, 0, -1 raised. A set key is looked up as a frozenset, as CPython does.
int SetContains(ThreadState& ts, SetObject* s, Value key);
// s |= a frozenset built from `iterable` first: what CPython does for a constant set display
// `{1, 2, 3}` (it stores a frozenset constant), which can give a different order.
bool SetUpdateViaFrozen(ThreadState& ts, SetObject* s, Value iterable);
// The frozenset CPython makes for a constant set display (see SetUpdateViaFrozen); it is what
// `for x in {1, 2, 3}` iterates. Null on error.
SetObject* ConstantFrozenSet(ThreadState& ts, Value iterable);
// The set's active slots from position *pos on: false when there are no more.
bool SetNext(const SetObject* s, size_t* pos, Value* key);

// The next element of a set iterator (IterKind::kSet): 1 produced, 0 exhausted, -1 raised
// (RuntimeError "Set changed size during iteration").
int SetIterNext(ThreadState& ts, IteratorObject* it, Value* out);

// Installs set's and frozenset's methods, and the set operations of dict_keys/dict_items.
// Runs after InitIteratorTypes.
void InitSetTypes(Interpreter& interp);

}  // namespace gilvm::vm
