// "Did you mean": the suggestion CPython 3.11 adds to a printed NameError or AttributeError
// ("NameError: name 'prnt' is not defined. Did you mean: 'print'?").
//
// The rules are CPython's (Python/suggestions.c), reimplemented: the candidate nearest to the
// missing name by an edit distance where changing only a letter's case costs 1 and any other
// insertion, deletion or substitution 2; a candidate must be within a third of the characters
// involved; ties go to the first candidate seen; 750 or more candidates give no suggestion,
// nor do names longer than 40 characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
struct ExceptionObject;
struct Frame;
struct StrObject;

// The candidate closest to `name`, or empty.
std::string_view ClosestName(std::string_view name, const std::vector<std::string_view>& candidates);

// Notes on the pending NameError what its name is close to, searching as CPython does the
// frame's local variable names, then its globals, then its builtins (at the raise: gilvm's
// tracebacks keep no frames).
void NoteNameErrorSuggestion(ThreadState& ts, const Frame* frame, StrObject* name);
// Notes on the pending AttributeError which object lacked which attribute; the suggestion is
// looked for in dir(obj) only when the exception is printed.
void NoteMissingAttribute(ThreadState& ts, Value obj, StrObject* name);

// ". Did you mean: 'x'?" for `exc`, or empty.
std::string SuggestionText(ThreadState& ts, ExceptionObject* exc);

}  // namespace gilvm::vm
