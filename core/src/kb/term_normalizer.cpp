// Implementation of TermNormalizer (see term_normalizer.hpp).
#include "kb/term_normalizer.hpp"

#include <forumkb/kb/kb_writer.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace fkb::data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::kb {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

}  // namespace

TermNormalizer::TermNormalizer(std::string_view tsv, std::string_view name) {
    size_t line_no = 0;
    size_t pos = 0;
    while (pos <= tsv.size()) {
        size_t nl = tsv.find('\n', pos);
        std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        auto f = split_tabs(line);
        auto fail = [&](std::string_view why) {
            throw KbError(fmt::format("{}:{}: {}", name, line_no, why));
        };
        if (f.size() < 2 || f[1].empty()) fail("expected class<TAB>word[<TAB>value]");
        std::string word(f[1]);
        if (f[0] == "synonym" || f[0] == "compound") {
            if (f.size() != 3 || f[2].empty()) fail(fmt::format("a {} needs a value", f[0]));
            (f[0] == "synonym" ? synonym_ : compound_)[word] = std::string(f[2]);
        } else if (f[0] == "stop" || f[0] == "generic" || f[0] == "avoid") {
            if (f.size() != 2) fail(fmt::format("a {} word takes no value", f[0]));
            (f[0] == "stop" ? stop_ : f[0] == "generic" ? generic_ : avoid_).insert(word);
        } else {
            fail(fmt::format("unknown class \"{}\"", f[0]));
        }
    }
}

const TermNormalizer& TermNormalizer::builtin() {
    static const TermNormalizer n(fkb::data::embedded_file("data/kb/query_terms.tsv"), "core/data/kb/query_terms.tsv");
    return n;
}

std::vector<std::string> TermNormalizer::words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            cur += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            cur += static_cast<char>(c - 'A' + 'a');
        } else if (c == '\'' && !cur.empty()) {
            continue;  // don't -> dont
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[i + 2]) == 0x99) {
            i += 2;  // U+2019 right single quotation mark, as an apostrophe
        } else if (c >= 0x80) {
            cur += static_cast<char>(c);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

void TermNormalizer::add_term(const std::string& word, std::vector<std::string>& out, int depth) const {
    auto emit = [&](const std::string& w) -> bool {
        if (stop_.count(w)) return true;
        if (auto c = compound_.find(w); c != compound_.end() && depth < 3) {
            for (const auto& part : words(c->second)) add_term(part, out, depth + 1);
            return true;
        }
        if (auto s = synonym_.find(w); s != synonym_.end()) {
            out.push_back(s->second);
            return true;
        }
        return false;
    };
    if (emit(word)) return;
    if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
        std::string singular = word.substr(0, word.size() - 1);
        if (emit(singular)) return;
        out.push_back(std::move(singular));
        return;
    }
    out.push_back(word);
}

std::vector<std::string> TermNormalizer::terms(std::string_view text) const {
    std::vector<std::string> out;
    for (const auto& w : words(text)) add_term(w, out, 0);
    return out;
}

std::vector<std::string> TermNormalizer::variants(const std::string& term) const {
    std::vector<std::string> out{term};
    for (const auto& [w, canon] : synonym_)
        if (canon == term && w != term) out.push_back(w);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace fkb::kb
