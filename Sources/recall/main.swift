import Foundation
import RecallCLI

exit(RecallCommand.run(Array(CommandLine.arguments.dropFirst()), in: .live()))
