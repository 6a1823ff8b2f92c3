/// Whether a text names a topic: the test behind the knowledge-map coverage
/// list (docs/map-items.tsv).
///
/// Both sides are folded to lower-case words (anything but a letter or digit
/// separates words), and the topic must start at a word: "bucket" matches
/// "bucketing", "all-reduce" matches "All-Reduce", but "ray" does not match "array".
public enum TopicMatch {
    public static func words(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// Whether `text` mentions any of `spellings`.
    public static func mentions(_ text: String, anyOf spellings: [String]) -> Bool {
        let haystack = " " + words(text)
        return spellings.contains { spelling in
            let needle = words(spelling)
            return !needle.isEmpty && haystack.contains(" " + needle)
        }
    }
}
