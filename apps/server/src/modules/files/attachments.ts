import type { RequestContext } from '../../platform/request-context.ts';

/**
 * A kind of record that files are attached to (a meeting's photos, a goal report's evidence, an
 * honour's certificate, a rule's attachment). A file is downloaded only through the records holding
 * it: the download route asks every holder, and a file held by none is its uploader's alone until it
 * is attached. A module that attaches files exports its holder from its index.ts; `app.ts` hands the
 * list to the files routes, and `attachments.int.test.ts` fails when a table pointing at `files` has
 * no holder.
 */
export interface AttachmentHolder {
  /** The table whose rows hold files (what the guard test matches against foreign keys). */
  table: string;
  /**
   * `none` when no record of this kind holds the file; `readable` when one that holds it may be read
   * by `ctx` (under the record's own permission); `hidden` when it is held only by records `ctx` may not read.
   */
  access(ctx: RequestContext, fileId: string): Promise<'none' | 'readable' | 'hidden'>;
}

/** Helper for holders: the verdict from whether any holding record is readable. */
export async function accessThrough<T>(
  holding: readonly T[],
  mayRead: (record: T) => Promise<boolean> | boolean,
): Promise<'none' | 'readable' | 'hidden'> {
  if (holding.length === 0) return 'none';
  for (const record of holding) if (await mayRead(record)) return 'readable';
  return 'hidden';
}
