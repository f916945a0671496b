/** An error the emulator answers with; each protocol (JSON 1.1, Query) writes it in its own shape. */
export class ServiceError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly statusCode = 400,
		/** Further members of the error shape (Organizations' InvalidInputException has a Reason). */
		readonly extra: Readonly<Record<string, string>> = {},
	) {
		super(message);
		this.name = code;
	}
}

export const errors = {
	validation: (message: string) => new ServiceError('ValidationException', message),
	serialization: (message: string) => new ServiceError('SerializationException', message),
	unknownOperation: (message: string) => new ServiceError('UnknownOperationException', message),
	internal: (message = 'An internal error occurred.') => new ServiceError('InternalServerError', message, 500),
	accessDenied: (message: string) => new ServiceError('AccessDenied', message, 403),
	throttling: () => new ServiceError('ThrottlingException', 'Rate exceeded'),
	expiredToken: () => new ServiceError('ExpiredTokenException', 'The security token included in the request is expired'),
	/** A session key the emulator never issued, or one sent without its session token (STS names it InvalidClientTokenId). */
	invalidToken: () => new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
	regionDown: (region: string) => new ServiceError('ServiceUnavailableException', `Service unavailable in ${region} (emulated outage).`, 503),
	executionNotFound: (id: string) => new ServiceError('AutomationExecutionNotFoundException', `Automation execution ${id} not found.`),
	definitionNotFound: (name: string) => new ServiceError('AutomationDefinitionNotFoundException', `Automation definition ${name} not found.`),
	definitionVersionNotFound: (name: string, version: string) =>
		new ServiceError('AutomationDefinitionVersionNotFoundException', `Automation definition ${name} version ${version} not found.`),
	invalidParameters: (message: string) => new ServiceError('InvalidAutomationExecutionParametersException', message),
	limitExceeded: (message: string) => new ServiceError('AutomationExecutionLimitExceededException', message),
	idempotentMismatch: () => new ServiceError('IdempotentParameterMismatch', 'The ClientToken was used before with different parameters.'),
	invalidTarget: (message: string) => new ServiceError('InvalidTarget', message),
	invalidFilterKey: (key: string) => new ServiceError('InvalidFilterKey', `The filter key ${key} isn't valid.`),
	invalidFilterValue: (message: string) => new ServiceError('InvalidFilterValue', message),
	invalidNextToken: () => new ServiceError('InvalidNextToken', "The specified token isn't valid."),
	invalidStatusUpdate: (message: string) => new ServiceError('InvalidAutomationStatusUpdateException', message),
	invalidSignal: (message: string) => new ServiceError('InvalidAutomationSignalException', message),
	stepNotFound: (message: string) => new ServiceError('AutomationStepNotFoundException', message),
	invalidDocument: (name: string) => new ServiceError('InvalidDocument', `Document with name ${name} does not exist.`),
	invalidDocumentVersion: (message: string) => new ServiceError('InvalidDocumentVersion', message),
	invalidResourceType: (message: string) => new ServiceError('InvalidResourceType', message),
	invalidResourceId: (message: string) => new ServiceError('InvalidResourceId', message),
	tooManyTags: (message: string) => new ServiceError('TooManyTagsError', message),
};
