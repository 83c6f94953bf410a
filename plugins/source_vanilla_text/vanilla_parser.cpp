// Vanilla Forums page parser (see vanilla_parser.hpp): normalizes the bytes,
// finds where the thread ends (footer or sidebar), reads the title and the
// opening post's author header, cuts the rest into list items at the "-"
// markers, takes each item's like count off its last line, and then finds
// reply author lines, signatures and quotes.
#include "vanilla_parser.hpp"

#include "quote_finder.hpp"
#include "signature.hpp"
#include "vanilla_lines.hpp"

#include <string>
#include <unordered_set>
#include <vector>

namespace fkb::seedsrc::vanilla_data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::seedsrc {
namespace {

using namespace vanilla;

struct WordLists {
    std::unordered_set<std::string_view> footer, furniture;
};

const WordLists& word_lists() {
    static const WordLists lists = [] {
        WordLists l;
        for (auto e : data_entries(vanilla_data::embedded_file("data/footer_markers.txt"))) l.footer.insert(e);
        for (auto e : data_entries(vanilla_data::embedded_file("data/furniture_words.txt"))) l.furniture.insert(e);
        return l;
    }();
    return lists;
}

/// A line made only of button labels ("Options", "Quote Flag").
bool is_furniture(std::string_view t) {
    bool any = false;
    size_t pos = 0;
    while (pos < t.size()) {
        size_t sp = t.find(' ', pos);
        if (sp == std::string_view::npos) sp = t.size();
        if (sp > pos) {
            if (!word_lists().furniture.count(t.substr(pos, sp - pos))) return false;
            any = true;
        }
        pos = sp + 1;
    }
    return any;
}

bool is_reply_marker(std::string_view t) { return t == "Replies" || t == "Comments"; }

struct Line {
    std::string_view text;  // trimmed; empty for a blank line
    uint64_t number;
    int64_t offset;
};

/// One list item of the page: the opening post, or a reply.
struct Item {
    std::vector<Line> lines;
    std::optional<int64_t> likes;
    bool closed = false;  // a marker or separator followed it
};

void trim_blank_lines(std::vector<Line>& lines) {
    while (!lines.empty() && lines.back().text.empty()) lines.pop_back();
    size_t lead = 0;
    while (lead < lines.size() && lines[lead].text.empty()) ++lead;
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(lead));
}

/// Takes the like count off the item's last line (a count alone, or glued).
void take_likes(Item& item) {
    trim_blank_lines(item.lines);
    if (item.likes || item.lines.empty()) return;
    Line& last = item.lines.back();
    if (auto n = parse_count(last.text)) {
        item.likes = n;
        item.lines.pop_back();
    } else {
        LikeTail tail = split_like_tail(last.text);
        if (tail.likes) {
            item.likes = tail.likes;
            if (tail.text.empty())
                item.lines.pop_back();
            else
                last.text = tail.text;
        }
    }
    trim_blank_lines(item.lines);
}

void apply_stats(sdk::Post& post, const PostsLine& stats) {
    post.post_count = stats.post_count;
    post.role = stats.role;
}

/// A reply that starts with its author's header ("name" + "Posts: N Role",
/// or both on one line, maybe followed by a date): moves it into the post.
void take_reply_header(std::vector<Line>& lines, sdk::Post& post) {
    size_t used = 0;
    if (lines.size() >= 2 && !lines[0].text.empty() && lines[0].text.size() <= 64) {
        if (auto stats = parse_posts_line(lines[1].text); stats && !stats->author) {
            post.author = std::string(lines[0].text);
            apply_stats(post, *stats);
            used = 2;
        }
    }
    if (used == 0 && !lines.empty()) {
        if (auto stats = parse_posts_line(lines[0].text); stats && stats->author) {
            post.author = stats->author;
            apply_stats(post, *stats);
            used = 1;
        }
    }
    if (used == 0) return;
    if (used < lines.size() && is_date_line(lines[used].text)) post.created_text = std::string(lines[used++].text);
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(used));
    trim_blank_lines(lines);
}

/// Index of the first line after `from` (and before `end`) that is not blank.
size_t next_text_line(const std::vector<PageLine>& lines, size_t from, size_t end) {
    while (from < end && trim(lines[from].text).empty()) ++from;
    return from;
}

/// Where the thread's content ends: the first footer line, or the start of
/// a trailing sidebar category list copied without its "Categories" heading.
size_t content_end(const std::vector<PageLine>& lines, bool& footer) {
    size_t end = lines.size();
    footer = false;
    for (size_t k = 0; k < lines.size(); ++k) {
        if (word_lists().footer.count(trim(lines[k].text))) {
            end = k;
            footer = true;
            break;
        }
    }
    size_t e = end, entries = 0;
    while (e > 0) {
        std::string_view t = trim(lines[e - 1].text);
        if (!t.empty() && !is_category_entry(t) && t != "- All Categories") break;
        entries += !t.empty();
        --e;
    }
    if (entries >= 3) {
        end = e;
        footer = true;
    }
    return end;
}

}  // namespace

VanillaParse parse_vanilla_text(std::string_view bytes, const RejectFn& reject, std::string_view file_name) {
    VanillaParse out;
    PageText page = normalize_page(bytes);
    out.invalid_utf8 = page.invalid_utf8;
    const auto& L = page.lines;
    bool footer = false;
    size_t end = content_end(L, footer);

    size_t k = next_text_line(L, 0, end);
    if (k >= end) {
        reject(1, 0, "not a Vanilla forum page: no thread before the footer or the end of the file", {});
        return out;
    }
    const PageLine& title_line = L[k];
    std::string_view title = trim(title_line.text);

    // The opening post's author header.
    sdk::Post op;
    size_t a = next_text_line(L, k + 1, end);
    size_t body = a;
    bool has_stats = false;
    if (a < end) {
        if (auto stats = parse_posts_line(trim(L[a].text))) {
            op.author = stats->author;
            apply_stats(op, *stats);
            has_stats = true;
            body = a + 1;
        } else if (size_t b = next_text_line(L, a + 1, end); b < end && trim(L[a].text).size() <= 64) {
            if (auto stats2 = parse_posts_line(trim(L[b].text)); stats2 && !stats2->author) {
                op.author = std::string(trim(L[a].text));
                apply_stats(op, *stats2);
                has_stats = true;
                body = b + 1;
            }
        }
        if (has_stats) {
            size_t d = next_text_line(L, body, end);
            if (d < end && is_date_line(trim(L[d].text))) {
                op.created_text = std::string(trim(L[d].text));
                body = d + 1;
            }
        }
    }

    // Cut the rest into list items.
    std::vector<Item> items(1);
    bool marker_seen = false;
    auto close = [&] {
        items.back().closed = true;
        items.emplace_back();
    };
    for (size_t i = body; i < end; ++i) {
        std::string_view t = trim(L[i].text);
        Line line{t, L[i].number, L[i].offset};
        if (t.empty()) {
            items.back().lines.push_back(line);
            continue;
        }
        if (t == "-" || is_reply_marker(t)) {
            marker_seen |= is_reply_marker(t);
            close();
            continue;
        }
        if (is_furniture(t) || is_pagination(t)) continue;
        LikeTail tail = split_like_tail(t);
        if (tail.separator) {
            if (!tail.text.empty()) items.back().lines.push_back(Line{tail.text, line.number, line.offset});
            items.back().likes = tail.likes;
            close();
            continue;
        }
        items.back().lines.push_back(line);
    }

    if (!has_stats && !marker_seen && !footer) {
        reject(title_line.number, title_line.offset,
               "not a Vanilla forum page: no 'Posts: N Role' author line after the title, no 'Replies' marker, no "
               "footer",
               excerpt(title));
        return out;
    }

    for (Item& item : items) take_likes(item);
    // A page cut short: its last item has no like count and no footer follows.
    if (!footer) {
        size_t last = items.size();
        while (last > 1 && items[last - 1].lines.empty() && !items[last - 1].likes) --last;
        Item& item = items[last - 1];
        if (!item.closed && !item.likes && !item.lines.empty()) {
            const Line& first = item.lines.front();
            reject(first.number, first.offset,
                   last == 1 ? "truncated Vanilla page: the opening post has no like count and no footer follows"
                             : "truncated Vanilla page: the last reply has no like count and no footer follows",
                   excerpt(first.text));
            if (last == 1) return out;
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(last - 1), items.end());
        }
    }

    sdk::Thread thread;
    thread.source = "vanilla";
    thread.thread_id = thread_id_for(file_name, page.text);
    thread.title = std::string(title);
    for (size_t i = 0; i < items.size(); ++i) {
        Item& item = items[i];
        sdk::Post post;
        if (i == 0) {
            post = std::move(op);
        } else {
            if (item.lines.empty()) continue;  // a bare "-" or a count alone is no post
            take_reply_header(item.lines, post);
        }
        post.post_id = std::to_string(thread.posts.size());
        std::vector<std::string_view> views;
        for (const Line& l : item.lines) views.push_back(l.text);
        post.text = join_paragraphs(views);
        post.likes = item.likes;
        post.signature = find_signature(views);
        if (!post.author && post.signature) post.author = post.signature;
        thread.posts.push_back(std::move(post));
    }
    find_quotes(thread.posts);
    out.thread = std::move(thread);
    return out;
}

double sniff_vanilla_text(std::string_view head, std::string_view file_name) {
    PageText page = normalize_page(head, true);
    const auto& L = page.lines;
    size_t first = next_text_line(L, 0, L.size());
    bool txt = file_name.size() >= 4 && file_name.substr(file_name.size() - 4) == ".txt";
    double by_name = txt ? 0.1 : 0.0;
    if (first >= L.size()) return by_name;
    std::string_view t0 = trim(L[first].text);
    if (t0.front() == '{' || t0.front() == '[') return 0.0;
    if (t0.find(" asked in ") != std::string_view::npos || t0.find(" asked \xC2\xB7") != std::string_view::npos)
        return 0.0;  // a Yahoo Answers page
    bool stats = false;
    size_t seen = 0;
    for (size_t i = first + 1; i < L.size() && seen < 3; ++i) {
        std::string_view t = trim(L[i].text);
        if (t.empty()) continue;
        ++seen;
        if (parse_posts_line(t)) {
            stats = true;
            break;
        }
    }
    bool marker = false, separator = false, footer = false;
    for (const PageLine& l : L) {
        std::string_view t = trim(l.text);
        marker |= is_reply_marker(t);
        footer |= word_lists().footer.count(t) > 0;
        separator |= t == "-" || split_like_tail(t).separator;
    }
    double score = stats ? 0.8 : 0.0;
    if (marker) score += stats ? 0.1 : 0.4;
    if (footer) score += stats ? 0.1 : 0.3;
    if (separator) score += 0.05;
    if (score < by_name) score = by_name;
    return score > 0.99 ? 0.99 : score;
}

}  // namespace fkb::seedsrc
