// The list lives beside its type in types.ts; kept as a module so that importers need no change.
export { templateKinds } from './types.ts';
