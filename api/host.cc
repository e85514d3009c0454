// The embedding API's host side: host functions, bound C++ classes and host modules.
#include <optional>

#include "absl/strings/str_cat.h"
#include "api/core.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/function.h"
#include "vm/host.h"
#include "vm/instance.h"
#include "vm/native.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm {
namespace detail {

namespace {

// A host function as the VM calls it: the script's arguments become Refs of a new scope on the
// calling thread, which is attached to the interpreter for the call if it was not (a script
// thread calling the host).
class HostNative : public vm::HostCallable {
 public:
  HostNative(Core* core, std::string name, std::unique_ptr<HostFunction> fn)
      : core_(core), name_(std::move(name)), fn_(std::move(fn)) {}

  vm::Value Call(vm::ThreadState& ts, const vm::CallArgs& args) override {
    Attachment* att = FindAttachment(core_);
    std::optional<Borrowed> borrowed;
    if (att == nullptr || att->ts != &ts) att = &borrowed.emplace(core_, ts)->att;
    vm::Value result;
    {
      ScopedScope scoped(core_, att);
      ScopeImpl* s = scoped.get();
      Args a;
      ScopeImpl::SetName(a, name_);
      for (size_t i = 0; i < args.nargs; ++i) ScopeImpl::Positional(a).push_back(s->Add(args.argv[i]));
      for (size_t i = 0; i < args.nkw(); ++i) {
        auto* key = vm::As<vm::StrObject>(args.kwnames->items[i]);
        ScopeImpl::Keywords(a).emplace_back(key->view(), s->Add(args.kwvalue(i)));
      }
      Scope scope = s->handle();
      Ref r = fn_->Invoke(scope, a);
      if (ts.exc != nullptr) {
        result = vm::Value::Null();
      } else if (!r.valid()) {
        vm::Raise(ts, ts.interp.exc.SystemError, absl::StrCat(name_, "() returned no value without setting an exception"));
      } else {
        result = ScopeImpl::Get(r);
      }
    }
    // No allocation from here to the caller, which roots the result.
    return result;
  }

 private:
  // The calling thread's ThreadState, attached for the call (a script thread calling the host).
  struct Borrowed {
    Borrowed(Core* core, vm::ThreadState& ts) {
      att.core = core;
      att.ts = &ts;
      att.holds_gil = true;
      PushAttachment(&att);
    }
    ~Borrowed() { PopAttachment(&att); }
    Borrowed* operator->() { return this; }
    Attachment att;
  };

  Core* core_;  // outlives every native: the natives die with the heap, before the Core
  std::string name_;
  std::unique_ptr<HostFunction> fn_;
};

// Calls `body` with the GIL held on this thread, for definitions made by the host.
void Define(const std::shared_ptr<Core>& core, const std::function<void(Scope&, vm::ThreadState&)>& body) {
  absl::Status st = RunInScope(core, [&](Scope& s) {
    body(s, *ScopeImpl::Of(s)->ts);
    return absl::OkStatus();
  });
  if (!st.ok()) Misuse("a definition (Define, DefineModule, DefineClass) on an interpreter that cannot be entered");
}

vm::NativeObject* NewHostNative(Core* core, vm::Interpreter& in, std::string_view name, std::unique_ptr<HostFunction> fn,
                                vm::TypeObject* owner) {
  vm::NativeObject* n = vm::NewNative(in, name, nullptr, owner);
  n->host = MakeHostCallable(core, std::string(name), std::move(fn));
  return n;
}

HostClass* NewHostClass(Core* core, vm::ThreadState& ts, std::string_view name, std::type_index cpp_type,
                        std::string module) {
  vm::Interpreter& in = ts.interp;
  vm::TypeObject* type = vm::NewBuiltinType(in, std::string(name), nullptr, vm::Kind::kHost, std::move(module));
  type->subclassable = false;
  auto cls = std::make_unique<HostClass>(core, type, cpp_type);
  HostClass* raw = cls.get();
  core->classes.push_back(std::move(cls));
  core->class_by_type[cpp_type] = raw;
  // __new__(cls, *args) runs the C++ constructor the host chose with Init<A...>().
  auto make = [raw](Scope& s, const Args& args) -> Ref {
    if (!raw->init) return RaiseTypeError(s, absl::StrCat("cannot create '", QualifiedTypeName(raw->type), "' instances"));
    Args rest = DropFirst(args);
    ScopeImpl::SetName(rest, raw->type->name);
    return raw->init(s, rest);
  };
  vm::NativeObject* ctor = NewHostNative(core, in, "__new__", MakeHostFunction(make), nullptr);
  vm::DictSetStr(type->dict, in.names.__new__, vm::Value::Obj(ctor));  // keeps it alive while the wrapper is made
  auto* wrapper = in.heap.New<vm::MethodWrapperObject>(in.types.staticmethod, vm::Kind::kStaticMethod, vm::Value::Obj(ctor));
  vm::DictSetStr(type->dict, in.names.__new__, vm::Value::Obj(wrapper));
  return raw;
}

}  // namespace

std::unique_ptr<vm::HostCallable> MakeHostCallable(Core* core, std::string name, std::unique_ptr<HostFunction> fn) {
  return std::make_unique<HostNative>(core, std::move(name), std::move(fn));
}

void* InstancePointer(Ref v, std::type_index type) {
  vm::Value value = ScopeImpl::Get(v);
  if (!vm::IsObjectOfKind(value, vm::Kind::kHost)) return nullptr;
  auto* obj = vm::As<vm::HostInstanceObject>(value);
  Core* core = ScopeImpl::Of(v)->core;
  auto it = core->class_by_type.find(type);
  if (it == core->class_by_type.end() || obj->key != it->second) return nullptr;
  return static_cast<InstanceBox*>(obj->box)->get();
}

Ref NewInstance(Scope& s, std::type_index type, std::unique_ptr<InstanceBox> box) {
  ScopeImpl* impl = ScopeImpl::Of(s);
  auto it = impl->core->class_by_type.find(type);
  if (it == impl->core->class_by_type.end())
    return RaiseTypeError(s, absl::StrCat("gilvm: the C++ type ", type.name(), " was not bound with DefineClass"));
  HostClass* cls = it->second;
  vm::Interpreter& in = impl->ts->interp;
  auto* obj = in.heap.New<vm::HostInstanceObject>(
      cls->type, box.release(), [](void* p) { delete static_cast<InstanceBox*>(p); }, cls);
  return impl->Add(vm::Value::Obj(obj));
}

std::string ClassName(Scope& s, std::type_index type) {
  Core* core = ScopeImpl::Of(s)->core;
  auto it = core->class_by_type.find(type);
  return it == core->class_by_type.end() ? std::string(type.name()) : it->second->type->name;
}

std::string MismatchBound(Ref got, std::type_index type) {
  Core* core = ScopeImpl::Of(got)->core;
  auto it = core->class_by_type.find(type);
  std::string name = it == core->class_by_type.end() ? std::string(type.name()) : it->second->type->name;
  return absl::StrCat(" must be ", name, ", not ", got.type_name());
}

void ClassAddInit(HostClass* cls, std::function<Ref(Scope&, const Args&)> init) {
  // Under the GIL: a script thread may be constructing an instance right now.
  Define(cls->core->shared_from_this(), [&](Scope&, vm::ThreadState&) { cls->init = std::move(init); });
}

void ClassAddMethod(HostClass* cls, std::string_view name, std::unique_ptr<HostFunction> fn) {
  Define(cls->core->shared_from_this(), [&](Scope&, vm::ThreadState& ts) {
    vm::Interpreter& in = ts.interp;
    vm::StrObject* key = vm::Intern(in, name);  // before the native: interning allocates
    vm::NativeObject* n = NewHostNative(cls->core, in, name, std::move(fn), cls->type);
    vm::DictSetStr(cls->type->dict, key, vm::Value::Obj(n));
    ++in.type_epoch;
  });
}

void ClassAddProperty(HostClass* cls, std::string_view name, std::unique_ptr<HostFunction> getter,
                      std::unique_ptr<HostFunction> setter) {
  Define(cls->core->shared_from_this(), [&](Scope&, vm::ThreadState& ts) {
    vm::Interpreter& in = ts.interp;
    vm::StrObject* key = vm::Intern(in, name);
    vm::RootedPtr<vm::NativeObject> get(ts, NewHostNative(cls->core, in, name, std::move(getter), cls->type));
    vm::RootedPtr<vm::NativeObject> set(ts, setter ? NewHostNative(cls->core, in, name, std::move(setter), cls->type) : nullptr);
    auto* p = in.heap.New<vm::PropertyObject>(in.types.property);
    p->fget = vm::Value::Obj(get.get());
    p->fset = set.get() ? vm::Value::Obj(set.get()) : vm::Value::None();
    p->fdel = p->doc = vm::Value::None();
    vm::DictSetStr(cls->type->dict, key, vm::Value::Obj(p));
    ++in.type_epoch;
  });
}

}  // namespace detail

using detail::Core;
using detail::ScopeImpl;

void Interpreter::DefineBuiltin(std::string_view name, std::unique_ptr<detail::HostFunction> fn) {
  detail::Define(core_, [&](Scope&, vm::ThreadState& ts) {
    vm::Interpreter& in = ts.interp;
    vm::StrObject* key = vm::Intern(in, name);  // before the native: interning allocates
    vm::NativeObject* n = detail::NewHostNative(core_.get(), in, name, std::move(fn), nullptr);
    vm::DictSetStr(in.builtins, key, vm::Value::Obj(n));
  });
}

detail::HostClass* Interpreter::DefineBuiltinClass(std::string_view name, std::type_index type) {
  detail::HostClass* cls = nullptr;
  detail::Define(core_, [&](Scope&, vm::ThreadState& ts) {
    vm::StrObject* key = vm::Intern(ts.interp, name);
    cls = detail::NewHostClass(core_.get(), ts, name, type, "builtins");  // rooted by the Core
    vm::DictSetStr(ts.interp.builtins, key, vm::Value::Obj(cls->type));
  });
  return cls;
}

Module Interpreter::DefineModule(std::string_view name) {
  detail::Define(core_, [&](Scope&, vm::ThreadState& ts) {
    vm::Interpreter& in = ts.interp;
    if (in.host_modules.contains(std::string(name))) return;
    vm::ModuleObject* m = vm::NewNativeModule(ts, name);
    in.host_modules[std::string(name)] = m;
  });
  return Module(this, std::string(name));
}

namespace {
vm::ModuleObject* HostModule(vm::Interpreter& in, const std::string& name) { return in.host_modules.at(name); }
}  // namespace

void Module::AddFunction(std::string_view name, std::unique_ptr<detail::HostFunction> fn) {
  std::shared_ptr<Core> core = interp_->core_;
  detail::Define(core, [&](Scope&, vm::ThreadState& ts) {
    vm::Interpreter& in = ts.interp;
    vm::ModuleObject* m = HostModule(in, name_);
    vm::RootedPtr<vm::NativeObject> n(ts, detail::NewHostNative(core.get(), in, name, std::move(fn), nullptr));
    n->module = vm::NewStrValue(ts, name_);
    vm::StrObject* key = vm::Intern(in, name);
    vm::DictSetStr(m->dict, key, vm::Value::Obj(n.get()));
  });
}

void Module::AddConstant(std::string_view name, const std::function<Ref(Scope&)>& make) {
  absl::Status st = interp_->WithScope([&](Scope& s) -> absl::Status {
    Ref v = make(s);
    if (s.failed()) return s.TakeError();
    vm::Interpreter& in = ScopeImpl::Of(s)->ts->interp;
    vm::StrObject* key = vm::Intern(in, name);  // v is rooted by the scope
    vm::DictSetStr(HostModule(in, name_)->dict, key, ScopeImpl::Get(v));
    return absl::OkStatus();
  });
  if (!st.ok()) detail::Misuse("Module::Constant: the value could not be converted");
}

detail::HostClass* Module::AddClass(std::string_view name, std::type_index type) {
  detail::HostClass* cls = nullptr;
  std::shared_ptr<Core> core = interp_->core_;
  detail::Define(core, [&](Scope&, vm::ThreadState& ts) {
    cls = detail::NewHostClass(core.get(), ts, name, type, name_);
    vm::DictSetStr(HostModule(ts.interp, name_)->dict, vm::Intern(ts.interp, name), vm::Value::Obj(cls->type));
  });
  return cls;
}

}  // namespace gilvm
