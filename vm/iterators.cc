// The built-in iterators and dict views (see vm/iterators.h).
#include "vm/iterators.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/range.h"
#include "vm/set.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// CPython's names, in IterKind order.
constexpr const char* kTypeNames[] = {
    "list_iterator",  "list_reverseiterator", "tuple_iterator", "str_ascii_iterator", "range_iterator",
    "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "iterator", "enumerate",
    "zip", "map", "filter", "reversed", "dict_keys", "dict_values", "dict_items", "str_iterator",
    "dict_reversekeyiterator", "set_iterator", "callable_iterator",
};
static_assert(sizeof(kTypeNames) / sizeof(kTypeNames[0]) == static_cast<size_t>(IterKind::kCount));

}  // namespace

TypeObject* IteratorType(Interpreter& interp, IterKind k) {
  return interp.extra_types[interp.iterator_types_start + static_cast<size_t>(k)];
}

IteratorObject* NewIterator(ThreadState& ts, IterKind k, Value source) {
  IterKind type_kind = k;
  if (k == IterKind::kStr && !As<StrObject>(source)->ascii()) type_kind = IterKind::kStrNonAscii;
  auto* it = ts.interp.heap.New<IteratorObject>(IteratorType(ts.interp, type_kind), k, source);
  switch (k) {
    case IterKind::kListReverse: it->index = static_cast<int64_t>(As<ListObject>(source)->size()) - 1; break;
    case IterKind::kRange: {
      auto* r = As<RangeObject>(source);
      it->index = r->start;
      it->stop = r->length;
      it->step = r->step;
      it->source = Value::None();
      break;
    }
    case IterKind::kDictKeys:
    case IterKind::kDictValues:
    case IterKind::kDictItems: it->dict_used = As<DictObject>(source)->used; break;
    case IterKind::kDictReverseKeys:
      it->dict_used = As<DictObject>(source)->used;
      it->index = static_cast<int64_t>(As<DictObject>(source)->entries.size()) - 1;
      break;
    case IterKind::kSet: it->dict_used = As<SetObject>(source)->used; break;
    default: break;
  }
  return it;
}

IteratorObject* NewDictView(ThreadState& ts, IterKind k, DictObject* d) {
  return ts.interp.heap.New<IteratorObject>(IteratorType(ts.interp, k), k, Value::Obj(d));
}

namespace {

int Exhausted(IteratorObject* it) {
  it->source = Value::None();
  return 0;
}

int SeqNext(IteratorObject* it, std::span<const Value> items, Value* out) {
  if (it->index >= static_cast<int64_t>(items.size())) return Exhausted(it);
  *out = items[it->index++];
  return 1;
}

int StrNext(ThreadState& ts, IteratorObject* it, Value* out) {
  auto* s = As<StrObject>(it->source);
  size_t pos = static_cast<size_t>(it->index);  // a byte offset
  if (pos >= s->view().size()) return Exhausted(it);
  size_t len = 1;
  unsigned char c = static_cast<unsigned char>(s->view()[pos]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  it->index += static_cast<int64_t>(len);
  *out = NewStrValue(ts, std::string_view(s->view()).substr(pos, len));
  return 1;
}

int DictChanged(ThreadState& ts, IteratorObject* it) {
  it->dict_used = static_cast<size_t>(-1);  // keeps raising, as CPython's
  Raise(ts, ts.interp.exc.RuntimeError, "dictionary changed size during iteration");
  return -1;
}

int DictNext(ThreadState& ts, IteratorObject* it, Value* out) {
  if (it->source.is_none()) return 0;
  auto* d = As<DictObject>(it->source);
  if (d->used != it->dict_used) return DictChanged(ts, it);
  bool reverse = it->ikind == IterKind::kDictReverseKeys;
  for (;;) {
    if (it->index < 0 || it->index >= static_cast<int64_t>(d->entries.size())) return Exhausted(it);
    const DictObject::Entry& e = d->entries[it->index];
    it->index += reverse ? -1 : 1;
    if (e.key.is_null()) continue;
    if (it->ikind == IterKind::kDictValues) {
      *out = e.value;
    } else if (it->ikind == IterKind::kDictItems) {
      Value k = e.key, v = e.value;
      *out = Value::Obj(NewTuple(ts, {k, v}));
    } else {
      *out = e.key;
    }
    return 1;
  }
}

int SeqProtocolNext(ThreadState& ts, IteratorObject* it, Value* out) {
  if (it->source.is_none()) return 0;
  Value v = GetItem(ts, it->source, Value::Int(it->index));
  if (v.is_null()) {
    if (ExceptionMatches(ts, ts.interp.exc.IndexError) || ExceptionMatches(ts, ts.interp.exc.StopIteration)) {
      ClearException(ts);
      return Exhausted(it);
    }
    return -1;
  }
  ++it->index;
  *out = v;
  return 1;
}

int ReversedNext(ThreadState& ts, IteratorObject* it, Value* out) {
  if (it->source.is_none() || it->index < 0) return Exhausted(it);
  Value v = GetItem(ts, it->source, Value::Int(it->index));
  if (v.is_null()) {
    if (ExceptionMatches(ts, ts.interp.exc.IndexError) || ExceptionMatches(ts, ts.interp.exc.StopIteration)) {
      ClearException(ts);
      return Exhausted(it);
    }
    return -1;
  }
  --it->index;
  *out = v;
  return 1;
}

int EnumerateNext(ThreadState& ts, IteratorObject* it, Value* out) {
  Value v;
  int r = IterNext(ts, it->source, &v);
  if (r <= 0) return r;
  Root keep(ts, v);
  *out = Value::Obj(NewTuple(ts, {Value::Int(it->index++), v}));
  return 1;
}

Value ZipLengthError(ThreadState& ts, size_t i, bool longer) {
  std::string which = i == 1 ? "argument 1" : absl::StrCat("arguments 1-", i);
  return RaiseValueError(ts, absl::StrCat("zip() argument ", i + 1, " is ", longer ? "longer" : "shorter", " than ", which));
}

// zip(strict=True) found source i exhausted: the others must be exhausted too.
int ZipStrictEnd(ThreadState& ts, IteratorObject* it, size_t i) {
  if (i > 0) return ZipLengthError(ts, i, false), -1;
  for (size_t j = 1; j < it->sources.size(); ++j) {
    Value v;
    int r = IterNext(ts, it->sources[j], &v);
    if (r < 0) return -1;
    if (r > 0) return ZipLengthError(ts, j, true), -1;
  }
  return 0;
}

// The next item of every source into items; 0 when any source is exhausted.
int NextOfAll(ThreadState& ts, IteratorObject* it, RootedVector& items) {
  if (it->sources.empty()) return 0;
  for (size_t i = 0; i < it->sources.size(); ++i) {
    Value v;
    int r = IterNext(ts, it->sources[i], &v);
    if (r < 0) return -1;
    if (r == 0) {
      if (it->strict) return ZipStrictEnd(ts, it, i);
      return 0;
    }
    items.push_back(v);
  }
  return 1;
}

int ZipNext(ThreadState& ts, IteratorObject* it, Value* out) {
  RootedVector items(ts);
  int r = NextOfAll(ts, it, items);
  if (r <= 0) return r;
  *out = Value::Obj(NewTuple(ts, items.items()));
  return 1;
}

int MapNext(ThreadState& ts, IteratorObject* it, Value* out) {
  RootedVector items(ts);
  int r = NextOfAll(ts, it, items);
  if (r <= 0) return r;
  Value v = Call(ts, it->func, items.items().data(), items.size());
  if (v.is_null()) return -1;
  *out = v;
  return 1;
}

// iter(func, sentinel): calls func until it returns something equal to the sentinel (kept in
// `source`) or raises StopIteration; then drops both, so it stays exhausted.
int CallableNext(ThreadState& ts, IteratorObject* it, Value* out) {
  if (it->func.is_none()) return 0;
  Root v(ts, Call(ts, it->func, nullptr, 0));
  if (v.get().is_null()) {
    if (!ExceptionMatches(ts, ts.interp.exc.StopIteration)) return -1;
    ClearException(ts);
  } else {
    int eq = Equal(ts, v.get(), it->source);
    if (eq < 0) return -1;
    if (!eq) {
      *out = v.get();
      return 1;
    }
  }
  it->func = it->source = Value::None();
  return 0;
}

int FilterNext(ThreadState& ts, IteratorObject* it, Value* out) {
  Root item(ts);
  for (;;) {
    Value v;
    int r = IterNext(ts, it->source, &v);
    if (r <= 0) return r;
    item.set(v);
    int keep;
    if (it->func.is_none()) {
      keep = IsTrue(ts, v);
    } else {
      Root res(ts, Call(ts, it->func, &v, 1));
      if (res.get().is_null()) return -1;
      keep = IsTrue(ts, res.get());
    }
    if (keep < 0) return -1;
    if (keep) {
      *out = v;
      return 1;
    }
  }
}

}  // namespace

int BuiltinIterNext(ThreadState& ts, IteratorObject* it, Value* out) {
  switch (it->ikind) {
    case IterKind::kList:
      if (it->source.is_none()) return 0;
      return SeqNext(it, As<ListObject>(it->source)->items, out);
    case IterKind::kTuple:
      if (it->source.is_none()) return 0;
      return SeqNext(it, As<TupleObject>(it->source)->items, out);
    case IterKind::kListReverse: {
      if (it->source.is_none()) return 0;
      auto& items = As<ListObject>(it->source)->items;
      if (it->index < 0 || it->index >= static_cast<int64_t>(items.size())) return Exhausted(it);
      *out = items[it->index--];
      return 1;
    }
    case IterKind::kStr:
      if (it->source.is_none()) return 0;
      return StrNext(ts, it, out);
    case IterKind::kRange:
      if (it->stop <= 0) return 0;
      *out = Value::Int(it->index);
      --it->stop;
      if (it->stop > 0) it->index += it->step;  // never steps past the last item: no overflow
      return 1;
    case IterKind::kDictKeys:
    case IterKind::kDictValues:
    case IterKind::kDictItems:
    case IterKind::kDictReverseKeys: return DictNext(ts, it, out);
    case IterKind::kSeq: return SeqProtocolNext(ts, it, out);
    case IterKind::kReversed: return ReversedNext(ts, it, out);
    case IterKind::kEnumerate: return EnumerateNext(ts, it, out);
    case IterKind::kZip: return ZipNext(ts, it, out);
    case IterKind::kMap: return MapNext(ts, it, out);
    case IterKind::kFilter: return FilterNext(ts, it, out);
    case IterKind::kSet: return SetIterNext(ts, it, out);
    case IterKind::kCallable: return CallableNext(ts, it, out);
    default: break;
  }
  RaiseTypeError(ts, absl::StrCat("'", it->type->name, "' object is not an iterator"));
  return -1;
}

// ---------------------------------------------------------------------------------------------
// methods

namespace {

IteratorObject* Self(const CallArgs& a) { return As<IteratorObject>(a.argv[0]); }

Value IterSelf(ThreadState& ts, const CallArgs& a) { return a.argv[0]; }

Value IterNextM(ThreadState& ts, const CallArgs& a) {
  Value out;
  int r = BuiltinIterNext(ts, Self(a), &out);
  if (r > 0) return out;
  if (r == 0) return RaiseNoArgs(ts, ts.interp.exc.StopIteration);
  return Value::Null();
}

Value StrIter(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewIterator(ts, IterKind::kStr, a.argv[0])); }

DictObject* ViewDict(const CallArgs& a) { return As<DictObject>(Self(a)->source); }

Value ViewLen(ThreadState& ts, const CallArgs& a) { return Value::Int(static_cast<int64_t>(ViewDict(a)->size())); }

Value ViewIter(ThreadState& ts, const CallArgs& a) {
  IterKind k = Self(a)->ikind == IterKind::kKeysView     ? IterKind::kDictKeys
               : Self(a)->ikind == IterKind::kValuesView ? IterKind::kDictValues
                                                          : IterKind::kDictItems;
  return Value::Obj(NewIterator(ts, k, Self(a)->source));
}

Value ViewReversed(ThreadState& ts, const CallArgs& a) {
  if (Self(a)->ikind != IterKind::kKeysView) return RaiseTypeError(ts, "reversed() of this view is not supported");
  return Value::Obj(NewIterator(ts, IterKind::kDictReverseKeys, Self(a)->source));
}

// Every item of the view, in order (keys, values or (key, value) tuples).
bool ViewItems(ThreadState& ts, const CallArgs& a, RootedVector& out) {
  Root it(ts, ViewIter(ts, a));
  return CollectIterable(ts, it.get(), out);
}

Value ViewRepr(ThreadState& ts, const CallArgs& a) {
  ReprGuard guard(ts, Self(a));
  if (!guard.entered()) return NewStrValue(ts, "...");
  RootedVector items(ts);
  if (!ViewItems(ts, a, items)) return Value::Null();
  Root list(ts, Value::Obj(NewList(ts, items.items())));
  std::string inner;
  if (!ReprString(ts, list.get(), &inner)) return Value::Null();
  return NewStrValue(ts, absl::StrCat(Self(a)->type->name, "(", inner, ")"));
}

Value ViewContains(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return RaiseTypeError(ts, "__contains__ expected 1 argument");
  DictObject* d = ViewDict(a);
  Value x = a.argv[1];
  switch (Self(a)->ikind) {
    case IterKind::kKeysView: {
      Value out;
      int r = DictGet(ts, d, x, &out);
      return r < 0 ? Value::Null() : Value::Bool(r);
    }
    case IterKind::kItemsView: {
      if (!IsTuple(x) || As<TupleObject>(x)->size() != 2) return Value::Bool(false);
      Value out;
      int r = DictGet(ts, d, As<TupleObject>(x)->items[0], &out);
      if (r <= 0) return r < 0 ? Value::Null() : Value::Bool(false);
      Root keep(ts, out);
      int eq = Equal(ts, out, As<TupleObject>(x)->items[1]);
      return eq < 0 ? Value::Null() : Value::Bool(eq);
    }
    default: {
      Root it(ts, ViewIter(ts, a));
      Value owner = it.get();
      int r = Contains(ts, owner, x);
      return r < 0 ? Value::Null() : Value::Bool(r);
    }
  }
}

// keys and items views compare as sets: same size and every item of one is in the other.
Value ViewEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 || Self(a)->ikind == IterKind::kValuesView) return ts.interp.not_implemented;
  Value other = a.argv[1];
  if (!IsObjectOfKind(other, Kind::kIterator) || As<IteratorObject>(other)->ikind == IterKind::kValuesView ||
      !As<IteratorObject>(other)->is_view())
    return ts.interp.not_implemented;
  Root keep(ts, other);
  int64_t n = Length(ts, other);
  if (n < 0) return Value::Null();
  if (n != static_cast<int64_t>(ViewDict(a)->size())) return Value::Bool(false);
  RootedVector items(ts);
  if (!ViewItems(ts, a, items)) return Value::Null();
  for (size_t i = 0; i < items.size(); ++i) {
    int r = Contains(ts, other, items[i]);
    if (r <= 0) return r < 0 ? Value::Null() : Value::Bool(false);
  }
  return Value::Bool(true);
}

void AddIteratorMethods(Interpreter& in, TypeObject* t) {
  AddMethod(in, t, "__iter__", IterSelf);
  AddMethod(in, t, "__next__", IterNextM);
}

void AddViewMethods(Interpreter& in, TypeObject* t) {
  AddMethod(in, t, "__len__", ViewLen);
  AddMethod(in, t, "__iter__", ViewIter);
  AddMethod(in, t, "__reversed__", ViewReversed);
  AddMethod(in, t, "__repr__", ViewRepr);
  AddMethod(in, t, "__contains__", ViewContains);
  AddMethod(in, t, "__eq__", ViewEq);
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

}  // namespace

void InitIteratorTypes(Interpreter& in) {
  in.iterator_types_start = in.extra_types.size();  // NewBuiltinType appends each type there
  for (int k = 0; k < static_cast<int>(IterKind::kCount); ++k) {
    TypeObject* t = NewBuiltinType(in, kTypeNames[k], nullptr, Kind::kIterator);
    t->subclassable = false;
    auto kind = static_cast<IterKind>(k);
    bool view = kind >= IterKind::kKeysView && kind <= IterKind::kItemsView;
    if (view) AddViewMethods(in, t);
    else AddIteratorMethods(in, t);
  }
  AddMethod(in, in.types.str, "__iter__", StrIter);
}

}  // namespace gilvm::vm
