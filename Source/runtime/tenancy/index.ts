export { TenantId } from './TenantId.js';
