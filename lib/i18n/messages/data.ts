export const en = {
  "data.title": "Your data",
  "data.where":
    "Conversations and generated media are stored in this browser (IndexedDB), not on the server. Clearing site data deletes them: export first.",
  "data.usage": "Storage used",
  "data.usage.value": "{used} of {quota}",
  "data.usage.unknown": "This browser does not report storage use.",
  "data.persisted": "Persistent storage: granted — the browser will not evict your data under pressure.",
  "data.notPersisted": "Persistent storage: not granted — the browser may evict data when disk space runs low.",
  "data.export": "Export data",
  "data.import": "Import data",
  "data.exporting": "Preparing the export…",
  "data.importing": "Importing…",
  "data.exported": "Exported {count} records.",
  "data.imported": "Imported {added} records; skipped {skipped} already present or invalid.",
  "data.importErrors": "Details of what was skipped",
} as const;

export const zh: Record<keyof typeof en, string> = {
  "data.title": "你的数据",
  "data.where": "对话和生成的媒体保存在此浏览器（IndexedDB）中，而不是服务器上。清除网站数据会删除它们：请先导出。",
  "data.usage": "已用存储",
  "data.usage.value": "{used} / {quota}",
  "data.usage.unknown": "此浏览器不提供存储用量信息。",
  "data.persisted": "持久存储：已授予——浏览器不会在空间紧张时清除你的数据。",
  "data.notPersisted": "持久存储：未授予——磁盘空间不足时浏览器可能会清除数据。",
  "data.export": "导出数据",
  "data.import": "导入数据",
  "data.exporting": "正在准备导出…",
  "data.importing": "正在导入…",
  "data.exported": "已导出 {count} 条记录。",
  "data.imported": "已导入 {added} 条记录；跳过 {skipped} 条已存在或无效的记录。",
  "data.importErrors": "跳过内容详情",
};
