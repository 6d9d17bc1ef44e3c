// Method parameters: their declarations, values, parsing and validation.
//
// Names are lower-case kebab-case and mean the same in every method: `k` (neighbours),
// `clusters`, `dimensions` (output dimensions), `metric`, `max-dimension` (homology),
// `threshold`, `perplexity`, `seed`.

/// The value of one parameter.
public enum ParameterValue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case text(String)

    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .real(let v):
            if v == .infinity { return "inf" }
            if v == -.infinity { return "-inf" }
            return String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .text(let v): return v
        }
    }

    /// The value as JSON: a number, a boolean or a string (infinity as the string "inf").
    public var json: JSONValue {
        switch self {
        case .integer(let v): return .number(Double(v))
        case .real(let v): return v.isFinite ? .number(v) : .string(description)
        case .boolean(let v): return .bool(v)
        case .text(let v): return .string(v)
        }
    }
}

/// The set of values a parameter accepts.
public enum ParameterKind: Sendable, Equatable {
    /// An integer in the closed range.
    case integer(ClosedRange<Int>)
    /// A real number in the closed range; `inf` is accepted when the range allows it.
    case real(ClosedRange<Double>)
    case boolean
    /// One of the listed words.
    case choice([String])

    /// The allowed values, as a phrase for help text and errors.
    public var allowedDescription: String {
        switch self {
        case .integer(let r):
            return r.upperBound == Int.max ? "an integer ≥ \(r.lowerBound)" : "an integer in \(r.lowerBound)…\(r.upperBound)"
        case .real(let r):
            let upper = r.upperBound.isInfinite ? "inf" : String(r.upperBound)
            return "a number in \(r.lowerBound)…\(upper)"
        case .boolean: return "true or false"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        }
    }
}

/// The declaration of one parameter of a method.
public struct ParameterSpec: Sendable, Equatable {
    public var name: String
    public var kind: ParameterKind
    public var defaultValue: ParameterValue
    /// One line: what the parameter sets, and its unit where it has one.
    public var help: String

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: ParameterValue, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Parses and range-checks `text` as a value of this parameter.
    /// - Throws: `ParameterError.invalidValue` naming the parameter, the allowed values
    ///   and the text received.
    public func parse(_ text: String, method: String) throws -> ParameterValue {
        let trimmed = text.trimmingWhitespace()
        let value: ParameterValue?
        switch kind {
        case .integer:
            value = Int(trimmed).map(ParameterValue.integer)
        case .real:
            switch trimmed.lowercased() {
            case "inf", "+inf", "infinity", "none": value = .real(.infinity)
            default: value = Double(trimmed).flatMap { $0.isNaN ? nil : .real($0) }
            }
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": value = .boolean(true)
            case "false", "no", "off", "0": value = .boolean(false)
            default: value = nil
            }
        case .choice(let words):
            value = words.contains(trimmed) ? .text(trimmed) : nil
        }
        guard let value else {
            throw ParameterError.invalidValue(method: method, parameter: name, allowed: kind.allowedDescription, received: text)
        }
        try validate(value, method: method)
        return value
    }

    /// Checks that `value` has this parameter's type and lies in its range.
    public func validate(_ value: ParameterValue, method: String) throws {
        let ok: Bool
        switch (kind, value) {
        case (.integer(let r), .integer(let v)): ok = r.contains(v)
        case (.real(let r), .real(let v)): ok = r.contains(v)
        case (.real(let r), .integer(let v)): ok = r.contains(Double(v))
        case (.boolean, .boolean): ok = true
        case (.choice(let words), .text(let v)): ok = words.contains(v)
        default: ok = false
        }
        if !ok {
            throw ParameterError.invalidValue(method: method, parameter: name, allowed: kind.allowedDescription, received: value.description)
        }
    }
}

/// A bad parameter name or value given by the user.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
    case unknownParameter(method: String, parameter: String, suggestion: String?, valid: [String])
    case invalidValue(method: String, parameter: String, allowed: String, received: String)
    case malformedAssignment(String)

    public var description: String {
        switch self {
        case let .unknownParameter(method, parameter, suggestion, valid):
            var text = "unknown parameter '\(parameter)' for method '\(method)'"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            text += valid.isEmpty ? " (it takes no parameters)" : " (valid: \(valid.joined(separator: ", ")))"
            return text
        case let .invalidValue(method, parameter, allowed, received):
            return "invalid value '\(received)' for parameter '\(parameter)' of method '\(method)': expected \(allowed)"
        case let .malformedAssignment(text):
            return "malformed parameter '\(text)': expected KEY=VALUE, for example k=20"
        }
    }
}

/// The complete, validated parameters of one run: every declared parameter has a value.
public struct ParameterSet: Sendable, Equatable, Codable {
    /// Values by parameter name.
    public private(set) var values: [String: ParameterValue]
    /// Names in declaration order, for stable output.
    public private(set) var order: [String]

    /// Fills in defaults, then applies `overrides` after checking each name and value.
    public init(specs: [ParameterSpec], method: String, overrides: [String: ParameterValue] = [:]) throws {
        values = [:]
        order = specs.map(\.name)
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw ParameterError.unknownParameter(
                    method: method, parameter: name,
                    suggestion: nearestName(to: name, among: specs.map(\.name)), valid: specs.map(\.name))
            }
            try spec.validate(value, method: method)
            values[name] = value
        }
    }

    /// Parses `KEY=VALUE` texts against the specs, then validates them as `init` does.
    public init(specs: [ParameterSpec], method: String, assignments: [String]) throws {
        var overrides: [String: ParameterValue] = [:]
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                throw ParameterError.malformedAssignment(assignment)
            }
            let name = String(assignment[..<eq]).trimmingWhitespace()
            let text = String(assignment[assignment.index(after: eq)...])
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw ParameterError.unknownParameter(
                    method: method, parameter: name,
                    suggestion: nearestName(to: name, among: specs.map(\.name)), valid: specs.map(\.name))
            }
            overrides[name] = try spec.parse(text, method: method)
        }
        try self.init(specs: specs, method: method, overrides: overrides)
    }

    public subscript(name: String) -> ParameterValue? { values[name] }

    public func integer(_ name: String) -> Int {
        guard case .integer(let v)? = values[name] else { preconditionFailure("parameter \(name) is not an integer") }
        return v
    }

    public func real(_ name: String) -> Double {
        switch values[name] {
        case .real(let v)?: return v
        case .integer(let v)?: return Double(v)
        default: preconditionFailure("parameter \(name) is not a number")
        }
    }

    public func boolean(_ name: String) -> Bool {
        guard case .boolean(let v)? = values[name] else { preconditionFailure("parameter \(name) is not a boolean") }
        return v
    }

    public func text(_ name: String) -> String {
        guard case .text(let v)? = values[name] else { preconditionFailure("parameter \(name) is not a word") }
        return v
    }

    /// The parameters as a JSON object in declaration order.
    public var json: JSONValue {
        .object(order.compactMap { name in values[name].map { (name, $0.json) } })
    }
}

/// Returns the candidate closest to `name` by edit distance, if it is close enough to be
/// a plausible typo (at most a third of the longer name, and at least 1 edit allowed).
public func nearestName(to name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(name.lowercased(), candidate.lowercased())
        if best == nil || d < best!.1 { best = (candidate, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let allowed = max(2, max(name.count, candidate.count) / 3)
    if distance <= allowed || candidate.lowercased().hasPrefix(name.lowercased()) { return candidate }
    return nil
}

/// Levenshtein distance between two strings, counted in Characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
