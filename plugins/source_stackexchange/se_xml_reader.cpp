// xmlTextReader over sdk::Input (see se_xml_reader.hpp). Field names are
// matched by their interned pointer in the reader's dictionary, so a row
// costs no string comparisons; values are copied into reused buffers.
#include "se_xml_reader.hpp"

#include <libxml/xmlreader.h>

#include <cstring>

namespace fkb::dumps {

namespace {
xmlTextReaderPtr R(void* p) { return static_cast<xmlTextReaderPtr>(p); }
}  // namespace

int SeXmlReader::read_cb(void* ctx, char* buf, int len) {
    auto* self = static_cast<SeXmlReader*>(ctx);
    try {
        return static_cast<int>(self->input_.read(buf, static_cast<size_t>(len)));
    } catch (const std::exception& e) {
        self->io_error_ = e.what();
        return -1;
    }
}

void SeXmlReader::error_cb(void* ctx, const char* msg, int severity, void* locator) {
    auto* self = static_cast<SeXmlReader*>(ctx);
    if (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR) return;
    if (self->error_) return;  // the first error is the one worth reporting
    XmlError e;
    // The locator names the innermost open element (the root), not where the
    // parser stopped; the parser's own position is the useful line.
    (void)locator;
    e.line = static_cast<uint64_t>(std::max(0, xmlTextReaderGetParserLineNumber(R(self->reader_))));
    e.message = msg ? msg : "XML error";
    while (!e.message.empty() && (e.message.back() == '\n' || e.message.back() == ' ')) e.message.pop_back();
    self->error_ = std::move(e);
}

SeXmlReader::SeXmlReader(sdk::Input& input, std::vector<std::string> fields)
    : input_(input), reader_(nullptr), fields_(std::move(fields)) {
    std::string url(input.name());
    reader_ = xmlReaderForIO(&SeXmlReader::read_cb, nullptr, this, url.c_str(), nullptr,
                             XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_HUGE | XML_PARSE_NOBLANKS | XML_PARSE_BIG_LINES);
    if (!reader_) throw sdk::Error(url + ": cannot start the XML reader");
    xmlTextReaderSetErrorHandler(
        R(reader_),
        [](void* ctx, const char* msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
            SeXmlReader::error_cb(ctx, msg, static_cast<int>(severity), locator);
        },
        this);
    for (const auto& f : fields_)
        interned_.push_back(xmlTextReaderConstString(R(reader_), reinterpret_cast<const xmlChar*>(f.c_str())));
    values_.resize(fields_.size());
    present_.resize(fields_.size());
}

SeXmlReader::~SeXmlReader() { xmlFreeTextReader(R(reader_)); }

bool SeXmlReader::advance_to_element() {
    for (;;) {
        int rc = xmlTextReaderRead(R(reader_));
        if (rc == 1) {
            if (xmlTextReaderNodeType(R(reader_)) == XML_READER_TYPE_ELEMENT) return true;
            continue;
        }
        done_ = true;
        if (rc < 0 && !error_) {
            XmlError e;
            e.line = static_cast<uint64_t>(std::max(0, xmlTextReaderGetParserLineNumber(R(reader_))));
            e.message = io_error_.empty() ? "malformed XML" : io_error_;
            error_ = std::move(e);
        }
        if (error_) error_->offset = static_cast<int64_t>(xmlTextReaderByteConsumed(R(reader_)));
        return false;
    }
}

const std::string& SeXmlReader::root() {
    if (!root_) {
        root_.emplace();
        if (advance_to_element()) {
            const xmlChar* n = xmlTextReaderConstLocalName(R(reader_));
            if (n) root_->assign(reinterpret_cast<const char*>(n));
            // A file whose only element is the root has no rows.
            if (xmlTextReaderIsEmptyElement(R(reader_)) == 1) done_ = true;
        }
    }
    return *root_;
}

bool SeXmlReader::next() {
    root();
    for (;;) {
        if (done_) return false;
        if (!advance_to_element()) return false;
        if (xmlTextReaderDepth(R(reader_)) != 1) continue;
        const xmlChar* name = xmlTextReaderConstLocalName(R(reader_));
        if (!name || std::strcmp(reinterpret_cast<const char*>(name), "row") != 0) continue;
        xmlNodePtr node = xmlTextReaderCurrentNode(R(reader_));
        line_ = node ? static_cast<uint64_t>(std::max(0L, xmlGetLineNo(node))) : 0;
        std::fill(present_.begin(), present_.end(), false);
        while (xmlTextReaderMoveToNextAttribute(R(reader_)) == 1) {
            const void* an = xmlTextReaderConstLocalName(R(reader_));
            for (size_t i = 0; i < interned_.size(); ++i) {
                if (an != interned_[i]) continue;
                const xmlChar* v = xmlTextReaderConstValue(R(reader_));
                values_[i].assign(v ? reinterpret_cast<const char*>(v) : "");
                present_[i] = true;
                break;
            }
        }
        xmlTextReaderMoveToElement(R(reader_));
        offset_ = static_cast<int64_t>(xmlTextReaderByteConsumed(R(reader_)));
        return true;
    }
}

}  // namespace fkb::dumps
