// Varint / length-prefixed encoding of sdk::Post and ThreadHeader (see
// post_codec.hpp). Every optional member is preceded by a presence byte so
// that "absent" and "empty" stay distinct after the round trip.
#include "post_codec.hpp"

#include <algorithm>
#include <cstdint>

namespace fkb::dumps {
namespace {

void put_varint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void put_int(std::string& out, int64_t v) {  // zig-zag
    put_varint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}
void put_str(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}
void put_opt(std::string& out, const std::optional<std::string>& s) {
    out.push_back(s ? 1 : 0);
    if (s) put_str(out, *s);
}
void put_opt(std::string& out, const std::optional<int64_t>& v) {
    out.push_back(v ? 1 : 0);
    if (v) put_int(out, *v);
}

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t c = byte();
            v |= static_cast<uint64_t>(c & 0x7f) << shift;
            if (!(c & 0x80)) return v;
        }
        throw sdk::Error("spill store: corrupt varint");
    }
    int64_t integer() {
        uint64_t z = varint();
        return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
    std::string_view view() {
        uint64_t n = varint();
        if (n > b_.size() - pos_) throw sdk::Error("spill store: corrupt string length");
        std::string_view s = b_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    std::string str() { return std::string(view()); }
    std::optional<std::string> opt_str() { return byte() ? std::optional<std::string>(str()) : std::nullopt; }
    std::optional<int64_t> opt_int() { return byte() ? std::optional<int64_t>(integer()) : std::nullopt; }
    /// Into a string that may already hold a value: its buffer is reused.
    void str_into(std::string& out) { out.assign(view()); }
    void opt_str_into(std::optional<std::string>& out) {
        if (!byte()) {
            out.reset();
            return;
        }
        if (!out) out.emplace();
        str_into(*out);
    }
    uint8_t byte() {
        if (pos_ >= b_.size()) throw sdk::Error("spill store: truncated record");
        return static_cast<uint8_t>(b_[pos_++]);
    }

private:
    std::string_view b_;
    size_t pos_ = 0;
};

}  // namespace

void encode_post(const sdk::Post& p, std::string& out) {
    put_str(out, p.post_id);
    put_opt(out, p.parent_id);
    put_opt(out, p.author);
    put_opt(out, p.post_count);
    put_opt(out, p.level);
    put_opt(out, p.reputation);
    put_opt(out, p.role);
    put_opt(out, p.flair);
    put_opt(out, p.created);
    put_opt(out, p.created_text);
    put_str(out, p.text);
    put_opt(out, p.likes);
    put_opt(out, p.score);
    out.push_back(p.accepted ? 1 : 0);
    put_varint(out, p.quotes.size());
    for (const auto& q : p.quotes) {
        put_varint(out, q.start);
        put_varint(out, q.end);
        put_str(out, q.post_id);
    }
    put_opt(out, p.signature);
}

sdk::Post decode_post(std::string_view blob) {
    sdk::Post p;
    decode_post(blob, p);
    return p;
}

void decode_post(std::string_view blob, sdk::Post& p) {
    Reader r(blob);
    r.str_into(p.post_id);
    r.opt_str_into(p.parent_id);
    r.opt_str_into(p.author);
    p.post_count = r.opt_int();
    p.level = r.opt_int();
    p.reputation = r.opt_int();
    r.opt_str_into(p.role);
    r.opt_str_into(p.flair);
    r.opt_str_into(p.created);
    r.opt_str_into(p.created_text);
    r.str_into(p.text);
    p.likes = r.opt_int();
    p.score = r.opt_int();
    p.accepted = r.byte() != 0;
    uint64_t n = r.varint();
    p.quotes.resize(static_cast<size_t>(std::min<uint64_t>(n, blob.size())));
    for (auto& q : p.quotes) {
        q.start = r.varint();
        q.end = r.varint();
        r.str_into(q.post_id);
    }
    r.opt_str_into(p.signature);
}

void encode_header(const ThreadHeader& h, std::string& out) {
    put_opt(out, h.url);
    put_opt(out, h.title);
    put_opt(out, h.forum);
    put_opt(out, h.category);
    put_str(out, h.extra);
}

ThreadHeader decode_header(std::string_view blob) {
    Reader r(blob);
    ThreadHeader h;
    h.url = r.opt_str();
    h.title = r.opt_str();
    h.forum = r.opt_str();
    h.category = r.opt_str();
    h.extra = r.str();
    return h;
}

}  // namespace fkb::dumps
