/// Plain text to and from the HTML that Anki keeps in note fields.
enum HTMLText {
    /// Escapes `&`, `<`, `>` and `"`, and turns newlines into `<br>`.
    static func fromPlain(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }

    /// Drops tags (a `<br>`, `<div>` or `<p>` becomes a line break), decodes
    /// the common entities and numeric ones, and trims blank lines at the ends.
    static func toPlain(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if name == "br" || ((name == "div" || name == "p" || name == "li" || name == "tr") && tag.hasPrefix("/")) {
                    out += "\n"
                } else if (name == "div" || name == "p") && !tag.hasPrefix("/") && !out.isEmpty && !out.hasSuffix("\n") {
                    out += "\n"
                }
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decode(entity) {
                    out += decoded
                    index = html.index(after: semicolon)
                } else {
                    out.append(character)
                    index = html.index(after: index)
                }
            } else {
                out.append(character)
                index = html.index(after: index)
            }
        }
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingSpaces }
        while let first = lines.first, first.trimmingSpaces.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default: break
        }
        let number: UInt32?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
            number = UInt32(entity.dropFirst(2), radix: 16)
        } else if entity.hasPrefix("#") {
            number = UInt32(entity.dropFirst())
        } else {
            number = nil
        }
        return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
