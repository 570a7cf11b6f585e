/**
 * What became of a registry file sent to 导入: imported whole, partly (bad rows skipped), refused (nothing
 * imported because some rows are bad), or only checked (预检: read and judged, nothing written).
 */
export const IMPORT_STATUSES = ['imported', 'partial', 'refused', 'checked'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_STATUS_LABELS: Record<ImportStatus, { zh: string; en: string }> = {
  imported: { zh: '已导入', en: 'Imported' },
  partial: { zh: '部分导入', en: 'Partly imported' },
  refused: { zh: '未导入', en: 'Not imported' },
  checked: { zh: '仅预检', en: 'Checked only' },
};
