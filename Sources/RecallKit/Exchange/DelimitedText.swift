/// TSV and CSV in the form Anki's text import reads without any settings in
/// its dialog: `#separator:`, `#html:`, `#guid column:`, `#notetype column:`,
/// `#deck column:` and `#tags column:` headers, then one note a row.
///
/// Rows use Anki's stock note types, which every collection has: "Basic"
/// (Front, Back), "Basic (type in the answer)" (Front, Back) and "Cloze"
/// (Text, Back Extra). The explanation and the source follow the answer as
/// paragraphs `Why: …` and `Source: …`, which `recall import` reads back
/// into fields. The Chinese follows the tags in three columns of its own,
/// named by a `#columns:` header after the apkg's fields: `Front.zh` (the
/// question, or the cloze text with Anki's `{{c1::…}}`), `Back.zh` and
/// `Explanation.zh`, empty where a card has no Chinese. Anki gives a stock
/// note type only as many columns as it has fields, so it ignores them. A
/// field holding the separator, a quote or a line break is quoted, with
/// quotes doubled.
public enum DelimitedText {
    public enum Separator: Character, Sendable {
        case tab = "\t", comma = ","

        var headerName: String { self == .tab ? "tab" : "comma" }
    }

    static let basicType = "Basic"
    static let typedType = "Basic (type in the answer)"
    static let clozeType = "Cloze"

    /// The names of the columns, in order, as the `#columns:` header gives them.
    static let columnNames = ["guid", "notetype", "deck", "Front", "Back", "tags"] + chineseColumnNames
    /// The Chinese columns: question (or cloze text), answer, explanation.
    static let chineseColumnNames = ["Front.zh", "Back.zh", "Explanation.zh"]

    public static func export(_ selection: [(deck: DeckRecord, cards: [StoredCard])], separator: Separator) -> String {
        let columns = columnNames.map { quoted($0, separator) }.joined(separator: String(separator.rawValue))
        var out = "#separator:\(separator.headerName)\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n#columns:\(columns)\n"
        for (deck, cards) in selection {
            let deckName = AnkiNote.deckName(deck)
            for note in AnkiNote.notes(for: cards) {
                var extra: [String] = []
                if !note.explanation.isEmpty { extra.append("Why: " + note.explanation) }
                if !note.source.isEmpty { extra.append("Source: " + note.source) }
                let type: String
                let back: String
                switch note.kind {
                case .basic:
                    type = basicType
                    back = ([note.back] + extra).joined(separator: "<br><br>")
                case .typed:
                    // Anki compares the typed answer with the whole Back field, so it holds the answer alone.
                    type = typedType
                    back = note.back
                case .cloze:
                    type = clozeType
                    back = extra.joined(separator: "<br><br>")
                }
                let row = [
                    note.guid, type, deckName, note.front, back, note.tags.joined(separator: " "),
                    note.frontZh, note.backZh, note.explanationZh,
                ]
                out += row.map { quoted($0, separator) }.joined(separator: String(separator.rawValue)) + "\n"
            }
        }
        return out
    }

    static func quoted(_ field: String, _ separator: Separator) -> String {
        let needsQuotes =
            field.contains(separator.rawValue) || field.contains("\"") || field.contains("\n")
            || field.contains("\r") || field.hasPrefix("#")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
