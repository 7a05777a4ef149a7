import { useEffect, useMemo, useState } from 'react';
import { App, Card } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { inCourtZone } from '@qizhi/domain';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import ui from '../../platform/ui.module.css';
import { useSession } from '../../platform/session.tsx';
import { ImportModal } from './import-modal.tsx';
import { MemberFormDrawer } from './member-form-drawer.tsx';
import { MembersFilters } from './members-filters.tsx';
import { useMemberPage, type MemberListParams } from './members.queries.ts';
import { filtersOf, readMemberParams, writeMemberParams } from './members-search-params.ts';
import { MembersTable } from './members-table.tsx';
import { MembersToolbar } from './members-toolbar.tsx';
import styles from './members.module.css';

/** The largest page the server gives; printing switches to it. */
const PRINT_PAGE_SIZE = 200;

export default function MembersPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => readMemberParams(searchParams), [searchParams]);
  const filters = filtersOf(params);
  const page = useMemberPage(params);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [printing, setPrinting] = useState(false);

  // Paper gets every row of the current filter (up to the largest page), not just the page on screen.
  useEffect(() => {
    if (!printing || page.isFetching || page.isPlaceholderData || params.pageSize !== PRINT_PAGE_SIZE) return;
    setPrinting(false);
    window.print();
  }, [printing, page.isFetching, page.isPlaceholderData, params.pageSize]);

  function print() {
    const total = page.data?.total ?? 0;
    if (total <= (page.data?.items.length ?? 0)) {
      window.print();
      return;
    }
    update({ page: 1, pageSize: PRINT_PAGE_SIZE }, false);
    setPrinting(true);
  }

  // From the address bar as it is now, not as a render's closure saw it: a search typed right after
  // 重置筛选 must not bring the old filters back (the e2e roster scenario caught exactly that).
  function update(patch: MemberListParams, resetPage = true) {
    const current = readMemberParams(new URLSearchParams(window.location.search));
    setSearchParams(writeMemberParams({ ...current, ...patch, ...(resetPage ? { page: 1 } : {}) }));
  }

  return (
    <Card>
      <div className="page-toolbar no-print">
        <h1>
          花名册
          {page.data && (
            <span className={styles.count}>
              {page.data.scopeName}共 {page.data.total} 人
            </span>
          )}
        </h1>
        <MembersToolbar
          filters={filters}
          onCreate={() => {
            setCreating(true);
          }}
          onImport={() => {
            setImporting(true);
          }}
          onPrint={print}
        />
      </div>
      <div className={`print-only ${styles.printHeader}`}>
        <div className={styles.printTitle}>{user.tenantName}党员花名册</div>
        <div className={styles.printMeta}>
          {page.data?.scopeName}共 {page.data?.total ?? 0} 人 · 打印时间：{inCourtZone().format('YYYY年M月D日 HH:mm')}
        </div>
      </div>
      <MembersFilters
        value={filters}
        onChange={(patch) => {
          update(patch);
        }}
        onReset={() => {
          setSearchParams(new URLSearchParams());
        }}
      />
      {page.isError && <QueryErrorAlert error={page.error} className={ui.above} />}
      <MembersTable
        data={page.data}
        loading={page.isFetching}
        params={params}
        onChange={(patch) => {
          update(patch, false);
        }}
      />
      <MemberFormDrawer
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onSaved={(member) => {
          void message.info(`可在人员详情中继续完善 ${member.name} 的信息`);
          void navigate(`/members/${member.id}`);
        }}
      />
      <ImportModal
        open={importing}
        onClose={() => {
          setImporting(false);
        }}
      />
    </Card>
  );
}
