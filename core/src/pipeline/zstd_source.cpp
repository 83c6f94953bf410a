// ZstdSource: a streaming libzstd decoder over a file descriptor (see
// zstd_source.hpp).
#include "zstd_source.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fkb::pipeline::detail {

ZstdSource::ZstdSource(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    dctx_ = ZSTD_createDCtx();
    if (!dctx_) {
        ::close(fd_);
        throw std::runtime_error(path + ": cannot create a zstd decoder");
    }
    ZSTD_DCtx_setParameter(dctx_, ZSTD_d_windowLogMax, 31);
    in_.resize(ZSTD_DStreamInSize());
}

ZstdSource::~ZstdSource() {
    ZSTD_freeDCtx(dctx_);
    if (fd_ >= 0) ::close(fd_);
}

int64_t ZstdSource::read(void* buf, std::size_t cap) {
    if (!error_.empty()) return -1;
    ZSTD_outBuffer out{buf, cap, 0};
    while (out.pos == 0) {
        if (in_pos_ == in_size_) {
            if (eof_) {
                if (last_ret_ == 0) return 0;
                // Output the decoder still holds, then a truncated frame.
                ZSTD_inBuffer none{in_.data(), 0, 0};
                std::size_t r = ZSTD_decompressStream(dctx_, &out, &none);
                if (ZSTD_isError(r)) {
                    error_ = std::string("zstd: ") + ZSTD_getErrorName(r);
                    return -1;
                }
                last_ret_ = r;
                if (out.pos > 0) break;
                error_ = "truncated zstd frame";
                return -1;
            }
            ssize_t n;
            do n = ::read(fd_, in_.data(), in_.size());
            while (n < 0 && errno == EINTR);
            if (n < 0) {
                error_ = std::strerror(errno);
                return -1;
            }
            in_pos_ = 0;
            in_size_ = static_cast<std::size_t>(n);
            raw_ += static_cast<uint64_t>(n);
            if (n == 0) {
                eof_ = true;
                continue;
            }
        }
        ZSTD_inBuffer in{in_.data(), in_size_, in_pos_};
        std::size_t r = ZSTD_decompressStream(dctx_, &out, &in);
        in_pos_ = in.pos;
        if (ZSTD_isError(r)) {
            error_ = std::string("zstd: ") + ZSTD_getErrorName(r);
            return -1;
        }
        last_ret_ = r;
    }
    return static_cast<int64_t>(out.pos);
}

bool is_zstd_name(const std::string& path) noexcept {
    auto ends = [&](std::string_view s) {
        return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
    };
    return ends(".zst") || ends(".tzst");
}

}  // namespace fkb::pipeline::detail
