// Parses decimal numbers from raw bytes, exactly as Swift's Double(String) would.

/// Correctly rounded decimal-to-Double conversion for byte ranges.
///
/// Most values in data files have at most 16 significant digits and small exponents.
/// For those, Clinger's fast path is exact: when the decimal significand m fits in
/// 53 bits and |e| ≤ 22, both m and 10^|e| are exact Doubles, so the single IEEE
/// multiplication or division m × 10^e is correctly rounded. Everything else (17+ digit
/// significands, large exponents) falls back to `Double(String)`, which is correctly
/// rounded too, so the result is the same Double either way.
enum DecimalParser {
    /// 10^0 … 10^22, every one exactly representable as a Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `[sign] digits [. digits] [(e|E) [sign] digits]` from `count` bytes at `p`.
    ///
    /// - Returns: the correctly rounded value, which is infinite when the text overflows.
    ///   Nil when the bytes are not a plain decimal number (text, `nan`, `inf`, hex, empty).
    static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        if let fast = parseFast(p, count: count) { return fast }
        // Only plain decimal syntax goes to the slow path: Double(String) would also accept
        // "nan", "inf" and hex floats such as "0x1p3", which are not numbers in a data file.
        var sawDigit = false
        for k in 0..<count {
            let byte = p[k]
            if byte &- 0x30 < 10 {
                sawDigit = true
            } else if byte != UInt8(ascii: "+"), byte != UInt8(ascii: "-"),
                byte != UInt8(ascii: "."), byte | 0x20 != UInt8(ascii: "e")
            {
                return nil
            }
        }
        guard sawDigit else { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        return Double(text)
    }

    /// Clinger's fast path; nil when the text needs the general algorithm or is invalid.
    @inline(__always)
    private static func parseFast(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        var i = 0
        var negative = false
        if i < count, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i &+= 1
        }
        var significand: UInt64 = 0
        var significantDigits = 0
        var sawDigit = false
        var exponent = 0

        while i < count, p[i] &- 0x30 < 10 {
            let digit = UInt64(p[i] &- 0x30)
            sawDigit = true
            i &+= 1
            if significand == 0, digit == 0 { continue }
            if significantDigits == 19 { return nil }
            significand = significand &* 10 &+ digit
            significantDigits &+= 1
        }
        if i < count, p[i] == UInt8(ascii: ".") {
            i &+= 1
            while i < count, p[i] &- 0x30 < 10 {
                let digit = UInt64(p[i] &- 0x30)
                sawDigit = true
                i &+= 1
                exponent &-= 1
                if significand == 0, digit == 0 { continue }
                if significantDigits == 19 { return nil }
                significand = significand &* 10 &+ digit
                significantDigits &+= 1
            }
        }
        guard sawDigit else { return nil }

        if i < count, p[i] | 0x20 == UInt8(ascii: "e") {
            i &+= 1
            var exponentNegative = false
            if i < count, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i &+= 1
            }
            var written = 0
            var exponentDigits = 0
            while i < count, p[i] &- 0x30 < 10 {
                // Cap the magnitude; anything this large leaves the fast path anyway.
                if written < 100_000 { written = written &* 10 &+ Int(p[i] &- 0x30) }
                exponentDigits &+= 1
                i &+= 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent &+= exponentNegative ? -written : written
        }
        guard i == count else { return nil }

        if significand == 0 { return negative ? -0.0 : 0.0 }
        guard significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(significand)
        if exponent < 0 {
            value /= powersOfTen[-exponent]
        } else {
            value *= powersOfTen[exponent]
        }
        return negative ? -value : value
    }
}
