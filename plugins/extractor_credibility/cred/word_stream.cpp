// Canonical words over the host's tokens; see word_stream.hpp.
#include "cred/word_stream.hpp"

#include "cred/lexicon.hpp"

#include <cctype>

namespace fkb::cred {

std::string fold_word(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        // U+2018 / U+2019 (E2 80 98 / 99) -> ', U+201C / U+201D -> "
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            unsigned char d = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x98 || d == 0x99) {
                out.push_back('\'');
                i += 2;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {
                out.push_back('"');
                i += 2;
                continue;
            }
        }
        out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    }
    return out;
}

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

const uint64_t kPlus = word_hash("+"), kSlash = word_hash("/"), kOne = word_hash("1"), kS = word_hash("s");

}  // namespace

WordStream WordStream::build(std::string_view text, const fkb_post_analysis& a, const Lexicon& lexicon) {
    WordStream ws;
    ws.rebuild(text, a, lexicon);
    return ws;
}

void WordStream::rebuild(std::string_view text, const fkb_post_analysis& a, const Lexicon& lexicon) {
    words.clear();
    own_.clear();
    words.reserve(a.n_tokens + 8);
    sentences.assign(a.n_sentences, {0, 0});
    blooms.assign(a.n_sentences, WordBloom{});
    // The host's norms and lemmas are case-folded with curly apostrophes
    // folded (fkb_token); a token without a norm is folded here, into the
    // stream's own store.
    bool apostrophe = false;  // of the last token text read
    auto raw = [&](std::string_view s, uint64_t& h) -> std::string_view {
        bool fold = false;
        h = word_hash_checked(s, fold, apostrophe);
        if (!fold) return s;
        own_.push_back(fold_word(s));
        h = word_hash(own_.back());
        return own_.back();
    };
    auto push = [&](std::string_view w, uint64_t h, const fkb_token& t, uint32_t end) -> Word& {
        Word& x = words.emplace_back();
        x.text = w;
        x.h = x.lh = h;
        x.start = t.start;
        x.end = end;
        x.sentence = t.sentence;
        return x;
    };
    // The classes of a word and its place in the sentence's filter.
    auto classify = [&](Word& x) {
        if (x.sentence < blooms.size()) blooms[x.sentence].add(x.h);
        if (x.punct) return;
        if (const Lexicon::WordInfo* info = lexicon.info(x.h)) x.classes |= info->classes;
        if (x.lh != x.h) {
            if (x.sentence < blooms.size()) blooms[x.sentence].add(x.lh);
            if (const Lexicon::WordInfo* info = lexicon.info(x.lh)) x.classes |= info->classes;
        }
    };
    static const uint64_t kNot = word_hash("not");
    for (size_t i = 0; i < a.n_tokens; ++i) {
        const fkb_token& t = a.tokens[i];
        uint64_t h = 0;
        std::string_view norm = sv(t.norm);
        if (!norm.empty()) h = word_hash_apostrophe(norm, apostrophe);
        else if (t.end <= text.size()) norm = raw(text.substr(t.start, t.end - t.start), h);
        else h = word_hash(norm);
        // "+1" and "/s" arrive as two tokens.
        if ((h == kPlus || h == kSlash) && i + 1 < a.n_tokens && a.tokens[i + 1].start == t.end &&
            a.tokens[i + 1].sentence == t.sentence) {
            const uint64_t next = word_hash(sv(a.tokens[i + 1].norm));
            if ((h == kPlus && next == kOne) || (h == kSlash && next == kS)) {
                const std::string_view joined = h == kPlus ? "+1" : "/s";
                classify(push(joined, word_hash(joined), t, a.tokens[i + 1].end));
                ++i;
                continue;
            }
        }
        if (t.flags & FKB_TOKEN_PUNCT) {
            Word& x = push(norm, h, t, t.end);
            x.punct = true;
            classify(x);
            continue;
        }
        const Lexicon::WordInfo* info = lexicon.info(h);
        if (info && info->expansion) {
            const Expansion& e = *info->expansion;
            for (size_t k = 0; k < e.words.size(); ++k) classify(push(e.words[k], e.hashes[k], t, t.end));
            continue;
        }
        // "we'll", "she'd": a word and a contracted suffix the table knows ("'ll" -> will).
        if (const size_t q = apostrophe ? norm.rfind('\'') : std::string_view::npos;
            q != std::string_view::npos && q > 0 && q + 1 < norm.size() && norm.substr(q) != "n't") {
            const Lexicon::WordInfo* suffix = lexicon.info(word_hash(norm.substr(q)));
            if (suffix && suffix->expansion) {
                const std::string_view stem = norm.substr(0, q);
                classify(push(stem, word_hash(stem), t, t.end));
                for (size_t k = 0; k < suffix->expansion->words.size(); ++k)
                    classify(push(suffix->expansion->words[k], suffix->expansion->hashes[k], t, t.end));
                continue;
            }
        }
        if (norm.size() > 3 && norm.substr(norm.size() - 3) == "n't") {
            // "wouldn't" -> would not; irregular forms ("can't", "won't") are in the table.
            const std::string_view stem = norm.substr(0, norm.size() - 3);
            classify(push(stem, word_hash(stem), t, t.end));
            classify(push("not", kNot, t, t.end));
            continue;
        }
        Word& x = push(norm, h, t, t.end);
        x.number = (t.flags & FKB_TOKEN_NUMBER) != 0;
        if (info) x.classes = info->classes;
        const std::string_view lemma = sv(t.lemma);
        if (!lemma.empty() && !(lemma.data() == norm.data() && lemma.size() == norm.size()) && lemma != norm) {
            x.lh = word_hash(lemma);
            if (const Lexicon::WordInfo* li = lexicon.info(x.lh)) x.classes |= li->classes;
            if (x.sentence < blooms.size()) blooms[x.sentence].add(x.lh);
        }
        if (x.sentence < blooms.size()) blooms[x.sentence].add(h);
    }
    size_t w = 0;
    for (size_t s = 0; s < a.n_sentences; ++s) {
        while (w < words.size() && words[w].sentence < s) ++w;
        size_t first = w;
        while (w < words.size() && words[w].sentence == s) ++w;
        sentences[s] = {first, w};
    }
}

}  // namespace fkb::cred
