//! Disjoint sets over `0..n` (union by smallest index, path halving): the actor index
//! joins the entries of every briefing's actor list into site actors with it. Roots are
//! the smallest index of their set, so the groups come out the same whatever order the
//! joins are made in.

pub(super) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(super) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two sets; the smaller index stays the root, which keeps results stable.
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[drop] = keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_index_is_the_root_whatever_the_join_order() {
        for joins in [[(3, 1), (1, 4), (0, 4)], [(0, 4), (4, 1), (1, 3)]] {
            let mut sets = UnionFind::new(6);
            for (a, b) in joins {
                sets.union(a, b);
            }
            let roots: Vec<usize> = (0..6).map(|i| sets.find(i)).collect();
            assert_eq!(roots, [0, 0, 2, 0, 0, 5], "{joins:?}");
        }
    }
}
