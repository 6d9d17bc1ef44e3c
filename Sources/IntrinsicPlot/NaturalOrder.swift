// Natural ordering of category labels, so "2" sorts before "10".

/// Compares labels chunk by chunk: runs of ASCII digits compare as numbers, other text
/// compares by Unicode scalars. Equal-looking labels ("7", "007") fall back to plain order.
public func naturalLess(_ a: String, _ b: String) -> Bool {
    let left = Array(a.unicodeScalars)
    let right = Array(b.unicodeScalars)
    var i = 0
    var j = 0
    while i < left.count, j < right.count {
        let leftDigit = isDigit(left[i])
        let rightDigit = isDigit(right[j])
        if leftDigit && rightDigit {
            let leftEnd = digitRunEnd(left, from: i)
            let rightEnd = digitRunEnd(right, from: j)
            let leftNumber = dropLeadingZeros(left[i..<leftEnd])
            let rightNumber = dropLeadingZeros(right[j..<rightEnd])
            // Without leading zeros, the longer run of digits is the larger number.
            if leftNumber.count != rightNumber.count { return leftNumber.count < rightNumber.count }
            for (x, y) in zip(leftNumber, rightNumber) where x != y { return x.value < y.value }
            i = leftEnd
            j = rightEnd
        } else {
            if left[i] != right[j] { return left[i].value < right[j].value }
            i += 1
            j += 1
        }
    }
    if (left.count - i) != (right.count - j) { return (left.count - i) < (right.count - j) }
    return a < b
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 48 && scalar.value <= 57
}

private func digitRunEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var end = start
    while end < scalars.count, isDigit(scalars[end]) { end += 1 }
    return end
}

private func dropLeadingZeros(_ digits: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var result = digits
    while result.count > 1, result.first == "0" { result.removeFirst() }
    return result
}
