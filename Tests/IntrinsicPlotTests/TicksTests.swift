// Tests of nice ticks, number labels and natural category order.
import Foundation
import Testing
@testable import IntrinsicPlot

@Suite("Ticks and labels")
struct TicksTests {
    /// Returns whether `step` is 1, 2 or 5 × 10^k.
    static func isNice(_ step: Double) -> Bool {
        let exponent = log10(step).rounded(.down)
        let mantissa = step / pow(10, exponent)
        return [1.0, 2.0, 5.0, 10.0].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test("loose ticks are nice and cover the data", arguments: [
        (0.0, 1.0, 6), (0.13, 0.87, 5), (-3.7, 12.2, 8), (1.0e-6, 3.0e-6, 4),
        (-1234.0, 98765.0, 7), (0.0, 64.0, 10), (7.0, 7.0, 5), (-5e7, -4e7, 3),
    ])
    func looseTicks(lower: Double, upper: Double, maxCount: Int) {
        let ticks = niceTicks(lower: lower, upper: upper, maxCount: maxCount, loose: true)
        #expect(Self.isNice(ticks.step), "step \(ticks.step)")
        #expect(ticks.values.count >= 2)
        #expect(ticks.values.count <= maxCount)
        #expect(ticks.values.first! <= lower)
        #expect(ticks.values.last! >= upper)
        #expect(ticks.lower == ticks.values.first!)
        #expect(ticks.upper == ticks.values.last!)
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
            #expect(abs((b - a) - ticks.step) <= ticks.step * 1e-9)
        }
    }

    @Test("inside ticks stay within the range", arguments: [
        (0.0, 3.15, 6), (0.3, 0.35, 2), (1.0, 64.0, 8), (-0.001, 0.0042, 5),
    ])
    func insideTicks(lower: Double, upper: Double, maxCount: Int) {
        let ticks = niceTicks(lower: lower, upper: upper, maxCount: maxCount, loose: false)
        #expect(!ticks.values.isEmpty)
        #expect(ticks.values.count <= maxCount)
        #expect(ticks.lower == lower)
        #expect(ticks.upper == upper)
        for value in ticks.values {
            #expect(value >= lower - 1e-12)
            #expect(value <= upper + 1e-12)
        }
    }

    @Test("minimum step keeps integer ticks")
    func minimumStep() {
        let ticks = niceTicks(lower: 0, upper: 3, maxCount: 10, loose: true, minimumStep: 1)
        #expect(ticks.step == 1)
        #expect(ticks.values == [0, 1, 2, 3])
    }

    @Test("tick labels are compact", arguments: [
        (0.5, 0.5, "0.5"), (1.0, 0.5, "1"), (0.30000000000000004, 0.1, "0.3"), (1000, 500, "1000"),
        (2.25, 0.25, "2.25"), (-0.0, 1, "0"), (1e-17, 0.1, "0"), (150_000, 50_000, "1.5e+05"),
        (1e6, 1e6, "1e+06"), (2.5e-4, 5e-5, "2.5e-04"), (-40, 20, "-40"), (12345, 5, "12345"),
    ])
    func tickLabels(value: Double, step: Double, expected: String) {
        #expect(formatTick(value, step: step) == expected)
    }

    @Test("compact numbers and non-finite values")
    func compactNumbers() {
        #expect(formatCompact(0.25819) == "0.2582")
        #expect(formatCompact(2.1) == "2.1")
        #expect(formatCompact(1_500_000) == "1.5e+06")
        #expect(formatCompact(.nan) == "nan")
        #expect(formatTick(.infinity, step: 1) == "inf")
    }

    @Test("padding widens empty ranges")
    func padding() {
        #expect(paddedRange(lower: 0, upper: 0) == (-0.5, 0.5))
        #expect(paddedRange(lower: 10, upper: 10) == (9, 11))
        #expect(paddedRange(lower: 2, upper: 1) == (1, 2))
        let wide = paddedRange(lower: -Double.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude)
        #expect((wide.upper - wide.lower).isFinite)
    }

    @Test("natural order puts 2 before 10")
    func naturalOrder() {
        let labels = ["10", "2", "1", "b", "a10", "a2", "a", "02"]
        #expect(labels.sorted(by: naturalLess) == ["1", "02", "2", "10", "a", "a2", "a10", "b"])
    }
}
