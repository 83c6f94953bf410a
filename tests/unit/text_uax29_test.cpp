// The ASCII fast paths must give exactly what ICU gives on ASCII text: the
// UAX #29 sentence boundaries are compared on random strings over the
// characters the rules care about, and on forum-like lines.
#include <forumkb/text/sentence_splitter.hpp>

#include <gtest/gtest.h>

#include <random>
#include <tuple>

namespace {

using fkb::text::SentenceSplitter;

std::vector<uint32_t> breaks(std::string_view s, bool icu) {
    std::vector<uint32_t> b;
    SentenceSplitter::uax29_breaks(s, icu, b);
    return b;
}

TEST(TextUax29, AsciiSentenceBreaksEqualIcuOnRandomStrings) {
    const std::string alphabet = "aZ1.!? ,;:-\"'()[]\n\r\t#x";
    std::mt19937 rng(42);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        size_t len = 1 + rng() % 14;
        for (size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
        ASSERT_EQ(breaks(s, false), breaks(s, true)) << "text: [" << s << "]";
    }
}

TEST(TextUax29, MappedSentenceBreaksEqualIcuOnRandomNonAsciiStrings) {
    // Lines with non-ASCII characters go through the ASCII rules with a
    // stand-in character per Sentence_Break class; ICU must agree on every
    // class, on Extend and Format characters in any place, and on the
    // classes that make the splitter fall back to ICU (OLetter, Sep).
    const std::vector<std::string> alphabet = {
        "a", "Z", "1", ".", "!", "?", " ", ",", "-", "\"", "'", "(", ")", "\n", "\r", "\t", "#",
        "\u00E9",      // Lower
        "\u00C9",      // Upper
        "\u0660",      // Numeric
        "\u2024",      // ATerm
        "\u3002",      // STerm
        "\u00BF",      // STerm? (inverted question mark)
        "\u201D",      // Close
        "\u2019",      // Close
        "\u2014",      // SContinue
        "\u00A0",      // Sp
        "\u200D",      // Extend (zero-width joiner)
        "\uFE0F",      // Extend (variation selector)
        "\u0301",      // Extend (combining acute)
        "\u00AD",      // Format (soft hyphen)
        "\U0001F605",  // Other (emoji)
        "\U0001F3FD",  // emoji modifier
        "\u05D0",      // OLetter
        "\u2028",      // Sep
        "\uFFFD",
    };
    std::mt19937 rng(2024);
    for (int round = 0; round < 30000; ++round) {
        std::string s;
        size_t len = 1 + rng() % 14;
        for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
        ASSERT_EQ(breaks(s, false), breaks(s, true)) << "text: [" << s << "]";
    }
}

TEST(TextUax29, AsciiSentenceBreaksEqualIcuOnForumLines) {
    const char* lines[] = {
        "I ran 2.5 miles. Then it hurt.",
        "Dr. Smith said so... but i'm not sure!! Any ideas?",
        "SO SORE.WHAT DO I DO?  (help) \"please\".\n\nNext para",
        "e.g. planks, vs. crunches; ok: fine - end.\r\nnew line",
        "Hey,\nI suffered (with this).Then I stopped?! ok",
        "Caf\u00E9 runs. Na\u00EFve me \U0001F3C3\u200D\u2640\uFE0F \u2014 ok. \u201CSure.\u201D Then",
        "So sore \U0001F62D I can barely walk. \u00C9tude done\u2026 next",
        "\uFE0Fstarts with a selector. Then more",
    };
    for (const char* l : lines) EXPECT_EQ(breaks(l, false), breaks(l, true)) << l;
}

}  // namespace

#include <forumkb/text/tokenizer.hpp>

namespace {

std::vector<std::pair<uint32_t, uint32_t>> tokens(std::string_view s, bool icu) {
    std::vector<fkb::text::RawToken> t;
    fkb::text::Tokenizer::tokenize(s, 0, static_cast<uint32_t>(s.size()), t,
                                   icu ? fkb::text::Tokenizer::Path::icu : fkb::text::Tokenizer::Path::detect);
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (const auto& x : t) out.emplace_back(x.start, x.end);
    return out;
}

TEST(TextUax29, AsciiWordBreaksEqualIcuOnRandomStrings) {
    const std::string alphabet = "aZ19.,;:'\"_- \t\n\r!x";
    std::mt19937 rng(7);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        size_t len = 1 + rng() % 14;
        for (size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
        ASSERT_EQ(tokens(s, false), tokens(s, true)) << "text: [" << s << "]";
    }
}

std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> tokens_with_flags(std::string_view s, fkb::text::Tokenizer::Path path) {
    std::vector<fkb::text::RawToken> t;
    fkb::text::Tokenizer::tokenize(s, 0, static_cast<uint32_t>(s.size()), t, path);
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> out;
    for (const auto& x : t) out.emplace_back(x.start, x.end, x.flags);
    return out;
}

TEST(TextUax29, MappedWordBreaksEqualIcuOnRandomNonAsciiStrings) {
    // Text with non-ASCII characters goes through the ASCII rules with a
    // stand-in character per Word_Break class; ICU must agree on every
    // class, on Extend, Format and ZWJ characters in any place (after
    // letters, symbols, spaces, line breaks, at the start), on emoji ZWJ
    // sequences, and on what makes the tokenizer fall back to ICU
    // (MidLetter, Regional_Indicator, Hebrew, Katakana, dictionary scripts).
    using Path = fkb::text::Tokenizer::Path;
    const std::vector<std::string> alphabet = {
        "a", "Z", "1", ".", ",", ";", ":", "'", "\"", "_", "-", " ", "\t", "\n", "\r", "!", "#",
        "\u00E9",      // ALetter (lower)
        "\u00C9",      // ALetter (upper)
        "\u0394",      // Greek ALetter
        "\u0660",      // Numeric (Arabic-Indic digit)
        "\u00B2",      // superscript two (Other)
        "\u2024",      // one dot leader: MidNumLet
        "\uFE50",      // small comma: MidNum
        "\u00B7",      // middle dot: MidLetter
        "\u203F",      // undertie: ExtendNumLet
        "\u00A0",      // no-break space (Other, white space)
        "\u2003",      // em space: WSegSpace
        "\u3000",      // ideographic space: WSegSpace
        "\u2028",      // line separator: Newline
        "\u0085",      // next line: Newline
        "\u0301",      // combining acute: Extend
        "\uFE0F",      // variation selector: Extend
        "\U0001F3FD",  // skin tone modifier: Extend
        "\u00AD",      // soft hyphen: Format
        "\u200B",      // zero-width space
        "\uFEFF",      // byte order mark: Format
        "\u200D",      // ZWJ
        "\U0001F605",  // emoji
        "\U0001F3C3",  // emoji (runner)
        "\u2640",      // female sign (pictographic)
        "\u00A9",      // copyright sign (pictographic)
        "\u2022",      // bullet
        "\u201C",      // curly quote
        "\U0001F1FA",  // regional indicator
        "\u05D0",      // Hebrew letter
        "\u30A2",      // Katakana
        "\u3042",      // Hiragana
        "\u4E2D",      // Han
        "\uAC00",      // Hangul syllable
        "\u0E01",      // Thai
        "\uFFFD",
        "\xC3",        // a stray lead byte
    };
    std::mt19937 rng(99);
    for (int round = 0; round < 40000; ++round) {
        std::string s;
        size_t len = 1 + rng() % 12;
        for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
        ASSERT_EQ(tokens_with_flags(s, Path::detect), tokens_with_flags(s, Path::icu)) << "text: [" << s << "]";
    }
}

TEST(TextUax29, KnownBoundaries) {
    EXPECT_EQ(breaks("I ran. Then it hurt.", false), (std::vector<uint32_t>{7, 20}));
    EXPECT_EQ(tokens("don't 2.5 mid-foot", false),
              (std::vector<std::pair<uint32_t, uint32_t>>{{0, 5}, {6, 9}, {10, 13}, {13, 14}, {14, 18}}));
}

}  // namespace
