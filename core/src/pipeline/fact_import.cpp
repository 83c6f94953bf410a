// Loading fact JSON lines back into threads with their facts (see
// forumkb/pipeline/fact_import.hpp). The reader only looks at each line's
// "kind" (the first member, as `forumkb extract` writes it; any other order
// costs one more parse); the workers parse the records with simdjson's
// On Demand API, which gives each number's own text, so an attribute reads
// back with the very string the extractor set ("0.083000") and a thread
// imported from its facts hashes like the one ingest wrote.
#include <forumkb/pipeline/fact_import.hpp>

#include <forumkb/abi_convert.hpp>
#include <forumkb/pipeline/content_hash.hpp>

#include "ordered_writer.hpp"
#include "run_state.hpp"
#include "stages.hpp"
#include "work_item.hpp"

#include <simdjson.h>
#include <tbb/enumerable_thread_specific.h>

#include <cstring>
#include <limits>
#include <stdexcept>

namespace fkb::pipeline {

namespace {

using namespace simdjson;

/// A record that cannot be used; what() is the reason.
struct BadRecord : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr std::size_t kExcerpt = 200;
constexpr std::size_t kReadChunk = 1 << 20;

// ---------------------------------------------------------------- reader

/// The kind of a record from its first bytes, "" when it is not plain.
std::string_view quick_kind(std::string_view line) {
    constexpr std::string_view prefix = "{\"kind\":\"";
    if (!line.starts_with(prefix)) return {};
    auto end = line.find('"', prefix.size());
    if (end == std::string_view::npos) return {};
    std::string_view k = line.substr(prefix.size(), end - prefix.size());
    return k.find('\\') == std::string_view::npos ? k : std::string_view();
}

class FactLineReader {
public:
    FactLineReader(const std::vector<InputRef>& inputs, bool hash_inputs, PipelineSink& sink, detail::RunState& run)
        : inputs_(inputs), hash_inputs_(hash_inputs), sink_(sink), run_(run), infos_(inputs.size()) {}

    const std::vector<InputInfo>& infos() const noexcept { return infos_; }

    std::unique_ptr<detail::WorkItem> next() {
        for (;;) {
            if (run_.stopping()) {
                if (in_input_) end_input(false);
                break;
            }
            if (stream_) {
                detail::RawLine line;
                if (read_line(line)) {
                    if (auto item = take_line(std::move(line))) return item;
                    continue;
                }
                stream_.reset();
                report_bytes();
                if (group_) return std::move(group_);
                continue;
            }
            if (in_input_ && seq_) {
                if (!start_stream()) end_input(complete_);
                continue;
            }
            if (in_input_) {  // opening failed
                end_input(false);
                continue;
            }
            if (!start_input()) break;
        }
        if (group_) return std::move(group_);  // stopped in the middle of a thread: dropped below
        if (events_.empty()) return nullptr;
        auto item = std::make_unique<detail::WorkItem>();
        item->events = std::move(events_);
        events_.clear();
        item->input = current_;
        return item;
    }

private:
    bool start_input() {
        if (next_input_ >= inputs_.size()) return false;
        current_ = next_input_++;
        const InputRef& ref = inputs_[current_];
        InputInfo& info = infos_[current_];
        info.path = ref.path;
        info.size = ref.size;
        complete_ = true;
        if (hash_inputs_ && ref.path != "-") {
            try {
                info.hash = content_hash(ref.path);
            } catch (const std::exception& e) {
                begin_event();
                input_error(e.what());
                return true;
            }
        }
        if (sink_.skip_input(info)) {
            if (ref.size > 0) bytes_base_ += static_cast<uint64_t>(ref.size);
            if (run_.progress) {
                run_.progress->bytes_done.store(bytes_base_, std::memory_order_relaxed);
                run_.progress->inputs_done.fetch_add(1, std::memory_order_relaxed);
            }
            detail::Event e{detail::Event::kSkipped};
            e.input = current_;
            events_.push_back(std::move(e));
            return true;
        }
        begin_event();
        try {
            seq_ = open_streams(ref);
        } catch (const std::exception& e) {
            input_error(e.what());
        }
        return true;
    }

    void begin_event() {
        detail::Event b{detail::Event::kBegin};
        b.input = current_;
        events_.push_back(std::move(b));
        in_input_ = true;
    }

    bool start_stream() {
        try {
            stream_ = seq_->next();
        } catch (const std::exception& e) {
            input_error(e.what());
            return false;
        }
        if (!stream_) return false;
        buffer_.clear();
        pos_ = 0;
        eof_ = false;
        line_no_ = 0;
        offset_ = 0;
        return true;
    }

    void end_input(bool complete) {
        const InputRef& ref = inputs_[current_];
        if (ref.size > 0) bytes_base_ += static_cast<uint64_t>(ref.size);
        if (run_.progress) {
            run_.progress->bytes_done.store(bytes_base_, std::memory_order_relaxed);
            run_.progress->inputs_done.fetch_add(1, std::memory_order_relaxed);
        }
        stream_.reset();
        seq_.reset();
        detail::Event e{detail::Event::kEnd};
        e.input = current_;
        e.complete = complete && complete_;
        events_.push_back(std::move(e));
        in_input_ = false;
    }

    void input_error(const std::string& message) {
        detail::Event e{detail::Event::kInputError};
        e.input = current_;
        e.message = message;
        events_.push_back(std::move(e));
        complete_ = false;
    }

    void report_bytes() {
        if (run_.progress && seq_)
            run_.progress->bytes_done.store(bytes_base_ + seq_->raw_bytes(), std::memory_order_relaxed);
    }

    /// The next line of the stream (without '\n' or '\r'); false at the end.
    bool read_line(detail::RawLine& line) {
        for (;;) {
            auto nl = buffer_.find('\n', pos_);
            if (nl != std::string::npos || (eof_ && pos_ < buffer_.size())) {
                std::size_t end = nl == std::string::npos ? buffer_.size() : nl;
                line.number = ++line_no_;
                line.offset = offset_;
                line.text.assign(buffer_, pos_, end - pos_);
                if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
                std::size_t next = nl == std::string::npos ? buffer_.size() : nl + 1;
                offset_ += static_cast<int64_t>(next - pos_);
                pos_ = next;
                return true;
            }
            if (eof_) return false;
            buffer_.erase(0, pos_);
            pos_ = 0;
            std::size_t have = buffer_.size();
            buffer_.resize(have + kReadChunk);
            int64_t n = stream_->read(buffer_.data() + have, kReadChunk);
            if (n < 0) {
                buffer_.resize(have);
                input_error(stream_->name() + ": " + stream_->error());
                eof_ = true;
                buffer_.clear();  // a half-read line is not a record
                return false;
            }
            buffer_.resize(have + static_cast<std::size_t>(n));
            if (n == 0) eof_ = true;
        }
    }

    /// Files a line under its thread; returns the previous thread's item
    /// when this line starts a new one.
    std::unique_ptr<detail::WorkItem> take_line(detail::RawLine line) {
        std::string_view text = line.text;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        if (text.empty()) return nullptr;
        std::string_view kind = quick_kind(text);
        std::string parsed_kind;
        if (kind.empty()) {
            parsed_kind = slow_kind(text);
            kind = parsed_kind;
        }
        if (kind == "thread") {
            auto done = std::move(group_);
            group_ = std::make_unique<detail::WorkItem>();
            group_->events = std::move(events_);
            events_.clear();
            group_->input = current_;
            group_->source_file = stream_->name();
            group_->lines.push_back(std::move(line));
            report_bytes();
            return done;
        }
        if (group_) {
            group_->lines.push_back(std::move(line));
            return nullptr;
        }
        Reject r;
        r.file = stream_->name();
        r.line = line.number;
        r.offset = line.offset;
        r.plugin = kImportPlugin;
        r.reason = kind.empty() ? "not a fact JSON-lines record (no \"kind\")"
                                : "a " + std::string(kind) + " record before any thread record";
        r.excerpt = line.text.substr(0, kExcerpt);
        detail::Event e{detail::Event::kReject};
        e.input = current_;
        e.reject = std::move(r);
        events_.push_back(std::move(e));
        return nullptr;
    }

    /// "kind" of a record whose members are not in the usual order.
    std::string slow_kind(std::string_view text) {
        padded_.assign(text.data(), text.size());
        padded_.append(SIMDJSON_PADDING, ' ');
        ondemand::document doc;
        std::string_view k;
        if (parser_.iterate(padded_.data(), text.size(), padded_.size()).get(doc) != SUCCESS) return {};
        if (doc["kind"].get_string().get(k) != SUCCESS) return {};
        return std::string(k);
    }

    const std::vector<InputRef>& inputs_;
    bool hash_inputs_;
    PipelineSink& sink_;
    detail::RunState& run_;
    std::vector<InputInfo> infos_;
    std::size_t next_input_ = 0, current_ = 0;
    uint64_t bytes_base_ = 0;
    bool in_input_ = false, complete_ = true;
    std::unique_ptr<StreamSequence> seq_;
    std::unique_ptr<InputStream> stream_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    uint64_t line_no_ = 0;
    int64_t offset_ = 0;
    std::vector<detail::Event> events_;
    std::unique_ptr<detail::WorkItem> group_;
    ondemand::parser parser_;
    std::string padded_;
};

// ---------------------------------------------------------------- parser

/// Parses the records of one thread (one worker thread each).
class RecordParser {
public:
    /// Fills item.thread and item.facts from item.lines; rejects go to
    /// item.worker_events.
    void parse(detail::WorkItem& item) {
        item_ = &item;
        thread_.reset();
        facts_.clear();
        n_posts_ = 0;
        for (const detail::RawLine& line : item.lines) {
            try {
                record(line);
            } catch (const BadRecord& e) {
                reject(line, e.what());
                if (!thread_ok_) {  // the thread itself is unusable: one reject for it
                    thread_.reset();
                    facts_.clear();
                    break;
                }
            }
        }
        if (thread_ && thread_->posts.size() != n_posts_) {
            reject(item.lines.front(), "thread " + thread_->thread_id + ": the thread record says " +
                                           std::to_string(n_posts_) + " posts, " +
                                           std::to_string(thread_->posts.size()) + " post records follow");
            thread_.reset();
            facts_.clear();
        }
        if (thread_) {
            item.thread = std::move(thread_);
            item.facts = std::move(facts_);
        }
        item.lines.clear();
        item.lines.shrink_to_fit();
    }

private:
    void reject(const detail::RawLine& line, const std::string& why) {
        Reject r;
        r.file = item_->source_file;
        r.line = line.number;
        r.offset = line.offset;
        r.plugin = kImportPlugin;
        r.reason = why;
        for (char& c : r.reason)
            if (c == '\n' || c == '\r') c = ' ';
        r.excerpt = line.text.substr(0, kExcerpt);
        detail::Event e{detail::Event::kReject};
        e.input = item_->input;
        e.reject = std::move(r);
        item_->worker_events.push_back(std::move(e));
    }

    static void check(error_code err, std::string_view what) {
        if (err) throw BadRecord(std::string(what) + ": " + error_message(err));
    }

    static bool is_null(ondemand::value& v) {
        bool n = false;
        return v.is_null().get(n) == SUCCESS && n;
    }
    static std::string str(ondemand::value v, std::string_view key) {
        std::string_view s;
        if (v.get_string().get(s) != SUCCESS) throw BadRecord(std::string(key) + ": expected a string");
        return std::string(s);
    }
    static std::optional<std::string> opt_str(ondemand::value v, std::string_view key) {
        if (is_null(v)) return std::nullopt;
        return str(v, key);
    }
    static std::optional<int64_t> opt_int(ondemand::value v, std::string_view key) {
        if (is_null(v)) return std::nullopt;
        int64_t i;
        if (v.get_int64().get(i) != SUCCESS || i == std::numeric_limits<int64_t>::min())
            throw BadRecord(std::string(key) + ": expected an integer or null");
        return i;
    }
    static uint64_t index(ondemand::value v, std::string_view key) {
        uint64_t i;
        if (v.get_uint64().get(i) != SUCCESS || i > std::numeric_limits<uint32_t>::max())
            throw BadRecord(std::string(key) + ": expected a non-negative integer");
        return i;
    }

    ondemand::object open(const detail::RawLine& line) {
        padded_.assign(line.text);
        padded_.append(SIMDJSON_PADDING, ' ');
        check(parser_.iterate(padded_.data(), line.text.size(), padded_.size()).get(doc_), "not valid JSON");
        ondemand::object o;
        check(doc_.get_object().get(o), "expected a JSON object");
        return o;
    }

    void record(const detail::RawLine& line) {
        std::string_view kind = quick_kind(line.text);
        // A thread or post record that cannot be read spoils its thread.
        thread_ok_ = kind != "thread" && kind != "post";
        ondemand::object o = open(line);
        std::string k;
        if (kind.empty()) {
            // Members in another order: find "kind", then start again.
            std::string_view s;
            if (o.find_field_unordered("kind").get_string().get(s) != SUCCESS)
                throw BadRecord("\"kind\": expected a string");
            k = std::string(s);
            o = open(line);
        } else {
            k = std::string(kind);
        }
        if (k == "thread") {
            thread_ok_ = false;
            if (thread_) throw BadRecord("a second thread record in one thread");
            thread_record(o);
            thread_ok_ = true;
        } else if (k == "post") {
            thread_ok_ = false;
            post_record(o);
            thread_ok_ = true;
        } else {
            thread_ok_ = true;
            fact_record(o, k);
        }
    }

    void thread_record(ondemand::object o) {
        Thread t;
        bool have_posts = false;
        for (auto field : o) {
            std::string_view key;
            check(field.unescaped_key().get(key), "member name");
            ondemand::value v;
            check(field.value().get(v), key);
            if (key == "thread") t.thread_id = str(v, key);
            else if (key == "source") t.source = str(v, key);
            else if (key == "title") t.title = opt_str(v, key);
            else if (key == "forum") t.forum = opt_str(v, key);
            else if (key == "category") t.category = opt_str(v, key);
            else if (key == "url") t.url = opt_str(v, key);
            else if (key == "posts") {
                n_posts_ = index(v, key);
                have_posts = true;
            }
        }
        if (t.thread_id.empty()) throw BadRecord("thread record: \"thread\" (the thread_id) is missing");
        if (t.source.empty()) throw BadRecord("thread " + t.thread_id + ": \"source\" is missing");
        if (!have_posts) throw BadRecord("thread " + t.thread_id + ": \"posts\" (the number of posts) is missing");
        thread_ = std::move(t);
    }

    void same_thread(ondemand::value v) {
        std::string_view id;
        if (v.get_string().get(id) != SUCCESS) throw BadRecord("thread: expected a string");
        if (id != thread_->thread_id)
            throw BadRecord("names thread " + std::string(id) + " inside thread " + thread_->thread_id);
    }

    void post_record(ondemand::object o) {
        if (!thread_) throw BadRecord("a post record before its thread record");
        Post p;
        std::optional<uint64_t> at;
        bool have_text = false;
        for (auto field : o) {
            std::string_view key;
            check(field.unescaped_key().get(key), "member name");
            ondemand::value v;
            check(field.value().get(v), key);
            if (key == "thread") same_thread(v);
            else if (key == "post") at = index(v, key);
            else if (key == "post_id") p.post_id = str(v, key);
            else if (key == "author") p.author = opt_str(v, key);
            else if (key == "parent_id") p.parent_id = opt_str(v, key);
            else if (key == "created") p.created = opt_str(v, key);
            else if (key == "created_text") p.created_text = opt_str(v, key);
            else if (key == "signature") p.signature = opt_str(v, key);
            else if (key == "likes") p.likes = opt_int(v, key);
            else if (key == "score") p.score = opt_int(v, key);
            else if (key == "accepted") {
                bool b = false;
                if (!is_null(v) && v.get_bool().get(b) != SUCCESS) throw BadRecord("accepted: expected true or false");
                p.accepted = b;
            } else if (key == "text") {
                p.text = str(v, key);
                have_text = true;
            } else if (key == "author_signals") {
                if (is_null(v)) continue;
                ondemand::object so;
                if (v.get_object().get(so) != SUCCESS) throw BadRecord("author_signals: expected an object");
                for (auto sf : so) {
                    std::string_view sk;
                    check(sf.unescaped_key().get(sk), "member name");
                    ondemand::value sv;
                    check(sf.value().get(sv), sk);
                    if (sk == "post_count") p.post_count = opt_int(sv, sk);
                    else if (sk == "level") p.level = opt_int(sv, sk);
                    else if (sk == "reputation") p.reputation = opt_int(sv, sk);
                    else if (sk == "role") p.role = opt_str(sv, sk);
                    else if (sk == "flair") p.flair = opt_str(sv, sk);
                }
            } else if (key == "quotes") {
                if (is_null(v)) continue;
                ondemand::array arr;
                if (v.get_array().get(arr) != SUCCESS) throw BadRecord("quotes: expected an array");
                for (auto qe : arr) {
                    ondemand::object qo;
                    if (qe.get_object().get(qo) != SUCCESS) throw BadRecord("quotes: expected objects");
                    Post::Quote q;
                    for (auto qf : qo) {
                        std::string_view qk;
                        check(qf.unescaped_key().get(qk), "member name");
                        ondemand::value qv;
                        check(qf.value().get(qv), qk);
                        if (qk == "start") q.start = index(qv, "quotes.start");
                        else if (qk == "end") q.end = index(qv, "quotes.end");
                        else if (qk == "post_id") q.post_id = str(qv, "quotes.post_id");
                    }
                    p.quotes.push_back(std::move(q));
                }
            }
        }
        const std::string& tid = thread_->thread_id;
        if (!at) throw BadRecord("thread " + tid + ": a post record without \"post\" (its index)");
        if (*at != thread_->posts.size())
            throw BadRecord("thread " + tid + ": post " + std::to_string(*at) + " where post " +
                            std::to_string(thread_->posts.size()) + " was due");
        if (p.post_id.empty()) throw BadRecord("thread " + tid + ": post " + std::to_string(*at) + " has no post_id");
        if (!have_text) throw BadRecord("thread " + tid + ": post " + std::to_string(*at) + " has no text");
        for (const auto& q : p.quotes)
            if (q.start > q.end || q.end > p.text.size())
                throw BadRecord("thread " + tid + ": post " + std::to_string(*at) + ": a quote is outside the text");
        thread_->posts.push_back(std::move(p));
    }

    /// An attribute (any member of a fact record the format does not name):
    /// its own text for numbers, nested objects as dotted keys.
    void attribute(Fact& f, const std::string& key, ondemand::value v) {
        ondemand::json_type type;
        check(v.type().get(type), key);
        switch (type) {
            case ondemand::json_type::string: f.set(key, str(v, key)); return;
            case ondemand::json_type::boolean: {
                bool b = false;
                check(v.get_bool().get(b), key);
                f.set_bool(key, b);
                return;
            }
            case ondemand::json_type::null:
                if (!is_null(v)) throw BadRecord(key + ": bad null");
                f.set_null(key);
                return;
            case ondemand::json_type::number: {
                std::string_view raw;
                raw = v.raw_json_token();
                while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' ||
                                        raw.back() == '\r'))
                    raw.remove_suffix(1);
                double d;
                check(v.get_double().get(d), key);  // validates the token
                bool integral = raw.find_first_of(".eE") == std::string_view::npos;
                f.attrs.push_back({key, {integral ? FKB_VALUE_INT : FKB_VALUE_DOUBLE, std::string(raw)}});
                return;
            }
            case ondemand::json_type::object: {
                ondemand::object o;
                check(v.get_object().get(o), key);
                for (auto field : o) {
                    std::string_view k;
                    check(field.unescaped_key().get(k), "member name");
                    ondemand::value sub;
                    check(field.value().get(sub), k);
                    attribute(f, key + "." + std::string(k), sub);
                }
                return;
            }
            case ondemand::json_type::array: throw BadRecord(key + ": an attribute cannot be an array");
        }
    }

    void fact_record(ondemand::object o, const std::string& kind) {
        if (!thread_) throw BadRecord("a fact record before its thread record");
        const std::string& tid = thread_->thread_id;
        if (!plugin::is_known_fact_kind(kind)) throw BadRecord("thread " + tid + ": unknown record kind '" + kind + "'");
        FactRecord r;
        Fact& f = r.fact;
        f.kind = kind;
        std::optional<uint64_t> post;
        std::optional<std::string> post_id, ev_text;
        bool have_evidence = false;
        for (auto field : o) {
            std::string_view key;
            check(field.unescaped_key().get(key), "member name");
            ondemand::value v;
            check(field.value().get(v), key);
            if (key == "kind" || key == "source_file") continue;
            if (key == "thread") same_thread(v);
            else if (key == "post") post = index(v, key);
            else if (key == "post_id") post_id = opt_str(v, key);
            else if (key == "concept") f.concept_id = opt_str(v, key).value_or("");
            else if (key == "label") f.label = opt_str(v, key).value_or("");
            else if (key == "extractor") r.plugin = str(v, key);
            else if (key == "support") {
                ondemand::array arr;
                if (v.get_array().get(arr) != SUCCESS) throw BadRecord("support: expected an array of post indexes");
                for (auto e : arr) {
                    ondemand::value ev;
                    check(e.get(ev), "support");
                    f.support.push_back(static_cast<uint32_t>(index(ev, "support")));
                }
            } else if (key == "evidence") {
                ondemand::object eo;
                if (v.get_object().get(eo) != SUCCESS) throw BadRecord("evidence: expected an object");
                for (auto ef : eo) {
                    std::string_view ek;
                    check(ef.unescaped_key().get(ek), "member name");
                    ondemand::value evv;
                    check(ef.value().get(evv), ek);
                    if (ek == "text") ev_text = opt_str(evv, "evidence.text");
                    else if (ek == "start") f.evidence.start = static_cast<uint32_t>(index(evv, "evidence.start"));
                    else if (ek == "end") f.evidence.end = static_cast<uint32_t>(index(evv, "evidence.end"));
                    else if (ek == "sentence") f.evidence.sentence = static_cast<uint32_t>(index(evv, "evidence.sentence"));
                }
                have_evidence = true;
            } else {
                attribute(f, std::string(key), v);
            }
        }
        if (!post) throw BadRecord("thread " + tid + ": a " + kind + " record without \"post\"");
        if (*post >= thread_->posts.size())
            throw BadRecord("thread " + tid + ": a " + kind + " record names post " + std::to_string(*post) + " of " +
                            std::to_string(thread_->posts.size()));
        const Post& p = thread_->posts[*post];
        if (post_id && *post_id != p.post_id)
            throw BadRecord("thread " + tid + ": a " + kind + " record names post_id " + *post_id + " for post " +
                            std::to_string(*post) + " (" + p.post_id + ")");
        if (r.plugin.empty()) throw BadRecord("thread " + tid + ": a " + kind + " record without \"extractor\"");
        if (!have_evidence) throw BadRecord("thread " + tid + ": a " + kind + " record without \"evidence\"");
        f.evidence.post = static_cast<uint32_t>(*post);
        if (f.evidence.start > f.evidence.end || f.evidence.end > p.text.size())
            throw BadRecord("thread " + tid + ": a " + kind + " record's evidence [" + std::to_string(f.evidence.start) +
                            ", " + std::to_string(f.evidence.end) + ") is outside post " + std::to_string(*post));
        std::string_view slice = std::string_view(p.text).substr(f.evidence.start, f.evidence.end - f.evidence.start);
        if (ev_text && *ev_text != slice) {
            if (f.evidence.start != f.evidence.end)
                throw BadRecord("thread " + tid + ": a " + kind + " record's evidence.text is not the text at [" +
                                std::to_string(f.evidence.start) + ", " + std::to_string(f.evidence.end) +
                                ") of post " + std::to_string(*post));
            f.evidence_text = std::move(*ev_text);  // evidence beside the post ("Lv 7")
        }
        facts_.push_back(std::move(r));
    }

    ondemand::parser parser_;
    ondemand::document doc_;
    std::string padded_;
    detail::WorkItem* item_ = nullptr;
    std::optional<Thread> thread_;
    std::vector<FactRecord> facts_;
    uint64_t n_posts_ = 0;
    bool thread_ok_ = true;
};

}  // namespace

PipelineReport import_fact_lines(const std::vector<InputRef>& inputs, PipelineSink& sink,
                                 const ImportOptions& options) {
    PipelineReport report;
    detail::RunState run;
    run.interrupt = options.interrupt;
    run.progress = options.progress;
    FactLineReader reader(inputs, options.hash_inputs, sink, run);
    detail::OrderedWriter writer(sink, reader.infos(), report, run);
    tbb::enumerable_thread_specific<RecordParser> parsers;
    detail::run_stages(
        std::max(1u, options.jobs), [&] { return reader.next(); },
        [&](detail::WorkItem& item) {
            if (item.lines.empty()) return;
            parsers.local().parse(item);
            if (item.thread) item.prepared = sink.prepare(*item.thread, item.facts, item.source_file);
        },
        [&](detail::WorkItem& item) {
            if (item.thread && run.stopping()) item.thread.reset();  // not a half-read input's tail
            writer.write(item);
        });
    report.stopped = run.stopping();
    return report;
}

}  // namespace fkb::pipeline
