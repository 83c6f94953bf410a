// FileInput / MemoryInput (see dump_input.hpp).
#include "dump_input.hpp"

#include <forumkb/sdk.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace fkb::dumps {

FileInput::FileInput(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "rb")) {
    if (!file_) throw sdk::Error(path + ": " + std::strerror(errno));
    input_.struct_size = sizeof(fkb_input);
    input_.ctx = this;
    input_.name = fkb_str{path_.data(), path_.size()};
    struct stat st {};
    input_.size = ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : -1;
    input_.read = &FileInput::read;
}

FileInput::~FileInput() { std::fclose(file_); }

int64_t FileInput::read(void* ctx, void* buf, size_t cap) {
    auto* self = static_cast<FileInput*>(ctx);
    size_t n = std::fread(buf, 1, cap, self->file_);
    if (n == 0 && std::ferror(self->file_)) return -1;
    return static_cast<int64_t>(n);
}

MemoryInput::MemoryInput(std::string_view bytes, std::string name, size_t chunk)
    : bytes_(bytes), name_(std::move(name)), chunk_(std::max<size_t>(chunk, 1)) {
    input_.struct_size = sizeof(fkb_input);
    input_.ctx = this;
    input_.name = fkb_str{name_.data(), name_.size()};
    input_.size = static_cast<int64_t>(bytes.size());
    input_.read = &MemoryInput::read;
}

int64_t MemoryInput::read(void* ctx, void* buf, size_t cap) {
    auto* self = static_cast<MemoryInput*>(ctx);
    size_t n = std::min({cap, self->chunk_, self->bytes_.size() - self->pos_});
    std::memcpy(buf, self->bytes_.data() + self->pos_, n);
    self->pos_ += n;
    return static_cast<int64_t>(n);
}

GuardedInput::GuardedInput(sdk::Input& input)
    : source_(input),
      raw_{sizeof(fkb_input), this, sdk::str(input.name()), input.size(), &GuardedInput::read},
      stream_(&raw_) {}

int64_t GuardedInput::read(void* ctx, void* buf, size_t cap) {
    auto* self = static_cast<GuardedInput*>(ctx);
    if (self->failed_) return 0;
    try {
        size_t n = self->source_.read(static_cast<char*>(buf), cap);
        self->delivered_ += static_cast<int64_t>(n);
        return static_cast<int64_t>(n);
    } catch (const sdk::Error&) {
        self->failed_ = true;
        return 0;
    }
}

bool file_exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string dir_name(std::string_view path) {
    size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) return ".";
    if (slash == 0) return "/";
    return std::string(path.substr(0, slash));
}

std::string_view base_name(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace fkb::dumps
