import RecipeFormat

/// Training energy and emissions (Annex XI 1.2(e)): measured when the recipe declares a measured
/// figure, otherwise estimated from the counted compute and the declared hardware (peak FLOP/s,
/// utilisation, power), as Annex XI 1.2(e) allows ("may be based on information about computational
/// resources used"). Every input is named, and what is missing is listed instead of guessed.
public struct EnergyEstimate: Sendable, Equatable {
    /// Training time in seconds implied by compute / (peak × utilisation), nil when not declared; for
    /// imported weights the declared wall-clock.
    public let trainingSeconds: Double?
    /// Energy in kWh; nil when neither measured nor estimable.
    public let kilowattHours: Double?
    /// Emissions in kg CO₂e; nil without energy or grid factor.
    public let kilogramsCO2e: Double?
    /// The method, in words.
    public let method: String
    /// Grid carbon intensity used, g CO₂e/kWh, and where it comes from.
    public let gridFactor: (gramsPerKWh: Double, region: String)?
    /// Recipe keys that would complete the estimate.
    public let missingKeys: [String]

    /// The estimate from `flop` and the `[compliance]` declarations.
    public init(flop: Double, compliance c: ComplianceSection) {
        var missing: [String] = []
        var seconds: Double?
        if let peak = c.hardwarePeakFlops, let utilisation = c.hardwareUtilisation {
            seconds = flop / (peak * utilisation)
        } else {
            if c.hardwarePeakFlops == nil { missing.append("compliance.hardware_peak_flops") }
            if c.hardwareUtilisation == nil { missing.append("compliance.hardware_utilisation") }
        }
        let energy: Double?
        let method: String
        if c.energyMethod == "measured", let measured = c.energyKWh {
            energy = measured
            method = "measured and declared by the provider (compliance.energy_kwh = \(Numbers.plain(measured)) kWh)"
        } else {
            if c.hardwarePowerWatts == nil { missing.append("compliance.hardware_power_watts") }
            energy = seconds.flatMap { s in c.hardwarePowerWatts.map { s * $0 / 3_600_000 } }
            method = "estimated from compute: time = C / (peak × utilisation) with C = \(Numbers.flop(flop)) FLOP, peak = "
                + (c.hardwarePeakFlops.map { Numbers.flop($0) + " FLOP/s" } ?? "not declared") + ", utilisation = "
                + (c.hardwareUtilisation.map { Numbers.plain($0) } ?? "not declared") + "; energy = time × average power ("
                + (c.hardwarePowerWatts.map { Numbers.plain($0) + " W" } ?? "not declared") + "); whole-machine power, no PUE factor"
        }
        trainingSeconds = seconds
        kilowattHours = energy
        self.method = method
        if let grams = c.gridCarbonIntensity {
            gridFactor = (grams, c.gridRegion ?? "region not declared")
            kilogramsCO2e = energy.map { $0 * grams / 1_000 }
        } else {
            missing.append("compliance.grid_carbon_intensity")
            gridFactor = nil
            kilogramsCO2e = nil
        }
        missingKeys = missing
    }

    /// An estimate from its parts.
    init(trainingSeconds: Double?, kilowattHours: Double?, kilogramsCO2e: Double?, method: String,
         gridFactor: (gramsPerKWh: Double, region: String)?, missingKeys: [String]) {
        self.trainingSeconds = trainingSeconds
        self.kilowattHours = kilowattHours
        self.kilogramsCO2e = kilogramsCO2e
        self.method = method
        self.gridFactor = gridFactor
        self.missingKeys = missingKeys
    }

    public static func == (lhs: EnergyEstimate, rhs: EnergyEstimate) -> Bool {
        lhs.kilowattHours == rhs.kilowattHours && lhs.kilogramsCO2e == rhs.kilogramsCO2e && lhs.method == rhs.method
    }
}
