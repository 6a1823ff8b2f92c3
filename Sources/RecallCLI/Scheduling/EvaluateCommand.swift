import ArgumentParser
import Foundation
import RecallKit

struct EvaluateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "How well SM-2 and FSRS-6 predict your own answers: log loss, RMSE (bins), AUC.",
        discussion: """
            Measured as srs-benchmark measures spaced-repetition models (docs/scheduling.md): \
            every answer after a card's first study day is a prediction of recall. FSRS-6 fitted \
            is fitted with a time-series split (5 splits), so no answer is predicted by parameters \
            fitted on it; the first sixth of the answers, which only train, is left out of every row. \
            SM-2's prediction is 0.9^(days / its interval). Lower log loss and RMSE are better, higher AUC.
            """
    )

    @OptionGroup var log: ReviewLogOptions
    @Option(name: .long, help: "Full-batch gradient steps of each fit (default 250).") var iterations = FSRSOptimizer.Options().iterations
    @OptionGroup var global: GlobalOptions

    func run(in context: RecallContext) throws {
        let (dataset, source, library) = try log.load(global, context, for: .read)
        context.console.line(source)
        guard dataset.items.count >= FSRSOptimizer.minimumItems else {
            throw CLIError(
                "too little history to evaluate: \(dataset.items.count) answers after a card's first day, at least \(FSRSOptimizer.minimumItems) needed")
        }
        var options = FSRSOptimizer.Options()
        options.iterations = iterations
        let split = ModelPredictions.fsrsTimeSeriesSplit(dataset, options: options)
        let evaluated = split.map { $0 != nil }
        func onSplit(_ predictions: [Double?]) -> [Double?] { zip(predictions, evaluated).map { $1 ? $0 : nil } }

        var rows: [(String, PredictionMetrics)] = [
            ("SM-2", PredictionMetrics(dataset, predictions: onSplit(ModelPredictions.sm2(dataset)))),
            ("FSRS-6 default", PredictionMetrics(dataset, predictions: onSplit(ModelPredictions.fsrs(dataset, .defaults)))),
            ("FSRS-6 fitted", PredictionMetrics(dataset, predictions: split)),
        ]
        if let library, let own = try library.database.fsrsParameters() {
            rows.append(("FSRS-6 yours*", PredictionMetrics(dataset, predictions: onSplit(ModelPredictions.fsrs(dataset, own)))))
        }
        context.console.line("\(rows[0].1.count) predictions evaluated (of \(dataset.items.count))")
        context.console.line("")
        context.console.line("model             log loss  RMSE(bins)     AUC")
        for (name, metrics) in rows {
            let auc = metrics.auc.map { String(format: "%7.4f", $0) } ?? "      –"
            let padded = name.padding(toLength: 16, withPad: " ", startingAt: 0)
            context.console.line(padded + String(format: "  %8.4f  %10.4f  ", metrics.logLoss, metrics.rmseBins) + auc)
        }
        if rows.count > 3 { context.console.line("* your kept parameters were fitted on all of the log, these answers included") }
        context.console.line("")
        context.console.line("Calibration of FSRS-6 fitted: predicted recall (·) against the share recalled (█), by bin")
        for line in CalibrationChart.lines(rows[2].1) { context.console.line(line) }
    }
}

/// A terminal chart of predicted against actual recall, one row per 10% bin.
enum CalibrationChart {
    static let width = 40

    static func lines(_ metrics: PredictionMetrics) -> [String] {
        metrics.calibration.enumerated().compactMap { index, bin in
            guard bin.count > 0 else { return nil }
            let actual = Int((bin.actual * Double(width)).rounded())
            let predicted = min(width - 1, Int((bin.predicted * Double(width)).rounded(.down)))
            var bar = Array(repeating: Character(" "), count: width)
            for i in 0..<actual { bar[i] = "█" }
            bar[predicted] = bar[predicted] == "█" ? "▒" : "·"
            let label = String(format: "%3d–%3d%%", index * 10, index * 10 + 10)
            return label + " │" + String(bar) + "│ " + String(format: "pred %3.0f%%  actual %3.0f%%  n=%d", bin.predicted * 100, bin.actual * 100, bin.count)
        }
    }
}
