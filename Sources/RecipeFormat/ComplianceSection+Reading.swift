extension ComplianceSection {
    /// Reads the optional declarations (who, where, when, what data).
    mutating func readDeclarations(_ reader: TableReader) {
        providerCountry = reader.string("provider_country", maxBytes: 2)
        unionMarketDate = reader.string("union_market_date", maxBytes: 10)
        acceptableUsePolicy = reader.string("acceptable_use_policy", maxBytes: 65_536)
        distribution = reader.strings("distribution", maxCount: 100, maxBytes: 1_000)
        publicURL = reader.string("public_url", maxBytes: 4_096)
        dataCollectedUntil = reader.string("data_collected_until", maxBytes: 7)
        codeOfPracticeSignatory = reader.bool("code_of_practice_signatory")
        illegalContentMeasures = reader.string("illegal_content_measures", maxBytes: 65_536)
        userData = reader.bool("user_data")
        syntheticData = reader.bool("synthetic_data")
        monetised = reader.bool("monetised")
        previousSummaries = reader.strings("previous_summaries", maxCount: 1_000, maxBytes: 4_096)
        codeURL = reader.string("code_url", maxBytes: 4_096)
        codeLicense = reader.string("code_license", maxBytes: 500)
    }

    /// Reads the optional hardware, energy and grid figures.
    mutating func readMeasurements(_ reader: TableReader) {
        hardwarePeakFlops = reader.double("hardware_peak_flops", [.greaterThan(0)])
        hardwareUtilisation = reader.double("hardware_utilisation", [.greaterThan(0), .atMost(1)])
        hardwarePowerWatts = reader.double("hardware_power_watts", [.greaterThan(0)])
        energyKWh = reader.double("energy_kwh", [.atLeast(0)])
        gridCarbonIntensity = reader.double("grid_carbon_intensity", [.atLeast(0)])
        gridRegion = reader.string("grid_region", maxBytes: 1_000)
    }

    /// Cross-field and format checks.
    func check(_ reader: TableReader) {
        if let country = providerCountry, !(country.utf8.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
            reader.report("provider_country", "must be an ISO 3166-1 alpha-2 code in capitals (\"DE\", \"FR\"), got \"\(country)\"")
        }
        if let date = unionMarketDate, !Syntax.isDate(date) {
            reader.report("union_market_date", "must be a date written YYYY-MM-DD, got \"\(date)\"")
        }
        if let month = dataCollectedUntil, !Syntax.isMonth(month) {
            reader.report("data_collected_until", "must be a month written YYYY-MM, got \"\(month)\"")
        }
        if let url = publicURL, !url.hasPrefix("https://") || url.count <= "https://".count {
            reader.report("public_url", "must be an https:// URL where the release is published, got \"\(url.prefix(100))\"")
        }
        for (index, url) in (previousSummaries ?? []).enumerated() where !url.hasPrefix("https://") {
            reader.problems.add("\(reader.keyPath("previous_summaries"))[\(index)]", "must be an https:// URL, got \"\(url.prefix(100))\"")
        }
        if let license = codeLicense, let problem = Syntax.spdxProblem(license) { reader.report("code_license", problem) }
        if energyMethod == "measured", energyKWh == nil {
            reader.report("energy_kwh", "missing; energy_method = \"measured\" needs the measured training energy in kWh")
        }
    }
}
