// Entry point: parse the command line, then run the batch command or open the TUI.

import Foundation
import IntrinsicApp
import IntrinsicCore
import IntrinsicTUI

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

let status: Int32
do {
    switch try Invocation.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        writeStandardOutput(usageText + "\n")
        status = ExitStatus.success
    case .version:
        writeStandardOutput("intrinsic \(intrinsicVersion)\n")
        status = ExitStatus.success
    case .methods:
        writeStandardOutput(BatchCommand.methodsListing())
        status = ExitStatus.success
    case .run(let options):
        status = BatchCommand.execute(options, output: writeStandardOutput, errors: writeStandardError)
    case .tui(let options):
        // NOTE: one BLAS thread was chosen from timings on a shared two-core machine, where a
        // second thread gave no gain. Measure again on an idle machine with more cores.
        BLASThreads.set(1)
        status = runTUI(options: options)
    }
} catch let error as UsageError {
    writeStandardError("intrinsic: \(error)\n")
    status = ExitStatus.usage
}
exit(status)
