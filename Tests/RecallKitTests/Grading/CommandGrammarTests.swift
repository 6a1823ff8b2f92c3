import Testing

@testable import RecallKit

@Suite struct CommandGrammarTests {
    @Test func theBundledTableReads() throws {
        switch CommandGrammar.parse(CommandGrammar.bundledTable) {
        case .success(let grammar):
            #expect(grammar.node(forPath: ["docker", "container", "run"])?.path == ["docker", "run"])
            #expect(grammar.node(forPath: ["tar"])?.bundles == true)
        case .failure(let error):
            Issue.record("bundled grammar table: \(error)")
        }
    }

    @Test func tableErrorsNameTheLine() {
        guard case .failure(let error) = CommandGrammar.parse("command x\n  flag nodash\n") else {
            Issue.record("a flag without a dash was accepted")
            return
        }
        #expect(error.line == 2)
    }
}
