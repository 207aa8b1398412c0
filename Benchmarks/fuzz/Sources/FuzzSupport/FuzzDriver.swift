/// The C signature of a libFuzzer callback.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback
) -> Int32

/// Hands the process to libFuzzer with `callback` as the target. SwiftPM gives each
/// executable its own entry symbol (`<Target>_main`), so libFuzzer's own `main` is not
/// used; its driver is called from ours instead.
public func runFuzzer(_ callback: FuzzCallback) -> Int32 {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
