// Byte streams as fkb_input, for inputs a dump plugin opens itself.
//
// The host hands a source plugin one fkb_input. Stack Exchange dumps spread
// a site over sibling files (Users.xml and Comments.xml beside Posts.xml),
// which the plugin opens from the same directory as FileInput; tests and
// benchmarks feed parsers from memory with MemoryInput. Both expose the
// same fkb_input a host would, so the parser code has one path.
#pragma once

#include <forumkb/plugin.h>
#include <forumkb/sdk.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace fkb::dumps {

/// A file opened for reading, as an fkb_input.
class FileInput {
public:
    /// Opens `path`; throws sdk::Error naming the file when it cannot.
    explicit FileInput(const std::string& path);
    ~FileInput();
    FileInput(const FileInput&) = delete;
    FileInput& operator=(const FileInput&) = delete;
    const fkb_input* raw() const noexcept { return &input_; }

private:
    static int64_t read(void* ctx, void* buf, size_t cap);
    std::string path_;
    std::FILE* file_;
    fkb_input input_{};
};

/// A string in memory, as an fkb_input (the bytes must outlive it). `chunk`
/// caps every read, to exercise record boundaries that fall between reads.
class MemoryInput {
public:
    MemoryInput(std::string_view bytes, std::string name, size_t chunk = 1 << 16);
    const fkb_input* raw() const noexcept { return &input_; }

private:
    static int64_t read(void* ctx, void* buf, size_t cap);
    std::string_view bytes_;
    std::string name_;
    size_t chunk_, pos_ = 0;
    fkb_input input_{};
};

/// A stream that ends, rather than throws, where its input cannot be read
/// any further (a corrupt .zst frame, a disk error: the host has reported
/// the cause). Parsers read through it so that what came before the bad
/// spot is kept, then ask failed() and reject the rest with its place.
class GuardedInput {
public:
    explicit GuardedInput(sdk::Input& input);
    GuardedInput(const GuardedInput&) = delete;
    GuardedInput& operator=(const GuardedInput&) = delete;
    sdk::Input& input() noexcept { return stream_; }
    /// Reads up to `cap` bytes straight from the source, past input()'s
    /// buffer, for a reader with a buffer of its own (one copy less); 0 at
    /// the end. Not to be mixed with input() once that has read anything.
    size_t read(char* out, size_t cap) { return static_cast<size_t>(read(this, out, cap)); }
    bool failed() const noexcept { return failed_; }
    /// Bytes delivered before the failure.
    int64_t delivered() const noexcept { return delivered_; }

private:
    static int64_t read(void* ctx, void* buf, size_t cap);
    sdk::Input& source_;
    fkb_input raw_{};
    sdk::Input stream_;
    bool failed_ = false;
    int64_t delivered_ = 0;
};

/// True when a regular file exists at `path`.
bool file_exists(const std::string& path);
/// The directory part of a path ("." when there is none).
std::string dir_name(std::string_view path);
/// The last component of a path.
std::string_view base_name(std::string_view path);

}  // namespace fkb::dumps
