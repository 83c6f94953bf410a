// Rendering of libxml2's HTML tree as text (see se_html_text.hpp). The
// renderer keeps "pending" separators rather than writing them at once, so
// the text never starts or ends with white space and two blocks in a row
// give one blank line, not three.
#include "se_html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>

namespace fkb::dumps {
namespace {

enum class Kind { Inline, Block, Item, Break, Pre, Quote, Drop, Cell };

Kind kind_of(const char* n) {
    auto is = [n](const char* s) { return std::strcmp(n, s) == 0; };
    if (is("p") || is("div") || is("ul") || is("ol") || is("hr") || is("table") || is("tr") || is("dl") ||
        is("dd") || is("dt"))
        return Kind::Block;
    if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && !n[2]) return Kind::Block;
    if (is("li")) return Kind::Item;
    if (is("br")) return Kind::Break;
    if (is("pre")) return Kind::Pre;
    if (is("blockquote")) return Kind::Quote;
    if (is("td") || is("th")) return Kind::Cell;
    if (is("script") || is("style") || is("head") || is("img") || is("iframe")) return Kind::Drop;
    return Kind::Inline;
}

class Renderer {
public:
    RenderedText out;

    void node(xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                text(reinterpret_cast<const char*>(n->content));
            } else if (n->type == XML_ELEMENT_NODE) {
                element(n);
            }
        }
    }

private:
    void element(xmlNode* n) {
        const char* name = reinterpret_cast<const char*>(n->name);
        switch (kind_of(name)) {
        case Kind::Drop: return;
        case Kind::Inline: node(n->children); return;
        case Kind::Break:
            flush_break();
            if (!out.text.empty()) out.text.push_back('\n');
            space_ = false;
            return;
        case Kind::Cell: space_ = true; node(n->children); space_ = true; return;
        case Kind::Block: {
            bool list = !std::strcmp(name, "ul") || !std::strcmp(name, "ol");
            if (list) lists_.push_back(!std::strcmp(name, "ol") ? 1 : 0);
            want(lists_.size() > (list ? 1u : 0u) ? 1 : 2);
            node(n->children);
            want(lists_.size() > (list ? 1u : 0u) ? 1 : 2);
            if (list) lists_.pop_back();
            return;
        }
        case Kind::Item: {
            want(1);
            std::string prefix(lists_.size() > 1 ? 2 * (lists_.size() - 1) : 0, ' ');
            if (!lists_.empty() && lists_.back() > 0) prefix += std::to_string(lists_.back()++) + ". ";
            else prefix += "- ";
            put(prefix);
            space_ = false;
            node(n->children);
            want(1);
            return;
        }
        case Kind::Pre:
            want(2);
            ++pre_;
            node(n->children);
            --pre_;
            while (!out.text.empty() && out.text.back() == '\n') out.text.pop_back();
            want(2);
            return;
        case Kind::Quote: {
            want(2);
            size_t slot = open_quotes_.size();
            open_quotes_.push_back(SIZE_MAX);
            node(n->children);
            size_t start = open_quotes_[slot];
            open_quotes_.pop_back();
            if (start != SIZE_MAX && out.text.size() > start) out.quotes.emplace_back(start, out.text.size());
            want(2);
            return;
        }
        }
    }

    void text(const char* s) {
        if (pre_) {
            if (*s) put(s);
            return;
        }
        for (const char* p = s; *p;) {
            unsigned char c = static_cast<unsigned char>(*p);
            bool nbsp = c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0;
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || nbsp) {
                space_ = true;
                p += nbsp ? 2 : 1;
                continue;
            }
            const char* q = p;
            while (*q) {
                unsigned char d = static_cast<unsigned char>(*q);
                if (d == ' ' || d == '\n' || d == '\t' || d == '\r' || d == '\f' ||
                    (d == 0xC2 && static_cast<unsigned char>(q[1]) == 0xA0))
                    break;
                ++q;
            }
            if (space_ && break_ == 0 && !out.text.empty() && out.text.back() != ' ' && out.text.back() != '\n')
                put(" ");
            put(std::string_view(p, static_cast<size_t>(q - p)));
            p = q;
        }
    }

    void want(int level) {
        if (level > break_) break_ = level;
        space_ = false;
    }
    void flush_break() {
        if (break_ && !out.text.empty()) out.text.append(break_ == 2 ? "\n\n" : "\n");
        break_ = 0;
    }
    void put(std::string_view s) {
        flush_break();
        space_ = false;
        for (size_t& q : open_quotes_)
            if (q == SIZE_MAX) q = out.text.size();
        out.text.append(s);
    }

    int break_ = 0;  // pending separator: 0 none, 1 newline, 2 blank line
    bool space_ = false;
    int pre_ = 0;
    std::vector<int> lists_;  // 0 = bulleted, else the next item number
    std::vector<size_t> open_quotes_;
};

}  // namespace

HtmlText::HtmlText() : ctxt_(htmlNewParserCtxt()) {}

HtmlText::~HtmlText() { htmlFreeParserCtxt(static_cast<htmlParserCtxtPtr>(ctxt_)); }

RenderedText HtmlText::render(std::string_view html) {
    Renderer r;
    if (html.empty()) return std::move(r.out);
    auto* ctxt = static_cast<htmlParserCtxtPtr>(ctxt_);
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            HTML_PARSE_COMPACT);
    if (!doc) return std::move(r.out);
    r.node(doc->children);
    xmlFreeDoc(doc);
    return std::move(r.out);
}

}  // namespace fkb::dumps
