// Test support for the end-to-end tests that drive the built forumkb: a
// shell command's status and output, and temporary KB files named by the
// test process (so test binaries of two checkouts run at once never share
// one), removed with their WAL files at exit.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

inline const std::string kBin = std::string(FORUMKB_BINARY_DIR) + "/bin/forumkb";

/// Runs a shell command, returns (exit status, stdout).
inline std::pair<int, std::string> run(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
    if (!p) return {-1, out};
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// The path of a temporary KB "forumkb_e2e_<name>_<pid>.sqlite", with no
/// file there yet; the file and its WAL files are removed at exit.
inline std::string temp_kb(const std::string& name) {
    struct Made {
        std::vector<std::string> paths;
        ~Made() {
            std::error_code ec;
            for (const auto& p : paths)
                for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s, ec);
        }
    };
    static Made made;
    auto p = std::filesystem::temp_directory_path() /
             ("forumkb_e2e_" + name + "_" + std::to_string(::getpid()) + ".sqlite");
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
    made.paths.push_back(p.string());
    return p.string();
}

}  // namespace e2e
