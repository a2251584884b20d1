// The provider keys the e2e servers run with. Distinctive strings, so a test can prove
// that none of them ever reaches the browser, a response or a log line.
export const E2E_SILICONFLOW_KEY = "test-key-sf-e2e-8c3d1e7a5b";
export const E2E_GLM_KEY = "test-key-glm-e2e-4b7d2f9c1a";
export const E2E_KEYS = [E2E_SILICONFLOW_KEY, E2E_GLM_KEY];
