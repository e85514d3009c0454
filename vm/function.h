// Callables: Python functions, C++ natives, bound methods, cells, and the method wrappers
// (staticmethod, classmethod, property).
//
// Invariants:
//  - A FunctionObject's code, globals and closure never change after MAKE_FUNCTION; defaults
//    and attributes may (`f.__defaults__ = ...`, `f.attr = 1`).
//  - `closure` holds exactly code->freevars.size() cells, in freevars order.
//  - A native's `fn` follows the rule of vm/call_args.h; `owner` is set for methods of built-in
//    types and checked before the call, so `fn` can trust argv[0]'s layout.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vm/call_args.h"
#include "vm/object.h"

namespace gilvm::vm {

struct CodeObject;
struct TupleObject;

struct CellObject : Object {
  CellObject(TypeObject* t, Value v) : Object(t, Kind::kCell), value(v) {}
  void Trace(Tracer& t) override { t.Visit(value); }
  Value value;  // Null when empty
};

struct FunctionObject : Object {
  FunctionObject(TypeObject* t, CodeObject* code, DictObject* globals)
      : Object(t, Kind::kFunction), code(code), globals(globals) {}
  void Trace(Tracer& t) override;

  CodeObject* code;
  DictObject* globals;
  TupleObject* defaults = nullptr;  // positional defaults, or null
  DictObject* kwdefaults = nullptr;  // keyword-only defaults, or null
  DictObject* annotations = nullptr;  // __annotations__: made by MAKE_FUNCTION or on first read
  std::vector<CellObject*> closure;
  Value name;                        // str
  Value qualname;                    // str
  Value module;                      // str or None
  Value doc;
  DictObject* dict = nullptr;        // function attributes, created on first use
};

// What the embedding API puts behind a native: a C++ closure instead of a plain function.
class HostCallable {
 public:
  virtual ~HostCallable() = default;
  virtual Value Call(ThreadState& ts, const CallArgs& args) = 0;
};

struct NativeObject : Object {
  NativeObject(TypeObject* t, std::string name, NativeFn fn, TypeObject* owner = nullptr)
      : Object(t, Kind::kNative), name(std::move(name)), fn(fn), owner(owner) {}
  void Trace(Tracer& t) override;

  std::string name;
  NativeFn fn;
  TypeObject* owner;  // the type whose method this is, or null for a plain function
  Value module;       // the module name (str) for plain functions, for repr; may be Null
  // A host function (include/gilvm/gilvm.h): called instead of `fn` when set. Owned here, so
  // it lives exactly as long as the script can reach the function.
  std::unique_ptr<HostCallable> host;
};

struct BoundMethodObject : Object {
  BoundMethodObject(TypeObject* t, Value self, Value func) : Object(t, Kind::kBoundMethod), self(self), func(func) {}
  void Trace(Tracer& t) override {
    t.Visit(self);
    t.Visit(func);
  }
  Value self;
  Value func;
};

// staticmethod, classmethod: wrap a callable.
struct MethodWrapperObject : Object {
  MethodWrapperObject(TypeObject* t, Kind k, Value callable) : Object(t, k), callable(callable) {}
  void Trace(Tracer& t) override { t.Visit(callable); }
  Value callable;
};

struct PropertyObject : Object {
  PropertyObject(TypeObject* t) : Object(t, Kind::kProperty) {}
  void Trace(Tracer& t) override {
    t.Visit(fget);
    t.Visit(fset);
    t.Visit(fdel);
    t.Visit(doc);
  }
  Value fget, fset, fdel, doc;  // None when absent
};

}  // namespace gilvm::vm
