/**
 * A request's canonical form, for ClientToken idempotency: members in sorted key order, and an
 * absent member the same as an explicit null (the JSON protocol does not tell them apart: SDKs
 * leave members out, some clients send null). Lists keep their order, which is part of their meaning.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const members = Object.entries(value as Record<string, unknown>)
			.filter(([, member]) => member !== null && member !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value);
}
