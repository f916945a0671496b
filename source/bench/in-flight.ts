/**
 * An api with a count of its calls in flight, so "the poller is done" is an observed fact, not a
 * sleep: every method that returns a promise counts until it settles.
 */
export function trackInFlight<Api extends object>(api: Api): {readonly api: Api; inFlight(): number} {
	let inFlight = 0;
	const wrapped = new Proxy(api, {
		get(target, property, receiver) {
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const result: unknown = (value as (...parameters: unknown[]) => unknown).apply(target, args);
				if (!(result instanceof Promise)) return result;
				inFlight++;
				return result.finally(() => {
					inFlight--;
				});
			};
		},
	});
	return {api: wrapped, inFlight: () => inFlight};
}
