// Placeholder summary until the data readers land.

public struct DatasetSummary: Sendable {
    public var lines: [String]
    public init(_ dataset: Dataset) {
        lines = ["\(dataset.displayName): \(dataset.rows) rows × \(dataset.columns) columns"]
    }
}
