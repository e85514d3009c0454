// CodeObject: the compiled form of a module, function, class body or lambda.
//
// Invariants:
//  - Immutable once the compiler hands it over.
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

struct CodeObject : Object {
  CodeObject(TypeObject* t) : Object(t, Kind::kCode) {}
  void Trace(Tracer& t) override;
  size_t ExtraBytes() const override {
    return code.capacity() * 4 + positions.capacity() * sizeof(SourcePos) + consts.capacity() * sizeof(Value);
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
