// The markdown renderer's own words: copy buttons, blocked images and links, diagrams.
export const en = {
  "markdown.copy": "Copy",
  "markdown.copyCode": "Copy code",
  "markdown.copied": "Copied",
  "markdown.copyFailed": "Copy failed",
  "markdown.plainText": "text",
  "markdown.table": "Table",
  "markdown.image.load": "Load image from {host}",
  "markdown.image.loadHint":
    "Remote images are not loaded automatically, so a reply cannot send data to {host} unseen.",
  "markdown.image.blocked": "Image not shown (unsupported address): {alt}",
  "markdown.image.failed": "Image from {host} could not be loaded",
  "markdown.link.blocked": "Link removed: only http, https and mailto addresses are allowed",
  "markdown.mermaid.label": "Mermaid diagram",
  "markdown.mermaid.rendering": "Rendering diagram…",
  "markdown.mermaid.error": "The diagram could not be rendered; showing its source.",
  "markdown.mermaid.tooLarge": "This diagram is too large to draw here (over {max} lines); showing its source.",
  "markdown.mermaid.unsafe":
    "This diagram asks for custom styles, fonts, HTML or outside resources, which are not allowed; showing its source.",
  "markdown.fallback": "This reply could not be shown with formatting, so here is its text as written.",
} as const;

export type MarkdownKey = keyof typeof en;

export const zh: Record<MarkdownKey, string> = {
  "markdown.copy": "复制",
  "markdown.copyCode": "复制代码",
  "markdown.copied": "已复制",
  "markdown.copyFailed": "复制失败",
  "markdown.plainText": "文本",
  "markdown.table": "表格",
  "markdown.image.load": "加载来自 {host} 的图片",
  "markdown.image.loadHint": "远程图片不会自动加载，以免回复在你不知情时向 {host} 发送数据。",
  "markdown.image.blocked": "图片未显示（不支持的地址）：{alt}",
  "markdown.image.failed": "无法加载来自 {host} 的图片",
  "markdown.link.blocked": "链接已移除：只允许 http、https 和 mailto 地址",
  "markdown.mermaid.label": "Mermaid 图表",
  "markdown.mermaid.rendering": "正在渲染图表…",
  "markdown.mermaid.error": "图表无法渲染，显示其源代码。",
  "markdown.mermaid.tooLarge": "此图表过大（超过 {max} 行），无法在此绘制，显示其源代码。",
  "markdown.mermaid.unsafe": "此图表要求自定义样式、字体、HTML 或外部资源，这些均不允许，显示其源代码。",
  "markdown.fallback": "此回复无法按格式显示，以下是其原始文本。",
};
