import Foundation

/// The glossary read (``TermGlossaryTable``, format in docs/grading.md): every
/// name of a concept, so that a short prose answer naming the concept another
/// way (`TP`, `张量并行`, `tensor model parallelism` for `tensor parallelism`)
/// is the same answer. Names are matched as whole words or phrases in the
/// normal form of ``ProseAnswer`` (inside a run of Chinese characters, as the
/// longest name that starts there), and each is replaced by its concept on
/// both sides; a name listed for two concepts is dropped from both, so no
/// name ever stands for another concept.
struct TermGlossary: Sendable {
    struct Problem: Hashable, Sendable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "TermGlossaryTable.swift: glossary line \(line): \(message)" }
    }

    /// A name's forms (``forms(of:)``) → the concept's index.
    private(set) var concepts: [String: Int] = [:]
    /// The canonical (first) name of each concept.
    private(set) var canonicalNames: [String] = []
    /// Normal forms of the Chinese names (runs of Han characters) by their first character, longest first,
    /// for matching inside a run (a few names to try at each character, whatever the answer's length).
    private var hanNames: [Character: [String]] = [:]
    /// The most tokens a name has.
    private var longestName = 1
    private(set) var problems: [Problem] = []

    static let bundled = TermGlossary(TermGlossaryTable.bundled)

    /// The marker a concept's names are replaced by: no answer can contain it.
    static func marker(_ concept: Int) -> String { "\u{1}\(concept)\u{1}" }

    init(_ text: String) {
        var owner: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let names = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.count >= 2 else {
                problems.append(Problem(line: index + 1, message: "a concept needs at least two names separated by ' | '"))
                continue
            }
            guard names.allSatisfy({ !$0.isEmpty && !$0.contains("|") }) else {
                problems.append(Problem(line: index + 1, message: "an empty name, or '|' without spaces around it"))
                continue
            }
            let concept = canonicalNames.count
            canonicalNames.append(names[0])
            for name in names {
                let forms = Self.forms(of: name)
                guard !forms.isEmpty else {
                    problems.append(Problem(line: index + 1, message: "'\(name)' has no letters or digits"))
                    continue
                }
                for form in forms {
                    if let other = owner[form], other != concept {
                        problems.append(
                            Problem(line: index + 1, message: "'\(name)' is also a name of '\(canonicalNames[other])': an ambiguous name is never listed"))
                        ambiguous.insert(form)
                        continue
                    }
                    owner[form] = concept
                }
                longestName = max(longestName, ProseAnswer(name.replacingOccurrences(of: "-", with: " ")).tokens.count)
            }
        }
        for form in ambiguous { owner[form] = nil }
        concepts = owner
        for name in owner.keys where Self.isHan(name) {
            if let first = name.first { hanNames[first, default: []].append(name) }
        }
        for key in hanNames.keys { hanNames[key]?.sort { $0.count > $1.count } }
    }

    /// The keys a name is found by: its words (`tensor parallelism`, and `all reduce` for `all-reduce`) and,
    /// for an answer written as one word, the words run together (`allreduce`, `tensorparallelism`).
    static func forms(of name: String) -> Set<String> {
        var forms = Set<String>()
        for spelling in [name, name.replacingOccurrences(of: "-", with: " ")] {
            let tokens = ProseAnswer(spelling).tokens.flatMap(scriptRuns)
            guard !tokens.isEmpty else { continue }
            forms.insert(tokens.joined(separator: " "))
            forms.insert(tokens.joined())
        }
        return forms
    }

    /// The tokens with every glossary name replaced by its concept's marker: whole tokens or runs of tokens
    /// (the longest name first), and names inside a run of Chinese characters.
    func canonicalTokens(_ tokens: [String]) -> [String] {
        // Spaces between Chinese words do not matter: neighbouring runs of Chinese characters are one.
        var pieces: [String] = []
        for piece in tokens.flatMap(Self.scriptRuns) {
            if let last = pieces.last, Self.isHan(last), Self.isHan(piece) { pieces[pieces.count - 1] += piece } else { pieces.append(piece) }
        }
        var out: [String] = []
        var i = 0
        while i < pieces.count {
            var matched = false
            for length in stride(from: min(longestName, pieces.count - i), through: 1, by: -1) {
                // Several words match a name word for word; one word may be a name run together (`allreduce`).
                let window = pieces[i..<(i + length)].joined(separator: " ")
                if let concept = concepts[window] {
                    // `the KV cache`: an article before a name goes with it.
                    if let last = out.last, ProseAnswer.articles.contains(last) { out.removeLast() }
                    out.append(Self.marker(concept))
                    i += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            let piece = pieces[i]
            if Self.isHan(piece) {
                out += splitHan(piece)
            } else {
                out.append(piece)
            }
            i += 1
        }
        return out
    }

    /// The concepts named in `tokens`.
    func concepts(in tokens: [String]) -> Set<Int> {
        var found = Set<Int>()
        for token in canonicalTokens(tokens) where token.hasPrefix("\u{1}") {
            if let number = Int(token.trimmingCharacters(in: CharacterSet(charactersIn: "\u{1}"))) { found.insert(number) }
        }
        return found
    }

    /// A run of Chinese characters with the names it contains (the longest that starts at each place) replaced.
    private func splitHan(_ run: String) -> [String] {
        var out: [String] = []
        var rest = Substring(run)
        var plain = ""
        while !rest.isEmpty {
            if let first = rest.first, let name = hanNames[first]?.first(where: { rest.hasPrefix($0) }), let concept = concepts[name] {
                if !plain.isEmpty {
                    out.append(plain)
                    plain = ""
                }
                out.append(Self.marker(concept))
                rest = rest.dropFirst(name.count)
            } else {
                plain.append(rest.removeFirst())
            }
        }
        if !plain.isEmpty { out.append(plain) }
        return out
    }

    static func isHan(_ text: String) -> Bool { !text.isEmpty && text.unicodeScalars.allSatisfy(AnswerGrader.isHan) }

    /// `lora适配器` → `lora`, `适配器`: a token split where it changes between Chinese and other letters.
    static func scriptRuns(_ token: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var currentIsHan: Bool?
        for character in token {
            let han = character.unicodeScalars.allSatisfy(AnswerGrader.isHan)
            if let was = currentIsHan, was != han, !current.isEmpty {
                runs.append(current)
                current = ""
            }
            current.append(character)
            currentIsHan = han
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
