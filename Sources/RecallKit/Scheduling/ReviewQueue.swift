/// Builds the day's review queue from the cards that could be asked. Pure.
///
/// Order: due cards, most overdue first; then new cards, taken round-robin
/// across decks so that a day's new cards span the map; the same-day re-drill
/// is asked after these (see ``ReviewSession``).
public enum ReviewQueue {
    public struct Candidate: Hashable, Sendable {
        public var cardID: String
        public var deckID: String
        /// Order within the deck file.
        public var position: Int
        public var dueDay: StudyDay?
        public var tags: [String]

        public init(cardID: String, deckID: String, position: Int, dueDay: StudyDay?, tags: [String] = []) {
            self.cardID = cardID
            self.deckID = deckID
            self.position = position
            self.dueDay = dueDay
            self.tags = tags
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

    /// The queue for `today` from the candidates (already filtered by deck and
    /// tag, and without suspended, buried or retired cards).
    public static func build(_ candidates: [Candidate], today: StudyDay, limits: Limits) -> [Entry] {
        let due = candidates
            .filter { ($0.dueDay.map { $0 <= today }) ?? false }
            .sorted { ($0.dueDay ?? today, $0.deckID, $0.position) < ($1.dueDay ?? today, $1.deckID, $1.position) }
            .prefix(max(0, limits.reviews))
            .map { Entry(cardID: $0.cardID, kind: .review, dueDay: $0.dueDay) }

        var byDeck: [String: [Candidate]] = [:]
        for candidate in candidates where candidate.dueDay == nil {
            byDeck[candidate.deckID, default: []].append(candidate)
        }
        var newEntries: [Entry] = []
        let decks = byDeck.keys.sorted()
        let columns = byDeck.mapValues { $0.sorted { $0.position < $1.position } }
        var round = 0
        while newEntries.count < limits.newCards {
            var took = false
            for deck in decks {
                guard let cards = columns[deck], round < cards.count else { continue }
                newEntries.append(Entry(cardID: cards[round].cardID, kind: .new))
                took = true
                if newEntries.count == limits.newCards { break }
            }
            if !took { break }
            round += 1
        }
        let all = due + newEntries
        if let total = limits.total { return Array(all.prefix(max(0, total))) }
        return all
    }
}
