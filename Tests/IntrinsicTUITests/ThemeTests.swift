// Theme files: parsing, error positions, lookup by name, colour reduction.

import Foundation
import IntrinsicApp
import IntrinsicPlot
import Testing

@Suite struct ThemeTests {
    /// The repository's `themes/` folder, found from this file's path.
    static let repositoryThemes: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("themes").path
    }()

    @Test func goodThemeParses() throws {
        let text = """
            # comment line
            monochrome = no
            text = default
            border = cyan            # trailing comment
            status = black on bright-cyan bold
            selection = 231 on 25 reverse underline
            series3 = 199
            """
        let theme = try Theme.parse(text, name: "t", file: "t.theme")
        #expect(theme.monochrome == false)
        #expect(theme[.border] == ThemeStyle(foreground: .index(6)))
        #expect(theme[.statusBar] == ThemeStyle(foreground: .index(0), background: .index(14), bold: true))
        #expect(theme[.selection] == ThemeStyle(foreground: .index(231), background: .index(25), reverse: true, underline: true))
        #expect(theme[.series(3)] == ThemeStyle(foreground: .index(199)))
        #expect(theme[.warning] == theme[.text], "a role left out is drawn like text")
    }

    @Test(arguments: ["dark", "light", "mono"])
    func shippedThemesParseAndSetEveryRole(name: String) throws {
        let theme = try Theme.load(path: ThemeTests.repositoryThemes + "/\(name).theme")
        #expect(theme.name == name)
        for role in ThemeRole.all {
            #expect(theme.styles[role] != nil, "\(name).theme does not set \(role)")
        }
        #expect(theme.monochrome == (name == "mono"))
    }

    @Test func builtInDarkMatchesFile() throws {
        let file = try Theme.load(path: ThemeTests.repositoryThemes + "/dark.theme")
        #expect(file == Theme.builtInDark)
    }

    @Test(arguments: [
        ("border cyan", 2, "expected 'role = colour"),
        ("border = chartreuse", 2, "unknown colour 'chartreuse'"),
        ("border = 256", 2, "unknown colour '256'"),
        ("border = red on", 2, "missing background colour"),
        ("border = red on mauve", 2, "unknown background colour 'mauve'"),
        ("border = red blinking", 2, "unknown attribute 'blinking'"),
        ("bordr = red", 2, "unknown role 'bordr'"),
        ("monochrome = maybe", 2, "monochrome must be yes or no"),
        ("text = default", 2, "'text' is already set on line 1"),
        ("border =", 2, "missing colour"),
    ])
    func badLineNamesFileAndLine(line: String, number: Int, message: String) {
        let text = "text = default\n" + line + "\n"
        #expect {
            try Theme.parse(text, name: "bad", file: "themes/bad.theme")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.file == "themes/bad.theme" && error.line == number && error.message.contains(message)
                && error.description.hasPrefix("themes/bad.theme:\(number): ")
        }
    }

    @Test func unknownRoleSuggestsNearest() {
        do {
            _ = try Theme.parse("focused = red", name: "x", file: "x.theme")
            Issue.record("expected an error")
        } catch let error as ThemeError {
            #expect(error.message.contains("did you mean 'focused-border'?"))
            #expect(error.message.contains("series0"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownNameListsAvailableThemes() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("solar.theme", "text = default\n")
        folder.write("paper.theme", "text = default\n")
        do {
            _ = try Theme.resolve(named: "nope", folders: [folder.path])
            Issue.record("expected an error")
        } catch let error as ThemeError {
            #expect(error.description.contains("unknown theme 'nope'"))
            #expect(error.description.contains("available: paper, solar, dark (built in)"))
            #expect(error.description.contains(folder.path))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func nameFindsFirstFolderWithTheFile() throws {
        let first = TemporaryFolder()
        let second = TemporaryFolder()
        defer {
            first.remove()
            second.remove()
        }
        second.write("paper.theme", "border = red\n")
        first.write("other.theme", "border = blue\n")
        let (theme, warning) = try Theme.resolve(named: "paper", folders: [first.path, second.path])
        #expect(theme.name == "paper")
        #expect(theme[.border].foreground == .index(1))
        #expect(warning == nil)
    }

    @Test func badFileErrorNamesItsPath() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("broken.theme", "# fine\n\nborder = red\nerror = ???\n")
        do {
            _ = try Theme.resolve(named: "broken", folders: [folder.path])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("\(path):4: unknown colour '???'"))
        }
    }

    @Test func missingDarkFallsBackToBuiltIn() throws {
        let empty = TemporaryFolder()
        defer { empty.remove() }
        let (theme, warning) = try Theme.resolve(named: "dark", folders: [empty.path])
        #expect(theme == Theme.builtInDark)
        #expect(warning?.contains("built-in dark theme") == true)
    }

    @Test func searchFoldersIncludeExecutableParents() {
        let folders = Theme.searchFolders(
            environment: ["INTRINSIC_THEMES": "/opt/themes"], currentDirectory: "/home/u/work",
            executablePath: "/home/u/intrinsic/.build/x86_64-unknown-linux-gnu/release/intrinsic")
        #expect(folders == [
            "/opt/themes",
            "/home/u/work/themes",
            "/home/u/intrinsic/.build/x86_64-unknown-linux-gnu/release/themes",
            "/home/u/intrinsic/.build/x86_64-unknown-linux-gnu/themes",
            "/home/u/intrinsic/.build/themes",
            "/home/u/intrinsic/themes",
        ])
    }

    @Test func coloursReduceToBasicPalette() {
        #expect(ThemeColor.index(196).reduced(toColors: 8) == .index(1))  // cube red (5,0,0)
        #expect(ThemeColor.index(21).reduced(toColors: 8) == .index(4))  // cube blue (0,0,5)
        #expect(ThemeColor.index(226).reduced(toColors: 8) == .index(3))  // cube yellow (5,5,0)
        #expect(ThemeColor.index(14).reduced(toColors: 8) == .index(6))  // bright cyan
        #expect(ThemeColor.index(236).reduced(toColors: 8) == .index(0))  // dark grey
        #expect(ThemeColor.index(254).reduced(toColors: 8) == .index(7))  // light grey
        #expect(ThemeColor.index(196).reduced(toColors: 256) == .index(196))
        #expect(ThemeColor.terminalDefault.reduced(toColors: 8) == .terminalDefault)
    }

    @Test func plotRolesMapToThemeRoles() {
        #expect(ThemeRole.plot(.axis) == .axis)
        #expect(ThemeRole.plot(.title) == .plotTitle)
        #expect(ThemeRole.plot(.series(9)) == .series(1))
        #expect(ThemeRole.plot(.ramp(12)) == .ramp(7))
        #expect(ThemeRole.plot(.normal) == .text)
    }
}
