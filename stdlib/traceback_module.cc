// The _traceback module, under stdlib/lib/traceback.py: the interpreter's own report of an
// exception (vm/traceback.h), the text gilvm prints for an uncaught exception, as CPython's
// traceback module formats it.
//
// Invariants: reads the exception and its chain only; follows the error rule.
#include "absl/strings/str_cat.h"
#include "stdlib/stdlib.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"

namespace gilvm::stdlib {

using namespace gilvm::vm;

namespace {

// format(exc, chain): the full report, with the causes and contexts before it when `chain`.
Value Format(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "format", 2, 2)) return Value::Null();
  if (!IsObjectOfKind(a.argv[0], Kind::kException))
    return RaiseTypeError(ts, absl::StrCat("expected an exception, got '", TypeName(ts, a.argv[0]), "'"));
  int chain = IsTrue(ts, a.argv[1]);
  if (chain < 0) return Value::Null();
  auto* exc = As<ExceptionObject>(a.argv[0]);
  std::string text = FormatException(ts, exc, chain != 0, /*suggestions=*/false);
  if (ts.exc) return Value::Null();
  return NewStrValue(ts, text);
}

ModuleObject* MakeTracebackModule(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "_traceback"));
  AddFunctions(ts.interp, m->dict, {{"format", Format}});
  return m.get();
}

}  // namespace

void RegisterTracebackModule(Interpreter& in) { in.native_modules["_traceback"] = MakeTracebackModule; }

}  // namespace gilvm::stdlib
