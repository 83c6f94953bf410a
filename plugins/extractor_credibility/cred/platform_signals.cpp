// Normalizing platform signals per source and summarizing them; see platform_signals.hpp.
#include "cred/platform_signals.hpp"

#include "cred/tsv.hpp"
#include "cred/word_stream.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace fkb::cred {


namespace {

const char* const kBases[] = {"level", "post_count", "reputation", "role", "flair", "likes", "score", "accepted"};
enum Basis { kLevel, kPostCount, kReputation, kRole, kFlair, kLikes, kScore, kAccepted };
const char* const kScales[] = {"linear", "log", "saturating", "flag", "roles", "flair"};

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

/// A display template ("Lv {n}", "forum {s}", "{n} like{p}") cut at its
/// slots once, at load; {p} is the plural "s" unless {n} is 1.
struct Template {
    struct Part {
        std::string text;
        char slot = 0;  // 'n', 's', 'p', or 0 after the last part
    };
    std::vector<Part> parts;

    Template() = default;
    explicit Template(std::string_view t) {
        Part cur;
        for (size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '{' && i + 2 < t.size() && (t[i + 1] == 'n' || t[i + 1] == 's' || t[i + 1] == 'p') &&
                t[i + 2] == '}') {
                cur.slot = t[i + 1];
                parts.push_back(std::move(cur));
                cur = Part{};
                i += 2;
            } else {
                cur.text.push_back(t[i]);
            }
        }
        parts.push_back(std::move(cur));
    }
    /// Appends the template with {n} and {s} filled in.
    void fill_into(std::string& out, std::string_view n, std::string_view s) const {
        for (const Part& p : parts) {
            out += p.text;
            if (p.slot == 'n') out += n;
            else if (p.slot == 's') out += s;
            else if (p.slot == 'p' && n != "1") out += 's';
        }
    }
    std::string filled(std::string_view n, std::string_view s) const {
        std::string out;
        fill_into(out, n, s);
        return out;
    }
};

/// word_hash(fold_word(s)), without allocating for a short ASCII role.
uint64_t folded_hash(std::string_view s) {
    char buf[32];
    if (s.size() > sizeof buf) return word_hash(fold_word(s));
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) return word_hash(fold_word(s));
        buf[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return word_hash(std::string_view(buf, s.size()));
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

}  // namespace

struct PlatformScales::Row {
    size_t line = 0;
    std::vector<std::string> sources;  // empty = any
    std::string basis, scale;
    char kind = 0;  // scale's first letter, compared per signal: l(inear) | g (log) | s(aturating) | f(lag)
    double log_lo = 0, log_span = 1;
    double lo = 0, hi = 0, max = 0;
    Template evidence, value;
    bool reception = false;  // likes, score, accepted: about the post
};

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
        row.kind = row.scale == "log" ? 'g' : row.scale[0];
        if (row.kind == 'g') {
            row.log_lo = std::log10(row.lo);
            row.log_span = std::log10(row.hi) - row.log_lo;
        }
        row.max = parse_number(pname, r.line, r.cells[5], 0, 1);
        row.evidence = Template(r.cells[6]);
        row.value = Template(r.cells[7]);
        row.reception = row.basis == "likes" || row.basis == "score" || row.basis == "accepted";
        if (r.cells[7].empty()) throw DataError(data_error(pname, r.line, "empty value template"));
        rows_.push_back(std::move(row));
    }
    const std::string_view rname = "data/roles.tsv";
    for (const auto& r : read_tsv(rname, data_file(rname), 3)) {
        roles_.push_back(Role{word_hash(fold_word(r.cells[0])), std::string(r.cells[2]),
                              parse_number(rname, r.line, r.cells[1], 0, 1)});
    }
}

const PlatformScales::Row* PlatformScales::row(std::string_view source, std::string_view basis) const {
    for (const Row& r : rows_) {
        if (r.basis != basis) continue;
        if (r.sources.empty() || std::find(r.sources.begin(), r.sources.end(), source) != r.sources.end()) return &r;
    }
    return nullptr;
}

PlatformScales::Source PlatformScales::source(std::string_view name) const {
    Source s;
    for (size_t b = 0; b < std::size(kBases); ++b) s.rows_[b] = row(name, kBases[b]);
    return s;
}

double PlatformScales::strength(const Row& r, double x) {
    double s = 0;
    switch (r.kind) {
        case 'l': s = (x - r.lo) / (r.hi - r.lo); break;
        case 'g': s = x <= r.lo ? 0 : (std::log10(x) - r.log_lo) / r.log_span; break;
        case 's': s = x <= 0 ? 0 : x / (x + r.lo); break;
        case 'f': s = x > 0 ? 1 : 0; break;
        default: break;
    }
    return std::clamp(s, 0.0, 1.0);
}

double PlatformScales::strength(std::string_view source, std::string_view basis, double x) const {
    const Row* r = row(source, basis);
    return r ? strength(*r, x) : -1;
}

template <class F>
void PlatformScales::visit(const Source& src, const fkb_post& post, F&& f) const {
    // f(row, strength, {n}, {s} of the value, {s} of the evidence) for every
    // signal the post has and a row reads; the evidence shows the page's own
    // text ("Moderator"), the value the reader's label ("forum moderator").
    auto number = [&](Basis basis, int64_t v) {
        if (v == FKB_NULL_INT) return;
        if (const Row* r = src.rows_[basis]) {
            char buf[24];
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
            f(*r, strength(*r, static_cast<double>(v)), std::string_view(buf, static_cast<size_t>(end - buf)),
              std::string_view(), std::string_view());
        }
    };
    const fkb_author_signals& a = post.signals;
    number(kLevel, a.level);
    number(kPostCount, a.post_count);
    number(kReputation, a.reputation);
    if (!sv(a.role).empty())
        if (const Row* r = src.rows_[kRole]) {
            const uint64_t role = folded_hash(sv(a.role));
            for (const Role& ro : roles_)
                if (ro.name == role) {
                    f(*r, ro.weight, std::string_view(), std::string_view(ro.label), sv(a.role));
                    break;
                }
        }
    if (!sv(a.flair).empty())
        if (const Row* r = src.rows_[kFlair]) {
            // A flair naming a profession ("Physical Therapist") is the forum's
            // own (often verified) label; any other flair counts little.
            const std::string flair = fold_word(sv(a.flair));
            std::vector<Word> words;
            size_t i = 0;
            while (i < flair.size()) {
                while (i < flair.size() && !std::isalnum(static_cast<unsigned char>(flair[i]))) ++i;
                size_t j = i;
                while (j < flair.size() && std::isalnum(static_cast<unsigned char>(flair[j]))) ++j;
                if (j > i) {
                    Word w;
                    w.text = std::string_view(flair).substr(i, j - i);
                    w.h = w.lh = word_hash(w.text);
                    words.push_back(w);
                }
                i = j;
            }
            const PhraseSet* prof = lex_.word_class("profession");
            bool named = false;
            for (size_t k = 0; k < words.size() && !named; ++k) named = prof->match(words, k, words.size()) != nullptr;
            // The flair is the user's text: keep it out of the separators of the summary.
            std::string shown(sv(a.flair));
            for (char& c : shown)
                if (c == ';') c = ',';
            f(*r, named ? r->hi : r->lo, std::string_view(), std::string_view(shown), std::string_view(shown));
        }
    number(kLikes, post.likes);
    number(kScore, post.score);
    if (post.accepted)
        if (const Row* r = src.rows_[kAccepted]) f(*r, 1.0, std::string_view(), std::string_view(), std::string_view());
}

std::vector<PlatformSignal> PlatformScales::signals(const Source& src, const fkb_post& post) const {
    std::vector<PlatformSignal> out;
    visit(src, post, [&](const Row& r, double strength, std::string_view n, std::string_view s, std::string_view es) {
        const double w = round3(strength * r.max);
        if (w <= 0) return;
        out.push_back(PlatformSignal{r.basis, r.value.filled(n, s), r.evidence.filled(n, es), strength, w, r.reception});
    });
    return out;
}

std::optional<PlatformSummary> PlatformScales::summary(const Source& src, const fkb_post& post) const {
    std::optional<PlatformSummary> out;
    visit(src, post, [&](const Row& r, double strength, std::string_view n, std::string_view s, std::string_view es) {
        const double w = round3(strength * r.max);
        if (w <= 0) return;
        if (!out) {
            out.emplace();
            out->value.reserve(96);
            out->evidence.reserve(48);
        } else {
            out->bases += ',';
            out->value += "; ";
            out->evidence += ", ";
        }
        out->bases += r.basis;
        r.value.fill_into(out->value, n, s);
        r.evidence.fill_into(out->evidence, n, es);
        (r.reception ? out->reception : out->standing) += w;
    });
    if (out) {
        out->standing = round3(out->standing);
        out->reception = round3(out->reception);
        out->weight = round3(std::min(1.0, out->standing + out->reception));
    }
    return out;
}

}  // namespace fkb::cred
