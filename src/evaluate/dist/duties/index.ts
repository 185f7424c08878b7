import type { DutyCheck } from "../dist-context.js";
import { attribution } from "./attribution.js";
import { cardLicense } from "./card-license.js";
import { cardLineage } from "./card-lineage.js";
import { distributionAllowed } from "./distribution-allowed.js";
import { folderContents } from "./folder-contents.js";
import { licenseCopy } from "./license-copy.js";
import { modificationNotice } from "./modification-notice.js";
import { namePrefix } from "./name-prefix.js";
import { noticeFile } from "./notice-file.js";
import { retainNotices } from "./retain-notices.js";
import { usePolicy } from "./use-policy.js";
import { weightMetadata } from "./weight-metadata.js";

/** Every duty check, in the order reports list them: may it go out at all, the license's duties, the card, the files. */
export const dutyChecks: DutyCheck[] = [
  distributionAllowed,
  licenseCopy,
  noticeFile,
  attribution,
  namePrefix,
  usePolicy,
  modificationNotice,
  retainNotices,
  cardLicense,
  cardLineage,
  weightMetadata,
  folderContents,
];
