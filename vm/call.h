// Calling: binding arguments to Python functions, calling any callable, building classes.
//
// Invariants:
//  - Argument-binding errors carry CPython 3.11's messages, naming the function by __qualname__.
//  - PrepareFrame copies the arguments into the new frame before it allocates anything, so the
//    caller may drop them from its own stack once it returns.
#pragma once

#include <cstddef>

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct Frame;
struct FunctionObject;
struct TupleObject;
struct TypeObject;

// Pushes a frame for `func` with the arguments bound; null with TypeError (or RecursionError)
// pending on failure.
Frame* PrepareFrame(ThreadState& ts, FunctionObject* func, const Value* argv, size_t nargs, TupleObject* kwnames);

// Calls a type object: __new__ then __init__, as `type.__call__`.
Value CallType(ThreadState& ts, TypeObject* type, const Value* argv, size_t nargs, TupleObject* kwnames);
// type.__call__: __new__ then __init__, ignoring any metaclass __call__ (which may delegate here).
Value ConstructInstance(ThreadState& ts, TypeObject* type, const Value* argv, size_t nargs, TupleObject* kwnames);

// obj.name for a super() object (the MRO walk starts after the class super() names).
Value SuperGetAttr(ThreadState& ts, Value super, struct StrObject* name);

}  // namespace gilvm::vm
