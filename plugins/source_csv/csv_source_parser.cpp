// Mapped CSV reading (see csv_source_parser.hpp).
#include "csv_source_parser.hpp"

#include <algorithm>

namespace fkb::dumps {

char guess_delimiter(std::string_view name, std::string_view head) {
    auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".tsv") || ends(".tab") || ends(".TSV")) return '\t';
    if (ends(".csv") || ends(".CSV")) return ',';
    std::string_view first = head.substr(0, head.find('\n'));
    return std::count(first.begin(), first.end(), '\t') > std::count(first.begin(), first.end(), ',') ? '\t' : ',';
}

MappedCsvParser::MappedCsvParser(sdk::Input& input, CsvOptions options, RejectFn reject)
    : input_(input), options_(std::move(options)), reject_(std::move(reject)) {}

MappedCsvParser::~MappedCsvParser() = default;

void MappedCsvParser::load() {
    loaded_ = true;
    std::string file(input_.name());
    FieldMap map = FieldMap::parse(options_.map, options_.map_text);
    char delim = options_.delimiter ? options_.delimiter : guess_delimiter(file, "");
    CsvReader csv(input_, delim);
    std::vector<std::string> header, row;
    for (;;) {
        auto r = csv.next(header);
        if (r == CsvReader::Result::End) return;  // an empty input has no threads (threads_ stays null)
        if (r == CsvReader::Result::Record) break;
        throw sdk::Error(file + ":" + std::to_string(csv.line()) + ": header: " + csv.error_message());
    }
    if (!options_.delimiter && header.size() == 1 && header[0].find('\t') != std::string::npos) {
        throw sdk::Error(file + ":1: the header has tabs but no commas: give delimiter=tab or name the file .tsv");
    }
    auto index_of = [&](const std::string& name) -> std::optional<size_t> {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return std::nullopt;
    };
    for (Field f : map.given()) {
        if (!index_of(*map.column(f)))
            throw sdk::Error(file + ":1: mapped column '" + *map.column(f) + "' (for " + std::string(field_name(f)) +
                             ") is not in the header");
    }
    map.default_to_names([&](const std::string& n) { return index_of(n).has_value(); });
    if (!map.column(Field::Text))
        throw sdk::Error(file + ":1: no column for the post text: map one with text=<column>");
    std::array<std::optional<size_t>, static_cast<size_t>(Field::Count_)> cols;
    for (size_t i = 0; i < cols.size(); ++i)
        if (const auto& c = map.column(static_cast<Field>(i))) cols[i] = index_of(*c);

    threads_ = std::make_unique<MappedThreads>(options_.source, map.column(Field::ThreadId).has_value(),
                                               map.column(Field::PostId).has_value(), options_.store, reject_);
    MappedRecord rec;
    for (;;) {
        auto r = csv.next(row);
        if (r == CsvReader::Result::End) break;
        if (r == CsvReader::Result::Error) {
            reject_(Reject{csv.line(), csv.offset(), csv.error_message(), csv.error_excerpt()});
            continue;
        }
        if (row.size() > header.size()) {
            reject_(Reject{csv.line(), csv.offset(),
                           std::to_string(row.size()) + " fields where the header has " + std::to_string(header.size()),
                           excerpt(row[0])});
            continue;
        }
        for (size_t i = 0; i < cols.size(); ++i) {
            rec.values[i].reset();
            if (cols[i] && *cols[i] < row.size()) rec.values[i] = row[*cols[i]];
        }
        const auto& text = rec.get(Field::Text);
        threads_->add(rec, csv.line(), csv.offset(), text ? std::string_view(*text) : std::string_view());
    }
}

bool MappedCsvParser::next(sdk::Thread& out) {
    if (!loaded_) load();
    return threads_ && threads_->next(out);
}

}  // namespace fkb::dumps
