// Reddit thread assembly (see reddit_parser.hpp). Order inside a thread: the
// submission first (major INT64_MIN), then comments by created_utc, ties by
// their line in the input.
#include "reddit_parser.hpp"

#include "csv_reader.hpp"
#include "dump_input.hpp"
#include "ndjson_lines.hpp"
#include "reddit_markdown.hpp"
#include "reddit_ndjson.hpp"

#include <simdjson.h>

#include <cstring>
#include <limits>

namespace fkb::dumps {
namespace {

constexpr const char* kPartial = "partial";

std::optional<std::string_view> real_author(std::optional<std::string_view> a) {
    if (!a || a->empty() || *a == "[deleted]" || *a == "[removed]") return std::nullopt;
    return a;
}

std::optional<std::string_view> non_empty(std::optional<std::string_view> s) {
    if (!s || s->empty()) return std::nullopt;
    return s;
}

std::optional<std::string> owned(std::optional<std::string_view> s) {
    return s ? std::optional<std::string>(std::string(*s)) : std::nullopt;
}

/// Sets a member of the reused post: its buffer is kept when it has one.
void set(std::optional<std::string>& to, std::optional<std::string_view> from) {
    if (!from) {
        to.reset();
        return;
    }
    if (!to) to.emplace();
    to->assign(*from);
}

}  // namespace

RedditParser::RedditParser(sdk::Input& input, RedditOptions options, RejectFn reject)
    : input_(input), options_(std::move(options)), reject_(std::move(reject)) {}

RedditParser::~RedditParser() = default;

void RedditParser::load() {
    loaded_ = true;
    store_ = std::make_unique<ThreadStore>(options_.store);
    GuardedInput guard(input_);  // a read error ends the input; what came before is kept
    // Look at the first byte that is not white space (nor, in the first
    // three, part of a byte order mark): NDJSON starts with '{'.
    std::string first;
    char c = 0;
    bool found = false;
    for (size_t i = 0; !found;) {
        if (i == first.size()) {
            first.resize(i + (64 << 10));
            first.resize(i + guard.read(first.data() + i, 64 << 10));
            if (i == first.size()) break;
        }
        c = first[i++];
        found = c != ' ' && c != '\n' && c != '\r' && c != '\t' && !(i <= 3 && (c & 0x80));
    }
    bool json = c == '{';
    if (json) {
        // NDJSON: one record per line, each decoded where it lies in the buffer.
        NdjsonLines lines(guard, first, simdjson::SIMDJSON_PADDING);
        RedditJsonDecoder decoder;
        std::string error;
        RedditRecord rec;
        std::string_view line;
        size_t capacity = 0;
        while (lines.next(line, capacity)) {
            if (line.empty() || line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            if (!decoder.decode(line.data(), line.size(), capacity, rec, error)) {
                reject_(Reject{lines.line_number(), lines.line_offset(), error, excerpt(line)});
                continue;
            }
            add(rec, lines.line_number());
        }
        report_read_error(guard, lines.line_number());
        store_->finish();
        return;
    }
    // A CSV listing: the peeked bytes go back in front through a small replay input.
    struct Replay {
        std::string head;
        size_t pos = 0;
        sdk::Input* rest;
        static int64_t read(void* ctx, void* buf, size_t cap) {
            auto* self = static_cast<Replay*>(ctx);
            if (self->pos < self->head.size()) {
                size_t n = std::min(cap, self->head.size() - self->pos);
                std::memcpy(buf, self->head.data() + self->pos, n);
                self->pos += n;
                return static_cast<int64_t>(n);
            }
            return static_cast<int64_t>(self->rest->read(static_cast<char*>(buf), cap));
        }
    } replay{first, 0, &guard.input()};
    fkb_input raw{sizeof(fkb_input), &replay, sdk::str(input_.name()), input_.size(), &Replay::read};
    sdk::Input in(&raw);
    {
        CsvReader csv(in, ',');
        std::vector<std::string> header, row;
        std::string file(input_.name());
        for (;;) {
            auto r = csv.next(header);
            if (r == CsvReader::Result::End) {
                report_read_error(guard, in.line_number());
                return;
            }
            if (r == CsvReader::Result::Record) break;
            throw sdk::Error(file + ":" + std::to_string(csv.line()) + ": header: " + csv.error_message());
        }
        enum Col { ID, NAME, TITLE, SELFTEXT, BODY, SCORE, SUBREDDIT, AUTHOR, AUTHOR_FLAIR, LINK_FLAIR, CREATED,
                   PERMALINK, URL, LINK_ID, PARENT_ID, N };
        static const char* names[N] = {"id", "name", "title", "selftext", "body", "score", "subreddit", "author",
                                       "author_flair_text", "link_flair_text", "created_utc", "permalink", "url",
                                       "link_id", "parent_id"};
        std::optional<size_t> col[N];
        for (size_t i = 0; i < header.size(); ++i)
            for (int k = 0; k < N; ++k)
                if (header[i] == names[k]) col[k] = i;
        if (!col[ID] && !col[NAME]) throw sdk::Error(file + ":1: a Reddit listing needs an id (or name) column");
        if (!col[TITLE] && !col[BODY] && !col[SELFTEXT])
            throw sdk::Error(file + ":1: a Reddit listing needs a title, selftext or body column");
        RedditRecord rec;
        while (true) {
            auto r = csv.next(row);
            if (r == CsvReader::Result::End) break;
            if (r == CsvReader::Result::Error) {
                reject_(Reject{csv.line(), csv.offset(), csv.error_message(), csv.error_excerpt()});
                continue;
            }
            rec.clear();
            auto get = [&](Col k) -> std::optional<std::string_view> {
                if (!col[k] || *col[k] >= row.size()) return std::nullopt;
                return std::string_view(row[*col[k]]);
            };
            auto id = non_empty(get(ID));
            if (!id) id = non_empty(get(NAME));
            if (!id) {
                reject_(Reject{csv.line(), csv.offset(), "row without an id", excerpt(get(TITLE).value_or(""))});
                continue;
            }
            rec.id = strip_fullname(*id);
            auto link = non_empty(get(LINK_ID));
            bool comment = link.has_value() || (!col[TITLE] && col[BODY]);
            rec.kind = comment ? RedditRecord::Kind::Comment : RedditRecord::Kind::Submission;
            if (comment) {
                if (!link) {
                    reject_(Reject{csv.line(), csv.offset(), "comment " + std::string(rec.id) + " without a link_id", {}});
                    continue;
                }
                rec.link_id = strip_fullname(*link);
                if (auto p = non_empty(get(PARENT_ID))) rec.parent_id = strip_fullname(*p);
                rec.body = get(BODY);
            } else {
                rec.title = get(TITLE);
                rec.body = get(SELFTEXT);
            }
            rec.subreddit = non_empty(get(SUBREDDIT));
            rec.author = non_empty(get(AUTHOR));
            rec.author_flair = non_empty(get(AUTHOR_FLAIR));
            rec.link_flair = non_empty(get(LINK_FLAIR));
            rec.permalink = non_empty(get(PERMALINK));
            rec.url = non_empty(get(URL));
            if (auto s = non_empty(get(SCORE))) rec.score = parse_int(*s);
            if (auto d = non_empty(get(CREATED))) {
                if (auto secs = parse_int(*d); secs && d->find('-') == std::string::npos) rec.created_utc = secs;
                else rec.created_iso = normalize_iso(*d);
            }
            add(rec, csv.line());
        }
    }
    report_read_error(guard, in.line_number());
    store_->finish();
}

void RedditParser::report_read_error(const GuardedInput& guard, uint64_t lines_read) {
    if (!guard.failed()) return;
    reject_(Reject{lines_read + 1, guard.delivered(),
                   "the input cannot be read past byte " + std::to_string(guard.delivered()) +
                       " (a read error); the records before it are kept",
                   {}});
}

void RedditParser::add(const RedditRecord& r, uint64_t line) {
    // One post, reused: its strings keep their buffers from record to record.
    sdk::Post& p = post_;
    p.post_id.assign(r.id);
    set(p.author, real_author(r.author));
    set(p.flair, non_empty(r.author_flair));
    p.score = r.score;
    if (r.created_utc) {
        if (!p.created) p.created.emplace();
        iso_from_epoch(*r.created_utc, *p.created);
    } else {
        set(p.created, r.created_iso);
    }
    auto render = [&](std::string_view body) {
        reddit_markdown_text(body, rendered_, scratch_);
        p.text.swap(rendered_.text);
        p.quotes.clear();
        for (auto& [s, e] : rendered_.quotes) p.quotes.push_back(sdk::Post::Quote{s, e, std::string()});
    };
    bool created = false;
    if (r.kind == RedditRecord::Kind::Submission) {
        int64_t thread = store_->thread(r.id, &created);
        ThreadHeader h;
        h.title = owned(r.title);
        h.forum = owned(non_empty(r.subreddit));
        h.category = owned(non_empty(r.link_flair));
        if (r.permalink && !r.permalink->empty() && (*r.permalink)[0] == '/')
            h.url = "https://www.reddit.com" + std::string(*r.permalink);
        else if (r.permalink && r.permalink->rfind("http", 0) == 0)
            h.url = owned(r.permalink);
        else if (r.url && r.url->find("reddit.com/") != std::string_view::npos)
            h.url = owned(r.url);
        store_->set_header(thread, h);
        p.parent_id.reset();
        if (r.body && !is_deleted_body(*r.body)) {
            render(*r.body);
        } else {
            p.text.clear();
            p.quotes.clear();
        }
        store_->add_post(thread, std::numeric_limits<int64_t>::min(), static_cast<int64_t>(line), p);
        ++stats_.submissions;
        return;
    }
    if (!r.body || is_deleted_body(*r.body) || r.body->empty()) {
        ++stats_.deleted;
        return;
    }
    int64_t thread = store_->thread(r.link_id, &created);
    if (created) {
        // Until (unless) the submission shows up: a partial thread in its subreddit.
        ThreadHeader h;
        h.forum = owned(non_empty(r.subreddit));
        h.extra = kPartial;
        store_->set_header(thread, h);
    }
    set(p.parent_id, r.parent_id);
    render(*r.body);
    store_->add_post(thread, r.created_utc.value_or(0), static_cast<int64_t>(line), p);
    ++stats_.comments;
}

bool RedditParser::next(sdk::Thread& out) {
    if (!loaded_) load();
    while (store_->next(stored_)) {
        bool partial = !stored_.header || stored_.header->extra == kPartial;
        if (partial && !options_.partial_threads) continue;
        if (stored_.posts.empty()) continue;
        if (partial) ++stats_.partial_threads;
        take_stored_thread(stored_, "reddit", out);
        return true;
    }
    return false;
}

}  // namespace fkb::dumps
