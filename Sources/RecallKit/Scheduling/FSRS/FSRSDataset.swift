import Foundation

/// One answer of a review history as the optimizer and the evaluation see
/// it: the rating, the study day it fell on, and its instant (for order).
public struct FSRSHistoryAnswer: Hashable, Sendable {
    public var rating: FSRSRating
    /// The answer on SM-2's 0–5 scale: Recall's grade, or for an FSRS rating
    /// 1–4 the quality 2–5 that srs-benchmark gives SM-2.
    public var quality: Grade
    public var day: StudyDay
    public var instant: Date

    public init(rating: FSRSRating, quality: Grade, day: StudyDay, instant: Date) {
        self.rating = rating
        self.quality = quality
        self.day = day
        self.instant = instant
    }

    /// An answer from Recall's own log.
    public init(grade: Grade, day: StudyDay, instant: Date) {
        self.init(rating: FSRSRating(grade), quality: grade, day: day, instant: instant)
    }
}

/// Review histories made ready for fitting and evaluating FSRS, the way the
/// FSRS optimizers read a review log.
///
/// Each card's answers, in time order, become steps of (rating, whole study
/// days since the previous answer). Every answer after the first that falls
/// on a later study day than the one before is an *item*: a prediction of
/// recall (rating above again) from the history before it. Same-day answers
/// are in the histories (FSRS-6's short-term terms use them) but are not
/// items, as in fsrs-rs.
public struct FSRSDataset: Sendable {
    public struct Step: Hashable, Sendable {
        public var rating: FSRSRating
        public var quality: Grade
        public var elapsedDays: Int
    }

    public struct Item: Hashable, Sendable {
        public var card: Int
        /// The answer's index in its card's steps (at least 1).
        public var step: Int
        public var recalled: Bool
        public var instant: Date
        /// Answers before it on a later day than their predecessor, and the
        /// lapses among them: what srs-benchmark's RMSE bins group by.
        public var longTermReviewsBefore: Int
        public var lapsesBefore: Int
    }

    public var cards: [[Step]]
    /// Every item, oldest first.
    public var items: [Item]
    /// For each card, the item index of each of its steps (`nil` where a step is no item).
    public var itemOfStep: [[Int?]]

    /// Groups `histories` (one array of answers a card, any order) into steps and items.
    public init(histories: [[FSRSHistoryAnswer]]) {
        var cards: [[Step]] = []
        var unordered: [Item] = []
        for history in histories where !history.isEmpty {
            let answers = history.sorted { $0.instant < $1.instant }
            let card = cards.count
            var steps: [Step] = []
            var longTerm = 0
            var lapses = 0
            for (index, answer) in answers.enumerated() {
                let elapsed = index == 0 ? 0 : max(0, answers[index - 1].day.distance(to: answer.day))
                steps.append(Step(rating: answer.rating, quality: answer.quality, elapsedDays: elapsed))
                if index > 0, elapsed > 0 {
                    unordered.append(
                        Item(
                            card: card, step: index, recalled: answer.rating.isRecall, instant: answer.instant,
                            longTermReviewsBefore: longTerm, lapsesBefore: lapses))
                }
                if elapsed > 0 {
                    longTerm += 1
                    if answer.rating == .again { lapses += 1 }
                }
            }
            cards.append(steps)
        }
        let order = unordered.indices.sorted { (unordered[$0].instant, $0) < (unordered[$1].instant, $1) }
        items = order.map { unordered[$0] }
        itemOfStep = cards.map { Array(repeating: nil, count: $0.count) }
        for (index, item) in items.enumerated() { itemOfStep[item.card][item.step] = index }
        self.cards = cards
    }

    public func elapsedDays(of item: Item) -> Int { cards[item.card][item.step].elapsedDays }

    /// Answers in all.
    public var answerCount: Int { cards.reduce(0) { $0 + $1.count } }
}

extension FSRSDataset {
    /// Runs the model over every card and hands each item's predicted
    /// recall to `visit`: the model as fsrs-rs trains it (stability kept
    /// within 0.001…36,500 days, difficulty within 1…10).
    @inline(__always) func forEachPrediction<R: FSRSReal>(_ w: [R], cards range: Range<Int>? = nil, _ visit: (Int, R) -> Void) {
        for card in range ?? cards.indices {
            let steps = cards[card]
            guard let first = steps.first else { continue }
            var stability = FSRSModel.initialStability(w, first.rating).clamped(FSRSModel.minimumStability, FSRSModel.maximumStability)
            var difficulty = FSRSModel.initialDifficulty(w, first.rating)
            let itemIndices = itemOfStep[card]
            for index in 1..<max(1, steps.count) {
                let step = steps[index]
                let elapsed = R(Double(step.elapsedDays))
                if let item = itemIndices[index] {
                    visit(item, FSRSModel.retrievability(w, elapsedDays: elapsed, stability: stability))
                }
                let nextStability = FSRSModel.nextStability(
                    w, memory: (stability, difficulty), elapsedDays: elapsed, rating: step.rating)
                difficulty = FSRSModel.nextDifficulty(w, difficulty: difficulty, rating: step.rating)
                stability = nextStability.clamped(FSRSModel.minimumStability, FSRSModel.maximumStability)
            }
        }
    }

    /// Each item's predicted recall with the weights `parameters`.
    public func predictions(_ parameters: FSRSParameters) -> [Double] {
        var out = Array(repeating: 0.0, count: items.count)
        forEachPrediction(parameters.weights) { out[$0] = $1 }
        return out
    }
}
