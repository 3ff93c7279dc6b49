import Testing
@testable import Training

@Suite struct DataLoaderTests {
    func draw(_ loader: inout DataLoader, batches: Int) -> [Int32] {
        var all: [Int32] = []
        var t = [Int32](repeating: 0, count: 3 * 12), y = t
        for _ in 0..<batches {
            t.withUnsafeMutableBufferPointer { tp in y.withUnsafeMutableBufferPointer { yp in
                loader.nextBatch(batch: 3, tokens: tp.baseAddress!, targets: yp.baseAddress!)
            } }
            #expect(zip(t.dropFirst(), y).enumerated().allSatisfy { ($0.offset + 1) % 12 == 0 || $0.element.0 == $0.element.1 })
            all += t
        }
        return all
    }

    @Test func orderIsFixedBySeedAndResumable() throws {
        let options = Support.tinyOptions()
        var a = try DataLoader(documents: Support.documents(), options: options)
        var b = try DataLoader(documents: Support.documents(), options: options)
        let first = draw(&a, batches: 40)
        #expect(first == draw(&b, batches: 40))
        var other = options
        other.seed = 43
        var c = try DataLoader(documents: Support.documents(), options: other)
        #expect(first != draw(&c, batches: 40))
        var resumed = try DataLoader(documents: Support.documents(), options: options, state: a.state)
        #expect(draw(&a, batches: 5) == draw(&resumed, batches: 5))
    }

    @Test func languageWeightsShapeTheMix() throws {
        var options = Support.tinyOptions()
        options.languageWeights = ["cs": 3, "en": 1]
        var loader = try DataLoader(documents: Support.documents(), options: options)
        _ = draw(&loader, batches: 400)
        let cs = Double(loader.state.perLanguage["cs"] ?? 0), en = Double(loader.state.perLanguage["en"] ?? 0)
        #expect(abs(cs / (cs + en) - 0.75) < 0.03)
        options.languageWeights = ["cs": 1, "en": 0]
        var only = try DataLoader(documents: Support.documents(), options: options)
        _ = draw(&only, batches: 10)
        #expect(only.state.perLanguage["en"] == nil)
    }

    @Test func reportsMissingData() {
        var options = Support.tinyOptions()
        options.languageWeights = ["de": 1]
        #expect(throws: TrainingError.self) { _ = try DataLoader(documents: Support.documents(), options: options) }
        #expect(throws: TrainingError.self) {
            _ = try DataLoader(documents: [TokenizedDocument(language: "cs", tokens: [1, 2, 3])], options: Support.tinyOptions())
        }
    }
}
