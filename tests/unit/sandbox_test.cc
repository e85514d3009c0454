// The sandbox (vm/sandbox.h): with InterpreterOptions::sandbox enabled, each kind of access the
// host did not allow raises PermissionError (ModuleNotFoundError for imports) with one wording,
// what it allowed works, pure computation and the embedded standard library are untouched, and a
// disabled sandbox (the default) changes nothing.
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include "vm/dict.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/str.h"

namespace gilvm::vm {
namespace {

constexpr const char* kFiles = "is not allowed: file access is disabled in this sandbox";

InterpreterOptions Sandboxed(bool files = false, bool network = false, bool processes = false, bool env = false) {
  InterpreterOptions o;
  o.sandbox.enabled = true;
  o.sandbox.files = files;
  o.sandbox.network = network;
  o.sandbox.processes = processes;
  o.sandbox.environment = env;
  return o;
}

// A fresh directory holding data.txt ("hello sandbox\n") and mymod.py (VALUE = 42), removed at
// the end of the test.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/gilvm_sandbox_XXXXXX";
    path_ = mkdtemp(tmpl);
    std::ofstream(path_ + "/data.txt") << "hello sandbox\n";
    std::ofstream(path_ + "/mymod.py") << "VALUE = 42\n";
  }
  ~TempDir() {
    for (const char* name : {"data.txt", "mymod.py", "new.txt", "sub"}) {
      std::string p = path_ + "/" + name;
      std::remove(p.c_str());
    }
    rmdir(path_.c_str());
  }
  const std::string& path() const { return path_; }
  bool Exists(const char* name) const {
    struct stat st;
    return stat((path_ + "/" + name).c_str(), &st) == 0;
  }

 private:
  std::string path_;
};

// `body` with D bound to the temp directory and a helper that runs a call and prints what it
// raised: "deny: <type>: <message>" or "ok".
std::string Script(const TempDir& dir, std::string_view body) {
  return absl::StrCat("D = '", dir.path(), "'\n", R"(
def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, type(e).__name__, isinstance(e, OSError), e)
    else:
        print(label, 'ok')
)", std::string(body));
}

TEST(SandboxTest, FileAccessDeniedEverywhere) {
  TempDir dir;
  RunResult r = RunSource(Script(dir, R"(
import os, io
attempt('open', lambda: open(D + '/data.txt'))
attempt('open-w', lambda: open(D + '/new.txt', 'w'))
attempt('open-fd', lambda: open(0))
attempt('io.open', lambda: io.open(D + '/data.txt', 'rb'))
attempt('stat', lambda: os.stat(D))
attempt('lstat', lambda: os.lstat(D))
attempt('listdir', lambda: os.listdir(D))
attempt('mkdir', lambda: os.mkdir(D + '/sub'))
attempt('remove', lambda: os.remove(D + '/data.txt'))
attempt('unlink', lambda: os.unlink(D + '/data.txt'))
attempt('rename', lambda: os.rename(D + '/data.txt', D + '/new.txt'))
attempt('replace', lambda: os.replace(D + '/data.txt', D + '/new.txt'))
attempt('getcwd', os.getcwd)
attempt('chdir', lambda: os.chdir(D))
attempt('access', lambda: os.access(D, os.F_OK))
attempt('chmod', lambda: os.chmod(D, 0o700))
attempt('utime', lambda: os.utime(D))
attempt('readlink', lambda: os.readlink(D))
attempt('symlink', lambda: os.symlink(D, D + '/new.txt'))
attempt('umask', lambda: os.umask(0o22))
attempt('os.open', lambda: os.open(D + '/data.txt', os.O_RDONLY))
attempt('read', lambda: os.read(0, 1))
attempt('write', lambda: os.write(1, b'x'))
attempt('fstat', lambda: os.fstat(1))
attempt('close', lambda: os.close(1))
attempt('dup', lambda: os.dup(1))
attempt('dup2', lambda: os.dup2(1, 2))
attempt('lseek', lambda: os.lseek(0, 0, 0))
attempt('isatty', lambda: os.isatty(1))
attempt('pipe', os.pipe)
attempt('stdin', lambda: __import__('sys').stdin.readline())
attempt('input', input)
attempt('walk', lambda: list(os.walk(D)))
attempt('truncate', lambda: __import__('sys').stdout.truncate(0))
attempt('btruncate', lambda: __import__('sys').stdout.buffer.truncate(0))
attempt('seek', lambda: __import__('sys').stderr.seek(0))
__import__('sys').stdout.write('still writing\n')
print('exists', os.path.exists(D + '/data.txt'))
try:
    open(D + '/data.txt')
except PermissionError as e:
    print('caught', e.errno, e.filename)
)"),
                          Sandboxed());
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* op : {"open", "open-w", "open-fd", "io.open"})
    EXPECT_NE(r.out.find(absl::StrCat(op, " PermissionError True open() ", kFiles)), std::string::npos) << op << r.out;
  for (const char* op : {"stat", "lstat", "listdir", "mkdir", "remove", "unlink", "rename", "replace", "getcwd",
                         "chdir", "access", "chmod", "utime", "readlink", "symlink", "umask", "read", "write",
                         "fstat", "close", "dup", "dup2", "lseek", "isatty", "pipe"})
    EXPECT_NE(r.out.find(absl::StrCat(op, " PermissionError True os.", op, "() ", kFiles)), std::string::npos)
        << op << "\n" << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("os.open PermissionError True os.open() ", kFiles)), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("stdin PermissionError True reading sys.stdin ", kFiles)), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("input PermissionError True reading sys.stdin ", kFiles)), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("walk ok")), std::string::npos) << r.out;
  for (const char* op : {"truncate PermissionError True truncating sys.stdout ",
                         "btruncate PermissionError True truncating sys.stdout ",
                         "seek PermissionError True seeking sys.stderr "})
    EXPECT_NE(r.out.find(absl::StrCat(op, kFiles)), std::string::npos) << op << "\n" << r.out;
  EXPECT_NE(r.out.find("still writing\n"), std::string::npos) << r.out;  // os.walk ignores OSError
  EXPECT_NE(r.out.find("exists False\n"), std::string::npos) << r.out;     // so does os.path.exists
  EXPECT_NE(r.out.find("caught None None\n"), std::string::npos) << r.out;
  EXPECT_TRUE(dir.Exists("data.txt"));
  EXPECT_FALSE(dir.Exists("new.txt"));
  EXPECT_FALSE(dir.Exists("sub"));
}

TEST(SandboxTest, FileAccessAllowed) {
  TempDir dir;
  RunResult r = RunSource(Script(dir, R"(
import os, sys
with open(D + '/data.txt') as f:
    print(repr(f.read()))
with open(D + '/new.txt', 'w') as f:
    f.write('made')
print(sorted(os.listdir(D)))
print(os.stat(D + '/new.txt').st_size)
r, w = os.pipe()
os.write(w, b'p')
print(os.read(r, 1))
sys.path.insert(0, D)
import mymod
print(mymod.VALUE)
)"),
                          Sandboxed(/*files=*/true));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "'hello sandbox\\n'\n['data.txt', 'mymod.py', 'new.txt']\n4\nb'p'\n42\n");
}

TEST(SandboxTest, ImportFromSysPathDeniedWithoutFiles) {
  TempDir dir;
  RunResult r = RunSource(Script(dir, R"(
import sys
sys.path.insert(0, D)
try:
    import mymod
except ImportError as e:
    print(type(e).__name__, e.name, e)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(e)
import importlib.util
spec = importlib.util.spec_from_file_location('mymod', D + '/mymod.py')
m = importlib.util.module_from_spec(spec)
attempt('exec_module', lambda: spec.loader.exec_module(m))
print(importlib.util.find_spec('mymod'))
import json, collections, os.path
print('embedded ok')
print('path0', repr(sys.path[1]), sys.path[-1])
)"),
                          Sandboxed());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("embedded ok\n"), std::string::npos) << r.out;
  // The script's directory is never resolved (it would reveal the host's current directory).
  EXPECT_NE(r.out.find("path0 '' <stdlib>\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("ModuleNotFoundError mymod importing 'mymod' from sys.path ", kFiles)),
            std::string::npos)
      << r.out << r.err;
  EXPECT_NE(r.out.find(absl::StrCat("importing 'no_such_module_anywhere' from sys.path ", kFiles)), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(absl::StrCat("exec_module PermissionError True loading ", dir.path(), "/mymod.py ", kFiles)),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("None\n"), std::string::npos) << r.out;
}

// A host's own native modules stay importable in a sandbox that allows nothing.
TEST(SandboxTest, HostNativeModuleStaysImportable) {
  std::string out, err;
  InterpreterOptions o = Sandboxed();
  o.write_stdout = [&out](std::string_view s) { out.append(s); };
  o.write_stderr = [&err](std::string_view s) { err.append(s); };
  Interpreter interp(std::move(o));
  interp.native_modules["hostmod"] = [](ThreadState& ts) -> ModuleObject* {
    ModuleObject* m = NewNativeModule(ts, "hostmod");
    RootedPtr<ModuleObject> root(ts, m);
    Value text = NewStrValue(ts, "hello from the host");
    DictSetStr(m->dict, Intern(ts.interp, "GREETING"), text);
    return m;
  };
  EXPECT_EQ(interp.RunMain("import hostmod\nprint(hostmod.GREETING)\n", "host.py"), 0) << err;
  EXPECT_EQ(out, "hello from the host\n");
}

TEST(SandboxTest, NetworkDeniedAndAllowed) {
  TempDir dir;
  std::string body = R"(
import socket
attempt('socket', socket.socket)
attempt('socketpair', socket.socketpair)
attempt('getaddrinfo', lambda: socket.getaddrinfo('localhost', 80))
attempt('gethostbyname', lambda: socket.gethostbyname('localhost'))
attempt('gethostname', socket.gethostname)
attempt('create_connection', lambda: socket.create_connection(('127.0.0.1', 9)))
attempt('fromfd', lambda: socket.fromfd(1, socket.AF_INET, socket.SOCK_STREAM))
print(socket.htons(1), socket.inet_aton('127.0.0.1'))
)";
  RunResult denied = RunSource(Script(dir, body), Sandboxed(/*files=*/true));
  EXPECT_EQ(denied.status, 0) << denied.err;
  for (const char* op : {"socket", "socketpair", "getaddrinfo", "gethostbyname", "gethostname"})
    EXPECT_NE(denied.out.find(absl::StrCat(op, " PermissionError True socket.", op,
                                           "() is not allowed: network access is disabled in this sandbox")),
              std::string::npos)
        << op << "\n" << denied.out;
  EXPECT_NE(denied.out.find("create_connection PermissionError True"), std::string::npos) << denied.out;
  EXPECT_NE(denied.out.find("fromfd PermissionError True socket.dup()"), std::string::npos) << denied.out;
  EXPECT_NE(denied.out.find("256 b'\\x7f\\x00\\x00\\x01'\n"), std::string::npos) << denied.out;

  RunResult allowed = RunSource(R"(
import socket
a, b = socket.socketpair()
a.sendall(b'ping')
print(b.recv(4))
)",
                                Sandboxed(false, /*network=*/true));
  EXPECT_EQ(allowed.status, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "b'ping'\n");
}

TEST(SandboxTest, ProcessesDeniedAndAllowed) {
  TempDir dir;
  RunResult denied = RunSource(Script(dir, R"(
import os, subprocess
attempt('run', lambda: subprocess.run(['/bin/true']))
attempt('fork', os.fork)
attempt('kill', lambda: os.kill(os.getpid(), 0))
attempt('waitpid', lambda: os.waitpid(-1, os.WNOHANG))
attempt('wait', os.wait)
attempt('execv', lambda: os.execv('/bin/true', ['true']))
attempt('execve', lambda: os.execve('/bin/true', ['true'], {}))
attempt('_exit', lambda: os._exit(3))
print('pid', os.getpid() > 0)
)"),
                               Sandboxed(/*files=*/true));
  EXPECT_EQ(denied.status, 0) << denied.err;
  const char* kProc = "is not allowed: process control is disabled in this sandbox";
  EXPECT_NE(denied.out.find(absl::StrCat("run PermissionError True subprocess.Popen() ", kProc)), std::string::npos)
      << denied.out;
  for (const char* op : {"fork", "kill", "waitpid", "wait", "execv", "execve", "_exit"})
    EXPECT_NE(denied.out.find(absl::StrCat(op, " PermissionError True os.", op, "() ", kProc)), std::string::npos)
        << op << "\n" << denied.out;
  EXPECT_NE(denied.out.find("pid True\n"), std::string::npos);

  RunResult allowed = RunSource(R"(
import subprocess
print(subprocess.run(['/bin/echo', 'child'], capture_output=True).stdout)
)",
                                Sandboxed(false, false, /*processes=*/true));
  EXPECT_EQ(allowed.status, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "b'child\\n'\n");
}

TEST(SandboxTest, EnvironmentLooksEmptyAndWritesAreDenied) {
  ASSERT_EQ(setenv("GILVM_SANDBOX_SECRET", "hunter2", 1), 0);
  TempDir dir;
  std::string body = R"(
import os
print(len(os.environ), os.getenv('GILVM_SANDBOX_SECRET'), 'GILVM_SANDBOX_SECRET' in os.environ)
attempt('setitem', lambda: os.environ.__setitem__('GILVM_SANDBOX_NEW', '1'))
attempt('putenv', lambda: os.putenv('GILVM_SANDBOX_NEW', '1'))
attempt('unsetenv', lambda: os.unsetenv('GILVM_SANDBOX_SECRET'))
print('new' if 'GILVM_SANDBOX_NEW' in os.environ else 'no new')
)";
  RunResult denied = RunSource(Script(dir, body), Sandboxed());
  EXPECT_EQ(denied.status, 0) << denied.err;
  const char* kEnv = "is not allowed: environment access is disabled in this sandbox";
  EXPECT_NE(denied.out.find("0 None False\n"), std::string::npos) << denied.out;
  EXPECT_NE(denied.out.find(absl::StrCat("setitem PermissionError True os.putenv() ", kEnv)), std::string::npos)
      << denied.out;
  EXPECT_NE(denied.out.find(absl::StrCat("putenv PermissionError True os.putenv() ", kEnv)), std::string::npos);
  EXPECT_NE(denied.out.find(absl::StrCat("unsetenv PermissionError True os.unsetenv() ", kEnv)), std::string::npos);
  EXPECT_NE(denied.out.find("no new\n"), std::string::npos);
  EXPECT_STREQ(getenv("GILVM_SANDBOX_SECRET"), "hunter2");
  EXPECT_EQ(getenv("GILVM_SANDBOX_NEW"), nullptr);

  RunResult allowed = RunSource("import os\nprint(os.getenv('GILVM_SANDBOX_SECRET'))\n", Sandboxed(false, false, false, true));
  EXPECT_EQ(allowed.out, "hunter2\n") << allowed.err;
  unsetenv("GILVM_SANDBOX_SECRET");

  // PYTHONPATH is part of the host's environment too: sys.path shows it only when allowed.
  const char* old_pp = getenv("PYTHONPATH");
  std::string saved = old_pp == nullptr ? "" : old_pp;
  ASSERT_EQ(setenv("PYTHONPATH", "/gilvm_sandbox_pp", 1), 0);
  const char* kShowPath = "import sys\nprint('/gilvm_sandbox_pp' in sys.path)\n";
  RunResult hidden = RunSource(kShowPath, Sandboxed(true));
  RunResult shown = RunSource(kShowPath, Sandboxed(true, false, false, true));
  if (old_pp == nullptr) unsetenv("PYTHONPATH");
  else setenv("PYTHONPATH", saved.c_str(), 1);
  EXPECT_EQ(hidden.out, "False\n") << hidden.err;
  EXPECT_EQ(shown.out, "True\n") << shown.err;
}

// Nothing allowed: computation, the embedded modules (their imports included) and output to the
// host's sinks all work.
TEST(SandboxTest, NothingAllowedStillComputes) {
  RunResult r = RunSource(R"(
import json, re, math, random, collections, threading, queue, time, io, sys, os, itertools, functools
import socket, subprocess, select, tempfile, shutil, multiprocessing, concurrent.futures, datetime, struct
print(json.dumps({'a': [1, 2.5, None]}, sort_keys=True))
print(re.findall(r'\d+', 'a1b22c333'))
print(math.sqrt(16), math.factorial(10))
random.seed(3); print(0 <= random.random() < 1)
print(collections.Counter('abracadabra').most_common(2))
q = queue.Queue()
results = []
def work(n):
    results.append(n * n)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    print(list(ex.map(abs, [-1, -2])))
s = io.StringIO(); s.write('mem'); print(s.getvalue(), io.BytesIO(b'xy').read())
print('to stderr', file=sys.stderr)
time.sleep(0.001)
print(len(os.urandom(4)), os.getpid() > 0, os.path.join('a', 'b'), os.cpu_count() > 0)
print(struct.pack('<H', 1), datetime.date(2020, 1, 2).isoformat())
)",
                          Sandboxed());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"a\": [1, 2.5, null]}\n['1', '22', '333']\n4.0 3628800\nTrue\n[('a', 5), ('b', 2)]\n[0, 1, 4, 9]\n"
            "[1, 2]\nmem b'xy'\n4 True a/b True\nb'\\x01\\x00' 2020-01-02\n");
  EXPECT_EQ(r.err, "to stderr\n");
}

// An uncaught denial is an ordinary uncaught exception: traceback, status 1.
TEST(SandboxTest, UncaughtDenialIsAnOrdinaryTraceback) {
  RunResult r = RunSource("open('/etc/passwd')\n", Sandboxed());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(absl::StrCat("PermissionError: open() ", kFiles, "\n")), std::string::npos) << r.err;
}

// The default (sandbox disabled) changes nothing: files, the environment, imports from sys.path.
TEST(SandboxTest, DisabledByDefault) {
  ASSERT_EQ(setenv("GILVM_SANDBOX_VISIBLE", "yes", 1), 0);
  TempDir dir;
  RunResult r = RunSource(Script(dir, R"(
import os, sys, socket
print(open(D + '/data.txt').read().strip())
print(os.getenv('GILVM_SANDBOX_VISIBLE'), os.getcwd() != '')
sys.path.insert(0, D)
import mymod
print(mymod.VALUE)
a, b = socket.socketpair(); a.close(); b.close()
print('sockets ok')
)"));
  unsetenv("GILVM_SANDBOX_VISIBLE");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "hello sandbox\nyes True\n42\nsockets ok\n");
}

}  // namespace
}  // namespace gilvm::vm
