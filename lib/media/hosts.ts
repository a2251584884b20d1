// Where SiliconFlow and GLM serve generated files. No `server-only` here: the live check script
// and the replay tests judge result links with the same rule the downloader applies.

/**
 * The providers' own domains, with every subdomain: only the provider can put a host there
 * (aigc-files.bigmodel.cn serves older CogView and CogVideoX results).
 */
const PROVIDER_DOMAINS = ["siliconflow.cn", "siliconflow.com", "bigmodel.cn", "chatglm.cn"];

/**
 * Shared cloud storage: anyone can rent a bucket on *.aliyuncs.com or *.ufileos.com, so only the
 * providers' own buckets count, as `<bucket>.<region>.<domain>` in whole labels. Sources: result
 * links in public captures (see tests/unit/media-hosts.test.ts for the table):
 * - sc-maas.oss-cn-shanghai.aliyuncs.com: SiliconFlow image results (2025 onward);
 * - sf-maas-uat-prod.oss-cn-shanghai.aliyuncs.com: SiliconFlow's earlier results and docs samples;
 * - maas-watermark-prod(-new).cn-wlcb.ufileos.com: GLM CogView and CogVideoX results (2025-09 onward).
 */
const PROVIDER_BUCKETS: readonly { bucket: string; region: RegExp; domain: string }[] = [
  { bucket: "sc-maas", region: /^oss-[a-z]{2}-[a-z0-9-]+$/, domain: "aliyuncs.com" },
  { bucket: "sf-maas-uat-prod", region: /^oss-[a-z]{2}-[a-z0-9-]+$/, domain: "aliyuncs.com" },
  { bucket: "maas-watermark-prod", region: /^cn-[a-z0-9]+$/, domain: "ufileos.com" },
  { bucket: "maas-watermark-prod-new", region: /^cn-[a-z0-9]+$/, domain: "ufileos.com" },
];

/** Whether a host name is where SiliconFlow or GLM serve generated files; compared in whole labels. */
export function isProviderMediaHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (PROVIDER_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`))) return true;
  const labels = h.split(".");
  return PROVIDER_BUCKETS.some(
    (b) =>
      labels.length === 2 + b.domain.split(".").length &&
      labels[0] === b.bucket &&
      b.region.test(labels[1] ?? "") &&
      labels.slice(2).join(".") === b.domain,
  );
}
