// Parses the command line into what to do: open the TUI, run a method, list methods.

import IntrinsicCore

/// The version printed by `--version`.
public let intrinsicVersion = "0.1.0"

/// Options for opening the terminal UI.
public struct TUIOptions: Sendable, Equatable {
    public var dataPath: String?
    public var method: String?
    public var assignments: [String] = []
    public var sessionPath: String?
    public var theme = "dark"
    public var labelColumn: String?
    public var dropMissing = false
    public var seed: UInt64 = 0
    public var logPath = "intrinsic.log"
    public var logLevel = LogLevel.info
    /// Draw with ASCII only, even when the terminal supports UTF-8.
    public var asciiOnly = false
    public init() {}
}

/// Options for `intrinsic run`.
public struct BatchOptions: Sendable, Equatable {
    public var dataPath = ""
    public var method = ""
    public var assignments: [String] = []
    public var labelColumn: String?
    public var dropMissing = false
    /// Destination of the JSON: a path, "-" for standard output, or nil for none.
    public var jsonPath: String?
    public var plot = false
    public var width = 100
    public var height = 30
    public var seed: UInt64 = 0
    public var asciiOnly = false
    public init() {}
}

/// The action a command line requests.
public enum Invocation: Sendable, Equatable {
    case tui(TUIOptions)
    case run(BatchOptions)
    case methods
    case help
    case version
}

/// A command line that cannot be understood; exit status 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message + "\nRun 'intrinsic --help' for usage." }
}

public let usageText = """
    Intrinsic \(intrinsicVersion): a terminal workbench for the geometry of high-dimensional data.

    Usage:
      intrinsic [DATA] [--method NAME [--param KEY=VALUE]...] [--label COLUMN] [--drop-missing]
                [--theme NAME] [--ascii] [--log FILE] [--log-level LEVEL]
      intrinsic --session FILE [--theme NAME]
      intrinsic run DATA --method NAME [--param KEY=VALUE]... [--label COLUMN] [--drop-missing]
                         [--json PATH|-] [--plot] [--width W] [--height H] [--seed N] [--ascii]
      intrinsic methods
      intrinsic --help | --version

    Commands:
      (none)        open the terminal UI, on DATA if given; with --method, run it at once
      run           run one method without the UI and write JSON and text plots
      methods       list every method with its parameters, defaults and a description

    Options:
      --method NAME        method to run (see 'intrinsic methods')
      --param KEY=VALUE    set a method parameter; repeat for several
      --label COLUMN       use COLUMN of a CSV file as the point labels (default: a column named label)
      --drop-missing       drop rows with missing or non-numeric values instead of failing
      --json PATH|-        write the result as JSON to PATH, or to standard output with -
      --plot               print the result's plots as text (to standard error when --json -)
      --width W, --height H  plot size in character cells (default 100 × 30; at least 20 × 5)
      --seed N             random seed recorded with the run (methods with a seed parameter use it)
      --ascii              draw plots with ASCII characters only
      --session FILE       restore a saved session (data set, runs and view)
      --theme NAME         colour theme: a file themes/NAME.theme (dark, light, mono)
      --log FILE           diagnostics log of the UI (default intrinsic.log)
      --log-level LEVEL    debug, info, warning or error (default info)
      --help, --version

    Data formats: CSV and TSV (.csv, .tsv, .txt; comma, tab or semicolon, header detected),
    NumPy .npy (float64, float32, float16, int32, int64; 1-D or 2-D; labels from NAME.labels.npy).

    Exit status: 0 success, 1 bad input or a failed method, 2 bad usage.
    """

extension Invocation {
    /// Parses the arguments after the program name.
    /// - Throws: `UsageError` naming the bad option or value.
    public static func parse(_ arguments: [String]) throws -> Invocation {
        var args = arguments[...]
        if args.contains("--help") || args.contains("-h") { return .help }
        if args.contains("--version") { return .version }
        switch args.first {
        case "methods":
            if args.count > 1 { throw UsageError("'methods' takes no arguments, got '\(args.dropFirst().joined(separator: " "))'") }
            return .methods
        case "run":
            args = args.dropFirst()
            return .run(try parseRun(&args))
        default:
            return .tui(try parseTUI(&args))
        }
    }

    private static func parseRun(_ args: inout ArraySlice<String>) throws -> BatchOptions {
        var options = BatchOptions()
        var dataPath: String?
        var method: String?
        while let arg = args.popFirst() {
            switch arg {
            case "--method": method = try value(for: arg, &args)
            case "--param": options.assignments.append(try value(for: arg, &args))
            case "--label": options.labelColumn = try value(for: arg, &args)
            case "--drop-missing": options.dropMissing = true
            case "--json": options.jsonPath = try value(for: arg, &args)
            case "--plot": options.plot = true
            case "--ascii": options.asciiOnly = true
            case "--width": options.width = try integer(for: arg, &args, range: 20...1000)
            case "--height": options.height = try integer(for: arg, &args, range: 5...1000)
            case "--seed": options.seed = try seed(for: arg, &args)
            default:
                if arg.hasPrefix("-") && arg != "-" { throw unknownOption(arg, valid: runOptions) }
                if dataPath != nil { throw UsageError("unexpected argument '\(arg)': 'run' takes one data file, already given '\(dataPath!)'") }
                dataPath = arg
            }
        }
        guard let dataPath else { throw UsageError("'run' needs a data file: intrinsic run DATA --method NAME") }
        guard let method else { throw UsageError("'run' needs --method NAME (see 'intrinsic methods')") }
        options.dataPath = dataPath
        options.method = method
        return options
    }

    private static func parseTUI(_ args: inout ArraySlice<String>) throws -> TUIOptions {
        var options = TUIOptions()
        while let arg = args.popFirst() {
            switch arg {
            case "--method": options.method = try value(for: arg, &args)
            case "--param": options.assignments.append(try value(for: arg, &args))
            case "--session": options.sessionPath = try value(for: arg, &args)
            case "--theme": options.theme = try value(for: arg, &args)
            case "--label": options.labelColumn = try value(for: arg, &args)
            case "--drop-missing": options.dropMissing = true
            case "--seed": options.seed = try seed(for: arg, &args)
            case "--log": options.logPath = try value(for: arg, &args)
            case "--ascii": options.asciiOnly = true
            case "--log-level":
                let text = try value(for: arg, &args)
                guard let level = LogLevel(name: text) else {
                    throw UsageError("invalid value '\(text)' for --log-level: expected debug, info, warning or error")
                }
                options.logLevel = level
            default:
                if arg.hasPrefix("-") { throw unknownOption(arg, valid: tuiOptions) }
                if options.dataPath != nil {
                    let hint = nearestName(to: arg, among: ["run", "methods"]).map { "; did you mean the command '\($0)'?" } ?? ""
                    throw UsageError("unexpected argument '\(arg)': only one data file can be opened, already given '\(options.dataPath!)'\(hint)")
                }
                options.dataPath = arg
            }
        }
        if !options.assignments.isEmpty && options.method == nil {
            throw UsageError("--param needs --method NAME to say which method it belongs to")
        }
        if let session = options.sessionPath, let data = options.dataPath {
            throw UsageError("give either a data file or --session, not both: the session '\(session)' names its own data file, and '\(data)' would replace it")
        }
        if options.method != nil && options.dataPath == nil && options.sessionPath == nil {
            throw UsageError("--method needs a data file: intrinsic DATA --method NAME")
        }
        return options
    }

    private static let runOptions = ["--method", "--param", "--label", "--drop-missing", "--json", "--plot", "--ascii", "--width", "--height", "--seed"]
    private static let tuiOptions = ["--method", "--param", "--session", "--theme", "--label", "--drop-missing", "--seed", "--log", "--log-level", "--ascii"]

    private static func unknownOption(_ arg: String, valid: [String]) -> UsageError {
        let name = arg.split(separator: "=").first.map(String.init) ?? arg
        var text = "unknown option '\(name)'"
        if let near = nearestName(to: name, among: valid) { text += "; did you mean '\(near)'?" }
        return UsageError(text)
    }

    private static func value(for option: String, _ args: inout ArraySlice<String>) throws -> String {
        guard let value = args.popFirst() else { throw UsageError("option \(option) needs a value") }
        return value
    }

    private static func integer(for option: String, _ args: inout ArraySlice<String>, range: ClosedRange<Int>) throws -> Int {
        let text = try value(for: option, &args)
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("invalid value '\(text)' for \(option): expected an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    private static func seed(for option: String, _ args: inout ArraySlice<String>) throws -> UInt64 {
        let text = try value(for: option, &args)
        guard let number = UInt64(text) else {
            throw UsageError("invalid value '\(text)' for \(option): expected a non-negative integer")
        }
        return number
    }
}
