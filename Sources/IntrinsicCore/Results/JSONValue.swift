// A JSON value with ordered object keys, written with round-trip exact numbers.

/// A JSON document. Objects keep their key order, so output is stable and readable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A finite number; non-finite values are written as `null`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Builds an array of numbers.
    public static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    /// Builds an array of rows from a row-major matrix.
    public static func matrix(_ values: [Double], rows: Int, columns: Int) -> JSONValue {
        .array((0..<rows).map { i in .numbers(Array(values[(i * columns)..<((i + 1) * columns)])) })
    }

    /// Returns the member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Writes the value as JSON text.
    /// - Parameter indent: spaces per level; 0 writes everything on one line. Arrays of
    ///   scalars stay on one line either way, so a 1797 × 2 embedding is 1797 short lines.
    public func serialized(indent: Int = 2) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(into out: inout String, indent: Int, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += JSONValue.format(x)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let flat = indent == 0 || items.allSatisfy(\.isScalar)
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 {
                    // Flat arrays get a space after the comma, unless everything is on one line.
                    out += flat && indent > 0 ? ", " : ","
                }
                if !flat { newline(&out, indent: indent, level: level + 1) }
                item.write(into: &out, indent: indent, level: level + 1)
            }
            if !flat { newline(&out, indent: indent, level: level) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out += "," }
                if indent > 0 { newline(&out, indent: indent, level: level + 1) }
                JSONValue.writeString(key, into: &out)
                out += indent > 0 ? ": " : ":"
                value.write(into: &out, indent: indent, level: level + 1)
            }
            if indent > 0 { newline(&out, indent: indent, level: level) }
            out += "}"
        }
    }

    private func newline(_ out: inout String, indent: Int, level: Int) {
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    /// Shortest text that reads back to the same Double; integers lose the ".0".
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
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
        out += "\""
    }
}
