import ArgumentParser
import Foundation
import Data

/// `breastai-run cache`: what the image cache holds, and pruning its least recently used entries.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the image cache; with --older-than / --max-size show what pruning would free, and with --prune free it.",
        discussion: """
            Without --prune nothing is removed: --older-than and --max-size only show what would be removed.
            --prune removes the least recently used entries (last used more than DAYS ago, then the oldest \
            until the entries total at most GB) and the temporary files of writers that no longer run.
            Only files with the cache's own names are listed or removed (<xx>/<16 hex>.rgb and \
            <xx>/.<16 hex>.rgb.tmp-<pid>-<n>); anything else in the folder is reported and left alone.
            An entry's last use is its modification time, refreshed when a run reads it (at most once a day).
            Pruning is safe while a training uses the cache: a removed entry is rebuilt on its next use.
            Examples:
              breastai-run cache                                  list
              breastai-run cache --max-size 20                    what keeping 20 GB would remove
              breastai-run cache --older-than 30 --prune          remove entries unused for 30 days
            """)

    @Option(name: .long, help: "Folder of cached preprocessed images.")
    var cacheDir: String = ".breastai-cache"
    @Flag(name: .long, help: "Remove what --older-than / --max-size select (and leftovers of stopped writers).")
    var prune = false
    @Option(name: .long, help: ArgumentHelp("Select entries last used more than DAYS days ago.", valueName: "DAYS"))
    var olderThan: Double?
    @Option(name: .long, help: ArgumentHelp("Select the least recently used entries beyond a total of GB gigabytes (10^9 bytes).",
                                            valueName: "GB"))
    var maxSize: Double?

    func validate() throws {
        if let olderThan, !(olderThan >= 0) { throw ValidationError("--older-than must be a number of days >= 0, got \(olderThan)") }
        if let maxSize, !(maxSize >= 0) { throw ValidationError("--max-size must be a number of gigabytes >= 0, got \(maxSize)") }
        if prune && olderThan == nil && maxSize == nil {
            throw ValidationError("--prune needs --older-than DAYS and/or --max-size GB (to say which entries to remove)")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: cacheDir)
        for line in try ImageCache.inventory(of: directory).summary { print(line) }
        guard olderThan != nil || maxSize != nil else { return }
        let result = try ImageCache.prune(directory, lastUseBefore: olderThan.map { Date(timeIntervalSinceNow: -$0 * 86400) },
                                          maxBytes: maxSize.map { Int64(($0 * 1e9).rounded(.down)) }, dryRun: !prune)
        print(result.summary(dryRun: !prune))
    }
}
