// The interactive prompt of the gilvm program: `gilvm` on a terminal, `gilvm -i`.
//
// The session reads statements line by line and runs each one in __main__ as soon as the
// compiler says it is complete (Interpreter::RunInteractive), echoing expression values. It
// waits for input without the GIL, so script threads started at the prompt keep running while
// the user types. On a terminal the line editor is libedit (history in a file, completion,
// auto-indent); otherwise prompts go to stderr and lines are read plainly, as CPython does.
#pragma once

#include <string>
#include <vector>

namespace gilvm::vm {
class ThreadState;
}

namespace gilvm::cli {

class SigintWatcher;

struct ReplOptions {
  bool banner = true;        // the version line and how to leave (-q: none)
  bool line_editing = true;  // libedit; false: plain reads, prompts on stderr
  std::string history_path;  // where line editing keeps its history; empty: none kept
};

// Runs the session on the main thread `ts`, which holds the GIL, until Ctrl-D, exit() or an
// uncaught SystemExit; returns the exit status. Ctrl-C (routed through `sigint`) cancels the
// line being typed, or interrupts the statement running with KeyboardInterrupt.
int RunRepl(vm::ThreadState& ts, SigintWatcher& sigint, const ReplOptions& options);

// $GILVM_HISTORY if it is set (empty: no history), else ~/.gilvm_history.
std::string DefaultHistoryPath();

// What Tab offers for the text before the cursor: keywords, builtins and __main__'s globals
// for a name, the attributes of the object for `name.attr...`. Callables end in "(", keywords
// in a space. Called with the GIL held; touches no object it does not reach by name.
std::vector<std::string> Completions(vm::ThreadState& ts, const std::string& before_cursor);

// The indentation to type for the next line of an unfinished statement whose last line is
// `line`: one level (4 spaces) deeper after a line ending in ':', the same otherwise.
std::string NextIndent(const std::string& line);

}  // namespace gilvm::cli
