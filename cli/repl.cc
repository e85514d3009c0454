#include "cli/repl.h"

#include <fcntl.h>
#include <histedit.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <cwchar>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cli/sigint.h"
#include "vm/config.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/thread_state.h"

namespace gilvm::cli {
namespace {

// Python 3.11's keyword.kwlist, for completion.
constexpr const char* kKeywords[] = {
    "False", "None",     "True",   "and",   "as",     "assert", "async", "await",    "break",
    "class", "continue", "def",    "del",   "elif",   "else",   "except", "finally", "for",
    "from",  "global",   "if",     "import", "in",    "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise",  "return", "try",   "while",  "with",  "yield",
};

void WriteAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    s.remove_prefix(static_cast<size_t>(n));
  }
}

// SIGINT held back from this thread while a prompt reads (see RunRepl): WaitForInput lets it in
// only while it waits, atomically with the wait, so a Ctrl-C always meets a waiting reader.
// Without that, a SIGINT that came just before the wait could have its handler put off until
// the wait ended, which is what ThreadSanitizer's runtime does with a signal that arrives
// outside a blocking call: the prompt then waited for the next key with the Ctrl-C unseen.
class SigintHeld {
 public:
  SigintHeld() {
    sigset_t sigint;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigint, &old_);
  }
  ~SigintHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SigintHeld(const SigintHeld&) = delete;
  SigintHeld& operator=(const SigintHeld&) = delete;

 private:
  sigset_t old_;
};

// Waits until `fd` has input (or has hung up) or Ctrl-C was pressed (a byte on
// `interrupt_fd`, which is drained). False for Ctrl-C.
bool WaitForInput(int fd, int interrupt_fd) {
  sigset_t waiting;  // this thread's signal mask, with SIGINT let through
  pthread_sigmask(SIG_SETMASK, nullptr, &waiting);
  sigdelset(&waiting, SIGINT);
  for (;;) {
    pollfd p[2] = {{fd, POLLIN, 0}, {interrupt_fd, POLLIN, 0}};
    int n = ppoll(p, 2, nullptr, &waiting);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return true;  // the read that follows reports the error
    if (p[1].revents & POLLIN) {
      char drain[64];
      while (read(interrupt_fd, drain, sizeof drain) > 0) {
      }
      return false;
    }
    if (p[0].revents != 0) return true;
  }
}

// One byte from the terminal: 1, 0 at its end, -1 on error, or -2 for Ctrl-C. `fd` is
// non-blocking (a description of its own, see EditReader): Ctrl-C flushes what the terminal
// had not delivered, so input that poll saw may be gone by the read, which must not then block
// until the next key.
int ReadTerminalByte(int fd, int interrupt_fd, unsigned char* out) {
  for (;;) {
    if (!WaitForInput(fd, interrupt_fd)) return -2;
    ssize_t n = read(fd, out, 1);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0 && errno == EIO) return 0;  // the terminal hung up
    return n < 0 ? -1 : static_cast<int>(n);
  }
}

// Whether input is already waiting: a paste, whose lines carry their own indentation.
bool InputWaiting(int fd) {
  pollfd p = {fd, POLLIN, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

enum class ReadResult { kLine, kEof, kInterrupted };

// Where lines come from. Read runs without the GIL and touches no interpreter object.
class LineReader {
 public:
  explicit LineReader(int interrupt_fd) : interrupt_fd_(interrupt_fd) {}
  virtual ~LineReader() = default;
  // Shows `prompt` with `indent` typed in already, and reads one line, without its newline.
  virtual ReadResult Read(const std::string& prompt, const std::string& indent, std::string* line) = 0;
  // A line entered (for the history).
  virtual void Remember(const std::string& line) {}

 protected:
  int interrupt_fd_;
};

// stdin is not a terminal (`gilvm -i < file`): prompts on stderr, as CPython writes them, and
// lines read a byte at a time, so that what the statements read with input() is left to them.
class PlainReader : public LineReader {
 public:
  using LineReader::LineReader;

  ReadResult Read(const std::string& prompt, const std::string&, std::string* line) override {
    WriteAll(2, prompt);
    line->clear();
    for (;;) {
      if (!WaitForInput(0, interrupt_fd_)) return ReadResult::kInterrupted;
      char c;
      ssize_t n = read(0, &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return line->empty() ? ReadResult::kEof : ReadResult::kLine;
      if (c == '\n') return ReadResult::kLine;
      line->push_back(c);
    }
  }
};

// The GIL, taken back for a moment while the prompt waits without it (completion).
class GilReacquire {
 public:
  explicit GilReacquire(vm::ThreadState& ts) : ts_(ts) { ts.interp.gil.Acquire(ts.gil_slot); }
  ~GilReacquire() {
    ts_.CountInstructions();  // what completion ran, in the statistics (as GilReleaseGuard does)
    ts_.interp.gil.Release(ts_.gil_slot, vm::GilReleaseReason::kIo);
  }
  GilReacquire(const GilReacquire&) = delete;
  GilReacquire& operator=(const GilReacquire&) = delete;

 private:
  vm::ThreadState& ts_;
};

// The identifier characters (and dots) that end `text`: the word Tab completes.
std::string CompletionWord(const std::string& text) {
  size_t start = text.size();
  while (start > 0) {
    unsigned char c = static_cast<unsigned char>(text[start - 1]);
    if (!(absl::ascii_isalnum(c) || c == '_' || c == '.' || c >= 0x80)) break;
    --start;
  }
  return text.substr(start);
}

// A terminal: libedit, with history, completion and auto-indent.
class EditReader : public LineReader {
 public:
  EditReader(int interrupt_fd, vm::ThreadState& ts, std::string history_path)
      : LineReader(interrupt_fd), ts_(ts), history_path_(std::move(history_path)) {
    el_ = el_init("gilvm", stdin, stdout, stderr);
    hist_ = history_init();
    HistEvent ev;
    history(hist_, &ev, H_SETSIZE, 1000);
    history(hist_, &ev, H_SETUNIQUE, 1);
    if (!history_path_.empty()) history(hist_, &ev, H_LOAD, history_path_.c_str());
    el_set(el_, EL_CLIENTDATA, this);
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_SIGNAL, 0);
    el_set(el_, EL_PROMPT, &EditReader::Prompt);
    el_set(el_, EL_HIST, history, hist_);
    el_set(el_, EL_GETCFN, &EditReader::GetChar);
    // Through el_wset: libedit keeps the wide strings it is given, where el_set would copy
    // them and never free the copies (LeakSanitizer's report at exit).
    el_wset(el_, EL_ADDFN, L"gilvm-complete", L"complete the name before the cursor", &EditReader::Complete);
    el_set(el_, EL_BIND, "^I", "gilvm-complete", nullptr);
    el_wset(el_, EL_ADDFN, L"gilvm-eof", L"end of input on an empty line, else delete forward", &EditReader::EndOrDelete);
    el_set(el_, EL_BIND, "^D", "gilvm-eof", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc, if any
    // Keys are read through a non-blocking description of the terminal of our own, which
    // leaves stdin's flags alone for the script (input(), sys.stdin).
    const char* tty = ttyname(0);
    terminal_fd_ = tty == nullptr ? -1 : open(tty, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  }

  ~EditReader() override {
    if (terminal_fd_ >= 0) close(terminal_fd_);
    HistEvent ev;
    if (!history_path_.empty()) history(hist_, &ev, H_SAVE, history_path_.c_str());
    el_end(el_);
    history_end(hist_);
  }

  ReadResult Read(const std::string& prompt, const std::string& indent, std::string* line) override {
    prompt_ = prompt;
    interrupted_ = false;
    el_resize(el_);
    // Raw mode before the prompt shows, not at the first key as libedit would: keys typed the
    // moment the prompt appears must not meet the terminal's line discipline (which turns a
    // Ctrl-D at the start of a line into an end-of-file libedit never sees).
    el_set(el_, EL_PREP_TERM, 1);
    if (!indent.empty() && !InputWaiting(0)) el_push(el_, indent.c_str());
    int count = 0;
    const char* text = el_gets(el_, &count);
    if (text == nullptr || count <= 0) {
      if (interrupted_) return ReadResult::kInterrupted;
      return ReadResult::kEof;
    }
    line->assign(text, static_cast<size_t>(count));
    if (!line->empty() && line->back() == '\n') line->pop_back();
    return ReadResult::kLine;
  }

  void Remember(const std::string& line) override {
    if (line.find_first_not_of(" \t") == std::string::npos) return;
    HistEvent ev;
    history(hist_, &ev, H_ENTER, line.c_str());
  }

 private:
  static EditReader* Self(EditLine* el) {
    void* self = nullptr;
    el_get(el, EL_CLIENTDATA, &self);
    return static_cast<EditReader*>(self);
  }

  static char* Prompt(EditLine* el) { return Self(el)->prompt_.data(); }

  // libedit's reader: one character, decoded from UTF-8, or -1 (errno EINTR) for Ctrl-C.
  static int GetChar(EditLine* el, wchar_t* out) {
    EditReader* self = Self(el);
    unsigned char bytes[4];
    auto next = [self](unsigned char* b) {
      int r = ReadTerminalByte(self->terminal_fd_ >= 0 ? self->terminal_fd_ : 0, self->interrupt_fd_, b);
      if (r == -2) {
        self->interrupted_ = true;
        errno = EINTR;
        return -1;
      }
      return r;
    };
    if (self->held_byte_ >= 0) {  // the byte that cut a broken UTF-8 sequence short
      bytes[0] = static_cast<unsigned char>(self->held_byte_);
      self->held_byte_ = -1;
    } else if (int r = next(bytes); r != 1) {
      return r;
    }
    int length = bytes[0] < 0x80 ? 1 : bytes[0] >= 0xF0 ? 4 : bytes[0] >= 0xE0 ? 3 : bytes[0] >= 0xC0 ? 2 : 0;
    if (length == 0) {  // a stray continuation byte
      *out = 0xFFFD;
      return 1;
    }
    for (int i = 1; i < length; ++i) {
      int r = next(bytes + i);
      if (r < 0 && self->interrupted_) return -1;
      if (r != 1 || (bytes[i] & 0xC0) != 0x80) {
        if (r == 1) self->held_byte_ = bytes[i];  // it starts something new: read it next time
        *out = 0xFFFD;
        return 1;
      }
    }
    std::mbstate_t state{};
    wchar_t wc;
    size_t r = std::mbrtowc(&wc, reinterpret_cast<const char*>(bytes), static_cast<size_t>(length), &state);
    *out = r == static_cast<size_t>(-1) || r == static_cast<size_t>(-2) ? 0xFFFD : wc;
    return 1;
  }

  // Ctrl-D: on an empty (or only indented) line, the end of input (without libedit's echoed "^D"); otherwise
  // deletes the character under the cursor.
  static unsigned char EndOrDelete(EditLine* el, int) {
    const LineInfo* info = el_line(el);
    std::string_view text(info->buffer, static_cast<size_t>(info->lastchar - info->buffer));
    if (text.find_first_not_of(" \t") == std::string_view::npos) {  // empty, or just the auto-indent
      el_cursor(el, static_cast<int>(text.size()));
      el_deletestr(el, static_cast<int>(text.size()));
      return CC_EOF;
    }
    if (info->cursor == info->lastchar) return CC_ERROR;
    el_cursor(el, 1);
    el_deletestr(el, 1);
    return CC_REFRESH;
  }

  // Tab: blanks before the cursor indent by 4 spaces; otherwise the word before the cursor is
  // completed to the longest prefix its candidates share, and with nothing more to add the
  // candidates are listed.
  static unsigned char Complete(EditLine* el, int) {
    EditReader* self = Self(el);
    const LineInfo* info = el_line(el);
    std::string before(info->buffer, info->cursor);
    if (before.find_first_not_of(" \t") == std::string::npos) {
      el_insertstr(el, "    ");
      return CC_REFRESH;
    }
    std::vector<std::string> options;
    {
      GilReacquire gil(self->ts_);
      options = Completions(self->ts_, before);
    }
    if (options.empty()) return CC_ERROR;
    std::string word = CompletionWord(before);
    std::string common = options.front();
    for (const std::string& o : options) {
      size_t i = 0;
      while (i < common.size() && i < o.size() && common[i] == o[i]) ++i;
      common.resize(i);
    }
    if (common.size() > word.size()) {
      el_insertstr(el, common.substr(word.size()).c_str());
      return CC_REFRESH;
    }
    if (options.size() == 1) return CC_REFRESH;
    // The candidates in columns under the line, then the prompt and line again.
    size_t width = 0;
    for (const std::string& o : options) width = std::max(width, o.size());
    width += 2;
    size_t columns = std::max<size_t>(1, 80 / width);
    std::string listing = "\n";
    for (size_t i = 0; i < options.size(); ++i) {
      listing += options[i];
      if ((i + 1) % columns == 0 || i + 1 == options.size()) listing += "\n";
      else listing += std::string(width - options[i].size(), ' ');
    }
    WriteAll(1, listing);
    return CC_REDISPLAY;
  }

  vm::ThreadState& ts_;
  std::string history_path_;
  EditLine* el_ = nullptr;
  History* hist_ = nullptr;
  std::string prompt_;
  bool interrupted_ = false;
  int held_byte_ = -1;
  int terminal_fd_ = -1;  // stdin's terminal, opened again non-blocking
};

// sys.ps1 or sys.ps2 as a string (CPython's defaults if they are missing or fail).
std::string PromptText(vm::ThreadState& ts, bool first) {
  vm::Interpreter& interp = ts.interp;
  vm::Value v = vm::DictGetStr(interp.sys_module->dict, vm::Intern(interp, first ? "ps1" : "ps2"));
  std::string text;
  if (v.is_null() || !vm::StrString(ts, v, &text)) {
    vm::ClearException(ts);
    return first ? ">>> " : "... ";
  }
  return text;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || absl::ascii_isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Whether a name is offered for `prefix`: private names only when the prefix asks for them.
bool Offered(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return false;
  if (prefix.empty()) return !name.starts_with("_");
  if (prefix == "_") return !name.starts_with("__");
  return true;
}

}  // namespace

std::vector<std::string> Completions(vm::ThreadState& ts, const std::string& before_cursor) {
  vm::Interpreter& interp = ts.interp;
  std::string word = CompletionWord(before_cursor);
  std::vector<std::string> out;
  if (word.empty() || absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) return out;
  vm::Value main_module = vm::DictGetStr(interp.modules, interp.names.__main__);
  if (!vm::IsObjectOfKind(main_module, vm::Kind::kModule)) return out;
  vm::DictObject* globals = vm::As<vm::ModuleObject>(main_module)->dict;
  auto suffix = [&](vm::Value v) { return !v.is_null() && vm::IsCallable(interp, v) ? "(" : ""; };

  size_t dot = word.rfind('.');
  if (dot == std::string::npos) {
    for (const char* k : kKeywords) {
      std::string_view kw = k;
      if (!kw.starts_with(word)) continue;
      if (kw == "finally" || kw == "try") out.push_back(std::string(kw) + ":");
      else if (kw == "False" || kw == "None" || kw == "True" || kw == "break" || kw == "continue" || kw == "pass" ||
               kw == "else")
        out.emplace_back(kw);
      else out.push_back(std::string(kw) + " ");
    }
    for (vm::DictObject* d : {globals, interp.builtins}) {
      for (const auto& e : d->entries) {
        if (e.key.is_null() || !vm::IsObjectOfKind(e.key, vm::Kind::kStr)) continue;
        std::string_view name = vm::As<vm::StrObject>(e.key)->view();
        if (!Offered(name, word)) continue;
        out.push_back(std::string(name) + suffix(e.value));
      }
    }
  } else {
    // `a.b.c.pre`: only plain dotted names are looked up (no calls, no subscripts), as
    // CPython's rlcompleter does, so Tab runs no code but attribute lookups.
    std::string_view path = std::string_view(word).substr(0, dot);
    std::string prefix = word.substr(dot + 1);
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
      size_t next = path.find('.', start);
      parts.push_back(path.substr(start, next == std::string_view::npos ? next : next - start));
      if (next == std::string_view::npos) break;
      start = next + 1;
    }
    if (!std::all_of(parts.begin(), parts.end(), IsIdentifier)) return out;
    vm::StrObject* first = vm::Intern(interp, parts[0]);
    vm::Value obj = vm::DictGetStr(globals, first);
    if (obj.is_null()) obj = vm::DictGetStr(interp.builtins, first);
    if (obj.is_null()) return out;
    vm::Root target(ts, obj);
    for (size_t i = 1; i < parts.size(); ++i) {
      vm::Value next = vm::GetAttrOrNull(ts, target.get(), vm::Intern(interp, parts[i]));
      if (next.is_null()) {
        vm::ClearException(ts);
        return out;
      }
      target.set(next);
    }
    vm::Value dir = vm::DictGetStr(interp.builtins, vm::Intern(interp, "dir"));
    vm::Root names(ts, dir.is_null() ? vm::Value::Null() : vm::Call(ts, dir, target.slot(), 1));
    if (names.get().is_null() || !vm::IsObjectOfKind(names.get(), vm::Kind::kList)) {
      vm::ClearException(ts);
      return out;
    }
    auto* list = vm::As<vm::ListObject>(names.get());
    for (size_t i = 0; i < list->items.size(); ++i) {
      vm::Value n = list->items[i];
      if (!vm::IsObjectOfKind(n, vm::Kind::kStr)) continue;
      std::string name(vm::As<vm::StrObject>(n)->view());
      if (!Offered(name, prefix)) continue;
      vm::Value attr = vm::GetAttrOrNull(ts, target.get(), vm::Intern(interp, name));
      if (attr.is_null()) vm::ClearException(ts);
      out.push_back(std::string(path) + "." + name + suffix(attr));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string NextIndent(const std::string& line) {
  size_t body = line.find_first_not_of(" \t");
  if (body == std::string::npos) return "";
  std::string indent = line.substr(0, body);
  // The line's end, without a comment (a '#' outside quotes is near enough for indentation).
  std::string code = line;
  bool quoted = false;
  char quote = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == quote) quoted = false;
    } else if (c == '"' || c == '\'') {
      quoted = true;
      quote = c;
    } else if (c == '#') {
      code.resize(i);
      break;
    }
  }
  code = std::string(absl::StripTrailingAsciiWhitespace(code));
  if (!code.empty() && code.back() == ':') indent += "    ";
  return indent;
}

std::string DefaultHistoryPath() {
  if (const char* path = std::getenv("GILVM_HISTORY")) return path;
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return absl::StrCat(home, "/.gilvm_history");
}

int RunRepl(vm::ThreadState& ts, SigintWatcher& sigint, const ReplOptions& options) {
  vm::Interpreter& interp = ts.interp;
  // Ctrl-C at the prompt arrives here, written by the SIGINT watcher.
  int interrupt[2];
  if (pipe2(interrupt, O_CLOEXEC | O_NONBLOCK) != 0) {
    interp.WriteStderr("gilvm: cannot start the interactive prompt: no pipe\n");
    return 1;
  }
  std::unique_ptr<LineReader> reader;
  if (options.line_editing) {
    // libedit decodes and shows non-ASCII text through the C library's locale.
    if (std::setlocale(LC_CTYPE, "") == nullptr || MB_CUR_MAX == 1) std::setlocale(LC_CTYPE, "C.UTF-8");
    reader = std::make_unique<EditReader>(interrupt[0], ts, options.history_path);
  } else {
    reader = std::make_unique<PlainReader>(interrupt[0]);
  }
  if (options.banner) {
    interp.WriteStderr(absl::StrCat("gilvm ", vm::kVersion, " (Python 3.11 subset, one GIL per interpreter) on linux\n",
                                    "Type exit() or Ctrl-D to leave. Watch the GIL: import gil; print(gil.table())\n"));
  }
  int status = 0;
  bool done = false;
  std::string source;  // the lines of the statement typed so far
  std::string indent;
  while (!done) {
    std::string prompt = PromptText(ts, source.empty());
    interp.FlushStdout();
    std::string line;
    ReadResult got;
    sigint.RouteTo(interrupt[1]);
    if (interp.gil.breaker() & vm::Gil::kSignal) {
      // Ctrl-C pressed as the last statement ended, too late to interrupt it: it cancels the
      // prompt instead, so that every Ctrl-C shows.
      interp.gil.Clear(vm::Gil::kSignal);
      got = ReadResult::kInterrupted;
    } else {
      vm::GilReleaseGuard waiting(ts);
      SigintHeld until_the_reader_waits;
      got = reader->Read(prompt, indent, &line);
    }
    sigint.RouteTo(-1);
    bool at_eof = false;
    switch (got) {
      case ReadResult::kEof:
        interp.WriteStderr("\n");  // ends the prompt's line, as CPython does
        if (source.empty()) {
          done = true;
          continue;
        }
        at_eof = true;  // Ctrl-D after unfinished lines: they run (or fail) as they are
        break;
      case ReadResult::kInterrupted:
        interp.WriteStderr("\nKeyboardInterrupt\n");
        source.clear();
        indent.clear();
        continue;
      case ReadResult::kLine: break;
    }
    if (!at_eof) {
      reader->Remember(line);
      absl::StrAppend(&source, line, "\n");
    }
    switch (interp.RunInteractive(ts, source, &status, at_eof)) {
      case vm::Interpreter::Interactive::kIncomplete:
        indent = options.line_editing ? NextIndent(line) : "";
        break;
      case vm::Interpreter::Interactive::kDone:
        source.clear();
        indent.clear();
        break;
      case vm::Interpreter::Interactive::kExit:
        done = true;
        break;
    }
  }
  interp.FlushStdout();
  reader.reset();  // saves the history
  close(interrupt[0]);
  close(interrupt[1]);
  return status;
}

}  // namespace gilvm::cli
