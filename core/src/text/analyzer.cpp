// The text Analyzer: runs the analysis of each post (sentences, tokens,
// context scopes) and, across a thread, finds the spans that repeat earlier
// posts. FIRST CUT: ICU sentence breaks, simple tokens, no scopes, no quotes.
#include <forumkb/text/analyzer.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>

namespace fkb::text {

struct Analyzer::Impl {
    std::unique_ptr<icu::BreakIterator> proto;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
    UErrorCode ec = U_ZERO_ERROR;
    impl_->proto.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), ec));
    if (U_FAILURE(ec)) throw std::runtime_error("forumkb: ICU sentence break iterator unavailable");
}

Analyzer::~Analyzer() = default;

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

PostAnalysis Analyzer::analyze_post(std::string_view text) const {
    PostAnalysis out;
    // UTF-16 index -> UTF-8 byte offset map.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::vector<uint32_t> byte_of(static_cast<size_t>(u.length()) + 1);
    {
        size_t b = 0;
        int32_t i = 0;
        while (i < u.length()) {
            UChar32 c = u.char32At(i);
            int32_t units = U16_LENGTH(c);
            size_t bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            for (int32_t k = 0; k < units; ++k) byte_of[static_cast<size_t>(i + k)] = static_cast<uint32_t>(b);
            i += units;
            b += bytes;
        }
        byte_of[static_cast<size_t>(u.length())] = static_cast<uint32_t>(b);
    }
    std::unique_ptr<icu::BreakIterator> it(impl_->proto->clone());
    it->setText(u);
    int32_t prev = it->first();
    for (int32_t cur = it->next(); cur != icu::BreakIterator::DONE; prev = cur, cur = it->next()) {
        uint32_t s = byte_of[static_cast<size_t>(prev)], e = byte_of[static_cast<size_t>(cur)];
        while (s < e && is_space(static_cast<unsigned char>(text[s]))) ++s;
        while (e > s && is_space(static_cast<unsigned char>(text[e - 1]))) --e;
        if (s < e) out.sentences.push_back(fkb_span{s, e});
    }
    // Simple tokens: runs of alphanumerics (and non-ASCII bytes), single punctuation.
    for (uint32_t si = 0; si < out.sentences.size(); ++si) {
        auto [s, e] = out.sentences[si];
        uint32_t i = s;
        while (i < e) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (is_space(c)) { ++i; continue; }
            uint32_t j = i + 1;
            uint32_t flags = FKB_TOKEN_PUNCT;
            if (std::isalnum(c) || c >= 0x80) {
                while (j < e) {
                    unsigned char d = static_cast<unsigned char>(text[j]);
                    if (std::isalnum(d) || d >= 0x80 || (d == '\'' && j + 1 < e && std::isalpha(static_cast<unsigned char>(text[j + 1])))) ++j;
                    else break;
                }
                flags = FKB_TOKEN_WORD | (std::isdigit(c) ? FKB_TOKEN_NUMBER : 0u);
            }
            std::string norm(text.substr(i, j - i));
            for (char& ch : norm) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            const std::string& n = out.strings.emplace_back(std::move(norm));
            out.tokens.push_back(fkb_token{i, j, fkb_str{n.data(), n.size()}, fkb_str{n.data(), n.size()}, flags, si});
            i = j;
        }
    }
    return out;
}

std::vector<PostAnalysis> Analyzer::analyze_thread(const Thread& thread) const {
    std::vector<PostAnalysis> out;
    out.reserve(thread.posts.size());
    for (const auto& p : thread.posts) out.push_back(analyze_post(p.text));
    return out;
}

}  // namespace fkb::text
