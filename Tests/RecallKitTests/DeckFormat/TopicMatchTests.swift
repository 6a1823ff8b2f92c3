import Testing

@testable import RecallKit

@Suite struct TopicMatchTests {
    @Test func matchesAtTheStartOfAWordIgnoringPunctuationAndCase() {
        #expect(TopicMatch.mentions("How does All-Reduce work?", anyOf: ["all-reduce"]))
        #expect(TopicMatch.mentions("DDP gradient bucketing", anyOf: ["bucket"]))
        #expect(!TopicMatch.mentions("an array of values", anyOf: ["ray"]))
        #expect(TopicMatch.mentions("Ray Train's TorchTrainer", anyOf: ["ray"]))
        #expect(TopicMatch.mentions("用 LLM.int8() 量化", anyOf: ["llm.int8"]))
        #expect(!TopicMatch.mentions("anything", anyOf: [""]))
    }
}
