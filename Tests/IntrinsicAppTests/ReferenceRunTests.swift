// The batch command on the bundled samples against the peer outputs kept in the core fixtures.

import Foundation
import Testing
@testable import IntrinsicApp

/// The repository's root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs `intrinsic run ARGS --json -` in-process and returns the parsed `results` object.
func batchResults(_ arguments: [String]) throws -> [String: Any] {
    guard case .run(let options) = try Invocation.parse(["run"] + arguments + ["--json", "-"]) else {
        throw UsageError("not a run invocation")
    }
    var output = "", errors = ""
    let status = BatchCommand.execute(options, output: { output += $0 }, errors: { errors += $0 })
    guard status == 0 else { throw UsageError("exit status \(status): \(errors)") }
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
    return object["results"] as! [String: Any]
}

/// Rows of a small CSV file with a header, split on commas.
func csvRows(_ path: String) throws -> [[String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite struct ReferenceRunTests {
    @Test func digitsPCAMatchesScikitLearn() throws {
        let results = try batchResults([repositoryRoot + "/samples/digits.csv", "--method", "pca"])
        let ours = results["explained_variance"] as! [Double]
        let reference = try csvRows(repositoryRoot + "/Tests/IntrinsicCoreTests/Fixtures/linalg/pca_spectra.csv")
            .filter { $0[0] == "digits" }
            .map { Double($0[2])! }
        #expect(ours.count == reference.count)
        let largest = reference[0]
        for (component, (a, b)) in zip(ours, reference).enumerated() {
            // Relative 1e-8 where the variance is not negligible; the trailing components
            // of digits are zero up to rounding and compare against the largest instead.
            let scale = max(abs(b), 1e-6 * largest)
            #expect(abs(a - b) <= 1e-8 * scale, "component \(component + 1): \(a) vs \(b)")
        }
    }
}

extension ReferenceRunTests {
    /// Compares the circle sample's diagram from the batch JSON with ripser's, as advised
    /// for a single-precision peer. Pairs with persistence at most 1e-9 × diameter are
    /// dropped. Then the counts must match, and the sorted births, deaths and persistences
    /// must agree one by one within 1e-6 × diameter.
    @Test func circleRipsMatchesRipser() throws {
        let fixtures = repositoryRoot + "/Tests/IntrinsicCoreTests/Fixtures/rips/"
        let index = try csvRows(fixtures + "index.csv").first { $0[0] == "circle" }!
        let diameter = Double(index[7])!
        let reference = try csvRows(fixtures + "circle.ripser.csv")
            .map { (dimension: Int($0[0])!, birth: Double($0[1])!, death: Double($0[2])!) }

        let results = try batchResults([repositoryRoot + "/samples/circle.csv", "--method", "rips"])
        let diagrams = results["diagrams"] as! [[String: Any]]
        #expect(diagrams.map { $0["dimension"] as! Int } == [0, 1])

        for diagram in diagrams {
            let dimension = diagram["dimension"] as! Int
            let ours = (diagram["pairs"] as! [[Any]]).map { pair in
                (birth: pair[0] as! Double, death: (pair[1] as? Double) ?? .infinity)
            }.filter { $0.death - $0.birth > 1e-9 * diameter }
            let theirs = reference.filter { $0.dimension == dimension && $0.death - $0.birth > 1e-9 * diameter }
            #expect(ours.count == theirs.count, "H\(dimension) pair count")
            #expect(ours.filter { $0.death.isInfinite }.count == theirs.filter { $0.death.isInfinite }.count,
                    "H\(dimension) essential count")
            let lists: [(String, [Double], [Double])] = [
                ("births", ours.map(\.birth), theirs.map(\.birth)),
                ("deaths", ours.map(\.death).filter(\.isFinite), theirs.map(\.death).filter(\.isFinite)),
                ("persistences", ours.map { $0.death - $0.birth }.filter(\.isFinite),
                 theirs.map { $0.death - $0.birth }.filter(\.isFinite)),
            ]
            for (name, a, b) in lists where a.count == b.count {
                let worst = zip(a.sorted(), b.sorted()).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= 1e-6 * diameter, "H\(dimension) \(name): largest difference \(worst)")
            }
        }
    }
}
