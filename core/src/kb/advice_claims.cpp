// Encoding and decoding the packed advice claims (format in advice_claims.hpp).
#include "kb/advice_claims.hpp"

#include <forumkb/kb/kb_writer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <tuple>

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

std::pair<int64_t, double> AdviceClaimView::endorser(uint32_t i) const {
    const char* p = endorsers + static_cast<size_t>(i) * 16;
    return {load<int64_t>(p), load<double>(p + 8)};
}

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

std::string encode_chunk(std::vector<EncodedClaim> claims) {
    std::sort(claims.begin(), claims.end(), [](const EncodedClaim& a, const EncodedClaim& b) {
        return std::tie(a.concept_id, a.fact) < std::tie(b.concept_id, b.fact);
    });
    std::string out;
    for (size_t i = 0; i < claims.size();) {
        size_t j = i;
        while (j < claims.size() && claims[j].concept_id == claims[i].concept_id) ++j;
        put_str(out, claims[i].concept_id);
        put<uint32_t>(out, static_cast<uint32_t>(j - i));
        for (size_t k = i; k < j; ++k) out += claims[k].bytes;
        i = j;
    }
    return out;
}

void decode_chunk(std::string_view chunk, std::vector<AdviceClaimView>& out, std::string_view where) {
    Reader r(chunk, where);
    while (!r.done()) {
        std::string_view concept_id = r.str();
        auto n = r.get<uint32_t>();
        for (uint32_t i = 0; i < n; ++i) {
            AdviceClaimView v;
            const char* start = r.at();
            v.concept_id = concept_id;
            v.fact = r.get<int64_t>();
            v.thread = r.get<int64_t>();
            v.author = r.get<int64_t>();
            v.weight = r.get<double>();
            v.link = r.get<double>();
            v.links = r.get<uint32_t>();
            v.negated = r.get<uint8_t>() != 0;
            v.certainty = r.opt();
            v.outcome = r.opt();
            v.label = r.str();
            v.n_endorsers = r.get<uint32_t>();
            v.endorsers = r.at();
            r.skip(static_cast<size_t>(v.n_endorsers) * 16);
            v.n_causes = r.get<uint32_t>();
            v.causes = r.at();
            for (uint32_t k = 0; k < v.n_causes; ++k) r.str();
            v.bytes = std::string_view(start, static_cast<size_t>(r.at() - start));
            out.push_back(v);
        }
    }
}

}  // namespace fkb::kb
