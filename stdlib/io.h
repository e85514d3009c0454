// The io module's objects, for the parts of the stdlib that create or use them directly: open()
// and the io classes (stdlib/io.cc), sys.stdin/stdout/stderr (stdlib/sys.cc), input().
//
// Invariants:
//  - Layers as in CPython: a TextIOWrapper decodes and encodes over a buffered binary file
//    (`buffer`), which owns the descriptor and the read-ahead / write-behind buffers. The text
//    layer keeps no decoded data of its own, so its tell() is the binary layer's.
//  - Every wait for a descriptor goes through WaitFd and every read/write/lseek syscall runs with
//    the GIL released (GilReleaseGuard), so IO-bound threads overlap and Ctrl-C reaches a reader.
//    A file's `busy` flag, under `mu`, serialises threads using one file object across those
//    released sections, as the lock inside CPython's buffered objects does.
//  - A file with buffered writes is listed in interp.unflushed_files; open() and the os functions
//    that look at the file system flush them first, so a script that never closed a file still
//    sees its writes, as it would under CPython's reference counting. The collector's sweep and
//    interpreter teardown flush and close what is left.
//  - sys.stdout and sys.stderr write through the interpreter's output sinks
//    (Interpreter::WriteStdout/WriteStderr), which embedding hosts may redirect.
//  - In a sandbox (vm/sandbox.h) open() needs file access (descriptor access for open(fd)), and
//    so do reading, seeking and truncating sys.stdin/stdout/stderr, which are the host's
//    descriptors; in-memory streams and writes to sys.stdout/stderr (which go to the host's
//    sinks) are always allowed.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "vm/object.h"
#include "vm/value.h"

namespace gilvm::vm {
class ThreadState;
class Interpreter;
}  // namespace gilvm::vm

namespace gilvm::stdlib {

// How a text stream translates line endings (the `newline` argument of open()).
enum class Newline : uint8_t {
  kUniversal,  // None: '\r\n' and '\r' read as '\n'; '\n' written as is (os.linesep is '\n')
  kUntranslated,  // '': lines end at '\n', '\r' or '\r\n', returned untranslated
  kLf,         // '\n'
  kCr,         // '\r': lines end at '\r'; '\n' written as '\r'
  kCrLf,       // '\r\n': lines end at '\r\n'; '\n' written as '\r\n'
};

// Where a binary file's writes go.
enum class Sink : uint8_t { kFd, kStdout, kStderr };

// Every io object: FileIO, Buffered*, TextIOWrapper, BytesIO, StringIO (Kind::kIo).
struct IoObject : vm::Object {
  enum class Impl : uint8_t { kFile, kText, kBytesIO, kStringIO };
  IoObject(vm::TypeObject* t, Impl impl) : Object(t, vm::Kind::kIo), impl(impl) {}

  const Impl impl;
  bool closed = false;
  bool readable = false;
  bool writable = false;
};

// FileIO and BufferedReader/Writer/Random: a descriptor and its buffers. `raw` (FileIO) writes
// through and reads exactly what is asked.
struct FileObject : IoObject {
  FileObject(vm::TypeObject* t, vm::Interpreter* interp) : IoObject(t, Impl::kFile), interp(interp) {}
  ~FileObject() override;
  void Trace(vm::Tracer& t) override;
  size_t ExtraBytes() const override { return rbuf.capacity() + wbuf.capacity(); }

  vm::Interpreter* interp;
  int fd = -1;
  bool closefd = true;
  bool raw = false;
  bool appending = false;
  bool regular = false;  // a regular file: reads never block, so no WaitFd first
  bool eof = false;      // the last read returned 0 bytes
  int host_stream = -1;  // 0, 1, 2 for sys.stdin/stdout/stderr: the host's descriptors (vm/sandbox.h)
  Sink sink = Sink::kFd;
  vm::Value name;        // str or int, as given to open()
  std::string mode;      // 'rb', 'wb', 'rb+'... (the binary mode)
  std::string rbuf;      // read ahead: rbuf[rpos..] not yet consumed
  size_t rpos = 0;
  std::string wbuf;      // written, not yet flushed
  vm::Value owner;       // kept alive with the file (the socket behind socket.makefile())
  double timeout = -1;   // seconds a read or write may wait (a socket's timeout); <0: no limit
  std::mutex mu;         // guards busy (see the invariants)
  std::condition_variable cv;
  bool busy = false;
};

// TextIOWrapper: text over a FileObject.
struct TextObject : IoObject {
  TextObject(vm::TypeObject* t, FileObject* buffer) : IoObject(t, Impl::kText), buffer(buffer) {}
  void Trace(vm::Tracer& t) override;

  FileObject* buffer;
  std::string encoding;  // as given (repr shows it), e.g. 'UTF-8' or 'utf-8'
  std::string codec;     // normalised: "utf-8", "ascii" or "latin-1"
  bool utf8 = true;      // codec == "utf-8", tested per character
  std::string errors = "strict";
  std::string mode;      // 'r', 'w', 'r+'... (what the script passed, minus 't')
  Newline newline = Newline::kUniversal;
  uint8_t newlines_seen = 0;  // the `newlines` attribute: kSeenCr | kSeenLf | kSeenCrLf
  bool line_buffering = false;
};

// sys.stdin (fd 0), sys.stdout (fd 1) and sys.stderr (fd 2) as TextIOWrappers.
vm::Value NewStdStream(vm::ThreadState& ts, int fd);
// One line from `stream` (sys.stdin) for input(): without its '\n'; false with EOFError
// ("EOF when reading a line") or another exception pending.
bool ReadInputLine(vm::ThreadState& ts, vm::Value stream, std::string* line);
// Writes `parts` to `stream` (a file object, or null/None for sys.stdout) as print() does: to the
// interpreter's own std streams directly, to anything else with one write() call per part (as
// CPython's print calls it per argument, separator and end). Writing to None
// (sys.stdout = None) does nothing, as in CPython. false: an exception is pending.
bool WriteText(vm::ThreadState& ts, vm::Value stream, const std::vector<std::string>& parts);
// socket.makefile(): open(fd, mode, buffering, encoding, errors, newline, closefd=False), whose
// waits honour `timeout` (TimeoutError "timed out") and which keeps `owner` alive.
vm::Value OpenSocketFile(vm::ThreadState& ts, int fd, std::string_view mode, const vm::Value* options,
                         vm::Value owner, double timeout);
// Flushes every file with buffered writes (see the invariants); false with OSError pending.
bool FlushUnflushedFiles(vm::ThreadState& ts);

}  // namespace gilvm::stdlib
