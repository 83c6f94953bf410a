// Expanding command-line paths and opening inputs as stream sequences (see
// forumkb/pipeline/input_set.hpp). libarchive does the decompression and
// archive formats, libzstd the zstd streams (long windows); plain files
// are read directly.
#include <forumkb/pipeline/input_set.hpp>

#include "zstd_source.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace fkb::pipeline {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr std::string_view kCompressed[] = {".gz", ".zst", ".xz", ".bz2", ".lz4"};
constexpr std::string_view kArchives[] = {".tar", ".tgz", ".tbz2", ".txz", ".tzst", ".zip", ".7z"};

bool glob_matches(const std::string& pattern, const std::string& rel);

/// The patterns of a directory's .forumkbignore file (one glob per line,
/// '#' comments and blank lines skipped), or none.
std::vector<std::string> ignore_patterns(const fs::path& dir) {
    std::vector<std::string> out;
    std::ifstream in(dir / ".forumkbignore");
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        line = line.substr(b);
        while (line.size() > 1 && line.back() == '/') line.pop_back();  // "expected/" names a directory
        out.push_back(line);
    }
    return out;
}

/// A .forumkbignore found on the way down: its patterns, relative to its directory.
struct IgnoreScope {
    fs::path dir;
    std::vector<std::string> patterns;
};

bool ignored(const std::vector<IgnoreScope>& scopes, const fs::path& entry) {
    for (const auto& sc : scopes) {
        const std::string rel = entry.lexically_relative(sc.dir).generic_string();
        for (const auto& p : sc.patterns)
            if (glob_matches(p, rel)) return true;
    }
    return false;
}

void walk(const fs::path& root, const fs::path& dir, const InputFilter& filter, std::vector<IgnoreScope>& scopes,
          std::vector<InputRef>& out, std::vector<std::string>* errors) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        entries.push_back(*it);
    if (ec) {
        if (errors) errors->push_back(dir.string() + ": " + ec.message());
        return;
    }
    auto patterns = ignore_patterns(dir);
    const bool scoped = !patterns.empty();
    if (scoped) scopes.push_back(IgnoreScope{dir, std::move(patterns)});
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
        if (e.path().filename().string().rfind('.', 0) == 0) continue;  // hidden
        if (ignored(scopes, e.path())) continue;
        const std::string rel = e.path().lexically_relative(root).generic_string();
        if (e.is_directory(ec)) {
            if (filter.keeps(rel, true)) walk(root, e.path(), filter, scopes, out, errors);
        } else if (e.is_regular_file(ec)) {
            if (filter.keeps(rel, false)) out.push_back(InputRef{e.path().string(), static_cast<int64_t>(e.file_size(ec))});
        }
    }
    if (scoped) scopes.pop_back();
}

bool glob_matches(const std::string& pattern, const std::string& rel) {
    if (pattern.find('/') != std::string::npos) return ::fnmatch(pattern.c_str(), rel.c_str(), 0) == 0;
    auto slash = rel.rfind('/');
    std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
    return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

// One stream. raw_bytes() is asked only while the stream is alive.
class SingleStream final : public StreamSequence {
public:
    explicit SingleStream(std::unique_ptr<InputStream> s) : stream_(std::move(s)), raw_(stream_.get()) {}
    std::unique_ptr<InputStream> next() override { return std::move(stream_); }
    uint64_t raw_bytes() const override { return raw_ ? raw_->consumed() : 0; }

private:
    std::unique_ptr<InputStream> stream_;
    const InputStream* raw_;
};

// A .zst file decoded by libzstd, as one stream named without ".zst".
class ZstdStream final : public InputStream {
public:
    ZstdStream(std::string name, std::shared_ptr<detail::ZstdSource> z) : InputStream(std::move(name), -1), z_(std::move(z)) {}

protected:
    int64_t do_read(void* buf, std::size_t cap) override {
        int64_t n = z_->read(buf, cap);
        if (n < 0) error_ = z_->error();
        return n;
    }

private:
    std::shared_ptr<detail::ZstdSource> z_;
};

class ZstdSequence final : public StreamSequence {
public:
    ZstdSequence(const std::string& path, std::string name)
        : z_(std::make_shared<detail::ZstdSource>(path)), stream_(std::make_unique<ZstdStream>(std::move(name), z_)) {}
    std::unique_ptr<InputStream> next() override { return std::move(stream_); }
    uint64_t raw_bytes() const override { return z_->raw_bytes(); }

private:
    std::shared_ptr<detail::ZstdSource> z_;
    std::unique_ptr<InputStream> stream_;
};

// A libarchive reader shared by the sequence and the current member stream.
struct ArchiveHandle {
    archive* a = nullptr;
    std::unique_ptr<detail::ZstdSource> zstd;  // .tar.zst: libzstd feeds libarchive
    std::vector<char> buf;
    ~ArchiveHandle() {
        if (a) archive_read_free(a);
    }
    static la_ssize_t zstd_read(archive* a, void* ctx, const void** out) {
        auto* h = static_cast<ArchiveHandle*>(ctx);
        int64_t n = h->zstd->read(h->buf.data(), h->buf.size());
        if (n < 0) {
            archive_set_error(a, EIO, "%s", h->zstd->error().c_str());
            return -1;
        }
        *out = h->buf.data();
        return static_cast<la_ssize_t>(n);
    }
};

class MemberStream final : public InputStream {
public:
    MemberStream(std::string name, int64_t size, std::shared_ptr<ArchiveHandle> h)
        : InputStream(std::move(name), size), h_(std::move(h)) {}

protected:
    int64_t do_read(void* buf, std::size_t cap) override {
        la_ssize_t n = archive_read_data(h_->a, buf, cap);
        if (n < 0) {
            const char* e = archive_error_string(h_->a);
            error_ = e ? e : "archive read error";
            return -1;
        }
        return n;
    }

private:
    std::shared_ptr<ArchiveHandle> h_;
};

class ArchiveSequence final : public StreamSequence {
public:
    ArchiveSequence(const std::string& path, bool raw) : path_(path), raw_(raw), h_(std::make_shared<ArchiveHandle>()) {
        h_->a = archive_read_new();
        archive_read_support_filter_all(h_->a);
        if (raw)
            archive_read_support_format_raw(h_->a);
        else
            archive_read_support_format_all(h_->a);
        int r;
        if (!raw && detail::is_zstd_name(path)) {
            h_->zstd = std::make_unique<detail::ZstdSource>(path);
            h_->buf.resize(1 << 17);
            r = archive_read_open(h_->a, h_.get(), nullptr, &ArchiveHandle::zstd_read, nullptr);
        } else {
            r = archive_read_open_filename(h_->a, path.c_str(), 1 << 16);
        }
        if (r != ARCHIVE_OK) throw std::runtime_error(error());
    }

    uint64_t raw_bytes() const override {
        if (h_->zstd) return h_->zstd->raw_bytes();
        la_int64_t n = archive_filter_bytes(h_->a, -1);
        return n > 0 ? static_cast<uint64_t>(n) : 0;
    }

    std::unique_ptr<InputStream> next() override {
        for (;;) {
            archive_entry* e = nullptr;
            int r = archive_read_next_header(h_->a, &e);
            if (r == ARCHIVE_EOF) return nullptr;
            if (r < ARCHIVE_WARN) throw std::runtime_error(error());
            if (raw_) {
                std::string name = path_;
                for (auto suffix : kCompressed)
                    if (ends_with(name, suffix)) {
                        name.resize(name.size() - suffix.size());
                        break;
                    }
                return std::make_unique<MemberStream>(name, -1, h_);
            }
            if (archive_entry_filetype(e) != AE_IFREG) continue;
            const char* member = archive_entry_pathname_utf8(e);
            if (!member) member = archive_entry_pathname(e);
            int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
            return std::make_unique<MemberStream>(path_ + ":" + (member ? member : "?"), size, h_);
        }
    }

private:
    std::string error() const {
        const char* e = archive_error_string(h_->a);
        return path_ + ": " + (e ? e : "cannot read archive");
    }
    std::string path_;
    bool raw_;
    std::shared_ptr<ArchiveHandle> h_;
};

}  // namespace

bool is_archive_name(const std::string& path) noexcept {
    for (auto s : kArchives)
        if (ends_with(path, s)) return true;
    for (auto c : kCompressed)
        if (ends_with(path, std::string(".tar") + std::string(c))) return true;
    return false;
}

bool is_compressed_name(const std::string& path) noexcept {
    if (is_archive_name(path)) return false;
    for (auto s : kCompressed)
        if (ends_with(path, s)) return true;
    return false;
}

bool InputFilter::keeps(const std::string& rel, bool is_directory) const {
    for (const auto& p : exclude)
        if (glob_matches(p, rel)) return false;
    if (is_directory || include.empty()) return true;
    for (const auto& p : include)
        if (glob_matches(p, rel)) return true;
    return false;
}

std::vector<InputRef> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>* errors,
                                     const InputFilter& filter) {
    std::vector<InputRef> out;
    for (const auto& p : paths) {
        if (p == "-") {
            out.push_back(InputRef{"-", -1});
            continue;
        }
        std::error_code ec;
        auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            if (errors) errors->push_back(p + ": No such file or directory");
        } else if (fs::is_directory(st)) {
            std::vector<IgnoreScope> scopes;
            walk(p, p, filter, scopes, out, errors);
        } else {
            out.push_back(InputRef{p, fs::is_regular_file(st) ? static_cast<int64_t>(fs::file_size(p, ec)) : -1});
        }
    }
    return out;
}

std::unique_ptr<StreamSequence> open_streams(const InputRef& input) {
    if (input.path != "-") {
        if (is_archive_name(input.path)) return std::make_unique<ArchiveSequence>(input.path, false);
        if (is_compressed_name(input.path)) {
            if (detail::is_zstd_name(input.path))
                return std::make_unique<ZstdSequence>(input.path, input.path.substr(0, input.path.size() - 4));
            return std::make_unique<ArchiveSequence>(input.path, true);
        }
    }
    return std::make_unique<SingleStream>(open_file_stream(input.path));
}

}  // namespace fkb::pipeline
