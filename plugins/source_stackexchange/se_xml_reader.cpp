// SAX2 push parsing over sdk::Input (see se_xml_reader.hpp).
//
// Field names are matched by their interned pointer in the parser's
// dictionary, so a row costs no string comparisons; a row's values are
// copied once (libxml2 frees them when the start tag is done) and handed
// out when the row's element has ended. The parser runs without entity substitution
// (XML_PARSE_NOENT would load external entities), so libxml2 hands a
// decoded value over with each '&' it contains written back as "&#38;", and
// a reference to an entity declared in a DOCTYPE as "&name;": the first is
// undone here, the second (never seen in real dumps) goes through libxml2's
// own attribute-value decoding, as its tree builder would. The document
// node and the DOCTYPE handlers of libxml2's SAX2 defaults are kept for that
// purpose only.
#include "se_xml_reader.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>

namespace fkb::dumps {

namespace {
xmlParserCtxtPtr C(void* p) { return static_cast<xmlParserCtxtPtr>(p); }
SeXmlReader& self_of(void* ctx) { return *static_cast<SeXmlReader*>(C(ctx)->_private); }

constexpr size_t kChunk = 256 << 10;   // bytes per push once rows are wanted
constexpr size_t kRootChunk = 512;     // bytes per push while looking for the root
constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_HUGE | XML_PARSE_NOBLANKS | XML_PARSE_BIG_LINES;

uint64_t parser_line(xmlParserCtxtPtr c) {
    return c && c->input ? static_cast<uint64_t>(std::max(0, c->input->line)) : 0;
}
}  // namespace

void SeXmlReader::on_start(void* ctx, const unsigned char* localname, const unsigned char*, const unsigned char*, int,
                           const unsigned char**, int nb_attributes, int, const unsigned char** attributes) {
    SeXmlReader& self = self_of(ctx);
    int depth = self.depth_++;
    if (depth == 0) {
        if (!self.root_) self.root_.emplace(reinterpret_cast<const char*>(localname));
        return;
    }
    if (depth == 1 && localname == self.row_name_) self.row(attributes, nb_attributes);
}

void SeXmlReader::on_end(void* ctx, const unsigned char*, const unsigned char*, const unsigned char*) {
    SeXmlReader& self = self_of(ctx);
    if (--self.depth_ == 1 && self.row_open_) {
        self.row_open_ = false;
        self.deliver();
    }
}

void SeXmlReader::on_error(void* ctx, void* error) {
    auto* e = static_cast<xmlErrorPtr>(error);
    SeXmlReader& self = self_of(ctx);
    if (!e || e->level < XML_ERR_ERROR) return;  // warnings are not worth a reject
    if (self.error_) return;                    // the first error is the one worth reporting
    XmlError out;
    out.line = parser_line(C(ctx));  // where the parser stopped
    out.message = e->message ? e->message : "XML error";
    while (!out.message.empty() && (out.message.back() == '\n' || out.message.back() == ' ')) out.message.pop_back();
    self.error_ = std::move(out);
}

SeXmlReader::SeXmlReader(sdk::Input& input, std::vector<std::string> fields)
    : input_(input), fields_(std::move(fields)) {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);  // SAX2 defaults: document node, DOCTYPE and entity declarations
    sax.startElementNs = &SeXmlReader::on_start;
    sax.endElementNs = &SeXmlReader::on_end;
    sax.startElement = nullptr;
    sax.endElement = nullptr;
    sax.characters = nullptr;
    sax.ignorableWhitespace = nullptr;
    sax.cdataBlock = nullptr;
    sax.comment = nullptr;
    sax.processingInstruction = nullptr;
    sax.reference = nullptr;
    sax.warning = nullptr;
    sax.error = nullptr;
    sax.fatalError = nullptr;
    sax.serror = reinterpret_cast<xmlStructuredErrorFunc>(&SeXmlReader::on_error);

    // The first bytes let libxml2 see the encoding (a BOM, UTF-16), as its
    // own readers do.
    chunk_.resize(kChunk);
    size_t n = 0;
    try {
        while (n < 4) {
            size_t got = input_.read(chunk_.data() + n, 4 - n);
            if (got == 0) break;
            n += got;
        }
    } catch (const std::exception& e) {
        fail(e.what());
        done_ = true;
    }
    std::string url(input.name());
    ctxt_ = xmlCreatePushParserCtxt(&sax, nullptr, chunk_.data(), static_cast<int>(n), url.c_str());
    if (!ctxt_) throw sdk::Error(url + ": cannot start the XML parser");
    C(ctxt_)->_private = this;  // userData stays the context: the SAX2 defaults need it
    xmlCtxtUseOptions(C(ctxt_), kOptions);
    for (const auto& f : fields_)
        interned_.push_back(xmlDictLookup(C(ctxt_)->dict, reinterpret_cast<const xmlChar*>(f.c_str()), -1));
    row_name_ = xmlDictLookup(C(ctxt_)->dict, reinterpret_cast<const xmlChar*>("row"), -1);
    values_.resize(fields_.size());
    scratch_.resize(fields_.size());
    present_.resize(fields_.size());
}

SeXmlReader::~SeXmlReader() {
    if (C(ctxt_)->myDoc) xmlFreeDoc(C(ctxt_)->myDoc);
    xmlFreeParserCtxt(C(ctxt_));
}

void SeXmlReader::fail(std::string message) {
    if (error_) return;
    XmlError e;
    e.line = parser_line(C(ctxt_));
    e.message = std::move(message);
    error_ = std::move(e);
}

bool SeXmlReader::feed(size_t cap) {
    if (done_) return false;
    size_t n = 0;
    try {
        n = input_.read(chunk_.data(), std::min(cap, chunk_.size()));
    } catch (const std::exception& e) {
        fail(e.what());
        done_ = true;
    }
    if (!done_) xmlParseChunk(C(ctxt_), chunk_.data(), static_cast<int>(n), n == 0 ? 1 : 0);
    if (n == 0 || C(ctxt_)->disableSAX || C(ctxt_)->instate == XML_PARSER_EOF) done_ = true;
    if (done_ && !thrown_) {
        if (!C(ctxt_)->wellFormed) fail("malformed XML");
        if (error_) error_->offset = static_cast<int64_t>(xmlByteConsumed(C(ctxt_)));
    }
    return !done_;
}

void SeXmlReader::decode_value(size_t i, const unsigned char* begin, const unsigned char* end) {
    std::string_view v(reinterpret_cast<const char*>(begin), static_cast<size_t>(end - begin));
    std::string& out = scratch_[i];
    size_t amp = v.find('&');
    out.assign(v.substr(0, amp));
    if (amp == std::string_view::npos) return;
    for (size_t p = amp; p < v.size();) {
        if (v.compare(p, 5, "&#38;") != 0) {
            // A reference to a declared entity: libxml2's own decoding.
            xmlDocPtr doc = C(ctxt_)->myDoc;
            xmlNodePtr list = xmlStringLenGetNodeList(doc, begin, static_cast<int>(end - begin));
            xmlChar* s = xmlNodeListGetString(doc, list, 1);
            out.assign(s ? reinterpret_cast<const char*>(s) : "");
            xmlFree(s);
            xmlFreeNodeList(list);
            return;
        }
        out.push_back('&');
        p += 5;
        size_t next = v.find('&', p);
        if (next == std::string_view::npos) next = v.size();
        out.append(v.substr(p, next - p));
        p = next;
    }
}

void SeXmlReader::row(const unsigned char** attributes, int nb_attributes) {
    if (thrown_) return;
    // The values are copied: libxml2 frees them when the start tag is done,
    // and the row counts only once its element has ended well-formed.
    line_ = parser_line(C(ctxt_));
    std::fill(present_.begin(), present_.end(), false);
    for (int a = 0; a < nb_attributes; ++a) {
        const unsigned char** at = attributes + 5 * a;  // localname, prefix, URI, value, end
        for (size_t i = 0; i < interned_.size(); ++i) {
            if (at[0] != interned_[i]) continue;
            decode_value(i, at[3], at[4]);
            present_[i] = true;
            break;
        }
    }
    row_open_ = true;
}

void SeXmlReader::deliver() {
    // A start tag the parser reported before a fatal error is not a row.
    if (thrown_ || !C(ctxt_)->wellFormed) return;
    for (size_t i = 0; i < values_.size(); ++i) values_[i] = scratch_[i];
    if (!on_row_) {
        // Read while looking for the root: kept until each_row() asks.
        PendingRow p{line_, {}};
        for (size_t i = 0; i < values_.size(); ++i)
            p.values.push_back(present_[i] ? std::optional<std::string>(values_[i]) : std::nullopt);
        pending_.push_back(std::move(p));
        return;
    }
    try {
        (*on_row_)();
    } catch (...) {
        // Never through libxml2's C frames: stop the parser, rethrow after it.
        thrown_ = std::current_exception();
        xmlStopParser(C(ctxt_));
    }
}

const std::string& SeXmlReader::root() {
    while (!root_ && feed(kRootChunk)) {
    }
    if (!root_) root_.emplace();
    return *root_;
}

void SeXmlReader::each_row(const std::function<void()>& on_row) {
    root();
    while (!pending_.empty()) {
        PendingRow p = std::move(pending_.front());
        pending_.pop_front();
        line_ = p.line;
        for (size_t i = 0; i < p.values.size(); ++i) {
            present_[i] = p.values[i].has_value();
            if (present_[i]) scratch_[i] = std::move(*p.values[i]);
            values_[i] = scratch_[i];
        }
        on_row();
    }
    on_row_ = &on_row;
    while (feed(kChunk)) {
    }
    on_row_ = nullptr;
    if (thrown_) std::rethrow_exception(std::exchange(thrown_, nullptr));
}

}  // namespace fkb::dumps
