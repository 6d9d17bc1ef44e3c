import IntrinsicApp
import CNcursesw

/// Placeholder until the terminal UI lands.
public func runTUI(options: TUIOptions) -> Int32 { 1 }
