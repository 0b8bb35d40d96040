/** Where the candidate is in the wait: decided with the rest of the outcome in outcome.ts. */
export { waitState } from './outcome.ts';
