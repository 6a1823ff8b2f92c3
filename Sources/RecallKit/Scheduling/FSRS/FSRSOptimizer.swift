import Foundation

/// Fits the 21 FSRS-6 weights to a review history by gradient descent.
///
/// The loss is the mean log loss of the items (see ``FSRSDataset``) plus
/// fsrs-rs's pull towards the starting weights, γ/N · Σ ((wᵢ − w⁰ᵢ)/σᵢ)².
/// Gradients are exact (forward-mode, ``FSRSDual``); Adam takes full-batch
/// steps with a cosine-annealed learning rate, and each step is clamped to
/// the weights' bounds. The initial stabilities `w[0…3]` move in log space,
/// as their scale spans two orders of magnitude.
///
/// With fewer than ``minimumItems`` items (fsrs-rs's minimum) nothing is
/// fitted; below ``fullFitItems`` only the initial stabilities are, as fsrs-rs does.
public enum FSRSOptimizer {
    public static let minimumItems = 8
    public static let fullFitItems = 64
    /// fsrs-rs's spread of each weight across users, which scales the pull.
    static let weightSpread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]
    static let logScaled = 0..<4
    static let probabilityFloor = 1e-7

    public struct Options: Hashable, Sendable {
        public var iterations: Int = 250
        public var learningRate: Double = 0.04
        /// The weight of the pull towards the starting weights (fsrs-rs's γ).
        public var regularization: Double = 1
        public init() {}
    }

    public struct Fit: Hashable, Sendable {
        public var parameters: FSRSParameters
        /// The mean log loss of the items fitted on, at the start and the end.
        public var initialLogLoss: Double
        public var logLoss: Double
        public var items: Int
        public var iterations: Int
        /// False when only the initial stabilities were fitted (too few items for the rest).
        public var fittedAll: Bool
    }

    public enum Failure: Error, Hashable, Sendable {
        /// The history holds `items` predictions; fitting needs `minimum`.
        case notEnoughHistory(items: Int, minimum: Int)
    }

    /// Fits the weights to the items `among` selects (all by default).
    public static func fit(
        _ dataset: FSRSDataset, among selected: [Bool]? = nil, from start: FSRSParameters = .defaults, options: Options = Options()
    ) throws(Failure) -> Fit {
        let chosen = selected ?? Array(repeating: true, count: dataset.items.count)
        let count = chosen.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard count >= minimumItems else { throw .notEnoughHistory(items: count, minimum: minimumItems) }
        let trainable = count >= fullFitItems ? Array(0..<FSRSParameters.count) : Array(logScaled)

        // The cards that hold a chosen item; only they need running.
        var cardHasItem = Array(repeating: false, count: dataset.cards.count)
        for (index, item) in dataset.items.enumerated() where chosen[index] { cardHasItem[item.card] = true }
        let cards = cardHasItem.indices.filter { cardHasItem[$0] }

        var weights = start.weights
        let initialLoss = logLoss(dataset, weights, chosen: chosen, cards: cards)
        var theta = weights.enumerated().map { logScaled.contains($0) ? Foundation.log($1) : $1 }
        var firstMoment = Array(repeating: 0.0, count: FSRSParameters.count)
        var secondMoment = Array(repeating: 0.0, count: FSRSParameters.count)
        let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)

        for iteration in 0..<options.iterations {
            let gradient = lossGradient(dataset, weights, start: start.weights, chosen: chosen, cards: cards, count: count, options: options)
            let rate = options.learningRate * 0.5 * (1 + Foundation.cos(Double.pi * Double(iteration) / Double(options.iterations)))
            let t = Double(iteration + 1)
            for i in trainable {
                // d/dθ of a log-scaled weight is w · d/dw.
                let g = logScaled.contains(i) ? gradient[i] * weights[i] : gradient[i]
                firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * g
                secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g
                let mHat = firstMoment[i] / (1 - Foundation.pow(beta1, t))
                let vHat = secondMoment[i] / (1 - Foundation.pow(beta2, t))
                theta[i] -= rate * mHat / (vHat.squareRoot() + epsilon)
            }
            let clamped = FSRSParameters.clamped(theta.enumerated().map { logScaled.contains($0) ? Foundation.exp($1) : $1 }).weights
            weights = clamped
            theta = weights.enumerated().map { logScaled.contains($0) ? Foundation.log($1) : $1 }
        }
        let parameters = FSRSParameters.clamped(weights)
        return Fit(
            parameters: parameters, initialLogLoss: initialLoss,
            logLoss: logLoss(dataset, parameters.weights, chosen: chosen, cards: cards),
            items: count, iterations: options.iterations, fittedAll: trainable.count == FSRSParameters.count)
    }

    static func logLoss(_ dataset: FSRSDataset, _ weights: [Double], chosen: [Bool], cards: [Int]) -> Double {
        var total = 0.0
        var count = 0
        for card in cards {
            dataset.forEachPrediction(weights, cards: card..<card + 1) { item, r in
                guard chosen[item] else { return }
                let p = min(max(r, probabilityFloor), 1 - probabilityFloor)
                total -= dataset.items[item].recalled ? Foundation.log(p) : Foundation.log(1 - p)
                count += 1
            }
        }
        return count == 0 ? 0 : total / Double(count)
    }

    static func lossGradient(
        _ dataset: FSRSDataset, _ weights: [Double], start: [Double], chosen: [Bool], cards: [Int], count: Int, options: Options
    ) -> [Double] {
        let w = weights.enumerated().map { FSRSDual.variable($1, index: $0) }
        var sum = FSRSDual.Partials.zero
        for card in cards {
            dataset.forEachPrediction(w, cards: card..<card + 1) { item, r in
                guard chosen[item] else { return }
                let p = r.value
                guard p > probabilityFloor, p < 1 - probabilityFloor else { return }
                // d/dw of −[y ln p + (1 − y) ln(1 − p)] = −(y/p − (1 − y)/(1 − p)) · dp/dw.
                let scale = dataset.items[item].recalled ? -1 / p : 1 / (1 - p)
                sum += scale * r.partials
            }
        }
        let n = Double(count)
        return (0..<FSRSParameters.count).map { i in
            let spread = weightSpread[i]
            return sum[i] / n + options.regularization / n * 2 * (weights[i] - start[i]) / (spread * spread)
        }
    }
}
