// Types of the response builders, for the TypeScript unit tests that use them.
export function withLuhn(digits22: string): string;
export function arnFor(isoDate: string): string;
export function refundDetailBody(o: Record<string, unknown>): unknown;
export function refundListBody(cases: Record<string, unknown>[]): unknown;
