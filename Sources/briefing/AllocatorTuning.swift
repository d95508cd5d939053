import CMalloc

/// How glibc's allocator is told to keep the memory a run frees for the next batch.
///
/// A run allocates and frees the same few large buffers for every batch (document text, tokens,
/// results: hundreds of kilobytes to megabytes). By default glibc gives such blocks back to the
/// kernel when they are freed (`munmap`, and trimming the heap's top above 128 kB), and the next
/// batch faults the pages in again: 250,000 page faults for 200,000 JSONL documents. With blocks
/// below 4 MB taken from the heap and the heap trimmed only above 32 MB free at its top, the
/// same run takes 16,000 faults and 4 % less CPU time, for about 10 MB more peak memory
/// (BENCHMARKS.md).
enum AllocatorTuning {
    static let mmapThreshold: Int32 = 4 << 20
    static let trimThreshold: Int32 = 32 << 20

    /// Applies the thresholds (once, before the run allocates).
    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }
}
