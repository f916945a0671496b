/**
 * An SQS error, in both protocols' terms: the JSON protocol names the modeled shape
 * (`__type: com.amazonaws.sqs#QueueDoesNotExist`) and repeats the Query code in the
 * `x-amzn-query-error` header (SQS is "awsQueryCompatible"); the Query protocol sends the code.
 */
export class SqsError extends Error {
	constructor(
		/** The JSON protocol's shape name. */
		readonly type: string,
		/** The Query protocol's code (also in x-amzn-query-error). */
		readonly queryCode: string,
		message: string,
		readonly statusCode = 400,
		readonly senderFault = true,
	) {
		super(message);
		this.name = type;
	}
}

export const sqsErrors = {
	nonExistentQueue: () => new SqsError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.'),
	queueNameExists: (name: string) =>
		new SqsError('QueueNameExists', 'QueueAlreadyExists', `A queue already exists with the same name and a different value for attribute(s): ${name}`),
	invalidParameter: (message: string) => new SqsError('InvalidParameterValueException', 'InvalidParameterValue', message),
	missingParameter: (name: string) => new SqsError('MissingRequiredParameterException', 'MissingParameter', `The request must contain the parameter ${name}.`),
	invalidAttributeName: (name: string) => new SqsError('InvalidAttributeName', 'InvalidAttributeName', `Unknown Attribute ${name}.`),
	receiptHandleInvalid: (handle: string) =>
		new SqsError('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The input receipt handle "${handle.slice(0, 80)}" is not a valid receipt handle.`),
	messageNotInflight: () => new SqsError('MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 'The message referred to is not in flight.'),
	emptyBatch: () =>
		new SqsError(
			'EmptyBatchRequest',
			'AWS.SimpleQueueService.EmptyBatchRequest',
			'There should be at least one DeleteMessageBatchRequestEntry in the request.',
		),
	tooManyEntries: (count: number) =>
		new SqsError(
			'TooManyEntriesInBatchRequest',
			'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
			`Maximum number of entries per request are 10. You have sent ${count}.`,
		),
	idsNotDistinct: (id: string) => new SqsError('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', `Id ${id} repeated.`),
	invalidBatchEntryId: (id: string) =>
		new SqsError(
			'InvalidBatchEntryId',
			'AWS.SimpleQueueService.InvalidBatchEntryId',
			`A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long: ${id.slice(0, 80)}`,
		),
	unknownOperation: (name: string) =>
		new SqsError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', `The action ${name} is not valid for this endpoint.`),
	invalidAction: (name: string) => new SqsError('InvalidAction', 'InvalidAction', `The action ${name} is not valid for this endpoint.`),
	malformed: (message: string) => new SqsError('SerializationException', 'MalformedQueryString', message),
	throttled: () => new SqsError('RequestThrottled', 'RequestThrottled', 'Request is throttled. (emulated fault)', 403),
	accessDenied: () =>
		new SqsError('AccessDeniedException', 'AccessDenied', 'Access to the resource https://sqs.amazonaws.com/ is denied. (emulated fault)', 403),
	internal: () => new SqsError('InternalError', 'InternalError', 'We encountered an internal error. Please try again.', 500, false),
};
