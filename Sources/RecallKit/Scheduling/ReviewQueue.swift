/// Builds the day's review queue from the cards that could be asked. Pure.
///
/// The order (docs/queue.md says it for people):
///
/// 1. **Reviews**, most overdue first (ties: deck, then file order), at most
///    the reviews left today.
/// 2. **New cards**, spanning the map: one from each deck in turn, the
///    starting deck rotating with the study day; inside a deck one from each
///    topic (a card's first tag) in turn, the starting topic rotating with the
///    day too, and within a topic in file order. So over any run of days every
///    deck and every topic gets its share, whatever the daily limit. (A
///    deck's topics are taken least recently introduced first: fewest cards
///    introduced in the last 14 days, ties in file order.)
/// 3. **Siblings apart**: cards of one note (cloze deletions) and cards a deck
///    links with `Related:` form a family; when `siblingsApart` is on, at most
///    one card of a family is queued on a day, and none when one was already
///    answered today. The others wait for another day; they are not lost.
///
/// The same-day re-drill comes from ``ReviewSession``, not from here.
public enum ReviewQueue {
    public struct Candidate: Hashable, Sendable {
        public var cardID: String
        public var deckID: String
        /// Order within the deck file.
        public var position: Int
        public var dueDay: StudyDay?
        public var tags: [String]
        /// `deck/note`: cards of one note are siblings.
        public var noteKey: String
        /// Other notes (`deck/note`) this card is related to: siblings too.
        public var related: [String]
        /// What a ``CardFilter`` looks at.
        public var subject: CardFilter.Subject

        public init(
            cardID: String, deckID: String, position: Int, dueDay: StudyDay?, tags: [String] = [],
            noteKey: String? = nil, related: [String] = [], subject: CardFilter.Subject? = nil
        ) {
            self.cardID = cardID
            self.deckID = deckID
            self.position = position
            self.dueDay = dueDay
            self.tags = tags
            self.noteKey = noteKey ?? cardID
            self.related = related
            self.subject = subject ?? CardFilter.Subject(cardID: cardID, deckID: deckID, section: "", tags: tags, dueDay: dueDay)
        }

        /// The topic a new card is interleaved by: its first tag that is not on
        /// every card of its deck (`everywhere`: the deck's own tags), as the
        /// knowledge map counts topics.
        public func topic(besides everywhere: Set<String>) -> String {
            tags.first { !everywhere.contains($0) } ?? ""
        }
    }

    public enum EntryKind: String, Hashable, Sendable, Codable {
        case review, new, redrill
    }

    public struct Entry: Hashable, Sendable {
        public var cardID: String
        public var kind: EntryKind
        public var dueDay: StudyDay?

        public init(cardID: String, kind: EntryKind, dueDay: StudyDay? = nil) {
            self.cardID = cardID
            self.kind = kind
            self.dueDay = dueDay
        }
    }

    public struct Limits: Hashable, Sendable {
        /// New cards left for today (the daily limit less those already introduced).
        public var newCards: Int
        /// Reviews left for today.
        public var reviews: Int
        /// At most this many cards in all, if set.
        public var total: Int?

        public init(newCards: Int, reviews: Int, total: Int? = nil) {
            self.newCards = newCards
            self.reviews = reviews
            self.total = total
        }
    }

    /// A card introduced (answered for the first time) in the last ``recentDays`` days:
    /// its deck and tags, so that the topics it belongs to wait their turn.
    public struct RecentCard: Hashable, Sendable {
        public var deckID: String
        public var tags: [String]

        public init(deckID: String, tags: [String]) {
            self.deckID = deckID
            self.tags = tags
        }
    }

    /// How far back introduced cards count against their topic.
    public static let recentDays = 14

    /// What keeps siblings apart: whether to, and the families already answered today.
    public struct Siblings: Hashable, Sendable {
        public var keepApart: Bool
        /// The notes of the cards answered today, with the notes they are related to.
        public var answeredToday: [Link]

        public struct Link: Hashable, Sendable {
            public var noteKey: String
            public var related: [String]

            public init(noteKey: String, related: [String] = []) {
                self.noteKey = noteKey
                self.related = related
            }
        }

        public init(keepApart: Bool = true, answeredToday: [Link] = []) {
            self.keepApart = keepApart
            self.answeredToday = answeredToday
        }
    }

    /// The queue for `today` from the candidates (already filtered, and
    /// without suspended, buried or retired cards).
    public static func build(
        _ candidates: [Candidate], today: StudyDay, limits: Limits,
        siblings: Siblings = Siblings(), recentlyIntroduced: [RecentCard] = []
    ) -> [Entry] {
        var families = Families()
        for candidate in candidates { families.link(candidate.noteKey, candidate.related) }
        for answered in siblings.answeredToday { families.link(answered.noteKey, answered.related) }
        var taken = Set(siblings.answeredToday.map { families.root($0.noteKey) })
        func admit(_ candidate: Candidate) -> Bool {
            guard siblings.keepApart else { return true }
            return taken.insert(families.root(candidate.noteKey)).inserted
        }

        var due: [Entry] = []
        let overdueFirst =
            candidates
            .filter { ($0.dueDay.map { $0 <= today }) ?? false }
            .sorted { ($0.dueDay ?? today, $0.deckID, $0.position) < ($1.dueDay ?? today, $1.deckID, $1.position) }
        for candidate in overdueFirst where due.count < limits.reviews && admit(candidate) {
            due.append(Entry(cardID: candidate.cardID, kind: .review, dueDay: candidate.dueDay))
        }

        var newEntries: [Entry] = []
        let newLimit = limits.total.map { min(limits.newCards, max(0, $0 - due.count)) } ?? limits.newCards
        var decks = DeckRotation(candidates.filter { $0.dueDay == nil }, today: today, recentlyIntroduced: recentlyIntroduced)
        while newEntries.count < newLimit, let candidate = decks.next(admitting: admit) {
            newEntries.append(Entry(cardID: candidate.cardID, kind: .new))
        }
        let all = due + newEntries
        if let total = limits.total { return Array(all.prefix(max(0, total))) }
        return all
    }

    /// Note families: notes joined by sharing cards (cloze) or by `Related:`.
    struct Families {
        private var parent: [String: String] = [:]

        func root(_ key: String) -> String {
            var current = key
            while let next = parent[current], next != current { current = next }
            return current
        }

        mutating func link(_ key: String, _ others: [String]) {
            for other in others {
                let (a, b) = (root(key), root(other))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
    }

    /// New cards one deck at a time, and inside a deck one topic at a time,
    /// both rotations starting at a place that moves with the day.
    struct DeckRotation {
        /// Per deck (sorted by id): its topics (in order of first appearance), each a column of cards in file order.
        private var decks: [[[Candidate]]]
        private var deckCursor: Int
        private var topicCursors: [Int]

        /// A deck's topics are taken least recently introduced first: by how many of
        /// their cards were introduced in the last ``recentDays`` days (ties: the order
        /// of the file), so each day continues where the days before left off.
        init(_ newCards: [Candidate], today: StudyDay, recentlyIntroduced: [RecentCard]) {
            let byDeck = Dictionary(grouping: newCards, by: \.deckID)
            let recentByDeck = Dictionary(grouping: recentlyIntroduced, by: \.deckID)
            decks = byDeck.keys.sorted().map { deck in
                var order: [String] = []
                var columns: [String: [Candidate]] = [:]
                let cards = (byDeck[deck] ?? []).sorted(by: { $0.position < $1.position })
                let everywhere: Set<String> =
                    cards.count > 1
                    ? Set(cards[0].tags).filter { tag in cards.allSatisfy { $0.tags.contains(tag) } } : []
                for card in cards {
                    let topic = card.topic(besides: everywhere)
                    if columns[topic] == nil { order.append(topic) }
                    columns[topic, default: []].append(card)
                }
                var recent: [String: Int] = [:]
                for card in recentByDeck[deck] ?? [] {
                    recent[card.tags.first { !everywhere.contains($0) } ?? "", default: 0] += 1
                }
                let ranked = order.enumerated().sorted { (recent[$0.element] ?? 0, $0.offset) < (recent[$1.element] ?? 0, $1.offset) }
                return ranked.map { columns[$0.element] ?? [] }
            }
            let day = max(0, today.daysSinceEpoch)
            deckCursor = decks.isEmpty ? 0 : day % decks.count
            topicCursors = decks.map { _ in 0 }
        }

        /// The next card `admit` accepts, taking one card from the next deck
        /// that has one; nil when every deck is exhausted.
        mutating func next(admitting admit: (Candidate) -> Bool) -> Candidate? {
            while decks.contains(where: { !$0.isEmpty }) {
                let deck = deckCursor % decks.count
                deckCursor = (deck + 1) % decks.count
                if let card = nextCard(inDeck: deck, admitting: admit) { return card }
            }
            return nil
        }

        /// One card from the deck's next topic; a card refused (a sibling of
        /// one already taken) is dropped for today and the search goes on.
        private mutating func nextCard(inDeck deck: Int, admitting admit: (Candidate) -> Bool) -> Candidate? {
            while !decks[deck].isEmpty {
                let topic = topicCursors[deck] % decks[deck].count
                let card = decks[deck][topic].removeFirst()
                if decks[deck][topic].isEmpty {
                    decks[deck].remove(at: topic)
                    topicCursors[deck] = decks[deck].isEmpty ? 0 : topic % decks[deck].count
                } else {
                    topicCursors[deck] = (topic + 1) % decks[deck].count
                }
                if admit(card) { return card }
            }
            return nil
        }
    }
}
