import { describe, expect, it } from "vitest";
import { accountOverview, consoleUrl } from "@/lib/providers/account";
import { withSimulatedProviders } from "./simulated-providers";

// Settings' provider states against the simulator over HTTP: the key is checked with /models, the
// balance comes from /user/info where it still answers, and a retired endpoint is a note, not an error.

const { control } = withSimulatedProviders({ env: { UPSTREAM_FIRST_BYTE_TIMEOUT_MS: "5000" } });

const byProvider = async () => {
  const { providers } = await accountOverview();
  return Object.fromEntries(providers.map((p) => [p.provider, p]));
};

describe("accountOverview", () => {
  it("reports both providers ok from their model lists, and the retired balance as a note", async () => {
    const { siliconflow, glm } = await byProvider();
    expect(siliconflow).toMatchObject({ status: "ok", state: "configured", balanceNote: "retired" });
    expect(siliconflow?.balance).toBeUndefined();
    expect(siliconflow?.error).toBeUndefined();
    expect(siliconflow?.balanceError).toBeUndefined();
    expect(siliconflow?.consoleUrl).toBe("https://cloud.siliconflow.cn/expensebill");
    expect(glm).toMatchObject({
      status: "ok",
      balanceNote: "none",
      consoleUrl: "https://open.bigmodel.cn/finance/overview",
    });
    const paths = (await control.log()).map((e) => `${e.provider} ${e.path}`);
    expect(paths).toEqual(expect.arrayContaining(["siliconflow /models", "glm /models", "siliconflow /user/info"]));
  });

  it("shows the balance where the endpoint still answers", async () => {
    await control.config({ userInfo: "balance" });
    const { siliconflow } = await byProvider();
    expect(siliconflow?.status).toBe("ok");
    expect(siliconflow?.balance).toEqual({
      name: "Demo User",
      balance: "88.50",
      chargeBalance: "10.00",
      totalBalance: "98.50",
    });
    expect(siliconflow?.balanceNote).toBeUndefined();
  });

  it("reads a 404 from the balance endpoint as retired too", async () => {
    await control.fault({ fault: "not-found-text", path: "/user/info" });
    expect((await byProvider()).siliconflow?.balanceNote).toBe("retired");
  });

  it("is failing when the key check fails, with the provider's reason", async () => {
    await control.fault({ fault: "unauthorized", path: "/models", provider: "glm" });
    const { glm, siliconflow } = await byProvider();
    expect(glm).toMatchObject({ status: "failing", state: "failing" });
    expect(glm?.error?.code).toBe("invalid_key");
    expect(siliconflow?.status).toBe("ok");
  });

  it("keeps a working key ok when only the balance fails, and says why the balance is missing", async () => {
    await control.config({ userInfo: "balance" });
    await control.fault({ fault: "balance", path: "/user/info" });
    const { siliconflow } = await byProvider();
    expect(siliconflow?.status).toBe("ok");
    expect(siliconflow?.balanceError?.code).toBe("insufficient_balance");
  });
});

describe("consoleUrl", () => {
  it.each([
    ["https://api.siliconflow.cn/v1", "https://cloud.siliconflow.cn/expensebill"],
    ["https://api.siliconflow.com/v1", "https://cloud.siliconflow.com/"],
    ["https://api.ap.siliconflow.com/v1", "https://cloud.siliconflow.com/"],
    ["http://127.0.0.1:4010/siliconflow/v1", "https://cloud.siliconflow.cn/expensebill"],
  ])("SiliconFlow at %s → %s", (base, url) => {
    expect(consoleUrl("siliconflow", base)).toBe(url);
  });
});
