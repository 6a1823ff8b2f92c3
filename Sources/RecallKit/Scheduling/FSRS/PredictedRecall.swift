import Foundation

/// A card's memory as FSRS-6 predicts it from its answers, by study day:
/// what `show`, `plan`, `map` and `stats` report, whichever scheduler sets
/// the due dates (with SM-2, FSRS's model still predicts).
public struct CardMemory: Hashable, Sendable {
    public var memory: FSRSMemory
    /// The study day of the last answer.
    public var lastDay: StudyDay

    public init(memory: FSRSMemory, lastDay: StudyDay) {
        self.memory = memory
        self.lastDay = lastDay
    }

    /// The memory after `answers` (any order), counted in whole study days as
    /// the optimizer fits them; `nil` for a card never answered.
    public init?(answers: [(grade: Grade, day: StudyDay, instant: Date)], parameters: FSRSParameters) {
        let sorted = answers.sorted { $0.instant < $1.instant }
        guard let first = sorted.first else { return nil }
        let w = parameters.weights
        let rating = FSRSRating(first.grade)
        var stability = FSRSModel.initialStability(w, rating)
        var difficulty = FSRSModel.initialDifficulty(w, rating)
        var last = first.day
        for answer in sorted.dropFirst() {
            let next = FSRSRating(answer.grade)
            let elapsed = Double(max(0, last.distance(to: answer.day)))
            let s = FSRSModel.nextStability(w, memory: (stability, difficulty), elapsedDays: elapsed, rating: next)
            difficulty = FSRSModel.nextDifficulty(w, difficulty: difficulty, rating: next)
            stability = min(s, FSRSModel.maximumStability)
            last = answer.day
        }
        self.init(memory: FSRSMemory(stability: stability, difficulty: difficulty), lastDay: last)
    }

    /// The predicted probability of recall on `day` (1 on the day of the last answer).
    public func retrievability(on day: StudyDay, parameters: FSRSParameters) -> Double {
        let elapsed = Double(max(0, lastDay.distance(to: day)))
        return FSRSModel.retrievability(parameters.weights, elapsedDays: elapsed, stability: memory.stability)
    }
}

/// `recall plan --until DATE`: where a scope's predicted recall stands today,
/// where it will stand on DATE, and the daily work that gets every card seen.
///
/// The rule (docs/scheduling.md): a card is reviewed on the day FSRS's
/// interval at the desired retention brings it due (whole days, at least one),
/// and each review and first answer is taken to be recalled ("good"), so the
/// plan is deterministic. An unseen card's predicted recall is 0. New cards
/// are introduced at ⌈unseen / days⌉ a day from today until the day before DATE.
public struct ReadinessPlan: Hashable, Sendable {
    public struct Day: Hashable, Sendable {
        public var day: StudyDay
        public var newCards: Int
        public var reviews: Int
        /// The scope's mean predicted recall at the end of the day.
        public var predictedRecall: Double
    }

    public var today: StudyDay
    public var until: StudyDay
    public var cards: Int
    public var seen: Int
    /// The scope's mean predicted recall today (unseen cards count 0).
    public var recallToday: Double
    /// On DATE, if only what is due is done and no new card is started.
    public var recallOnDateDueOnly: Double
    /// New cards a day to have seen the whole scope the day before DATE.
    public var newCardsPerDay: Int
    /// On DATE, with the new cards introduced at that pace.
    public var recallOnDateWithPlan: Double
    /// One row per day from today up to the day before DATE.
    public var days: [Day]

    public var meanDailyReviews: Double {
        days.isEmpty ? 0 : Double(days.reduce(0) { $0 + $1.reviews }) / Double(days.count)
    }

    public enum Failure: Error, Hashable, Sendable {
        case dateNotAfterToday(until: StudyDay, today: StudyDay)
    }

    /// The plan for `memories` (one a card of the scope, `nil` for unseen).
    public static func make(
        _ memories: [CardMemory?], today: StudyDay, until: StudyDay, parameters: FSRSParameters, desiredRetention: Double
    ) throws(Failure) -> ReadinessPlan {
        guard today < until else { throw .dateNotAfterToday(until: until, today: today) }
        let scheduler = FSRSScheduler(settings: FSRSSettings(parameters: parameters, desiredRetention: desiredRetention, fuzz: false))
        let daysLeft = today.distance(to: until)
        let seenMemories = memories.compactMap { $0 }
        let unseen = memories.count - seenMemories.count
        let perDay = unseen == 0 ? 0 : (unseen + daysLeft - 1) / daysLeft

        func mean(_ cards: [CardMemory], on day: StudyDay) -> Double {
            guard !memories.isEmpty else { return 0 }
            return cards.reduce(0) { $0 + $1.retrievability(on: day, parameters: parameters) } / Double(memories.count)
        }

        // Due only: the seen cards, reviewed when due.
        var dueOnly = seenMemories
        for offset in 0..<daysLeft {
            _ = reviewDue(&dueOnly, on: today.adding(days: offset), scheduler: scheduler)
        }

        // With the plan: the same, and `perDay` new cards a day, first answered "good".
        var planned = seenMemories
        var remaining = unseen
        var rows: [Day] = []
        let w = parameters.weights
        for offset in 0..<daysLeft {
            let day = today.adding(days: offset)
            let reviews = reviewDue(&planned, on: day, scheduler: scheduler)
            let started = min(perDay, remaining)
            remaining -= started
            for _ in 0..<started {
                let memory = FSRSMemory(stability: FSRSModel.initialStability(w, .good), difficulty: FSRSModel.initialDifficulty(w, .good))
                planned.append(CardMemory(memory: memory, lastDay: day))
            }
            rows.append(Day(day: day, newCards: started, reviews: reviews, predictedRecall: mean(planned, on: day)))
        }
        return ReadinessPlan(
            today: today, until: until, cards: memories.count, seen: seenMemories.count,
            recallToday: mean(seenMemories, on: today), recallOnDateDueOnly: mean(dueOnly, on: until),
            newCardsPerDay: perDay, recallOnDateWithPlan: mean(planned, on: until), days: rows)
    }

    /// The day a card falls due: its last answer plus FSRS's interval.
    public static func dueDay(_ card: CardMemory, scheduler: FSRSScheduler) -> StudyDay {
        card.lastDay.adding(days: scheduler.intervalDays(stability: card.memory.stability))
    }

    /// Reviews (as recalled) every card due on or before `day`; returns how many.
    static func reviewDue(_ cards: inout [CardMemory], on day: StudyDay, scheduler: FSRSScheduler) -> Int {
        let w = scheduler.settings.parameters.weights
        var count = 0
        for index in cards.indices where dueDay(cards[index], scheduler: scheduler) <= day {
            let card = cards[index]
            let elapsed = Double(max(0, card.lastDay.distance(to: day)))
            let stability = FSRSModel.nextStability(w, memory: (card.memory.stability, card.memory.difficulty), elapsedDays: elapsed, rating: .good)
            let difficulty = FSRSModel.nextDifficulty(w, difficulty: card.memory.difficulty, rating: .good)
            cards[index] = CardMemory(memory: FSRSMemory(stability: min(stability, FSRSModel.maximumStability), difficulty: difficulty), lastDay: day)
            count += 1
        }
        return count
    }
}

/// Deadline mode (`recall config set interview-date DATE`): the queue brings
/// forward the cards that would otherwise reach the interview day forgotten,
/// and starts new cards at the pace the plan needs.
///
/// The rule: a card is brought forward to today when it has been answered,
/// is not due by today, its next due day is after the interview day (so no
/// scheduled review comes before it), and FSRS-6 predicts its recall on the
/// interview day below the target (the desired retention). New cards a day:
/// the larger of the daily limit and ⌈unseen cards / days left⌉.
public enum DeadlineMode {
    public struct Card: Hashable, Sendable {
        public var id: String
        public var memory: CardMemory
        public var dueDay: StudyDay?

        public init(id: String, memory: CardMemory, dueDay: StudyDay?) {
            self.id = id
            self.memory = memory
            self.dueDay = dueDay
        }
    }

    /// The ids the rule brings forward, lowest predicted recall on the interview day first.
    public static func broughtForward(
        _ cards: [Card], today: StudyDay, interview: StudyDay, target: Double, parameters: FSRSParameters
    ) -> [String] {
        guard today < interview else { return [] }
        return cards.compactMap { card -> (String, Double)? in
            guard let due = card.dueDay, due > today, due > interview else { return nil }
            let recall = card.memory.retrievability(on: interview, parameters: parameters)
            return recall < target ? (card.id, recall) : nil
        }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        .map(\.0)
    }

    /// New cards a day: at least `dailyLimit`, more when the unseen cards need it.
    public static func newCardsPerDay(unseen: Int, today: StudyDay, interview: StudyDay, dailyLimit: Int) -> Int {
        let days = today.distance(to: interview)
        guard days > 0, unseen > 0 else { return dailyLimit }
        return max(dailyLimit, (unseen + days - 1) / days)
    }
}
