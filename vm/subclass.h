// Instances of user classes that derive from a built-in type (class L(list), class S(str),
// class I(int)...).
//
// Invariants:
//  - An instance of a user subclass of a container or text type has the built-in's own C++
//    layout (its `kind` is the built-in's) wrapped in Subclassed<T>, which adds the instance
//    __dict__ (made on first use) and traces the class, which is not a root as built-in types are.
//    So every native that takes a ListObject* works on a list subclass unchanged.
//  - Exact built-in instances never carry the wrapper: NewOfType picks the plain layout when the
//    class is the built-in itself, so the built-ins' fast paths (which test `type`, not `kind`)
//    and sizes stay as they were.
//  - int and float are unboxed Values, so an instance of their subclass is a BoxedNumber: an
//    ordinary InstanceObject (kind kInstance, with a __dict__) holding the number. Natives owned
//    by int or float see the bare number as self (vm/call.cc unwraps it), so inherited methods
//    and operators work and return plain ints and floats, as in CPython.
#pragma once

#include <utility>

#include "vm/heap.h"
#include "vm/instance.h"
#include "vm/dict.h"
#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;

template <typename Base>
struct Subclassed final : Base {
  template <typename... A>
  explicit Subclassed(A&&... args) : Base(std::forward<A>(args)...) {}
  void Trace(Tracer& t) override {
    Base::Trace(t);
    t.Visit(this->type);
    t.Visit(reinterpret_cast<Object*>(dict));
  }
  DictObject** ExtraDictSlot() override { return &dict; }
  DictObject* dict = nullptr;  // made on first attribute store
};

// A new T of class `cls`: the plain layout for the built-in type itself, the subclass layout
// (with a __dict__ slot) for a user class deriving from it.
template <typename T, typename... A>
T* NewOfType(Heap& heap, TypeObject* cls, A&&... args) {
  if (cls->is_builtin) return heap.New<T>(cls, std::forward<A>(args)...);
  return heap.New<Subclassed<T>>(cls, std::forward<A>(args)...);
}

// An instance of a user subclass of int or float.
struct BoxedNumber final : InstanceObject {
  BoxedNumber(TypeObject* t, DictObject* dict, Value number) : InstanceObject(t, dict), number(number) {}
  Value number;  // an unboxed int or float Value
};

// A BoxedNumber of class `cls` (a subclass of int or float) holding `number`; Null on error.
Value NewBoxedNumber(ThreadState& ts, TypeObject* cls, Value number);
// The number inside `v` if it is a BoxedNumber, else `v` itself.
Value UnboxNumber(Value v);

}  // namespace gilvm::vm
