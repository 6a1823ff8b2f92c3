import ArgumentParser
import RecallKit

struct SuspendCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend a card: it is not shown until unsuspended.")

    @Argument(help: ArgumentHelp("DECK-ID/CARD-ID, or a unique prefix of it.", valueName: "card")) var card: String
    @OptionGroup var global: GlobalOptions

    func run(in context: RecallContext) throws {
        try setSuspension(card, true, global, context)
    }
}

struct UnsuspendCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "unsuspend", abstract: "Unsuspend a card.")

    @Argument(help: ArgumentHelp("DECK-ID/CARD-ID, or a unique prefix of it.", valueName: "card")) var card: String
    @OptionGroup var global: GlobalOptions

    func run(in context: RecallContext) throws {
        try setSuspension(card, false, global, context)
    }
}

private func setSuspension(_ name: String, _ suspended: Bool, _ global: GlobalOptions, _ context: RecallContext) throws {
    let library = try Library.open(global, context, for: .write(suspended ? "suspend" : "unsuspend"))
    let id = try library.database.resolveCard(name)
    let changed = try library.database.setSuspended(cardID: id, suspended)
    let state = suspended ? "suspended" : "not suspended"
    context.console.line(changed ? "\(id) is now \(state)." : "\(id) was already \(state).")
}
