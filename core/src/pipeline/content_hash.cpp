// content_hash(): four independent multiply-rotate lanes over 8-byte words
// (fast on one core, well below disk speed), folded with the length.
#include <forumkb/pipeline/content_hash.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace fkb::pipeline {
namespace {

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL, kP2 = 0xC2B2AE3D27D4EB4FULL, kP3 = 0x165667B19E3779F9ULL;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline uint64_t round(uint64_t acc, uint64_t in) { return rotl(acc + in * kP2, 31) * kP1; }
inline uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= kP2;
    h ^= h >> 29;
    h *= kP3;
    h ^= h >> 32;
    return h;
}

}  // namespace

std::string content_hash(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
    uint64_t lane[4] = {kP1 + kP2, kP2, 0, 0 - kP1};
    uint64_t total = 0;
    std::vector<unsigned char> buf(1 << 20);
    std::size_t carry = 0;  // bytes at the front of buf not yet hashed
    for (;;) {
        ssize_t n = ::read(fd, buf.data() + carry, buf.size() - carry);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            ::close(fd);
            throw std::runtime_error(path + ": " + std::strerror(e));
        }
        total += static_cast<uint64_t>(n);
        std::size_t avail = carry + static_cast<std::size_t>(n);
        std::size_t i = 0;
        for (; i + 32 <= avail; i += 32) {
            uint64_t w[4];
            std::memcpy(w, buf.data() + i, 32);
            for (int k = 0; k < 4; ++k) lane[k] = round(lane[k], w[k]);
        }
        std::memmove(buf.data(), buf.data() + i, avail - i);
        carry = avail - i;
        if (n == 0) break;
    }
    ::close(fd);
    uint64_t h = rotl(lane[0], 1) + rotl(lane[1], 7) + rotl(lane[2], 12) + rotl(lane[3], 18) + total;
    for (std::size_t i = 0; i < carry; ++i) h = rotl(h ^ (buf[i] * kP3), 11) * kP1;
    h = mix(h);
    char out[17];
    static constexpr char kHex[] = "0123456789abcdef";
    for (int k = 0; k < 16; ++k) out[k] = kHex[(h >> (60 - 4 * k)) & 15];
    out[16] = 0;
    return out;
}

}  // namespace fkb::pipeline
