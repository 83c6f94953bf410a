// Assembly of Stack Exchange threads (see stackexchange_parser.hpp).
//
// Ordering inside a thread: the question (major 0), then each answer by Id,
// each post followed by its comments by comment Id (minor). Comment ids share
// no space with post ids, so a comment's post_id is "c<Id>".
#include "stackexchange_parser.hpp"

#include "dump_input.hpp"
#include "se_html_text.hpp"
#include "se_xml_reader.hpp"

namespace fkb::dumps {
namespace {

constexpr int kUsers = 1;    // side table: user id -> encoded (name, reputation)
constexpr int kAnchors = 2;  // side table: post id -> encoded (thread seq, major)

enum PostField { P_ID, P_TYPE, P_PARENT, P_ACCEPTED, P_CREATED, P_SCORE, P_BODY, P_OWNER, P_OWNER_NAME, P_TITLE, P_TAGS };
enum UserField { U_ID, U_NAME, U_REP };
enum CommentField { C_ID, C_POST, C_SCORE, C_TEXT, C_CREATED, C_USER, C_USER_NAME };

std::string encode_pair(int64_t a, int64_t b) {
    std::string s(16, '\0');
    std::memcpy(s.data(), &a, 8);
    std::memcpy(s.data() + 8, &b, 8);
    return s;
}
std::pair<int64_t, int64_t> decode_pair(const std::string& s) {
    int64_t a = 0, b = 0;
    if (s.size() == 16) {
        std::memcpy(&a, s.data(), 8);
        std::memcpy(&b, s.data() + 8, 8);
    }
    return {a, b};
}

/// "<running><back-pain>" (classic dumps) or "|running|back-pain|" (2024 on)
/// as "running, back-pain".
std::optional<std::string> tags_to_category(std::string_view tags) {
    std::string out;
    std::string cur;
    auto flush = [&] {
        if (cur.empty()) return;
        if (!out.empty()) out += ", ";
        out += cur;
        cur.clear();
    };
    for (char c : tags) {
        if (c == '<' || c == '>' || c == '|') flush();
        else cur.push_back(c);
    }
    flush();
    if (out.empty()) return std::nullopt;
    return out;
}

/// Field i of the current row as an integer, when it is there and numeric.
bool int_field(const SeXmlReader& r, size_t i, int64_t& out) {
    auto v = r.get(i);
    if (!v) return false;
    auto n = parse_int(*v);
    if (!n) return false;
    out = *n;
    return true;
}

/// A directory name that looks like a host ("fitness.stackexchange.com").
std::string site_from_path(std::string_view path) {
    std::string dir = dir_name(path);
    std::string_view base = base_name(dir);
    if (base.find('.') == std::string_view::npos || base == "." || base == "..") return {};
    return std::string(base);
}

}  // namespace

StackExchangeParser::StackExchangeParser(sdk::Input& input, StackExchangeOptions options, RejectFn reject)
    : input_(input), options_(std::move(options)), reject_(std::move(reject)) {
    if (options_.site.empty()) options_.site = site_from_path(input.name());
}

StackExchangeParser::~StackExchangeParser() = default;

void StackExchangeParser::report_xml_error(SeXmlReader& r) {
    if (!r.error()) return;
    const XmlError& e = *r.error();
    reject_(Reject{e.line, e.offset, "XML: " + e.message + "; the rest of the file is not read", {}});
}

void StackExchangeParser::load() {
    loaded_ = true;
    store_ = std::make_unique<ThreadStore>(options_.store);
    html_ = std::make_unique<HtmlText>();
    load_posts();
    store_->finish();
}

void StackExchangeParser::load_users(sdk::Input& in) {
    SeXmlReader r(in, {"Id", "DisplayName", "Reputation"});
    std::string blob;
    r.each_row([&] {
        auto id = r.get(U_ID) ? parse_int(*r.get(U_ID)) : std::nullopt;
        if (!id) return;  // a users row without an id names nobody; nothing refers to it
        blob.clear();
        auto rep = r.get(U_REP) ? parse_int(*r.get(U_REP)) : std::nullopt;
        sdk::Post carrier;  // reuse the post codec: author + reputation
        carrier.author = r.get(U_NAME) ? std::optional<std::string>(*r.get(U_NAME)) : std::nullopt;
        carrier.reputation = rep;
        encode_post(carrier, blob);
        store_->put(kUsers, *id, blob);
        ++stats_.users;
    });
    stats_.read_users = true;
    if (r.error()) {
        const XmlError& e = *r.error();
        reject_(Reject{e.line, e.offset, std::string(in.name()) + ": XML: " + e.message, {}});
    }
}

void StackExchangeParser::load_posts() {
    GuardedInput guard(input_);  // a read error ends the input; the rows before it are kept
    SeXmlReader r(guard.input(), {"Id", "PostTypeId", "ParentId", "AcceptedAnswerId", "CreationDate", "Score",
                                  "Body", "OwnerUserId", "OwnerDisplayName", "Title", "Tags"});
    kind_ = r.root();
    if (kind_ != "posts") {
        report_xml_error(r);
        return;  // a sibling file (or not a dump file at all): no threads of its own
    }
    std::string dir = dir_name(input_.name());
    auto sibling = [&](const std::string& explicit_path, const char* name) -> std::string {
        if (!explicit_path.empty()) return explicit_path;
        if (!options_.siblings) return {};
        std::string p = dir + "/" + name;
        return file_exists(p) ? p : std::string();
    };
    if (std::string users = sibling(options_.users_path, "Users.xml"); !users.empty()) {
        FileInput f(users);
        sdk::Input in(f.raw());
        load_users(in);
    }
    // Post anchors (post id -> thread) serve only the comments.
    const std::string comments = sibling(options_.comments_path, "Comments.xml");
    const bool anchors = !comments.empty();

    r.each_row([&] {
        auto reject_row = [&](std::string why) {
            reject_(Reject{r.line(), -1, std::move(why), excerpt(r.get(P_TITLE).value_or(""))});
        };
        auto id = r.get(P_ID) ? parse_int(*r.get(P_ID)) : std::nullopt;
        if (!id) {
            reject_row("post row without a numeric Id");
            return;
        }
        auto type = r.get(P_TYPE) ? parse_int(*r.get(P_TYPE)) : std::nullopt;
        if (!type) {
            reject_row("post " + std::to_string(*id) + ": no PostTypeId");
            return;
        }
        if (*type != 1 && *type != 2) {
            // Tag wikis, moderator nominations, ...: not discussion threads.
            if (anchors) store_->put(kAnchors, *id, encode_pair(-1, 0));
            ++stats_.skipped_rows;
            return;
        }
        // One post, reused from row to row: its strings keep their buffers.
        sdk::Post& p = post_;
        p.post_id = std::to_string(*id);
        p.parent_id.reset();
        p.author.reset();
        p.reputation.reset();
        p.created.reset();
        p.score.reset();
        p.text.clear();
        p.quotes.clear();
        int64_t thread = 0, major = 0;
        if (*type == 1) {
            thread = store_->thread(p.post_id);
            ThreadHeader h;
            if (auto t = r.get(P_TITLE)) h.title = std::string(*t);
            if (auto t = r.get(P_TAGS)) h.category = tags_to_category(*t);
            if (!options_.site.empty()) {
                h.forum = options_.site;
                if (options_.site.find('.') != std::string::npos)
                    h.url = "https://" + options_.site + "/questions/" + p.post_id;
            }
            if (auto a = r.get(P_ACCEPTED)) h.extra = std::string(*a);
            store_->set_header(thread, h);
            ++stats_.questions;
        } else {
            auto parent = r.get(P_PARENT) ? parse_int(*r.get(P_PARENT)) : std::nullopt;
            if (!parent) {
                reject_row("answer " + p.post_id + ": no ParentId");
                return;
            }
            p.parent_id = std::to_string(*parent);
            thread = store_->thread(*p.parent_id);
            major = *id;
            ++stats_.answers;
        }
        if (auto d = r.get(P_CREATED)) p.created = normalize_iso(*d);
        if (auto s = r.get(P_SCORE)) p.score = parse_int(*s);
        if (auto o = r.get(P_OWNER_NAME)) p.author = std::string(*o);
        if (auto owner = r.get(P_OWNER) ? parse_int(*r.get(P_OWNER)) : std::nullopt) {
            if (auto u = stats_.read_users ? store_->get(kUsers, *owner) : std::nullopt) {
                sdk::Post user = decode_post(*u);
                if (user.author) p.author = user.author;
                p.reputation = user.reputation;
            } else if (!p.author) {
                p.author = "user" + std::to_string(*owner);
            }
        }
        if (auto b = r.get(P_BODY)) {
            html_->render(*b, rendered_);
            p.text.swap(rendered_.text);
            for (auto& [s, e] : rendered_.quotes) p.quotes.push_back(sdk::Post::Quote{s, e, std::string()});
        }
        store_->add_post(thread, major, 0, p);
        if (anchors) store_->put(kAnchors, *id, encode_pair(thread, major));
    });
    if (guard.failed()) {
        uint64_t line = r.error() ? r.error()->line : r.line();
        reject_(Reject{line, guard.delivered(),
                       "the input cannot be read past byte " + std::to_string(guard.delivered()) +
                           " (a read error); the rows before it are kept",
                       {}});
    } else {
        report_xml_error(r);
    }

    if (!comments.empty()) {
        FileInput f(comments);
        sdk::Input in(f.raw());
        load_comments(in);
    }
}

void StackExchangeParser::load_comments(sdk::Input& in) {
    SeXmlReader r(in, {"Id", "PostId", "Score", "Text", "CreationDate", "UserId", "UserDisplayName"});
    std::string file(base_name(in.name()));
    r.each_row([&] {
        int64_t id_value = 0, post_value = 0;
        if (!int_field(r, C_ID, id_value) || !int_field(r, C_POST, post_value)) {
            reject_(Reject{r.line(), -1, file + ": comment row without a numeric Id and PostId",
                           excerpt(r.get(C_TEXT).value_or(""))});
            return;
        }
        const int64_t* id = &id_value;
        const int64_t* post = &post_value;
        auto anchor = store_->get(kAnchors, *post);
        if (!anchor) {
            reject_(Reject{r.line(), -1,
                           file + ": comment " + std::to_string(*id) + ": post " + std::to_string(*post) +
                               " is not in Posts.xml",
                           excerpt(r.get(C_TEXT).value_or(""))});
            return;
        }
        auto [thread, major] = decode_pair(*anchor);
        if (thread < 0) return;  // a comment on a tag wiki or the like
        sdk::Post p;
        p.post_id = "c" + std::to_string(*id);
        p.parent_id = std::to_string(*post);
        if (auto d = r.get(C_CREATED)) p.created = normalize_iso(*d);
        if (auto s = r.get(C_SCORE)) p.score = parse_int(*s);
        if (auto n = r.get(C_USER_NAME)) p.author = std::string(*n);
        if (auto user = r.get(C_USER) ? parse_int(*r.get(C_USER)) : std::nullopt) {
            if (auto u = stats_.read_users ? store_->get(kUsers, *user) : std::nullopt) {
                sdk::Post carrier = decode_post(*u);
                if (carrier.author) p.author = carrier.author;
                p.reputation = carrier.reputation;
            } else if (!p.author) {
                p.author = "user" + std::to_string(*user);
            }
        }
        // Comment text is plain text (the dump has already stripped its markdown).
        if (auto t = r.get(C_TEXT)) p.text = std::string(*t);
        store_->add_post(thread, major, *id, p);
        ++stats_.comments;
    });
    stats_.read_comments = true;
    if (r.error()) {
        const XmlError& e = *r.error();
        reject_(Reject{e.line, e.offset, file + ": XML: " + e.message, {}});
    }
}

bool StackExchangeParser::next(sdk::Thread& out) {
    if (!loaded_) load();
    if (kind_ != "posts") return false;
    while (store_->next(stored_)) {
        if (!stored_.header) {
            // Answers whose question is not in the file: a dump cut short, or a
            // question deleted between the dump's tables.
            std::string ids;
            for (const auto& p : stored_.posts)
                if (p.post_id[0] != 'c') ids += (ids.empty() ? "" : ", ") + p.post_id;
            reject_(Reject{0, -1, "answers " + ids + " to question " + stored_.key + ", which is not in the file", {}});
            continue;
        }
        take_stored_thread(stored_, "stackexchange", out);
        const std::string& accepted = stored_.header->extra;
        if (!accepted.empty())
            for (auto& p : out.posts) p.accepted = p.post_id == accepted;
        return true;
    }
    return false;
}

}  // namespace fkb::dumps
