#include "vm/heap.h"

#include "vm/classes.h"
#include "vm/interpreter.h"

namespace gilvm::vm {

Heap::~Heap() {
  Object* o = all_;
  while (o != nullptr) {
    Object* next = o->gc_next;
    delete o;
    o = next;
  }
}

void Heap::Collect(Object* extra_root) {
  ++collections_;
  Tracer tracer;
  tracer.Visit(extra_root);
  interp_->Trace(tracer);
  tracer.Drain();
  PruneDeadSubclasses(*interp_);  // __subclasses__() lists are weak

  // Sweep: unlink and free every unmarked object, clear the marks of the survivors.
  size_t live_bytes = 0;
  size_t live = 0;
  Object** link = &all_;
  while (Object* o = *link) {
    if (o->marked) {
      o->marked = false;
      live_bytes += sizeof(Object) + o->ExtraBytes();
      ++live;
      link = &o->gc_next;
    } else {
      *link = o->gc_next;
      delete o;
    }
  }
  live_objects_ = live;
  allocated_ = 0;
  threshold_ = std::max(kGcMinThreshold, static_cast<size_t>(static_cast<double>(live_bytes) * kGcGrowthFactor));
}

}  // namespace gilvm::vm
