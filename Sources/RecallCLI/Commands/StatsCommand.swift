import ArgumentParser
import RecallKit

struct StatsCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show today, streaks, a year of answers, the due forecast, intervals, easiness, retention and cards by deck.",
        discussion: """
            True retention is the share of scheduled reviews of mature cards (interval of 21 days or \
            more before the answer) graded 3 or better; young retention is the same for intervals under \
            21 days. New cards' first answers and same-day re-drills are not counted. See docs/stats.md.
            """
    )

    @OptionGroup var scope: StatsScopeOptions
    @Option(help: ArgumentHelp("Measure retention over the last N days, today included.", valueName: "n"))
    var days: Int = StatsQuery.defaultPeriodDays
    @Flag(help: "Print JSON: everything the text shows.") var json = false
    @Flag(help: "Also show predicted recall today (FSRS-6) by section and deck.") var recall = false
    @Option(help: ArgumentHelp("Show predicted recall on this day instead (YYYY-MM-DD).", valueName: "date")) var on: String?
    @OptionGroup var global: GlobalOptions

    /// A hundred years: more history than anyone has.
    static let maximumDays = 36_500

    func validate() throws {
        if days < 1 || days > Self.maximumDays { throw ValidationError("--days must be between 1 and \(Self.maximumDays)") }
        if let on, StudyDay(on) == nil { throw ValidationError("--on '\(on)' is not a date (YYYY-MM-DD)") }
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .read)
        let selection = try scope.select(library)
        let query = StatsQuery(today: library.today, periodDays: days, deckIDs: selection.deckIDs)
        let report = StatsReport(try library.database.statsAggregates(query), query: query, settings: library.settings)
        if json {
            context.console.line(try JSONOutput.string(report))
            return
        }
        let glyphs = ChartGlyphs.forEnvironment(context.environment, ascii: scope.ascii)
        context.console.write(StatsText.render(report, scope: selection.description, glyphs: glyphs, style: context.style))
        if recall || on != nil {
            let day = on.flatMap { StudyDay($0) } ?? library.today
            let chosen = selection.deckIDs.map(Set.init)
            let records = try library.database.decks().map(\.deck).filter { chosen?.contains($0.id) ?? true }
            let cards = try PredictedRecallOnMap.attach(try library.database.mapCards(deckIDs: selection.deckIDs), on: day, library: library)
            let map = KnowledgeMap(decks: records.map { KnowledgeMap.Deck(id: $0.id, title: $0.title, section: $0.section) }, cards: cards)
            context.console.line("")
            context.console.line(context.style.bold("Predicted recall") + " (FSRS-6) on \(day), unseen cards 0")
            for section in map.sections {
                context.console.line(PredictedRecallText.line(section.name, section, indent: 2))
                for deck in section.children { context.console.line(PredictedRecallText.line(deck.name, deck, indent: 4)) }
            }
            context.console.line(PredictedRecallText.line("All decks", map.root, indent: 2))
        }
    }
}

/// `--deck`, `--section` and `--ascii`, shared by `stats` and `map`.
struct StatsScopeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this deck (repeatable).", valueName: "deck-id")) var deck: [String] = []
    @Option(help: ArgumentHelp("Only the decks of this section, by its English or Chinese name (repeatable; adds to --deck).", valueName: "name"))
    var section: [String] = []
    @Flag(help: "Draw with plain ASCII (the default unless the locale is UTF-8).") var ascii = false

    struct Selection {
        /// nil: every deck.
        var deckIDs: [String]?
        var description: String
    }

    /// The decks named by `--deck` and `--section` together; all decks when neither is given.
    func select(_ library: Library) throws -> Selection {
        let decks = try library.database.decks().map(\.deck)
        if deck.isEmpty && section.isEmpty { return Selection(deckIDs: nil, description: "all decks") }
        var chosen: [String] = []
        try library.requireDecks(deck)
        for id in deck where !chosen.contains(id) { chosen.append(id) }
        try library.requireSections(section)
        for name in section {
            let filter = CardFilter(sections: [name])
            for deck in decks where filter.admitsDeck(id: deck.id, section: deck.section, sectionZh: deck.sectionZh) && !chosen.contains(deck.id) {
                chosen.append(deck.id)
            }
        }
        var parts: [String] = []
        if !section.isEmpty { parts.append("section \(section.joined(separator: ", "))") }
        if !deck.isEmpty { parts.append("deck \(deck.joined(separator: ", "))") }
        return Selection(deckIDs: chosen, description: parts.joined(separator: " + "))
    }
}

enum PredictedRecallText {
    static func line(_ name: String, _ node: KnowledgeMap.Node, indent: Int) -> String {
        let label = (String(repeating: " ", count: indent) + name).padding(toLength: 40, withPad: " ", startingAt: 0)
        return label + String(format: "%5d/%-5d  %5.1f%%", node.seen, node.total, node.predictedRecall * 100)
    }
}
