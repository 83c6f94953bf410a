// Rendering of libxml2's HTML SAX events as text (see se_html_text.hpp).
//
// libxml2's HTML parser does all the HTML work (implied and auto-closed
// elements, entities, raw text of <script>/<style>); it calls back at each
// element start and end and with each run of text, and those calls are
// balanced, so a stack of open elements is all the renderer keeps. The
// renderer keeps "pending" separators rather than writing them at once, so
// the text never starts or ends with white space and two blocks in a row
// give one blank line, not three. Text goes out in runs of words (a single
// space between two words is copied with them), not a word at a time.
#include "se_html_text.hpp"

#include <libxml/HTMLparser.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <exception>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fkb::dumps {
namespace {

enum class Kind { Inline, Block, List, Item, Break, Pre, Quote, Drop, Cell };

/// What an element does to the text, by its (lower-case) name.
Kind kind_of(const char* n) {
    size_t len = std::strlen(n);
    auto is = [&](const char* s, size_t l) { return len == l && std::memcmp(n, s, l) == 0; };
    switch (n[0]) {
    case 'b':
        if (is("br", 2)) return Kind::Break;
        if (is("blockquote", 10)) return Kind::Quote;
        break;
    case 'd':
        if (is("div", 3) || is("dl", 2) || is("dd", 2) || is("dt", 2)) return Kind::Block;
        break;
    case 'h':
        if (len == 2 && n[1] >= '1' && n[1] <= '6') return Kind::Block;
        if (is("hr", 2)) return Kind::Block;
        if (is("head", 4)) return Kind::Drop;
        break;
    case 'i':
        if (is("img", 3) || is("iframe", 6)) return Kind::Drop;
        break;
    case 'l':
        if (is("li", 2)) return Kind::Item;
        break;
    case 'o':
        if (is("ol", 2)) return Kind::List;
        break;
    case 'p':
        if (len == 1) return Kind::Block;
        if (is("pre", 3)) return Kind::Pre;
        break;
    case 's':
        if (is("script", 6) || is("style", 5)) return Kind::Drop;
        break;
    case 't':
        if (is("table", 5) || is("tr", 2)) return Kind::Block;
        if (is("td", 2) || is("th", 2)) return Kind::Cell;
        break;
    case 'u':
        if (is("ul", 2)) return Kind::List;
        break;
    default: break;
    }
    return Kind::Inline;
}

/// Bytes that may start white space: ' ', \t, \n, \f, \r, and 0xC2 (of U+00A0).
constexpr std::array<bool, 256> make_space_starts() {
    std::array<bool, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\f', '\r'}) t[c] = true;
    t[0xC2] = true;
    return t;
}
constexpr std::array<bool, 256> kSpaceStart = make_space_starts();

/// Length of the white space character at p (0 if there is none):
/// ASCII blanks and the no-break space, which collapse like a blank.
size_t space_at(const char* p, const char* end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (!kSpaceStart[c]) return 0;
    if (c != 0xC2) return 1;
    return p + 1 < end && static_cast<unsigned char>(p[1]) == 0xA0 ? 2 : 0;
}

#if defined(__SSE2__)
/// Bit i set when the byte at p + i may end a run of words: white space
/// other than ' ' (or a 0xC2 lead byte), or a ' ' before another byte that
/// may start white space. Reads p[0..16].
inline unsigned run_stops(const char* p) {
    auto starts_space = [](__m128i v) {
        __m128i m = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
        // \t \n \v \f \r are 9..13; \v is no white space here, so it is a false
        // stop, which only sends that byte to the exact scalar check.
        __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(_mm_sub_epi8(v, _mm_set1_epi8(9)), _mm_set1_epi8(4)),
                                     _mm_sub_epi8(v, _mm_set1_epi8(9)));
        return _mm_or_si128(m, ctl);
    };
    __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    __m128i blank = _mm_cmpeq_epi8(here, _mm_set1_epi8(' '));
    __m128i other = _mm_andnot_si128(blank, starts_space(here));
    __m128i stops = _mm_or_si128(other, _mm_and_si128(blank, starts_space(next)));
    return static_cast<unsigned>(_mm_movemask_epi8(stops));
}
#endif

class Renderer {
public:
    explicit Renderer(RenderedText& out) : out_(out) {}

    void start(const char* name) {
        if (drop_) {
            ++drop_;
            return;
        }
        Kind k = kind_of(name);
        switch (k) {
        case Kind::Drop: drop_ = 1; return;
        case Kind::Inline: break;
        case Kind::Break:
            flush_break();
            if (!out_.text.empty()) out_.text.push_back('\n');
            space_ = false;
            break;
        case Kind::Cell: space_ = true; break;
        case Kind::List:
            lists_.push_back(name[0] == 'o' ? 1 : 0);
            want(lists_.size() > 1 ? 1 : 2);
            break;
        case Kind::Block: want(lists_.empty() ? 2 : 1); break;
        case Kind::Item: {
            want(1);
            std::string prefix(lists_.size() > 1 ? 2 * (lists_.size() - 1) : 0, ' ');
            if (!lists_.empty() && lists_.back() > 0) prefix += std::to_string(lists_.back()++) + ". ";
            else prefix += "- ";
            put(prefix);
            space_ = false;
            break;
        }
        case Kind::Pre:
            want(2);
            ++pre_;
            break;
        case Kind::Quote:
            want(2);
            open_quotes_.push_back(SIZE_MAX);
            break;
        }
        open_.push_back(k);
    }

    void end() {
        if (drop_) {
            --drop_;
            return;
        }
        if (open_.empty()) return;  // the parser balances its calls; be safe anyway
        Kind k = open_.back();
        open_.pop_back();
        switch (k) {
        case Kind::Drop:
        case Kind::Inline:
        case Kind::Break: break;
        case Kind::Cell: space_ = true; break;
        case Kind::List:
            want(lists_.size() > 1 ? 1 : 2);
            lists_.pop_back();
            break;
        case Kind::Block: want(lists_.empty() ? 2 : 1); break;
        case Kind::Item: want(1); break;
        case Kind::Pre:
            --pre_;
            trim_pre_newlines();
            want(2);
            break;
        case Kind::Quote: {
            size_t start = open_quotes_.back();
            open_quotes_.pop_back();
            if (start != SIZE_MAX && out_.text.size() > start) out_.quotes.emplace_back(start, out_.text.size());
            want(2);
            break;
        }
        }
    }

    void text(const char* s, size_t n) {
        // Text outside every element (white space around the document) is
        // no content; neither is the text of dropped elements.
        if (drop_ || open_.empty() || n == 0) return;
        if (pre_) {
            put(std::string_view(s, n));
            return;
        }
        const char* end = s + n;
        for (const char* p = s; p < end;) {
            if (size_t w = space_at(p, end)) {
                space_ = true;
                p += w;
                continue;
            }
            // A run of words up to white space other than one ' ' between two words.
            const char* q = p;
            for (;;) {
#if defined(__SSE2__)
                // 16 bytes at a time past the bytes the exact loop below
                // would step over (words and single spaces between them).
                while (q + 17 <= end) {
                    unsigned stops = run_stops(q);
                    if (stops) {
                        q += __builtin_ctz(stops);
                        break;
                    }
                    q += 16;
                }
#endif
                while (q < end && !kSpaceStart[static_cast<unsigned char>(*q)]) ++q;
                if (q == end) break;
                if (*q == ' ' && q + 1 < end && !space_at(q + 1, end)) {
                    q += 2;
                    continue;
                }
                if (space_at(q, end)) break;
                ++q;  // a 0xC2 that starts another character
            }
            if (space_ && break_ == 0 && !out_.text.empty() && out_.text.back() != ' ' && out_.text.back() != '\n')
                put(" ");
            put(std::string_view(p, static_cast<size_t>(q - p)));
            p = q;
        }
    }

private:
    void want(int level) {
        if (level > break_) break_ = level;
        space_ = false;
    }
    void flush_break() {
        if (break_ && !out_.text.empty()) out_.text.append(break_ == 2 ? "\n\n" : "\n");
        break_ = 0;
    }
    /// Drops the newlines that end a <pre>. A quote inside it may already
    /// cover them (a <blockquote> in a <pre> closed after a newline), so
    /// spans are cut back to the shorter text; one left empty is no quote,
    /// and an open quote that has only seen trimmed text starts again with
    /// the next text put.
    void trim_pre_newlines() {
        size_t size = out_.text.size();
        while (size > 0 && out_.text[size - 1] == '\n') --size;
        if (size == out_.text.size()) return;
        out_.text.resize(size);
        // Quotes end where the text was as they closed, and the text only
        // shrinks here, so ends never decrease: the spans to cut are a suffix.
        auto& quotes = out_.quotes;
        size_t keep = quotes.size();
        while (keep > 0 && quotes[keep - 1].second > size) --keep;
        size_t w = keep;
        for (size_t r = keep; r < quotes.size(); ++r)
            if (quotes[r].first < size) quotes[w++] = {quotes[r].first, size};
        quotes.resize(w);
        for (size_t& q : open_quotes_)
            if (q != SIZE_MAX && q >= size) q = SIZE_MAX;
    }
    void put(std::string_view s) {
        flush_break();
        space_ = false;
        for (size_t& q : open_quotes_)
            if (q == SIZE_MAX) q = out_.text.size();
        out_.text.append(s);
    }

    RenderedText& out_;
    int break_ = 0;  // pending separator: 0 none, 1 newline, 2 blank line
    bool space_ = false;
    int pre_ = 0;
    int drop_ = 0;            // depth inside a dropped element
    std::vector<Kind> open_;  // open elements, innermost last
    std::vector<int> lists_;  // 0 = bulleted, else the next item number
    std::vector<size_t> open_quotes_;
};

/// What the SAX callbacks reach through the parser context's _private
/// pointer (they get the context itself as their userData).
struct Session {
    Renderer renderer;
    std::exception_ptr thrown;  // an exception never crosses libxml2's C frames
};

template <class Fn>
void guarded(void* ctx, Fn&& fn) {
    auto* c = static_cast<htmlParserCtxtPtr>(ctx);
    auto* s = static_cast<Session*>(c->_private);
    if (s->thrown) return;
    try {
        fn(s->renderer);
    } catch (...) {
        s->thrown = std::current_exception();
        xmlStopParser(c);
    }
}

void on_start(void* ctx, const xmlChar* name, const xmlChar**) {
    guarded(ctx, [&](Renderer& r) { r.start(reinterpret_cast<const char*>(name)); });
}
void on_end(void* ctx, const xmlChar*) {
    guarded(ctx, [](Renderer& r) { r.end(); });
}
void on_text(void* ctx, const xmlChar* s, int len) {
    guarded(ctx, [&](Renderer& r) { r.text(reinterpret_cast<const char*>(s), static_cast<size_t>(len)); });
}

}  // namespace

HtmlText::HtmlText() : ctxt_(htmlNewParserCtxt()) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(ctxt_);
    if (!ctxt || !ctxt->sax) throw std::bad_alloc();
    // Only the events the renderer needs; no tree is built. The context
    // owns its handler, so changing it affects this parser alone.
    std::memset(ctxt->sax, 0, sizeof(*ctxt->sax));
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    ctxt->sax->characters = on_text;
    ctxt->sax->cdataBlock = on_text;  // raw text of <script>/<style>: inside a dropped element
    ctxt->userData = ctxt;
}

HtmlText::~HtmlText() { htmlFreeParserCtxt(static_cast<htmlParserCtxtPtr>(ctxt_)); }

RenderedText HtmlText::render(std::string_view html) {
    RenderedText out;
    render(html, out);
    return out;
}

void HtmlText::render(std::string_view html, RenderedText& out) {
    out.text.clear();
    out.quotes.clear();
    if (html.empty()) return;
    auto* ctxt = static_cast<htmlParserCtxtPtr>(ctxt_);
    Session session{Renderer(out), nullptr};
    ctxt->_private = &session;
    // Resets the context, parses, and hands out no document: SAX mode. The
    // encoding is named although libxml2's XML parser has already made the
    // body UTF-8: without it the HTML parser reads the bytes as Latin-1.
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            HTML_PARSE_COMPACT);
    if (doc) xmlFreeDoc(doc);
    ctxt->_private = nullptr;
    if (session.thrown) std::rethrow_exception(session.thrown);
}

}  // namespace fkb::dumps
