import { useState } from 'react';
import { Alert, Button, Empty, Flex, Skeleton, Space } from 'antd';
import { isCommitmentEditable } from '@qizhi/domain';
import { useSave } from '../../platform/use-save.ts';
import { QueryErrorAlert } from '../../platform/query-error-alert.tsx';
import { useMyGoals } from '../goals/goals.queries.ts';
import { commitmentsApi } from './commitments.api.ts';
import { CommitmentEditorModal, type EditorState } from './commitment-editor-modal.tsx';
import { CommitmentStatusTag, CommitmentView } from './commitment-view.tsx';
import { COMMITMENT_CHANGES, useMyCommitment } from './commitments.queries.ts';
import { PromiseResultsModal, type ResultsState } from './promise-results-modal.tsx';

/** 我的承诺: draft, submit to the branch, and at year end assess each promise. */
export function MyCommitmentPanel({ year }: { year: number }) {
  const mine = useMyCommitment(year);
  const goals = useMyGoals(year);
  const [editor, setEditor] = useState<EditorState>(null);
  const [results, setResults] = useState<ResultsState>(null);
  const goalOptions = (goals.data?.items ?? []).map((g) => ({ id: g.id, title: g.title }));

  const submit = useSave({
    invalidates: COMMITMENT_CHANGES,
    save: (id: string) => commitmentsApi.step(id, 'submit'),
    success: '已提交支部审核',
  });

  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorAlert error={mine.error} />;
  const c = mine.data.item;
  return (
    <Flex vertical gap="middle">
      {!c ? (
        <Empty description={`您还没有${String(year)}年度的公开承诺`}>
          <Button
            type="primary"
            onClick={() => setEditor({ mode: 'create', year, ownerKind: 'person', goals: goalOptions })}
          >
            拟定承诺
          </Button>
        </Empty>
      ) : (
        <>
          <Space wrap>
            <span>状态：</span>
            <CommitmentStatusTag status={c.status} />
            {isCommitmentEditable(c.status) && (
              <>
                <Button onClick={() => setEditor({ mode: 'edit', commitment: c, goals: goalOptions })}>修改</Button>
                <Button type="primary" loading={submit.saving} onClick={() => submit.save(c.id)}>
                  提交支部审核
                </Button>
              </>
            )}
            {c.status === 'published' && !c.verifiedAt && (
              <Button onClick={() => setResults({ stage: 'self', commitment: c })}>年终自评</Button>
            )}
          </Space>
          {c.status === 'submitted' && <Alert type="info" showIcon title="已提交，等待支部审核后向全院和社会公开。" />}
          <CommitmentView commitment={c} />
        </>
      )}
      <CommitmentEditorModal state={editor} onClose={() => setEditor(null)} />
      <PromiseResultsModal state={results} onClose={() => setResults(null)} />
    </Flex>
  );
}
