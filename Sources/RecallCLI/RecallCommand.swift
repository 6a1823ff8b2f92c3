import ArgumentParser
import Foundation
import RecallKit

/// The root command: configuration only; each subcommand has its own file.
public struct RecallCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Spaced-repetition flashcards and quizzes for the terminal, with SM-2 or FSRS-6 scheduling.",
        discussion: """
            Decks are plain-text files; review history lives in SQLite. The decks bundled with \
            Recall cover LLM technology; add your own in the data folder's decks/.

            Data folder: $RECALL_HOME, else $XDG_DATA_HOME/recall, else ~/.local/share/recall.
            RECALL_NOW=2026-11-29T09:00:00Z (ISO 8601) makes every command act at that moment.
            NO_COLOR turns colour off.
            """,
        version: "0.1.0",
        subcommands: [
            ReviewCommand.self, InterviewCommand.self, DueCommand.self, ShowCommand.self, GradeCommand.self, ListCommand.self,
            DecksCommand.self, SuspendCommand.self, UnsuspendCommand.self, ConfigCommand.self, CheckCommand.self,
            ExportCommand.self, ImportCommand.self,
            StatsCommand.self, MapCommand.self, OptimizeCommand.self, EvaluateCommand.self, PlanCommand.self,
        ],
        defaultSubcommand: nil
    )

    public init() {}

    /// Parses `arguments`, runs the command in `context`, and returns the exit status.
    /// The `recall` executable and the tests both come through here.
    public static func run(_ arguments: [String], in context: RecallContext) -> Int32 {
        do {
            var command = try parseAsRoot(movingGlobalOptions(arguments))
            if var contextual = command as? ContextualCommand {
                try contextual.run(in: context)
            } else {
                try command.run()
            }
            return 0
        } catch let error as CLIError {
            context.console.writeError("error: \(error.description)\n")
            return error.exitCode
        } catch let error as RecallDatabase.CardLookupError {
            context.console.writeError("error: \(error.description)\n")
            return 1
        } catch let error as RecallDatabase.OpenError {
            context.console.writeError("error: \(error.description)\n")
            return 1
        } catch let error as ExitCode {
            return error.rawValue
        } catch  where StorageFault.sentence(for: error, path: nil) != nil {
            context.console.writeError("error: \(StorageFault.sentence(for: error, path: nil) ?? "")\n")
            return 1
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error).rawValue
            if code == 0 {
                context.console.write(message + "\n")
            } else {
                context.console.writeError(message + "\n")
            }
            return code
        }
    }
}

extension RecallCommand {
    /// `recall --db x.sqlite review` means `recall review --db x.sqlite`: the
    /// options every command shares may also come before the command's name.
    static func movingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--no-bundled" {
                leading.append(first)
                rest = rest.dropFirst()
            } else if first == "--db" || first == "--decks", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--db=") || first.hasPrefix("--decks=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty, let command = rest.first else { return arguments }
        return [command] + leading + rest.dropFirst()
    }
}

/// A subcommand that runs against a ``RecallContext`` rather than the process's globals.
protocol ContextualCommand: ParsableCommand {
    mutating func run(in context: RecallContext) throws
}

extension ContextualCommand {
    mutating func run() throws {
        let status = RecallCommand.run(Array(CommandLine.arguments.dropFirst()), in: .live())
        if status != 0 { throw ExitCode(status) }
    }
}
