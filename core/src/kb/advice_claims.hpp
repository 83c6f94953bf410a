// The packed form of the advice claims in the advice_index table (schema
// version 7, docs/schema.md): every cause and remedy claim linked to a
// symptom, with exactly what `forumkb query` ranks by (the author, their
// weight, certainty, polarity, outcome, the link factor, the label, who
// endorsed or quoted the post, the causes a remedy addresses), so that a
// query reads a few hundred BLOBs instead of joining tens of thousands of
// facts with posts, weights and quotes.
//
// Two forms. A claim as the writer prepares it (encode_claim, on the
// workers, before its rows have ids) is one run of bytes, little-endian:
//   i64 fact, i64 thread, i64 author key, f64 weight, f64 link, u32 links,
//   u8 negated, str certainty, str outcome, str label,
//   u32 n, n x (i64 author key, f64 weight) endorsers,
//   u32 n, n x str cause concept ids
// where str is u32 length (0xFFFFFFFF for NULL) and the bytes.
//
// A chunk (one row of advice_index: one symptom, one kind, one block of
// threads; encode_chunk) is laid out for the query instead: every claim a
// fixed-width record whose strings are numbers into the chunk's string
// table (each string once), so reading a field is one load and grouping
// compares integers, not strings. Little-endian:
//   header     7 x u32: claims, groups, endorsers, cause sets, cause entries,
//              strings, string bytes
//   groups     groups x (u32 concept string, u32 claims): runs of claims of
//              one concept, sorted by concept id; claims by fact within one
//   claims     claims x kChunkClaimBytes (ChunkClaim: the offsets below)
//   endorsers  endorsers x (i64 author key, f64 weight), a claim's in a row
//   cause sets (cause sets + 1) x u32 first entry, then cause entries x u32
//              string: a remedy's causes, each distinct list once
//   strings    (strings + 1) x u32 first byte, strings x u64 hash
//              (advice_string_hash), then the string bytes
// kNoString stands for a NULL certainty or outcome and kNoCauses for a claim
// without causes. The hashes let a query number the strings of every chunk
// it reads with one probe each, without hashing their bytes again. The format is internal: SQL users read the views, which
// give the same answers.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::kb {

/// The weight of an author the credibility scorer did not weigh (its base).
constexpr double kDefaultAuthorWeight = 0.1;

/// Threads are grouped in blocks of 2^kAdviceBlockShift row ids per chunk.
constexpr int kAdviceBlockShift = 10;

/// One claim, owning its strings (what the index builder makes).
struct AdviceClaim {
    std::string concept_id;
    int64_t fact = 0, thread = 0;
    int64_t author = 0;  ///< author id, or -post row id when anonymous
    double weight = kDefaultAuthorWeight;
    double link = 1.0;    ///< how directly the claim is advice for the symptom (docs/query.md)
    uint32_t links = 1;   ///< symptoms the fact is linked to (more than one: the query deduplicates it)
    bool negated = false;
    std::optional<std::string> certainty, outcome;
    std::string label;
    std::vector<std::pair<int64_t, double>> endorsers;  ///< author key, weight; one per author
    std::vector<std::string> causes;                    ///< remedies: the causes they address
};

/// The encoded claim (without its concept id, which its group carries).
/// endorsers_at, when given, gets the offset of the first endorser.
std::string encode_claim(const AdviceClaim& c, size_t* endorsers_at = nullptr);

/// The offsets in an encoded claim of the ids a KB writer gives out: a claim
/// encoded before its rows have ids (thread_rows.hpp) carries zeros there,
/// which the writer overwrites with set_claim_id.
constexpr size_t kClaimFactAt = 0, kClaimThreadAt = 8, kClaimAuthorAt = 16;
/// The offset of endorser i's author key, endorsers_at as from encode_claim.
constexpr size_t claim_endorser_at(size_t endorsers_at, size_t i) { return endorsers_at + 16 * i; }
inline void set_claim_id(std::string& claim, size_t at, int64_t id) { std::memcpy(claim.data() + at, &id, 8); }

/// How directly a claim linked to a symptom this way (fact_symptoms.link) is
/// advice for it (docs/query.md).
double advice_link_factor(std::string_view link);

/// A claim's concept, fact and thread with its encoded bytes: what a chunk is
/// made of.
struct EncodedClaim {
    std::string concept_id;
    int64_t fact = 0, thread = 0;
    std::string bytes;
};

/// The chunk holding these claims (sorted here by concept, then fact).
std::string encode_chunk(std::vector<EncodedClaim> claims);

/// The claims of a chunk in the writer's form again (what a flush merges
/// with the added claims). Throws KbError naming `where` when the bytes are
/// not a chunk.
std::vector<EncodedClaim> chunk_claims(std::string_view chunk, std::string_view where);

constexpr uint32_t kNoString = 0xFFFFFFFFu, kNoCauses = 0xFFFFFFFFu;
constexpr size_t kChunkClaimBytes = 72;

/// The hash a chunk stores with each of its strings: 64-bit FNV-1a of the bytes.
constexpr uint64_t advice_string_hash(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
}

/// One claim record of a chunk, its fields loaded; strings are numbers into
/// the chunk's string table.
struct ChunkClaim {
    int64_t fact = 0, thread = 0, author = 0;
    double weight = 0, link = 0;
    uint32_t links = 0;
    uint32_t label = 0, certainty = kNoString, outcome = kNoString;
    uint32_t first_endorser = 0, n_endorsers = 0;
    uint32_t causes = kNoCauses;  ///< cause set
    bool negated = false;
};

/// A chunk read in place: its sizes, offsets and groups are checked on
/// construction, each claim's numbers by checked_claim, so that reading a
/// field is a load.
class ChunkView {
public:
    /// Throws KbError naming `where` when the bytes are not a chunk (its
    /// claims' numbers are checked as they are read: checked_claim).
    ChunkView(std::string_view bytes, std::string_view where);

    uint32_t claims() const { return n_claims_; }
    uint32_t groups() const { return n_groups_; }
    uint32_t strings() const { return n_strings_; }
    uint32_t cause_sets() const { return n_sets_; }
    /// Group i: its concept (a string) and how many claims it has, in order.
    std::pair<uint32_t, uint32_t> group(uint32_t i) const {
        const char* p = groups_ + size_t{8} * i;
        return {load<uint32_t>(p), load<uint32_t>(p + 4)};
    }
    ChunkClaim claim(uint32_t i) const {
        const char* p = claims_ + kChunkClaimBytes * i;
        ChunkClaim c;
        c.fact = load<int64_t>(p + kFactAt);
        c.thread = load<int64_t>(p + kThreadAt);
        c.author = load<int64_t>(p + kAuthorAt);
        c.weight = load<double>(p + kWeightAt);
        c.link = load<double>(p + kLinkAt);
        c.links = load<uint32_t>(p + kLinksAt);
        c.label = load<uint32_t>(p + kLabelAt);
        c.certainty = load<uint32_t>(p + kCertaintyAt);
        c.outcome = load<uint32_t>(p + kOutcomeAt);
        c.first_endorser = load<uint32_t>(p + kFirstEndorserAt);
        c.n_endorsers = load<uint32_t>(p + kEndorsersAt);
        c.causes = load<uint32_t>(p + kCausesAt);
        c.negated = (load<uint32_t>(p + kFlagsAt) & kNegatedFlag) != 0;
        return c;
    }
    /// claim(i), its string, endorser and cause set numbers checked (throws
    /// KbError when one is past its table).
    ChunkClaim checked_claim(uint32_t i) const {
        ChunkClaim c = claim(i);
        // kNoString and kNoCauses are the largest u32: allowed where a field may be absent.
        if (c.label >= n_strings_ || (c.certainty >= n_strings_ && c.certainty != kNoString) ||
            (c.outcome >= n_strings_ && c.outcome != kNoString) || (c.causes >= n_sets_ && c.causes != kNoCauses) ||
            uint64_t{c.first_endorser} + c.n_endorsers > n_endorsers_)
            damaged_claim();
        return c;
    }
    std::pair<int64_t, double> endorser(uint32_t i) const {
        const char* p = endorsers_ + size_t{16} * i;
        return {load<int64_t>(p), load<double>(p + 8)};
    }
    /// The string numbers of cause set i: [first, last) of cause_entry.
    std::pair<uint32_t, uint32_t> cause_set(uint32_t i) const {
        const char* p = sets_ + size_t{4} * i;
        return {load<uint32_t>(p), load<uint32_t>(p + 4)};
    }
    uint32_t cause_entry(uint32_t i) const { return load<uint32_t>(entries_ + size_t{4} * i); }
    std::string_view string(uint32_t i) const {
        const char* p = string_at_ + size_t{4} * i;
        uint32_t first = load<uint32_t>(p);
        return std::string_view(string_bytes_ + first, load<uint32_t>(p + 4) - first);
    }
    uint64_t string_hash(uint32_t i) const { return load<uint64_t>(string_hashes_ + size_t{8} * i); }

    // The fields of a claim record.
    static constexpr size_t kFactAt = 0, kThreadAt = 8, kAuthorAt = 16, kWeightAt = 24, kLinkAt = 32, kLinksAt = 40,
                            kLabelAt = 44, kCertaintyAt = 48, kOutcomeAt = 52, kFirstEndorserAt = 56,
                            kEndorsersAt = 60, kCausesAt = 64, kFlagsAt = 68;
    static constexpr uint32_t kNegatedFlag = 1;
    static_assert(kFlagsAt + 4 == kChunkClaimBytes);

private:
    [[noreturn]] void damaged_claim() const;
    template <class T>
    static T load(const char* p) {
        T v;
        std::memcpy(&v, p, sizeof(T));
        return v;
    }
    const char *groups_ = nullptr, *claims_ = nullptr, *endorsers_ = nullptr, *sets_ = nullptr, *entries_ = nullptr,
               *string_at_ = nullptr, *string_hashes_ = nullptr, *string_bytes_ = nullptr;
    uint32_t n_claims_ = 0, n_groups_ = 0, n_endorsers_ = 0, n_sets_ = 0, n_entries_ = 0, n_strings_ = 0;
    std::string_view where_;
};

}  // namespace fkb::kb
