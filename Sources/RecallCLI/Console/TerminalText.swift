import RecallKit

/// The one place where text meets the terminal: every byte a console writes
/// goes through ``neutralised(_:)``.
///
/// Card text comes from files anyone can write, and a terminal obeys what it
/// is sent: ESC sequences clear the screen, set the window title, make
/// hidden links; C1 bytes do the same on some terminals. So every control
/// character (``ControlCharacters``) is replaced by a visible picture (`␛`).
/// On a terminal, SGR sequences made only of the colour and weight codes
/// ``Style`` writes are let through (a card can colour its own text, nothing
/// more); anywhere else nothing is.
enum TerminalText {
    static func neutralised(_ text: String, keepingStyle: Bool) -> String {
        guard ControlCharacters.contains(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyle, scalar == "\u{1B}", let end = styleSequenceEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            result.append(ControlCharacters.isControl(scalar) ? ControlCharacters.picture(scalar) : scalar)
            index += 1
        }
        return String(result)
    }

    /// The index of the `m` ending an SGR sequence `ESC [ n ; … m` at `start`
    /// whose every parameter is one that ``Style`` writes; nil for anything else.
    static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < scalars.count, scalars[index] == "[" else { return nil }
        index += 1
        var parameter = ""
        while index < scalars.count {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                parameter.unicodeScalars.append(scalar)
            } else if scalar == ";" || scalar == "m" {
                guard Style.codes.contains(parameter) else { return nil }
                if scalar == "m" { return index }
                parameter = ""
            } else {
                return nil
            }
            guard parameter.count <= 2 else { return nil }
            index += 1
        }
        return nil
    }
}
