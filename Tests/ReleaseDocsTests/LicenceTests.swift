import Testing
@testable import ReleaseDocs

/// The Art. 53(2) licence verdict from SPDX expressions and the Hub licence mapping.
struct LicenceTests {
    @Test func permissiveAndCopyleftLicencesAreFree() {
        for expression in ["Apache-2.0", "MIT OR Apache-2.0", "GPL-3.0-or-later", "CC-BY-SA-4.0 AND MIT", "GPL-2.0-only WITH Classpath-exception-2.0", "(MIT OR CC-BY-NC-4.0) AND Apache-2.0"] {
            #expect(FreeLicences.verdict(expression).isFree, "\(expression)")
        }
    }

    @Test func nonCommercialResearchAndCustomLicencesAreNot() {
        for expression in ["CC-BY-NC-4.0", "Apache-2.0 AND CC-BY-NC-SA-4.0", "LicenseRef-llama3", "OpenRAIL-M", "Frobnicate-1.0", "MIT AND (", "CC-BY-ND-4.0"] {
            #expect(!FreeLicences.verdict(expression).isFree, "\(expression)")
        }
        #expect(FreeLicences.verdict("CC-BY-NC-4.0").reason.contains("non-commercial"))
    }

    @Test func hubLicenceIdsAndOtherWithNameAndLink() {
        #expect(HubIDs.license(forSPDX: "Apache-2.0") == "apache-2.0")
        #expect(HubIDs.license(forSPDX: "MIT OR Apache-2.0") == nil)
        #expect(HubIDs.licenseName(forSPDX: "MIT OR Apache-2.0") == "mit-or-apache-2.0")
        #expect(HubIDs.licenseLink(forSPDX: "GPL-3.0-or-later", declared: nil) == "https://spdx.org/licenses/GPL-3.0-or-later.html")
        #expect(HubIDs.licenseLink(forSPDX: "MIT OR Apache-2.0", declared: "https://example.org/L") == "https://example.org/L")
        #expect(HubIDs.dataset(fromURI: "https://huggingface.co/datasets/HuggingFaceFW/fineweb-2/resolve/main/x.parquet") == "HuggingFaceFW/fineweb-2")
    }
}
