// Helpers shared by the dump-source parser tests: run a parser over bytes
// in memory and collect its threads and rejects.
#pragma once

#include <forumkb/sdk.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dump_common.hpp"
#include "dump_input.hpp"

namespace fkb::dumps::testing {

/// Everything a parser produced from one input.
struct Collected {
    std::vector<sdk::Thread> threads;
    std::vector<Reject> rejects;
    /// The rejects' reasons joined with "\n", for failure messages.
    std::string reject_text() const {
        std::string s;
        for (const auto& r : rejects) s += std::to_string(r.line) + ": " + r.reason + "\n";
        return s;
    }
};

/// Reads a whole file of the source tree (path relative to the tree root).
inline std::string slurp(const std::string& rel) {
    std::ifstream f(std::string(FORUMKB_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// Runs a parser of type P, constructed as P(input, options, reject_fn),
/// over `bytes` read in chunks of `chunk` bytes.
template <class P, class O>
Collected run(std::string_view bytes, const std::string& name, O options, size_t chunk = 1 << 16) {
    Collected c;
    MemoryInput mem(bytes, name, chunk);
    sdk::Input in(mem.raw());
    P parser(in, std::move(options), [&](const Reject& r) { c.rejects.push_back(r); });
    sdk::Thread t;
    while (parser.next(t)) c.threads.push_back(t);
    return c;
}

/// Runs a parser over a file of the source tree, by its real path (so that
/// sibling files are found).
template <class P, class O>
Collected run_file(const std::string& rel, O options) {
    Collected c;
    FileInput file(std::string(FORUMKB_SOURCE_DIR) + "/" + rel);
    sdk::Input in(file.raw());
    P parser(in, std::move(options), [&](const Reject& r) { c.rejects.push_back(r); });
    sdk::Thread t;
    while (parser.next(t)) c.threads.push_back(t);
    return c;
}

/// The text of a post's quote spans, for assertions.
inline std::vector<std::string> quote_texts(const sdk::Post& p) {
    std::vector<std::string> out;
    for (const auto& q : p.quotes) out.push_back(p.text.substr(q.start, q.end - q.start));
    return out;
}

}  // namespace fkb::dumps::testing
