//! Public name lists, compiled from `../shared/data/gazetteers` by
//! `cargo run --release --example build_gazetteers -- ../shared/data/gazetteers src/language/data/gazetteers`:
//! one name per line, with a header naming the source and licence of each list.
//!
//! They are what the entity tagger knows about the world beyond its training text
//! (names it never saw are most of its errors): the tagger reads them as features.
//! Attribution: place names from GeoNames (geonames.org), CC BY 4.0; university names
//! from Hipo/university-domains-list, MIT licence (see `data/gazetteers/LICENSES.md`).

/// Cities and towns of 15,000 people or more (GeoNames).
pub const CITIES: &str = include_str!("data/gazetteers/cities.txt");
/// First-level divisions of countries: states, provinces, regions (GeoNames).
pub const REGIONS: &str = include_str!("data/gazetteers/regions.txt");
/// Companies listed in the US and the S&P 500, with and without their legal suffix.
pub const COMPANIES: &str = include_str!("data/gazetteers/companies.txt");
/// Universities and colleges, US federal agencies, football clubs.
pub const INSTITUTIONS: &str = include_str!("data/gazetteers/institutions.txt");
/// Given names (US Census, Moby).
pub const GIVEN_NAMES: &str = include_str!("data/gazetteers/given_names.txt");
/// Surnames (US Census).
pub const SURNAMES: &str = include_str!("data/gazetteers/surnames.txt");

use std::collections::HashSet;
use std::sync::LazyLock;

use super::names::key;

/// The name keys of a list's entries.
fn keys(list: &str) -> HashSet<String> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(key)
        .collect()
}

static COMPANY_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| keys(COMPANIES));
static GIVEN_NAME_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| keys(GIVEN_NAMES));
static PLACE_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = keys(CITIES);
    set.extend(keys(REGIONS));
    set
});
static SURNAME_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| keys(SURNAMES));

/// Whether `name` is, as a whole, the name of a listed company ("Verizon", "Walmart
/// Inc."; not "Dell", which is listed only as "Dell Technologies").
pub fn is_listed_company(name: &str) -> bool {
    let k = key(name);
    !k.is_empty() && COMPANY_KEYS.contains(&k)
}

/// Whether `name` is a given name of the lists ("Steve", "Marissa").
pub fn is_given_name(name: &str) -> bool {
    GIVEN_NAME_KEYS.contains(&key(name))
}

/// Whether `name` is, as a whole, a listed city or region ("Sicily", "Beverly Hills").
pub fn is_listed_place(name: &str) -> bool {
    PLACE_KEYS.contains(&key(name))
}

/// Whether `name` is a listed surname ("Daly", "Reilly").
pub fn is_surname(name: &str) -> bool {
    SURNAME_KEYS.contains(&key(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_companies_match_whole_names_only() {
        let cases = [
            ("Verizon", true),
            ("verizon communications", true),
            ("Walmart", true),
            ("Dell", false),
            ("Verizon Japan", false),
            ("", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_listed_company(name), want, "{name}");
        }
        assert!(is_given_name("Marissa"));
        assert!(!is_given_name("Yahoo"));
        assert!(is_listed_place("Sicily"));
        assert!(!is_listed_place("Incredibly"));
        assert!(is_surname("Reilly"));
        assert!(!is_surname("Incredibly"));
    }
}
