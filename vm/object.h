// Object: the header every heap-allocated Python object starts with, and TypeObject, the class of
// a value.
//
// Invariants:
//  - Every Object is created by Heap::New (vm/heap.h), lives in exactly one interpreter's heap,
//    and is freed only by that heap's collector. Never `delete` or stack-allocate one.
//  - `kind` names the C++ layout (which struct this is) and never changes; `type` is the Python
//    class. Instances of a user class that derives from a built-in share the built-in's kind.
//  - Trace() visits every Value and Object* the object holds, so the collector can find all
//    reachable objects; a field not traced is a use-after-free waiting to happen.
//  - Objects are touched only by the thread that holds their interpreter's GIL.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vm/value.h"

namespace gilvm::vm {

struct TypeObject;
struct DictObject;
struct StrObject;

// The C++ layout of an object. Hot paths switch on this instead of comparing type pointers.
enum class Kind : uint8_t {
  kType,
  kStr,
  kBytes,
  kByteArray,
  kTuple,
  kList,
  kDict,
  kSet,
  kRange,
  kSlice,
  kFunction,
  kNative,       // a function written in C++
  kBoundMethod,  // obj.method, of a Python or a native function
  kStaticMethod,
  kClassMethod,
  kProperty,
  kCode,
  kCell,
  kModule,
  kInstance,    // an instance of a user class (has a __dict__)
  kException,   // an instance of BaseException or a subclass
  kTraceback,
  kIterator,    // built-in iterators (vm/iterators.h)
  kSingleton,   // NotImplemented, Ellipsis
  kSuper,
  kLock,        // _thread.lock and _thread.RLock (vm/lock.h)
  kIo,          // files and in-memory streams (stdlib/io.h)
  kRandom,      // _random.Random, the Mersenne Twister state (stdlib/random.cc)
  kSocket,      // socket.socket (stdlib/socket.cc)
  kPoll,        // select.poll objects (stdlib/select.cc)
  kBigInt,      // ints beyond int64 (vm/bigint.h)
  kGenerator,   // generator objects (vm/generator.h)
  kMappingProxy,  // a class's __dict__: a read-only view of the type's dict (vm/classes.cc)
  kHost,          // an instance of a host's bound C++ class (vm/host.h)
  kStrBuffer,     // the shared bytes of strs built by concatenation (vm/str.h); never seen by scripts
};

class Tracer;

// A type version never handed out before (see TypeObject::version).
inline uint64_t NewTypeVersion() {
  static std::atomic<uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

struct Object {
  Object(TypeObject* t, Kind k) : type(t), kind(k) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  // Visit every reference this object holds (see Tracer).
  virtual void Trace(Tracer& tracer) {}
  // Bytes owned outside the object itself (vectors, strings), for GC accounting.
  virtual size_t ExtraBytes() const { return 0; }
  // Where a built-in layout subclassed by a user class keeps its __dict__ (vm/subclass.h);
  // null for layouts without one. InstanceObject keeps its own `dict` field instead.
  virtual DictObject** ExtraDictSlot() { return nullptr; }

  TypeObject* type;
  Object* gc_next = nullptr;  // the heap's list of the objects outside its slabs (vm/heap.h)
  Kind kind;
  bool marked = false;
  static constexpr uint8_t kNotPooled = 0xFF;
  static constexpr uint8_t kRawBlock = 0xFE;  // operator new(size) memory (Heap::NewWithTail)
  uint8_t pool_class = kNotPooled;  // the Heap's free list the memory came from (vm/heap.h)
  uint8_t flags = 0;  // bits a layout keeps for itself (StrObject: ascii, interned); was padding
  uint32_t gc_size = 0;  // what Heap::New charged for the object itself (sits in padding)
};

// The collector's visitor. Objects call Visit on each reference they hold.
class Tracer {
 public:
  void Visit(Value v) {
    if (v.is_object()) Visit(v.as_object());
  }
  void Visit(Object* o) {
    if (o != nullptr && !o->marked) {
      o->marked = true;
      gray_.push_back(o);
    }
  }
  template <typename Range>
  void VisitAll(const Range& values) {
    for (const auto& v : values) Visit(v);
  }
  // Drains the gray list; called by the heap.
  void Drain() {
    while (!gray_.empty()) {
      Object* o = gray_.back();
      gray_.pop_back();
      o->Trace(*this);
    }
  }

 private:
  std::vector<Object*> gray_;
};

// A Python class: built-in (int, str, list...) or defined by a `class` statement.
struct TypeObject : Object {
  TypeObject(TypeObject* metatype, std::string name, Kind instance_kind)
      : Object(metatype, Kind::kType), name(std::move(name)), instance_kind(instance_kind) {}
  void Trace(Tracer& t) override;

  std::string name;              // __name__
  std::string qualname;          // __qualname__
  std::string module;            // __module__ ("builtins" for built-in types)
  TypeObject* base = nullptr;    // __base__: the base whose layout instances have; null only for object
  std::vector<TypeObject*> bases;        // __bases__ of a user class (empty: just `base`)
  std::vector<TypeObject*> mro;          // __mro__ (C3 linearisation), starting with this type
  std::vector<TypeObject*> subclasses;   // __subclasses__(), in creation order; weak (not traced):
                                         // the collector drops dead ones (PruneDeadSubclasses)
  std::vector<std::string> slots;        // names this class's __slots__ declared
  bool has_slots = false;        // the class body defined __slots__
  bool instances_have_dict = true;  // false: __slots__ without __dict__ all the way up
  DictObject* dict = nullptr;    // __dict__: methods, class attributes
  Kind instance_kind;            // the layout of instances
  bool is_builtin = false;       // attributes cannot be set on built-in types
  // How many attributes instances of this class have had (the most seen when one is added, at
  // most kMaxInstanceDictHint): new instances get that much inline room, or dicts that big.
  uint8_t instance_dict_hint = 0;
  static constexpr uint8_t kMaxInstanceDictHint = 32;
  bool instance_room_estimated = false;  // the hint has been seeded from the __init__ code
  // The names of instances' inline attributes (vm/instance.h), in the order instances first
  // added them: an instance's inline values are for a prefix of this list. Append-only, and
  // every append gives the type a new `version`, so a cached slot (or its absence) holds while
  // the version does.
  std::vector<StrObject*> attr_names;
  bool subclassable = true;      // `class X(bool)` is a TypeError

  // What a lookup along the MRO finds changes when the dict of the type or of a class in its
  // MRO changes. A class attribute assigned or deleted at run time gives that class and every
  // subclass a new `version` (TypeModified); natives added to a type (built-in types as the
  // interpreter starts, a host's classes) bump *epoch, the interpreter's type_epoch, instead.
  // LookupInType's memo and the eval loop's inline caches hold while both are unchanged.
  // Versions come from one process-wide counter and never repeat, so a type made at the address
  // of a dead one never matches what was remembered about the dead one: neither the memo nor
  // the caches need to keep anything alive (they are not traced).
  uint64_t version = NewTypeVersion();
  const uint64_t* epoch = nullptr;

  // LookupInType's memo for interned names: a direct-mapped table indexed by the name's hash
  // (a Null value records "absent"), valid for `memo_version` and `memo_epoch`.
  struct CacheEntry {
    const StrObject* name = nullptr;
    Value value;
  };
  static constexpr size_t kLookupCacheSize = 64;
  CacheEntry lookup_cache[kLookupCacheSize];
  uint64_t memo_version = 0;
  uint64_t memo_epoch = 0;

  bool IsSubtypeOf(const TypeObject* other) const {
    for (const TypeObject* t : mro)
      if (t == other) return true;
    return false;
  }
};

inline bool IsObjectOfKind(Value v, Kind k) { return v.is_object() && v.as_object()->kind == k; }
// True if `v`'s type is exactly `t`. Fast paths for built-in types test this, not the kind:
// a user subclass of list may override __getitem__.
inline bool IsExact(Value v, const TypeObject* t) { return v.is_object() && v.as_object()->type == t; }

template <typename T>
T* As(Value v) { return static_cast<T*>(v.as_object()); }

}  // namespace gilvm::vm
