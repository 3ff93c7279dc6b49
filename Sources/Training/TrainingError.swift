import Transformer

/// What can stop a training run; each message says where and what to do.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Options that cannot work (each problem names its recipe key).
    case invalidOptions([String])
    /// The training split cannot fill one window, or a weighted language has no data.
    case insufficientData(String)
    /// The estimated peak memory exceeds what is available.
    case insufficientMemory(neededBytes: Int, availableBytes: Int, breakdown: String)
    /// Loss or gradients became NaN/Inf.
    case diverged(step: Int, loss: Double, tensor: String?, lastCheckpoint: String?)
    /// A checkpoint cannot be used.
    case checkpoint(path: String, reason: String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// The model rejected its config or input.
    case model(TransformerError)
    /// A data-parallel run failed: MPI reported an error or the ranks disagree.
    case distributed(String)

    /// A readable message.
    public var description: String {
        switch self {
        case let .invalidOptions(p): "invalid [training] options: " + p.joined(separator: "; ")
        case let .insufficientData(reason): "not enough training data: \(reason)"
        case let .insufficientMemory(needed, available, breakdown):
            "training needs about \(Self.mib(needed)) of memory (\(breakdown)) but only \(Self.mib(available)) is available; "
                + "lower batch_size or sequence_length (use gradient_accumulation_steps to keep the batch), or free memory"
        case let .diverged(step, loss, tensor, checkpoint):
            "training diverged at step \(step): loss \(loss)"
                + (tensor.map { ", first non-finite gradient in \($0)" } ?? "")
                + "; last good checkpoint: \(checkpoint ?? "none")"
                + "; lower learning_rate or raise warmup_steps / grad_clip_norm, then rebuild (resume starts from that checkpoint)"
        case let .checkpoint(path, reason): "checkpoint \(path): \(reason)"
        case let .io(path, reason): "cannot access \(path): \(reason)"
        case let .model(error): error.description
        case let .distributed(reason): "distributed training: \(reason)"
        }
    }

    static func mib(_ bytes: Int) -> String { "\((bytes + (1 << 20) - 1) >> 20) MiB" }
}
