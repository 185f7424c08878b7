export { type AcquireOptions, acquireSnapshot, DEFAULT_REVISION } from "./acquire/acquire-snapshot.js";
export { acquireTrainingData, type TrainingDataOptions } from "./acquire/acquire-training-data.js";
export {
  type FetchSnapshotOptions,
  fetchEvidence,
  fetchModelInfo,
  fetchModelSnapshot,
} from "./acquire/hub/fetch-model-snapshot.js";
export { HubError, type HubErrorKind } from "./acquire/hub/hub-error.js";
export { ReferenceDataError, shippedReferences } from "./acquire/reference-data.js";
export { FsSnapshotStore } from "./acquire/store/fs-snapshot-store.js";
export type { SnapshotStore, StoredRef } from "./acquire/store/snapshot-store.js";
export { getCatalog } from "./catalog/catalog.js";
export { type CheckOptions, checkModel, decideVerdict } from "./evaluate/check-model.js";
export { findingInfo } from "./findings/finding-info.js";
export { type ParsedPolicy, type PolicyIssue, type PolicySource, parsePolicy } from "./policy/parse-policy.js";
export type { Policy } from "./policy/policy.js";
export { formatFindingMessage } from "./report/format-message.js";
export { formatJson, JSON_SCHEMA_VERSION } from "./report/json.js";
export { formatText } from "./report/text.js";
export { type CheckRefOptions, checkRef, checkRefs, type RefOutcome } from "./run/check-refs.js";
export type * from "./types/finding.js";
export { type ModelRef, parseModelRef, parseRepoRef, type RepoType } from "./types/repo-ref.js";
export type * from "./types/result.js";
export type * from "./types/snapshot.js";
export type * from "./types/training-data.js";
