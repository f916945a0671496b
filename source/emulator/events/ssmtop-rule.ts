import {EVENT_SOURCE, EXECUTION_DETAIL_TYPE, STEP_DETAIL_TYPE} from './automation-events.js';
import type {EventPattern} from './pattern.js';

/** The queue that, at start, receives every account's events, as an organisation's event bus would send them. */
export const EVENTS_QUEUE_NAME = 'ssmtop-events';

/** The rule README's CloudFormation template sets up (a test holds the two together). */
export const ssmtopEventPattern: EventPattern = {
	source: [EVENT_SOURCE],
	'detail-type': [EXECUTION_DETAIL_TYPE, STEP_DETAIL_TYPE],
};
