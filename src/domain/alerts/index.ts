/**
 * Rapid response alerts, drills and the expiry of their sealed parts: what
 * screens and use cases import, so they need not know how the folder is split.
 */
export { alertCoverage, alertsOverview } from './coverage';
export type { AlertsOverview, Call, Coverage, ForgedAlert } from './coverage';
export { checkAlerts } from './check';
export type { CheckedAlerts } from './check';
export { drillHistory } from './drills';
export { alertExpiry, courtDateExpiry, DEFAULT_ALERT_LIFETIME_MS, expiryPlan, isExpired } from './expiry';
export type { CourtDate, DropItem, ExpiringItem, ExpiryPlan, ReachRecords } from './expiry';
export type * from './types';
