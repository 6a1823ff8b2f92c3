import ArgumentParser
import RecallKit

struct ReviewCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Start today's review: due cards, then new cards, then the same-day re-drill.",
        discussion: """
            One prompt, one line in; it works the same when input is a pipe. Type an answer or press \
            Enter to reveal, then grade 0-5 (Enter accepts a suggested grade). At the grade prompt: \
            u undo, s skip until tomorrow, ! suspend, e print the card's file:line, ? help, q quit. \
            Every answer is saved before the next card is shown; end of input or Ctrl-C ends the \
            session with a summary.
            """
    )

    @OptionGroup var queue: QueueOptions
    @Option(help: ArgumentHelp("Seed for the order of multiple-choice options (default: today's date, so a day's order is stable).", valueName: "n"))
    var seed: UInt64?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context)
        try library.requireDecks(queue.deck)
        (context.console as? StandardConsole)?.interruptEndsInput()
        var runner = ReviewRunner(library: library, options: queue, console: context.console, style: context.style,
                                  clock: try context.answerClock(), seed: seed ?? UInt64(bitPattern: Int64(library.today.daysSinceEpoch)),
                                  language: lang.language(library.settings))
        try runner.run()
    }
}
