public import AssessCore

/// Every processor that ships with `assess`, sorted by identifier. A test checks that
/// each `*Processor.swift` file is listed here.
public let builtInProcessors: [any Processor.Type] = [
    DissertationProcessor.self,
    JournalProcessor.self,
    MCQProcessor.self,
    PeerProcessor.self,
    PenaltiesProcessor.self,
    PresentationProcessor.self,
    RubricProcessor.self,
    SimilarityProcessor.self,
    WordCountProcessor.self,
]

/// The registry of the built-in processors.
public let builtInRegistry = ProcessorRegistry(builtInProcessors)
