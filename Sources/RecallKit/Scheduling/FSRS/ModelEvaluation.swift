import Foundation

/// How well predicted probabilities of recall match what happened, measured
/// as srs-benchmark measures spaced-repetition models: log loss, RMSE over
/// bins, and AUC.
public struct PredictionMetrics: Hashable, Sendable {
    public var count: Int
    /// Mean −[y ln p + (1 − y) ln(1 − p)].
    public var logLoss: Double
    /// √(Σ nᵦ (p̄ᵦ − ȳᵦ)² / Σ nᵦ) over bins of (interval, review count, lapses).
    public var rmseBins: Double
    /// The probability that a recalled item got a higher prediction than a forgotten one.
    public var auc: Double?
    /// Predictions in ten bins of 0.1 each: the mean prediction, the share recalled, the count.
    public var calibration: [CalibrationBin]

    public struct CalibrationBin: Hashable, Sendable {
        public var predicted: Double
        public var actual: Double
        public var count: Int
    }

    public static let probabilityFloor = 1e-7

    /// The metrics of `predictions` for `dataset`'s items where `predictions` has one.
    public init(_ dataset: FSRSDataset, predictions: [Double?]) {
        var pairs: [(p: Double, y: Bool)] = []
        var bins: [BinKey: (p: Double, y: Double, n: Int)] = [:]
        var loss = 0.0
        for (item, prediction) in zip(dataset.items, predictions) {
            guard let raw = prediction else { continue }
            let p = min(max(raw, Self.probabilityFloor), 1 - Self.probabilityFloor)
            loss -= item.recalled ? Foundation.log(p) : Foundation.log(1 - p)
            pairs.append((p, item.recalled))
            let key = BinKey(dataset, item)
            bins[key, default: (0, 0, 0)].p += p
            bins[key, default: (0, 0, 0)].y += item.recalled ? 1 : 0
            bins[key, default: (0, 0, 0)].n += 1
        }
        count = pairs.count
        logLoss = count == 0 ? .nan : loss / Double(count)
        let squared = bins.values.reduce(0.0) { sum, bin in
            let n = Double(bin.n)
            return sum + n * (bin.p / n - bin.y / n) * (bin.p / n - bin.y / n)
        }
        rmseBins = count == 0 ? .nan : (squared / Double(count)).squareRoot()
        auc = Self.areaUnderCurve(pairs)
        calibration = (0..<10).map { bin in
            let inBin = pairs.filter { min(Int($0.p * 10), 9) == bin }
            let n = inBin.count
            return CalibrationBin(
                predicted: n == 0 ? 0 : inBin.reduce(0) { $0 + $1.p } / Double(n),
                actual: n == 0 ? 0 : Double(inBin.filter(\.y).count) / Double(n), count: n)
        }
    }

    /// srs-benchmark's bins: the interval on a 3.62-base log scale, the
    /// number of reviews on a 1.89-base one, the lapses on a 1.73-base one.
    struct BinKey: Hashable {
        var interval: Int
        var reviews: Int
        var lapses: Int

        init(_ dataset: FSRSDataset, _ item: FSRSDataset.Item) {
            func bucket(_ x: Double, base: Double, scale: Double) -> Double {
                (scale * Foundation.pow(base, (Foundation.log(x) / Foundation.log(base)).rounded(.down)))
            }
            let days = Double(dataset.elapsedDays(of: item))
            interval = Int((bucket(days, base: 3.62, scale: 2.48) * 100).rounded())
            reviews = Int(bucket(Double(item.longTermReviewsBefore + 1), base: 1.89, scale: 1.99).rounded())
            lapses = item.lapsesBefore == 0 ? 0 : Int(bucket(Double(item.lapsesBefore), base: 1.73, scale: 1.65).rounded())
        }
    }

    /// The Mann–Whitney estimate, ties counted half; `nil` when one class is empty.
    static func areaUnderCurve(_ pairs: [(p: Double, y: Bool)]) -> Double? {
        let positives = pairs.filter(\.y).count
        let negatives = pairs.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let sorted = pairs.sorted { $0.p < $1.p }
        var rankSum = 0.0
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].p == sorted[index].p { end += 1 }
            let averageRank = Double(index + end) / 2 + 1
            for k in index...end where sorted[k].y { rankSum += averageRank }
            index = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}

/// The models `recall evaluate` compares, each as one prediction per item.
public enum ModelPredictions {
    /// FSRS-6 with fixed weights.
    public static func fsrs(_ dataset: FSRSDataset, _ parameters: FSRSParameters) -> [Double?] {
        dataset.predictions(parameters).map { $0 }
    }

    /// FSRS-6 fitted with a time-series split (srs-benchmark's, after
    /// sklearn's TimeSeriesSplit): the items, oldest first, are cut into
    /// `splits + 1` folds; each fold after the first is predicted with weights
    /// fitted on all the folds before it, so no item is predicted by weights
    /// fitted on it. The first fold is not predicted (`nil`). A fold whose
    /// past is too small to fit is predicted with the defaults, as fsrs-rs does.
    public static func fsrsTimeSeriesSplit(
        _ dataset: FSRSDataset, splits: Int = 5, options: FSRSOptimizer.Options = .init()
    ) -> [Double?] {
        let n = dataset.items.count
        let foldSize = n / (splits + 1)
        var out: [Double?] = Array(repeating: nil, count: n)
        guard foldSize > 0 else { return out }
        for split in 0..<splits {
            let testStart = n - (splits - split) * foldSize
            let testEnd = testStart + foldSize
            let train = (0..<n).map { $0 < testStart }
            let parameters = (try? FSRSOptimizer.fit(dataset, among: train, options: options).parameters) ?? .defaults
            let predictions = dataset.predictions(parameters)
            for index in testStart..<testEnd { out[index] = predictions[index] }
        }
        return out
    }

    /// SM-2's implied retrievability as srs-benchmark defines it: R = 0.9^(t/I),
    /// where I is the interval SM-2 had scheduled (the days at which it
    /// expects 90% recall) and t the days since the last answer. Recall's own
    /// SM-2 runs over every answer of the history.
    public static func sm2(_ dataset: FSRSDataset) -> [Double?] {
        var out: [Double?] = Array(repeating: nil, count: dataset.items.count)
        for (card, steps) in dataset.cards.enumerated() {
            var state = SM2State.new
            for (index, step) in steps.enumerated() {
                if let item = dataset.itemOfStep[card][index], state.intervalDays > 0 {
                    out[item] = Foundation.pow(0.9, Double(step.elapsedDays) / Double(state.intervalDays))
                }
                state = SM2.review(state, grade: step.quality)
            }
        }
        return out
    }
}
