import Foundation
import Testing

@testable import RecallKit

@Suite struct FSRSOptimizerTests {
    static let zone = TimeZone(identifier: "UTC") ?? .current
    static let origin = Date(timeIntervalSince1970: 1_700_000_000)

    /// A history from (rating, hours after the card's first answer).
    static func history(_ answers: [(Int, Double)]) -> [FSRSHistoryAnswer] {
        answers.compactMap { rating, hours in
            guard let r = FSRSRating(rawValue: rating), let q = Grade(rating + 1) else { return nil }
            let instant = origin.addingTimeInterval(hours * 3600)
            return FSRSHistoryAnswer(rating: r, quality: q, day: StudyDay(containing: instant, timeZone: zone, startHour: 4), instant: instant)
        }
    }

    /// Histories drawn from FSRS-6 itself with `truth`, reviewed at random
    /// times, so that a fit has something to find. Seeded.
    static func simulated(cards: Int, truth: FSRSParameters, seed: UInt64) -> [[FSRSHistoryAnswer]] {
        var rng = SeededGenerator(seed: seed)
        let w = truth.weights
        return (0..<cards).map { _ in
            var answers: [(Int, Double)] = []
            let first = Int.random(in: 1...4, using: &rng)
            answers.append((first, 0))
            var stability = FSRSModel.initialStability(w, FSRSRating(rawValue: first) ?? .good)
            var difficulty = FSRSModel.initialDifficulty(w, FSRSRating(rawValue: first) ?? .good)
            var hours = 0.0
            for _ in 0..<Int.random(in: 3...9, using: &rng) {
                let days = max(1, (stability * Double.random(in: 0.3...2.5, using: &rng)).rounded())
                hours += days * 24
                let r = FSRSModel.retrievability(w, elapsedDays: days, stability: stability)
                let rating: FSRSRating = Double.random(in: 0..<1, using: &rng) < r ? (Bool.random(using: &rng) ? .good : .hard) : .again
                answers.append((rating.rawValue, hours))
                stability = FSRSModel.nextStability(w, memory: (stability, difficulty), elapsedDays: days, rating: rating)
                difficulty = FSRSModel.nextDifficulty(w, difficulty: difficulty, rating: rating)
            }
            return history(answers)
        }
    }

    @Test func itemsAreTheAnswersAfterAFirstDayWithWholeDayGaps() {
        // First answer at 22:13 UTC; again 20 min later (the same study day); then
        // two days later; then at 00:13, before the 04:00 day boundary: the same day.
        let dataset = FSRSDataset(histories: [Self.history([(1, 0), (3, 0.33), (3, 48), (1, 50)])])
        #expect(dataset.cards[0].map(\.elapsedDays) == [0, 0, 2, 0])
        #expect(dataset.items.count == 1)
        #expect(dataset.items[0].step == 2 && dataset.items[0].recalled)
        #expect(dataset.items[0].longTermReviewsBefore == 0)
    }

    @Test func gradientsAgreeWithFiniteDifferences() throws {
        let dataset = FSRSDataset(histories: Self.simulated(cards: 30, truth: .defaults, seed: 7))
        let chosen = Array(repeating: true, count: dataset.items.count)
        let cards = Array(dataset.cards.indices)
        var options = FSRSOptimizer.Options()
        options.regularization = 0
        let w = FSRSParameters.defaults.weights
        let gradient = FSRSOptimizer.lossGradient(dataset, w, start: w, chosen: chosen, cards: cards, count: chosen.count, options: options)
        for i in [0, 2, 4, 6, 8, 9, 10, 11, 13, 14, 17, 19, 20] {
            let h = 1e-6 * max(1, abs(w[i]))
            var up = w
            var down = w
            up[i] += h
            down[i] -= h
            let numeric =
                (FSRSOptimizer.logLoss(dataset, up, chosen: chosen, cards: cards)
                    - FSRSOptimizer.logLoss(dataset, down, chosen: chosen, cards: cards)) / (2 * h)
            #expect(abs(numeric - gradient[i]) <= 1e-5 + 1e-3 * abs(numeric), "w[\(i)]: \(numeric) vs \(gradient[i])")
        }
    }

    @Test func fittingLowersTheLossTowardsTheParametersThatMadeTheData() throws {
        var truth = FSRSParameters.defaults.weights
        truth[8] = 1.2
        truth[20] = 0.4
        truth[2] = 6
        let dataset = FSRSDataset(histories: Self.simulated(cards: 150, truth: try FSRSParameters(truth), seed: 11))
        var options = FSRSOptimizer.Options()
        options.iterations = 60
        let fit = try FSRSOptimizer.fit(dataset, options: options)
        let all = Array(repeating: true, count: dataset.items.count)
        let truthLoss = FSRSOptimizer.logLoss(dataset, truth, chosen: all, cards: Array(dataset.cards.indices))
        #expect(fit.fittedAll)
        #expect(fit.logLoss < fit.initialLogLoss - 0.005)
        // In-sample, the fit does about as well as the weights that made the data.
        #expect(fit.logLoss < truthLoss + 0.003, "fitted \(fit.logLoss), truth \(truthLoss)")
        // The decay moves from the default towards the truth's.
        #expect(fit.parameters[20] > FSRSParameters.defaults[20] + 0.05)
    }

    @Test func tooLittleHistoryIsRefusedWithTheCountAndTheMinimum() {
        let dataset = FSRSDataset(histories: [Self.history([(3, 0), (3, 30), (3, 100)])])
        #expect(throws: FSRSOptimizer.Failure.notEnoughHistory(items: 2, minimum: 8)) { try FSRSOptimizer.fit(dataset) }
    }

    @Test func metricsMatchAHandCalculation() {
        // Four items on one card: predictions 0.9 (recalled), 0.8 (forgotten), 0.6 (recalled), 0.3 (forgotten).
        let dataset = FSRSDataset(histories: [Self.history([(3, 0), (3, 30), (1, 80), (3, 150), (1, 300)])])
        #expect(dataset.items.count == 4)
        let metrics = PredictionMetrics(dataset, predictions: [0.9, 0.8, 0.6, 0.3])
        let expected = -(log(0.9) + log(0.2) + log(0.6) + log(0.7)) / 4
        #expect(abs(metrics.logLoss - expected) < 1e-12)
        // Pairs (recalled, forgotten): (0.9, 0.8) (0.9, 0.3) (0.6, 0.8) (0.6, 0.3): 3 of 4 ordered right.
        #expect(metrics.auc == 0.75)
    }

    @Test func sm2ImpliedRecallIsNinetyPercentAtTheInterval() {
        // Good (quality 4) then on day 1 (interval 1) and 7 (interval 6), then 12 days late.
        let dataset = FSRSDataset(histories: [Self.history([(3, 0), (3, 24), (3, 168), (3, 168 + 24 * 18)])])
        let predictions = ModelPredictions.sm2(dataset).compactMap { $0 }
        #expect(predictions.count == 3)
        #expect(abs(predictions[0] - 0.9) < 1e-12)
        #expect(abs(predictions[1] - 0.9) < 1e-12)
        // SM-2 with quality 4 after 1, 6: ceil(6 × 2.5) = 15 days; answered after 18.
        #expect(abs(predictions[2] - pow(0.9, 18.0 / 15.0)) < 1e-12)
    }

    @Test func csvLogsAreReadWithErrorsNamingFileAndLine() throws {
        let text =
            "card_id,review_rating,review_time,review_duration\n1,3,2024-03-29T20:32:32.250000+00:00,100\n1,1,1711800000000,50\n2,0,2024-03-29T20:40:00+00:00,0\n"
        let histories = try FSRSReviewLogCSV.histories(text, file: "log.csv", timeZone: Self.zone, dayStartHour: 4)
        #expect(histories.count == 1 && histories[0].count == 2)
        #expect(histories[0][0].rating == .good && histories[0][0].quality.value == 4)
        #expect(throws: ExchangeError.malformed(file: "log.csv", line: 3, reason: "review_rating '7' is not 0–4")) {
            try FSRSReviewLogCSV.histories(
                "card_id,review_rating,review_time,review_duration\n1,3,1711800000000,1\n1,7,1711800000000,1\n",
                file: "log.csv", timeZone: Self.zone, dayStartHour: 4)
        }
        #expect(throws: ExchangeError.self) {
            try FSRSReviewLogCSV.histories("card,rating\n1,3\n", file: "log.csv", timeZone: Self.zone, dayStartHour: 4)
        }
    }
}
