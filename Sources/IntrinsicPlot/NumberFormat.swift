// Compact number labels for ticks, legends and notes.
import Foundation

/// Formats a tick value with as many decimals as its step needs, trailing zeros removed:
/// 0, 0.5, 2.25, 1000; exponent form (1e+05, 2.5e-04) only for magnitudes ≥ 1e5 or < 1e-3.
///
/// - Parameters:
///   - value: the tick value; non-finite values print as "nan", "inf" or "-inf".
///   - step: the distance between ticks, which fixes the precision shown.
public func formatTick(_ value: Double, step: Double) -> String {
    guard value.isFinite else { return nonFiniteLabel(value) }
    let unit = step.isFinite && step > 0 ? step : max(abs(value), 1)
    if value == 0 || abs(value) < unit * 1e-9 { return "0" }

    let magnitude = abs(value)
    if magnitude >= 1e5 || magnitude < 1e-3 {
        let digits = Int(log10(magnitude).rounded(.down) - log10(unit).rounded(.down))
        let mantissaDigits = min(max(digits, 0), 6)
        return stripMantissaZeros(String(format: "%.\(mantissaDigits)e", value))
    }

    var decimals = 0
    while decimals < 10 {
        let scaled = unit * pow(10, Double(decimals))
        if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
        decimals += 1
    }
    return stripTrailingZeros(String(format: "%.\(decimals)f", value))
}

/// Formats any value in about four significant digits: 0.1235, 42, 1.5e+06.
public func formatCompact(_ value: Double) -> String {
    guard value.isFinite else { return nonFiniteLabel(value) }
    if value == 0 { return "0" }
    return stripMantissaZeros(String(format: "%.4g", value))
}

private func nonFiniteLabel(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
}

private func stripTrailingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text == "-0" ? "0" : text }
    var result = Substring(text)
    while result.last == "0" { result.removeLast() }
    if result.last == "." { result.removeLast() }
    return result == "-0" ? "0" : String(result)
}

/// "1.50e+05" → "1.5e+05", "1.00e+05" → "1e+05"; text without an exponent loses trailing zeros.
private func stripMantissaZeros(_ text: String) -> String {
    guard let e = text.firstIndex(of: "e") else { return stripTrailingZeros(text) }
    return stripTrailingZeros(String(text[..<e])) + text[e...]
}
