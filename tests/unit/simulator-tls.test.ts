import { createSecureContext } from "node:tls";
import { describe, expect, it } from "vitest";
import { derInteger, selfSignedCertificate } from "@/lib/simulator/tls";

// The simulator's own certificate for the providers' media hosts: its DER must be what OpenSSL
// accepts every time, whatever random serial it draws.

describe("the simulator's certificate", () => {
  it.each([
    [[0x00, 0x10], "020110"],
    [[0x00, 0x00, 0x05], "020105"],
    [[0x00, 0x90], "02020090"],
    [[0x90], "02020090"],
    [[0x7f, 0x00], "02027f00"],
    [[0x00], "020100"],
  ])("encodes %j as the minimal positive INTEGER %s", (bytes, hex) => {
    expect(derInteger(Buffer.from(bytes)).toString("hex")).toBe(hex);
  });

  it("loads in a TLS context for any serial (512 fresh certificates)", () => {
    for (let i = 0; i < 512; i++) {
      const { key, cert } = selfSignedCertificate(["sc-maas.oss-cn-shanghai.aliyuncs.com"]);
      expect(() => createSecureContext({ key, cert })).not.toThrow();
    }
  });
});
