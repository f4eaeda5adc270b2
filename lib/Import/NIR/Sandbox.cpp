//===- Sandbox.cpp - run untrusted-input parsing in a child process -------===//
//
// fork + pipe: the child runs the work, writes its result and leaves with
// _exit (no atexit handlers, no flushing of the parent's buffers); the
// parent reads until end of file under a deadline and then inspects how the
// child ended.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/Sandbox.h"

#include "llvm/Support/FormatVariadic.h"

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#define AXON_HAVE_FORK 1
#endif

using namespace axon::nir;

static llvm::Error sandboxError(const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), what.str());
}

bool axon::nir::isolationAvailable() {
#ifdef AXON_HAVE_FORK
  return true;
#else
  return false;
#endif
}

#ifdef AXON_HAVE_FORK
/// Caps the address space at its current size plus `budget`.  Relative to
/// the current size so that it also works under AddressSanitizer, whose
/// shadow memory is reserved at startup.
static void limitMemory(uint64_t budget) {
  unsigned long long pages = 0;
  if (FILE *statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%llu", &pages) != 1)
      pages = 0;
    std::fclose(statm);
  }
  if (pages == 0)
    return;
  rlimit limit;
  limit.rlim_cur = limit.rlim_max =
      pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)) + budget;
  (void)setrlimit(RLIMIT_AS, &limit);
}

/// The child: run, write everything, leave without cleanup.  Crash
/// handlers inherited from the parent (LLVM's stack dumper, a fuzzer's
/// artifact writer) must not run here: the parent reports the crash.
[[noreturn]] static void runChild(llvm::function_ref<std::string()> work,
                                  int fd, uint64_t memoryBudget) {
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS})
    std::signal(sig, SIG_DFL);
  if (memoryBudget)
    limitMemory(memoryBudget);
  std::string out = work();
  const char *data = out.data();
  size_t left = out.size();
  while (left > 0) {
    ssize_t n = write(fd, data, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      _exit(3);
    data += n;
    left -= n;
  }
  _exit(0);
}

/// Reads `fd` to end of file; false if the deadline passed first.
static bool readAll(int fd, std::string &out, unsigned timeoutSeconds) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline =
      Clock::now() + std::chrono::seconds(timeoutSeconds);
  char buffer[1 << 16];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (left.count() <= 0)
      return false;
    pollfd pfd = {fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready == 0)
      return false;
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return true;
    out.append(buffer, n);
  }
}
#endif

llvm::Expected<std::string>
axon::nir::runIsolated(llvm::function_ref<std::string()> work,
                       unsigned timeoutSeconds, uint64_t memoryBudget) {
#ifdef AXON_HAVE_FORK
  int fds[2];
  if (pipe(fds) != 0)
    return sandboxError(llvm::Twine("cannot create a pipe: ") +
                        std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    int err = errno;
    close(fds[0]);
    close(fds[1]);
    return sandboxError(llvm::Twine("cannot fork: ") + std::strerror(err));
  }
  if (pid == 0) {
    close(fds[0]);
    runChild(work, fds[1], memoryBudget);
  }
  close(fds[1]);
  std::string out;
  bool finished = readAll(fds[0], out, timeoutSeconds);
  close(fds[0]);
  if (!finished)
    kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished)
    return sandboxError(llvm::formatv("took longer than {0} s and was stopped",
                                      timeoutSeconds));
  if (WIFSIGNALED(status))
    return sandboxError(llvm::formatv("crashed with signal {0} ({1})",
                                      WTERMSIG(status),
                                      strsignal(WTERMSIG(status))));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return sandboxError(
        llvm::formatv("exited with status {0}", WEXITSTATUS(status)));
  return std::move(out);
#else
  return work();
#endif
}
