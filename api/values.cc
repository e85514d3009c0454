// The embedding API's values: Ref, Scope, Object, and script exceptions as absl::Status.
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "api/core.h"
#include "vm/bytes.h"
#include "vm/codecs.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/traceback.h"
#include "vm/tuple.h"

namespace gilvm {

namespace {
constexpr char kTypePayload[] = "gilvm.dev/exception-type";
constexpr char kTracebackPayload[] = "gilvm.dev/traceback";

std::string Payload(const absl::Status& status, const char* url) {
  auto p = status.GetPayload(url);
  return p ? std::string(*p) : std::string();
}

// The Status code of an exception type by name (gilvm.h, "Errors"). Both directions use it: a
// host's Error("KeyError", ...) and a script's own KeyError carry the same code.
absl::StatusCode CodeForName(std::string_view type) {
  static constexpr std::pair<std::string_view, absl::StatusCode> kCodes[] = {
      {"SyntaxError", absl::StatusCode::kInvalidArgument},
      {"ValueError", absl::StatusCode::kInvalidArgument},
      {"TypeError", absl::StatusCode::kInvalidArgument},
      {"IndexError", absl::StatusCode::kOutOfRange},
      {"KeyError", absl::StatusCode::kNotFound},
      {"LookupError", absl::StatusCode::kNotFound},
      {"FileNotFoundError", absl::StatusCode::kNotFound},
      {"ModuleNotFoundError", absl::StatusCode::kNotFound},
      {"PermissionError", absl::StatusCode::kPermissionDenied},
      {"NotImplementedError", absl::StatusCode::kUnimplemented},
      {"TimeoutError", absl::StatusCode::kDeadlineExceeded},
      {"MemoryError", absl::StatusCode::kResourceExhausted},
      {"RecursionError", absl::StatusCode::kResourceExhausted},
      {"KeyboardInterrupt", absl::StatusCode::kCancelled},
      {"SystemExit", absl::StatusCode::kAborted},
  };
  for (const auto& [name, code] : kCodes) {
    if (name == type) return code;
  }
  return absl::StatusCode::kUnknown;
}

// A script exception's code: that of the nearest class in its MRO the table names, so a
// subclass of KeyError is kNotFound and ZeroDivisionError (nothing named above it) kUnknown.
absl::StatusCode CodeFor(vm::Interpreter& in, vm::TypeObject* t) {
  if (t == in.limits.exc_type) {
    return in.limits.tripped.load() == vm::ScriptLimits::kTime ? absl::StatusCode::kDeadlineExceeded
                                                               : absl::StatusCode::kResourceExhausted;
  }
  for (vm::TypeObject* base : t->mro) {
    if (!base->module.empty() && base->module != "builtins") continue;
    absl::StatusCode code = CodeForName(base->name);
    if (code != absl::StatusCode::kUnknown) return code;
  }
  return absl::StatusCode::kUnknown;
}
}  // namespace

std::string ErrorType(const absl::Status& status) { return Payload(status, kTypePayload); }
std::string ErrorTraceback(const absl::Status& status) { return Payload(status, kTracebackPayload); }

absl::Status Error(std::string_view type, std::string_view message) {
  absl::StatusCode code = CodeForName(type);
  absl::Status st(code, std::string(message));
  st.SetPayload(kTypePayload, absl::Cord(std::string(type)));
  return st;
}

namespace detail {

std::string QualifiedTypeName(vm::TypeObject* type) {
  if (type->module == "builtins" || type->module.empty()) return type->qualname;
  return absl::StrCat(type->module, ".", type->qualname);
}

Ref ScopeImpl::Add(vm::Value v) {
  temps->push_back(v);
  return Ref(this, static_cast<uint32_t>(temps->size() - 1), generation);
}

ScopeImpl* ScopeImpl::Of(const Ref& r) {
  ScopeImpl* s = r.scope_;
  if (s == nullptr) Misuse("an empty Ref was used");
  if (!s->active || s->generation != r.generation_) Misuse("a Ref was used after its host call or Scope ended");
  if (s->owner != std::this_thread::get_id()) Misuse("a Ref was used on another thread than its Scope's");
  if (!s->att->holds_gil) Misuse("a Ref was used while the GIL is released (inside a GilReleaseGuard)");
  return s;
}

vm::Value ScopeImpl::Get(const Ref& r) { return (*Of(r)->temps)[r.index_]; }

absl::Status ScopeImpl::TakeError() {
  vm::ExceptionObject* exc = vm::FetchException(*ts);
  if (exc == nullptr) return absl::OkStatus();
  vm::ThreadState& t = *ts;
  vm::RootedPtr<vm::ExceptionObject> root(t, exc);
  std::string type = QualifiedTypeName(exc->type);
  std::string text;
  if (!vm::StrString(t, vm::Value::Obj(exc), &text)) vm::ClearException(t);
  std::string traceback = vm::FormatException(t, exc);
  if (t.exc != nullptr) vm::ClearException(t);
  t.handled_exc = vm::Value::None();
  absl::Status st(CodeFor(t.interp, exc->type), text.empty() ? type : absl::StrCat(type, ": ", text));
  st.SetPayload(kTypePayload, absl::Cord(type));
  st.SetPayload(kTracebackPayload, absl::Cord(traceback));
  return st;
}

Object ScopeImpl::MakeObject(Core* core, vm::Value v) { return Object(core->shared_from_this(), core->NewSlot(v)); }

std::string Mismatch(const char* expected, Ref got) { return absl::StrCat(" must be ", expected, ", not ", got.type_name()); }

Ref RaiseTypeError(Scope& s, std::string message) {
  vm::RaiseTypeError(*ScopeImpl::Of(s)->ts, message);
  return Ref();
}

Ref RaiseStatus(Scope& s, const absl::Status& status) {
  vm::ThreadState& ts = *ScopeImpl::Of(s)->ts;
  vm::Interpreter& in = ts.interp;
  std::string type = ErrorType(status);
  vm::TypeObject* exc_type = nullptr;
  if (!type.empty()) {
    vm::Value t = vm::DictGetStr(in.builtins, vm::Intern(in, type));
    if (vm::IsObjectOfKind(t, vm::Kind::kType) && vm::As<vm::TypeObject>(t)->IsSubtypeOf(in.exc.BaseException))
      exc_type = vm::As<vm::TypeObject>(t);
  }
  if (exc_type == nullptr) {
    switch (status.code()) {
      case absl::StatusCode::kInvalidArgument: exc_type = in.exc.ValueError; break;
      case absl::StatusCode::kNotFound: exc_type = in.exc.LookupError; break;
      case absl::StatusCode::kOutOfRange: exc_type = in.exc.IndexError; break;
      case absl::StatusCode::kPermissionDenied: exc_type = in.exc.PermissionError; break;
      case absl::StatusCode::kUnimplemented: exc_type = in.exc.NotImplementedError; break;
      case absl::StatusCode::kDeadlineExceeded: exc_type = in.exc.TimeoutError; break;
      case absl::StatusCode::kResourceExhausted: exc_type = in.exc.MemoryError; break;
      default: exc_type = in.exc.RuntimeError; break;
    }
  }
  // A Status made from a script exception already says "Type: "; raise just its message.
  std::string message_text(status.message());
  std::string_view message = message_text;
  if (!type.empty() && message.starts_with(type + ": ")) message.remove_prefix(type.size() + 2);
  vm::Raise(ts, exc_type, message);
  return Ref();
}

Ref RaiseCurrentException(Scope& s, const std::string& function) {
  try {
    throw;
  } catch (const ScriptError& e) {
    return RaiseStatus(s, Error(e.type(), e.what()));
  } catch (const std::invalid_argument& e) {
    return RaiseStatus(s, Error("ValueError", e.what()));
  } catch (const std::domain_error& e) {
    return RaiseStatus(s, Error("ValueError", e.what()));
  } catch (const std::out_of_range& e) {
    return RaiseStatus(s, Error("IndexError", e.what()));
  } catch (const std::bad_alloc&) {
    vm::RaiseMemoryError(*ScopeImpl::Of(s)->ts);
    return Ref();
  } catch (const std::exception& e) {
    return RaiseStatus(s, Error("RuntimeError", e.what()));
  } catch (...) {
    return RaiseStatus(s, Error("RuntimeError", absl::StrCat("unknown C++ exception in ", function, "()")));
  }
}

bool CheckArity(Scope& s, const Args& args, size_t min, size_t max) {
  const std::string& f = args.function_name();
  if (!args.keywords().empty()) {
    RaiseTypeError(s, absl::StrCat(f, "() takes no keyword arguments"));
    return false;
  }
  size_t n = args.size();
  if (n >= min && n <= max) return true;
  auto count = [](size_t k) { return k == 1 ? std::string("one argument") : absl::StrCat(k, " arguments"); };
  if (min == max && max == 0) RaiseTypeError(s, absl::StrCat(f, "() takes no arguments (", n, " given)"));
  else if (min == max) RaiseTypeError(s, absl::StrCat(f, "() takes exactly ", count(min), " (", n, " given)"));
  else if (n < min) RaiseTypeError(s, absl::StrCat(f, "() takes at least ", count(min), " (", n, " given)"));
  else RaiseTypeError(s, absl::StrCat(f, "() takes at most ", count(max), " (", n, " given)"));
  return false;
}

Args DropFirst(const Args& args) {
  Args rest = args;
  std::vector<Ref>& pos = ScopeImpl::Positional(rest);
  if (!pos.empty()) pos.erase(pos.begin());
  return rest;
}

}  // namespace detail

using detail::ScopeImpl;

// ---------------------------------------------------------------------------------------------
// Ref

Ref::Kind Ref::kind() const {
  vm::Value v = ScopeImpl::Get(*this);
  vm::Interpreter& in = scope_->ts->interp;
  switch (v.tag()) {
    case vm::Tag::kNone: return Kind::kNone;
    case vm::Tag::kBool: return Kind::kBool;
    case vm::Tag::kInt: return Kind::kInt;
    case vm::Tag::kFloat: return Kind::kFloat;
    case vm::Tag::kNull: return Kind::kNone;
    case vm::Tag::kObject: break;
  }
  vm::TypeObject* t = v.as_object()->type;
  if (t->IsSubtypeOf(in.types.str)) return Kind::kStr;
  if (t->IsSubtypeOf(in.types.bytes) || t->IsSubtypeOf(in.types.bytearray)) return Kind::kBytes;
  if (t->IsSubtypeOf(in.types.list)) return Kind::kList;
  if (t->IsSubtypeOf(in.types.tuple)) return Kind::kTuple;
  if (t->IsSubtypeOf(in.types.dict)) return Kind::kDict;
  if (t->IsSubtypeOf(in.types.int_)) return Kind::kInt;
  return Kind::kOther;
}

std::string Ref::type_name() const {
  vm::Value v = ScopeImpl::Get(*this);
  return vm::TypeName(*scope_->ts, v);
}

bool Ref::GetBool(bool* out) const {
  vm::Value v = ScopeImpl::Get(*this);
  if (!v.is_bool()) return false;
  *out = v.as_bool();
  return true;
}

bool Ref::GetInt(int64_t* out) const {
  vm::Value v = ScopeImpl::Get(*this);
  if (!v.is_intlike()) return false;
  *out = v.as_int();
  return true;
}

bool Ref::GetDouble(double* out) const {
  vm::Value v = ScopeImpl::Get(*this);
  if (v.is_float()) *out = v.as_float();
  else if (v.is_intlike()) *out = static_cast<double>(v.as_int());
  else return false;
  return true;
}

bool Ref::GetString(std::string* out) const {
  vm::Value v = ScopeImpl::Get(*this);
  if (!vm::IsObjectOfKind(v, vm::Kind::kStr)) return false;
  *out = vm::As<vm::StrObject>(v)->view();
  return true;
}

bool Ref::GetBytes(std::string* out) const {
  vm::Value v = ScopeImpl::Get(*this);
  if (!vm::IsObjectOfKind(v, vm::Kind::kBytes) && !vm::IsObjectOfKind(v, vm::Kind::kByteArray)) return false;
  const std::string& data = vm::As<vm::BytesObject>(v)->data;
  out->assign(data.begin(), data.end());
  return true;
}

size_t Ref::size() const {
  vm::Value v = ScopeImpl::Get(*this);
  if (vm::IsObjectOfKind(v, vm::Kind::kList)) return vm::As<vm::ListObject>(v)->size();
  if (vm::IsObjectOfKind(v, vm::Kind::kTuple)) return vm::As<vm::TupleObject>(v)->size();
  if (vm::IsObjectOfKind(v, vm::Kind::kDict)) return vm::As<vm::DictObject>(v)->size();
  return 0;
}

Ref Ref::item(size_t i) const {
  vm::Value v = ScopeImpl::Get(*this);
  bool sequence = vm::IsObjectOfKind(v, vm::Kind::kList) || vm::IsObjectOfKind(v, vm::Kind::kTuple);
  if (!sequence || i >= vm::SequenceItems(v).size())
    detail::Misuse("Ref::item on a value that is not a list or tuple, or past its end");
  return scope_->Add(vm::SequenceItems(v)[i]);
}

std::vector<std::pair<Ref, Ref>> Ref::items() const {
  vm::Value v = ScopeImpl::Get(*this);
  std::vector<std::pair<Ref, Ref>> out;
  if (!vm::IsObjectOfKind(v, vm::Kind::kDict)) return out;
  // Adding to the scope never runs script code, so the dict cannot change while we walk it.
  for (const vm::DictObject::Entry& e : vm::As<vm::DictObject>(v)->entries) {
    if (e.key.is_null()) continue;
    Ref k = scope_->Add(e.key);
    out.emplace_back(k, scope_->Add(e.value));
  }
  return out;
}

absl::StatusOr<std::string> Ref::Repr() const {
  vm::Value v = ScopeImpl::Get(*this);
  std::string out;
  if (!vm::ReprString(*scope_->ts, v, &out)) return scope_->TakeError();
  return out;
}

absl::StatusOr<std::string> Ref::Str() const {
  vm::Value v = ScopeImpl::Get(*this);
  std::string out;
  if (!vm::StrString(*scope_->ts, v, &out)) return scope_->TakeError();
  return out;
}

Object Ref::Keep() const {
  vm::Value v = ScopeImpl::Get(*this);
  return ScopeImpl::MakeObject(scope_->core, v);
}

// ---------------------------------------------------------------------------------------------
// Scope

Ref Scope::None() { return impl_->Add(vm::Value::None()); }
Ref Scope::Bool(bool v) { return impl_->Add(vm::Value::Bool(v)); }
Ref Scope::Int(int64_t v) { return impl_->Add(vm::Value::Int(v)); }
Ref Scope::Float(double v) { return impl_->Add(vm::Value::Float(v)); }

Ref Scope::Str(std::string_view utf8) {
  vm::ThreadState& ts = *impl_->ts;
  std::string checked;
  if (!vm::DecodeBytes(ts, utf8, "utf-8", "strict", &checked)) return impl_->Add(vm::Value::None());
  return impl_->Add(vm::NewStrValue(ts, checked));
}

Ref Scope::Bytes(std::string_view data) {
  vm::ThreadState& ts = *impl_->ts;
  return impl_->Add(vm::Value::Obj(vm::NewBytes(ts, std::string(data))));
}

Ref Scope::NewList() { return impl_->Add(vm::Value::Obj(vm::NewList(*impl_->ts))); }

void Scope::Append(Ref list, Ref item) {
  vm::Value l = ScopeImpl::Get(list);
  if (!vm::IsObjectOfKind(l, vm::Kind::kList)) detail::Misuse("Scope::Append to a value that is not a list");
  vm::As<vm::ListObject>(l)->items.push_back(ScopeImpl::Get(item));
}

Ref Scope::NewTuple(const std::vector<Ref>& items) {
  std::vector<vm::Value> values;
  values.reserve(items.size());
  for (const Ref& r : items) values.push_back(ScopeImpl::Get(r));
  return impl_->Add(vm::Value::Obj(vm::NewTuple(*impl_->ts, std::move(values))));
}

Ref Scope::NewDict() { return impl_->Add(vm::Value::Obj(vm::NewDict(*impl_->ts))); }

void Scope::SetItem(Ref dict, Ref key, Ref value) {
  vm::Value d = ScopeImpl::Get(dict);
  if (!vm::IsObjectOfKind(d, vm::Kind::kDict)) detail::Misuse("Scope::SetItem on a value that is not a dict");
  vm::DictSet(*impl_->ts, vm::As<vm::DictObject>(d), ScopeImpl::Get(key), ScopeImpl::Get(value));  // may raise: unhashable
}

absl::StatusOr<Ref> Scope::Get(const Object& handle) {
  detail::Slot* slot = ScopeImpl::SlotOf(handle);
  if (slot == nullptr) return absl::InvalidArgumentError("gilvm: empty Object handle");
  if (ScopeImpl::CoreOf(handle) != impl_->core)
    return absl::InvalidArgumentError("gilvm: an Object handle of another interpreter");
  return impl_->Add(slot->value);
}

absl::StatusOr<Ref> Scope::Call(Ref callable, const std::vector<Ref>& args) {
  vm::Value f = ScopeImpl::Get(callable);
  std::vector<vm::Value> argv;
  argv.reserve(args.size());
  for (const Ref& a : args) argv.push_back(ScopeImpl::Get(a));
  // The arguments stay rooted by this scope's temporaries for the whole call.
  vm::Value r = vm::Call(*impl_->ts, f, argv.data(), argv.size());
  if (r.is_null()) return impl_->TakeError();
  return impl_->Add(r);
}

absl::StatusOr<Ref> Scope::GetAttr(Ref obj, std::string_view name) {
  vm::ThreadState& ts = *impl_->ts;
  vm::Value r = vm::GetAttr(ts, ScopeImpl::Get(obj), vm::Intern(ts.interp, name));
  if (r.is_null()) return impl_->TakeError();
  return impl_->Add(r);
}

absl::Status Scope::SetAttr(Ref obj, std::string_view name, Ref value) {
  vm::ThreadState& ts = *impl_->ts;
  if (!vm::SetAttr(ts, ScopeImpl::Get(obj), vm::Intern(ts.interp, name), ScopeImpl::Get(value))) return impl_->TakeError();
  return absl::OkStatus();
}

absl::StatusOr<Ref> Scope::GetItem(Ref container, Ref key) {
  vm::Value r = vm::GetItem(*impl_->ts, ScopeImpl::Get(container), ScopeImpl::Get(key));
  if (r.is_null()) return impl_->TakeError();
  return impl_->Add(r);
}

absl::StatusOr<Ref> Scope::Global(std::string_view name) { return detail::MainGlobal(*this, name); }

Ref Scope::Raise(const absl::Status& error) {
  if (error.ok()) return detail::RaiseStatus(*this, Error("SystemError", "Scope::Raise() was given an OK status"));
  return detail::RaiseStatus(*this, error);
}

bool Scope::failed() const { return impl_->ts->exc != nullptr; }
absl::Status Scope::TakeError() { return impl_->TakeError(); }

Ref Convert<Object>::ToScript(Scope& s, const Object& v) {
  absl::StatusOr<Ref> r = s.Get(v);
  if (r.ok()) return *r;
  detail::RaiseStatus(s, Error("TypeError", std::string(r.status().message())));
  return s.None();
}

// ---------------------------------------------------------------------------------------------
// Object

Object::Object(const Object& other) : core_(other.core_), slot_(other.slot_) {
  if (slot_ != nullptr) slot_->refs.fetch_add(1);
}

Object::Object(Object&& other) noexcept : core_(std::move(other.core_)), slot_(other.slot_) { other.slot_ = nullptr; }

Object& Object::operator=(Object other) noexcept {
  std::swap(core_, other.core_);
  std::swap(slot_, other.slot_);
  return *this;
}

Object::~Object() {
  if (slot_ != nullptr) core_->Release(slot_);
}

namespace {
// Some text about a handle's value, computed in a scope: its type name, repr or str.
absl::StatusOr<std::string> TextOf(const std::shared_ptr<detail::Core>& core, const Object& handle,
                                   absl::StatusOr<std::string> (*text)(const Ref&)) {
  absl::StatusOr<std::string> out = absl::UnknownError("");
  absl::Status st = detail::RunInScope(core, [&](Scope& s) -> absl::Status {
    absl::StatusOr<Ref> r = s.Get(handle);
    if (!r.ok()) return r.status();
    out = text(*r);
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return out;
}
}  // namespace

absl::StatusOr<std::string> Object::type_name() const {
  return TextOf(core_, *this, [](const Ref& r) -> absl::StatusOr<std::string> { return r.type_name(); });
}
absl::StatusOr<std::string> Object::Repr() const {
  return TextOf(core_, *this, [](const Ref& r) { return r.Repr(); });
}
absl::StatusOr<std::string> Object::Str() const {
  return TextOf(core_, *this, [](const Ref& r) { return r.Str(); });
}

}  // namespace gilvm
