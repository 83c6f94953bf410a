// Reddit sniffing (see reddit_sniff.hpp).
#include "reddit_sniff.hpp"

#include "csv_reader.hpp"
#include "dump_input.hpp"

#include <algorithm>

namespace fkb::dumps {

double sniff_reddit(std::string_view head, std::string_view file_name) {
    std::string_view base = base_name(file_name);
    bool named = base.rfind("RS_", 0) == 0 || base.rfind("RC_", 0) == 0 ||
                 base.find("_submissions") != std::string_view::npos || base.find("_comments") != std::string_view::npos;
    size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    std::string_view rest = head.substr(i);
    std::string_view first = rest.substr(0, rest.find('\n'));
    if (!first.empty() && first[0] == '{') {
        bool sub = first.find("\"subreddit\"") != std::string_view::npos;
        bool shape = first.find("\"link_id\"") != std::string_view::npos ||
                     first.find("\"selftext\"") != std::string_view::npos ||
                     first.find("\"title\"") != std::string_view::npos;
        if (sub && shape) return 0.95;
        return named ? 0.5 : 0.0;
    }
    if (!first.empty() && first[0] != '[' && first[0] != '<') {
        auto cols = split_list(first);
        auto has = [&](std::string_view c) { return std::find(cols.begin(), cols.end(), c) != cols.end(); };
        bool id = has("id") || has("name");
        int reddit = has("subreddit") + has("permalink") + has("selftext") + has("link_id") + has("num_comments") +
                     has("author_flair_text") + has("created_utc");
        if (id && reddit >= 2 && (has("title") || has("body") || has("selftext"))) return 0.85;
    }
    return named ? 0.5 : 0.0;
}

}  // namespace fkb::dumps
