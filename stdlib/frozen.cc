#include "stdlib/frozen.h"

#include "stdlib/stdlib.h"
#include "vm/interpreter.h"

namespace gilvm::stdlib {

void RegisterFrozenModules(vm::Interpreter& interp) {
  for (const FrozenModule* m = kFrozenModules; m->name != nullptr; ++m) interp.frozen_modules[m->name] = m->source;
}

}  // namespace gilvm::stdlib
