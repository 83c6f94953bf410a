// Normalizing platform signals per source; see platform_signals.hpp.
#include "cred/platform_signals.hpp"

#include "cred/tsv.hpp"
#include "cred/word_stream.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace fkb::cred {

struct PlatformScales::Row {
    size_t line = 0;
    std::vector<std::string> sources;  // empty = any
    std::string basis, scale;
    double lo = 0, hi = 0, max = 0;
    std::string evidence, value;
};

namespace {

const char* const kBases[] = {"level", "post_count", "reputation", "role", "flair", "likes", "score", "accepted"};
const char* const kScales[] = {"linear", "log", "saturating", "flag", "roles", "flair"};

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

std::string fill(const std::string& tmpl, const std::string& n, std::string_view s) {
    std::string out;
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl.compare(i, 3, "{n}") == 0) {
            out += n;
            i += 2;
        } else if (tmpl.compare(i, 3, "{s}") == 0) {
            out += s;
            i += 2;
        } else {
            out.push_back(tmpl[i]);
        }
    }
    return out;
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

}  // namespace

PlatformScales::~PlatformScales() = default;

PlatformScales::PlatformScales(const Lexicon& lexicon) : lex_(lexicon) {
    const std::string_view pname = "data/platform.tsv";
    for (const auto& r : read_tsv(pname, data_file(pname), 8)) {
        Row row;
        row.line = r.line;
        if (r.cells[0] != "*")
            for (auto s : split_list(r.cells[0], ',')) row.sources.emplace_back(s);
        row.basis = std::string(r.cells[1]);
        row.scale = std::string(r.cells[2]);
        if (std::find(std::begin(kBases), std::end(kBases), row.basis) == std::end(kBases))
            throw DataError(data_error(pname, r.line, "unknown signal '" + row.basis + "'"));
        if (std::find(std::begin(kScales), std::end(kScales), row.scale) == std::end(kScales))
            throw DataError(data_error(pname, r.line, "unknown scale '" + row.scale + "'"));
        row.lo = parse_number(pname, r.line, r.cells[3], 0, 1e9);
        row.hi = parse_number(pname, r.line, r.cells[4], 0, 1e9);
        if ((row.scale == "linear" || row.scale == "log") && !(row.hi > row.lo))
            throw DataError(data_error(pname, r.line, "a " + row.scale + " scale needs lo < hi"));
        if (row.scale == "log" && row.lo <= 0) throw DataError(data_error(pname, r.line, "a log scale needs lo > 0"));
        if (row.scale == "saturating" && row.lo <= 0)
            throw DataError(data_error(pname, r.line, "a saturating scale needs its half point > 0"));
        row.max = parse_number(pname, r.line, r.cells[5], 0, 1);
        row.evidence = std::string(r.cells[6]);
        row.value = std::string(r.cells[7]);
        if (row.value.empty()) throw DataError(data_error(pname, r.line, "empty value template"));
        rows_.push_back(std::move(row));
    }
    const std::string_view rname = "data/roles.tsv";
    for (const auto& r : read_tsv(rname, data_file(rname), 3)) {
        roles_.push_back(Role{fold_word(r.cells[0]), std::string(r.cells[2]), parse_number(rname, r.line, r.cells[1], 0, 1)});
    }
}

const PlatformScales::Row* PlatformScales::row(std::string_view source, std::string_view basis) const {
    for (const Row& r : rows_) {
        if (r.basis != basis) continue;
        if (r.sources.empty() || std::find(r.sources.begin(), r.sources.end(), source) != r.sources.end()) return &r;
    }
    return nullptr;
}

double PlatformScales::strength(std::string_view source, std::string_view basis, double x) const {
    const Row* r = row(source, basis);
    if (!r) return -1;
    double s = 0;
    if (r->scale == "linear") s = (x - r->lo) / (r->hi - r->lo);
    else if (r->scale == "log") s = x <= 0 ? 0 : (std::log10(x) - std::log10(r->lo)) / (std::log10(r->hi) - std::log10(r->lo));
    else if (r->scale == "saturating") s = x <= 0 ? 0 : x / (x + r->lo);
    else if (r->scale == "flag") s = x > 0 ? 1 : 0;
    return std::clamp(s, 0.0, 1.0);
}

std::vector<PlatformSignal> PlatformScales::signals(std::string_view source, const fkb_post& post) const {
    std::vector<PlatformSignal> out;
    auto add = [&](const Row& r, double strength, const std::string& n, std::string_view s) {
        double w = round3(strength * r.max);
        if (w <= 0) return;
        out.push_back(PlatformSignal{r.basis, fill(r.value, n, s), fill(r.evidence, n, s), strength, w});
    };
    auto number = [&](const char* basis, int64_t v) {
        if (v == FKB_NULL_INT) return;
        if (const Row* r = row(source, basis)) add(*r, strength(source, basis, static_cast<double>(v)), std::to_string(v), {});
    };
    const fkb_author_signals& a = post.signals;
    number("level", a.level);
    number("post_count", a.post_count);
    number("reputation", a.reputation);
    if (!sv(a.role).empty())
        if (const Row* r = row(source, "role")) {
            std::string role = fold_word(sv(a.role));
            for (const Role& ro : roles_)
                if (ro.name == role) {
                    add(*r, ro.weight, {}, ro.label);
                    break;
                }
        }
    if (!sv(a.flair).empty())
        if (const Row* r = row(source, "flair")) {
            // A flair naming a profession ("Physical Therapist") is the forum's
            // own (often verified) label; any other flair counts little.
            std::string flair = fold_word(sv(a.flair));
            std::vector<Word> words;
            size_t i = 0;
            while (i < flair.size()) {
                while (i < flair.size() && !std::isalnum(static_cast<unsigned char>(flair[i]))) ++i;
                size_t j = i;
                while (j < flair.size() && std::isalnum(static_cast<unsigned char>(flair[j]))) ++j;
                if (j > i) {
                    Word w;
                    w.text = w.lemma = flair.substr(i, j - i);
                    words.push_back(std::move(w));
                }
                i = j;
            }
            const PhraseSet* prof = lex_.word_class("profession");
            bool named = false;
            for (size_t k = 0; k < words.size() && !named; ++k) named = prof->match(words, k, words.size()) != nullptr;
            add(*r, named ? r->hi : r->lo, {}, sv(a.flair));
        }
    number("likes", post.likes);
    number("score", post.score);
    if (post.accepted)
        if (const Row* r = row(source, "accepted")) add(*r, 1.0, {}, {});
    return out;
}

}  // namespace fkb::cred
