// Repeated-line quote detection (see quote_finder.hpp). Lines are indexed
// by their text, so each post is compared only with the earlier lines that
// can start a run; pages are small, so this stays well under a millisecond.
#include "quote_finder.hpp"

#include "page_text.hpp"

#include <string_view>
#include <unordered_map>

namespace fkb::seedsrc {
namespace {

struct Line {
    std::string_view text;  // trimmed
    size_t start, end;      // byte range in the post's text
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view raw = text.substr(pos, nl - pos);
        std::string_view t = trim(raw);
        if (!t.empty()) {
            size_t start = pos + static_cast<size_t>(t.data() - raw.data());
            out.push_back(Line{t, start, start + t.size()});
        }
        pos = nl + 1;
    }
    return out;
}

}  // namespace

void find_quotes(std::vector<sdk::Post>& posts, const QuoteRules& rules) {
    std::vector<std::vector<Line>> lines(posts.size());
    std::unordered_map<std::string_view, std::vector<std::pair<size_t, size_t>>> index;  // text -> (post, line)
    for (size_t i = 0; i < posts.size(); ++i) {
        lines[i] = lines_of(posts[i].text);
        const auto& mine = lines[i];
        size_t p = 0;
        while (p < mine.size()) {
            size_t best_len = 0, best_bytes = 0, best_post = 0;
            if (auto it = index.find(mine[p].text); it != index.end()) {
                for (auto [j, q] : it->second) {
                    const auto& theirs = lines[j];
                    size_t k = 0;
                    while (p + k < mine.size() && q + k < theirs.size() && mine[p + k].text == theirs[q + k].text) ++k;
                    size_t bytes = mine[p + k - 1].end - mine[p].start;
                    bool whole = q == 0 && k == theirs.size();
                    bool ok = bytes >= rules.min_bytes || (whole && bytes >= rules.min_whole_post_bytes);
                    // Longest run wins; on a tie the earliest post (entries are in post order).
                    if (ok && bytes > best_bytes) {
                        best_len = k;
                        best_bytes = bytes;
                        best_post = j;
                    }
                }
            }
            if (best_len == 0) {
                ++p;
                continue;
            }
            posts[i].quotes.push_back(sdk::Post::Quote{mine[p].start, mine[p + best_len - 1].end, posts[best_post].post_id});
            p += best_len;
        }
        for (size_t q = 0; q < mine.size(); ++q) index[mine[q].text].push_back({i, q});
    }
}

}  // namespace fkb::seedsrc
