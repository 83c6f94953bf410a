// Cutting JSON records out of a stream (see json_record_reader.hpp).
#include "json_record_reader.hpp"

namespace fkb::dumps {

namespace {
constexpr size_t kPadding = 64;  // simdjson::SIMDJSON_PADDING
bool is_ws(int c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
}  // namespace

JsonRecordReader::JsonRecordReader(sdk::Input& input, size_t max_record) : input_(input), max_record_(max_record) {}

int JsonRecordReader::peek() {
    if (pos_ == len_) {
        len_ = input_.read(buf_, sizeof buf_);
        pos_ = 0;
        if (len_ == 0) return -1;
    }
    return static_cast<unsigned char>(buf_[pos_]);
}

int JsonRecordReader::get() {
    int c = peek();
    if (c < 0) return c;
    ++pos_;
    ++cur_offset_;
    if (c == '\n') ++cur_line_;
    return c;
}

JsonRecordReader::Result JsonRecordReader::next(std::string& text) {
    text.clear();
    if (done_) return Result::End;
    if (!started_) {
        started_ = true;
        if (peek() == 0xEF) {  // UTF-8 byte order mark
            get(), get(), get();
        }
        while (is_ws(peek())) get();
        if (peek() == '[') {
            array_ = true;
            get();
        }
    }
    Result r = array_ ? next_element(text) : next_line(text);
    if (r == Result::Record) text.reserve(text.size() + kPadding);
    return r;
}

JsonRecordReader::Result JsonRecordReader::next_line(std::string& text) {
    for (;;) {
        while (is_ws(peek())) get();
        if (peek() < 0) {
            done_ = true;
            return Result::End;
        }
        line_ = cur_line_;
        offset_ = cur_offset_;
        for (int c; (c = peek()) >= 0 && c != '\n';) {
            text.push_back(static_cast<char>(get()));
            if (text.size() > max_record_) {
                while ((c = peek()) >= 0 && c != '\n') get();
                error_ = "a line longer than " + std::to_string(max_record_ >> 20) + " MiB";
                return Result::Error;
            }
        }
        while (!text.empty() && is_ws(static_cast<unsigned char>(text.back()))) text.pop_back();
        if (!text.empty()) return Result::Record;
    }
}

JsonRecordReader::Result JsonRecordReader::next_element(std::string& text) {
    // Between elements: white space and one comma; ']' ends the array.
    for (;;) {
        int c = peek();
        if (is_ws(c) || c == ',') {
            get();
            continue;
        }
        if (c == ']') {
            get();
            while (is_ws(peek())) get();
            done_ = true;
            if (peek() >= 0) {
                line_ = cur_line_;
                offset_ = cur_offset_;
                error_ = "text after the end of the top-level array";
                return Result::Error;
            }
            return Result::End;
        }
        if (c < 0) {
            done_ = true;
            line_ = cur_line_;
            offset_ = cur_offset_;
            error_ = "the file ends inside the top-level array (no closing ']')";
            return Result::Error;
        }
        break;
    }
    line_ = cur_line_;
    offset_ = cur_offset_;
    int depth = 0;
    bool in_string = false, escape = false;
    for (;;) {
        int c = get();
        if (c < 0) {
            done_ = true;
            error_ = "the file ends inside this element";
            return Result::Error;
        }
        text.push_back(static_cast<char>(c));
        if (text.size() > max_record_) {
            done_ = true;  // no safe place to resume inside an element this large
            error_ = "an element longer than " + std::to_string(max_record_ >> 20) + " MiB";
            return Result::Error;
        }
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') {
            if (depth == 0) {  // a scalar element right before the array's ']'
                text.pop_back();
                done_ = true;
                return Result::Record;
            }
            if (--depth == 0) return Result::Record;
        } else if (depth == 0 && (c == ',' || is_ws(c))) {
            text.pop_back();  // a scalar element: ends before the separator
            return Result::Record;
        }
    }
}

}  // namespace fkb::dumps
