import Foundation

extension DelimitedText {
    /// Reads a TSV or CSV file into a deck: Anki's `#` headers when present
    /// (separator, html, and the guid, note type, deck and tags columns),
    /// otherwise the columns question, answer, tags. A `#columns:` header that
    /// names `Front.zh` (or `Text.zh`), `Back.zh` and `Explanation.zh` columns
    /// gives the cards their Chinese; then every row must have as many fields
    /// as the header names, so that no Chinese lands in the wrong field.
    /// Quoted fields may hold separators, doubled quotes and line breaks.
    ///
    /// - Parameter defaultSeparator: used when the file has no `#separator:` header (from its extension).
    /// - Throws: ``ExchangeError`` naming the file and line: not text, invalid UTF-8, an unclosed quote, a row without an answer,
    ///   a Chinese column named twice, a row whose field count differs from the `#columns:` header's.
    public static func read(
        _ bytes: Data, displayName: String, defaultSeparator: Separator?, deckID: String,
        title: String?, section: String
    ) throws -> ImportedDeck {
        let kind = FileSniffer.kind(of: bytes)
        if kind != "text" && kind != "JSON" {
            throw ExchangeError.wrongKind(file: displayName, expected: "a TSV or CSV text file", found: kind)
        }
        guard var text = String(data: bytes, encoding: .utf8) else {
            throw ExchangeError.invalidUTF8(file: displayName, line: TextLines.firstInvalidLine(bytes))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")

        // Headers: `#key:value` lines at the top.
        var headers: [String: String] = [:]
        var headerLine: [String: Int] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var headerLines = 0
        while headerLines < lines.count, lines[headerLines].hasPrefix("#") {
            let line = lines[headerLines].dropFirst()
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingSpaces.lowercased()
                headers[key] = String(line[line.index(after: colon)...])
                headerLine[key] = headerLines + 1
            }
            headerLines += 1
        }
        lines.removeFirst(headerLines)
        let body = lines.joined(separator: "\n")

        let separator: Character
        if let name = headers["separator"] {
            switch name.lowercased() {
            case "tab", "\t": separator = "\t"
            case "comma", ",": separator = ","
            case "semicolon", ";": separator = ";"
            case "pipe", "|": separator = "|"
            case "space", " ": separator = " "
            case "colon", ":": separator = ":"
            default:
                throw ExchangeError.malformed(
                    file: displayName, line: 1, reason: "unknown #separator '\(name)' (expected tab, comma, semicolon, pipe, space or colon)")
            }
        } else if let defaultSeparator {
            separator = defaultSeparator.rawValue
        } else {
            separator = (body.split(separator: "\n").first?.contains("\t") ?? true) ? "\t" : ","
        }
        let html = headers["html"].map { $0.trimmingSpaces.lowercased() == "true" } ?? false
        func column(_ key: String) throws -> Int? {
            guard let value = headers[key] else { return nil }
            guard let number = Int(value.trimmingSpaces), number >= 1 else {
                throw ExchangeError.malformed(file: displayName, line: nil, reason: "#\(key): '\(value)' is not a column number")
            }
            return number - 1
        }
        let guidColumn = try column("guid column")
        let typeColumn = try column("notetype column")
        let deckColumn = try column("deck column")
        let tagsColumn = try column("tags column")
        let fixedType = headers["notetype"]?.trimmingSpaces
        let fileTags = (headers["tags"] ?? "").split(separator: " ").map(String.init)
        let hasHeaders = !headers.isEmpty
        let chinese = try chineseColumns(
            headers["columns"], line: headerLine["columns"] ?? 1, separator: separator,
            displayName: displayName)

        let records = try splitRecords(body, separator: separator, firstLine: headerLines + 1, displayName: displayName)
        var deckNames: Set<String> = []
        var builder = ForeignDeckBuilder(id: deckID, title: title ?? deckID, section: section)
        for (line, fields) in records {
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            func at(_ index: Int?) -> String? { index.flatMap { $0 < fields.count ? fields[$0] : nil } }
            if let chinese, fields.count != chinese.columnCount {
                throw ExchangeError.malformed(
                    file: displayName, line: line,
                    reason:
                        "the row has \(fields.count) field(s) but #columns names \(chinese.columnCount), so its Chinese columns (\(chinese.names)) would not line up; check the separators and quotes on this row"
                )
            }
            func plain(_ index: Int?) -> String? {
                guard let raw = at(index) else { return nil }
                // Control characters never reach a deck file; the builder strips them from the English fields alike.
                let kept = (html ? HTMLText.toPlain(raw) : raw).unicodeScalars.filter { !ControlCharacters.isControl($0) }
                let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            var translation = CardTranslation(
                question: plain(chinese?.front), answer: plain(chinese?.back),
                explanation: plain(chinese?.explanation))
            let meta = Set([guidColumn, typeColumn, deckColumn, tagsColumn].compactMap { $0 }).union(chinese?.indices ?? [])
            var values = fields.indices.filter { !meta.contains($0) }.map { fields[$0] }
            var tags = fileTags
            if let raw = at(tagsColumn) {
                tags += raw.split(separator: " ").map(String.init)
            } else if !hasHeaders && values.count >= 3 {
                tags += values[2].split(separator: " ").map(String.init)
                values.removeLast(values.count - 2)
            }
            if let deck = at(deckColumn), !deck.isEmpty { deckNames.insert(deck) }
            values = values.map { html ? HTMLText.toPlain($0) : $0 }
            let typeName = (at(typeColumn) ?? fixedType ?? "").lowercased()
            let origin = "\(displayName):\(line)"
            let first = values.first ?? ""
            if typeName.contains("cloze") || (typeName.isEmpty && first.contains("{{c") && first.contains("::")) {
                let cloze = ForeignDeckBuilder.clozeFromAnki(first)
                if let text = translation.question {
                    translation.clozeText = ForeignDeckBuilder.clozeFromAnki(text).text
                    translation.question = nil
                }
                let extras = ForeignDeckBuilder.splitExtras(values.dropFirst().first ?? "")
                let extra = extras.body.isEmpty ? extras.explanation : [extras.body, extras.explanation].compactMap { $0 }.joined(separator: "\n\n")
                _ = builder.add(
                    ForeignNote(
                        kind: .cloze, front: cloze.text, back: "", explanation: extra, source: extras.source,
                        chinese: translation.isEmpty ? nil : translation, tags: tags, guid: at(guidColumn), clozeNumbers: cloze.numbers, origin: origin))
                continue
            }
            guard values.count >= 2, !values[1].trimmingSpaces.isEmpty else {
                throw ExchangeError.malformed(
                    file: displayName, line: line,
                    reason:
                        "the row has a question but no answer (found \(values.count) field(s); separator '\(separator == "\t" ? "tab" : String(separator))')")
            }
            let extras = ForeignDeckBuilder.splitExtras(values[1])
            let typed = typeName.contains("type in")
            _ = builder.add(
                ForeignNote(
                    kind: typed ? .typed : .basic, front: first, back: extras.body,
                    explanation: extras.explanation, source: extras.source,
                    chinese: translation.isEmpty ? nil : translation, tags: tags,
                    guid: at(guidColumn), origin: origin))
        }
        if title == nil, deckNames.count == 1, let only = deckNames.first {
            builder.deck.title = only.components(separatedBy: "::").last ?? only
        }
        _ = builder.finish()
        guard !builder.deck.cards.isEmpty else { throw ExchangeError.nothingToImport(file: displayName) }
        return ImportedDeck(deck: builder.deck, notes: builder.notes)
    }

    /// The Chinese columns a `#columns:` header names (0-based), and how many columns it names.
    struct ChineseColumns {
        var front: Int?
        var back: Int?
        var explanation: Int?
        var columnCount: Int
        var names: String

        var indices: Set<Int> { Set([front, back, explanation].compactMap { $0 }) }
    }

    /// Reads the `#columns:` header's labels; nil when there is none or it names no Chinese column.
    static func chineseColumns(_ header: String?, line: Int, separator: Character, displayName: String) throws -> ChineseColumns? {
        guard let header else { return nil }
        let labels = try splitRecords(header, separator: separator, firstLine: line, displayName: displayName).first?.fields ?? []
        var columns = ChineseColumns(columnCount: labels.count, names: "")
        var named: [String] = []
        for (index, label) in labels.enumerated() {
            let name = label.trimmingSpaces
            let slot: WritableKeyPath<ChineseColumns, Int?>
            switch name.lowercased() {
            case "front.zh", "text.zh": slot = \.front
            case "back.zh": slot = \.back
            case "explanation.zh", "why.zh": slot = \.explanation
            default: continue
            }
            if columns[keyPath: slot] != nil {
                throw ExchangeError.malformed(
                    file: displayName, line: line, reason: "#columns names the Chinese column '\(name)' twice (or with Front.zh and Text.zh both)")
            }
            columns[keyPath: slot] = index
            named.append(name)
        }
        guard !named.isEmpty else { return nil }
        columns.names = named.joined(separator: ", ")
        return columns
    }

    /// Splits text into records of fields, RFC 4180 style: a field starting with `"` runs to the
    /// next lone `"`, and may hold separators and line breaks. Returns each record with its first line.
    static func splitRecords(_ text: String, separator: Character, firstLine: Int, displayName: String) throws -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quoteLine = 0
        var atFieldStart = true
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending {
                pending = nil
                return p
            }
            return characters.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            if c == "\"" && atFieldStart {
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            } else if c == separator {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if c == "\n" {
                fields.append(field)
                records.append((recordLine, fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
                atFieldStart = true
            } else {
                field.append(c)
                atFieldStart = false
            }
        }
        if inQuotes {
            throw ExchangeError.malformed(file: displayName, line: quoteLine, reason: "a quoted field opened here is never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return records
    }
}
