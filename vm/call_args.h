// CallArgs and NativeFn: how a function written in C++ receives its arguments.
//
// Invariants:
//  - `argv` points at `nargs` positional values followed by one value per name in `kwnames`.
//    The values live on the caller's VM stack (or in a rooted array) and stay rooted for the
//    whole native call; a native may read them after it allocates.
//  - For methods, argv[0] is `self`.
//  - A native returns a Python value, or Value::Null() with an exception pending (vm/errors.h).
#pragma once

#include <cstddef>

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
struct TupleObject;

struct CallArgs {
  const Value* argv = nullptr;
  size_t nargs = 0;                  // positional arguments
  TupleObject* kwnames = nullptr;    // names of the keyword arguments that follow, or null
  size_t nkw() const;                // number of keyword arguments
  Value kwvalue(size_t i) const { return argv[nargs + i]; }
};

using NativeFn = Value (*)(ThreadState& ts, const CallArgs& args);

}  // namespace gilvm::vm
