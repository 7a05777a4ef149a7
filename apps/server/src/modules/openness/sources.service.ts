import type { DisclosureSourcesResponse } from '@qizhi/domain';
import type { RequestContext } from '../../platform/request-context.ts';
import * as repo from './openness.repo.ts';
import { allSources, sourceKeyOf, sourceKeyOfRow } from './sources.ts';

/**
 * What the court's other capabilities have made public and may be shown on the portal, each with the
 * items (not withdrawn) already showing it — the writer picks one instead of typing its text again.
 */
export async function listSourceCandidates(ctx: RequestContext): Promise<DisclosureSourcesResponse> {
  const [sources, linked] = await Promise.all([
    allSources(ctx.db, ctx.tenantId),
    repo.findSourcedItems(ctx.db, ctx.tenantId),
  ]);
  const byKey = new Map<string, string[]>();
  for (const row of linked) {
    const key = sourceKeyOfRow(row);
    if (key) byKey.set(sourceKeyOf(key), [...(byKey.get(sourceKeyOf(key)) ?? []), row.id]);
  }
  return {
    items: sources.map((s) => ({
      kind: s.kind,
      ref: s.ref,
      label: s.label,
      url: s.url,
      on: s.on,
      scope: s.scope,
      category: s.category,
      text: s.text,
      disclosureIds: byKey.get(sourceKeyOf(s)) ?? [],
    })),
  };
}
