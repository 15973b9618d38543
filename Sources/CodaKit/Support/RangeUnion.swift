/// The length of the union of ranges: what overlaps counts once.
func unionLength(_ ranges: [Range<Int>]) -> Int {
    var total = 0
    var end = Int.min
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
        if r.lowerBound >= end {
            total += r.count
        } else if r.upperBound > end {
            total += r.upperBound - end
        }
        end = max(end, r.upperBound)
    }
    return total
}
