#include "vm/match.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/interpreter.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// The standard library's classes written in Python that CPython marks as sequences or
// mappings for pattern matching (its Py_TPFLAGS_SEQUENCE / _MAPPING).
bool HasStdlibBase(const TypeObject* t, const char* module, std::initializer_list<const char*> names) {
  for (const TypeObject* m : t->mro) {
    if (m->module != module) continue;
    for (const char* n : names)
      if (m->name == n) return true;
  }
  return false;
}

bool IsTypeValue(Value v) { return IsObjectOfKind(v, Kind::kType); }

// The built-in types whose instances a single positional sub-pattern matches whole:
// `case int(x)` binds the subject itself.
bool MatchesSelf(Interpreter& in, TypeObject* cls) {
  BuiltinTypes& t = in.types;
  for (TypeObject* b : {t.int_, t.float_, t.str, t.bytes, t.bytearray, t.list, t.tuple, t.dict, t.set, t.frozenset})
    if (cls->IsSubtypeOf(b)) return true;
  return cls->IsSubtypeOf(t.bool_);
}

// Fetches one attribute for a class pattern; Null without an exception when it is missing.
Value ClassAttr(ThreadState& ts, Value subject, TypeObject* cls, Value name, std::vector<std::string>& seen) {
  const std::string& text = As<StrObject>(name)->str();
  for (const auto& s : seen) {
    if (s == text) {
      Root r(ts, Repr(ts, name));
      if (r.get().is_null()) return Value::Null();
      return RaiseTypeError(ts, absl::StrCat(cls->name, "() got multiple sub-patterns for attribute ",
                                             As<StrObject>(r.get())->str()));
    }
  }
  seen.push_back(text);
  RootedPtr<StrObject> key(ts, Intern(ts.interp, text));
  return GetAttrOrNull(ts, subject, key.get());
}

}  // namespace

bool IsMatchSequence(ThreadState& ts, Value v) {
  if (!v.is_object()) return false;
  switch (v.as_object()->kind) {
    case Kind::kList:
    case Kind::kTuple:
    case Kind::kRange: return true;
    default: break;
  }
  const TypeObject* t = v.as_object()->type;
  return HasStdlibBase(t, "collections", {"deque", "_TupleBase"}) || HasStdlibBase(t, "array", {"array"});
}

bool IsMatchMapping(ThreadState& ts, Value v) {
  if (IsObjectOfKind(v, Kind::kDict)) return true;
  if (!v.is_object()) return false;
  return HasStdlibBase(v.as_object()->type, "collections", {"_DictLike", "ChainMap"});
}

Value MatchKeys(ThreadState& ts, Value subject, Value keys) {
  auto* k = As<TupleObject>(keys);
  if (k->size() == 0) return Value::Obj(NewTuple(ts, {}));
  RootedPtr<DictObject> seen(ts, NewDict(ts));
  RootedVector values(ts);
  Root get(ts);
  bool exact_dict = IsObjectOfKind(subject, Kind::kDict) && subject.as_object()->type == ts.interp.types.dict;
  if (!exact_dict) {
    get.set(GetAttr(ts, subject, Intern(ts.interp, "get")));
    if (get.get().is_null()) return Value::Null();
  }
  // A fresh object no mapping can hold marks "missing" for `get`.
  Root missing(ts, Value::Obj(NewTuple(ts, {Value::None()})));
  for (size_t i = 0; i < k->size(); ++i) {
    Value key = k->items[i];
    Value dummy;
    int dup = DictGet(ts, seen.get(), key, &dummy);
    if (dup < 0) return Value::Null();
    if (dup > 0) {
      Root r(ts, Repr(ts, key));
      if (r.get().is_null()) return Value::Null();
      return Raise(ts, ts.interp.exc.ValueError,
                   absl::StrCat("mapping pattern checks duplicate key (", As<StrObject>(r.get())->str(), ")"));
    }
    if (!DictSet(ts, seen.get(), key, Value::None())) return Value::Null();
    Value v;
    if (exact_dict) {
      int found = DictGet(ts, As<DictObject>(subject), key, &v);
      if (found < 0) return Value::Null();
      if (found == 0) return Value::None();
    } else {
      Value argv[2] = {key, missing.get()};
      v = Call(ts, get.get(), argv, 2);
      if (v.is_null()) return Value::Null();
      if (v.Is(missing.get())) return Value::None();
    }
    values.push_back(v);
  }
  return Value::Obj(NewTuple(ts, values.items()));
}

Value CopyDictWithoutKeys(ThreadState& ts, Value subject, Value keys) {
  Value arg = subject;
  Root copy(ts, Call(ts, Value::Obj(ts.interp.types.dict), &arg, 1));
  if (copy.get().is_null()) return Value::Null();
  auto* k = As<TupleObject>(keys);
  for (size_t i = 0; i < k->size(); ++i)
    if (DictDel(ts, copy.as<DictObject>(), k->items[i]) < 0) return Value::Null();
  return copy.get();
}

Value MatchClass(ThreadState& ts, Value subject, Value cls_value, Value names, size_t npos) {
  if (!IsTypeValue(cls_value)) return RaiseTypeError(ts, "called match pattern must be a type");
  auto* cls = As<TypeObject>(cls_value);
  int is = IsInstance(ts, subject, cls) ? 1 : 0;
  if (ts.exc) return Value::Null();
  if (!is) return Value::None();
  RootedVector attrs(ts);
  std::vector<std::string> seen;
  if (npos > 0) {
    Root match_args(ts, LookupInType(cls, Intern(ts.interp, "__match_args__")));
    bool match_self = false;
    size_t allowed;
    if (!match_args.get().is_null()) {
      if (!IsObjectOfKind(match_args.get(), Kind::kTuple))
        return RaiseTypeError(ts, absl::StrCat(cls->name, ".__match_args__ must be a tuple (got ",
                                               TypeName(ts, match_args.get()), ")"));
      allowed = match_args.as<TupleObject>()->size();
    } else {
      match_self = MatchesSelf(ts.interp, cls);
      allowed = match_self ? 1 : 0;
    }
    if (allowed < npos)
      return RaiseTypeError(ts, absl::StrCat(cls->name, "() accepts ", allowed, " positional sub-pattern",
                                             allowed == 1 ? "" : "s", " (", npos, " given)"));
    if (match_self) {
      attrs.push_back(subject);
    } else {
      for (size_t i = 0; i < npos; ++i) {
        Value name = match_args.as<TupleObject>()->items[i];
        if (!IsObjectOfKind(name, Kind::kStr))
          return RaiseTypeError(ts, absl::StrCat("__match_args__ elements must be strings (got ", TypeName(ts, name), ")"));
        Value v = ClassAttr(ts, subject, cls, name, seen);
        if (v.is_null()) return ts.exc ? Value::Null() : Value::None();
        attrs.push_back(v);
      }
    }
  }
  auto* kw = As<TupleObject>(names);
  for (size_t i = 0; i < kw->size(); ++i) {
    Value v = ClassAttr(ts, subject, cls, kw->items[i], seen);
    if (v.is_null()) return ts.exc ? Value::Null() : Value::None();
    attrs.push_back(v);
  }
  return Value::Obj(NewTuple(ts, attrs.items()));
}

}  // namespace gilvm::vm
