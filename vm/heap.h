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
//  - Accounting: every object is charged its allocation size (sizeof plus malloc's header,
//    kChargedSize, though most objects come from the heap's own free lists without one) and,
//    for layouts that own buffers (str, bytes, list, tuple, dict, set, big int: those
//    declaring kOwnsBuffers), the buffers it has when it is created. Buffers that grow
//    later are charged by ChargeGrowth at a few central places (list append/extend, dict and set
//    resizes, the collecting of iterables); freed buffers are not subtracted until the next
//    collection recounts every survivor (Object::ExtraBytes). So the estimate `live_bytes_ +
//    allocated_` is an upper bound of what the heap holds, and exact right after a collection.
//  - The heap limit (InterpreterOptions::max_heap_bytes, 0: none). Heap::New collects before the
//    estimate can pass the limit (trigger_ is at most half the room left); if after the
//    collection the heap is still over, New throws std::bad_alloc. ChargeGrowth throws instead of
//    growing when the growth would pass the limit. Neither leaves anything half-built: New
//    throws after the object is fully built and linked (it is garbage at the next collection),
//    ChargeGrowth before the container changes. Throwing, not a pending exception, because the
//    growth sites are void mutators called from everywhere (list append, dict insert); the
//    existing rule already routes std::bad_alloc to MemoryError (vm/errors.h): natives' calls
//    (Call) and each instruction (Eval) raise it where it happened, so the script can catch it.
//  - ChargeGrowth never collects: mutating a container still never triggers a collection, so
//    callers keep the rooting rules they have. Garbage made since the last collection therefore
//    still counts when a growth is checked; trigger_ keeps it under half the room left.
//  - After a limit failure the limit is raised by a reserve (limit/8) until a collection finds the
//    heap back under limit minus the reserve, so that raising MemoryError, tracebacks and the
//    script's except clause have room. Raising MemoryError and building tracebacks are exempt
//    from the limit altogether (LimitExemption), so reporting the error never fails itself.
//  - With no limit the hot path is unchanged in cost: New does one compare (allocated_ >
//    trigger_, where trigger_ folds in "enabled", stress mode, the GC threshold and the limit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

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

  // What an object of `bytes` (of layout T) is charged: its size plus malloc's header, rounded as
  // malloc does.
  static constexpr size_t ChargedSize(size_t bytes) { return (bytes + 8 + 15) & ~size_t{15}; }
  template <typename T>
  static constexpr size_t kChargedSize = ChargedSize(sizeof(T));

  // Allocates and constructs a T, then may collect (the new object survives).
  // Throws std::bad_alloc when memory is exhausted or, under a heap limit, when the heap is still
  // over the limit after a collection; entry points turn that into MemoryError.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    T* obj;
    if constexpr (kPooling && sizeof(T) <= kPooledMax) {
      constexpr uint8_t pool_class = (sizeof(T) + kPoolGranule - 1) / kPoolGranule;
      void* memory = PoolAllocate(pool_class);
      try {
        obj = new (memory) T(std::forward<Args>(args)...);
      } catch (...) {
        PoolFree(memory, pool_class);
        throw;
      }
      obj->pool_class = pool_class;
    } else {
      obj = new T(std::forward<Args>(args)...);
    }
    size_t size = kChargedSize<T>;
    obj->gc_size = static_cast<uint32_t>(size);
    if constexpr (requires { T::kOwnsBuffers; }) size += obj->T::ExtraBytes();
    Link(obj, size, obj->pool_class != Object::kNotPooled);
    return obj;
  }

  // New for a layout followed by `tail_bytes` of its own (an instance's inline attribute
  // values): one block for both, from the pools when small enough.
  template <typename T, typename... Args>
  T* NewWithTail(size_t tail_bytes, Args&&... args) {
    static_assert(sizeof(T) % 8 == 0, "the tail is 8-byte aligned");
    size_t bytes = sizeof(T) + tail_bytes;
    void* memory;
    uint8_t pool_class = Object::kRawBlock;
    if (kPooling && bytes <= kPooledMax) {
      pool_class = static_cast<uint8_t>((bytes + kPoolGranule - 1) / kPoolGranule);
      memory = PoolAllocate(pool_class);
    } else {
      memory = ::operator new(bytes);
    }
    T* obj;
    try {
      obj = new (memory) T(std::forward<Args>(args)...);
    } catch (...) {
      if (pool_class == Object::kRawBlock) ::operator delete(memory);
      else PoolFree(memory, pool_class);
      throw;
    }
    obj->pool_class = pool_class;
    size_t size = ChargedSize(bytes);
    obj->gc_size = static_cast<uint32_t>(size);
    Link(obj, size, pool_class != Object::kRawBlock);
    return obj;
  }

  // Counts memory an object owns outside itself toward the next collection, so many large
  // objects trigger one as many small ones would. Never collects, never throws.
  void NoteExternalBytes(size_t bytes) { allocated_ = SaturatingAdd(allocated_, bytes); }

  // Charges `bytes` that a container is about to grow by (outside objects: its item vector,
  // hash table...). Call it BEFORE changing the container. Under a heap limit, throws
  // std::bad_alloc instead when the growth would take the heap over it. Never collects, so
  // callers need not root anything (dict and set insertions, which run everywhere).
  void ChargeGrowth(size_t bytes) {
    if (limit_ != 0) CheckGrowth(bytes, /*may_collect=*/false);
    NoteExternalBytes(bytes);
  }
  // ChargeGrowth for `count` items of `item_size` bytes (saturating: absurd sizes fail the limit).
  void ChargeGrowth(size_t count, size_t item_size) { ChargeGrowth(SaturatingMul(count, item_size)); }
  // ChargeGrowth that, under a limit, first collects when the growth would not fit otherwise
  // (garbage counts until a collection). Call it only where an allocation could happen: every
  // object the caller still needs is rooted (list.append, LIST_APPEND with its value still on
  // the stack...).
  // Without a limit it may collect first too, as Fits does (GrowthCollectsFirst): the garbage
  // is freed before the new buffer is taken.
  void ChargeGrowthOrCollect(size_t bytes) {
    if (limit_ != 0) CheckGrowth(bytes, /*may_collect=*/true);
    else if (GrowthCollectsFirst(bytes)) CollectBeforeGrowth(bytes);
    NoteExternalBytes(bytes);
  }

  // True if `bytes` more fit under the heap limit (always, with no limit), collecting first if
  // they would not otherwise; false also grants the reserve, as a failure. For natives that know
  // the size of a result before building it ('x' * n, bytearray(n), str.join): they raise
  // MemoryError without trying to allocate. Without a limit it still collects first when the
  // result would start a collection anyway or is big against the live heap (GrowthCollectsFirst),
  // so that the garbage it replaces (last round's list) is freed before it is allocated. Charges
  // nothing. Call it only where an allocation could happen (it may collect).
  bool Fits(size_t bytes);

  // The heap limit in bytes (0: none); set once by the Interpreter before anything runs.
  void set_limit(size_t bytes);
  size_t limit() const { return limit_; }
  // Live bytes counted by the last collection plus everything charged since (an upper bound).
  size_t estimated_bytes() const { return SaturatingAdd(live_bytes_, allocated_); }

  // While one exists, the limit is not enforced: raising MemoryError and recording tracebacks
  // must not fail for lack of memory. Scoped; nests.
  class LimitExemption {
   public:
    explicit LimitExemption(Heap& heap) : heap_(heap) { ++heap_.exempt_; }
    ~LimitExemption() { --heap_.exempt_; }
    LimitExemption(const LimitExemption&) = delete;
    LimitExemption& operator=(const LimitExemption&) = delete;

   private:
    Heap& heap_;
  };

  // Runs a full collection now. `extra_root` (may be null) is kept alive.
  void Collect(Object* extra_root = nullptr);

  // Suspends collection while objects are half-built (e.g. during interpreter bootstrap).
  void set_enabled(bool on) {
    enabled_ = on;
    UpdateTrigger();
  }
  void set_stress(bool on) {
    stress_ = on;
    UpdateTrigger();
  }
  bool enabled() const { return enabled_; }

  // Calls f(Object*) for every object in the heap, live or not yet collected (fork support:
  // vm/fork.cc rebuilds the locks' mutexes in a forked child). f must not allocate.
  template <typename F>
  void ForEachObject(F f) const {
    for (Object* o = all_; o != nullptr; o = o->gc_next) f(o);
    for (void* slab : slabs_) ForEachInSlab(slab, f);
  }

  size_t live_objects() const { return live_objects_; }
  size_t collections() const { return collections_; }
  size_t bytes_since_collection() const { return allocated_; }
  // Live bytes the last collection counted (objects and the buffers they own).
  size_t live_bytes() const { return live_bytes_; }

 private:
  // Object memory. Objects up to kPooledMax bytes come from free lists, one per multiple of
  // kPoolGranule, refilled from kSlabBytes slabs that live as long as the heap: no malloc call
  // and no malloc header per object, and a freed object's memory is the next one of its size.
  // A slab is aligned to its size and starts with a bitmap of the blocks that hold objects (a
  // bit per granule, set for a block's first one): the sweep and ForEachObject walk the slabs
  // in address order, which the memory system streams, instead of chasing a list through them.
  // Only the other objects (bigger ones, sanitizer builds') are on the `all_` list.
  // Sanitizer builds allocate every object with operator new, so that ASan's quarantine still
  // catches a use after free (the GC-stress tests depend on it).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  static constexpr bool kPooling = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  static constexpr bool kPooling = false;
#else
  static constexpr bool kPooling = true;
#endif
#else
  static constexpr bool kPooling = true;
#endif
  static constexpr size_t kPoolGranule = 16;
  static constexpr size_t kPooledMax = 512;
  // A growth this big or bigger may collect first (GrowthCollectsFirst).
  static constexpr size_t kBigGrowth = size_t{1} << 20;
  static constexpr size_t kPoolClasses = kPooledMax / kPoolGranule + 1;
  static constexpr size_t kSlabBytes = size_t{64} << 10;
  static constexpr size_t kSlabWords = kSlabBytes / kPoolGranule / 64;  // the bitmap's
  static constexpr size_t kSlabHeader = kSlabWords * sizeof(uint64_t);  // blocks start after it
  struct FreeBlock {
    FreeBlock* next;
  };

  // The bitmap word of the slab holding `block`, and the block's bit in it.
  static uint64_t& SlabWord(void* block, uint64_t* bit) {
    auto address = reinterpret_cast<uintptr_t>(block);
    uintptr_t base = address & ~uintptr_t{kSlabBytes - 1};
    size_t granule = (address - base) / kPoolGranule;
    *bit = uint64_t{1} << (granule % 64);
    return reinterpret_cast<uint64_t*>(base)[granule / 64];
  }
  void* PoolAllocate(uint8_t pool_class) {
    FreeBlock* b = free_[pool_class];
    if (b == nullptr) [[unlikely]] return PoolCarve(pool_class);
    free_[pool_class] = b->next;
    uint64_t bit;
    SlabWord(b, &bit) |= bit;
    return b;
  }
  void PoolFree(void* memory, uint8_t pool_class) {
    uint64_t bit;
    SlabWord(memory, &bit) &= ~bit;
    auto* b = static_cast<FreeBlock*>(memory);
    b->next = free_[pool_class];
    free_[pool_class] = b;
  }
  // Calls f(Object*) for each object in the slab, in address order. f may free the object it
  // is given (the sweep does), and nothing else.
  template <typename F>
  static void ForEachInSlab(void* slab, F f) {
    auto* words = static_cast<uint64_t*>(slab);
    char* base = static_cast<char*>(slab);
    for (size_t w = 0; w < kSlabWords; ++w) {
      for (uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
        size_t granule = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
        f(reinterpret_cast<Object*>(base + granule * kPoolGranule));
      }
    }
  }
  // PoolAllocate's slow path: the next block of the current slab, or of a new one.
  void* PoolCarve(uint8_t pool_class);
  // Runs o's destructor and returns its memory to where it came from.
  void Destroy(Object* o);

  void Link(Object* obj, size_t size, bool in_slab) {
    if (!in_slab) {
      obj->gc_next = all_;
      all_ = obj;
    }
    ++live_objects_;
    allocated_ += size;
    if (allocated_ > trigger_) [[unlikely]] CollectForNew(obj);
  }
  // Without a limit: whether a growth of `bytes` should collect first. It should when it would
  // start a collection anyway, and when it is big against the live heap (a quarter of it or
  // more): the garbage it replaces (last round's list) is often as big, and the collection
  // costs about what filling `bytes` does. Not right after a collection, nor while collecting
  // is off (set_enabled(false)).
  bool GrowthCollectsFirst(size_t bytes) const {
    if (!enabled_ || allocated_ == 0) return false;
    return SaturatingAdd(allocated_, bytes) > trigger_ || (bytes >= live_bytes_ / 4 && bytes >= kBigGrowth);
  }
  // GrowthCollectsFirst's collection; the growth then counts as live for the next trigger, or it
  // would start a second collection as soon as it is charged.
  void CollectBeforeGrowth(size_t bytes);
  // Link's slow path: collects (keeping `obj`), then enforces the limit.
  void CollectForNew(Object* obj);
  // Recomputes trigger_ from enabled_, stress_, threshold_ and the limit.
  void UpdateTrigger();
  // The limit in force now (raised by the reserve after a failure).
  size_t EffectiveLimit() const { return limit_ + (reserve_active_ ? Reserve() : 0); }
  size_t Reserve() const { return limit_ / 8; }
  bool Enforcing() const { return limit_ != 0 && enabled_ && exempt_ == 0; }
  bool FitsNow(size_t bytes) const;
  void CheckGrowth(size_t bytes, bool may_collect);
  [[noreturn]] void FailLimit();

  static size_t SaturatingAdd(size_t a, size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }
  static size_t SaturatingMul(size_t a, size_t b) { return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b; }

  Interpreter* interp_;
  Object* all_ = nullptr;
  FreeBlock* free_[kPoolClasses] = {};
  std::vector<void*> slabs_;
  // Slabs come from the kernel (mmap) in aligned groups: an aligned allocation from malloc
  // costs its slack in every slab (dict_work's peak RSS was 9 MB higher with it).
  static constexpr size_t kSlabGroupBytes = size_t{1} << 20;
  char* NewSlab();
  std::vector<void*> slab_groups_;
  char* group_next_ = nullptr;  // the next unused slab of the newest group
  size_t group_slabs_left_ = 0;
  char* slab_next_ = nullptr;  // the unused rest of the newest slab
  size_t slab_left_ = 0;
  size_t live_objects_ = 0;
  size_t allocated_ = 0;      // charged since the last collection
  size_t live_bytes_ = 0;     // what the last collection found alive
  size_t threshold_ = kGcMinThreshold;
  size_t trigger_ = SIZE_MAX;  // Link collects once allocated_ passes it (see UpdateTrigger)
  size_t limit_ = 0;
  size_t collections_ = 0;
  int exempt_ = 0;
  bool reserve_active_ = false;
  bool enabled_ = false;
  bool stress_ = kGcStress;
};

}  // namespace gilvm::vm
