// Sockets and threads: a thread blocked in a socket call has released the GIL (another thread
// runs meanwhile), Ctrl-C reaches a main thread blocked in recv or select, and interpreter
// shutdown does not wait for daemon threads blocked in accept or recv.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/unit/run_source.h"
#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

namespace gilvm::vm {
namespace {

// A CPU-bound thread counts while the main thread waits 0.3 s in recv on a silent socket. If recv
// held the GIL the counter would stay near zero; the script prints the count.
TEST(SocketTest, ThreadBlockedInRecvLetsAnotherThreadRun) {
  for (GilPolicy policy : {GilPolicy::kFair, GilPolicy::kCpython3}) {
    InterpreterOptions options;
    options.policy = policy;
    RunResult r = RunSource(R"(
import socket, threading
count = [0]
stop = [False]
def spin():
    while not stop[0]:
        count[0] += 1
t = threading.Thread(target=spin)
t.start()
a, b = socket.socketpair()
a.settimeout(0.3)
try:
    a.recv(10)
except TimeoutError:
    pass
seen = count[0]
stop[0] = True
t.join()
print(seen)
)",
                            std::move(options));
    ASSERT_EQ(r.status, 0) << r.err;
    int64_t count = 0;
    ASSERT_TRUE(absl::SimpleAtoi(absl::StripAsciiWhitespace(r.out), &count)) << r.out;
    // Even a slow sanitizer build runs tens of thousands of iterations in 0.3 s.
    EXPECT_GT(count, 10000) << "policy " << static_cast<int>(policy);
  }
}

// The same with the waiter in a thread of its own and the counter in the main thread, through
// accept (the other blocking shape: no data, no timeout) ended by a connection.
TEST(SocketTest, ThreadBlockedInAcceptLetsMainThreadRun) {
  RunResult r = RunSource(R"(
import socket, threading, time
server = socket.create_server(("127.0.0.1", 0))
accepted = []
def serve():
    conn, _ = server.accept()
    accepted.append(conn)
t = threading.Thread(target=serve)
t.start()
count = 0
end = time.monotonic() + 0.2
while time.monotonic() < end:
    count += 1
c = socket.create_connection(server.getsockname())
t.join()
print(count > 1000, len(accepted))
accepted[0].close()
c.close()
server.close()
)");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "True 1\n");
}

// Shutdown with daemon threads blocked in accept (no timeout) and recv: RunMain returns and the
// Interpreter's destructor completes. A hang would time the test out.
TEST(SocketTest, ShutdownWithDaemonThreadsBlockedInAcceptDoesNotHang) {
  auto start = std::chrono::steady_clock::now();
  RunResult r = RunSource(R"(
import socket, threading, time
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
a, b = socket.socketpair()
threading.Thread(target=server.accept, daemon=True).start()
threading.Thread(target=a.recv, args=(10,), daemon=True).start()
threading.Thread(target=lambda: __import__("select").select([b], [], []), daemon=True).start()
time.sleep(0.05)
print("main done")
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "main done\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

// Ctrl-C (a signal for the main thread) ends a recv and a select that would wait for ever.
TEST(SocketTest, InterruptWakesTheMainThreadInRecvAndSelect) {
  RunResult r = RunSourceInterrupted(R"(
import socket, select
a, b = socket.socketpair()
try:
    a.recv(10)
except KeyboardInterrupt:
    print('recv interrupted')
select.select([a], [], [])
)", std::chrono::milliseconds(50));
  EXPECT_EQ(r.status, 130);
  EXPECT_EQ(r.out, "recv interrupted\n");
  EXPECT_NE(r.err.find("line 8, in <module>\n    select.select([a], [], [])\nKeyboardInterrupt\n"), std::string::npos)
      << r.err;
}

// A socket nobody closes is closed when the collector frees it: the descriptor is reused. (GC
// stress: a collection at every allocation, so the first socket is freed before the second.)
TEST(SocketTest, CollectorClosesForgottenSockets) {
  InterpreterOptions options;
  options.gc_stress = true;
  RunResult r = RunSource(R"(
import socket
first = socket.socket()
fd = first.fileno()
first = None
[1, 2]
s = socket.socket()
print(s.fileno() == fd)
s.close()
)",
                          std::move(options));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "True\n");
}

}  // namespace
}  // namespace gilvm::vm
