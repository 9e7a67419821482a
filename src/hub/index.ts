/**
 * What the régie core may use of the hub: src/main imports src/hub through this file only (eslint
 * refuses any other path), and src/hub never imports src/main. The rest of src/hub is the hub's own.
 * - the options the core passes to the embedded hub: its port, its database file, its limits;
 * - the hub process: its entry and the IPC contract both ends validate;
 * - the hub inside the core's own process (`--hub-in-process`, for bench/take's comparison only);
 * - the RGPD purge of a hub database found in the régie's data folder.
 */
export { DEFAULT_HUB_PORT, HUB_DB_FILE, type PartialHubLimits, partialHubLimitsSchema } from './options';
export { hubChildSource } from './child-entry';
export {
  type HubFailed,
  type HubReady,
  type HubStartOptions,
  type HubToParent,
  hubToParentSchema,
  type ParentToHub,
} from './child-messages';
export { startHub } from './hub';
export { checkHubDb, type HubPurgeCounts, purgeHubTables } from './hub-purge';
