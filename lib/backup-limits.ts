/** Shared by the options page (checked before reading a file) and the import itself. */
/** Far above any real buyer's data (10,000 orders export to about 15 MB), and safe to parse. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;
