/**
 * Service refusals of an action, in words: what was refused, the exception's
 * name (people search for it), what it usually means, and the service's own
 * message. Network and credential problems reuse the monitor's wording.
 */
import {ActionError} from '../../core/ports.js';
import {classifyError} from '../classify-error.js';

const MEANING: Readonly<Record<string, string>> = {
	InvalidAutomationExecutionParametersException: "the parameters don't match what the runbook accepts",
	InvalidTarget: 'a target or target location is not valid',
	AutomationDefinitionNotFoundException: 'no runbook has that name here (or it is not shared with this account)',
	AutomationDefinitionVersionNotFoundException: 'the runbook has no such version',
	IdempotentParameterMismatch: 'this form already started a run with different values; check the list before starting another',
	AutomationExecutionLimitExceededException: 'too many automations are running or queued in this account and Region; try again later',
	AutomationExecutionNotFoundException: 'the execution does not exist in this account and Region',
	InvalidAutomationStatusUpdateException: 'the execution cannot be stopped in its current state (it may have finished already)',
	InvalidAutomationSignalException: 'the execution does not accept this signal in its current state',
	AutomationStepNotFoundException: 'the execution has no such step',
	InvalidDocument: 'the document does not exist',
	InvalidDocumentVersion: 'the document has no such version',
	ValidationException: "the request breaks one of SSM's rules",
	ThrottlingException: 'SSM is throttling requests; try again in a moment',
	InternalServerError: 'SSM had an internal error; try again',
};

interface ServiceErrorLike {
	readonly name?: unknown;
	readonly message?: unknown;
	readonly $metadata?: unknown;
}

function serviceName(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const candidate = error as ServiceErrorLike;
	// Only errors that came back from the service carry $metadata and a $fault.
	if (candidate.$metadata === undefined || !('$fault' in candidate)) return undefined;
	return typeof candidate.name === 'string' ? candidate.name : undefined;
}

export function describeActionError(error: unknown, what: string, region: string): ActionError {
	const exception = serviceName(error);
	if (exception === undefined || exception === 'CredentialsProviderError') {
		return new ActionError(classifyError(error, {operation: what, region}).message, undefined, {cause: error});
	}
	const serviceMessage = typeof (error as ServiceErrorLike).message === 'string' ? ((error as ServiceErrorLike).message as string).trim() : '';
	const meaning = MEANING[exception];
	const detail = serviceMessage && serviceMessage !== 'UnknownError' ? ` (SSM says: ${serviceMessage})` : '';
	return new ActionError(`Could not ${what} in ${region}: ${exception}${meaning ? ` — ${meaning}` : ''}.${detail}`, exception, {cause: error});
}
