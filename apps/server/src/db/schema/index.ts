export * from './tenants.ts';
export * from './org.ts';
export * from './people.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './files.ts';
