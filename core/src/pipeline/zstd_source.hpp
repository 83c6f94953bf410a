// Zstandard decompression with libzstd directly, for .zst files and
// .tar.zst archives. libarchive's zstd filter keeps the decoder's default
// window limit (2^27 bytes), so Pushshift-style dumps compressed with
// `zstd --long=31` fail there with "Frame requires too much memory"; this
// decoder allows windows up to 2^31 (ZSTD_d_windowLogMax 31), like
// `zstd -d --long=31`. Frames may be concatenated. The window is the
// decoder's only large buffer: a file written with a 2 GiB window needs up
// to that much memory to decode, whatever the pipeline does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

typedef struct ZSTD_DCtx_s ZSTD_DCtx;

namespace fkb::pipeline::detail {

class ZstdSource {
public:
    /// Opens path. Throws std::runtime_error "<path>: <strerror>".
    explicit ZstdSource(const std::string& path);
    ~ZstdSource();
    ZstdSource(const ZstdSource&) = delete;
    ZstdSource& operator=(const ZstdSource&) = delete;

    /// Decompressed bytes into buf: the count (> 0), 0 at the end, -1 on
    /// error (error() then says why, e.g. a truncated frame).
    int64_t read(void* buf, std::size_t cap);
    const std::string& error() const noexcept { return error_; }
    /// Compressed bytes read from the file so far.
    uint64_t raw_bytes() const noexcept { return raw_; }

private:
    int fd_ = -1;
    ZSTD_DCtx* dctx_ = nullptr;
    std::vector<char> in_;
    std::size_t in_pos_ = 0, in_size_ = 0;
    std::size_t last_ret_ = 0;  // 0 when the last frame was complete
    bool eof_ = false;
    uint64_t raw_ = 0;
    std::string error_;
};

/// True for names read through ZstdSource: ".zst" files and ".tar.zst" /
/// ".tzst" archives.
bool is_zstd_name(const std::string& path) noexcept;

}  // namespace fkb::pipeline::detail
