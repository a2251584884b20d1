import { en } from "../i18n/messages/chat";
import { zh } from "../i18n/messages/zh/chat";
import type { Question } from "./text";

// Answers to the empty chat's four starter prompts (components/chat/starter-prompts.tsx), so the demo
// shows what a real model does with them: a reasoning trace, a table with math and code, a picture
// described, a long sectioned answer. Recognised by the exact prompt text in either language, so no
// other question (and no existing fixture) changes its answer.

type StarterKind = "reasoning" | "table" | "vision" | "long";

interface StarterReply {
  kind: StarterKind;
  /** The trace a thinking model streams first; the generic trace is used when absent. */
  reasoning?: string;
  content: string;
}

const KINDS: StarterKind[] = ["reasoning", "table", "vision", "long"];

function starterOf(text: string): { kind: StarterKind; zh: boolean } | undefined {
  const asked = text.trim();
  for (const kind of KINDS) {
    const key = `chat.starter.${kind}.prompt` as const;
    if (asked === en[key]) return { kind, zh: false };
    if (asked === zh[key]) return { kind, zh: true };
  }
  return undefined;
}

/** The scripted answer when `question` is one of the starters, else undefined. */
export function starterReply(question: Question): StarterReply | undefined {
  const starter = starterOf(question.text);
  if (!starter) return undefined;
  const text = (starter.zh ? ZH : EN)[starter.kind];
  // The vision starter without its picture (a model that cannot see, or the image removed): say so.
  if (starter.kind === "vision" && question.images === 0) {
    return { kind: "vision", content: starter.zh ? ZH.noImage : EN.noImage };
  }
  return { kind: starter.kind, ...text };
}

interface Texts {
  reasoning: { reasoning: string; content: string };
  table: { content: string };
  vision: { content: string };
  long: { content: string };
  noImage: string;
}

const FENCE = "```";

const EN_MERGE_SORT = `${FENCE}python
def merge_sort(items: list[int]) -> list[int]:
    """Sorts a list in O(n log n) time by splitting it and merging the sorted halves."""
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]

print(merge_sort([5, 2, 9, 1, 5, 6]))  # [1, 2, 5, 5, 6, 9]
${FENCE}`;

const EN: Texts = {
  reasoning: {
    reasoning:
      "Let the ball cost x dollars. The bat costs 1.00 dollar more, so the bat costs x + 1.00. " +
      "Together they cost 1.10, so x + (x + 1.00) = 1.10. " +
      "That gives 2x + 1.00 = 1.10, so 2x = 0.10 and x = 0.05. " +
      "The quick answer people give is 0.10, so let me check it: a 0.10 ball and a 1.10 bat cost 1.20, not 1.10. Wrong. " +
      "Check 0.05: the bat is 1.05, and 1.05 − 0.05 = 1.00, the stated difference; 1.05 + 0.05 = 1.10, the stated total. " +
      "Both conditions hold, so the ball costs 0.05 dollars.",
    content:
      "## The ball costs 5 cents\n\n" +
      "Let the ball cost $x$. The bat costs one dollar more, $x + 1.00$, and together they cost $1.10$:\n\n" +
      "$$\nx + (x + 1.00) = 1.10 \\quad\\Rightarrow\\quad 2x = 0.10 \\quad\\Rightarrow\\quad x = 0.05\n$$\n\n" +
      "**Check:** the bat costs 1.05 dollars, which is 1.00 more than the ball, and 1.05 + 0.05 = 1.10.\n\n" +
      "The tempting answer, 10 cents, fails the check: the bat would then cost 1.10 and the pair 1.20.",
  },
  table: {
    content:
      "## Three ways to sort\n\n" +
      "| Algorithm | Best | Average | Worst | Extra memory | Stable |\n" +
      "|---|---|---|---|---|---|\n" +
      "| Bubble sort | $O(n)$ | $O(n^2)$ | $O(n^2)$ | $O(1)$ | yes |\n" +
      "| Merge sort | $O(n \\log n)$ | $O(n \\log n)$ | $O(n \\log n)$ | $O(n)$ | yes |\n" +
      "| Quicksort | $O(n \\log n)$ | $O(n \\log n)$ | $O(n^2)$ | $O(\\log n)$ | no |\n\n" +
      "Merge sort halves the list and merges the halves in linear time, so its running time follows\n\n" +
      "$$\nT(n) = 2\\,T\\!\\left(\\frac{n}{2}\\right) + O(n) \\;\\Rightarrow\\; T(n) = O(n \\log n)\n$$\n\n" +
      "Quicksort is usually fastest in practice, but a bad pivot on every split gives the $O(n^2)$ worst case.\n\n" +
      `${EN_MERGE_SORT}\n\n` +
      "Bubble sort is only worth it for tiny or almost sorted lists.",
  },
  vision: {
    content:
      "## A countryside scene\n\n" +
      "The picture is a simple, flat illustration of a sunny day in the country:\n\n" +
      "- **In the middle** stands a small cream-coloured house with a **red pointed roof**, a brown door and two light-blue windows.\n" +
      "- **To the right** is a round green **tree** with a brown trunk.\n" +
      "- **Above**, a bright **yellow sun** shines in the top right corner of a clear blue sky with three white clouds.\n" +
      "- **Below**, two bands of rolling **green hills** fill the ground, with a couple of small pink flowers on the left.\n\n" +
      "There are no people or text in the image. The style is clean vector art with flat colours, like a children's book.",
  },
  long: {
    content: [
      "# From a URL to pixels\n\nWhat a browser does between pressing Enter and seeing a page, in seven steps.",
      "## 1. Parsing the URL\n\nThe browser splits the address into a **scheme** (`https`), a **host** (`example.com`), a path and a query. " +
        "Text that is not a URL goes to the search engine instead. It checks the HSTS list so `http` becomes `https` before anything is sent.",
      "## 2. Finding the server: DNS\n\nThe host name is turned into an IP address. The browser asks its own cache, then the operating system, " +
        "then a resolver, which may walk from the root servers to the `.com` servers to the domain's own name servers.\n\n" +
        "- Cached answers live as long as their **TTL** says.\n- Modern browsers may use DNS over HTTPS.",
      "## 3. Connecting: TCP, TLS and HTTP\n\nA TCP connection needs one round trip, and TLS 1.3 adds one more to agree on keys and check the " +
        "server's certificate. With HTTP/3 both happen together over QUIC. The browser then sends the request:\n\n" +
        `${FENCE}http\nGET / HTTP/2\nHost: example.com\nAccept: text/html\nAccept-Language: en\n${FENCE}`,
      "## 4. The response\n\nThe server answers with a status code, headers and the HTML body, often compressed with gzip or Brotli. " +
        "Headers decide caching (`Cache-Control`), security (`Content-Security-Policy`) and cookies.",
      "## 5. Parsing: DOM and CSSOM\n\nThe HTML is parsed into the **DOM** tree as it streams in. Stylesheets become the **CSSOM**. " +
        "Scripts without `async` or `defer` pause parsing, which is why they belong at the end or carry those attributes. " +
        "A preload scanner fetches images and styles it sees ahead.",
      "## 6. Style, layout and paint\n\n1. **Style:** every element gets its computed style from the matching CSS rules.\n" +
        "2. **Layout:** the browser works out each box's size and position.\n" +
        "3. **Paint:** boxes become drawing commands — text, colours, borders, images — in layers.\n\n" +
        "Changing a box's size triggers layout again; changing only its colour needs paint alone.",
      "## 7. Compositing\n\nLayers are rasterised, often on the GPU, and the compositor stacks them into the final frame. " +
        "Scrolling and `transform` animations can run here without layout or paint, which keeps them smooth at 60 frames a second.",
      "## In short\n\n| Step | Main cost |\n|---|---|\n| DNS | a network round trip |\n| TCP + TLS | one or two round trips |\n" +
        "| Download | bandwidth and server time |\n| Parse, style, layout | main-thread CPU |\n| Paint, composite | CPU and GPU |\n\n" +
        "Most of the wait on a first visit is the network; on later visits caches make rendering the larger share.",
    ].join("\n\n"),
  },
  noImage: "I don't see a picture in your message. Attach an image and ask again, and I will describe it.",
};

const ZH_MERGE_SORT = EN_MERGE_SORT.replace(
  "Sorts a list in O(n log n) time by splitting it and merging the sorted halves.",
  "把列表一分为二，分别排序后再合并，时间复杂度 O(n log n)。",
);

const ZH: Texts = {
  reasoning: {
    reasoning:
      "设球的价格为 x 元，球拍比球贵 1.00 元，所以球拍是 x + 1.00 元。" +
      "两者一共 1.10 元，所以 x + (x + 1.00) = 1.10。" +
      "化简得 2x + 1.00 = 1.10，2x = 0.10，x = 0.05。" +
      "很多人脱口而出 0.10 元，验证一下：球 0.10 元、球拍 1.10 元，合计 1.20 元，不对。" +
      "再验证 0.05：球拍 1.05 元，比球贵 1.00 元，合计 1.10 元，两个条件都满足。所以球是 0.05 元。",
    content:
      "## 球的价格是 5 分钱\n\n" +
      "设球的价格为 $x$，球拍比球贵一元，即 $x + 1.00$，两者合计 $1.10$：\n\n" +
      "$$\nx + (x + 1.00) = 1.10 \\quad\\Rightarrow\\quad 2x = 0.10 \\quad\\Rightarrow\\quad x = 0.05\n$$\n\n" +
      "**验证：** 球拍 1.05 元，比球贵 1.00 元；1.05 + 0.05 = 1.10。\n\n" +
      "直觉答案“1 角”经不起验证：那样球拍要 1.10 元，合计 1.20 元。",
  },
  table: {
    content:
      "## 三种排序算法\n\n" +
      "| 算法 | 最好 | 平均 | 最坏 | 额外空间 | 稳定 |\n" +
      "|---|---|---|---|---|---|\n" +
      "| 冒泡排序 | $O(n)$ | $O(n^2)$ | $O(n^2)$ | $O(1)$ | 是 |\n" +
      "| 归并排序 | $O(n \\log n)$ | $O(n \\log n)$ | $O(n \\log n)$ | $O(n)$ | 是 |\n" +
      "| 快速排序 | $O(n \\log n)$ | $O(n \\log n)$ | $O(n^2)$ | $O(\\log n)$ | 否 |\n\n" +
      "归并排序每次把列表对半分，再用线性时间合并，所以运行时间满足\n\n" +
      "$$\nT(n) = 2\\,T\\!\\left(\\frac{n}{2}\\right) + O(n) \\;\\Rightarrow\\; T(n) = O(n \\log n)\n$$\n\n" +
      "快速排序在实际中通常最快，但如果每次都选到很差的基准，会退化到 $O(n^2)$。\n\n" +
      `${ZH_MERGE_SORT}\n\n` +
      "冒泡排序只适合很小或几乎有序的列表。",
  },
  vision: {
    content:
      "## 一幅乡村风景\n\n" +
      "这是一张简洁的扁平风格插画，画的是晴天的乡村：\n\n" +
      "- **中间**是一座米色的小房子，**红色尖屋顶**，一扇棕色的门和两扇浅蓝色的窗户。\n" +
      "- **右边**有一棵圆圆的绿**树**，树干是棕色的。\n" +
      "- **上方**是晴朗的蓝天，右上角挂着明亮的**黄色太阳**，还有三朵白云。\n" +
      "- **下方**是两层起伏的**绿色山丘**，左边点缀着两朵粉色小花。\n\n" +
      "画面里没有人物和文字，色彩平涂，像儿童绘本的风格。",
  },
  long: {
    content: [
      "# 从网址到像素\n\n从按下回车到看到页面，浏览器做了七件事。",
      "## 1. 解析网址\n\n浏览器把地址拆成**协议**（`https`）、**主机**（`example.com`）、路径和查询参数。不是网址的文字会交给搜索引擎。" +
        "它还会查 HSTS 列表，在发出请求之前把 `http` 换成 `https`。",
      "## 2. 找到服务器：DNS\n\n主机名要先换成 IP 地址。浏览器依次查自己的缓存、操作系统和解析服务器，后者可能从根服务器一路问到 `.com` 服务器，" +
        "再问到域名自己的权威服务器。\n\n- 缓存的结果按 **TTL** 保存。\n- 现代浏览器可以使用 DNS over HTTPS。",
      "## 3. 建立连接：TCP、TLS 与 HTTP\n\nTCP 连接需要一次往返，TLS 1.3 再加一次往返来协商密钥并校验证书。HTTP/3 通过 QUIC 把两者合在一起。然后浏览器发出请求：\n\n" +
        `${FENCE}http\nGET / HTTP/2\nHost: example.com\nAccept: text/html\nAccept-Language: zh-CN\n${FENCE}`,
      "## 4. 响应\n\n服务器返回状态码、响应头和 HTML 正文，正文通常经过 gzip 或 Brotli 压缩。响应头决定缓存（`Cache-Control`）、安全策略（`Content-Security-Policy`）和 Cookie。",
      "## 5. 解析：DOM 与 CSSOM\n\nHTML 边下载边解析成 **DOM** 树，样式表解析成 **CSSOM**。没有 `async` 或 `defer` 的脚本会暂停解析，" +
        "所以脚本应放在末尾或加上这些属性。预加载扫描器会提前下载它看到的图片和样式。",
      "## 6. 样式、布局与绘制\n\n1. **样式：** 每个元素根据匹配的 CSS 规则得到计算样式。\n2. **布局：** 计算每个盒子的大小和位置。\n" +
        "3. **绘制：** 把盒子变成绘制指令——文字、颜色、边框、图片——分层记录。\n\n改变盒子尺寸会重新布局；只改颜色只需要重新绘制。",
      "## 7. 合成\n\n各图层被光栅化（通常在 GPU 上），合成器把它们叠成最终的一帧。滚动和 `transform` 动画可以只在这一步完成，不必重新布局和绘制，因此能保持每秒 60 帧的流畅。",
      "## 小结\n\n| 步骤 | 主要开销 |\n|---|---|\n| DNS | 一次网络往返 |\n| TCP + TLS | 一到两次往返 |\n| 下载 | 带宽和服务器时间 |\n" +
        "| 解析、样式、布局 | 主线程 CPU |\n| 绘制、合成 | CPU 与 GPU |\n\n首次访问时大部分等待花在网络上；再次访问时有缓存，渲染所占的比例更大。",
    ].join("\n\n"),
  },
  noImage: "你的消息里没有图片。请附上一张图片再问一次，我会描述它。",
};
