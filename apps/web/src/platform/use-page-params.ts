import { useSearchParams } from 'react-router';

/**
 * A list page whose page and page size live in the address (so a link or a reload opens the same
 * page): `page`, `pageSize` and the table's `onChange` that writes them back, keeping the filters.
 */
export function usePageParams(defaultPageSize = 20) {
  const [search, setSearch] = useSearchParams();
  const page = Number(search.get('page') ?? 1) || 1;
  const pageSize = Number(search.get('pageSize') ?? defaultPageSize) || defaultPageSize;
  return {
    search,
    setSearch,
    page,
    pageSize,
    /** A new page size starts again at page 1. */
    onPageChange: (nextPage: number, nextSize: number) => {
      const next = new URLSearchParams(search);
      next.set('page', String(nextSize === pageSize ? nextPage : 1));
      next.set('pageSize', String(nextSize));
      setSearch(next);
    },
  };
}
