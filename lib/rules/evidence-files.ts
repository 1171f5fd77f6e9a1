/**
 * Checks evidence files against AliExpress's dispute upload limits before the buyer uploads:
 * photos 2 MB each, video 500 MB (lib/rules/policy.ts). Files are only measured (name, size,
 * type), never read. Accepted types are the common camera/phone formats; the form's exact list
 * is not published, so anything else is flagged rather than silently passed.
 */
import { DEFAULT_POLICY, type Policy } from './policy';

export interface EvidenceFile {
  name: string;
  size: number;
  /** MIME type as the browser reports it; may be empty. */
  type: string;
}

export type EvidenceKind = 'photo' | 'video';

export type EvidenceFileCheck =
  | { name: string; status: 'ok'; kind: EvidenceKind }
  | { name: string; status: 'too_large'; kind: EvidenceKind; limitBytes: number; limit: 'photo' | 'video' }
  | { name: string; status: 'unsupported_type'; kind: null };

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp']);
const VIDEO_TYPES = new Set([
  'video/mp4',
  'video/quicktime',
  'video/x-msvideo',
  'video/x-ms-wmv',
  'video/3gpp',
  'video/webm',
  'video/x-matroska',
]);
const PHOTO_EXT = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp']);
const VIDEO_EXT = new Set(['mp4', 'mov', 'avi', 'wmv', '3gp', 'webm', 'mkv', 'm4v']);

function kindOf(file: EvidenceFile): EvidenceKind | null {
  const type = file.type.toLowerCase();
  if (PHOTO_TYPES.has(type)) return 'photo';
  if (VIDEO_TYPES.has(type)) return 'video';
  // Browsers leave `type` empty for some formats: fall back to the extension.
  if (type === '' || type === 'application/octet-stream') {
    const dot = file.name.lastIndexOf('.');
    const ext = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
    if (PHOTO_EXT.has(ext)) return 'photo';
    if (VIDEO_EXT.has(ext)) return 'video';
  }
  return null;
}

export function checkEvidenceFile(file: EvidenceFile, policy: Policy = DEFAULT_POLICY): EvidenceFileCheck {
  const kind = kindOf(file);
  if (kind === null) return { name: file.name, status: 'unsupported_type', kind: null };
  const limitBytes = policy.rules[kind === 'photo' ? 'photoMaxBytes' : 'videoMaxBytes'].value;
  if (file.size > limitBytes) return { name: file.name, status: 'too_large', kind, limitBytes, limit: kind };
  return { name: file.name, status: 'ok', kind };
}

/** One result per file, in the same order. */
export function checkEvidenceFiles(
  files: EvidenceFile[],
  policy: Policy = DEFAULT_POLICY,
): EvidenceFileCheck[] {
  return files.map((f) => checkEvidenceFile(f, policy));
}
