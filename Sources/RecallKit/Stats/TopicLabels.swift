/// The Chinese labels of topic tags: one table (`Decks/topics-zh.tsv`, one
/// `tag<TAB>label` a line, `#` comments), read here. Pure.
public struct TopicLabels: Hashable, Sendable {
    public private(set) var labels: [String: String] = [:]

    public init(_ labels: [String: String] = [:]) { self.labels = labels }

    /// Reads the table; each malformed line is a diagnostic naming its line, and is skipped.
    public static func parse(_ text: String, file: String) -> (labels: TopicLabels, diagnostics: [DeckDiagnostic]) {
        var labels: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        var diagnostics: [DeckDiagnostic] = []
        for (index, raw) in DeckParser.splitLines(text).enumerated() {
            let number = index + 1
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = raw.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].trimmingSpaces.isEmpty, !parts[1].trimmingSpaces.isEmpty else {
                diagnostics.append(
                    DeckDiagnostic(
                        .error, file: file, line: number, column: 1, "topic label line is not 'tag<TAB>label'",
                        hint: "write the tag, one tab, then its Chinese label"))
                continue
            }
            let tag = parts[0].trimmingSpaces
            if let previous = firstLine[tag] {
                diagnostics.append(
                    DeckDiagnostic(
                        .error, file: file, line: number, column: 1, "tag '\(tag)' is already labelled on line \(previous)",
                        hint: "keep one line a tag"))
                continue
            }
            firstLine[tag] = number
            labels[tag] = parts[1].trimmingSpaces
        }
        return (TopicLabels(labels), diagnostics)
    }

    /// The tag's name in `language`: its label in `zh`, `label · tag` in
    /// `both`, the tag itself in `en` or when the table has no label for it.
    public func name(_ tag: String, in language: Language) -> String {
        MapLabels.pick(english: tag, chinese: labels[tag], language)
    }
}

/// The names `recall map` and `recall decks` give sections, decks and topics in a language. Pure.
public struct MapLabels: Hashable, Sendable {
    public var language: Language
    public var topics: TopicLabels
    /// Section name → its Chinese name; deck id → its Chinese title.
    public var sectionsZh: [String: String]
    public var decksZh: [String: String]

    public init(language: Language, topics: TopicLabels, decks: [(id: String, section: String, titleZh: String?, sectionZh: String?)]) {
        self.language = language
        self.topics = topics
        var sections: [String: String] = [:]
        var titles: [String: String] = [:]
        for deck in decks {
            if let zh = deck.sectionZh, sections[deck.section] == nil { sections[deck.section] = zh }
            if let zh = deck.titleZh { titles[deck.id] = zh }
        }
        sectionsZh = sections
        decksZh = titles
    }

    public func section(_ name: String) -> String { Self.pick(english: name, chinese: sectionsZh[name], language) }
    public func deck(_ id: String) -> String { Self.pick(english: id, chinese: decksZh[id], language) }
    public func topic(_ tag: String) -> String { topics.name(tag, in: language) }

    public static func pick(english: String, chinese: String?, _ language: Language) -> String {
        guard language != .en, let chinese, !chinese.isEmpty, chinese != english else { return english }
        return language == .zh ? chinese : "\(chinese) · \(english)"
    }
}
