// Real Xapian servers on loopback for tests and benchmarks of sharded
// search: xapian-tcpsrv serving a shard, xapian-replicate-server serving
// masters to replicas. Each runs as a child process on a free port and is
// killed when the object goes.
#ifndef KBSEARCH_TESTS_SUPPORT_SHARD_SERVER_H
#define KBSEARCH_TESTS_SUPPORT_SHARD_SERVER_H

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kbsearch::testutil {

// A TCP port on 127.0.0.1 that nothing listens on right now.
inline unsigned free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline bool accepts_connections(unsigned port, const std::string& host = "127.0.0.1") {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// Runs `argv` (a program on PATH) with stdout and stderr discarded.
inline pid_t spawn_quietly(std::vector<std::string> argv) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Its own process group, so that killing the group also kills the
    // children a forking server starts per connection; and killed with its
    // parent, so a crashed test or benchmark leaves no server behind.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

// A server process listening on a loopback port. `command` gets the port
// through `port_args` (e.g. {"--port", PORT}), PORT being replaced.
class LoopbackServer {
 public:
  LoopbackServer(std::vector<std::string> command, unsigned port = 0) : port_(port) {
    // A port found free may be taken before the server binds it: try again.
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (port == 0) port_ = free_loopback_port();
      std::vector<std::string> argv = command;
      for (std::string& a : argv) {
        if (a == "PORT") a = std::to_string(port_);
      }
      pid_ = spawn_quietly(argv);
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (std::chrono::steady_clock::now() < deadline) {
        if (accepts_connections(port_)) return;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) break;  // exited: port taken or no program
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      kill();
    }
    throw std::runtime_error("cannot start " + command.front() + " (is Debian's xapian-tools installed?)");
  }
  ~LoopbackServer() { kill(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  unsigned port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // Kills the server and the connections it serves, as a host that dies.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  unsigned port_ = 0;
  pid_t pid_ = -1;
};

// xapian-tcpsrv serving the database in `dir` (a shard's index directory).
inline std::vector<std::string> tcpsrv_command(const std::string& dir) {
  return {"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", "PORT", dir};
}

// xapian-replicate-server serving the databases under `parent_dir`.
inline std::vector<std::string> replicate_server_command(const std::string& parent_dir) {
  return {"xapian-replicate-server", "-I", "127.0.0.1", "-p", "PORT", parent_dir};
}

// Waits up to `seconds` for `done()`; false if it never was.
template <typename Predicate>
bool wait_until(Predicate done, double seconds = 30) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// Runs a command to completion; returns its exit status (-signal if killed).
inline int run_to_end(const std::vector<std::string>& argv) {
  const pid_t pid = spawn_quietly(argv);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace kbsearch::testutil

#endif  // KBSEARCH_TESTS_SUPPORT_SHARD_SERVER_H
