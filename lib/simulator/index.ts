// An offline SiliconFlow + Zhipu GLM server over real HTTP, speaking the providers' wire format
// (shared/upstream-contract.md) for demo mode, unit tests and end-to-end tests.
export { SIM_TRANSCRIPT } from "./audio";
export { DEFAULT_SIM_CONFIG, type SimConfig } from "./config";
export { type SimControl, simControl } from "./control-client";
export { FAULT_KINDS, type FaultKind, type FaultSpec } from "./faults";
export type { LogEntry, LogProvider, MultipartSummary, SimProvider } from "./log";
export { type RunningSimulator, type StartOptions, startSimulator } from "./server";
