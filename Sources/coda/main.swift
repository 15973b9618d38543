import CodaKit
import Foundation

let code = CLI.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard())
exit(code.rawValue)
