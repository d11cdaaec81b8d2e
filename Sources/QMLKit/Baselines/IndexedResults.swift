import Foundation

/// A fixed-size array of results written by index from concurrent tasks (each index once).
final class _IndexedResults<T>: @unchecked Sendable {
  private var storage: [T?]
  private let lock = NSLock()
  init(count: Int) { storage = [T?](repeating: nil, count: count) }
  func set(_ i: Int, _ value: T) {
    lock.lock()
    storage[i] = value
    lock.unlock()
  }
  var values: [T?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
