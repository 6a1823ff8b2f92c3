import Foundation
import Testing

@testable import RecallKit

/// Checks the glossary's data as text (split by ` | `), independent of the reader that the
/// grader uses: the line format, that no name is on two lines (a name on two lines would be
/// an ambiguity), that known synonyms share a line and known different concepts do not.
@Suite struct TermGlossaryTableTests {
    /// The concept lines: line number in the table and its names, exactly as written.
    static let concepts: [(line: Int, names: [String])] = TermGlossaryTable.bundled
        .split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
        .compactMap { index, raw in
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { return nil }
            return (index + 1, line.components(separatedBy: " | "))
        }

    /// Case, width and spacing do not make two names different.
    static func key(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func line(of name: String) -> Int? {
        concepts.first { $0.names.contains { key($0) == key(name) } }?.line
    }

    @Test func everyLineHasAtLeastTwoCleanNames() {
        for (line, names) in Self.concepts {
            #expect(names.count >= 2, "line \(line) has one name: \(names)")
            for name in names {
                #expect(!name.isEmpty, "line \(line) has an empty name")
                #expect(name == name.trimmingCharacters(in: .whitespaces), "line \(line): '\(name)' has spaces around it (separator is ' | ')")
                #expect(!name.contains("|"), "line \(line): '\(name)' holds a '|'")
                #expect(!name.contains("\t"), "line \(line): '\(name)' holds a tab")
            }
        }
    }

    @Test func noNameIsOnTwoLinesOrTwiceOnOne() {
        var seen: [String: Int] = [:]
        for (line, names) in Self.concepts {
            var here: Set<String> = []
            for name in names {
                let key = Self.key(name)
                #expect(!here.contains(key), "line \(line) lists '\(name)' twice")
                here.insert(key)
                if let other = seen[key] {
                    Issue.record("'\(name)' is on line \(other) and line \(line)")
                }
                seen[key] = line
            }
        }
    }

    @Test func theTableCoversTheDecks() {
        #expect(Self.concepts.count >= 400)
        let sections = TermGlossaryTable.bundled.split(separator: "\n").filter { $0.hasPrefix("# ----") }
        #expect(sections.count >= 10)
    }

    @Test(arguments: [
        ("KV cache", "key-value cache"), ("KV cache", "KV 缓存"),
        ("mixture of experts", "MoE"), ("mixture of experts", "混合专家"),
        ("low-rank adaptation", "LoRA"), ("pipeline parallelism", "流水线并行"), ("pipeline parallelism", "管道并行"),
        ("tensor parallelism", "张量并行"), ("data parallelism", "数据并行"), ("expert parallelism", "专家并行"),
        ("post-training quantization", "PTQ"), ("quantization-aware training", "量化感知训练"),
        ("knowledge distillation", "知识蒸馏"), ("retrieval-augmented generation", "检索增强生成"),
        ("time to first token", "TTFT"), ("grouped-query attention", "GQA"), ("speculative decoding", "投机解码"),
        ("straight-through estimator", "直通估计器"), ("activation checkpointing", "gradient checkpointing"),
        ("all-reduce", "allreduce"), ("reciprocal rank fusion", "RRF"), ("Hierarchical Navigable Small World", "HNSW"),
    ])
    func synonymsShareALine(_ pair: (String, String)) {
        let first = Self.line(of: pair.0)
        #expect(first != nil, "'\(pair.0)' is missing")
        #expect(first == Self.line(of: pair.1), "'\(pair.0)' and '\(pair.1)' should be on one line")
    }

    @Test(arguments: [
        ("INT4", "NF4"), ("data parallelism", "tensor parallelism"), ("ZeRO-2", "ZeRO-3"),
        ("post-training quantization", "quantization-aware training"), ("sequence parallelism", "context parallelism"),
        ("multi-query attention", "grouped-query attention"), ("symmetric quantization", "asymmetric quantization"),
        ("structured pruning", "unstructured pruning"), ("continuous batching", "dynamic batching"),
        ("IVF", "inverted index"), ("FP16", "BF16"), ("white-box distillation", "black-box distillation"),
    ])
    func differentConceptsAreOnDifferentLines(_ pair: (String, String)) {
        let first = Self.line(of: pair.0)
        let second = Self.line(of: pair.1)
        #expect(first != nil && second != nil, "both '\(pair.0)' and '\(pair.1)' should be listed")
        #expect(first != second, "'\(pair.0)' and '\(pair.1)' are different concepts")
    }

    /// Names that mean two things in the bundled decks: `cp` is also the command, 推理 is also
    /// reasoning, 分块 is tiling and chunking, 重排 is reranking and loop reordering, 下降 is a drop,
    /// `4-bit` is INT4 or NF4, `PEFT` is the method and the library, Triton the language and the server,
    /// 预热 and `warm-up` the learning-rate warm-up and a pipeline's warm-up phase, 轮次 an epoch and a chat turn.
    @Test(arguments: ["CP", "推理", "分块", "重排", "下降", "4-bit", "PEFT", "Triton", "RM", "P2P", "temperature", "预热", "warm-up", "轮次"])
    func ambiguousNamesAreNotListed(_ name: String) {
        #expect(Self.line(of: name) == nil, "'\(name)' is ambiguous in the decks")
    }
}
