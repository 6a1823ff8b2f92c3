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
    /// The scheduler, FSRS and deadline settings that are set (``SchedulingSettings``).
    public var scheduling: [String: String]
    /// Every mock interview and its attempts, oldest first.
    public var interviews: [InterviewRecord]
    public var interviewAttempts: [InterviewAttemptRecord]

    public init(
        decks: [DeckRecord], cards: [StoredCard], reviewLog: [ReviewLogRecord], settings: Settings,
        interviews: [InterviewRecord] = [], interviewAttempts: [InterviewAttemptRecord] = [],
        scheduling: [String: String] = [:]
    ) {
        self.decks = decks
        self.scheduling = scheduling
        self.cards = cards
        self.reviewLog = reviewLog
        self.settings = settings
        self.interviews = interviews
        self.interviewAttempts = interviewAttempts
    }

    /// The cards an export of `filter` covers: live cards of live decks that match it, in deck order.
    public func selection(_ filter: CardFilter, today: StudyDay) -> [(deck: DeckRecord, cards: [StoredCard])] {
        let liveDecks = decks.filter { !$0.retired && filter.admitsDeck(id: $0.id, section: $0.section, sectionZh: $0.sectionZh) }
        let deckByID = Dictionary(liveDecks.map { ($0.id, $0) }) { first, _ in first }
        let byDeck = Dictionary(
            grouping: cards.filter { stored in
                guard !stored.record.retired, let deck = deckByID[stored.card.deckID] else { return false }
                return filter.admits(CardFilter.Subject(stored, deck: deck), today: today)
            }, by: \.card.deckID)
        return liveDecks.compactMap { deck in
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

extension CardFilter.Subject {
    /// What the filter looks at in a stored card of `deck`.
    public init(_ stored: StoredCard, deck: DeckRecord) {
        let schedule = stored.schedule
        self.init(
            cardID: stored.card.qualifiedID, deckID: deck.id, section: deck.section, sectionZh: deck.sectionZh,
            tags: stored.allTags, dueDay: schedule.dueDay, easiness: schedule.sm2.easiness, lapses: schedule.lapses,
            isLeech: schedule.isLeech)
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
