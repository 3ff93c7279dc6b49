import RecipeFormat

extension EnergyEstimate {
    /// Energy and emissions of a training run Glassbox did not see: the provider's declared
    /// `training.declared.energy_kwh`, else a measured `compliance.energy_kwh`, else an estimate from the
    /// declared wall-clock × `compliance.hardware_power_watts`; the training time is the declared
    /// wall-clock. Every figure says it is declared or estimated.
    public init(imported declared: DeclaredTraining, compliance c: ComplianceSection) {
        let hours = declared.wallClockHours
        var missing: [String] = []
        let energy: Double?
        let method: String
        if let stated = declared.energyKWh {
            energy = stated
            method = "declared by the provider (training.declared.energy_kwh = \(Numbers.plain(stated)) kWh); not measured by Glassbox"
        } else if c.energyMethod == "measured", let measured = c.energyKWh {
            energy = measured
            method = "measured and declared by the provider (compliance.energy_kwh = \(Numbers.plain(measured)) kWh); not measured by Glassbox"
        } else if let watts = c.hardwarePowerWatts {
            energy = hours * watts / 1_000
            method = "estimated as the declared wall-clock (training.declared.wall_clock_hours = \(Numbers.plain(hours)) h) × the declared average power "
                + "(compliance.hardware_power_watts = \(Numbers.plain(watts)) W); whole-machine power, no PUE factor; not measured"
        } else {
            energy = nil
            missing.append("training.declared.energy_kwh")
            method = "not available: the provider declares neither the energy (training.declared.energy_kwh) nor the average power of the hardware "
                + "(compliance.hardware_power_watts, for an estimate from the declared wall-clock)"
        }
        var grid: (gramsPerKWh: Double, region: String)?
        var co2: Double?
        if let grams = c.gridCarbonIntensity {
            grid = (grams, c.gridRegion ?? "region not declared")
            co2 = energy.map { $0 * grams / 1_000 }
        } else {
            missing.append("compliance.grid_carbon_intensity")
        }
        self.init(trainingSeconds: hours * 3_600, kilowattHours: energy, kilogramsCO2e: co2, method: method, gridFactor: grid, missingKeys: missing)
    }
}
