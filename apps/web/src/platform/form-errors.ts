import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

/** `committee.0.personId` → ['committee', 0, 'personId'], the name path antd forms use. */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's `details.issues` on the matching form fields. Returns the issues that matched
 * no field, so the caller can show them elsewhere.
 */
export function applyFieldIssues(form: FormInstance, error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const registered = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const unmatched: { path: string; message: string }[] = [];
  const fields = [];
  for (const issue of error.issues) {
    if (registered.has(issue.path)) fields.push({ name: toNamePath(issue.path), errors: [issue.message] });
    else unmatched.push(issue);
  }
  form.setFields(fields);
  return unmatched;
}
