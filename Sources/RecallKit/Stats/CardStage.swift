/// Where a card stands in its learning, as `recall stats` and `recall map`
/// count it. Anki's words, defined for SM-2:
///
/// - **new**: never answered (no due day yet);
/// - **learning**: answered, but not yet passed twice in a row since it was
///   new or last failed (SM-2 repetitions < 2: it is on the 1-day step);
/// - **young**: passed at least twice in a row, interval under 21 days;
/// - **mature**: interval of 21 days or more (Anki's threshold).
///
/// Suspension is counted apart from the stage (see ``DeckCardCounts``).
public enum CardStage: String, Hashable, Sendable, Codable, CaseIterable {
    case new, learning, young, mature

    /// A card whose interval is at least this many days is mature.
    public static let matureIntervalDays = 21
    /// A card answered fewer than this many times in a row correctly is learning.
    public static let learnedRepetitions = 2

    public init(isNew: Bool, repetitions: Int, intervalDays: Int) {
        if isNew {
            self = .new
        } else if intervalDays >= Self.matureIntervalDays {
            self = .mature
        } else if repetitions < Self.learnedRepetitions {
            self = .learning
        } else {
            self = .young
        }
    }

    public init(_ schedule: CardSchedule) {
        self.init(isNew: schedule.isNew, repetitions: schedule.sm2.repetitions, intervalDays: schedule.sm2.intervalDays)
    }
}

/// How many scheduled reviews were answered 3 or better, split by the card's
/// interval before the answer.
///
/// True retention counts reviews of mature cards (interval before the answer
/// of 21 days or more), young retention the rest. Only scheduled reviews
/// count: a new card's first answer and the same-day re-drill do not.
public struct RetentionTally: Hashable, Sendable, Encodable {
    public var matureReviews = 0
    public var maturePassed = 0
    public var youngReviews = 0
    public var youngPassed = 0

    public init(matureReviews: Int = 0, maturePassed: Int = 0, youngReviews: Int = 0, youngPassed: Int = 0) {
        self.matureReviews = matureReviews
        self.maturePassed = maturePassed
        self.youngReviews = youngReviews
        self.youngPassed = youngPassed
    }

    /// Share of mature reviews passed; nil when there were none.
    public var trueRetention: Double? { matureReviews == 0 ? nil : Double(maturePassed) / Double(matureReviews) }
    /// Share of young reviews passed; nil when there were none.
    public var youngRetention: Double? { youngReviews == 0 ? nil : Double(youngPassed) / Double(youngReviews) }
    public var isEmpty: Bool { matureReviews == 0 && youngReviews == 0 }

    enum CodingKeys: String, CodingKey {
        case matureReviews, maturePassed, youngReviews, youngPassed, trueRetention, youngRetention
    }

    /// The counts and both shares (null when there was nothing to count).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matureReviews, forKey: .matureReviews)
        try container.encode(maturePassed, forKey: .maturePassed)
        try container.encode(youngReviews, forKey: .youngReviews)
        try container.encode(youngPassed, forKey: .youngPassed)
        try container.encode(trueRetention, forKey: .trueRetention)
        try container.encode(youngRetention, forKey: .youngRetention)
    }

    public static func + (lhs: RetentionTally, rhs: RetentionTally) -> RetentionTally {
        RetentionTally(
            matureReviews: lhs.matureReviews + rhs.matureReviews, maturePassed: lhs.maturePassed + rhs.maturePassed,
            youngReviews: lhs.youngReviews + rhs.youngReviews, youngPassed: lhs.youngPassed + rhs.youngPassed)
    }
}

/// A deck's cards by stage, with suspended cards counted apart and leeches
/// counted among the others. new + learning + young + mature + suspended = total.
public struct DeckCardCounts: Hashable, Sendable, Codable {
    public var deckID: String
    public var new = 0
    public var learning = 0
    public var young = 0
    public var mature = 0
    public var suspended = 0
    /// Leeches, whatever their stage or suspension.
    public var leech = 0

    public init(deckID: String, new: Int = 0, learning: Int = 0, young: Int = 0, mature: Int = 0, suspended: Int = 0, leech: Int = 0) {
        self.deckID = deckID
        self.new = new
        self.learning = learning
        self.young = young
        self.mature = mature
        self.suspended = suspended
        self.leech = leech
    }

    public var total: Int { new + learning + young + mature + suspended }
}
