// DictObject's table (CPython's compact dict: an index of slots into an insertion-ordered entry
// array, open addressing with perturbed probing) and dict's Python methods.
#include "vm/dict.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/tuple.h"
#include "vm/subclass.h"

namespace gilvm::vm {

void DictObject::Trace(Tracer& t) {
  for (const Entry& e : entries) {
    t.Visit(e.key);
    t.Visit(e.value);
  }
}

DictObject* NewDict(ThreadState& ts) { return ts.interp.heap.New<DictObject>(ts.interp.types.dict); }

namespace {

constexpr size_t kMinIndexSize = 8;

size_t Usable(size_t index_size) { return index_size * 2 / 3; }

// The index size Resize gives a dict of `used` entries.
size_t IndexSizeFor(size_t used) {
  size_t n = kMinIndexSize;
  while (n < used * 3) n <<= 1;
  return n;
}

constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -2;

// Probe sequence of CPython's dictobject.c: i = (i*5 + perturb + 1) & mask, perturb >>= 5.
struct Probe {
  Probe(int64_t hash, size_t mask) : mask(mask), perturb(static_cast<uint64_t>(hash)), i(static_cast<uint64_t>(hash) & mask) {}
  void Next() {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  size_t mask;
  uint64_t perturb;
  size_t i;
};

size_t FindEmptySlot(const DictObject* d, int64_t hash) {
  Probe p(hash, d->index.size() - 1);
  while (d->index[p.i] != DictObject::kEmpty) p.Next();
  return p.i;
}

// Compacts the entries and rebuilds the index with room for `used * 3` slots.
void Resize(DictObject* d) {
  std::vector<DictObject::Entry> live;
  live.reserve(d->used + 1);
  for (auto& e : d->entries)
    if (!e.key.is_null()) live.push_back(e);
  d->entries.swap(live);
  d->index.assign(IndexSizeFor(d->used), DictObject::kEmpty);
  for (size_t k = 0; k < d->entries.size(); ++k)
    d->index[FindEmptySlot(d, d->entries[k].hash)] = static_cast<int32_t>(k);
}

// How much more Resize makes the dict own (its entries and index replace the old ones).
size_t ResizeGrowth(const DictObject* d) {
  size_t after = (d->used + 1) * sizeof(DictObject::Entry) + IndexSizeFor(d->used) * sizeof(int32_t);
  return after > d->ExtraBytes() ? after - d->ExtraBytes() : 0;
}

// `heap` (null for the string-keyed fast path, which namespaces use) is charged for a resize
// before the dict changes: under a heap limit it may throw std::bad_alloc.
void Insert(DictObject* d, int64_t hash, Value key, Value value, Heap* heap = nullptr) {
  if (d->index.empty() || d->entries.size() >= Usable(d->index.size())) {
    if (heap != nullptr) heap->ChargeGrowth(ResizeGrowth(d));
    Resize(d);
  } else if (heap != nullptr && d->entries.size() == d->entries.capacity()) {
    heap->ChargeGrowth(d->entries.capacity(), sizeof(DictObject::Entry));  // push_back doubles it
  }
  d->index[FindEmptySlot(d, hash)] = static_cast<int32_t>(d->entries.size());
  d->entries.push_back({hash, key, value});
  ++d->used;
  ++d->version;
}

bool StrKeyEquals(Value a, const StrObject* b) { return IsStr(a) && StrEquals(As<StrObject>(a), b); }

// Entry position of `key`, kNotFound, or kError. *slot gets its index slot when found.
// A user __eq__ may mutate the dict; the lookup then starts over, as CPython's does.
int64_t Lookup(ThreadState& ts, DictObject* d, Value key, int64_t hash, size_t* slot) {
  if (d->index.empty()) return kNotFound;
  const StrObject* skey = IsStr(key) ? As<StrObject>(key) : nullptr;
  for (Probe p(hash, d->index.size() - 1);; p.Next()) {
    int32_t ix = d->index[p.i];
    if (ix == DictObject::kEmpty) return kNotFound;
    if (ix == DictObject::kDummy) continue;
    const DictObject::Entry& e = d->entries[ix];
    if (e.key.Is(key)) return *slot = p.i, ix;
    if (e.hash != hash) continue;
    if (skey != nullptr && IsStr(e.key)) {
      if (StrEquals(As<StrObject>(e.key), skey)) return *slot = p.i, ix;
      continue;
    }
    uint64_t version = d->version;
    Value ekey = e.key;
    Root keep(ts, ekey);
    int eq = Equal(ts, ekey, key);
    if (eq < 0) return kError;
    if (d->version != version || d->index.empty()) return Lookup(ts, d, key, hash, slot);
    if (eq) return *slot = p.i, ix;
  }
}

void RemoveAt(DictObject* d, size_t slot, int64_t ix) {
  d->index[slot] = DictObject::kDummy;
  d->entries[ix].key = Value::Null();
  d->entries[ix].value = Value::Null();
  --d->used;
  ++d->version;
}

}  // namespace

DictObject* NewDictSized(ThreadState& ts, size_t n) {
  DictObject* d = NewDict(ts);
  if (n == 0) return d;
  size_t index_size = kMinIndexSize;
  while (Usable(index_size) < n) index_size <<= 1;  // no Resize before the n-th insert
  ts.interp.heap.ChargeGrowth(n * sizeof(DictObject::Entry) + index_size * sizeof(int32_t));
  d->entries.reserve(n);
  d->index.assign(index_size, DictObject::kEmpty);
  return d;
}

int DictGet(ThreadState& ts, DictObject* d, Value key, Value* out) {
  int64_t hash;
  if (!Hash(ts, key, &hash)) return -1;
  size_t slot;
  int64_t ix = Lookup(ts, d, key, hash, &slot);
  if (ix == kError) return -1;
  if (ix == kNotFound) return 0;
  *out = d->entries[ix].value;
  return 1;
}

bool DictSet(ThreadState& ts, DictObject* d, Value key, Value value) {
  int64_t hash;
  if (!Hash(ts, key, &hash)) return false;
  size_t slot;
  int64_t ix = Lookup(ts, d, key, hash, &slot);
  if (ix == kError) return false;
  if (ix == kNotFound) {
    Insert(d, hash, key, value, &ts.interp.heap);
  } else {
    d->entries[ix].value = value;
    ++d->version;
  }
  return true;
}

int DictDel(ThreadState& ts, DictObject* d, Value key) {
  int64_t hash;
  if (!Hash(ts, key, &hash)) return -1;
  size_t slot;
  int64_t ix = Lookup(ts, d, key, hash, &slot);
  if (ix == kError) return -1;
  if (ix == kNotFound) return 0;
  RemoveAt(d, slot, ix);
  return 1;
}

namespace {

// Lookup restricted to str keys (never calls Python): entry position or kNotFound.
int64_t LookupStr(const DictObject* d, const StrObject* key, size_t* slot) {
  if (d->index.empty()) return kNotFound;
  int64_t hash = key->Hash();
  for (Probe p(hash, d->index.size() - 1);; p.Next()) {
    int32_t ix = d->index[p.i];
    if (ix == DictObject::kEmpty) return kNotFound;
    if (ix == DictObject::kDummy) continue;
    const DictObject::Entry& e = d->entries[ix];
    if (e.hash == hash && StrKeyEquals(e.key, key)) return *slot = p.i, ix;
  }
}

}  // namespace

Value DictGetStr(const DictObject* d, const StrObject* key) {
  size_t slot;
  int64_t ix = LookupStr(d, key, &slot);
  return ix < 0 ? Value::Null() : d->entries[ix].value;
}

int64_t DictFindStr(const DictObject* d, const StrObject* key) {
  size_t slot;
  return LookupStr(d, key, &slot);
}

void DictSetStr(DictObject* d, StrObject* key, Value value) {
  size_t slot;
  int64_t ix = LookupStr(d, key, &slot);
  if (ix < 0) {
    Insert(d, key->Hash(), Value::Obj(key), value);
  } else {
    d->entries[ix].value = value;
    ++d->version;
  }
}

bool DictDelStr(DictObject* d, const StrObject* key) {
  size_t slot;
  int64_t ix = LookupStr(d, key, &slot);
  if (ix < 0) return false;
  RemoveAt(d, slot, ix);
  return true;
}

void DictClear(DictObject* d) {
  d->entries.clear();
  d->index.clear();
  d->used = 0;
  ++d->version;
}

Value DictGetItem(ThreadState& ts, DictObject* d, Value key) {
  Value out;
  int r = DictGet(ts, d, key, &out);
  if (r == 1) return out;
  if (r < 0) return Value::Null();
  if (d->type != ts.interp.types.dict) {
    // dict subclasses may define __missing__.
    Value missing = LookupInType(d->type, ts.interp.names.__missing__);
    if (!missing.is_null()) return CallFound(ts, missing, Value::Obj(d), &key, 1);
  }
  return RaiseKeyError(ts, key);
}

// ---------------------------------------------------------------------------------------------
// update, equality

namespace {

bool MergeDict(ThreadState& ts, DictObject* d, DictObject* other) {
  Root keep(ts, Value::Obj(other));
  for (size_t i = 0; i < other->entries.size(); ++i) {
    DictObject::Entry e = other->entries[i];
    if (e.key.is_null()) continue;
    Root k(ts, e.key), v(ts, e.value);
    if (!DictSet(ts, d, e.key, e.value)) return false;
  }
  return true;
}

bool MergeMapping(ThreadState& ts, DictObject* d, Value other, Value keys_method) {
  Root keys(ts, Call(ts, keys_method, nullptr, 0));
  if (keys.get().is_null()) return false;
  Root it(ts, GetIter(ts, keys.get()));
  if (it.get().is_null()) return false;
  Root key(ts), value(ts);
  for (;;) {
    Value k;
    int r = IterNext(ts, it.get(), &k);
    if (r <= 0) return r == 0;
    key.set(k);
    value.set(GetItem(ts, other, k));
    if (value.get().is_null() || !DictSet(ts, d, k, value.get())) return false;
  }
}

bool MergePair(ThreadState& ts, DictObject* d, Value item, int64_t n) {
  RootedVector pair(ts);
  if (!IsTuple(item) && !IsList(item) && LookupInType(TypeOf(ts.interp, item), ts.interp.names.__iter__).is_null()) {
    RaiseTypeError(ts, absl::StrCat("cannot convert dictionary update sequence element #", n, " to a sequence"));
    return false;
  }
  if (!CollectIterable(ts, item, pair)) return false;
  if (pair.size() != 2) {
    RaiseValueError(ts, absl::StrCat("dictionary update sequence element #", n, " has length ", pair.size(),
                                     "; 2 is required"));
    return false;
  }
  return DictSet(ts, d, pair[0], pair[1]);
}

bool MergePairs(ThreadState& ts, DictObject* d, Value iterable) {
  Root it(ts, GetIter(ts, iterable));
  if (it.get().is_null()) return false;
  Root item(ts);
  for (int64_t n = 0;; ++n) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r <= 0) return r == 0;
    item.set(v);
    if (!MergePair(ts, d, v, n)) return false;
  }
}

}  // namespace

bool DictUpdate(ThreadState& ts, DictObject* d, Value other) {
  if (IsDict(other) && other.as_object()->type == ts.interp.types.dict) return MergeDict(ts, d, As<DictObject>(other));
  Root keys(ts, GetAttrOrNull(ts, other, ts.interp.names.keys));
  if (ts.exc) return false;
  if (!keys.get().is_null()) return MergeMapping(ts, d, other, keys.get());
  return MergePairs(ts, d, other);
}

int DictEqual(ThreadState& ts, DictObject* a, DictObject* b) {
  if (a->size() != b->size()) return 0;
  for (size_t i = 0; i < a->entries.size(); ++i) {
    DictObject::Entry e = a->entries[i];
    if (e.key.is_null()) continue;
    Root k(ts, e.key), v(ts, e.value);
    Value bv;
    int r = DictGet(ts, b, e.key, &bv);
    if (r <= 0) return r;
    Root keep(ts, bv);
    int eq = Equal(ts, e.value, bv);
    if (eq <= 0) return eq;
  }
  return 1;
}

// ---------------------------------------------------------------------------------------------
// dict's methods

namespace {

DictObject* Self(const CallArgs& a) { return As<DictObject>(a.argv[0]); }

Value DictRepr(ThreadState& ts, const CallArgs& a) {
  DictObject* d = Self(a);
  ReprGuard guard(ts, d);
  if (!guard.entered()) return NewStrValue(ts, "{...}");
  std::string out = "{";
  bool first = true;
  for (size_t i = 0; i < d->entries.size(); ++i) {
    DictObject::Entry e = d->entries[i];
    if (e.key.is_null()) continue;
    Root k(ts, e.key), v(ts, e.value);
    std::string ks, vs;
    if (!ReprString(ts, e.key, &ks) || !ReprString(ts, e.value, &vs)) return Value::Null();
    if (!first) out += ", ";
    first = false;
    absl::StrAppend(&out, ks, ": ", vs);
  }
  out += "}";
  return NewStrValue(ts, out);
}

Value DictLen(ThreadState& ts, const CallArgs& a) { return Value::Int(static_cast<int64_t>(Self(a)->size())); }

Value DictGetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.__getitem__", 2, 2)) return Value::Null();
  return DictGetItem(ts, Self(a), a.argv[1]);
}

Value DictSetItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "__setitem__", 3, 3)) return Value::Null();
  return DictSet(ts, Self(a), a.argv[1], a.argv[2]) ? Value::None() : Value::Null();
}

Value DictDelItemM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "__delitem__", 2, 2)) return Value::Null();
  int r = DictDel(ts, Self(a), a.argv[1]);
  if (r == 0) return RaiseKeyError(ts, a.argv[1]);
  return r < 0 ? Value::Null() : Value::None();
}

Value DictContains(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.__contains__", 2, 2)) return Value::Null();
  Value out;
  int r = DictGet(ts, Self(a), a.argv[1], &out);
  return r < 0 ? Value::Null() : Value::Bool(r);
}

Value DictIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kDictKeys, a.argv[0])); }
Value DictReversed(ThreadState& ts, const CallArgs& a) {
  return Value::Obj(NewIterator(ts, IterKind::kDictReverseKeys, a.argv[0]));
}

Value DictEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsDict(a.argv[1])) return ts.interp.not_implemented;
  int r = DictEqual(ts, Self(a), As<DictObject>(a.argv[1]));
  return r < 0 ? Value::Null() : Value::Bool(r);
}

Value DictNe(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsDict(a.argv[1])) return ts.interp.not_implemented;
  int r = DictEqual(ts, Self(a), As<DictObject>(a.argv[1]));
  return r < 0 ? Value::Null() : Value::Bool(!r);
}

Value DictGetM(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "dict.get") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "get", 1, 2)) return Value::Null();
  Value out;
  int r = DictGet(ts, Self(a), a.argv[1], &out);
  if (r < 0) return Value::Null();
  return r ? out : (a.nargs > 2 ? a.argv[2] : Value::None());
}

Value DictSetDefault(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "dict.setdefault") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "setdefault", 1, 2)) return Value::Null();
  Value out;
  int r = DictGet(ts, Self(a), a.argv[1], &out);
  if (r < 0) return Value::Null();
  if (r) return out;
  Value dflt = a.nargs > 2 ? a.argv[2] : Value::None();
  return DictSet(ts, Self(a), a.argv[1], dflt) ? dflt : Value::Null();
}

Value DictPop(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "dict.pop") || !ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "pop", 1, 2)) return Value::Null();
  DictObject* d = Self(a);
  int64_t hash;
  if (!Hash(ts, a.argv[1], &hash)) return Value::Null();
  size_t slot;
  int64_t ix = Lookup(ts, d, a.argv[1], hash, &slot);
  if (ix == kError) return Value::Null();
  if (ix == kNotFound) return a.nargs > 2 ? a.argv[2] : RaiseKeyError(ts, a.argv[1]);
  Value v = d->entries[ix].value;
  RemoveAt(d, slot, ix);
  return v;
}

Value DictPopItem(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.popitem", 1, 1)) return Value::Null();
  DictObject* d = Self(a);
  if (d->used == 0) {
    Root msg(ts, NewStrValue(ts, "popitem(): dictionary is empty"));
    return RaiseKeyError(ts, msg.get());
  }
  while (d->entries.back().key.is_null()) d->entries.pop_back();
  DictObject::Entry e = d->entries.back();
  Root k(ts, e.key), v(ts, e.value);
  TupleObject* pair = NewTuple(ts, {e.key, e.value});
  size_t slot;
  int64_t ix = Lookup(ts, d, e.key, e.hash, &slot);  // identity match: never calls Python
  if (ix >= 0) RemoveAt(d, slot, ix);
  d->entries.pop_back();
  return Value::Obj(pair);
}

Value DictKeys(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.keys", 1, 1)) return Value::Null();
  return Value::Obj(NewDictView(ts, IterKind::kKeysView, Self(a)));
}
Value DictValues(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.values", 1, 1)) return Value::Null();
  return Value::Obj(NewDictView(ts, IterKind::kValuesView, Self(a)));
}
Value DictItems(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.items", 1, 1)) return Value::Null();
  return Value::Obj(NewDictView(ts, IterKind::kItemsView, Self(a)));
}

Value DictClearM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.clear", 1, 1)) return Value::Null();
  DictClear(Self(a));
  return Value::None();
}

Value DictCopy(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dict.copy", 1, 1)) return Value::Null();
  DictObject* copy = NewDict(ts);
  DictObject* d = Self(a);
  copy->entries = d->entries;
  copy->index = d->index;
  copy->used = d->used;
  return Value::Obj(copy);
}

// update(other=(), /, **kwargs)
bool UpdateFromArgs(ThreadState& ts, DictObject* d, const CallArgs& a, size_t first, const char* fname) {
  size_t npos = a.nargs - first;
  if (npos > 1) {
    RaiseTypeError(ts, absl::StrCat(fname, " expected at most 1 argument, got ", npos));
    return false;
  }
  if (npos == 1 && !DictUpdate(ts, d, a.argv[first])) return false;
  for (size_t k = 0; k < a.nkw(); ++k)
    if (!DictSet(ts, d, a.kwnames->items[k], a.kwvalue(k))) return false;
  return true;
}

Value DictUpdateM(ThreadState& ts, const CallArgs& a) {
  return UpdateFromArgs(ts, Self(a), a, 1, "update") ? Value::None() : Value::Null();
}

Value DictInit(ThreadState& ts, const CallArgs& a) {
  return UpdateFromArgs(ts, Self(a), a, 1, "dict") ? Value::None() : Value::Null();
}

Value DictNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "dict.__new__(X): X is not a type object");
  return Value::Obj(NewOfType<DictObject>(ts.interp.heap, As<TypeObject>(a.argv[0])));
}

Value DictFromKeys(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, CallArgs{a.argv + 1, a.nargs - 1, nullptr}, "fromkeys", 1, 2)) return Value::Null();
  Value value = a.nargs > 2 ? a.argv[2] : Value::None();
  Root d(ts, Call(ts, a.argv[0], nullptr, 0));
  if (d.get().is_null()) return Value::Null();
  Root it(ts, GetIter(ts, a.argv[1]));
  if (it.get().is_null()) return Value::Null();
  Root key(ts);
  for (;;) {
    Value k;
    int r = IterNext(ts, it.get(), &k);
    if (r < 0) return Value::Null();
    if (r == 0) return d.get();
    key.set(k);
    if (!SetItem(ts, d.get(), k, value)) return Value::Null();
  }
}

Value DictOr(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || !IsDict(a.argv[1])) return ts.interp.not_implemented;
  CallArgs none{a.argv, 1, nullptr};
  RootedPtr<DictObject> copy(ts, As<DictObject>(DictCopy(ts, none)));
  if (!MergeDict(ts, copy.get(), As<DictObject>(a.argv[1]))) return Value::Null();
  return Value::Obj(copy.get());
}

Value DictIor(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return ts.interp.not_implemented;
  if (!DictUpdate(ts, Self(a), a.argv[1])) return Value::Null();
  return a.argv[0];
}

}  // namespace

void InitDictType(Interpreter& in) {
  TypeObject* t = in.types.dict;
  AddMethod(in, t, "__repr__", DictRepr);
  AddMethod(in, t, "__len__", DictLen);
  AddMethod(in, t, "__getitem__", DictGetItemM);
  AddMethod(in, t, "__setitem__", DictSetItemM);
  AddMethod(in, t, "__delitem__", DictDelItemM);
  AddMethod(in, t, "__contains__", DictContains);
  AddMethod(in, t, "__iter__", DictIter);
  AddMethod(in, t, "__reversed__", DictReversed);
  AddMethod(in, t, "__eq__", DictEq);
  AddMethod(in, t, "__ne__", DictNe);
  AddMethod(in, t, "__or__", DictOr);
  AddMethod(in, t, "__ior__", DictIor);
  AddMethod(in, t, "__init__", DictInit);
  AddStaticMethod(in, t, "__new__", DictNew);
  AddMethod(in, t, "get", DictGetM);
  AddMethod(in, t, "setdefault", DictSetDefault);
  AddMethod(in, t, "pop", DictPop);
  AddMethod(in, t, "popitem", DictPopItem);
  AddMethod(in, t, "keys", DictKeys);
  AddMethod(in, t, "values", DictValues);
  AddMethod(in, t, "items", DictItems);
  AddMethod(in, t, "clear", DictClearM);
  AddMethod(in, t, "copy", DictCopy);
  AddMethod(in, t, "update", DictUpdateM);
  AddClassMethod(in, t, "fromkeys", DictFromKeys);
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

}  // namespace gilvm::vm
