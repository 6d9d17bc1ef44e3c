// `intrinsic run` and `intrinsic methods`: methods without the terminal UI.

import Foundation
import IntrinsicCore
import IntrinsicPlot

/// Exit statuses of the command line.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Bad input data, a bad parameter value or a failed method.
    public static let failure: Int32 = 1
    /// A command line that cannot be understood.
    public static let usage: Int32 = 2
}

public enum BatchCommand {
    /// Runs one method on one data file and writes its JSON and plots.
    /// - Parameters:
    ///   - output: receives standard-output text.
    ///   - errors: receives standard-error text (one message per failure).
    /// - Returns: the exit status.
    public static func execute(_ options: BatchOptions, output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let method: any AnalysisMethod
        do {
            method = try MethodRegistry.lookup(options.method)
        } catch {
            errors("intrinsic: \(error)\n")
            return ExitStatus.usage
        }

        var assignments = options.assignments
        if method.parameters.contains(where: { $0.name == "seed" }) && !assignments.contains(where: { $0.hasPrefix("seed=") }) {
            assignments.append("seed=\(options.seed)")
        }
        let parameters: ParameterSet
        do {
            parameters = try method.parameterSet(assignments)
        } catch let error as ParameterError {
            errors("intrinsic: \(error)\n")
            if case .invalidValue = error { return ExitStatus.failure }
            return ExitStatus.usage
        } catch {
            errors("intrinsic: \(error)\n")
            return ExitStatus.failure
        }

        let loaded: LoadedDataset
        do {
            loaded = try DatasetLoader.load(path: options.dataPath, options: LoadOptions(labelColumn: options.labelColumn, dropMissing: options.dropMissing))
        } catch {
            errors("intrinsic: \(error)\n")
            return ExitStatus.failure
        }
        for note in loaded.notes where note.contains("dropped") { errors("intrinsic: note: \(options.dataPath): \(note)\n") }
        let dataset = loaded.dataset

        let outcome = runMethod(method, on: dataset, parameters: parameters, context: JobContext())
        guard case .finished(let result, let elapsed) = outcome else {
            if case .failed(let message) = outcome { errors("intrinsic: \(message)\n") }
            return ExitStatus.failure
        }
        for warning in result.warnings { errors("intrinsic: warning: \(method.name): \(warning)\n") }

        if let jsonPath = options.jsonPath {
            let document = JSONValue.object([
                ("method", .string(method.name)),
                ("params", parameters.json),
                ("seed", .number(Double(options.seed))),
                ("dataset", .object([
                    ("path", .string(options.dataPath)),
                    ("rows", .number(Double(dataset.rows))),
                    ("columns", .number(Double(dataset.columns))),
                    ("dropped_rows", .number(Double(loaded.droppedRows))),
                ])),
                ("results", result.json),
                ("warnings", .array(result.warnings.map { .string($0) })),
                ("elapsed_seconds", .number(elapsed)),
            ])
            let text = document.serialized() + "\n"
            if jsonPath == "-" {
                output(text)
            } else {
                do {
                    try writeAtomically(Data(text.utf8), to: jsonPath)
                } catch {
                    errors("intrinsic: \(error)\n")
                    return ExitStatus.failure
                }
            }
        }

        if options.plot {
            let style = RenderStyle(unicode: !options.asciiOnly, density: dataset.rows > 20_000)
            var text = summaryText(method: method.name, dataset: dataset, result: result, elapsed: elapsed) + "\n"
            for figure in ResultFigures.figures(for: result, dataset: dataset) {
                text += "\(method.name) on \(dataset.displayName): \(figure.kind)\n"
                text += figure.render(width: options.width, height: options.height, style: style).text + "\n\n"
            }
            if options.jsonPath == "-" { errors(text) } else { output(text) }
        }

        if options.jsonPath == nil && !options.plot {
            output(summaryText(method: method.name, dataset: dataset, result: result, elapsed: elapsed))
        }
        return ExitStatus.success
    }

    /// Formats the result's headline numbers, one per line, under a line naming the run.
    private static func summaryText(method: String, dataset: Dataset, result: MethodResult, elapsed: Double) -> String {
        var text = "\(method) on \(dataset.displayName) (\(dataset.rows) × \(dataset.columns)) in \(String(format: "%.3f", elapsed)) s\n"
        for line in ResultFigures.summaryLines(for: result) { text += "  \(line)\n" }
        return text
    }

    /// The text of `intrinsic methods`: each method, its summary and its parameters.
    public static func methodsListing() -> String {
        var text = ""
        for method in MethodRegistry.all {
            text += "\(method.name)\n    \(method.summary)\n"
            for spec in method.parameters {
                text += "    --param \(spec.name)=\(spec.defaultValue.description)"
                text += "  \(spec.help); \(spec.kind.allowedDescription)\n"
            }
            text += "\n"
        }
        return text
    }
}
