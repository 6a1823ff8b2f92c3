import Foundation
import PackagePlugin

/// Compiles the deck files of `Decks/` into the `BundledDecks` target, so a
/// `recall` binary copied alone to another machine still has them.
@main
struct EmbedDecks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let decks = context.package.directoryURL.appending(path: "Decks")
        let files = (try? FileManager.default.contentsOfDirectory(at: decks, includingPropertiesForKeys: nil)) ?? []
        // The deck files, and the table of the topic tags' Chinese labels.
        let inputs = files.filter { ($0.pathExtension == "md" && $0.lastPathComponent != "README.md") || $0.lastPathComponent == "topics-zh.tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledDeckFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) deck files",
                executable: try context.tool(named: "DeckEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs + [decks],
                outputFiles: [output]
            )
        ]
    }
}
