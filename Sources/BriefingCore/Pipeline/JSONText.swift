// JSONText: a small JSON value that keeps its keys in the order given, for stable run.json bytes.

/// A JSON value whose objects keep key order.
public indirect enum JSONText: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A decimal number, written with 3 decimals.
    case seconds(Double)
    /// An array.
    case array([JSONText])
    /// An object with ordered keys.
    case object([(String, JSONText)])

    /// Compares two values (objects by ordered pairs).
    public static func == (lhs: JSONText, rhs: JSONText) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// Pretty-printed text with two-space indents and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .string(let value): out += Self.quoted(value)
        case .int(let value): out += String(value)
        case .seconds(let value):
            let millis = Int((value * 1000).rounded())
            out += "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += pad + Self.quoted(pair.0) + ": "
                pair.1.write(into: &out, indent: indent + 1)
                out += index + 1 < pairs.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    /// A JSON string literal.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
