// RFC 4180 reading (see csv_reader.hpp). The state machine runs over one
// physical line at a time; a record still inside quotes at the end of a line
// takes the next line, and keeps the lines it took so that they can be read
// again as records of their own if the quote turns out never to close.
#include "csv_reader.hpp"

#include "dump_common.hpp"

namespace fkb::dumps {

CsvReader::CsvReader(sdk::Input& input, char delimiter, size_t max_record)
    : input_(input), delim_(delimiter), max_record_(max_record) {}

bool CsvReader::get_line(Line& out) {
    if (!pending_.empty()) {
        out = std::move(pending_.front());
        pending_.pop_front();
        return true;
    }
    if (!input_.read_line(out.text)) return false;
    out.number = input_.line_number();
    out.offset = input_.line_offset();
    return true;
}

CsvReader::Result CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    record_lines_.clear();
    Line first;
    // Blank lines between records are not records.
    do {
        if (!get_line(first)) return Result::End;
    } while (first.text.empty());
    if (first.number == 1 && first.text.size() >= 3 && first.text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        first.text.erase(0, 3);  // a byte order mark from a spreadsheet export
    line_ = first.number;
    offset_ = first.offset;
    record_lines_.push_back(std::move(first));

    enum { FieldStart, Unquoted, Quoted, QuoteInQuoted } state = FieldStart;
    std::string field;
    size_t size = 0;
    for (size_t li = 0;; ++li) {
        const std::string& text = record_lines_[li].text;
        size += text.size() + 1;
        for (char c : text) {
            switch (state) {
            case FieldStart:
                if (c == '"') {
                    state = Quoted;
                } else if (c == delim_) {
                    fields.emplace_back();
                } else {
                    field.push_back(c);
                    state = Unquoted;
                }
                break;
            case Unquoted:
                if (c == delim_) {
                    fields.push_back(std::move(field));
                    field.clear();
                    state = FieldStart;
                } else {
                    field.push_back(c);
                }
                break;
            case Quoted:
                if (c == '"') state = QuoteInQuoted;
                else field.push_back(c);
                break;
            case QuoteInQuoted:
                if (c == '"') {
                    field.push_back('"');
                    state = Quoted;
                } else if (c == delim_) {
                    fields.push_back(std::move(field));
                    field.clear();
                    state = FieldStart;
                } else {
                    field.push_back(c);  // text after a closing quote: keep it, as spreadsheets do
                    state = Unquoted;
                }
                break;
            }
        }
        if (state != Quoted) break;
        // Inside quotes at the end of a line: the field holds a newline.
        Line more;
        bool too_long = size > max_record_;
        if (too_long || !get_line(more)) {
            error_ = too_long ? "a quoted field runs past " + std::to_string(max_record_ >> 10) + " KiB: unclosed quote?"
                              : "unclosed quote: the file ends inside a quoted field";
            excerpt_ = excerpt(record_lines_[0].text);
            // Read the lines after the first one again, as records of their own.
            for (size_t i = record_lines_.size(); i-- > 1;) pending_.push_front(std::move(record_lines_[i]));
            fields.clear();
            return Result::Error;
        }
        field.push_back('\n');
        record_lines_.push_back(std::move(more));
    }
    fields.push_back(std::move(field));
    return Result::Record;
}

std::vector<std::string> split_list(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view part = s.substr(start, end - start);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\t' || part.back() == '\r')) part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        start = end + 1;
    }
    return out;
}

}  // namespace fkb::dumps
