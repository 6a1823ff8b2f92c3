import ArgumentParser
import Foundation
import RecallKit

struct OptimizeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit FSRS-6's 21 parameters to your review history.",
        discussion: """
            Gradient descent on the log loss of every answer after a card's first study day, \
            as the FSRS optimizers fit (docs/scheduling.md). The fitted parameters are kept and \
            used by the FSRS scheduler and by predicted recall; with --csv they are only printed. \
            Fewer than \(FSRSOptimizer.minimumItems) such answers are too few to fit: the defaults are kept.
            """
    )

    @OptionGroup var log: ReviewLogOptions
    @Option(name: .long, help: "Full-batch gradient steps (default 250).") var iterations = FSRSOptimizer.Options().iterations
    @Flag(name: .long, help: "Print the parameters as JSON (an array of 21 numbers) and nothing else.") var json = false
    @Flag(name: .long, help: "Forget fitted parameters and go back to the defaults.") var reset = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if iterations < 1 || iterations > 100_000 { throw ValidationError("--iterations must be 1 to 100000") }
        if reset && log.csv != nil { throw ValidationError("--reset applies to your own parameters, not to --csv") }
    }

    func run(in context: RecallContext) throws {
        if reset {
            let library = try Library.open(global, context, for: .write("optimize --reset"), reportDecks: false)
            try library.database.setFSRSParameters(nil)
            context.console.line("FSRS parameters reset to the defaults.")
            return
        }
        let (dataset, source, library) = try log.load(global, context, for: .write("optimize"))
        var options = FSRSOptimizer.Options()
        options.iterations = iterations
        let fit: FSRSOptimizer.Fit
        do {
            fit = try FSRSOptimizer.fit(dataset, options: options)
        } catch {
            switch error {
            case .notEnoughHistory(let items, let minimum):
                throw CLIError(
                    "too little history to fit FSRS: \(items) answers after a card's first day, at least \(minimum) needed (as fsrs-rs); the \(library == nil ? "default" : "current") parameters are kept"
                )
            }
        }
        if let library { try library.database.setFSRSParameters(fit.parameters) }
        if json {
            context.console.line("[" + fit.parameters.weights.map { String($0) }.joined(separator: ", ") + "]")
            return
        }
        context.console.line(source)
        context.console.line(
            "fitted on \(fit.items) predictions, \(fit.iterations) steps\(fit.fittedAll ? "" : " (initial stabilities only: fewer than \(FSRSOptimizer.fullFitItems) predictions)")"
        )
        context.console.line(String(format: "log loss %.6f with the starting parameters → %.6f fitted", fit.initialLogLoss, fit.logLoss))
        context.console.line(fit.parameters.table)
        context.console.line(library == nil ? "(from --csv: not kept)" : "Kept: the FSRS scheduler and predicted recall use these parameters.")
    }
}
