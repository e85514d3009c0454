// CodeObject: the compiled form of a module, function, class body or lambda.
//
// Invariants:
//  - Immutable once the compiler hands it over, but for `caches` (the eval loop's inline caches,
//    as many as `names`).
//  - Local slots are laid out as [varnames..., cellvars..., freevars...]; parameters come first
//    in varnames. `cell_of_arg[i]` is the parameter slot a cell variable starts from, or -1.
//  - `positions[i]` is the source span of instruction i (what tracebacks underline);
//    `stack_size` bounds the operand stack exactly, computed from the opcode metadata.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/object.h"

namespace gilvm::vm {

struct SourcePos {
  int32_t line = 0;      // 1-based; 0 when the instruction has no source
  int32_t end_line = 0;
  int32_t col = -1;      // 0-based UTF-8 byte columns; -1 when unknown
  int32_t end_col = -1;
};

enum CodeFlags : uint32_t {
  kCodeVarargs = 1,      // *args
  kCodeVarkeywords = 2,  // **kwargs
  kCodeGenerator = 4,
  kCodeNested = 8,
  kCodeModule = 16,      // module or class body: names resolve through the locals dict
  kCodeHasClassCell = 32,
  kCodeDocstring = 64,   // consts[0] is the function's docstring (its __doc__)
};

// What the eval loop learned about one entry of a code object's `names` (an inline cache, kept
// per name rather than per instruction). Attribute sites remember up to kWays receiver types,
// as a site in a class hierarchy sees several. Every field is a hint the fast path checks
// before trusting it, so a stale entry costs a slow path, never a wrong answer. Only the eval
// loop touches it, holding the GIL.
struct NameCache {
  enum Flags : uint8_t {
    kGet = 1,       // LOAD_ATTR: the instance (or module) dict answers, else the slow path
    kSet = 2,       // STORE_ATTR: the instance dict takes the value
    kMethod = 4,    // LOAD_METHOD: `type_attr` is a plain method, unless the instance dict shadows it
    kNoShadow = 8,  // ...and instances have no dict to shadow it (built-in types)
  };
  // What holds for objects of exactly `type` while type->version and the interpreter's
  // type_epoch are unchanged (see TypeObject::version).
  struct Way {
    TypeObject* type = nullptr;
    uint64_t version = 0;
    uint64_t epoch = 0;
    Value type_attr;  // LookupInType(type, name); never a data descriptor when a flag is set
    uint8_t flags = 0;
    int32_t dict_hint = -1;  // where the name was last found in such an object's dict
    int8_t slot = -1;        // InlineSlot(type, name) of an instance's class (vm/instance.h)
  };
  static constexpr size_t kWays = 4;
  Way ways[kWays];
  uint8_t next_way = 0;  // the way the next new type replaces, round robin
  // LOAD_GLOBAL: where the name was last found in the globals' entries, and the builtins'.
  int32_t global_hint = -1;
  int32_t builtins_hint = -1;

  // The way that describes objects of type `t` now, or null.
  Way* Find(const TypeObject* t, uint64_t type_epoch) {
    for (Way& w : ways)
      if (w.type == t) return w.version == t->version && w.epoch == type_epoch ? &w : nullptr;
    return nullptr;
  }
  // The way to (re)fill for `t`: its own if it has one, else the next to replace.
  Way& WayFor(const TypeObject* t) {
    for (Way& w : ways)
      if (w.type == t) return w;
    return ways[next_way++ % kWays];
  }
};

struct CodeObject : Object {
  CodeObject(TypeObject* t) : Object(t, Kind::kCode) {}
  void Trace(Tracer& t) override;
  size_t ExtraBytes() const override {
    return code.capacity() * 4 + positions.capacity() * sizeof(SourcePos) + consts.capacity() * sizeof(Value) +
           caches.capacity() * sizeof(NameCache);
  }

  int nlocalsplus() const { return static_cast<int>(varnames.size() + cellvars.size() + freevars.size()); }
  int ncells() const { return static_cast<int>(cellvars.size() + freevars.size()); }
  int first_cell() const { return static_cast<int>(varnames.size()); }
  int total_args() const {
    return argcount + kwonlyargcount + ((flags & kCodeVarargs) ? 1 : 0) + ((flags & kCodeVarkeywords) ? 1 : 0);
  }

  std::vector<uint32_t> code;
  std::vector<SourcePos> positions;
  std::vector<Value> consts;
  std::vector<StrObject*> names;     // globals, attributes, imported names
  std::vector<NameCache> caches;     // one per entry of `names`; the only mutable part
  std::vector<StrObject*> varnames;  // locals, parameters first
  std::vector<StrObject*> cellvars;
  std::vector<StrObject*> freevars;
  std::vector<int32_t> cell_of_arg;  // per cellvar: parameter slot it is initialised from, or -1
  int argcount = 0;                  // positional parameters, including positional-only
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int stack_size = 0;
  uint32_t flags = 0;
  std::string name;
  std::string qualname;
  std::string filename;
  int firstlineno = 1;
};

}  // namespace gilvm::vm
