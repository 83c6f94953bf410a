// forumkb plugin SDK: a header-only C++17 kit over the C ABI in plugin.h.
//
// A plugin author writes a plain C++ class and one macro line; the kit makes
// the descriptor, turns std::string_view into fkb_str and back, owns the
// buffers a thread or fact needs while it crosses the boundary, and wraps
// every exported function in a catch-all so that no exception ever reaches
// the host (a throw becomes FKB_ERROR with the exception's message).
//
//   class MySource {
//    public:
//     static double sniff(std::string_view head, std::string_view file_name);
//     MySource(fkb::sdk::Host host, fkb::sdk::Input& input, const fkb::sdk::Options& options);
//     bool next(fkb::sdk::ThreadSink& sink);   // false at the end of the input
//   };
//   FKB_SOURCE_PLUGIN(MySource, "source_my", "1.0.0", "My format", "MIT", kMyOptions, 2)
//
//   class MyExtractor {
//    public:
//     MyExtractor(fkb::sdk::Host host, const fkb::sdk::Options& options);
//     void extract(const fkb::sdk::ThreadView& view, fkb::sdk::FactSink& sink);
//   };
//   FKB_EXTRACTOR_PLUGIN(MyExtractor, "extractor_my", "1.0.0", "My facts", "MIT", nullptr, 0)
#ifndef FORUMKB_SDK_HPP
#define FORUMKB_SDK_HPP

#include <forumkb/plugin.h>

#include <cstdint>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::sdk {

// ---------------------------------------------------------------- strings

/// A view of an fkb_str (absent becomes an empty view).
inline std::string_view view(fkb_str s) noexcept {
    return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view();
}
/// An fkb_str over a view; the bytes must outlive the use of the result.
inline fkb_str str(std::string_view s) noexcept { return fkb_str{s.data(), s.size()}; }
/// An fkb_str over a string (needed: a std::string converts both to a view and to an optional).
inline fkb_str str(const std::string& s) noexcept { return fkb_str{s.data(), s.size()}; }
/// An fkb_str that is absent (JSON null) when the optional is empty.
inline fkb_str str(const std::optional<std::string>& s) noexcept {
    return s ? fkb_str{s->data(), s->size()} : fkb_str{nullptr, 0};
}

/// Thrown by plugin code for a failure the host should report as it is.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------- host

/// The host's services for one plugin instance.
class Host {
public:
    explicit Host(const fkb_host* host) noexcept : host_(host) {}
    void log(fkb_log_level level, std::string_view message) const noexcept {
        if (host_ && host_->log) host_->log(host_->ctx, level, str(message));
    }
    void set_error(std::string_view message) const noexcept {
        if (host_ && host_->set_error) host_->set_error(host_->ctx, str(message));
    }
    const fkb_host* raw() const noexcept { return host_; }

private:
    const fkb_host* host_;
};

/// Validated options, by name (the host has filled in defaults).
class Options {
public:
    Options(const fkb_option* options, size_t n) {
        for (size_t i = 0; i < n; ++i) values_[std::string(view(options[i].name))] = std::string(view(options[i].value));
    }
    std::optional<std::string> get(const std::string& name) const {
        auto it = values_.find(name);
        if (it == values_.end()) return std::nullopt;
        return it->second;
    }
    std::string get_or(const std::string& name, std::string fallback) const { return get(name).value_or(std::move(fallback)); }
    long long get_int(const std::string& name, long long fallback) const {
        auto v = get(name);
        return v ? std::stoll(*v) : fallback;
    }
    double get_double(const std::string& name, double fallback) const {
        auto v = get(name);
        return v ? std::stod(*v) : fallback;
    }
    bool get_bool(const std::string& name, bool fallback) const {
        auto v = get(name);
        return v ? *v == "true" : fallback;
    }

private:
    std::map<std::string, std::string> values_;
};

// ---------------------------------------------------------------- input

/// Buffered reading of the host's byte stream, with line numbers and offsets.
class Input {
public:
    explicit Input(const fkb_input* input) : input_(input), buf_(1 << 16) {}

    std::string_view name() const noexcept { return view(input_->name); }
    int64_t size() const noexcept { return input_->size; }

    /// Reads the next line without its "\n" (and "\r\n"); false at the end.
    /// line_number() and line_offset() then describe the line returned.
    bool read_line(std::string& line) {
        line.clear();
        bool any = false;
        for (;;) {
            if (pos_ == len_ && !fill()) {
                if (!any) return false;
                break;
            }
            if (!any) {
                line_offset_ = consumed_ + static_cast<int64_t>(pos_);
                ++line_number_;
                any = true;
            }
            const char* start = buf_.data() + pos_;
            const void* nl = std::memchr(start, '\n', len_ - pos_);
            if (nl) {
                size_t n = static_cast<const char*>(nl) - start;
                line.append(start, n);
                pos_ += n + 1;
                break;
            }
            line.append(start, len_ - pos_);
            pos_ = len_;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }

    /// Reads everything that is left.
    std::string read_all() {
        std::string out(buf_.data() + pos_, len_ - pos_);
        pos_ = len_;
        while (fill()) {
            out.append(buf_.data(), len_);
            pos_ = len_;
        }
        return out;
    }

    /// Reads up to cap raw bytes; 0 at the end.
    size_t read(char* out, size_t cap) {
        if (pos_ == len_ && !fill()) return 0;
        size_t n = std::min(cap, len_ - pos_);
        std::memcpy(out, buf_.data() + pos_, n);
        pos_ += n;
        return n;
    }

    uint64_t line_number() const noexcept { return line_number_; }
    int64_t line_offset() const noexcept { return line_offset_; }

private:
    bool fill() {
        consumed_ += static_cast<int64_t>(len_);
        pos_ = len_ = 0;
        int64_t n = input_->read(input_->ctx, buf_.data(), buf_.size());
        if (n < 0) throw Error(std::string(name()) + ": read error");
        len_ = static_cast<size_t>(n);
        return n > 0;
    }

    const fkb_input* input_;
    std::vector<char> buf_;
    size_t pos_ = 0, len_ = 0;
    int64_t consumed_ = 0;
    uint64_t line_number_ = 0;
    int64_t line_offset_ = -1;
};

// ---------------------------------------------------------------- threads

/// A post as a plugin builds it; optional members are JSON null when empty.
struct Post {
    struct Quote {
        uint64_t start = 0, end = 0;
        std::string post_id;
    };
    std::string post_id;
    std::optional<std::string> parent_id, author;
    std::optional<int64_t> post_count, level, reputation;
    std::optional<std::string> role, flair;
    std::optional<std::string> created, created_text;
    std::string text;
    std::optional<int64_t> likes, score;
    bool accepted = false;
    std::vector<Quote> quotes;
    std::optional<std::string> signature;
};

/// A thread as a plugin builds it.
struct Thread {
    std::string source, thread_id;
    std::optional<std::string> url, title, forum, category;
    std::vector<Post> posts;
};

inline int64_t null_int(const std::optional<int64_t>& v) noexcept { return v ? *v : FKB_NULL_INT; }

/// The sink of next_thread(), in C++.
class ThreadSink {
public:
    explicit ThreadSink(const fkb_thread_sink* sink) noexcept : sink_(sink) {}

    /// Emits a thread; returns false when the host asks the plugin to stop.
    bool emit(const Thread& t) {
        std::vector<fkb_post> posts(t.posts.size());
        std::vector<std::vector<fkb_quote>> quotes(t.posts.size());
        for (size_t i = 0; i < t.posts.size(); ++i) {
            const Post& p = t.posts[i];
            for (const auto& q : p.quotes) quotes[i].push_back(fkb_quote{q.start, q.end, str(q.post_id)});
            fkb_post& c = posts[i];
            c.struct_size = sizeof(fkb_post);
            c.post_id = str(p.post_id);
            c.parent_id = str(p.parent_id);
            c.author = str(p.author);
            c.signals = fkb_author_signals{null_int(p.post_count), str(p.role), null_int(p.level),
                                           null_int(p.reputation), str(p.flair)};
            c.created = str(p.created);
            c.created_text = str(p.created_text);
            c.text = str(p.text);
            c.likes = null_int(p.likes);
            c.score = null_int(p.score);
            c.accepted = p.accepted ? 1 : 0;
            c.quotes = quotes[i].data();
            c.n_quotes = quotes[i].size();
            c.signature = str(p.signature);
        }
        fkb_thread c{};
        c.struct_size = sizeof(fkb_thread);
        c.source = str(t.source);
        c.thread_id = str(t.thread_id);
        c.url = str(t.url);
        c.title = str(t.title);
        c.forum = str(t.forum);
        c.category = str(t.category);
        c.posts = posts.data();
        c.n_posts = posts.size();
        return sink_->emit_thread(sink_->ctx, &c) == FKB_OK;
    }

    /// Sets a malformed record aside and lets the plugin go on.
    void reject(std::string_view reason, uint64_t line, int64_t offset = -1, std::string_view excerpt = {}) {
        sink_->reject(sink_->ctx, str(reason), fkb_location{line, offset}, str(excerpt));
    }

private:
    const fkb_thread_sink* sink_;
};

// ---------------------------------------------------------------- facts

/// A view of the analyzed thread an extractor receives.
class ThreadView {
public:
    explicit ThreadView(const fkb_thread_view* v) noexcept : v_(v) {}
    const fkb_thread& thread() const noexcept { return *v_->thread; }
    size_t size() const noexcept { return v_->thread->n_posts; }
    const fkb_post& post(size_t i) const noexcept { return v_->thread->posts[i]; }
    std::string_view text(size_t i) const noexcept { return view(post(i).text); }
    const fkb_post_analysis& analysis(size_t i) const noexcept { return v_->posts[i]; }
    std::string_view source_file() const noexcept { return view(v_->source_file); }
    const fkb_thread_view* raw() const noexcept { return v_; }

private:
    const fkb_thread_view* v_;
};

/// A fact as an extractor builds it.
struct Fact {
    std::string kind, concept_id, label;
    fkb_evidence evidence{};
    std::vector<std::pair<std::string, std::pair<fkb_value_type, std::string>>> attrs;
    std::vector<uint32_t> support;
    /// Evidence shown beside the post rather than in its text ("Lv 7");
    /// empty for evidence that is a span of the text (fkb_fact::evidence_text).
    std::string evidence_text;

    Fact& set(std::string key, std::string value) {
        attrs.push_back({std::move(key), {FKB_VALUE_STRING, std::move(value)}});
        return *this;
    }
    Fact& set_int(std::string key, long long value) {
        attrs.push_back({std::move(key), {FKB_VALUE_INT, std::to_string(value)}});
        return *this;
    }
    Fact& set_double(std::string key, double value) {
        attrs.push_back({std::move(key), {FKB_VALUE_DOUBLE, std::to_string(value)}});
        return *this;
    }
    Fact& set_bool(std::string key, bool value) {
        attrs.push_back({std::move(key), {FKB_VALUE_BOOL, value ? "true" : "false"}});
        return *this;
    }
    Fact& set_null(std::string key) {
        attrs.push_back({std::move(key), {FKB_VALUE_NULL, std::string()}});
        return *this;
    }
};

/// The sink of extract(), in C++.
class FactSink {
public:
    explicit FactSink(const fkb_fact_sink* sink) noexcept : sink_(sink) {}

    /// Emits a fact; returns false when the host asks to stop.
    bool emit(const Fact& f) {
        if (aborted_) return false;
        std::vector<fkb_attr> attrs;
        attrs.reserve(f.attrs.size());
        for (const auto& [k, v] : f.attrs) attrs.push_back(fkb_attr{str(k), v.first, str(v.second)});
        fkb_fact c{};
        c.struct_size = sizeof(fkb_fact);
        c.kind = str(f.kind);
        c.concept_id = f.concept_id.empty() ? fkb_str{nullptr, 0} : str(f.concept_id);
        c.label = str(f.label);
        c.evidence = f.evidence;
        c.attrs = attrs.data();
        c.n_attrs = attrs.size();
        c.support = f.support.data();
        c.n_support = f.support.size();
        c.evidence_text = f.evidence_text.empty() ? fkb_str{nullptr, 0} : str(f.evidence_text);
        fkb_status s = sink_->emit(sink_->ctx, &c);
        if (s == FKB_ERROR) throw Error("the host refused a fact");
        aborted_ = s == FKB_ABORT;
        return !aborted_;
    }
    bool aborted() const noexcept { return aborted_; }

private:
    const fkb_fact_sink* sink_;
    bool aborted_ = false;
};

// ---------------------------------------------------------------- glue

/// Runs fn and turns any exception into FKB_ERROR with its message.
template <class Fn>
fkb_status guard(const fkb_host* host, Fn&& fn) noexcept {
    try {
        return fn();
    } catch (const std::exception& e) {
        Host(host).set_error(e.what());
    } catch (...) {
        Host(host).set_error("unknown exception");
    }
    return FKB_ERROR;
}

namespace detail {

template <class T>
struct SourceInstance {
    const fkb_host* host;
    Input input;
    std::unique_ptr<T> impl;
};

template <class T>
struct SourceGlue {
    static double sniff(fkb_str head, fkb_str name) noexcept {
        try {
            return T::sniff(view(head), view(name));
        } catch (...) {
            return 0.0;
        }
    }
    static fkb_status open(const fkb_host* host, const fkb_input* input, const fkb_option* options, size_t n,
                           void** state) noexcept {
        return guard(host, [&] {
            auto inst = std::make_unique<SourceInstance<T>>(SourceInstance<T>{host, Input(input), nullptr});
            inst->impl = std::make_unique<T>(Host(host), inst->input, Options(options, n));
            *state = inst.release();
            return FKB_OK;
        });
    }
    static fkb_status next_thread(void* state, const fkb_thread_sink* sink) noexcept {
        auto* inst = static_cast<SourceInstance<T>*>(state);
        return guard(inst->host, [&] {
            ThreadSink s(sink);
            return inst->impl->next(s) ? FKB_OK : FKB_END;
        });
    }
    static void close(void* state) noexcept {
        try {
            delete static_cast<SourceInstance<T>*>(state);
        } catch (...) {
        }
    }
};

template <class T>
struct ExtractorInstance {
    const fkb_host* host;
    std::unique_ptr<T> impl;
};

template <class T>
struct ExtractorGlue {
    static fkb_status create(const fkb_host* host, const fkb_option* options, size_t n, void** state) noexcept {
        return guard(host, [&] {
            auto inst = std::make_unique<ExtractorInstance<T>>(
                ExtractorInstance<T>{host, std::make_unique<T>(Host(host), Options(options, n))});
            *state = inst.release();
            return FKB_OK;
        });
    }
    static fkb_status extract(void* state, const fkb_thread_view* view, const fkb_fact_sink* sink) noexcept {
        auto* inst = static_cast<ExtractorInstance<T>*>(state);
        return guard(inst->host, [&] {
            FactSink s(sink);
            inst->impl->extract(ThreadView(view), s);
            return FKB_OK;
        });
    }
    static void destroy(void* state) noexcept {
        try {
            delete static_cast<ExtractorInstance<T>*>(state);
        } catch (...) {
        }
    }
};

}  // namespace detail
}  // namespace fkb::sdk

/// Number of entries of a static option table.
#define FKB_SDK_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/// Exports a source plugin made of class T. OPTIONS is a static array of
/// fkb_option_spec and N_OPTIONS its length (nullptr, 0 for none).
#define FKB_SOURCE_PLUGIN(T, NAME, VERSION, DESCRIPTION, LICENSE, OPTIONS, N_OPTIONS)                              \
    extern "C" FKB_EXPORT const fkb_plugin_descriptor* fkb_plugin_entry(void) {                                  \
        static const fkb_source_api api = {sizeof(fkb_source_api), &::fkb::sdk::detail::SourceGlue<T>::sniff,     \
                                           &::fkb::sdk::detail::SourceGlue<T>::open,                               \
                                           &::fkb::sdk::detail::SourceGlue<T>::next_thread,                        \
                                           &::fkb::sdk::detail::SourceGlue<T>::close};                             \
        static const fkb_plugin_descriptor d = {sizeof(fkb_plugin_descriptor),                                   \
                                                FKB_ABI_MAJOR,                                                   \
                                                FKB_ABI_MINOR,                                                   \
                                                FKB_KIND_SOURCE,                                                 \
                                                NAME,                                                            \
                                                VERSION,                                                         \
                                                DESCRIPTION,                                                     \
                                                LICENSE,                                                         \
                                                OPTIONS,                                                         \
                                                N_OPTIONS,                                                       \
                                                &api,                                                            \
                                                nullptr,                                                         \
                                                {}};                                                             \
        return &d;                                                                                               \
    }

/// Exports an extractor plugin made of class T.
#define FKB_EXTRACTOR_PLUGIN(T, NAME, VERSION, DESCRIPTION, LICENSE, OPTIONS, N_OPTIONS)                         \
    extern "C" FKB_EXPORT const fkb_plugin_descriptor* fkb_plugin_entry(void) {                                  \
        static const fkb_extractor_api api = {sizeof(fkb_extractor_api),                                         \
                                              &::fkb::sdk::detail::ExtractorGlue<T>::create,                      \
                                              &::fkb::sdk::detail::ExtractorGlue<T>::extract,                     \
                                              &::fkb::sdk::detail::ExtractorGlue<T>::destroy};                    \
        static const fkb_plugin_descriptor d = {sizeof(fkb_plugin_descriptor),                                   \
                                                FKB_ABI_MAJOR,                                                   \
                                                FKB_ABI_MINOR,                                                   \
                                                FKB_KIND_EXTRACTOR,                                              \
                                                NAME,                                                            \
                                                VERSION,                                                         \
                                                DESCRIPTION,                                                     \
                                                LICENSE,                                                         \
                                                OPTIONS,                                                         \
                                                N_OPTIONS,                                                       \
                                                nullptr,                                                         \
                                                &api,                                                            \
                                                {}};                                                             \
        return &d;                                                                                               \
    }

#endif  // FORUMKB_SDK_HPP
