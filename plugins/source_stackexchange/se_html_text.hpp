// HtmlText: a Stack Exchange post body (HTML) as plain text with quote spans.
//
// Bodies in Posts.xml are HTML fragments. They are parsed with libxml2's
// HTML parser in SAX mode (entities, unclosed <p>/<li>, bad nesting are its
// business; no tree is built) and its element and text events are rendered
// as the text a reader would see: paragraphs, headings
// and blocks separated by a blank line, list items on their own line with
// "- " or "N. ", <br> as a line break, <pre> kept verbatim, inline markup
// reduced to its text, scripts and images dropped, runs of white space
// collapsed. Each <blockquote> becomes a quote span over its text. One
// converter reuses one parser context, so make one per thread of use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::dumps {

/// The rendered text and the [start, end) byte spans of its block quotes.
struct RenderedText {
    std::string text;
    std::vector<std::pair<uint64_t, uint64_t>> quotes;
};

class HtmlText {
public:
    HtmlText();
    ~HtmlText();
    HtmlText(const HtmlText&) = delete;
    HtmlText& operator=(const HtmlText&) = delete;

    /// Renders an HTML fragment (UTF-8). Never fails: what the parser cannot
    /// make sense of is dropped, as a browser would.
    RenderedText render(std::string_view html);
    /// The same into `out` (replaced; its buffers are reused).
    void render(std::string_view html, RenderedText& out);

private:
    void* ctxt_;  // htmlParserCtxtPtr, kept opaque to spare includers libxml2
};

}  // namespace fkb::dumps
