/** The refresh loop: createPoller({store, api, clock?, random?, intervalMs?, detailIntervalMs?, pageCap?, backoff?, requestTimeoutMs?}), told what to watch by store/refresh-plan.ts. */
export {
	createPoller,
	clampInterval,
	MIN_INTERVAL_MS,
	DEFAULT_INTERVAL_MS,
	DEFAULT_PAGE_CAP,
	DEFAULT_RESYNC_INTERVAL_MS,
	type Poller,
	type PollerOptions,
} from './create-poller.js';
export {createEventsConsumer, type EventsConsumer, type EventsConsumerOptions} from './events-consumer.js';
export {systemClock, type PollerClock} from './clock.js';
