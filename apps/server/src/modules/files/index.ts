/**
 * Uploaded files (evidence, minutes, rules): stored once per court; downloaded only through the records
 * they are attached to (each kind of record exports an `AttachmentHolder`), attached only by whoever
 * uploaded them (`mayAttach`).
 */
export { fileRoutes } from './files.routes.ts';
export { accessThrough, type AttachmentHolder } from './attachments.ts';
export { mayAttach } from './files.service.ts';
