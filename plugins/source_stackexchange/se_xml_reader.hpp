// SeXmlReader: streams the <row .../> elements of a Stack Exchange dump file.
//
// Every file of the Stack Exchange data dump (Posts.xml, Users.xml,
// Comments.xml, ...) is one root element holding one <row/> per record, with
// the record's fields as attributes. This reader feeds the host's byte
// stream, in large chunks, to libxml2's SAX2 push parser, which hands each
// start tag's attributes over as pointer ranges: no tree, no node per row,
// and memory stays at the parser's window whatever the file size. Rows go to
// a callback once their element has ended, with the attributes the caller
// asked for, by index, valid during the call. A well-formedness error ends the file (XML cannot be
// resynchronised); it is kept, with its line, in error().
#pragma once

#include <forumkb/sdk.hpp>

#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
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
    /// Reads `input`; `fields` are the attribute names get() answers for.
    SeXmlReader(sdk::Input& input, std::vector<std::string> fields);
    ~SeXmlReader();
    SeXmlReader(const SeXmlReader&) = delete;
    SeXmlReader& operator=(const SeXmlReader&) = delete;

    /// The root element's name ("posts", "users", ...), read on first use;
    /// empty when the file has no element.
    const std::string& root();

    /// Calls `on_row` for every <row> child of the root, in file order, to
    /// the end of the file or a fatal error (then error() is set). During
    /// the call get() and line() describe the row. An exception thrown by
    /// `on_row` stops the parse and comes out of each_row.
    void each_row(const std::function<void()>& on_row);

    /// The value of fields[i] in the current row, if the row has it.
    std::optional<std::string_view> get(size_t i) const {
        return present_[i] ? std::optional<std::string_view>(values_[i]) : std::nullopt;
    }
    /// Line of the current row (1-based): where its start tag ends.
    uint64_t line() const noexcept { return line_; }

    const std::optional<XmlError>& error() const noexcept { return error_; }

    // libxml2 callbacks (C linkage is not needed: they are passed by pointer).
    static void on_start(void* ctx, const unsigned char* localname, const unsigned char* prefix,
                         const unsigned char* uri, int nb_namespaces, const unsigned char** namespaces,
                         int nb_attributes, int nb_defaulted, const unsigned char** attributes);
    static void on_end(void* ctx, const unsigned char* localname, const unsigned char* prefix,
                       const unsigned char* uri);
    static void on_error(void* ctx, void* error);  // xmlErrorPtr

private:
    /// A row read before each_row() was called (while looking for the root).
    struct PendingRow {
        uint64_t line;
        std::vector<std::optional<std::string>> values;
    };

    /// Feeds the next chunk (at most `cap` bytes); false at the end.
    bool feed(size_t cap);
    void row(const unsigned char** attributes, int nb_attributes);
    void deliver();
    void decode_value(size_t i, const unsigned char* begin, const unsigned char* end);
    void fail(std::string message);

    sdk::Input& input_;
    void* ctxt_ = nullptr;  // xmlParserCtxtPtr
    std::vector<std::string> fields_;
    std::vector<const void*> interned_;  // dictionary pointers of the field names
    const void* row_name_ = nullptr;     // ... and of "row"
    std::vector<std::string_view> values_;
    std::vector<std::string> scratch_;  // the current row's values, per field
    std::vector<bool> present_;
    std::optional<std::string> root_;
    std::deque<PendingRow> pending_;
    const std::function<void()>* on_row_ = nullptr;
    std::exception_ptr thrown_;
    std::vector<char> chunk_;
    int depth_ = 0;
    bool row_open_ = false;  // a row's start tag was read, its end not yet
    bool done_ = false;
    uint64_t line_ = 0;
    std::optional<XmlError> error_;
};

}  // namespace fkb::dumps
