/// A cloze text split into plain runs and `{{deletions}}`.
///
/// Parsing is forgiving here: the deck parser has already rejected malformed
/// braces, so this only has to render well-formed text.
public struct Cloze: Hashable, Sendable {
    public enum Segment: Hashable, Sendable {
        case text(String)
        case deletion(answer: String, hint: String?)
    }

    public let segments: [Segment]

    public init(_ text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            let inner = rest[open.upperBound..<close.lowerBound]
            if let separator = inner.range(of: "::") {
                segments.append(
                    .deletion(
                        answer: String(inner[..<separator.lowerBound]),
                        hint: String(inner[separator.upperBound...])))
            } else {
                segments.append(.deletion(answer: String(inner), hint: nil))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.segments = segments
    }

    public var deletions: [(answer: String, hint: String?)] {
        segments.compactMap {
            if case .deletion(let answer, let hint) = $0 { (answer, hint) } else { nil }
        }
    }

    /// The text with deletion `asking` (from 1) hidden and the others filled in.
    public func question(asking: Int) -> String {
        render { index, answer, hint in
            index == asking ? "[\(hint ?? "...")]" : answer
        }
    }

    /// The deleted text of deletion `index` (from 1).
    public func answer(for index: Int) -> String {
        let all = deletions
        guard index >= 1, index <= all.count else { return "" }
        return all[index - 1].answer
    }

    /// The whole text with every deletion filled in.
    public var filled: String { render { _, answer, _ in answer } }

    public func render(_ deletion: (Int, String, String?) -> String) -> String {
        var out = ""
        var index = 0
        for segment in segments {
            switch segment {
            case .text(let text): out += text
            case .deletion(let answer, let hint):
                index += 1
                out += deletion(index, answer, hint)
            }
        }
        return out
    }
}
