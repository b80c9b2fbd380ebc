//! Spelling variants of people's names: a name key in (`sergey-lavrov`, from
//! `actors::name_key`), a coarser key out under which the common romanisations of one
//! name coincide: "Sergey"/"Sergei", "Aleksandr"/"Alexander", "Dmitry"/"Dmitriy"/
//! "Dmitri", "Zelensky"/"Zelenskyy"/"Zelenskiy", "Mikhail"/"Mihail".
//!
//! A few rewrite rules, applied to each word, rather than a string distance: a distance
//! that joins "Sergei" and "Sergey" also joins "Joan" and "John", and two different
//! people who share a surname must stay apart. The rules only touch the spots where
//! transliteration systems disagree (`ks`/`x`, `kh`/`h`, doubled letters, the endings
//! `-y`, `-iy`, `-ey`, `-ei`, `-andr`), so distinct names keep distinct keys.

/// The variant key of a name key: each `-`-separated word rewritten by the rules.
pub fn variant_key(key: &str) -> String {
    key.split('-')
        .map(variant_word)
        .collect::<Vec<_>>()
        .join("-")
}

fn variant_word(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w = word.replace("ks", "x").replace("kh", "h");
    w = collapse_doubles(&w);
    for (ending, with) in [
        ("andr", "ander"),
        ("iy", "i"),
        ("ij", "i"),
        ("yi", "i"),
        ("ey", "i"),
        ("ei", "i"),
        ("ej", "i"),
        ("y", "i"),
    ] {
        if let Some(stem) = w.strip_suffix(ending).filter(|stem| stem.len() >= 3) {
            w = format!("{stem}{with}");
            break;
        }
    }
    w
}

/// "zelenskyy" to "zelensky", "anna" to "ana".
fn collapse_doubles(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisations_of_one_name_share_a_key() {
        let groups: [&[&str]; 7] = [
            &["sergey-lavrov", "sergei-lavrov"],
            &["aleksandr-grushko", "alexander-grushko", "alexandr-grushko"],
            &["dmitry-peskov", "dmitriy-peskov", "dmitri-peskov"],
            &[
                "volodymyr-zelensky",
                "volodymyr-zelenskyy",
                "volodymyr-zelenskiy",
            ],
            &["mikhail-mishustin", "mihail-mishustin"],
            &["aleksei-navalny", "alexei-navalny", "alexey-navalnyy"],
            &["yuri-ushakov", "yury-ushakov", "yuriy-ushakov"],
        ];
        for group in groups {
            let keys: Vec<String> = group.iter().map(|k| variant_key(k)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{group:?}: {keys:?}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        let pairs = [
            ("john-smith", "joan-smith"),
            ("sergey-lavrov", "anna-lavrov"),
            ("sergey-lavrov", "sergey-lavrova"),
            ("mark-lee", "mary-lee"),
            ("ana-ruiz", "ana-ruiz-gomez"),
            ("li-wei", "li-wen"),
        ];
        for (a, b) in pairs {
            assert_ne!(variant_key(a), variant_key(b), "{a} / {b}");
        }
    }
}
