// The contract every analysis method follows, and the registry that lists them.

/// An error from a method that ran on valid parameters but could not produce a result,
/// such as too few points for the requested `k`.
public struct MethodError: Error, Equatable, CustomStringConvertible, Sendable {
    public var method: String
    public var message: String
    public init(method: String, _ message: String) {
        self.method = method
        self.message = message
    }
    public var description: String { "\(method): \(message)" }
}

/// One method of the workbench.
///
/// `run` is synchronous and runs off the UI thread. It calls `context.report` and
/// `context.checkCancelled()` between chunks of work of at most a few tens of milliseconds,
/// and it must be deterministic for a given data set, parameters and seed.
public protocol AnalysisMethod: Sendable {
    /// The name used on the command line and in sessions: lower-case kebab-case.
    var name: String { get }
    /// One line for `intrinsic methods` and the methods pane.
    var summary: String { get }
    var parameters: [ParameterSpec] { get }
    func run(on dataset: Dataset, parameters: ParameterSet, context: JobContext) throws -> MethodResult
}

extension AnalysisMethod {
    /// Validates `assignments` (`KEY=VALUE` texts) against this method's parameters.
    public func parameterSet(_ assignments: [String]) throws -> ParameterSet {
        try ParameterSet(specs: parameters, method: name, assignments: assignments)
    }
}

/// Every method, in the order menus list them.
public enum MethodRegistry {
    public static let all: [any AnalysisMethod] = [
        PCAMethod(),
        TwoNNMethod(),
        LevinaBickelMethod(),
        RipsMethod(),
        ClassicalMDSMethod(),
    ]

    public static func method(named name: String) -> (any AnalysisMethod)? {
        all.first { $0.name == name }
    }

    /// Returns the method called `name`, or throws an error naming the nearest valid one.
    public static func lookup(_ name: String) throws -> any AnalysisMethod {
        if let method = method(named: name) { return method }
        let names = all.map(\.name)
        var text = "unknown method '\(name)'"
        if let near = nearestName(to: name, among: names) { text += "; did you mean '\(near)'?" }
        text += " (methods: \(names.joined(separator: ", ")))"
        throw UnknownMethodError(message: text)
    }
}

public struct UnknownMethodError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
