//! Seeded hill climbing over the summariser's [`Weights`]: one parameter at a time, a
//! random step within its range, kept when the objective improves. Parameters are
//! addressed by their serde names, so the search needs no code per field.

use briefing::analysis::summary::Weights;

/// The tuned parameters and their ranges; everything else in [`Weights`] stays as is.
pub const PARAMETERS: [(&str, f64, f64); 17] = [
    ("position", 0.0, 5.0),
    ("position_scale", 0.5, 10.0),
    ("position_sharpness", 1.0, 20.0),
    ("centrality_forward", 0.0, 3.0),
    ("centrality_backward", 0.0, 3.0),
    ("centrality_length_exponent", 0.0, 1.0),
    ("length", 0.0, 2.0),
    ("length_target", 5.0, 60.0),
    ("overlong", 0.0, 2.0),
    ("title", 0.0, 2.0),
    ("entities", 0.0, 2.0),
    ("numbers", 0.0, 2.0),
    ("quote", 0.0, 2.0),
    ("question", 0.0, 2.0),
    ("unresolved_reference", 0.0, 2.0),
    ("redundancy", 0.0, 2.0),
    ("redundancy_max", 0.3, 1.0),
];

fn get(w: &Weights, name: &str) -> f64 {
    serde_json::to_value(w).expect("weights serialise")[name]
        .as_f64()
        .expect("numeric parameter")
}

fn set(w: &Weights, name: &str, value: f64) -> Weights {
    let mut json = serde_json::to_value(w).expect("weights serialise");
    json[name] = serde_json::json!(value);
    serde_json::from_value(json).expect("weights deserialise")
}

/// Climbs from `start` for `rounds` proposals; returns the best weights and their
/// objective. `objective` must be deterministic.
pub fn climb(
    start: &Weights,
    only: &[String],
    rounds: usize,
    seed: u64,
    objective: &dyn Fn(&Weights) -> f64,
) -> (Weights, f64) {
    let tuned: Vec<(&str, f64, f64)> = PARAMETERS
        .into_iter()
        .filter(|(name, _, _)| only.is_empty() || only.iter().any(|o| o == name))
        .collect();
    if tuned.is_empty() {
        return (start.clone(), objective(start));
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut best = start.clone();
    let mut best_value = objective(&best);
    for round in 0..rounds {
        let (name, lo, hi) = tuned[rng.usize(..tuned.len())];
        // Steps shrink from a quarter of the range to a twentieth over the run.
        let scale = 0.25 - 0.2 * round as f64 / rounds.max(1) as f64;
        let step = (rng.f64() * 2.0 - 1.0) * scale * (hi - lo);
        let value = ((get(&best, name) + step).clamp(lo, hi) * 1000.0).round() / 1000.0;
        let proposal = set(&best, name, value);
        let v = objective(&proposal);
        if v > best_value + 1e-9 {
            best = proposal;
            best_value = v;
        }
    }
    (best, best_value)
}
