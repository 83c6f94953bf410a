// Yahoo Answers page parser (see yahoo_parser.hpp): normalizes the bytes,
// finds the footer, reads the asker's line and the title, then walks the
// lines once: question body, answer count, and answers, each starting at a
// bullet line whose next lines are an answer header (level, age, accepted
// mark). A bullet followed by ordinary text is a list item of the body.
#include "yahoo_parser.hpp"

#include "quote_finder.hpp"
#include "yahoo_categories.hpp"
#include "yahoo_lines.hpp"

#include <string>
#include <unordered_set>
#include <vector>

namespace fkb::seedsrc::yahoo_data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::seedsrc {
namespace {

using namespace yahoo;

struct LineLists {
    std::unordered_set<std::string_view> footer, furniture, accepted;
};

const LineLists& line_lists() {
    static const LineLists lists = [] {
        LineLists l;
        for (auto e : data_entries(yahoo_data::embedded_file("data/footer_markers.txt"))) l.footer.insert(e);
        for (auto e : data_entries(yahoo_data::embedded_file("data/furniture_lines.txt"))) l.furniture.insert(e);
        for (auto e : data_entries(yahoo_data::embedded_file("data/accepted_marks.txt"))) l.accepted.insert(e);
        return l;
    }();
    return lists;
}

bool is_accepted_mark(std::string_view t) { return line_lists().accepted.count(t) > 0; }
bool is_header_item(std::string_view t) { return parse_level(t) || is_age(t) || is_accepted_mark(t); }

size_t next_text_line(const std::vector<PageLine>& lines, size_t from, size_t end) {
    while (from < end && trim(lines[from].text).empty()) ++from;
    return from;
}

struct Answer {
    sdk::Post post;
    std::vector<std::string_view> body;
    const PageLine* start = nullptr;
    bool has_text() const {
        for (auto l : body)
            if (!l.empty()) return true;
        return false;
    }
};

/// If line i starts an answer, fills `answer`'s author (and accepted mark)
/// and returns the index of its first header line.
std::optional<size_t> answer_start(const std::vector<PageLine>& L, size_t i, size_t end, Answer& answer) {
    auto text = bullet_text(trim(L[i].text));
    if (!text || text->empty()) return std::nullopt;
    size_t j = next_text_line(L, i + 1, end);
    if (j >= end) return std::nullopt;
    if (is_accepted_mark(*text)) {  // "• Favorite Answer", then the author
        size_t k = next_text_line(L, j + 1, end);
        if (k >= end || !is_header_item(trim(L[k].text))) return std::nullopt;
        answer.post.author = std::string(trim(L[j].text));
        answer.post.accepted = true;
        return k;
    }
    if (!is_header_item(trim(L[j].text))) return std::nullopt;
    answer.post.author = std::string(*text);
    return j;
}

/// Reads an answer's header from line j on; returns the first line after it.
size_t read_header(const std::vector<PageLine>& L, size_t j, size_t end, Answer& answer) {
    while (j < end) {
        std::string_view t = trim(L[j].text);
        if (auto level = parse_level(t)) {
            answer.post.level = *level;
        } else if (is_age(t)) {
            answer.post.created_text = std::string(t);
        } else if (is_accepted_mark(t)) {
            answer.post.accepted = true;
        } else {
            break;
        }
        j = next_text_line(L, j + 1, end);
    }
    return j;
}

}  // namespace

YahooParse parse_yahoo_answers_text(std::string_view bytes, const RejectFn& reject, std::string_view file_name) {
    YahooParse out;
    PageText page = normalize_page(bytes);
    out.invalid_utf8 = page.invalid_utf8;
    const auto& L = page.lines;
    const auto& lists = line_lists();

    size_t end = L.size();
    bool footer = false;
    for (size_t k = 0; k < L.size(); ++k) {
        if (lists.footer.count(trim(L[k].text))) {
            end = k;
            footer = true;
            break;
        }
    }

    // The asker's line, maybe after a few lines of page header.
    std::optional<AskedLine> asked;
    size_t k = next_text_line(L, 0, end), seen = 0;
    for (; k < end && seen < 10; k = next_text_line(L, k + 1, end), ++seen)
        if ((asked = parse_asked_line(trim(L[k].text)))) break;
    if (!asked) {
        size_t first = next_text_line(L, 0, L.size());
        const PageLine& at = first < L.size() ? L[first] : L.front();
        reject(at.number, at.offset,
               "not a Yahoo Answers page: no 'NAME asked in CATEGORY \xC2\xB7 AGE' line at the top",
               excerpt(trim(at.text)));
        return out;
    }
    const PageLine& asked_line = L[k];
    size_t t = next_text_line(L, k + 1, end);
    while (t < end && lists.furniture.count(trim(L[t].text))) t = next_text_line(L, t + 1, end);
    if (t >= end || parse_answer_count(trim(L[t].text))) {
        reject(asked_line.number, asked_line.offset, "Yahoo Answers page without a question title after the asker's line",
               excerpt(trim(asked_line.text)));
        return out;
    }
    std::string_view title = trim(L[t].text);

    std::vector<std::string_view> question;
    std::vector<Answer> answers;
    std::optional<int64_t> announced;
    bool pending_accept = false;
    enum { kQuestion, kBetween, kAnswer } where = kQuestion;
    for (size_t i = t + 1; i < end; ++i) {
        std::string_view line = trim(L[i].text);
        Answer next;
        if (auto header = answer_start(L, i, end, next)) {
            next.start = &L[i];
            next.post.accepted = next.post.accepted || pending_accept;
            pending_accept = false;
            i = read_header(L, *header, end, next) - 1;
            answers.push_back(std::move(next));
            where = kAnswer;
            continue;
        }
        if (where == kQuestion && !line.empty()) {
            if (auto n = parse_answer_count(line)) {
                announced = n;
                where = kBetween;
                continue;
            }
        }
        std::vector<std::string_view>* body =
            where == kQuestion ? &question : where == kAnswer ? &answers.back().body : nullptr;
        if (line.empty()) {
            if (body) body->push_back({});
            continue;
        }
        if (lists.furniture.count(line)) continue;
        if (is_accepted_mark(line)) {
            size_t j = next_text_line(L, i + 1, end);
            Answer probe;
            if (j < end && answer_start(L, j, end, probe)) {
                pending_accept = true;
                continue;
            }
            if (where == kAnswer && !answers.back().has_text()) {
                answers.back().post.accepted = true;
                continue;
            }
        }
        if (!body) continue;  // between the count and the first answer: sort menus and the like
        if (auto source = parse_source_line(line)) {
            std::string_view what = *source;
            if (what.empty()) {  // "Source(s):" with the source on the next line
                size_t j = next_text_line(L, i + 1, end);
                if (j < end && !answer_start(L, j, end, next)) {
                    what = trim(L[j].text);
                    i = j;
                }
            }
            body->push_back({});
            // Keep the label with its source on one line: a view into the page
            // when they already share one, else a joined copy owned by the page.
            if (source->data() == what.data()) {
                body->push_back(line);
            } else {
                page.extra.push_back("Source(s): " + std::string(what));
                body->push_back(page.extra.back());
            }
            continue;
        }
        if (auto item = bullet_text(line)) {
            if (!item->empty()) body->push_back(*item);
            continue;
        }
        body->push_back(line);
    }

    // A page cut short: no footer, and the last answer is empty or fewer
    // answers than announced came.
    if (!footer && announced && *announced > 0 && answers.empty()) {
        const PageLine& last = L.back();
        reject(last.number, last.offset,
               "truncated Yahoo Answers page: " + std::to_string(*announced) + " answer(s) announced, none follows",
               excerpt(trim(last.text)));
    }
    if (!footer && !answers.empty() &&
        (!answers.back().has_text() || (announced && static_cast<int64_t>(answers.size()) < *announced))) {
        const Answer& a = answers.back();
        reject(a.start->number, a.start->offset,
               "truncated Yahoo Answers page: the last answer is cut short (no footer, " +
                   std::to_string(answers.size()) + " of " + (announced ? std::to_string(*announced) : "?") +
                   " announced answers)",
               excerpt(trim(a.start->text)));
        answers.pop_back();
    }

    sdk::Thread thread;
    thread.source = "yahoo_answers";
    thread.thread_id = thread_id_for(file_name, page.text);
    thread.title = std::string(title);
    thread.forum = "Yahoo Answers";
    if (!asked->category.empty()) {
        auto path = CategoryTable::builtin().resolve(asked->category);
        thread.category = path ? *path : std::string(asked->category);
    }
    sdk::Post op;
    op.post_id = "0";
    op.author = std::string(asked->author);
    op.created_text = std::string(asked->age);
    op.text = join_paragraphs(question);
    if (op.text.empty()) op.text = std::string(title);
    thread.posts.push_back(std::move(op));
    for (Answer& a : answers) {
        if (!a.has_text()) {
            reject(a.start->number, a.start->offset,
                   "Yahoo answer without text (by " + a.post.author.value_or("?") + ")", excerpt(trim(a.start->text)));
            continue;
        }
        a.post.post_id = std::to_string(thread.posts.size());
        a.post.parent_id = "0";  // every answer replies to the question
        a.post.text = join_paragraphs(a.body);
        thread.posts.push_back(std::move(a.post));
    }
    find_quotes(thread.posts);
    out.thread = std::move(thread);
    return out;
}

double sniff_yahoo_answers_text(std::string_view head, std::string_view file_name) {
    PageText page = normalize_page(head, true);
    const auto& L = page.lines;
    bool txt = file_name.size() >= 4 && file_name.substr(file_name.size() - 4) == ".txt";
    double by_name = txt ? 0.1 : 0.0;
    size_t first = next_text_line(L, 0, L.size());
    if (first >= L.size()) return by_name;
    std::string_view t0 = trim(L[first].text);
    if (t0.front() == '{' || t0.front() == '[') return 0.0;
    bool asked = false;
    size_t i = first;
    for (size_t seen = 0; i < L.size() && seen < 5; i = next_text_line(L, i + 1, L.size()), ++seen)
        if (parse_asked_line(trim(L[i].text))) {
            asked = true;
            break;
        }
    bool count = false, level = false, footer = false;
    for (const PageLine& l : L) {
        std::string_view t = trim(l.text);
        if (t.empty()) continue;
        count |= parse_answer_count(t).has_value();
        level |= parse_level(t).has_value();
        footer |= line_lists().footer.count(t) > 0;
        if (t.substr(0, 6) == "Posts:") return 0.0;  // a Vanilla author line
    }
    double score = asked ? 0.86 : 0.0;
    if (count) score += asked ? 0.1 : 0.3;
    if (footer) score += asked ? 0.05 : 0.25;
    if (level) score += asked ? 0.02 : 0.05;
    if (score < by_name) score = by_name;
    return score > 0.99 ? 0.99 : score;
}

}  // namespace fkb::seedsrc
