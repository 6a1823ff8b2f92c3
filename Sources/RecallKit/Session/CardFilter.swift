/// Which cards a command works on: the one filter behind `review`, `due`,
/// `interview`, `export` and `stats`. Pure.
///
/// Within one option any value matches; across options all must: `--deck a
/// --deck b --tag x` is "in a or b, and tagged x". Decks match by id,
/// sections by their English or Chinese name and tags by name, both
/// case-insensitively. `due`, `weak` and `cardIDs` narrow further.
public struct CardFilter: Hashable, Sendable {
    public var deckIDs: [String]
    /// Section names, English or Chinese, any case.
    public var sections: [String]
    /// Tag names, any case.
    public var tags: [String]
    /// Only cards due today or overdue.
    public var dueOnly: Bool
    /// Only weak cards (see ``isWeak(easiness:lapses:leech:)``).
    public var weakOnly: Bool
    /// Only these cards (`review --card`, `review --missed`); nil: any card.
    public var cardIDs: Set<String>?

    public init(
        deckIDs: [String] = [], sections: [String] = [], tags: [String] = [], dueOnly: Bool = false,
        weakOnly: Bool = false, cardIDs: Set<String>? = nil
    ) {
        self.deckIDs = deckIDs
        self.sections = sections
        self.tags = tags
        self.dueOnly = dueOnly
        self.weakOnly = weakOnly
        self.cardIDs = cardIDs
    }

    /// What the filter looks at in a card.
    public struct Subject: Hashable, Sendable {
        public var cardID: String
        public var deckID: String
        public var section: String
        public var sectionZh: String?
        /// The card's tags, `leech` included when it is one.
        public var tags: [String]
        public var dueDay: StudyDay?
        public var easiness: Double
        public var lapses: Int
        public var isLeech: Bool

        public init(
            cardID: String, deckID: String, section: String, sectionZh: String? = nil, tags: [String],
            dueDay: StudyDay? = nil, easiness: Double = SM2.initialEasiness, lapses: Int = 0, isLeech: Bool = false
        ) {
            self.cardID = cardID
            self.deckID = deckID
            self.section = section
            self.sectionZh = sectionZh
            self.tags = tags
            self.dueDay = dueDay
            self.easiness = easiness
            self.lapses = lapses
            self.isLeech = isLeech
        }
    }

    public var isEmpty: Bool {
        deckIDs.isEmpty && sections.isEmpty && tags.isEmpty && !dueOnly && !weakOnly && cardIDs == nil
    }

    /// Below this easiness a card counts as weak.
    public static let weakEasiness = 2.3

    /// Weak: lapsed at least once, easiness below 2.3, or a leech.
    public static func isWeak(easiness: Double, lapses: Int, leech: Bool) -> Bool {
        lapses > 0 || easiness < weakEasiness || leech
    }

    /// Whether a deck of this id and section can hold matching cards (tags and state not looked at).
    public func admitsDeck(id: String, section: String, sectionZh: String?) -> Bool {
        (deckIDs.isEmpty || deckIDs.contains(id)) && (sections.isEmpty || sections.contains { Self.sameSection($0, section, sectionZh) })
    }

    public func admits(_ card: Subject, today: StudyDay) -> Bool {
        guard admitsDeck(id: card.deckID, section: card.section, sectionZh: card.sectionZh) else { return false }
        if let cardIDs, !cardIDs.contains(card.cardID) { return false }
        if !tags.isEmpty {
            let own = Set(card.tags.map { $0.lowercased() })
            guard tags.contains(where: { own.contains($0.lowercased()) }) else { return false }
        }
        if dueOnly, !(card.dueDay.map { $0 <= today } ?? false) { return false }
        if weakOnly, !Self.isWeak(easiness: card.easiness, lapses: card.lapses, leech: card.isLeech) { return false }
        return true
    }

    /// A section named by its English or Chinese name, case-insensitively.
    public static func sameSection(_ name: String, _ section: String, _ sectionZh: String?) -> Bool {
        let wanted = name.trimmingSpaces.lowercased()
        return wanted == section.lowercased() || wanted == sectionZh?.lowercased()
    }
}

extension CardFilter {
    /// The scope of deadline mode (`recall config set interview-scope …`), written as
    /// comma-separated `deck=ID`, `section=NAME` and `tag=TAG` terms, each repeatable:
    /// `section=Compression, tag=gptq`. Returns nil for text that is not such a list.
    public init?(scope text: String) {
        self.init()
        for term in text.split(separator: ",") {
            let parts = term.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            switch parts[0].lowercased() {
            case "deck": deckIDs.append(parts[1])
            case "section": sections.append(parts[1])
            case "tag": tags.append(parts[1])
            default: return nil
            }
        }
        if isEmpty { return nil }
    }

    /// The scope written back as ``init(scope:)`` reads it.
    public var scopeText: String {
        (deckIDs.map { "deck=\($0)" } + sections.map { "section=\($0)" } + tags.map { "tag=\($0)" }).joined(separator: ", ")
    }
}
