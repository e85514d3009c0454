// HostInstanceObject: a script object that owns a C++ object of a class a host bound through
// the embedding API (include/gilvm/gilvm.h, Class<T>).
//
// Invariants:
//  - The C++ object lives exactly as long as the script object: the collector's sweep (or the
//    heap's destruction) runs its destructor, with the GIL held and the heap mid-sweep, so a
//    destructor must not call into the interpreter (the API refuses: InHostDestructor()).
//  - `key` names the C++ type (the API's std::type_index, stored as a pointer to it), so a
//    host function taking T& can check that a script value really holds a T.
#pragma once

#include "vm/object.h"

namespace gilvm::vm {

struct HostInstanceObject : Object {
  using Deleter = void (*)(void*);
  HostInstanceObject(TypeObject* t, void* box, Deleter deleter, const void* key)
      : Object(t, Kind::kHost), box(box), deleter(deleter), key(key) {}
  ~HostInstanceObject() override;

  void* box;        // the API's InstanceBox
  Deleter deleter;  // destroys `box`
  const void* key;  // which C++ type `box` holds
};

// Whether the calling thread is inside a host object's destructor run by the collector.
bool InHostDestructor();

}  // namespace gilvm::vm
