//! Shapley values: the one way to split a total among several levers so that the parts sum
//! to the total exactly, with nothing left over, and each lever gets its average marginal
//! worth over every order in which the levers could have been added.
//!
//! For `n` levers and a value `v(S)` for every subset `S` (given as a bitmask), lever `i`
//! gets `Σ_S |S|!·(n−1−|S|)!·(v(S ∪ {i}) − v(S)) / n!` over the subsets `S` without `i`.
//! Everything is done in integers: the values returned are numerators over `n!`, so they
//! are exact and their sum is exactly `n!·(v(all) − v(none))`.

/// The most levers the account splits among (2^MAX subsets are replayed).
pub const MAX_PLAYERS: usize = 8;

/// `n!` for `n` up to [`MAX_PLAYERS`].
pub fn factorial(n: usize) -> i64 {
    (1..=n as i64).product()
}

/// The Shapley value of each of `n` players, as numerators over `n!`. `value[mask]` is the
/// value of the subset whose members are the bits of `mask`; `value` holds `2^n` entries.
///
/// # Panics
/// When `value` does not hold `2^n` entries or `n` exceeds [`MAX_PLAYERS`]: a caller's bug.
pub fn shapley(n: usize, value: &[i64]) -> Vec<i64> {
    assert!(
        n <= MAX_PLAYERS,
        "too many players for exact Shapley values"
    );
    assert_eq!(value.len(), 1 << n, "one value per subset");
    let weight = |size: usize| factorial(size) * factorial(n - 1 - size);
    (0..n)
        .map(|i| {
            let bit = 1usize << i;
            (0..value.len())
                .filter(|mask| mask & bit == 0)
                .map(|mask| weight(mask.count_ones() as usize) * (value[mask | bit] - value[mask]))
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_sum_to_the_total_exactly() {
        // Three levers with every kind of interplay: each alone, pairs that only work
        // together, one that spoils another.
        let value = [0, 7, -3, 40, 11, 2, 13, 100];
        let parts = shapley(3, &value);
        assert_eq!(
            parts.iter().sum::<i64>(),
            factorial(3) * (value[7] - value[0])
        );
    }

    #[test]
    fn a_lever_that_changes_nothing_gets_nothing() {
        // Lever 1 (bit 2) never changes the value.
        let value = [5, 9, 5, 9];
        assert_eq!(shapley(2, &value), vec![2 * 4, 0]);
    }

    #[test]
    fn a_lever_needed_for_the_whole_gain_gets_the_largest_part() {
        // Nothing works without lever 0; with it, lever 1 adds a little.
        let value = [0, 10, 0, 12];
        let parts = shapley(2, &value);
        assert_eq!(parts, vec![10 + 12, 2]);
        assert!(parts[0] > parts[1]);
    }

    #[test]
    fn symmetric_levers_share_equally() {
        // Either lever alone is worth nothing; both together win.
        let value = [0, 0, 0, 6];
        assert_eq!(shapley(2, &value), vec![6, 6]);
    }
}
