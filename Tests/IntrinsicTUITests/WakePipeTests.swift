// The self-pipe that wakes the event loop from worker threads.

import Foundation
import Testing
@testable import IntrinsicTUI

@Suite struct WakePipeTests {
    /// Polls the pipe's read end; returns whether it is readable within `milliseconds`.
    private func readable(_ pipe: WakePipe, within milliseconds: Int32) -> Bool {
        var fds = [pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, milliseconds) == 1
    }

    @Test func notifyFromWorkerWakesPoll() {
        let pipe = try! WakePipe()
        defer { pipe.close() }
        #expect(!readable(pipe, within: 0))
        let worker = Thread { pipe.notify() }
        worker.start()
        #expect(readable(pipe, within: 2000))
        pipe.drain()
        #expect(!readable(pipe, within: 0))
    }

    @Test func fullPipeDoesNotBlockWorker() {
        let pipe = try! WakePipe()
        defer { pipe.close() }
        // A pipe buffer is 64 KiB on Linux by default; writing far more must neither block nor fail.
        for _ in 0..<200_000 { pipe.notify() }
        #expect(readable(pipe, within: 0))
        pipe.drain()
        #expect(!readable(pipe, within: 0))
    }
}
