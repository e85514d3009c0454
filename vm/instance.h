// Instances of user classes, exceptions, tracebacks and modules.
//
// Invariants:
//  - An InstanceObject's attributes live in its own `dict`, or, for a plain instance made by
//    NewInstance, inline until something needs the dict: then inline_values()[i] is the
//    attribute named type->attr_names[i], for i < inline_count, in the order they were added,
//    and `dict` is null. Only additions in the class's usual order stay inline (the next name
//    of attr_names, while there is room); anything else (a deletion, another order, `__dict__`,
//    a new `__class__`) moves the attributes into a dict for good (InstanceAttrDict).
//  - ExceptionObject is the layout of every BaseException instance (built-in or user-derived):
//    args, traceback, __cause__, __context__ are fields, other attributes go to `dict`.
//  - A traceback chain is newest-frame-first in `next` order as CPython's tb_next: the head is
//    the outermost frame the exception passed through, the tail is where it was raised.
#pragma once

#include <string>

#include "vm/object.h"

namespace gilvm::vm {

struct CodeObject;
struct StrObject;
class ThreadState;
struct TupleObject;

struct InstanceObject : Object {
  InstanceObject(TypeObject* t, DictObject* dict, Kind k = Kind::kInstance) : Object(t, k), dict(dict) {}
  void Trace(Tracer& t) override;
  // The values after the object (NewInstance's block); valid for inline_capacity of them.
  Value* inline_values() { return reinterpret_cast<Value*>(this + 1); }

  DictObject* dict;  // null while the attributes are inline
  uint8_t inline_count = 0;
  uint8_t inline_capacity = 0;
};

// Records that an instance of `type` has `n` attributes: later instances get that much room.
inline void NoteAttributeCount(TypeObject* type, size_t n) {
  if (n > type->instance_dict_hint && n <= TypeObject::kMaxInstanceDictHint)
    type->instance_dict_hint = static_cast<uint8_t>(n);
}

// A plain instance of `type` (no __new__ of its own), with inline room for as many attributes as
// the class's instances have had.
InstanceObject* NewInstance(ThreadState& ts, TypeObject* type);
// Where `name` is in type->attr_names, or -1.
int InlineSlot(const TypeObject* type, const StrObject* name);
// The attribute `name` in the instance's own attributes, or Null.
Value InstanceGet(InstanceObject* inst, const StrObject* name);
// Sets the attribute in the instance's own attributes (inline when it can stay so).
void InstanceSet(ThreadState& ts, InstanceObject* inst, StrObject* name, Value value);
// The instance's dict, made from its inline attributes the first time; they live there after.
DictObject* InstanceAttrDict(ThreadState& ts, InstanceObject* inst);

struct TracebackObject : Object {
  TracebackObject(TypeObject* t, TracebackObject* next, CodeObject* code, int instr)
      : Object(t, Kind::kTraceback), next(next), code(code), instr(instr) {}
  void Trace(Tracer& t) override;
  TracebackObject* next;
  CodeObject* code;
  int instr;  // index of the instruction that was running
};

struct ExceptionObject : InstanceObject {
  ExceptionObject(TypeObject* t, DictObject* dict, TupleObject* args)
      : InstanceObject(t, dict, Kind::kException), args(args) {}
  void Trace(Tracer& t) override;
  TupleObject* args;
  TracebackObject* traceback = nullptr;
  Value cause;    // None or an exception (`raise ... from ...`); Null means None
  Value context;  // the exception being handled when this one was raised; Null means None
  bool suppress_context = false;
  // For "Did you mean" (vm/suggestions.h): an AttributeError's missing name and the object
  // that lacked it, or a NameError's name and the suggestion found when it was raised (a str).
  StrObject* missing_name = nullptr;
  Value missing_in;
};

struct ModuleObject : Object {
  ModuleObject(TypeObject* t, DictObject* dict, std::string name)
      : Object(t, Kind::kModule), dict(dict), name(std::move(name)) {}
  void Trace(Tracer& t) override;
  DictObject* dict;
  std::string name;
};

class Interpreter;
// Installs BaseException's methods (__init__, __str__, __repr__, args...) and the attributes of
// its subclasses (SystemExit.code, StopIteration.value, KeyError's str).
void InitExceptionTypes(Interpreter& interp);
// Installs the attributes of functions, methods, modules and the method wrappers.
void InitFunctionTypes(Interpreter& interp);

}  // namespace gilvm::vm
