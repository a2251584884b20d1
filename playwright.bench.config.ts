import base from "./playwright.config";

// The browser benchmarks reuse the e2e servers; run through `npm run bench history`.
export default { ...base, testDir: "tests/bench", retries: 0, projects: base.projects?.slice(0, 1) };
