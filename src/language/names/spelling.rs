//! Spelling variants of people's names: a name key in (`sergey lavrov`, from
//! [`super::key`]), a coarser key out under which the common romanisations of one
//! name coincide: "Sergey"/"Sergei", "Aleksandr"/"Alexander", "Dmitry"/"Dmitriy"/"Dmitri",
//! "Zelensky"/"Zelenskyy"/"Zelenskiy", "Mikhail"/"Mihail", "Navalny"/"Navalnyy".
//!
//! A few narrow rewrite rules, applied to each word, rather than a string distance: a
//! distance that joins "Sergei" and "Sergey" also joins "Joan" and "John", and two
//! different people must stay apart. The rules only touch the spots where
//! transliteration systems disagree and English names do not: `ks` before a vowel,
//! `kh` inside a word, the endings `-sky`/`-skiy`/`-skyy`/`-ski`, `-iy`, `-ey`/`-ei`,
//! `-yy`, `-andr`, and the two common names "Dmitry" and "Yury"; a general `-y`/`-i`
//! rule would join "Tony" and "Toni". So "Tony" and "Toni", "Dennis" and "Denis",
//! "Marks" and "Marx", "Khan" and "Han" keep different keys.

/// The variant key of a name key: each word rewritten by the rules.
pub fn variant_key(key: &str) -> String {
    key.split(' ')
        .map(variant_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The variant key of one lower-case word of a name ("sergey" -> "sergei").
pub fn variant_word(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    // two common names whose "-y" a general rule cannot take (it would join "Tony" and "Toni")
    match word {
        "dmitry" => return "dmitri".to_string(),
        "yury" => return "yuri".to_string(),
        _ => {}
    }
    let mut w = ks_before_vowel(word);
    if let Some(rest) = w.get(1..).filter(|rest| rest.contains("kh")) {
        w = format!("{}{}", &w[..1], rest.replace("kh", "h"));
    }
    for (ending, with) in [
        ("skiy", "ski"),
        ("skyy", "ski"),
        ("sky", "ski"),
        ("skij", "ski"),
        ("andr", "ander"),
        ("iy", "i"),
        ("ij", "i"),
        ("ey", "ei"),
        ("ej", "ei"),
        ("yy", "y"),
    ] {
        if let Some(stem) = w.strip_suffix(ending).filter(|stem| stem.len() >= 3) {
            w = format!("{stem}{with}");
            break;
        }
    }
    w
}

/// "aleksandr" to "alexandr"; "marks" stays.
fn ks_before_vowel(word: &str) -> String {
    let b = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < b.len() {
        let vowel_next = b.get(i + 2).is_some_and(|c| b"aeiouy".contains(c));
        if b[i] == b'k' && b.get(i + 1) == Some(&b's') && vowel_next {
            out.push('x');
            i += 2;
        } else {
            out.push(char::from(b[i]));
            i += 1;
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
            &["sergey lavrov", "sergei lavrov"],
            &["aleksandr grushko", "alexander grushko", "alexandr grushko"],
            &["dmitry peskov", "dmitriy peskov", "dmitri peskov"],
            &[
                "volodymyr zelensky",
                "volodymyr zelenskyy",
                "volodymyr zelenskiy",
            ],
            &["mikhail mishustin", "mihail mishustin"],
            &["aleksei navalny", "alexei navalny", "alexey navalnyy"],
            &["yuri ushakov", "yury ushakov", "yuriy ushakov"],
        ];
        for group in groups {
            let keys: Vec<String> = group.iter().map(|k| variant_key(k)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{group:?}: {keys:?}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        let pairs = [
            ("john smith", "joan smith"),
            ("tony smith", "toni smith"),
            ("terry hall", "terri hall"),
            ("danny rossi", "dani rosi"),
            ("bobby marks", "bobbi marx"),
            ("imran khan", "imran han"),
            ("dennis hall", "denis hal"),
            ("sergey lavrov", "anna lavrov"),
            ("sergey lavrov", "sergey lavrova"),
            ("mark lee", "mary lee"),
            ("ana ruiz", "ana ruiz gomez"),
            ("li wei", "li wen"),
        ];
        for (a, b) in pairs {
            assert_ne!(variant_key(a), variant_key(b), "{a} / {b}");
        }
    }
}
