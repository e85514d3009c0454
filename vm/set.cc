// set and frozenset: the hash table (see vm/set.h for its layout and invariants), the set
// algebra, and the Python methods of both types, plus the set operations of dict views.
//
// Why the algorithms look the way they do: CPython's iteration order is a function of its
// table sizes, its probe sequence and of which operand each operation walks. Real programs print
// sets, so every operation here walks the same operand and sizes the result the same way.
#include "vm/set.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

SetObject* NewSet(ThreadState& ts, TypeObject* type) { return ts.interp.heap.New<SetObject>(type); }

namespace {

using Entry = SetObject::Entry;
constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -2;
constexpr int64_t kDummyHash = -1;
constexpr unsigned kPerturbShift = 5;

bool IsFrozen(Interpreter& in, const Object* s) { return s->type->IsSubtypeOf(in.types.frozenset); }
// The type results of operations get: set or frozenset, never a subclass (as CPython).
TypeObject* BaseType(Interpreter& in, const Object* s) { return IsFrozen(in, s) ? in.types.frozenset : in.types.set; }

// Where a fresh table (no dummies, no duplicates) puts `hash`: no equality tests needed.
void InsertClean(std::vector<Entry>& table, Value key, int64_t hash) {
  size_t mask = table.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    size_t probes = i + SetObject::kLinearProbes <= mask ? SetObject::kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      if (table[i + j].key.is_null()) {
        table[i + j] = {hash, key};
        return;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The table size Resize(s, minused) picks.
size_t TableSizeFor(size_t minused) {
  size_t n = SetObject::kMinSize;
  while (n <= minused) n <<= 1;
  return n;
}

// Charges the heap for a Resize(s, minused) before it happens (may throw std::bad_alloc under a
// heap limit; the set is unchanged then).
void ChargeResize(ThreadState& ts, const SetObject* s, size_t minused) {
  size_t n = TableSizeFor(minused);
  if (n > s->table.capacity()) ts.interp.heap.ChargeGrowth(n - s->table.capacity(), sizeof(Entry));
}

// Rebuilds the table with the smallest power-of-two size above `minused`, dropping dummies.
void Resize(SetObject* s, size_t minused) {
  size_t n = TableSizeFor(minused);
  std::vector<Entry> old(n);
  old.swap(s->table);
  for (const Entry& e : old)
    if (!e.key.is_null()) InsertClean(s->table, e.key, e.hash);
  s->fill = s->used;
  ++s->generation;
}

void GrowAfterInsert(SetObject* s) {
  if (s->fill * 5 < s->mask() * 3) return;
  Resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

void Clear(SetObject* s) {
  s->table.assign(SetObject::kMinSize, Entry{});
  s->fill = s->used = 0;
  ++s->generation;
}

// Compares the active key at `idx` with `key`: 1 equal, 0 not, -1 raised, 2 the set changed
// under the comparison (the caller restarts its probe).
int KeyMatches(ThreadState& ts, SetObject* s, size_t idx, Value key) {
  Value start = s->table[idx].key;
  if (start.Is(key)) return 1;
  Interpreter& in = ts.interp;
  if (IsExact(start, in.types.str) && IsExact(key, in.types.str)) return StrEquals(As<StrObject>(start), As<StrObject>(key));
  uint64_t gen = s->generation;
  Root keep(ts, start);
  int eq = Equal(ts, start, key);
  if (eq < 0) return -1;
  if (s->generation != gen || !s->table[idx].key.Is(start)) return 2;
  return eq;
}

// The slot holding `key`, kNotFound or kError.
int64_t Find(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
restart:
  size_t mask = s->mask();
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    size_t probes = i + SetObject::kLinearProbes <= mask ? SetObject::kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const Entry& e = s->table[i + j];
      if (e.key.is_null()) {
        if (e.hash == 0) return kNotFound;
        continue;
      }
      if (e.hash != hash) continue;
      int m = KeyMatches(ts, s, i + j, key);
      if (m < 0) return kError;
      if (m == 2) goto restart;
      if (m == 1) return static_cast<int64_t>(i + j);
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Adds key (with its hash) unless present; reuses the last dummy slot met on the probe path.
bool AddEntry(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
restart:
  size_t mask = s->mask();
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  int64_t freeslot = -1;
  for (;;) {
    size_t probes = i + SetObject::kLinearProbes <= mask ? SetObject::kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      Entry& e = s->table[i + j];
      if (e.key.is_null()) {
        if (e.hash != 0) {
          freeslot = static_cast<int64_t>(i + j);
          continue;
        }
        if (freeslot < 0 && (s->fill + 1) * 5 >= s->mask() * 3)  // GrowAfterInsert will resize
          ChargeResize(ts, s, s->used + 1 > 50000 ? (s->used + 1) * 2 : (s->used + 1) * 4);
        ++s->used;
        if (freeslot >= 0) {
          s->table[freeslot] = {hash, key};
          return true;
        }
        e = {hash, key};
        ++s->fill;
        GrowAfterInsert(s);
        return true;
      }
      if (e.hash != hash) continue;
      int m = KeyMatches(ts, s, i + j, key);
      if (m < 0) return false;
      if (m == 2) goto restart;
      if (m == 1) return true;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1 removed, 0 absent, -1 raised.
int DiscardEntry(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
  int64_t slot = Find(ts, s, key, hash);
  if (slot == kError) return -1;
  if (slot == kNotFound) return 0;
  s->table[slot] = {kDummyHash, Value::Null()};
  --s->used;
  return 1;
}

int ContainsEntry(ThreadState& ts, SetObject* s, Value key, int64_t hash) {
  int64_t slot = Find(ts, s, key, hash);
  return slot == kError ? -1 : slot != kNotFound;
}

// The next active entry at or after *pos (bounds re-read each call: Python code may have
// replaced the table since the last one).
bool NextEntry(const SetObject* s, size_t* pos, Value* key, int64_t* hash) {
  while (*pos < s->table.size()) {
    const Entry& e = s->table[(*pos)++];
    if (!e.key.is_null()) {
      *key = e.key;
      *hash = e.hash;
      return true;
    }
  }
  return false;
}

// so |= other, other a set: CPython's set_merge (sizes the table once, copies when it can).
void Merge(ThreadState& ts, SetObject* so, SetObject* other, bool* ok) {
  *ok = true;
  if (so == other || other->used == 0) return;
  if ((so->fill + other->used) * 5 >= so->mask() * 3) {
    ChargeResize(ts, so, (so->used + other->used) * 2);
    Resize(so, (so->used + other->used) * 2);
  }
  if (so->fill == 0 && so->mask() == other->mask() && other->fill == other->used) {
    so->table = other->table;
    so->fill = other->fill;
    so->used = other->used;
    return;
  }
  if (so->fill == 0) {
    for (const Entry& e : other->table)
      if (!e.key.is_null()) InsertClean(so->table, e.key, e.hash);
    so->fill = so->used = other->used;
    return;
  }
  Root keep(ts, Value::Obj(other));
  size_t pos = 0;
  Value key;
  int64_t hash;
  Root k(ts);
  while (NextEntry(other, &pos, &key, &hash)) {
    k.set(key);
    if (!AddEntry(ts, so, key, hash)) {
      *ok = false;
      return;
    }
  }
}

bool UpdateFromDict(ThreadState& ts, SetObject* so, DictObject* d) {
  if ((so->fill + d->used) * 5 >= so->mask() * 3) {
    ChargeResize(ts, so, (so->used + d->used) * 2);
    Resize(so, (so->used + d->used) * 2);
  }
  Root keep(ts, Value::Obj(d)), k(ts);
  for (size_t i = 0; i < d->entries.size(); ++i) {
    DictObject::Entry e = d->entries[i];
    if (e.key.is_null()) continue;
    k.set(e.key);
    if (!AddEntry(ts, so, e.key, e.hash)) return false;
  }
  return true;
}

bool UpdateFromIterable(ThreadState& ts, SetObject* so, Value iterable) {
  Root it(ts, GetIter(ts, iterable));
  if (it.get().is_null()) return false;
  Root item(ts);
  for (;;) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r <= 0) return r == 0;
    item.set(v);
    if (!SetAdd(ts, so, v)) return false;
  }
}

}  // namespace

bool SetAdd(ThreadState& ts, SetObject* s, Value key) {
  int64_t hash;
  if (!Hash(ts, key, &hash)) return false;
  return AddEntry(ts, s, key, hash);
}

bool SetUpdate(ThreadState& ts, SetObject* s, Value other) {
  if (IsAnySet(other)) {
    bool ok;
    Merge(ts, s, As<SetObject>(other), &ok);
    return ok;
  }
  if (IsExact(other, ts.interp.types.dict)) return UpdateFromDict(ts, s, As<DictObject>(other));
  return UpdateFromIterable(ts, s, other);
}

SetObject* ConstantFrozenSet(ThreadState& ts, Value iterable) {
  // CPython builds the constant from the folded tuple, then its compiler's constant merging
  // rebuilds it from the first one's iteration order: two passes, each of which can reorder.
  RootedPtr<SetObject> first(ts, NewSet(ts, ts.interp.types.frozenset));
  if (!SetUpdate(ts, first.get(), iterable)) return nullptr;
  RootedPtr<SetObject> second(ts, NewSet(ts, ts.interp.types.frozenset));
  Value key;
  for (size_t pos = 0; SetNext(first.get(), &pos, &key);)
    if (!SetAdd(ts, second.get(), key)) return nullptr;
  return second.get();
}

bool SetUpdateViaFrozen(ThreadState& ts, SetObject* s, Value iterable) {
  RootedPtr<SetObject> frozen(ts, ConstantFrozenSet(ts, iterable));
  return frozen.get() != nullptr && SetUpdate(ts, s, Value::Obj(frozen.get()));
}

bool SetNext(const SetObject* s, size_t* pos, Value* key) {
  int64_t hash;
  return NextEntry(s, pos, key, &hash);
}

namespace {

// Hashes `key`; a mutable set that cannot be hashed is retried as a frozenset of its elements
// (so `{1} in set_of_frozensets` works). `*frozen` roots that stand-in.
bool HashForLookup(ThreadState& ts, Value* key, Root& frozen, int64_t* hash) {
  if (Hash(ts, *key, hash)) return true;
  Interpreter& in = ts.interp;
  if (!IsAnySet(*key) || IsFrozen(in, key->as_object()) || !ExceptionMatches(ts, in.exc.TypeError)) return false;
  ClearException(ts);
  frozen.set(Value::Obj(NewSet(ts, in.types.frozenset)));
  if (!SetUpdate(ts, As<SetObject>(frozen.get()), *key)) return false;
  *key = frozen.get();
  return Hash(ts, *key, hash);
}

}  // namespace

int SetContains(ThreadState& ts, SetObject* s, Value key) {
  Root frozen(ts);
  int64_t hash;
  if (!HashForLookup(ts, &key, frozen, &hash)) return -1;
  return ContainsEntry(ts, s, key, hash);
}

// ---------------------------------------------------------------------------------------------
// the set algebra (results are fresh, unrooted; operands must be rooted by the caller)

namespace {

SetObject* Copy(ThreadState& ts, SetObject* so, TypeObject* type) {
  RootedPtr<SetObject> result(ts, NewSet(ts, type));
  bool ok;
  Merge(ts, result.get(), so, &ok);  // never calls Python: the result starts empty
  return result.get();
}

// A fresh set of `type` holding the elements of `iterable`; null on error.
SetObject* FromIterable(ThreadState& ts, TypeObject* type, Value iterable) {
  RootedPtr<SetObject> result(ts, NewSet(ts, type));
  if (!SetUpdate(ts, result.get(), iterable)) return nullptr;
  return result.get();
}

// Contains for a key whose hash is not known yet.
int ContainsKey(ThreadState& ts, SetObject* s, Value key) {
  int64_t hash;
  if (!Hash(ts, key, &hash)) return -1;
  return ContainsEntry(ts, s, key, hash);
}

SetObject* Intersection(ThreadState& ts, SetObject* so, Value other) {
  Interpreter& in = ts.interp;
  if (other.Is(Value::Obj(so))) return Copy(ts, so, BaseType(in, so));
  RootedPtr<SetObject> result(ts, NewSet(ts, BaseType(in, so)));
  Root k(ts);
  Value key;
  int64_t hash;
  if (IsAnySet(other)) {
    SetObject* big = so;
    SetObject* small = As<SetObject>(other);
    if (small->used > big->used) std::swap(big, small);
    for (size_t pos = 0; NextEntry(small, &pos, &key, &hash);) {
      k.set(key);
      int r = ContainsEntry(ts, big, key, hash);
      if (r < 0 || (r && !AddEntry(ts, result.get(), key, hash))) return nullptr;
    }
    return result.get();
  }
  Root it(ts, GetIter(ts, other));
  if (it.get().is_null()) return nullptr;
  for (;;) {
    int r = IterNext(ts, it.get(), &key);
    if (r < 0) return nullptr;
    if (r == 0) return result.get();
    k.set(key);
    if (!Hash(ts, key, &hash)) return nullptr;
    r = ContainsEntry(ts, so, key, hash);
    if (r < 0 || (r && !AddEntry(ts, result.get(), key, hash))) return nullptr;
  }
}

// Replaces s's contents by those of `from` (intersection_update's swap of bodies).
void TakeBody(SetObject* s, SetObject* from) {
  s->table.swap(from->table);
  std::swap(s->fill, from->fill);
  std::swap(s->used, from->used);
  ++s->generation;
  ++from->generation;
}

bool DifferenceUpdate(ThreadState& ts, SetObject* so, Value other) {
  if (other.Is(Value::Obj(so))) {
    Clear(so);
    return true;
  }
  Root k(ts);
  Value key;
  int64_t hash;
  if (IsAnySet(other)) {
    for (size_t pos = 0; NextEntry(As<SetObject>(other), &pos, &key, &hash);) {
      k.set(key);
      if (DiscardEntry(ts, so, key, hash) < 0) return false;
    }
  } else {
    Root it(ts, GetIter(ts, other));
    if (it.get().is_null()) return false;
    for (;;) {
      int r = IterNext(ts, it.get(), &key);
      if (r < 0) return false;
      if (r == 0) break;
      k.set(key);
      if (!Hash(ts, key, &hash) || DiscardEntry(ts, so, key, hash) < 0) return false;
    }
  }
  // Too many dummies: rebuild without them.
  if (so->fill - so->used > so->mask() / 4) Resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
  return true;
}

SetObject* Difference(ThreadState& ts, SetObject* so, Value other) {
  Interpreter& in = ts.interp;
  size_t other_size;
  if (IsAnySet(other)) other_size = As<SetObject>(other)->used;
  else if (IsExact(other, in.types.dict)) other_size = As<DictObject>(other)->used;
  else other_size = static_cast<size_t>(-1);
  if (other_size == static_cast<size_t>(-1) || (so->used >> 2) > other_size) {
    // Copy, then remove what `other` holds: cheaper when `so` is much bigger.
    RootedPtr<SetObject> result(ts, Copy(ts, so, BaseType(in, so)));
    if (!DifferenceUpdate(ts, result.get(), other)) return nullptr;
    return result.get();
  }
  RootedPtr<SetObject> result(ts, NewSet(ts, BaseType(in, so)));
  Root k(ts);
  Value key;
  int64_t hash;
  for (size_t pos = 0; NextEntry(so, &pos, &key, &hash);) {
    k.set(key);
    int r;
    if (IsAnySet(other)) {
      r = ContainsEntry(ts, As<SetObject>(other), key, hash);
    } else {
      Value unused;
      r = DictGet(ts, As<DictObject>(other), key, &unused);
    }
    if (r < 0 || (r == 0 && !AddEntry(ts, result.get(), key, hash))) return nullptr;
  }
  return result.get();
}

// Removes what is in both, adds what is only in the other.
bool ToggleEntry(ThreadState& ts, SetObject* so, Value key, int64_t hash) {
  int r = DiscardEntry(ts, so, key, hash);
  return r > 0 || (r == 0 && AddEntry(ts, so, key, hash));
}

bool SymmetricDifferenceUpdate(ThreadState& ts, SetObject* so, Value other) {
  Interpreter& in = ts.interp;
  if (other.Is(Value::Obj(so))) {
    Clear(so);
    return true;
  }
  Root k(ts);
  if (IsExact(other, in.types.dict)) {
    auto* d = As<DictObject>(other);
    for (size_t i = 0; i < d->entries.size(); ++i) {
      DictObject::Entry e = d->entries[i];
      if (e.key.is_null()) continue;
      k.set(e.key);
      if (!ToggleEntry(ts, so, e.key, e.hash)) return false;
    }
    return true;
  }
  Root otherset(ts, other);
  if (!IsAnySet(other)) {
    SetObject* tmp = FromIterable(ts, BaseType(in, so), other);
    if (tmp == nullptr) return false;
    otherset.set(Value::Obj(tmp));
  }
  Value key;
  int64_t hash;
  for (size_t pos = 0; NextEntry(As<SetObject>(otherset.get()), &pos, &key, &hash);) {
    k.set(key);
    if (!ToggleEntry(ts, so, key, hash)) return false;
  }
  return true;
}

SetObject* SymmetricDifference(ThreadState& ts, SetObject* so, Value other) {
  RootedPtr<SetObject> result(ts, FromIterable(ts, BaseType(ts.interp, so), other));
  if (result.get() == nullptr || !SymmetricDifferenceUpdate(ts, result.get(), Value::Obj(so))) return nullptr;
  return result.get();
}

SetObject* Union(ThreadState& ts, SetObject* so, Value other) {
  RootedPtr<SetObject> result(ts, Copy(ts, so, BaseType(ts.interp, so)));
  if (!other.Is(Value::Obj(so)) && !SetUpdate(ts, result.get(), other)) return nullptr;
  return result.get();
}

// 1 subset, 0 not, -1 raised.
int IsSubset(ThreadState& ts, SetObject* so, Value other) {
  if (!IsAnySet(other)) {
    RootedPtr<SetObject> tmp(ts, FromIterable(ts, ts.interp.types.set, other));
    if (tmp.get() == nullptr) return -1;
    return IsSubset(ts, so, Value::Obj(tmp.get()));
  }
  auto* o = As<SetObject>(other);
  if (so->used > o->used) return 0;
  Root k(ts);
  Value key;
  int64_t hash;
  for (size_t pos = 0; NextEntry(so, &pos, &key, &hash);) {
    k.set(key);
    int r = ContainsEntry(ts, o, key, hash);
    if (r <= 0) return r;
  }
  return 1;
}

int IsSuperset(ThreadState& ts, SetObject* so, Value other) {
  if (IsAnySet(other)) return IsSubset(ts, As<SetObject>(other), Value::Obj(so));
  Root it(ts, GetIter(ts, other));
  if (it.get().is_null()) return -1;
  Root k(ts);
  for (;;) {
    Value key;
    int r = IterNext(ts, it.get(), &key);
    if (r <= 0) return r < 0 ? -1 : 1;
    k.set(key);
    r = ContainsKey(ts, so, key);
    if (r <= 0) return r;
  }
}

int IsDisjoint(ThreadState& ts, SetObject* so, Value other) {
  Interpreter& in = ts.interp;
  if (other.Is(Value::Obj(so))) return so->used == 0;
  Root k(ts);
  Value key;
  int64_t hash;
  if (other.is_object() && (other.as_object()->type == in.types.set || other.as_object()->type == in.types.frozenset)) {
    SetObject* big = so;
    SetObject* small = As<SetObject>(other);
    if (small->used > big->used) std::swap(big, small);
    for (size_t pos = 0; NextEntry(small, &pos, &key, &hash);) {
      k.set(key);
      int r = ContainsEntry(ts, big, key, hash);
      if (r != 0) return r < 0 ? -1 : 0;
    }
    return 1;
  }
  Root it(ts, GetIter(ts, other));
  if (it.get().is_null()) return -1;
  for (;;) {
    int r = IterNext(ts, it.get(), &key);
    if (r <= 0) return r < 0 ? -1 : 1;
    k.set(key);
    r = ContainsKey(ts, so, key);
    if (r != 0) return r < 0 ? -1 : 0;
  }
}

uint64_t ShuffleBits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

// CPython's frozenset hash: order-independent (xor of shuffled element hashes), then mixed.
int64_t FrozenHash(SetObject* s) {
  if (s->hash != -1) return s->hash;
  uint64_t h = 0;
  for (const Entry& e : s->table)
    if (!e.key.is_null()) h ^= ShuffleBits(static_cast<uint64_t>(e.hash));
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == static_cast<uint64_t>(-1)) h = 590923713ull;
  s->hash = static_cast<int64_t>(h);
  return s->hash;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// the set iterator (an IteratorObject of kind kSet: index is the next slot, dict_used the size
// the set had when iteration began)

int SetIterNext(ThreadState& ts, IteratorObject* it, Value* out) {
  if (it->source.is_none()) return 0;
  auto* s = As<SetObject>(it->source);
  if (s->used != it->dict_used) {
    it->dict_used = static_cast<size_t>(-1);  // keeps raising, as CPython's
    Raise(ts, ts.interp.exc.RuntimeError, "Set changed size during iteration");
    return -1;
  }
  size_t pos = static_cast<size_t>(it->index);
  int64_t hash;
  bool more = NextEntry(s, &pos, out, &hash);
  it->index = static_cast<int64_t>(pos);
  if (!more) it->source = Value::None();
  return more ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// argument checks, in CPython's words ("set.add() takes exactly one argument (0 given)")

namespace {

SetObject* Self(const CallArgs& a) { return As<SetObject>(a.argv[0]); }

std::string MethodName(ThreadState& ts, const CallArgs& a, const char* name) {
  return absl::StrCat(IsFrozen(ts.interp, a.argv[0].as_object()) ? "frozenset." : "set.", name, "()");
}

bool NoKw(ThreadState& ts, const CallArgs& a, const char* name) {
  if (a.nkw() == 0) return true;
  RaiseTypeError(ts, absl::StrCat(MethodName(ts, a, name), " takes no keyword arguments"));
  return false;
}

bool OneArg(ThreadState& ts, const CallArgs& a, const char* name) {
  if (!NoKw(ts, a, name)) return false;
  if (a.nargs == 2) return true;
  RaiseTypeError(ts, absl::StrCat(MethodName(ts, a, name), " takes exactly one argument (", a.nargs - 1, " given)"));
  return false;
}

bool NoArgs(ThreadState& ts, const CallArgs& a, const char* name) {
  if (!NoKw(ts, a, name)) return false;
  if (a.nargs == 1) return true;
  RaiseTypeError(ts, absl::StrCat(MethodName(ts, a, name), " takes no arguments (", a.nargs - 1, " given)"));
  return false;
}

Value Result(SetObject* s) { return s == nullptr ? Value::Null() : Value::Obj(s); }
Value BoolResult(int r) { return r < 0 ? Value::Null() : Value::Bool(r != 0); }

// ---------------------------------------------------------------------------------------------
// methods shared by set and frozenset

Value SetLen(ThreadState& ts, const CallArgs& a) { return Value::Int(static_cast<int64_t>(Self(a)->used)); }

Value SetIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kSet, a.argv[0])); }

Value SetContainsM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "__contains__")) return Value::Null();
  return BoolResult(SetContains(ts, Self(a), a.argv[1]));
}

Value SetRepr(ThreadState& ts, const CallArgs& a) {
  SetObject* s = Self(a);
  const std::string& name = s->type->name;
  ReprGuard guard(ts, s);
  if (!guard.entered()) return NewStrValue(ts, absl::StrCat(name, "(...)"));
  if (s->used == 0) return NewStrValue(ts, absl::StrCat(name, "()"));
  RootedPtr<ListObject> keys(ts, NewList(ts));
  Value key;
  for (size_t pos = 0; SetNext(s, &pos, &key);) keys->items.push_back(key);
  std::string inner;
  if (!ReprString(ts, Value::Obj(keys.get()), &inner)) return Value::Null();
  inner = absl::StrCat("{", inner.substr(1, inner.size() - 2), "}");
  if (s->type == ts.interp.types.set) return NewStrValue(ts, inner);
  return NewStrValue(ts, absl::StrCat(name, "(", inner, ")"));
}

Value SetCopyM(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "copy")) return Value::Null();
  if (a.argv[0].as_object()->type == ts.interp.types.frozenset) return a.argv[0];
  return Value::Obj(Copy(ts, Self(a), BaseType(ts.interp, Self(a))));
}

Value SetUnionM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "union")) return Value::Null();
  RootedPtr<SetObject> result(ts, Copy(ts, Self(a), BaseType(ts.interp, Self(a))));
  for (size_t i = 1; i < a.nargs; ++i)
    if (!a.argv[i].Is(a.argv[0]) && !SetUpdate(ts, result.get(), a.argv[i])) return Value::Null();
  return Value::Obj(result.get());
}

Value SetIntersectionM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "intersection")) return Value::Null();
  if (a.nargs == 1) return Value::Obj(Copy(ts, Self(a), BaseType(ts.interp, Self(a))));
  Root result(ts, a.argv[0]);
  for (size_t i = 1; i < a.nargs; ++i) {
    SetObject* next = Intersection(ts, As<SetObject>(result.get()), a.argv[i]);
    if (next == nullptr) return Value::Null();
    result.set(Value::Obj(next));
  }
  return result.get();
}

Value SetDifferenceM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "difference")) return Value::Null();
  if (a.nargs == 1) return Value::Obj(Copy(ts, Self(a), BaseType(ts.interp, Self(a))));
  RootedPtr<SetObject> result(ts, Difference(ts, Self(a), a.argv[1]));
  if (result.get() == nullptr) return Value::Null();
  for (size_t i = 2; i < a.nargs; ++i)
    if (!DifferenceUpdate(ts, result.get(), a.argv[i])) return Value::Null();
  return Value::Obj(result.get());
}

Value SetSymmetricDifferenceM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "symmetric_difference")) return Value::Null();
  return Result(SymmetricDifference(ts, Self(a), a.argv[1]));
}

Value SetIsSubsetM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "issubset")) return Value::Null();
  return BoolResult(IsSubset(ts, Self(a), a.argv[1]));
}

Value SetIsSupersetM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "issuperset")) return Value::Null();
  return BoolResult(IsSuperset(ts, Self(a), a.argv[1]));
}

Value SetIsDisjointM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "isdisjoint")) return Value::Null();
  return BoolResult(IsDisjoint(ts, Self(a), a.argv[1]));
}

// Comparisons are subset tests; anything but a set or frozenset is NotImplemented.
template <CmpOp op>
Value SetCompare(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  SetObject* v = Self(a);
  auto* w = As<SetObject>(a.argv[1]);
  int r = 0;
  switch (op) {
    case CmpOp::kEq:
    case CmpOp::kNe:
      if (v->used == w->used && !(v->hash != -1 && w->hash != -1 && v->hash != w->hash))
        r = IsSubset(ts, v, a.argv[1]);
      if (op == CmpOp::kNe && r >= 0) r = !r;
      break;
    case CmpOp::kLe: r = IsSubset(ts, v, a.argv[1]); break;
    case CmpOp::kGe: r = IsSubset(ts, w, a.argv[0]); break;
    case CmpOp::kLt: r = v->used < w->used ? IsSubset(ts, v, a.argv[1]) : 0; break;
    case CmpOp::kGt: r = v->used > w->used ? IsSubset(ts, w, a.argv[0]) : 0; break;
  }
  return BoolResult(r);
}

// The binary operators: both operands must be sets (of either kind); the left one's kind
// decides the result's type. The reflected forms swap back to (left, right).
SetObject* OpOr(ThreadState& ts, SetObject* l, Value r) { return Union(ts, l, r); }
SetObject* OpAnd(ThreadState& ts, SetObject* l, Value r) { return Intersection(ts, l, r); }
SetObject* OpSub(ThreadState& ts, SetObject* l, Value r) { return Difference(ts, l, r); }
SetObject* OpXor(ThreadState& ts, SetObject* l, Value r) { return SymmetricDifference(ts, l, r); }

template <SetObject* (*fn)(ThreadState&, SetObject*, Value), bool reflected>
Value SetBinary(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  Value left = reflected ? a.argv[1] : a.argv[0];
  Value right = reflected ? a.argv[0] : a.argv[1];
  return Result(fn(ts, As<SetObject>(left), right));
}

Value SetReduce(ThreadState& ts, const CallArgs& a) {
  RootedPtr<ListObject> keys(ts, NewList(ts));
  Value key;
  for (size_t pos = 0; SetNext(Self(a), &pos, &key);) keys->items.push_back(key);
  RootedPtr<TupleObject> args(ts, NewTuple(ts, {Value::Obj(keys.get())}));
  return Value::Obj(NewTuple(ts, {Value::Obj(a.argv[0].as_object()->type), Value::Obj(args.get()), Value::None()}));
}

// ---------------------------------------------------------------------------------------------
// set only

Value SetAddM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "add")) return Value::Null();
  return SetAdd(ts, Self(a), a.argv[1]) ? Value::None() : Value::Null();
}

// remove/discard: 1 removed, 0 absent, -1 raised (a set argument is looked up as a frozenset).
int RemoveKey(ThreadState& ts, SetObject* s, Value key) {
  Root frozen(ts);
  int64_t hash;
  if (!HashForLookup(ts, &key, frozen, &hash)) return -1;
  return DiscardEntry(ts, s, key, hash);
}

Value SetRemoveM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "remove")) return Value::Null();
  int r = RemoveKey(ts, Self(a), a.argv[1]);
  if (r == 0) return RaiseKeyError(ts, a.argv[1]);
  return r < 0 ? Value::Null() : Value::None();
}

Value SetDiscardM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "discard")) return Value::Null();
  return RemoveKey(ts, Self(a), a.argv[1]) < 0 ? Value::Null() : Value::None();
}

Value SetPopM(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "pop")) return Value::Null();
  SetObject* s = Self(a);
  if (s->used == 0) {
    Root msg(ts, NewStrValue(ts, "pop from an empty set"));
    return RaiseKeyError(ts, msg.get());
  }
  // Resumes where the last pop stopped, so repeated pops do not rescan the emptied front.
  size_t i = s->finger & s->mask();
  while (s->table[i].key.is_null()) i = (i + 1) & s->mask();
  Value key = s->table[i].key;
  s->table[i] = {kDummyHash, Value::Null()};
  --s->used;
  s->finger = i + 1;
  return key;
}

Value SetClearM(ThreadState& ts, const CallArgs& a) {
  if (!NoArgs(ts, a, "clear")) return Value::Null();
  Clear(Self(a));
  return Value::None();
}

Value SetUpdateM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "update")) return Value::Null();
  for (size_t i = 1; i < a.nargs; ++i)
    if (!SetUpdate(ts, Self(a), a.argv[i])) return Value::Null();
  return Value::None();
}

Value SetIntersectionUpdateM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "intersection_update")) return Value::Null();
  Value r = SetIntersectionM(ts, a);
  if (r.is_null()) return r;
  if (!r.Is(a.argv[0])) TakeBody(Self(a), As<SetObject>(r));
  return Value::None();
}

Value SetDifferenceUpdateM(ThreadState& ts, const CallArgs& a) {
  if (!NoKw(ts, a, "difference_update")) return Value::Null();
  for (size_t i = 1; i < a.nargs; ++i)
    if (!DifferenceUpdate(ts, Self(a), a.argv[i])) return Value::Null();
  return Value::None();
}

Value SetSymmetricDifferenceUpdateM(ThreadState& ts, const CallArgs& a) {
  if (!OneArg(ts, a, "symmetric_difference_update")) return Value::Null();
  return SymmetricDifferenceUpdate(ts, Self(a), a.argv[1]) ? Value::None() : Value::Null();
}

// The in-place operators mutate and return self; a non-set operand is NotImplemented.
Value SetIor(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  return SetUpdate(ts, Self(a), a.argv[1]) ? a.argv[0] : Value::Null();
}

Value SetIand(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  SetObject* r = Intersection(ts, Self(a), a.argv[1]);
  if (r == nullptr) return Value::Null();
  TakeBody(Self(a), r);
  return a.argv[0];
}

Value SetIsub(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  return DifferenceUpdate(ts, Self(a), a.argv[1]) ? a.argv[0] : Value::Null();
}

Value SetIxor(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsAnySet(a.argv[1])) return ts.interp.not_implemented;
  return SymmetricDifferenceUpdate(ts, Self(a), a.argv[1]) ? a.argv[0] : Value::Null();
}

// set(iterable=(), /): __new__ makes it empty, __init__ (re)fills it.
Value SetNewM(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "set.__new__(X): X is not a type object");
  return Value::Obj(NewSet(ts, As<TypeObject>(a.argv[0])));
}

Value SetInitM(ThreadState& ts, const CallArgs& a) {
  if (a.nkw() > 0) return RaiseTypeError(ts, "set() takes no keyword arguments");
  if (a.nargs > 2) return RaiseTypeError(ts, absl::StrCat("set expected at most 1 argument, got ", a.nargs - 1));
  SetObject* s = Self(a);
  if (s->fill != 0) Clear(s);
  s->hash = -1;
  if (a.nargs == 2 && !SetUpdate(ts, s, a.argv[1])) return Value::Null();
  return Value::None();
}

Value FrozenSetNewM(ThreadState& ts, const CallArgs& a) {
  Interpreter& in = ts.interp;
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, "frozenset.__new__(X): X is not a type object");
  auto* type = As<TypeObject>(a.argv[0]);
  if (type == in.types.frozenset && a.nkw() > 0) return RaiseTypeError(ts, "frozenset() takes no keyword arguments");
  if (a.nargs > 2) return RaiseTypeError(ts, absl::StrCat("frozenset expected at most 1 argument, got ", a.nargs - 1));
  // frozensets are immutable: frozenset(f) can hand back f itself.
  if (a.nargs == 2 && type == in.types.frozenset && a.argv[1].is_object() && a.argv[1].as_object()->type == type)
    return a.argv[1];
  if (a.nargs == 1) return Value::Obj(NewSet(ts, type));
  return Result(FromIterable(ts, type, a.argv[1]));
}

Value FrozenSetHashM(ThreadState& ts, const CallArgs& a) { return Value::Int(FrozenHash(Self(a))); }

void AddCommonMethods(Interpreter& in, TypeObject* t) {
  AddMethod(in, t, "__len__", SetLen);
  AddMethod(in, t, "__iter__", SetIter);
  AddMethod(in, t, "__contains__", SetContainsM);
  AddMethod(in, t, "__repr__", SetRepr);
  AddMethod(in, t, "__reduce__", SetReduce);
  AddMethod(in, t, "__eq__", SetCompare<CmpOp::kEq>);
  AddMethod(in, t, "__ne__", SetCompare<CmpOp::kNe>);
  AddMethod(in, t, "__lt__", SetCompare<CmpOp::kLt>);
  AddMethod(in, t, "__le__", SetCompare<CmpOp::kLe>);
  AddMethod(in, t, "__gt__", SetCompare<CmpOp::kGt>);
  AddMethod(in, t, "__ge__", SetCompare<CmpOp::kGe>);
  AddMethod(in, t, "__or__", SetBinary<OpOr, false>);
  AddMethod(in, t, "__ror__", SetBinary<OpOr, true>);
  AddMethod(in, t, "__and__", SetBinary<OpAnd, false>);
  AddMethod(in, t, "__rand__", SetBinary<OpAnd, true>);
  AddMethod(in, t, "__sub__", SetBinary<OpSub, false>);
  AddMethod(in, t, "__rsub__", SetBinary<OpSub, true>);
  AddMethod(in, t, "__xor__", SetBinary<OpXor, false>);
  AddMethod(in, t, "__rxor__", SetBinary<OpXor, true>);
  AddMethod(in, t, "copy", SetCopyM);
  AddMethod(in, t, "union", SetUnionM);
  AddMethod(in, t, "intersection", SetIntersectionM);
  AddMethod(in, t, "difference", SetDifferenceM);
  AddMethod(in, t, "symmetric_difference", SetSymmetricDifferenceM);
  AddMethod(in, t, "issubset", SetIsSubsetM);
  AddMethod(in, t, "issuperset", SetIsSupersetM);
  AddMethod(in, t, "isdisjoint", SetIsDisjointM);
}

}  // namespace

void AddDictViewSetMethods(Interpreter& in, TypeObject* view);  // below

void InitSetTypes(Interpreter& in) {
  TypeObject* set = in.types.set;
  AddCommonMethods(in, set);
  AddStaticMethod(in, set, "__new__", SetNewM);
  AddMethod(in, set, "__init__", SetInitM);
  AddMethod(in, set, "__ior__", SetIor);
  AddMethod(in, set, "__iand__", SetIand);
  AddMethod(in, set, "__isub__", SetIsub);
  AddMethod(in, set, "__ixor__", SetIxor);
  AddMethod(in, set, "add", SetAddM);
  AddMethod(in, set, "remove", SetRemoveM);
  AddMethod(in, set, "discard", SetDiscardM);
  AddMethod(in, set, "pop", SetPopM);
  AddMethod(in, set, "clear", SetClearM);
  AddMethod(in, set, "update", SetUpdateM);
  AddMethod(in, set, "intersection_update", SetIntersectionUpdateM);
  AddMethod(in, set, "difference_update", SetDifferenceUpdateM);
  AddMethod(in, set, "symmetric_difference_update", SetSymmetricDifferenceUpdateM);
  DictSetStr(set->dict, in.names.__hash__, Value::None());

  TypeObject* frozen = in.types.frozenset;
  AddCommonMethods(in, frozen);
  AddStaticMethod(in, frozen, "__new__", FrozenSetNewM);
  AddMethod(in, frozen, "__hash__", FrozenSetHashM);

  AddDictViewSetMethods(in, IteratorType(in, IterKind::kKeysView));
  AddDictViewSetMethods(in, IteratorType(in, IterKind::kItemsView));
}

// ---------------------------------------------------------------------------------------------
// dict_keys and dict_items as sets: comparisons with sets and views, & | - ^, isdisjoint

namespace {

bool IsSetLikeView(Value v) {
  if (!IsObjectOfKind(v, Kind::kIterator)) return false;
  IterKind k = As<IteratorObject>(v)->ikind;
  return k == IterKind::kKeysView || k == IterKind::kItemsView;
}

// Every item of `a` is in `b`: 1, 0, -1 raised.
int AllContainedIn(ThreadState& ts, Value a, Value b) {
  Root it(ts, GetIter(ts, a));
  if (it.get().is_null()) return -1;
  Root k(ts);
  for (;;) {
    Value key;
    int r = IterNext(ts, it.get(), &key);
    if (r <= 0) return r < 0 ? -1 : 1;
    k.set(key);
    r = Contains(ts, b, key);
    if (r <= 0) return r;
  }
}

template <CmpOp op>
Value ViewCompare(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !(IsAnySet(a.argv[1]) || IsSetLikeView(a.argv[1]))) return ts.interp.not_implemented;
  Value self = a.argv[0], other = a.argv[1];
  int64_t ls = Length(ts, self);
  int64_t lo = ls < 0 ? -1 : Length(ts, other);
  if (lo < 0) return Value::Null();
  int r = 0;
  switch (op) {
    case CmpOp::kEq:
    case CmpOp::kNe:
      if (ls == lo) r = AllContainedIn(ts, self, other);
      if (op == CmpOp::kNe && r >= 0) r = !r;
      break;
    case CmpOp::kLt: if (ls < lo) r = AllContainedIn(ts, self, other); break;
    case CmpOp::kLe: if (ls <= lo) r = AllContainedIn(ts, self, other); break;
    case CmpOp::kGt: if (ls > lo) r = AllContainedIn(ts, other, self); break;
    case CmpOp::kGe: if (ls >= lo) r = AllContainedIn(ts, other, self); break;
  }
  return BoolResult(r);
}

// A new set of `v`'s items (a keys view of a plain dict takes the dict's fast path).
SetObject* ViewToSet(ThreadState& ts, Value v) {
  if (IsObjectOfKind(v, Kind::kIterator) && As<IteratorObject>(v)->ikind == IterKind::kKeysView &&
      IsExact(As<IteratorObject>(v)->source, ts.interp.types.dict))
    v = As<IteratorObject>(v)->source;
  return FromIterable(ts, ts.interp.types.set, v);
}

SetObject* ViewOr(ThreadState& ts, Value l, Value r) {
  RootedPtr<SetObject> result(ts, ViewToSet(ts, l));
  if (result.get() == nullptr || !SetUpdate(ts, result.get(), r)) return nullptr;
  return result.get();
}

SetObject* ViewSub(ThreadState& ts, Value l, Value r) {
  RootedPtr<SetObject> result(ts, ViewToSet(ts, l));
  if (result.get() == nullptr || !DifferenceUpdate(ts, result.get(), r)) return nullptr;
  return result.get();
}

SetObject* ViewXor(ThreadState& ts, Value l, Value r) {
  RootedPtr<SetObject> result(ts, ViewToSet(ts, l));
  if (result.get() == nullptr || !SymmetricDifferenceUpdate(ts, result.get(), r)) return nullptr;
  return result.get();
}

SetObject* ViewAnd(ThreadState& ts, Value self, Value other) {
  if (!IsSetLikeView(self)) std::swap(self, other);
  int64_t ls = Length(ts, self);
  if (ls < 0) return nullptr;
  Interpreter& in = ts.interp;
  if (other.is_object() && other.as_object()->type == in.types.set && ls <= static_cast<int64_t>(As<SetObject>(other)->used))
    return Intersection(ts, As<SetObject>(other), self);
  if (IsSetLikeView(other)) {
    int64_t lo = Length(ts, other);
    if (lo < 0) return nullptr;
    if (lo > ls) std::swap(self, other);
  }
  RootedPtr<SetObject> result(ts, NewSet(ts, in.types.set));
  Root it(ts, GetIter(ts, other));
  if (it.get().is_null()) return nullptr;
  Root k(ts);
  for (;;) {
    Value key;
    int r = IterNext(ts, it.get(), &key);
    if (r < 0) return nullptr;
    if (r == 0) return result.get();
    k.set(key);
    r = Contains(ts, self, key);
    if (r < 0 || (r && !SetAdd(ts, result.get(), key))) return nullptr;
  }
}

template <SetObject* (*fn)(ThreadState&, Value, Value), bool reflected>
Value ViewBinary(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  Value left = reflected ? a.argv[1] : a.argv[0];
  Value right = reflected ? a.argv[0] : a.argv[1];
  return Result(fn(ts, left, right));
}

Value ViewIsDisjoint(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "isdisjoint", 2, 2)) return Value::Null();
  Value self = a.argv[0], other = a.argv[1];
  if (self.Is(other)) {
    int64_t n = Length(ts, self);
    return n < 0 ? Value::Null() : Value::Bool(n == 0);
  }
  if (IsAnySet(other) || IsSetLikeView(other)) {
    int64_t ls = Length(ts, self), lo = ls < 0 ? -1 : Length(ts, other);
    if (lo < 0) return Value::Null();
    if (lo > ls) std::swap(self, other);
  }
  Root it(ts, GetIter(ts, other));
  if (it.get().is_null()) return Value::Null();
  Root k(ts);
  for (;;) {
    Value key;
    int r = IterNext(ts, it.get(), &key);
    if (r <= 0) return r < 0 ? Value::Null() : Value::Bool(true);
    k.set(key);
    r = Contains(ts, self, key);
    if (r != 0) return r < 0 ? Value::Null() : Value::Bool(false);
  }
}

}  // namespace

void AddDictViewSetMethods(Interpreter& in, TypeObject* t) {
  AddMethod(in, t, "__eq__", ViewCompare<CmpOp::kEq>);
  AddMethod(in, t, "__ne__", ViewCompare<CmpOp::kNe>);
  AddMethod(in, t, "__lt__", ViewCompare<CmpOp::kLt>);
  AddMethod(in, t, "__le__", ViewCompare<CmpOp::kLe>);
  AddMethod(in, t, "__gt__", ViewCompare<CmpOp::kGt>);
  AddMethod(in, t, "__ge__", ViewCompare<CmpOp::kGe>);
  AddMethod(in, t, "__or__", ViewBinary<ViewOr, false>);
  AddMethod(in, t, "__ror__", ViewBinary<ViewOr, true>);
  AddMethod(in, t, "__and__", ViewBinary<ViewAnd, false>);
  AddMethod(in, t, "__rand__", ViewBinary<ViewAnd, true>);
  AddMethod(in, t, "__sub__", ViewBinary<ViewSub, false>);
  AddMethod(in, t, "__rsub__", ViewBinary<ViewSub, true>);
  AddMethod(in, t, "__xor__", ViewBinary<ViewXor, false>);
  AddMethod(in, t, "__rxor__", ViewBinary<ViewXor, true>);
  AddMethod(in, t, "isdisjoint", ViewIsDisjoint);
}

}  // namespace gilvm::vm
