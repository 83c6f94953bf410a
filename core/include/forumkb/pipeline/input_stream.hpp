// Byte streams the host opens for source plugins: a file, stdin, a
// decompressed file or an archive member. Each is an InputStream; the
// pipeline peeks at its head to pick a source plugin (the peeked bytes are
// replayed by later reads) and lends it to the plugin as an fkb_input.
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::pipeline {

/// Bytes the pipeline peeks at to choose a source plugin.
inline constexpr std::size_t kSniffBytes = 64 * 1024;

class InputStream {
public:
    virtual ~InputStream() = default;

    /// The name used in messages and as source_file: the path as given, "-"
    /// for stdin, "archive.tar:member/path" for an archive member, the path
    /// without ".gz"/".zst"... for a compressed file.
    const std::string& name() const noexcept { return name_; }
    /// Total bytes (after decompression) if known, else -1.
    int64_t size() const noexcept { return size_; }
    /// The I/O error that made read() return -1 (empty if none).
    const std::string& error() const noexcept { return error_; }

    /// Reads up to cap bytes: the count (> 0), 0 at the end, -1 on error.
    int64_t read(void* buf, std::size_t cap);
    /// The first bytes (up to limit) without consuming them.
    std::string_view peek(std::size_t limit = kSniffBytes);
    /// Bytes handed out by read() so far.
    uint64_t consumed() const noexcept { return consumed_; }

    /// This stream as the ABI's fkb_input; valid while the stream lives.
    const fkb_input* abi();

protected:
    InputStream(std::string name, int64_t size) : name_(std::move(name)), size_(size) {}
    /// Reads from the underlying source; sets error_ and returns -1 on error.
    virtual int64_t do_read(void* buf, std::size_t cap) = 0;
    std::string error_;

private:
    static int64_t read_cb(void* ctx, void* buf, std::size_t cap);

    std::string name_;
    int64_t size_;
    std::string head_;       // peeked bytes not yet read
    std::size_t head_pos_ = 0;
    bool peeked_ = false;
    uint64_t consumed_ = 0;
    fkb_input input_{};
};

/// A plain file (or "-" for stdin). Throws std::runtime_error
/// "<path>: <strerror>" when it cannot be opened.
std::unique_ptr<InputStream> open_file_stream(const std::string& path);

/// A stream over bytes in memory (tests, and inputs built by the host).
std::unique_ptr<InputStream> make_memory_stream(std::string name, std::string bytes);

}  // namespace fkb::pipeline
