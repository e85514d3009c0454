// DictObject: Python's dict, an insertion-ordered hash table (the "compact dict" layout).
//
// Invariants:
//  - `entries` holds (hash, key, value) in insertion order; a deleted entry has a Null key and
//    stays until the next resize. `index` maps hash slots to entry positions (kEmpty, kDummy or
//    an index into `entries`); its size is a power of two and at least 3/2 of the entries.
//  - Keys compare with Python equality: 1, 1.0 and True are one key. Lookups may call a user
//    __hash__/__eq__ and so may raise; the *Str variants take interned or plain StrObject keys
//    and never raise.
//  - Mutating a dict never allocates GC objects (only C++ vectors), so it never triggers a
//    collection.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.h"
#include "vm/str.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;

struct DictObject : Object {
  struct Entry {
    int64_t hash;
    Value key;  // Null for a deleted entry
    Value value;
  };
  static constexpr int32_t kEmpty = -1;
  static constexpr int32_t kDummy = -2;

  explicit DictObject(TypeObject* t) : Object(t, Kind::kDict) {}
  void Trace(Tracer& t) override;
  static constexpr bool kOwnsBuffers = true;  // Heap::New charges its buffers at creation
  size_t ExtraBytes() const override {
    return entries.capacity() * sizeof(Entry) + index.capacity() * sizeof(int32_t);
  }
  size_t size() const { return used; }

  std::vector<Entry> entries;
  std::vector<int32_t> index;
  size_t used = 0;
  uint64_t version = 0;  // bumped by every mutation; iterators detect "changed size during iteration"
};

DictObject* NewDict(ThreadState& ts);
// A new dict with room for `n` entries before it first grows (an instance dict sized from its
// class's TypeObject::instance_dict_hint).
DictObject* NewDictSized(ThreadState& ts, size_t n);
inline bool IsDict(Value v) { return IsObjectOfKind(v, Kind::kDict); }

// Generic lookups: 1 found (*out set), 0 missing, -1 exception pending.
int DictGet(ThreadState& ts, DictObject* d, Value key, Value* out);
// false: exception pending.
bool DictSet(ThreadState& ts, DictObject* d, Value key, Value value);
// 1 deleted, 0 missing (nothing raised), -1 exception pending.
int DictDel(ThreadState& ts, DictObject* d, Value key);

// String-keyed fast paths that never raise. Return Null when missing.
Value DictGetStr(const DictObject* d, const StrObject* key);
void DictSetStr(DictObject* d, StrObject* key, Value value);
// The index of `key` in d->entries, or -1 if absent.
int64_t DictFindStr(const DictObject* d, const StrObject* key);
// DictFindStr trying `*hint` first (where the same key object was found before, in this dict or
// one built the same way), and leaving the index found there.
inline int64_t DictFindStrHinted(const DictObject* d, const StrObject* key, int32_t* hint) {
  size_t h = static_cast<uint32_t>(*hint);
  if (h < d->entries.size()) {
    Value k = d->entries[h].key;
    if (k.is_object() && k.as_object() == key) return static_cast<int64_t>(h);
  }
  int64_t ix = DictFindStr(d, key);
  if (ix >= 0) *hint = static_cast<int32_t>(ix);
  return ix;
}
// DictSetStr trying `*hint` first, as DictFindStrHinted does.
inline void DictSetStrHinted(DictObject* d, StrObject* key, Value value, int32_t* hint) {
  int64_t ix = DictFindStrHinted(d, key, hint);
  if (ix < 0) return DictSetStr(d, key, value);
  d->entries[ix].value = value;
  ++d->version;
}
bool DictDelStr(DictObject* d, const StrObject* key);

void DictClear(DictObject* d);
void InitDictType(Interpreter& interp);

}  // namespace gilvm::vm
