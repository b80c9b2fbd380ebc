//! Paging: how a list of items splits into pages, and the `paginator` view that links
//! them. In: a list length, the items per page (`paginate_by`), the current page and a
//! URL for page `n`. Out: item ranges and a [`Paginator`]. The last page takes a few
//! extra items rather than leave one stranded on a page of its own, so page counts are
//! computed here once and every page family (index, actor, tag) agrees on them.

use serde::Serialize;

use crate::site::index::SiteIndex;
use crate::site::urls;

/// One link of a paginator; `number` is `None` for a gap ("…").
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageLink {
    pub number: Option<usize>,
    pub url: String,
    pub current: bool,
}

/// `paginator` on index, actor and tag pages.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    /// 1-based.
    pub current: usize,
    pub total_pages: usize,
    pub per_page: usize,
    pub total_items: usize,
    pub first_url: String,
    pub last_url: String,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    /// First, last, and the pages around the current one, with gaps; never more than 9.
    pub pages: Vec<PageLink>,
}

/// How many pages a list of `len` items takes (at least one); see [`pages_for`].
pub fn page_count(index: &SiteIndex, len: usize) -> usize {
    pages_for(len, index.config.paginate_by)
}

/// The items of page `n` (1-based) of a list of `len` items; empty past the end.
pub fn page_range(index: &SiteIndex, len: usize, n: usize) -> std::ops::Range<usize> {
    range_for(len, index.config.paginate_by, n)
}

/// Items the last page takes beyond `per` rather than leave them stranded on a page
/// of their own: a fifth of a page, at least one (6 items at 5 a page are one page).
pub(super) fn orphans(per: usize) -> usize {
    (per / 5).max(1)
}

/// Pages of `per` items for `len` items, the last one taking up to [`orphans`] more.
pub fn pages_for(len: usize, per: usize) -> usize {
    let per = per.max(1);
    let (full, rest) = (len / per, len % per);
    match (full, rest) {
        (0, _) => 1,
        (_, 0) => full,
        (_, r) if r <= orphans(per) => full,
        _ => full + 1,
    }
}

/// The items of page `n` (1-based) of [`pages_for`]`(len, per)` pages.
pub fn range_for(len: usize, per: usize, n: usize) -> std::ops::Range<usize> {
    let per = per.max(1);
    let total = pages_for(len, per);
    if n == 0 || n > total {
        return len..len;
    }
    let start = (n - 1).saturating_mul(per).min(len);
    let end = if n == total {
        len
    } else {
        (start + per).min(len)
    };
    start..end
}

impl Paginator {
    /// The paginator of the index pages.
    pub fn new(index: &SiteIndex, current: usize, total_pages: usize, total_items: usize) -> Self {
        let per_page = index.config.paginate_by;
        Self::with_urls(per_page, current, total_pages, total_items, |n| {
            index.url(&urls::index_page(n))
        })
    }

    /// A paginator whose page `n` is at `url(n)`.
    pub fn with_urls(
        per_page: usize,
        current: usize,
        total_pages: usize,
        total_items: usize,
        url: impl Fn(usize) -> String,
    ) -> Self {
        let mut numbers: Vec<usize> = vec![1, total_pages];
        numbers.extend(
            (current.saturating_sub(2)..=current + 2).filter(|n| (1..=total_pages).contains(n)),
        );
        numbers.sort_unstable();
        numbers.dedup();
        let mut pages = Vec::with_capacity(numbers.len() + 2);
        for (i, &n) in numbers.iter().enumerate() {
            if i > 0 && n > numbers[i - 1] + 1 {
                pages.push(PageLink {
                    number: None,
                    url: String::new(),
                    current: false,
                });
            }
            pages.push(PageLink {
                number: Some(n),
                url: url(n),
                current: n == current,
            });
        }
        Paginator {
            current,
            total_pages,
            per_page,
            total_items,
            first_url: url(1),
            last_url: url(total_pages),
            previous_url: (current > 1).then(|| url(current - 1)),
            next_url: (current < total_pages).then(|| url(current + 1)),
            pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_page_is_left_with_a_stranded_item() {
        // (items, per page, the size of each page)
        let cases: [(usize, usize, &[usize]); 8] = [
            (0, 5, &[0]),
            (5, 5, &[5]),
            (6, 5, &[6]),
            (7, 5, &[5, 2]),
            (11, 5, &[5, 6]),
            (21, 10, &[10, 11]),
            (22, 10, &[10, 12]),
            (23, 10, &[10, 10, 3]),
        ];
        for (len, per, want) in cases {
            let sizes: Vec<usize> = (1..=pages_for(len, per))
                .map(|n| range_for(len, per, n).len())
                .collect();
            assert_eq!(sizes, want, "{len} items, {per} a page");
            assert_eq!(range_for(len, per, want.len() + 1), len..len);
        }
    }
}
