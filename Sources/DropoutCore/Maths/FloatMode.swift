import CFloatMode

/// Subnormal floats flushed to zero during a training step.
///
/// Adam's moments of a weight whose gradient stays zero (a dead ReLU unit's) decay by β₁ = 0.9
/// and β₂ = 0.999 a step and, after a few hundred steps, become subnormal; every multiplication
/// on a subnormal costs the processor a microcode assist of about a hundred cycles. On the
/// default scenario Adam's loop took three quarters of the step that way. TensorFlow flushes
/// subnormals on its CPU threads for the same reason. The mode is set for the step and restored
/// after it, on whichever thread runs it, so a seed reproduces a run on any thread (the sweep's,
/// the tests') and code outside the step is unaffected.
enum FloatMode {
    /// Runs `body` with subnormal inputs and results treated as zero.
    @inline(__always)
    static func flushingSubnormals<T>(_ body: () throws -> T) rethrows -> T {
        let saved = dv_flush_subnormals()
        defer { dv_restore_float_mode(saved) }
        return try body()
    }
}
