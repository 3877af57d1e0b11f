//! The statistics the report uses, each on plain numbers so it can be checked by hand.
//! `None` where the figure is not defined (too few values, or no variance).

/// The arithmetic mean.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample variance (divided by n − 1); needs two values.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    Some(values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() - 1) as f64)
}

/// The sample standard deviation (n − 1); needs two values.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    sample_variance(values).map(f64::sqrt)
}

/// The median (the mean of the two middle values for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// Pearson's correlation of two equally long series; `None` with fewer than `min_n` pairs or
/// when either series has no variance.
pub fn pearson(x: &[f64], y: &[f64], min_n: usize) -> Option<f64> {
    if x.len() != y.len() || x.len() < min_n.max(2) {
        return None;
    }
    let (mx, my) = (mean(x)?, mean(y)?);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    // Sums of squares of integer points are exact; a tiny value is rounding, not variance.
    if sxx <= 1e-12 || syy <= 1e-12 {
        return None;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Cronbach's alpha of a table of scores, one row per attempt and one column per question
/// (every row the same questions): k / (k − 1) · (1 − Σ var(item) / var(total)) with sample
/// variances. `None` with fewer than two questions or attempts, or when the totals do not
/// vary.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let var_total = sample_variance(&totals)?;
    if var_total <= 1e-12 {
        return None;
    }
    let mut item_sum = 0.0;
    for i in 0..k {
        let column: Vec<f64> = rows.iter().map(|r| r[i]).collect();
        item_sum += sample_variance(&column)?;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_sum / var_total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn hand_computed_values() {
        // mean 2.5, squares of deviations 2.25+0.25+0.25+2.25 = 5, /3.
        let v = [1.0, 2.0, 3.0, 4.0];
        assert!(close(mean(&v), 2.5));
        assert!(close(sample_variance(&v), 5.0 / 3.0));
        assert!(close(median(&v), 2.5));
        assert!(close(median(&[3.0, 1.0, 2.0]), 2.0));
        assert!(close(pearson(&v, &[2.0, 4.0, 6.0, 8.0], 3), 1.0));
        assert!(close(pearson(&v, &[8.0, 6.0, 4.0, 2.0], 3), -1.0));
        // x = 1,2,3 y = 1,3,2: sxy = (-1)(-1)+0+(1)(0) = 1, sxx = syy = 2 -> 0.5.
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0], 3), 0.5));
    }

    #[test]
    fn empty_and_zero_variance_are_undefined() {
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[]), None);
        assert_eq!(sample_sd(&[4.0]), None);
        assert!(close(sample_sd(&[4.0, 4.0]), 0.0));
        assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0], 3), None, "fewer than 3");
        assert_eq!(pearson(&[4.0, 4.0, 4.0], &[1.0, 2.0, 3.0], 3), None);
        assert_eq!(cronbach_alpha(&[]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0]]), None, "one attempt");
        assert_eq!(cronbach_alpha(&[vec![2.0, 2.0], vec![2.0, 2.0]]), None);
    }

    #[test]
    fn cronbach_alpha_by_hand() {
        // Items (columns) a = 4,2,0 and b = 4,0,2; totals 8,2,2.
        // var(a) = 4, var(b) = 4, var(T) = (16+4+4)/2 = 12 -> 2 * (1 - 8/12) = 2/3.
        let rows = [vec![4.0, 4.0], vec![2.0, 0.0], vec![0.0, 2.0]];
        assert!(close(cronbach_alpha(&rows), 2.0 / 3.0));
    }
}
