import Testing
@testable import IntrinsicApp

@Suite struct CommandLineTests {
    @Test func runWithEveryOption() throws {
        let invocation = try Invocation.parse([
            "run", "data.csv", "--method", "id-mle", "--param", "k=10", "--label", "kind", "--drop-missing",
            "--json", "-", "--plot", "--width", "120", "--height", "40", "--seed", "7", "--ascii",
        ])
        guard case .run(let options) = invocation else {
            Issue.record("expected a run invocation, got \(invocation)")
            return
        }
        #expect(options.dataPath == "data.csv")
        #expect(options.method == "id-mle")
        #expect(options.assignments == ["k=10"])
        #expect(options.labelColumn == "kind")
        #expect(options.dropMissing)
        #expect(options.jsonPath == "-")
        #expect(options.plot)
        #expect(options.width == 120)
        #expect(options.height == 40)
        #expect(options.seed == 7)
        #expect(options.asciiOnly)
    }

    @Test func tuiWithDataMethodAndTheme() throws {
        let invocation = try Invocation.parse(["samples/digits.csv", "--method", "pca", "--param", "scale=true", "--theme", "light"])
        guard case .tui(let options) = invocation else {
            Issue.record("expected a TUI invocation, got \(invocation)")
            return
        }
        #expect(options.dataPath == "samples/digits.csv")
        #expect(options.method == "pca")
        #expect(options.assignments == ["scale=true"])
        #expect(options.theme == "light")
    }

    @Test func simpleCommands() throws {
        #expect(try Invocation.parse(["methods"]) == .methods)
        #expect(try Invocation.parse(["--help"]) == .help)
        #expect(try Invocation.parse(["run", "--help"]) == .help)
        #expect(try Invocation.parse(["--version"]) == .version)
        #expect(try Invocation.parse([]) == .tui(TUIOptions()))
    }

    @Test(arguments: [
        (["run", "d.csv", "--methd", "pca"], "did you mean '--method'?"),
        (["run", "d.csv"], "needs --method"),
        (["run", "--method", "pca"], "needs a data file"),
        (["run", "d.csv", "--method", "pca", "--width", "5"], "--width"),
        (["run", "d.csv", "--method", "pca", "--seed", "-1"], "--seed"),
        (["run", "d.csv", "--method"], "--method needs a value"),
        (["d.csv", "--param", "k=3"], "--param needs --method"),
        (["d.csv", "--log-level", "loud"], "--log-level"),
        (["d.csv", "e.csv"], "only one data file"),
        (["--sesion", "s.json"], "did you mean '--session'?"),
        (["d.csv", "--session", "s.json"], "not both"),
    ])
    func usageErrorNamesTheProblem(arguments: [String], fragment: String) {
        do {
            _ = try Invocation.parse(arguments)
            Issue.record("expected a usage error for \(arguments)")
        } catch let error as UsageError {
            #expect(error.message.contains(fragment), "message: \(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
