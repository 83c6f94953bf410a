// SeXmlReader: streams the <row .../> elements of a Stack Exchange dump file.
//
// Every file of the Stack Exchange data dump (Posts.xml, Users.xml,
// Comments.xml, ...) is one root element holding one <row/> per record, with
// the record's fields as attributes. This reader walks the file with
// libxml2's xmlTextReader over the host's byte stream, so memory stays at the
// parser's window whatever the file size, and hands out the attributes the
// caller asked for, by index. A well-formedness error ends the file (XML
// cannot be resynchronised); it is kept, with its line, in error().
#pragma once

#include <forumkb/sdk.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::dumps {

/// A parse error: line (1-based, 0 unknown), byte offset (-1 unknown), message.
struct XmlError {
    uint64_t line = 0;
    int64_t offset = -1;
    std::string message;
};

class SeXmlReader {
public:
    /// Reads `input`; `fields` are the attribute names row() answers for.
    SeXmlReader(sdk::Input& input, std::vector<std::string> fields);
    ~SeXmlReader();
    SeXmlReader(const SeXmlReader&) = delete;
    SeXmlReader& operator=(const SeXmlReader&) = delete;

    /// The root element's name ("posts", "users", ...), read on first use;
    /// empty when the file has no element.
    const std::string& root();

    /// Advances to the next <row>; false at the end of the file or at a
    /// fatal error (then error() is set).
    bool next();
    /// The value of fields[i] in the current row, if the row has it.
    std::optional<std::string_view> get(size_t i) const {
        return present_[i] ? std::optional<std::string_view>(values_[i]) : std::nullopt;
    }
    /// Line of the current row (1-based).
    uint64_t line() const noexcept { return line_; }
    /// Byte offset just past the current row in the (decompressed) input.
    int64_t offset() const noexcept { return offset_; }

    const std::optional<XmlError>& error() const noexcept { return error_; }

private:
    bool advance_to_element();
    static int read_cb(void* ctx, char* buf, int len);
    static void error_cb(void* ctx, const char* msg, int severity, void* locator);

    sdk::Input& input_;
    void* reader_;  // xmlTextReaderPtr
    std::vector<std::string> fields_;
    std::vector<const void*> interned_;  // dictionary pointers of the field names
    std::vector<std::string> values_;
    std::vector<bool> present_;
    std::optional<std::string> root_;
    bool at_first_row_ = false;
    bool done_ = false;
    uint64_t line_ = 0;
    int64_t offset_ = -1;
    std::optional<XmlError> error_;
    std::string io_error_;
};

}  // namespace fkb::dumps
