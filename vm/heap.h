// Heap: allocation and garbage collection of one interpreter's objects.
//
// Invariants:
//  - A stop-the-world, non-moving mark-and-sweep collector. It runs only inside Heap::New, on the
//    thread that holds the GIL; every other thread of the interpreter is either outside the
//    interpreter (GIL released: it holds no unrooted object pointers, by the GIL contract) or
//    parked at a safe point with its state saved in its ThreadState.
//  - Roots: the interpreter's own fields, every ThreadState (value stacks up to each frame's saved
//    stack pointer, frames, pending and handled exceptions, its Root chain), and the object being
//    allocated. Anything else reachable only from a C++ local dies at the next allocation: root
//    it with `Root` (vm/thread_state.h) before calling anything that may allocate.
//  - The new object is linked and treated as a root before the collection that its allocation may
//    trigger, so constructor arguments stored in its fields are safe.
//  - In GC-stress mode the heap collects at every allocation: set by the GILVM_GC_STRESS build
//    option, or at run time by InterpreterOptions::gc_stress or the environment variable
//    GILVM_GC_STRESS=1.
#pragma once

#include <cstddef>
#include <utility>

#include "vm/config.h"
#include "vm/object.h"

namespace gilvm::vm {

class Interpreter;

class Heap {
 public:
  explicit Heap(Interpreter* interp) : interp_(interp) {}
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and constructs a T, then may collect (the new object survives).
  // Throws std::bad_alloc when memory is exhausted; entry points turn that into MemoryError.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    T* obj = new T(std::forward<Args>(args)...);
    Link(obj, sizeof(T));
    return obj;
  }

  // Counts memory an object owns outside itself (a big int's limbs) toward the next collection,
  // so many large objects trigger one as many small ones would. Never collects by itself.
  void NoteExternalBytes(size_t bytes) { allocated_ += bytes; }

  // Runs a full collection now. `extra_root` (may be null) is kept alive.
  void Collect(Object* extra_root = nullptr);

  // Suspends collection while objects are half-built (e.g. during interpreter bootstrap).
  void set_enabled(bool on) { enabled_ = on; }
  void set_stress(bool on) { stress_ = on; }
  bool enabled() const { return enabled_; }

  // Calls f(Object*) for every object in the heap, live or not yet collected (fork support:
  // vm/fork.cc rebuilds the locks' mutexes in a forked child). f must not allocate.
  template <typename F>
  void ForEachObject(F f) const {
    for (Object* o = all_; o != nullptr; o = o->gc_next) f(o);
  }

  size_t live_objects() const { return live_objects_; }
  size_t collections() const { return collections_; }
  size_t bytes_since_collection() const { return allocated_; }

 private:
  void Link(Object* obj, size_t size) {
    obj->gc_next = all_;
    all_ = obj;
    ++live_objects_;
    allocated_ += size;
    if (enabled_ && (stress_ || allocated_ > threshold_)) Collect(obj);
  }

  Interpreter* interp_;
  Object* all_ = nullptr;
  size_t live_objects_ = 0;
  size_t allocated_ = 0;
  size_t threshold_ = kGcMinThreshold;
  size_t collections_ = 0;
  bool enabled_ = false;
  bool stress_ = kGcStress;
};

}  // namespace gilvm::vm
