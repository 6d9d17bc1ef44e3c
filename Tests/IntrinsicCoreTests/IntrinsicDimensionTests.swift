// TwoNN and Levina–Bickel MLE against scikit-dimension, duplicates, truth bands and errors.

import Testing
@testable import IntrinsicCore

@Suite struct IntrinsicDimensionTests {
    static let referenceSets = ["circle", "torus", "swiss_roll", "cube5_R20", "digits"]

    @Test(arguments: referenceSets)
    func twoNNMatchesScikitDimension(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, context) = try runMethod(TwoNNMethod(), on: data)
        let want = try LinalgFixtures.skdimEstimate(name, "TwoNN", "discard_fraction=0.1;method=linear")
        let got = try #require(result.json["dimension"]?.number)
        #expect(relativeError(got, want) <= 1e-6, "\(name): \(got) vs \(want)")
        #expect(result.estimate?.value == got)
        #expect(result.estimate?.pointwise?.count == data.rows)
        #expect(result.json.keys == ["dimension", "points_used", "duplicates_dropped", "discard_fraction"])
        #expect(result.json["points_used"]?.number == Double(Int(Double(data.rows) * 0.9)))
        #expect(context.warnings.isEmpty)
    }

    @Test(arguments: referenceSets)
    func mleMatchesScikitDimension(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, context) = try runMethod(LevinaBickelMethod(), on: data)
        let checks = [("dimension", "k=20;comb=mle;unbiased=False"),
                      ("mean_of_estimates", "k=20;comb=mean;unbiased=False"),
                      ("median_of_estimates", "k=20;comb=median;unbiased=False")]
        for (key, params) in checks {
            let want = try LinalgFixtures.skdimEstimate(name, "MLE", params)
            let got = try #require(result.json[key]?.number)
            #expect(relativeError(got, want) <= 1e-6, "\(name) \(key): \(got) vs \(want)")
        }
        #expect(result.json.keys == ["dimension", "k", "mean_of_estimates", "median_of_estimates"])
        #expect(context.warnings.isEmpty)
    }

    @Test(arguments: ["circle", "swiss_roll", "cube5_R20", "digits"])
    func pointwiseMLEMatchesScikitDimension(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let (result, _) = try runMethod(LevinaBickelMethod(), on: data)
        let local = try #require(result.estimate?.pointwise)
        #expect(result.estimate?.pointwiseName == "local dimension")
        let want = try LinalgFixtures.column("pointwise_\(name).csv", "mle_k20")
        #expect(local.count == want.count)
        let worst = zip(local, want).map { relativeError($0, $1) }.max() ?? .infinity
        #expect(worst <= 1e-9, "\(name): worst relative error \(worst)")
    }

    @Test func twoNNDropsIrisDuplicatesLikeScikitDimension() throws {
        let data = try LinalgFixtures.dataset("iris")
        let (result, context) = try runMethod(TwoNNMethod(), on: data)
        let want = try LinalgFixtures.skdimEstimate("iris", "TwoNN", "discard_fraction=0.1;method=linear")
        let got = try #require(result.json["dimension"]?.number)
        #expect(relativeError(got, want) <= 1e-6, "iris: \(got) vs \(want)")
        #expect(result.json["duplicates_dropped"]?.number == 2)
        #expect(result.json["points_used"]?.number == 133)  // ⌊148 · 0.9⌋
        #expect(context.warnings.count == 1)
        #expect(context.warnings.first?.contains("2 points") == true)
    }

    /// scikit-dimension returns 0.0 here; the product must give a finite, plausible value.
    @Test func mleOnIrisIsFiniteAndWarns() throws {
        let data = try LinalgFixtures.dataset("iris")
        let (result, context) = try runMethod(LevinaBickelMethod(), on: data)
        let got = try #require(result.json["dimension"]?.number)
        #expect(got.isFinite)
        #expect(got > 2.6, "iris MLE \(got)")
        #expect(got < 3.0, "iris MLE \(got)")
        #expect(result.estimate?.pointwise?.count == 150)
        #expect(context.warnings.count == 1)
        #expect(context.warnings.first?.contains("2 points") == true)
        // The two duplicate points get 2.564 here and 0 in skdim; both lie below the median
        // (2.6915), so the medians agree.
        let median = try LinalgFixtures.skdimEstimate("iris", "MLE", "k=20;comb=median;unbiased=False")
        #expect(relativeError(try #require(result.json["median_of_estimates"]?.number), median) <= 1e-6)
    }

    @Test(arguments: ["torus", "swiss_roll"])
    func estimatesLieInTruthBand(name: String) throws {
        let data = try LinalgFixtures.dataset(name)
        let twoNN = try #require(try runMethod(TwoNNMethod(), on: data).0.json["dimension"]?.number)
        let mle = try #require(try runMethod(LevinaBickelMethod(), on: data).0.json["dimension"]?.number)
        #expect(abs(twoNN - 2) <= 0.15, "\(name) TwoNN \(twoNN)")
        #expect(abs(mle - 2) <= 0.15, "\(name) MLE \(mle)")
    }

    @Test func twoNNWithoutDiscardIsFinite() throws {
        let data = try LinalgFixtures.dataset("torus")
        let (result, _) = try runMethod(TwoNNMethod(), on: data, ["discard-fraction=0"])
        let got = try #require(result.json["dimension"]?.number)
        #expect(got.isFinite)
        #expect(abs(got - 2) < 0.3, "torus TwoNN without discard \(got)")
        #expect(result.json["points_used"]?.number == 999)
    }

    @Test func mleRejectsKNotBelowN() throws {
        let data = Dataset(rows: 10, columns: 2, values: (0..<20).map { Double($0 * $0 % 7) + Double($0) * 0.01 })
        do {
            _ = try runMethod(LevinaBickelMethod(), on: data, ["k=10"])
            Issue.record("k = 10 on 10 points did not throw")
        } catch let error as MethodError {
            #expect(error.message.contains("k = 10"))
            #expect(error.message.contains("10"))
        }
    }

    @Test func tooFewPointsIsMethodError() {
        let data = Dataset(rows: 2, columns: 2, values: [0, 0, 1, 1])
        #expect(throws: MethodError.self) { try runMethod(TwoNNMethod(), on: data) }
        #expect(throws: MethodError.self) { try runMethod(LevinaBickelMethod(), on: data, ["k=2"]) }
    }

    @Test func allDuplicatesIsMethodError() {
        let data = Dataset(rows: 6, columns: 2, values: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
        do {
            _ = try runMethod(TwoNNMethod(), on: data)
            Issue.record("all-duplicate data did not throw")
        } catch let error as MethodError {
            #expect(error.message.contains("duplicates"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [0, 1])
    func cancelledContextThrows(which: Int) throws {
        let data = try LinalgFixtures.dataset("circle")
        let context = JobContext()
        context.cancel()
        let method: any AnalysisMethod = which == 0 ? TwoNNMethod() : LevinaBickelMethod()
        #expect(throws: CancellationError.self) {
            try method.run(on: data, parameters: try method.parameterSet([]), context: context)
        }
    }

    @Test func cancelledDuringRunThrows() throws {
        let data = try LinalgFixtures.dataset("swiss_roll")
        let box = ContextBox()
        let context = JobContext { snapshot in
            if snapshot.fraction > 0 { box.context?.cancel() }
        }
        box.context = context
        let method = LevinaBickelMethod()
        // 2000 rows make several kNN blocks of 1024 rows, so a check follows the first report.
        #expect(throws: CancellationError.self) {
            try method.run(on: data, parameters: try method.parameterSet([]), context: context)
        }
    }
}
