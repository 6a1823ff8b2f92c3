/// Everything an export reads from the database, taken in one read so that
/// the cards, their states and the review log agree with each other.
public struct ExchangeSnapshot: Sendable {
    /// Every deck, retired ones included, by section and id.
    public var decks: [DeckRecord]
    /// Every card, retired ones included, by deck and position.
    public var cards: [StoredCard]
    /// Every answer, oldest first.
    public var reviewLog: [ReviewLogRecord]
    public var settings: Settings
    /// Every mock interview and its attempts, oldest first.
    public var interviews: [InterviewRecord]
    public var interviewAttempts: [InterviewAttemptRecord]

    public init(decks: [DeckRecord], cards: [StoredCard], reviewLog: [ReviewLogRecord], settings: Settings,
                interviews: [InterviewRecord] = [], interviewAttempts: [InterviewAttemptRecord] = []) {
        self.decks = decks
        self.cards = cards
        self.reviewLog = reviewLog
        self.settings = settings
        self.interviews = interviews
        self.interviewAttempts = interviewAttempts
    }

    /// The cards an export of `filter` covers: live cards of live decks that match it, in deck order.
    public func selection(_ filter: ExportFilter) -> [(deck: DeckRecord, cards: [StoredCard])] {
        let byDeck = Dictionary(grouping: cards.filter { !$0.record.retired && filter.admits($0) }, by: \.card.deckID)
        return decks.filter { !$0.retired && filter.admits($0) }.compactMap { deck in
            guard let cards = byDeck[deck.id], !cards.isEmpty else { return nil }
            return (deck, cards)
        }
    }

    /// The review log of the given cards, oldest first.
    public func reviews(of cards: [StoredCard]) -> [String: [ReviewLogRecord]] {
        let ids = Set(cards.map(\.card.qualifiedID))
        return Dictionary(grouping: reviewLog.filter { ids.contains($0.cardID) }, by: \.cardID)
    }
}

/// Which cards an export covers: `--deck`, `--section`, `--tag` (each repeatable; within one
/// option any value matches, across options all must).
public struct ExportFilter: Hashable, Sendable {
    public var deckIDs: [String]
    public var sections: [String]
    public var tags: [String]

    public init(deckIDs: [String] = [], sections: [String] = [], tags: [String] = []) {
        self.deckIDs = deckIDs
        self.sections = sections
        self.tags = tags
    }

    public var isEmpty: Bool { deckIDs.isEmpty && sections.isEmpty && tags.isEmpty }

    func admits(_ deck: DeckRecord) -> Bool {
        (deckIDs.isEmpty || deckIDs.contains(deck.id))
            && (sections.isEmpty || sections.contains { $0.lowercased() == deck.section.lowercased() || $0 == deck.sectionZh })
    }

    func admits(_ card: StoredCard) -> Bool {
        tags.isEmpty || tags.contains { card.allTags.contains($0) }
    }
}

/// A card's schedule as an import found it.
public struct ImportedCardState: Hashable, Sendable {
    public var schedule: CardSchedule
    public var suspended: Bool

    public init(schedule: CardSchedule, suspended: Bool = false) {
        self.schedule = schedule
        self.suspended = suspended
    }
}

/// A deck made from another tool's file: the cards, their states (by card id
/// within the deck) and the answers, ready to become a deck file and rows.
public struct ImportedDeck: Sendable {
    public var deck: Deck
    public var states: [String: ImportedCardState]
    /// Review-log rows whose `cardID` is already `deck/card`.
    public var reviews: [ReviewLogRecord]
    /// Things that were left out or changed on the way, for the user to read.
    public var notes: [String]

    public init(deck: Deck, states: [String: ImportedCardState] = [:], reviews: [ReviewLogRecord] = [], notes: [String] = []) {
        self.deck = deck
        self.states = states
        self.reviews = reviews
        self.notes = notes
    }
}
