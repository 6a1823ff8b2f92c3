import ArgumentParser
import RecallKit

struct MapCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Show readiness on the knowledge map: sections, decks and topics with cards seen and mastery.",
        discussion: """
            Mastery is the share of a node's cards at an interval of 21 days or more. Topics are a \
            deck's tags (less those on every card of the deck). The weakest topics you have started \
            are called out: at least 3 cards, lowest mastery first. See docs/stats.md.
            """
    )

    @OptionGroup var scope: StatsScopeOptions
    @Option(help: ArgumentHelp("How deep to draw the tree: 1 sections, 2 decks, 3 topics.", valueName: "n"))
    var depth: Int = 3
    @Flag(help: "Also show each node's predicted recall today (FSRS-6, unseen cards 0).") var recall = false
    @Option(help: ArgumentHelp("Show predicted recall on this day instead (YYYY-MM-DD).", valueName: "date")) var on: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var lang: LanguageOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !(1...3).contains(depth) { throw ValidationError("--depth must be 1, 2 or 3") }
        if let on, StudyDay(on) == nil { throw ValidationError("--on '\(on)' is not a date (YYYY-MM-DD)") }
    }

    func run(in context: RecallContext) throws {
        let library = try Library.open(global, context, for: .read)
        let selection = try scope.select(library)
        let chosen = selection.deckIDs.map(Set.init)
        let records = try library.database.decks().map(\.deck).filter { chosen?.contains($0.id) ?? true }
        let decks = records.map { KnowledgeMap.Deck(id: $0.id, title: $0.title, section: $0.section) }
        let day = on.flatMap { StudyDay($0) } ?? library.today
        let cards = try PredictedRecallOnMap.attach(try library.database.mapCards(deckIDs: selection.deckIDs), on: day, library: library)
        let map = KnowledgeMap(decks: decks, cards: cards)
        if json {
            context.console.line(try JSONOutput.string(map))
            return
        }
        let glyphs = ChartGlyphs.forEnvironment(context.environment, ascii: scope.ascii)
        let labels = MapLabels(
            language: lang.language(library.settings), topics: context.topicLabels,
            decks: records.map { ($0.id, $0.section, $0.titleZh, $0.sectionZh) })
        context.console.write(
            MapText.render(
                map, today: library.today, depth: depth, glyphs: glyphs, style: context.style, labels: labels,
                recallOn: recall || on != nil ? day : nil))
    }
}

/// FSRS-6's predicted recall of each card on a day, from the review log.
enum PredictedRecallOnMap {
    static func attach(_ cards: [KnowledgeMap.Card], on day: StudyDay, library: Library) throws -> [KnowledgeMap.Card] {
        let parameters = try library.database.fsrsParameters() ?? .defaults
        let (histories, _) = try library.database.fsrsHistories(timeZone: library.moment.timeZone, dayStartHour: library.settings.dayStartHour)
        var memories: [String: CardMemory] = [:]
        for (id, answers) in histories {
            memories[id] = CardMemory(answers: answers.map { ($0.quality, $0.day, $0.instant) }, parameters: parameters)
        }
        return cards.map { card in
            var card = card
            card.predictedRecall = memories[card.cardID]?.retrievability(on: day, parameters: parameters) ?? 0
            return card
        }
    }
}
