// Encoding and reading the packed advice claims (formats in advice_claims.hpp).
#include "kb/advice_claims.hpp"

#include <forumkb/kb/kb_writer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_map>

namespace fkb::kb {

namespace {

constexpr uint32_t kNull = 0xFFFFFFFFu;

template <class T>
void put(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}

void put_str(std::string& out, std::string_view s) {
    put<uint32_t>(out, static_cast<uint32_t>(s.size()));
    out.append(s);
}

void put_opt(std::string& out, const std::optional<std::string>& s) {
    if (s)
        put_str(out, *s);
    else
        put<uint32_t>(out, kNull);
}

template <class T>
T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

/// Reads a chunk front to back, with a bounds check at every field.
class Reader {
public:
    Reader(std::string_view bytes, std::string_view where) : p_(bytes.data()), end_(bytes.data() + bytes.size()), where_(where) {}

    bool done() const { return p_ == end_; }
    const char* at() const { return p_; }

    template <class T>
    T get() {
        need(sizeof(T));
        T v = load<T>(p_);
        p_ += sizeof(T);
        return v;
    }
    std::string_view str() {
        auto n = get<uint32_t>();
        need(n);
        std::string_view s(p_, n);
        p_ += n;
        return s;
    }
    std::optional<std::string_view> opt() {
        need(4);
        if (load<uint32_t>(p_) == kNull) {
            p_ += 4;
            return std::nullopt;
        }
        return str();
    }
    void skip(size_t n) {
        need(n);
        p_ += n;
    }

private:
    void need(size_t n) const {
        if (static_cast<size_t>(end_ - p_) < n)
            throw KbError(fmt::format("{}: advice_index: a chunk is cut short", where_));
    }
    const char* p_;
    const char* end_;
    std::string_view where_;
};

}  // namespace

double advice_link_factor(std::string_view link) {
    if (link == "thread") return 0.8;
    if (link == "post") return 0.9;
    return 1.0;  // stated, cause
}

std::string encode_claim(const AdviceClaim& c, size_t* endorsers_at) {
    std::string out;
    out.reserve(64 + c.label.size());
    put<int64_t>(out, c.fact);
    put<int64_t>(out, c.thread);
    put<int64_t>(out, c.author);
    put<double>(out, c.weight);
    put<double>(out, c.link);
    put<uint32_t>(out, c.links);
    put<uint8_t>(out, c.negated ? 1 : 0);
    put_opt(out, c.certainty);
    put_opt(out, c.outcome);
    put_str(out, c.label);
    put<uint32_t>(out, static_cast<uint32_t>(c.endorsers.size()));
    if (endorsers_at) *endorsers_at = out.size();
    for (const auto& [a, w] : c.endorsers) {
        put<int64_t>(out, a);
        put<double>(out, w);
    }
    put<uint32_t>(out, static_cast<uint32_t>(c.causes.size()));
    for (const auto& s : c.causes) put_str(out, s);
    return out;
}

namespace {

// The fields of a chunk's claim record (advice_claims.hpp).
constexpr size_t kFactAt = ChunkView::kFactAt, kThreadAt = ChunkView::kThreadAt, kAuthorAt = ChunkView::kAuthorAt,
                 kWeightAt = ChunkView::kWeightAt, kLinkAt = ChunkView::kLinkAt, kLinksAt = ChunkView::kLinksAt,
                 kLabelAt = ChunkView::kLabelAt, kCertaintyAt = ChunkView::kCertaintyAt,
                 kOutcomeAt = ChunkView::kOutcomeAt, kFirstEndorserAt = ChunkView::kFirstEndorserAt,
                 kEndorsersAt = ChunkView::kEndorsersAt, kCausesAt = ChunkView::kCausesAt,
                 kFlagsAt = ChunkView::kFlagsAt;
constexpr size_t kHeaderBytes = 7 * 4;

/// A claim of the writer's form, its fields read (the views point into its bytes).
struct LooseClaim {
    int64_t fact = 0, thread = 0, author = 0;
    double weight = 0, link = 0;
    uint32_t links = 0;
    bool negated = false;
    std::optional<std::string_view> certainty, outcome;
    std::string_view label;
    uint32_t n_endorsers = 0;
    const char* endorsers = nullptr;
    std::vector<std::string_view> causes;
};

LooseClaim read_loose(std::string_view bytes) {
    Reader r(bytes, "advice claim");
    LooseClaim c;
    c.fact = r.get<int64_t>();
    c.thread = r.get<int64_t>();
    c.author = r.get<int64_t>();
    c.weight = r.get<double>();
    c.link = r.get<double>();
    c.links = r.get<uint32_t>();
    c.negated = r.get<uint8_t>() != 0;
    c.certainty = r.opt();
    c.outcome = r.opt();
    c.label = r.str();
    c.n_endorsers = r.get<uint32_t>();
    c.endorsers = r.at();
    r.skip(static_cast<size_t>(c.n_endorsers) * 16);
    auto n = r.get<uint32_t>();
    for (uint32_t i = 0; i < n; ++i) c.causes.push_back(r.str());
    return c;
}

template <class T>
void put_at(std::string& out, size_t at, T v) {
    std::memcpy(out.data() + at, &v, sizeof(T));
}

}  // namespace

std::string encode_chunk(std::vector<EncodedClaim> claims) {
    std::sort(claims.begin(), claims.end(), [](const EncodedClaim& a, const EncodedClaim& b) {
        return std::tie(a.concept_id, a.fact) < std::tie(b.concept_id, b.fact);
    });
    // Strings and cause sets are numbered in the order they first appear.
    std::vector<std::string_view> strings;
    std::unordered_map<std::string_view, uint32_t> string_of;
    auto string_id = [&](std::string_view s) {
        auto [at, fresh] = string_of.emplace(s, static_cast<uint32_t>(strings.size()));
        if (fresh) strings.push_back(s);
        return at->second;
    };
    std::vector<std::vector<uint32_t>> sets;
    std::map<std::vector<uint32_t>, uint32_t> set_of;
    std::vector<std::pair<uint32_t, uint32_t>> groups;
    std::string records(claims.size() * kChunkClaimBytes, '\0');
    std::string endorsers;
    uint32_t n_endorsers = 0;
    for (size_t i = 0; i < claims.size(); ++i) {
        if (i == 0 || claims[i].concept_id != claims[i - 1].concept_id)
            groups.emplace_back(string_id(claims[i].concept_id), 0);
        ++groups.back().second;
        LooseClaim c = read_loose(claims[i].bytes);
        const size_t at = i * kChunkClaimBytes;
        put_at<int64_t>(records, at + kFactAt, c.fact);
        put_at<int64_t>(records, at + kThreadAt, c.thread);
        put_at<int64_t>(records, at + kAuthorAt, c.author);
        put_at<double>(records, at + kWeightAt, c.weight);
        put_at<double>(records, at + kLinkAt, c.link);
        put_at<uint32_t>(records, at + kLinksAt, c.links);
        put_at<uint32_t>(records, at + kCertaintyAt, c.certainty ? string_id(*c.certainty) : kNoString);
        put_at<uint32_t>(records, at + kOutcomeAt, c.outcome ? string_id(*c.outcome) : kNoString);
        put_at<uint32_t>(records, at + kLabelAt, string_id(c.label));
        put_at<uint32_t>(records, at + kFirstEndorserAt, n_endorsers);
        put_at<uint32_t>(records, at + kEndorsersAt, c.n_endorsers);
        endorsers.append(c.endorsers, static_cast<size_t>(c.n_endorsers) * 16);
        n_endorsers += c.n_endorsers;
        uint32_t set = kNoCauses;
        if (!c.causes.empty()) {
            std::vector<uint32_t> ids;
            for (std::string_view k : c.causes) ids.push_back(string_id(k));
            auto [s, fresh] = set_of.emplace(ids, static_cast<uint32_t>(sets.size()));
            if (fresh) sets.push_back(std::move(ids));
            set = s->second;
        }
        put_at<uint32_t>(records, at + kCausesAt, set);
        put_at<uint32_t>(records, at + kFlagsAt, c.negated ? ChunkView::kNegatedFlag : 0);
    }
    uint32_t entries = 0, bytes = 0;
    for (const auto& k : sets) entries += static_cast<uint32_t>(k.size());
    for (std::string_view k : strings) bytes += static_cast<uint32_t>(k.size());

    std::string out;
    for (size_t n : {claims.size(), groups.size(), static_cast<size_t>(n_endorsers), sets.size(),
                     static_cast<size_t>(entries), strings.size(), static_cast<size_t>(bytes)})
        put<uint32_t>(out, static_cast<uint32_t>(n));
    for (const auto& [concept_id, n] : groups) {
        put<uint32_t>(out, concept_id);
        put<uint32_t>(out, n);
    }
    out += records;
    out += endorsers;
    uint32_t first = 0;
    for (const auto& k : sets) {
        put<uint32_t>(out, first);
        first += static_cast<uint32_t>(k.size());
    }
    put<uint32_t>(out, first);
    for (const auto& k : sets)
        for (uint32_t id : k) put<uint32_t>(out, id);
    first = 0;
    for (std::string_view k : strings) {
        put<uint32_t>(out, first);
        first += static_cast<uint32_t>(k.size());
    }
    put<uint32_t>(out, first);
    for (std::string_view k : strings) put<uint64_t>(out, advice_string_hash(k));
    for (std::string_view k : strings) out += k;
    return out;
}

std::vector<EncodedClaim> chunk_claims(std::string_view chunk, std::string_view where) {
    ChunkView v(chunk, where);
    std::vector<EncodedClaim> out;
    out.reserve(v.claims());
    auto opt = [&](uint32_t s) { return s == kNoString ? std::nullopt : std::optional<std::string>(v.string(s)); };
    uint32_t i = 0;
    for (uint32_t g = 0; g < v.groups(); ++g) {
        auto [concept_id, n] = v.group(g);
        for (uint32_t end = i + n; i < end; ++i) {
            ChunkClaim r = v.checked_claim(i);
            AdviceClaim c;
            c.fact = r.fact;
            c.thread = r.thread;
            c.author = r.author;
            c.weight = r.weight;
            c.link = r.link;
            c.links = r.links;
            c.negated = r.negated;
            c.certainty = opt(r.certainty);
            c.outcome = opt(r.outcome);
            c.label = std::string(v.string(r.label));
            for (uint32_t e = 0; e < r.n_endorsers; ++e) c.endorsers.push_back(v.endorser(r.first_endorser + e));
            if (r.causes != kNoCauses) {
                auto [first, last] = v.cause_set(r.causes);
                for (uint32_t k = first; k < last; ++k) c.causes.emplace_back(v.string(v.cause_entry(k)));
            }
            out.push_back(EncodedClaim{std::string(v.string(concept_id)), r.fact, r.thread, encode_claim(c)});
        }
    }
    return out;
}

ChunkView::ChunkView(std::string_view bytes, std::string_view where) : where_(where) {
    auto damaged = [&](const char* why) {
        return KbError(fmt::format("{}: advice_index: a chunk {}", where, why));
    };
    if (bytes.size() < kHeaderBytes) throw damaged("is cut short");
    const char* p = bytes.data();
    uint32_t string_bytes = 0;
    for (uint32_t* n : {&n_claims_, &n_groups_, &n_endorsers_, &n_sets_, &n_entries_, &n_strings_, &string_bytes}) {
        *n = load<uint32_t>(p);
        p += 4;
    }
    const uint64_t size = kHeaderBytes + uint64_t{8} * n_groups_ + uint64_t{kChunkClaimBytes} * n_claims_ +
                          uint64_t{16} * n_endorsers_ + uint64_t{4} * (uint64_t{n_sets_} + 1) + uint64_t{4} * n_entries_ +
                          uint64_t{4} * (uint64_t{n_strings_} + 1) + uint64_t{8} * n_strings_ + string_bytes;
    if (size != bytes.size()) throw damaged(size > bytes.size() ? "is cut short" : "has bytes past its end");
    groups_ = p;
    claims_ = groups_ + size_t{8} * n_groups_;
    endorsers_ = claims_ + kChunkClaimBytes * n_claims_;
    sets_ = endorsers_ + size_t{16} * n_endorsers_;
    entries_ = sets_ + size_t{4} * (n_sets_ + size_t{1});
    string_at_ = entries_ + size_t{4} * n_entries_;
    string_hashes_ = string_at_ + size_t{4} * (n_strings_ + size_t{1});
    string_bytes_ = string_hashes_ + size_t{8} * n_strings_;

    uint64_t grouped = 0;
    for (uint32_t g = 0; g < n_groups_; ++g) {
        auto [concept_id, n] = group(g);
        if (concept_id >= n_strings_) throw damaged("names a string it does not have");
        grouped += n;
    }
    if (grouped != n_claims_) throw damaged("has groups that do not add up to its claims");
    auto in_order = [&](const char* at, uint32_t n, uint32_t last) {
        uint32_t prev = 0;
        for (uint32_t i = 0; i <= n; ++i) {
            uint32_t v = load<uint32_t>(at + size_t{4} * i);
            if (v < prev || (i == 0 && v != 0)) return false;
            prev = v;
        }
        return prev == last;
    };
    if (!in_order(sets_, n_sets_, n_entries_) || !in_order(string_at_, n_strings_, string_bytes))
        throw damaged("has offsets out of order");
    for (uint32_t i = 0; i < n_entries_; ++i)
        if (cause_entry(i) >= n_strings_) throw damaged("names a string it does not have");
}

void ChunkView::damaged_claim() const {
    throw KbError(fmt::format("{}: advice_index: a chunk names a string, endorser or cause set it does not have", where_));
}


}  // namespace fkb::kb
