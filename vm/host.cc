#include "vm/host.h"

namespace gilvm::vm {

namespace {
// Per thread, not per interpreter: the question is what this thread is doing right now.
thread_local int host_destructor_depth = 0;
}  // namespace

HostInstanceObject::~HostInstanceObject() {
  ++host_destructor_depth;
  deleter(box);
  --host_destructor_depth;
}

bool InHostDestructor() { return host_destructor_depth > 0; }

}  // namespace gilvm::vm
