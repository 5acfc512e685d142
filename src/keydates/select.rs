//! Chooses the sentences that say what happened on a day: the candidates
//! are scored by TF-IDF cosine to the centroid of all the day's candidates
//! (centrality) and picked greedily with maximal marginal relevance, so a
//! summary does not repeat itself. Extractive: sentences are returned as
//! written.

use crate::extract::lexicon;
use std::collections::HashMap;

/// Lower-cased word tokens of a text, the stop words of the language being
/// read (see [`lexicon::reading`]) left out.
pub fn words(text: &str) -> Vec<String> {
    let stop = lexicon::words().summary_stop_words;
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(&w.as_str()))
        .collect()
}

/// Document frequencies over a collection of texts (one text = one document).
#[derive(Debug, Default)]
pub struct Idf {
    df: HashMap<String, u32>,
    docs: u32,
}

impl Idf {
    pub fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Idf {
        let mut idf = Idf::default();
        for t in texts {
            idf.docs += 1;
            let mut seen: Vec<String> = words(t);
            seen.sort();
            seen.dedup();
            for w in seen {
                *idf.df.entry(w).or_default() += 1;
            }
        }
        idf
    }

    fn weight(&self, w: &str) -> f64 {
        let df = f64::from(self.df.get(w).copied().unwrap_or(0));
        (f64::from(self.docs + 1) / (df + 1.0)).ln() + 1.0
    }

    /// The unit-length TF-IDF vector of a text.
    pub fn vector(&self, text: &str) -> Vec<(String, f64)> {
        let mut tf: HashMap<String, f64> = HashMap::new();
        for w in words(text) {
            *tf.entry(w).or_default() += 1.0;
        }
        let mut v: Vec<(String, f64)> = tf
            .into_iter()
            .map(|(w, n)| {
                let x = n * self.weight(&w);
                (w, x)
            })
            .collect();
        // Sorted before normalising: the norm is a float sum, and summing in
        // hash order would make the output differ from run to run.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        normalize(&mut v);
        v
    }
}

fn normalize(v: &mut [(String, f64)]) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// Cosine of two unit vectors sorted by word.
pub fn cosine(a: &[(String, f64)], b: &[(String, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Trade-off between centrality and novelty in MMR (1 = centrality only).
/// Even weights: on the T17 development tasks alignment ROUGE-1 peaks there
/// (0.3: 0.105, 0.4: 0.108, 0.5: 0.110, 0.7: 0.104, 0.9: 0.101; with the
/// morning-after leads of [`lead_days`](super::lead_days): 0.4: 0.114,
/// 0.5: 0.116, 0.6: 0.114, 0.7: 0.112), as a day's second sentence adds
/// most when it tells something the first does not.
pub const MMR_LAMBDA: f64 = 0.5;
/// Candidates more similar than this to a chosen sentence are never chosen.
pub const DUPLICATE: f64 = 0.5;
/// Sentences shorter or longer than this many words are poor summaries.
pub const MIN_WORDS: usize = 6;
pub const MAX_WORDS: usize = 60;

/// Picks up to `k` of `texts` by MMR over TF-IDF vectors. Returns indexes
/// into `texts`, best first.
pub fn choose(texts: &[&str], idf: &Idf, k: usize) -> Vec<usize> {
    let usable: Vec<usize> = (0..texts.len())
        .filter(|&i| {
            let n = texts[i].split_whitespace().count();
            (MIN_WORDS..=MAX_WORDS).contains(&n)
        })
        .collect();
    let pool: Vec<usize> = if usable.is_empty() {
        (0..texts.len()).collect()
    } else {
        usable
    };
    let vectors: Vec<Vec<(String, f64)>> = pool.iter().map(|&i| idf.vector(texts[i])).collect();
    let mut centroid: HashMap<&str, f64> = HashMap::new();
    for v in &vectors {
        for (w, x) in v {
            *centroid.entry(w.as_str()).or_default() += x;
        }
    }
    let mut c: Vec<(String, f64)> = centroid
        .into_iter()
        .map(|(w, x)| (w.to_string(), x))
        .collect();
    c.sort_by(|a, b| a.0.cmp(&b.0));
    normalize(&mut c);
    let relevance: Vec<f64> = vectors.iter().map(|v| cosine(v, &c)).collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < k {
        let mut best: Option<(usize, f64)> = None;
        for (p, &rel) in relevance.iter().enumerate() {
            if chosen.contains(&p) {
                continue;
            }
            let redundancy = chosen
                .iter()
                .map(|&q| cosine(&vectors[p], &vectors[q]))
                .fold(0.0, f64::max);
            if redundancy > DUPLICATE {
                continue;
            }
            let mmr = MMR_LAMBDA * rel - (1.0 - MMR_LAMBDA) * redundancy;
            if best.is_none_or(|(_, b)| mmr > b) {
                best = Some((p, mmr));
            }
        }
        match best {
            Some((p, _)) => chosen.push(p),
            None => break,
        }
    }
    chosen.into_iter().map(|p| pool[p]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_central_sentences_without_repeating() {
        let texts = [
            "The oil well exploded in the Gulf of Mexico, killing eleven workers.",
            "The oil well exploded in the Gulf of Mexico, killing eleven workers today.",
            "Eleven workers died when the rig in the Gulf exploded and sank.",
            "Fans queued outside the stadium for the concert tickets all night long.",
        ];
        let idf = Idf::new(texts.iter().copied());
        let chosen = choose(&texts, &idf, 2);
        assert_eq!(chosen.len(), 2);
        assert!(chosen.contains(&0) || chosen.contains(&1));
        assert!(!(chosen.contains(&0) && chosen.contains(&1)));
    }
}
