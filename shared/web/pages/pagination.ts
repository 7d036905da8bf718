/** GOV.UK pagination's parameters for page `pageNumber` of `pages`; none when everything fits on one page. */
export function paginationFor(pageNumber: number, pages: number, hrefFor: (n: number) => string) {
  if (pages <= 1) return undefined;
  return {
    ...(pageNumber > 1 ? { previous: { href: hrefFor(pageNumber - 1) } } : {}),
    ...(pageNumber < pages ? { next: { href: hrefFor(pageNumber + 1) } } : {}),
    items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: hrefFor(i + 1), current: i + 1 === pageNumber })),
  };
}
