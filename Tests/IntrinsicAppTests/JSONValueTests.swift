import Foundation
import Testing
import IntrinsicCore

@Suite struct JSONValueTests {
    @Test func numbersRoundTripExactly() throws {
        let values = [0.1, 1.0 / 3.0, 6.02214076e23, -2.5e-300, 123456789.0, 0.0, 77.03895118704564]
        let text = JSONValue.numbers(values).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [Double]
        #expect(parsed == values)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.numbers([.infinity, .nan, 1]).serialized(indent: 0) == "[null,null,1]")
    }

    @Test func stringsAreEscaped() throws {
        let text = JSONValue.object([("name", .string("a\"b\\c\nd\u{1}é"))]).serialized(indent: 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: String]
        #expect(parsed["name"] == "a\"b\\c\nd\u{1}é")
    }

    @Test func objectKeepsKeyOrder() {
        let text = JSONValue.object([("z", .number(1)), ("a", .bool(true)), ("m", .null)]).serialized(indent: 0)
        #expect(text == "{\"z\":1,\"a\":true,\"m\":null}")
    }
}
