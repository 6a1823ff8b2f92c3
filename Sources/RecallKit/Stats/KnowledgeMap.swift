/// Readiness on the knowledge map: sections, their decks, and each deck's
/// topics (its tags), with at every node how many cards have been seen and
/// how many are mastered. Pure: built from one row per card.
///
/// - A card is **seen** once it has been answered.
/// - A card is **mastered** when its interval is 21 days or more (mature, see
///   ``CardStage``); **mastery** is mastered ÷ total.
/// - Suspended cards count: they are part of the map, and not known.
/// - A deck's topics are its cards' tags, except tags every card of the deck
///   carries (the deck's own tags say nothing a deck node does not). A card
///   with several tags counts under each.
/// - The **weakest topics** are topics of at least ``minimumTopicCards``
///   cards with at least one card seen and not all mastered, lowest mastery first; ties go to
///   more lapses per seen card, then to the bigger topic. Topics with no card
///   seen are listed apart as not started.
public struct KnowledgeMap: Hashable, Sendable, Encodable {
    public static let minimumTopicCards = 3
    public static let weakestShown = 5

    public struct Card: Hashable, Sendable {
        public var deckID: String
        public var tags: [String]
        public var isSeen: Bool
        public var intervalDays: Int
        public var lapses: Int
        /// The card's id (deck/card), to attach predictions to.
        public var cardID: String
        /// FSRS-6's predicted probability of recall on the map's day; 0 for an unseen card.
        public var predictedRecall: Double

        public init(deckID: String, tags: [String], isSeen: Bool, intervalDays: Int, lapses: Int, cardID: String = "", predictedRecall: Double = 0) {
            self.deckID = deckID
            self.tags = tags
            self.isSeen = isSeen
            self.intervalDays = intervalDays
            self.lapses = lapses
            self.cardID = cardID
            self.predictedRecall = predictedRecall
        }

        var isMastered: Bool { intervalDays >= CardStage.matureIntervalDays }
    }

    public struct Deck: Hashable, Sendable {
        public var id: String
        public var title: String
        public var section: String

        public init(id: String, title: String, section: String) {
            self.id = id
            self.title = title
            self.section = section
        }
    }

    public enum Level: String, Hashable, Sendable, Encodable { case section, deck, topic }

    public struct Node: Hashable, Sendable, Encodable {
        public var level: Level
        /// The section's name, the deck's id, or the tag.
        public var name: String
        public var total = 0
        public var seen = 0
        public var mastered = 0
        public var lapses = 0
        /// The sum of the cards' predicted recall.
        public var recallSum = 0.0
        public var children: [Node] = []

        public var mastery: Double { total == 0 ? 0 : Double(mastered) / Double(total) }
        /// The mean predicted recall of the node's cards (unseen cards count 0).
        public var predictedRecall: Double { total == 0 ? 0 : recallSum / Double(total) }

        mutating func add(_ card: Card) {
            total += 1
            recallSum += card.predictedRecall
            if card.isSeen { seen += 1 }
            if card.isMastered { mastered += 1 }
            lapses += card.lapses
        }

        enum CodingKeys: String, CodingKey { case level, name, total, seen, mastered, lapses, mastery, predictedRecall, children }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(name, forKey: .name)
            try container.encode(total, forKey: .total)
            try container.encode(seen, forKey: .seen)
            try container.encode(mastered, forKey: .mastered)
            try container.encode(lapses, forKey: .lapses)
            try container.encode(predictedRecall, forKey: .predictedRecall)
            try container.encode(mastery, forKey: .mastery)
            if !children.isEmpty { try container.encode(children, forKey: .children) }
        }
    }

    /// A topic named with its deck, for the weakest and not-started lists.
    public struct Topic: Hashable, Sendable, Encodable {
        public var deckID: String
        public var topic: Node
    }

    /// All cards.
    public var root: Node
    public var sections: [Node] { root.children }
    public var weakest: [Topic]
    public var notStarted: [Topic]

    /// - Parameters:
    ///   - decks: the decks in the order to show them; sections keep the order they first appear in.
    ///   - cards: one row per card; cards of decks not in `decks` are left out.
    public init(decks: [Deck], cards: [Card]) {
        let byDeck = Dictionary(grouping: cards, by: \.deckID)
        var root = Node(level: .section, name: "all")
        var sectionIndex: [String: Int] = [:]
        var topics: [Topic] = []
        for deck in decks {
            let deckCards = byDeck[deck.id] ?? []
            var deckNode = Node(level: .deck, name: deck.id)
            for card in deckCards { deckNode.add(card) }
            let everywhere = deckCards.count > 1 ? Set(deckCards[0].tags).filter { tag in deckCards.allSatisfy { $0.tags.contains(tag) } } : []
            var tagNodes: [String: Node] = [:]
            for card in deckCards {
                for tag in Set(card.tags) where !everywhere.contains(tag) {
                    tagNodes[tag, default: Node(level: .topic, name: tag)].add(card)
                }
            }
            deckNode.children = tagNodes.values.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
            topics += deckNode.children.map { Topic(deckID: deck.id, topic: $0) }
            let index: Int
            if let known = sectionIndex[deck.section] {
                index = known
            } else {
                index = root.children.count
                sectionIndex[deck.section] = index
                root.children.append(Node(level: .section, name: deck.section))
            }
            root.children[index].children.append(deckNode)
            for card in deckCards {
                root.children[index].add(card)
                root.add(card)
            }
        }
        self.root = root
        let candidates = topics.filter { $0.topic.total >= Self.minimumTopicCards }
        weakest = Array(candidates.filter { $0.topic.seen > 0 && $0.topic.mastered < $0.topic.total }.sorted(by: Self.weaker).prefix(Self.weakestShown))
        notStarted = candidates.filter { $0.topic.seen == 0 }
            .sorted { ($0.topic.total, $1.deckID, $1.topic.name) > ($1.topic.total, $0.deckID, $0.topic.name) }
    }

    /// Lower mastery first; then more lapses per seen card; then the bigger topic; then by name.
    static func weaker(_ a: Topic, _ b: Topic) -> Bool {
        if a.topic.mastery != b.topic.mastery { return a.topic.mastery < b.topic.mastery }
        let lapseRateA = Double(a.topic.lapses) / Double(max(1, a.topic.seen))
        let lapseRateB = Double(b.topic.lapses) / Double(max(1, b.topic.seen))
        if lapseRateA != lapseRateB { return lapseRateA > lapseRateB }
        if a.topic.total != b.topic.total { return a.topic.total > b.topic.total }
        return (a.deckID, a.topic.name) < (b.deckID, b.topic.name)
    }

    enum CodingKeys: String, CodingKey { case root, weakest, notStarted }
}
