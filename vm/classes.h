// Class creation (vm/classes.cc): type.__new__'s work, shared by the class statement and
// type(name, bases, dict).
//
// Invariants: follows the error rule (vm/errors.h); arguments must be rooted by the caller.
#pragma once

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct TypeObject;
struct TupleObject;

// type.__new__(meta, name, bases, ns, **kwargs): a new class of metaclass `meta` (or of a more
// derived metaclass of a base, which then makes it). kwvalues are the keyword values named by
// kwnames (may be null), passed on to __init_subclass__.
Value CreateClass(ThreadState& ts, TypeObject* meta, Value name, Value bases, Value ns, const Value* kwvalues,
                  TupleObject* kwnames);
// Installs __build_class__ and type's methods (__new__, __init__, __call__, mro, __prepare__,
// __subclasses__) and object.__init_subclass__. Runs before the stdlib's built-ins.
void InitClassCreation(Interpreter& interp);
// Called by the collector between marking and sweeping: drops the classes about to be freed
// from every live class's `subclasses` list (they are weak references, as in CPython).
void PruneDeadSubclasses(Interpreter& interp);
// A class's __dict__: a live, read-only view of `dict` printed as mappingproxy({...}).
struct DictObject;
Value NewMappingProxy(ThreadState& ts, DictObject* dict);
void InitMappingProxyType(Interpreter& interp);
// types.GenericAlias and __class_getitem__ on list, dict, tuple, type, set and frozenset.
void InitGenericAlias(Interpreter& interp);

}  // namespace gilvm::vm
