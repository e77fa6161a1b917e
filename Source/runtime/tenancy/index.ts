export type { Tenant } from './Tenant.js';
export { TenantId } from './TenantId.js';
export { Tenants } from './Tenants.js';
export type { TenantStorage } from './TenantStorage.js';
export { registerForEveryTenant, type Refusal, type TenantCheck } from './registerForEveryTenant.js';
