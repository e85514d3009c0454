#include "vm/heap.h"

#include <sys/mman.h>

#include <algorithm>

#include "vm/classes.h"
#include "vm/interpreter.h"

namespace gilvm::vm {

Heap::~Heap() {
  Object* o = all_;
  while (o != nullptr) {
    Object* next = o->gc_next;
    Destroy(o);
    o = next;
  }
  for (void* slab : slabs_) ForEachInSlab(slab, [this](Object* dead) { Destroy(dead); });
  for (void* group : slab_groups_) munmap(group, kSlabGroupBytes);
}

char* Heap::NewSlab() {
  if (group_slabs_left_ == 0) {
    // Map a group and a slab more, then unmap what lies outside the first aligned group in it.
    size_t mapped = kSlabGroupBytes + kSlabBytes;
    void* memory = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    auto start = reinterpret_cast<uintptr_t>(memory);
    uintptr_t group = (start + kSlabBytes - 1) & ~uintptr_t{kSlabBytes - 1};
    if (group > start) munmap(memory, group - start);
    uintptr_t end = start + mapped, group_end = group + kSlabGroupBytes;
    if (end > group_end) munmap(reinterpret_cast<void*>(group_end), end - group_end);
    slab_groups_.push_back(reinterpret_cast<void*>(group));
    group_next_ = reinterpret_cast<char*>(group);
    group_slabs_left_ = kSlabGroupBytes / kSlabBytes;
  }
  char* slab = group_next_;  // fresh pages: the bitmap is zero
  group_next_ += kSlabBytes;
  --group_slabs_left_;
  return slab;
}

void* Heap::PoolCarve(uint8_t pool_class) {
  size_t bytes = size_t{pool_class} * kPoolGranule;
  if (slab_left_ < bytes) {
    // The old slab's tail (less than one block of this size) stays unused.
    slabs_.reserve(slabs_.size() + 1);  // first, so that a failure here leaks nothing
    slab_groups_.reserve(slab_groups_.size() + 1);
    char* slab = NewSlab();
    slabs_.push_back(slab);
    slab_next_ = slab + kSlabHeader;
    slab_left_ = kSlabBytes - kSlabHeader;
  }
  void* block = slab_next_;
  slab_next_ += bytes;
  slab_left_ -= bytes;
  uint64_t bit;
  SlabWord(block, &bit) |= bit;
  return block;
}

void Heap::Destroy(Object* o) {
  uint8_t pool_class = o->pool_class;
  if (pool_class == Object::kNotPooled) {
    delete o;
    return;
  }
  if (pool_class == Object::kRawBlock) {
    o->~Object();
    ::operator delete(o);
    return;
  }
  o->~Object();
  PoolFree(o, pool_class);
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
  for (void* slab : slabs_) {
    ForEachInSlab(slab, [&](Object* o) {
      if (o->marked) {
        o->marked = false;
        live_bytes += o->gc_size + o->ExtraBytes();
        ++live;
      } else {
        Destroy(o);
      }
    });
  }
  Object** link = &all_;
  while (Object* o = *link) {
    if (o->marked) {
      o->marked = false;
      live_bytes += o->gc_size + o->ExtraBytes();
      ++live;
      link = &o->gc_next;
    } else {
      *link = o->gc_next;
      Destroy(o);
    }
  }
  live_objects_ = live;
  live_bytes_ = live_bytes;
  allocated_ = 0;
  threshold_ = std::max(kGcMinThreshold, static_cast<size_t>(static_cast<double>(live_bytes) * kGcGrowthFactor));
  if (reserve_active_ && live_bytes_ + Reserve() <= limit_) reserve_active_ = false;
  UpdateTrigger();
}

void Heap::CollectForNew(Object* obj) {
  Collect(obj);
  if (Enforcing() && live_bytes_ > EffectiveLimit()) FailLimit();
}

void Heap::UpdateTrigger() {
  if (!enabled_) {
    trigger_ = SIZE_MAX;
  } else if (stress_) {
    trigger_ = 0;
  } else if (limit_ == 0) {
    trigger_ = threshold_;
  } else {
    // Collect when half the room left is used, so garbage made since the last collection never
    // takes more than half of it (ChargeGrowth counts that garbage: it cannot collect); but not
    // more often than every limit/32 bytes unless the room itself is smaller.
    size_t limit = EffectiveLimit();
    size_t room = limit > live_bytes_ ? limit - live_bytes_ : 0;
    size_t step = std::max(room / 2, std::min(room, limit / 32));
    trigger_ = std::min(threshold_, step);
  }
}

void Heap::set_limit(size_t bytes) {
  limit_ = bytes;
  reserve_active_ = false;
  UpdateTrigger();
}

bool Heap::FitsNow(size_t bytes) const {
  size_t limit = EffectiveLimit();
  return bytes <= limit && estimated_bytes() <= limit - bytes;
}

void Heap::CollectBeforeGrowth(size_t bytes) {
  Collect();
  auto counted = static_cast<double>(SaturatingAdd(live_bytes_, bytes));
  threshold_ = std::max(threshold_, static_cast<size_t>(counted * kGcGrowthFactor));
  UpdateTrigger();
}

bool Heap::Fits(size_t bytes) {
  if (!Enforcing()) {
    if (GrowthCollectsFirst(bytes)) CollectBeforeGrowth(bytes);
    return true;
  }
  // In stress mode collect anyway, so that the tests exercise these call sites' rooting.
  if ((!FitsNow(bytes) && allocated_ > 0 && bytes <= EffectiveLimit()) || stress_) Collect();
  if (FitsNow(bytes)) return true;
  reserve_active_ = true;
  UpdateTrigger();
  return false;
}

void Heap::CheckGrowth(size_t bytes, bool may_collect) {
  if (!Enforcing()) return;
  if (may_collect ? !Fits(bytes) : !FitsNow(bytes)) FailLimit();
}

void Heap::FailLimit() {
  reserve_active_ = true;
  UpdateTrigger();
  throw std::bad_alloc();
}

}  // namespace gilvm::vm
