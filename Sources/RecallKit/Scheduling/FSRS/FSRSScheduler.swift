import Foundation

/// How the FSRS scheduler turns memory into due dates: the weights, the
/// retention it aims for, the same-day steps and the longest interval.
public struct FSRSSettings: Hashable, Sendable, Codable {
    public static let defaultDesiredRetention = 0.9
    public static let defaultLearningStepsSeconds: [Double] = [60, 600]
    public static let defaultRelearningStepsSeconds: [Double] = [600]
    public static let defaultMaximumIntervalDays = 36_500

    public var parameters: FSRSParameters
    /// The probability of recall at which a card falls due (0 < r < 1).
    public var desiredRetention: Double
    /// The waits between the answers that bring a new card into review.
    public var learningStepsSeconds: [Double]
    /// The waits after a lapse before the card is back in review.
    public var relearningStepsSeconds: [Double]
    public var maximumIntervalDays: Int
    /// Whether review intervals get a little spread (deterministic per card and answer).
    public var fuzz: Bool

    public init(
        parameters: FSRSParameters = .defaults,
        desiredRetention: Double = defaultDesiredRetention,
        learningStepsSeconds: [Double] = defaultLearningStepsSeconds,
        relearningStepsSeconds: [Double] = defaultRelearningStepsSeconds,
        maximumIntervalDays: Int = defaultMaximumIntervalDays,
        fuzz: Bool = true
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningStepsSeconds = learningStepsSeconds
        self.relearningStepsSeconds = relearningStepsSeconds
        self.maximumIntervalDays = maximumIntervalDays
        self.fuzz = fuzz
    }
}

/// What FSRS keeps about one card between answers.
public struct FSRSCardState: Hashable, Sendable, Codable {
    public enum Phase: String, Hashable, Sendable, Codable {
        /// New, or still in its learning steps.
        case learning
        case review
        /// Lapsed, in its relearning steps.
        case relearning
    }

    public var phase: Phase
    /// The learning or relearning step the card is on; `nil` in review.
    public var step: Int?
    /// `nil` until the first answer.
    public var memory: FSRSMemory?
    public var lastReview: Date?
    public var due: Date?
    /// Answers so far: with the card's id it seeds the fuzz.
    public var answers: Int

    public init(phase: Phase = .learning, step: Int? = 0, memory: FSRSMemory? = nil, lastReview: Date? = nil, due: Date? = nil, answers: Int = 0) {
        self.phase = phase
        self.step = step
        self.memory = memory
        self.lastReview = lastReview
        self.due = due
        self.answers = answers
    }

    public static let new = FSRSCardState()
}

/// FSRS-6 as a scheduler: a pure map from (state, rating, instant) to the
/// next state and its due instant, with learning and relearning steps as
/// py-fsrs 6.3.2 has them.
public struct FSRSScheduler: Hashable, Sendable {
    public static let secondsPerDay = 86_400.0

    public var settings: FSRSSettings

    public init(settings: FSRSSettings = FSRSSettings()) { self.settings = settings }

    public struct Outcome: Hashable, Sendable {
        public var state: FSRSCardState
        /// How long until the card is due again.
        public var intervalSeconds: Double
        /// The retrievability at the moment of the answer (`nil` for a new card).
        public var retrievabilityBefore: Double?
    }

    /// Whole days since the last review (24-hour periods, never negative).
    public static func elapsedDays(from last: Date, to now: Date) -> Int {
        max(0, Int((now.timeIntervalSince(last) / secondsPerDay).rounded(.down)))
    }

    /// The predicted probability of recall at `date`; `nil` for a card never answered.
    public func retrievability(_ state: FSRSCardState, at date: Date) -> Double? {
        guard let memory = state.memory, let last = state.lastReview else { return nil }
        let days = Double(Self.elapsedDays(from: last, to: date))
        return FSRSModel.retrievability(settings.parameters.weights, elapsedDays: days, stability: memory.stability)
    }

    /// The review interval for a stability: the days until recall falls to the
    /// desired retention, rounded half to even, within 1…maximum.
    public func intervalDays(stability: Double) -> Int {
        let raw = FSRSModel.intervalDays(settings.parameters.weights, stability: stability, retention: settings.desiredRetention)
        let rounded = raw.isFinite ? raw.rounded(.toNearestOrEven) : Double(settings.maximumIntervalDays)
        return Int(min(max(rounded, 1), Double(settings.maximumIntervalDays)))
    }

    /// The state after answering `rating` at `date`. `fuzzFraction` (0 ≤ u < 1)
    /// spreads a review interval when fuzz is on; see ``FSRSFuzz``.
    public func answer(_ state: FSRSCardState, rating: FSRSRating, at date: Date, fuzzFraction: Double? = nil) -> Outcome {
        let w = settings.parameters.weights
        var next = state
        next.answers += 1
        let before = retrievability(state, at: date)

        // Memory: the first answer sets it; a same-day answer takes the
        // short-term formula; a later one the long-term formulas.
        if let memory = state.memory {
            let elapsed = state.lastReview.map { Self.elapsedDays(from: $0, to: date) } ?? 0
            let stability = FSRSModel.nextStability(
                w, memory: (memory.stability, memory.difficulty), elapsedDays: Double(elapsed), rating: rating)
            let difficulty = FSRSModel.nextDifficulty(w, difficulty: memory.difficulty, rating: rating)
            next.memory = FSRSMemory(stability: stability, difficulty: difficulty)
        } else {
            next.memory = FSRSMemory(
                stability: FSRSModel.initialStability(w, rating), difficulty: FSRSModel.initialDifficulty(w, rating))
        }
        let stability = next.memory?.stability ?? FSRSModel.minimumStability

        var seconds: Double
        switch state.phase {
        case .learning, .relearning:
            let steps = state.phase == .learning ? settings.learningStepsSeconds : settings.relearningStepsSeconds
            let step = state.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating.isRecall) {
                seconds = graduate(&next, stability: stability)
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    seconds = steps[0]
                case .hard:
                    if step == 0 {
                        seconds = steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
                    } else {
                        seconds = steps[min(step, steps.count - 1)]
                    }
                case .good:
                    if step + 1 >= steps.count {
                        seconds = graduate(&next, stability: stability)
                    } else {
                        next.step = step + 1
                        seconds = steps[step + 1]
                    }
                case .easy:
                    seconds = graduate(&next, stability: stability)
                }
            }
        case .review:
            if rating == .again, let first = settings.relearningStepsSeconds.first {
                next.phase = .relearning
                next.step = 0
                seconds = first
            } else {
                seconds = Double(intervalDays(stability: stability)) * Self.secondsPerDay
            }
        }

        if settings.fuzz, next.phase == .review, let fraction = fuzzFraction {
            seconds = Double(fuzzedDays(Int(seconds / Self.secondsPerDay), fraction: fraction)) * Self.secondsPerDay
        }
        next.lastReview = date
        next.due = date.addingTimeInterval(seconds)
        return Outcome(state: next, intervalSeconds: seconds, retrievabilityBefore: before)
    }

    private func graduate(_ state: inout FSRSCardState, stability: Double) -> Double {
        state.phase = .review
        state.step = nil
        return Double(intervalDays(stability: stability)) * Self.secondsPerDay
    }

    /// Fuzz ranges: within 2.5–7 days ±15%, 7–20 days ±10%, beyond ±5%, plus one day.
    static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.1), (20, .infinity, 0.05),
    ]

    /// A review interval spread over its fuzz range; intervals under 2.5 days are kept.
    public func fuzzedDays(_ days: Int, fraction: Double) -> Int {
        let interval = Double(days)
        guard interval >= 2.5 else { return days }
        var delta = 1.0
        for range in Self.fuzzRanges {
            delta += range.factor * max(min(interval, range.end) - range.start, 0)
        }
        let maximum = min((interval + delta).rounded(.toNearestOrEven), Double(settings.maximumIntervalDays))
        let minimum = min(max(2, (interval - delta).rounded(.toNearestOrEven)), maximum)
        let fuzzed = (fraction * (maximum - minimum + 1) + minimum).rounded(.toNearestOrEven)
        return Int(min(fuzzed, Double(settings.maximumIntervalDays)))
    }
}

/// The fuzz of one answer: a fraction in [0, 1) that depends only on the
/// card and how many answers it has had, so a replay gives the same dates.
public enum FSRSFuzz {
    public static func fraction(cardID: String, answer: Int) -> Double {
        // FNV-1a over the id, then SplitMix64 with the answer number.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in cardID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        var z = hash &+ UInt64(truncatingIfNeeded: answer) &* 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }
}
