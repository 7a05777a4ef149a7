import { inflateRawSync } from 'node:zlib';
import { AppError } from './errors.ts';

/** A roster of 10,000 people is about 1 MB; anything past this is not a roster. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * What the unpacked parts of an .xlsx may add up to — counted while actually inflating them, whatever
 * the file declares. A 20,000-row roster unpacks to about 15 MB.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

const NOT_XLSX = '文件不是 Excel（.xlsx）格式，请在 Excel 或 WPS 中另存为 .xlsx 后再上传';
const CORRUPT = '文件已损坏，无法读取';
export const ZIP_BOMB_MESSAGE = '文件解压后过大，疑似压缩炸弹，拒绝读取';

interface ZipEntry {
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

function centralDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) throw new AppError('INVALID_FILE', NOT_XLSX);
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  const searchFrom = Math.max(0, buffer.length - 22 - 65_535);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= searchFrom; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('INVALID_FILE', CORRUPT);
  const count = buffer.readUInt16LE(eocd + 10);
  if (count > MAX_ZIP_ENTRIES) throw new AppError('INVALID_FILE', '文件结构异常，拒绝读取');
  const entries: ZipEntry[] = [];
  let offset = buffer.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new AppError('INVALID_FILE', CORRUPT);
    }
    entries.push({
      method: buffer.readUInt16LE(offset + 10),
      compressed: buffer.readUInt32LE(offset + 20),
      declared: buffer.readUInt32LE(offset + 24),
      localOffset: buffer.readUInt32LE(offset + 42),
    });
    offset +=
      46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * Checks that a buffer is a zip (what an .xlsx is) whose central directory declares a sane
 * unpacked size, before any library inflates it. Cheap; the real bound is `assertInflatedWithin`.
 */
export function assertSafeXlsx(buffer: Buffer): void {
  let total = 0;
  for (const entry of centralDirectory(buffer)) {
    total += entry.declared;
    if (
      total > MAX_INFLATED_BYTES ||
      (entry.compressed > 0 && entry.declared / entry.compressed > 1_000) ||
      entry.declared === 0xffffffff
    ) {
      throw new AppError('INVALID_FILE', ZIP_BOMB_MESSAGE);
    }
  }
}

/**
 * Inflates every entry, stopping as soon as the bytes actually produced pass `limit`: a zip that lies
 * about its sizes costs at most `limit` bytes here, and is refused before a spreadsheet library sees it.
 */
export function assertInflatedWithin(buffer: Buffer, limit = MAX_INFLATED_BYTES): void {
  let remaining = limit;
  for (const entry of centralDirectory(buffer)) {
    const at = entry.localOffset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw new AppError('INVALID_FILE', CORRUPT);
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const data = buffer.subarray(start, Math.min(buffer.length, start + entry.compressed));
    let produced: number;
    if (entry.method === 0) produced = data.length;
    else if (entry.method === 8) {
      try {
        produced = inflateRawSync(data, { maxOutputLength: remaining + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new AppError('INVALID_FILE', ZIP_BOMB_MESSAGE);
        }
        throw new AppError('INVALID_FILE', CORRUPT);
      }
    } else throw new AppError('INVALID_FILE', CORRUPT);
    remaining -= produced;
    if (remaining < 0) throw new AppError('INVALID_FILE', ZIP_BOMB_MESSAGE);
  }
}

/**
 * The whole uploaded file, or a 413 when it passes the limit (never a truncated file); a malformed
 * multipart body is a 400.
 */
export async function readUpload(file: { toBuffer(): Promise<Buffer> }, tooLarge: string): Promise<Buffer> {
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', tooLarge);
    throw new AppError('VALIDATION_FAILED', '上传内容格式不正确，请重新选择文件上传');
  }
}
