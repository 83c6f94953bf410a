// Reddit comment and self-text bodies as text with quote spans.
//
// Bodies are Reddit markdown with &, < and > escaped as HTML entities (the
// API and the Pushshift dumps both do this). The text keeps the markdown
// (emphasis markers, links) except for quotes: lines starting with ">"
// (after up to three spaces) lose their markers and each run of them
// becomes one quote span. Entities are decoded.
#pragma once

#include "se_html_text.hpp"  // RenderedText

#include <string>
#include <string_view>

namespace fkb::dumps {

/// The body as text: entities decoded, quote markers removed, quote spans.
RenderedText reddit_markdown_text(std::string_view body);
/// The same into `out` (replaced, its buffers reused), with `scratch` for
/// the decoded body: no allocation once the buffers are large enough.
void reddit_markdown_text(std::string_view body, RenderedText& out, std::string& scratch);

/// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric entities;
/// anything else stays as written.
std::string decode_entities(std::string_view s);
/// The same into `out` (replaced).
void decode_entities(std::string_view s, std::string& out);

}  // namespace fkb::dumps
