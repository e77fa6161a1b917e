/** The tenant of the development defaults and of the tutorials (`TenantId.development` in the SDK). */
export const developmentTenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
