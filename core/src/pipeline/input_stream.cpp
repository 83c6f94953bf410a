// InputStream basics (peek and replay, the fkb_input adapter), plain files,
// stdin and in-memory streams. Compressed files and archives are in
// archive_stream.cpp.
#include <forumkb/pipeline/input_stream.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace fkb::pipeline {

int64_t InputStream::read(void* buf, std::size_t cap) {
    if (cap == 0) return 0;
    if (head_pos_ < head_.size()) {
        std::size_t n = std::min(cap, head_.size() - head_pos_);
        std::memcpy(buf, head_.data() + head_pos_, n);
        head_pos_ += n;
        if (head_pos_ == head_.size()) {
            head_.clear();
            head_.shrink_to_fit();
            head_pos_ = 0;
        }
        consumed_ += n;
        return static_cast<int64_t>(n);
    }
    int64_t n = do_read(buf, cap);
    if (n > 0) consumed_ += static_cast<uint64_t>(n);
    return n;
}

std::string_view InputStream::peek(std::size_t limit) {
    if (!peeked_) {
        peeked_ = true;
        head_.resize(limit);
        std::size_t got = 0;
        while (got < limit) {
            int64_t n = do_read(head_.data() + got, limit - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        head_.resize(got);
    }
    return std::string_view(head_).substr(head_pos_, std::min(limit, head_.size() - head_pos_));
}

int64_t InputStream::read_cb(void* ctx, void* buf, std::size_t cap) {
    return static_cast<InputStream*>(ctx)->read(buf, cap);
}

const fkb_input* InputStream::abi() {
    input_.struct_size = sizeof(fkb_input);
    input_.ctx = this;
    input_.name = fkb_str{name_.data(), name_.size()};
    input_.size = size_;
    input_.read = &InputStream::read_cb;
    return &input_;
}

namespace {

class FdStream final : public InputStream {
public:
    FdStream(std::string name, int fd, int64_t size, bool owned)
        : InputStream(std::move(name), size), fd_(fd), owned_(owned) {}
    ~FdStream() override {
        if (owned_) ::close(fd_);
    }

protected:
    int64_t do_read(void* buf, std::size_t cap) override {
        for (;;) {
            ssize_t n = ::read(fd_, buf, cap);
            if (n >= 0) return n;
            if (errno == EINTR) continue;
            error_ = std::strerror(errno);
            return -1;
        }
    }

private:
    int fd_;
    bool owned_;
};

class MemoryStream final : public InputStream {
public:
    MemoryStream(std::string name, std::string bytes)
        : InputStream(std::move(name), static_cast<int64_t>(bytes.size())), bytes_(std::move(bytes)) {}

protected:
    int64_t do_read(void* buf, std::size_t cap) override {
        std::size_t n = std::min(cap, bytes_.size() - pos_);
        std::memcpy(buf, bytes_.data() + pos_, n);
        pos_ += n;
        return static_cast<int64_t>(n);
    }

private:
    std::string bytes_;
    std::size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<InputStream> open_file_stream(const std::string& path) {
    if (path == "-") return std::make_unique<FdStream>("-", STDIN_FILENO, -1, false);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
    struct stat st {};
    int64_t size = -1;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    return std::make_unique<FdStream>(path, fd, size, true);
}

std::unique_ptr<InputStream> make_memory_stream(std::string name, std::string bytes) {
    return std::make_unique<MemoryStream>(std::move(name), std::move(bytes));
}

}  // namespace fkb::pipeline
