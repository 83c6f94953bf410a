// Loading the cue lists; see cue_table.hpp.
#include "cred/cue_table.hpp"

#include "cred/tsv.hpp"

#include <algorithm>
#include <iterator>

namespace fkb::cred {

namespace {

bool is_ident(std::string_view s) {
    return !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
}

}  // namespace

std::string DisclosureCue::render(const PatternMatch& m) const {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '$' && i + 1 < value.size()) {
            char c = value[i + 1];
            if (c >= '1' && c <= '9') {
                size_t k = static_cast<size_t>(c - '1');
                if (k < m.captures.size()) out += m.captures[k];
                ++i;
                continue;
            }
            if (c == 'P') {
                if (m.lexical) out += m.lexical->label;
                ++i;
                continue;
            }
        }
        out.push_back(value[i]);
    }
    // Collapse the spaces an empty capture leaves.
    std::string clean;
    for (char c : out) {
        if (c == ' ' && (clean.empty() || clean.back() == ' ')) continue;
        clean.push_back(c);
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    return clean;
}

double DisclosureCue::weight_of(const PatternMatch& m) const {
    if (lexical_weight) return m.lexical ? m.lexical->weight : 0.0;
    return weight;
}

void StartIndex::Table::add(uint32_t cue, const TokenPattern& pattern) {
    if (pattern.any_start()) {
        any.push_back(cue);
        for (auto& list : lists) list.push_back(cue);  // cues come in order: the lists stay sorted
        return;
    }
    for (uint64_t h : pattern.first_hashes()) {
        uint32_t& slot = by_word[h];
        filter.add(h);
        if (slot == 0) {
            lists.push_back(any);
            slot = static_cast<uint32_t>(lists.size());
        }
        auto& list = lists[slot - 1];
        if (list.empty() || list.back() != cue) list.push_back(cue);
    }
}

std::span<const uint32_t> StartIndex::merge(std::span<const uint32_t> x, std::span<const uint32_t> y,
                                           std::vector<uint32_t>& out) {
    if (y.empty()) return x;
    if (x.empty()) return y;
    out.clear();
    std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
    return out;
}

void StartIndex::add(uint32_t cue, const TokenPattern& pattern) {
    (pattern.anchored() ? anchored_ : free_).add(cue, pattern);
}

CueTable::CueTable(const Lexicon& lexicon) {
    const std::string_view dname = "data/disclosures.tsv";
    for (const auto& row : read_tsv(dname, data_file(dname), 5)) {
        std::string signal(row.cells[0]);
        if (signal != "expertise" && signal != "experience")
            throw DataError(data_error(dname, row.line, "signal must be expertise or experience, not '" + signal + "'"));
        if (!is_ident(row.cells[1])) throw DataError(data_error(dname, row.line, "basis must be [a-z_]+"));
        bool lexical = row.cells[2] == "lexicon";
        double w = lexical ? 0.0 : parse_number(dname, row.line, row.cells[2], 0, 1);
        if (row.cells[3].empty()) throw DataError(data_error(dname, row.line, "empty value template"));
        try {
            TokenPattern pat(row.cells[4], lexicon);
            std::string value(row.cells[3]);
            for (size_t i = 0; i + 1 < value.size(); ++i)
                if (value[i] == '$' && value[i + 1] >= '1' && value[i + 1] <= '9' &&
                    static_cast<size_t>(value[i + 1] - '0') > pat.captures())
                    throw DataError(data_error(dname, row.line, "value uses $" + std::string(1, value[i + 1]) +
                                                                    " but the pattern has " +
                                                                    std::to_string(pat.captures()) + " captures"));
            disclosures_.push_back(
                DisclosureCue{row.line, signal, std::string(row.cells[1]), w, lexical, value, std::move(pat)});
        } catch (const PatternError& e) {
            throw DataError(data_error(dname, row.line, e.what()));
        }
    }
    const std::string_view ename = "data/endorsements.tsv";
    for (const auto& row : read_tsv(ename, data_file(ename), 3)) {
        std::string stance(row.cells[0]);
        if (stance != "agree" && stance != "disagree")
            throw DataError(data_error(ename, row.line, "stance must be agree or disagree, not '" + stance + "'"));
        if (row.cells[1] != "context" && row.cells[1] != "name")
            throw DataError(data_error(ename, row.line, "target must be context or name"));
        try {
            TokenPattern pat(row.cells[2], lexicon);
            bool by_name = row.cells[1] == "name";
            if (by_name && pat.captures() == 0)
                throw DataError(data_error(ename, row.line, "a name target needs a capture for the name"));
            bool negated = false;
            for (uint64_t h : pat.literal_hashes())
                if (const auto* info = lexicon.info(h); info && (info->classes & kNegator)) negated = true;
            endorsements_.push_back(EndorsementCue{row.line, stance, by_name, std::move(pat), negated});
        } catch (const PatternError& e) {
            throw DataError(data_error(ename, row.line, e.what()));
        }
    }
    for (uint32_t i = 0; i < disclosures_.size(); ++i) disclosure_index_.add(i, disclosures_[i].pattern);
    for (uint32_t i = 0; i < endorsements_.size(); ++i) endorsement_index_.add(i, endorsements_[i].pattern);
}

}  // namespace fkb::cred
