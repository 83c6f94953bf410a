// MappedCsvParser: a CSV or TSV export with a header row, mapped to threads.
//
// The header names the columns; a FieldMap says which column fills which
// post member (see field_map.hpp). A mapped column that the header lacks
// is an error naming it, raised before any row is read. Records are grouped
// by MappedThreads; malformed records (unclosed quote, wrong number of
// fields is tolerated: missing trailing fields are empty) are rejected with
// their line and reading goes on.
#pragma once

#include "csv_reader.hpp"
#include "mapped_threads.hpp"

namespace fkb::dumps {

struct CsvOptions {
    /// Field mapping and mapping file contents (not its path).
    std::string map, map_text;
    /// ',' or '\t'; 0 = from the file name (.tsv / .tab) or the header line.
    char delimiter = 0;
    /// The `source` of the threads.
    std::string source = "csv";
    StoreOptions store;
};

class MappedCsvParser {
public:
    MappedCsvParser(sdk::Input& input, CsvOptions options, RejectFn reject);
    ~MappedCsvParser();
    bool next(sdk::Thread& out);

private:
    void load();
    sdk::Input& input_;
    CsvOptions options_;
    RejectFn reject_;
    std::unique_ptr<MappedThreads> threads_;
    bool loaded_ = false;
};

/// The delimiter of a delimited file: '\t' for .tsv/.tab names or a header
/// with more tabs than commas, else ','.
char guess_delimiter(std::string_view file_name, std::string_view head);

}  // namespace fkb::dumps
