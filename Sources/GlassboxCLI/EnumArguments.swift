import ArgumentParser
import Fetching
import Tokenization

/// `--archive none|tar|tar.gz|zip`: the parser lists the values in `--help` and refuses others (exit 64).
extension ArchiveFormat: ExpressibleByArgument {}

/// `--pre-tokenizer llama3|gpt2` (`none` describes imported tokenizers only; the trainer does not offer it).
extension PreTokenizer: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument != PreTokenizer.none.rawValue else { return nil }
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { [PreTokenizer.llama3.rawValue, PreTokenizer.gpt2.rawValue] }
}
