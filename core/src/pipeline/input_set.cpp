// Expanding command-line paths and opening inputs as stream sequences (see
// forumkb/pipeline/input_set.hpp). libarchive does the decompression and
// archive formats; plain files are read directly.
#include <forumkb/pipeline/input_set.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace fkb::pipeline {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr std::string_view kCompressed[] = {".gz", ".zst", ".xz", ".bz2", ".lz4"};
constexpr std::string_view kArchives[] = {".tar", ".tgz", ".tbz2", ".txz", ".zip", ".7z"};

void walk(const fs::path& dir, std::vector<InputRef>& out, std::vector<std::string>* errors) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        entries.push_back(*it);
    if (ec) {
        if (errors) errors->push_back(dir.string() + ": " + ec.message());
        return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
        if (e.path().filename().string().rfind('.', 0) == 0) continue;  // hidden
        if (e.is_directory(ec)) {
            walk(e.path(), out, errors);
        } else if (e.is_regular_file(ec)) {
            out.push_back(InputRef{e.path().string(), static_cast<int64_t>(e.file_size(ec))});
        }
    }
}

class SingleStream final : public StreamSequence {
public:
    explicit SingleStream(std::unique_ptr<InputStream> s) : stream_(std::move(s)) {}
    std::unique_ptr<InputStream> next() override { return std::move(stream_); }

private:
    std::unique_ptr<InputStream> stream_;
};

// A libarchive reader shared by the sequence and the current member stream.
struct ArchiveHandle {
    archive* a = nullptr;
    ~ArchiveHandle() {
        if (a) archive_read_free(a);
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
        if (archive_read_open_filename(h_->a, path.c_str(), 1 << 16) != ARCHIVE_OK) throw std::runtime_error(error());
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

std::vector<InputRef> collect_inputs(const std::vector<std::string>& paths, std::vector<std::string>* errors) {
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
            walk(p, out, errors);
        } else {
            out.push_back(InputRef{p, fs::is_regular_file(st) ? static_cast<int64_t>(fs::file_size(p, ec)) : -1});
        }
    }
    return out;
}

std::unique_ptr<StreamSequence> open_streams(const InputRef& input) {
    if (input.path != "-") {
        if (is_archive_name(input.path)) return std::make_unique<ArchiveSequence>(input.path, false);
        if (is_compressed_name(input.path)) return std::make_unique<ArchiveSequence>(input.path, true);
    }
    return std::make_unique<SingleStream>(open_file_stream(input.path));
}

}  // namespace fkb::pipeline
