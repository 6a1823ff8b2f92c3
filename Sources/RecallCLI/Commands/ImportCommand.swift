import ArgumentParser
import Foundation
import RecallKit

struct ImportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import (todo).")
    @OptionGroup var global: GlobalOptions
    func run(in context: RecallContext) throws {}
}
