import {ServiceError} from '../errors.js';
import type {StepRecord} from '../model.js';
import {seconds} from '../serialize.js';
import {commandIdOf, commandInstances, invocationOf, type Invocation} from '../engine/command-output.js';
import type {Engine} from '../engine/engine.js';
import {Checker, pattern} from '../wire/checker.js';
import {decodeToken, encodeToken} from '../wire/paging.js';
import type {Json, Operation} from './context.js';

// ListCommandInvocations and GetCommandInvocation for the commands aws:runCommand steps send
// (engine/command-output.ts). The errors are the model's: InvalidCommandId for a command this
// account and Region never sent, InvocationDoesNotExist for an instance it did not go to.

const commandIdRule = {min: 36, max: 36};
const instanceIdRule = pattern('(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)');
/** The model's maxima for the output members. */
const STDOUT_MAX = 24_000;
const STDERR_MAX = 8000;
const PLUGIN_OUTPUT_MAX = 2500;
const PLUGIN_NAME = 'aws:runShellScript';
/** ListCommandInvocations' page size when MaxResults is omitted. */
const DEFAULT_INVOCATIONS_PAGE = 50;

const invalidCommandId = () => new ServiceError('InvalidCommandId', '');
const invocationDoesNotExist = () => new ServiceError('InvocationDoesNotExist', '');
const invalidPluginName = () => new ServiceError('InvalidPluginName', '');

interface Sent {
	readonly step: StepRecord;
	readonly commandId: string;
}

function commandsOf(engine: Engine, account: string, region: string): Sent[] {
	const sent: Sent[] = [];
	for (const execution of engine.store.region(account, region).ordered) {
		for (const step of execution.steps) {
			const commandId = commandIdOf(step);
			if (commandId) sent.push({step, commandId});
		}
	}

	return sent;
}

function invocations(sent: Sent, now: number): Invocation[] {
	return commandInstances(sent.step).map((instanceId, index) => invocationOf(sent.step, sent.commandId, instanceId, index, now));
}

/** At most `max` characters, as the model allows: SSM keeps the start of longer output. */
function capped(text: string, max: number): string {
	return text.length > max ? text.slice(0, max) : text;
}

function pluginOf(invocation: Invocation): Json {
	return {
		Name: PLUGIN_NAME,
		Status: invocation.status,
		StatusDetails: invocation.statusDetails,
		ResponseCode: invocation.responseCode,
		ResponseStartDateTime: seconds(invocation.startTime),
		...(invocation.endTime === undefined ? {} : {ResponseFinishDateTime: seconds(invocation.endTime)}),
		Output: capped(invocation.stdout + invocation.stderr, PLUGIN_OUTPUT_MAX),
		StandardOutputUrl: '',
		StandardErrorUrl: '',
		OutputS3Region: '',
		OutputS3BucketName: '',
		OutputS3KeyPrefix: '',
	};
}

function listed(invocation: Invocation, details: boolean): Json {
	return {
		CommandId: invocation.commandId,
		InstanceId: invocation.instanceId,
		InstanceName: '',
		Comment: '',
		DocumentName: invocation.documentName,
		DocumentVersion: '$DEFAULT',
		RequestedDateTime: seconds(invocation.requestedAt),
		Status: invocation.status,
		StatusDetails: invocation.statusDetails,
		TraceOutput: '',
		StandardOutputUrl: '',
		StandardErrorUrl: '',
		CommandPlugins: details ? [pluginOf(invocation)] : [],
		ServiceRole: '',
		NotificationConfig: {NotificationArn: '', NotificationEvents: [], NotificationType: ''},
		CloudWatchOutputConfig: {CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false},
	};
}

export const listCommandInvocations: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const commandId = check.string(input['CommandId'], 'CommandId', commandIdRule);
	const instanceId = check.string(input['InstanceId'], 'InstanceId', instanceIdRule);
	const maxResults = check.integer(input['MaxResults'], 'MaxResults', {min: 1, max: 50}) ?? DEFAULT_INVOCATIONS_PAGE;
	const nextToken = check.string(input['NextToken'], 'NextToken');
	const details = check.boolean(input['Details'], 'Details') ?? false;
	check.finish();
	const sent = commandsOf(engine, caller.account, caller.region);
	const chosen = commandId === undefined ? sent : sent.filter(command => command.commandId === commandId);
	if (commandId !== undefined && chosen.length === 0) throw invalidCommandId();
	// Newest command first, its instances in the order the command named them.
	const all = chosen
		.reverse()
		.flatMap(command => invocations(command, engine.now))
		.filter(invocation => instanceId === undefined || invocation.instanceId === instanceId);
	const scope = {commandId, instanceId, details};
	const cursor = decodeToken(nextToken, 'ListCommandInvocations', scope);
	const offset = cursor ? Number(cursor['n']) : 0;
	const page = all.slice(offset, offset + maxResults);
	const more = offset + maxResults < all.length;
	return {
		CommandInvocations: page.map(invocation => listed(invocation, details)),
		...(more ? {NextToken: encodeToken('ListCommandInvocations', scope, {n: offset + maxResults})} : {}),
	};
};

/** StringDateTime: ISO 8601 with milliseconds, as GetCommandInvocation sends it. */
const stringDate = (ms: number): string => new Date(ms).toISOString();

export const getCommandInvocation: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const commandId = check.string(input['CommandId'], 'CommandId', {...commandIdRule, required: true})!;
	const instanceId = check.string(input['InstanceId'], 'InstanceId', {...instanceIdRule, required: true})!;
	const pluginName = check.string(input['PluginName'], 'PluginName', {min: 4});
	check.finish();
	const command = commandsOf(engine, caller.account, caller.region).find(candidate => candidate.commandId === commandId);
	if (!command) throw invalidCommandId();
	const invocation = invocations(command, engine.now).find(candidate => candidate.instanceId === instanceId);
	if (!invocation) throw invocationDoesNotExist();
	if (pluginName !== undefined && pluginName !== PLUGIN_NAME) throw invalidPluginName();
	const end = invocation.endTime ?? engine.now;
	return {
		CommandId: invocation.commandId,
		InstanceId: invocation.instanceId,
		Comment: '',
		DocumentName: invocation.documentName,
		DocumentVersion: '$DEFAULT',
		PluginName: PLUGIN_NAME,
		ResponseCode: invocation.responseCode,
		ExecutionStartDateTime: stringDate(invocation.startTime),
		ExecutionElapsedTime: `PT${((end - invocation.startTime) / 1000).toFixed(3)}S`,
		...(invocation.endTime === undefined ? {} : {ExecutionEndDateTime: stringDate(invocation.endTime)}),
		Status: invocation.status,
		StatusDetails: invocation.statusDetails,
		StandardOutputContent: capped(invocation.stdout, STDOUT_MAX),
		StandardOutputUrl: '',
		StandardErrorContent: capped(invocation.stderr, STDERR_MAX),
		StandardErrorUrl: '',
		CloudWatchOutputConfig: {CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false},
	};
};
