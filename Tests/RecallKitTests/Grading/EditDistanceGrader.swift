// The grader before issue 9 (commit 7ef4fda, Sources/RecallKit/Quiz/AnswerGrader.swift), kept in the
// tests only as the baseline the corpus measures the new grader against. Not used by Recall.

import Foundation

@testable import RecallKit

/// Grades a typed answer against the answers a card accepts. Pure.
///
/// The rules, in order (docs/interview.md repeats them for people):
///
/// 1. **Normalise** both sides: Unicode NFKC (full-width and half-width forms
///    match, so CJK input works), runs of white space made one space, ends
///    trimmed. Prose is also case-folded and stripped of punctuation; a
///    shell command keeps its case and punctuation, because `-F` is not `-f`.
/// 2. **Exact**: equal to the answer or any listed alternative → right.
/// 3. **Command tokens**: for commands, `--flag=value` is split, bundled short
///    flags (`-it`) are split, single-token aliases the card lists (two
///    accepted answers that differ in one word, like `-f` and `--follow`) are
///    made one, and then flags may come in any order → right.
/// 4. **Near miss**: within one edit per eight characters (at least one; none
///    for answers under four characters), with the same digits in the same
///    order → partly right, half credit, shown as a character diff.
/// 5. Otherwise wrong.
enum EditDistanceGrader {
    enum Outcome: String, Hashable, Sendable, Codable {
        case right, partly, wrong
    }

    struct Result: Hashable, Sendable {
        var outcome: Outcome
        /// The accepted answer closest to what was given.
        var expected: String
        /// For a near miss: `docker logs --fol[+l]ow web`.
        var diff: String?

        /// Credit for the answer: right 1, partly 0.5, wrong 0.
        var credit: Double {
            switch outcome {
            case .right: 1
            case .partly: partialCredit
            case .wrong: 0
            }
        }
    }

    static let partialCredit = 0.5

    /// Whether an answer should be compared as a shell command: some accepted
    /// answer has a token that starts with `-`, or the card is tagged `commands`.
    static func looksLikeCommand(_ accepted: [String], tags: [String] = []) -> Bool {
        tags.contains("commands")
            || accepted.contains { answer in
                answer.split(whereSeparator: \.isWhitespace).contains { $0.hasPrefix("-") && $0.count > 1 }
            }
    }

    static func grade(_ given: String, accepted: [String], isCommand: Bool) -> Result {
        let candidates = accepted.filter { !$0.isEmpty }
        let first = candidates.first ?? ""
        let typed = normalize(given, isCommand: isCommand)
        guard !typed.isEmpty else { return Result(outcome: .wrong, expected: first) }
        for candidate in candidates where normalize(candidate, isCommand: isCommand) == typed {
            return Result(outcome: .right, expected: candidate)
        }
        if isCommand {
            let aliases = OldCommandTokens.aliases(in: candidates.map { OldCommandTokens.split(normalize($0, isCommand: true)) })
            let typedTokens = OldCommandTokens.split(typed)
            for candidate in candidates {
                if OldCommandTokens.equivalent(typedTokens, OldCommandTokens.split(normalize(candidate, isCommand: true)), aliases: aliases) {
                    return Result(outcome: .right, expected: candidate)
                }
            }
        }
        var best: (candidate: String, normal: String, distance: Int)?
        for candidate in candidates {
            let normal = normalize(candidate, isCommand: isCommand)
            // A slip in a number is another answer (1003 is not 1004), never a near miss.
            guard typed.filter(\.isNumber) == normal.filter(\.isNumber) else { continue }
            let allowed = nearMissDistance(forLength: normal.count)
            guard allowed > 0 else { continue }
            let distance = editDistance(Array(typed), Array(normal), limit: allowed)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, normal, distance) }
        }
        if let best {
            return Result(outcome: .partly, expected: best.candidate, diff: characterDiff(from: typed, to: best.normal))
        }
        return Result(outcome: .wrong, expected: first)
    }

    static func normalize(_ text: String, isCommand: Bool) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        if isCommand {
            return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return String(
            String.UnicodeScalarView(
                folded.lowercased().unicodeScalars.map {
                    CharacterSet.punctuationCharacters.contains($0) || CharacterSet.symbols.contains($0) ? " " : $0
                })
        ).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Edits allowed for a near miss: one per eight characters, at least one;
    /// none under four characters, where a one-letter slip is another answer.
    static func nearMissDistance(forLength length: Int) -> Int {
        length < 4 ? 0 : max(1, length / 8)
    }

    /// The suggested SM-2 grade for an outcome: right 5, partly 3, wrong 1.
    static func suggestedGrade(_ outcome: Outcome) -> Grade {
        switch outcome {
        case .right: .perfect
        case .partly: .hard
        case .wrong: .wrong
        }
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if limit != .max && abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if limit != .max && rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The expected text with the edits that turn `given` into it marked:
    /// `[+x]` where a character is missing, `[-x]` where one is extra, `[x→y]` where one differs.
    static func characterDiff(from given: String, to expected: String) -> String {
        let a = Array(given)
        let b = Array(expected)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        if !a.isEmpty && !b.isEmpty {
            for i in 1...a.count {
                for j in 1...b.count {
                    table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
        }
        var pieces: [String] = []
        var i = a.count
        var j = b.count
        while i > 0 || j > 0 {
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] && table[i][j] == table[i - 1][j - 1] {
                pieces.append(String(b[j - 1]))
                i -= 1
                j -= 1
            } else if i > 0 && j > 0 && table[i][j] == table[i - 1][j - 1] + 1 {
                pieces.append("[\(a[i - 1])→\(b[j - 1])]")
                i -= 1
                j -= 1
            } else if j > 0 && table[i][j] == table[i][j - 1] + 1 {
                pieces.append("[+\(b[j - 1])]")
                j -= 1
            } else {
                pieces.append("[-\(a[i - 1])]")
                i -= 1
            }
        }
        return pieces.reversed().joined()
    }
}

/// Shell-command comparison by tokens.
enum OldCommandTokens {
    /// Splits on white space, then `--flag=value` into two tokens and bundled short flags (`-it`) into one each.
    static func split(_ command: String) -> [String] {
        var tokens: [String] = []
        for word in command.split(separator: " ").map(String.init) {
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                tokens.append(String(word[..<equals]))
                tokens.append(String(word[word.index(after: equals)...]))
            } else if word.hasPrefix("-"), !word.hasPrefix("--"), word.count > 2, word.dropFirst().allSatisfy(\.isLetter) {
                tokens += word.dropFirst().map { "-\($0)" }
            } else {
                tokens.append(word)
            }
        }
        return tokens
    }

    static func isFlag(_ token: String) -> Bool { token.hasPrefix("-") && token.count > 1 }

    /// Pairs of tokens the card treats as the same: two accepted answers of
    /// equal length that differ in exactly one token. Returns token → canonical token.
    static func aliases(in answers: [[String]]) -> [String: String] {
        var parent: [String: String] = [:]
        func root(_ token: String) -> String {
            var current = token
            while let next = parent[current], next != current { current = next }
            return current
        }
        for (index, a) in answers.enumerated() {
            for b in answers[(index + 1)...] where a.count == b.count {
                let differences = zip(a, b).filter { $0 != $1 }
                if differences.count == 1, let (x, y) = differences.first {
                    let (rx, ry) = (root(x), root(y))
                    if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
                }
            }
        }
        var canonical: [String: String] = [:]
        for token in parent.keys { canonical[token] = root(token) }
        return canonical
    }

    /// The same tokens (up to aliases), with the words that are not flags in
    /// the same order. A word right after a flag may be that flag's value, so
    /// it is compared both ways: as the flag's value, and in the word order.
    static func equivalent(_ a: [String], _ b: [String], aliases: [String: String]) -> Bool {
        let x = a.map { aliases[$0] ?? $0 }
        let y = b.map { aliases[$0] ?? $0 }
        guard x.count == y.count, x.sorted() == y.sorted() else { return false }
        func words(_ tokens: [String], valuesAfterFlags: Bool) -> [String] {
            var out: [String] = []
            for (index, token) in tokens.enumerated() where !isFlag(token) {
                if valuesAfterFlags, index > 0, isFlag(tokens[index - 1]) { continue }
                out.append(token)
            }
            return out
        }
        return words(x, valuesAfterFlags: true) == words(y, valuesAfterFlags: true)
            || words(x, valuesAfterFlags: false) == words(y, valuesAfterFlags: false)
    }
}
