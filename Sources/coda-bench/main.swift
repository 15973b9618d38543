import CodaKit
import Foundation

// coda-bench: generates synthetic projects and times each stage of a release build of `coda`.
// See BENCHMARKS.md for how to run it and what it measured.
exit(Bench.main(Array(CommandLine.arguments.dropFirst())))
