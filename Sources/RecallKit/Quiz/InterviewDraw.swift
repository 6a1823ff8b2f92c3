import Foundation

/// Chooses the questions of a mock interview. Pure: the cards, today and the
/// seed come in; the same inputs give the same questions in the same order.
///
/// Each card gets a weight, and N cards are drawn without replacement in
/// proportion to it (Efraimidis–Spirakis: the N largest `u^(1/w)`), at most
/// one card per note so cloze siblings do not give each other away, and never
/// two notes joined by `Related:` (either way), which would give each other
/// away just the same.
///
/// weight = 1
///        + 2                       if never answered
///        + min(days overdue, 30) / 10
///        + 4 × (2.5 − easiness)    (a low easiness: a card that was hard)
///        + 0.5 × lapses (at most 8)
///        + 2 × answers below 3 in the last 14 days (at most 3)
public enum InterviewDraw {
    public struct Candidate: Hashable, Sendable {
        public var cardID: String
        public var noteKey: String
        /// The notes this card's `Related:` line names (`deck/note`).
        public var related: [String]
        public var deckID: String
        public var section: String
        public var kind: CardKind
        public var tags: [String]
        public var easiness: Double
        public var lapses: Int
        public var dueDay: StudyDay?
        public var recentFailures: Int
        /// What a ``CardFilter`` looks at.
        public var subject: CardFilter.Subject

        public init(
            cardID: String, noteKey: String, related: [String] = [], deckID: String, section: String, kind: CardKind, tags: [String],
            easiness: Double, lapses: Int, dueDay: StudyDay?, recentFailures: Int, subject: CardFilter.Subject? = nil
        ) {
            self.cardID = cardID
            self.noteKey = noteKey
            self.related = related
            self.deckID = deckID
            self.section = section
            self.kind = kind
            self.tags = tags
            self.easiness = easiness
            self.lapses = lapses
            self.dueDay = dueDay
            self.recentFailures = recentFailures
            self.subject =
                subject
                ?? CardFilter.Subject(
                    cardID: cardID, deckID: deckID, section: section, tags: tags, dueDay: dueDay,
                    easiness: easiness, lapses: lapses)
        }
    }

    public static let recentFailureWindowDays = 14

    public static func weight(_ card: Candidate, today: StudyDay) -> Double {
        var weight = 1.0
        if let due = card.dueDay {
            weight += Double(min(max(0, due.distance(to: today)), 30)) / 10
        } else {
            weight += 2
        }
        weight += 4 * max(0, SM2.initialEasiness - card.easiness)
        weight += 0.5 * Double(min(card.lapses, 8))
        weight += 2 * Double(min(card.recentFailures, 3))
        return weight
    }

    public static func draw(_ candidates: [Candidate], count: Int, today: StudyDay, seed: UInt64) -> [Candidate] {
        var generator = SeededGenerator(seed: seed)
        // Sort first so the draw does not depend on the order the database returned rows in.
        let keyed = candidates.sorted { $0.cardID < $1.cardID }.map { candidate in
            (candidate, log(generator.unitInterval()) / weight(candidate, today: today))
        }
        var chosen: [Candidate] = []
        var notes: Set<String> = []
        // The notes a chosen card names as related: taken too.
        var named: Set<String> = []
        for (candidate, _) in keyed.sorted(by: { $0.1 > $1.1 }) where chosen.count < count {
            guard !notes.contains(candidate.noteKey), !named.contains(candidate.noteKey),
                !candidate.related.contains(where: notes.contains)
            else { continue }
            notes.insert(candidate.noteKey)
            named.formUnion(candidate.related)
            chosen.append(candidate)
        }
        return chosen
    }
}
