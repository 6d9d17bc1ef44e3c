import Foundation
import Testing
@testable import IntrinsicApp

@Suite struct BatchCommandTests {
    /// Runs the batch command and captures its exit status and both output streams.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        guard case .run(let options) = try Invocation.parse(["run"] + arguments) else {
            Issue.record("not a run invocation: \(arguments)")
            return (-1, "", "")
        }
        var output = "", errors = ""
        let status = BatchCommand.execute(options, output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test func pcaJSONHasTheDocumentedKeys() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = folder.write("blobs.csv", blobsCSV())
        let (status, output, errors) = try run([data, "--method", "pca", "--json", "-"])
        #expect(status == 0, "stderr: \(errors)")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        #expect(object["method"] as? String == "pca")
        #expect(object["params"] is [String: Any])
        #expect(object["elapsed_seconds"] is Double)
        let dataset = object["dataset"] as! [String: Any]
        #expect(dataset["path"] as? String == data)
        #expect(dataset["rows"] as? Int == 40)
        #expect(dataset["columns"] as? Int == 3)
        let results = object["results"] as! [String: Any]
        let variance = results["explained_variance"] as! [Double]
        #expect(variance.count == 3)
        #expect(variance == variance.sorted(by: >))
        let embedding = results["embedding"] as! [[Double]]
        #expect(embedding.count == 40)
        #expect(embedding.allSatisfy { $0.count == 2 })
    }

    @Test func plotIsPrintedWithTheFigureKinds() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = folder.write("blobs.csv", blobsCSV())
        let (status, output, _) = try run([data, "--method", "pca", "--plot", "--width", "60", "--height", "20"])
        #expect(status == 0)
        #expect(output.hasPrefix("pca on blobs.csv (40 × 3) in "))
        #expect(output.contains("first two components explain"))
        #expect(output.contains("pca on blobs.csv: spectrum"))
        #expect(output.contains("pca on blobs.csv: scatter"))
    }

    @Test func jsonToFileIsWritten() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = folder.write("blobs.csv", blobsCSV())
        let target = folder.path + "/out.json"
        let (status, output, _) = try run([data, "--method", "id-mle", "--param", "k=5", "--json", target])
        #expect(status == 0)
        #expect(output.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))) as! [String: Any]
        let results = object["results"] as! [String: Any]
        #expect(results["dimension"] is Double)
    }

    @Test func unknownMethodSuggestsNearest() throws {
        let (status, _, errors) = try run(["x.csv", "--method", "pcaa"])
        #expect(status == 2)
        #expect(errors.contains("unknown method 'pcaa'"))
        #expect(errors.contains("did you mean 'pca'?"))
    }

    @Test func unknownParameterSuggestsNearest() throws {
        let (status, _, errors) = try run(["x.csv", "--method", "id-mle", "--param", "kk=3"])
        #expect(status == 2)
        #expect(errors.contains("unknown parameter 'kk'"))
        #expect(errors.contains("did you mean 'k'?"))
    }

    @Test func invalidParameterValueIsBadInput() throws {
        let (status, _, errors) = try run(["x.csv", "--method", "id-mle", "--param", "k=zero"])
        #expect(status == 1)
        #expect(errors.contains("parameter 'k'"))
    }

    @Test func missingFileIsBadInput() throws {
        let (status, _, errors) = try run(["/nonexistent/data.csv", "--method", "pca"])
        #expect(status == 1)
        #expect(errors.contains("/nonexistent/data.csv"))
        #expect(errors.split(separator: "\n").count == 1, "one message expected: \(errors)")
    }

    @Test func methodFailureIsReported() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = folder.write("blobs.csv", blobsCSV())
        let (status, _, errors) = try run([data, "--method", "id-mle", "--param", "k=100"])
        #expect(status == 1)
        #expect(errors.contains("k"), "stderr: \(errors)")
    }

    @Test func methodsListingNamesEveryMethodAndParameter() {
        let text = BatchCommand.methodsListing()
        for name in ["pca", "id-twonn", "id-mle", "rips", "mds"] {
            #expect(text.contains(name + "\n"), "missing \(name)")
        }
        for parameter in ["k=20", "max-dimension=1", "threshold=inf", "discard-fraction=0.1", "center=true", "scale=false"] {
            #expect(text.contains("--param " + parameter), "missing \(parameter)")
        }
    }
}
